package uncheckednone

import (
	"encoding/json"
	"reflect"
)

// A package with no WeChat types: nothing is reported, and only facts
// that matter to its importers are exported.

type config struct {
	Name    string `json:"name"`
	ErrCode int    // not an errcode: no errmsg beside it
}

func load(body []byte) (string, error) {
	var c config
	if err := json.Unmarshal(body, &c); err != nil {
		return "", err
	}
	return c.Name, nil
}

func Decode(body []byte, v any) error { // want Decode:"decoder\\(1 from 0\\)"
	return json.Unmarshal(body, v)
}

// Kind reflects over any value but decodes nothing: no checker.
func Kind(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return reflect.TypeOf(v).String()
}

// Generic code that decodes and returns: only a response makes it a
// returnsUnchecked, and T may be anything; the fact is exported.
func Parse[T any](body []byte) (T, error) { // want Parse:"returnsUnchecked\\(0\\)"
	var v T
	err := json.Unmarshal(body, &v)
	return v, err
}

func parseConfig(body []byte) string {
	c, _ := Parse[config](body)
	return c.Name
}
