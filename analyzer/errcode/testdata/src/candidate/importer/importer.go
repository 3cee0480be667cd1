package importer // want package:"wechatCandidate"

// Package importer names nothing WeChat, but imports a candidate.

import "candidate/words"

func Fetch(out any) error { return words.Get(nil, out) }
