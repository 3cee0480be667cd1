// Package plain has no WeChat code: errcoderetry infers no facts here,
// even for a loop that sleeps.
package plain

import "time"

func Poll(f func() error) error {
	for {
		if err := f(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
}

func doWithRetry(f func() error) error { return f() }

func Caller() error { return doWithRetry(func() error { return nil }) }
