// This file tests the output formats of the built command: SARIF (validated
// by Microsoft's SARIF Multitool where installed), GitHub annotations, and
// the exit status with findings.

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sarifLog is what the tests read of a SARIF log.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// multitoolEnv names the SARIF Multitool binary (npm package
// @microsoft/sarif-multitool-linux); .ci/run installs it and sets it.
const multitoolEnv = "WXERRLINT_SARIF_MULTITOOL"

// TestCommandSARIF checks -f sarif: a SARIF 2.1.0 log with one rule per
// check (id, short description, help URI, default level), the tool's
// version, a result per finding at its position; exit status 3; and that
// Microsoft's SARIF Multitool validates it with no error or warning,
// where the tool is at hand.
func TestCommandSARIF(t *testing.T) {
	t.Parallel()
	res := run(t, fixture, wxerrlint, "-f", "sarif", "./...")
	if res.code != 3 || res.stderr != "" {
		t.Errorf("-f sarif: want exit status 3 and nothing on stderr, got\n%s", res)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(res.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("-f sarif output: %v, want one run\n%s", err, res)
	}
	r := log.Runs[0]
	if log.Version != "2.1.0" || r.Tool.Driver.Name != "wxerrlint" || r.Tool.Driver.Version == "" {
		t.Errorf("version %q, tool %q %q", log.Version, r.Tool.Driver.Name, r.Tool.Driver.Version)
	}
	var ids []string
	for _, rule := range r.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.ShortDescription.Text == "" || !strings.HasSuffix(rule.HelpURI, "#"+rule.ID) || rule.DefaultConfiguration.Level == "" {
			t.Errorf("rule %+v lacks a description, help URI or level", rule)
		}
	}
	if want := []string{"errcodemagic", "errcoderetry", "errcodeunchecked"}; !slices.Equal(ids, want) {
		t.Errorf("rules %q, want %q", ids, want)
	}
	var got []finding
	for _, res := range r.Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, finding{fmt.Sprintf("%s:%d:%d", filepath.FromSlash(loc.ArtifactLocation.URI), loc.Region.StartLine, loc.Region.StartColumn), res.Message.Text})
	}
	wanted := defaultFindings(t, fixture)
	checkFindings(t, res, got, wanted)
	if len(got) != len(wanted) {
		t.Errorf("%d results, want %d", len(got), len(wanted))
	}

	tool := os.Getenv(multitoolEnv)
	if tool == "" {
		t.Skipf("set %s to the SARIF Multitool binary (npm package @microsoft/sarif-multitool-linux) to validate the log", multitoolEnv)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "wxerrlint.sarif"), filepath.Join(dir, "validation.sarif")
	if err := os.WriteFile(in, []byte(res.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	// The validation's own log lists what it found; by default errors and
	// warnings only.
	cmd := exec.Command(tool, "validate", in, "-o", out)
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	if text, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s validate: %v\n%s", tool, err, text)
	}
	var validation struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &validation); err != nil || len(validation.Runs) != 1 {
		t.Fatalf("the validation log: %v\n%s", err, data)
	}
	for _, r := range validation.Runs[0].Results {
		t.Errorf("SARIF Multitool: %s", r)
	}
}

// TestCommandGitHub checks -f github: a workflow command per finding that
// annotates its file, line and column, titled with the check.
func TestCommandGitHub(t *testing.T) {
	t.Parallel()
	res := run(t, fixture, wxerrlint, "-f", "github", "./...")
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	wanted := defaultFindings(t, fixture)
	if res.code != 3 || len(lines) != len(wanted) {
		t.Fatalf("-f github: want exit status 3 and %d lines, got\n%s", len(wanted), res)
	}
	for i, w := range wanted {
		var file string
		var line, col int
		if _, err := fmt.Sscanf(strings.ReplaceAll(w.pos, ":", " "), "%s %d %d", &file, &line, &col); err != nil {
			t.Fatal(err)
		}
		prefix := fmt.Sprintf("::error file=%s,line=%d,col=%d,", filepath.ToSlash(file), line, col)
		if !strings.HasPrefix(lines[i], prefix) || !strings.Contains(lines[i], ",title=errcodemagic::"+w.message) {
			t.Errorf("line %d: %q, want %q...,title=errcodemagic::%s...", i+1, lines[i], prefix, w.message)
		}
	}
}

// TestFindingsExitCode checks that findings exit with status 3 in every
// format, unless -findings-exit-code says otherwise; errors still give 1.
func TestFindingsExitCode(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "json", "sarif", "github"} {
		if res := run(t, fixture, wxerrlint, "-f", format, "./app"); res.code != 3 {
			t.Errorf("-f %s: exit status %d, want 3", format, res.code)
		}
	}
	if res := run(t, fixture, wxerrlint, "-findings-exit-code=0", "./app"); res.code != 0 || !strings.Contains(res.stdout, "(errcodemagic)") {
		t.Errorf("-findings-exit-code=0: want exit status 0 and the findings, got\n%s", res)
	}
	if res := run(t, fixture, wxerrlint, "-findings-exit-code=0", "./nosuch"); res.code != 1 {
		t.Errorf("-findings-exit-code=0 on a package that does not load: exit status %d, want 1", res.code)
	}
}

// TestContextLines checks -c N: each text finding is followed by the
// source lines from N before to N after it, numbered, as the x/tools
// checker prints them; the findings themselves are unchanged.
func TestContextLines(t *testing.T) {
	t.Parallel()
	plain := run(t, fixture, wxerrlint, "./app")
	res := run(t, fixture, wxerrlint, "-c", "1", "./app")
	if res.code != 3 || plain.code != 3 {
		t.Fatalf("want exit status 3 with findings:\n%s", res)
	}
	findingRE := regexp.MustCompile(`^(.+?):(\d+):\d+: `)
	var findingLines []string
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		m := findingRE.FindStringSubmatch(lines[i])
		if m == nil {
			t.Fatalf("line %d is no finding where one is due: %q\n%s", i+1, lines[i], res.stdout)
		}
		findingLines = append(findingLines, lines[i])
		src, err := os.ReadFile(filepath.Join(fixture, m[1]))
		if err != nil {
			t.Fatal(err)
		}
		srcLines := strings.Split(string(src), "\n")
		line, _ := strconv.Atoi(m[2])
		for n := max(1, line-1); n <= line+1 && n <= len(srcLines); n++ {
			i++
			if want := fmt.Sprintf("%d\t%s", n, srcLines[n-1]); i >= len(lines) || lines[i] != want {
				t.Fatalf("after %q: want context line %q, got output\n%s", findingLines[len(findingLines)-1], want, res.stdout)
			}
		}
	}
	if got, want := strings.Join(findingLines, "\n")+"\n", plain.stdout; got != want {
		t.Errorf("-c changed the findings:\n got %s\nwant %s", got, want)
	}
}
