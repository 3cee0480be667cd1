// This file decides the result cache's key: every input that can change
// what a run prints, one line each.

package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// cacheKey returns the key of the run's result. ok is false when an
// input cannot be known (the running binary cannot be read): the result is
// then not cached.
func (r *run) cacheKey() (key string, ok bool) {
	exe, err := executableHash()
	if err != nil {
		return "", false
	}
	wd := r.cfg.Dir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	wd, _ = filepath.Abs(wd)

	h := sha256.New()
	// The layout of keys and entries.
	fmt.Fprint(h, "wxerrlint driver 3\n")
	// The analyzers, their messages and this driver: the running binary, by content.
	fmt.Fprintf(h, "exe %x\n", exe)
	// Everything the go command decides by (the GOENV file of go env -w,
	// GOFLAGS, GOOS, GOARCH, CGO_*, GOEXPERIMENT, GODEBUG, GOROOT, GOVERSION...).
	fmt.Fprintf(h, "goenv %q\n", r.goenv)
	// Where the patterns are resolved and positions printed from.
	fmt.Fprintf(h, "wd %s\n", wd)
	// The command line: flags (the analyzers' included) and patterns.
	fmt.Fprintf(h, "args %q\n", r.cfg.Args)
	// What Run's caller set beyond the command line.
	fmt.Fprintf(h, "cfg tests=%t json=%t full=%t verify=%t\n", r.cfg.Tests, r.cfg.JSON, r.cfg.Full, r.cfg.Verify)
	for _, n := range r.order {
		// Each package: whether it is a root, the content of its files as
		// read by scan (for the standard library, its export data name),
		// and the export data the go command built for it, which is what
		// importers outside the source set see (its name is a hash of
		// its content): a file edited after go list built it and before
		// scan read it gives a key that no later run computes.
		fmt.Fprintf(h, "pkg %s root=%t files=%x export=%s\n", n.pkg.ID, n.root, n.hash, n.pkg.ExportFile)
		if m := n.pkg.Module; m != nil {
			// The go line sets the language version the files are checked with.
			fmt.Fprintf(h, "module %s %s go%s\n", m.Path, m.Version, m.GoVersion)
		}
		// What go list said of the package.
		for _, e := range n.pkg.Errors {
			fmt.Fprintf(h, "err %s\n", e)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// executableHash returns a SHA-256 of the running binary's content: a
// rebuild of the same size and time is another binary.
var executableHash = sync.OnceValues(func() ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	exe, err := os.Executable()
	if err != nil {
		return sum, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
})
