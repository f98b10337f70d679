# Continuum: `make demo` serves the demo school; `make test` runs the whole suite.
# Both work on a fresh Debian/Ubuntu machine with Python 3.12+ and make.

PYTHON ?= $(shell command -v python3.12 || command -v python3.13 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export CONTINUUM_VAR_DIR ?= $(CURDIR)/var
DEMO_DB := $(CONTINUUM_VAR_DIR)/demo.sqlite3

.PHONY: demo test install lint types imports migrations-check unit postgres browser serve clean bench-peer

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Continuum needs Python 3.12+; got " + sys.version.split()[0] + " (set PYTHON=python3.12)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	bash scripts/ensure-pdf-libs.sh
	touch $(STAMP)

install: $(STAMP)

DEMO_ENV := CONTINUUM_DEMO=true DATABASE_URL=sqlite:///$(DEMO_DB)

# The background worker (CASE imports from the web) runs beside the server and stops with it.
demo: install
	mkdir -p $(CONTINUUM_VAR_DIR)
	$(DEMO_ENV) $(BIN)/continuum migrate --no-input
	$(DEMO_ENV) $(BIN)/continuum demo_school --seed 2026
	$(DEMO_ENV) sh -c '$(BIN)/continuum db_worker --no-reload --interval 2 & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		$(BIN)/continuum runserver 127.0.0.1:8000'

test: install lint types imports migrations-check unit postgres browser

lint: install
	$(BIN)/ruff check continuum tests bench conftest.py
	$(BIN)/ruff format --check continuum tests bench conftest.py

types: install
	$(BIN)/mypy continuum

imports: install
	$(BIN)/lint-imports

migrations-check: install
	$(BIN)/continuum makemigrations --check --dry-run

unit: install
	$(BIN)/pytest -n 2 -m "not browser" --durations=15

# Includes tests/smoke: `continuum serve` started as in production, and a backup round trip.
postgres: install
	$(BIN)/pytest -n 2 -m "not browser" --postgres --durations=15

browser: install
	bash scripts/ensure-chromium.sh
	$(BIN)/pytest -m browser --durations=15

bench-peer:
	bash scripts/bench-peer-venv.sh

clean:
	rm -rf $(VENV) var test-output
