package main

// This file decides which descriptions speak of waiting, retrying or a
// limit, and so must have a reviewed line in retry.txt, even if the line
// says None. A new copy of the page then cannot bring in a "please try
// later" code that silently gets no retry class.

import (
	"fmt"
	"regexp"
	"strings"
)

// retryWords matches the words of a description that ask the caller to wait
// or try again, or that name a limit (a rate limit, a quota, a busy or
// not-yet-ready service). Matching is deliberately broad: a false match
// costs one None line with a reason in retry.txt, a miss costs a wrong
// retry class.
var retryWords = regexp.MustCompile(`(?i)` +
	// English. "busy" has no \b: the page writes TITLE_BUSY.
	`retry|try (?:again|later|next|tomorrow)|\blater\b|\bagain\b|\bwait|busy|` +
	`frequen|\bfreq\b|too (?:fast|quick|often)|limit|quota|\bmoment\b|\bwhile\b|` +
	`not ready|processing|time ?out\b|temporar|paused|\block|concurren|` +
	// Chinese: wait, retry, busy, frequency, too fast, limit (上线 is the
	// page's typo for 上限 at 92002), quota, count, tomorrow, hours later,
	// maintenance, unavailable, timeout, for now, paused, concurrency.
	`稍候|稍后|稍等|重试|再试|等待|等候|繁忙|频繁|频率|速度过快|太快|超限|限制|上限|达到上线|` +
	`额度|配额|次数|明天|小时后|维护|不可用|超时|暂时|暂不|暂停|并发`)

// retryWord returns the first word of e's description that asks for a
// review of its retry class, or "".
func retryWord(e entry) string {
	if w := retryWords.FindString(e.English); w != "" {
		return w
	}
	return retryWords.FindString(e.Chinese)
}

// checkRetryReviewed returns an error for each code whose description
// speaks of waiting, retrying or a limit but that has no line in retry.txt.
func checkRetryReviewed(entries []entry) []error {
	var errs []error
	for _, e := range entries {
		if e.Reason != "" {
			continue
		}
		if w := retryWord(e); w != "" {
			errs = append(errs, fmt.Errorf("%s:%d: code %d says %q: add a line to retry.txt with its class and why (`%d None <reason>` where retrying cannot help)", e.File, e.Line, e.Code, strings.ToLower(w), e.Code))
		}
	}
	return errs
}
