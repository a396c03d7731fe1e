#!/usr/bin/env bash
# tmux session build: 10 windows x 4 panes, detached, on an isolated server (its own -L
# socket), built by rune, tmuxinator, tmuxp, one tmux call per operation, and a single chained
# tmux call, in ONE hyperfine run (ratios hold on a noisy machine). Then how many tmux client
# processes each spawns (a PATH shim counts them). Panes run /bin/sh with a bare HOME.
# Writes bench/results/tmux.{md,json} and tmux-processes.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need tmuxinator
need tmuxp
[ -f "$BENCH_ROOT/dist/rune.js" ] || { echo "run make build first" >&2; exit 2; }
W=${WINDOWS:-10}
P=${PANES:-4}
tmp=$(mktemp -d)
sock=rune-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
export SHELL=/bin/sh HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
# tmuxinator 3.0.5 exits 1, silently, when $XDG_CONFIG_HOME/tmuxinator does not exist.
mkdir -p "$HOME" "$tmp/proj" "$XDG_CONFIG_HOME/tmuxinator"

# The same session in each tool's format: window wN, tiled, pane p runs `echo wNpP`.
{
  echo "rituals:"
  echo "  start:"
  echo "    global: [{name: workspace, interactive: true, tmux_template: bench}]"
  echo "  templates:"
  echo "    bench:"
  echo "      session_name: bench"
  echo "      windows:"
  for w in $(seq 1 "$W"); do
    echo "        - name: w$w"
    echo "          layout: tiled"
    printf '          panes: ['
    for p in $(seq 1 "$P"); do printf '"echo w%sp%s"%s' "$w" "$p" "$([ "$p" -lt "$P" ] && echo ', ')"; done
    echo "]"
  done
} >"$tmp/rune.yaml"
{
  echo "name: bench"
  echo "root: $tmp/proj"
  echo "socket_name: $sock"
  echo "attach: false"
  echo "windows:"
  for w in $(seq 1 "$W"); do
    echo "  - w$w:"
    echo "      layout: tiled"
    echo "      panes:"
    for p in $(seq 1 "$P"); do echo "        - echo w${w}p$p"; done
  done
} >"$tmp/tmuxinator.yml"
{
  echo "session_name: bench"
  echo "start_directory: $tmp/proj"
  echo "windows:"
  for w in $(seq 1 "$W"); do
    echo "  - window_name: w$w"
    echo "    layout: tiled"
    echo "    panes:"
    for p in $(seq 1 "$P"); do echo "      - echo w${w}p$p"; done
  done
} >"$tmp/tmuxp.yaml"
# Baselines: the same session as one tmux call per operation, and as one chained call.
{
  echo "set -e"
  for w in $(seq 1 "$W"); do
    if [ "$w" = 1 ]; then
      echo "tmux -L $sock new-session -d -s bench -n w1 -x 200 -y 50 -c $tmp/proj"
    else
      echo "tmux -L $sock new-window -t bench: -n w$w -c $tmp/proj"
    fi
    echo "tmux -L $sock send-keys -t bench:w$w 'echo w${w}p1' Enter"
    for p in $(seq 2 "$P"); do
      echo "tmux -L $sock split-window -t bench:w$w -c $tmp/proj"
      echo "tmux -L $sock select-layout -t bench:w$w tiled"
      echo "tmux -L $sock send-keys -t bench:w$w 'echo w${w}p$p' Enter"
    done
  done
} >"$tmp/per-op.sh"
{
  printf 'tmux -L %s' "$sock"
  for w in $(seq 1 "$W"); do
    if [ "$w" = 1 ]; then
      printf ' new-session -d -s bench -n w1 -x 200 -y 50 -c %s' "$tmp/proj"
    else
      printf ' \\; new-window -n w%s -c %s' "$w" "$tmp/proj"
    fi
    printf " \\\\; send-keys 'echo w%sp1' Enter" "$w"
    for p in $(seq 2 "$P"); do
      printf ' \\; split-window -c %s \\; select-layout tiled' "$tmp/proj"
      printf " \\\\; send-keys 'echo w%sp%s' Enter" "$w" "$p"
    done
  done
  echo
} >"$tmp/chained.sh"

# Between runs: kill the server and wait until a client hears "no server running" (or finds no socket); right
# after kill-server, a new client can otherwise meet "server exited unexpectedly" (FACTS §2). Then
# start a fresh server holding one session, so no tool pays for starting it, and tmuxinator's own
# `start-server` (which exits at once when the server has no session) cannot meet that race.
cat >"$tmp/reset.sh" <<EOF
tmux -L $sock kill-server 2>/dev/null
until tmux -L $sock list-sessions 2>&1 | grep -Eq 'no server running|error connecting'; do sleep 0.01; done
tmux -L $sock new-session -d -s keep
EOF
# A tool that fails is shown with its own words (tools.log), not only hyperfine's exit code.
own_words() { echo "$1 >>$tmp/tools.log 2>&1 || { cat $tmp/tools.log >&2; exit 1; }"; }
rune_cmd="$RUNE --config $tmp/rune.yaml start bench --detach --socket $sock -q"
cd "$tmp/proj"
hyperfine ${HYPERFINE_FLAGS:---style basic} --warmup 2 --runs "${RUNS:-10}" --prepare "sh $tmp/reset.sh" \
  --export-markdown "$RESULTS/tmux.md" --export-json "$RESULTS/tmux.json" \
  -n "rune start --detach" "$rune_cmd" \
  -n "rune start --dry-run (no tmux: CLI, config, plan)" "$RUNE --config $tmp/rune.yaml start bench --dry-run" \
  -n "tmuxinator $(tmuxinator version | awk '{print $2}')" "$(own_words "tmuxinator start -p $tmp/tmuxinator.yml")" \
  -n "tmuxp $(tmuxp -V | awk '{print $2}' | tr -d ,) load -d" "tmuxp load -y -d -L $sock $tmp/tmuxp.yaml" \
  -n "one tmux call per operation" "sh $tmp/per-op.sh" \
  -n "single chained tmux call" "sh $tmp/chained.sh"

# tmux client processes each spawns, counted by a PATH shim that logs every call (strace -f
# cannot: it would follow the daemonized server and wait for it), and the panes really built.
mkdir -p "$tmp/shim"
printf '#!/bin/sh\necho "$*" >>%s\nexec %s "$@"\n' "$tmp/tmux-calls" "$(command -v tmux)" \
  >"$tmp/shim/tmux"
chmod +x "$tmp/shim/tmux"
count() {
  sh "$tmp/reset.sh"
  : >"$tmp/tmux-calls"
  PATH="$tmp/shim:$PATH" sh -c "$1" >/dev/null 2>&1 || echo "($2 failed)" >&2
  local panes
  panes=$(tmux -L "$sock" list-panes -s -t =bench 2>/dev/null | wc -l)
  echo "| $2 | $(wc -l <"$tmp/tmux-calls") | $panes |"
}
{
  echo "| command | tmux processes | panes built |"
  echo "|---|---|---|"
  count "$rune_cmd" "rune start --detach"
  count "tmuxinator start -p $tmp/tmuxinator.yml" "tmuxinator"
  count "tmuxp load -y -d -L $sock $tmp/tmuxp.yaml" "tmuxp"
  count "sh $tmp/per-op.sh" "one call per operation"
  count "sh $tmp/chained.sh" "single chained call"
} | tee "$RESULTS/tmux-processes.md"
python3 - "$RESULTS/tmux.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
rune = r["rune start --detach"]
tmuxinator = next(v for k, v in r.items() if k.startswith("tmuxinator"))
tmuxp = next(v for k, v in r.items() if k.startswith("tmuxp"))
chained = r["single chained tmux call"]
dry = next(v for k, v in r.items() if k.startswith("rune start --dry-run"))
print(f'rune median {rune:.3f}s; tmuxinator {tmuxinator/rune:.2f}x and tmuxp {tmuxp/rune:.2f}x '
      f'slower; rune is {rune/chained:.2f}x the single chained call; without its fixed '
      f'CLI+config+plan cost (--dry-run, {dry:.3f}s) {(rune-dry)/chained:.2f}x')
PY
