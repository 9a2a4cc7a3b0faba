# Haven — two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint typecheck check clean

# The three distributions built from this tree (packaging/README.md), installed editable.
DISTS  := -e packaging/pypi/core -e packaging/pypi/relay -e '.[dev]'

# (Re)install whenever the project's metadata changes.
$(STAMP): pyproject.toml packaging/pypi/core/pyproject.toml packaging/pypi/relay/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Haven needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# Before the split the whole tree was one distribution called `haven` (a name that belongs
	@# to another project on the package index); drop it from an older .venv.
	@$(PY) -m pip uninstall --quiet --yes haven >/dev/null 2>&1 || true
	$(PY) -m pip install --quiet $(DISTS)
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/haven

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m bench $(BENCH_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench tools
	$(VENV)/bin/ruff format --check src tests bench tools
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
