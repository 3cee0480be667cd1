// Package codes is the table of WeChat (微信) API errcodes: a named,
// untyped constant for each of the 1,833 codes of the WeChat Official
// Account error-code page, and for the few codes that only one API's page
// documents (40226 of code2Session, ...), with its English and Chinese
// description and a retry class.
//
// The constants are untyped, so they compare with an errcode field of any
// numeric type:
//
//	if resp.ErrCode == codes.AccessTokenExpired {
//		// refresh the access_token, then retry once
//	}
//
// Text, Lookup and Retry answer at run time, the way http.StatusText does.
// The table is generated from errcodes.txt (a copy of the page),
// perapi.txt (codes of single API pages), overrides.txt (hand-chosen
// names) and retry.txt (reviewed retry classes) by the generator of the
// wxerrlint repository (`go generate ./internal/codes` at its root);
// see README.md in this directory for the whole table.
//
// This package is a module of its own, which requires nothing: adding it
// to a go.mod adds the table alone.
package codes

import (
	"slices"
	"strconv"
)

// Code is a WeChat errcode.
type Code int

// String returns the code's constant name, or its number if it is not a
// documented code.
func (c Code) String() string {
	if info, ok := Lookup(int(c)); ok {
		return info.Name
	}
	return strconv.Itoa(int(c))
}

// RetryClass says what a caller should do when a call fails with a code.
type RetryClass uint8

const (
	// None: retrying the same call cannot help.
	None RetryClass = iota
	// Backoff: a transient failure on WeChat's side, or a step still in
	// progress (data not ready yet, an invoice being made, an admin's
	// confirmation pending); retry after a short delay.
	Backoff
	// RateLimit: a short-window frequency limit; wait for the window, then retry.
	RateLimit
	// RefreshToken: the access_token (or component token) is invalid or
	// expired; refresh it, then retry once.
	RefreshToken
	// Quota: a daily or monthly quota is used up; retrying now is pointless.
	Quota
)

var retryClassNames = [...]string{"None", "Backoff", "RateLimit", "RefreshToken", "Quota"}

func (r RetryClass) String() string {
	if int(r) < len(retryClassNames) {
		return retryClassNames[r]
	}
	return "RetryClass(" + strconv.Itoa(int(r)) + ")"
}

// Advice is a short sentence on how to handle a failure of this class.
func (r RetryClass) Advice() string {
	switch r {
	case Backoff:
		return "retry after a short delay, with backoff"
	case RateLimit:
		return "wait for the rate-limit window (for per-minute quotas, the next minute), then retry"
	case RefreshToken:
		return "refresh the access_token, then retry once"
	case Quota:
		return "the quota is used up for the day or month; retrying now is pointless"
	}
	return "retrying the same call cannot help"
}

// Info describes one errcode.
type Info struct {
	Code    Code
	Name    string // the constant's name, e.g. "InvalidCredential"
	English string // English description; may be empty
	Chinese string // Chinese description; may be empty
	Retry   RetryClass
	// API is, for a code that the global error-code page lacks, the API
	// whose own page documents it (e.g. "code2Session (sns/jscode2session,
	// the mini program login)"); "" for the page's codes.
	API string
}

// Text returns the description of code: the English one, or the Chinese
// one where the page gives no English. It returns "" for an unknown code.
func Text(code int) string {
	info, ok := Lookup(code)
	if !ok {
		return ""
	}
	if info.English != "" {
		return info.English
	}
	return info.Chinese
}

// Lookup returns the description of code, and whether it is documented.
func Lookup(code int) (Info, bool) {
	i, ok := slices.BinarySearchFunc(table[:], code, func(info Info, c int) int { return int(info.Code) - c })
	if !ok {
		return Info{}, false
	}
	return table[i], true
}

// ByName returns the code whose constant is named name.
func ByName(name string) (Info, bool) {
	for _, info := range table {
		if info.Name == name {
			return info, true
		}
	}
	return Info{}, false
}

// Retry returns the retry class of code; None for an unknown code.
func Retry(code int) RetryClass {
	info, _ := Lookup(code)
	return info.Retry
}

// IsRetryable reports whether a call that failed with code may succeed if
// made again: after a delay, after the rate-limit window, or after
// refreshing the access_token.
func IsRetryable(code int) bool {
	switch Retry(code) {
	case Backoff, RateLimit, RefreshToken:
		return true
	}
	return false
}

// All returns every documented code, sorted by value.
func All() []Info { return slices.Clone(table[:]) }

// Nearest returns up to n documented codes that code is most likely a
// typo of: the fewest digit edits (a transposition counts as one) first,
// then the closest in value.
func Nearest(code, n int) []Info {
	type candidate struct {
		info      Info
		edits     int
		valueDist int
	}
	want := strconv.Itoa(code)
	cands := make([]candidate, len(table))
	for i, info := range table {
		cands[i] = candidate{info, digitEdits(want, strconv.Itoa(int(info.Code))), abs(int(info.Code) - code)}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.edits != b.edits {
			return a.edits - b.edits
		}
		return a.valueDist - b.valueDist
	})
	out := make([]Info, 0, n)
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, c.info)
	}
	return out
}

// digitEdits is the optimal-string-alignment distance between a and b.
func digitEdits(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
