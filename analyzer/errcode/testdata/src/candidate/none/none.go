// Package none cannot hold WeChat code: the yyErrCode of a generated
// parser, an HTTP/2 frame's code without a message beside it, and the
// standard library's JSON package (imported for its Marshaler) do not make a
// candidate.
package none

import (
	"encoding/json"
	"fmt"
)

type yyParser struct{ yyErrCode int }

type HTTP2Frame struct {
	ErrCode uint32
}

var _ json.Marshaler

func (p *yyParser) String() string { return fmt.Sprint(p.yyErrCode) }

func (p *yyParser) code() int { return p.yyErrCode }

func (p *yyParser) failed() bool { return p.code() != 0 }
