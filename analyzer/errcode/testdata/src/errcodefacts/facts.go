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

// OrZero returns the errcode or zero (no reply): a getter.
func (e *CommonError) OrZero() int64 { // want OrZero:"errcodeGetter"
	if e == nil {
		return 0
	}
	return e.ErrCode
}

// Mixed returns a status of its own on one path: not a getter.
func (e CommonError) Mixed(ok bool) int64 {
	if ok {
		return 500
	}
	return e.ErrCode
}

// send returns the errcode and errmsg beside an error, zero when the call
// failed before a reply.
func send(fail bool) (int64, string, error) { // want send:"^errcodeGetter$"
	var e CommonError
	if fail {
		return 0, "", nil
	}
	return e.ErrCode, e.ErrMsg, nil
}

// sendNamed returns through named results.
func sendNamed() (msg string, code int64, err error) { // want sendNamed:"errcodeGetter\\(results 1\\)"
	var e CommonError
	code = e.ErrCode
	msg = e.ErrMsg
	return
}

// forward returns send's results as they are.
func forward() (int64, string, error) { return send(false) } // want forward:"^errcodeGetter$"

// fromTuple takes the code out of send's results.
func fromTuple() int64 { // want fromTuple:"errcodeGetter"
	code, _, err := send(true)
	if err != nil {
		return 0
	}
	return code
}

// echo returns its parameter, which every call passes an errcode: a getter.
func echo(code int64) int64 { return code } // want echo:"errcodeGetter"

func useEcho(e CommonError) int64 { return echo(e.ErrCode) + echo(0) }

// status's parameter also receives an HTTP status: no errcode.
func status(code int) int { return code }

func useStatus(e CommonError) int { return status(int(e.ErrCode)) + status(404) }

// escaped is used as a value: its callers are unknown.
func escaped(code int64) int64 { return code }

var escapedValue = escaped

func useEscaped(e CommonError) int64 { return escaped(e.ErrCode) }

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
