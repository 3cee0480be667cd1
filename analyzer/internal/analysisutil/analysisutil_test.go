// This file tests reading an analyzer's doc and the ignore directive.

package analysisutil

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMustExtractDoc(t *testing.T) {
	src := `// Package x does things.
//
// # Analyzer one
//
// one: report the first thing
//
// Details of one.
//
// # Analyzer two
//
// two: report the second thing
package x
`
	assert.Equal(t, "report the first thing\n\nDetails of one.", MustExtractDoc(src, "one"))
	assert.Equal(t, "report the second thing", MustExtractDoc(src, "two"))
	assert.Panics(t, func() { MustExtractDoc(src, "three") })
}

func TestIgnoresCheck(t *testing.T) {
	assert.True(t, IgnoresCheck("//wxerrlint:ignore errcodemagic reason", "errcodemagic"))
	assert.True(t, IgnoresCheck("//wxerrlint:ignore errcoderetry,errcodemagic reason", "errcodemagic"))
	assert.True(t, IgnoresCheck("//wxerrlint:ignore all reason", "errcodemagic"))
	assert.False(t, IgnoresCheck("//wxerrlint:ignore errcoderetry reason", "errcodemagic"))
	assert.False(t, IgnoresCheck("//wxerrlint:ignoreerrcodemagic", "errcodemagic"))
	assert.False(t, IgnoresCheck("// wxerrlint:ignore errcodemagic", "errcodemagic"))
	assert.False(t, IgnoresCheck("//wxerrlint:ignore", "errcodemagic"))
}

func TestIgnoresCheckWhiteSpace(t *testing.T) {
	// The one directive rule: a tab ends the name as a space does.
	assert.True(t, IgnoresCheck("//wxerrlint:ignore\terrcodemagic reason", "errcodemagic"))
	assert.False(t, IgnoresCheck("//wxerrlint:ignore,errcodemagic reason", "errcodemagic"))
}
