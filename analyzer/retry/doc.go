// Package retry defines an Analyzer that reports retry-worthy WeChat
// errcodes handled without a retry.
//
// # Analyzer errcoderetry
//
// errcoderetry: report retry-worthy WeChat errcodes handled without a retry
//
// Some WeChat failures go away on a second try: -1 (system busy) and the
// other Backoff codes after a short delay, 45011 and the other RateLimit
// codes once the rate-limit window passes, and 40001, 40014, 42001 (the
// RefreshToken codes) once the access_token is refreshed. The retry class
// of every code is in github.com/wxerrlint/wxerrlint/codes (codes.Retry).
//
// errcoderetry looks at each comparison of an errcode with such a code (a
// literal or a named constant of any origin; ==, != and switch cases) and at
// the branch taken for that code: the body of an if for ==, its else for
// !=, the case clause. A comparison inside && (for ==) or || (for !=)
// selects no branch of its own and is left alone. It reports the branch
// that gives up:
//
//	if resp.ErrCode == codes.AccessTokenExpired {
//		return fmt.Errorf("send: %s", resp.ErrMsg) // reported
//	}
//
// A branch that falls through gives up as a return does when it reaches
// the end of a function without results (a handler that answers and
// ends) or an error return right after its if or switch (a refresh, then
// a shared return fmt.Errorf(...)), unless it fetches a new reply on the
// way. A function without results that reads the errcode from a
// parameter or its receiver is a hook of its caller's call (it drops the
// cached token on 40001): it has no call to retry, and its end returns to
// the caller, so its branches are not reported.
//
// A branch retries when it continues an enclosing for loop (not a range
// over a slice or map, which moves on to the next element), jumps back
// with goto, calls the enclosing function again (directly or through
// functions of the same package), calls a retry mechanism
// (github.com/avast/retry-go, github.com/cenkalti/backoff v4 and v5,
// github.com/sethvargo/go-retry, a function or method whose name says
// retry, such as doWithRetry, or one known to retry), hands the retry to
// someone else (a channel send, requeue, time.AfterFunc, an HTTP answer
// 429 or 503, by net/http or a web framework's c.JSON(429, ...), or a
// Retry-After header), or, inside a callback given to a
// retry mechanism, returns an error the mechanism retries. A callback that
// returns backoff.Permanent(err) or retry.Unrecoverable(err), or, for
// go-retry, an error not wrapped with retry.RetryableError, stops the
// retry and is reported. For a RefreshToken code the branch must also
// refresh the token before it retries: a call whose name says so
// (refreshToken, c.token.Refresh, ForceRefreshAccessToken, a
// forceRefresh argument that is not false), a call known to refresh, or
// clearing a token field. A refresh without a retry and a retry without a
// refresh are both reported.
//
// Not reported: a branch that hands its caller something to act on: a
// sentinel error variable, an error of a dedicated type, a wrap (%w) of
// either or of a retry library's marker, the response or the errcode
// itself; a function that classifies codes (it returns a bool or a named
// kind and no error); a branch that breaks, or falls through into more
// code, a nested statement's end or a return nil, whose fate is decided
// elsewhere; the results of a function literal, which go to
// code that may retry; functions that a caller in the same package
// retries (it calls them inside a for loop, a range over a channel such as
// a ticker's, or a retry callback); a RefreshToken code from an
// access-token endpoint itself (cgi-bin/token, cgi-bin/stable_token,
// api_component_token, sns/oauth2/access_token, WeCom's gettoken: its URL
// is a constant string of the function, or the errcode is read from a
// reply with access_token and expires_in), where 40001 means a wrong
// AppSecret and no refreshed token can help; packages
// that call the WeCom API (企业微信, qyapi.weixin.qq.com), whose code table
// differs. When the sentinel is an unexported variable that nothing in
// the package checks (errors.Is, ==, a switch case), no caller can retry
// on it, and the report says so. Whatever cannot be decided is not
// reported.
//
// A generic failure check, if resp.ErrCode != 0 { return err }, is not
// reported by default: it would fire on every call. With -strict,
// errcoderetry reports it once per function when the function compares
// no retry-worthy code, gives up with an error its caller cannot tell
// apart, and neither it, the functions it calls (by fact) nor its callers
// in the package retry.
//
// Facts carry what a function does across packages: "retries" marks a
// function that calls a retry mechanism or a function that retries, loops
// back or recurses after a failure, or sleeps in a loop; "refreshesToken"
// marks a function that refreshes the token or calls one that does. A
// branch that calls such a helper of another package retries or refreshes.
// For helpers that inference misses, a line in the function's doc comment
// declares it:
//
//	// Send posts the message, retrying on system errors.
//	//
//	//wxerrlint:retries
//	func (c *Client) Send(msg *Message) error {
//
//	//wxerrlint:refreshes-token
//	func (c *Client) renew() error {
package retry
