# The two commands of the README: `make run` and `make test`. Everything else is a step they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# Synthetic responses the first `make run` adds, so the board and the officers' queues have something in them.
DEMO_RESPONSES ?= 2000
FLASK := $(BIN)/flask --app wsgi
# `make test` runs the tests in this many processes (pytest-xdist), each with its own database;
# TEST_PROCESSES=0 runs them in one.
TEST_PROCESSES ?= 2

# The residents' languages: each catalogue (.po, in git) compiled to the .mo the app reads.
CATALOGUES := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: run test translations extract-messages load-test security-scan db migrate serve worker bench clean-venv

# On a first run only (an empty database): the demo surveys, responses and one staff account per
# role, whose passwords are printed here. seed-demo refuses the accounts in production.
run: migrate
	$(FLASK) seed-demo --if-empty --accounts --responses $(DEMO_RESPONSES) --site-url http://$(HOST):$(PORT)
	$(FLASK) run --host $(HOST) --port $(PORT)

test: $(VENV)/.dev-installed node_modules/.installed translations
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) $(PYTEST_ARGS)

load-test: $(VENV)/.dev-installed translations
	$(BIN)/python -m pytest tests/load -m load -s -q

security-scan: $(VENV)/.dev-installed
	.ci/security-scan

serve: migrate
	$(BIN)/python deploy/serve.py --bind $(HOST):$(PORT)

# Runs background jobs (exports, re-analysis, summary rebuilds) from Redis; needs REDIS_URL.
worker: migrate
	$(FLASK) jobs worker

db: migrate
	$(FLASK) seed-demo --if-empty

migrate: $(VENV)/.installed translations
	$(FLASK) db upgrade

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/submit.py

translations: $(COMPILED)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile --input-file $< --output-file $@

# After changing residents' texts: refresh the template and every catalogue, then translate the
# new entries (docs/translations.md).
extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract --mapping-file babel.cfg --keywords _l --keywords lazy_gettext --no-location --sort-output --project Consult --output-file translations/messages.pot .
	$(BIN)/pybabel update --input-file translations/messages.pot --output-dir translations --no-wrap --ignore-obsolete

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Consult needs Python 3.11 or newer: set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

clean-venv:
	rm -rf $(VENV) node_modules
