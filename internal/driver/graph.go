// This file decides which packages are loaded from source: it asks the go
// command for the package graph, reads and hashes the files, finds the
// candidates and draws the source set around them.

package driver

import (
	"crypto/sha256"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

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

// load asks the go command for the package graph of patterns, with the
// export data of every package, and reads the files of every package
// outside the standard library (scan). It returns the root packages.
func (r *run) load(patterns []string) ([]*packages.Package, error) {
	roots, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
			packages.NeedTypesSizes | packages.NeedModule,
		Dir:   r.cfg.Dir,
		Tests: r.cfg.Tests,
		Fset:  r.fset,
	}, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	r.mark("go list")

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
		return nil, err
	}
	for n, s := range r.sourceSet(r.cfg.Full) {
		n.source = s
		if !n.source {
			n.srcs = nil
		} else {
			n.pkg.Errors = slices.DeleteFunc(n.pkg.Errors, isCompilerOutput)
		}
	}
	r.mark("scan")
	return roots, nil
}

// sourceSet returns, for every package, whether it is in the source set:
// a root, a candidate (marked by scan), or an importer of a package in
// the source set, directly or not. With full, every package is.
func (r *run) sourceSet(full bool) map[*node]bool {
	src := make(map[*node]bool, len(r.order))
	for _, n := range r.order { // dependencies first
		s := full || n.root || n.marked
		for _, imp := range n.pkg.Imports {
			if src[r.nodes[imp]] {
				s = true
			}
		}
		src[n] = s
	}
	return src
}

// cutImports leaves each package of the source set only its imports in
// the source set, for the x/tools checker: nothing else can carry a fact.
func (r *run) cutImports() {
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
