// This file decides how a line of errcodes.txt splits into a code and its
// English and Chinese descriptions.

package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// entry is one row of the code table.
type entry struct {
	File    string // errcodes.txt, or perapi.txt for a code of one API's page
	Line    int    // line in File
	API     string // for a code of perapi.txt, the API whose page documents it
	Code    int    // the errcode
	Desc    string // the whole description as on the page
	English string // English description, may be empty
	Chinese string // Chinese description, may be empty
	Name    string // Go constant name
	Retry   string // retry class name
	Reason  string // why the retry class; empty where retry.txt has no line
}

// parseTable reads errcodes.txt. A line is blank, a heading (no ASCII
// digit in it), or a code line: an optional minus sign and digits, then the
// description with no separator.
//
// Splitting the code from a description that itself starts with digits
// follows one rule: WeChat's descriptions begin with a digit only as an
// ordinal ("3rd resp ...", lines near 9200298 and 9206000) or as a list
// marker ("1)maybe ...", code 40144). So when the digit run is followed by
// "st", "nd", "rd", "th" or ")", its last digit belongs to the description.
// Codes have at most 7 digits; a longer run is an error, so that a new
// ambiguous line fails here instead of producing a wrong code.
func parseTable(r io.Reader) ([]entry, error) {
	var entries []entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case !startsWithCode(line):
			if strings.IndexFunc(line, isASCIIDigit) >= 0 {
				return nil, fmt.Errorf("%s:%d: cannot parse %q: neither a code line nor a heading", tableFile, lineNo, line)
			}
			continue
		}
		code, desc, err := splitCode(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", tableFile, lineNo, err)
		}
		if strings.TrimSpace(desc) == "" {
			return nil, fmt.Errorf("%s:%d: code %d has no description", tableFile, lineNo, code)
		}
		en, zh := splitLanguages(desc)
		entries = append(entries, entry{File: tableFile, Line: lineNo, Code: code, Desc: desc, English: en, Chinese: zh})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	seen := make(map[int]int)
	for _, e := range entries {
		if prev, ok := seen[e.Code]; ok {
			return nil, fmt.Errorf("%s:%d: duplicate code %d (first on line %d)", tableFile, e.Line, e.Code, prev)
		}
		seen[e.Code] = e.Line
	}
	return entries, nil
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func startsWithCode(line string) bool {
	s := strings.TrimPrefix(line, "-")
	return s != "" && isASCIIDigit(rune(s[0]))
}

var (
	codeRun       = regexp.MustCompile(`^(-?)([0-9]+)`)
	numberedStart = regexp.MustCompile(`^(?i:st|nd|rd|th)\b|^\)`)
)

const maxCodeDigits = 7

func splitCode(line string) (code int, desc string, err error) {
	m := codeRun.FindStringSubmatch(line)
	digits, rest := m[2], line[len(m[0]):]
	if numberedStart.MatchString(rest) && len(digits) > 1 {
		// "92002983rd": the 3 is the ordinal of "3rd"; "401441)": list item 1.
		rest = digits[len(digits)-1:] + rest
		digits = digits[:len(digits)-1]
	}
	if len(digits) > maxCodeDigits {
		return 0, "", fmt.Errorf("cannot parse %q: %d-digit number is longer than any errcode (%d digits) and no rule splits it", line, len(digits), maxCodeDigits)
	}
	if len(digits) > 1 && digits[0] == '0' {
		return 0, "", fmt.Errorf("cannot parse %q: code with a leading zero", line)
	}
	n, err := strconv.Atoi(m[1] + digits)
	if err != nil {
		return 0, "", fmt.Errorf("cannot parse %q: %v", line, err)
	}
	return n, rest, nil
}

// splitLanguages splits a description into its English and Chinese parts.
// The Chinese part starts at the first Han character or CJK punctuation,
// except that Chinese sentences on the page often begin with a Latin word
// written before the first Han character ("access_token 超时", "code并发冲突").
// Two rules move that word to the Chinese part:
//   - the English part ends in a space: its last word starts the Chinese
//     text, which puts spaces around embedded Latin words;
//   - the English part is a single word glued to Han text: it is the first
//     word of the Chinese sentence.
//
// The few lines the rules get wrong (two words glued with no space, such as
// "api unauthorizedapi 功能未授权") are settled by `english` lines in
// overrides.txt, which apply after this.
func splitLanguages(desc string) (en, zh string) {
	i := strings.IndexFunc(desc, isCJK)
	if i < 0 {
		return strings.TrimSpace(desc), ""
	}
	en, zh = desc[:i], desc[i:]
	switch {
	case strings.TrimSpace(en) == "":
	case strings.TrimRightFunc(en, unicode.IsSpace) != en:
		trimmed := strings.TrimRightFunc(en, unicode.IsSpace)
		j := strings.LastIndexFunc(trimmed, unicode.IsSpace) + 1
		en, zh = trimmed[:j], en[j:]+zh
	case strings.IndexFunc(en, unicode.IsSpace) < 0:
		en, zh = "", en+zh
	}
	return strings.TrimSpace(en), strings.TrimSpace(zh)
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303f) || // CJK symbols and punctuation
		(r >= 0xff00 && r <= 0xffef) // full-width forms
}
