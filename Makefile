# koubo: every target installs what it needs first (virtual environment, Debian packages).
# `make serve` and `make test` are the two commands a new machine needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .make-stamps
CORPUS := corpus
DB     := db/koubo.db
PORT   ?= 8001

CODE   := $(shell find pipeline extractors -name '*.py' 2>/dev/null) $(wildcard extractors/data/*)
WARCS  := $(shell find $(CORPUS) \( -name '*.warc.gz' -o -name '*.warc' \) 2>/dev/null)

.PHONY: help setup serve build refresh test lint bench eval corpus lock clean
.DEFAULT_GOAL := help

help:
	@echo "make serve    build db/koubo.db from the bundled corpus if missing or stale, then open Datasette on 127.0.0.1:$(PORT)"
	@echo "make test     run the test suite (installs the venv and Debian's chromium first)"
	@echo "make build    rebuild the database from the corpus"
	@echo "make refresh  crawl the configured sources, then build"
	@echo "make bench    measure build speed and memory"
	@echo "make eval     score the held-out documents (tests/heldout) with ../shared/tools/score.py"
	@echo "make corpus   regenerate the bundled corpus from ../shared/seeds (needs LibreOffice)"
	@echo "make lint     ruff"

# The virtual environment, from the lock file; `koubo` installed in it.
$(STAMPS)/venv: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@mkdir -p $(STAMPS) && touch $@

setup: $(STAMPS)/venv

# Debian packages for the browser test: chromium, libatomic1 (Playwright's bundled node needs it),
# and fonts-noto-cjk for Japanese in screenshots.
$(STAMPS)/debian-test:
	scripts/install-debian-packages.sh chromium fonts-noto-cjk libatomic1
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/debian-corpus:
	scripts/install-debian-packages.sh libreoffice-writer-nogui fonts-noto-cjk
	@mkdir -p $(STAMPS) && touch $@

$(DB): $(STAMPS)/venv $(WARCS) $(CODE)
	$(BIN)/koubo build --corpus $(CORPUS) --db $(DB)

serve: $(DB)
	$(BIN)/koubo serve --db $(DB) --port $(PORT)

build: $(STAMPS)/venv
	$(BIN)/koubo build --corpus $(CORPUS) --db $(DB)

refresh: $(STAMPS)/venv
	$(BIN)/koubo refresh --corpus $(CORPUS) --db $(DB)

test: $(STAMPS)/venv $(STAMPS)/debian-test
	$(BIN)/ruff check pipeline extractors tests scripts
	$(BIN)/pytest

lint: $(STAMPS)/venv
	$(BIN)/ruff check pipeline extractors tests scripts

bench: $(STAMPS)/venv
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_decode.py

eval: $(STAMPS)/venv
	$(BIN)/python scripts/eval_heldout.py

corpus: $(STAMPS)/venv $(STAMPS)/debian-corpus
	$(BIN)/python scripts/make_mirror.py
	$(BIN)/python -m pipeline.mirror --corpus $(CORPUS)

# The lock file, resolved for the oldest Python 3.11 (Debian 12 ships 3.11.2).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11.0 -o requirements.lock

clean:
	rm -rf $(STAMPS) $(DB) test-artifacts
