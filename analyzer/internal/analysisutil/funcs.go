// This file decides how a flag names functions of other modules that the
// checks cannot read: a third-party helper that checks an errcode or
// retries, declared by the user instead of by a marker in its source.

package analysisutil

import (
	"go/types"
	"slices"
	"strings"
)

// FuncList is a flag.Value holding functions named by their import path:
// "example.com/sdk.CheckResp" for a function, "example.com/sdk.Client.Do"
// (or "example.com/sdk.(*Client).Do") for a method, comma-separated.
type FuncList map[string]bool

func (l *FuncList) String() string {
	if l == nil || *l == nil {
		return ""
	}
	names := make([]string, 0, len(*l))
	for name := range *l {
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// Set replaces the list with the comma-separated names of s.
func (l *FuncList) Set(s string) error {
	m := make(FuncList)
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			m[normalizeFuncName(name)] = true
		}
	}
	*l = m
	return nil
}

// Has reports whether fn is in the list.
func (l FuncList) Has(fn *types.Func) bool {
	if len(l) == 0 || fn == nil || fn.Pkg() == nil {
		return false
	}
	return l[FuncName(fn)]
}

// FuncName returns the name of fn as a FuncList spells it:
// "path.Func" or "path.Type.Method".
func FuncName(fn *types.Func) string {
	fn = fn.Origin()
	name := fn.Pkg().Path() + "."
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name += n.Obj().Name() + "."
		}
	}
	return name + fn.Name()
}

// normalizeFuncName turns "path.(*Type).Method" into "path.Type.Method".
func normalizeFuncName(name string) string {
	return strings.NewReplacer("(*", "", ")", "").Replace(name)
}
