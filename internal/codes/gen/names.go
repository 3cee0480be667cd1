package main

import (
	"go/token"
	"strings"
	"unicode"
)

// maxNameWords bounds derived names; longer descriptions keep their head.
const maxNameWords = 6

// initialisms spell words the way Go code does (URL, ID, OpenID). Keys are
// lower case.
var initialisms = map[string]string{
	"aes": "AES", "api": "API", "apis": "APIs", "appid": "AppID", "appsecret": "AppSecret",
	"bizid": "BizID", "cdn": "CDN", "clientmsgid": "ClientMsgID", "css": "CSS",
	"gps": "GPS", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID",
	"ids": "IDs", "ip": "IP", "ips": "IPs", "json": "JSON", "md5": "MD5",
	"mediaid": "MediaID", "menuid": "MenuID", "mp": "MP", "msgid": "MsgID",
	"oauth": "OAuth", "ocr": "OCR", "ok": "OK", "openid": "OpenID", "openids": "OpenIDs",
	"pc": "PC", "poi": "POI", "qr": "QR", "qrcode": "QRCode", "sdk": "SDK",
	"sku": "SKU", "sms": "SMS", "ssl": "SSL", "uin": "UIN", "unionid": "UnionID",
	"uri": "URI", "url": "URL", "urls": "URLs", "userid": "UserID", "utf8": "UTF8",
	"wxa": "WXA", "xml": "XML", "3rd": "ThirdParty", "sha1": "SHA1",
}

// spelling corrects the page's typos so that names read as English.
var spelling = map[string]string{
	"beed": "been", "exsit": "exist", "exsits": "exists", "invaid": "invalid",
	"invaild": "invalid", "meida": "media", "paegs": "pages", "sysem": "system",
}

// deriveName makes a CamelCase Go name from an English description: the
// words of its first clause (up to a comma, semicolon or parenthesis), at
// most maxNameWords of them, with Go initialisms. It returns "" when there
// is nothing to derive from.
func deriveName(english string) string {
	clause := english
	if i := strings.IndexAny(clause, ",;(，"); i > 0 {
		clause = clause[:i]
	}
	isWordRune := func(r rune) bool {
		return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	words := strings.FieldsFunc(strings.ToLower(clause), func(r rune) bool { return !isWordRune(r) })
	if len(words) > maxNameWords {
		words = words[:maxNameWords]
	}
	var b strings.Builder
	for _, w := range words {
		if c, ok := spelling[w]; ok {
			w = c
		}
		if s, ok := initialisms[w]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	name := b.String()
	if name == "" || !token.IsIdentifier(name) || !token.IsExported(name) {
		return ""
	}
	return name
}
