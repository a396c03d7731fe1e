#!/usr/bin/env bash
# Startup: `rune --version` and `rune ritual list` against an empty `deno run`, in one
# hyperfine run, so the ratios hold on a noisy machine. Writes bench/results/startup.{md,json}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo 'console.log("x")' >"$tmp/empty.js"
cp "$BENCH_ROOT/templates/demo.yaml" "$tmp/config.yaml"
cd "$tmp"
hyperfine -N --warmup 5 --runs "${RUNS:-40}" \
  --export-markdown "$RESULTS/startup.md" --export-json "$RESULTS/startup.json" \
  -n "empty deno run" "$DENO run -q --no-config $tmp/empty.js" \
  -n "rune --version" "$RUNE --version" \
  -n "rune ritual list" "$RUNE --config $tmp/config.yaml ritual list" \
  -n "rune start --dry-run" "$RUNE --config $tmp/config.yaml start demo --dry-run"
python3 - "$RESULTS/startup.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f'{x["command"]:<22} median {x["median"]*1000:6.1f} ms   {x["median"]/base:4.2f}x empty deno run')
PY
