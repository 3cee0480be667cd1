// This file tests what `wxerrlint explain` prints.

package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/wxerrlint/wxerrlint/internal/codes"
)

func TestExplain(t *testing.T) {
	for _, tc := range []struct {
		arg  string
		code int
	}{
		{"40001", codes.InvalidCredential},
		{"-1", codes.SystemError},
		{" 42001 ", codes.AccessTokenExpired},
		{"AccessTokenExpired", codes.AccessTokenExpired},
		{"codes.AccessTokenExpired", codes.AccessTokenExpired},
		{"accesstokenexpired", codes.AccessTokenExpired},
		{"OK", codes.OK},
	} {
		var stdout, stderr bytes.Buffer
		if status := explain(&stdout, &stderr, []string{tc.arg}); status != 0 || stderr.Len() != 0 {
			t.Errorf("explain %q: status %d, stderr %q", tc.arg, status, stderr.String())
			continue
		}
		info, _ := codes.Lookup(tc.code)
		want := []string{
			fmt.Sprintf("%d  codes.%s\n", tc.code, info.Name),
			fmt.Sprintf("  Retry:   %s: %s\n", info.Retry, info.Retry.Advice()),
		}
		if info.English != "" {
			want = append(want, "  English: "+info.English+"\n")
		}
		if info.Chinese != "" {
			want = append(want, "  中文:    "+info.Chinese+"\n")
		}
		for _, w := range want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("explain %q: output lacks %q:\n%s", tc.arg, w, stdout.String())
			}
		}
	}
}

func TestExplainRetryAdvice(t *testing.T) {
	// The advice follows the code's retry class.
	for code, class := range map[int]codes.RetryClass{
		codes.SystemError:        codes.Backoff,
		codes.AccessTokenExpired: codes.RefreshToken,
	} {
		if got := codes.Retry(code); got != class {
			t.Fatalf("codes.Retry(%d) = %v, want %v", code, got, class)
		}
		var stdout, stderr bytes.Buffer
		explain(&stdout, &stderr, []string{fmt.Sprint(code)})
		if want := fmt.Sprintf("Retry:   %s: %s", class, class.Advice()); !strings.Contains(stdout.String(), want) {
			t.Errorf("explain %d: output lacks %q:\n%s", code, want, stdout.String())
		}
	}
}

func TestExplainSeveral(t *testing.T) {
	var stdout, stderr bytes.Buffer
	status := explain(&stdout, &stderr, []string{"40001", "NoSuchCode", "-1"})
	if status != 1 {
		t.Errorf("status %d, want 1 when one argument is unknown", status)
	}
	out := stdout.String()
	if !strings.Contains(out, "codes.InvalidCredential\n") || !strings.Contains(out, "codes.SystemError\n") {
		t.Errorf("the known codes are not all explained:\n%s", out)
	}
	if strings.HasPrefix(out, "\n") || strings.Contains(out, "\n\n\n") || !strings.Contains(out, "\n\n-1  codes.SystemError") {
		t.Errorf("want one blank line between explanations:\n%q", out)
	}
	if !strings.Contains(stderr.String(), `"NoSuchCode" is neither an errcode nor the name of one`) {
		t.Errorf("stderr: %q", stderr.String())
	}
}

func TestExplainUnknownCode(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if status := explain(&stdout, &stderr, []string{"400001"}); status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, "400001 is not a documented WeChat errcode; nearest: ") {
		t.Errorf("stderr: %q", msg)
	}
	near := codes.Nearest(400001, 3)
	if len(near) == 0 {
		t.Fatal("codes.Nearest(400001, 3) is empty")
	}
	for _, n := range near {
		if want := fmt.Sprintf("%d (%s)", n.Code, n.Name); !strings.Contains(msg, want) {
			t.Errorf("stderr lacks nearest code %s: %q", want, msg)
		}
	}
}

func TestExplainUnknownName(t *testing.T) {
	for _, tc := range []struct {
		arg, similar string // similar is "" when no name is close
	}{
		{"TokenExpired", "AccessTokenExpired (42001)"},           // a part of the name
		{"AccessTokenExpird", "AccessTokenExpired (42001)"},      // a typo
		{"codes.InvalidCredentail", "InvalidCredential (40001)"}, // a transposition
		{"Foo", ""},
		{"", ""},
	} {
		var stdout, stderr bytes.Buffer
		if status := explain(&stdout, &stderr, []string{tc.arg}); status != 1 {
			t.Errorf("explain %q: status %d, want 1", tc.arg, status)
		}
		msg := stderr.String()
		if !strings.Contains(msg, "is neither an errcode nor the name of one") {
			t.Errorf("explain %q: stderr %q", tc.arg, msg)
		}
		if tc.similar == "" {
			if strings.Contains(msg, "similar names") {
				t.Errorf("explain %q: suggests names for nothing like them: %q", tc.arg, msg)
			}
		} else if !strings.Contains(msg, "similar names: ") || !strings.Contains(msg, tc.similar) {
			t.Errorf("explain %q: stderr lacks similar name %s: %q", tc.arg, tc.similar, msg)
		}
	}
}

func TestExplainUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if status := explain(&stdout, &stderr, nil); status != 2 || !strings.Contains(stderr.String(), "usage: wxerrlint explain") {
		t.Errorf("no arguments: status %d, stderr %q", status, stderr.String())
	}
	stdout.Reset()
	if status := explain(&stdout, &stderr, []string{"-h"}); status != 0 || !strings.Contains(stdout.String(), "usage: wxerrlint explain") {
		t.Errorf("-h: status %d, stdout %q", status, stdout.String())
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"credential", "credentail", 2},
		{"same", "same", 0},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestExplainCommand(t *testing.T) {
	t.Parallel()
	res := run(t, fixture, wxerrlint, "explain", "42001")
	if res.code != 0 || !strings.Contains(res.stdout, "42001  codes.AccessTokenExpired\n") {
		t.Errorf("wxerrlint explain 42001:\n%s", res)
	}
	res = run(t, fixture, wxerrlint, "explain", "400001")
	if res.code != 1 || !strings.Contains(res.stderr, "not a documented WeChat errcode; nearest: ") {
		t.Errorf("wxerrlint explain 400001:\n%s", res)
	}
}
