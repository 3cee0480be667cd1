package unchecked // want package:"wechat"

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"net/http"
	"reflect"

	"unchecked/jsonlib"
	"unchecked/sdk"
)

// Functions below that decode their body parameter and check the errcode
// earn checker(0): the errcode of that body is checked, which covers other
// decodes of it in their callers.

type TicketResp struct {
	ErrCode   int    `json:"errcode"`
	ErrMsg    string `json:"errmsg"`
	Ticket    string `json:"ticket"`
	ExpiresIn int    `json:"expires_in"`
}

type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Err checks through a pointer receiver.
func (e *CommonError) Err() error { // want Err:"checker\\(recv\\)"
	if e.ErrCode != 0 {
		return fmt.Errorf("errcode %d: %s", e.ErrCode, e.ErrMsg)
	}
	return nil
}

type UserResp struct {
	CommonError
	OpenID string `json:"openid"`
}

// Check checks through a value receiver.
func (r TicketResp) Check() error { // want Check:"checker\\(recv\\)"
	if r.ErrCode != 0 {
		return fmt.Errorf("errcode %d", r.ErrCode)
	}
	return nil
}

// Valid reads no errcode: calling it is no check.
func (r *TicketResp) Valid() bool { return r.Ticket != "" }

func plain(body []byte) (string, error) {
	var resp TicketResp
	if err := json.Unmarshal(body, &resp); err != nil { // want `^errcode of resp \(TicketResp\) is never checked; a failed WeChat call will pass as success: check resp.ErrCode before using resp.Ticket, resp.ExpiresIn$`
		return "", err
	}
	return fmt.Sprint(resp.Ticket, resp.ExpiresIn), nil
}

func plainChecked(body []byte) (string, error) { // want plainChecked:"checker\\(0\\)"
	var resp TicketResp
	if err := json.Unmarshal(body, &resp); err != nil {
		return "", err
	}
	if resp.ErrCode != 0 {
		return "", fmt.Errorf("ticket: %s", resp.ErrMsg)
	}
	return resp.Ticket, nil
}

func unused(body []byte) error {
	var resp TicketResp
	return json.Unmarshal(body, &resp) // want `^errcode of resp \(TicketResp\) is never checked; a failed WeChat call will pass as success: check resp.ErrCode$`
}

func embedded(body []byte) string {
	u := new(UserResp)
	_ = json.Unmarshal(body, u) // want `errcode of u \(UserResp\) is never checked; .*: check u.ErrCode before using u.OpenID`
	return u.OpenID
}

func embeddedChecked(body []byte) (string, error) { // want embeddedChecked:"checker\\(0\\)"
	var u UserResp
	if err := json.Unmarshal(body, &u); err != nil {
		return "", err
	}
	if u.CommonError.ErrCode != 0 {
		return "", fmt.Errorf("user: %d", u.ErrCode)
	}
	return u.OpenID, nil
}

// pointerMethod checks through the embedded *CommonError method Err.
func pointerMethod(body []byte) (string, error) { // want pointerMethod:"checker\\(0\\)"
	var u UserResp
	if err := json.Unmarshal(body, &u); err != nil {
		return "", err
	}
	if err := u.Err(); err != nil {
		return "", err
	}
	return u.OpenID, nil
}

func valueMethod(body []byte) (string, error) { // want valueMethod:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return t.Ticket, t.Check()
}

func nonCheckingMethod(body []byte) string {
	var t TicketResp
	_ = json.Unmarshal(body, &t) // want `errcode of t \(TicketResp\) is never checked`
	if !t.Valid() {
		return ""
	}
	return t.Ticket
}

func decoder(r *http.Response) (string, error) {
	var t TicketResp
	if err := json.NewDecoder(r.Body).Decode(&t); err != nil { // want `errcode of t \(TicketResp\) is never checked; .*before using t.Ticket`
		return "", err
	}
	return t.Ticket, nil
}

func decoderChecked(r *http.Response) (string, error) {
	var t TicketResp
	if err := json.NewDecoder(r.Body).Decode(&t); err != nil {
		return "", err
	}
	switch t.ErrCode {
	case 0:
		return t.Ticket, nil
	}
	return "", fmt.Errorf("ticket: %s", t.ErrMsg)
}

func xmlDecode(body []byte) string {
	var t TicketResp
	_ = xml.Unmarshal(body, &t) // want `errcode of t \(TicketResp\) is never checked`
	return t.Ticket
}

// Checked on one branch only: the analysis is flow-insensitive, the read
// counts, nothing is reported (a bug it misses).
func oneBranch(body []byte, strict bool) string { // want oneBranch:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	if strict && t.ErrCode != 0 {
		return ""
	}
	return t.Ticket
}

func errmsg(body []byte) string { // want errmsg:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	if t.ErrMsg != "ok" {
		return ""
	}
	return t.Ticket
}

func reflection(body []byte) string { // want reflection:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	if reflect.ValueOf(&t).Elem().Field(0).Int() != 0 {
		return ""
	}
	return t.Ticket
}

func logged(body []byte) string {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	log.Printf("ticket response: %+v", t)
	return t.Ticket
}

// Writing the errcode is no read of it.
func written(body []byte) string {
	var t TicketResp
	_ = json.Unmarshal(body, &t) // want `errcode of t \(TicketResp\) is never checked`
	t.ErrCode = 0
	return t.Ticket
}

func alias(body []byte) string { // want alias:"checker\\(0\\)"
	var t TicketResp
	p := &t
	_ = json.Unmarshal(body, p)
	if p.ErrCode != 0 {
		return ""
	}
	return t.Ticket
}

func anonymous(body []byte) []string {
	var result struct {
		CommonError
		Tags []string `json:"tags"`
	}
	_ = json.Unmarshal(body, &result) // want `errcode of result \(struct\{…\}\) is never checked; .*before using result.Tags`
	return result.Tags
}

// The raw body's errcode is checked through another response.
func commonFirst(body []byte) string { // want commonFirst:"checker\\(0\\)"
	var ce CommonError
	if json.Unmarshal(body, &ce) == nil && ce.ErrCode != 0 {
		return ""
	}
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return t.Ticket
}

// The raw body's errcode is checked by a checker in another package.
func bodyChecker(body []byte) string { // want bodyChecker:"checker\\(0\\)"
	if err := sdk.DecodeWithCommonError(body, "ticket"); err != nil {
		return ""
	}
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return t.Ticket
}

// getChecked checks the common error of the body before decoding into
// out: a checker, not a decoder.
func getChecked(body []byte, out any) error { // want getChecked:"checker\\(0, 1\\)"
	var ce CommonError
	if err := json.Unmarshal(body, &ce); err != nil {
		return err
	}
	if err := ce.Err(); err != nil {
		return err
	}
	return json.Unmarshal(body, out)
}

func decode(body []byte, out any) error { // want decode:"decoder\\(1 from 0\\)"
	if out == nil {
		return nil
	}
	return json.Unmarshal(body, out)
}

func viaLocalWrappers(body []byte) (string, string) { // want viaLocalWrappers:"checker\\(0\\)"
	var a, b TicketResp
	_ = decode(body, &a) // want `errcode of a \(TicketResp\) is never checked`
	_ = getChecked(body, &b)
	return a.Ticket, b.Ticket
}

// A method that decodes into its receiver.
func (r *TicketResp) Load(body []byte) error { // want Load:"decoder\\(recv from 0\\)"
	return json.Unmarshal(body, r)
}

func viaLoad(body []byte) string {
	var t TicketResp
	_ = t.Load(body) // want `errcode of t \(TicketResp\) is never checked`
	return t.Ticket
}

func fetch(body []byte) (*TicketResp, error) { // want fetch:"returnsUnchecked\\(0\\)"
	t := new(TicketResp)
	err := json.Unmarshal(body, t)
	return t, err
}

func fetchNamed(body []byte) (t TicketResp, err error) { // want fetchNamed:"returnsUnchecked\\(0\\)"
	err = json.Unmarshal(body, &t)
	return
}

func passOn(body []byte) (*TicketResp, error) { // want passOn:"returnsUnchecked\\(0\\)"
	return fetch(body)
}

func caller(body []byte) string {
	t, _ := passOn(body) // want `errcode of t \(TicketResp\), returned by passOn, is never checked; .*before using t.Ticket`
	return t.Ticket
}

func callerChecks(body []byte) (string, error) {
	t, err := fetchNamed(body)
	if err != nil {
		return "", err
	}
	if err := t.Check(); err != nil {
		return "", err
	}
	return t.Ticket, nil
}

func dropped(body []byte) error {
	_, err := fetch(body) // want `errcode of the TicketResp returned by fetch is never checked, the result is dropped; a failed WeChat call will pass as success: keep the result and check its ErrCode`
	return err
}

func getJSON[T any](body []byte) (T, error) { // want getJSON:"returnsUnchecked\\(0\\)"
	var out T
	err := json.Unmarshal(body, &out)
	return out, err
}

type plainData struct {
	Name string `json:"name"`
}

func generic(body []byte) (string, string) {
	t, _ := getJSON[TicketResp](body) // want `errcode of t \(TicketResp\), returned by getJSON, is never checked`
	p, _ := getJSON[plainData](body)
	return t.Ticket, p.Name
}

// Failed checks in a way the analysis does not see: this API sends a
// ticket only on success.
//
//wxerrlint:checks-errcode
func (r *TicketResp) Failed() bool { // want Failed:"checker\\(recv\\)"
	return r.Ticket == ""
}

func marker(body []byte) string { // want marker:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	if t.Failed() {
		return ""
	}
	return t.Ticket
}

// Save hands its receiver to code the analysis cannot see: a possible
// check for its callers.
func (r *TicketResp) Save() error { // want Save:"checker\\(recv\\)"
	return store(r)
}

var store = func(v any) error { return nil }

func saved(body []byte) error { // want saved:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return t.Save()
}

// markedGet checks in a way the analysis does not see.
//
//wxerrlint:checks-errcode
func markedGet(body []byte, out any) error { // want markedGet:"checker\\(0, 1\\)"
	return json.Unmarshal(body, out)
}

func viaMarked(body []byte) string { // want viaMarked:"checker\\(0\\)"
	var t TicketResp
	_ = markedGet(body, &t)
	return t.Ticket
}

// Escapes: assume the errcode is checked where the value goes.

type holder struct {
	resp  TicketResp
	resps []*TicketResp
}

var last *TicketResp

func escapeField(h *holder, body []byte) {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	h.resp = t
}

func escapeGlobal(body []byte) {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	last = &t
}

func escapeSlice(h *holder, body []byte) {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	h.resps = append(h.resps, &t)
}

func escapeChan(ch chan<- TicketResp, body []byte) {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	ch <- t
}

func escapeInterface(body []byte) any {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return t
}

func escapeLiteral(body []byte) holder {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return holder{resp: t}
}

func escapeCall(body []byte, store func(*TicketResp)) {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	store(&t)
}

// A closure is part of the function: its reads count.
func closureChecks(body []byte) func() bool { // want closureChecks:"checker\\(0\\)"
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return func() bool { return t.ErrCode == 0 }
}

func closureReturns(body []byte) func() TicketResp {
	var t TicketResp
	_ = json.Unmarshal(body, &t)
	return func() TicketResp { return t }
}

func closureUses(body []byte) func() string {
	var t TicketResp
	_ = json.Unmarshal(body, &t) // want `errcode of t \(TicketResp\) is never checked`
	return func() string { return t.Ticket }
}

func closureParam(body []byte) {
	f := func(t *TicketResp) string {
		_ = json.Unmarshal(body, t)
		return t.Ticket
	}
	_ = f
}

func ignored(body []byte) string {
	var t TicketResp
	_ = json.Unmarshal(body, &t) //wxerrlint:ignore errcodeunchecked the caller checks the ticket format
	return t.Ticket
}

// Not WeChat responses: never reported.

type notWeChat struct {
	Code    int `json:"code"`
	ErrCode int // no errmsg beside it
	Data    string
}

func nonWeChat(body []byte) (string, map[string]any) {
	var n notWeChat
	_ = json.Unmarshal(body, &n)
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	var p plainData
	_ = json.Unmarshal(body, &p)
	return n.Data + p.Name, m
}

func otherLibraries(body []byte, s string) (string, string, string) {
	var a, b, c TicketResp
	_ = jsonlib.Unmarshal(body, &a)                                     // want `errcode of a \(TicketResp\) is never checked`
	_ = jsonlib.ConfigCompatibleWithStandardLibrary.Unmarshal(body, &b) // want `errcode of b \(TicketResp\) is never checked`
	var api jsonlib.API = jsonlib.ConfigCompatibleWithStandardLibrary
	_ = api.UnmarshalFromString(s, &c) // want `errcode of c \(TicketResp\) is never checked`
	return a.Ticket, b.Ticket, c.Ticket
}
