// Package plain is ordinary code: no candidate, read from export data.
package plain

import "strings"

func Trim(s string) string { return strings.TrimSpace(s) }
