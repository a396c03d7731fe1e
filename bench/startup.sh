#!/usr/bin/env bash
# Startup: rune's front door against an empty `deno run`, side by side in one hyperfine run
# (in rounds: lib.sh's hyperfine_rounds) so the ratios hold on a noisy machine. An unchanged
# 3-project config (answered from the validated-config cache); the first run after an edit
# (the config rewritten before each run, so every run parses it); and the first run after
# install: an empty DENO_DIR and an empty rune cache before each run, against an empty
# `deno run` with an empty DENO_DIR too. RUNE_BEFORE=DIR adds an older build's rows to the
# same run. Writes bench/results/startup.{json,md,txt}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need tmux
tmp=$(mktemp -d)
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" TMUX_TMPDIR="$tmp/tmux" NO_COLOR=1
mkdir -p "$HOME" "$TMUX_TMPDIR" "$tmp/web"
# A private server with one session, for `rune session ls`: the default socket of this run's
# own TMUX_TMPDIR, which is where rune looks.
sock="$TMUX_TMPDIR/tmux-$(id -u)/default"
mkdir -p -m 0700 "$(dirname "$sock")"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
tmux -S "$sock" new-session -d -s other -x 80 -y 24
touch "$tmp/web/package.json"
echo 'console.log("x")' >"$tmp/empty.js"
config="$tmp/config/rune/config.yaml"
mkdir -p "$(dirname "$config")"
cat >"$config" <<'YAML'
# edit 000000000
version: 1
projects:
  - name: web
    detect: [package.json]
  - name: api
    detect: [go.mod]
  - name: docs
    detect: [mkdocs.yml]
rituals:
  start:
    global:
      - {name: fetch, command: "git fetch --quiet || true"}
    per_project:
      web:
        - {name: deps, command: npm ci, timeout: 5m}
        - {name: workspace, interactive: true, tmux_template: web}
      api:
        - {name: build, command: go build ./...}
  stop:
    global:
      - {name: status, command: git status --short}
  templates:
    web:
      session_name: "{{.Project}}"
      windows:
        - {name: code, layout: main-vertical, panes: [vim, "npm run dev"]}
        - {name: test, panes: [npm test, "git log --oneline -5"]}
YAML
# The same size every time, new content every time: each run after it parses the file.
printf 'sed -i "1s/.*/# edit $(date +%%N)/" %s\n' "$config" >"$tmp/edit.sh"
printf 'rm -rf %s/denodir %s/cache; mkdir %s/denodir\n' "$tmp" "$tmp" "$tmp" >"$tmp/cold.sh"

names=() cmds=() preps=()
row() { names+=("$1"); cmds+=("$2"); preps+=("${3:-true}"); }
rows() { # rows LABEL RUNE-COMMAND
  local p=$1 r=$2
  row "${p}rune --version" "$r --version"
  row "${p}rune --help" "$r --help"
  row "${p}rune ritual list" "$r ritual list"
  row "${p}rune start web --dry-run" "$r start web --dry-run"
  row "${p}rune config validate" "$r config validate"
  row "${p}rune session ls" "$r session ls"
  row "${p}after an edit: rune ritual list" "$r ritual list" "sh $tmp/edit.sh"
  row "${p}after an edit: rune start web --dry-run" "$r start web --dry-run" "sh $tmp/edit.sh"
}
row "empty deno run" "$DENO run -q --no-config $tmp/empty.js"
rows "" "$RUNE"
cold="env DENO_DIR=$tmp/denodir"
row "cold: empty deno run" "$cold $DENO run -q --no-config $tmp/empty.js" "sh $tmp/cold.sh"
row "cold: rune --version" "$cold $RUNE --version" "sh $tmp/cold.sh"
row "cold: rune ritual list" "$cold $RUNE ritual list" "sh $tmp/cold.sh"
row "cold: rune start web --dry-run" "$cold $RUNE start web --dry-run" "sh $tmp/cold.sh"
if [ -n "$RUNE_BEFORE" ]; then
  rows "before: " "$(rune_in "$RUNE_BEFORE")"
  row "before, cold: rune --version" "$cold $(rune_in "$RUNE_BEFORE") --version" "sh $tmp/cold.sh"
  row "before, cold: rune ritual list" "$cold $(rune_in "$RUNE_BEFORE") ritual list" \
    "sh $tmp/cold.sh"
fi
args=()
for i in "${!names[@]}"; do args+=(--prepare "${preps[$i]}" -n "${names[$i]}" "${cmds[$i]}"); done

cd "$tmp/web"
# Each command once, so the config cache holds the config before the measured runs.
for c in "${cmds[@]}"; do $c >/dev/null 2>&1 || true; done
hyperfine_rounds startup -N "${args[@]}"
{
  echo "measured $(date -u +%Y-%m-%d), ${ROUNDS:-6} rounds of ${RUNS:-5} runs, medians;" \
    "cold rows vs the cold empty run"
  summary "$RESULTS/startup.json" "empty deno run" | grep -v cold
  summary "$RESULTS/startup.json" "cold: empty deno run" | grep cold
} | tee "$RESULTS/startup.txt"
