// This file decides what the cache keeps of each package's analysis and
// under which key: its facts and what it found, keyed by everything that
// analysis reads, so that a run analyses again only the packages whose
// key changed (the edited ones and their importers) and reads the others'.

package driver

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// A pkgCache keeps packages' records in the result cache (pkg/).
type pkgCache struct {
	c         *cache
	factTypes map[string]reflect.Type // the analyzers' fact types, by name

	mu      sync.Mutex
	pending []*node // analysed in this run, stored when it ends (store)
}

// factTypeName names a fact type in a record.
func factTypeName(t reflect.Type) string {
	return t.Elem().PkgPath() + "." + t.Elem().Name()
}

// setPackageKeys gives every package outside the standard library whose
// analysis can be kept a key: a hash of what the analysis reads. That is
// the running binary (the analyzers and this driver), the go command's
// settings, the analyzers' flags, the package's files as scan read them
// and the export data the go command built for it, its module's go line,
// and the keys of its imports, which stand for their facts and their
// export data in turn. A package that go list reported errors for, or
// that imports one, has no key: its analysis is not kept.
func (r *run) setPackageKeys(exe [sha256.Size]byte) {
	salt := sha256.New()
	fmt.Fprintf(salt, "wxerrlint package 1\nexe %x\ngoenv %q\ntags %q\ndirectives %t\n", exe, r.goenv, r.cfg.Tags, r.directives)
	for a := range analyzer.WithRequired(r.analyzers) {
		fmt.Fprintf(salt, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(salt, "flag %s.%s=%q\n", a.Name, f.Name, f.Value) })
	}
	base := salt.Sum(nil)
	for _, n := range r.order { // dependencies first
		if n.std || len(n.listed.errors) > 0 {
			continue
		}
		h := sha256.New()
		h.Write(base)
		fmt.Fprintf(h, "pkg %s files=%x export=%s\n", n.pkg.ID, n.hash, n.pkg.ExportFile)
		if m := n.pkg.Module; m != nil {
			fmt.Fprintf(h, "module %s %s go%s\n", m.Path, m.Version, m.GoVersion)
		}
		paths := make([]string, 0, len(n.listed.imports))
		for path := range n.listed.imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		keyed := true
		for _, path := range paths {
			in := r.nodes[n.listed.imports[path]]
			if !in.std && in.key == "" {
				keyed = false
				break
			}
			fmt.Fprintf(h, "import %s %s %x\n", path, in.key, in.hash)
		}
		if keyed {
			n.key = hex.EncodeToString(h.Sum(nil))
		}
	}
}

// recordHead is the part of a record that names what follows it: the
// facts, each gob-encoded after it in this order.
type recordHead struct {
	Objects  []recordFact
	Packages []string // fact type names
	Result   *pkgResult
}

type recordFact struct {
	Path string // objectpath of the object
	Type string // fact type name
}

// recall reads n's facts and result from the cache, if it keeps them.
func (r *run) recall(n *node) bool {
	if r.pkgs == nil || n.key == "" {
		return false
	}
	data, ok := r.pkgs.c.getBytes(n.key)
	if !ok {
		return false
	}
	dec := gob.NewDecoder(bytes.NewReader(data))
	var head recordHead
	if dec.Decode(&head) != nil {
		return false
	}
	facts := newPkgFacts()
	decode := func(name string) (analysis.Fact, bool) {
		t, ok := r.pkgs.factTypes[name]
		if !ok {
			return nil, false
		}
		v := reflect.New(t.Elem())
		if dec.DecodeValue(v) != nil {
			return nil, false
		}
		return v.Interface().(analysis.Fact), true
	}
	for _, of := range head.Objects {
		fact, ok := decode(of.Type)
		if !ok {
			return false
		}
		facts.objects[objectKey{objectpath.Path(of.Path), reflect.TypeOf(fact)}] = fact
	}
	for _, name := range head.Packages {
		fact, ok := decode(name)
		if !ok {
			return false
		}
		facts.packages[reflect.TypeOf(fact)] = fact
	}
	if n.source && head.Result == nil {
		return false
	}
	n.facts, n.result, n.recalled = facts, head.Result, true
	if n.result == nil {
		n.result = new(pkgResult)
	}
	n.srcs = nil
	return true
}

// remember marks n's analysis to be kept, if it can be: the package
// type-checked and every analysis ran.
func (r *run) remember(n *node) {
	if r.pkgs == nil || n.key == "" || len(n.pkg.Errors) > 0 || n.pkg.IllTyped {
		return
	}
	if res := n.result; res != nil && (len(res.Failed) > 0 || len(res.Failures) > 0) {
		return
	}
	r.pkgs.mu.Lock()
	r.pkgs.pending = append(r.pkgs.pending, n)
	r.pkgs.mu.Unlock()
}

// storePackages writes the records of the packages analysed in this run,
// unless a file changed while it ran: then a key may stand for other
// content than the one analysed.
func (r *run) storePackages() {
	if r.pkgs == nil || r.changed.Load() {
		return
	}
	for _, n := range r.pkgs.pending {
		if data, err := encodeRecord(n); err == nil {
			r.pkgs.c.putBytes(n.key, data)
		}
	}
}

// encodeRecord returns the record of n: its facts, in a stable order, and
// its result.
func encodeRecord(n *node) ([]byte, error) {
	var head recordHead
	var facts []analysis.Fact
	keys := slices.Collect(maps.Keys(n.facts.objects))
	slices.SortFunc(keys, func(a, b objectKey) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(factTypeName(a.typ), factTypeName(b.typ)))
	})
	for _, k := range keys {
		head.Objects = append(head.Objects, recordFact{string(k.path), factTypeName(k.typ)})
		facts = append(facts, n.facts.objects[k])
	}
	types := slices.Collect(maps.Keys(n.facts.packages))
	slices.SortFunc(types, func(a, b reflect.Type) int { return cmp.Compare(factTypeName(a), factTypeName(b)) })
	for _, t := range types {
		head.Packages = append(head.Packages, factTypeName(t))
		facts = append(facts, n.facts.packages[t])
	}
	head.Result = n.result
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(&head); err != nil {
		return nil, err
	}
	for _, f := range facts {
		if err := enc.Encode(f); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// newPkgCache returns the package cache of a run's analyzers in c.
func newPkgCache(c *cache, analyzers []*analysis.Analyzer) *pkgCache {
	pc := &pkgCache{c: c, factTypes: make(map[string]reflect.Type)}
	for a := range analyzer.WithRequired(analyzers) {
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			pc.factTypes[factTypeName(t)] = t
		}
	}
	return pc
}
