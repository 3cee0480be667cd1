// This file decides whether an errcode comes from an access-token
// endpoint itself. There, a RefreshToken code (40001) means a wrong
// AppSecret, not a stale token: refreshing the token and retrying cannot
// help, so the analyzer gives no such advice.

package retry

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strings"
)

// tokenEndpoints are the paths of the endpoints that hand out a token for
// the AppSecret (or the component AppSecret). Not the endpoints that take
// a component_access_token (api_authorizer_token,
// sns/oauth2/component/access_token): there 40001 may mean that token is
// stale, and a refresh helps.
var tokenEndpoints = []string{
	"cgi-bin/token",                         // access_token
	"cgi-bin/stable_token",                  // stable access_token
	"cgi-bin/component/api_component_token", // component_access_token
	"cgi-bin/gettoken",                      // WeCom access_token
	"sns/oauth2/access_token",               // web authorization: code for access_token
}

// fromTokenEndpoint reports whether a comparison's errcode comes from a
// token endpoint: a constant string of its function names one, or the
// errcode is read from a token response.
func (rp *retryPass) fromTokenEndpoint(cmp *comparison, fc *funcCtx) bool {
	for e := ast.Unparen(cmp.errcode); ; {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			break
		}
		e = ast.Unparen(sel.X)
		if isTokenResponse(rp.info.TypeOf(e)) {
			return true
		}
	}
	body := ast.Node(fc.body)
	if fc.outer != nil {
		body = fc.outer.decl.Body // a literal's URL may be outside it
	}
	return rp.namesTokenEndpoint(body)
}

// namesTokenEndpoint reports whether a function body holds a constant
// string (a literal, a named constant, a format) with a token endpoint.
func (rp *retryPass) namesTokenEndpoint(body ast.Node) bool {
	if named, ok := rp.tokenURLs[body]; ok {
		return named
	}
	named := false
	ast.Inspect(body, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !named {
			if tv, ok := rp.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				named = isTokenURL(constant.StringVal(tv.Value))
				return false // its parts hold no more than it
			}
		}
		return !named
	})
	if rp.tokenURLs == nil {
		rp.tokenURLs = make(map[ast.Node]bool)
	}
	rp.tokenURLs[body] = named
	return named
}

func isTokenURL(s string) bool {
	for _, path := range tokenEndpoints {
		if strings.Contains(s, path) {
			return true
		}
	}
	return false
}

// isTokenResponse reports whether t is (a pointer to) the reply of a
// token endpoint: a struct with an access_token (or
// component_access_token) and an expires_in JSON field, directly or
// through embedded structs.
func isTokenResponse(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	keys := make(map[string]bool)
	jsonKeys(t, keys, 0)
	return (keys["access_token"] || keys["component_access_token"]) && keys["expires_in"]
}

// jsonKeys adds the JSON keys of a struct's fields to keys, following
// embedded structs a few levels down.
func jsonKeys(t types.Type, keys map[string]bool, depth int) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth > 3 {
		return
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		if f.Embedded() && name == "" {
			ft := f.Type()
			if p, ok := ft.Underlying().(*types.Pointer); ok {
				ft = p.Elem()
			}
			jsonKeys(ft, keys, depth+1)
			continue
		}
		if name == "" {
			name = f.Name()
		}
		keys[strings.ToLower(name)] = true
	}
}
