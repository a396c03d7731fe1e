#!/usr/bin/env bash
# Save and restore (issue 16): 5 sessions, 40 panes (5 of them running `tail -f`), on an
# isolated server (its own -L socket), bash panes with a bare HOME. ONE hyperfine run, side by
# side: an empty `deno run`, one `tmux list-panes -a`, `rune session ls` (rune's fixed cost:
# its CLI and one tmux call), `rune session save --all`; then, each on a fresh server,
# `rune session restore --all` and `rune start` of the same sessions from the hand-written
# config they were first built from. Aims: save <= 1.5x (empty deno run + one list-panes);
# restore <= 1.3x the hand-written start.
# Writes bench/results/save_restore.{md,json}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
[ -f "$BENCH_ROOT/dist/rune.js" ] || { echo "run make build first" >&2; exit 2; }
tmp=$(mktemp -d)
sock=rune-save-bench-$$
# The panes' shells write their history as they exit: wait for the server, then remove.
trap 'sh "$tmp/reset.sh" 2>/dev/null; sleep 0.2; rm -rf "$tmp" 2>/dev/null || true' EXIT
export SHELL=/bin/bash HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export XDG_DATA_HOME="$tmp/data" RUNE_TMUX_SOCKET="$sock"
mkdir -p "$HOME" "$tmp/proj/sub dir"
echo 'console.log("x")' >"$tmp/empty.js"
: >"$tmp/proj/log.txt"

# The hand-written template: per session a main-vertical window of 3, a tiled one of 4, one more.
{
  echo "projects: [{name: web, dir: $tmp/proj}]"
  echo "rituals:"
  echo "  start:"
  echo "    per_project:"
  echo "      web:"
  for s in 1 2 3 4 5; do echo "        - {name: s$s, interactive: true, tmux_template: t$s}"; done
  echo "  templates:"
  for s in 1 2 3 4 5; do
    echo "    t$s:"
    echo "      session_name: bench-$s"
    echo "      windows:"
    echo "        - {name: edit, layout: main-vertical, panes: [\"tail -f log.txt\", {dir: sub dir}, null]}"
    echo "        - {name: run, layout: tiled, panes: [null, null, null, null]}"
    echo "        - {name: misc, panes: [null]}"
  done
} >"$tmp/rune.yaml"

cat >"$tmp/reset.sh" <<EOF
tmux -L $sock kill-server 2>/dev/null
until tmux -L $sock list-sessions 2>&1 | grep -Eq 'no server running|error connecting'; do sleep 0.01; done
EOF
start="$RUNE --config $tmp/rune.yaml start web --detach -q"
cd "$tmp/proj"
$start
panes=$(tmux -L "$sock" list-panes -a | wc -l)
[ "$panes" = 40 ] || { echo "expected 40 panes, got $panes" >&2; exit 1; }
$RUNE session save --all >/dev/null

# Each row with its --prepare (hyperfine pairs them in order); RUNE_BEFORE=DIR adds an older
# build's save row.
args=()
row() { args+=(--prepare "$1" -n "$2" "$3"); }
row true "empty deno run" "$DENO run -q --no-config $tmp/empty.js"
row true "tmux list-panes -a (40 panes)" "tmux -L $sock list-panes -a"
row true "rune session ls (rune's fixed cost + one tmux call)" "$RUNE session ls"
row true "rune session save --all (40 panes)" "$RUNE session save --all -q"
[ -z "$RUNE_BEFORE" ] ||
  row true "before: rune session save --all (40 panes)" "$(rune_in "$RUNE_BEFORE") session save --all -q"
row "sh $tmp/reset.sh" "rune session restore --all" "$RUNE session restore --all -q"
row "sh $tmp/reset.sh" "rune start (hand-written template)" "$start"
hyperfine -N ${HYPERFINE_FLAGS:---style basic} --warmup 2 --runs "${RUNS:-15}" \
  --export-markdown "$RESULTS/save_restore.md" --export-json "$RESULTS/save_restore.json" \
  "${args[@]}"

python3 - "$RESULTS/save_restore.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
empty, panes = r["empty deno run"], r["tmux list-panes -a (40 panes)"]
save = r["rune session save --all (40 panes)"]
ls = next(v for k, v in r.items() if k.startswith("rune session ls"))
restore, start = r["rune session restore --all"], r["rune start (hand-written template)"]
print(f"save {save*1000:.1f} ms = {save/(empty+panes):.2f}x (empty deno run {empty*1000:.1f} ms"
      f" + list-panes {panes*1000:.1f} ms; aim 1.5x); rune session ls alone {ls*1000:.1f} ms ="
      f" {ls/(empty+panes):.2f}x")
before = r.get("before: rune session save --all (40 panes)")
if before:
    print(f"before: save {before*1000:.1f} ms = {before/(empty+panes):.2f}x")
print(f"restore {restore*1000:.0f} ms = {restore/start:.2f}x the hand-written start"
      f" ({start*1000:.0f} ms; aim 1.3x)")
PY
