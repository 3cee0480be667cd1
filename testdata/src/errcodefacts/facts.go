package errcodefacts

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
