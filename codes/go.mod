module github.com/wxerrlint/wxerrlint/codes

go 1.21
