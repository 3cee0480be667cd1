package bench_test

// The go test -bench form of the benchmark: the floors and wxerrlint, side
// by side in each iteration (the order rotates), on a generated corpus of
// 100 files and on silenceper/wechat. Each iteration runs every tool once;
// the reported metrics are each tool's median wall time (ms/TOOL) and the
// ratios of medians that issue 7 sets targets for (A/B). run.sh with
// cmd/wxbench measures more (CPU, memory, golangci-lint, several corpora)
// and prints the same ratios.
//
//	go test -run '^$' -bench . -benchtime 5x
//
// The go build cache must be warm for the ratios to mean anything (the
// benchmark warms it once per corpus): every tool then reads dependencies'
// export data from it, as on a developer's machine.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxerrlint/wxerrlint/bench/gen"
	"github.com/wxerrlint/wxerrlint/bench/measure"
)

// tool is a command measured by the benchmark.
type tool struct {
	name string
	pkg  string   // package to build
	env  []string // more environment
}

var tools = []tool{
	{"noop", "./cmd/noop", nil},
	{"noopfacts", "./cmd/noopfacts", nil},
	{"wxerrlint", "github.com/wxerrlint/wxerrlint/cmd/wxerrlint", []string{"WXERRLINT_CACHE=off"}},
	{"wxerrlint-checker", "github.com/wxerrlint/wxerrlint/cmd/wxerrlint", []string{"WXERRLINT_DRIVER=checker"}},
}

// ratio is a target of issue 7: tool a's median over tool b's.
type ratio struct{ a, b string }

var (
	setupOnce sync.Once
	setupErr  error
	binDir    string
	corpora   = map[string]string{} // name → module directory
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "wxbench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// setup builds the tools and the corpora, and warms the build cache.
func setup(b *testing.B) {
	b.Helper()
	setupOnce.Do(func() { setupErr = doSetup() })
	if setupErr != nil {
		b.Fatal(setupErr)
	}
}

func doSetup() error {
	for _, t := range tools {
		if out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, t.name), t.pkg).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", t.pkg, err, out)
		}
	}
	c100 := filepath.Join(binDir, "corpus", "c100")
	if err := gen.Generate(c100, 100); err != nil {
		return err
	}
	corpora["c100"] = c100
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/silenceper/wechat/v2").Output()
	if err != nil {
		return fmt.Errorf("locating the silenceper module: %v", err)
	}
	silenceper := filepath.Join(binDir, "corpus", "silenceper")
	if err := os.CopyFS(silenceper, os.DirFS(strings.TrimSpace(string(out)))); err != nil {
		return err
	}
	corpora["silenceper"] = silenceper
	for _, dir := range corpora {
		for _, args := range [][]string{{"mod", "download"}, {"build", "./..."}, {"list", "-export", "-deps", "-test", "./..."}} {
			cmd := exec.Command("go", args...)
			cmd.Dir, cmd.Env = dir, corpusEnv()
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
			}
		}
	}
	return nil
}

func corpusEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
}

// BenchmarkStandalone measures a first run of each command on ./... of a
// corpus, tests included (wxerrlint's result cache is off).
func BenchmarkStandalone(b *testing.B) {
	for _, corpus := range []string{"c100", "silenceper"} {
		b.Run(corpus, func(b *testing.B) {
			setup(b)
			compare(b, corpora[corpus], tools, func(t tool, _ int) []string {
				return []string{filepath.Join(binDir, t.name), "./..."}
			}, []ratio{{"wxerrlint", "noop"}, {"wxerrlint-checker", "noop"}, {"noopfacts", "noop"}})
		})
	}
}

// BenchmarkVetUncached measures go vet -vettool with every vet action
// missing the cache (each iteration uses a copy of the tool with other
// bytes appended: go vet keys its cache on the tool's content), while
// every compile action hits it.
func BenchmarkVetUncached(b *testing.B) {
	for _, corpus := range []string{"c100", "silenceper"} {
		b.Run(corpus, func(b *testing.B) {
			setup(b)
			vetTools := slices.DeleteFunc(slices.Clone(tools), func(t tool) bool { return t.name == "wxerrlint-checker" })
			compare(b, corpora[corpus], vetTools, func(t tool, round int) []string {
				vt := filepath.Join(binDir, "vettool", fmt.Sprintf("%s-%d-%d", t.name, round, time.Now().UnixNano()))
				if err := measure.CopyWithNonce(filepath.Join(binDir, t.name), vt, fmt.Sprintf("nonce %d", time.Now().UnixNano())); err != nil {
					b.Fatal(err)
				}
				return []string{"go", "vet", "-vettool=" + vt, "./..."}
			}, []ratio{{"wxerrlint", "noopfacts"}, {"noopfacts", "noop"}})
		})
	}
}

// compare runs every tool once per iteration, in an order that rotates,
// and reports each tool's median wall time and the ratios of medians.
func compare(b *testing.B, dir string, ts []tool, argv func(tool, int) []string, ratios []ratio) {
	b.Helper()
	walls := make(map[string][]time.Duration)
	round := 0
	for b.Loop() {
		for i := range ts {
			t := ts[(i+round)%len(ts)]
			args := argv(t, round)
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir, cmd.Env = dir, append(corpusEnv(), t.env...)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			walls[t.name] = append(walls[t.name], time.Since(start))
			if err != nil && cmd.ProcessState == nil {
				b.Fatalf("%s: %v", strings.Join(args, " "), err)
			}
			// Exit status 1 under go vet and 3 standalone are findings;
			// a panic or a failed load is not.
			if strings.Contains(string(out), "panic:") || strings.Contains(string(out), "could not import") {
				b.Fatalf("%s failed:\n%s", strings.Join(args, " "), out)
			}
		}
		round++
	}
	med := make(map[string]time.Duration)
	for name, ws := range walls {
		med[name] = measure.Median(ws)
		b.ReportMetric(float64(med[name].Microseconds())/1e3, "ms/"+name)
	}
	for _, r := range ratios {
		if med[r.b] > 0 {
			b.ReportMetric(float64(med[r.a])/float64(med[r.b]), r.a+"/"+r.b)
		}
	}
}
