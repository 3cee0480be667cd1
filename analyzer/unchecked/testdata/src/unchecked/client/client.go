package client // want package:"wechat"

import (
	"fmt"
	"reflect"

	"unchecked/sdk"
)

// GetJSON decodes through a decoder of another package and checks the
// errcode by reflection, the way chanxuehong/wechat's Client does.
func GetJSON(body []byte, response any) error { // want GetJSON:"checker\\(1\\)"
	if err := sdk.Get(body, response); err != nil {
		return err
	}
	if v := reflect.ValueOf(response).Elem().FieldByName("ErrCode"); v.IsValid() && v.Int() != 0 {
		return fmt.Errorf("errcode %d", v.Int())
	}
	return nil
}

// Raw decodes and looks at the value by reflection, not at its errcode
// by name; a decode followed by any reflection counts as a check.
func Raw(body []byte, response any) (string, error) { // want Raw:"checker\\(1\\)"
	err := sdk.Get(body, response)
	return reflect.TypeOf(response).String(), err
}
