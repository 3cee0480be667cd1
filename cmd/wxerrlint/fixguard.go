// This file decides whether a -fix run may write: only into packages of
// the main module(s), never into a dependency (the module cache, a
// replaced or vendored module) or the standard library, nor into a main
// module that lies in the module cache.

package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/internal/driver"
)

// fixOutsideMainModules returns an error naming the packages outside the
// main modules that a -fix run on patterns would write into, or nil when
// it writes only into the main modules.
func fixOutsideMainModules(tests bool, buildFlags, patterns []string) error {
	pkgs, err := packages.Load(&packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedModule,
		Tests:      tests,
		BuildFlags: buildFlags,
	}, patterns...)
	if err != nil {
		return nil // the run reports it, and fixes nothing
	}
	// A main module in the module cache or GOROOT (a run from inside
	// one) is no place to write either.
	readOnly, err := goDirs("GOMODCACHE", "GOROOT")
	if err != nil {
		return err
	}
	var outside []string
	seen := make(map[string]bool)
	for _, p := range pkgs {
		files := slices.Concat(p.GoFiles, p.CompiledGoFiles, p.OtherFiles)
		if len(files) == 0 {
			continue
		}
		cached := slices.ContainsFunc(readOnly, func(dir string) bool { return driver.InDir(files[0], dir) })
		if p.Module != nil && p.Module.Main && !cached {
			continue
		}
		where := "the standard library or no module"
		if cached {
			where = "the module cache or GOROOT (" + filepath.Dir(files[0]) + ")"
		} else if m := p.Module; m != nil {
			where = "module " + m.Path
			if m.Version != "" {
				where += "@" + m.Version
			}
			if m.Replace != nil {
				where += " (replaced by " + m.Replace.Path + ")"
			}
		}
		if s := p.PkgPath + " in " + where; !seen[s] {
			seen[s] = true
			outside = append(outside, s)
		}
	}
	if len(outside) > 0 {
		return fmt.Errorf("-fix would write outside the main module: %s; fix only packages of the main module (-fix -diff shows the fixes without writing)",
			strings.Join(outside, ", "))
	}
	return nil
}

// goDirs returns the directories that the go command's settings vars
// name (go env), those that are set.
func goDirs(vars ...string) ([]string, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("go", append([]string{"env"}, vars...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	var dirs []string
	for _, dir := range strings.Split(string(out), "\n") {
		if dir != "" {
			dirs = append(dirs, dir)
		}
	}
	return dirs, nil
}
