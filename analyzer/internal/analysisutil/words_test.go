// This file tests how names split into words.

package analysisutil

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
		why  string
	}{
		{"doWithRetry", []string{"do", "with", "retry"}, "lower camel case"},
		{"RetryRequest", []string{"retry", "request"}, "upper camel case"},
		{"HTTPRetry", []string{"http", "retry"}, "an acronym is one word"},
		{"JSONEncode", []string{"json", "encode"}, "an acronym ends before its last capital when a lower-case letter follows"},
		{"EncodeJSON", []string{"encode", "json"}, "an acronym at the end"},
		{"retry_get", []string{"retry", "get"}, "an underscore ends a word"},
		{"encode__json_", []string{"encode", "json"}, "underscores, repeated or trailing, are dropped"},
		{"_retry", []string{"retry"}, "a leading underscore is dropped"},
		{"NextBackOff", []string{"next", "back", "off"}, "each capital starts a word"},
		{"base64Encode", []string{"base64", "encode"}, "a digit stays with its word; a capital after it starts one"},
		{"Encode2JSON", []string{"encode2", "json"}, "a capital after a digit starts a word even in an acronym"},
		{"_", nil, "no letters: no words"},
		{"", nil, "the empty name"},
	} {
		if got := Words(tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q (%s)", tc.name, got, tc.want, tc.why)
		}
	}
}
