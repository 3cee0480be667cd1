#!/usr/bin/env bash
# Runs the integration, robustness and fuzz tests of wxerrlint the way CI
# does (.ci/run calls it), printing the time of each step.
#
#   integration/run.sh              # everything, fuzzing for 60s
#   FUZZTIME=10m integration/run.sh # fuzz longer
#
# Steps:
#   vet         go vet of this module
#   tests       the corpora (testdata/*.expect), the fixtures, the
#               wxerrlint command, the huge file, the fuzz seeds
#   race        the fixtures and the fuzz seeds under the race detector: the
#               checks that share errcode's result run concurrently
#               (RACE=0 skips it)
#   std-xtools  the standard library and golang.org/x/tools (tests included)
#               must give no diagnostic (each loads its packages and their
#               dependencies from source: 10-25s, ~1 GiB); the command's
#               driver over x/tools finds no fact outside its source set
#   fuzz        go test -fuzz for $FUZZTIME (it builds an instrumented test
#               binary first); minimizing a new input is capped at 10 runs,
#               so that the time goes to fuzzing
set -euo pipefail
cd "$(dirname "$0")"
export GOWORK=off
fuzztime=${FUZZTIME:-60s}

step() {
	local name=$1 start=$SECONDS
	shift
	echo "=== integration: $name: $*"
	"$@"
	echo "=== integration: $name: $((SECONDS - start))s"
}

total=$SECONDS
step vet go vet ./...
step tests go test -count=1 -short -timeout=15m ./...
if [ "${RACE:-1}" != 0 ]; then
	step race go test -race -count=1 -short -run='^(TestFixtures|FuzzAnalyzers)$' -timeout=15m .
fi
step std-xtools go test -count=1 -run='^(TestStd|TestXTools|TestXToolsDriver)$' -v -timeout=15m ./...
step fuzz go test -count=1 -run='^$' -fuzz='^FuzzAnalyzers$' -fuzztime="$fuzztime" -fuzzminimizetime=10x -timeout=20m .
echo "=== integration: all steps: $((SECONDS - total))s"
