#!/usr/bin/env bash
# Engine: rituals of 50 and 500 `true` commands run by `rune start`, against a bash loop
# running the same `sh -c true`, side by side in one hyperfine run (in rounds, lib.sh) so the
# ratios hold on a noisy machine.
# Also bare Deno loops spawning the same 50 (attached, and detached as rune once did: the
# floor for any Deno program), rune with no steps (its fixed cost), and rune in a
# pseudo-terminal (`script`), where it draws its live display. The cost per step is the
# slope from 50 to 500 steps. RUNE_BEFORE=DIR adds an older build's rows.
# Writes bench/results/engine.{md,json,txt}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need script util-linux
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/web" "$tmp/state" "$tmp/cache"
for n in 50 500; do
  {
    echo "rituals:"
    echo "  start:"
    echo "    global:"
    for i in $(seq 1 "$n"); do
      echo "      - name: step $i"
      echo '        command: "true"'
    done
  } >"$tmp/steps$n.yaml"
  printf 'for ((i = 0; i < %s; i++)); do sh -c true; done\n' "$n" >"$tmp/loop$n.sh"
done
printf 'rituals:\n  start:\n    global: []\n' >"$tmp/empty.yaml"
deno_loop() { # deno_loop NAME DETACHED
  cat >"$tmp/deno_$1.js" <<JS
for (let i = 0; i < 50; i++) {
  const child = new Deno.Command("sh", {
    args: ["-c", "true"], detached: $2, stdin: "null", stdout: "piped", stderr: "piped",
  }).spawn();
  await child.output();
}
JS
}
deno_loop attached false
deno_loop detached true
cd "$tmp/web"
export XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" HOME="$tmp" NO_COLOR=1
names=() cmds=()
row() { names+=("$1"); cmds+=("$2"); }
row "bash loop: 50 x sh -c true" "bash $tmp/loop50.sh"
row "bash loop: 500 x sh -c true" "bash $tmp/loop500.sh"
row "rune start: 50 steps" "$RUNE --config $tmp/steps50.yaml start web"
row "rune start: 500 steps" "$RUNE --config $tmp/steps500.yaml start web"
row "rune start: no steps (startup, config, plan)" "$RUNE --config $tmp/empty.yaml start web"
row "deno loop: 50 attached spawns" "$DENO run -q --no-config --allow-run=sh $tmp/deno_attached.js"
row "deno loop: 50 detached spawns" "$DENO run -q --no-config --allow-run=sh $tmp/deno_detached.js"
row "pty: bash loop, 50" "script -q -e -c 'bash $tmp/loop50.sh' /dev/null"
row "pty: rune start, 50 steps, live display" \
  "script -q -e -c '$RUNE --config $tmp/steps50.yaml start web' /dev/null"
if [ -n "$RUNE_BEFORE" ]; then
  row "before: rune start: 50 steps" "$(rune_in "$RUNE_BEFORE") --config $tmp/steps50.yaml start web"
  row "before: rune start: 500 steps" \
    "$(rune_in "$RUNE_BEFORE") --config $tmp/steps500.yaml start web"
fi
args=()
for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
for c in "${cmds[@]}"; do sh -c "$c" >/dev/null 2>&1 || echo "($c failed)" >&2; done
RUNS=${RUNS:-3} hyperfine_rounds engine -N "${args[@]}"
python3 - "$RESULTS/engine.json" <<'PY' | tee "$RESULTS/engine.txt"
import json, sys
r = {x["command"]: x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
for n in (50, 500):
    for who in ("", "before: "):
        k = f"{who}rune start: {n} steps"
        if k in r:
            loop = r[f"bash loop: {n} x sh -c true"]
            print(f"{k:<32} {r[k]:8.1f} ms  vs bash loop {loop:7.1f} ms: {r[k]/loop:5.2f}x  (aim <= 2x)")
slope = lambda a, b: (b - a) / 450
print(f"per step, 50 -> 500: bash loop {slope(r['bash loop: 50 x sh -c true'], r['bash loop: 500 x sh -c true']):.2f} ms"
      f", rune {slope(r['rune start: 50 steps'], r['rune start: 500 steps']):.2f} ms", end="")
if "before: rune start: 50 steps" in r:
    print(f", before {slope(r['before: rune start: 50 steps'], r['before: rune start: 500 steps']):.2f} ms", end="")
print(f"; rune's fixed cost {r['rune start: no steps (startup, config, plan)']:.0f} ms")
pl, pr = r["pty: bash loop, 50"], r["pty: rune start, 50 steps, live display"]
print(f"in a pty: rune {pr:.1f} ms vs bash loop {pl:.1f} ms: {pr/pl:.2f}x")
PY
