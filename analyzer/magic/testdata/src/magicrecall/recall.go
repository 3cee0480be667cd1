// Package magicrecall holds errcodes that reach a comparison other than
// through a field: a result of a helper with several results, a parameter
// that receives errcodes, and an interface method whose implementations are
// getters.
package magicrecall

import (
	"encoding/json"
	"errors"
	"fmt"

	"magicrecall/sdk"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// sendMessage returns the reply's errcode and errmsg beside an error.
func sendMessage(b []byte) (int, string, error) {
	var r Resp
	if err := json.Unmarshal(b, &r); err != nil {
		return 0, "", err
	}
	return r.ErrCode, r.ErrMsg, nil
}

func notify(b []byte) error {
	code, msg, err := sendMessage(b)
	if err != nil {
		return err
	}
	if code == 40001 { // want `errcode 40001 compared as a magic number; use codes.InvalidCredential`
		return fmt.Errorf("token: %s", msg)
	}
	return nil
}

// toErr receives errcodes only.
func toErr(code int) error {
	switch code {
	case 0:
		return nil
	case 48001: // want `errcode 48001 compared as a magic number; use codes.APIUnauthorized`
		return errors.New("api unauthorized")
	}
	return fmt.Errorf("errcode %d", code)
}

func call(b []byte) error {
	var r Resp
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	return toErr(r.ErrCode)
}

// httpStatus also receives an HTTP status: its parameter is no errcode.
func httpStatus(code int) bool { return code == 404 }

func statuses(r Resp) bool { return httpStatus(r.ErrCode) || httpStatus(500) }

// APIError is implemented by this package's error types, each an errcode
// getter.
type APIError interface {
	Code() int
	Message() string
}

type wxError struct{ Resp }

func (e *wxError) Code() int       { return e.ErrCode }
func (e *wxError) Message() string { return e.ErrMsg }

func isUnauthorized(err APIError) bool {
	return err.Code() == 48001 // want `errcode 48001 compared as a magic number; use codes.APIUnauthorized`
}

// Coder is implemented by wxError and by httpError, whose Code is no
// getter: Coder's Code is no errcode.
type Coder interface {
	Code() int
}

type httpError struct{ status int }

func (e httpError) Code() int { return e.status }

func isNotFound(c Coder) bool { return c.Code() == 404 }

// An errcode copied into a map under another key is still one there.
func viaMap(r Resp) string {
	m := map[string]any{"msg": r.ErrMsg}
	m["code"] = r.ErrCode
	if m["code"] == 45009 { // want `errcode 45009 compared as a magic number; use codes.ReachMaxAPIDailyQuotaLimit`
		return "quota"
	}
	if m["msg"] == "ok" {
		return "ok"
	}
	return ""
}

func viaLiteral(r Resp) bool {
	h := map[string]int{"code": r.ErrCode, "status": 200}
	return h["code"] == 40001 || h["status"] == 404 // want `errcode 40001 compared as a magic number`
}

// The getter fact carries sdk.Send's result 1 across packages.
func sendVia(b []byte) bool {
	_, code, err := sdk.Send(b)
	return err == nil && code == 42001 // want `errcode 42001 compared as a magic number; use codes.AccessTokenExpired`
}

// 40226 is documented on code2Session's page only (codes/perapi.txt).
func loginBlocked(r Resp) bool {
	return r.ErrCode == 40226 // want `errcode 40226 compared as a magic number; use codes.HighRiskUserLoginBlocked`
}
