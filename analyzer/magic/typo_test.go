// This file tests the typo rule for undocumented literals.

package magic

import (
	"slices"
	"testing"
)

// The typo rule's table: which undocumented literals are called a slip of
// a documented code, and in what order the candidates are offered.
func TestTypoOf(t *testing.T) {
	for _, tc := range []struct {
		code int
		want []int // nil: not called a typo
		why  string
	}{
		{15011, []int{45011, 51011, 75011, 85011}, "5 digits, family 1xxxx undocumented, one edit from codes: nearest in value first"},
		{400001, []int{40001, 300001, 600001, 9400001}, "a digit added to 40001: keeping the leading 4 comes first, then by value"},
		{40226, nil, "code2Session's own code: family 4xxxx is documented, so it may be a real per-API code"},
		{76003, nil, "openapi's own code in the documented 7xxxx family"},
		{20001, nil, "undocumented but in a documented family (2xxxx)"},
		{140001, nil, "6 digits with lead 1 is a documented family"},
		{40001, nil, "a documented code is never a typo"},
		{4001, nil, "under five digits: too common per API to judge"},
		{12345, nil, "undocumented family, but no code is one digit edit away"},
		{-40001, nil, "negative codes are per-API (-1 busy), never judged"},
		{0, nil, "zero is success, not a code to correct"},
	} {
		var got []int
		for _, info := range typoOf(tc.code) {
			got = append(got, int(info.Code))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("typoOf(%d) = %v, want %v (%s)", tc.code, got, tc.want, tc.why)
		}
	}
}

func TestOneDigitEdits(t *testing.T) {
	edits := oneDigitEdits("4001")
	for _, tc := range []struct {
		n    int
		want bool
		why  string
	}{
		{40001, true, "a digit added"},
		{4011, true, "a digit replaced"},
		{401, true, "a digit dropped"},
		{4010, true, "two adjacent digits swapped"},
		{1, false, "dropping the 4 leaves a leading zero: not a number anyone typed"},
		{4001, false, "no edit at all"},
		{4100, false, "two edits"},
	} {
		if got := slices.Contains(edits, tc.n); got != tc.want {
			t.Errorf("oneDigitEdits(4001) holds %d = %v, want %v (%s)", tc.n, got, tc.want, tc.why)
		}
	}
}
