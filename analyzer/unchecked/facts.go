// This file decides the facts: their types and text, which facts of the
// package's functions are exported, and how the facts of a callee, local
// or imported, are read.

package unchecked

import (
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// DecoderFact marks a function that decodes into its parameters Params
// (indexes in the signature) or its receiver, and does not check their
// errcode: json.Unmarshal's wrappers. Copies lists the decoded slots
// whose bytes all come from one data parameter (func JsonDecode(data
// []byte, v any) error): a call that passes bytes it encoded itself there
// makes a copy, not a reply.
type DecoderFact struct {
	Params   []int
	Receiver bool
	Copies   []Copy // sorted by Param, for deterministic fact files
}

// A Copy says that parameter Param (-1 for the receiver) is decoded from
// the bytes of parameter Data, and from nothing else.
type Copy struct {
	Param, Data int
}

func (*DecoderFact) AFact() {}
func (f *DecoderFact) String() string {
	var parts []string
	add := func(name string, p int) {
		for _, c := range f.Copies {
			if c.Param == p {
				name += " from " + strconv.Itoa(c.Data)
			}
		}
		parts = append(parts, name)
	}
	if f.Receiver {
		add("recv", int(receiver))
	}
	for _, p := range f.Params {
		add(strconv.Itoa(p), p)
	}
	return "decoder(" + strings.Join(parts, ", ") + ")"
}

// CheckerFact marks a function that checks the errcode of the response
// held by, or decoded from, its parameters Params or its receiver.
type CheckerFact struct {
	Params   []int
	Receiver bool
}

func (*CheckerFact) AFact()           {}
func (f *CheckerFact) String() string { return "checker(" + slotList(f.Params, f.Receiver) + ")" }

// ReturnsUncheckedFact marks a function whose results Results are
// responses whose errcode it never read.
type ReturnsUncheckedFact struct {
	Results []int
}

func (*ReturnsUncheckedFact) AFact() {}
func (f *ReturnsUncheckedFact) String() string {
	return "returnsUnchecked(" + slotList(f.Results, false) + ")"
}

// PackageFact marks a package with WeChat responses, which the packages
// importing it cannot skip: it declares WeChat response types, has checker
// or returnsUnchecked facts about them, or imports a package with this
// fact (which therefore spreads up the import graph).
type PackageFact struct {
	Responses bool
}

func (*PackageFact) AFact()         {}
func (*PackageFact) String() string { return "wechat" }

func slotList(slots []int, recv bool) string {
	var parts []string
	if recv {
		parts = append(parts, "recv")
	}
	for _, s := range slots {
		parts = append(parts, strconv.Itoa(s))
	}
	return strings.Join(parts, ", ")
}

// imported returns what has been looked up of fn, a function of another
// package, or nil for a function of this package (a.local) or none.
func (a *analyzer) imported(fn *types.Func) *importedFacts {
	if fn.Pkg() == nil || fn.Pkg() == a.pass.Pkg {
		return nil
	}
	f, ok := a.imports[fn]
	if !ok {
		f = new(importedFacts)
		a.imports[fn] = f
	}
	return f
}

// Each kind of fact of another package's function is looked up only when
// a rule needs it: under a driver that computes a dependency's facts on
// demand (internal/driver), asking for a decoder fact can cost an
// analysis of the callee's package, and most calls only need to be known
// as no checker.

func (a *analyzer) checkers(fn *types.Func) map[slot]bool {
	if s, ok := a.local[fn]; ok {
		return s.checker
	}
	f := a.imported(fn)
	if f == nil {
		return nil
	}
	if !f.checkerDone {
		f.checkerDone = true
		var cf CheckerFact
		if a.pass.ImportObjectFact(fn, &cf) {
			f.checker = slotSet(cf.Params, cf.Receiver)
		}
	}
	return f.checker
}

// decoders returns the slots fn decodes into and, for each, the data
// parameter whose bytes are all it decodes (see DecoderFact.Copies).
func (a *analyzer) decoders(fn *types.Func) (map[slot]bool, map[slot]slot) {
	if s, ok := a.local[fn]; ok {
		return s.decoder, s.copies
	}
	f := a.imported(fn)
	if f == nil {
		return nil, nil
	}
	if !f.decoderDone {
		f.decoderDone = true
		var df DecoderFact
		if a.pass.ImportObjectFact(fn, &df) {
			f.decoder = slotSet(df.Params, df.Receiver)
			for _, c := range df.Copies {
				if f.copies == nil {
					f.copies = make(map[slot]slot)
				}
				f.copies[slot(c.Param)] = slot(c.Data)
			}
		}
	}
	return f.decoder, f.copies
}

func (a *analyzer) returnsUnchecked(fn *types.Func) map[slot]bool {
	if s, ok := a.local[fn]; ok {
		return s.returns
	}
	f := a.imported(fn)
	if f == nil {
		return nil
	}
	if !f.returnsDone {
		f.returnsDone = true
		var rf ReturnsUncheckedFact
		if a.pass.ImportObjectFact(fn, &rf) {
			f.returns = slotSet(rf.Results, false)
		}
	}
	return f.returns
}

// slotSet turns the slots of a fact into a set.
func slotSet(slots []int, recv bool) map[slot]bool {
	m := make(map[slot]bool)
	for _, s := range slots {
		m[slot(s)] = true
	}
	if recv {
		m[receiver] = true
	}
	return m
}

func (a *analyzer) isChecker(fn *types.Func, s slot) bool {
	return a.checkers(fn)[s]
}

// isDecoder reports whether fn decodes into slot s and does not check it.
func (a *analyzer) isDecoder(fn *types.Func, s slot) bool {
	if d, _ := a.decoders(fn); !d[s] {
		return false
	}
	return !a.isChecker(fn, s)
}

// copiedFrom returns the data parameter whose bytes are all that fn
// decodes into slot s, if there is one.
func (a *analyzer) copiedFrom(fn *types.Func, s slot) (slot, bool) {
	_, copies := a.decoders(fn)
	from, ok := copies[s]
	return from, ok
}

func (a *analyzer) isReturns(fn *types.Func, index slot) bool {
	return a.returnsUnchecked(fn)[index]
}

// exportFacts exports the facts of the package's functions and reports
// whether there were checker facts or returnsUnchecked facts about
// responses (a generic helper's, func get[T any], matter only to the
// packages that name it: no package fact).
func (a *analyzer) exportFacts(sums []*funcSum) (responses bool) {
	list := func(set map[slot]bool) ([]int, bool) {
		var slots []int
		for s := range set {
			if s >= 0 {
				slots = append(slots, int(s))
			}
		}
		slices.Sort(slots)
		return slots, set[receiver]
	}
	for _, s := range sums {
		if len(s.checker) > 0 {
			params, recv := list(s.checker)
			a.pass.ExportObjectFact(s.fn, &CheckerFact{Params: params, Receiver: recv})
			responses = true
		}
		decoder := make(map[slot]bool)
		for sl := range s.decoder {
			if !s.checker[sl] {
				decoder[sl] = true
			}
		}
		if len(decoder) > 0 {
			params, recv := list(decoder)
			var copies []Copy
			for to, from := range s.copies {
				if decoder[to] {
					copies = append(copies, Copy{Param: int(to), Data: int(from)})
				}
			}
			slices.SortFunc(copies, func(x, y Copy) int { return x.Param - y.Param })
			a.pass.ExportObjectFact(s.fn, &DecoderFact{Params: params, Receiver: recv, Copies: copies})
		}
		if len(s.returns) > 0 {
			results, _ := list(s.returns)
			a.pass.ExportObjectFact(s.fn, &ReturnsUncheckedFact{Results: results})
			for _, r := range results {
				if !isTypeParam(s.fn.Signature().Results().At(r).Type()) {
					responses = true
				}
			}
		}
	}
	return responses
}

// MayDecode reports whether fn, a function of a package that names no
// response type, can have a DecoderFact or a ReturnsUncheckedFact: there
// only a parameter that is a type parameter or an empty interface is
// tracked (the walker's trackable), so only such a parameter can be
// decoded into, and only a type-parameter result returned unread. A driver
// that analyses such a package only when its facts are asked for
// (wxerrlint's) need not ask about any other function.
func MayDecode(fn *types.Func) bool {
	sig := fn.Signature()
	for v := range sig.Params().Variables() {
		if isTypeParam(v.Type()) || isEmptyInterface(v.Type()) {
			return true
		}
	}
	for v := range sig.Results().Variables() {
		if isTypeParam(v.Type()) {
			return true
		}
	}
	return false
}
