// Command wxbench measures wxerrlint against its cost floors, side by side
// in one run: for each corpus and each mode it runs every tool once per
// round, in an order that rotates from round to round, and reports the
// medians of wall time, CPU time (user+sys of the process and the children
// it waited for) and peak RSS (of the largest single process), then the
// ratios that issue 7 sets as targets. bench/run.sh builds the tools and
// the corpora and calls it; see bench/README.md.
//
//	wxbench -bin DIR -work DIR -corpus name=dir ... [-rounds 5] [-modes standalone,vet]
//
// Modes:
//
//	standalone  tool ./... (first run: the tool's own cache, if any, emptied;
//	            then a repeat run with nothing changed; a tool without a
//	            cache of its own runs once, its run counting as both; then
//	            a run after a one-line change to one file, -change, which
//	            every tool makes, since the go command compiles again)
//	vet         go vet -vettool=tool ./... (uncached: the tool binary gets
//	            a new build ID, so every vet action misses while compile
//	            actions hit; then a repeat run, a pure cache hit)
//
//	golangci    golangci-lint run ./... with a configuration that enables one
//	            linter set (first run: lint cache emptied; then a repeat run),
//	            with the binary given by -golangci (bench/golangci.sh builds
//	            one with wxerrlint's plugin and the floors wxnoop and
//	            wxnoopfacts)
//
// Every run uses the private GOCACHE given by -gocache, warmed first.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/wxerrlint/wxerrlint/bench/measure"
)

// tool is a command measured by the benchmark.
type tool struct {
	name       string
	bin        string
	standalone bool
	vet        bool
	cacheEnv   string // env var naming the tool's own result cache
	config     string // golangci-lint configuration (mode golangci)
	env        []string
}

// sample is one measured run.
type sample struct {
	Wall, CPU time.Duration
	RSS       int64 // bytes: peak of the largest process (the tool, go list, a vet tool...)
	Own       int64 // bytes: peak of the command itself (standalone: the tool), polled
	Exit      int
}

type corpus struct {
	name, dir string
	change    string // the file the "standalone change" runs edit
}

type key struct {
	Corpus, Mode, Tool string
}

var (
	binDir   = flag.String("bin", "", "directory holding the tool binaries")
	workDir  = flag.String("work", "", "scratch directory")
	gocache  = flag.String("gocache", "", "GOCACHE for every run (default WORK/gocache)")
	rounds   = flag.Int("rounds", 5, "rounds (each tool runs once per round and mode)")
	modes    = flag.String("modes", "standalone,vet", "modes to measure")
	tools    = flag.String("tools", "noop,noopfacts,wxerrlint,wxerrlint-checker,noop-driver,staticcheck", "tools to measure (missing binaries are skipped; wxerrlint-checker is wxerrlint with WXERRLINT_DRIVER=checker)")
	vetTools = flag.String("vettools", "noop,noopfacts,wxerrlint", "tools measured under go vet")
	golangci = flag.String("golangci", "", "golangci-lint binary with the wxerrlint, wxnoop and wxnoopfacts plugins (mode golangci)")
	gclSets  = flag.String("golangci-sets", "wxnoop,wxnoopfacts,wxerrlint,staticcheck,staticcheck+wxerrlint", "linter sets measured under golangci-lint")
	maxTime  = flag.Duration("max", 40*time.Minute, "stop starting rounds after this long")
	jsonOut  = flag.String("json", "", "write every sample as JSON to this file")
	corpora  multiFlag
	changes  multiFlag
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, " ") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func main() {
	flag.Var(&corpora, "corpus", "name=dir of a module to lint with ./... (repeatable)")
	flag.Var(&changes, "change", "name=file: the file of corpus name (relative to it) that the one-line-change runs edit (default: its first non-test Go file)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("wxbench: ")
	if *binDir == "" || *workDir == "" || len(corpora) == 0 {
		log.Fatal("usage: wxbench -bin DIR -work DIR -corpus name=dir ...")
	}
	if *gocache == "" {
		*gocache = filepath.Join(*workDir, "gocache")
	}
	var cs []corpus
	for _, c := range corpora {
		name, dir, ok := strings.Cut(c, "=")
		if !ok {
			log.Fatalf("bad -corpus %q: want name=dir", c)
		}
		c := corpus{name: name, dir: dir}
		for _, ch := range changes {
			if n, f, _ := strings.Cut(ch, "="); n == name {
				c.change = filepath.Join(dir, f)
			}
		}
		if c.change == "" {
			f, err := measure.FirstGoFile(dir)
			if err != nil {
				log.Fatal(err)
			}
			c.change = f
		}
		cs = append(cs, c)
	}
	var ts []tool
	vetSet := make(map[string]bool)
	for _, t := range strings.Split(*vetTools, ",") {
		vetSet[t] = true
	}
	for _, name := range strings.Split(*tools, ",") {
		t := tool{name: name, bin: filepath.Join(*binDir, name), standalone: true, vet: vetSet[name]}
		switch name {
		case "staticcheck":
			t.cacheEnv = "STATICCHECK_CACHE"
		case "wxerrlint", "noop-driver":
			t.cacheEnv = "WXERRLINT_CACHE"
		case "wxerrlint-checker": // the same command through the x/tools checker
			t.bin = filepath.Join(*binDir, "wxerrlint")
			t.env = []string{"WXERRLINT_DRIVER=checker"}
		}
		if _, err := os.Stat(t.bin); err != nil {
			log.Printf("skipping %s: %v", name, err)
			continue
		}
		ts = append(ts, t)
	}
	if *golangci != "" && strings.Contains(*modes, "golangci") {
		for _, set := range strings.Split(*gclSets, ",") {
			cfg, err := writeGolangciConfig(set)
			if err != nil {
				log.Fatal(err)
			}
			ts = append(ts, tool{name: "gcl:" + set, bin: *golangci, config: cfg, cacheEnv: "GOLANGCI_LINT_CACHE"})
		}
	}
	b := &bench{tools: ts, corpora: cs, samples: make(map[key][]sample)}
	b.warm()
	start := time.Now()
	for r := range *rounds {
		if r > 0 && time.Since(start) > *maxTime {
			log.Printf("stopping after %d rounds (-max %v)", r, *maxTime)
			break
		}
		log.Printf("round %d/%d (%v elapsed)", r+1, *rounds, time.Since(start).Round(time.Second))
		for _, c := range cs {
			for _, mode := range strings.Split(*modes, ",") {
				b.round(r, c, mode)
			}
		}
	}
	b.report(os.Stdout)
	if *jsonOut != "" {
		out := make(map[string][]sample)
		for k, v := range b.samples {
			out[k.Corpus+"/"+k.Mode+"/"+k.Tool] = v
		}
		data, _ := json.MarshalIndent(out, "", "  ")
		if err := os.WriteFile(*jsonOut, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

type bench struct {
	tools   []tool
	corpora []corpus
	samples map[key][]sample
	nonce   int
}

func (b *bench) env(extra ...string) []string {
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "GOCACHE=") || strings.HasPrefix(kv, "GOFLAGS=") ||
			strings.HasPrefix(kv, "STATICCHECK_CACHE=") || strings.HasPrefix(kv, "WXERRLINT_CACHE=")
	})
	env = append(env, "GOCACHE="+*gocache, "GOTOOLCHAIN=local")
	return append(env, extra...)
}

// warm fills the private GOCACHE with the export data of every package
// the corpora need, and runs each tool once, unmeasured, so that the
// first measured run does not pay for the disk.
func (b *bench) warm() {
	for _, c := range b.corpora {
		log.Printf("warming %s", c.name)
		for _, argv := range [][]string{
			{"go", "build", "./..."},
			{"go", "list", "-e", "-export", "-deps", "-test", "-compiled", "./..."},
		} {
			cmd := exec.Command(argv[0], argv[1:]...)
			cmd.Dir, cmd.Env, cmd.Stdout = c.dir, b.env(), io.Discard
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				log.Fatalf("%s: %s: %v", c.name, strings.Join(argv, " "), err)
			}
		}
		for _, t := range b.tools {
			mode := "standalone"
			if t.config != "" {
				mode = "golangci"
			}
			if _, err := b.run(c, t, mode, true); err != nil {
				log.Fatal(err)
			}
		}
	}
}

// round measures every tool once in mode, first and repeat runs, in an
// order rotated by r.
func (b *bench) round(r int, c corpus, mode string) {
	var ts []tool
	for _, t := range b.tools {
		if mode == "standalone" && t.standalone || mode == "vet" && t.vet || mode == "golangci" && t.config != "" {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return
	}
	for i := range ts {
		t := ts[(i+r)%len(ts)]
		for _, first := range []bool{true, false} {
			if mode == "standalone" && t.cacheEnv == "" && !first {
				// No cache of its own: a repeat run is another first run.
				k := key{c.name, mode + " repeat", t.name}
				fk := key{c.name, mode + " first", t.name}
				b.samples[k] = append(b.samples[k], b.samples[fk][len(b.samples[fk])-1])
				continue
			}
			s, err := b.run(c, t, mode, first)
			if err != nil {
				log.Fatal(err)
			}
			phase := mode + " repeat"
			if first {
				phase = mode + " first"
				if mode == "vet" {
					phase = "vet uncached"
				}
			}
			k := key{c.name, phase, t.name}
			b.samples[k] = append(b.samples[k], s)
		}
		if mode == "standalone" {
			// The same command after a one-line change to one file, the
			// tool's cache as the repeat run left it.
			b.nonce++
			restore, err := measure.AppendLine(c.change, fmt.Sprintf("wxbench change %d %d", os.Getpid(), b.nonce))
			if err != nil {
				log.Fatal(err)
			}
			s, err := b.runKeep(c, t)
			if rerr := restore(); rerr != nil {
				log.Fatal(rerr)
			}
			if err != nil {
				log.Fatal(err)
			}
			k := key{c.name, "standalone change", t.name}
			b.samples[k] = append(b.samples[k], s)
		}
	}
}

// runKeep runs t standalone on c with its cache as it is.
func (b *bench) runKeep(c corpus, t tool) (sample, error) {
	return b.run(c, t, "standalone", false)
}

// run runs t once on c.
func (b *bench) run(c corpus, t tool, mode string, first bool) (sample, error) {
	var argv, extra []string
	switch mode {
	case "golangci":
		dir := filepath.Join(*workDir, "toolcache", "golangci")
		if first {
			if err := os.RemoveAll(dir); err != nil {
				return sample{}, err
			}
		}
		extra = append(extra, t.cacheEnv+"="+dir)
		argv = []string{t.bin, "run", "--config", t.config, "./..."}
	case "standalone":
		if t.cacheEnv != "" {
			dir := filepath.Join(*workDir, "toolcache", t.name)
			if first {
				if err := os.RemoveAll(dir); err != nil {
					return sample{}, err
				}
			}
			extra = append(extra, t.cacheEnv+"="+dir)
		}
		argv = []string{t.bin, "./..."}
	case "vet":
		// go vet keys its cache on the tool's build ID, a hash of the
		// binary: a copy with bytes appended runs the same code under a
		// new ID.
		vt := filepath.Join(*workDir, "vettool", t.name)
		if first {
			b.nonce++
			if err := measure.CopyWithNonce(t.bin, vt, fmt.Sprintf("wxbench nonce %d %d", os.Getpid(), b.nonce)); err != nil {
				return sample{}, err
			}
		}
		argv = []string{"go", "vet", "-vettool=" + vt, "./..."}
	default:
		return sample{}, fmt.Errorf("unknown mode %q", mode)
	}
	var out bytes.Buffer
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = c.dir, b.env(append(extra, t.env...)...), &out, &out
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, fmt.Errorf("%s: %s: %v", c.name, strings.Join(argv, " "), err)
	}
	own := make(chan int64)
	stop := make(chan struct{})
	go func() { own <- pollHWM(cmd.Process.Pid, stop) }()
	err := cmd.Wait()
	wall := time.Since(t0)
	close(stop)
	ownRSS := <-own
	if cmd.ProcessState == nil {
		return sample{}, fmt.Errorf("%s: %s: %v", c.name, strings.Join(argv, " "), err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("no rusage on this system")
	}
	s := sample{
		Wall: wall,
		CPU:  time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		RSS:  ru.Maxrss * 1024, // KiB on Linux
		Own:  ownRSS,
		Exit: cmd.ProcessState.ExitCode(),
	}
	// Diagnostics exit 1 (go vet, staticcheck) or 3 (x/tools checker);
	// anything else, or a panic, is a failure of the tool.
	if bytes.Contains(out.Bytes(), []byte("panic:")) || s.Exit != 0 && s.Exit != 1 && s.Exit != 3 {
		tail := out.Bytes()
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return s, fmt.Errorf("%s: %s: exit %d:\n%s", c.name, strings.Join(argv, " "), s.Exit, tail)
	}
	return s, nil
}

// writeGolangciConfig writes a golangci-lint v2 configuration enabling
// only the linters of set (names joined by +) and returns its path.
func writeGolangciConfig(set string) (string, error) {
	var b strings.Builder
	b.WriteString("version: \"2\"\nlinters:\n  default: none\n  enable:\n")
	var custom []string
	for _, l := range strings.Split(set, "+") {
		fmt.Fprintf(&b, "    - %s\n", l)
		if strings.HasPrefix(l, "wx") {
			custom = append(custom, l)
		}
	}
	if len(custom) > 0 {
		b.WriteString("  settings:\n    custom:\n")
		for _, l := range custom {
			fmt.Fprintf(&b, "      %s:\n        type: module\n        description: %s\n", l, l)
		}
	}
	b.WriteString("issues:\n  max-issues-per-linter: 0\n  max-same-issues: 0\n")
	path := filepath.Join(*workDir, "golangci", strings.ReplaceAll(set, "+", "-")+".yml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

// pollHWM returns the last peak resident size (VmHWM) read from
// /proc/pid/status before stop closes; it polls every 5ms, so it can miss
// growth in a process's last milliseconds.
func pollHWM(pid int, stop <-chan struct{}) int64 {
	var hwm int64
	path := fmt.Sprintf("/proc/%d/status", pid)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if data, err := os.ReadFile(path); err == nil {
			for line := range strings.SplitSeq(string(data), "\n") {
				if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
					var kb int64
					fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
					hwm = max(hwm, kb*1024)
				}
			}
		}
		select {
		case <-stop:
			return hwm
		case <-tick.C:
		}
	}
}

type stat struct {
	wall, cpu time.Duration
	rss, own  int64
	n         int
	exit      int
}

func (b *bench) stat(k key) (stat, bool) {
	ss := b.samples[k]
	if len(ss) == 0 {
		return stat{}, false
	}
	var walls, cpus []time.Duration
	var rsss, owns []int64
	for _, s := range ss {
		walls = append(walls, s.Wall)
		cpus = append(cpus, s.CPU)
		rsss = append(rsss, s.RSS)
		owns = append(owns, s.Own)
	}
	return stat{measure.Median(walls), measure.Median(cpus), measure.Median(rsss), measure.Median(owns), len(ss), ss[0].Exit}, true
}

// paired returns the median over rounds of the per-round ratio of a to b.
func (b *bench) paired(ka, kb key, f func(sample) float64) float64 {
	sa, sb := b.samples[ka], b.samples[kb]
	var rs []float64
	for i := range min(len(sa), len(sb)) {
		if d := f(sb[i]); d > 0 {
			rs = append(rs, f(sa[i])/d)
		}
	}
	return measure.Median(rs)
}

func (b *bench) report(w io.Writer) {
	modeOrder := []string{"standalone first", "standalone repeat", "standalone change", "vet uncached", "vet repeat", "golangci first", "golangci repeat"}
	for _, c := range b.corpora {
		fmt.Fprintf(w, "\n## %s (%s)\n\n", c.name, c.dir)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "mode\ttool\twall s\tCPU s\tpeak RSS MiB\tcommand's RSS MiB\truns\texit\t")
		for _, m := range modeOrder {
			for _, t := range b.tools {
				if s, ok := b.stat(key{c.name, m, t.name}); ok {
					fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2f\t%.0f\t%.0f\t%d\t%d\t\n", m, t.name, s.wall.Seconds(), s.cpu.Seconds(), float64(s.rss)/(1<<20), float64(s.own)/(1<<20), s.n, s.exit)
				}
			}
		}
		tw.Flush()

		fmt.Fprintf(w, "\nratios (of medians; paired = median of per-round ratios):\n\n")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ratio\twall\tpaired\tCPU\tRSS\tcmd RSS\ttarget (wall)\t")
		for _, r := range []struct {
			mode, a, b string
			bmode      string
			target     float64
			note       string
		}{
			{"vet uncached", "wxerrlint", "noopfacts", "", 1.05, "≤1.05"},
			{"vet uncached", "noopfacts", "noop", "", 0, ""},
			{"vet repeat", "wxerrlint", "noop", "", 1.1, "≤1.1"},
			{"standalone first", "wxerrlint", "noop", "", 1.5, "≤1.5 (and RSS ≤2)"},
			{"standalone first", "wxerrlint-checker", "noop", "", 0, "(the x/tools checker)"},
			{"standalone first", "noop-driver", "noop", "", 0, ""},
			{"standalone first", "noopfacts", "noop", "", 0, ""},
			{"standalone first", "wxerrlint", "staticcheck", "", 1, "<1 (and cmd RSS <1)"},
			{"standalone repeat", "wxerrlint", "noop", "", 1.1, "≤1.1"},
			{"standalone repeat", "staticcheck", "noop", "", 0, ""},
			{"standalone change", "wxerrlint", "noop", "", 1, "≤1 (the floor)"},
			{"standalone change", "noop-driver", "noop", "", 0, ""},
			{"standalone change", "wxerrlint", "staticcheck", "", 0, ""},
			{"vet uncached", "wxerrlint", "noop", "standalone first", 0, "(vet from scratch vs standalone noop)"},
			{"golangci first", "gcl:wxerrlint", "gcl:wxnoopfacts", "", 1.05, "≤1.05"},
			{"golangci first", "gcl:wxnoop", "noop", "standalone first", 0, "(fact-free plugin vs standalone noop)"},
			{"golangci first", "gcl:wxnoopfacts", "gcl:wxnoop", "", 0, ""},
			{"golangci first", "gcl:staticcheck+wxerrlint", "gcl:staticcheck", "", 1.05, "≤1.05"},
			{"golangci repeat", "gcl:wxerrlint", "gcl:wxnoop", "", 0, ""},
		} {
			bm := r.bmode
			if bm == "" {
				bm = r.mode
			}
			ka, kb := key{c.name, r.mode, r.a}, key{c.name, bm, r.b}
			sa, ok1 := b.stat(ka)
			sb, ok2 := b.stat(kb)
			if !ok1 || !ok2 {
				continue
			}
			wall := sa.wall.Seconds() / sb.wall.Seconds()
			verdict := r.note
			if r.target > 0 {
				pass := wall <= r.target
				switch {
				case r.b == "staticcheck":
					pass = wall < 1 && sa.own < sb.own
				case r.target == 1.5:
					pass = pass && float64(sa.rss) <= 2*float64(sb.rss)
				}
				verdict = fmt.Sprintf("%s %s", r.note, map[bool]string{true: "met", false: "NOT met"}[pass])
			}
			fmt.Fprintf(tw, "%s: %s / %s %s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t\n", r.mode, r.a, r.b, map[bool]string{true: "(" + bm + ")", false: ""}[r.bmode != ""],
				wall, b.paired(ka, kb, func(s sample) float64 { return s.Wall.Seconds() }),
				sa.cpu.Seconds()/sb.cpu.Seconds(), float64(sa.rss)/float64(sb.rss), float64(sa.own)/float64(max(sb.own, 1)), verdict)
		}
		tw.Flush()
	}
	// Growth: time per file across corpora, for the synthetic ones.
	fmt.Fprintf(w, "\ngrowth (median wall s per corpus):\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "mode\ttool\t")
	for _, c := range b.corpora {
		fmt.Fprintf(tw, "%s\t", c.name)
	}
	fmt.Fprintln(tw)
	for _, m := range modeOrder {
		for _, t := range b.tools {
			line := fmt.Sprintf("%s\t%s\t", m, t.name)
			any := false
			for _, c := range b.corpora {
				if s, ok := b.stat(key{c.name, m, t.name}); ok {
					line += fmt.Sprintf("%.2f\t", s.wall.Seconds())
					any = true
				} else {
					line += "-\t"
				}
			}
			if any {
				fmt.Fprintln(tw, line)
			}
		}
	}
	tw.Flush()
}
