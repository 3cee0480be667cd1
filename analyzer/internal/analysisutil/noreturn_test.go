// This file tests which calls never return.

package analysisutil

import (
	"go/types"
	"testing"
)

func TestNoReturn(t *testing.T) {
	const src = `package p

import (
	"log"
	"os"
)

func f() {
	panic("x")
	os.Exit(1)
	log.Fatalf("x")
	log.Panicln("x")
	log.Println("x")
	os.Getenv("x")
}

func g() {
	panic := func(string) {}
	panic("x")
}
`
	info, calls := typeCheckCalls(t, src)
	want := []struct{ how, why string }{
		{"panics", "the builtin"},
		{"exits", "os.Exit"},
		{"exits", "log.Fatal*: os.Exit after printing"},
		{"panics", "log.Panic*: panic after printing"},
		{"", "log.Println returns"},
		{"", "another function of os"},
		{"", "a local function named panic"},
	}
	if len(calls) != len(want) {
		t.Fatalf("%d calls, want %d", len(calls), len(want))
	}
	for i, call := range calls {
		if got := NoReturn(info, call); got != want[i].how {
			t.Errorf("NoReturn(%s) = %q, want %q (%s)", types.ExprString(call), got, want[i].how, want[i].why)
		}
	}
}
