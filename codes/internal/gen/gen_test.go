// This file tests the generator: that the committed files are up to date,
// the parsing rules (codes, languages, names, per-API codes) and the errors
// it gives on bad data.

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The committed generated files must be what the generator makes of the
// committed data files.
func TestGeneratedFilesAreUpToDate(t *testing.T) {
	files, err := generate("../..")
	require.NoError(t, err)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("../..", name))
		require.NoError(t, err)
		assert.True(t, string(got) == string(want), "%s is stale: run go generate ./codes", name)
	}
}

func TestSplitCode(t *testing.T) {
	for _, tc := range []struct {
		line string
		code int
		desc string
	}{
		{"-1system error", -1, "system error"},
		{"0ok请求成功", 0, "ok请求成功"},
		{"401441)maybe too big; 2)maybe", 40144, "1)maybe too big; 2)maybe"},
		{"92002983rd resp decrypt error", 9200298, "3rd resp decrypt error"},
		{"9301012service timeout", 9301012, "service timeout"},
		{"200016start 参数错误", 200016, "start 参数错误"},
	} {
		code, desc, err := splitCode(tc.line)
		require.NoError(t, err, tc.line)
		assert.Equal(t, tc.code, code, tc.line)
		assert.Equal(t, tc.desc, desc, tc.line)
	}
}

func TestSplitLanguages(t *testing.T) {
	for _, tc := range []struct{ desc, en, zh string }{
		{"invalid url不合法的 url ,递交的页面", "invalid url", "不合法的 url ,递交的页面"},
		{"require https需要 HTTPS 请求", "require https", "需要 HTTPS 请求"},
		{"refresh_token expiredrefresh_token 超时", "refresh_token", "expiredrefresh_token 超时"}, // glued: settled by overrides.txt
		{"code并发冲突", "", "code并发冲突"},
		{"start 参数错误", "", "start 参数错误"},
		{"service timeout", "service timeout", ""},
		{"存在错误的微信号!", "", "存在错误的微信号!"},
	} {
		en, zh := splitLanguages(tc.desc)
		assert.Equal(t, tc.en, en, tc.desc)
		assert.Equal(t, tc.zh, zh, tc.desc)
	}
}

func TestDeriveName(t *testing.T) {
	assert.Equal(t, "InvalidCredential", deriveName("invalid credential, access_token is invalid or not latest"))
	assert.Equal(t, "InvalidButtonURLDomain", deriveName("invalid button url domain"))
	assert.Equal(t, "InvalidOpenID", deriveName("invaild openid"))
	assert.Equal(t, "ThirdPartyRespDecryptError", deriveName("3rd resp decrypt error"))
	assert.Equal(t, "", deriveName(""))
}

func TestParseTableErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"-1system error\n\n40001invalid credential\n123456789012three\n", "errcodes.txt:4: cannot parse"},
		{"-1system error\nheading 2 with a digit\n", "errcodes.txt:2: cannot parse"},
		{"40001invalid credential\n40001again\n", "errcodes.txt:2: duplicate code 40001 (first on line 1)"},
		{"40001\n", "errcodes.txt:1: code 40001 has no description"},
	} {
		_, err := parseTable(strings.NewReader(tc.data))
		require.Error(t, err, tc.data)
		assert.Contains(t, err.Error(), tc.want)
	}
}

// writeData writes a small data set into a temporary codes directory, with
// no per-API codes.
func writeData(t *testing.T, table, overrides, retry string) string {
	return writeDataPerAPI(t, table, "", overrides, retry)
}

func writeDataPerAPI(t *testing.T, table, perAPI, overrides, retry string) string {
	dir := t.TempDir()
	for name, content := range map[string]string{tableFile: table, perAPIFile: perAPI, "overrides.txt": overrides, "retry.txt": retry} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	return dir
}

func TestGenerateRejectsBadData(t *testing.T) {
	table := "-1system error系统繁忙\n0ok请求成功\n40001invalid credential\n41001invalid credential\n"
	for _, tc := range []struct{ overrides, retry, want string }{
		{"english 0 ok\nname 0 OK\n", "", "duplicate name InvalidCredential for codes 40001 and 41001"},
		{"name 41001 Other\n", "", "errcodes.txt:2: code 0 needs a `name` line"},
		{"english 0 ok\nname 0 OK\nname 41001 SystemError\n", "", "duplicate name SystemError"},
		{"english 0 ok\nname 0 OK\nname 41001 other\n", "", "overrides.txt:3: \"other\" is not an exported Go identifier"},
		{"english 0 okay\nname 0 OK\nname 41001 X\n", "", "overrides.txt:1: description of 0 does not start with \"okay\""},
		{"english 0 ok\nname 0 OK\nname 41001 X\nname 7 Y\n", "", "overrides.txt:4: code 7 is not in the table"},
		{"english 0 ok\nname 0 OK\nname 41001 X\n", "-1 Sometimes x\n", "retry.txt:1: unknown retry class \"Sometimes\""},
		{"english 0 ok\nname 0 OK\nname 41001 X\n", "-1 Backoff busy\n-1 Backoff again\n", "retry.txt:2: second line for code -1"},
	} {
		_, err := generate(writeData(t, table, tc.overrides, tc.retry))
		require.Error(t, err, tc.overrides+tc.retry)
		assert.Contains(t, err.Error(), tc.want)
	}

	files, err := generate(writeData(t, table, "english 0 ok\nname 0 OK\nname 41001 X\n", "-1 Backoff busy\n"))
	require.NoError(t, err)
	src := string(files[goFile])
	assert.Contains(t, src, "\tOK = 0\n")
	assert.Contains(t, src, `{SystemError, "SystemError", "system error", "系统繁忙", Backoff, ""},`)
	assert.Contains(t, src, `{OK, "OK", "ok", "请求成功", None, ""},`)
	assert.Contains(t, string(files[mdFile]), "| 40001 | `InvalidCredential` |  | invalid credential |  |")
}

func TestRetryWord(t *testing.T) {
	for desc, want := range map[string]string{
		"data not ready, please try later": "not ready",
		"TITLE_BUSY":                       "BUSY",
		"api minute-quota reach limit":     "quota",
		"系统繁忙,此时请开发者稍候再试":                  "繁忙",
		"附近地点添加数量达到上线,无法继续添加":              "达到上线",
		"invoice has been lock by others":  "lock",
		"the form id have been blocked!":   "",
		"不是复用公众号接口快速创建的小程序,也不是通过快速注册企业小程序api创建的小程序": "",
		"invalid appid": "",
	} {
		assert.Equal(t, want, retryWord(entry{English: desc}), desc)
	}
	assert.Equal(t, "重试", retryWord(entry{English: "access clientip is not registered", Chinese: "把ip加入白名单ip列表再重试"}))
}

// A code whose text asks to wait or retry needs a retry.txt line, even if
// only to say None and why.
func TestRetryWordsNeedReview(t *testing.T) {
	table := "-1system error系统繁忙\n0ok请求成功\n61503data not ready, please try later\n40006invalid meida size上传素材文件大小超出限制\n40013invalid appid\n"
	overrides := "english 0 ok\nname 0 OK\n"
	_, err := generate(writeData(t, table, overrides, "-1 Backoff busy\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `errcodes.txt:3: code 61503 says "not ready"`)
	assert.Contains(t, err.Error(), `errcodes.txt:4: code 40006 says "限制"`)
	assert.NotContains(t, err.Error(), "code -1 says", "reviewed as Backoff")
	assert.NotContains(t, err.Error(), "code 40013", "says nothing of retrying")

	files, err := generate(writeData(t, table, overrides, "-1 Backoff busy\n61503 Backoff not ready yet\n40006 None fixed size limit\n"))
	require.NoError(t, err)
	src := string(files[goFile])
	assert.Contains(t, src, "//   Retry: None (fixed size limit)\n\tInvalidMediaSize = 40006\n")
	assert.Contains(t, src, `{InvalidMediaSize, "InvalidMediaSize", "invalid meida size", "上传素材文件大小超出限制", None, ""},`)
	assert.Contains(t, src, `{DataNotReady, "DataNotReady", "data not ready, please try later", "", Backoff, ""},`)
	assert.Contains(t, src, "//   English: invalid appid\n\tInvalidAppID = 40013\n", "no retry line for an unreviewed code")
}

// The committed data must review every code whose text asks to wait or
// retry; this is what keeps a new copy of the page from losing one.
func TestEveryRetryWordCodeIsReviewed(t *testing.T) {
	entries, err := load("../..")
	require.NoError(t, err)
	reviewed := 0
	for _, e := range entries {
		if w := retryWord(e); w != "" {
			assert.NotEmpty(t, e.Reason, "code %d says %q but has no line in retry.txt", e.Code, w)
			reviewed++
		}
	}
	assert.Greater(t, reviewed, 200, "the words should find the codes reviewed so far")
}

// perapi.txt adds codes of single API pages; a code the global page has, a
// code before any api line and a line without its tab are errors.
func TestPerAPI(t *testing.T) {
	table := "0ok请求成功\n40001invalid credential\n"
	overrides := "english 0 ok\nname 0 OK\n"
	for _, tc := range []struct{ perAPI, want string }{
		{"api a (x)\n40001\tinvalid credential\n", "perapi.txt:2: code 40001 is on the global page (errcodes.txt:2)"},
		{"40226\tcode blocked\n", "perapi.txt:1: code line before any `api` line"},
		{"api a (x)\n40226 code blocked\n", "perapi.txt:2: want `<code><TAB><description>`"},
		{"api a (x)\n40226\tcode blocked\n40226\tagain\n", "perapi.txt:3: duplicate code 40226 (first on line 2)"},
		{"api a (x)\n10093023\t操作过于频繁\n", "perapi.txt:2: code 10093023 needs a `name` line"},
	} {
		_, err := generate(writeDataPerAPI(t, table, tc.perAPI, overrides, ""))
		require.Error(t, err, tc.perAPI)
		assert.Contains(t, err.Error(), tc.want)
	}

	files, err := generate(writeDataPerAPI(t, table, "# c\n\napi code2Session (sns/jscode2session)\n40226\tcode blocked 高风险\n", overrides+"english 40226 code blocked\n", ""))
	require.NoError(t, err)
	assert.Contains(t, string(files[goFile]), `{CodeBlocked, "CodeBlocked", "code blocked", "高风险", None, "code2Session (sns/jscode2session)"},`)
	assert.Contains(t, string(files[goFile]), "//   Documented only on the page of code2Session (sns/jscode2session).\n")
	assert.Contains(t, string(files[mdFile]), "| 40226 | `CodeBlocked` |  | (code2Session) code blocked | 高风险 |")
}
