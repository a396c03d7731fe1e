#!/usr/bin/env bash
# Work sessions: `rune status` (called from prompts), `rune report` over 10,000 sessions, and
# importing 10,000 Watson frames, each against an empty `deno run` in the same hyperfine run.
# The store lives in a temp XDG_DATA_HOME; nothing of the user's is read or written.
# Writes bench/results/tracking-{status,report,import}.{md,json}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need hyperfine
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo 'console.log("x")' >"$tmp/empty.js"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" NO_COLOR=1
mkdir -p "$HOME"
EMPTY="$DENO run -q --no-config $tmp/empty.js"
RUNS=${RUNS:-30}

# 10,000 Watson frames in this month so far (early in a month they are short), and 10,000
# spread over last month (8 projects, tags).
python3 - "$tmp" <<'PY'
import json, sys, time, datetime
tmp = sys.argv[1]
now = time.time() - 120
today = datetime.datetime.now()
this_month = datetime.datetime(today.year, today.month, 1).timestamp()
last = (datetime.datetime(today.year, today.month, 1) - datetime.timedelta(days=1)).replace(day=1)
def frames(first, end, n, tag):
    step = (end - first) / n
    return [[int(first + i * step), int(first + i * step + step * 0.8), f"project-{i % 8}",
             f"{tag}{i:06d}", ["client", "deep work"] if i % 2 else [], int(first + i * step)]
            for i in range(n)]
json.dump(frames(this_month, now, 10_000, "m"), open(f"{tmp}/frames-month", "w"), indent=1)
json.dump(frames(last.timestamp(), this_month, 10_000, "l"), open(f"{tmp}/frames-last", "w"), indent=1)
open(f"{tmp}/last-month", "w").write(f"{last:%Y-%m-%d} {(datetime.datetime(today.year, today.month, 1) - datetime.timedelta(days=1)):%Y-%m-%d}\n")
PY
read -r FROM TO <"$tmp/last-month"

# RUNE_BEFORE=DIR: an older build's status and report rows join the same runs.
BEFORE=${RUNE_BEFORE:+$(rune_in "$RUNE_BEFORE")}

hyperfine -N --warmup 2 --runs 10 \
  --export-markdown "$RESULTS/tracking-import.md" --export-json "$RESULTS/tracking-import.json" \
  --prepare "rm -rf $tmp/import-data" \
  -n "empty deno run" "$EMPTY" \
  -n "rune migrate watson (10,000 frames)" \
  "env XDG_DATA_HOME=$tmp/import-data $RUNE migrate watson $tmp/frames-month"

# status: a long history (last month's 10,000) and one open session, as a prompt sees it.
echo "version: 1" >"$tmp/config.yaml"
XDG_DATA_HOME=$tmp/status-data $RUNE migrate watson "$tmp/frames-last" >/dev/null
XDG_DATA_HOME=$tmp/status-data $RUNE --config "$tmp/config.yaml" start bench --skip-rituals --quiet
# report: 10,000 sessions this month and 10,000 last month.
$RUNE migrate watson "$tmp/frames-month" >/dev/null
$RUNE migrate watson "$tmp/frames-last" >/dev/null

XDG_DATA_HOME=$tmp/status-data hyperfine -N --warmup 5 --runs "$RUNS" \
  --export-markdown "$RESULTS/tracking-status.md" --export-json "$RESULTS/tracking-status.json" \
  -n "empty deno run" "$EMPTY" \
  -n "rune --version" "$RUNE --version" \
  -n "rune status" "$RUNE status" \
  -n "rune status --json" "$RUNE status --json" \
  ${BEFORE:+-n "before: rune status" "$BEFORE status"}

hyperfine -N --warmup 3 --runs "$RUNS" \
  --export-markdown "$RESULTS/tracking-report.md" --export-json "$RESULTS/tracking-report.json" \
  -n "empty deno run" "$EMPTY" \
  -n "report --month (text)" "$RUNE report --month" \
  -n "report --month --format csv" "$RUNE report --month --format csv" \
  -n "report --month --format json" "$RUNE report --month --format json" \
  ${BEFORE:+-n "before: report --month (text)" "$BEFORE report --month"} \
  -n "report last month (text)" "$RUNE report --from $FROM --to $TO" \
  -n "report last month (csv)" "$RUNE report --from $FROM --to $TO --format csv" \
  -n "report last month (json)" "$RUNE report --from $FROM --to $TO --format json"

python3 - "$RESULTS" <<'PY'
import json, sys
for name in ("import", "status", "report"):
    r = json.load(open(f"{sys.argv[1]}/tracking-{name}.json"))["results"]
    base = r[0]["median"]
    for x in r:
        print(f'{x["command"]:<38} median {x["median"]*1000:7.1f} ms   {x["median"]/base:5.2f}x empty deno run')
    print()
PY
