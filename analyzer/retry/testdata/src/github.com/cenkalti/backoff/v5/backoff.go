// Package backoff is a minimal fake of github.com/cenkalti/backoff/v5 with
// the API shapes errcoderetry recognises. Test code only.
package backoff

import (
	"context"
	"time"
)

// BackOff is a backoff policy.
type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

// Operation is the callback Retry retries until it returns a nil error.
type Operation[T any] func() (T, error)

// Notify is called on each failed attempt.
type Notify func(error, time.Duration)

// RetryOption configures Retry.
type RetryOption func(*retryOptions)

type retryOptions struct{ b BackOff }

// Retry calls operation until it succeeds or returns a Permanent error.
func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	return operation()
}

// WithBackOff sets the backoff policy.
func WithBackOff(b BackOff) RetryOption { return func(o *retryOptions) { o.b = b } }

// WithNotify sets the notification of each failure.
func WithNotify(n Notify) RetryOption { return func(*retryOptions) {} }

// PermanentError stops Retry.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }

// Permanent wraps err so that Retry stops.
func Permanent(err error) error { return &PermanentError{err} }

// RetryAfterError asks Retry to wait before the next attempt.
type RetryAfterError struct{ Duration time.Duration }

func (e *RetryAfterError) Error() string { return "retry after " + e.Duration.String() }

// RetryAfter asks Retry to wait the given number of seconds.
func RetryAfter(seconds int) error {
	return &RetryAfterError{time.Duration(seconds) * time.Second}
}

// ExponentialBackOff is an exponential backoff policy.
type ExponentialBackOff struct{}

// NewExponentialBackOff returns the default exponential policy.
func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{} }

func (*ExponentialBackOff) NextBackOff() time.Duration { return time.Second }
func (*ExponentialBackOff) Reset()                     {}
