// This file decides what is a wxerrlint directive comment and how it is
// spelled: //wxerrlint:NAME, then the end of the comment or white space
// and the arguments. Every directive is read by this one rule.

package analysisutil

import (
	"go/ast"
	"strings"
)

// DirectivePrefix starts every wxerrlint directive.
const DirectivePrefix = "//wxerrlint:"

// ParseDirective returns the name and arguments of a directive comment,
// the text of an ast.Comment: "//wxerrlint:ignore errcodemagic why" gives
// "ignore" and "errcodemagic why". The name ends at the comment's end or
// at a space or tab; the arguments are the rest without surrounding white
// space. ok is false for any other comment, a /* */ one included.
func ParseDirective(comment string) (name, args string, ok bool) {
	rest, ok := strings.CutPrefix(comment, DirectivePrefix)
	if !ok {
		return "", "", false
	}
	name, args = rest, ""
	if i := strings.IndexAny(rest, " \t"); i >= 0 {
		name, args = rest[:i], strings.TrimSpace(rest[i:])
	}
	if name == "" {
		return "", "", false
	}
	return name, args, true
}

// HasDirective reports whether a doc comment holds directive, spelled in
// full ("//wxerrlint:retries"), with or without arguments.
func HasDirective(doc *ast.CommentGroup, directive string) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if name, _, ok := ParseDirective(c.Text); ok && DirectivePrefix+name == directive {
			return true
		}
	}
	return false
}
