// This file decides how a Go name splits into words, for every name
// heuristic: doWithRetry is do, with, retry; HTTPRetry is http, retry.

package analysisutil

import (
	"strings"
	"unicode"
)

// Words splits a Go name into its lower-cased words. A word ends at an
// underscore, before an upper-case letter that follows a letter or digit
// that is not upper-case (doWith), and before the last upper-case letter
// of an acronym followed by a lower-case one (JSONEncode: json, encode).
// Underscores are dropped.
func Words(name string) []string {
	var ws []string
	start := 0
	rs := []rune(name)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '_' ||
			(unicode.IsUpper(rs[i]) && (!unicode.IsUpper(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1])))) {
			if w := strings.Trim(string(rs[start:i]), "_"); w != "" {
				ws = append(ws, strings.ToLower(w))
			}
			start = i
		}
	}
	return ws
}
