// This file tests the generated table: complete, sorted, unique names, the
// descriptions and retry classes of known codes, and the lookups.

package codes

import (
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTableIsCompleteAndUnique(t *testing.T) {
	all := All()
	onPage := 0
	for _, info := range all {
		if info.API == "" {
			onPage++
		}
	}
	assert.Equal(t, 1833, onPage, "codes of the global page")
	assert.Equal(t, 10, len(all)-onPage, "codes of single API pages (perapi.txt)")
	assert.Equal(t, Code(-2), all[0].Code, "smallest code")
	assert.Equal(t, Code(10093030), all[len(all)-1].Code, "largest code")

	names := make(map[string]Code)
	for i, info := range all {
		if i > 0 {
			assert.Less(t, all[i-1].Code, info.Code, "table must be sorted and free of duplicates")
		}
		assert.True(t, token.IsIdentifier(info.Name) && token.IsExported(info.Name), "%d: %q is not an exported identifier", info.Code, info.Name)
		if prev, ok := names[info.Name]; ok {
			t.Errorf("name %s used by %d and %d", info.Name, prev, info.Code)
		}
		names[info.Name] = info.Code
		assert.True(t, info.English != "" || info.Chinese != "", "%d has no description", info.Code)
	}
}

func TestSpotChecks(t *testing.T) {
	for _, tc := range []struct {
		code    int
		name    string // "" to skip the name check
		english string
		chinese string
	}{
		{-1, "SystemError", "system error", "系统繁忙,此时请开发者稍候再试"},
		{0, "OK", "ok", "请求成功"},
		{40001, "InvalidCredential", "invalid credential, access_token is invalid or not latest", "获取 access_token 时 AppSecret 错误,或者 access_token 无效。请开发者认真比对 AppSecret 的正确性,或查看是否正在为恰当的公众号调用接口"},
		{42001, "AccessTokenExpired", "access_token expired", "access_token 超时,请检查 access_token 的有效期,请参考基础支持 - 获取 access_token 中,对 access_token 的详细机制说明"},
		{45009, "ReachMaxAPIDailyQuotaLimit", "reach max api daily quota limit", "接口调用超过限制"},
		{45011, "APIMinuteQuotaReachLimit", "api minute-quota reach limit, must slower, retry next minute", "API 调用太频繁,请稍候再试"},
		{48009, "APIExpired", "this api is expired", ""},
		{40014, "InvalidAccessToken", "invalid access_token", "不合法的 access_token ,请开发者认真比对 access_token 的有效性(如是否过期),或查看是否正在为恰当的公众号调用接口"},
		{40066, "InvalidURL", "invalid url", "不合法的 url ,递交的页面被sitemap标记为拦截"},
		{43003, "RequireHTTPS", "require https", "需要 HTTPS 请求"},
		{61004, "ComponentClientIPNotRegistered", "access clientip is not registered", "把ip加入白名单ip列表再重试"},
		// The description starts with "1)": the code is 40144, not 401441.
		{40144, "InvalidShareCardList", "1)maybe share_card_list.num or consume_share_self_num too big; 2)maybe card_id_list also has self-card_id;3)maybe card_id_list has many different card_id;4)maybe both consume_share_self_num and share_card_list.num bigger than 0", ""},
		// "3rd" follows 7-digit codes with no separator.
		{9200298, "ThirdPartyRespDecryptError", "3rd resp decrypt error", ""},
		{9206000, "ThirdPartyRespPayChannelEmpty", "3rd resp pay_channel empty", ""},
		{9301012, "ServiceTimeout", "service timeout", ""},
		{9410003, "LiveGetReplayURLFail", "inner error: get replay url fail", "获取回放失败"},
		// Chinese only, including ones that start with a Latin word.
		{1003, "InvalidPostParameter", "", "POST参数非法"},
		{80112, "RealNameCodeConcurrencyConflict", "", "code并发冲突"},
		{82303, "InvalidCityServiceFileID", "", "fileid无效"},
		{9401005, "SKUAlreadyExists", "", "SKU已存在"},
	} {
		info, ok := Lookup(tc.code)
		if !assert.True(t, ok, "code %d missing", tc.code) {
			continue
		}
		assert.Equal(t, Code(tc.code), info.Code)
		if tc.name != "" {
			assert.Equal(t, tc.name, info.Name, "name of %d", tc.code)
		}
		assert.Equal(t, tc.english, info.English, "English text of %d", tc.code)
		assert.Equal(t, tc.chinese, info.Chinese, "Chinese text of %d", tc.code)
	}
}

func TestConstants(t *testing.T) {
	assert.Equal(t, -1, SystemError)
	assert.Equal(t, 0, OK)
	assert.Equal(t, 40001, InvalidCredential)
	assert.Equal(t, 42001, AccessTokenExpired)
	assert.Equal(t, "InvalidCredential", Code(InvalidCredential).String())
	assert.Equal(t, "12345678", Code(12345678).String())
}

func TestRetryClasses(t *testing.T) {
	assert.Equal(t, Backoff, Retry(-1))
	assert.Equal(t, RateLimit, Retry(45011))
	assert.Equal(t, RefreshToken, Retry(40001))
	assert.Equal(t, RefreshToken, Retry(42001))
	assert.Equal(t, RefreshToken, Retry(40014))
	assert.Equal(t, Quota, Retry(45009))
	assert.Equal(t, None, Retry(0))
	assert.Equal(t, None, Retry(41001), "a missing access_token is a programming error")
	assert.Equal(t, None, Retry(99999999), "unknown code")
	// Codes whose own text says to wait or try again.
	assert.Equal(t, Backoff, Retry(61503), "data not ready, please try later")
	assert.Equal(t, Backoff, Retry(73107), "Fpqqlsh is processing, please wait and query later")
	assert.Equal(t, Backoff, Retry(89505), "正在等管理员确认,请稍候重试")
	assert.Equal(t, Quota, Retry(43100), "the template industry changes once a month")
	assert.Equal(t, None, Retry(65400), "usually the new customer service is not enabled")

	assert.True(t, IsRetryable(-1))
	assert.True(t, IsRetryable(42001))
	assert.True(t, IsRetryable(45011))
	assert.False(t, IsRetryable(45009), "daily quota: retrying now is pointless")
	assert.False(t, IsRetryable(40013))
	assert.Equal(t, "RefreshToken", RefreshToken.String())
	assert.Contains(t, RefreshToken.Advice(), "refresh the access_token")
}

func TestText(t *testing.T) {
	assert.Equal(t, "access_token expired", Text(42001))
	assert.Equal(t, "SKU已存在", Text(9401005), "Chinese when there is no English")
	assert.Equal(t, "", Text(123))
}

func TestByName(t *testing.T) {
	info, ok := ByName("AccessTokenExpired")
	require.True(t, ok)
	assert.Equal(t, Code(42001), info.Code)
	_, ok = ByName("NoSuchName")
	assert.False(t, ok)
}

func TestNearest(t *testing.T) {
	// 40010 is not a typo for itself if documented; use a value that is
	// not in the table and is one transposition away from 42001.
	_, documented := Lookup(24001)
	require.False(t, documented)
	near := Nearest(24001, 3)
	require.Len(t, near, 3)
	assert.Equal(t, Code(42001), near[0].Code, "a transposition is one edit")
	assert.Len(t, Nearest(5, 0), 0)
}
