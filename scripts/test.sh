#!/usr/bin/env bash
# Runs the whole suite (unit + e2e) and ends with the line CI reads: "N passed, M failed".
# N and M count test cases and their steps, as Deno reports them.
set -uo pipefail
cd "$(dirname "$0")/.."
DENO=${DENO:-deno}
mkdir -p .test-results
out=.test-results/deno-test.txt
# The reliability suite's fast part runs here with a fixed seed, so that CI is reproducible;
# `make stress` draws a new seed each run (RUNE_STRESS_SEED=N reruns one).
export RUNE_STRESS_SEED=${RUNE_STRESS_SEED:-1353704227}
"$DENO" test -P --frozen-lockfile --no-prompt "$@" tests/ 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
# Deno's summary: "ok | 12 passed (30 steps) | 0 failed (1s)" or "FAILED | 10 passed | 2 failed (3 steps) (4s)"
summary=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^(ok|FAILED) \| [0-9]+ passed' | tail -n 1)
passed=$(sed -E 's/.*\| ([0-9]+) passed( \(([0-9]+) steps?\))?.*/\1 \3/' <<<"$summary")
failed=$(sed -E 's/.*\| ([0-9]+) failed( \(([0-9]+) steps?\))?.*/\1 \3/' <<<"$summary")
sum() { local t=0; for n in $1; do t=$((t + n)); done; echo "$t"; }
if [ -z "$summary" ]; then
  # Deno never reached its summary (type error, crash): that is one failure, not a pass.
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$(sum "$passed") passed, $(sum "$failed") failed"
exit "$rc"
