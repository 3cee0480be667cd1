// Package marker tells, from the bytes of a Go file and without parsing
// it, whether the file can hold an expression that the errcode analyzer
// recognises, and so whether its package can produce an errcode fact.
//
// The errcode analyzer recognises (see analyzer/errcode/doc.go):
//
//   - a numeric field tagged errcode under any key (json:"errcode"), or a
//     string literal "errcode" used as a map key: the file then holds
//     errcode right after a quote or a backquote;
//   - a field named ErrCode or Errcode in a struct that also has an
//     errmsg field (tag errmsg, or named ErrMsg or Errmsg, in the same
//     struct): the file then holds both words;
//   - a string naming the WeCom host, qyapi.weixin.qq.com;
//   - field or tag names given with -errcode.fields;
//   - anything reached through another package (an embedded response
//     type, a getter, a constant naming the host), which a driver covers
//     by also treating every importer of a candidate package as one.
//
// Words match in any ASCII case and only whole: yyErrCode in a generated
// parser does not count. The test is a superset of the analyzer's rules
// (a comment mentioning both words counts), so a false answer is safe: no
// fact can arise in such a file. runtime/netpoll.go, which has a local
// variable errcode, and net/http's HTTP/2 ErrCode type are not candidates.
package marker

import "bytes"

// Scanner tests files. It reuses a buffer: use one per goroutine.
type Scanner struct {
	extra [][]byte
	buf   []byte
}

// New returns a Scanner that also accepts the given words (field or tag
// names from -errcode.fields).
func New(extra ...string) *Scanner {
	s := new(Scanner)
	for _, w := range extra {
		if w := bytes.TrimSpace(lower(nil, []byte(w))); len(w) > 0 {
			s.extra = append(s.extra, w)
		}
	}
	return s
}

var (
	errcode = []byte("errcode")
	errmsg  = []byte("errmsg")
	qyapi   = []byte("qyapi")
)

// File reports whether the Go source src can hold WeChat code.
func (s *Scanner) File(src []byte) bool {
	s.buf = lower(s.buf[:0], src)
	text := s.buf
	quoted, word := false, false
	for off := 0; ; {
		i := bytes.Index(text[off:], errcode)
		if i < 0 {
			break
		}
		start, end := off+i, off+i+len(errcode)
		off = start + 1
		if end < len(text) && identByte(text[end]) {
			continue
		}
		if start > 0 && (text[start-1] == '"' || text[start-1] == '`') {
			quoted = true
			break
		}
		if start == 0 || !identByte(text[start-1]) {
			word = true
		}
	}
	if quoted || word && containsWord(text, errmsg) || containsWord(text, qyapi) {
		return true
	}
	for _, w := range s.extra {
		if containsWord(text, w) {
			return true
		}
	}
	return false
}

// containsWord reports whether text holds w, not preceded or followed by
// an ASCII letter, digit or underscore.
func containsWord(text, w []byte) bool {
	for off := 0; ; {
		i := bytes.Index(text[off:], w)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(w)
		if (start == 0 || !identByte(text[start-1])) && (end == len(text) || !identByte(text[end])) {
			return true
		}
		off = start + 1
	}
}

func identByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}

func lower(dst, src []byte) []byte {
	for _, c := range src {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
