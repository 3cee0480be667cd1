// This file decides what a run prints and its exit code, as the x/tools
// checker would: load and type errors, then the diagnostics as text (on
// stderr) or JSON (on stdout).

package driver

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// report returns what the run prints and its exit code: 0, 1 when a
// package has errors or an analysis failed, 3 for diagnostics (not with
// -json, as the x/tools checker). clean says that nothing failed: no
// package error, no analysis error, no fact outside the source set.
func (r *run) report(roots []*packages.Package, graph *checker.Graph) (res result, clean bool, err error) {
	var out, jsonOut bytes.Buffer // for stderr and, with -json, stdout
	nerrs := 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			fmt.Fprintln(&out, e)
			nerrs++
		}
	})
	code := 0
	if nerrs > 0 {
		code = 1
	}
	failed, diags := 0, 0
	for act := range graph.All() {
		if act.Err != nil {
			failed++
		} else if act.IsRoot {
			diags += len(act.Diagnostics)
		}
	}
	if r.cfg.JSON {
		if err := graph.PrintJSON(&jsonOut); err != nil {
			return result{}, false, err
		}
	} else {
		if err := graph.PrintText(&out, -1); err != nil {
			return result{}, false, err
		}
		if failed > 0 {
			code = max(code, 1)
		} else if diags > 0 {
			code = max(code, 3)
		}
	}
	verified := true
	if r.cfg.Verify {
		out.WriteString(r.verify(graph))
		if strings.Contains(out.String(), "driver: verify:") {
			code = max(code, 1)
			verified = false
		}
	}
	return result{out.Bytes(), jsonOut.Bytes(), code}, nerrs == 0 && failed == 0 && verified, nil
}
