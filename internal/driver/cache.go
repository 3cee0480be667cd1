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

// A result is what a run printed, as the cache keeps it.
type result struct {
	stderr, stdout []byte
	code           int
}

// A cache is the result cache in a directory that it owns (openCache).
//
// An entry is stored in a file named by its key, in a subdirectory named
// by the key's first two hex digits. The file holds a SHA-256 of the key
// and the rest (entrySum), then the rest. An entry whose sum does not
// match (zeroed, truncated, damaged, or moved) is a miss. The entry of a
// run's result is the exit code (one byte), the length of the stderr part
// (uvarint), the stderr part, then the stdout part; the entry of a
// package is its record (pkgcache.go).
type cache struct {
	dir string
}

// entrySum returns the checksum that starts the entry of key.
func entrySum(key string, rest []byte) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "wxerrlint cache entry %s\n", key)
	h.Write(rest)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// get returns the result stored under key, if there is an intact one.
func (c *cache) get(key string) (result, bool) {
	data, ok := c.getBytes(key)
	if !ok || len(data) < 2 {
		return result{}, false
	}
	n, w := binary.Uvarint(data[1:])
	if w <= 0 || n > uint64(len(data)-1-w) {
		return result{}, false
	}
	rest := data[1+w:]
	return result{stderr: rest[:n], stdout: rest[n:], code: int(data[0])}, true
}

// put stores res under key.
func (c *cache) put(key string, res result) {
	data := binary.AppendUvarint([]byte{byte(res.code)}, uint64(len(res.stderr)))
	data = append(append(data, res.stderr...), res.stdout...)
	c.putBytes(key, data)
}

// getBytes returns the entry stored under key, if there is an intact one.
func (c *cache) getBytes(key string) ([]byte, bool) {
	name := filepath.Join(c.dir, key[:2], key)
	data, err := os.ReadFile(name)
	if err != nil || len(data) < sha256.Size {
		return nil, false
	}
	data, sum := data[sha256.Size:], data[:sha256.Size]
	if entrySum(key, data) != [sha256.Size]byte(sum) {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(name, now, now) // in use: keep it (see trim); a failure only ages it
	return data, true
}

// putBytes stores data under key, atomically: a reader sees the old entry,
// the new one or none. It then trims the cache.
func (c *cache) putBytes(key string, data []byte) {
	d := filepath.Join(c.dir, key[:2])
	if os.MkdirAll(d, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(d, key+".tmp")
	if err != nil {
		return
	}
	sum := entrySum(key, data)
	_, err = tmp.Write(append(sum[:], data...))
	if cerr := tmp.Close(); err != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(d, key)) != nil {
		os.Remove(tmp.Name())
	}
	c.trim()
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
		"wxerrlint deletes only the entries it wrote here (aa/<64 hex digits> and pkg/aa/<64 hex digits>).\n"
	// cacheReadmeTextV1 is the README of caches without package records,
	// which are adopted.
	cacheReadmeTextV1 = "This directory holds the wxerrlint result cache.\n" +
		"wxerrlint deletes only the entries it wrote here (aa/<64 hex digits>).\n"
)

// pkgCacheDir is the subdirectory of the package records (pkgcache.go),
// a cache of its own layout.
const pkgCacheDir = "pkg"

// openCache makes sure that dir is a wxerrlint result cache, creating it
// in a new or empty directory. A directory that holds anything else is
// refused: the cache trims old files, and must never take one it did not
// write.
func openCache(dir string) (*cache, error) {
	readme := filepath.Join(dir, cacheReadme)
	data, err := os.ReadFile(readme)
	if err == nil && string(data) == cacheReadmeText {
		return &cache{dir}, nil
	}
	if err == nil && string(data) == cacheReadmeTextV1 {
		return &cache{dir}, os.WriteFile(readme, []byte(cacheReadmeText), 0o644)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("result cache %s: %v (%s=off disables the cache)", dir, err, CacheEnv)
	}
	if len(entries) > 0 && !creating(dir, entries) && !earlierLayout(dir, entries) {
		return nil, fmt.Errorf("result cache %s: not a wxerrlint cache (no %s written by wxerrlint) and not empty; "+
			"set %s to a new or empty directory, or to off", dir, cacheReadme, CacheEnv)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("result cache: %v (%s=off disables the cache)", err, CacheEnv)
	}
	if err := os.WriteFile(readme, []byte(cacheReadmeText), 0o644); err != nil {
		return nil, fmt.Errorf("result cache: %v (%s=off disables the cache)", err, CacheEnv)
	}
	return &cache{dir}, nil
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

// earlierLayout reports whether entries, those of dir, are a result cache
// written by wxerrlint before caches had a README: only a "trimmed" file
// and two-hex-digit subdirectories holding only entries (or "tmp-" and
// digits, its temporary files). Such a directory is adopted.
func earlierLayout(dir string, entries []fs.DirEntry) bool {
	for _, e := range entries {
		if e.Name() == "trimmed" && e.Type().IsRegular() {
			continue
		}
		if !e.IsDir() || len(e.Name()) != 2 || !isHex(e.Name()) {
			return false
		}
		files, err := os.ReadDir(filepath.Join(dir, e.Name()))
		if err != nil {
			return false
		}
		for _, f := range files {
			tmp, isTmp := strings.CutPrefix(f.Name(), "tmp-")
			if !f.Type().IsRegular() || !isCacheFile(e.Name(), f.Name()) && !(isTmp && tmp != "" && strings.Trim(tmp, "0123456789") == "") {
				return false
			}
		}
	}
	return true
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

// trim removes the entries of the result cache unused for cacheMaxAge,
// at most once a day: the modification time of a file "trimmed" in the
// cache says when it last ran. It looks only at the files that the cache
// writes, in the subdirectories it writes them in.
func (c *cache) trim() {
	dir := c.dir
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
