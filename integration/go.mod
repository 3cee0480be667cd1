module github.com/wxerrlint/wxerrlint/integration

go 1.25.0

replace github.com/wxerrlint/wxerrlint => ../

require (
	github.com/silenceper/wechat/v2 v2.1.10
	github.com/wxerrlint/wxerrlint v0.0.0-00010101000000-000000000000
	golang.org/x/tools v0.47.1-0.20260707181000-a299dadba899
)
