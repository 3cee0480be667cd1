// Command gen generates the table of the codes module (codes/table.go and
// codes/README.md) from errcodes.txt, perapi.txt, overrides.txt and
// retry.txt, and the linter's copy of the codes package (internal/codes).
// Run it from the repository root with `go generate ./internal/codes`.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Files written by the generator, relative to the codes directory (and
// goFile also to the copy's).
const (
	goFile = "table.go"
	mdFile = "README.md"
)

// Data files read by the generator.
const (
	tableFile  = "errcodes.txt" // a copy of the global error-code page
	perAPIFile = "perapi.txt"   // codes that only one API's page documents
)

var retryClasses = []string{"None", "Backoff", "RateLimit", "RefreshToken", "Quota"}

func main() {
	dir := flag.String("codes", "../../codes", "the directory of the codes module")
	copyDir := flag.String("copy", ".", "the directory of the linter's copy of the codes package")
	list := flag.Bool("list", false, "print code, name, English and Chinese text as TSV (for reviewing overrides), even when the data has errors")
	flag.Parse()
	if *list {
		entries, err := load(*dir)
		for _, e := range entries {
			fmt.Printf("%d\t%s\t%s\t%s\n", e.Code, e.Name, e.English, e.Chinese)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	files, err := outputs(*dir, *copyDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for path, content := range files {
		if err := os.WriteFile(path, content, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

// outputs returns, by path, every file the generator writes: the codes
// module's generated files and the linter's copy.
func outputs(codesDir, copyDir string) (map[string][]byte, error) {
	files, err := generate(codesDir)
	if err != nil {
		return nil, err
	}
	api, err := copyAPI(codesDir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{
		filepath.Join(copyDir, goFile):  files[goFile],
		filepath.Join(copyDir, apiFile): api,
	}
	for name, content := range files {
		out[filepath.Join(codesDir, name)] = content
	}
	return out, nil
}

// generate reads the data files in dir and returns the generated files'
// contents by name.
func generate(dir string) (map[string][]byte, error) {
	entries, err := load(dir)
	if err != nil {
		return nil, err
	}
	src, err := renderGo(entries)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{goFile: src, mdFile: renderMarkdown(entries)}, nil
}

// load parses the four data files and checks that they agree.
func load(dir string) ([]entry, error) {
	open := func(name string, parse func(io.Reader) error) error {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		return parse(f)
	}
	var entries []entry
	var ov []override
	var retries []retryLine
	if err := open(tableFile, func(r io.Reader) (err error) { entries, err = parseTable(r); return }); err != nil {
		return nil, err
	}
	var perAPI []entry
	if err := open(perAPIFile, func(r io.Reader) (err error) { perAPI, err = parsePerAPI(r); return }); err != nil {
		return nil, err
	}
	if err := checkNotOnPage(entries, perAPI); err != nil {
		return nil, err
	}
	entries = append(entries, perAPI...)
	if err := open("overrides.txt", func(r io.Reader) (err error) { ov, err = parseOverrides(r); return }); err != nil {
		return nil, err
	}
	if err := open("retry.txt", func(r io.Reader) (err error) { retries, err = parseRetry(r); return }); err != nil {
		return nil, err
	}
	err := apply(entries, ov, retries)
	slices.SortFunc(entries, func(a, b entry) int { return a.Code - b.Code })
	return entries, err
}

// override is one line of overrides.txt:
//
//	name <code> <Name>         the constant's name, where deriving fails or collides
//	english <code> <text>      the English part of a description, where splitLanguages errs
type override struct {
	Line int
	Kind string
	Code int
	Arg  string
}

func parseOverrides(r io.Reader) ([]override, error) {
	var out []override
	err := eachDataLine(r, func(n int, line string) error {
		fields := strings.SplitN(line, " ", 3)
		if len(fields) != 3 || (fields[0] != "name" && fields[0] != "english") {
			return fmt.Errorf("overrides.txt:%d: want `name <code> <Name>` or `english <code> <text>`, got %q", n, line)
		}
		code, err := strconv.Atoi(fields[1])
		if err != nil {
			return fmt.Errorf("overrides.txt:%d: bad code %q", n, fields[1])
		}
		out = append(out, override{Line: n, Kind: fields[0], Code: code, Arg: fields[2]})
		return nil
	})
	return out, err
}

// retryLine is one line of retry.txt: `<code> <Class> <reason>`. Class may
// be None: a reviewed "retrying cannot help", with its reason.
type retryLine struct {
	Line   int
	Code   int
	Class  string
	Reason string
}

func parseRetry(r io.Reader) ([]retryLine, error) {
	var out []retryLine
	err := eachDataLine(r, func(n int, line string) error {
		fields := strings.SplitN(line, " ", 3)
		if len(fields) != 3 || strings.TrimSpace(fields[2]) == "" {
			return fmt.Errorf("retry.txt:%d: want `<code> <Class> <reason>`, got %q", n, line)
		}
		code, err := strconv.Atoi(fields[0])
		if err != nil {
			return fmt.Errorf("retry.txt:%d: bad code %q", n, fields[0])
		}
		if !slices.Contains(retryClasses, fields[1]) {
			return fmt.Errorf("retry.txt:%d: unknown retry class %q (want one of %s)", n, fields[1], strings.Join(retryClasses, ", "))
		}
		out = append(out, retryLine{Line: n, Code: code, Class: fields[1], Reason: strings.TrimSpace(fields[2])})
		return nil
	})
	return out, err
}

// eachDataLine calls fn for every line that is not blank or a # comment.
func eachDataLine(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// apply settles English parts, names and retry classes, and checks that
// every override and retry line names a code of the table exactly once,
// that names are unique valid identifiers, and that every code whose text
// speaks of waiting or retrying has a reviewed retry line.
func apply(entries []entry, ov []override, retries []retryLine) error {
	index := make(map[int]*entry, len(entries))
	for i := range entries {
		index[entries[i].Code] = &entries[i]
		entries[i].Retry = "None"
	}
	var errs []error
	seen := make(map[string]int)
	for _, o := range ov {
		e := index[o.Code]
		key := o.Kind + " " + strconv.Itoa(o.Code)
		switch {
		case e == nil:
			errs = append(errs, fmt.Errorf("overrides.txt:%d: code %d is not in the table", o.Line, o.Code))
			continue
		case seen[key] != 0:
			errs = append(errs, fmt.Errorf("overrides.txt:%d: second %s line for code %d (first on line %d)", o.Line, o.Kind, o.Code, seen[key]))
			continue
		}
		seen[key] = o.Line
		switch o.Kind {
		case "name":
			if !token.IsIdentifier(o.Arg) || !token.IsExported(o.Arg) {
				errs = append(errs, fmt.Errorf("overrides.txt:%d: %q is not an exported Go identifier", o.Line, o.Arg))
			}
			e.Name = o.Arg
		case "english":
			rest, ok := strings.CutPrefix(e.Desc, o.Arg)
			if !ok {
				errs = append(errs, fmt.Errorf("overrides.txt:%d: description of %d does not start with %q", o.Line, o.Code, o.Arg))
				continue
			}
			e.English, e.Chinese = strings.TrimSpace(o.Arg), strings.TrimSpace(rest)
		}
	}
	for _, r := range retries {
		e := index[r.Code]
		if e == nil {
			errs = append(errs, fmt.Errorf("retry.txt:%d: code %d is not in the table", r.Line, r.Code))
			continue
		}
		if e.Reason != "" {
			errs = append(errs, fmt.Errorf("retry.txt:%d: second line for code %d", r.Line, r.Code))
			continue
		}
		e.Retry, e.Reason = r.Class, r.Reason
	}
	names := make(map[string]int)
	for i := range entries {
		e := &entries[i]
		if e.Name == "" {
			e.Name = deriveName(e.English)
		}
		if e.Name == "" {
			errs = append(errs, fmt.Errorf("%s:%d: code %d needs a `name` line in overrides.txt (no English text to derive one from)", e.File, e.Line, e.Code))
			continue
		}
		if prev, ok := names[e.Name]; ok {
			errs = append(errs, fmt.Errorf("%s:%d: duplicate name %s for codes %d and %d: add a `name` line to overrides.txt", e.File, e.Line, e.Name, prev, e.Code))
			continue
		}
		names[e.Name] = e.Code
	}
	errs = append(errs, checkRetryReviewed(entries)...)
	return errors.Join(errs...)
}

func renderGo(entries []entry) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by github.com/wxerrlint/wxerrlint/internal/codes/gen from errcodes.txt, perapi.txt, overrides.txt and retry.txt; DO NOT EDIT.\n\n")
	b.WriteString("package codes\n\n")
	b.WriteString("// The WeChat errcodes. The constants are untyped so that they compare\n")
	b.WriteString("// with an errcode field of any integer or float type.\n")
	b.WriteString("const (\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "\t// %s is errcode %d.\n", e.Name, e.Code)
		if e.English != "" {
			fmt.Fprintf(&b, "\t//   English: %s\n", oneLine(e.English))
		}
		if e.Chinese != "" {
			fmt.Fprintf(&b, "\t//   中文: %s\n", oneLine(e.Chinese))
		}
		if e.Reason != "" {
			fmt.Fprintf(&b, "\t//   Retry: %s (%s)\n", e.Retry, oneLine(e.Reason))
		}
		if e.API != "" {
			fmt.Fprintf(&b, "\t//   Documented only on the page of %s.\n", e.API)
		}
		fmt.Fprintf(&b, "\t%s = %d\n", e.Name, e.Code)
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "// table holds every code, sorted by value.\nvar table = [%d]Info{\n", len(entries))
	for _, e := range entries {
		fmt.Fprintf(&b, "\t{%s, %q, %q, %q, %s, %q},\n", e.Name, e.Name, e.English, e.Chinese, e.Retry, e.API)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func renderMarkdown(entries []entry) []byte {
	var b bytes.Buffer
	b.WriteString("<!-- Code generated by github.com/wxerrlint/wxerrlint/internal/codes/gen; DO NOT EDIT. -->\n\n")
	b.WriteString("# WeChat errcodes\n\n")
	onPage := 0
	for _, e := range entries {
		if e.API == "" {
			onPage++
		}
	}
	fmt.Fprintf(&b, "All %d codes of the WeChat Official Account error-code page, and %d codes that only\n", onPage, len(entries)-onPage)
	b.WriteString("one API's page documents (marked with the API), as constants of\n")
	b.WriteString("`github.com/wxerrlint/wxerrlint/codes`. Retry classes: `Backoff` (retry after a short\n")
	b.WriteString("delay), `RateLimit` (wait for the window, then retry), `RefreshToken` (refresh the\n")
	b.WriteString("access_token, then retry once), `Quota` (used up for the day or month: do not retry).\n\n")
	b.WriteString("`github.com/wxerrlint/wxerrlint/codes` is a module of its own that requires nothing\n")
	b.WriteString("(Go 1.21): adding it adds this table alone. The table is generated: edit the `.txt`\n")
	b.WriteString("files here, then run `go generate ./internal/codes` at the repository's root.\n\n")
	b.WriteString("| Code | Name | Retry | English | 中文 |\n|---:|---|---|---|---|\n")
	for _, e := range entries {
		retry := ""
		if e.Retry != "None" {
			retry = e.Retry
		}
		english := e.English
		if e.API != "" {
			api, _, _ := strings.Cut(e.API, " (")
			english = strings.TrimSpace("(" + api + ") " + english)
		}
		fmt.Fprintf(&b, "| %d | `%s` | %s | %s | %s |\n", e.Code, e.Name, retry, mdCell(english), mdCell(e.Chinese))
	}
	return b.Bytes()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`).Replace(oneLine(s))
}
