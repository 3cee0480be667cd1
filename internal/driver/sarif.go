// This file decides what -f sarif prints: a SARIF 2.1.0 log with one run,
// one rule per check that ran (id, descriptions, help URI, default
// level), the tool's version, and a result per finding with its fixes.

package driver

import (
	"bytes"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Version returns the module version of the running binary, as the
// build info has it: "(devel)" for a build from a clone.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
	ByteOffset  int `json:"byteOffset,omitempty"`
	ByteLength  int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
}

// srcRoot is the base of relative artifact URIs: the working directory.
const srcRoot = "SRCROOT"

func printSARIF(w io.Writer, dir string, analyzers []*analysis.Analyzer, list []Finding) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "wxerrlint",
			Version:        numericVersion(Version()),
			InformationURI: "https://github.com/wxerrlint/wxerrlint",
			Rules:          []sarifRule{},
		}},
		Results:    []sarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	if dir != "" {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: u.String()}}
	}
	index := make(map[string]int)
	for _, a := range analyzers {
		doc := strings.TrimSpace(a.Doc)
		short, _, _ := strings.Cut(doc, "\n")
		short = strings.TrimPrefix(short, a.Name+": ")
		rule := sarifRule{
			ID:               a.Name,
			Name:             friendlyName(a.Name),
			ShortDescription: sarifMessage{sentence(short)},
			FullDescription:  sarifMessage{sentence(doc)},
			HelpURI:          a.URL,
		}
		rule.DefaultConfiguration.Level = "error"
		index[a.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	if slices.ContainsFunc(list, func(f Finding) bool { return f.Check == directiveCheck }) {
		rule := sarifRule{
			ID:               directiveCheck,
			Name:             "IgnoreDirective",
			ShortDescription: sarifMessage{"An //wxerrlint:ignore directive that names no check, gives no reason or silences nothing."},
			FullDescription:  sarifMessage{"An //wxerrlint:ignore directive must name checks, give a reason, and silence a finding on its line or the next."},
			HelpURI:          directiveURL,
		}
		rule.DefaultConfiguration.Level = "error"
		index[directiveCheck] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	lines := newLineReader()
	for _, f := range list {
		res := sarifResult{
			RuleID:    f.Check,
			RuleIndex: index[f.Check],
			Level:     "error",
			Message:   sarifMessage{sentence(f.Message)},
			Locations: []sarifLocation{{sarifPhysical{
				ArtifactLocation: artifact(dir, f.Pos.Filename),
				Region: sarifRegion{
					StartLine:   f.Pos.Line,
					StartColumn: lines.utf16Column(f.Pos),
				},
			}}},
		}
		if f.End.Filename == f.Pos.Filename {
			res.Locations[0].PhysicalLocation.Region.EndLine = f.End.Line
			res.Locations[0].PhysicalLocation.Region.EndColumn = lines.utf16Column(f.End)
		}
		for _, fix := range f.Fixes {
			sf := sarifFix{Description: sarifMessage{sentence(fix.Message)}}
			byFile := make(map[string]int)
			for _, e := range fix.Edits {
				i, ok := byFile[e.File]
				if !ok {
					i = len(sf.ArtifactChanges)
					byFile[e.File] = i
					sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(dir, e.File)})
				}
				r := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
				if e.New != "" {
					r.InsertedContent = &sarifMessage{e.New}
				}
				sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, r)
			}
			res.Fixes = append(res.Fixes, sf)
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// artifact locates file: relative to the working directory where it lies
// there, else by an absolute file URI.
func artifact(dir, file string) sarifArtifactLoc {
	if rel := relPath(dir, file); rel != file || !filepath.IsAbs(file) {
		return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLoc{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()}
}

// sentence ends s with a period, as SARIF asks of messages.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// lineReader reads the files that findings are in, for UTF-16 columns.
type lineReader struct{ files map[string][]byte }

func newLineReader() *lineReader { return &lineReader{files: make(map[string][]byte)} }

// utf16Column returns the column of pos counted in UTF-16 code units, as
// SARIF counts them; pos.Column counts bytes.
func (lr *lineReader) utf16Column(pos token.Position) int {
	data, ok := lr.files[pos.Filename]
	if !ok {
		data, _ = os.ReadFile(pos.Filename)
		lr.files[pos.Filename] = data
	}
	start := 0
	for line := 1; line < pos.Line; line++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return pos.Column
		}
		start += i + 1
	}
	end := start + pos.Column - 1
	if end > len(data) || !utf8.Valid(data[start:end]) {
		return pos.Column
	}
	return len(utf16.Encode([]rune(string(data[start:end])))) + 1
}

// friendlyName is a check's name as SARIF wants a rule's name: Pascal
// case, and other than its id even ignoring case (errcodemagic:
// MagicErrcode).
func friendlyName(check string) string {
	title := func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
	if rest, ok := strings.CutPrefix(check, "errcode"); ok && rest != "" {
		return title(rest) + "Errcode"
	}
	return title(check) + "Check"
}

// numericVersion is a module version as SARIF wants a tool's version, led
// by a number: v1.2.3 is 1.2.3, and a build from a clone, (devel), is
// 0.0.0-devel.
func numericVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-devel"
	}
	return v
}
