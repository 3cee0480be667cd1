// This file decides what -timing prints: phase times, the size of the
// source set and per-analyzer totals.

package driver

import (
	"fmt"
	"io"
	"sort"
	"time"

	"golang.org/x/tools/go/analysis/checker"
)

type phase struct {
	name string
	d    time.Duration
}

// mark records that the phase name ended now, and the next begins.
func (r *run) mark(name string) {
	now := time.Now()
	r.times = append(r.times, phase{name, now.Sub(r.last)})
	r.last = now
}

func (r *run) printTiming(w io.Writer, graph *checker.Graph) {
	if !r.cfg.Timing {
		return
	}
	nroots, nsrc, nfiles := 0, 0, 0
	var marked, asked []string
	for _, n := range r.order {
		if n.root {
			nroots++
		}
		if n.source {
			nsrc++
			nfiles += len(files(n.pkg))
		}
		if n.marked && !n.root {
			marked = append(marked, n.pkg.ID)
		}
		if n.asked {
			asked = append(asked, n.pkg.ID)
		}
	}
	fmt.Fprintf(w, "driver: %d packages, %d roots, %d in the source set (%d files); candidate dependencies: %v; analysed on their own for facts asked for: %v\n", len(r.order), nroots, nsrc, nfiles, marked, asked)
	for _, ph := range r.times {
		fmt.Fprintf(w, "driver: %-16s %v\n", ph.name, ph.d.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "driver: %-16s %v\n", "total", time.Since(r.start).Round(time.Millisecond))
	if graph == nil {
		return
	}
	byAnalyzer := make(map[string]time.Duration)
	var names []string
	for act := range graph.All() {
		if _, ok := byAnalyzer[act.Analyzer.Name]; !ok {
			names = append(names, act.Analyzer.Name)
		}
		byAnalyzer[act.Analyzer.Name] += act.Duration
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "driver: analyzer %-14s %v\n", name, byAnalyzer[name].Round(time.Microsecond))
	}
}
