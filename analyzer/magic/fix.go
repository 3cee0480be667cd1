package magic

// This file decides how the fixes of one file name the codes package:
// through an import the file has, or through one they add, under a name
// that means the codes package at every literal they replace.

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// goGetCodes is the command that makes analysisutil.CodesPath resolve in a module.
const goGetCodes = "go get " + analysisutil.CodesPath

// codesResolves reports whether a fix may name the codes package in
// pass's package: the build must have it, or the fix breaks the build.
// It surely has it when the package imports it, directly or not, or is
// part of the codes module; -addimport says that the module requires it.
// Elsewhere (a driver that does not know the build list, such as go vet
// or gopls) there is no fix.
func codesResolves(pass *analysis.Pass) bool {
	module := analysisutil.CodesPath // the codes module's path is the package's
	path := pass.Pkg.Path()
	if importCodes || path == module || strings.HasPrefix(path, module+"/") {
		return true
	}
	seen := make(map[*types.Package]bool)
	var reaches func(p *types.Package) bool
	reaches = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == analysisutil.CodesPath {
			return true
		}
		return slices.ContainsFunc(p.Imports(), reaches)
	}
	return reaches(pass.Pkg)
}

// A fixSite is a literal that a fix replaces with a constant of codes.
type fixSite struct {
	lit   ast.Expr
	scope *types.Scope // the innermost scope at lit
	name  string       // the constant's name
}

// A filePlan is how every fix of one file names the codes package. The
// fixes of a file carry the same import edits, so that a driver applying
// them all (wxerrlint -fix) merges those into one and applies every fix in
// one run; each fix is still complete on its own (a quick fix in an editor).
type filePlan struct {
	ok      bool
	qual    string              // "codes.", an alias and a dot, or "" for a dot import
	imports []analysis.TextEdit // the edits that add the import, if the file needs one
	codes   *types.Package      // the codes package the build sees, if it imports it
}

// edits returns the edits of the fix that replaces lit with the constant
// name, or nil if the file gets no fix for it.
func (p filePlan) edits(lit ast.Expr, name string) []analysis.TextEdit {
	if !p.ok || !declares(p.codes, name) {
		return nil
	}
	// The imports precede every literal: edits in file order, as the
	// drivers' merging of fixes expects.
	return append(slices.Clone(p.imports), analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(p.qual + name)})
}

// declares reports whether the codes package that the build sees declares
// name; a build that does not import codes yet will get this version.
func declares(codesPkg *types.Package, name string) bool {
	return codesPkg == nil || codesPkg.Scope().Lookup(name) != nil
}

// newImportNames are the names a new import of codes may take, in order of
// preference; a file that has them all taken gets no fix.
var newImportNames = []string{"codes", "wxcodes", "wxcodes2", "wxcodes3"}

// planFixes decides how the fixes at sites, all in file, name the codes
// package: an import of the file whose name means codes at every site, or
// a dot import whose names all do, or else a new import under a name that
// nothing declares at any site.
func planFixes(pass *analysis.Pass, file *ast.File, sites []fixSite) filePlan {
	codesPkg := imported(pass.Pkg, analysisutil.CodesPath)
	sites = slices.DeleteFunc(slices.Clone(sites), func(s fixSite) bool {
		return s.scope == nil || !declares(codesPkg, s.name)
	})
	if len(sites) == 0 {
		return filePlan{}
	}
	plan := filePlan{ok: true, codes: codesPkg}
	for _, imp := range file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path != analysisutil.CodesPath {
			continue
		}
		pkgName := pass.TypesInfo.PkgNameOf(imp)
		switch {
		case pkgName == nil || imp.Name != nil && imp.Name.Name == "_":
			// A blank import names nothing.
		case imp.Name != nil && imp.Name.Name == ".":
			if all(sites, func(s fixSite) bool { return isCodesObject(lookup(s, s.name)) }) {
				plan.qual = ""
				return plan
			}
		default:
			if all(sites, func(s fixSite) bool { return lookup(s, pkgName.Name()) == types.Object(pkgName) }) {
				plan.qual = pkgName.Name() + "."
				return plan
			}
		}
	}
	for _, name := range newImportNames {
		if all(sites, func(s fixSite) bool { return lookup(s, name) == nil }) {
			spec := strconv.Quote(analysisutil.CodesPath)
			if name != "codes" {
				spec = fmt.Sprintf("%s %s", name, spec)
			}
			plan.qual = name + "."
			plan.imports = addImport(pass.Fset.File(file.FileStart), file, name, spec)
			return plan
		}
	}
	return filePlan{}
}

// lookup returns the object that name denotes at site.
func lookup(site fixSite, name string) types.Object {
	_, obj := site.scope.LookupParent(name, site.lit.Pos())
	return obj
}

func isCodesObject(obj types.Object) bool {
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == analysisutil.CodesPath
}

func all[T any](list []T, f func(T) bool) bool {
	return !slices.ContainsFunc(list, func(x T) bool { return !f(x) })
}

// imported returns the package of pkg's imports with the given path, or nil.
func imported(pkg *types.Package, path string) *types.Package {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// enclosingScope returns the innermost scope at the node of cur. It walks
// up the syntax, not down the scope tree (types.Scope.Innermost), whose
// cost grows with the number of sibling scopes: a function of many if
// statements made the check quadratic.
func enclosingScope(info *types.Info, cur inspector.Cursor) *types.Scope {
	for c := range cur.Enclosing() {
		n := c.Node()
		// A function's scope belongs to its type, and covers its body.
		switch fn := n.(type) {
		case *ast.FuncDecl:
			n = fn.Type
		case *ast.FuncLit:
			n = fn.Type
		}
		if s := info.Scopes[n]; s != nil {
			return s
		}
	}
	return nil
}
