package magicshadow

import wx "github.com/wxerrlint/wxerrlint/codes"

// A local wx shadows the alias of the import.
func aliasShadowed(r resp) bool {
	wx := r.ErrCode == wx.OK
	return wx && r.ErrCode != 40014 // want `use codes.InvalidAccessToken`
}
