package errcodefacts // want package:"wechatCandidate"

import "errcodefacts/wecomsdk"

type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func (e *CommonError) GetErrCode() int64 { return e.ErrCode } // want GetErrCode:"errcodeGetter"

func (e CommonError) Code() int { // want Code:"errcodeGetter"
	c := int(e.ErrCode)
	return c
}

// Branchy returns the errcode on every path.
func (e CommonError) Branchy(fallback bool) int64 { // want Branchy:"errcodeGetter"
	if fallback {
		return e.GetErrCode()
	}
	return e.ErrCode
}

// Mixed does not always return the errcode: not a getter.
func (e CommonError) Mixed(ok bool) int64 {
	if ok {
		return 0
	}
	return e.ErrCode
}

func usesWeCom() { // want usesWeCom:"callsWeCom"
	wecomsdk.Indirect()
}

func notWeCom() { wecomsdk.Unrelated() }

// A chain of getters declared callers first: each link is found only after
// the one it calls.
func (e CommonError) Chain3() int64 { return e.Chain2() } // want Chain3:"errcodeGetter"

func (e CommonError) Chain2() int64 { // want Chain2:"errcodeGetter"
	code := e.Chain1()
	return code
}

func (e CommonError) Chain1() int64 { return e.ErrCode } // want Chain1:"errcodeGetter"
