package kernel

// Package kernel is an SDK's HTTP layer, like PowerWeChat's
// BaseClient.Request: the body goes to outBody, the HTTP headers,
// re-encoded to JSON, to outHeader.

import (
	"io"
	"net/http"

	"localencoding/object"
)

func Request(url string, outHeader, outBody any) (*http.Response, error) { // want Request:"decoder\\(2\\)"
	response, err := http.Get(url)
	if err != nil {
		return response, err
	}
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return nil, err
	}
	if outBody != nil {
		if err := object.JsonDecode(body, outBody); err != nil {
			return nil, err
		}
	}
	if outHeader != nil {
		strHeader, err := object.JsonEncode(response.Header)
		if err != nil {
			return nil, err
		}
		err = object.JsonDecode([]byte(strHeader), outHeader)
		if err != nil {
			return nil, err
		}
	}
	return response, err
}

// RequestRaw passes both on.
func RequestRaw(url string, outHeader, outBody any) (*http.Response, error) { // want RequestRaw:"decoder\\(2\\)"
	return Request(url, outHeader, outBody)
}
