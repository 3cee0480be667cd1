#!/usr/bin/env bash
# golangci.sh OUTPUT
#
# Builds a golangci-lint binary at OUTPUT with three module plugins
# compiled in: wxerrlint (../plugin) and the benchmark's floors wxnoop and
# wxnoopfacts (./golangci), with ../plugin/build-golangci.sh.
set -euo pipefail
if [ $# -ne 1 ]; then
	echo "usage: $0 OUTPUT" >&2
	exit 2
fi
bench=$(cd "$(dirname "$0")" && pwd)
EXTRA_PLUGIN_MODULE="github.com/wxerrlint/wxerrlint/bench=$bench" \
	EXTRA_PLUGIN_IMPORT=github.com/wxerrlint/wxerrlint/bench/golangci \
	exec "$bench/../plugin/build-golangci.sh" "$1"
