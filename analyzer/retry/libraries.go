// This file decides which calls are retry mechanisms: a function of a
// known retry library that takes a callback, or a function whose name says
// retry. It is the place to add a retry library.

package retry

import (
	"go/ast"
	"go/types"
	"strings"
)

// Import paths of the retry libraries errcoderetry knows.
const (
	avastPath     = "github.com/avast/retry-go"
	backoffPath   = "github.com/cenkalti/backoff"
	sethvargoPath = "github.com/sethvargo/go-retry"
)

type mechKind uint8

const (
	mechNamed     mechKind = iota // a function whose name says retry
	mechAvast                     // retry-go: any error but Unrecoverable(err) is retried
	mechBackoff                   // backoff v4/v5: any error but Permanent(err) is retried
	mechSethvargo                 // go-retry: only RetryableError(err) is retried
)

// A mechanism is a call that retries a callback.
type mechanism struct {
	kind mechKind
	name string // for messages: "backoff.Retry"
}

// libKind returns the retry library a package path belongs to.
func libKind(path string) (mechKind, bool) {
	under := func(root string) bool { return path == root || strings.HasPrefix(path, root+"/") }
	switch {
	case under(avastPath):
		return mechAvast, true
	case under(backoffPath):
		return mechBackoff, true
	case under(sethvargoPath):
		return mechSethvargo, true
	}
	return 0, false
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
	return isError(sig.Results().At(sig.Results().Len() - 1).Type())
}

// mechanismOf returns the retry mechanism a call invokes: a function of a
// known retry library that takes a callback returning error, or a function
// whose name says retry.
func (rp *retryPass) mechanismOf(call *ast.CallExpr, fn *types.Func) *mechanism {
	if fn == nil {
		return nil
	}
	if fn.Pkg() != nil {
		if kind, ok := libKind(fn.Pkg().Path()); ok {
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
					return &mechanism{kind: kind, name: fn.Pkg().Name() + "." + fn.Name()}
				}
			}
			return nil
		}
	}
	if saysRetry(fn) {
		return &mechanism{kind: mechNamed, name: fn.Name()}
	}
	return nil
}
