// Package client is an HTTP client that knows nothing of WeChat; Get
// decodes into out, which earns it a decoder fact.
package client

import (
	"encoding/json"
	"io"
	"net/http"
)

func Get(url string, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, out)
}
