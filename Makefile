# Targets mirror CI: .ci/run calls `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: venv demo test test-slow bench eval lint clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: venv  ## create the environment, code the seed article into hadath.duckdb, show its events
	$(BIN)/hadath demo --db hadath.duckdb

test: venv  ## the whole test suite (tests needing ../shared skip cleanly where it is absent)
	$(BIN)/python -m pytest -q

test-slow: venv
	$(BIN)/python -m pytest -q -m slow

bench: venv  ## throughput and memory benchmark -> docs/benchmarks.md
	$(BIN)/python scripts/bench.py --shared $(SHARED) --out docs/benchmarks.md

eval: venv  ## accuracy on the shared gold sets -> printed (copy to docs/accuracy.md)
	$(BIN)/hadath eval --gold $(SHARED)/eval/dev_gold.jsonl --corpus $(SHARED)/data/ant/ant_sample.jsonl
	$(BIN)/hadath eval-gsr $(SHARED)/data/arabic_event_gsr

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache hadath.duckdb
