// This file decides which calls are retry mechanisms: a function of a
// known retry library that takes a callback, or a function whose name says
// retry. It is the place to add a retry library.

package retry

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// A library is a retry library errcoderetry knows: its functions that take
// a callback returning error retry it, and its error markers decide which
// errors they retry. To add one, add it here and to errcode's candidate
// scanner (candidate_test.go checks that it is there), and give it a stub
// under testdata/src with a retrycallback case.
type library struct {
	path string // import path; its subpackages (major versions) belong to it
	// stop marks an error the library does not retry: backoff.Permanent.
	stop string
	// retryable marks the only errors the library retries, if it has such
	// a marker: go-retry retries only RetryableError(err).
	retryable string
}

// libraries are the retry libraries errcoderetry knows.
var libraries = []*library{
	{path: "github.com/avast/retry-go", stop: "Unrecoverable"},
	{path: "github.com/cenkalti/backoff", stop: "Permanent"}, // v4, v5
	{path: "github.com/sethvargo/go-retry", retryable: "RetryableError"},
}

// libraryOf returns the retry library a package path belongs to, or nil.
func libraryOf(path string) *library {
	for _, lib := range libraries {
		if path == lib.path || strings.HasPrefix(path, lib.path+"/") {
			return lib
		}
	}
	return nil
}

// A mechanism is a call that retries a callback.
type mechanism struct {
	lib  *library // nil for a function whose name says retry
	pkg  string   // the library's package name: "retry"
	name string   // for messages: "backoff.Retry"
}

// returnsError reports whether t is a function type whose last result is
// error.
func returnsError(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	return analysisutil.IsError(sig.Results().At(sig.Results().Len() - 1).Type())
}

// mechanismOf returns the retry mechanism a call invokes: a function of a
// known retry library that takes a callback returning error, or a function
// whose name says retry.
func (rp *retryPass) mechanismOf(call *ast.CallExpr, fn *types.Func) *mechanism {
	if fn == nil {
		return nil
	}
	if fn.Pkg() != nil {
		if lib := libraryOf(fn.Pkg().Path()); lib != nil {
			sig, _ := fn.Type().(*types.Signature)
			if sig == nil {
				return nil
			}
			for i := range sig.Params().Len() {
				t := sig.Params().At(i).Type()
				if s, ok := t.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
					t = s.Elem()
				}
				if returnsError(t) {
					return &mechanism{lib: lib, pkg: fn.Pkg().Name(), name: fn.Pkg().Name() + "." + fn.Name()}
				}
			}
			return nil
		}
	}
	if saysRetry(fn) {
		return &mechanism{name: fn.Name()}
	}
	return nil
}
