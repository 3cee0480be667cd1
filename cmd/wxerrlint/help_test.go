package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestVersion checks that version and -version print the module version
// that the build info of the binary holds (as go version -m reads it).
func TestVersion(t *testing.T) {
	t.Parallel()
	m := regexp.MustCompile(`(?m)^\tmod\tgithub\.com/wxerrlint/wxerrlint\t(\S+)`).FindStringSubmatch(run(t, fixture, goCmd, "version", "-m", wxerrlint).stdout)
	if m == nil {
		t.Fatal("go version -m shows no module line for the binary")
	}
	for _, arg := range []string{"version", "-version"} {
		res := run(t, fixture, wxerrlint, arg)
		if res.code != 0 || res.stdout != "wxerrlint "+m[1]+"\n" {
			t.Errorf("wxerrlint %s: want %q, got\n%s", arg, "wxerrlint "+m[1], res)
		}
	}
}

// TestHelp checks that help speaks of this tool only, that help CHECK
// shows the check's documentation and flags, and that a bad name lists
// the good ones.
func TestHelp(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"help", "-help", "-h"} {
		res := run(t, fixture, wxerrlint, arg)
		if res.code != 0 {
			t.Errorf("wxerrlint %s: exit status %d", arg, res.code)
		}
		for _, want := range []string{"wxerrlint [flags] packages...", "-f text|json|sarif|github", "-fix", "-diff", "-tags", "errcodemagic", "errcoderetry", "errcodeunchecked", "Exit status"} {
			if !strings.Contains(res.stdout, want) {
				t.Errorf("wxerrlint %s lacks %q:\n%s", arg, want, res.stdout)
			}
		}
		// The x/tools checker's flags that do nothing here, and its words.
		for _, not := range []string{"no effect (deprecated)", "-debug", "-memprofile", "-c int", "-V\t", "-source", "enable \"errcodemagic\" analysis"} {
			if strings.Contains(res.stdout+res.stderr, not) {
				t.Errorf("wxerrlint %s shows %q:\n%s", arg, not, res.stdout)
			}
		}
	}
	res := run(t, fixture, wxerrlint, "help", "errcode")
	for _, want := range []string{"-errcode.fields string", "-errcode.testfiles", "errcode fields", "_test.go"} {
		if res.code != 0 || !strings.Contains(res.stdout, want) {
			t.Errorf("wxerrlint help errcode lacks %q:\n%s", want, res)
		}
	}
	res = run(t, fixture, wxerrlint, "help", "errcodemagic")
	if res.code != 0 || !strings.Contains(res.stdout, "-errcodemagic.zero") || !strings.Contains(res.stdout, "magic numbers") {
		t.Errorf("wxerrlint help errcodemagic:\n%s", res)
	}
	res = run(t, fixture, wxerrlint, "help", "nosuch")
	if res.code != 2 || !strings.Contains(res.stderr, `"nosuch"`) || !strings.Contains(res.stderr, "errcode, errcodemagic, errcoderetry, errcodeunchecked") {
		t.Errorf("wxerrlint help nosuch: want exit status 2 and the checks' names, got\n%s", res)
	}
}

// TestTags checks that -tags reaches the go command: a file behind a
// build constraint is checked only with its tag.
func TestTags(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	src := "//go:build special\n\npackage app\n\nimport \"example.com/fixture/api\"\n\nfunc Special(r *api.Resp) bool { return r.ErrCode == 45011 }\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "special.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	special := want(t, dir, "app/special.go", "45011", "errcode 45011 compared as a magic number; use codes.")
	res := run(t, dir, wxerrlint, "./app")
	checkFindings(t, res, findings(res.stdout, dir), defaultFindings(t, dir), special)
	res = run(t, dir, wxerrlint, "-tags=special", "./app")
	checkFindings(t, res, findings(res.stdout, dir), append(defaultFindings(t, dir), special))
}
