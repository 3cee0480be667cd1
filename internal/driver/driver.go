// Package driver runs the wxerrlint analyzers as a standalone command at
// about the cost of a fact-free analyzer.
//
// The x/tools checker (multichecker) loads every dependency of the root
// packages from source, the standard library included, as soon as one
// analyzer declares a fact type, because facts must be computed for every
// package that the roots depend on. For wxerrlint nearly all of that work
// is wasted: its analyzers produce facts only in candidate packages (see
// errcode.CandidateFact), and almost no dependency is one.
//
// The driver asks the go command once for the package graph and the
// export data of every package (go list -deps -export, which the go
// command serves from its build cache, exactly as it does for a fact-free
// analyzer), then splits the graph in two:
//
//   - the source set: the root packages, every package outside the
//     standard library one of whose files errcode.CandidateScanner
//     accepts, and every package that imports a package of the source set,
//     directly or not: a superset of the candidates;
//   - everything else, which imports nothing of the source set.
//
// It parses and type-checks the source set (in parallel, in import order),
// reads the types of everything else from export data, and runs the
// analyzers on the source set only: a package outside it is no candidate
// and produces no fact, so skipping it changes no diagnostic. Config.Verify
// checks that claim on a given build: it runs the analyzers on every
// package from source, as the x/tools checker does, and reports any
// package outside the source set that produced a fact.
//
// The printed result is cached, keyed by a hash of the tool, its
// arguments, the source of every package outside the standard library and
// the export data of the others, so that a repeat run with nothing changed
// costs the go list call and reading the sources.
//
// The driver covers the command line of a plain run (-test, -json, the
// analyzers' enable flags and their own flags). Everything else (-fix,
// -diff, -c, the go vet protocol, profiling flags) is the x/tools
// checker's: Parse says so, and the command hands over.
package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// Config configures a run.
type Config struct {
	Dir      string   // directory to run the go command in ("" = current)
	Tests    bool     // analyze test packages too
	Full     bool     // load every package from source, like the x/tools checker
	Verify   bool     // report packages outside the source set that produce facts (implies Full)
	CacheDir string   // result cache directory; "" disables it
	JSON     bool     // print diagnostics as JSON
	Timing   bool     // print phase times and per-analyzer totals to stderr
	Seq      bool     // run analyses sequentially (accurate per-analyzer times)
	CPUProf  string   // write a CPU profile to this file
	Args     []string // the command line, part of the cache key
}

// CacheEnv names the environment variable that sets the result cache
// directory; "off" disables the cache.
const CacheEnv = "WXERRLINT_CACHE"

// Parse parses a command line (without the program name) for the driver.
// It returns the configuration, the analyzers to run (after the enable
// flags), the package patterns, and ok = false when the command line is
// not the driver's: the go vet protocol (-V=full, -flags, a .cfg file), a
// flag it does not have (-fix, -diff, -c, ...), -help, or no patterns.
// The x/tools checker then handles it, with its own usage and errors.
//
// Parse sets the analyzers' flags as it goes, like the x/tools checker.
func Parse(analyzers []*analysis.Analyzer, args []string) (cfg Config, run []*analysis.Analyzer, patterns []string, ok bool) {
	fs := flag.NewFlagSet("wxerrlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&cfg.Tests, "test", true, "")
	fs.BoolVar(&cfg.JSON, "json", false, "")
	fs.BoolVar(&cfg.Timing, "timing", false, "")     // for benchmarks: phase and analyzer times
	fs.BoolVar(&cfg.Seq, "seq", false, "")           // for benchmarks: accurate analyzer times
	fs.StringVar(&cfg.CPUProf, "cpuprofile", "", "") // as the x/tools checker's
	enable := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		enable[a] = new(triState)
		fs.Var(enable[a], a.Name, "")
	}
	for a := range allAnalyzers(analyzers) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, "")
		})
	}
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 || fs.Arg(0) == "help" {
		return cfg, nil, nil, false
	}
	if fs.NArg() == 1 && strings.HasSuffix(fs.Arg(0), ".cfg") {
		return cfg, nil, nil, false // go vet's unitchecker protocol
	}
	// As the x/tools checker: naming some analyzers runs only those;
	// turning some off runs the rest.
	anyOn := false
	for _, s := range enable {
		anyOn = anyOn || *s == on
	}
	for _, a := range analyzers {
		if s := *enable[a]; s == on || !anyOn && s != off {
			run = append(run, a)
		}
	}
	cfg.Args = args
	cfg.CacheDir = defaultCacheDir()
	return cfg, run, fs.Args(), true
}

// Main runs the analyzers as Parse configured them, printing to the
// standard streams, and returns the exit code: that of the x/tools
// checker (0, 1 when packages do not load or an analysis fails, 3 for
// findings; with -json, findings alone give 0).
func Main(cfg Config, analyzers []*analysis.Analyzer, patterns []string) int {
	if cfg.CPUProf != "" {
		f, err := os.Create(cfg.CPUProf)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	code, err := Run(cfg, patterns, analyzers, os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
		code = max(code, 1)
	}
	return code
}

// triState is an analyzer's enable flag: unset, on or off.
type triState int

const (
	unset triState = iota
	on
	off
)

func (s *triState) IsBoolFlag() bool { return true }
func (s *triState) String() string {
	switch *s {
	case on:
		return "true"
	case off:
		return "false"
	}
	return "unset"
}
func (s *triState) Set(v string) error {
	switch v {
	case "true", "1", "t", "T", "TRUE", "True":
		*s = on
	case "false", "0", "f", "F", "FALSE", "False":
		*s = off
	default:
		return fmt.Errorf("invalid boolean %q", v)
	}
	return nil
}

func defaultCacheDir() string {
	if d := os.Getenv(CacheEnv); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "wxerrlint")
}

// allAnalyzers yields the analyzers and everything they require, once each.
func allAnalyzers(analyzers []*analysis.Analyzer) func(func(*analysis.Analyzer) bool) {
	return func(yield func(*analysis.Analyzer) bool) {
		seen := make(map[*analysis.Analyzer]bool)
		var visit func(a *analysis.Analyzer) bool
		visit = func(a *analysis.Analyzer) bool {
			if seen[a] {
				return true
			}
			seen[a] = true
			for _, r := range a.Requires {
				if !visit(r) {
					return false
				}
			}
			return yield(a)
		}
		for _, a := range analyzers {
			if !visit(a) {
				return
			}
		}
	}
}

// node is one package of the build with what the driver knows of it.
type node struct {
	pkg    *packages.Package
	root   bool
	std    bool
	marked bool     // one of its files passes errcode.CandidateScanner
	source bool     // in the source set
	hash   [32]byte // of its files (source) or export data name (std)
	srcs   [][]byte // file contents, kept for parsing
	done   chan struct{}
}

type run struct {
	cfg   Config
	fset  *token.FileSet
	nodes map[*packages.Package]*node
	order []*node // dependencies first

	expMu sync.Mutex
	exp   map[string]*types.Package // export-data packages by path
	expOK map[string]bool           // read from their own export data

	times []phase
}

type phase struct {
	name string
	d    time.Duration
}

func (r *run) mark(name string, t0 time.Time) time.Time {
	now := time.Now()
	r.times = append(r.times, phase{name, now.Sub(t0)})
	return now
}

// Run loads patterns, analyzes them and prints the diagnostics. It
// returns the exit code of the x/tools checker: 0, 1 for errors, 3 for
// diagnostics.
func Run(cfg Config, patterns []string, analyzers []*analysis.Analyzer, stdout, stderr io.Writer) (int, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return 1, err
	}
	if cfg.Verify {
		cfg.Full = true
	}
	if cfg.CacheDir != "" {
		if err := openCache(cfg.CacheDir); err != nil {
			return 1, err
		}
	}
	r := &run{
		cfg:   cfg,
		fset:  token.NewFileSet(),
		nodes: make(map[*packages.Package]*node),
		exp:   make(map[string]*types.Package),
		expOK: make(map[string]bool),
	}
	t0 := time.Now()
	start := t0
	roots, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
			packages.NeedTypesSizes | packages.NeedModule,
		Dir:   cfg.Dir,
		Tests: cfg.Tests,
		Fset:  r.fset,
	}, patterns...)
	if err != nil {
		return 1, err
	}
	if len(roots) == 0 {
		return 1, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	t0 = r.mark("go list", t0)

	packages.Visit(roots, nil, func(p *packages.Package) {
		n := &node{pkg: p, done: make(chan struct{})}
		n.std = p.Module == nil && len(p.GoFiles) > 0 && errcode.InStandardLibrary(p.GoFiles[0])
		r.nodes[p] = n
		r.order = append(r.order, n)
	})
	for _, p := range roots {
		r.nodes[p].root = true
	}
	if err := r.scan(); err != nil {
		return 1, err
	}
	for _, n := range r.order { // dependencies first
		n.source = cfg.Full || n.root || n.marked
		for _, imp := range n.pkg.Imports {
			if r.nodes[imp].source {
				n.source = true
			}
		}
		if !n.source {
			n.srcs = nil
		} else {
			n.pkg.Errors = slices.DeleteFunc(n.pkg.Errors, isCompilerOutput)
		}
	}
	t0 = r.mark("scan", t0)

	var key string
	if cfg.CacheDir != "" {
		key = r.cacheKey()
		if res, ok := readCache(cfg.CacheDir, key); ok {
			stderr.Write(res.stderr)
			stdout.Write(res.stdout)
			r.mark("cache hit", t0)
			r.printTiming(stderr, start, nil)
			return res.code, nil
		}
	}

	r.typeCheck()
	t0 = r.mark("parse+typecheck", t0)

	// Hand the source set to the x/tools checker, with imports cut down to
	// the source set: nothing else can carry a fact.
	var errs bytes.Buffer
	for _, n := range r.order {
		if !n.source {
			continue
		}
		imports := make(map[string]*packages.Package)
		for path, imp := range n.pkg.Imports {
			if r.nodes[imp].source {
				imports[path] = imp
			}
		}
		n.pkg.Imports = imports
	}
	nerrs := 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			fmt.Fprintln(&errs, e)
			nerrs++
		}
	})
	graph, err := checker.Analyze(analyzers, roots, &checker.Options{Sequential: cfg.Seq})
	if err != nil {
		return 1, err
	}
	t0 = r.mark("analyze", t0)

	var out, jsonOut bytes.Buffer // for stderr and, with -json, stdout
	out.Write(errs.Bytes())
	code := 0
	if nerrs > 0 {
		code = 1
	}
	if cfg.JSON {
		if err := graph.PrintJSON(&jsonOut); err != nil {
			return 1, err
		}
	} else {
		if err := graph.PrintText(&out, -1); err != nil {
			return 1, err
		}
		failed, diags := 0, 0
		for act := range graph.All() {
			if act.Err != nil {
				failed++
			} else if act.IsRoot {
				diags += len(act.Diagnostics)
			}
		}
		if failed > 0 {
			code = max(code, 1)
		} else if diags > 0 {
			code = max(code, 3)
		}
	}
	if cfg.Verify {
		out.WriteString(r.verify(graph))
		if strings.Contains(out.String(), "driver: verify:") {
			code = max(code, 1)
		}
	}
	// Errors first, as the x/tools checker prints them.
	stderr.Write(out.Bytes())
	stdout.Write(jsonOut.Bytes())
	if key != "" {
		writeCache(cfg.CacheDir, key, result{out.Bytes(), jsonOut.Bytes(), code})
	}
	r.mark("print", t0)
	r.printTiming(stderr, start, graph)
	return code, nil
}

// isCompilerOutput reports whether e is the compiler's output for a
// package that go list -export failed to build ("# path" and the type
// errors). For a package type-checked from source, the type checker
// reports the same errors, as the x/tools checker does: keep only those.
func isCompilerOutput(e packages.Error) bool {
	return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
}

// files returns the files that make up p as the compiler sees it.
func files(p *packages.Package) []string {
	if len(p.CompiledGoFiles) > 0 {
		return p.CompiledGoFiles
	}
	return p.GoFiles
}

// scan reads the files of every package outside the standard library,
// hashing them and testing them with errcode.CandidateScanner. Standard library packages are
// hashed by the name of their export data, which the go command derives
// from its content.
func (r *run) scan() error {
	work := make(chan *node)
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			sc := errcode.NewCandidateScanner()
			for n := range work {
				h := sha256.New()
				if n.std {
					fmt.Fprint(h, n.pkg.ExportFile)
					h.Sum(n.hash[:0])
					continue
				}
				var srcs [][]byte
				for _, name := range files(n.pkg) {
					data, err := os.ReadFile(name)
					if err != nil {
						select {
						case errc <- err:
						default:
						}
						continue
					}
					fmt.Fprintf(h, "%s %d\n", name, len(data))
					h.Write(data)
					srcs = append(srcs, data)
					if !n.marked {
						n.marked = sc.File(data)
					}
				}
				h.Sum(n.hash[:0])
				// Keep the files that will surely be parsed; importers
				// of marked packages read theirs again.
				if n.root || n.marked || r.cfg.Full {
					n.srcs = srcs
				}
			}
		})
	}
	for _, n := range r.order {
		work <- n
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}

// typeCheck parses and type-checks the source set, in parallel and in
// import order; other packages come from export data on demand.
func (r *run) typeCheck() {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, n := range r.order {
		if !n.source {
			close(n.done)
			continue
		}
		wg.Go(func() {
			defer close(n.done)
			sem <- struct{}{}
			syntax := r.parse(n)
			<-sem
			for _, imp := range n.pkg.Imports {
				<-r.nodes[imp].done
			}
			sem <- struct{}{}
			r.check(n, syntax)
			<-sem
		})
	}
	wg.Wait()
}

func (r *run) parse(n *node) []*ast.File {
	p := n.pkg
	names := files(p)
	if len(n.srcs) != len(names) { // standard library, or a read error
		n.srcs = n.srcs[:0]
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
				data = nil
			}
			n.srcs = append(n.srcs, data)
		}
	}
	var syntax []*ast.File
	for i, name := range names {
		f, err := parser.ParseFile(r.fset, name, n.srcs[i], parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if f != nil {
			syntax = append(syntax, f)
		}
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
	}
	n.srcs = nil
	return syntax
}

func (r *run) check(n *node, syntax []*ast.File) {
	p := n.pkg
	ill := false
	tc := &types.Config{
		Sizes: p.TypesSizes,
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no package for import %q", path)
			}
			if in := r.nodes[imp]; in.source {
				if in.pkg.IllTyped {
					ill = true
				}
				if in.pkg.Types == nil {
					return nil, fmt.Errorf("package %q was not type-checked", path)
				}
				return in.pkg.Types, nil
			}
			t, err := r.importExport(imp)
			if err != nil {
				ill = true
			}
			return t, err
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	if len(p.CompiledGoFiles) == 0 && len(p.GoFiles) > 0 {
		tc.FakeImportC = true // cgo was not processed
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	tpkg := types.NewPackage(p.PkgPath, p.Name)
	_ = types.NewChecker(tc, r.fset, tpkg, info).Files(syntax) // errors go to tc.Error
	p.Fset = r.fset
	p.Syntax = syntax
	p.Types = tpkg
	p.TypesInfo = info
	p.IllTyped = ill || len(p.Errors) > 0
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importExport returns the types of p, which is outside the source set,
// from its export data. Export data of a package describes what it needs
// of its dependencies, so only packages imported by the source set are
// read; the others are filled in as far as they are referenced. Packages
// outside the source set import only packages outside it, so a single
// map by path serves them all.
func (r *run) importExport(p *packages.Package) (*types.Package, error) {
	r.expMu.Lock()
	defer r.expMu.Unlock()
	if r.expOK[p.PkgPath] {
		return r.exp[p.PkgPath], nil
	}
	if p.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %q", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %q: %v", p.PkgPath, err)
	}
	t, err := gcexportdata.Read(rd, r.fset, r.exp, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %q: %v", p.PkgPath, err)
	}
	r.expOK[p.PkgPath] = true
	return t, nil
}

// verify returns a line for each package outside the source set (as the
// default mode would compute it) in which an analyzer produced a fact.
func (r *run) verify(graph *checker.Graph) string {
	// Recompute the source set as the default mode would.
	src := make(map[*packages.Package]bool)
	for _, n := range r.order {
		s := n.root || n.marked
		for _, imp := range n.pkg.Imports {
			if src[imp] {
				s = true
			}
		}
		src[n.pkg] = s
	}
	var b strings.Builder
	pkgs, facts := 0, 0
	for act := range graph.All() {
		if len(act.Analyzer.FactTypes) == 0 {
			continue
		}
		own := 0
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				own++
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				own++
			}
		}
		if own == 0 {
			continue
		}
		pkgs++
		facts += own
		if !src[act.Package] {
			fmt.Fprintf(&b, "driver: verify: %s produced %d fact(s) in %s, outside the source set\n", act.Analyzer.Name, own, act.Package.ID)
		}
	}
	nsrc := 0
	for _, s := range src {
		if s {
			nsrc++
		}
	}
	fmt.Fprintf(&b, "driver: verified: %d facts in %d packages; source set %d of %d packages\n", facts, pkgs, nsrc, len(src))
	return b.String()
}

func (r *run) printTiming(w io.Writer, start time.Time, graph *checker.Graph) {
	if !r.cfg.Timing {
		return
	}
	nroots, nsrc, nfiles := 0, 0, 0
	var marked []string
	for _, n := range r.order {
		if n.root {
			nroots++
		}
		if n.source {
			nsrc++
			nfiles += len(files(n.pkg))
		}
		if n.marked && !n.root {
			marked = append(marked, n.pkg.ID)
		}
	}
	fmt.Fprintf(w, "driver: %d packages, %d roots, %d in the source set (%d files); candidate dependencies: %v\n", len(r.order), nroots, nsrc, nfiles, marked)
	for _, ph := range r.times {
		fmt.Fprintf(w, "driver: %-16s %v\n", ph.name, ph.d.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "driver: %-16s %v\n", "total", time.Since(start).Round(time.Millisecond))
	if graph == nil {
		return
	}
	byAnalyzer := make(map[string]time.Duration)
	var names []string
	for act := range graph.All() {
		if _, ok := byAnalyzer[act.Analyzer.Name]; !ok {
			names = append(names, act.Analyzer.Name)
		}
		byAnalyzer[act.Analyzer.Name] += act.Duration
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "driver: analyzer %-14s %v\n", name, byAnalyzer[name].Round(time.Microsecond))
	}
}

// cacheKey hashes everything the printed result depends on.
func (r *run) cacheKey() string {
	h := sha256.New()
	fmt.Fprint(h, "wxerrlint driver 2\n")
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "exe %s %d %d\n", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	wd := r.cfg.Dir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	wd, _ = filepath.Abs(wd)
	fmt.Fprintf(h, "wd %s\nargs %q\n", wd, r.cfg.Args)
	for _, v := range []string{"GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT"} {
		fmt.Fprintf(h, "env %s=%s\n", v, os.Getenv(v))
	}
	for _, n := range r.order {
		fmt.Fprintf(h, "pkg %s %x %t\n", n.pkg.ID, n.hash, n.root)
		if m := n.pkg.Module; m != nil {
			// The go line sets the language version the files are checked with.
			fmt.Fprintf(h, "module %s %s go%s\n", m.Path, m.Version, m.GoVersion)
		}
		for _, e := range n.pkg.Errors {
			fmt.Fprintf(h, "err %s\n", e)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// A result is what a run printed, as the cache keeps it.
type result struct {
	stderr, stdout []byte
	code           int
}

// A cache entry is the exit code (one byte), the length of the stderr
// part (uvarint), the stderr part, then the stdout part.

func readCache(dir, key string) (result, bool) {
	name := filepath.Join(dir, key[:2], key)
	data, err := os.ReadFile(name)
	if err != nil || len(data) < 2 {
		return result{}, false
	}
	n, w := binary.Uvarint(data[1:])
	if w <= 0 || n > uint64(len(data)-1-w) {
		return result{}, false
	}
	rest := data[1+w:]
	now := time.Now()
	_ = os.Chtimes(name, now, now) // in use: keep it (see trimCache); a failure only ages it
	return result{stderr: rest[:n], stdout: rest[n:], code: int(data[0])}, true
}

// cacheMaxAge is how long an unused entry stays in the result cache.
const cacheMaxAge = 7 * 24 * time.Hour

// cacheReadme names the file that marks a directory as a wxerrlint result
// cache, and cacheReadmeText is its content. The cache writes and deletes
// files only in a directory that holds it; it creates it only in a new or
// empty directory.
const (
	cacheReadme     = "README"
	cacheReadmeText = "This directory holds the wxerrlint result cache.\n" +
		"wxerrlint deletes only the entries it wrote here (aa/<64 hex digits>).\n"
)

// openCache makes sure that dir is a wxerrlint result cache, creating it
// in a new or empty directory. A directory that holds anything else is
// refused: the cache trims old files, and must never take one it did not
// write.
func openCache(dir string) error {
	readme := filepath.Join(dir, cacheReadme)
	if data, err := os.ReadFile(readme); err == nil && string(data) == cacheReadmeText {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("result cache %s: %v (%s=off disables the cache)", dir, err, CacheEnv)
	}
	if len(entries) > 0 && !creating(dir, entries) {
		return fmt.Errorf("result cache %s: not a wxerrlint cache (no %s written by wxerrlint) and not empty; "+
			"set %s to a new or empty directory, or to off", dir, cacheReadme, CacheEnv)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("result cache: %v (%s=off disables the cache)", err, CacheEnv)
	}
	if err := os.WriteFile(readme, []byte(cacheReadmeText), 0o644); err != nil {
		return fmt.Errorf("result cache: %v (%s=off disables the cache)", err, CacheEnv)
	}
	return nil
}

// creating reports whether entries, those of dir, are those of a cache
// that another run is creating: a README alone, with a beginning of
// cacheReadmeText.
func creating(dir string, entries []fs.DirEntry) bool {
	if len(entries) != 1 || entries[0].Name() != cacheReadme || !entries[0].Type().IsRegular() {
		return false
	}
	data, err := os.ReadFile(filepath.Join(dir, cacheReadme))
	return err == nil && strings.HasPrefix(cacheReadmeText, string(data))
}

// isCacheFile reports whether name, in the subdirectory sub of the cache,
// is a file the cache writes: an entry (its key, which starts with sub)
// or a temporary file of one (the key and ".tmp" and digits).
func isCacheFile(sub, name string) bool {
	key, tmp, isTmp := strings.Cut(name, ".tmp")
	if len(key) != sha256.Size*2 || !strings.HasPrefix(key, sub) || !isHex(key) {
		return false
	}
	return !isTmp || tmp != "" && strings.Trim(tmp, "0123456789") == ""
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// trimCache removes the entries of the result cache unused for
// cacheMaxAge, at most once a day: the modification time of a file
// "trimmed" in dir says when it last ran. It looks only at the files
// that the cache writes, in the subdirectories it writes them in.
func trimCache(dir string) {
	mark := filepath.Join(dir, "trimmed")
	if fi, err := os.Stat(mark); err == nil && time.Since(fi.ModTime()) < 24*time.Hour {
		return
	}
	if os.WriteFile(mark, nil, 0o644) != nil {
		return
	}
	old := time.Now().Add(-cacheMaxAge)
	subdirs, _ := os.ReadDir(dir)
	for _, sub := range subdirs {
		if !sub.IsDir() || len(sub.Name()) != 2 || !isHex(sub.Name()) {
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(dir, sub.Name()))
		for _, e := range entries {
			if !e.Type().IsRegular() || !isCacheFile(sub.Name(), e.Name()) {
				continue
			}
			if fi, err := e.Info(); err == nil && fi.ModTime().Before(old) {
				os.Remove(filepath.Join(dir, sub.Name(), e.Name()))
			}
		}
	}
}

func writeCache(dir, key string, res result) {
	d := filepath.Join(dir, key[:2])
	if os.MkdirAll(d, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(d, key+".tmp")
	if err != nil {
		return
	}
	entry := binary.AppendUvarint([]byte{byte(res.code)}, uint64(len(res.stderr)))
	entry = append(append(entry, res.stderr...), res.stdout...)
	_, err = tmp.Write(entry)
	if cerr := tmp.Close(); err != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(d, key)) != nil {
		os.Remove(tmp.Name())
	}
	trimCache(dir)
}
