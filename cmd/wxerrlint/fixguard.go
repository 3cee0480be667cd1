// This file decides whether a -fix run may write: only into packages of
// the main module(s), never into a dependency (the module cache, a
// replaced or vendored module) or the standard library, nor into a main
// module that lies in the module cache.

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

// fixOutsideMainModules returns an error naming the packages outside the
// main modules that a command line of the x/tools checker would fix
// (-fix without -diff), or nil when it writes nothing or only into the
// main modules. A command line it does not understand is left to the
// checker, which rejects it before loading anything.
func fixOutsideMainModules(suite []*analysis.Analyzer, args []string) error {
	fix, tests, patterns, ok := fixTargets(suite, args)
	if !ok || !fix {
		return nil
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedModule,
		Tests: tests,
	}, patterns...)
	if err != nil {
		return nil // the checker reports it, and fixes nothing
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

// fixTargets parses a command line of the x/tools checker far enough to
// tell whether it writes fixes (-fix without -diff), whether it includes
// tests, and which patterns it names. ok is false for a command line the
// checker would reject or run as go vet's unitchecker.
func fixTargets(suite []*analysis.Analyzer, args []string) (fix, tests bool, patterns []string, ok bool) {
	fs := flag.NewFlagSet("wxerrlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	diff := false
	fs.BoolVar(&fix, "fix", false, "")
	fs.BoolVar(&diff, "diff", false, "")
	fs.BoolVar(&tests, "test", true, "")
	for _, name := range []string{"json", "flags", "source", "v", "all"} {
		fs.Bool(name, false, "")
	}
	for _, name := range []string{"debug", "cpuprofile", "memprofile", "trace", "tags"} {
		fs.String(name, "", "")
	}
	fs.Int("c", -1, "")
	fs.Var(ignoredValue{isBool: true}, "V", "")
	for a := range analyzer.WithRequired(suite) {
		fs.Bool(a.Name, false, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(ignoredValue{isBool: isBoolFlag(f.Value)}, a.Name+"."+f.Name, "")
		})
	}
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 || fs.Arg(0) == "help" {
		return false, false, nil, false
	}
	if fs.NArg() == 1 && strings.HasSuffix(fs.Arg(0), ".cfg") {
		return false, false, nil, false
	}
	return fix && !diff, tests, fs.Args(), true
}

func isBoolFlag(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// ignoredValue is a flag whose value fixTargets does not need: parsing
// must not set the analyzers' own flags.
type ignoredValue struct{ isBool bool }

func (v ignoredValue) String() string   { return "" }
func (v ignoredValue) Set(string) error { return nil }
func (v ignoredValue) IsBoolFlag() bool { return v.isBool }
