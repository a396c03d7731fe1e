#!/usr/bin/env bash
# Installs rune under PREFIX (default ~/.local): the compiled binary dist/rune where
# `deno compile` could fetch its runtime, else a launcher that runs the bundle under rune's own
# permission set with prompts off. Usage: scripts/install.sh PREFIX DENO
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-$HOME/.local}
deno=${2:-deno}
bin="$prefix/bin"
lib="$prefix/lib/rune"
mkdir -p "$bin"
if [ -x dist/rune ]; then
  install -m 0755 dist/rune "$bin/rune"
  echo "installed the compiled binary: $bin/rune" >&2
  exit 0
fi
[ -f dist/rune.js ] || { echo "dist/rune.js is missing: run make build first" >&2; exit 1; }
# The bundle, its chunks, the modules rune loads on first use (dist/src/…, kept in the source
# layout: src/base/lazy.ts), a deno.json holding only the permission set (read by -P; the close
# hook finds it beside rune.js), and the Deno that built it, so the install needs nothing else.
rm -rf "$lib.new"
mkdir -p "$lib.new"
cp -R dist/*.js "$lib.new/"
[ ! -d dist/src ] || cp -R dist/src "$lib.new/"
python3 - "$lib.new/deno.json" <<'PY'
import json, sys
config = json.load(open("deno.json"))
json.dump({"permissions": config["permissions"]}, open(sys.argv[1], "w"), indent=2)
PY
install -m 0755 "$(readlink -f "$(command -v "$deno")")" "$lib.new/deno"
rm -rf "$lib.old"
[ -d "$lib" ] && mv "$lib" "$lib.old"
mv "$lib.new" "$lib"
rm -rf "$lib.old"
cat > "$bin/rune.new" <<SH
#!/bin/sh
# rune, installed by scripts/install.sh: the bundle under rune's permission set, prompts off.
exec "$lib/deno" run -q --no-prompt --config "$lib/deno.json" -P "$lib/rune.js" "\$@"
SH
chmod 0755 "$bin/rune.new"
mv "$bin/rune.new" "$bin/rune"
echo "installed a launcher: $bin/rune (bundle and Deno in $lib)" >&2
