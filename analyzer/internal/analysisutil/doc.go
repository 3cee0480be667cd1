// Package analysisutil holds what the wxerrlint analyzers share, written
// once: reading an analyzer's documentation from its doc.go, reporting
// with the filters every check needs, the one spelling of //wxerrlint:
// directives, callee resolution and the spread of a mark to callers, the
// error type test, and the codes package's path and descriptions.
package analysisutil

import (
	"fmt"
	"strings"
)

// MustExtractDoc returns the section of a doc.go package comment that
// starts with the heading "# Analyzer name", without the heading and the
// "name: " that starts the summary line, as an Analyzer.Doc: its first
// line is the one-line summary. It panics if the
// section is missing, which a test of every analyzer catches.
func MustExtractDoc(src, name string) string {
	var (
		lines []string
		in    bool
	)
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "package ") {
			break
		}
		l = strings.TrimPrefix(l, "//")
		l = strings.TrimPrefix(l, " ")
		if strings.HasPrefix(l, "# ") {
			in = l == "# Analyzer "+name
			continue
		}
		if in {
			lines = append(lines, l)
		}
	}
	doc := strings.TrimSpace(strings.Join(lines, "\n"))
	doc = strings.TrimPrefix(doc, name+": ")
	if doc == "" {
		panic(fmt.Sprintf("doc.go has no section \"# Analyzer %s\"", name))
	}
	return doc
}
