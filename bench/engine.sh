#!/usr/bin/env bash
# Engine: a ritual of 50 `true` commands run by `rune start` against a plain shell loop running
# the same 50 `sh -c true`, in one hyperfine run so the ratios hold on a noisy machine. Also a
# bare Deno loop spawning the same 50 (the floor for any Deno program), rune with no steps (its
# fixed cost), and both rune and the shell loop inside a pseudo-terminal (`script`), where rune
# draws its live display.
# Writes bench/results/engine.{md,json}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need script util-linux
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/web" "$tmp/state"
{
  echo "rituals:"
  echo "  start:"
  echo "    global:"
  for i in $(seq 1 50); do
    echo "      - name: step $i"
    echo '        command: "true"'
  done
} >"$tmp/config.yaml"
printf 'rituals:\n  start:\n    global: []\n' >"$tmp/empty.yaml"
cat >"$tmp/loop.sh" <<'SH'
i=0
while [ "$i" -lt 50 ]; do sh -c true; i=$((i + 1)); done
SH
cat >"$tmp/deno_loop.js" <<'JS'
for (let i = 0; i < 50; i++) {
  const child = new Deno.Command("sh", {
    args: ["-c", "true"], detached: true, stdin: "null", stdout: "piped", stderr: "piped",
  }).spawn();
  await child.output();
}
JS
cd "$tmp/web"
export XDG_STATE_HOME="$tmp/state"
RUNE_START="$RUNE --config $tmp/config.yaml start web"
hyperfine -N --warmup 3 --runs "${RUNS:-30}" \
  --export-markdown "$RESULTS/engine.md" --export-json "$RESULTS/engine.json" \
  -n "shell loop: 50 x sh -c true" "sh $tmp/loop.sh" \
  -n "deno loop: 50 x detached spawn" "$DENO run -q --no-config --allow-run=sh $tmp/deno_loop.js" \
  -n "rune start: 50 steps, plain lines" "$RUNE_START" \
  -n "rune start: no steps (startup, config, plan)" "$RUNE --config $tmp/empty.yaml start web" \
  -n "shell loop in a pty (script)" "script -q -e -c 'sh $tmp/loop.sh' /dev/null" \
  -n "rune start in a pty: live display" "script -q -e -c '$RUNE_START' /dev/null"
python3 - "$RESULTS/engine.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
names = list(r)
loop, deno, rune, empty, ploop, prune = (r[n] for n in names)
for n in names:
    ref = ploop if "pty" in n else loop
    print(f'{n:<46} median {r[n]:6.1f} ms   {r[n]/ref:4.2f}x {"shell loop in a pty" if "pty" in n else "shell loop"}')
print(f'per step: rune {(rune - empty) / 50:.2f} ms, shell loop {loop / 50:.2f} ms; rune fixed cost {empty:.0f} ms')
PY
