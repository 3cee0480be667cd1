// This file decides whether a run that loaded everything from source
// (Config.Verify) confirms what the source set relies on: no fact that
// demand.go answers without asking arises outside the packages that can
// hold WeChat code, the driver's candidates are errcode's, and the source
// set alone prints the same.

package driver

import (
	"bytes"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// verify returns a line for each package outside the WeChat part of the
// source set in which an analyzer produced
// a fact that is not asked for, and for each package whose candidacy the
// scan decided otherwise than errcode.
func (r *run) verify(graph *checker.Graph) string {
	wechat := make(map[*types.Package]*node)
	for n, s := range r.sourceSet(false) {
		if s {
			wechat[n.pkg.Types] = n
		}
	}
	var b strings.Builder
	pkgs, facts := 0, 0
	for act := range graph.All() {
		if len(act.Analyzer.FactTypes) == 0 {
			continue
		}
		own, candidate := 0, false
		var unasked []string // the first few, for the message
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				own++
				if !askedFor(f.Fact) || !mayDecode(f.Object) {
					unasked = append(unasked, fmt.Sprintf("%s: %s", f.Object.Name(), f.Fact))
				}
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				own++
				switch f.Fact.(type) {
				case *errcode.CandidateFact:
					candidate = true
				default:
					if !askedFor(f.Fact) {
						unasked = append(unasked, fmt.Sprintf("package: %s", f.Fact))
					}
				}
			}
		}
		if act.Analyzer.Name == errcode.Analyzer.Name {
			if n := r.nodes[act.Package]; n != nil && n.cand != candidate {
				fmt.Fprintf(&b, "driver: verify: errcode decided candidate=%t for %s, the scan %t\n", candidate, act.Package.ID, n.cand)
			}
		}
		if own == 0 {
			continue
		}
		pkgs++
		facts += own
		if _, ok := wechat[act.Package.Types]; !ok && len(unasked) > 0 {
			slices.Sort(unasked)
			fmt.Fprintf(&b, "driver: verify: %s produced %d fact(s) in %s, outside the source set, that it would not ask for: %s\n",
				act.Analyzer.Name, len(unasked), act.Package.ID, strings.Join(unasked[:min(len(unasked), 5)], "; "))
		}
	}
	fmt.Fprintf(&b, "driver: verified: %d facts in %d packages; source set %d of %d packages\n", facts, pkgs, len(wechat), len(r.order))
	return b.String()
}

// verifyAlone runs patterns again with the source set alone and returns a
// line if it prints something else than res, the result of the run that
// loaded everything from source (its own verify lines aside), or exits
// otherwise.
func verifyAlone(cfg Config, patterns []string, analyzers []*analysis.Analyzer, res result) (string, error) {
	var full strings.Builder
	for l := range strings.Lines(string(res.stderr) + string(res.stdout)) {
		if !strings.HasPrefix(l, "driver: ") {
			full.WriteString(l)
		}
	}
	cfg.Verify, cfg.Full, cfg.CacheDir, cfg.Timing = false, false, "", false
	var stdout, stderr bytes.Buffer
	code, err := Run(cfg, patterns, analyzers, &stdout, &stderr)
	if err != nil {
		return "", err
	}
	failed := strings.Contains(string(res.stderr), "driver: verify:") // which sets res.code
	if alone := stderr.String() + stdout.String(); alone != full.String() || !failed && code != res.code {
		return fmt.Sprintf("driver: verify: the source set alone prints something else (exit %d, everything from source %d):\n%s", code, res.code, alone), nil
	}
	return "", nil
}
