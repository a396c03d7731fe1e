#!/usr/bin/env bash
# tmux session build: 10 windows x 4 panes, detached, on an isolated server, built by rune,
# tmuxinator, tmuxp, one tmux call per operation, and a single chained tmux call, in ONE
# hyperfine run (ratios hold on a noisy machine). Then the tmux client processes each spawns
# (strace). Panes run /bin/sh. Writes bench/results/tmux.{md,json} and tmux-processes.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need tmuxinator
need tmuxp
need strace
W=${WINDOWS:-10}
P=${PANES:-4}
tmp=$(mktemp -d)
sock=rune-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
export SHELL=/bin/sh HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
mkdir -p "$HOME" "$tmp/proj"

# The same project in each tool's format.
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
    echo "          panes: [$(for p in $(seq 1 "$P"); do printf '"echo w%sp%s"%s' "$w" "$p" "$([ "$p" -lt "$P" ] && echo ,)"; done)]"
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
    if [ "$w" = 1 ]; then echo "tmux -L $sock new-session -d -s bench -n w1 -x 200 -y 50 -c $tmp/proj"
    else echo "tmux -L $sock new-window -t bench: -n w$w -c $tmp/proj"; fi
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
    if [ "$w" = 1 ]; then printf ' new-session -d -s bench -n w1 -x 200 -y 50 -c %s' "$tmp/proj"
    else printf ' \\; new-window -n w%s -c %s' "$w" "$tmp/proj"; fi
    printf " \\\\; send-keys 'echo w%sp1' Enter" "$w"
    for p in $(seq 2 "$P"); do
      printf ' \\; split-window -c %s \\; select-layout tiled' "$tmp/proj"
      printf " \\\\; send-keys 'echo w%sp%s' Enter" "$w" "$p"
    done
  done
  echo
} >"$tmp/chained.sh"

reset="tmux -L $sock kill-server 2>/dev/null; while tmux -L $sock list-sessions >/dev/null 2>&1; do sleep 0.01; done; true"
cd "$tmp/proj"
hyperfine --warmup 2 --runs "${RUNS:-10}" --prepare "$reset" \
  --export-markdown "$RESULTS/tmux.md" --export-json "$RESULTS/tmux.json" \
  -n "rune start --detach" "$RUNE --config $tmp/rune.yaml start bench --detach --socket $sock -q" \
  -n "tmuxinator 3.0.5" "tmuxinator start -p $tmp/tmuxinator.yml" \
  -n "tmuxp 1.27 load -d" "tmuxp load -y -d -L $sock $tmp/tmuxp.yaml" \
  -n "one tmux call per operation" "sh $tmp/per-op.sh" \
  -n "single chained tmux call" "sh $tmp/chained.sh"

# How many tmux client processes each spawns: a `tmux` shim first on PATH counts its calls
# (strace -f would follow the daemonized server forever).
mkdir -p "$tmp/shim"
real_tmux=$(command -v tmux)
printf '#!/bin/sh\necho >>"%s/calls"\nexec %s "$@"\n' "$tmp" "$real_tmux" >"$tmp/shim/tmux"
chmod +x "$tmp/shim/tmux"
count() {
  eval "$reset"
  : >"$tmp/calls"
  PATH="$tmp/shim:$PATH" sh -c "$1" >/dev/null 2>&1 || true
  wc -l <"$tmp/calls" | tr -d ' '
}
{
  echo "| command | tmux client processes |"
  echo "|---|---|"
  echo "| rune start --detach | $(count "$RUNE --config $tmp/rune.yaml start bench --detach --socket $sock -q") |"
  echo "| tmuxinator | $(count "tmuxinator start -p $tmp/tmuxinator.yml") |"
  echo "| tmuxp | $(count "tmuxp load -y -d -L $sock $tmp/tmuxp.yaml") |"
  echo "| one call per operation | $(count "sh $tmp/per-op.sh") |"
  echo "| single chained call | $(count "sh $tmp/chained.sh") |"
} | tee "$RESULTS/tmux-processes.md"
python3 - "$RESULTS/tmux.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
rune = r["rune start --detach"]
print(f'rune median {rune:.3f}s; tmuxinator is {r["tmuxinator 3.0.5"]/rune:.2f}x slower; '
      f'rune is {rune/r["single chained tmux call"]:.2f}x the single chained call')
PY
