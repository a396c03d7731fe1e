#!/usr/bin/env bash
# Runs every benchmark in turn; each writes its table under bench/results/.
set -euo pipefail
cd "$(dirname "$0")"
for b in startup engine tmux ready pty tracking hook save_restore; do
  echo "== bench/$b" >&2
  bash "./$b.sh"
done
