package unseencheck // want package:"wechat"

// Package unseencheck guards issue 13, item 1: where a response goes to
// code whose effect is unknown, its errcode may be checked there. No fact
// that makes callers report (returnsUnchecked) may rest on such a guess.

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type User struct {
	Resp
	Name string `json:"name"`
}

// check looks at the errcode by a type assertion and by reflection on an
// any it did not decode itself.
func check(v any) error {
	if r, ok := v.(*Resp); ok && r.ErrCode != 0 {
		return fmt.Errorf("%d %s", r.ErrCode, r.ErrMsg)
	}
	f := reflect.ValueOf(v).Elem().FieldByName("Resp")
	if f.IsValid() && f.Interface().(Resp).ErrCode != 0 {
		return errors.New("wechat error")
	}
	return nil
}

func retry(fn func() error) error { return fn() }

// get decodes in a callback and checks through check: it earns no fact.
func get(b []byte, out any) error {
	return retry(func() error {
		if err := json.Unmarshal(b, out); err != nil {
			return err
		}
		return check(out)
	})
}

// GetUser hands &u to get, of unknown effect: no returnsUnchecked.
func GetUser(b []byte) (*User, error) {
	var u User
	if err := get(b, &u); err != nil {
		return nil, err
	}
	return &u, nil
}

func Name(b []byte) string {
	u, err := GetUser(b)
	if err != nil {
		return ""
	}
	return u.Name
}

// An interface call on a pointer to the value: the transport may check.
type Transport interface {
	Do(api string, out any) error
}

func ViaInterface(t Transport) (*User, error) {
	var u User
	err := t.Do("user", &u)
	return &u, err
}

// A callback given the value's address: it may check.
func ViaCallback(fill func(*User) error) (User, error) {
	var u User
	err := fill(&u)
	return u, err
}

// An any holding the value, given to code of unknown effect.
func ViaAny(b []byte, hook func(any)) (*User, error) {
	var u User
	if err := json.Unmarshal(b, &u); err != nil {
		return nil, err
	}
	var v any = &u
	hook(v)
	return &u, nil
}

// A type assertion on the value: the errcode may be read through it.
func ViaAssertion(b []byte) (*User, error) {
	var u User
	err := json.Unmarshal(b, &u)
	if e, ok := any(&u).(interface{ Err() error }); ok {
		return nil, e.Err()
	}
	return &u, err
}

// Reflection over the value.
func ViaReflection(b []byte) (*User, error) { // want ViaReflection:"checker\\(0\\)"
	u := new(User)
	err := json.Unmarshal(b, u)
	if reflect.ValueOf(u).Elem().FieldByName("ErrCode").Int() != 0 {
		return nil, errors.New("wechat error")
	}
	return u, err
}

// Provably unchecked: decoded and returned, nothing else sees it.
func Unchecked(b []byte) (*User, error) { // want Unchecked:"returnsUnchecked\\(0\\)"
	var u User
	err := json.Unmarshal(b, &u)
	return &u, err
}

// In place, the same guesses stay silent.
func inPlace(b []byte, t Transport, fill func(*User) error) string {
	var u, v User
	_ = t.Do("user", &u)
	_ = fill(&v)
	return u.Name + v.Name
}
