// Package analyzer lists the wxerrlint analyzers.
//
// Each check is a package of its own exporting one Analyzer (as Bazel nogo
// and golangci-lint expect): errcodemagic (analyzer/magic),
// errcodeunchecked (analyzer/unchecked), errcoderetry (analyzer/retry).
// They share the recognition of errcode expressions in analyzer/errcode, an
// analyzer that reports nothing and exports facts (getters, WeCom callers)
// that carry knowledge across packages.
//
// # Cost: candidates
//
// Because they declare facts, every driver runs these analyzers on every
// package of a build, the standard library included. errcode first
// decides from the bytes of a package's files whether it is a candidate,
// a package that can hold WeChat code (errcode.CandidateFact); outside
// candidates every analyzer returns at once, exports no fact and builds no
// inspector. The analyzers share one inspector per candidate,
// errcode.Info.Inspector, rather than requiring inspect.Analyzer, which
// drivers would build for every package. The same test lets the
// command's own driver (internal/driver) load only candidates from source.
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
//     of them; on the AST it works in candidates only, and there returns
//     after a look at a package's struct types and imports when nothing
//     there can hold a response.
//   - What SSA would add, flow sensitivity, is what it should not use:
//     an errcode read on any path counts as a check (a missed report rather
//     than a false one), and aliasing of locals, the part SSA does well, is
//     covered by a union of variables assigned to each other, with anything
//     harder (fields, maps, interfaces, closures' results) treated as
//     escaping, hence checked.
package analyzer
