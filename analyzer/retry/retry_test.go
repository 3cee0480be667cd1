package retry_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
	"github.com/wxerrlint/wxerrlint/analyzer/retry"
)

// TestAnalyzer runs the default flags on every package at once: each Run
// analyzes the standard library again, since the analyzer has facts.
//
//   - retrybasic: the retry forms, each retry class, literals and named
//     constants, refresh without retry and retry without refresh;
//   - retrycallback: callbacks of retry-go, backoff v4/v5 and go-retry,
//     permanent errors;
//   - retryfacts/...: facts across packages, markers, and (plain) no facts
//     in a package without WeChat code;
//   - retrynostrict: generic failure checks, silent without -strict;
//   - retrywecom, retrygen: silent packages;
//   - retrybad: type errors and generics.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), retry.Analyzer,
		"retrybasic", "retrycallback", "retryfacts/...", "retrynostrict", "retrywecom", "retrygen", "retrybad")
}

func TestStrict(t *testing.T) {
	testutil.SetFlag(t, retry.Analyzer, "strict", "true")
	analysistest.Run(t, testutil.TestData(t), retry.Analyzer, "retrystrict")
}

// recorder collects the errors analysistest reports.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestStrictOff(t *testing.T) {
	// TestAnalyzer runs retrynostrict without -strict and expects nothing;
	// with it, each of its two functions is reported.
	testutil.SetFlag(t, retry.Analyzer, "strict", "true")
	var r recorder
	analysistest.Run(&r, testutil.TestData(t), retry.Analyzer, "retrynostrict")
	n := 0
	for _, e := range r.errs {
		if strings.Contains(e, "unexpected diagnostic") && strings.Contains(e, "WeChat call failure returns without any retry") {
			n++
		} else {
			t.Errorf("unexpected error: %s", e)
		}
	}
	if n != 2 {
		t.Errorf("with -strict, got %d reports in retrynostrict, want 2", n)
	}
}

// go vet gob-encodes facts: each must survive a round trip.
func TestFactsGobRoundTrip(t *testing.T) {
	for _, f := range []analysis.Fact{&retry.RetriesFact{Retries: true}, &retry.RefreshesTokenFact{RefreshesToken: true}} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatalf("encoding %T: %v", f, err)
		}
		got := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
		if err := gob.NewDecoder(&buf).Decode(got); err != nil {
			t.Fatalf("decoding %T: %v", f, err)
		}
		if !reflect.DeepEqual(got, f) || fmt.Sprint(got) != fmt.Sprint(f) {
			t.Errorf("%T: round trip gave %#v (%v), want %#v (%v)", f, got, got, f, f)
		}
	}
	if len(retry.Analyzer.FactTypes) != 2 {
		t.Errorf("Analyzer.FactTypes has %d types; the round trip covers 2", len(retry.Analyzer.FactTypes))
	}
}

func TestDoc(t *testing.T) {
	first, _, _ := strings.Cut(retry.Analyzer.Doc, "\n")
	if first != "report retry-worthy WeChat errcodes handled without a retry" {
		t.Errorf("Doc starts %q, want the one-line summary", first)
	}
	for _, want := range []string{retry.RetriesMarker, retry.RefreshesTokenMarker, "-strict"} {
		if !strings.Contains(retry.Analyzer.Doc, want) {
			t.Errorf("Doc does not document %s", want)
		}
	}
}
