// This file decides the types of every package: the source set type-checked
// from its files, every other package read from its export data.

package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// typeCheck parses and type-checks the source set, in parallel and in
// import order; other packages come from export data on demand.
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
			r.typeCheckPackage(n.pkg, syntax, true)
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

// typeCheckPackage type-checks p from syntax: its imports in the source set from
// their source if inSource is set, every other import from export data.
func (r *run) typeCheckPackage(p *packages.Package, syntax []*ast.File, inSource bool) {
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
			if in := r.nodes[imp]; inSource && in.source {
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
