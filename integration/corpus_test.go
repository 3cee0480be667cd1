// This file runs the suite over the real corpora and compares the findings
// with their reviewed expectations files.

package integration

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expectations files from the findings, keeping the judgements of known findings and marking new ones "+unreviewed)

// unreviewed is the judgement of a finding no human has read yet. The test
// fails while any finding carries it.
const unreviewed = "UNREVIEWED"

// A corpus is a real module, at an exact version from the module proxy,
// whose findings are compared with testdata/<Name>.expect. Each needs its
// module in go.mod and a deps_<Name>.go (see gendeps.sh).
type corpus struct {
	Name    string // the subtest's name and the expectations file's base name
	Module  string
	Version string
}

// silenceper is the corpus whose known finding TestCorpusDriver looks
// for.
var silenceper = corpus{"silenceper", "github.com/silenceper/wechat/v2", "v2.1.10"}

// corpora are the code bases wxerrlint is proven on: WeChat SDKs (official
// account, mini program, WeCom, WeChat Pay and open platform APIs, each with
// its own way of checking errcodes), then applications that decode WeChat
// replies in their own code.
var corpora = []corpus{
	silenceper,
	{"offiaccount", "github.com/fastwego/offiaccount", "v1.0.1"},
	{"weapp", "github.com/medivhzhan/weapp/v3", "v3.8.1"},
	{"weappv2", "github.com/medivhzhan/weapp/v2", "v2.5.0"},
	{"workwx", "github.com/xen0n/go-workwx", "v1.6.0"},
	{"chanxuehong", "github.com/chanxuehong/wechat", "v0.0.0-20230222024006-36f0325263cd"},
	{"powerwechat", "github.com/ArtisanCloud/PowerWeChat/v3", "v3.4.10"},
	{"esap", "github.com/esap/wechat", "v1.0.0"},
	{"alertmanager", "github.com/prometheus/alertmanager", "v0.27.0"},
}

func (c corpus) expectFile() string { return filepath.Join("testdata", c.Name+".expect") }

// TestCorpus runs the suite over every package of each corpus, tests
// included (as the wxerrlint command does), and compares the findings with
// the corpus's expectations file. go test -run 'TestCorpus/^weapp$' runs
// one corpus alone (each loads its packages and their dependencies from
// source).
func TestCorpus(t *testing.T) {
	for _, c := range corpora {
		t.Run(c.Name, func(t *testing.T) { testCorpus(t, c) })
	}
}

func testCorpus(t *testing.T, c corpus) {
	root := moduleDir(t, c.Module)
	if want := "@" + c.Version; !strings.HasSuffix(root, want) {
		t.Fatalf("corpus module is at %s, want version %s: check go.mod", root, c.Version)
	}
	pkgs := load(t, ".", true, true, c.Module+"/...")
	rep := analyze(t, pkgs, relTo(root))
	if len(rep.Errors) > 0 {
		t.Errorf("analyzer errors on the corpus:\n%s", strings.Join(rep.Errors, "\n"))
	}
	// The findings must not depend on scheduling: go vet caches them.
	if again := analyze(t, pkgs, relTo(root)); !equalFindings(rep.Findings, again.Findings) {
		t.Errorf("two runs on the same packages disagree:\n%s", diff(lines(rep.Findings), lines(again.Findings)))
	}
	t.Logf("analyzers: %s; %d packages, %d actions, %d findings", strings.Join(suiteNames(), ", "), len(pkgs), rep.Actions, len(rep.Findings))
	checkExpectations(t, c.expectFile(), fmt.Sprintf("%s %s", c.Module, c.Version), rep.Findings)
}

// An expectation is one line of an expectations file:
// analyzer<TAB>file:line:col<TAB>message<TAB>judgement.
type expectation struct {
	finding
	Judgement string
}

type expectFile struct {
	Analyzers string // the "# analyzers:" line: the suite the file was made with
	Entries   []expectation
}

// checkExpectations compares findings with the expectations file, or
// rewrites it under -update.
func checkExpectations(t *testing.T, file, corpus string, findings []finding) {
	t.Helper()
	old, err := readExpectations(file)
	if err != nil && !(*update && os.IsNotExist(err)) {
		t.Fatalf("%v (run go test -run '%s' -update to create it)", err, runPattern(t.Name()))
	}
	suite := strings.Join(suiteNames(), ",")
	if *update {
		next := merge(old.Entries, findings)
		if err := writeExpectations(file, corpus, runPattern(t.Name()), suite, next); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d findings", file, len(next))
		old = expectFile{Analyzers: suite, Entries: next}
	} else {
		var want []finding
		for _, e := range old.Entries {
			want = append(want, e.finding)
		}
		if !equalFindings(want, findings) {
			t.Errorf("findings differ from %s (- expected, + found); review them, then run go test -run '%s' -update and judge the new ones:\n%s",
				file, runPattern(t.Name()), diff(lines(want), lines(findings)))
		}
		if old.Analyzers != suite {
			t.Errorf("%s was made with analyzers %q, the suite now holds %q: run go test -run '%s' -update and review", file, old.Analyzers, suite, runPattern(t.Name()))
		}
	}
	var todo []string
	for _, e := range old.Entries {
		if e.Judgement == unreviewed || e.Judgement == "" {
			todo = append(todo, e.finding.String())
		}
	}
	if len(todo) > 0 {
		t.Errorf("%d findings in %s await a human judgement (replace %s with \"true bug: why\" or \"false report: why\"):\n%s",
			len(todo), file, unreviewed, strings.Join(todo, "\n"))
	}
}

// runPattern returns the go test -run pattern that selects exactly the
// test or subtest named name.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// merge returns the entries for findings, keeping the judgement of the old
// entry with the same analyzer, position and message, or else of the only
// old entry of that analyzer at that position (a reworded message), and
// marking the others unreviewed.
func merge(old []expectation, findings []finding) []expectation {
	exact := make(map[finding][]string)
	atPos := make(map[[2]string][]string)
	for _, e := range old {
		exact[e.finding] = append(exact[e.finding], e.Judgement)
		k := [2]string{e.Analyzer, e.Posn}
		atPos[k] = append(atPos[k], e.Judgement)
	}
	var out []expectation
	for _, f := range findings {
		j := unreviewed
		k := [2]string{f.Analyzer, f.Posn}
		if js := exact[f]; len(js) > 0 {
			j = js[0]
		} else if js := atPos[k]; len(js) == 1 {
			j = js[0]
		}
		if j == "" {
			j = unreviewed
		}
		out = append(out, expectation{f, j})
	}
	return out
}

func readExpectations(file string) (expectFile, error) {
	var ef expectFile
	data, err := os.ReadFile(file)
	if err != nil {
		return ef, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if a, ok := strings.CutPrefix(line, "# analyzers:"); ok {
			ef.Analyzers = strings.TrimSpace(a)
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 && len(fields) != 4 {
			return ef, fmt.Errorf("%s:%d: want analyzer<TAB>file:line:col<TAB>message<TAB>judgement, got %d fields", file, n, len(fields))
		}
		e := expectation{finding: finding{Analyzer: fields[0], Posn: fields[1], Message: unescape(fields[2])}}
		if len(fields) == 4 {
			e.Judgement = strings.TrimSpace(fields[3])
		}
		ef.Entries = append(ef.Entries, e)
	}
	return ef, sc.Err()
}

// writeExpectations writes an expectations file; rerun is the -run
// pattern that rewrites it.
func writeExpectations(file, corpus, rerun, suite string, entries []expectation) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Findings of wxerrlint on %s, one a line:\n", corpus)
	fmt.Fprintf(&b, "# analyzer<TAB>file:line:col<TAB>message<TAB>judgement.\n")
	fmt.Fprintf(&b, "# The judgement is a human's: \"true bug: why\", \"true report, no bug: why\"\n")
	fmt.Fprintf(&b, "# (a finding that is right but changes no behaviour) or \"false report: why\".\n")
	fmt.Fprintf(&b, "# go test -run '%s' -update rewrites the findings, keeps the judgements\n", rerun)
	fmt.Fprintf(&b, "# and marks new findings %s, which fails the test until judged.\n", unreviewed)
	fmt.Fprintf(&b, "# analyzers: %s\n", suite)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\n", e.finding, e.Judgement)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
		return err
	}
	return os.WriteFile(file, []byte(b.String()), 0o666)
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func lines(fs []finding) []string {
	var s []string
	for _, f := range fs {
		s = append(s, f.String())
	}
	return s
}

func equalFindings(a, b []finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// diff returns the lines only in want (prefixed -) and only in got (+),
// both being sorted the same way.
func diff(want, got []string) string {
	count := make(map[string]int)
	for _, l := range got {
		count[l]++
	}
	var b strings.Builder
	for _, l := range want {
		if count[l] > 0 {
			count[l]--
			continue
		}
		fmt.Fprintf(&b, "- %s\n", l)
	}
	seen := make(map[string]int)
	for _, l := range want {
		seen[l]++
	}
	for _, l := range got {
		if seen[l] > 0 {
			seen[l]--
			continue
		}
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	return b.String()
}
