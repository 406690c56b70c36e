# Two commands on a fresh machine (README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint audit bench bench-load bench-monitor clean

$(BIN)/safepassage: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The main job on embedded defaults: check the bundled knowledge base, assess the founding case
# (a published case, no private data) for Kazakhstan as known on 7 Feb 2025, then start the
# casework app on SQLite with that case as its demo (it prints how to log in).
demo: $(BIN)/safepassage
	$(BIN)/safepassage kb check
	$(BIN)/safepassage assess examples/founding-case.yaml --country KZ --as-of 2025-02-07
	$(BIN)/safepassage assess examples/founding-case.yaml --as-of 2025-02-07 --format html --output founding-case-report.html
	$(BIN)/safepassage serve --demo

lint: $(BIN)/safepassage
	$(BIN)/ruff check src tests bench scripts
	SAFEPASSAGE_HOME=$$(mktemp -d) $(BIN)/mypy

# Known vulnerabilities in the installed dependencies, from PyPI's JSON API (pip-audit; what it
# checks and when it only warns: scripts/audit-dependencies.py).
audit: $(BIN)/safepassage
	$(BIN)/python scripts/audit-dependencies.py

# Everything on SQLite, then the casework tests again on the local PostgreSQL server.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
test: $(BIN)/safepassage lint audit
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-poppler.sh
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-redis.sh
	$(BIN)/pytest
	DATABASE_URL=$(PG_URL) $(BIN)/pytest tests/casework -m "not browser" -p no:cacheprovider

bench: $(BIN)/safepassage
	$(BIN)/python bench/run.py
	$(BIN)/python bench/dossier.py

bench-monitor: $(BIN)/safepassage
	$(BIN)/python bench/monitor.py

bench-load: $(BIN)/safepassage
	bash scripts/ensure-postgres.sh
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts .safepassage
