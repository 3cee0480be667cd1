// This file decides the facts of the package's functions from their
// summaries: checkers, then decoders, then unchecked returners, each a
// fixpoint over the package's call graph.

package unchecked

import (
	"go/types"
	"slices"
)

// solve computes the facts of the package's functions in three rounds,
// each monotone, each a worklist over the callers of the functions whose
// facts grew: checkers first (they depend only on checkers), then
// decoders (a parameter is decoded and neither checked nor leaked), then
// unchecked returners.
func (a *analyzer) solve(sums []*funcSum) {
	callers := make(map[*types.Func][]*funcSum)
	for _, s := range sums {
		seen := make(map[*types.Func]bool)
		add := func(fn *types.Func) {
			if _, ok := a.local[fn]; ok && !seen[fn] {
				seen[fn] = true
				callers[fn] = append(callers[fn], s)
			}
		}
		for _, c := range s.classes {
			for _, e := range c.calls {
				add(e.fn)
			}
			for _, e := range c.methods {
				add(e.fn)
			}
			for _, e := range c.from {
				add(e.fn)
			}
		}
		for _, evs := range s.dataArgs {
			for _, e := range evs {
				add(e.fn)
			}
		}
		for _, t := range s.throughs {
			add(t.fn)
		}
	}
	fixpoint := func(eval func(*funcSum) bool) {
		queue := slices.Clone(sums)
		queued := make(map[*funcSum]bool, len(sums))
		for _, s := range sums {
			queued[s] = true
		}
		for len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			queued[s] = false
			if eval(s) {
				for _, c := range callers[s.fn] {
					if !queued[c] {
						queued[c] = true
						queue = append(queue, c)
					}
				}
			}
		}
	}
	fixpoint(a.evalChecker)
	for _, s := range sums {
		s.checked, _ = a.classChecked(s)
	}
	fixpoint(a.evalDecoder)
	fixpoint(a.evalReturns)
}

// classChecked returns the classes of s whose errcode is checked, and the
// raw-data variables whose errcode is checked: data passed to a checker
// or decoded into a checked class, which covers every decode of it.
func (a *analyzer) classChecked(s *funcSum) (map[*class]bool, map[*types.Var]bool) {
	checked := make(map[*class]bool)
	for _, c := range s.classes {
		// Reflection, assertions and methods of unknown body count as a
		// check of a response, or of a value of any type (an any or a
		// type parameter) that the function decodes into, as in
		// util.DecodeWithError: not of any value, or every function that
		// reflects over its any parameter would be a checker. Nor in a
		// package that cannot hold WeChat code: a JSON library that
		// reflects over what it decodes checks no errcode.
		decodedOpaque := c.opaque && a.holdsWeChat()
		ok := c.checked || (s.marker && len(c.params) > 0) ||
			(c.opaque && a.ec.IsResponseType(c.typ)) || (decodedOpaque && len(c.sinks) > 0)
		for _, e := range c.calls {
			ok = ok || a.isChecker(e.fn, e.slot) || (decodedOpaque && a.isDecoder(e.fn, e.slot))
		}
		for _, e := range c.methods {
			ok = ok || a.isChecker(e.fn, receiver)
		}
		if ok {
			checked[c] = true
		}
	}
	data := make(map[*types.Var]bool)
	for v, evs := range s.dataArgs {
		for _, e := range evs {
			if a.isChecker(e.fn, e.slot) {
				data[v] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range s.classes {
			for _, sk := range c.sinks {
				if sk.data == nil {
					continue
				}
				if checked[c] && !data[sk.data] {
					data[sk.data] = true
					changed = true
				} else if !checked[c] && data[sk.data] {
					checked[c] = true
					changed = true
				}
			}
		}
	}
	return checked, data
}

func (a *analyzer) evalChecker(s *funcSum) bool {
	checked, data := a.classChecked(s)
	slots := make(map[slot]bool)
	for _, p := range s.marked {
		slots[p] = true
	}
	for c := range checked {
		for _, p := range c.params {
			slots[p] = true
		}
	}
	for v, p := range s.dataSlot {
		if data[v] {
			slots[p] = true
		}
	}
	if a.receiverLeavesSight(s) {
		slots[receiver] = true
	}
	return grow(&s.checker, slots)
}

// grow adds slots to *set and reports whether it grew.
func grow(set *map[slot]bool, slots map[slot]bool) bool {
	grew := false
	for s := range slots {
		if !(*set)[s] {
			if *set == nil {
				*set = make(map[slot]bool)
			}
			(*set)[s] = true
			grew = true
		}
	}
	return grew
}

func (a *analyzer) evalDecoder(s *funcSum) bool {
	slots := make(map[slot]bool)
	for _, c := range s.classes {
		if a.onlyDecodedInto(s, c) {
			for _, p := range c.params {
				if !s.checker[p] {
					slots[p] = true
				}
			}
		}
	}
	return grow(&s.decoder, slots)
}

func (a *analyzer) evalReturns(s *funcSum) bool {
	results := make(map[slot]bool)
	for _, c := range s.classes {
		if a.returnedUnread(s, c) {
			for _, r := range c.results {
				results[r] = true
			}
		}
	}
	for _, t := range s.throughs {
		if a.isReturns(t.fn, t.index) {
			results[t.result] = true
		}
	}
	return grow(&s.returns, results)
}
