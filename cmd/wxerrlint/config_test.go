package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wxerrlint/wxerrlint/internal/config"
)

// Testconfig.File checks that the nearest wxerrlint.conf above the working
// directory sets the checks, the flags (the command line's win) and the
// excluded paths, and that a bad line is an error naming it.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	conf := filepath.Join(dir, config.File)
	write := func(text string) {
		if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# the fixture's settings\nchecks: errcodemagic\nflags: -errcodemagic.zero -errcode.fields=ret\nexclude: custom/**\n")
	res := run(t, dir, wxerrlint, "./...")
	checkFindings(t, res, findings(res.stdout, dir), append(defaultFindings(t, dir), zeroFinding(t, dir)), fieldsFinding(t, dir))
	if res.code != 3 {
		t.Errorf("exit status %d, want 3", res.code)
	}
	// From a subdirectory: the file is found above it.
	res = run(t, filepath.Join(dir, "app"), wxerrlint, ".")
	if !strings.Contains(res.stdout, "app.go:15:7: errcode 0 compared as a magic number") {
		t.Errorf("from app/, the file's -errcodemagic.zero is not applied:\n%s", res)
	}
	// The command line wins over the file's flags.
	res = run(t, dir, wxerrlint, "-errcodemagic.zero=false", "./...")
	checkFindings(t, res, findings(res.stdout, dir), defaultFindings(t, dir), zeroFinding(t, dir))

	write("checks: errcodemagic\nretries: example.com/x.Do\n")
	res = run(t, dir, wxerrlint, "./...")
	if res.code != 2 || !strings.Contains(res.stderr, config.File+`:2: unknown key "retries"`) {
		t.Errorf("a bad key: want exit status 2 and an error naming the line, got\n%s", res)
	}
	write("checks: errcodemagik\n")
	res = run(t, dir, wxerrlint, "./...")
	if res.code != 2 || !strings.Contains(res.stderr, `no check named "errcodemagik"`) {
		t.Errorf("a bad check: want exit status 2 and an error naming it, got\n%s", res)
	}
}
