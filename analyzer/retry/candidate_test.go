// This file tests that errcoderetry's relevant packages are candidates.

package retry

import (
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// Retry facts arise in packages that import a retry library or the codes
// package or carry a marker (see relevant): errcode's candidate test must
// accept every such file, or the analyzer would never run there.
func TestCandidateCoversRelevance(t *testing.T) {
	srcs := []string{
		`import "` + analysisutil.CodesPath + `"`,
		RetriesMarker + "\nfunc f() {}",
		RefreshesTokenMarker + "\nfunc f() {}",
	}
	for _, lib := range libraries {
		srcs = append(srcs, `import "`+lib.path+`"`, `import "`+lib.path+`/v4"`)
	}
	for _, src := range srcs {
		if !errcode.NewCandidateScanner().File([]byte("package p\n\n" + src + "\n")) {
			t.Errorf("not a candidate: %s", src)
		}
	}
}
