package sdk // want package:"wechatCandidate"

// sdk returns errcodes from its API, not responses.

import "encoding/json"

type reply struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Send returns the reply's errcode and errmsg, or zero and an error.
func Send(b []byte) (msg string, code int, err error) { // want Send:"errcodeGetter\\(results 1\\)"
	var r reply
	if err = json.Unmarshal(b, &r); err != nil {
		return "", 0, err
	}
	return r.ErrMsg, r.ErrCode, nil
}
