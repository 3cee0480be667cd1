// Package retrynostrict holds generic failure checks that only -strict
// reports: without it, nothing here is reported.
package retrynostrict

import "fmt"

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func call() *Resp { return &Resp{} }

func GetUser() error {
	resp := call()
	if resp.ErrCode != 0 {
		return fmt.Errorf("GetUser: errcode=%d errmsg=%s", resp.ErrCode, resp.ErrMsg)
	}
	return nil
}

func Menu() error {
	if resp := call(); resp.ErrCode == 0 {
		return nil
	} else {
		return fmt.Errorf("Menu: %s", resp.ErrMsg)
	}
}
