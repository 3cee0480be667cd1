package magicimports

import (
   "strconv"
)

// Not gofmt-formatted: the fix changes the literal and the import lines only.
func  unformatted( r resp )string{
    if r.ErrCode==40014 { // want `use codes.InvalidAccessToken`
  return strconv.Itoa( r.ErrCode )
    }
  return ""
}
