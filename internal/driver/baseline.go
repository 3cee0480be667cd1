// This file decides which findings -new-from-rev keeps: those on lines
// that changed since a git revision (added or modified, in the working
// tree as it is), and all those in files that git does not track yet, so
// that a code base can adopt the checks and fail only on new findings.

package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changedLines is, by absolute file name, the set of lines changed since a
// revision; a nil set means the whole file is new.
type changedLines map[string]map[int]bool

// newFromRev returns the findings of list on lines changed since rev in
// the git repository that holds dir.
func newFromRev(dir, rev string, list []Finding) ([]Finding, error) {
	changed, err := gitChanges(dir, rev)
	if err != nil {
		return nil, err
	}
	var kept []Finding
	real := make(map[string]string) // git names files by their real path
	for _, f := range list {
		name, ok := real[f.RawFile]
		if !ok {
			if name, err = filepath.EvalSymlinks(f.RawFile); err != nil {
				name = f.RawFile
			}
			real[f.RawFile] = name
		}
		lines, ok := changed[name]
		if !ok {
			continue
		}
		if lines == nil || lines[lineOfFinding(f)] {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// lineOfFinding is the line of f in its file as written (a //line
// directive may rename it).
func lineOfFinding(f Finding) int {
	if f.Pos.Filename == f.RawFile {
		return f.Pos.Line
	}
	return -1 // positions renamed by //line: judged by the file alone
}

// gitChanges asks git for the lines changed since rev and the untracked
// files, under the repository that holds dir.
func gitChanges(dir, rev string) (changedLines, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev: %q is no revision of the repository at %s", rev, root)
	}
	diff, err := git(root, "diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	changed := make(changedLines)
	var file string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = ""
			if name, ok := strings.CutPrefix(line, "+++ b/"); ok {
				file = filepath.Join(root, filepath.FromSlash(name))
				changed[file] = make(map[int]bool)
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			start, count, err := hunkNew(line)
			if err != nil {
				return nil, fmt.Errorf("git diff: %v", err)
			}
			for l := start; l < start+count; l++ {
				changed[file][l] = true
			}
		}
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for name := range strings.SplitSeq(string(untracked), "\x00") {
		if name != "" {
			changed[filepath.Join(root, filepath.FromSlash(name))] = nil
		}
	}
	return changed, nil
}

// hunkNew returns the new side of a hunk header: @@ -a,b +c,d @@.
func hunkNew(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("bad hunk header %q", header)
	}
	startText, countText, found := strings.Cut(fields[2][1:], ",")
	if start, err = strconv.Atoi(startText); err != nil {
		return 0, 0, fmt.Errorf("bad hunk header %q", header)
	}
	count = 1
	if found {
		if count, err = strconv.Atoi(countText); err != nil {
			return 0, 0, fmt.Errorf("bad hunk header %q", header)
		}
	}
	return start, count, nil
}

// git runs git in dir and returns its output, or an error with its words.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return out, nil
}
