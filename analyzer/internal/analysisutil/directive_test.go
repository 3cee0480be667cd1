// This file tests the one spelling of //wxerrlint: directives.

package analysisutil

import (
	"go/ast"
	"testing"
)

// The one spelling of every directive (ignore, checks-errcode, retries,
// refreshes-token): the table is its specification.
func TestParseDirective(t *testing.T) {
	for _, tc := range []struct {
		comment, name, args string
		ok                  bool
		why                 string
	}{
		{"//wxerrlint:retries", "retries", "", true, "a name alone ends at the comment's end"},
		{"//wxerrlint:ignore errcodemagic why", "ignore", "errcodemagic why", true, "a space ends the name; the rest is the arguments"},
		{"//wxerrlint:ignore\terrcodemagic why", "ignore", "errcodemagic why", true, "a tab ends the name as a space does"},
		{"//wxerrlint:checks-errcode   ", "checks-errcode", "", true, "trailing white space is no argument"},
		{"//wxerrlint:refreshes-token  the reason ", "refreshes-token", "the reason", true, "arguments lose surrounding white space"},
		{"//wxerrlint:ignoreerrcodemagic", "ignoreerrcodemagic", "", true, "no white space: one longer name, which no check knows"},
		{"//wxerrlint:ignore,errcodemagic", "ignore,errcodemagic", "", true, "a comma does not end the name"},
		{"//wxerrlint:", "", "", false, "no name"},
		{"//wxerrlint: retries", "", "", false, "white space before the name: no name"},
		{"// wxerrlint:retries", "", "", false, "a space after // makes it prose, as with //go: directives"},
		{"/*wxerrlint:retries*/", "", "", false, "a block comment is never a directive"},
		{"//nolint:wxerrlint", "", "", false, "another tool's directive"},
	} {
		name, args, ok := ParseDirective(tc.comment)
		if name != tc.name || args != tc.args || ok != tc.ok {
			t.Errorf("ParseDirective(%q) = %q, %q, %v; want %q, %q, %v (%s)", tc.comment, name, args, ok, tc.name, tc.args, tc.ok, tc.why)
		}
	}
}

func TestHasDirective(t *testing.T) {
	doc := &ast.CommentGroup{List: []*ast.Comment{
		{Text: "// retryGet fetches again on 45009."},
		{Text: "//"},
		{Text: "//wxerrlint:retries\twith backoff"},
	}}
	for _, tc := range []struct {
		doc       *ast.CommentGroup
		directive string
		want      bool
		why       string
	}{
		{doc, "//wxerrlint:retries", true, "on a line of its own, with arguments after a tab"},
		{doc, "//wxerrlint:refreshes-token", false, "another directive"},
		{doc, "//wxerrlint:retr", false, "a prefix of the name is not the name"},
		{nil, "//wxerrlint:retries", false, "no doc comment"},
	} {
		if got := HasDirective(tc.doc, tc.directive); got != tc.want {
			t.Errorf("HasDirective(%s) = %v, want %v (%s)", tc.directive, got, tc.want, tc.why)
		}
	}
}
