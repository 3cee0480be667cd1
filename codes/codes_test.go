// This file tests the generated table: complete, sorted, unique names, the
// descriptions and retry classes of known codes, and the lookups.

package codes

import (
	"go/token"
	"strings"
	"testing"
)

func TestTableIsCompleteAndUnique(t *testing.T) {
	all := All()
	onPage := 0
	for _, info := range all {
		if info.API == "" {
			onPage++
		}
	}
	if onPage != 1833 {
		t.Errorf("%d codes of the global page, want 1833", onPage)
	}
	if n := len(all) - onPage; n != 10 {
		t.Errorf("%d codes of single API pages (perapi.txt), want 10", n)
	}
	if all[0].Code != -2 || all[len(all)-1].Code != 10093030 {
		t.Errorf("codes run from %d to %d, want -2 to 10093030", all[0].Code, all[len(all)-1].Code)
	}

	names := make(map[string]Code)
	for i, info := range all {
		if i > 0 && all[i-1].Code >= info.Code {
			t.Errorf("%d follows %d: the table must be sorted and free of duplicates", info.Code, all[i-1].Code)
		}
		if !token.IsIdentifier(info.Name) || !token.IsExported(info.Name) {
			t.Errorf("%d: %q is not an exported identifier", info.Code, info.Name)
		}
		if prev, ok := names[info.Name]; ok {
			t.Errorf("name %s used by %d and %d", info.Name, prev, info.Code)
		}
		names[info.Name] = info.Code
		if info.English == "" && info.Chinese == "" {
			t.Errorf("%d has no description", info.Code)
		}
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
		if !ok {
			t.Errorf("code %d missing", tc.code)
			continue
		}
		if info.Code != Code(tc.code) {
			t.Errorf("Lookup(%d).Code = %d", tc.code, info.Code)
		}
		if tc.name != "" && info.Name != tc.name {
			t.Errorf("name of %d: %q, want %q", tc.code, info.Name, tc.name)
		}
		if info.English != tc.english {
			t.Errorf("English text of %d: %q, want %q", tc.code, info.English, tc.english)
		}
		if info.Chinese != tc.chinese {
			t.Errorf("Chinese text of %d: %q, want %q", tc.code, info.Chinese, tc.chinese)
		}
	}
}

func TestConstants(t *testing.T) {
	for _, tc := range []struct{ got, want int }{
		{SystemError, -1},
		{OK, 0},
		{InvalidCredential, 40001},
		{AccessTokenExpired, 42001},
	} {
		if tc.got != tc.want {
			t.Errorf("constant = %d, want %d", tc.got, tc.want)
		}
	}
	if got := Code(InvalidCredential).String(); got != "InvalidCredential" {
		t.Errorf("Code(InvalidCredential).String() = %q", got)
	}
	if got := Code(12345678).String(); got != "12345678" {
		t.Errorf("Code(12345678).String() = %q", got)
	}
}

func TestRetryClasses(t *testing.T) {
	for _, tc := range []struct {
		code int
		want RetryClass
		why  string
	}{
		{-1, Backoff, ""},
		{45011, RateLimit, ""},
		{40001, RefreshToken, ""},
		{42001, RefreshToken, ""},
		{40014, RefreshToken, ""},
		{45009, Quota, ""},
		{0, None, ""},
		{41001, None, "a missing access_token is a programming error"},
		{99999999, None, "unknown code"},
		// Codes whose own text says to wait or try again.
		{61503, Backoff, "data not ready, please try later"},
		{73107, Backoff, "Fpqqlsh is processing, please wait and query later"},
		{89505, Backoff, "正在等管理员确认,请稍候重试"},
		{43100, Quota, "the template industry changes once a month"},
		{65400, None, "usually the new customer service is not enabled"},
	} {
		if got := Retry(tc.code); got != tc.want {
			t.Errorf("Retry(%d) = %v, want %v (%s)", tc.code, got, tc.want, tc.why)
		}
	}
	for code, want := range map[int]bool{
		-1:    true,
		42001: true,
		45011: true,
		45009: false, // daily quota: retrying now is pointless
		40013: false,
	} {
		if got := IsRetryable(code); got != want {
			t.Errorf("IsRetryable(%d) = %v, want %v", code, got, want)
		}
	}
	if got := RefreshToken.String(); got != "RefreshToken" {
		t.Errorf("RefreshToken.String() = %q", got)
	}
	if got := RefreshToken.Advice(); !strings.Contains(got, "refresh the access_token") {
		t.Errorf("RefreshToken.Advice() = %q", got)
	}
}

func TestText(t *testing.T) {
	for code, want := range map[int]string{
		42001:   "access_token expired",
		9401005: "SKU已存在", // Chinese when there is no English
		123:     "",
	} {
		if got := Text(code); got != want {
			t.Errorf("Text(%d) = %q, want %q", code, got, want)
		}
	}
}

func TestByName(t *testing.T) {
	if info, ok := ByName("AccessTokenExpired"); !ok || info.Code != 42001 {
		t.Errorf("ByName(AccessTokenExpired) = %d, %v; want 42001, true", info.Code, ok)
	}
	if _, ok := ByName("NoSuchName"); ok {
		t.Error("ByName(NoSuchName) found a code")
	}
}

func TestNearest(t *testing.T) {
	// 40010 is not a typo for itself if documented; use a value that is
	// not in the table and is one transposition away from 42001.
	if _, documented := Lookup(24001); documented {
		t.Fatal("24001 is documented: pick another code")
	}
	near := Nearest(24001, 3)
	if len(near) != 3 {
		t.Fatalf("Nearest(24001, 3) gave %d codes", len(near))
	}
	if near[0].Code != 42001 {
		t.Errorf("Nearest(24001, 3)[0] = %d, want 42001: a transposition is one edit", near[0].Code)
	}
	if got := Nearest(5, 0); len(got) != 0 {
		t.Errorf("Nearest(5, 0) = %v", got)
	}
}
