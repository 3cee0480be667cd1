package codes_test

import (
	"fmt"

	"github.com/wxerrlint/wxerrlint/codes"
)

// SDKs declare errcode fields with many types; the untyped constants
// compare with all of them.
type (
	intResp     struct{ ErrCode int }
	int32Resp   struct{ ErrCode int32 }
	int64Resp   struct{ ErrCode int64 }
	uint32Resp  struct{ ErrCode uint32 }
	float64Resp struct{ ErrCode float64 }
)

func Example_fieldTypes() {
	fmt.Println(intResp{42001}.ErrCode == codes.AccessTokenExpired)
	fmt.Println(int32Resp{40001}.ErrCode == codes.InvalidCredential)
	fmt.Println(int64Resp{45011}.ErrCode == codes.InvalidCredential)
	fmt.Println(uint32Resp{0}.ErrCode == codes.OK)
	fmt.Println(float64Resp{-1}.ErrCode == codes.SystemError)
	// Output:
	// true
	// true
	// false
	// true
	// true
}

func ExampleText() {
	fmt.Println(codes.Text(42001))
	fmt.Println(codes.Retry(42001), "-", codes.Retry(42001).Advice())
	// Output:
	// access_token expired
	// RefreshToken - refresh the access_token, then retry once
}
