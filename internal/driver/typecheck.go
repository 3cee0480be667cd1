// This file decides the types of every package: a package analysed
// type-checked from its files, its imports read from their export data
// (with Config.Full, every package from its files).

package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// typeCheck parses and type-checks every package from source (Config.Full),
// in parallel and in import order.
func (r *run) typeCheck() {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, n := range r.order {
		n.done = make(chan struct{})
		if !n.source {
			close(n.done)
			continue
		}
		wg.Go(func() {
			defer close(n.done)
			sem <- struct{}{}
			syntax := r.parse(n, n.pkg)
			<-sem
			for _, imp := range n.pkg.Imports {
				<-r.nodes[imp].done
			}
			sem <- struct{}{}
			r.typeCheckPackage(n, n.pkg, syntax, true)
			<-sem
		})
	}
	wg.Wait()
}

// parse parses the files of n, adding errors to p (n.pkg, or the copy
// that modular analyses).
func (r *run) parse(n *node, p *packages.Package) []*ast.File {
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
		if !n.std && filesHash(names, n.srcs) != n.hash {
			r.changed.Store(true) // since scan: the key is not this run's
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

// typeCheckPackage type-checks p, the package of n (or a copy), from syntax:
// its imports in the source set from their source if inSource is set,
// every other import from export data.
func (r *run) typeCheckPackage(n *node, p *packages.Package, syntax []*ast.File, inSource bool) {
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
			// A package the go command could not build has no export
			// data; type-checked from source before its importers, it
			// shows them what it has, as the x/tools checker does.
			if in := r.nodes[imp]; inSource && in.source || in.source && imp.ExportFile == "" && in.pkg.Types != nil {
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

// exportData holds the packages read from export data. A package of no
// test binary is read once, into shared, whoever imports it: it is the
// same in every test binary (a package that imports a test variant is a
// variant itself). A test variant ("p [p.test]") is read into a view of
// shared with its test binary's variants in place of the packages they
// stand for, so that each path names one package in every view; the new
// packages a read creates go back to where they belong.
type exportData struct {
	mu       sync.Mutex
	shared   map[string]*types.Package            // by path
	variants map[string]map[string]*types.Package // by test binary and path
	paths    map[string]map[string]bool           // the paths of each test binary's variants
	read     map[string]*types.Package            // by package ID, once read
}

func newExportData() *exportData {
	return &exportData{
		shared:   make(map[string]*types.Package),
		variants: make(map[string]map[string]*types.Package),
		paths:    make(map[string]map[string]bool),
		read:     make(map[string]*types.Package),
	}
}

// addVariant records that the package with the given ID and path is a test
// variant (or a test package) of its test binary.
func (e *exportData) addVariant(id, path string) {
	if tb := testBinary(id); tb != "" {
		if e.paths[tb] == nil {
			e.paths[tb] = make(map[string]bool)
		}
		e.paths[tb][path] = true
	}
}

// importExport returns the types of p from its export data. Export data
// of a package describes what it needs of its dependencies, so only
// packages imported by an analysed package are read; the others are
// filled in as far as they are referenced.
func (r *run) importExport(p *packages.Package) (*types.Package, error) {
	e := r.exp
	e.mu.Lock()
	defer e.mu.Unlock()
	if t, ok := e.read[p.ID]; ok {
		return t, nil
	}
	tb := testBinary(p.ID)
	view := e.shared
	if tb != "" {
		view = maps.Clone(e.shared)
		for path := range e.paths[tb] {
			if v, ok := e.variants[tb][path]; ok {
				view[path] = v
			} else {
				delete(view, path)
			}
		}
	}
	t, err := readExport(p, r.fset, view)
	if err != nil {
		return nil, err
	}
	if tb != "" {
		for path, pkg := range view {
			switch {
			case e.paths[tb][path]:
				if e.variants[tb] == nil {
					e.variants[tb] = make(map[string]*types.Package)
				}
				e.variants[tb][path] = pkg
			case e.shared[path] == nil:
				e.shared[path] = pkg
			}
		}
	}
	e.read[p.ID] = t
	return t, nil
}

// readExport reads the export data of p into packages, the packages
// already read by path, which it completes.
func readExport(p *packages.Package, fset *token.FileSet, packages map[string]*types.Package) (*types.Package, error) {
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
	t, err := gcexportdata.Read(rd, fset, packages, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %q: %v", p.PkgPath, err)
	}
	return t, nil
}
