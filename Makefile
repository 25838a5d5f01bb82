# Two commands: `make run` (set up, build the seed graph, answer a question) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test eval bench clean train

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(TEST_STAMP)

run: $(STAMP)
	$(BIN)/kg build seeds -o out/seed.trig
	@echo
	@echo "Who leads and who founded each organisation (kg query leaders):"
	@$(BIN)/kg query leaders --format table

# The JavaScript clients the export tests open our files with (graphology, jsonld.js), when npm is here.
JS_STAMP := tests/js/node_modules/.installed
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/js --no-audit --no-fund --loglevel=error && touch $(JS_STAMP); \
	else echo "npm not found: the graphology/jsonld.js tests will skip (CI installs it)"; fi

test: $(TEST_STAMP) $(JS_STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/mypy kg

# The learned scorer (kg/data/scorer.json) from Re-DocRED dev's 500 articles and their gold
# (benchmarks/train_scorer.py; extractions cached in .kg/train-store-cache). OMP_NUM_THREADS=1:
# OpenMP's spinning threads make training many times slower on a shared 2-core machine.
TRAIN_STAMP := $(VENV)/.installed-train
$(TRAIN_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[train]'
	touch $(TRAIN_STAMP)

train: $(TRAIN_STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python benchmarks/train_scorer.py

eval: $(STAMP)
	$(BIN)/python benchmarks/quality.py

clean:
	rm -rf .kg out
