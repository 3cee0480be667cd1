// This file decides what the cache keeps of the scan of the packages in
// the module cache, whose files the go command never changes: whether
// each is marked and can hold WeChat code, and the hash of its files,
// under a key of the tool and of every such package with its files'
// names, sizes and modification times. A run after the first then reads
// none of their files, only their metadata.

package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
)

// scanned is what scan learnt of one package.
type scanned struct {
	Marked, WeChat bool
	Hash           [sha256.Size]byte
}

// moduleCacheNodes returns the packages, roots aside, all of whose files
// lie in the module cache, in the run's order.
func (r *run) moduleCacheNodes() []*node {
	var env struct{ GOMODCACHE string }
	if json.Unmarshal(r.goenv, &env) != nil || env.GOMODCACHE == "" {
		return nil
	}
	var list []*node
	for _, n := range r.order {
		if n.std || n.root || n.pkg.Module == nil || n.pkg.Module.Version == "" || len(files(n.pkg)) == 0 {
			continue
		}
		in := true
		for _, name := range files(n.pkg) {
			in = in && InDir(name, env.GOMODCACHE)
		}
		if in {
			list = append(list, n)
		}
	}
	return list
}

// scanKey returns the key of the scan of nodes, or "" when a file cannot
// be looked at.
func (r *run) scanKey(nodes []*node) string {
	exe, err := executableHash()
	if err != nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "wxerrlint scan 1\nexe %x\n", exe)
	for _, n := range nodes {
		fmt.Fprintf(h, "pkg %s %s@%s\n", n.pkg.ID, n.pkg.Module.Path, n.pkg.Module.Version)
		for _, name := range files(n.pkg) {
			fi, err := os.Stat(name)
			if err != nil {
				return ""
			}
			fmt.Fprintf(h, "file %s %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// recallScan fills in nodes from the cache's entry under key, if it keeps
// one.
func (r *run) recallScan(key string, nodes []*node) bool {
	data, ok := r.pkgDir.getBytes(key)
	if !ok {
		return false
	}
	var list []scanned
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&list) != nil || len(list) != len(nodes) {
		return false
	}
	for i, n := range nodes {
		n.marked, n.wechat, n.hash = list[i].Marked, list[i].WeChat, list[i].Hash
	}
	return true
}

// keepScan stores what scan learnt of nodes under key.
func (r *run) keepScan(key string, nodes []*node) {
	list := make([]scanned, len(nodes))
	for i, n := range nodes {
		list[i] = scanned{n.marked, n.wechat, n.hash}
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(list) == nil {
		r.pkgDir.putBytes(key, buf.Bytes())
	}
}
