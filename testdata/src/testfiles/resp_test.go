package testfiles

import (
	"encoding/json"
	"testing"
)

func TestExpired(t *testing.T) {
	r := Resp{ErrCode: 42001}
	if r.ErrCode != 42001 { // in a test file: errcodemagic
		t.Fatal("fixture changed")
	}
	if !expired(r) {
		t.Fatal("42001 is not expired")
	}
}

func mockTicket(b []byte) string {
	var r Resp
	_ = json.Unmarshal(b, &r) // in a test file: errcodeunchecked
	return r.Ticket
}
