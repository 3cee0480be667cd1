// Package retrybasic holds the branch forms errcoderetry judges.
package retrybasic

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/wxerrlint/wxerrlint/codes"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Client struct {
	token string
}

func (c *Client) call() (*Resp, error)             { return &Resp{}, nil }
func (c *Client) refreshToken() error              { return nil }
func (c *Client) getToken() string                 { return c.token }
func (c *Client) doWithRetry(f func() error) error { return f() }

// Local error codes of another SDK: named constants of any origin count.
const (
	sdkSystemBusy   = -1
	sdkTokenExpired = 42001
	sdkMinuteQuota  = 45011
)

// ---- giving up: reported ----

func literalBackoff(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 { // want `errcode -1 \(system error\) calls for a retry, but this branch returns without retrying: retry after a short delay, with backoff`
		return fmt.Errorf("busy: %s", resp.ErrMsg)
	}
	return nil
}

func namedRateLimit(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == codes.APIMinuteQuotaReachLimit { // want `errcode 45011 \(api minute-quota reach limit, must slower, retry next minute\) calls for a retry, but this branch returns without retrying: wait for the rate-limit window \(for per-minute quotas, the next minute\), then retry`
		return errors.New("quota")
	}
	return nil
}

func localConstToken(c *Client) error {
	resp, _ := c.call()
	if sdkTokenExpired == resp.ErrCode { // want `errcode 42001 \(access_token expired\) calls for a retry, but this branch returns without retrying: refresh the access_token, then retry once`
		return errors.New("expired")
	}
	return nil
}

func notEqualElse(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode != sdkSystemBusy { // want `errcode -1 .* this branch returns without retrying`
		return nil
	} else { // the else is the -1 branch
		log.Print("busy")
		return nil
	}
}

func switchCase(c *Client) error {
	resp, _ := c.call()
	switch resp.ErrCode {
	case codes.OK:
		return nil
	case codes.InvalidCredential, codes.AccessTokenExpired: // want `errcode 40001 \(invalid credential, access_token is invalid or not latest\) calls for a retry, but this branch returns without retrying: refresh the access_token, then retry once`
		return fmt.Errorf("token: %d", resp.ErrCode)
	case sdkMinuteQuota: // want `errcode 45011 .* calls for a retry, but this branch returns without retrying`
		time.Sleep(time.Minute) // waits, but does not retry
		return errors.New("quota")
	}
	return nil
}

func taglessSwitch(c *Client) {
	resp, _ := c.call()
	switch {
	case resp.ErrCode == 42001: // want `errcode 42001 \(access_token expired\) calls for a retry, but this branch returns without retrying`
		log.Println("expired")
		return
	case resp.ErrCode == 40014 || resp.ErrCode == 45009: // want `errcode 40014 \(invalid access_token\) calls for a retry, but this branch panics without retrying`
		panic("invalid token")
	}
}

func disjunction(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 || resp.ErrCode == 45011 { // want `errcode -1 .* this branch returns without retrying`
		return errors.New("later")
	}
	return nil
}

func conjunctionElse(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode != 0 && resp.ErrCode != 42001 {
		return errors.New("failed")
	} else if resp.ErrCode == 0 {
		return nil
	}
	return nil
}

func notEqualWithElseBlock(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode != 0 && resp.ErrCode != -1 { // want `errcode -1 .* this branch returns without retrying`
		return errors.New("failed")
	} else {
		return fmt.Errorf("errcode %d", resp.ErrCode)
	}
}

func nakedReturn(c *Client) (err error) {
	resp, _ := c.call()
	if resp.ErrCode == 42001 { // want `errcode 42001 .* this branch returns without retrying`
		err = fmt.Errorf("expired: %s", resp.ErrMsg)
		return
	}
	return
}

func swallowed(c *Client) error {
	resp, _ := c.call()
	if int64(resp.ErrCode) == -1 { // want `errcode -1 .* this branch returns without retrying`
		return nil
	}
	return nil
}

func fatal(c *Client) {
	resp, _ := c.call()
	if resp.ErrCode == 45011 { // want `errcode 45011 .* this branch exits without retrying`
		log.Fatalf("quota: %s", resp.ErrMsg)
	}
}

// RefreshToken codes: a refresh without a retry, a retry without a refresh.

func refreshWithoutRetry(c *Client) error { // want refreshWithoutRetry:"refreshesToken"
	resp, _ := c.call()
	if resp.ErrCode == codes.AccessTokenExpired { // want `errcode 42001 \(access_token expired\): this branch refreshes the token but returns without retrying the call: refresh the access_token, then retry once`
		_ = c.refreshToken()
		return errors.New("expired, try again")
	}
	return nil
}

func retryWithoutRefresh(c *Client) error { // want retryWithoutRefresh:"retries"
	for i := 0; i < 3; i++ {
		_ = c.getToken()
		resp, _ := c.call()
		if resp.ErrCode == codes.AccessTokenExpired { // want `errcode 42001 \(access_token expired\): this branch retries without refreshing the token, so the retry fails the same way: refresh the access_token, then retry once`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("failed")
}

func namedRetryWithoutRefresh(c *Client) error { // want namedRetryWithoutRefresh:"retries"
	resp, _ := c.call()
	if resp.ErrCode == 40014 { // want `errcode 40014 \(invalid access_token\): this branch retries without refreshing the token`
		return c.doWithRetry(func() error { _, err := c.call(); return err })
	}
	return nil
}

func Recurse(c *Client, n int) error { // want Recurse:"retries"
	resp, _ := c.call()
	if resp.ErrCode == 42001 && n > 0 {
		return Recurse(c, n-1) // && : the branch depends on n; not judged
	}
	if resp.ErrCode == 40001 { // want `errcode 40001 .*: this branch retries without refreshing the token`
		return Recurse(c, n)
	}
	return nil
}

// ---- retrying: not reported ----

func loopContinue(c *Client) error { // want loopContinue:"retries"
	for attempt := range 3 {
		_ = attempt
		resp, _ := c.call()
		if resp.ErrCode == -1 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("busy")
}

func labeledContinue(c *Client) error { // want labeledContinue:"retries"
outer:
	for {
		resp, _ := c.call()
		switch resp.ErrCode {
		case 45011:
			for i := 0; i < 2; i++ {
				log.Print(i)
			}
			continue outer
		}
		return nil
	}
}

func gotoBack(c *Client) error { // want gotoBack:"retries"
	tries := 0
again:
	resp, _ := c.call()
	if resp.ErrCode == -1 && tries < 3 {
		tries++
		goto again
	}
	if resp.ErrCode == 45011 {
		tries++
		goto again
	}
	return nil
}

func recursion(c *Client) error { // want recursion:"retries" recursion:"refreshesToken"
	resp, _ := c.call()
	if resp.ErrCode == 42001 {
		if err := c.refreshToken(); err != nil {
			return err
		}
		return recursion(c)
	}
	return nil
}

func (c *Client) Send() error { // want Send:"retries" Send:"refreshesToken"
	resp, _ := c.call()
	if resp.ErrCode == codes.AccessTokenExpired {
		c.token = "" // cleared: the next call fetches a new one
		return c.Send()
	}
	return nil
}

func namedRetry(c *Client) error { // want namedRetry:"retries"
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		return c.doWithRetry(func() error { _, err := c.call(); return err })
	}
	return nil
}

func refreshThenRetry(c *Client) error { // want refreshThenRetry:"retries" refreshThenRetry:"refreshesToken"
	for i := 0; i < 2; i++ {
		resp, _ := c.call()
		if resp.ErrCode == 40001 {
			if err := c.refreshToken(); err != nil {
				return err
			}
			continue
		}
		return nil
	}
	return nil
}

func loopRefresh(c *Client, force bool) error { // want loopRefresh:"retries" loopRefresh:"refreshesToken"
	for i := 0; i < 2; i++ {
		if force {
			_ = c.refreshToken() // a refresh anywhere in the loop counts
		}
		resp, _ := c.call()
		if resp.ErrCode == 42001 {
			force = true
			continue
		}
		return nil
	}
	return nil
}

func requeue(c *Client, queue chan<- int) {
	resp, _ := c.call()
	if resp.ErrCode == 45011 {
		queue <- 1
		return
	}
}

// ---- distinguishable errors, classifiers, undecidable: not reported ----

var ErrTokenExpired = errors.New("access_token expired")

var errBusy = errors.New("busy")

var errChecked = errors.New("checked")

type APIError struct{ Code int }

func (e *APIError) Error() string { return fmt.Sprint("errcode ", e.Code) }

func NewAPIError(code int) *APIError { return &APIError{code} }

func sentinel(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == 42001 {
		return ErrTokenExpired
	}
	if resp.ErrCode == 40001 {
		return fmt.Errorf("send: %w", ErrTokenExpired)
	}
	if resp.ErrCode == 40014 {
		return errChecked
	}
	return nil
}

func IsChecked(err error) bool { return errors.Is(err, errChecked) }

func dedicatedType(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		return &APIError{Code: resp.ErrCode}
	}
	if resp.ErrCode == 45011 {
		return NewAPIError(resp.ErrCode)
	}
	return nil
}

func uncheckedSentinel(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 { // want `errcode -1 \(system error\) calls for a retry, but this branch returns errBusy, which is unexported and checked nowhere in this package \(errors.Is, ==\), so no caller can tell it apart to retry: retry after a short delay, with backoff`
		return errBusy
	}
	return nil
}

func classifier(code int) bool {
	if code == 42001 || code == 40001 {
		return true
	}
	return code == -1
}

type Kind int

func kind(r *Resp) (Kind, error) {
	switch r.ErrCode {
	case 42001:
		return 1, nil
	}
	return 0, nil
}

func returnsResponse(c *Client) (*Resp, error) {
	resp, _ := c.call()
	if resp.ErrCode == 42001 {
		return resp, errors.New("expired")
	}
	return resp, nil
}

func fallsThrough(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == 42001 {
		log.Print("expired") // falls into the success path too: not a shared error return
	}
	return nil
}

func conjunction(c *Client, retried bool) error {
	resp, _ := c.call()
	if resp.ErrCode == 42001 && retried {
		return errors.New("expired twice")
	}
	return nil
}

func skipItem(c *Client, users []string) {
	for range users {
		resp, _ := c.call()
		if resp.ErrCode == -1 {
			continue // next user: not a retry, but not a return either
		}
	}
}

func unknownError(c *Client, err error) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		return err // where err comes from is not known here
	}
	if resp.ErrCode == 45011 {
		return fmt.Errorf("quota: %w", err)
	}
	return nil
}

func notRetryWorthy(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == 45009 { // daily quota: retrying now is pointless
		return errors.New("quota")
	}
	if resp.ErrCode == 40013 { // invalid appid
		return errors.New("appid")
	}
	return nil
}

func literalResults(c *Client) error {
	op := func() error {
		resp, _ := c.call()
		if resp.ErrCode == -1 {
			return errors.New("busy") // the literal's caller decides
		}
		return nil
	}
	return op()
}

func ignored(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 { //wxerrlint:ignore errcoderetry the caller retries every error
		return errors.New("busy")
	}
	return nil
}

// Send2 is retried by its caller in this package: not reported.
func (c *Client) send2() error {
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		return errors.New("busy")
	}
	return nil
}

func (c *Client) SendLoop() error {
	var err error
	for i := 0; i < 3; i++ {
		if err = c.send2(); err == nil {
			return nil
		}
	}
	return err
}

// ---- the retry forms, absent: reported ----

func loopButReturns(c *Client) error {
	for i := 0; i < 3; i++ {
		resp, _ := c.call()
		if resp.ErrCode == -1 { // want `errcode -1 .* this branch returns without retrying`
			return errors.New("busy") // leaves the loop
		}
		if resp.ErrCode == 0 {
			return nil
		}
	}
	return nil
}

func gotoForward(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == 45011 { // want `errcode 45011 .* this branch returns without retrying`
		goto fail
	}
	return nil
fail:
	return errors.New("quota")
}

func (c *Client) isRetryable(code int) bool { return code == -1 }
func (c *Client) MaxRetries() int           { return 3 }
func (c *Client) logRetryable(code int)     {}

func notRecursionNorRetry(c *Client) {
	resp, _ := c.call()
	if resp.ErrCode == -1 { // want `errcode -1 .* this branch returns without retrying`
		if c.isRetryable(resp.ErrCode) && c.MaxRetries() > 0 {
			c.logRetryable(resp.ErrCode)
		}
		literalBackoff(c) // another function, not the enclosing one
		return
	}
}

func rangeOverSliceReturns(c *Client, users []string) error {
	for range users {
		resp, _ := c.call()
		switch resp.ErrCode {
		case 45011: // want `errcode 45011 .* this branch returns without retrying`
			return fmt.Errorf("quota: %s", resp.ErrMsg)
		}
	}
	return nil
}

// ---- handing the retry to someone else: not reported ----

func handler(c *Client, w http.ResponseWriter, r *http.Request) {
	resp, _ := c.call()
	if resp.ErrCode == 45011 {
		w.Header().Set("Retry-After", "60")
		http.Error(w, "rate limited", http.StatusTooManyRequests)
		return
	}
	if resp.ErrCode == -1 {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	if resp.ErrCode == 40001 { // want `errcode 40001 .* this branch returns without retrying`
		http.Error(w, "token", http.StatusInternalServerError)
		return
	}
}

func later(c *Client) { // want later:"retries"
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		time.AfterFunc(time.Second, func() { later(c) })
		return
	}
}

// syncOnce runs on every tick of Run: a failure waits for the next one.
func (c *Client) syncOnce() {
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		log.Print("busy, next tick")
		return
	}
}

func (c *Client) Run(tick <-chan time.Time) {
	for range tick {
		c.syncOnce()
	}
}

// A call of a function value, a field or a parameter, may retry (or
// schedule one): unsure, silent.
type busyHandler struct {
	onBusy func(*Resp)
}

func (h *busyHandler) handle(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		h.onBusy(resp)
		return errors.New("busy")
	}
	return nil
}

func withCallback(c *Client, onExpired func()) error {
	resp, _ := c.call()
	if resp.ErrCode == 42001 {
		onExpired()
		return errors.New("token expired")
	}
	return nil
}

// A conversion or a builtin is no unknown code: still reported.
func inSight(c *Client) error {
	resp, _ := c.call()
	if resp.ErrCode == -1 { // want `errcode -1 .* this branch returns without retrying`
		msg := string([]byte(resp.ErrMsg))
		_ = len(msg)
		return errors.New(msg)
	}
	return nil
}
