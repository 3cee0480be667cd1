// This file tests -fix through the wxerrlint command on a module.

package magic_test

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixCommand runs wxerrlint -fix, the x/tools checker's fix path, on a
// module whose fixes need the import of codes under two names in one file
// and twice in a file without imports: one run applies every fix, and the
// module then builds, gofmt-clean, imports in goimports' groups.
func TestFixCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	repoRoot, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "wxerrlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/wxerrlint")
	build.Dir = repoRoot
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	mod := filepath.Join(tmp, "mod")
	files := map[string]string{
		// The codes module alone, as a user's go get adds it.
		"go.mod": "module example.com/mod\n\ngo 1.25.0\n\nrequire github.com/wxerrlint/wxerrlint/codes v0.0.0\n\n" +
			"replace github.com/wxerrlint/wxerrlint/codes => " + filepath.ToSlash(filepath.Join(repoRoot, "codes")) + "\n",
		// A local codes in one function; import "fmt" becomes a block.
		"a.go": `package mod

import "fmt"

type Resp struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

func Describe(r Resp) string {
	codes := fmt.Sprint(r.ErrCode)
	if r.ErrCode == 40001 {
		return "token " + codes
	}
	return codes
}

func Expired(r Resp) bool {
	return r.ErrCode == 42001
}
`,
		// No imports, two fixes.
		"b.go": `package mod

func Busy(r Resp) bool {
	return r.ErrCode == -1
}

func Quota(r Resp) bool {
	return r.ErrCode == 45009
}
`,
		// Standard-library imports only.
		"c.go": `package mod

import (
	"errors"
	"strings"
)

func Check(r Resp) error {
	if r.ErrCode == 40014 || r.ErrCode == 45011 {
		return errors.New(strings.TrimSpace(r.ErrMsg))
	}
	return nil
}
`,
	}
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local",
		"WXERRLINT_CACHE=off")
	run := func(name string, args ...string) (string, int) {
		cmd := exec.Command(name, args...)
		cmd.Dir = mod
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if exit, ok := err.(*exec.ExitError); ok {
			return string(out), exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}

	if out, code := run(bin, "-errcoderetry=false", "-errcodeunchecked=false", "-fix", "./..."); code != 0 {
		t.Fatalf("wxerrlint -fix: exit status %d, want 0 (every fix applied in one run)\n%s", code, out)
	}
	if out, code := run("go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed module does not build:\n%s", out)
	}
	for _, name := range []string{"a.go", "b.go", "c.go"} {
		src, err := os.ReadFile(filepath.Join(mod, name))
		if err != nil {
			t.Fatal(err)
		}
		if f, err := format.Source(src); err != nil || !bytes.Equal(f, src) {
			t.Errorf("%s is not gofmt-clean after -fix:\n%s", name, src)
		}
		checkImportGroups(t, name, src)
		if strings.Count(string(src), `"github.com/wxerrlint/wxerrlint/codes"`) != 1 {
			t.Errorf("%s imports codes other than once:\n%s", name, src)
		}
	}
	if out, code := run(bin, "-errcoderetry=false", "-errcodeunchecked=false", "./..."); code != 0 || strings.Contains(out, "errcodemagic") {
		t.Errorf("after one -fix run: exit status %d, want 0 and no finding\n%s", code, out)
	}
}
