module github.com/wxerrlint/wxerrlint/bench

go 1.25.0

replace github.com/wxerrlint/wxerrlint => ../

tool github.com/wxerrlint/wxerrlint/cmd/wxerrlint

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/silenceper/wechat/v2 v2.1.10
	github.com/wxerrlint/wxerrlint v0.0.0-00010101000000-000000000000
	golang.org/x/tools v0.47.1-0.20260707181000-a299dadba899
)

require (
	github.com/bradfitz/gomemcache v0.0.0-20220106215444-fb4bf637b56d // indirect
	github.com/cespare/xxhash/v2 v2.1.2 // indirect
	github.com/dgryski/go-rendezvous v0.0.0-20200823014737-9f7001d12a5f // indirect
	github.com/fatih/structs v1.1.0 // indirect
	github.com/go-redis/redis/v8 v8.11.5 // indirect
	github.com/sirupsen/logrus v1.9.0 // indirect
	github.com/spf13/cast v1.4.1 // indirect
	github.com/tidwall/gjson v1.14.1 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
	golang.org/x/crypto v0.0.0-20220622213112-05595931fe9d // indirect
	golang.org/x/mod v0.37.0 // indirect
	golang.org/x/sync v0.21.0 // indirect
	golang.org/x/sys v0.46.0 // indirect
)
