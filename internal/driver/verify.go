// This file decides whether the source set held every fact of a run
// that loaded everything from source (Config.Verify).

package driver

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// verify returns a line for each package outside the source set (as the
// default mode would compute it) in which an analyzer produced a fact.
func (r *run) verify(graph *checker.Graph) string {
	src := make(map[*packages.Package]bool)
	for n, s := range r.sourceSet(false) {
		src[n.pkg] = s
	}
	var b strings.Builder
	pkgs, facts := 0, 0
	for act := range graph.All() {
		if len(act.Analyzer.FactTypes) == 0 {
			continue
		}
		own := 0
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				own++
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				own++
			}
		}
		if own == 0 {
			continue
		}
		pkgs++
		facts += own
		if !src[act.Package] {
			fmt.Fprintf(&b, "driver: verify: %s produced %d fact(s) in %s, outside the source set\n", act.Analyzer.Name, own, act.Package.ID)
		}
	}
	nsrc := 0
	for _, s := range src {
		if s {
			nsrc++
		}
	}
	fmt.Fprintf(&b, "driver: verified: %d facts in %d packages; source set %d of %d packages\n", facts, pkgs, nsrc, len(src))
	return b.String()
}
