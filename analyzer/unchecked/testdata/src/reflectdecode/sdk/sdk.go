package sdk // want package:"wechat"

// Package sdk checks the errcode of what it decodes by reflection without
// declaring a response type: its words say it can hold WeChat code.

import (
	"encoding/json"
	"fmt"
	"reflect"
)

func DecodeWithError(body []byte, obj any) error { // want DecodeWithError:"checker\\(0, 1\\)"
	if err := json.Unmarshal(body, obj); err != nil {
		return err
	}
	if code := reflect.ValueOf(obj).Elem().FieldByName("ErrCode"); code.IsValid() && code.Int() != 0 {
		return fmt.Errorf("errcode %d", code.Int())
	}
	return nil
}
