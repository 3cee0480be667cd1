package magicshadow

import (
	"fmt"

	. "github.com/wxerrlint/wxerrlint/codes"
)

// A local AccessTokenExpired shadows the dot-imported constant.
func expired(r resp) bool {
	AccessTokenExpired := fmt.Sprint(OK)
	return r.ErrCode == 42001 && AccessTokenExpired != "" // want `use codes.AccessTokenExpired`
}

func quota(r resp) bool {
	return r.ErrCode == 45009 // want `use codes.ReachMaxAPIDailyQuotaLimit`
}
