module example.com/lintme

go 1.25.0

require github.com/wxerrlint/wxerrlint/codes v0.0.0

replace github.com/wxerrlint/wxerrlint/codes => ../../../codes
