// Package errcode defines an Analyzer that recognises WeChat errcode
// expressions, shared by every wxerrlint check.
//
// # Analyzer errcode
//
// errcode: recognise WeChat errcode values (facts only, no diagnostics)
//
// An errcode expression is a value of a WeChat response's errcode:
//
//   - a numeric struct field whose tag names it errcode under any key
//     (json:"errcode", xml:"errcode", wx:"errcode,omitempty"; any case), or
//     a field named ErrCode or Errcode in a struct that also has an errmsg
//     field (tag errmsg, or named ErrMsg or Errmsg); promoted fields of
//     embedded structs and fields reached through pointers count too;
//   - that field dereferenced or converted: *resp.ErrCode, int(resp.ErrCode);
//   - m["errcode"] of a decoded map, after a type assertion or conversion;
//   - a local variable assigned from an errcode expression;
//   - a call of a getter: a function each of whose return statements puts
//     an errcode expression or zero in a numeric result, at least one an
//     errcode (code, msg, err := send(...) takes the errcode from result 0);
//     the getter fact carries this across packages, by result;
//   - a parameter of a function that every call in the package passes an
//     errcode or zero, at least one an errcode (toErr(resp.ErrCode)); a
//     function used as a value, and a method, may be called where the
//     package cannot see, so their parameters are never errcodes;
//   - a call of an interface method that every implementation declared in
//     the package implements as a getter (apiErr.Code());
//   - m[key] of a local map that the function put an errcode under
//     (m["code"] = resp.ErrCode, or gin.H{"code": resp.ErrCode}).
//
// The -fields flag adds field names or tag names to treat as errcode.
//
// The analyzer also exports a fact on functions that talk to WeCom
// (企业微信, qyapi.weixin.qq.com), whose code table differs from WeChat's,
// so that checks can stay silent there.
//
// # Candidates
//
// Every wxerrlint analyzer runs on every package of a build, because they
// declare facts; nearly all of those packages cannot hold WeChat code.
// The analyzer first decides, from the bytes of the package's files,
// whether the package is a candidate: a file names errcode in quotes
// (json:"errcode", m["errcode"]) or both errcode and errmsg as words, or
// calls a decode sink (.Unmarshal, .UnmarshalFromString, .Decode: a
// decoder of any value), a retry library the retry check knows, wxerrlint (its
// directives, the codes package), the WeCom host or a -fields name; or
// the package imports a candidate.
// The standard library never is one. It exports the candidate fact on
// candidates and does all other work, like every other check, only there;
// outside candidates no fact can arise, so a driver may load only
// candidates from source.
package errcode
