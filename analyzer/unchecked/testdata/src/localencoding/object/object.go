package object

// Package object is a JSON helper library of another module, like
// PowerLibs' object: JsonEncode encodes, JsonDecode decodes its data
// parameter into v.

import (
	"encoding/json"
	"io"
	"net/http"
)

func JsonEncode(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func JsonDecode(data []byte, v any) error { // want JsonDecode:"decoder\\(1 from 0\\)"
	return json.Unmarshal(data, v)
}

// Decode decodes a fetched body: no parameter's bytes.
func Fetch(url string, v any) error { // want Fetch:"decoder\\(1\\)"
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// Refetch replaces its data parameter before the decode: the bytes
// decoded are not the caller's.
func Refetch(data []byte, v any) error { // want Refetch:"decoder\\(1\\)"
	data = fetch(data)
	return json.Unmarshal(data, v)
}

func fetch(b []byte) []byte { return b }

// EncodeAndPost says more than that it encodes: its result is a reply.
func EncodeAndPost(url string, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return fetch(b), nil
}
