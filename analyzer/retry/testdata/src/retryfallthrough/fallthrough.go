// Package retryfallthrough holds retry-worthy branches that do not end in
// a return: they fall off the end of a handler, or fall through to a
// shared error return, and give up just as a return does.
package retryfallthrough

import (
	"errors"
	"fmt"
	"log"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Client struct{}

func (c *Client) call() (*Resp, error) { return &Resp{}, nil }
func (c *Client) refreshToken() error  { return nil }

// Context stands in for a web framework's request context (gin, echo).
type Context struct{}

func (*Context) JSON(code int, obj any) {}

type H map[string]any

type Router struct{}

func (*Router) GET(path string, h func(*Context)) {}

var ErrRateLimited = errors.New("rate limited")

// ---- giving up: reported ----

func handler(c *Context, cl *Client) {
	r, _ := cl.call()
	if r.ErrCode == 45011 { // want `errcode 45011 \(api minute-quota reach limit, must slower, retry next minute\) calls for a retry, but this branch ends the function without retrying`
		c.JSON(500, H{"msg": "busy"})
	}
}

func routes(rt *Router, cl *Client) {
	rt.GET("/send", func(c *Context) {
		r, _ := cl.call()
		if r.ErrCode == -1 { // want `errcode -1 \(system error\) calls for a retry, but this branch ends the function without retrying`
			c.JSON(200, H{"msg": r.ErrMsg})
		}
	})
}

func refreshThenShared(cl *Client) error { // want refreshThenShared:"refreshesToken"
	r, _ := cl.call()
	if r.ErrCode == 42001 { // want `errcode 42001 \(access_token expired\): this branch refreshes the token but returns without retrying the call`
		_ = cl.refreshToken()
	}
	return fmt.Errorf("send: %s", r.ErrMsg)
}

func switchAtEnd(cl *Client) {
	r, _ := cl.call()
	switch r.ErrCode {
	case -1: // want `errcode -1 \(system error\) calls for a retry, but this branch ends the function without retrying`
		log.Print("busy")
	case 0:
		log.Print("ok")
	}
}

func nestedIfFallsThrough(cl *Client, verbose bool) error {
	r, _ := cl.call()
	if r.ErrCode == 45011 { // want `errcode 45011 \(.*\) calls for a retry, but this branch returns without retrying`
		if verbose {
			log.Print("quota")
		}
	}
	return errors.New("send failed")
}

// ---- not reported ----

// A 429 answer hands the retry to the client, as http.Error(w, msg, 429) does.
func handler429(c *Context, cl *Client) {
	r, _ := cl.call()
	if r.ErrCode == 45011 {
		c.JSON(429, H{"msg": "busy"})
	}
}

// The branch fetches a new reply: an inline retry.
func inlineRetry(c *Context, cl *Client) { // want inlineRetry:"refreshesToken"
	r, _ := cl.call()
	if r.ErrCode == 42001 {
		_ = cl.refreshToken()
		r, _ = cl.call()
		c.JSON(200, r)
	}
}

// More code follows the if: what it does is not told.
func moreCode(cl *Client) error {
	r, _ := cl.call()
	if r.ErrCode == 45011 {
		log.Print("quota")
	}
	log.Print("done")
	return errors.New("send failed")
}

// The if is nested in another statement.
func nested(c *Context, cl *Client, ok bool) {
	if ok {
		r, _ := cl.call()
		if r.ErrCode == 45011 {
			c.JSON(500, H{})
		}
	}
}

// The shared return hands the caller a sentinel to act on.
func sharedSentinel(cl *Client) error {
	var err error
	r, _ := cl.call()
	if r.ErrCode == 45011 {
		err = ErrRateLimited
	}
	return err
}

// The branch falls into the success path too.
func sharedNil(cl *Client) error {
	r, _ := cl.call()
	if r.ErrCode == 45011 {
		log.Print("quota")
	}
	return nil
}

// The branch breaks out of nothing it can be told about.
func endsInLoop(cl *Client) {
	r, _ := cl.call()
	if r.ErrCode == -1 {
		for i := 0; i < 3; i++ {
			log.Print(i)
		}
	}
}

// ---- a block inside the function: the return after the if ----

func nestedShared(cl *Client) error { // want nestedShared:"refreshesToken"
	r, _ := cl.call()
	if r.ErrCode != 0 {
		if r.ErrCode == 42001 { // want `errcode 42001 \(access_token expired\): this branch refreshes the token but returns without retrying the call`
			_ = cl.refreshToken()
		}
		return fmt.Errorf("send: %d %s", r.ErrCode, r.ErrMsg)
	}
	return nil
}

func caseShared(cl *Client) error {
	r, _ := cl.call()
	switch {
	case r.ErrCode != 0:
		if r.ErrCode == -1 { // want `errcode -1 \(system error\) calls for a retry, but this branch returns without retrying`
			log.Print("busy")
		}
		return errors.New("send failed")
	}
	return nil
}

// The end of a nested block is not the end of the function.
func nestedEnd(c *Context, cl *Client) {
	r, _ := cl.call()
	if r.ErrCode != 0 {
		if r.ErrCode == 45011 {
			c.JSON(500, H{})
		}
	}
	c.JSON(200, r)
}

// Cache stands in for an SDK's token cache.
type Cache struct{}

func (*Cache) Delete(key string) {}

// decode hands each failure to dropToken, then returns it: the call's
// fate is decode's caller's.
func decode(cache *Cache, r Resp) error { // want decode:"refreshesToken"
	if r.ErrCode != 0 {
		dropToken(cache, r)
		return fmt.Errorf("errcode=%d errmsg=%s", r.ErrCode, r.ErrMsg)
	}
	return nil
}

// A hook handed a reply its caller fetched: it makes no call, so it has
// none to retry; its end returns to the caller. Not reported.
func dropToken(cache *Cache, r Resp) { // want dropToken:"refreshesToken"
	if r.ErrCode == 40001 {
		cache.Delete("access_token")
	}
}

// The same by pointer, with a bare return, and the errcode alone.
func dropTokenPtr(cache *Cache, r *Resp) { // want dropTokenPtr:"refreshesToken"
	if int(r.ErrCode) == 42001 {
		cache.Delete("access_token")
		return
	}
}

func onCode(cache *Cache, code int) {
	if code == 45011 {
		log.Print("busy")
	}
}

// A hook with results is judged by what it returns.
func checkReply(r *Resp) error {
	if r.ErrCode == 45011 { // want `errcode 45011 \(api minute-quota reach limit, must slower, retry next minute\) calls for a retry, but this branch returns without retrying`
		return fmt.Errorf("busy: %s", r.ErrMsg)
	}
	return nil
}
