# Shared by the benchmarks: the Deno to use, how to run rune's bundle, and installing tools.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DENO=${DENO:-$(command -v deno || echo "$BENCH_ROOT/.tools/node_modules/.bin/deno")}
# rune_in DIR: the command that runs the bundle DIR/dist/rune.js under DIR/deno.json's
# permission set (DIR: this checkout, or RUNE_BEFORE, an older build to compare with).
rune_in() { echo "$DENO run -q --no-prompt --config $1/deno.json -P $1/dist/rune.js"; }
RUNE=$(rune_in "$BENCH_ROOT")
# RUNE_BEFORE=DIR (a checkout or copy with dist/ and deno.json): its rows join the same run.
RUNE_BEFORE=${RUNE_BEFORE:-}
RESULTS="$BENCH_ROOT/bench/results"
mkdir -p "$RESULTS"

# need PROGRAM [DEBIAN-PACKAGE]: installs from Debian's packages when PROGRAM is missing.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing ${2:-$1} (Debian package) for the benchmark" >&2
  if [ -z "${BENCH_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; BENCH_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${2:-$1}" >/dev/null
}

# wait_quiet [PERCENT]: on a shared machine, wait (up to 5 minutes) until the CPUs were less
# than PERCENT busy over 2 s, so a burst of someone else's load does not land on one row.
wait_quiet() {
  local lim=${1:-${BENCH_QUIET:-25}} busy=100 a b c d e f g t1 i1 t2 i2
  for _ in $(seq 150); do
    read -r _ a b c d e f g _ </proc/stat; t1=$((a + b + c + d + e + f + g)); i1=$((d + e))
    sleep 2
    read -r _ a b c d e f g _ </proc/stat; t2=$((a + b + c + d + e + f + g)); i2=$((d + e))
    busy=$((100 - 100 * (i2 - i1) / (t2 - t1)))
    [ "$busy" -lt "$lim" ] && return 0
  done
  echo "the machine stayed ${busy}% busy; measuring anyway" >&2
}

# hyperfine_rounds NAME [hyperfine options and commands…]: hyperfine ROUNDS times (default 6),
# RUNS runs of each command per round (default 5) after one warmup, each round after
# wait_quiet; the rounds' times merged into bench/results/NAME.{json,md}. On a shared machine
# a burst of load then lands on every command alike, not on one row of a long run.
hyperfine_rounds() {
  local name=$1 rounds=${ROUNDS:-6} dir
  shift
  dir=$(mktemp -d)
  for r in $(seq "$rounds"); do
    wait_quiet
    echo "round $r of $rounds" >&2
    hyperfine --style none --warmup 1 --runs "${RUNS:-5}" --export-json "$dir/$r.json" "$@" >/dev/null
  done
  python3 - "$RESULTS/$name" "$dir"/*.json <<'PY'
import json, statistics, sys
out, files = sys.argv[1], sys.argv[2:]
merged = {}
for f in files:
    for r in json.load(open(f))["results"]:
        merged.setdefault(r["command"], []).extend(r["times"])
results = [{"command": c, "times": t, "median": statistics.median(t), "mean": statistics.mean(t),
            "min": min(t), "max": max(t)} for c, t in merged.items()]
json.dump({"results": results, "rounds": len(files)}, open(out + ".json", "w"), indent=1)
with open(out + ".md", "w") as md:
    md.write("| command | median ms | mean ms | min ms | max ms | runs |\n|---|---:|---:|---:|---:|---:|\n")
    for r in results:
        md.write(f'| {r["command"]} | {r["median"]*1000:.1f} | {r["mean"]*1000:.1f} | '
                 f'{r["min"]*1000:.1f} | {r["max"]*1000:.1f} | {len(r["times"])} |\n')
PY
  rm -rf "$dir"
}

# summary JSON BASELINE-NAME: each row's median and its ratio to the baseline row.
summary() {
  python3 - "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = next(x["median"] for x in r if x["command"] == sys.argv[2])
for x in r:
    print(f'{x["command"]:<58} median {x["median"]*1000:8.1f} ms  {x["median"]/base:6.2f}x')
PY
}
