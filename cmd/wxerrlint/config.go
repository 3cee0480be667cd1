// This file decides what a wxerrlint.conf says: the nearest one, found by
// walking up from the working directory, sets the checks that run, flags
// (as if written before the command line's, which wins), and path patterns
// whose findings are not reported.
//
// The file holds "key: value" lines; # starts a comment:
//
//	checks: errcodemagic, errcodeunchecked
//	flags: -errcodemagic.zero -errcode.fields=RetCode
//	exclude: gen/**, internal/mock/*.go
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ConfigFile is the name of the configuration file.
const ConfigFile = "wxerrlint.conf"

// config is what a configuration file says.
type config struct {
	path    string   // of the file; "" when there is none
	args    []string // flags to put before the command line's
	exclude []string // slash-separated patterns, relative to the file's directory
}

// findConfig returns the configuration in the nearest ConfigFile at or
// above dir.
func findConfig(dir string, suite []*analysis.Analyzer) (config, error) {
	for {
		path := filepath.Join(dir, ConfigFile)
		if _, err := os.Stat(path); err == nil {
			return readConfig(path, suite)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return config{}, nil
		}
		dir = parent
	}
}

func readConfig(path string, suite []*analysis.Analyzer) (config, error) {
	f, err := os.Open(path)
	if err != nil {
		return config{}, err
	}
	defer f.Close()
	c := config{path: path}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return config{}, fmt.Errorf("%s:%d: want key: value", path, n)
		}
		switch key = strings.TrimSpace(key); key {
		case "checks":
			for _, name := range list(value) {
				if !slices.ContainsFunc(suite, func(a *analysis.Analyzer) bool { return a.Name == name }) {
					return config{}, fmt.Errorf("%s:%d: no check named %q", path, n, name)
				}
				c.args = append(c.args, "-"+name+"=true")
			}
		case "flags":
			c.args = append(c.args, strings.Fields(value)...)
		case "exclude":
			for _, pattern := range list(value) {
				if _, err := filepath.Match(pattern, ""); err != nil {
					return config{}, fmt.Errorf("%s:%d: bad pattern %q", path, n, pattern)
				}
				c.exclude = append(c.exclude, pattern)
			}
		default:
			return config{}, fmt.Errorf("%s:%d: unknown key %q; the keys are checks, flags, exclude", path, n, key)
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
