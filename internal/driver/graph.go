// This file decides which packages are candidates: it reads and hashes
// the files of the package graph that go list returned.

package driver

import (
	"crypto/sha256"
	"fmt"
	"os"
	"runtime"
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
