# The two commands of the README: `make run` and `make test`. Both make .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run build test lint typecheck contracts pytest screenshots bench clean system-deps-run system-deps-test

run: system-deps-run $(VENV)/.installed
	$(BIN)/listen-drill

test: system-deps-test $(VENV)/.installed-test lint typecheck contracts pytest

system-deps-run:
	PYTHON=$(PYTHON) scripts/ensure-system-deps.sh run

system-deps-test:
	PYTHON=$(PYTHON) scripts/ensure-system-deps.sh test

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	touch $@

# Installing compiles the scorer (setup.py), so a changed scorer source installs again.
SCORER_SOURCES := setup.py $(wildcard listen_drill/core/scoring/*.py)

$(VENV)/.installed: $(VENV)/.created pyproject.toml $(SCORER_SOURCES)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.created pyproject.toml $(SCORER_SOURCES)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

build: $(VENV)/.installed

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

contracts: $(VENV)/.installed-test
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

screenshots: system-deps-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f listen_drill_scorer__mypyc*.so listen_drill/core/scoring/*.so
