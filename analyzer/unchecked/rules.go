// This file names the rules that decide, from the events of one class,
// whether its errcode may be seen where the analysis does not look, and so
// which fact the function earns for it or whether it is reported.
//
// One principle stands behind them: where the analysis cannot follow a
// value, it takes the errcode for checked there. Its callers, or the
// report, then stay silent.

package unchecked

import "slices"

// seenElsewhere reports whether the value of c reaches code that the
// analysis does not follow, other than the function's caller: it is
// stored (a field, a global, a slice, a composite literal, an interface),
// passed to code of unknown effect by value or by address, reflected
// over, type-asserted, given to a method of unknown body, or passed to a
// function that is not known to decode into it. Decoders of this package
// are not known yet when checkers are computed: passing the value to one
// then counts as seen elsewhere.
func (a *analyzer) seenElsewhere(c *class) bool {
	if c.stored || c.unknownValue || c.unknownAddr || c.opaque {
		return true
	}
	for _, e := range c.calls {
		if !a.isDecoder(e.fn, e.slot) {
			return true
		}
	}
	return false
}

// leavesSight reports whether the value of c is seen elsewhere or returned
// to the function's caller.
func (a *analyzer) leavesSight(c *class) bool {
	return len(c.results) > 0 || a.seenElsewhere(c)
}

// filledUnread reports whether the value of c is filled from a reply
// without a check: decoded into by a sink (json.Unmarshal), by a decoder
// (a call or a method), or the result of a call that returns it unchecked.
func (a *analyzer) filledUnread(c *class) bool {
	if len(c.sinks) > 0 {
		return true
	}
	for _, e := range c.calls {
		if a.fills(e) {
			return true
		}
	}
	for _, e := range c.methods {
		if a.fills(e) {
			return true
		}
	}
	for _, e := range c.from {
		if a.isReturns(e.fn, e.slot) {
			return true
		}
	}
	return false
}

// fills reports whether call e, to a decoder, fills the value: only when
// it gets the value's address. json.Unmarshal into a struct passed by
// value fails and fills nothing, so the errcode can never be seen; the
// bug there is the missing &, and "check the errcode" would be wrong
// advice. The call is then neither a fill nor a place the value is seen.
//
// Nor does a call that decodes bytes the function encoded itself
// (s, _ := object.JsonEncode(h); object.JsonDecode([]byte(s), v)): a
// copy, no reply.
// A method fills its receiver whatever the argument's form.
func (a *analyzer) fills(e event) bool {
	if !(e.addr || e.slot == receiver) || !a.isDecoder(e.fn, e.slot) {
		return false
	}
	from, ok := a.copiedFrom(e.fn, e.slot)
	return !ok || !slices.Contains(e.local, from)
}

// Rule checker(recv): a method whose receiver leaves sight is a checker of
// it. Callers take a call of unknown effect for a possible check, but a
// method call for none: a method that hands its receiver to such code,
// stores or returns it, is a possible check too.
func (a *analyzer) receiverLeavesSight(s *funcSum) bool {
	c := s.slots[receiver]
	return c != nil && a.leavesSight(c)
}

// Rule decoder(i): parameter i is decoded into and nothing else: not
// checked, not out of sight, not returned. Whether it is decoded into is
// asked first: that needs the facts of fewer callees than whether it
// leaves sight, which asks about every one.
func (a *analyzer) onlyDecodedInto(s *funcSum, c *class) bool {
	if len(c.params) == 0 || s.checked[c] {
		return false
	}
	decoded := len(c.sinks) > 0 || slices.ContainsFunc(c.calls, a.fills) || slices.ContainsFunc(c.methods, a.fills)
	return decoded && !a.leavesSight(c)
}

// Rule returnsUnchecked(i): a local value returned as result i, filled
// unread and seen nowhere else. The fact makes every caller report, so it
// is earned only where the function provably never lets the errcode be
// seen: a value handed to code of unknown effect (by value or by address,
// through a helper with no fact, an interface method or a callback) may
// be checked there, exactly as in keptUnread.
func (a *analyzer) returnedUnread(s *funcSum, c *class) bool {
	return len(c.results) > 0 && len(c.params) == 0 && !s.checked[c] &&
		!a.seenElsewhere(c) && a.filledUnread(c)
}

// Rule report: a local response filled unread, kept in sight and never
// read is reported where it is filled.
func (a *analyzer) keptUnread(s *funcSum, c *class) bool {
	return len(c.params) == 0 && c.local && !s.checked[c] && a.ec.IsResponseType(c.typ) &&
		!a.leavesSight(c) && a.filledUnread(c)
}
