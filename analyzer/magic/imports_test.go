// This file tests where the fix adds the codes import, for every import layout.

package magic

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// TestAddImport adds the import to files of every import layout: the
// result parses and imports codes once more under the name; a gofmt-clean
// file stays gofmt-clean.
func TestAddImport(t *testing.T) {
	for _, head := range []string{
		"",
		"import ()\n",
		"import (\n)\n",
		"import \"fmt\"\n",
		"import f \"fmt\" // fmt\n",
		"import \"google.golang.org/grpc\"\n",
		"import (\"fmt\"; \"os\")\n",
		"import (\n\t\"fmt\"\n\t\"os\")\n",
		"import (\n\t\"fmt\"\n\n\t\"github.com/a/b\"\n\t\"golang.org/x/c\"\n)\n",
		"import (\n\t\"fmt\"\n\n\t\"golang.org/x/c\"\n\n\t\"example.com/own\"\n)\n",
		"import (\n\t// doc\n\t\"golang.org/x/c\" // line\n)\n",
		"import (\n\t\"github.com/wxerrlint/wxerrlint/codes\"\n)\n",
		"// #include <stdio.h>\nimport \"C\"\n",
		"// #include <stdio.h>\nimport \"C\"\n\nimport \"fmt\"\n",
		"import \"fmt\"\n\nimport \"os\"\n",
	} {
		for _, name := range []string{"codes", "wxcodes"} {
			src := "package p // the package\n\n" + head + "\nvar x = 1\n"
			if name == "codes" && strings.Contains(src, analysisutil.CodesPath) {
				continue // the name is taken: planFixes picks another
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
			if err != nil {
				t.Fatalf("%q: %v", head, err)
			}
			spec := strconv.Quote(analysisutil.CodesPath)
			if name != "codes" {
				spec = name + " " + spec
			}
			tf := fset.File(f.FileStart)
			edits := addImport(tf, f, name, spec)
			out := []byte(src)
			slices.Reverse(edits)
			for _, e := range edits {
				start, end := tf.Offset(e.Pos), tf.Offset(e.End)
				out = slices.Concat(out[:start], e.NewText, out[end:])
			}
			g, err := parser.ParseFile(token.NewFileSet(), "p.go", out, parser.ImportsOnly)
			if err != nil {
				t.Errorf("%q: the result does not parse: %v\n%s", head, err, out)
				continue
			}
			n := 0
			for _, imp := range g.Imports {
				if imp.Path.Value == strconv.Quote(analysisutil.CodesPath) && (imp.Name == nil) == (name == "codes") {
					n++
				}
			}
			if want := bytes.Count([]byte(src), []byte(spec)) + 1; n != want {
				t.Errorf("%q: the result imports %s %d times, want %d:\n%s", head, spec, n, want, out)
			}
			if formatted, _ := format.Source([]byte(src)); bytes.Equal(formatted, []byte(src)) {
				if formatted, _ := format.Source(out); !bytes.Equal(formatted, out) {
					t.Errorf("%q: the result is not gofmt-clean:\n%s", head, out)
				}
			}
		}
	}
}
