# rune — build, run and test. A clean machine needs only Node.js/npm: `make setup`
# installs Deno from the npm registry into .tools/ and every target uses that copy.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DENO_VERSION := 2.9.6
TOOLS_DENO := $(CURDIR)/.tools/node_modules/.bin/deno
# Prefer a Deno on PATH; fall back to (and install) the pinned copy in .tools/.
DENO ?= $(shell command -v deno 2>/dev/null || echo $(TOOLS_DENO))
export DENO
# --no-prompt: rune must never stop in a Deno permission prompt; a denial is its one-line error.
RUN := $(DENO) run -q --no-prompt --config deno.json -P
DEMO_SOCKET ?= rune-demo
# The modules rune loads with importLazy: LAZY_MODULES in src/base/lazy.ts is the one list.
# Each is a bundle entry point, so they stay out of every other module's graph.
LAZY_ENTRIES := $(shell sed -n 's|^  "\(src/[a-z_/]*\)",$$|\1.ts|p' src/base/lazy.ts)

.PHONY: help setup run test stress build bundle compile release-binary install bench bench-startup lint fmt check clean

help:
	@echo "make setup   install Deno $(DENO_VERSION) into .tools/ when none is on PATH"
	@echo "make run     run the demo: rune start on templates/demo.yaml (own tmux socket: $(DEMO_SOCKET))"
	@echo "make test    build the bundle, then run every unit and e2e test"
	@echo "make stress  the reliability suite's long part (RUNE_STRESS_SEED=N to rerun a seed); updates README's table"
	@echo "make build   dist/rune.js (deno bundle) and, where the runtime can be fetched, dist/rune"
	@echo "make install install rune into PREFIX/bin (default ~/.local): the binary, or a launcher"
	@echo "make bench   run the benchmarks in bench/ (installs hyperfine, tmuxinator, tmuxp)"
	@echo "make lint    deno lint + deno fmt --check"

setup: $(DENO)

$(TOOLS_DENO):
	@echo "Deno not found on PATH: installing deno@$(DENO_VERSION) from npm into .tools/" >&2
	npm install --silent --no-audit --no-fund --prefix $(CURDIR)/.tools deno@$(DENO_VERSION)
	@$(TOOLS_DENO) --version | head -n 1

build: bundle compile

bundle: setup
	@mkdir -p dist
	rm -rf dist/chunks dist/src dist/rune.js dist/*.js
	@# --platform browser: yaml's and handlebars' ESM/browser builds, so no chunk needs the
	@# createRequire shim (node:module); Deno's own APIs and node:sqlite still work.
	$(DENO) bundle -q --frozen-lockfile --platform browser --code-splitting --outdir dist main.ts $(LAZY_ENTRIES)
	mv dist/main.js dist/rune.js
	@$(RUN) dist/rune.js --version >/dev/null && echo "dist/rune.js: built and runs" >&2

# deno compile downloads its runtime (denort); where that is impossible the bundle is the artifact.
# The lazily loaded modules are not in main.ts's graph: each must be --include'd.
COMPILE_FLAGS = --frozen-lockfile -P --include templates $(addprefix --include ,$(LAZY_ENTRIES))
compile: setup
	@mkdir -p dist
	@if $(DENO) compile -q --no-prompt $(COMPILE_FLAGS) -o dist/rune main.ts 2>dist/compile.err; then \
	  echo "dist/rune: compiled" >&2; \
	else \
	  echo "dist/rune: not built (deno compile could not fetch its runtime here; see dist/compile.err). dist/rune.js is the tested artifact." >&2; \
	fi

# The release workflow's binaries: make release-binary TARGET=x86_64-unknown-linux-gnu
release-binary: setup
	@mkdir -p dist
	$(DENO) compile --no-prompt $(COMPILE_FLAGS) --target $(TARGET) -o dist/rune-$(TARGET) main.ts

PREFIX ?= $(HOME)/.local
install: build
	bash scripts/install.sh "$(PREFIX)" "$(DENO)"

run: bundle
	$(RUN) dist/rune.js start demo --verbose --config templates/demo.yaml --socket $(DEMO_SOCKET)

test: bundle
	@bash scripts/test_deps.sh
	@bash scripts/test.sh

# The reliability suite (issue 18) at full strength; the fast part runs in `make test`. Its output
# goes to .test-results/stress.txt, from which README's reliability table is generated.
# Drawn once (a plain `?=` would draw again at every use, and print a seed the run did not use).
ifeq ($(RUNE_STRESS_SEED),)
RUNE_STRESS_SEED := $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
endif
stress: bundle
	@bash scripts/test_deps.sh
	@mkdir -p .test-results
	@echo "make stress: seed $(RUNE_STRESS_SEED)"
	set -o pipefail; RUNE_STRESS=full RUNE_STRESS_SEED=$(RUNE_STRESS_SEED) $(DENO) test -P --frozen-lockfile --no-prompt tests/stress/ 2>&1 | tee .test-results/stress.txt
	$(DENO) run -q --no-prompt --allow-read --allow-write scripts/reliability_table.ts .test-results/stress.txt README.md

bench: bundle
	bash bench/run.sh

bench-startup: bundle
	bash bench/startup.sh

lint: setup
	$(DENO) lint
	$(DENO) fmt --check

fmt: setup
	$(DENO) fmt

check: setup
	$(DENO) check main.ts

clean:
	rm -rf dist .test-results
