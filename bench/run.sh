#!/usr/bin/env bash
# Benchmark wxerrlint against its cost floors; see README.md.
#
#   bench/run.sh                      # all corpora, 5 rounds
#   ROUNDS=3 CORPORA="silenceper c100" bench/run.sh
#   MODES=standalone bench/run.sh
#
# Environment:
#   WORK      scratch directory (default /tmp/wxbench); kept between runs so
#             that its private GOCACHE stays warm
#   ROUNDS    rounds per corpus and mode (default 5)
#   CORPORA   any of: app silenceper c100 c1000 c4000 (default all); app is
#             the large-application corpus in bench/app (1,300 packages)
#   MODES     any of standalone,vet,golangci (default all three; golangci only
#             when the golangci-lint binary below builds)
#   GOLANGCI  1 (default) to build golangci-lint with wxerrlint's plugin and
#             the floors (bench/golangci.sh, several minutes, once), 0 to skip
#   MAX       stop starting rounds after this long (default 40m)
#   TOOLS     tools measured standalone (default: wxbench's list)
#   VETTOOLS  tools measured under go vet (default: wxbench's list)
#   STATICCHECK  honnef.co/go/tools version to install (default v0.8.2; "none" skips)
#
# Not part of .ci/run: it takes tens of minutes and its figures depend on
# the machine and its load.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/wxbench}
ROUNDS=${ROUNDS:-5}
CORPORA=${CORPORA:-app silenceper c100 c1000 c4000}
MODES=${MODES:-standalone,vet,golangci}
GOLANGCI=${GOLANGCI:-1}
MAX=${MAX:-40m}
STATICCHECK=${STATICCHECK:-v0.8.2}
export GOTOOLCHAIN=local

mkdir -p "$WORK/bin" "$WORK/corpus"
cd "$here"

echo "== machine"
echo "nproc: $(nproc)"
grep -E 'MemTotal|model name' /proc/meminfo /proc/cpuinfo 2>/dev/null | sort -u | head -3 || true
go version
echo "load: $(cat /proc/loadavg)"
echo "wxerrlint commit: $(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$here/.." diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"

echo "== build (same x/tools for every tool: $(go list -m -f '{{.Version}}' golang.org/x/tools))"
go build -o "$WORK/bin/" \
	./cmd/noop ./cmd/noopfacts ./cmd/noop-driver ./cmd/wxbench ./cmd/gencorpus \
	github.com/wxerrlint/wxerrlint/cmd/wxerrlint
if [ "$STATICCHECK" != none ] && [ ! -x "$WORK/bin/staticcheck" ]; then
	# Its own module and dependencies, not bench's: a comparison, not a floor.
	GOBIN="$WORK/bin" go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK" ||
		echo "staticcheck $STATICCHECK did not build: measured without it"
fi
gcl=()
if [ "$GOLANGCI" = 1 ] && [[ $MODES == *golangci* ]]; then
	if [ ! -x "$WORK/bin/golangci-lint" ]; then
		"$here/golangci.sh" "$WORK/bin/golangci-lint" || echo "golangci-lint did not build: plugin not measured"
	fi
	if [ -x "$WORK/bin/golangci-lint" ]; then
		gcl=(-golangci "$WORK/bin/golangci-lint")
	fi
fi

echo "== corpora"
args=()
for c in $CORPORA; do
	dir="$WORK/corpus/$c"
	case $c in
	app)
		# In the repository: copied afresh, so that the one-line-change
		# runs never touch bench/app itself.
		rm -rf "$dir"
		cp -r "$here/app" "$dir"
		args+=(-change "app=wechat/client.go")
		;;
	silenceper)
		if [ ! -f "$dir/go.mod" ]; then
			src=$(go list -m -f '{{.Dir}}' github.com/silenceper/wechat/v2)
			if [ -z "$src" ]; then
				go mod download github.com/silenceper/wechat/v2
				src=$(go list -m -f '{{.Dir}}' github.com/silenceper/wechat/v2)
			fi
			rm -rf "$dir"
			cp -r "$src" "$dir"
			chmod -R u+w "$dir"
		fi
		;;
	c[0-9]*)
		if [ ! -f "$dir/go.mod" ]; then
			rm -rf "$dir"
			"$WORK/bin/gencorpus" -files "${c#c}" -o "$dir"
		fi
		;;
	*)
		echo "unknown corpus $c" >&2
		exit 2
		;;
	esac
	# Warm the private GOCACHE (export data of every dependency).
	(cd "$dir" && GOCACHE="$WORK/gocache" go build ./... && GOCACHE="$WORK/gocache" go list -e -export -deps -test -compiled ./... >/dev/null)
	(cd "$dir" && echo "$c: $(find . -name '*.go' | wc -l) files, $(cat $(find . -name '*.go') | wc -l) lines, $(go list ./... | wc -l) packages")
	args+=(-corpus "$c=$dir")
done

echo "== wxerrlint's phases and passes (a sequential run without the cache, -seq -timing)"
for c in $CORPORA; do
	dir="$WORK/corpus/$c"
	(cd "$dir" && GOCACHE="$WORK/gocache" WXERRLINT_CACHE=off "$WORK/bin/wxerrlint" -seq -timing ./... 2>&1 >/dev/null |
		grep '^driver:' | sed "s/^/$c: /") || true
done

echo "== measurements"
tools=()
[ -n "${TOOLS:-}" ] && tools+=(-tools "$TOOLS")
[ -n "${VETTOOLS:-}" ] && tools+=(-vettools "$VETTOOLS")
"$WORK/bin/wxbench" -bin "$WORK/bin" -work "$WORK" -rounds "$ROUNDS" -modes "$MODES" -max "$MAX" "${tools[@]}" \
	-json "$WORK/samples.json" "${gcl[@]}" "${args[@]}"
echo "load after: $(cat /proc/loadavg)"
