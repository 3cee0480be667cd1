// Package backoff is a minimal fake of github.com/cenkalti/backoff/v4 with
// the API shapes errcoderetry recognises. Test code only.
package backoff

import "time"

// Stop tells the caller of NextBackOff to stop retrying.
const Stop time.Duration = -1

// BackOff is a backoff policy.
type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

// Operation is the callback Retry retries until it returns nil.
type Operation func() error

// OperationWithData is the callback RetryWithData retries.
type OperationWithData[T any] func() (T, error)

// Notify is called on each failed attempt.
type Notify func(error, time.Duration)

// Retry calls o until it succeeds, b says stop or o returns a Permanent error.
func Retry(o Operation, b BackOff) error { return o() }

// RetryNotify is Retry with a notification of each failure.
func RetryNotify(o Operation, b BackOff, n Notify) error { return o() }

// RetryWithData is Retry for a callback that returns a value.
func RetryWithData[T any](o OperationWithData[T], b BackOff) (T, error) { return o() }

// PermanentError stops Retry.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }

// Permanent wraps err so that Retry stops.
func Permanent(err error) error { return &PermanentError{err} }

// ExponentialBackOff is an exponential backoff policy.
type ExponentialBackOff struct{}

// NewExponentialBackOff returns the default exponential policy.
func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{} }

func (*ExponentialBackOff) NextBackOff() time.Duration { return time.Second }
func (*ExponentialBackOff) Reset()                     {}
