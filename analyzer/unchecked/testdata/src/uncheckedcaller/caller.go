package uncheckedcaller // want package:"wechat"

// Package uncheckedcaller calls the SDK: what it knows of sdk and httpc it
// knows by their facts.

import (
	"unchecked/client"
	"unchecked/httpc"
	"unchecked/sdk"
)

func viaDecoder(body []byte) string {
	var r sdk.TicketResp
	_ = sdk.Get(body, &r) // want `^errcode of r \(sdk.TicketResp\) is never checked; a failed WeChat call will pass as success: check r.ErrCode before using r.Ticket$`
	return r.Ticket
}

func viaChecker(body []byte) (string, error) { // want viaChecker:"checker\\(0\\)"
	var r sdk.TicketResp
	if err := sdk.DecodeWithError(body, &r, "ticket"); err != nil {
		return "", err
	}
	return r.Ticket, nil
}

func viaHTTPClient(resp *httpc.Response) string {
	var r sdk.TicketResp
	if err := resp.ToJSON(&r); err != nil { // want `errcode of r \(sdk.TicketResp\) is never checked`
		return ""
	}
	return r.Ticket
}

func viaClient(c *sdk.Client) (string, error) {
	r, err := c.GetTicket() // want `^errcode of r \(sdk.TicketResp\), returned by sdk.Client.GetTicket, is never checked; a failed WeChat call will pass as success: check r.ErrCode before using r.Ticket, r.ExpiresIn$`
	if err != nil {
		return "", err
	}
	return r.Ticket + string(rune(r.ExpiresIn)), nil
}

// A checking method of another package, promoted from sdk.CommonError.
func viaClientChecked(c *sdk.Client) (string, error) {
	r, err := c.GetTicket()
	if err != nil {
		return "", err
	}
	if r.ErrCode != 0 {
		return "", fmtError(r.Error())
	}
	return r.Ticket, nil
}

func viaErrorMethod(c *sdk.Client) string {
	r, _ := c.GetTicket()
	if r.Error() != "" {
		return r.Ticket
	}
	return ""
}

type fmtError string

func (e fmtError) Error() string { return string(e) }

func dropped(c *sdk.Client) error {
	_, err := c.GetTicket() // want `errcode of the sdk.TicketResp returned by sdk.Client.GetTicket is never checked, the result is dropped`
	return err
}

func droppedStmt(c *sdk.Client) {
	c.GetTicket() // want `errcode of the sdk.TicketResp returned by sdk.Client.GetTicket is never checked, the result is dropped`
}

// ticketOf returns the response to its caller: it earns the fact, its
// caller is reported.
func ticketOf(c *sdk.Client) (*sdk.TicketResp, error) { // want ticketOf:"returnsUnchecked\\(0\\)"
	r, err := c.GetTicket()
	return r, err
}

func useTicketOf(c *sdk.Client) string {
	r, _ := ticketOf(c) // want `errcode of r \(sdk.TicketResp\), returned by ticketOf, is never checked`
	return r.Ticket
}

func generic(body []byte) (string, string) {
	a, _ := sdk.Fetch[sdk.TicketResp](body) // want `errcode of a \(sdk.TicketResp\), returned by sdk.Fetch, is never checked`
	var b sdk.TicketResp
	_ = sdk.Load(body, &b) // want `errcode of b \(sdk.TicketResp\) is never checked`
	return a.Ticket, b.Ticket
}

func genericChecked(body []byte) (string, error) {
	a, err := sdk.Fetch[*sdk.TicketResp](body)
	if err != nil {
		return "", err
	}
	if a.ErrCode != 0 {
		return "", a
	}
	return a.Ticket, nil
}

type plain struct{ Name string }

func genericNonWeChat(body []byte) string {
	p, _ := sdk.Fetch[plain](body)
	var q plain
	_ = sdk.Load(body, &q)
	return p.Name + q.Name
}

func describe(body []byte) string {
	var r sdk.TicketResp
	_ = sdk.Get(body, &r)
	return httpc.Describe(r) // passed on: maybe checked there
}

func viaReflectingClient(body []byte) (string, error) {
	var r sdk.TicketResp
	if err := client.GetJSON(body, &r); err != nil {
		return "", err
	}
	return r.Ticket, nil
}

func viaSamePackageClient(c *sdk.Client, body []byte) (string, error) {
	var r sdk.TicketResp
	if err := c.GetJSON(body, &r); err != nil {
		return "", err
	}
	return r.Ticket, nil
}
