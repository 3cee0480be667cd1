// This file tests the name heuristics: what a name says about retry and refresh.

package retry

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// The tables below are the specification of the name heuristics: each row
// says why a name does or does not count.

// timeStub stands in for package time: the heuristics look only at its
// path and function names.
const timeStub = `package time
type Duration int64
type Timer struct{}
func Sleep(d Duration)
func After(d Duration) <-chan int
func NewTimer(d Duration) *Timer
func AfterFunc(d Duration, f func()) *Timer
func Now() int
`

// namesSrc declares the functions the tables name. Declarations without a
// body are enough for their signatures.
const namesSrc = `package p

import "time"

type retrier struct{}
type Retryer struct{}
type client struct{}
type backoffPolicy struct{}

func doWithRetry(f func() error) error
func RetryRequest() error
func withRetries(f func() error) error
func Retrying(f func() error) error
func (*retrier) Do(f func() error) error
func (Retryer) Run(f func() error) error
func (client) Do(f func() error) error
func Do(f func() error) error
func IsRetryable(err error) bool
func shouldRetry(err error) bool
func RetryableError(err error) error
func MaxRetries() int
func retryCount() int
func retryDelay(n int) time.Duration
func noRetry(f func() error) error
func retrieve() error
func retry_get(f func() error) error

func sleepBackoff(n int)
func backoffSleep(n int)
func asleep() bool
func waitForReady()
func (backoffPolicy) NextBackOff() time.Duration
`

// typecheck type-checks src as package p, with timeStub as package time.
func typecheck(t *testing.T, src string) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path != "time" {
			return nil, fmt.Errorf("no stub for %s", path)
		}
		f, err := parser.ParseFile(fset, "time.go", timeStub, 0)
		if err != nil {
			return nil, err
		}
		return new(types.Config).Check("time", fset, []*ast.File{f}, nil)
	})
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	pkg, err := (&types.Config{Importer: imp}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, info, f
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// lookupFunc finds a function by name, "T.M" for a method, or "time.F".
func lookupFunc(t *testing.T, pkg *types.Package, name string) *types.Func {
	t.Helper()
	scope := pkg.Scope()
	if pkgName, fname, ok := strings.Cut(name, "."); ok && pkgName == "time" {
		for _, imp := range pkg.Imports() {
			if imp.Path() == "time" {
				scope, name = imp.Scope(), fname
			}
		}
	}
	recv, method, isMethod := strings.Cut(name, ".")
	if !isMethod {
		if fn, ok := scope.Lookup(name).(*types.Func); ok {
			return fn
		}
		t.Fatalf("no function %s", name)
	}
	tn, ok := scope.Lookup(recv).(*types.TypeName)
	if !ok {
		t.Fatalf("no type %s", recv)
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, method)
	fn, ok := obj.(*types.Func)
	if !ok {
		t.Fatalf("no method %s", name)
	}
	return fn
}

func TestSaysRetry(t *testing.T) {
	pkg, _, _ := typecheck(t, namesSrc)
	for _, tc := range []struct {
		name string
		want bool
		why  string
	}{
		{"doWithRetry", true, "a word of the name is retry and it returns only an error"},
		{"RetryRequest", true, "the first word is retry"},
		{"withRetries", true, "retries is a form of retry"},
		{"Retrying", true, "retrying starts with retry"},
		{"retry_get", true, "underscores split words, and get is not the first word"},
		{"retrier.Do", true, "Do on a type named retrier"},
		{"Retryer.Run", true, "Run on a type named retryer"},
		{"client.Do", false, "Do on a type whose name does not say retry"},
		{"Do", false, "a Do that is not a method of a retrier"},
		{"IsRetryable", false, "is: it asks, it does not act; and retryable describes an error"},
		{"shouldRetry", false, "should: it asks whether to retry"},
		{"RetryableError", false, "retryable describes an error: it marks one, it does not retry"},
		{"MaxRetries", false, "max: a setting"},
		{"retryCount", false, "returns a number: a count, not a retry"},
		{"retryDelay", false, "returns a duration: a delay, not a retry"},
		{"noRetry", false, "no: it turns retries off"},
		{"retrieve", false, "retrieve is not retry, though it starts with retr"},
	} {
		if got := saysRetry(lookupFunc(t, pkg, tc.name)); got != tc.want {
			t.Errorf("saysRetry(%s) = %t, want %t: %s", tc.name, got, tc.want, tc.why)
		}
	}
}

func TestIsSleep(t *testing.T) {
	pkg, _, _ := typecheck(t, namesSrc)
	for _, tc := range []struct {
		name string
		want bool
		why  string
	}{
		{"time.Sleep", true, "waits"},
		{"time.After", true, "a channel that fires later: select on it waits"},
		{"time.NewTimer", true, "a timer: waits on its channel"},
		{"time.AfterFunc", true, "runs later"},
		{"time.Now", false, "a function of time that does not wait"},
		{"sleepBackoff", true, "a word of the name is sleep"},
		{"backoffSleep", true, "a word of the name is backoff"},
		{"asleep", false, "sleep only inside a word"},
		{"waitForReady", false, "neither sleep nor backoff: too vague to count as a retry's wait"},
		{"backoffPolicy.NextBackOff", false, "back off is two words, and it returns the delay: the time.Sleep around it is the wait"},
	} {
		if got := isSleep(lookupFunc(t, pkg, tc.name)); got != tc.want {
			t.Errorf("isSleep(%s) = %t, want %t: %s", tc.name, got, tc.want, tc.why)
		}
	}
}

// refreshSrc holds calls that refreshCall judges, one per statement of use.
const refreshSrc = `package p

type tokenCache struct{}

func (tokenCache) Refresh() error
func (tokenCache) Clear()

type userCache struct{}

func (userCache) Clear()

type Client struct {
	token       tokenCache
	users       userCache
	accessToken string
	name        string
}

func refreshToken() error
func (c *Client) renew() error
func ForceRefreshToken() error
func (c *Client) RefreshToken() string
func IsTokenExpired() bool
func GetAccessToken(ctx int, forceRefresh bool) (string, error)
func resetToken() error
func reset() error
func fetchTicket() error
func updateUser(name string) error
func getToken() (string, error)

func use(c *Client, m map[string]string, force bool) {
	refreshToken()
	c.renew()
	c.token.Refresh()
	ForceRefreshToken()
	c.RefreshToken()
	IsTokenExpired()
	GetAccessToken(0, true)
	GetAccessToken(0, false)
	GetAccessToken(0, force)
	resetToken()
	reset()
	c.token.Clear()
	c.users.Clear()
	fetchTicket()
	updateUser("token")
	updateUser(c.name)
	getToken()
	delete(m, "access_token")
	delete(m, "user")
	c.accessToken = ""
	c.accessToken = "x"
	c.name = ""
}
`

func TestRefreshCall(t *testing.T) {
	pkg, info, f := typecheck(t, refreshSrc)
	rp := &retryPass{pass: &analysis.Pass{Pkg: pkg}, info: info}
	calls := make(map[string]*ast.CallExpr)
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			calls[types.ExprString(call)] = call
		}
		return true
	})
	for _, tc := range []struct {
		call string
		want bool
		why  string
	}{
		{"refreshToken()", true, "refresh says it on its own"},
		{"c.renew()", true, "renew says it on its own"},
		{"c.token.Refresh()", true, "refresh on a token cache"},
		{"ForceRefreshToken()", true, "force refresh"},
		{"c.RefreshToken()", false, "a getter of a refresh_token: no arguments, returns a string"},
		{"IsTokenExpired()", false, "is: it asks"},
		{"GetAccessToken(0, true)", true, "a getter told to force a refresh by a parameter named forceRefresh"},
		{"GetAccessToken(0, false)", false, "told not to force"},
		{"GetAccessToken(0, force)", true, "a flag that may be true"},
		{"resetToken()", true, "reset needs a token in the name: here it is"},
		{"reset()", false, "reset of what? no token in the name, receiver or arguments"},
		{"c.token.Clear()", true, "clear on a field named token"},
		{"c.users.Clear()", false, "clear on a user cache"},
		{"fetchTicket()", true, "fetch a ticket: jsapi_ticket is refreshed like the token"},
		{`updateUser("token")`, true, "update with a token in its arguments"},
		{"updateUser(c.name)", false, "update of a user"},
		{"getToken()", false, "get: reads the cached token, refreshes nothing"},
		{`delete(m, "access_token")`, true, "drops the cached token, so the next call fetches one"},
		{`delete(m, "user")`, false, "drops something else"},
	} {
		call := calls[tc.call]
		if call == nil {
			t.Fatalf("no call %s in refreshSrc", tc.call)
		}
		if got := rp.refreshCall(call, analysisutil.Callee(info, call)); got != tc.want {
			t.Errorf("refreshCall(%s) = %t, want %t: %s", tc.call, got, tc.want, tc.why)
		}
	}
	var assigns []*ast.AssignStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			assigns = append(assigns, as)
		}
		return true
	})
	for i, want := range []bool{true, false, false} { // c.accessToken = "", = "x", c.name = ""
		if got := rp.clearsTokenField(assigns[i]); got != want {
			t.Errorf("clearsTokenField(%s) = %t, want %t", types.ExprString(assigns[i].Lhs[0])+" = "+types.ExprString(assigns[i].Rhs[0]), got, want)
		}
	}
}

// statusParam: which parameters of a web framework's answer carry the HTTP
// status that can hand a retry back to the client.
func TestStatusParam(t *testing.T) {
	intT, strT := types.Typ[types.Int], types.Typ[types.String]
	for _, tc := range []struct {
		name string
		typ  types.Type
		want bool
		why  string
	}{
		{"code", intT, true, "gin's c.JSON(code int, obj any) and echo's c.JSON(code int, i any)"},
		{"status", intT, true, "net/http-style helpers"},
		{"statusCode", intT, true, "a word of the name is status"},
		{"httpStatus", intT, true, "a word of the name is status"},
		{"StatusCode", types.Typ[types.Uint16], true, "any integer type"},
		{"encode", intT, false, "code inside another word is no status"},
		{"barcode", intT, false, "code inside another word is no status"},
		{"n", intT, false, "nothing says status"},
		{"status", strT, false, "a string status is a message, not a code"},
	} {
		p := types.NewParam(token.NoPos, nil, tc.name, tc.typ)
		if got := statusParam(p); got != tc.want {
			t.Errorf("statusParam(%s %s) = %v, want %v: %s", tc.name, tc.typ, got, tc.want, tc.why)
		}
	}
}

// retryStatus: the statuses that tell an HTTP client to retry.
func TestRetryStatus(t *testing.T) {
	for _, tc := range []struct {
		v    constant.Value
		want bool
	}{
		{constant.MakeInt64(429), true},  // Too Many Requests
		{constant.MakeInt64(503), true},  // Service Unavailable
		{constant.MakeInt64(500), false}, // a failure, not a request to retry
		{constant.MakeInt64(200), false},
		{constant.MakeString("429"), false}, // not a status code
		{nil, false},                        // not a constant: cannot tell
	} {
		if got := retryStatus(tc.v); got != tc.want {
			t.Errorf("retryStatus(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
