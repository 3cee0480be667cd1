package magic

// This file decides when a literal that is no documented code is called a
// typo: only where that is near-certain.
//
// The table holds the codes of WeChat's global error-code page; each API's
// own page documents more (code2Session's 40226, openapi's 76003). WeChat
// numbers codes in families, by length and leading digit (4xxxx for
// request errors, 6xxxx for the open platform, 9xxxxxx for mini-program
// services), and the per-API codes seen in real code fall in families the
// table documents. So a literal in a documented family may be a real code
// the table lacks, and is not reported. A literal of at least five digits in
// a family the table does not document at all, one digit edit away from a
// documented code (15011 for 45011, 400001 for 40001), is a slip of that
// code. Shorter and negative codes (-2, 1003, 1) are too common per API to
// judge.

import (
	"cmp"
	"slices"
	"strconv"
	"sync"

	"github.com/wxerrlint/wxerrlint/internal/codes"
)

// family is a code's length and leading digit.
type family struct {
	digits int
	lead   byte
}

func familyOf(s string) family { return family{len(s), s[0]} }

// documentedFamilies are the families of the table's codes.
var documentedFamilies = sync.OnceValue(func() map[family]bool {
	m := make(map[family]bool)
	for _, info := range codes.All() {
		if info.Code > 0 {
			m[familyOf(strconv.Itoa(int(info.Code)))] = true
		}
	}
	return m
})

// minTypoDigits is the length below which no literal is called a typo.
const minTypoDigits = 5

// typoOf returns the documented codes that code, no documented code
// itself, is a one-digit slip of, the likeliest first, if the slip is
// near-certain; else nil.
func typoOf(code int) []codes.Info {
	s := strconv.Itoa(code)
	if code <= 0 || len(s) < minTypoDigits || documentedFamilies()[familyOf(s)] {
		return nil
	}
	var found []codes.Info
	for _, n := range oneDigitEdits(s) {
		if info, ok := codes.Lookup(n); ok && !slices.Contains(found, info) {
			found = append(found, info)
		}
	}
	// The codes that keep the literal's leading digit (a digit dropped or
	// added further on: 400001 for 40001) first, then the nearest in value.
	keepsLead := func(info codes.Info) bool { return strconv.Itoa(int(info.Code))[0] == s[0] }
	slices.SortFunc(found, func(a, b codes.Info) int {
		if ka, kb := keepsLead(a), keepsLead(b); ka != kb {
			if ka {
				return -1
			}
			return 1
		}
		return cmp.Compare(distance(int(a.Code), code), distance(int(b.Code), code))
	})
	return found
}

// oneDigitEdits returns the numbers one digit edit away from the decimal
// s: a digit replaced, dropped or added, or two adjacent digits swapped.
func oneDigitEdits(s string) []int {
	var out []int
	add := func(t string) {
		if t != "" && t[0] != '0' {
			if n, err := strconv.Atoi(t); err == nil {
				out = append(out, n)
			}
		}
	}
	for i := 0; i <= len(s); i++ {
		for d := byte('0'); d <= '9'; d++ {
			add(s[:i] + string(d) + s[i:]) // added
			if i < len(s) && d != s[i] {
				add(s[:i] + string(d) + s[i+1:]) // replaced
			}
		}
		if i < len(s) {
			add(s[:i] + s[i+1:]) // dropped
		}
		if i+1 < len(s) && s[i] != s[i+1] {
			add(s[:i] + s[i+1:i+2] + s[i:i+1] + s[i+2:]) // swapped
		}
	}
	return out
}

func distance(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}
