#!/usr/bin/env bash
# tmux session builds, detached, each on a fresh private server (its own TMUX_TMPDIR and -L
# socket), side by side in one hyperfine run (in rounds, lib.sh): 1 x 1 (rune vs tmuxinator:
# startup is all of it); 10 x 4
# (rune vs tmuxinator, tmuxp, one tmux call per operation, and the session as one chained
# tmux call); 50 x 4 and 100 x 4 (rune vs the chained calls, as few as fit tmux's message
# limit): the cost per pane. Then the tmux clients each starts (a PATH shim counts them), and
# rune's peak RSS on a 10 x 4 start (VmHWM, read from /proc by a step that runs after the
# session is built). Panes run bash (PANE_SHELL) with a bare HOME: rune types a pane's
# commands once its line editor reads (bracketed paste on); the rows with sh panes show the
# fallback, a marker typed once the shell has gone quiet for 150 ms.
# RUNE_BEFORE=DIR adds an older build's rune rows. Writes bench/results/tmux*.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need tmux
need tmuxinator
need tmuxp
[ -f "$BENCH_ROOT/dist/rune.js" ] || { echo "run make bundle first" >&2; exit 2; }
tmp=$(mktemp -d)
sock=rune-bench-$$
export TMUX_TMPDIR="$tmp/tmux" SHELL=${PANE_SHELL:-/bin/bash} HOME="$tmp/home"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" NO_COLOR=1
# tmuxinator 3.0.5 exits 1, silently, when $XDG_CONFIG_HOME/tmuxinator does not exist.
mkdir -p "$TMUX_TMPDIR" "$HOME" "$tmp/proj" "$XDG_CONFIG_HOME/tmuxinator"
# The server's last panes may still be writing under $tmp as it exits: retry the removal.
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  for _ in 1 2 3 4 5; do rm -rf "$tmp" 2>/dev/null && return 0; sleep 0.2; done
  rm -rf "$tmp" || true
}
trap cleanup EXIT
for size in 1x1 10x4 50x4 100x4; do
  n=$(python3 "$BENCH_ROOT/bench/tmux_files.py" "$tmp/$size" "${size%x*}" "${size#*x}" "$sock" "$tmp/proj")
  echo "$size: the chained baseline is $n tmux call(s)" >&2
done
# Between runs: kill the server and wait until a client hears "no server running" (or finds no
# socket); right after kill-server, a new client can otherwise meet "server exited
# unexpectedly" (FACTS §2). Then a fresh server holding one other session, so no tool pays for
# starting it.
cat >"$tmp/reset.sh" <<EOF
tmux -L $sock kill-server 2>/dev/null
until tmux -L $sock list-sessions 2>&1 | grep -Eq 'no server running|error connecting'; do sleep 0.01; done
tmux -L $sock new-session -d -s keep
EOF
# tmuxinator's script starts with `tmux start-server`: a server with no session, which exits at
# once, so its next call can meet "server exited unexpectedly". Every tool's server reads this.
echo "set -g exit-empty off" >"$HOME/.tmux.conf"
rune_start() { echo "$1 --config $tmp/$2/rune.yaml start bench --detach --socket $sock -q"; }
names=() cmds=()
row() { names+=("$1"); cmds+=("$2"); }
row "1x1 rune start --detach" "$(rune_start "$RUNE" 1x1)"
row "1x1 rune start --detach, sh panes" "env SHELL=/bin/sh $(rune_start "$RUNE" 1x1)"
row "1x1 tmuxinator" "tmuxinator start -p $tmp/1x1/tmuxinator.yml"
row "10x4 rune start --detach" "$(rune_start "$RUNE" 10x4)"
row "10x4 rune start --detach, sh panes" "env SHELL=/bin/sh $(rune_start "$RUNE" 10x4)"
row "10x4 rune start --dry-run (no tmux)" "$RUNE --config $tmp/10x4/rune.yaml start bench --dry-run"
row "10x4 chained tmux call" "sh $tmp/10x4/chained.sh"
row "10x4 one tmux call per operation" "sh $tmp/10x4/per-op.sh"
row "10x4 tmuxinator" "tmuxinator start -p $tmp/10x4/tmuxinator.yml"
row "10x4 tmuxp load -d" "tmuxp load -y -d -L $sock $tmp/10x4/tmuxp.yaml"
for size in 50x4 100x4; do
  row "$size rune start --detach" "$(rune_start "$RUNE" $size)"
  row "$size chained tmux calls" "sh $tmp/$size/chained.sh"
done
if [ -n "$RUNE_BEFORE" ]; then
  for size in 1x1 10x4 50x4 100x4; do
    row "before: $size rune start --detach" "$(rune_start "$(rune_in "$RUNE_BEFORE")" $size)"
  done
fi
args=()
for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
cd "$tmp/proj"
# Each once, so the config cache holds each config before the measured runs.
for c in "${cmds[@]}"; do sh "$tmp/reset.sh"; sh -c "$c" >/dev/null 2>&1 || echo "($c failed)" >&2; done
RUNS=${RUNS:-2} hyperfine_rounds tmux --prepare "sh $tmp/reset.sh" "${args[@]}"

# tmux client processes each starts, counted by a PATH shim that logs every call (strace -f
# cannot: it would follow the daemonized server and wait for it), and the panes really built.
mkdir -p "$tmp/shim"
printf '#!/bin/sh\necho "$*" >>%s\nexec %s "$@"\n' "$tmp/tmux-calls" "$(command -v tmux)" \
  >"$tmp/shim/tmux"
chmod +x "$tmp/shim/tmux"
count() {
  sh "$tmp/reset.sh"
  : >"$tmp/tmux-calls"
  PATH="$tmp/shim:$PATH" sh -c "$2" >/dev/null 2>&1 || echo "($1 failed)" >&2
  echo "| $1 | $(wc -l <"$tmp/tmux-calls") | $(tmux -L "$sock" list-panes -s -t =bench 2>/dev/null | wc -l) |"
}
{
  echo "| command | tmux processes | panes built |"
  echo "|---|---|---|"
  for i in "${!names[@]}"; do
    case "${names[$i]}" in *dry-run*) ;; *) count "${names[$i]}" "${cmds[$i]}" ;; esac
  done
} | tee "$RESULTS/tmux-processes.md"

# Peak RSS of a 10 x 4 start: a step after the session reads VmHWM of its parent, rune ($PPID
# of `sh -c`: setsid execs sh in place).
sed "s|^    global: \[\(.*\)\]\$|    global: [\1, {name: rss, command: 'grep VmHWM /proc/\$PPID/status >>$tmp/rss.txt'}]|" \
  "$tmp/10x4/rune.yaml" >"$tmp/10x4/rss.yaml"
rss() { # rss LABEL RUNE-COMMAND: the median of 7 runs, in MB
  : >"$tmp/rss.txt"
  for _ in 1 2 3 4 5 6 7; do
    sh "$tmp/reset.sh"
    $2 --config "$tmp/10x4/rss.yaml" start bench --detach --socket "$sock" -q >/dev/null 2>&1 ||
      echo "(rss run failed)" >&2
  done
  echo "$1: $(awk '{print $2}' "$tmp/rss.txt" | sort -n | sed -n 4p | awk '{printf "%.1f", $1 / 1024}') MB peak RSS" \
    "(VmHWM, median of 7)"
}
{
  rss "10x4 rune start --detach" "$RUNE"
  [ -z "$RUNE_BEFORE" ] || rss "before: 10x4 rune start --detach" "$(rune_in "$RUNE_BEFORE")"
} | tee "$RESULTS/tmux-rss.txt"

python3 - "$RESULTS/tmux.json" <<'PY' | tee "$RESULTS/tmux.txt"
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
def ratio(a, b, aim):
    print(f"{a:<40} {r[a]*1000:8.1f} ms  vs {b:<30} {r[b]*1000:8.1f} ms  {r[a]/r[b]:5.2f}x  (aim {aim})")
ratio("1x1 rune start --detach", "1x1 tmuxinator", "<= 0.5x")
ratio("10x4 rune start --detach", "10x4 chained tmux call", "<= 1.3x")
ratio("10x4 rune start --detach", "10x4 tmuxinator", "")
ratio("1x1 rune start --detach, sh panes", "1x1 tmuxinator", "")
ratio("10x4 rune start --detach, sh panes", "10x4 chained tmux call", "")
ratio("10x4 rune start --dry-run (no tmux)", "10x4 chained tmux call", "")
per = lambda name: (r[f"100x4 {name}"] - r[f"50x4 {name}"]) / 200 * 1000
rp, cp = per("rune start --detach"), per("chained tmux calls")
print(f"cost per pane, 50x4 -> 100x4: rune {rp:.2f} ms, chained calls {cp:.2f} ms: {rp/cp:.2f}x (aim <= 1.3x)")
for s in ("50x4", "100x4"):
    ratio(f"{s} rune start --detach", f"{s} chained tmux calls", "")
for s in ("1x1", "10x4", "50x4", "100x4"):
    if f"before: {s} rune start --detach" in r:
        ratio(f"before: {s} rune start --detach", f"{s} rune start --detach", "(before / now)")
PY
