// This file decides what -timing prints: phase times, the size of the
// source set and per-analyzer totals.

package driver

import (
	"fmt"
	"io"
	"sort"
	"time"
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

func (r *run) printTiming(w io.Writer) {
	if !r.cfg.Timing {
		return
	}
	nroots, nsrc, nfiles, nrecalled := 0, 0, 0, 0
	var beyond, asked []string
	ncand := 0
	for _, n := range r.order {
		if n.root {
			nroots++
		}
		if n.source {
			nsrc++
			nfiles += len(files(n.pkg))
		}
		if n.source && !n.root {
			beyond = append(beyond, n.pkg.ID)
		}
		if n.cand && !n.root {
			ncand++
		}
		if n.asked {
			asked = append(asked, n.pkg.ID)
		}
		if n.recalled {
			nrecalled++
		}
	}
	fmt.Fprintf(w, "driver: %d packages, %d roots, %d in the source set (%d files); beyond the roots: %v; candidate dependencies: %d; analysed on their own for facts asked for: %v; read from the package cache: %d\n", len(r.order), nroots, nsrc, nfiles, beyond, ncand, asked, nrecalled)
	fmt.Fprintf(w, "driver: scan read %d files\n", r.read.Load())
	for _, ph := range r.times {
		fmt.Fprintf(w, "driver: %-16s %v\n", ph.name, ph.d.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "driver: %-16s %v\n", "total", time.Since(r.start).Round(time.Millisecond))
	var names []string
	for name := range r.spent {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "driver: analyzer %-14s %v\n", name, r.spent[name].Round(time.Microsecond))
	}
}
