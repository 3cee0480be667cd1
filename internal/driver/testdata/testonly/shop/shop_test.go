package shop

import (
	"testing"

	"example.com/t/decoder"
)

func TestTicket(t *testing.T) {
	var r Resp
	if err := decoder.Decode([]byte(`{"ticket":"t"}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.Ticket != "t" {
		t.Fatal(r.Ticket)
	}
}
