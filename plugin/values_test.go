// This file tests turning golangci-lint setting values into flag values.

package plugin

import "testing"

func TestFlagValue(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{true, "true"},
		{false, "false"},
		{"a,b", "a,b"},
		{float64(3), "3"},
		{1.5, "1.5"},
		{float64(1e9), "1000000000"},
		{[]any{"RetCode", "ret"}, "RetCode,ret"},
		{[]any{}, ""},
	} {
		got, err := flagValue(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("flagValue(%#v) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []any{nil, map[string]any{}, []any{true}} {
		if got, err := flagValue(bad); err == nil {
			t.Errorf("flagValue(%#v) = %q, want an error", bad, got)
		}
	}
}
