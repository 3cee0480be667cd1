// Package codes is the linter's copy of github.com/wxerrlint/wxerrlint/codes,
// the errcode table: the same table and API, generated from the same
// sources by ./gen, which also writes the codes module's table.
//
// The linter does not import the codes module: requiring that unpublished
// module would need a replace directive, which go install ...@latest
// rejects and which the golangci-lint plugin build and the gopls build
// ignore (there this module is not the main module). The messages and
// fixes of the checks still name the codes module's import path
// (analysisutil.CodesPath), which users import.
package codes

//go:generate go run ./gen -codes ../../codes -copy .
