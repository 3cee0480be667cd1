// This file tests the plugin's settings: defaults, flags, enable and disable, errors.

package plugin_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/magic"
	"github.com/wxerrlint/wxerrlint/plugin"
)

// newPlugin builds the plugin registered as wxerrlint from settings as
// golangci-lint passes them (decoded YAML, keys lower-cased by viper), and
// restores the analyzers' flags when the test ends.
func newPlugin(t *testing.T, settings any) (register.LinterPlugin, error) {
	t.Helper()
	saveFlags(t, errcode.Analyzer, magic.Analyzer)
	newFn, err := register.GetPlugin(plugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	return newFn(settings)
}

func saveFlags(t *testing.T, analyzers ...*analysis.Analyzer) {
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			old := f.Value.String()
			t.Cleanup(func() { _ = f.Value.Set(old) })
		})
	}
}

func flagValue(a *analysis.Analyzer, name string) string {
	return a.Flags.Lookup(name).Value.String()
}

func TestDefaults(t *testing.T) {
	p, err := newPlugin(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, analyzer.Suite) {
		t.Errorf("BuildAnalyzers() = %v, want the suite %v", got, analyzer.Suite)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	if flagValue(magic.Analyzer, "zero") != "false" || flagValue(errcode.Analyzer, "fields") != "" {
		t.Errorf("no settings changed flags: zero=%s fields=%q", flagValue(magic.Analyzer, "zero"), flagValue(errcode.Analyzer, "fields"))
	}
}

func TestSettingsSetFlags(t *testing.T) {
	_, err := newPlugin(t, map[string]any{
		"errcodemagic": map[string]any{"zero": true, "WeCom": "true"}, // any case
		"errcode":      map[string]any{"fields": []any{"RetCode", "ret"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a          *analysis.Analyzer
		flag, want string
	}{
		{magic.Analyzer, "zero", "true"},
		{magic.Analyzer, "wecom", "true"},
		{errcode.Analyzer, "fields", "RetCode,ret"},
	} {
		if got := flagValue(tc.a, tc.flag); got != tc.want {
			t.Errorf("%s -%s = %q, want %q", tc.a.Name, tc.flag, got, tc.want)
		}
	}
}

func TestEnableDisable(t *testing.T) {
	p, err := newPlugin(t, map[string]any{"disable": []any{magic.Analyzer.Name}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.BuildAnalyzers()
	if slices.Contains(got, magic.Analyzer) || len(got) != len(analyzer.Suite)-1 {
		t.Errorf("disable errcodemagic: got %v", got)
	}

	p, err = newPlugin(t, map[string]any{"enable": []any{magic.Analyzer.Name}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = p.BuildAnalyzers()
	if !slices.Equal(got, []*analysis.Analyzer{magic.Analyzer}) {
		t.Errorf("enable errcodemagic: got %v", got)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"nosuch": map[string]any{"zero": true}}, `unknown key "nosuch": want enable, disable or an analyzer name`},
		{map[string]any{"errcodemagic": map[string]any{"nosuch": true}}, "errcodemagic.nosuch: no such setting; errcodemagic has: "},
		{map[string]any{"errcodemagic": map[string]any{"zero": "maybe"}}, `errcodemagic.zero: invalid value "maybe"`},
		{map[string]any{"errcodemagic": map[string]any{"zero": map[string]any{}}}, "errcodemagic.zero: unsupported value"},
		{map[string]any{"errcodemagic": true}, "errcodemagic: want a map of its flags"},
		{map[string]any{"errcode": map[string]any{"fields": []any{1}}}, "errcode.fields: want a list of strings"},
		{map[string]any{"disable": []any{"nosuch"}}, `disable: unknown analyzer "nosuch"`},
		{[]any{"not", "a", "map"}, "wxerrlint settings: decoding settings"},
	} {
		_, err := newPlugin(t, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want one containing %q", tc.settings, err, tc.want)
		}
	}
}

// TestConfigFile checks that the nearest wxerrlint.conf reaches the
// plugin (its checks and flags), and that .golangci.yml's settings
// override it.
func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	conf := "checks: errcodemagic\nflags: -errcodemagic.zero -errcode.fields=RetCode\n"
	if err := os.WriteFile(filepath.Join(dir, "wxerrlint.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	p, err := newPlugin(t, map[string]any{"errcode": map[string]any{"fields": "Ret"}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.BuildAnalyzers()
	if !slices.Equal(got, []*analysis.Analyzer{magic.Analyzer}) {
		t.Errorf("BuildAnalyzers() = %v, want only errcodemagic (wxerrlint.conf's checks)", got)
	}
	if flagValue(magic.Analyzer, "zero") != "true" || flagValue(errcode.Analyzer, "fields") != "Ret" {
		t.Errorf("zero=%s fields=%q, want true (wxerrlint.conf) and Ret (the settings win)", flagValue(magic.Analyzer, "zero"), flagValue(errcode.Analyzer, "fields"))
	}

	if err := os.WriteFile(filepath.Join(dir, "wxerrlint.conf"), []byte("flags: -nosuch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(t, nil); err == nil || !strings.Contains(err.Error(), "wxerrlint.conf") || !strings.Contains(err.Error(), "-nosuch") {
		t.Errorf("a bad flag in wxerrlint.conf: error %v, want one naming the file and the flag", err)
	}
}
