// This file decides what the cache keeps of each package's analysis and
// under which key: its facts and what it found, keyed by everything that
// analysis reads, so that a run analyses again only the packages whose
// key changed (the edited ones, and their importers where an edit changed
// an API or facts) and reads the others'.

package driver

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"go/token"
	"go/types"
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
	salt      []byte                  // what every key holds (setPackageKeys)

	mu      sync.Mutex
	pending []*node // analysed in this run, stored when it ends (store)
}

// factTypeName names a fact type in a record.
func factTypeName(t reflect.Type) string {
	return t.Elem().PkgPath() + "." + t.Elem().Name()
}

// setPackageKeys keys the packages outside the source set and the
// standard library whose analysis can be kept (a decoding candidate that
// an analysis asks about): a hash of what the analysis reads. That is the
// running binary (the analyzers and this driver), the go command's
// settings, the analyzers' flags (the salt), the package's files as scan
// read them and the export data the go command built for it, its module's
// go line, and the keys of its imports, which stand for their facts and
// their export data in turn. A package that go list reported errors for,
// or that imports one, has no key: its analysis is not kept. A package of
// the source set is keyed when its imports are done (sourceKey).
func (r *run) setPackageKeys(exe [sha256.Size]byte) {
	salt := sha256.New()
	fmt.Fprintf(salt, "wxerrlint package 2\nexe %x\ngoenv %q\ntags %q\ndirectives %t\n", exe, r.goenv, r.cfg.Tags, r.directives)
	for a := range analyzer.WithRequired(r.analyzers) {
		fmt.Fprintf(salt, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(salt, "flag %s.%s=%q\n", a.Name, f.Name, f.Value) })
	}
	r.pkgs.salt = salt.Sum(nil)
	for _, n := range r.order { // dependencies first
		if n.std || n.source || len(n.listed.errors) > 0 {
			continue
		}
		n.key = r.keyOf(n, true, fmt.Sprintf("export=%s", n.pkg.ExportFile), func(in *node) string { return in.key })
	}
}

// sourceKey returns the key of n, a package of the source set whose
// imports are done: like setPackageKeys', except that an import of the
// source set stands in it for its API (apiKey), not its key, so that an
// edit that changes no package's API or facts is analysed again in the
// edited package only ("early cutoff"). The export data of n itself is
// not in it: n is type-checked from its files, and the go command's
// export data of a package changes with every edit (it records the
// build).
func (r *run) sourceKey(n *node) string {
	if r.pkgs == nil || len(n.listed.errors) > 0 {
		return ""
	}
	return r.keyOf(n, true, fmt.Sprintf("source cand=%t wechat=%t", n.cand, n.wechat), sourceDep)
}

// keyOf hashes the salt, n's ID, with files its files, what, its
// module's go line, and for each import its path and dep; "" if an import
// outside the standard library has none.
func (r *run) keyOf(n *node, files bool, what string, dep func(*node) string) string {
	h := sha256.New()
	h.Write(r.pkgs.salt)
	fmt.Fprintf(h, "pkg %s %s\n", n.pkg.ID, what)
	if files {
		fmt.Fprintf(h, "files %x\n", n.hash)
	}
	if m := n.pkg.Module; m != nil {
		fmt.Fprintf(h, "module %s %s go%s\n", m.Path, m.Version, m.GoVersion)
	}
	paths := make([]string, 0, len(n.listed.imports))
	for path := range n.listed.imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		in := r.nodes[n.listed.imports[path]]
		d := fmt.Sprintf("%x", in.hash) // the standard library: its export data's name
		if !in.std {
			if d = dep(in); d == "" {
				return ""
			}
		}
		fmt.Fprintf(h, "import %s %s\n", path, d)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// apiKey returns what n, a package of the source set just analysed, is
// to its importers: its types (every object of its scope, with
// constants' values and named types' methods), its facts, whether it is a
// candidate and can hold WeChat code, and its imports' own, which its
// importers see through it (their types in its export data, their facts
// among AllObjectFacts). The types are those n was type-checked with, or
// for a package that was not (no candidate), those of its export data
// read on its own, into a map of its own: the shared one holds what
// other packages' export data added, in whatever order they were read.
// "" when it has no export data.
func (r *run) apiKey(n *node) string {
	if n.key == "" || n.pkg.ExportFile == "" {
		return ""
	}
	pkg := n.pkg.Types
	if pkg == nil {
		var err error
		if pkg, err = readExport(n.pkg, token.NewFileSet(), make(map[string]*types.Package)); err != nil {
			return ""
		}
	}
	h := sha256.New()
	qualifier := func(p *types.Package) string { return p.Path() }
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		fmt.Fprintln(h, types.ObjectString(obj, qualifier))
		switch obj := obj.(type) {
		case *types.Const:
			fmt.Fprintln(h, "=", obj.Val().ExactString())
		case *types.TypeName:
			if named, ok := types.Unalias(obj.Type()).(*types.Named); ok {
				for m := range named.Methods() {
					fmt.Fprintln(h, types.ObjectString(m, qualifier))
				}
			}
		}
	}
	// The facts as Go syntax: gob's encoding numbers types in the order a
	// process first meets them.
	head, facts := factList(n.facts)
	fmt.Fprintf(h, "facts %v %v\n", head.Objects, head.Packages)
	for _, f := range facts {
		fmt.Fprintf(h, "%#v\n", f)
	}
	return r.keyOf(n, false, fmt.Sprintf("api=%x cand=%t wechat=%t", h.Sum(nil), n.cand, n.wechat), sourceDep)
}

// sourceDep is what an import stands for in the key of a package of the
// source set: its API if it is of the source set too, else its key.
func sourceDep(in *node) string {
	if in.source {
		return in.api
	}
	return in.key
}

// recordHead is the part of a record that names what follows it: the
// facts, each gob-encoded after it in this order.
type recordHead struct {
	Objects  []recordFact
	Packages []string // fact type names
	Result   *pkgResult
	API      string // of a package of the source set (apiKey)
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
	if n.source && (head.Result == nil || head.API == "") {
		return false
	}
	n.facts, n.result, n.api, n.recalled = facts, head.Result, head.API, true
	if n.result == nil {
		n.result = new(pkgResult)
	}
	n.srcs = nil
	return true
}

// remember marks n's analysis to be kept, if it can be: the package
// type-checked and every analysis ran.
func (r *run) remember(n *node) {
	if r.pkgs == nil || n.key == "" || n.source && n.api == "" || len(n.pkg.Errors) > 0 || n.pkg.IllTyped {
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

// encodeRecord returns the record of n: its head, then its facts.
func encodeRecord(n *node) ([]byte, error) {
	head, facts := factList(n.facts)
	head.Result, head.API = n.result, n.api
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

// factList returns the facts of pf in a stable order, and the head that
// names them.
func factList(pf *pkgFacts) (recordHead, []analysis.Fact) {
	var head recordHead
	var facts []analysis.Fact
	keys := slices.Collect(maps.Keys(pf.objects))
	slices.SortFunc(keys, func(a, b objectKey) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(factTypeName(a.typ), factTypeName(b.typ)))
	})
	for _, k := range keys {
		head.Objects = append(head.Objects, recordFact{string(k.path), factTypeName(k.typ)})
		facts = append(facts, pf.objects[k])
	}
	types := slices.Collect(maps.Keys(pf.packages))
	slices.SortFunc(types, func(a, b reflect.Type) int { return cmp.Compare(factTypeName(a), factTypeName(b)) })
	for _, t := range types {
		head.Packages = append(head.Packages, factTypeName(t))
		facts = append(facts, pf.packages[t])
	}
	return head, facts
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
