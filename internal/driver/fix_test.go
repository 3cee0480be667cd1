// This file tests how fixes are planned (merged, conflicts left out) and
// how GitHub annotations escape their text.

package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlanFixes checks the merging of fixes: the same edit in two fixes
// is applied once; a fix that overlaps one taken before is left out
// whole and reported; the rest apply as they are.
func TestPlanFixes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar x =  1 // not gofmt-clean\nvar y = 2\nvar z = 3\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	edit := func(start, end int, text string) Edit {
		return Edit{File: file, Start: start, End: end, New: text, Size: len(src)}
	}
	imp := edit(11, 11, "import \"c\"\n\n")
	at := func(s string) int { return strings.Index(src, "= "+s) + 2 }
	y, z := at("2"), at("3")
	list := []Finding{
		{Check: "c", RawFile: file, Offset: y, Fixes: []Fix{{Edits: []Edit{imp, edit(y, y+1, "c.Two")}}}},
		{Check: "c", RawFile: file, Offset: y, Fixes: []Fix{{Edits: []Edit{edit(y, y+1, "c.Deux")}}}}, // conflicts
		{Check: "c", RawFile: file, Offset: z, Fixes: []Fix{{Edits: []Edit{imp, edit(z, z+1, "c.Three")}}}},
		{Check: "c", RawFile: file, Offset: z}, // no fix
	}
	p := planFixes(list)
	names, before, after, errs := p.apply()
	require.Empty(t, errs)
	require.Equal(t, []string{file}, names)
	assert.Equal(t, "package a\n\nimport \"c\"\n\nvar x =  1 // not gofmt-clean\nvar y = c.Two\nvar z = c.Three\n", string(after[file]))
	assert.Equal(t, []*Finding{&list[1]}, p.conflicts)
	assert.True(t, p.applied[&list[0]] && p.applied[&list[2]] && !p.applied[&list[3]])

	assert.Equal(t, `--- a/a.go
+++ b/a.go
@@ -1,5 +1,7 @@
 package a
 
+import "c"
+
 var x =  1 // not gofmt-clean
-var y = 2
-var z = 3
+var y = c.Two
+var z = c.Three
`, unifiedDiff("a.go", before[file], after[file], p.edits[file]))

	// A finding that stays moves with the text before it.
	p.shift(&list[3], after[file])
	assert.Equal(t, 7, list[3].Pos.Line)
	assert.Equal(t, 9, list[3].Pos.Column)

	// A file that changed since the analysis is not fixed.
	require.NoError(t, os.WriteFile(file, []byte(src+"\n"), 0o644))
	_, _, _, errs = planFixes(list).apply()
	assert.Len(t, errs, 1)
}

func TestGitHubEscaping(t *testing.T) {
	assert.Equal(t, "100%25 a%0Ab", ghData("100% a\nb"))
	assert.Equal(t, "a%3Ab%2Cc", ghProperty("a:b,c"))
}
