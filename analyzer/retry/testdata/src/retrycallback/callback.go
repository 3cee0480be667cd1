// Package retrycallback holds errcode comparisons inside callbacks given
// to retry libraries.
package retrycallback

import (
	"context"
	"errors"
	"fmt"
	"time"

	avast "github.com/avast/retry-go"
	backoff "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	goretry "github.com/sethvargo/go-retry"

	"github.com/wxerrlint/wxerrlint/codes"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Client struct{}

func (c *Client) call() (*Resp, error) { return &Resp{}, nil }
func (c *Client) RefreshAccessToken()  {}

// ---- retried: not reported ----

func avastRetries(c *Client) error { // want avastRetries:"retries"
	return avast.Do(func() error {
		resp, err := c.call()
		if err != nil {
			return err
		}
		if resp.ErrCode == codes.SystemError {
			return fmt.Errorf("busy: %s", resp.ErrMsg) // retried by retry.Do
		}
		return nil
	}, avast.Attempts(3))
}

func backoffRetries(c *Client) error { // want backoffRetries:"retries" backoffRetries:"refreshesToken"
	op := func() error {
		resp, _ := c.call()
		switch resp.ErrCode {
		case 45011:
			return errors.New("quota") // retried by backoff.Retry
		case codes.AccessTokenExpired:
			c.RefreshAccessToken()
			return errors.New("expired")
		}
		return nil
	}
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}

func backoff5Retries(c *Client, ctx context.Context) (*Resp, error) { // want backoff5Retries:"retries"
	return backoff5.Retry(ctx, func() (*Resp, error) {
		resp, _ := c.call()
		if resp.ErrCode == 45011 {
			return nil, backoff5.RetryAfter(60)
		}
		return resp, nil
	}, backoff5.WithBackOff(backoff5.NewExponentialBackOff()))
}

func sethvargoRetries(c *Client, ctx context.Context) error { // want sethvargoRetries:"retries"
	b := goretry.WithMaxRetries(3, goretry.NewFibonacci(time.Second))
	return goretry.Do(ctx, b, func(ctx context.Context) error {
		resp, _ := c.call()
		if resp.ErrCode == -1 {
			return goretry.RetryableError(errors.New("busy"))
		}
		return nil
	})
}

func (c *Client) once() error {
	resp, _ := c.call()
	if resp.ErrCode == -1 {
		return errors.New("busy") // once is given to backoff.Retry below
	}
	return nil
}

func (c *Client) Do() error { // want Do:"retries"
	return backoff.Retry(c.once, backoff.NewExponentialBackOff())
}

// ---- stopped or not retried: reported ----

func avastUnrecoverable(c *Client) error { // want avastUnrecoverable:"retries"
	return avast.Do(func() error {
		resp, _ := c.call()
		if resp.ErrCode == 45011 { // want `errcode 45011 \(.*\) calls for a retry, but this branch stops retry.Do with retry.Unrecoverable: wait for the rate-limit window`
			return avast.Unrecoverable(errors.New("quota"))
		}
		return nil
	})
}

func backoffPermanent(c *Client) error { // want backoffPermanent:"retries"
	return backoff.RetryNotify(func() error {
		resp, _ := c.call()
		if resp.ErrCode == codes.SystemError { // want `errcode -1 \(system error\) calls for a retry, but this branch stops backoff.RetryNotify with backoff.Permanent: retry after a short delay, with backoff`
			return backoff.Permanent(errors.New("busy"))
		}
		return nil
	}, backoff.NewExponentialBackOff(), func(err error, d time.Duration) {})
}

func backoff5Permanent(c *Client, ctx context.Context) (int, error) { // want backoff5Permanent:"retries"
	return backoff5.Retry(ctx, func() (int, error) {
		resp, _ := c.call()
		if resp.ErrCode == 40014 { // want `errcode 40014 \(invalid access_token\) calls for a retry, but this branch stops backoff.Retry with backoff.Permanent: refresh the access_token, then retry once`
			return 0, backoff5.Permanent(fmt.Errorf("token: %s", resp.ErrMsg))
		}
		return 1, nil
	})
}

func sethvargoPlain(c *Client, ctx context.Context) error { // want sethvargoPlain:"retries"
	return goretry.Fibonacci(ctx, time.Second, func(ctx context.Context) error {
		resp, _ := c.call()
		if resp.ErrCode == -1 { // want `errcode -1 \(system error\) calls for a retry, but this branch returns an error retry.Fibonacci does not retry \(wrap it with retry.RetryableError\): retry after a short delay, with backoff`
			return fmt.Errorf("busy: %s", resp.ErrMsg)
		}
		return nil
	})
}

func retriedWithoutRefresh(c *Client) error { // want retriedWithoutRefresh:"retries"
	return avast.Do(func() error {
		resp, _ := c.call()
		if resp.ErrCode == codes.AccessTokenExpired { // want `errcode 42001 \(access_token expired\): this branch retries without refreshing the token`
			return errors.New("expired")
		}
		return nil
	})
}

// A declared function given to backoff.Retry is judged as its callback.
func (c *Client) onceStop() error {
	resp, _ := c.call()
	if resp.ErrCode == 45011 { // want `errcode 45011 .* calls for a retry, but this branch stops backoff.Retry with backoff.Permanent`
		return backoff.Permanent(errors.New("quota"))
	}
	return nil
}

func (c *Client) DoStop() error { // want DoStop:"retries"
	return backoff.Retry(c.onceStop, backoff.NewExponentialBackOff())
}
