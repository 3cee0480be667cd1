package integration

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

// TestCorpusDriver checks the wxerrlint command's own driver on every
// corpus: it loads from source only the packages that can hold WeChat
// code, yet prints exactly what loading everything from source (the
// x/tools checker's way) prints, and no analyzer produces a fact outside
// the packages it loaded from source that it would not ask for.
// go test -run 'TestCorpusDriver/^weapp$' runs one corpus alone.
func TestCorpusDriver(t *testing.T) {
	for _, c := range corpora {
		t.Run(c.Name, func(t *testing.T) {
			pruned, verdict := verifyDriver(t, driver.Config{Dir: "."}, c.Module+"/...")
			if c.Name == silenceper.Name && !strings.Contains(pruned, "tag.go") {
				t.Errorf("the corpus's known finding in officialaccount/user/tag.go is missing:\n%s", pruned)
			}
			t.Logf("%s", verdict)
		})
	}
}

// verifyDriver runs patterns with cfg (tests included) through the driver,
// then again with Verify, and fails unless both print the same and the
// verdict is clean. It returns what the driver printed and the verdict.
func verifyDriver(t *testing.T, cfg driver.Config, patterns ...string) (pruned, verdict string) {
	t.Helper()
	run := func(cfg driver.Config) (string, int) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		cfg.Tests = true
		code, err := driver.Run(cfg, patterns, analyzer.Suite, &stdout, &stderr)
		if err != nil {
			t.Fatalf("driver.Run(%+v): %v", cfg, err)
		}
		return stdout.String() + stderr.String(), code
	}
	pruned, code := run(cfg)
	cfg.Verify = true
	verified, vcode := run(cfg)
	var full, lines []string
	for l := range strings.Lines(verified) {
		if strings.HasPrefix(l, "driver: ") {
			lines = append(lines, l)
		} else {
			full = append(full, l)
		}
	}
	verdict = strings.Join(lines, "")
	if got := strings.Join(full, ""); got != pruned || code != vcode {
		t.Errorf("the source set alone (exit %d) prints\n%s\neverything from source (exit %d) prints\n%s", code, pruned, vcode, got)
	}
	if strings.Contains(verdict, "driver: verify:") || len(lines) != 1 {
		t.Errorf("verify:\n%s", verdict)
	}
	return pruned, verdict
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
	_, verdict := verifyDriver(t, driver.Config{Dir: dir}, patterns...)
	t.Logf("%s", verdict)
}
