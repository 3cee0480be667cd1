// Package lib stands for a module the user cannot add markers to: Again
// queues a job for another try, Sync fetches a new access_token.
package lib

var queue []func() error

func Again(job func() error) { queue = append(queue, job) }

var token string

func Sync() { token = "" }
