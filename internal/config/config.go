// Package config reads wxerrlint.conf: the nearest one, found by walking
// up from the working directory, sets the checks that run, flags (as if
// written before the command line's, which wins), and path patterns whose
// findings are not reported. The wxerrlint command and the golangci-lint
// plugin read it.
//
// The file holds "key: value" lines; # starts a comment:
//
//	checks: errcodemagic, errcodeunchecked
//	flags: -errcodemagic.zero -errcode.fields=RetCode
//	exclude: gen/**, internal/mock/*.go
package config

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// File is the name of the configuration file.
const File = "wxerrlint.conf"

// Config is what a configuration file says.
type Config struct {
	Path    string   // of the file; "" when there is none
	Args    []string // flags to put before the command line's
	Exclude []string // slash-separated patterns, relative to the file's directory
}

// Find returns the configuration in the nearest File at or above dir.
func Find(dir string, suite []*analysis.Analyzer) (Config, error) {
	for {
		path := filepath.Join(dir, File)
		if _, err := os.Stat(path); err == nil {
			return read(path, suite)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return Config{}, nil
		}
		dir = parent
	}
}

func read(path string, suite []*analysis.Analyzer) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Config{}, err
	}
	defer f.Close()
	c := Config{Path: path}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return Config{}, fmt.Errorf("%s:%d: want key: value", path, n)
		}
		switch key = strings.TrimSpace(key); key {
		case "checks":
			for _, name := range list(value) {
				if !slices.ContainsFunc(suite, func(a *analysis.Analyzer) bool { return a.Name == name }) {
					return Config{}, fmt.Errorf("%s:%d: no check named %q", path, n, name)
				}
				c.Args = append(c.Args, "-"+name+"=true")
			}
		case "flags":
			c.Args = append(c.Args, strings.Fields(value)...)
		case "exclude":
			for _, pattern := range list(value) {
				if _, err := filepath.Match(pattern, ""); err != nil {
					return Config{}, fmt.Errorf("%s:%d: bad pattern %q", path, n, pattern)
				}
				c.Exclude = append(c.Exclude, pattern)
			}
		default:
			return Config{}, fmt.Errorf("%s:%d: unknown key %q; the keys are checks, flags, exclude", path, n, key)
		}
	}
	return c, sc.Err()
}

// list splits a comma-separated value.
func list(value string) []string {
	var items []string
	for item := range strings.SplitSeq(value, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}
