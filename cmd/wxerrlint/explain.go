// This file decides what `wxerrlint explain` prints for an errcode or a
// constant name of package codes.

package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/wxerrlint/wxerrlint/internal/codes"
)

// explain prints what a code (by value or constant name) means and how to
// handle it, and returns the exit status.
func explain(stdout, stderr io.Writer, args []string) int {
	const usage = "usage: wxerrlint explain <code or name>...   e.g. wxerrlint explain 40001 -1 AccessTokenExpired"
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	if len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprintln(stdout, usage)
		return 0
	}
	status, printed := 0, false
	for _, arg := range args {
		info, err := lookup(arg)
		if err != nil {
			fmt.Fprintln(stderr, "wxerrlint explain:", err)
			status = 1
			continue
		}
		if printed {
			fmt.Fprintln(stdout)
		}
		printed = true
		fmt.Fprintf(stdout, "%d  codes.%s\n", info.Code, info.Name)
		if info.English != "" {
			fmt.Fprintf(stdout, "  English: %s\n", info.English)
		}
		if info.Chinese != "" {
			fmt.Fprintf(stdout, "  中文:    %s\n", info.Chinese)
		}
		fmt.Fprintf(stdout, "  Retry:   %s: %s\n", info.Retry, info.Retry.Advice())
	}
	return status
}

func lookup(arg string) (codes.Info, error) {
	arg = strings.TrimSpace(arg)
	if n, err := strconv.Atoi(arg); err == nil {
		if info, ok := codes.Lookup(n); ok {
			return info, nil
		}
		return codes.Info{}, fmt.Errorf("%d is not a documented WeChat errcode; nearest: %s", n, nearest(n))
	}
	name := strings.TrimPrefix(arg, "codes.")
	if info, ok := codes.ByName(name); ok {
		return info, nil
	}
	for _, info := range codes.All() {
		if strings.EqualFold(info.Name, name) {
			return info, nil
		}
	}
	msg := fmt.Sprintf("%q is neither an errcode nor the name of one (names look like InvalidCredential)", arg)
	if similar := similarNames(name, 3); len(similar) > 0 {
		msg += "; similar names: " + strings.Join(similar, ", ")
	}
	return codes.Info{}, errors.New(msg)
}

// similarNames returns up to n constant names that name may have meant:
// those containing it (ignoring case), shortest first, or failing that the
// closest by edit distance, if reasonably close and name is not too short
// for a distance to mean anything.
func similarNames(name string, n int) []string {
	lower := strings.ToLower(name)
	if lower == "" {
		return nil
	}
	type candidate struct {
		name string
		dist int
	}
	var contains, close []candidate
	maxDist := max(2, len(lower)/3)
	for _, info := range codes.All() {
		l := strings.ToLower(info.Name)
		if strings.Contains(l, lower) {
			contains = append(contains, candidate{info.Name, len(l)})
		} else if len(lower) >= 4 {
			if d := editDistance(lower, l); d <= maxDist {
				close = append(close, candidate{info.Name, d})
			}
		}
	}
	list := contains
	if len(list) == 0 {
		list = close
	}
	slices.SortStableFunc(list, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.name, b.name))
	})
	var names []string
	for _, c := range list[:min(n, len(list))] {
		info, _ := codes.ByName(c.name)
		names = append(names, fmt.Sprintf("%s (%d)", c.name, info.Code))
	}
	return names
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func nearest(n int) string {
	var s []string
	for _, info := range codes.Nearest(n, 3) {
		s = append(s, fmt.Sprintf("%d (%s)", info.Code, info.Name))
	}
	return strings.Join(s, ", ")
}
