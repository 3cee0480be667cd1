package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/wxerrlint/wxerrlint/codes"
)

// explain prints what a code (by value or constant name) means and how to
// handle it, and returns the exit status.
func explain(stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: wxerrlint explain <code or name>...   e.g. wxerrlint explain 40001 -1 AccessTokenExpired")
		return 2
	}
	status := 0
	for i, arg := range args {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		info, err := lookup(arg)
		if err != nil {
			fmt.Fprintln(stderr, "wxerrlint explain:", err)
			status = 1
			continue
		}
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
	return codes.Info{}, fmt.Errorf("%q is neither an errcode nor the name of one (names look like InvalidCredential; see codes/README.md)", arg)
}

func nearest(n int) string {
	var s []string
	for _, info := range codes.Nearest(n, 3) {
		s = append(s, fmt.Sprintf("%d (%s)", info.Code, info.Name))
	}
	return strings.Join(s, ", ")
}
