// Package magic defines an Analyzer that reports errcodes compared as
// magic numbers.
//
// # Analyzer errcodemagic
//
// errcodemagic: report WeChat errcodes compared as magic numbers
//
// A comparison such as
//
//	if resp.ErrCode == 40001 {
//
// says nothing to a reader, and a typo (40010 for 40001) is a silent bug.
// errcodemagic reports ==, != and switch-case comparisons of an errcode
// expression with an integer literal. For a documented code it names the
// code and its meaning and suggests the constant of
// github.com/wxerrlint/wxerrlint/codes:
//
//	if resp.ErrCode == codes.InvalidCredential {
//
// The fix names codes only where the build is sure to have it, so that the
// fixed code builds: in a package that imports it (directly or not), or
// with -addimport, which says that the module requires the codes module,
// github.com/wxerrlint/wxerrlint/codes (the wxerrlint command sets it from
// go list -m). Elsewhere the finding has no fix and names the command that
// adds it: go get github.com/wxerrlint/wxerrlint/codes.
//
// A literal that is no documented code is reported as a typo, with no fix,
// only where that is near-certain: five digits or more, in a family (length
// and leading digit) where the table documents no code, one digit edit from
// a documented code (15011 for 45011). Elsewhere it may be a code documented
// on its API's page only (code2Session's 40226), and is not reported.
//
// Not reported: comparisons with named constants of any origin; 0, the
// idiomatic success check (unless -zero); packages that call the WeCom API
// (企业微信, qyapi.weixin.qq.com), whose code table differs (unless -wecom);
// generated files.
package magic
