#!/usr/bin/env bash
# pty: 200 MB of output from an interactive command through rune's pty path (`rune start`,
# which runs it under `script`), against `script` run directly and against no pty at all, in
# one hyperfine run. rune's own fixed cost is a fourth row: an interactive step that prints
# nothing. The pty path needs rune's stdin to be a terminal, so hyperfine runs inside a pane of
# a private tmux server and every command reads /dev/tty; output goes to /dev/null (hyperfine).
# Then rune's peak RSS (VmHWM) during a 200 MB interactive run, read by the command itself.
# Writes bench/results/pty.{md,json} and bench/results/pty_rss.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
need script util-linux
need tmux
tmp=$(mktemp -d)
sock="$tmp/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bench" "$tmp/state"
printf '%s\n' "head -c 200000000 /dev/zero | tr '\\0' x" >"$tmp/flood.sh"
# After the flood, the command walks up its ancestors to rune (the deno process) and reads
# rune's peak RSS while rune is still running it.
cat >"$tmp/flood_rss.sh" <<SH
sh $tmp/flood.sh
p=\$\$
while [ "\$p" -gt 1 ] && [ "\$(cat /proc/\$p/comm)" != deno ]; do p=\$(ps -o ppid= -p \$p | tr -d ' '); done
grep -E 'VmHWM|VmRSS' /proc/\$p/status > $tmp/rss.txt
SH
step() { printf 'rituals:\n  start:\n    global:\n      - {name: %s, interactive: true, command: "%s"}\n' "$1" "$2"; }
step flood "sh $tmp/flood.sh" >"$tmp/flood.yaml"
step quiet "true" >"$tmp/quiet.yaml"
step rss "sh $tmp/flood_rss.sh" >"$tmp/rss.yaml"

cat >"$tmp/inner.sh" <<SH
set -e
cd "$tmp/bench"
export XDG_STATE_HOME="$tmp/state" NO_COLOR=1
hyperfine --style basic --warmup 1 --runs "${RUNS:-10}" \\
  --export-markdown "$RESULTS/pty.md" --export-json "$RESULTS/pty.json" \\
  -n "no pty: sh" "sh $tmp/flood.sh </dev/tty" \\
  -n "script alone" "script -q -e -c 'sh $tmp/flood.sh' /dev/null </dev/tty" \\
  -n "rune start: pty path" "$RUNE --config $tmp/flood.yaml start bench </dev/tty" \\
  -n "rune start: pty step printing nothing" "$RUNE --config $tmp/quiet.yaml start bench </dev/tty"
$RUNE --config $tmp/rss.yaml start bench </dev/tty >/dev/null 2>&1
echo done > "$tmp/done"
SH
tmux -S "$sock" -f /dev/null new-session -d -x 160 -y 50 "bash $tmp/inner.sh 2>&1 | tee $tmp/inner.log; sleep 600"
while [ ! -e "$tmp/done" ]; do
  sleep 1
  if ! tmux -S "$sock" has-session 2>/dev/null; then echo "bench pane died" >&2; exit 1; fi
  if grep -q "Error\|error:" "$tmp/inner.log" 2>/dev/null; then cat "$tmp/inner.log" >&2; exit 1; fi
done
cp "$tmp/rss.txt" "$RESULTS/pty_rss.txt"
python3 - "$RESULTS/pty.json" "$tmp/rss.txt" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
none, script, rune, quiet = r.values()
mins = {x["command"]: x["min"] for x in json.load(open(sys.argv[1]))["results"]}
for name, t in r.items():
    print(f'{name:<40} median {t*1000:7.1f} ms  {t/script:4.2f}x script alone   '
          f'min {mins[name]*1000:7.1f} ms  {mins[name]/list(mins.values())[1]:4.2f}x')
print(f'rune pty path minus its fixed cost: {(rune - quiet)*1000:.0f} ms = {(rune - quiet)/script:.2f}x script alone; '
      f'throughput {200/rune:.0f} MB/s (script alone {200/script:.0f} MB/s, no pty {200/none:.0f} MB/s)')
rss = dict(l.split(":") for l in open(sys.argv[2]).read().splitlines())
print(f'rune peak RSS during a 200 MB interactive run: VmHWM {rss["VmHWM"].strip()}')
PY
