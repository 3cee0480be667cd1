package words // want package:"wechatCandidate"

// Package words holds no errcode, but decodes into an interface value: a
// function here can become a decoder, so the package is a candidate.

import "encoding/json"

func Get(body []byte, out any) error { return json.Unmarshal(body, out) }
