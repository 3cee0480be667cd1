// This file runs the suite over the standard library and x/tools: no
// finding, no panic, and the driver finds no fact outside its source set.

package integration

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

// Code that holds no WeChat code at all must give no diagnostic, and no
// analyzer may fail on it. Facts make the suite load every package from
// source, so these runs are long: -short skips them, and run.sh runs them
// as a step of their own.

// TestStd runs the suite over the standard library, without its tests:
// with them it takes 7 times as long and 5 GiB. No standard package is a
// candidate (errcode.CandidateFact), so the checks return at once there:
// this guards that rule. The analysis code itself meets arbitrary code in
// TestXTools, where every package that calls a decoder is a candidate,
// and in FuzzAnalyzers.
func TestStd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source; skipped by -short")
	}
	silent(t, ".", false, "std")
}

// TestXTools runs the suite over golang.org/x/tools, tests included, at
// the version the main module pins, in its own module (with its own
// dependencies).
func TestXTools(t *testing.T) {
	if testing.Short() {
		t.Skip("loads golang.org/x/tools from source; skipped by -short")
	}
	dir := moduleDir(t, "golang.org/x/tools")
	pin := strings.TrimSpace(goCmd(t, "..", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools"))
	if !strings.HasSuffix(dir, "@"+pin) {
		t.Fatalf("golang.org/x/tools is at %s here, but the main module pins %s: align go.mod", dir, pin)
	}
	silent(t, dir, true, "./...")
}

// TestXToolsDriver runs the wxerrlint command's driver over x/tools with
// Verify: every package from source, as the x/tools checker loads them, and
// a failure for any fact produced outside the packages the driver would
// have loaded from source (its candidates and their importers). x/tools
// has many candidates (every package that calls a decoder), so this checks
// the driver's and the analyzers' notions of a candidate against each
// other on a large build.
func TestXToolsDriver(t *testing.T) {
	if testing.Short() {
		t.Skip("loads golang.org/x/tools from source; skipped by -short")
	}
	var stdout, stderr bytes.Buffer
	cfg := driver.Config{Dir: moduleDir(t, "golang.org/x/tools"), Tests: true, Verify: true}
	code, err := driver.Run(cfg, []string{"./..."}, analyzer.Suite, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	out := stdout.String() + stderr.String()
	if code != 0 || strings.Contains(out, "outside the source set") || !strings.Contains(out, "driver: verified:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	t.Logf("%s", strings.TrimSpace(out))
}

// silent loads patterns in dir (with their tests if tests is set), runs the
// suite and fails on any finding or analyzer error. It logs the time and
// memory it took.
func silent(t *testing.T, dir string, tests bool, patterns ...string) {
	start := time.Now()
	pkgs := load(t, dir, tests, true, patterns...)
	loaded := time.Since(start)
	rep := analyze(t, pkgs, func(s string) string { return s })
	analyzed := time.Since(start) - loaded
	for _, f := range rep.Findings {
		t.Errorf("%s", f)
	}
	for _, e := range rep.Errors {
		t.Errorf("analyzer error: %s", e)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%s: analyzers %s; %d root packages, %d actions; load %v, analysis %v; heap in use %d MiB, peak sys %d MiB",
		strings.Join(patterns, " "), strings.Join(suiteNames(), ", "), len(pkgs), rep.Actions,
		loaded.Round(time.Millisecond), analyzed.Round(time.Millisecond), ms.HeapInuse>>20, ms.Sys>>20)
	pkgs = nil
	debug.FreeOSMemory()
}
