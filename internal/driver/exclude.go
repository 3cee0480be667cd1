// This file decides which findings a configuration's path patterns
// exclude: a pattern matches a file's path relative to the
// configuration's directory, or one of its parent directories, and dir/**
// matches everything under dir.

package driver

import (
	"path"
	"path/filepath"
	"strings"
)

// excluded reports whether file matches one of patterns, relative to base.
func excluded(base, file string, patterns []string) bool {
	rel, err := filepath.Rel(base, file)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, p := range patterns {
		if prefix, ok := strings.CutSuffix(p, "/**"); ok && (rel == prefix || strings.HasPrefix(rel, prefix+"/")) {
			return true
		}
		for at := rel; at != "."; at = path.Dir(at) {
			if ok, _ := path.Match(p, at); ok {
				return true
			}
		}
	}
	return false
}
