// Package retry is a minimal fake of github.com/avast/retry-go with the
// API shapes errcoderetry recognises. Test code only.
package retry

// RetryableFunc is the callback Do retries until it returns nil.
type RetryableFunc func() error

// RetryableFuncWithData is the callback DoWithData retries.
type RetryableFuncWithData[T any] func() (T, error)

// Option configures Do.
type Option func(*Config)

// Config holds the options.
type Config struct{ attempts uint }

// Do calls f until it succeeds, the attempts run out or f returns an
// Unrecoverable error.
func Do(f RetryableFunc, opts ...Option) error {
	var err error
	for range 3 {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// DoWithData is Do for a callback that returns a value.
func DoWithData[T any](f RetryableFuncWithData[T], opts ...Option) (T, error) {
	return f()
}

// Attempts sets the number of attempts.
func Attempts(n uint) Option { return func(c *Config) { c.attempts = n } }

// RetryIf sets the function that decides whether to retry an error.
func RetryIf(f func(error) bool) Option { return func(*Config) {} }

// OnRetry sets a function called before each retry.
func OnRetry(f func(n uint, err error)) Option { return func(*Config) {} }

type unrecoverableError struct{ error }

// Unrecoverable marks err so that Do stops retrying.
func Unrecoverable(err error) error { return unrecoverableError{err} }
