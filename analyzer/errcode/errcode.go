// The errcode analyzer: its flags, its facts, the Info it hands to every
// check, and the run that settles which functions are errcode getters.

package errcode

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

//go:embed doc.go
var doc string

// Analyzer recognises errcode expressions. Its result is an *Info.
var Analyzer = &analysis.Analyzer{
	Name:             "errcode",
	Doc:              analysisutil.MustExtractDoc(doc, "errcode"),
	URL:              "https://github.com/wxerrlint/wxerrlint/blob/main/docs/checks.md#errcode",
	Run:              run,
	ResultType:       reflect.TypeFor[*Info](),
	FactTypes:        []analysis.Fact{new(GetterFact), new(WeComFact), new(CandidateFact)},
	RunDespiteErrors: true,
}

// extraFields holds the -fields flag: more field or tag names to treat as
// errcode, comma-separated.
var extraFields string

func init() {
	Analyzer.Flags.StringVar(&extraFields, "fields", "", "comma-separated field names or tag names (any key) to treat as errcode fields, besides errcode/ErrCode")
	// The checks share this analyzer, so its flag reaches them all.
	Analyzer.Flags.BoolVar(&analysisutil.ReportTestFiles, "testfiles", false, "report findings in _test.go files too (off: tests compare their own fixtures' errcodes)")
}

// KeepIgnored makes the checks report the diagnostics that an ignore
// directive (//wxerrlint:ignore) silences, with a category that starts
// with IgnoredCategory and ends with the directive's line, for a driver
// that applies the directives itself and reports those that silence
// nothing. The checks share this analyzer, so the setting reaches them all.
func KeepIgnored(keep bool) { analysisutil.KeepIgnored = keep }

// IgnoredCategory starts the category of a diagnostic that an ignore
// directive silences, under KeepIgnored.
const IgnoredCategory = analysisutil.IgnoredCategory

// WeComHost is the host of the WeCom (企业微信) API.
const WeComHost = "qyapi.weixin.qq.com"

// GetterFact marks a function or method some of whose results carry an
// errcode value, such as func (r *Resp) GetErrCode() int { return r.ErrCode }
// or func send() (code int, msg string, err error).
//
// Facts need an exported field: go vet gob-encodes them, and gob refuses a
// struct without one.
type GetterFact struct {
	Results []int // the indices of the results that carry an errcode, ascending
}

func (*GetterFact) AFact() {}

// String is "errcodeGetter" for a getter of its first result, and names the
// results otherwise: "errcodeGetter(results 0,2)".
func (f *GetterFact) String() string {
	if len(f.Results) == 1 && f.Results[0] == 0 {
		return "errcodeGetter"
	}
	idx := make([]string, len(f.Results))
	for i, r := range f.Results {
		idx[i] = strconv.Itoa(r)
	}
	return "errcodeGetter(results " + strings.Join(idx, ",") + ")"
}

func (f *GetterFact) set() resultSet {
	var rs resultSet
	for _, r := range f.Results {
		rs = rs.with(r)
	}
	return rs
}

// WeComFact marks a function that calls the WeCom API: its body names
// qyapi.weixin.qq.com or calls a function that does.
type WeComFact struct {
	CallsWeCom bool
}

func (*WeComFact) AFact()         {}
func (*WeComFact) String() string { return "callsWeCom" }

// Info answers questions about errcode expressions in one package.
//
// The checks that require errcode run concurrently on a package and share
// its Info: its methods are safe for concurrent use.
type Info struct {
	info   *types.Info
	mu     sync.Mutex          // guards fields, filled lazily by queries
	fields map[*types.Var]bool // numeric fields already classified
	locals map[*types.Var]bool // local variables and parameters assigned an errcode
	// mapKeys holds the keys of local maps that the function put an
	// errcode under: m["code"] = resp.ErrCode.
	mapKeys map[mapKey]bool
	extra   map[string]bool // the -fields flag, lower case
	// getterResults returns which results of fn carry an errcode value
	// (by fact, or settled in this package).
	getterResults func(fn *types.Func) resultSet
	// WeCom reports that the package talks to the WeCom API.
	WeCom bool
	// Candidate reports that the package can hold WeChat code (see
	// CandidateFact). Outside candidates, checks return at once.
	Candidate bool

	inspector   func() *inspector.Inspector
	namesWeChat func() bool
}

// NamesWeChat reports whether a file of the package passes
// CandidateScanner.WeChat: whether the package itself can hold WeChat
// code, by its words, rather than only decode. It reads the files on
// first use.
func (in *Info) NamesWeChat() bool { return in.namesWeChat() }

// Inspector returns an inspector of the package's files, built on first
// use and shared by every check. The wxerrlint analyzers take it from here
// rather than requiring inspect.Analyzer, which would build one for every
// package of the build: they run on every package, because they declare
// facts, but walk candidates only.
func (in *Info) Inspector() *inspector.Inspector { return in.inspector() }

func run(pass *analysis.Pass) (any, error) {
	in := &Info{
		info:    pass.TypesInfo,
		fields:  make(map[*types.Var]bool),
		locals:  make(map[*types.Var]bool),
		mapKeys: make(map[mapKey]bool),
		extra:   make(map[string]bool),
	}
	in.inspector = sync.OnceValue(func() *inspector.Inspector { return inspector.New(pass.Files) })
	in.namesWeChat = sync.OnceValue(func() bool { return namesWeChat(pass) })
	for _, f := range extraFieldNames() {
		in.extra[f] = true
	}
	getters := make(map[*types.Func]resultSet)
	in.getterResults = func(fn *types.Func) resultSet {
		if rs, ok := getters[fn]; ok {
			return rs
		}
		var fact GetterFact
		if fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, &fact) {
			return fact.set()
		}
		return 0
	}
	if !isCandidate(pass) {
		// Nothing here can be an errcode expression; the Info still
		// answers (no) for any analyzer that asks.
		return in, nil
	}
	in.Candidate = true
	pass.ExportPackageFact(&CandidateFact{Candidate: true})
	ins := in.Inspector()

	sv := survey(pass, ins)
	if sv.namesWeCom || sv.importsWeCom {
		in.WeCom = markWeCom(pass, ins)
	}
	if !sv.importsGetter && !sv.namesErrcode && !in.selectsErrcodeField() {
		// Most packages of a build (the standard library, most
		// dependencies) never touch an errcode: skip the fixed point.
		return in, nil
	}

	in.settle(pass, ins, getters)
	return in, nil
}

// packageSurvey is what one cheap look at a package tells: whether it can
// hold errcode expressions or WeCom calls at all. Every errcode expression
// starts from an errcode field, a string naming "errcode" (m["errcode"]) or
// an imported getter; every WeCom caller from a string naming the host or
// an imported WeCom caller. Most packages of a build have none of these.
type packageSurvey struct {
	namesErrcode, namesWeCom    bool // a string literal names "errcode" / the WeCom host
	importsGetter, importsWeCom bool // a dependency has a GetterFact / a WeComFact
}

func survey(pass *analysis.Pass, ins *inspector.Inspector) packageSurvey {
	var sv packageSurvey
	for cur := range ins.Root().Preorder((*ast.BasicLit)(nil)) {
		if lit := cur.Node().(*ast.BasicLit); lit.Kind == token.STRING {
			errcode, wecom := literalNames(lit.Value)
			sv.namesErrcode = sv.namesErrcode || errcode
			sv.namesWeCom = sv.namesWeCom || wecom
		}
	}
	for _, f := range pass.AllObjectFacts() {
		switch f.Fact.(type) {
		case *GetterFact:
			sv.importsGetter = true
		case *WeComFact:
			sv.importsWeCom = true
		}
	}
	return sv
}

// literalNames reports whether a string literal, as written in the source,
// names errcode in any case (m["errcode"], a tag-like "ErrCode" key) and
// the WeCom host.
func literalNames(lit string) (errcode, wecom bool) {
	return strings.Contains(strings.ToLower(lit), "errcode"), strings.Contains(lit, WeComHost)
}

// selectsErrcodeField reports whether the package selects an errcode field.
func (in *Info) selectsErrcodeField() bool {
	for _, sel := range in.info.Selections {
		if sel.Kind() == types.FieldVal && in.isErrcodeSelection(sel) {
			return true
		}
	}
	return false
}
