#!/usr/bin/env bash
# golangci.sh OUTPUT
#
# Builds a golangci-lint binary at OUTPUT with three module plugins
# compiled in: wxerrlint (../plugin) and the benchmark's floors wxnoop and
# wxnoopfacts (./golangci), the way ../plugin/build-golangci.sh builds the
# wxerrlint one: golangci-lint's module from the Go module proxy, the
# plugin imports added to cmd/golangci-lint/plugins.go, this checkout
# required and replaced, go mod tidy, go build.
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTPUT" >&2
	exit 2
fi
out=$1
case $out in
/*) ;;
*) out=$PWD/$out ;;
esac
version=${GOLANGCI_LINT_VERSION:-v2.15.0}
module=github.com/golangci/golangci-lint/v2
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
export GOWORK=off GOFLAGS=-mod=mod

work=$(mktemp -d "${TMPDIR:-/tmp}/wxbench-golangci.XXXXXX")
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

dir=$(cd "$work" && go mod download -json "$module@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[ -f "$dir/cmd/golangci-lint/plugins.go" ] || { echo "golangci.sh: no source for $module@$version" >&2; exit 1; }
cp -R "$dir" "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"
cat >>cmd/golangci-lint/plugins.go <<'GO'

import (
	_ "github.com/wxerrlint/wxerrlint/bench/golangci"
	_ "github.com/wxerrlint/wxerrlint/plugin"
)
GO
go mod edit \
	-require=github.com/wxerrlint/wxerrlint@v0.0.0-00010101000000-000000000000 \
	-replace=github.com/wxerrlint/wxerrlint="$repo" \
	-require=github.com/wxerrlint/wxerrlint/bench@v0.0.0-00010101000000-000000000000 \
	-replace=github.com/wxerrlint/wxerrlint/bench="$bench"
go mod tidy
echo "golangci.sh: golangci-lint $version, $(go list -m golang.org/x/tools)" >&2
go build -trimpath -o "$out" ./cmd/golangci-lint
echo "golangci.sh: wrote $out" >&2
