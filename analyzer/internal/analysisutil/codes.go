// This file decides how the checks name the codes package and describe a
// code in a message: which language, and how short.

package analysisutil

import (
	"strings"

	"github.com/wxerrlint/wxerrlint/internal/codes"
)

// CodesPath is the import path of the errcode table that fixes and
// messages refer to.
const CodesPath = "github.com/wxerrlint/wxerrlint/codes"

// Description gives a code's meaning for a message that has room: both
// descriptions ("English; 中文"), cut to 90 characters.
func Description(info codes.Info) string {
	text := info.English
	if info.Chinese != "" {
		if text != "" {
			text += "; "
		}
		text += info.Chinese
	}
	return shorten(text, 90)
}

// Meaning gives a code's meaning for a message that names several codes:
// the English description, else the Chinese one, cut to 60 characters.
func Meaning(info codes.Info) string {
	text := info.English
	if text == "" {
		text = info.Chinese
	}
	return shorten(text, 60)
}

// shorten cuts text to max runes, marking the cut with an ellipsis.
func shorten(text string, max int) string {
	if r := []rune(text); len(r) > max {
		return strings.TrimSpace(string(r[:max])) + "…"
	}
	return text
}
