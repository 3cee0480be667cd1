// This file decides type questions every check asks the same way.

package analysisutil

import "go/types"

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}
