// Package analyzer lists the wxerrlint analyzers.
//
// Each check is a package of its own exporting one Analyzer (as Bazel nogo
// and golangci-lint expect): errcodemagic (analyzer/magic). They share the
// recognition of errcode expressions in analyzer/errcode, an analyzer that
// reports nothing and exports facts (getters, WeCom callers) that carry
// knowledge across packages.
package analyzer
