#!/usr/bin/env bash
# The shell hook against direnv's, from Debian, side by side:
#  1. processes per prompt in an unchanged directory, counted by PATH shims in a real
#     interactive bash (rune's hook: none; direnv's: `direnv export` on every prompt);
#  2. one hyperfine run: an empty `deno run`, `direnv export bash` (what direnv runs per
#     prompt), `rune __hook-env bash` for one `cd` into a project (detected by a config rule,
#     and by a trusted .rune.yaml), and `rune prompt` (an open work session).
# RUNE_BEFORE=DIR adds an older build's __hook-env and prompt rows to the same run.
# Everything lives in a temp HOME. Writes bench/results/hook-{prompts.txt,run.md,run.json}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need direnv
need script bsdutils
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo 'console.log("x")' >"$tmp/empty.js"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" NO_COLOR=1
mkdir -p "$HOME/web" "$HOME/local/.git" "$XDG_CONFIG_HOME/rune" "$tmp/bin"
EMPTY="$DENO run -q --no-config $tmp/empty.js"
RUNS=${RUNS:-40}

printf 'projects:\n  - name: web\n    detect: ["dir:%s/web"]\n' "$HOME" >"$XDG_CONFIG_HOME/rune/config.yaml"
echo 'export FROM_DIRENV=1' >"$HOME/web/.envrc"
direnv allow "$HOME/web"
printf 'version: 1\nprojects: [{ name: local }]\nrituals:\n  start:\n    per_project:\n      local: [{ name: up, command: "true" }]\n' >"$HOME/local/.rune.yaml"
(cd "$HOME/local" && $RUNE trust --yes >/dev/null 2>&1)
$RUNE start web --skip-rituals --quiet >/dev/null 2>&1 || true

# 1. Processes per prompt: 20 prompts in $HOME/web, each tool's hook alone.
for tool in rune direnv; do
  real=$([ "$tool" = rune ] && echo "$RUNE" || command -v direnv)
  printf '#!/bin/sh\necho x >> %s/%s.count\nexec %s "$@"\n' "$tmp" "$tool" "$real" >"$tmp/bin/$tool"
  chmod +x "$tmp/bin/$tool"
done
prompts() { # TOOL RCLINE
  : >"$tmp/$1.count"
  printf '%s\nPS1="> "\n' "$2" >"$tmp/$1.rc"
  { echo "cd $HOME/web"; echo "n0=\$(wc -l < $tmp/$1.count)"; for _ in $(seq 20); do echo true; done
    echo "echo \$(( \$(wc -l < $tmp/$1.count) - n0 )) > $tmp/$1.per20"; echo exit; } |
    PATH="$tmp/bin:$PATH" script -q -e -c "bash --noprofile --rcfile $tmp/$1.rc -i" /dev/null >/dev/null 2>&1
  cat "$tmp/$1.per20"
}
rune_n=$(prompts rune "$($RUNE hook bash)")
# direnv's hook names its binary by absolute path: point it at the counting shim.
direnv_n=$(prompts direnv "$(direnv hook bash | sed "s|$(command -v direnv)|$tmp/bin/direnv|g")")
{
  echo "processes started by 20 prompts in an unchanged directory (bash):"
  echo "  rune's hook:   $rune_n"
  echo "  direnv's hook: $direnv_n"
} | tee "$RESULTS/hook-prompts.txt"

BEFORE=${RUNE_BEFORE:+$(rune_in "$RUNE_BEFORE")}

# 2. What one prompt after a `cd` costs. Each runs in the project's directory.
cd "$HOME/web"
hyperfine -N --warmup 5 --runs "$RUNS" \
  --export-markdown "$RESULTS/hook-run.md" --export-json "$RESULTS/hook-run.json" \
  -n "empty deno run" "$EMPTY" \
  -n "direnv export bash (every prompt)" "direnv export bash" \
  -n "rune __hook-env bash: cd into a project (config rule)" "$RUNE __hook-env bash" \
  -n "rune __hook-env bash: cd into a trusted .rune.yaml (via sh -c cd)" "sh -c 'cd $HOME/local && exec $RUNE __hook-env bash'" \
  -n "rune prompt (open session)" "$RUNE prompt" \
  ${BEFORE:+-n "before: rune __hook-env bash: cd into a project (config rule)" "$BEFORE __hook-env bash"} \
  ${BEFORE:+-n "before: rune prompt (open session)" "$BEFORE prompt"}
