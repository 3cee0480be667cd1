// This file decides type and constant questions every check asks the
// same way.

package analysisutil

import (
	"go/constant"
	"go/types"
)

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// IsZeroConstant reports whether constant v is its type's zero value: "",
// 0 (of any number kind), false.
func IsZeroConstant(v constant.Value) bool {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Bool:
		return !constant.BoolVal(v)
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(v) == 0
	}
	return false
}
