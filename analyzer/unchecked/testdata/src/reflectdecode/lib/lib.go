// Package lib is a JSON library that reflects over what it decodes, as
// go-openapi's swag.ReadJSON does: it knows nothing of WeChat, so its
// reflection checks no errcode and it earns no fact at all.
package lib

import (
	"encoding/json"
	"reflect"
)

func ReadJSON(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	if reflect.ValueOf(v).Kind() != reflect.Pointer {
		return nil
	}
	return nil
}

// Resolve hands what it decodes to ReadJSON, then reflects over it.
func Resolve(data []byte, target any) error {
	if err := Unmarshal(data, target); err != nil {
		return err
	}
	_ = reflect.TypeOf(target)
	return nil
}

func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) } // want Unmarshal:"decoder\\(1 from 0\\)"
