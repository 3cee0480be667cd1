package httpc

// Package httpc is an HTTP client with no WeChat types: its ToJSON is a
// decoder all the same.

import "encoding/json"

type Response struct {
	Body []byte
}

func (r *Response) ToJSON(v any) error { // want ToJSON:"decoder\\(0\\)"
	return json.Unmarshal(r.Body, v)
}

// Describe reflects over any value: no checker, it decodes nothing.
func Describe(v any) string {
	switch v.(type) {
	case string:
		return "string"
	}
	return "other"
}
