package payloadcheck // want package:"wechat"

// Package payloadcheck guards issue 13, item 4: WeChat sends the payload
// only on success, so a branch on its emptiness that fails the call
// (returns a non-nil error, or panics) fails it whenever WeChat answers
// with an error. It counts as a check.

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
)

var ErrNoToken = errors.New("no access token")

type TokenResp struct {
	ErrCode     int    `json:"errcode"`
	ErrMsg      string `json:"errmsg"`
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
	Data        struct {
		List []string `json:"list"`
	} `json:"data"`
}

type Token struct {
	Value string
	TTL   int
}

func errorf(body []byte) (*Token, error) { // want errorf:"checker\\(0\\)"
	var r TokenResp
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, err
	}
	if r.AccessToken == "" {
		return nil, fmt.Errorf("token failed")
	}
	return &Token{r.AccessToken, r.ExpiresIn}, nil
}

func sentinel(body []byte) (string, error) { // want sentinel:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	if (r.AccessToken == "") || r.ExpiresIn == 0 {
		return "", ErrNoToken
	}
	return r.AccessToken, nil
}

func lenZero(body []byte) ([]string, error) { // want lenZero:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	if len(r.Data.List) == 0 {
		err := errors.New("empty list")
		return nil, err
	}
	return r.Data.List, nil
}

func panics(body []byte) string { // want panics:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	if r.AccessToken == "" {
		panic("no token")
	}
	return r.AccessToken
}

func fatal(body []byte) string { // want fatal:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	if "" == r.AccessToken {
		log.Fatal("no token")
	}
	return r.AccessToken
}

// The non-empty branch succeeds, the code after it fails.
func fallThrough(body []byte) (string, error) { // want fallThrough:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	if r.AccessToken != "" && r.ExpiresIn > 0 {
		return r.AccessToken, nil
	}
	return "", errors.New("no token")
}

func elseFails(body []byte) (string, error) { // want elseFails:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	if len(r.Data.List) > 0 {
		log.Print("ok")
	} else {
		return "", errors.New("empty")
	}
	return r.AccessToken, nil
}

// Returning a nil error on an empty payload does not fail the call.
func nilError(body []byte) (string, error) {
	var r TokenResp
	_ = json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if r.AccessToken == "" {
		return "", nil
	}
	return r.AccessToken, nil
}

// err is nil when the decode worked and the token is empty.
func errOrEmpty(body []byte) (string, error) {
	var r TokenResp
	err := json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if err != nil || r.AccessToken == "" {
		return "", err
	}
	return r.AccessToken, nil
}

// Both must be empty for the branch: an empty token alone may pass.
func both(body []byte) (string, error) {
	var r TokenResp
	_ = json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if r.AccessToken == "" && len(r.Data.List) == 0 {
		return "", errors.New("empty")
	}
	return r.AccessToken, nil
}

// A function with no error result cannot fail the call by returning.
func noError(body []byte) string {
	var r TokenResp
	_ = json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if r.AccessToken == "" {
		return "none"
	}
	return r.AccessToken
}

// A branch that does something else and goes on does not fail the call.
func logsOnly(body []byte) string {
	var r TokenResp
	_ = json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if r.AccessToken == "" {
		log.Print("empty token")
	}
	return r.AccessToken
}

// Inside a closure, the closure's own results decide.
func inClosure(body []byte) func() error { // want inClosure:"checker\\(0\\)"
	var r TokenResp
	_ = json.Unmarshal(body, &r)
	return func() error {
		if r.AccessToken == "" {
			return errors.New("no token")
		}
		return nil
	}
}

// The error goes to a named result and a bare return fails the call
// (fastwego/offiaccount refreshAccessTokenFromWXServer).
func namedResult(body []byte) (token string, expiresIn int, err error) { // want namedResult:"checker\\(0\\)"
	var r struct {
		AccessToken string  `json:"access_token"`
		ExpiresIn   int     `json:"expires_in"`
		Errcode     float64 `json:"errcode"`
		Errmsg      string  `json:"errmsg"`
	}
	err = json.Unmarshal(body, &r)
	if err != nil {
		err = fmt.Errorf("unmarshal: %s", body)
		return
	}
	if r.AccessToken == "" {
		log.Print("no token")
		err = fmt.Errorf("%s", body)
		return
	}
	return r.AccessToken, r.ExpiresIn, nil
}

// The named error is set to nil before the bare return: the call passes.
func namedNil(body []byte) (token string, err error) {
	var r TokenResp
	err = json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if r.AccessToken == "" {
		err = errors.New("no token")
		err = nil
		return
	}
	return r.AccessToken, nil
}

// A bare return with the named error untouched returns the nil error of
// the decode that worked.
func namedUntouched(body []byte) (token string, err error) {
	var r TokenResp
	err = json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if err != nil || r.AccessToken == "" {
		return
	}
	return r.AccessToken, nil
}

// The named error is set to the error the condition tests: nil when only
// the token is empty.
func namedTested(body []byte) (token string, err error) {
	var r TokenResp
	e := json.Unmarshal(body, &r) // want `errcode of r \(TokenResp\) is never checked`
	if e != nil || r.AccessToken == "" {
		err = e
		return
	}
	return r.AccessToken, nil
}
