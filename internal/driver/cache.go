// This file decides what the result cache keeps, under which key, where,
// and what it may delete: only its own entries, in a directory it owns.

package driver

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

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
