// Package retry is a minimal fake of github.com/sethvargo/go-retry with the
// API shapes errcoderetry recognises. Test code only.
package retry

import (
	"context"
	"time"
)

// Backoff is a backoff policy.
type Backoff interface {
	Next() (next time.Duration, stop bool)
}

// RetryFunc is the callback Do retries while it returns a RetryableError.
type RetryFunc func(ctx context.Context) error

// Do calls f while it returns an error wrapped with RetryableError; any
// other error stops it.
func Do(ctx context.Context, b Backoff, f RetryFunc) error { return f(ctx) }

// Fibonacci is Do with a Fibonacci backoff.
func Fibonacci(ctx context.Context, base time.Duration, f RetryFunc) error { return f(ctx) }

type retryableError struct{ err error }

func (e *retryableError) Error() string { return e.err.Error() }

// RetryableError marks err as retryable.
func RetryableError(err error) error { return &retryableError{err} }

type fib struct{}

func (fib) Next() (time.Duration, bool) { return time.Second, false }

// NewFibonacci returns a Fibonacci backoff.
func NewFibonacci(base time.Duration) Backoff { return fib{} }

// WithMaxRetries caps the number of retries.
func WithMaxRetries(max uint64, next Backoff) Backoff { return next }
