package uncheckedbad // want package:"wechat"

import "encoding/json"

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	Data    string `json:"data"`
}

// Code with type errors is analysed as far as it can be, without a panic.

func undefinedDecoder(body []byte) string {
	var r Resp
	_ = xml.Unmarshal(body, &r) // unresolved: no report
	return r.Data
}

func badField(body []byte) string {
	var r Resp
	_ = json.Unmarshal(body, &r) // want `errcode of r \(Resp\) is never checked`
	return r.Data + r.Missing
}

func badAssign(body []byte) (Resp, error) { // want badAssign:"returnsUnchecked\\(0\\)"
	var r Resp
	r, x := undefinedCall(body)
	_ = x
	return r, json.Unmarshal(body, &r, 1)
}

func badType(body []byte) {
	var r Undefined
	_ = json.Unmarshal(body, &r)
	_ = r.ErrCode
}
