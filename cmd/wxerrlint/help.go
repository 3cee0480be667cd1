// This file decides what `wxerrlint help` prints: the command's usage and
// flags, or one check's documentation and flags.

package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"golang.org/x/tools/go/analysis"
)

const usage = `wxerrlint reports mistakes in Go code that handles WeChat API errcodes.

Usage:
  wxerrlint [flags] packages...                    e.g. wxerrlint ./...
  wxerrlint explain <errcode or constant name>...  e.g. wxerrlint explain 40001
  wxerrlint help [check]                           a check's documentation and flags
  wxerrlint version                                the module version of this build
  go vet -vettool=$(command -v wxerrlint) [check flags] packages...

Flags:
  -f text|json|sarif|github
        output format (default text: file:line:col: message (check)); json
        prints one object per finding; sarif a SARIF 2.1.0 log; github
        GitHub Actions annotations
  -json
        same as -f json
  -fix
        apply the suggested fixes, then print the findings that remain;
        writes only into the main module(s)
  -diff
        print the suggested fixes as a unified diff; apply nothing
  -test
        also check test packages (default true)
  -tags list
        comma-separated build tags, as for the go command
  -c n
        with text output, print n lines of source around each finding
  -new-from-rev rev
        report only findings on lines changed since the git revision rev
        (and in files git does not track): adopt the checks, fail on new code
  -findings-exit-code n
        the exit status when findings are all there is (default 3; 0 to
        report without failing)
  -CHECK=false
        do not run CHECK; -CHECK=true runs only the checks so named
  -CHECK.FLAG value
        a check's flag: see wxerrlint help CHECK

Checks:
%s
Exit status: 0 nothing to report, 3 findings (in every format; 1 under go
vet), 1 a package did not load, an analysis failed or a fix could not be
written, 2 a bad command line.

Configuration: the nearest wxerrlint.conf at or above the working directory, with
lines "checks: a, b", "flags: -x -y=z" (before the command line's) and
"exclude: dir/**, *.pb.go" (paths relative to the file).

Environment:
  WXERRLINT_CACHE=dir|off   where a run caches its output (default: the user cache
                            directory); a new or empty directory, or one the cache
                            made: any other is refused. -fix and -diff do not use it.
  WXERRLINT_DRIVER=checker  load every package from source, as the x/tools checker does
`

// help prints the usage, or the documentation of the checks named, and
// returns the exit status: 2 for a name that is no check.
func help(stdout, stderr io.Writer, suite []*analysis.Analyzer, names []string) int {
	var all []*analysis.Analyzer
	for a := range analyzer.WithRequired(suite) {
		all = append(all, a)
	}
	if len(names) == 0 {
		var checks strings.Builder
		for _, a := range all {
			title, _, _ := strings.Cut(a.Doc, "\n")
			if !slices.Contains(suite, a) {
				title += "; its flags apply to every check"
			}
			fmt.Fprintf(&checks, "  %-17s %s\n", a.Name, strings.TrimPrefix(title, a.Name+": "))
		}
		fmt.Fprintf(stdout, usage, checks.String())
		return 0
	}
	status := 0
	for i, name := range names {
		at := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name })
		if at < 0 {
			var known []string
			for _, a := range all {
				known = append(known, a.Name)
			}
			fmt.Fprintf(stderr, "wxerrlint help: no check named %q; the checks are %s\n", name, strings.Join(known, ", "))
			status = 2
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		a := all[at]
		fmt.Fprintf(stdout, "%s\n", strings.TrimSpace(a.Doc))
		if a.URL != "" {
			fmt.Fprintf(stdout, "\nMore: %s\n", a.URL)
		}
		var flags strings.Builder
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Usage == "" {
				return // set by the driver, not by hand
			}
			fmt.Fprintf(&flags, "  -%s.%s", a.Name, f.Name)
			if name, usage := flag.UnquoteUsage(f); name != "" {
				fmt.Fprintf(&flags, " %s\n        %s\n", name, usage)
			} else {
				fmt.Fprintf(&flags, "\n        %s\n", usage)
			}
		})
		if flags.Len() > 0 {
			fmt.Fprintf(stdout, "\nFlags:\n%s", flags.String())
		}
	}
	return status
}
