// Package testfiles has the same findings in a plain file and in a test
// file: by default only the plain file's are reported.
package testfiles

import "encoding/json"

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	Ticket  string `json:"ticket"`
}

func expired(r Resp) bool {
	return r.ErrCode == 42001 // reported: errcodemagic
}

func ticket(b []byte) string {
	var r Resp
	_ = json.Unmarshal(b, &r) // reported: errcodeunchecked
	return r.Ticket
}
