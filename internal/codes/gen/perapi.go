package main

// This file reads perapi.txt: codes that WeChat documents on the page of
// one API but not on the global error-code page, which errcodes.txt
// copies. Without them a code such as 40226 (code2Session refuses a
// high-risk user) would look like a typo to the checks.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// parsePerAPI reads perapi.txt. A group starts with a line
//
//	api <the API (its path, what it is)>
//
// and holds code lines `<code><TAB><description>`, the description in the
// form of errcodes.txt (English, then Chinese).
func parsePerAPI(r io.Reader) ([]entry, error) {
	var out []entry
	api := ""
	seen := make(map[int]int)
	err := eachDataLine(r, func(n int, line string) error {
		if rest, ok := strings.CutPrefix(line, "api "); ok {
			api = strings.TrimSpace(rest)
			if api == "" {
				return fmt.Errorf("%s:%d: empty api line", perAPIFile, n)
			}
			return nil
		}
		if api == "" {
			return fmt.Errorf("%s:%d: code line before any `api` line", perAPIFile, n)
		}
		num, desc, ok := strings.Cut(line, "\t")
		code, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil {
			return fmt.Errorf("%s:%d: want `<code><TAB><description>`, got %q", perAPIFile, n, line)
		}
		if strings.TrimSpace(desc) == "" {
			return fmt.Errorf("%s:%d: code %d has no description", perAPIFile, n, code)
		}
		if prev, dup := seen[code]; dup {
			return fmt.Errorf("%s:%d: duplicate code %d (first on line %d)", perAPIFile, n, code, prev)
		}
		seen[code] = n
		en, zh := splitLanguages(desc)
		out = append(out, entry{File: perAPIFile, Line: n, API: api, Code: code, Desc: desc, English: en, Chinese: zh})
		return nil
	})
	return out, err
}

// checkNotOnPage fails for a per-API code that the global page has: the
// page's text wins, and a second description would contradict it.
func checkNotOnPage(page, perAPI []entry) error {
	onPage := make(map[int]int, len(page))
	for _, e := range page {
		onPage[e.Code] = e.Line
	}
	for _, e := range perAPI {
		if line, ok := onPage[e.Code]; ok {
			return fmt.Errorf("%s:%d: code %d is on the global page (%s:%d): remove it here", perAPIFile, e.Line, e.Code, tableFile, line)
		}
	}
	return nil
}
