package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDirectiveFindings checks that an ignore directive that names no
// check, gives no reason or silences nothing is itself a finding, and
// that one that silences a finding (the fixture's, at 45009) is not; a
// directive whose checks did not all run is not judged useless.
func TestDirectiveFindings(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	appGo := filepath.Join(dir, "app", "app.go")
	data, err := os.ReadFile(appGo)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, `
//wxerrlint:ignore errcodemagc a typo in the name
var a = 1

//wxerrlint:ignore errcodemagic
var b = 2

//wxerrlint:ignore errcodemagic nothing here to silence
var c = 3

//wxerrlint:ignore all nothing here either
var d = 4
`...)
	if err := os.WriteFile(appGo, data, 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(text, message string) finding {
		return want(t, dir, "app/app.go", text, message)
	}
	unknown := at("//wxerrlint:ignore errcodemagc", `//wxerrlint:ignore names no check "errcodemagc"; the checks are all, errcodemagic, errcoderetry, errcodeunchecked (directive)`)
	noReason := at("//wxerrlint:ignore errcodemagic\n", "//wxerrlint:ignore errcodemagic gives no reason; say why after the check names (directive)")
	useless := at("//wxerrlint:ignore errcodemagic nothing", "//wxerrlint:ignore errcodemagic silences nothing on its line or the next; remove it (directive)")
	uselessAll := at("//wxerrlint:ignore all", "//wxerrlint:ignore all silences nothing on its line or the next; remove it (directive)")
	used := at("//wxerrlint:ignore errcodemagic the vendor", "")

	res := run(t, dir, wxerrlint, "./app")
	got := findings(res.stdout, dir)
	checkFindings(t, res, got, []finding{unknown, noReason, useless, uselessAll}, used, ignoredFinding(t, dir))
	if res.code != 3 {
		t.Errorf("exit status %d, want 3", res.code)
	}

	// With errcoderetry off, "all" may be needed by it: not judged.
	res = run(t, dir, wxerrlint, "-errcoderetry=false", "./app")
	got = findings(res.stdout, dir)
	checkFindings(t, res, got, []finding{unknown, noReason, useless}, uselessAll, used)
	if n := slices.IndexFunc(got, func(f finding) bool { return strings.Contains(f.message, "names no check") }); n < 0 || !strings.Contains(got[n].message, "errcoderetry") {
		t.Errorf("the unknown name's message lists the checks that did not run too:\n%s", res)
	}
}
