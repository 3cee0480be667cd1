// This file tests the token-endpoint rule and the token words.

package retry

import (
	"go/token"
	"go/types"
	"testing"
)

// The token-endpoint rule's table: where 40001 means a wrong AppSecret
// (no refresh advice) and where it means a stale token.
func TestIsTokenURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
		why  string
	}{
		{"https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=%s&secret=%s", true, "the access_token endpoint"},
		{"https://api.weixin.qq.com/cgi-bin/stable_token", true, "the stable access_token endpoint"},
		{"https://api.weixin.qq.com/cgi-bin/component/api_component_token", true, "component_access_token for the component AppSecret"},
		{"https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=%s&corpsecret=%s", true, "WeCom's access_token endpoint"},
		{"https://api.weixin.qq.com/sns/oauth2/access_token?appid=%s&code=%s", true, "web authorization: a code for an access_token"},
		{"https://api.weixin.qq.com/cgi-bin/component/api_authorizer_token?component_access_token=%s", false, "takes a component_access_token, which may be stale"},
		{"https://api.weixin.qq.com/sns/oauth2/component/access_token", false, "the component's web authorization takes a component_access_token"},
		{"https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=%s", false, "access_token as a parameter: an ordinary API"},
		{"https://api.weixin.qq.com/cgi-bin/ticket/getticket?access_token=%s&type=jsapi", false, "a ticket is fetched with a token, which may be stale"},
	} {
		if got := isTokenURL(tc.url); got != tc.want {
			t.Errorf("isTokenURL(%q) = %v, want %v (%s)", tc.url, got, tc.want, tc.why)
		}
	}
}

func TestIsTokenResponse(t *testing.T) {
	pkg := types.NewPackage("p", "p")
	str, num := types.Typ[types.String], types.Typ[types.Int]
	field := func(name string, typ types.Type, embedded bool) *types.Var {
		return types.NewField(token.NoPos, pkg, name, typ, embedded)
	}
	named := func(name string, st *types.Struct) *types.Named {
		return types.NewNamed(types.NewTypeName(token.NoPos, pkg, name, nil), st, nil)
	}
	tokenReply := types.NewStruct(
		[]*types.Var{field("AccessToken", str, false), field("ExpiresIn", num, false)},
		[]string{`json:"access_token"`, `json:"expires_in"`})
	base := named("Base", types.NewStruct(
		[]*types.Var{field("ErrCode", num, false), field("ExpiresIn", num, false)},
		[]string{`json:"errcode"`, `json:"expires_in"`}))
	for _, tc := range []struct {
		name string
		t    types.Type
		want bool
		why  string
	}{
		{"access_token and expires_in", tokenReply, true, "the token endpoint's reply"},
		{"pointer", types.NewPointer(named("Reply", tokenReply)), true, "a pointer to the reply"},
		{"component", types.NewStruct(
			[]*types.Var{field("Token", str, false), field("Expires", num, false)},
			[]string{`json:"component_access_token"`, `json:"expires_in"`}), true, "the component token's reply"},
		{"embedded", types.NewStruct(
			[]*types.Var{field("Base", base, true), field("AccessToken", str, false)},
			[]string{"", `json:"access_token"`}), true, "expires_in promoted from an embedded struct"},
		{"no expires_in", types.NewStruct(
			[]*types.Var{field("AccessToken", str, false)},
			[]string{`json:"access_token"`}), false, "an access_token alone (a reply that echoes one) is no token reply"},
		{"Go names only", types.NewStruct(
			[]*types.Var{field("Access_Token", str, false), field("Expires_In", num, false)},
			nil), true, "without tags, the Go names are the JSON keys, compared without case"},
		{"not a struct", str, false, "a string"},
	} {
		if got := isTokenResponse(tc.t); got != tc.want {
			t.Errorf("isTokenResponse(%s) = %v, want %v (%s)", tc.name, got, tc.want, tc.why)
		}
	}
}

func TestMentionsToken(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
		why  string
	}{
		{"accessToken", true, "the token itself"},
		{"JsapiTicket", true, "a ticket is refreshed as a token is"},
		{"CredentialCache", true, "WeChat calls the grant client_credential"},
		{"cache", false, "a cache of anything"},
		{"tok", false, "abbreviations are not guessed"},
	} {
		if got := mentionsToken(tc.name); got != tc.want {
			t.Errorf("mentionsToken(%q) = %v, want %v (%s)", tc.name, got, tc.want, tc.why)
		}
	}
}
