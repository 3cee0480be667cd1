package integration

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

// TestSilenceperDriver checks the wxerrlint command's own driver on the
// corpus: it loads from source only the packages that can hold WeChat
// code, yet prints exactly what loading everything from source (the
// x/tools checker's way) prints, and no analyzer produces a fact outside
// the packages it loaded from source.
func TestSilenceperDriver(t *testing.T) {
	run := func(cfg driver.Config) (string, int) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		cfg.Dir, cfg.Tests = ".", true
		code, err := driver.Run(cfg, []string{silenceper.Module + "/..."}, analyzer.Suite, &stdout, &stderr)
		if err != nil {
			t.Fatalf("driver.Run(%+v): %v", cfg, err)
		}
		return stdout.String() + stderr.String(), code
	}
	pruned, code := run(driver.Config{})
	verified, vcode := run(driver.Config{Verify: true})
	var full, verdict []string
	for l := range strings.Lines(verified) {
		if strings.HasPrefix(l, "driver: ") {
			verdict = append(verdict, l)
		} else {
			full = append(full, l)
		}
	}
	if got := strings.Join(full, ""); got != pruned || code != vcode {
		t.Errorf("the source set alone (exit %d) prints\n%s\neverything from source (exit %d) prints\n%s", code, pruned, vcode, got)
	}
	if strings.Contains(verified, "outside the source set") || len(verdict) != 1 {
		t.Errorf("verify:\n%s", strings.Join(verdict, ""))
	}
	if !strings.Contains(pruned, "tag.go") {
		t.Errorf("the corpus's known finding in officialaccount/user/tag.go is missing:\n%s", pruned)
	}
	t.Logf("%s", strings.Join(verdict, ""))
}

// TestVerifyDir runs Verify on the module in $WXERRLINT_VERIFY_DIR (with
// its tests; the patterns in $WXERRLINT_VERIFY_PATTERNS, default ./...):
// how the driver's claims are checked on a code base that is not part of
// the suite, such as bench/app. Skipped unless the directory is given.
func TestVerifyDir(t *testing.T) {
	dir := os.Getenv("WXERRLINT_VERIFY_DIR")
	if dir == "" {
		t.Skip("set WXERRLINT_VERIFY_DIR to a module directory to verify the driver there")
	}
	patterns := strings.Fields(os.Getenv("WXERRLINT_VERIFY_PATTERNS"))
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	var stdout, stderr bytes.Buffer
	code, err := driver.Run(driver.Config{Dir: dir, Tests: true, Verify: true}, patterns, analyzer.Suite, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	out := stdout.String() + stderr.String()
	if code == 1 || strings.Contains(out, "driver: verify:") || !strings.Contains(out, "driver: verified:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	t.Logf("exit %d:\n%s", code, out)
}
