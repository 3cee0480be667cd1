package magiccgo

// #include <stdlib.h>
import "C"

// A handwritten file that imports "C": reported, without a fix (the driver
// analyzes cmd/cgo's translation of it).
func handwritten(r resp) bool {
	return r.ErrCode == 42001 // want `use codes.AccessTokenExpired`
}
