#!/bin/sh
# build-gopls.sh builds wxerrlint-gopls: gopls with the wxerrlint analyzers
# added to its analyzer list, so that editors show wxerrlint's diagnostics
# and quick fixes (gopls loads no third-party analyzers, golang/go#59869).
#
# Usage: editor/build-gopls.sh OUTPUT
#
# It copies the source of the pinned gopls module from the Go module cache
# (downloading it through GOPROXY if it is not there yet), adds
# editor/_gopls/internal/settings/wxerrlint.go, points the module at this
# checkout of wxerrlint with a replace directive, and builds OUTPUT. Once
# the module cache holds gopls and its dependencies it works offline
# (GOPROXY=off). wxerrlint must build against the golang.org/x/tools that
# gopls pins; the script fails if wxerrlint would raise that version.
# Set KEEP_WORK=1 to keep the temporary directory.
set -eu

gopls_module=golang.org/x/tools/gopls
gopls_version=v0.23.0
wxerrlint_module=github.com/wxerrlint/wxerrlint

if [ $# -ne 1 ] || [ -z "$1" ]; then
	echo "usage: $0 OUTPUT" >&2
	exit 2
fi
case $1 in
/*) out=$1 ;;
*) out=$(pwd)/$1 ;;
esac

editor=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$editor")
if ! grep -q "^module $wxerrlint_module\$" "$repo/go.mod" 2>/dev/null; then
	echo "$0: $repo is not the $wxerrlint_module module" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/wxerrlint-gopls.XXXXXX")
if [ "${KEEP_WORK:-}" = 1 ]; then
	echo "$0: working in $work" >&2
else
	trap 'rm -rf "$work"' EXIT
fi
src=$work/gopls

# The go commands below run in a module of their own: no workspace, and no
# GOFLAGS (such as -mod=vendor) meant for another module.
export GOWORK=off GOFLAGS=-mod=mod
cd "$work"
go mod download "$gopls_module@$gopls_version"
dir=$(go list -m -f '{{.Dir}}' "$gopls_module@$gopls_version")
if [ -z "$dir" ] || [ ! -f "$dir/go.mod" ]; then
	echo "$0: $gopls_module@$gopls_version is not in the module cache" >&2
	exit 1
fi

# The module cache is read-only: copy, then make the copy writable.
cp -R "$dir" "$src"
chmod -R u+w "$src"
cp -R "$editor/_gopls/." "$src/"

cd "$src"
pinned=$(go list -m -f '{{.Version}}' golang.org/x/tools)
go mod edit \
	-require="$wxerrlint_module@v0.0.0-00010101000000-000000000000" \
	-replace="$wxerrlint_module=$repo"
go mod tidy
got=$(go list -m -f '{{.Version}}' golang.org/x/tools)
if [ "$got" != "$pinned" ]; then
	echo "$0: wxerrlint raises golang.org/x/tools from gopls $gopls_version's $pinned to $got;" >&2
	echo "$0: wxerrlint's go.mod must require no newer golang.org/x/tools than $pinned" >&2
	exit 1
fi

go build -trimpath -ldflags="-X main.version=$gopls_version+wxerrlint" -o "$out" .
