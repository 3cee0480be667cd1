// Package unchecked defines an Analyzer that reports WeChat responses
// whose errcode is never checked.
//
// # Analyzer errcodeunchecked
//
// errcodeunchecked: report WeChat responses whose errcode is never checked
//
// WeChat answers failures with HTTP 200 and an errcode in the body. Code
// that decodes the body and uses the payload without looking at the
// errcode turns every failure into an empty success:
//
//	var resp TicketResp
//	if err := json.Unmarshal(body, &resp); err != nil {
//		return "", err
//	}
//	return resp.Ticket, nil // "" when WeChat said 40001
//
// errcodeunchecked reports, at the decode or call that fills it, a local
// variable of a WeChat response type (a struct with an errcode field, its
// own or promoted from an embedded struct such as util.CommonError) that
// is filled and whose errcode the function never reads:
//
//	errcode of resp (TicketResp) is never checked; a failed WeChat call
//	will pass as success: check resp.ErrCode before using resp.Ticket
//
// A response is filled by a decode: Unmarshal(data, &v) of encoding/json,
// encoding/xml and any library with that shape (jsoniter, sonic,
// go-json), Decode(&v) of their Decoders; a call of a function known to
// decode into that parameter without checking (a decoder, such as
// func get(url string, out any) error, also from a dependency such as an
// HTTP client's ToJSON(&v)); or the result of a function known to return
// a response whose errcode it never read (generic helpers such as
// func get[T any](url string) (T, error), and the many SDK methods that
// return the decoded response with a transport-only error). A dropped
// result of such a function (_, err := api.Send(msg)) is reported too.
// A decode fills only what it gets the address of: a struct passed by
// value (json.Unmarshal(b, resp), or to a decoder's any parameter) makes
// the decode fail, the errcode is never seen, and the bug is the missing
// &, so nothing is reported and no decoder fact arises from it.
//
// The errcode counts as checked when the function reads it (compares,
// switches on, passes or logs resp.ErrCode, or a getter of it; reading
// errmsg counts too), calls a method whose body reads it (resp.Err(),
// resp.Error()), passes the response to a function known to check it
// (util.DecodeWithError(body, &resp, "api"), including helpers that read
// it by reflection: any reflection over the value counts), or passes the
// raw body it was decoded from to such a function, or decodes the same
// body into another response whose errcode it checks. A branch on the
// emptiness of the payload that fails the call counts too, since WeChat
// sends the payload only on success:
//
//	if resp.Ticket == "" {
//		return "", errors.New("no ticket") // or panic, log.Fatal
//	}
//
// (or err = errors.New("no ticket") then a bare return, err being a
// named result).
//
// A decode of bytes the function encodes itself (json.Marshal, a
// Marshal... method, fmt.Sprintf, a constant, a conversion ([]byte(s),
// string(b)), a reader or decoder over them, or the result of a function
// whose name says it encodes and nothing more, JsonEncode, encodeJSON,
// EncodeToString, returning a string or []byte) is a copy, not a reply:
// it is neither reported nor a source of facts. That holds for the
// sinks, and for a decoder known to decode the bytes of one of its
// parameters and nothing else (func JsonDecode(data []byte, v any)
// error): the SDK that decodes its re-encoded HTTP headers into an out
// parameter earns no decoder fact for it.
//
// Nothing is reported where the analysis cannot follow the value: stored
// in a field, a global, a map, a slice, a channel or an interface, passed
// to a function with no known effect on it (log.Printf("%+v", resp)
// included), returned from a closure, or captured as a method value; nor
// in generated files. Returning it to the caller is no check either: the
// function then earns the returnsUnchecked fact and its callers are held
// to it, but only where the function provably never lets the errcode be
// seen: what would leave the value unreported in place (an unknown
// callee, an interface method, a callback, an assertion, reflection)
// earns no fact either. Function literals are part of the function that holds them: what
// they read counts. WeCom (企业微信) responses carry their errcode the
// same way and are checked alike.
//
// The analysis is flow-insensitive: a read of the errcode anywhere in the
// function, even on one branch only, counts as a check:
//
//	if verbose {
//		log.Print(resp.ErrCode) // checked: not reported
//	}
//
// That misses some bugs, never reports a correct function, and keeps the
// analysis linear in the size of the function. Other known limits: a
// response decoded from a cache, not from WeChat, is reported like any
// other (silence it with //wxerrlint:ignore errcodeunchecked reason); and
// a helper that decodes through a decoder of its own package and then
// checks by reflection earns no checker fact (its callers take the call
// for a possible check, so this only loses reports).
//
// A helper that checks the errcode in a way the analysis does not see can
// say so with a marker in its doc comment; the function then counts as a
// checker of all its parameters (and receiver) that can hold a response
// or the raw body:
//
//	//wxerrlint:checks-errcode
//	func ensureOK(v any) error { ... }
//
// # Facts
//
// The analysis exports facts on functions, so that the knowledge crosses
// packages under go vet, golangci-lint and gopls alike:
//
//   - decoder(i): decodes into parameter i (or recv) and does not check it;
//     "i from j" when what it decodes there is the bytes of parameter j
//     and nothing else, so that a call passing bytes it encoded itself
//     makes a copy (only direct decodes count: a wrapper of such a
//     decoder has no "from");
//   - checker(i): checks the errcode of parameter i (or recv), read from
//     the value, reflected over after a decode (util.DecodeWithError) in a
//     package that can hold WeChat code (its files name errcode, or it has
//     response types: not a JSON library that reflects over what it
//     decodes), or decoded from the raw body passed there; a method that hands its
//     receiver to code of unknown effect is a checker of it too, since
//     callers take an unknown call for a possible check but not a method
//     call;
//   - returnsUnchecked(i): result i is a response filled by a decode, a
//     decoder or another such function, whose errcode the function
//     provably never lets be seen: the value goes nowhere the analysis
//     cannot follow (a call of unknown effect, an interface method, a
//     callback, reflection, an assertion, an any), since every caller
//     reports on the strength of this fact;
//
// and a package fact: "wechat" on packages that declare response types,
// have checker or returnsUnchecked facts about them, or import a package
// so marked. A package that declares no response type, imports no package
// with the fact and no JSON or XML decoder, and uses no other package's
// function that can decode (a type-parameter or empty-interface parameter,
// a type-parameter result: MayDecode) is skipped after a look at its
// struct types, imports and uses (the standard library, most
// dependencies).
package unchecked
