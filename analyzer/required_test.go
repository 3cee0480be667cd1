// This file tests the walk over Requires.

package analyzer

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestWithRequired(t *testing.T) {
	// c is required twice (by a directly and through b): it comes once,
	// before both; d, listed after a, still follows a's requirements.
	c := &analysis.Analyzer{Name: "c"}
	b := &analysis.Analyzer{Name: "b", Requires: []*analysis.Analyzer{c}}
	a := &analysis.Analyzer{Name: "a", Requires: []*analysis.Analyzer{b, c}}
	d := &analysis.Analyzer{Name: "d", Requires: []*analysis.Analyzer{c}}
	var got []string
	for x := range WithRequired([]*analysis.Analyzer{a, d}) {
		got = append(got, x.Name)
	}
	if want := []string{"c", "b", "a", "d"}; !slices.Equal(got, want) {
		t.Errorf("WithRequired = %v, want %v", got, want)
	}
	// Breaking out of the loop stops the walk.
	got = nil
	for x := range WithRequired([]*analysis.Analyzer{a, d}) {
		got = append(got, x.Name)
		break
	}
	if want := []string{"c"}; !slices.Equal(got, want) {
		t.Errorf("WithRequired, first only = %v, want %v", got, want)
	}
}
