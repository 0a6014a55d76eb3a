# PTĐV — two commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test lint bench clean

# The virtualenv is rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/ptdv migrate --noinput
	$(BIN)/ptdv demo
	$(BIN)/ptdv refresh --summaries   # kept counts and case state in step (after an upgrade too)
	$(BIN)/ptdv collectstatic --noinput --verbosity 0
	@$(BIN)/ptdv demo --accounts   # last before serving, so the demo accounts are not buried
	@echo "PTĐV: http://$(HOST):$(PORT)/"
# The import worker (docs/import.md) beside the web server, stopped with it.
	$(BIN)/ptdv work & WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn ptdv.wsgi --bind $(HOST):$(PORT) --workers 2 --no-control-socket --access-logfile -

# SQLite by default; the same suite on PostgreSQL when DATABASE_URL is set.
test: $(VENV)/.installed
	PTDV_TESTING=1 $(BIN)/pytest -n 2 --dist loadfile -q

lint: $(VENV)/.installed
	$(BIN)/ruff check ptdv tests

clean:
	rm -rf $(VENV) data
