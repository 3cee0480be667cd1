// This file decides what a run prints and its exit code: the load errors
// on stderr, each once; then the findings on stdout in the chosen format.
// The exit code is 1 when a package does not load or an analysis fails,
// else 3 when there are findings (in every format), else 0.

package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// loadErrors returns the errors of the root packages and their
// dependencies, each once: a package and its test variant share them.
func loadErrors(roots []*packages.Package, dir string) []string {
	var list []string
	seen := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if followsFrom(e, p) {
				continue
			}
			var msg string
			if e.Pos == "" || e.Pos == "-" {
				// The go command's words; they name no file, so name
				// the package, unless they do.
				msg = strings.TrimSpace(e.Msg)
				if path := strings.TrimSuffix(p.PkgPath, ".test"); path != "" && !strings.Contains(msg, path) {
					msg = fmt.Sprintf("package %s: %s", path, msg)
				}
			} else {
				msg = relPath(dir, e.Pos) + ": " + e.Msg
			}
			if !seen[msg] {
				seen[msg] = true
				list = append(list, msg)
			}
		}
	})
	return list
}

// couldNotImport is the type checker's error for an import that the go
// command could not resolve.
var couldNotImport = regexp.MustCompile(`^could not import (\S+) \(`)

// followsFrom reports whether e, an error of p, only repeats another:
// "could not import P" after the go command said why P is not there (an
// error of p or of P).
func followsFrom(e packages.Error, p *packages.Package) bool {
	m := couldNotImport.FindStringSubmatch(e.Msg)
	if e.Kind != packages.TypeError || m == nil {
		return false
	}
	says := func(other packages.Error) bool {
		return other.Kind != packages.TypeError && strings.Contains(other.Msg, m[1])
	}
	if imp := p.Imports[m[1]]; imp != nil && slices.ContainsFunc(imp.Errors, says) {
		return true
	}
	return slices.ContainsFunc(p.Errors, says)
}

// exitCode is the exit code of a run.
func exitCode(errs int, findings []Finding) int {
	switch {
	case errs > 0:
		return 1
	case len(findings) > 0:
		return 3
	}
	return 0
}

// printFindings writes list to w in format, paths relative to dir; text
// lines are followed by context lines of source around them (-c).
func printFindings(w io.Writer, format, dir string, context int, analyzers []*analysis.Analyzer, list []Finding) error {
	switch format {
	case "json":
		return printJSON(w, dir, list)
	case "sarif":
		return printSARIF(w, dir, analyzers, list)
	case "github":
		printGitHub(w, dir, list)
	default:
		files := make(map[string][]string)
		for _, f := range list {
			fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", relPath(dir, f.Pos.Filename), f.Pos.Line, f.Pos.Column, f.Message, f.Check)
			if context >= 0 {
				printContext(w, files, f, context)
			}
		}
	}
	return nil
}

// printContext prints the lines of f's file from context lines before its
// start to context lines after its end, each as "line<TAB>text", as the
// x/tools checker's -c does. A file that cannot be read (a //line
// directive naming a template elsewhere) prints nothing.
func printContext(w io.Writer, files map[string][]string, f Finding, context int) {
	lines, ok := files[f.Pos.Filename]
	if !ok {
		if data, err := os.ReadFile(f.Pos.Filename); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		files[f.Pos.Filename] = lines
	}
	end := f.Pos.Line
	if f.End.Filename == f.Pos.Filename && f.End.Line > end {
		end = f.End.Line
	}
	for i := max(1, f.Pos.Line-context); i <= end+context && i <= len(lines); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// jsonFinding is a finding in -f json: one object per line.
type jsonFinding struct {
	Check    string       `json:"check"`
	Position jsonPosition `json:"position"`
	End      jsonPosition `json:"end,omitzero"`
	Message  string       `json:"message"`
	URL      string       `json:"url,omitempty"`
	Fixes    []jsonFix    `json:"fixes,omitempty"`
}

type jsonPosition struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

// jsonEdit replaces the bytes [start, end) of file with new.
type jsonEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

func printJSON(w io.Writer, dir string, list []Finding) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, f := range list {
		jf := jsonFinding{
			Check:    f.Check,
			Position: jsonPosition{relPath(dir, f.Pos.Filename), f.Pos.Line, f.Pos.Column},
			Message:  f.Message,
			URL:      f.URL,
		}
		if f.End.Filename != "" {
			jf.End = jsonPosition{relPath(dir, f.End.Filename), f.End.Line, f.End.Column}
		}
		for _, fix := range f.Fixes {
			jfix := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jfix.Edits = append(jfix.Edits, jsonEdit{relPath(dir, e.File), e.Start, e.End, e.New})
			}
			jf.Fixes = append(jf.Fixes, jfix)
		}
		if err := enc.Encode(jf); err != nil {
			return err
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// printGitHub writes GitHub Actions workflow commands that annotate the
// findings' lines.
func printGitHub(w io.Writer, dir string, list []Finding) {
	for _, f := range list {
		props := fmt.Sprintf("file=%s,line=%d,col=%d", ghProperty(relPath(dir, f.Pos.Filename)), f.Pos.Line, f.Pos.Column)
		if f.End.Filename == f.Pos.Filename {
			props += fmt.Sprintf(",endLine=%d,endColumn=%d", f.End.Line, f.End.Column)
		}
		fmt.Fprintf(w, "::error %s,title=%s::%s\n", props, ghProperty(f.Check), ghData(f.Message))
	}
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// report returns what the run prints and its exit code. clean says that
// nothing failed: no package error, no analysis error, no fact outside
// the source set.
func (r *run) report(roots []*packages.Package, results []*pkgResult, graph *checker.Graph, analyzers []*analysis.Analyzer) (res result, clean bool, err error) {
	dir := r.cfg.WorkDir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	var stdout, stderr bytes.Buffer
	errs := loadErrors(roots, dir)
	list, failures := findings(results, analyzers, r.cfg.Checks, r.directives)
	errs = append(errs, failures...)
	if len(r.cfg.Exclude) > 0 {
		list = slices.DeleteFunc(list, func(f Finding) bool { return excluded(r.cfg.ExcludeBase, f.RawFile, r.cfg.Exclude) })
	}
	if r.cfg.NewFrom != "" {
		if list, err = newFromRev(dir, r.cfg.NewFrom, list); err != nil {
			return result{}, false, err
		}
	}
	for _, e := range errs {
		fmt.Fprintln(&stderr, e)
	}
	format := r.cfg.Format
	if r.cfg.JSON {
		format = "json"
	}
	code := 0
	switch {
	case r.cfg.Diff:
		code = max(r.diff(&stdout, &stderr, dir, list), exitCode(len(errs), list))
	case r.cfg.Fix:
		list, code = r.fix(&stderr, dir, list)
		fallthrough
	default:
		context := -1
		if r.cfg.ShowContext {
			context = r.cfg.Context
		}
		if err := printFindings(&stdout, format, dir, context, analyzers, list); err != nil {
			return result{}, false, err
		}
		code = max(code, exitCode(len(errs), list))
	}
	if code == 3 && r.cfg.FindingsExit != nil {
		code = *r.cfg.FindingsExit
	}
	verified := true
	if r.cfg.Verify {
		v := r.verify(graph)
		stderr.WriteString(v)
		if strings.Contains(v, "driver: verify:") {
			code = max(code, 1)
			verified = false
		}
	}
	return result{stderr.Bytes(), stdout.Bytes(), code}, len(errs) == 0 && verified, nil
}
