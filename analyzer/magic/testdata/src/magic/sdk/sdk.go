// Package sdk is shaped like a WeChat SDK: a common error type that
// responses embed, and SDK constants for some codes.
package sdk

// CommonError is embedded in every response.
type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// GetErrCode returns the errcode; callers in other packages know it through a fact.
func (e *CommonError) GetErrCode() int64 { return e.ErrCode }

// Code is a getter that goes through a local variable.
func (e CommonError) Code() int {
	c := int(e.ErrCode)
	return c
}

// ErrCodeInvalidCredential is the SDK's own name for 40001.
const ErrCodeInvalidCredential = 40001

// TicketResp is a response with an embedded common error.
type TicketResp struct {
	CommonError
	Ticket string `json:"ticket"`
}
