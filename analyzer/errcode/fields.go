// Which struct fields are errcode and errmsg fields, and which types are
// WeChat responses (a struct with an errcode field, maybe embedded).

package errcode

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// isErrcodeSelection reports whether a field selection ends at an errcode
// field, looking it up in the struct that declares it.
func (in *Info) isErrcodeSelection(sel *types.Selection) bool {
	field := sel.Obj().(*types.Var)
	if known, ok := in.knownField(field); ok {
		return known
	}
	st := declaringStruct(sel)
	ok := false
	if st != nil {
		for i := range st.NumFields() {
			if st.Field(i) == field {
				ok = in.isErrcodeField(st, i)
				break
			}
		}
	}
	in.setField(field, ok)
	return ok
}

// knownField returns what is known of field f, if anything.
func (in *Info) knownField(f *types.Var) (isErrcode, known bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	isErrcode, known = in.fields[f]
	return isErrcode, known
}

// setField records whether field f is an errcode field.
func (in *Info) setField(f *types.Var, isErrcode bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.fields[f] = isErrcode
}

// declaringStruct follows the selection's path of embedded fields to the
// struct whose field it selects.
func declaringStruct(sel *types.Selection) *types.Struct {
	t := sel.Recv()
	path := sel.Index()
	for i, idx := range path {
		st, ok := derefStruct(t)
		if !ok || idx >= st.NumFields() {
			return nil
		}
		if i == len(path)-1 {
			return st
		}
		t = st.Field(idx).Type()
	}
	return nil
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// isErrcodeField reports whether field i of st is an errcode field.
func (in *Info) isErrcodeField(st *types.Struct, i int) bool {
	f := st.Field(i)
	t := f.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if !isNumeric(t) {
		return false
	}
	if in.extra[strings.ToLower(f.Name())] {
		return true
	}
	for _, name := range tagNames(st.Tag(i)) {
		if strings.EqualFold(name, "errcode") || in.extra[strings.ToLower(name)] {
			return true
		}
	}
	if f.Name() != "ErrCode" && f.Name() != "Errcode" {
		return false
	}
	for j := range st.NumFields() {
		if isErrmsgField(st, j) {
			return true
		}
	}
	return false
}

// IsResponseType reports whether t (or what it points to) is a struct with
// an errcode field, declared in it or promoted from an embedded struct.
func (in *Info) IsResponseType(t types.Type) bool {
	return in.responseField(t, 0) != nil
}

// ErrcodeField returns the errcode field of response type t, or nil.
func (in *Info) ErrcodeField(t types.Type) *types.Var { return in.responseField(t, 0) }

func (in *Info) responseField(t types.Type, depth int) *types.Var {
	st, ok := derefStruct(t)
	if !ok || depth > 4 {
		return nil
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if isErrcode, known := in.knownField(f); known && isErrcode {
			return f
		}
		if in.isErrcodeField(st, i) {
			in.setField(f, true)
			return f
		}
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Embedded() {
			if found := in.responseField(f.Type(), depth+1); found != nil {
				return found
			}
		}
	}
	return nil
}

func isErrmsgField(st *types.Struct, i int) bool {
	f := st.Field(i)
	if f.Name() == "ErrMsg" || f.Name() == "Errmsg" {
		return true
	}
	for _, name := range tagNames(st.Tag(i)) {
		if strings.EqualFold(name, "errmsg") {
			return true
		}
	}
	return false
}

// tagNames returns the name part of every key:"value" pair of a struct tag.
func tagNames(tag string) []string {
	var names []string
	for tag != "" {
		tag = strings.TrimLeft(tag, " ")
		i := strings.IndexByte(tag, ':')
		if i <= 0 || i+1 >= len(tag) || tag[i+1] != '"' {
			break
		}
		rest := tag[i+1:]
		j := 1
		for j < len(rest) && rest[j] != '"' {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(rest) {
			break
		}
		value, err := strconv.Unquote(rest[:j+1])
		if err != nil {
			break
		}
		name, _, _ := strings.Cut(value, ",")
		names = append(names, name)
		tag = rest[j+1:]
	}
	return names
}

func isNumeric(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat) != 0
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsErrmsg reports whether e selects the errmsg field (tag errmsg, or named
// ErrMsg or Errmsg) of a WeChat response type: code that reads it, as in
// resp.ErrMsg != "ok", looks at the call's outcome.
func (in *Info) IsErrmsg(e ast.Expr) bool {
	se, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel, ok := in.info.Selections[se]
	if !ok || sel.Kind() != types.FieldVal || !in.IsResponseType(sel.Recv()) {
		return false
	}
	st := declaringStruct(sel)
	if st == nil {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i) == sel.Obj() {
			return isErrmsgField(st, i)
		}
	}
	return false
}
