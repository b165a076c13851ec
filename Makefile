# The two commands of the README: `make run` and `make test`. Everything else is a step they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test load-test security-scan db serve bench clean-venv

run: db
	$(FLASK) run --host $(HOST) --port $(PORT)

test: $(VENV)/.dev-installed node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

load-test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest tests/load -m load -s -q

security-scan: $(VENV)/.dev-installed
	.ci/security-scan

serve: db
	$(BIN)/python deploy/serve.py --bind $(HOST):$(PORT)

db: $(VENV)/.installed
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/submit.py

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
