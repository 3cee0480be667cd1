package kernel // want package:"wechat"

// Package kernel is an SDK's HTTP layer: PostJSON decodes the reply into
// out and leaves the errcode to its callers.

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

type ResponseWork struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func PostJSON(url, body string, out any) error { // want PostJSON:"decoder\\(2\\)"
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
