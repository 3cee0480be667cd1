// Package analyzer lists the wxerrlint analyzers.
//
// Each check is a package of its own exporting one Analyzer (as Bazel nogo
// and golangci-lint expect): errcodemagic (analyzer/magic),
// errcodeunchecked (analyzer/unchecked), errcoderetry (analyzer/retry).
// They share the recognition of errcode expressions in analyzer/errcode, an
// analyzer that reports nothing and exports facts (getters, WeCom callers)
// that carry knowledge across packages.
//
// # errcodeunchecked: AST, not SSA
//
// errcodeunchecked follows response values through each function on the
// syntax tree (a flow-insensitive summary per function: classes of aliased
// variables and what happens to them), not on go/ssa, for three reasons:
//
//   - It must recognise errcode reads exactly as the other checks do, and
//     that recognition (errcode.Info.IsErrcode) works on ast.Expr; on SSA
//     it would need a second, diverging copy.
//   - It exports facts, so go vet runs it on every dependency, the
//     standard library included. Requiring buildssa would build SSA for all
//     of them; on the AST it returns after a look at a package's struct
//     types and imports when nothing there can hold a response.
//   - What SSA would add, flow sensitivity, is what it should not use:
//     an errcode read on any path counts as a check (a missed report rather
//     than a false one), and aliasing of locals, the part SSA does well, is
//     covered by a union of variables assigned to each other, with anything
//     harder (fields, maps, interfaces, closures' results) treated as
//     escaping, hence checked.
package analyzer
