package integration

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestMergeKeepsJudgements checks what -update does to an expectations
// file: judgements stay with their findings (also when only the message
// changed), new findings are unreviewed, and gone ones are dropped.
func TestMergeKeepsJudgements(t *testing.T) {
	old := []expectation{
		{finding{"a", "f.go:1:1", "same"}, "true bug: kept"},
		{finding{"a", "f.go:2:1", "old wording"}, "false report: kept through a rewording"},
		{finding{"a", "f.go:3:1", "gone"}, "true bug: dropped"},
		{finding{"b", "f.go:4:1", "x"}, "true bug: one of two at this position"},
		{finding{"b", "f.go:4:1", "y"}, "true bug: the other"},
	}
	findings := []finding{
		{"a", "f.go:1:1", "same"},
		{"a", "f.go:2:1", "new wording"},
		{"b", "f.go:4:1", "z"}, // two old entries here: which judgement applies is unclear
		{"c", "f.go:5:1", "new"},
	}
	got := merge(old, findings)
	want := []expectation{
		{finding{"a", "f.go:1:1", "same"}, "true bug: kept"},
		{finding{"a", "f.go:2:1", "new wording"}, "false report: kept through a rewording"},
		{finding{"b", "f.go:4:1", "z"}, unreviewed},
		{finding{"c", "f.go:5:1", "new"}, unreviewed},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge:\ngot  %v\nwant %v", got, want)
	}
}

// TestExpectationsRoundTrip checks that messages with tabs, newlines and
// backslashes survive writing and reading an expectations file.
func TestExpectationsRoundTrip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.expect")
	entries := []expectation{
		{finding{"a", "f.go:1:2", "tab\there, newline\nthere, backslash \\n"}, "true bug: why"},
		{finding{"b", "g.go:3:4", "plain"}, unreviewed},
	}
	if err := writeExpectations(file, "corpus v1", "^TestX$", "a,b", entries); err != nil {
		t.Fatal(err)
	}
	ef, err := readExpectations(file)
	if err != nil {
		t.Fatal(err)
	}
	if ef.Analyzers != "a,b" || !reflect.DeepEqual(ef.Entries, entries) {
		t.Errorf("read back %q %v, want %q %v", ef.Analyzers, ef.Entries, "a,b", entries)
	}
}

func TestDiff(t *testing.T) {
	got := diff([]string{"a", "b", "b", "c"}, []string{"b", "c", "d"})
	want := "- a\n- b\n+ d\n"
	if got != want {
		t.Errorf("diff = %q, want %q", got, want)
	}
	if d := diff([]string{"x"}, []string{"x"}); d != "" {
		t.Errorf("diff of equal lists = %q", d)
	}
	if !strings.Contains(diff(nil, []string{"new"}), "+ new") {
		t.Error("diff misses an added line")
	}
}

// TestRunPattern checks the -run pattern an expectations file names: it
// must select its own corpus and no other whose name it prefixes.
func TestRunPattern(t *testing.T) {
	re := runPattern("TestCorpus/weapp")
	if want := "^TestCorpus$/^weapp$"; re != want {
		t.Errorf("runPattern = %q, want %q", re, want)
	}
	sub := strings.Split(re, "/")[1]
	if ok, _ := regexp.MatchString(sub, "weappv2"); ok {
		t.Errorf("%q also selects weappv2", re)
	}
}
