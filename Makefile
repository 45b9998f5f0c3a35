# briefpack: `make` sets up (npm ci, compile, browser check) and builds the pack; `make test` tests it.
# Every target has real file prerequisites, so a second `make` with nothing changed does nothing.

# No built-in rules: make would otherwise try them on every seed file (0.27 s for 1,000 seeds).
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

SEEDS ?= seeds
OUT ?= output
FORMATS ?= pdf,epub,html,json
ARGS ?=
CORPUS ?= ../shared/corpus/html-articles

export PUPPETEER_SKIP_DOWNLOAD := 1
export PUPPETEER_SKIP_CHROME_DOWNLOAD := 1

NODE ?= node
CLI := $(NODE) build/pipeline/cli.js
STAMP := build/.compiled
BROWSER := build/.browser
DEPS := node_modules/.package-lock.json

SOURCES := $(shell find pipeline bench -name '*.ts') pipeline/enrich/stories/sections.json tsconfig.json
TEMPLATES := $(shell find templates -type f)
# What the seeds folder holds, followed through links; a broken link or a loop is left out, since make
# would stop at it ("No rule to make target"), while briefpack reports it and builds the rest.
SEED_FILES := $(shell find -L $(SEEDS) -mindepth 1 -maxdepth 1 ! -name '.*' ! -type l 2>/dev/null)
OUTPUTS := $(OUT)/briefing.pdf $(OUT)/briefing.epub $(OUT)/briefing.html $(OUT)/briefing.json

.PHONY: all pdf epub html json test check clean schema bench-read bench bench-stories bench-quotes sections-model mutation
.DELETE_ON_ERROR:

all: $(OUTPUTS)

# npm ci when node_modules is missing or older than the lock file. No install script runs:
# puppeteer's browser download stays off, Chromium comes from the system.
$(DEPS): package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

$(STAMP): $(DEPS) $(SOURCES)
	npx tsc -p tsconfig.json
	@touch $@

# The Chromium that prints the PDF. As root on Debian/Ubuntu with none found, install Debian's.
$(BROWSER): $(STAMP)
	@$(CLI) browser > $@ 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "no Chromium found: installing Debian's chromium" && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && \
	    $(CLI) browser > $@; \
	  else \
	    $(CLI) browser; rm -f $@; exit 1; \
	  fi; }

# One run writes all four files; the seeds folder itself is a prerequisite so that adding or
# removing an article rebuilds.
$(OUTPUTS) &: $(SEED_FILES) $(SEEDS) $(TEMPLATES) $(STAMP) $(BROWSER)
	$(CLI) build --seeds $(SEEDS) --out $(OUT) --formats $(FORMATS) $(ARGS)

# One format on request, always rebuilt. The EPUB needs Chromium too: its cover is a picture.
pdf epub: $(STAMP) $(BROWSER)
	$(CLI) build --seeds $(SEEDS) --out $(OUT) --formats $@ $(ARGS)
html json: $(STAMP)
	$(CLI) build --seeds $(SEEDS) --out $(OUT) --formats $@ $(ARGS)

# The JSON Schema of briefing.json, kept in the repository; a test checks it is current.
schema: $(STAMP)
	$(CLI) schema > schema/briefing.schema.json

# Types of everything: the pipeline, the benchmarks and the tests.
check: $(DEPS)
	npx tsc -p tsconfig.check.json

test: $(STAMP) $(BROWSER)
	npx vitest run

clean:
	rm -rf $(OUT) build

# Body F1, speed and titles of the HTML reader on the benchmark pages; appends to bench/results-read.md.
bench-read: $(STAMP)
	$(NODE) build/bench/read.js $(CORPUS)

# Story grouping on packs sampled from two labelled public sets (bench/stories.md says how to get
# them); a set that is absent is skipped with a line saying so. STORIES_ARGS adds arguments.
bench-stories: $(STAMP)
	$(NODE) build/bench/stories.js $(STORIES_ARGS)

# Direct quotes and their speakers on PolNeAR's attribution annotations (bench/quotes.md says how to
# get them): train, dev and test reported apart; skipped with a line saying so when absent.
bench-quotes: $(STAMP)
	$(NODE) build/bench/quotes.js $(QUOTES_ARGS)

# The section words (pipeline/enrich/stories/sections.json) from the BBC set's tuning part and HuffPost's
# CRIME and WORLD NEWS headlines (bench/stories.md says how to get both); skipped when BBC is absent.
sections-model: $(STAMP)
	$(NODE) build/bench/sections.js train && $(MAKE) --no-print-directory $(STAMP)

# Whole builds of 2, 100 and 1,000 generated articles timed beside pandoc's routes on the same
# files; the medians go to bench/results.md. BENCH_SIZES=2 is the smoke test: one run, no targets.
# BENCH_ARGS adds CLI arguments.
bench: $(STAMP) $(BROWSER)
	BENCH_SIZES="$(BENCH_SIZES)" BENCH_RUNS="$(BENCH_RUNS)" BENCH_ARGS="$(BENCH_ARGS)" CORPUS="$(CORPUS)" \
	  $(NODE) build/bench/bench.js

# Mutation testing with Stryker, one part of a stage folder a run (stryker.config.mjs), incremental;
# reports/mutation/<part>.json, then the score per folder. Not part of make test or CI: each part
# takes up to an hour on two cores (enrich parts two; MUTATE_SAMPLE=0.35 samples), a rerun only what changed.
MUTATE ?= publish read read-html enrich-annotate enrich-stories enrich-analyse
mutation: $(STAMP)
	@mkdir -p reports/mutation
	@for folder in $(MUTATE); do MUTATE_FOLDER=$$folder npx stryker run stryker.config.mjs || exit 1; done
	@$(NODE) build/bench/mutation-score.js
