// Package magicfields is analyzed with -errcode.fields=RetCode,ret.
package magicfields

type resp struct {
	RetCode int
	Other   int `json:"ret"`
	Plain   int
}

func check(r resp) bool {
	return r.RetCode == 40001 || r.Other == 42001 || r.Plain == 40001 // want `use codes.InvalidCredential` `use codes.AccessTokenExpired`
}
