package uncheckedgen // want package:"wechat"

// gen.go is generated: its unchecked decodes are not reported.
