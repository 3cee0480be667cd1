// Package corpus pins the real-code corpus of the benchmark,
// github.com/silenceper/wechat/v2 at the version in go.mod. The benchmark
// copies that module out of the module cache and lints it as its own
// module, tests included, the way a user would run wxerrlint on it.
package corpus

import (
	_ "github.com/silenceper/wechat/v2"
)
