// Package testutil helps the analyzers' tests.
package testutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// SetFlag sets an analyzer flag for the rest of the test.
func SetFlag(t *testing.T, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no flag -%s", a.Name, name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}

// GoldenFilesCompile type-checks each package of the GOPATH-style tree
// testdata with its .go files replaced by their .golden files, so that a
// suggested fix that does not compile fails the test.
func GoldenFilesCompile(t *testing.T, testdata string, pkgs ...string) {
	t.Helper()
	abs, err := filepath.Abs(testdata)
	if err != nil {
		t.Fatal(err)
	}
	overlay := make(map[string][]byte)
	for _, pkg := range pkgs {
		goldens, _ := filepath.Glob(filepath.Join(abs, "src", pkg, "*.go.golden"))
		if len(goldens) == 0 {
			t.Fatalf("package %s has no .golden files", pkg)
		}
		for _, g := range goldens {
			content, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			overlay[strings.TrimSuffix(g, ".golden")] = content
		}
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     abs,
		Env:     append(os.Environ(), "GOPATH="+abs, "GO111MODULE=off", "GOWORK=off"),
		Overlay: overlay,
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("golden output of %s does not compile: %v", p.PkgPath, e)
		}
	})
}
