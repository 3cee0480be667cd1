#!/usr/bin/env bash
# build-golangci.sh OUTPUT
#
# Builds a golangci-lint binary with the wxerrlint module plugin compiled
# in, at OUTPUT, without git: what `golangci-lint custom` does with
# .custom-gcl.yml, but from the golangci-lint module that the Go module
# proxy serves instead of a git clone.
#
#   1. go mod download golangci-lint's module (v2.15.0, or
#      $GOLANGCI_LINT_VERSION) and copy its source to a temporary directory;
#   2. add the plugin's import to cmd/golangci-lint/plugins.go;
#   3. require github.com/wxerrlint/wxerrlint, replaced by this checkout;
#   4. go mod tidy (needs the module proxy, or a module cache that has
#      everything) and go build ./cmd/golangci-lint.
#
# Minimum version selection raises golang.org/x/tools to golangci-lint's
# requirement (v0.52.0 for v2.15.0), above the version wxerrlint's own go.mod
# pins; the script prints the version it builds with. Set KEEP_WORK=1 to keep
# the temporary directory.
#
# One more plugin (bench/golangci.sh adds its no-op floors this way): set
# EXTRA_PLUGIN_MODULE=<module path>=<local dir> and EXTRA_PLUGIN_IMPORT=<package>.
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTPUT   (the path of the golangci-lint binary to write)" >&2
	exit 2
fi
out=$1
case $out in
/*) ;;
*) out=$PWD/$out ;;
esac

version=${GOLANGCI_LINT_VERSION:-v2.15.0}
module=github.com/golangci/golangci-lint/v2
repo=$(cd "$(dirname "$0")/.." && pwd)

# The go commands below run in a module of their own: no workspace, and no
# GOFLAGS (such as -mod=vendor) meant for another module.
export GOWORK=off GOFLAGS=-mod=mod

work=$(mktemp -d "${TMPDIR:-/tmp}/wxerrlint-golangci.XXXXXX")
cleanup() {
	if [ "${KEEP_WORK:-}" = 1 ]; then
		echo "build-golangci.sh: kept $work" >&2
	else
		chmod -R u+w "$work" && rm -rf "$work"
	fi
}
trap cleanup EXIT

# 1. The module source, from the module cache (read-only there).
dir=$(cd "$work" && go mod download -json "$module@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
if [ -z "$dir" ] || [ ! -f "$dir/cmd/golangci-lint/plugins.go" ]; then
	echo "build-golangci.sh: go mod download $module@$version gave no source directory with cmd/golangci-lint/plugins.go" >&2
	exit 1
fi
src=$work/golangci-lint
cp -R "$dir" "$src"
chmod -R u+w "$src"
cd "$src"

# 2. The plugin import.
cat >>cmd/golangci-lint/plugins.go <<'EOF'

import _ "github.com/wxerrlint/wxerrlint/plugin"
EOF

# 3. The local wxerrlint.
go mod edit \
	-require=github.com/wxerrlint/wxerrlint@v0.0.0-00010101000000-000000000000 \
	-replace=github.com/wxerrlint/wxerrlint="$repo"
if [ -n "${EXTRA_PLUGIN_MODULE:-}" ]; then
	printf '\nimport _ "%s"\n' "$EXTRA_PLUGIN_IMPORT" >>cmd/golangci-lint/plugins.go
	go mod edit \
		-require="${EXTRA_PLUGIN_MODULE%%=*}@v0.0.0-00010101000000-000000000000" \
		-replace="$EXTRA_PLUGIN_MODULE"
fi

# 4. Tidy and build.
go mod tidy
echo "build-golangci.sh: golangci-lint $version with wxerrlint from $repo, $(go list -m golang.org/x/tools)" >&2
go build -trimpath \
	-ldflags "-X main.version=${version#v}-custom-wxerrlint -X main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
	-o "$out" ./cmd/golangci-lint
echo "build-golangci.sh: wrote $out" >&2
