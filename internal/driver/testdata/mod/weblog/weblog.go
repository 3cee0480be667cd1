// Package weblog decodes, queries and logs, as beego's web package and
// gorm do. Its errCode parameter names no errcode field (errcode takes a
// field so named only beside an errmsg field), so it stays out of the
// source set; and app's query asks nothing of it: whether DB.Where checks
// an errcode would matter, but no package outside the source set has a
// checker, and whether it decodes does not matter there.
package weblog

import (
	"encoding/json"
	"fmt"
)

type DB struct {
	Error error
	data  []byte
}

func (db *DB) Where(query any, args ...any) *DB { return db }

func (db *DB) Find(dest any) *DB {
	db.Error = json.Unmarshal(db.data, dest)
	return db
}

func Exception(errCode int) string { return fmt.Sprint("error ", errCode) }
