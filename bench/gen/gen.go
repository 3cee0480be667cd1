// Package gen writes a synthetic Go module that looks like code calling
// WeChat APIs: response structs with errcode/errmsg fields, JSON decoding,
// errcode comparisons and getters, mixed with twice as much ordinary code.
// It is the benchmark's scalable corpus.
//
// The module, example.com/wxcorpus, imports only the standard library.
// Package wx holds the client and the shared response type; packages
// api000, api001, ... hold FilesPerPkg files each and import wx and
// api(k-1)/2, a binary tree of imports that carries facts across packages
// without serialising the build. The output is deterministic.
package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FilesPerPkg is the number of files in each api package.
const FilesPerPkg = 20

// Generate writes a module of nfiles .go files (at least 3) into dir,
// which must not exist or be empty.
func Generate(dir string, nfiles int) error {
	if nfiles < 3 {
		return fmt.Errorf("gen: %d files: want at least 3", nfiles)
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s exists and is not empty", dir)
	}
	write := func(rel, content string) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(content), 0o644)
	}
	if err := write("go.mod", "module example.com/wxcorpus\n\ngo 1.22\n"); err != nil {
		return err
	}
	if err := write("wx/client.go", wxClient); err != nil {
		return err
	}
	if err := write("wx/resp.go", wxResp); err != nil {
		return err
	}
	for i := range nfiles - 2 {
		k := i / FilesPerPkg
		pkg := fmt.Sprintf("api%03d", k)
		var b strings.Builder
		fmt.Fprintf(&b, "// Code in this package is generated for a benchmark; it is not meant to run.\n\npackage %s\n\n", pkg)
		parent := ""
		if k > 0 {
			parent = fmt.Sprintf("api%03d", (k-1)/2)
		}
		switch first := i%FilesPerPkg == 0; {
		case first || i%3 == 0:
			apiFile(&b, i, parent, first)
		case i%3 == 1:
			textFile(&b, i)
		default:
			dataFile(&b, i)
		}
		if err := write(fmt.Sprintf("%s/f%04d.go", pkg, i), b.String()); err != nil {
			return err
		}
	}
	return nil
}

const wxClient = `// Package wx is a small WeChat API client, generated for a benchmark.
package wx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Client calls the WeChat API.
type Client struct {
	HTTP  *http.Client
	Base  string
	mu    sync.Mutex
	token string
	exp   time.Time
}

// Token returns a cached access token.
func (c *Client) Token() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && time.Now().Before(c.exp) {
		return c.token, nil
	}
	var r TokenResp
	if err := c.Get("/cgi-bin/token", &r); err != nil {
		return "", err
	}
	if r.ErrCode != 0 {
		return "", &Error{Code: r.ErrCode, Msg: r.ErrMsg}
	}
	c.token, c.exp = r.AccessToken, time.Now().Add(time.Duration(r.ExpiresIn)*time.Second)
	return c.token, nil
}

// Get decodes the JSON answer of GET path into out.
func (c *Client) Get(path string, out any) error {
	resp, err := c.HTTP.Get(c.Base + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, out)
}

// Post sends in as JSON to path and decodes the answer into out.
func (c *Client) Post(path string, in, out any) error {
	data, err := json.Marshal(in)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Post(c.Base+path, "application/json", bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("wx: http status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
`

const wxResp = `package wx

import "fmt"

// BaseResp is the common part of every WeChat answer.
type BaseResp struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

// GetErrCode returns the errcode.
func (r *BaseResp) GetErrCode() int { return r.ErrCode }

// TokenResp is the answer of /cgi-bin/token.
type TokenResp struct {
	BaseResp
	AccessToken string ` + "`json:\"access_token\"`" + `
	ExpiresIn   int    ` + "`json:\"expires_in\"`" + `
}

// Error is a failed WeChat call.
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("wx: errcode %d: %s", e.Code, e.Msg) }
`

// apiFile writes WeChat-like code: a response type, a call that decodes
// it, errcode checks (some with magic numbers, as real code has) and a
// getter.
func apiFile(b *strings.Builder, i int, parent string, usesParent bool) {
	imports := []string{`"encoding/json"`, `"errors"`, `"fmt"`, `"example.com/wxcorpus/wx"`}
	if usesParent && parent != "" {
		imports = append(imports, `"example.com/wxcorpus/`+parent+`"`)
	}
	fmt.Fprintf(b, "import (\n\t%s\n)\n\n", strings.Join(imports, "\n\t"))
	fmt.Fprintf(b, `// Resp%[1]d is the answer of API %[1]d.
type Resp%[1]d struct {
	wx.BaseResp
	OpenID   string   `+"`json:\"openid\"`"+`
	Count    int      `+"`json:\"count\"`"+`
	Items    []Item%[1]d `+"`json:\"items\"`"+`
	NextPage string   `+"`json:\"next_page\"`"+`
}

// Item%[1]d is one entry of Resp%[1]d.
type Item%[1]d struct {
	ID    int64  `+"`json:\"id\"`"+`
	Name  string `+"`json:\"name\"`"+`
	Score float64 `+"`json:\"score\"`"+`
}

// Raw%[1]d is an answer decoded by hand.
type Raw%[1]d struct {
	Errcode int    `+"`json:\"errcode\"`"+`
	Errmsg  string `+"`json:\"errmsg\"`"+`
	Data    json.RawMessage `+"`json:\"data\"`"+`
}

// ErrNotFound%[1]d is returned when the list is empty.
var ErrNotFound%[1]d = errors.New("api%[1]d: not found")

// Call%[1]d calls API %[1]d.
func Call%[1]d(c *wx.Client, openID string, page int) (*Resp%[1]d, error) {
	tok, err := c.Token()
	if err != nil {
		return nil, err
	}
	var r Resp%[1]d
	path := fmt.Sprintf("/api/%[1]d?access_token=%%s&openid=%%s&page=%%d", tok, openID, page)
	if err := c.Post(path, map[string]any{"openid": openID, "page": page}, &r); err != nil {
		return nil, err
	}
	switch r.ErrCode {
	case 0:
	case 40001, 42001:
		return nil, fmt.Errorf("api%[1]d: token expired: %%s", r.ErrMsg)
	default:
		return nil, &wx.Error{Code: r.ErrCode, Msg: r.ErrMsg}
	}
	if len(r.Items) == 0 {
		return nil, ErrNotFound%[1]d
	}
	return &r, nil
}

// Decode%[1]d decodes a raw answer.
func Decode%[1]d(data []byte) (*Raw%[1]d, error) {
	var raw Raw%[1]d
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	code := raw.Errcode
	if code != 0 {
		return nil, fmt.Errorf("api%[1]d: errcode %%d: %%s", code, raw.Errmsg)
	}
	var m map[string]any
	if err := json.Unmarshal(raw.Data, &m); err == nil {
		if c, ok := m["errcode"].(float64); ok && c == 45009 {
			return nil, errors.New("api%[1]d: rate limited")
		}
	}
	return &raw, nil
}

// Code%[1]d returns the errcode of r.
func (r *Raw%[1]d) Code%[1]d() int { return r.Errcode }

// Total%[1]d sums the scores of all pages.
func Total%[1]d(c *wx.Client, openID string) (float64, error) {
	total := 0.0
	for page := 0; page < 10; page++ {
		r, err := Call%[1]d(c, openID, page)
		if errors.Is(err, ErrNotFound%[1]d) {
			break
		}
		if err != nil {
			return 0, err
		}
		if r.GetErrCode() == -1 {
			continue
		}
		for _, it := range r.Items {
			total += it.Score
		}
		if r.NextPage == "" {
			break
		}
	}
	return total, nil
}
`, i)
	if usesParent && parent != "" {
		// Use the parent package's getter across the package boundary.
		pi := parentAPIFile(parent)
		fmt.Fprintf(b, `
// Check%[1]d checks an answer of the parent package.
func Check%[1]d(data []byte) bool {
	raw, err := %[2]s.Decode%[3]d(data)
	return err == nil && raw.Code%[3]d() == 0
}
`, i, parent, pi)
	}
}

// parentAPIFile returns the index of the first (API) file of a package.
func parentAPIFile(parent string) int {
	var k int
	fmt.Sscanf(parent, "api%03d", &k)
	return k * FilesPerPkg
}

// textFile writes ordinary string-processing code.
func textFile(b *strings.Builder, i int) {
	fmt.Fprintf(b, `import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Words%[1]d splits s into lower-case words.
func Words%[1]d(s string) []string {
	var words []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, strings.ToLower(f))
	}
	return words
}

// Freq%[1]d counts words.
type Freq%[1]d map[string]int

// Add adds the words of s.
func (f Freq%[1]d) Add(s string) {
	for _, w := range Words%[1]d(s) {
		f[w]++
	}
}

// Top returns the n most frequent words.
func (f Freq%[1]d) Top(n int) []string {
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if f[keys[a]] != f[keys[b]] {
			return f[keys[a]] > f[keys[b]]
		}
		return keys[a] < keys[b]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// Pad%[1]d pads s to width w.
func Pad%[1]d(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

// Table%[1]d formats rows as an aligned table.
func Table%[1]d(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for j, c := range r {
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], len(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r {
			if j > 0 {
				b.WriteString("  ")
			}
			b.WriteString(Pad%[1]d(c, widths[j]))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// ParseInts%[1]d parses a comma-separated list of integers.
func ParseInts%[1]d(s string) ([]int, error) {
	var out []int
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// Status%[1]d is an HTTP-like status, not an errcode.
type Status%[1]d struct {
	Code int
	Text string
}

// OK reports a success status.
func (s Status%[1]d) OK() bool { return s.Code == 200 || s.Code == 204 }
`, i)
}

// dataFile writes ordinary data-structure code, generics included.
func dataFile(b *strings.Builder, i int) {
	fmt.Fprintf(b, `import (
	"cmp"
	"errors"
	"slices"
	"sync"
)

// Set%[1]d is a set of ordered values.
type Set%[1]d[T cmp.Ordered] struct {
	mu    sync.RWMutex
	items map[T]struct{}
}

// Add adds v.
func (s *Set%[1]d[T]) Add(v T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.items == nil {
		s.items = make(map[T]struct{})
	}
	s.items[v] = struct{}{}
}

// Has reports whether v is in s.
func (s *Set%[1]d[T]) Has(v T) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, ok := s.items[v]
	return ok
}

// Sorted returns the values in order.
func (s *Set%[1]d[T]) Sorted() []T {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]T, 0, len(s.items))
	for v := range s.items {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// Queue%[1]d is a bounded FIFO queue.
type Queue%[1]d struct {
	buf        []int
	head, size int
}

// ErrFull%[1]d is returned by Push on a full queue.
var ErrFull%[1]d = errors.New("queue full")

// NewQueue%[1]d returns a queue of capacity n.
func NewQueue%[1]d(n int) *Queue%[1]d { return &Queue%[1]d{buf: make([]int, n)} }

// Push appends v.
func (q *Queue%[1]d) Push(v int) error {
	if q.size == len(q.buf) {
		return ErrFull%[1]d
	}
	q.buf[(q.head+q.size)%%len(q.buf)] = v
	q.size++
	return nil
}

// Pop removes the first value.
func (q *Queue%[1]d) Pop() (int, bool) {
	if q.size == 0 {
		return 0, false
	}
	v := q.buf[q.head]
	q.head = (q.head + 1) %% len(q.buf)
	q.size--
	return v, true
}

// Map%[1]d applies f to each element.
func Map%[1]d[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for j, v := range in {
		out[j] = f(v)
	}
	return out
}

// Window%[1]d returns the sums of each window of width w.
func Window%[1]d(xs []int, w int) []int {
	if w <= 0 || w > len(xs) {
		return nil
	}
	sum := 0
	for _, x := range xs[:w] {
		sum += x
	}
	out := []int{sum}
	for j := w; j < len(xs); j++ {
		sum += xs[j] - xs[j-w]
		out = append(out, sum)
	}
	return out
}

// Retry%[1]d is a retry policy with a code that is not an errcode.
type Retry%[1]d struct {
	Attempts int
	Code     int
}

// Done reports whether the policy is exhausted.
func (r Retry%[1]d) Done(n int) bool { return n >= r.Attempts || r.Code == 3 }
`, i)
}
