#!/usr/bin/env bash
# Readiness (issue 17), on an isolated server (its own -L socket), in ONE hyperfine run:
# 12 windows / 18 panes whose shells take 0.3-1.5 s to start (each window's shell sleeps
# for the time its directory is named after), built by rune, tmuxinator and tmuxp, each run
# timed until EVERY pane has run its command (each touches a file; the tools that type
# before the shell reads leave it as typeahead). tmuxp with pane_readiness (its prompt wait,
# one pane after another) needs tmuxp >= 1.50 from source: TMUXP_SRC=…/tmuxp/src
# LIBTMUX_SRC=…/libtmux/src; Debian's tmuxp 1.27 has no such wait and is run as it is.
# Then a three-step dependency chain (each step's condition takes 0.5 s) against the same
# conditions in one pane, both with --wait: the chain's own cost.
# Writes bench/results/ready.{md,json} and ready-chain.{md,json}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need tmuxinator
need tmuxp
[ -f "$BENCH_ROOT/dist/rune.js" ] || { echo "run make build first" >&2; exit 2; }
tmp=$(mktemp -d)
sock=rune-ready-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
# tmuxinator 3.0.5 exits 1, silently, when $XDG_CONFIG_HOME/tmuxinator does not exist.
mkdir -p "$HOME" "$tmp/done" "$XDG_CONFIG_HOME/tmuxinator"
delays=(0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.5)
for d in "${delays[@]}"; do mkdir -p "$tmp/d$d"; done
# The pane shell: bash whose rc sleeps for the window's delay (its directory's name).
printf 'sleep "${PWD##*/d}"\nPS1="$ "\n' >"$tmp/rc"
printf '#!/bin/sh\nexec bash --rcfile %s -i\n' "$tmp/rc" >"$tmp/slowsh"
chmod +x "$tmp/slowsh"
# Every tool starts the server, which reads ~/.tmux.conf: the pane shells are set there
# (tmuxinator runs its own script with $SHELL, so SHELL must stay a real shell).
echo "set -g default-shell $tmp/slowsh" >"$HOME/.tmux.conf"
export SHELL=/bin/bash

# Window w (1-12) in d<delay>; windows 1-6 have two panes, 7-12 one: 18 panes.
panes_of() { [ "$1" -le 6 ] && echo 2 || echo 1; }
{
  echo "rituals:"
  echo "  start:"
  echo "    global: [{name: workspace, interactive: true, tmux_template: bench}]"
  echo "  templates:"
  echo "    bench:"
  echo "      session_name: bench"
  echo "      windows:"
  for w in $(seq 1 12); do
    echo "        - {name: w$w, dir: $tmp/d${delays[$((w - 1))]}, panes: ["
    for p in $(seq 1 "$(panes_of "$w")"); do echo "            \"touch $tmp/done/w${w}p$p\","; done
    echo "          ]}"
  done
} >"$tmp/rune.yaml"
tmuxp_yaml() { # $1: extra top-level lines
  echo "session_name: bench"
  echo "$1"
  echo "windows:"
  for w in $(seq 1 12); do
    echo "  - window_name: w$w"
    echo "    start_directory: $tmp/d${delays[$((w - 1))]}"
    echo "    panes:"
    for p in $(seq 1 "$(panes_of "$w")"); do echo "      - touch $tmp/done/w${w}p$p"; done
  done
}
tmuxp_yaml "" >"$tmp/tmuxp.yaml"
tmuxp_yaml "workspace_builder_options: {pane_readiness: always}" >"$tmp/tmuxp-ready.yaml"
{
  echo "name: bench"
  echo "socket_name: $sock"
  echo "attach: false"
  echo "windows:"
  for w in $(seq 1 12); do
    echo "  - w$w:"
    echo "      root: $tmp/d${delays[$((w - 1))]}"
    echo "      panes:"
    for p in $(seq 1 "$(panes_of "$w")"); do echo "        - touch $tmp/done/w${w}p$p"; done
  done
} >"$tmp/tmuxinator.yml"

# The baseline: the same session as one chained tmux call, typing at once (typeahead).
{
  printf 'tmux -L %s' "$sock"
  for w in $(seq 1 12); do
    dir="$tmp/d${delays[$((w - 1))]}"
    if [ "$w" = 1 ]; then
      printf ' new-session -d -s bench -n w1 -x 200 -y 50 -c %s' "$dir"
    else
      printf ' \\; new-window -n w%s -c %s' "$w" "$dir"
    fi
    printf " \\\\; send-keys 'touch %s/done/w%sp1' Enter" "$tmp" "$w"
    if [ "$(panes_of "$w")" = 2 ]; then
      printf ' \\; split-window -c %s' "$dir"
      printf " \\\\; send-keys 'touch %s/done/w%sp2' Enter" "$tmp" "$w"
    fi
  done
  echo
} >"$tmp/chained.sh"
# Between runs: a fresh server (reading the ~/.tmux.conf above) holding one session, so no tool
# pays for starting it and tmuxinator's `start-server` cannot race the server's exit.
cat >"$tmp/reset.sh" <<EOF
tmux -L $sock kill-server 2>/dev/null
until tmux -L $sock list-sessions 2>&1 | grep -Eq 'no server running|error connecting'; do sleep 0.01; done
tmux -L $sock new-session -d -s keep
rm -f $tmp/done/*
EOF
# Every run ends once all 18 panes have run their command.
cat >"$tmp/all-ran.sh" <<EOF
until [ "\$(ls $tmp/done | wc -l)" -ge 18 ]; do sleep 0.01; done
EOF
# A tool that fails is shown with its own words (tools.log), not hyperfine's.
done_after() { echo "$1 >>$tmp/tools.log 2>&1 || { cat $tmp/tools.log >&2; exit 1; }; sh $tmp/all-ran.sh"; }
rune="$RUNE --config $tmp/rune.yaml start bench --detach --socket $sock -q"
cmds=(
  -n "rune start --detach" "$(done_after "$rune")"
  -n "tmuxinator $(tmuxinator version | awk '{print $2}') (types at once)"
  "$(done_after "tmuxinator start -p $tmp/tmuxinator.yml")"
  -n "tmuxp $(tmuxp -V | awk '{print $2}' | tr -d ,) load -d (types at once)"
  "$(done_after "tmuxp load -y -d -L $sock $tmp/tmuxp.yaml")"
  -n "single chained tmux call (types at once)" "$(done_after "sh $tmp/chained.sh")"
)
if [ -n "${TMUXP_SRC:-}" ] && [ -n "${LIBTMUX_SRC:-}" ]; then
  new_tmuxp="env PYTHONPATH=$TMUXP_SRC:$LIBTMUX_SRC python3 -c 'import sys; from tmuxp.cli import cli; sys.argv[0] = \"tmuxp\"; cli()'"
  version=$(sh -c "$new_tmuxp -V" | awk '{print $2}' | tr -d ,)
  cmds+=(-n "tmuxp $version load -d, pane_readiness: always"
    "$(done_after "$new_tmuxp load -y -d -L $sock $tmp/tmuxp-ready.yaml")")
fi
cd "$tmp"
hyperfine ${HYPERFINE_FLAGS:---style basic} --warmup 1 --runs "${RUNS:-10}" --prepare "sh $tmp/reset.sh" \
  --export-markdown "$RESULTS/ready.md" --export-json "$RESULTS/ready.json" "${cmds[@]}"

# The chain: db → app → tests, each ready 0.5 s after it starts (a line it prints), against
# the same three conditions met one after the other in a single pane.
mkdir -p "$tmp/fast"
printf 'PS1="$ "\n' >"$tmp/fastrc"
printf '#!/bin/sh\nexec bash --rcfile %s -i\n' "$tmp/fastrc" >"$tmp/fastsh"
chmod +x "$tmp/fastsh"
step() { echo "{command: \"sleep 0.5; echo ok-$1\", ready: {output: \"^ok-$1\$\"}$2}"; }
cat >"$tmp/chain.yaml" <<EOF
rituals:
  start:
    global: [{name: workspace, interactive: true, tmux_template: chain}]
  templates:
    chain:
      session_name: bench
      windows:
        - {name: db, panes: [$(step db "")]}
        - {name: app, panes: [$(step app ", depends_on: db")]}
        - {name: tests, panes: [$(step tests ", depends_on: app")]}
EOF
cat >"$tmp/one.yaml" <<EOF
rituals:
  start:
    global: [{name: workspace, interactive: true, tmux_template: one}]
  templates:
    one:
      session_name: bench
      windows:
        - {name: all, panes: [{command: "sleep 0.5; echo ok-db; sleep 0.5; echo ok-app; sleep 0.5; echo ok-tests", ready: {output: "^ok-tests\$"}}]}
EOF
echo "set -g default-shell $tmp/fastsh" >"$HOME/.tmux.conf"
hyperfine ${HYPERFINE_FLAGS:---style basic} --warmup 1 --runs "${RUNS:-10}" \
  --prepare "sh $tmp/reset.sh" \
  --export-markdown "$RESULTS/ready-chain.md" --export-json "$RESULTS/ready-chain.json" \
  -n "rune start --wait: db → app → tests, 0.5 s each" \
  "$RUNE --config $tmp/chain.yaml start bench --detach --wait --socket $sock -q" \
  -n "rune start --wait: the same 1.5 s in one pane" \
  "$RUNE --config $tmp/one.yaml start bench --detach --wait --socket $sock -q"
python3 - "$RESULTS/ready.json" "$RESULTS/ready-chain.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
c = [x["median"] for x in json.load(open(sys.argv[2]))["results"]]
rune = r["rune start --detach"]
print(f'rune: every pane ran its command after {rune:.2f}s (slowest shell 1.5 s: '
      f'+{rune - 1.5:.2f}s); ' + "; ".join(f"{k}: {v:.2f}s" for k, v in r.items() if k != "rune start --detach"))
print(f'chain: {c[0]:.3f}s vs {c[1]:.3f}s in one pane: the chain adds {1000 * (c[0] - c[1]):.0f} ms')
PY
