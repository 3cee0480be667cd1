// This file decides how the benchmark makes a one-line change to a
// corpus: a comment line appended to one file, undone afterwards.

package measure

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// AppendLine appends the comment line "// " + text to the Go file path
// and returns a function that puts the file back as it was. The new
// content is new to the go command's build cache when text is, so the
// changed package and its importers are compiled again, as after an edit.
func AppendLine(path, text string) (restore func() error, err error) {
	if strings.ContainsAny(text, "\r\n") {
		return nil, fmt.Errorf("AppendLine: text %q spans lines", text)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	changed := append(append([]byte(nil), orig...), "\n// "+text+"\n"...)
	if err := os.WriteFile(path, changed, fi.Mode().Perm()); err != nil {
		return nil, err
	}
	return func() error { return os.WriteFile(path, orig, fi.Mode().Perm()) }, nil
}

// FirstGoFile returns the first non-test Go file of the module in dir, in
// lexical order of paths, outside testdata and vendor directories.
func FirstGoFile(dir string) (string, error) {
	var first string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && (d.Name() == "testdata" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			first = path
			return filepath.SkipAll
		}
		return nil
	})
	if err == nil && first == "" {
		err = fmt.Errorf("no Go file in %s", dir)
	}
	return first, err
}
