// Package jsonlib has the API shape of jsoniter and sonic.
package jsonlib

import "encoding/json"

type API interface {
	Unmarshal(data []byte, v interface{}) error
	UnmarshalFromString(str string, v interface{}) error
}

type config struct{}

func (config) Unmarshal(data []byte, v interface{}) error { return json.Unmarshal(data, v) }

func (config) UnmarshalFromString(str string, v interface{}) error {
	return json.Unmarshal([]byte(str), v)
}

var ConfigCompatibleWithStandardLibrary API = config{}

func Unmarshal(data []byte, v interface{}) error { return json.Unmarshal(data, v) }
