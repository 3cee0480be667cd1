// This file fuzzes the suite with Go sources seeded from every test input.

package integration

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// FuzzAnalyzers feeds Go sources, seeded from every .go (and .go.golden)
// file of the main module's test inputs (testdata and each analyzer's
// testdata), to every analyzer of the suite through the real pass
// machinery: the source is parsed and type-checked as go/packages does
// (errors tolerated, the package marked ill-typed), as one package whose
// imports are the packages of those GOPATH trees and the standard library, and checker.Analyze runs the suite on it, with the
// analyzers they require and facts from the imported packages. Any panic
// fails; so does a diagnostic without a valid position, or an analyzer
// error on a package without errors.
//
// CI runs it for a bounded time:
//
//	go test -run='^$' -fuzz=FuzzAnalyzers -fuzztime=60s .
func FuzzAnalyzers(f *testing.F) {
	trees := testdataTrees(f)
	seeds := 0
	for _, tree := range trees {
		seeds += addSeeds(f, tree)
	}
	if seeds == 0 {
		f.Fatalf("no seeds in %s", trees)
	}
	env := newFuzzEnv(f, trees)
	f.Fuzz(func(t *testing.T, src []byte) {
		env.run(t, src)
	})
}

// testdataTrees returns the GOPATH-style trees of test inputs: the main
// module's testdata, then each analyzer's.
func testdataTrees(f *testing.F) []string {
	root, err := filepath.Abs("..")
	if err != nil {
		f.Fatal(err)
	}
	trees := []string{filepath.Join(root, "testdata")}
	more, err := filepath.Glob(filepath.Join(root, "analyzer", "*", "testdata"))
	if err != nil {
		f.Fatal(err)
	}
	return append(trees, more...)
}

// addSeeds adds every .go and .go.golden file of tree's src as a seed and
// returns how many.
func addSeeds(f *testing.F, tree string) int {
	seeds := 0
	err := filepath.WalkDir(filepath.Join(tree, "src"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 && d.Name() == "codes" {
			return nil // the real codes package: not test input
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".go.golden")) {
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f.Add(src)
			seeds++
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	return seeds
}

// A fuzzEnv holds the packages a fuzzed source may import, loaded once.
type fuzzEnv struct {
	fset  *token.FileSet
	sizes types.Sizes
	pkgs  map[string]*packages.Package // by import path, dependencies included
	file  string                       // where the fuzzed source is written, for Pass.ReadFile
}

func newFuzzEnv(f *testing.F, trees []string) *fuzzEnv {
	// Every package of the trees (GOPATH-style; where two hold one import
	// path, the first wins), and the standard library packages that fuzzed
	// sources most likely import.
	patterns := []string{"github.com/wxerrlint/wxerrlint/codes",
		"fmt", "errors", "strconv", "strings", "encoding/json", "encoding/xml", "net/http", "context", "time", "sync", "io"}
	for _, tree := range trees {
		patterns = append(patterns, packagePaths(f, filepath.Join(tree, "src"))...)
	}
	cfg := &packages.Config{
		Mode: loadMode,
		Dir:  filepath.Join(trees[0], "src"),
		Env:  append(os.Environ(), "GOPATH="+strings.Join(trees, string(filepath.ListSeparator)), "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		f.Fatal(err)
	}
	env := &fuzzEnv{
		sizes: types.SizesFor("gc", runtime.GOARCH),
		pkgs:  make(map[string]*packages.Package),
		file:  filepath.Join(f.TempDir(), "fuzz.go"),
	}
	// The packages of testdata keep their syntax, so that the fact-producing
	// analyzers run on them for every input and their facts reach it. The
	// others (the standard library, which TestStd shows holds nothing for
	// the suite) are replaced by stand-ins without files, on which those
	// analyzers run at no cost: otherwise every input would pay for
	// analyzing all of net/http's dependencies.
	inTrees := func(file string) bool {
		for _, tree := range trees {
			if strings.HasPrefix(file, filepath.Join(tree, "src")+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if env.fset == nil {
			env.fset = p.Fset
		}
		if len(p.GoFiles) > 0 && inTrees(p.GoFiles[0]) {
			env.pkgs[p.PkgPath] = p
			return
		}
		env.pkgs[p.PkgPath] = &packages.Package{
			ID:         p.ID,
			Name:       p.Name,
			PkgPath:    p.PkgPath,
			Fset:       p.Fset,
			Types:      p.Types,
			TypesInfo:  &types.Info{},
			TypesSizes: p.TypesSizes,
			Errors:     p.Errors,
			IllTyped:   p.IllTyped,
		}
	})
	if env.fset == nil {
		f.Fatal("loaded no packages")
	}
	for _, p := range env.pkgs {
		if p.Syntax != nil {
			for path, dep := range p.Imports {
				p.Imports[path] = env.pkgs[dep.PkgPath]
			}
		}
	}
	return env
}

// packagePaths returns the import path of every directory below src that
// holds .go files, but the codes package (linked in, not test input).
func packagePaths(f *testing.F, src string) []string {
	var paths []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if goFiles, _ := filepath.Glob(filepath.Join(path, "*.go")); len(goFiles) > 0 {
			rel, err := filepath.Rel(src, path)
			if err != nil {
				return err
			}
			if rel != "." && rel != filepath.FromSlash("github.com/wxerrlint/wxerrlint/codes") {
				paths = append(paths, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	return paths
}

// run analyzes src as the only file of a package.
func (env *fuzzEnv) run(t *testing.T, src []byte) {
	if err := os.WriteFile(env.file, src, 0o666); err != nil {
		t.Fatal(err)
	}
	var errs []packages.Error
	file, err := parser.ParseFile(env.fset, env.file, src, parser.AllErrors|parser.ParseComments)
	if file == nil {
		return // go/packages drops such a file, and a package without files has nothing to analyze
	}
	var list scanner.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			errs = append(errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	} else if err != nil {
		errs = append(errs, packages.Error{Msg: err.Error(), Kind: packages.ParseError})
	}

	pkg := &packages.Package{
		ID:              "fuzz",
		Name:            file.Name.Name,
		PkgPath:         "fuzz",
		GoFiles:         []string{env.file},
		CompiledGoFiles: []string{env.file},
		Fset:            env.fset,
		Syntax:          []*ast.File{file},
		Imports:         make(map[string]*packages.Package),
		TypesSizes:      env.sizes,
		TypesInfo: &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		},
	}
	if pkg.Name == "" || pkg.Name == "_" {
		pkg.Name = "fuzz" // as go/types would: keep the checker's sanity check meaningful
	}
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if dep := env.pkgs[path]; dep != nil {
			pkg.Imports[path] = dep
		}
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if dep := pkg.Imports[path]; dep != nil && dep.Types != nil && dep.Types.Complete() {
				return dep.Types, nil
			}
			return nil, fmt.Errorf("cannot find package %q", path)
		}),
		Error: func(err error) {
			te := err.(types.Error)
			pkg.TypeErrors = append(pkg.TypeErrors, te)
			errs = append(errs, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
		},
		Sizes:     env.sizes,
		GoVersion: "go1.25",
	}
	pkg.Types = types.NewPackage(pkg.PkgPath, pkg.Name)
	if err := types.NewChecker(conf, env.fset, pkg.Types, pkg.TypesInfo).Files(pkg.Syntax); err != nil && len(errs) == 0 {
		errs = append(errs, packages.Error{Msg: err.Error(), Kind: packages.TypeError})
	}
	pkg.Errors = errs
	pkg.IllTyped = len(errs) > 0
	for _, dep := range pkg.Imports {
		pkg.IllTyped = pkg.IllTyped || dep.IllTyped
	}

	graph, err := checker.Analyze(analyzer.Suite, []*packages.Package{pkg}, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if act.Package != pkg {
			continue
		}
		if act.Err != nil && !pkg.IllTyped {
			t.Errorf("%s failed on a package without errors: %v\n%s", act.Analyzer.Name, act.Err, src)
		}
		for _, d := range act.Diagnostics {
			if !validRange(env.fset, file, d.Pos, d.End) {
				t.Errorf("%s reported %q at an invalid position [%d, %d) (file [%d, %d])\n%s",
					act.Analyzer.Name, d.Message, d.Pos, d.End, file.FileStart, file.FileEnd, src)
			}
			for _, r := range d.Related {
				if !validRange(env.fset, file, r.Pos, r.End) && env.fset.File(r.Pos) == nil {
					t.Errorf("%s: related information %q at an invalid position", act.Analyzer.Name, r.Message)
				}
			}
		}
	}
}

// validRange reports whether [pos, end) lies in file (end may be unset).
// Like gopls, it lets end pass the end of the file by one: the parser
// closes a term left open at the end of the file (f(x<EOF>) with a
// closing token there, one past which the term's End lies.
func validRange(fset *token.FileSet, file *ast.File, pos, end token.Pos) bool {
	if !pos.IsValid() || pos < file.FileStart || pos > file.FileEnd {
		return false
	}
	return !end.IsValid() || (end >= pos && end <= file.FileEnd+1)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
