// This file tests that errcode's candidates cover every decode sink.

package unchecked

import (
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// Decoder facts about values of any type arise where a function decodes
// into a parameter through a sink (see isSink): errcode's candidate test
// must accept a file calling any sink, or the analyzer would never run
// there.
func TestCandidateCoversSinks(t *testing.T) {
	for _, call := range []string{
		"json.Unmarshal(body, out)",
		"jsoniter.UnmarshalFromString(s, out)",
		"json.NewDecoder(r).Decode(out)",
		"xml.Unmarshal(body, out)",
	} {
		src := "package p\n\nfunc get(out any) error { return " + call + " }\n"
		if !errcode.NewCandidateScanner().File([]byte(src)) {
			t.Errorf("not a candidate: %s", call)
		}
	}
}
