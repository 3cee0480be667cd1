// Package fetch wraps client without decoding itself: it imports no
// decoder, but calls client.Get, whose signature can decode (out any), so
// unchecked summarises Fetch, which then earns a decoder fact through
// client.Get's.
// Neither package holds WeChat code: both are analysed on their own, on
// demand.
package fetch

import "example.com/m/client"

func Fetch(path string, out any) error {
	return client.Get("https://api.weixin.qq.com"+path, out)
}
