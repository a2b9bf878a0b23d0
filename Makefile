# Targets mirror CI: .ci/run calls `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: venv demo test test-slow bench eval lint clean browser java

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,web,spark]'
	touch $@

demo: venv  ## create the environment, code the seed article into hadath.duckdb, show its events
	$(BIN)/hadath demo --db hadath.duckdb

test: venv  ## the test suite without the slow marker (tests needing ../shared skip cleanly where it is absent)
	$(BIN)/python -m pytest -q -m "not slow"

browser:  ## Debian chromium + Noto fonts for the browser tests (CI, as root; nothing to do when present)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium fonts-noto-core)

java:  ## Java 17 for the Spark tests (CI, as root; nothing to do when a java is on PATH)
	command -v java >/dev/null || (apt-get update && apt-get install -y openjdk-17-jre-headless)

test-slow: venv  ## the slow tests (whole corpora, a 100 MB input)
	$(BIN)/python -m pytest -q -m slow

bench: venv  ## throughput and memory benchmark -> docs/benchmarks.md
	$(BIN)/python scripts/bench.py --shared $(SHARED) --out docs/benchmarks.md

eval: venv  ## accuracy on the shared gold sets -> docs/accuracy.md
	$(BIN)/python scripts/accuracy_report.py --shared $(SHARED) --out docs/accuracy.md

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache hadath.duckdb
