package wechat

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"errcode":40013,"errmsg":"invalid appid"}`))
	}))
	defer srv.Close()
	var r tokenResp
	c := New("a", "b")
	if err := c.get(srv.URL, &r); err != nil {
		t.Fatal(err)
	}
	if r.ErrCode != 40013 {
		t.Fatalf("errcode %d", r.ErrCode)
	}
}
