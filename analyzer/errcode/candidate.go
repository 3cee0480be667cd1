// This file decides which packages are candidates, the only ones any
// wxerrlint analyzer works in: by the bytes of their files (the scanner)
// or by importing a candidate.

package errcode

import (
	"bytes"
	"go/build"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// CandidateFact marks a package that can hold WeChat code: one of its
// files passes the CandidateScanner test, or it imports a candidate
// package.
//
// Every wxerrlint analyzer does its work in candidates only, and exports
// facts there only. That one contract is what lets them run on every
// package of a build at almost no cost (the standard library and most
// dependencies are not candidates), and what lets a driver load from
// source only the candidates: nothing outside them can produce a fact.
type CandidateFact struct {
	Candidate bool
}

func (*CandidateFact) AFact()         {}
func (*CandidateFact) String() string { return "wechatCandidate" }

// candidateIdents are selectors (.Name, whole, case-sensitive) and
// candidatePaths strings (anywhere) that make a file's package a candidate
// beside the errcode rules of CandidateScanner.File. Each stands for a way
// a package can produce a fact without holding an errcode itself:
//
//   - .Unmarshal, .UnmarshalFromString, .Decode: a call of a decode sink
//     that errcodeunchecked knows (json.Unmarshal, dec.Decode); a function
//     that decodes into an interface parameter becomes a decoder even when
//     it knows nothing of WeChat (an HTTP client's ToJSON(v any)).
//     UnmarshalJSON, DecodeString, or a declaration func Decode do not
//     count, nor does a call without a qualifier, which only a JSON
//     library itself makes: its sinks are known by their shape;
//   - the import paths of the retry libraries errcoderetry knows;
//   - wxerrlint: a //wxerrlint: directive, or an import of the codes
//     package;
//   - qyapi: the WeCom host (qyapi.weixin.qq.com).
//
// Tests in those analyzers' packages keep these lists in step with them.
var (
	candidateIdents = bytesOf("Unmarshal", "UnmarshalFromString", "Decode")
	candidatePaths  = bytesOf("github.com/avast/retry-go", "github.com/cenkalti/backoff", "github.com/sethvargo/go-retry", "wxerrlint", "qyapi")
)

func bytesOf(words ...string) [][]byte {
	var bs [][]byte
	for _, w := range words {
		bs = append(bs, []byte(w))
	}
	return bs
}

// A CandidateScanner tells, from the bytes of a Go file and without
// parsing it, whether the file can make its package a candidate. The test
// is a superset of what the analyzers recognise (a comment naming both
// errcode and errmsg counts), so a false answer is safe.
//
// A scanner reuses a buffer: use one per goroutine.
type CandidateScanner struct {
	fields [][]byte // the -fields names, lower case
	buf    []byte
}

// NewCandidateScanner returns a scanner that also accepts the field names
// given to the errcode analyzer's -fields flag.
func NewCandidateScanner() *CandidateScanner {
	return &CandidateScanner{fields: bytesOf(extraFieldNames()...)}
}

// extraFieldNames returns the names given to -fields, lower case.
func extraFieldNames() []string {
	var names []string
	for _, f := range strings.Split(extraFields, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
			names = append(names, f)
		}
	}
	return names
}

var (
	errcodeWord = []byte("errcode")
	errmsgWord  = []byte("errmsg")
)

// File reports whether the Go source src can make its package a
// candidate. It accepts a file that holds:
//
//   - errcode right after a quote or backquote (json:"errcode",
//     m["errcode"]);
//   - the whole words errcode and errmsg (an ErrCode field beside an
//     ErrMsg field), in any case: yyErrCode in a generated parser does not
//     count;
//   - one of candidateIdents or candidatePaths, or a -fields name in any
//     case.
func (s *CandidateScanner) File(src []byte) bool {
	candidate, _ := s.scan(src, true, false)
	return candidate
}

// WeChat reports whether the Go source src can hold WeChat code itself,
// rather than only a decode sink: an errcode field or a map key, a WeCom
// call, a retry helper or a wxerrlint directive. It accepts a file that
// holds:
//
//   - errcode right after a quote or backquote, in any case (a tag, a map
//     key);
//   - the whole word ErrCode or Errcode, with the whole word ErrMsg or
//     Errmsg or errmsg right after a quote (any case) in the same file:
//     errcode recognises such a field by its name only beside an errmsg
//     field of the same struct, whose declaration is in one file. An
//     errCode parameter, a Frame's lone ErrCode, or AWS's
//     ErrCodeNoSuchBucket do not count;
//   - one of candidatePaths (wxerrlint, the WeCom host, a retry library
//     errcoderetry knows), or a -fields name in any case.
//
// A package none of whose files and none of whose dependencies' files
// pass this test can hold no errcode expression, response type, retry
// helper or WeCom call, so the only facts it can produce are a decoder's
// (unchecked.DecoderFact, unchecked.ReturnsUncheckedFact of a generic
// result) and CandidateFact. A driver that loads only part of a build
// from source relies on this (internal/driver).
func (s *CandidateScanner) WeChat(src []byte) bool {
	_, wechat := s.scan(src, false, true)
	return wechat
}

// Scan returns File(src) and WeChat(src), reading src in lower case once.
func (s *CandidateScanner) Scan(src []byte) (candidate, wechat bool) {
	return s.scan(src, true, true)
}

var (
	goErrcodeWords = bytesOf("ErrCode", "Errcode")
	goErrmsgWords  = bytesOf("ErrMsg", "Errmsg")
)

// scan answers File (if askCandidate) and WeChat (if askWeChat) for src.
func (s *CandidateScanner) scan(src []byte, askCandidate, askWeChat bool) (candidate, wechat bool) {
	for _, p := range candidatePaths {
		if bytes.Contains(src, p) {
			return askCandidate, askWeChat
		}
	}
	candidate = askCandidate && callsDecodeSink(src)
	undecided := askCandidate && !candidate
	if !undecided && !askWeChat {
		return candidate, false
	}
	s.buf = appendLower(s.buf[:0], src)
	text := s.buf
	for _, w := range s.fields {
		if bytes.Contains(text, w) {
			return askCandidate, askWeChat
		}
	}
	word := false
	quoted := anyOccurrence(text, errcodeWord, func(start, end int) bool {
		word = word || isWord(text, start, end)
		return afterQuote(text, start)
	})
	if quoted {
		return askCandidate, askWeChat
	}
	if undecided && word {
		candidate = anyOccurrence(text, errmsgWord, func(start, end int) bool { return isWord(text, start, end) })
	}
	if askWeChat && word {
		wechat = anyWord(src, goErrcodeWords) &&
			(anyWord(src, goErrmsgWords) || anyOccurrence(text, errmsgWord, func(start, _ int) bool { return afterQuote(text, start) }))
	}
	return candidate, wechat
}

// callsDecodeSink reports whether src selects one of candidateIdents
// (.Unmarshal(, .Decode(...): a whole selector name).
func callsDecodeSink(src []byte) bool {
	for _, id := range candidateIdents {
		if anyOccurrence(src, id, func(start, end int) bool { return start > 0 && src[start-1] == '.' && !identAt(src, end) }) {
			return true
		}
	}
	return false
}

// afterQuote reports whether text[start] follows a quote or backquote.
func afterQuote(text []byte, start int) bool {
	return start > 0 && (text[start-1] == '"' || text[start-1] == '`')
}

// anyWord reports whether one of words occurs in text as a whole word.
func anyWord(text []byte, words [][]byte) bool {
	for _, w := range words {
		if anyOccurrence(text, w, func(start, end int) bool { return isWord(text, start, end) }) {
			return true
		}
	}
	return false
}

// anyOccurrence reports whether ok holds for an occurrence of w in text,
// given its bounds; it stops at the first.
func anyOccurrence(text, w []byte, ok func(start, end int) bool) bool {
	for off := 0; ; {
		i := bytes.Index(text[off:], w)
		if i < 0 {
			return false
		}
		start := off + i
		if ok(start, start+len(w)) {
			return true
		}
		off = start + 1
	}
}

// isWord reports whether text[start:end] is not preceded or followed by
// an ASCII letter, digit or underscore.
func isWord(text []byte, start, end int) bool {
	return (start == 0 || !isIdentByte(text[start-1])) && !identAt(text, end)
}

// identAt reports whether text has an identifier byte at i.
func identAt(text []byte, i int) bool { return i < len(text) && isIdentByte(text[i]) }

func isIdentByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func appendLower(dst, src []byte) []byte {
	for _, c := range src {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isCandidate decides whether the package of pass is a candidate.
//
// The standard library never is: it holds no WeChat code, no retry
// helper, and its decoders (encoding/json, encoding/xml) are known by
// their shape. Without that rule, its many files that mention decoding
// would make nearly every package a candidate.
func isCandidate(pass *analysis.Pass) bool {
	if inGOROOT(pass) {
		return false
	}
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(CandidateFact)) {
			return true
		}
	}
	return anyFile(pass, NewCandidateScanner().File)
}

// namesWeChat reports whether a file of the package of pass passes
// CandidateScanner.WeChat (a file it cannot read counts).
func namesWeChat(pass *analysis.Pass) bool {
	return anyFile(pass, NewCandidateScanner().WeChat)
}

// anyFile reports whether the source of a file of the package of pass
// passes test. A file it cannot read passes: cannot tell, so keep the
// analysis.
func anyFile(pass *analysis.Pass, test func(src []byte) bool) bool {
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			return true
		}
		data, err := pass.ReadFile(tf.Name())
		if err != nil || test(data) {
			return true
		}
	}
	return false
}

// gorootSrc is where the standard library's sources are, with a trailing
// separator; empty when unknown (then no package counts as standard).
// A binary built with -trimpath does not know its GOROOT: ask the go
// command then, once.
var gorootSrc = sync.OnceValue(func() string {
	root := build.Default.GOROOT
	if root == "" {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			return ""
		}
		root = strings.TrimSpace(string(out))
	}
	if root == "" {
		return ""
	}
	return filepath.Join(root, "src") + string(filepath.Separator)
})

// InStandardLibrary reports whether the Go file filename belongs to the
// standard library: it lies in $GOROOT/src.
func InStandardLibrary(filename string) bool {
	src := gorootSrc()
	return src != "" && strings.HasPrefix(filename, src)
}

// inGOROOT reports whether the package's files lie in the standard
// library's source tree. (go/analysis does not say whether a package is
// standard; its files do.)
func inGOROOT(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		// cgo's translated files live in a build directory: look at any file.
		if tf := pass.Fset.File(f.FileStart); tf != nil && InStandardLibrary(tf.Name()) {
			return true
		}
	}
	return false
}
