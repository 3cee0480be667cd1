// This file fuzzes the result cache against uncached runs.

package driver

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// An edit changes the files of a copy of testdata/mod (path -> content;
// "" removes the file) in a way that may change what a run prints.
type edit func(files map[string]string, arg byte)

var edits = []edit{
	// The literal of app's magic comparison: documented, not, or zero.
	func(files map[string]string, arg byte) {
		codes := []string{"42001", "40001", "40014", "45009", "400001", "0"}
		app := files["app/app.go"]
		for _, c := range codes {
			app = strings.Replace(app, "r.Code() == "+c+" }", "r.Code() == "+codes[int(arg)%len(codes)]+" }", 1)
		}
		files["app/app.go"] = app
	},
	// An ignore directive above the comparison.
	func(files map[string]string, _ byte) {
		const directive = "//wxerrlint:ignore errcodemagic fuzz\n"
		app := files["app/app.go"]
		if strings.Contains(app, directive) {
			app = strings.Replace(app, directive, "", 1)
		} else {
			app = strings.Replace(app, "func Expired", directive+"func Expired", 1)
		}
		files["app/app.go"] = app
	},
	// A type error in app.
	toggle("app/broken.go", "package app\n\nvar _ int = \"x\"\n"),
	// api's errcode field loses and regains its tag: a candidate or not.
	func(files map[string]string, _ byte) {
		api := files["api/api.go"]
		if strings.Contains(api, `json:"errcode"`) {
			api = strings.Replace(api, `json:"errcode"`, `json:"code"`, 1)
		} else {
			api = strings.Replace(api, `json:"code"`, `json:"errcode"`, 1)
		}
		files["api/api.go"] = api
	},
	// plain, read from export data, becomes a candidate with a finding.
	toggle("plain/resp.go", "package plain\n\ntype R struct {\n\tErrCode int `json:\"errcode\"`\n}\n\nfunc Bad(r R) bool { return r.ErrCode == 40001 }\n"),
	// The go line: the language version.
	func(files map[string]string, _ byte) {
		mod := files["go.mod"]
		if strings.Contains(mod, "go 1.25.0") {
			mod = strings.Replace(mod, "go 1.25.0", "go 1.22.0", 1)
		} else {
			mod = strings.Replace(mod, "go 1.22.0", "go 1.25.0", 1)
		}
		files["go.mod"] = mod
	},
	// A comment in client: a new key, the same output.
	func(files map[string]string, arg byte) {
		files["client/client.go"] += fmt.Sprintf("// edit %d\n", arg)
	},
	// Another file of app with a comparison through api's getter.
	toggle("app/extra.go", "package app\n\nimport \"example.com/m/api\"\n\nfunc Invalid(r *api.Resp) bool { return r.Code() == 40001 }\n"),
	// A syntax error in client, which app imports.
	toggle("client/syntax.go", "package client\n\nfunc {\n"),
	// A test file with a finding (runs include tests or not).
	toggle("app/app_test.go", "package app\n\nimport \"example.com/m/api\"\n\nfunc isBusy(r *api.Resp) bool { return r.ErrCode == -1 }\n"),
}

// toggle returns an edit that adds the file name with text, or removes it.
func toggle(name, text string) edit {
	return func(files map[string]string, _ byte) {
		if files[name] == "" {
			files[name] = text
		} else {
			files[name] = ""
		}
	}
}

// FuzzCacheEqualsUncached checks that after any sequence of edits a run
// with the result cache prints what a run without it prints, exit code
// included, on a miss and on the hit that follows. Each pair of bytes of
// the input is an edit and its argument; the argument also picks the
// patterns, -test and -json.
func FuzzCacheEqualsUncached(f *testing.F) {
	if testing.Short() {
		f.Skip("runs the driver many times")
	}
	f.Add([]byte{0, 1, 1, 0, 0, 2, 4, 0, 4, 0, 3, 1, 3, 0})
	f.Add([]byte{2, 0, 2, 0, 8, 1, 8, 1, 5, 2, 0, 4, 5, 3})
	f.Add([]byte{7, 5, 9, 6, 6, 2, 9, 7, 7, 0, 1, 1, 6, 3, 0, 5})
	f.Fuzz(func(t *testing.T, input []byte) {
		if len(input) > 16 {
			input = input[:16] // each edit costs three runs
		}
		dir := copyMod(t)
		files := make(map[string]string)
		require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			rel, _ := filepath.Rel(dir, path)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		}))
		cache := t.TempDir()
		for i := 0; i+1 < len(input); i += 2 {
			op, arg := int(input[i])%len(edits), input[i+1]
			edits[op](files, arg)
			for name, text := range files {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if text == "" {
					require.NoError(t, os.RemoveAll(path))
					delete(files, name)
					continue
				}
				require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
			}
			patterns := []string{"./...", "./app", "./api"}[int(arg)%3]
			cfg := Config{Dir: dir, Tests: arg&4 == 0, JSON: arg&8 != 0}
			cfg.Args = []string{fmt.Sprintf("-test=%t", cfg.Tests), fmt.Sprintf("-json=%t", cfg.JSON), patterns}
			want := runOnce(t, cfg, patterns)
			cfg.CacheDir = cache
			var stored []string
			for _, run := range []string{"first", "second"} {
				if got := runOnce(t, cfg, patterns); got != want {
					t.Fatalf("after edit %d (%d, %d), the %s cached run of %s (tests %t, json %t) printed\n%s\nan uncached run printed\n%s",
						i/2, op, arg, run, patterns, cfg.Tests, cfg.JSON, got, want)
				}
				entries := cacheEntries(t, cache)
				if stored != nil && len(entries) != len(stored) {
					t.Fatalf("after edit %d (%d, %d), the same run again stored another entry: its key is not stable", i/2, op, arg)
				}
				stored = entries
			}
		}
	})
}

// runOnce runs the driver and returns what it printed and its exit code.
func runOnce(t *testing.T, cfg Config, patterns string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code, err := Run(cfg, []string{patterns}, analyzer.Suite, &stdout, &stderr)
	return fmt.Sprintf("exit %d, error %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout.String(), stderr.String())
}
