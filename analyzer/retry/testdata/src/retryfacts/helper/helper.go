// Package helper holds retry and token helpers whose names do not say so:
// facts carry what they do to the packages that call them.
package helper

import (
	"errors"

	backoff "github.com/cenkalti/backoff/v4"
)

// WithBackoff retries f with exponential backoff.
func WithBackoff(f func() error) error { // want WithBackoff:"retries"
	return backoff.Retry(f, backoff.NewExponentialBackOff())
}

// Post retries through WithBackoff.
func Post(url string) error { // want Post:"retries"
	return WithBackoff(func() error { return errors.New(url) })
}

// TokenSource holds an access_token.
type TokenSource struct{ accessToken string }

// Renew fetches a new access_token (its name says refresh).
func (t *TokenSource) Renew() error { return nil }

// Invalidate clears the cached access_token.
func (t *TokenSource) Invalidate() { // want Invalidate:"refreshesToken"
	t.accessToken = ""
}

// Reauth renews the token.
func Reauth(t *TokenSource) error { // want Reauth:"refreshesToken"
	return t.Renew()
}
