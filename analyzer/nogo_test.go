// This file tests that every analyzer can run under Bazel's nogo.

package analyzer_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// Bazel's nogo runs an analyzer by importing <package>.Analyzer, and it
// does not fill types.Info.FileVersions. TestNogoReady checks that every
// analyzer package (all of analyzer/... but the analyzer list itself and
// internal packages) exports exactly one *analysis.Analyzer variable, named
// Analyzer, and that no package under analyzer/ uses FileVersions.
func TestNogoReady(t *testing.T) {
	pkgs, problems, checked := checkNogo(t, nil, "./...")
	for _, p := range problems {
		t.Error(p)
	}
	// Guard against checking nothing (a broken pattern or directory).
	for _, want := range []string{root + "/errcode", root + "/magic"} {
		if !slices.Contains(checked, want) {
			t.Errorf("%s was not checked; checked: %v", want, checked)
		}
	}

	// The checks fail on the real tree when a file added to analyzer/magic
	// (in memory only) exports a second Analyzer or uses FileVersions.
	dir, err := filepath.Abs("magic")
	if err != nil {
		t.Fatal(err)
	}
	_, problems, _ = checkNogo(t, map[string][]byte{
		filepath.Join(dir, "zz_nogo_second.go"): []byte("package magic\n\nvar Second = Analyzer\n"),
		filepath.Join(dir, "zz_nogo_versions.go"): []byte("package magic\n\nimport \"go/types\"\n\n" +
			"func fileVersions(info *types.Info) any { return info.FileVersions }\n"),
	}, "./magic")
	for _, want := range []string{
		root + "/magic exports 2 *analysis.Analyzer variables (Analyzer, Second)",
		"zz_nogo_versions.go:5:55: uses types.Info.FileVersions",
	} {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("with files added to analyzer/magic: problems %q, want one containing %q", problems, want)
		}
	}

	// The checks find what they look for: run them on packages made for it,
	// type-checked against the go/types and analysis packages loaded above.
	imports := make(map[string]*types.Package)
	var add func(*types.Package)
	add = func(p *types.Package) {
		if imports[p.Path()] == nil {
			imports[p.Path()] = p
			for _, q := range p.Imports() {
				add(q)
			}
		}
	}
	for _, pkg := range pkgs {
		if pkg.Types != nil {
			add(pkg.Types)
		}
	}
	for _, test := range []struct {
		name, src string
		want      string // substring of the problem reported, "" for none
	}{
		{"one", `var Analyzer = &analysis.Analyzer{Name: "a"}
			var helper = &analysis.Analyzer{Name: "h"}
			var Suite = []*analysis.Analyzer{Analyzer}`, ""},
		{"two", `var Analyzer = &analysis.Analyzer{Name: "a"}
			var Second = &analysis.Analyzer{Name: "b"}`, "exports 2 *analysis.Analyzer variables (Analyzer, Second)"},
		{"alias", `var Analyzer = &analysis.Analyzer{Name: "a"}
			var Alias = Analyzer`, "exports 2 *analysis.Analyzer variables (Alias, Analyzer)"},
		{"misnamed", `var Check = &analysis.Analyzer{Name: "a"}`, "exports 1 *analysis.Analyzer variables (Check)"},
		{"unexported", `var analyzer = &analysis.Analyzer{Name: "a"}`, "exports 0 *analysis.Analyzer variables ()"},
		{"fileversions", `var Analyzer = &analysis.Analyzer{Name: "a", Run: run}
			func run(pass *analysis.Pass) (any, error) {
				return pass.TypesInfo.FileVersions[pass.Files[0]], nil
			}`, "p.go:6:27: uses types.Info.FileVersions"},
		{"fileversionskey", `var Analyzer = &analysis.Analyzer{Name: "a"}
			var info = types.Info{FileVersions: nil}`, "p.go:5:26: uses types.Info.FileVersions"},
	} {
		fset := token.NewFileSet()
		src := "package p\nimport (\"go/types\"; \"golang.org/x/tools/go/analysis\")\nvar _ types.Info\n" + test.src
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", test.name, err)
		}
		info := &types.Info{Uses: make(map[*ast.Ident]types.Object)}
		conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := imports[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("no package %s", path)
		})}
		pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatalf("%s: %v", test.name, err)
		}
		problems := fileVersionsUses(fset, info)
		if p := exportedAnalyzers(pkg); p != "" {
			problems = append(problems, p)
		}
		switch {
		case test.want == "" && len(problems) > 0:
			t.Errorf("%s: unexpected problems %q", test.name, problems)
		case test.want != "" && !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, test.want) }):
			t.Errorf("%s: problems %q, want one containing %q", test.name, problems, test.want)
		}
	}
}

const root = "github.com/wxerrlint/wxerrlint/analyzer"

// checkNogo loads the packages that match patterns with overlay (see
// packages.Config.Overlay) and returns the packages, the problems found, and the analyzer packages
// checked. It fails the test on load errors.
func checkNogo(t *testing.T, overlay map[string][]byte, patterns ...string) (pkgs []*packages.Package, problems, checked []string) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
			packages.NeedTypes | packages.NeedTypesInfo,
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range pkgs {
		for _, err := range pkg.Errors {
			t.Errorf("%s: %v", pkg.PkgPath, err)
		}
		if pkg.Types == nil || pkg.TypesInfo == nil {
			continue
		}
		problems = append(problems, fileVersionsUses(pkg.Fset, pkg.TypesInfo)...)
		if pkg.PkgPath == root || slices.Contains(strings.Split(pkg.PkgPath, "/"), "internal") {
			continue
		}
		if p := exportedAnalyzers(pkg.Types); p != "" {
			problems = append(problems, p)
		}
		checked = append(checked, pkg.PkgPath)
	}
	return pkgs, problems, checked
}

// exportedAnalyzers describes the problem if pkg does not export exactly
// one variable of type *analysis.Analyzer, named Analyzer, or returns "".
func exportedAnalyzers(pkg *types.Package) string {
	var names []string
	scope := pkg.Scope()
	for _, name := range scope.Names() { // sorted
		v, ok := scope.Lookup(name).(*types.Var)
		if ok && v.Exported() && isAnalyzerPointer(v.Type()) {
			names = append(names, name)
		}
	}
	if len(names) == 1 && names[0] == "Analyzer" {
		return ""
	}
	return fmt.Sprintf("%s exports %d *analysis.Analyzer variables (%s); Bazel nogo needs exactly one, named Analyzer",
		pkg.Path(), len(names), strings.Join(names, ", "))
}

func isAnalyzerPointer(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "golang.org/x/tools/go/analysis" && obj.Name() == "Analyzer"
}

// fileVersionsUses describes each use of the field types.Info.FileVersions
// (a selector or a composite literal key) that info records.
func fileVersionsUses(fset *token.FileSet, info *types.Info) []string {
	var problems []string
	for id, obj := range info.Uses {
		if v, ok := obj.(*types.Var); ok && v.IsField() && v.Name() == "FileVersions" &&
			v.Pkg() != nil && v.Pkg().Path() == "go/types" {
			problems = append(problems, fmt.Sprintf("%s: uses types.Info.FileVersions, which Bazel nogo does not fill", fset.Position(id.Pos())))
		}
	}
	slices.Sort(problems)
	return problems
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
