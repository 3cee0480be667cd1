package magic

import (
	"encoding/json"
	"net/http"

	"magic/sdk"
)

type tokenResp struct {
	ErrCode     int    `json:"errcode"`
	ErrMsg      string `json:"errmsg"`
	AccessToken string `json:"access_token"`
}

type int64Resp struct {
	Code int64 `json:"errcode,omitempty"`
}

type customTag struct {
	Code int32 `wx:"ErrCode"`
}

type floatResp struct {
	Errcode float64
	Errmsg  string
}

type ptrResp struct {
	ErrCode *int   `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// notWeChat has a Code field and an ErrCode field without errmsg: not errcodes.
type notWeChat struct {
	Code       int `json:"code"`
	ErrCode    int
	StatusCode int
}

type named int

type uint32Resp struct {
	ErrCode uint32 `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type namedResp struct {
	ErrCode named  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func plain(r tokenResp) {
	if r.ErrCode == 40001 { // want `errcode 40001 compared as a magic number; use codes.InvalidCredential \(invalid credential, access_token is invalid or not latest; 获取 access_token 时 AppSecret 错误.*\)`
	}
	if r.ErrCode != 42001 { // want `errcode 42001 compared as a magic number; use codes.AccessTokenExpired \(access_token expired`
	}
	if 45011 == r.ErrCode { // want `errcode 45011 compared as a magic number; use codes\.`
	}
	if r.ErrCode == -1 { // want `errcode -1 compared as a magic number; use codes.SystemError \(system error; 系统繁忙`
	}
	if r.ErrCode == (40014) { // want `errcode 40014 compared as a magic number; use codes.InvalidAccessToken`
	}
	if r.ErrCode == 0 { // the success check: not reported by default
	}
	if r.ErrCode == 40010 { // want `errcode 40010 compared as a magic number`
	}
}

// unknown compares with codes the table does not hold.
func unknown(r tokenResp) {
	// A slip of 45011: no documented code has five digits and starts with 1.
	switch r.ErrCode {
	case 15011: // want `errcode 15011 is not a documented WeChat errcode \(a typo\?\); nearest documented: 45011 \(APIMinuteQuotaReachLimit\)`
	}
	if r.ErrCode == 400001 { // want `errcode 400001 is not a documented WeChat errcode \(a typo\?\); nearest documented: 40001 \(InvalidCredential\), 300001 \(\w+\), 600001 \(\w+\)`
	}
	// Codes the table does not hold (some API's page may document them):
	// not typos.
	if r.ErrCode == 40228 {
	}
	if r.ErrCode == 76003 { // openapi: cgi_path not found
	}
	if r.ErrCode == 44444 || r.ErrCode == -3 || r.ErrCode == 1 || r.ErrCode == 4001 {
	}
}

func embedded(r *sdk.TicketResp) {
	if r.ErrCode == 42001 { // want `errcode 42001 compared`
	}
	if r.CommonError.ErrCode == 40001 { // want `errcode 40001 compared`
	}
	if r.GetErrCode() == 40001 { // want `errcode 40001 compared`
	}
	if r.Code() == 40001 { // want `errcode 40001 compared`
	}
	if r.ErrCode == sdk.ErrCodeInvalidCredential { // a named constant: not reported
	}
}

func types(a int64Resp, b customTag, c floatResp, d ptrResp, e namedResp, f uint32Resp) {
	if f.ErrCode == 45009 { // want `errcode 45009 compared as a magic number; use codes.ReachMaxAPIDailyQuotaLimit`
	}
	if a.Code == 40001 { // want `errcode 40001 compared`
	}
	if b.Code == 40001 { // want `errcode 40001 compared`
	}
	if c.Errcode == 40001 { // want `errcode 40001 compared`
	}
	if d.ErrCode != nil && *d.ErrCode == 40001 { // want `errcode 40001 compared`
	}
	if e.ErrCode == 40001 { // want `errcode 40001 compared`
	}
	if int(a.Code) == int(40001) { // want `errcode 40001 compared`
	}
}

func switches(r tokenResp) {
	switch r.ErrCode {
	case 0:
	case 40001, 40014, 42001: // want `use codes.InvalidCredential` `use codes.InvalidAccessToken` `use codes.AccessTokenExpired`
	case -1: // want `use codes.SystemError`
	case sdk.ErrCodeInvalidCredential + 1:
	}
	switch {
	case r.ErrCode == 45009: // want `use codes.ReachMaxAPIDailyQuotaLimit`
	}
}

func locals(body []byte) error {
	var r tokenResp
	if err := json.Unmarshal(body, &r); err != nil {
		return err
	}
	code := r.ErrCode
	if code == 40001 { // want `errcode 40001 compared`
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	if m["errcode"].(float64) == 40001 { // want `errcode 40001 compared`
	}
	if c, ok := m["errcode"].(float64); ok && c == 42001 { // want `errcode 42001 compared`
	}
	if int(m["errcode"].(float64)) == -1 { // want `errcode -1 compared`
	}
	if m["other"].(float64) == 40001 { // not an errcode key
	}
	return nil
}

func notErrcodes(n notWeChat, resp *http.Response) {
	if n.Code == 40001 || n.ErrCode == 40001 || n.StatusCode == 404 {
	}
	if resp.StatusCode == 200 || resp.StatusCode == 40001 {
	}
	x := 40001
	if x == 40001 {
	}
}

func ignored(r tokenResp) {
	//wxerrlint:ignore errcodemagic kept literal to match the API docs
	if r.ErrCode == 40001 {
	}
	if r.ErrCode == 42001 { //wxerrlint:ignore errcoderetry,errcodemagic reason
	}
	//wxerrlint:ignore errcoderetry only another check
	if r.ErrCode == 40014 { // want `use codes.InvalidAccessToken`
	}
}
