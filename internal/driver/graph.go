// This file decides which packages are loaded from source: it asks the go
// command for the package graph, reads and hashes the files, finds the
// candidates and draws the source set around them.

package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// node is one package of the build with what the driver knows of it.
type node struct {
	pkg    *packages.Package
	root   bool
	std    bool
	marked bool     // one of its files passes errcode.CandidateScanner
	wechat bool     // one of its files passes CandidateScanner.WeChat
	cand   bool     // a candidate: outside the standard library, marked or importing a candidate
	asked  bool     // analysed on its own for facts an analysis asked for (modular.go)
	source bool     // in the source set
	listed listed   // what go list said, before type checking changes it
	hash   [32]byte // of its files (source) or export data name (std)
	srcs   [][]byte // file contents, kept for parsing
	done   chan struct{}

	factsOnce sync.Once // computes facts, on demand (modular.go)
	facts     *pkgFacts
	result    *pkgResult // of a package of the source set

	objectsOnce sync.Once             // finds objects, on demand (demand.go)
	objects     []analysis.ObjectFact // its object facts, as objects of its export data
	key         string                // in the package cache; "" for none (pkgcache.go)
	api         string                // what a package of the source set is to its importers (apiKey)
	recalled    bool                  // facts and result came from the package cache
}

// listed is what go list said of a package, kept for a package analysed
// on its own (modular.go).
type listed struct {
	imports map[string]*packages.Package
	errors  []packages.Error
}

// load asks the go command for the package graph of patterns, with the
// export data of every package, and reads the files of every package
// outside the standard library (scan). It returns the root packages.
func (r *run) load(patterns []string) ([]*packages.Package, error) {
	type goEnvResult struct {
		env    []byte
		goroot string
		err    error
	}
	envc := make(chan goEnvResult, 1)
	go func() {
		env, goroot, err := goEnv(r.cfg.Dir)
		envc <- goEnvResult{env, goroot, err}
	}()
	roots, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
			packages.NeedTypesSizes | packages.NeedModule,
		Dir:        r.cfg.Dir,
		Tests:      r.cfg.Tests,
		Fset:       r.fset,
		BuildFlags: r.cfg.buildFlags(),
	}, patterns...)
	env := <-envc
	if err != nil {
		return nil, err
	}
	if env.err != nil {
		return nil, env.err
	}
	r.goenv, r.goroot = env.env, env.goroot
	if testHookListed != nil {
		testHookListed(roots)
	}
	if len(roots) == 0 {
		// In export mode go/packages drops the go command's error when
		// go list fails as a whole (a go.sum SECURITY ERROR, a module it
		// may not look up): ask again without export data for its words.
		if _, err := packages.Load(&packages.Config{Mode: packages.NeedName, Dir: r.cfg.Dir, Tests: r.cfg.Tests, BuildFlags: r.cfg.buildFlags()}, patterns...); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	r.mark("go list")

	packages.Visit(roots, nil, func(p *packages.Package) {
		n := &node{pkg: p, done: make(chan struct{})}
		n.std = p.Module == nil && len(p.GoFiles) > 0 && InDir(p.GoFiles[0], filepath.Join(r.goroot, "src"))
		r.nodes[p] = n
		r.order = append(r.order, n)
	})
	for _, p := range roots {
		r.nodes[p].root = true
	}
	if err := r.scan(); err != nil {
		return nil, err
	}
	if testHookScanned != nil {
		testHookScanned()
	}
	for _, n := range r.order { // dependencies first
		n.cand = !n.std && n.marked
		r.exp.addVariant(n.pkg.ID, n.pkg.PkgPath)
		for _, imp := range n.pkg.Imports {
			n.cand = n.cand || r.nodes[imp].cand
		}
		n.listed = listed{imports: n.pkg.Imports, errors: n.pkg.Errors}
	}
	r.setSource()
	r.mark("scan")
	return roots, nil
}

// setSource draws the source set and leaves its packages' errors
// without the compiler's output (the type checker reports the same).
func (r *run) setSource() {
	for n, s := range r.sourceSet(r.cfg.Full) {
		n.source = s
		if !n.source {
			n.srcs = nil
		} else {
			n.pkg.Errors = slices.DeleteFunc(slices.Clone(n.pkg.Errors), isCompilerOutput)
		}
	}
}

// testHookListed, when set, is called after go list, before the files
// are read.
var testHookListed func(roots []*packages.Package)

// testHookScanned, when set, is called after the files are read.
var testHookScanned func()

// goEnv returns the settings that go env -json prints in dir, the
// effective settings of the go command (the GOENV file included), and GOROOT as the
// go command sees it: the standard library is where the go command that
// lists the packages has it, wherever this binary was built.
func goEnv(dir string) (env []byte, goroot string, err error) {
	cmd := exec.Command("go", "env", "-json")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("go env: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	var vars map[string]string
	if err := json.Unmarshal(out, &vars); err != nil {
		return nil, "", fmt.Errorf("go env: %v", err)
	}
	if vars["GOROOT"] == "" {
		return nil, "", fmt.Errorf("go env: no GOROOT")
	}
	// GOGCCFLAGS names a new temporary directory each time; it follows
	// from CC and the CGO_ settings, which stay.
	delete(vars, "GOGCCFLAGS")
	env, err = json.Marshal(vars) // sorted by name
	return env, vars["GOROOT"], err
}

// InDir reports whether file lies in dir (its own file tree, not a
// sibling that shares dir's name as a prefix).
func InDir(file, dir string) bool {
	rel, err := filepath.Rel(dir, file)
	return err == nil && filepath.IsLocal(rel)
}

// sourceSet returns, for every package, whether it is in the source set:
// a root; a candidate that can hold WeChat code (CandidateScanner.WeChat);
// a package that go list reported errors for (it has no export data;
// type-checked from source, it shows the cause, as the x/tools checker
// does); or an importer of a package in the source set, directly or not.
// With full, every package is.
//
// A candidate that only decodes (it calls json.Unmarshal, and nothing in
// it or below it names an errcode) stays out: only decoder facts can arise
// in it (CandidateScanner.WeChat), they matter only to the packages that
// call its functions, and those ask for them (demand.go).
func (r *run) sourceSet(full bool) map[*node]bool {
	src := make(map[*node]bool, len(r.order))
	for _, n := range r.order { // dependencies first
		s := full || n.root || n.cand && n.wechat || len(n.listed.errors) > 0
		for _, imp := range n.pkg.Imports {
			if src[r.nodes[imp]] {
				s = true
			}
		}
		src[n] = s
	}
	return src
}

// testBinary returns the test binary of the package with the given ID
// ("p [p.test]" is a package of p.test), or "".
func testBinary(id string) string {
	if _, rest, ok := strings.Cut(id, " ["); ok {
		return strings.TrimSuffix(rest, "]")
	}
	return ""
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

// filesHash returns a hash of the files of a package: names and contents.
func filesHash(names []string, srcs [][]byte) [sha256.Size]byte {
	h := sha256.New()
	for i, name := range names {
		var data []byte
		if i < len(srcs) {
			data = srcs[i]
		}
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// scan reads the files of every package outside the standard library,
// hashing them and testing them with errcode.CandidateScanner. Standard library packages are
// hashed by the name of their export data, which the go command derives
// from its content.
func (r *run) scan() error {
	// The packages in the module cache, from the result cache if it
	// scanned them before (scancache.go).
	var cached []*node
	var key string
	done := make(map[*node]bool)
	if r.pkgDir != nil {
		cached = r.moduleCacheNodes()
		if key = r.scanKey(cached); key != "" && r.recallScan(key, cached) {
			for _, n := range cached {
				done[n] = true
			}
		}
	}
	work := make(chan *node)
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			sc := errcode.NewCandidateScanner()
			for n := range work {
				if n.std {
					n.hash = sha256.Sum256([]byte(n.pkg.ExportFile))
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
					srcs = append(srcs, data)
					r.read.Add(1)
					if !n.marked || !n.wechat {
						marked, wechat := sc.Scan(data)
						n.marked = n.marked || marked
						n.wechat = n.wechat || wechat
					}
				}
				n.hash = filesHash(files(n.pkg), srcs)
				// Keep the files that will surely be parsed; the other
				// packages that are parsed read theirs again.
				if n.root || n.wechat || r.cfg.Full {
					n.srcs = srcs
				}
			}
		})
	}
	for _, n := range r.order {
		if !done[n] {
			work <- n
		}
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
	}
	if key != "" && len(cached) > 0 && len(done) == 0 {
		r.keepScan(key, cached)
	}
	return nil
}
