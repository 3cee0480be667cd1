// Package magiczero is analyzed with -zero.
package magiczero

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func ok(r resp) bool {
	return r.ErrCode == 0 // want `errcode 0 compared as a magic number; use codes.OK \(ok; 请求成功\)`
}
