# Shared by the benchmarks: the Deno to use, how to run rune's bundle, and installing tools.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DENO=${DENO:-$(command -v deno || echo "$BENCH_ROOT/.tools/node_modules/.bin/deno")}
RUNE="$DENO run -q --no-prompt --config $BENCH_ROOT/deno.json -P $BENCH_ROOT/dist/rune.js"
RESULTS="$BENCH_ROOT/bench/results"
mkdir -p "$RESULTS"

# need PROGRAM [DEBIAN-PACKAGE]: installs from Debian's packages when PROGRAM is missing.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing ${2:-$1} (Debian package) for the benchmark" >&2
  if [ -z "${BENCH_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; BENCH_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${2:-$1}" >/dev/null
}
