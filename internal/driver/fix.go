// This file decides what -fix writes and -diff shows: the first suggested
// fix of each finding, merged per file in position order, a fix that
// conflicts with one taken before it left out whole and reported. The
// edits are applied as they are, with no reformatting: the analyzers'
// edits keep a gofmt-clean file gofmt-clean, and a file that was not
// stays as it was outside the fixed lines.

package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A fixPlan is the merged edits of a run.
type fixPlan struct {
	edits     map[string][]Edit // by file, sorted, no two overlapping
	applied   map[*Finding]bool // findings whose fix is in edits
	conflicts []*Finding        // findings whose fix overlaps one taken before
}

// planFixes merges the first fix of each finding, in the order of
// findings (by position).
func planFixes(list []Finding) *fixPlan {
	p := &fixPlan{edits: make(map[string][]Edit), applied: make(map[*Finding]bool)}
	for i := range list {
		f := &list[i]
		if len(f.Fixes) == 0 {
			continue
		}
		if p.add(f.Fixes[0].Edits) {
			p.applied[f] = true
		} else {
			p.conflicts = append(p.conflicts, f)
		}
	}
	return p
}

// add adds the edits of one fix, unless one of them overlaps an edit
// already taken (the same edit again, such as the import that every fix
// of a file adds, is no conflict).
func (p *fixPlan) add(edits []Edit) bool {
	var fresh []Edit
	for _, e := range edits {
		for _, old := range p.edits[e.File] {
			if old == e {
				goto next
			}
			if overlap(old, e) {
				return false
			}
		}
		for _, other := range fresh {
			if other != e && overlap(other, e) {
				return false // a fix at odds with itself
			}
		}
		fresh = append(fresh, e)
	next:
	}
	for _, e := range fresh {
		p.edits[e.File] = append(p.edits[e.File], e)
	}
	for _, e := range fresh {
		slices.SortStableFunc(p.edits[e.File], func(a, b Edit) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
	}
	return true
}

// overlap reports whether two different edits touch the same bytes or
// insert at the same place, where their order would be a guess.
func overlap(a, b Edit) bool {
	if a.Start == b.Start {
		return true
	}
	return a.Start < b.End && b.Start < a.End
}

// apply returns the content of each file with the plan's edits applied,
// in the order of the file names. A file whose content is no longer the
// analysed one (size), or that would not parse after the edits, is
// returned in errs instead.
func (p *fixPlan) apply() (names []string, before, after map[string][]byte, errs []string) {
	before, after = make(map[string][]byte), make(map[string][]byte)
	for _, name := range slices.Sorted(maps.Keys(p.edits)) {
		data, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		if p.edits[name][0].Size != len(data) {
			errs = append(errs, fmt.Sprintf("%s changed during the run; not fixed", name))
			continue
		}
		var out bytes.Buffer
		last := 0
		for _, e := range p.edits[name] {
			if e.End > len(data) {
				errs = append(errs, fmt.Sprintf("%s changed during the run; not fixed", name))
				goto next
			}
			out.Write(data[last:e.Start])
			out.WriteString(e.New)
			last = e.End
		}
		out.Write(data[last:])
		if _, err := parser.ParseFile(token.NewFileSet(), name, out.Bytes(), parser.SkipObjectResolution); err != nil {
			errs = append(errs, fmt.Sprintf("%s: the fixes would not parse (%v); not fixed", name, err))
			continue
		}
		names = append(names, name)
		before[name], after[name] = data, out.Bytes()
	next:
	}
	return names, before, after, errs
}

// shift moves the position of a finding that no fix removed to where its
// text is in the fixed file.
func (p *fixPlan) shift(f *Finding, fixed []byte) {
	delta := 0
	for _, e := range p.edits[f.RawFile] {
		if e.End <= f.Offset && e.Start < f.Offset {
			delta += len(e.New) - (e.End - e.Start)
		}
	}
	if f.End.Filename != "" {
		f.End = position(fixed, f.End, f.End.Offset+delta)
	}
	f.Pos = position(fixed, f.Pos, f.Offset+delta)
	f.Offset += delta
}

// position is pos at offset in content; a position that a //line
// directive renamed keeps its name and line.
func position(content []byte, pos token.Position, offset int) token.Position {
	if offset < 0 || offset > len(content) {
		return pos
	}
	before := content[:offset]
	pos.Offset = offset
	pos.Line = bytes.Count(before, []byte("\n")) + 1
	pos.Column = offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return pos
}

// unifiedDiff returns the difference between before and after, which
// edits (sorted, not overlapping) made, as a unified diff with three
// lines of context, the file named name.
func unifiedDiff(name string, before, after []byte, edits []Edit) string {
	oldLines := splitLines(before)
	newLines := splitLines(after)
	// The changed regions, whole lines, as byte ranges of before and
	// after; edits on the same lines make one region.
	type region struct{ oldStart, oldEnd, newStart, newEnd int }
	var regions []region
	delta := 0 // offset in after - offset in before, after the edits so far
	for _, e := range edits {
		start, end := e.Start, e.End
		wholeLines := (start == 0 || before[start-1] == '\n') &&
			(end == start || before[end-1] == '\n') &&
			(e.New == "" || strings.HasSuffix(e.New, "\n"))
		if !wholeLines {
			start = bytes.LastIndexByte(before[:start], '\n') + 1
			if end == 0 || before[end-1] != '\n' || end == e.Start {
				if i := bytes.IndexByte(before[end:], '\n'); i >= 0 {
					end += i + 1
				} else {
					end = len(before)
				}
			}
		}
		change := len(e.New) - (e.End - e.Start)
		if n := len(regions); n > 0 && start <= regions[n-1].oldEnd {
			r := &regions[n-1]
			r.oldEnd = max(r.oldEnd, end)
			r.newEnd = r.oldEnd + delta + change
		} else {
			regions = append(regions, region{start, end, start + delta, end + delta + change})
		}
		delta += change
	}
	type change struct{ oldStart, oldEnd, newStart, newEnd int } // in lines
	var changes []change
	for _, r := range regions {
		c := change{oldStart: lineOf(before, r.oldStart), newStart: lineOf(after, r.newStart)}
		c.oldEnd = c.oldStart + len(splitLines(before[r.oldStart:r.oldEnd]))
		c.newEnd = c.newStart + len(splitLines(after[r.newStart:r.newEnd]))
		changes = append(changes, c)
	}
	const context = 3
	var b strings.Builder
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	for i := 0; i < len(changes); {
		// A hunk: the changes whose contexts touch.
		j := i + 1
		for j < len(changes) && changes[j].oldStart-changes[j-1].oldEnd <= 2*context {
			j++
		}
		first, last := changes[i], changes[j-1]
		oldFrom := max(0, first.oldStart-context)
		oldTo := min(len(oldLines), last.oldEnd+context)
		newFrom := first.newStart - (first.oldStart - oldFrom)
		newTo := last.newEnd + (oldTo - last.oldEnd)
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(oldFrom, oldTo), hunkRange(newFrom, newTo))
		at := oldFrom
		for _, c := range changes[i:j] {
			for ; at < c.oldStart; at++ {
				writeLine(&b, ' ', oldLines[at])
			}
			for k := c.oldStart; k < c.oldEnd; k++ {
				writeLine(&b, '-', oldLines[k])
			}
			for k := c.newStart; k < c.newEnd; k++ {
				writeLine(&b, '+', newLines[k])
			}
			at = c.oldEnd
		}
		for ; at < oldTo; at++ {
			writeLine(&b, ' ', oldLines[at])
		}
		i = j
	}
	return b.String()
}

func hunkRange(from, to int) string {
	if to-from == 1 {
		return fmt.Sprint(from + 1)
	}
	if to == from {
		return fmt.Sprintf("%d,0", from)
	}
	return fmt.Sprintf("%d,%d", from+1, to-from)
}

func writeLine(b *strings.Builder, prefix byte, line string) {
	b.WriteByte(prefix)
	b.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits data after each newline.
func splitLines(data []byte) []string {
	var lines []string
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n') + 1
		if i == 0 {
			i = len(data)
		}
		lines = append(lines, string(data[:i]))
		data = data[i:]
	}
	return lines
}

// lineOf returns the 0-based line that offset lies on.
func lineOf(data []byte, offset int) int {
	return bytes.Count(data[:min(offset, len(data))], []byte("\n"))
}

// diff prints the merged fixes of list as a unified diff, and returns
// the exit code: that of a plain run.
func (r *run) diff(stdout, stderr io.Writer, dir string, list []Finding) int {
	p := planFixes(list)
	names, before, after, errs := p.apply()
	for _, name := range names {
		io.WriteString(stdout, unifiedDiff(filepath.ToSlash(relPath(dir, name)), before[name], after[name], p.edits[name]))
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	p.printConflicts(stderr, dir)
	if len(errs) > 0 {
		return 1
	}
	return exitCode(0, list)
}

// fix writes the merged fixes of list and returns the findings that
// remain, at their positions in the fixed files, and the exit code of the
// writing: 1 when a file could not be fixed.
func (r *run) fix(stderr io.Writer, dir string, list []Finding) ([]Finding, int) {
	p := planFixes(list)
	names, _, after, errs := p.apply()
	written := make(map[string]bool)
	for _, name := range names {
		if err := os.WriteFile(name, after[name], 0o666); err != nil {
			errs = append(errs, err.Error())
			continue
		}
		written[name] = true
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	p.printConflicts(stderr, dir)
	var remain []Finding
	for i := range list {
		f := &list[i]
		if p.applied[f] && written[f.RawFile] {
			continue
		}
		if written[f.RawFile] {
			p.shift(f, after[f.RawFile])
		}
		remain = append(remain, *f)
	}
	if len(errs) > 0 {
		return remain, 1
	}
	return remain, 0
}

func (p *fixPlan) printConflicts(w io.Writer, dir string) {
	for _, f := range p.conflicts {
		fmt.Fprintf(w, "%s:%d:%d: the fix of %s conflicts with an earlier fix and was not applied; run again to apply it\n",
			relPath(dir, f.Pos.Filename), f.Pos.Line, f.Pos.Column, f.Check)
	}
}
