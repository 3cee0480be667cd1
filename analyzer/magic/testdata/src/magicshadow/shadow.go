package magicshadow

import "github.com/wxerrlint/wxerrlint/codes"

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// A local codes shadows the import: the fix must not name it.
func isExpired(r resp) bool {
	codes := struct{ InvalidCredential int }{}
	return r.ErrCode == 40001 || codes.InvalidCredential > 0 // want `use codes.InvalidCredential`
}

// The same file's other fixes name codes the same way.
func isBusy(r resp) bool {
	return r.ErrCode == -1 || r.ErrCode == codes.OK // want `use codes.SystemError`
}
