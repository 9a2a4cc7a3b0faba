# Haven — two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint typecheck a11y translations check clean

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
	@rm -rf src/haven.egg-info
	$(PY) -m pip install --quiet $(DISTS)
	@touch $(STAMP)

# Every `haven` and `haven-relay` process imports the whole package. Where the environment sets
# PYTHONDONTWRITEBYTECODE (this project's CI does) nothing caches the compiled modules, and each
# process compiled them again: about a third of a CLI call's start-up. Compile them once here.
BYTECODE := $(PY) -m compileall -q -j 0 src >/dev/null

run: $(STAMP)
	@$(BYTECODE)
	$(VENV)/bin/haven

# Three workers (pytest-xdist): most tests wait on subprocesses, sockets and the KDF, so three
# processes keep two cores busy (two left them 131 % busy). TEST_WORKERS=0 runs them in one.
# `worksteal` lets an idle worker take queued tests from a busy one, so a few slow end-to-end
# tests near the end do not leave one core idle.
TEST_WORKERS ?= 3

test: $(STAMP)
	@$(BYTECODE)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

bench: $(STAMP)
	@$(BYTECODE)
	$(PY) -m bench $(BENCH_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench tools packaging
	$(VENV)/bin/ruff format --check src tests bench tools packaging
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The app as a screen reader sees it (AT-SPI under Xvfb, on a private bus from dbus-run-session):
# needs xvfb, dbus, at-spi2-core and python3-pyatspi from the distribution (tools/a11y/__main__.py
# names what is missing). make test runs it too (tests/integration/test_a11y_walk.py), or skips it.
a11y: $(STAMP)
	$(VENV)/bin/python -m tools.a11y

# The translation catalogues from the UI's source (lupdate, plurals kept, lrelease); new
# strings arrive unfinished for a translator (tests/unit/test_translations.py names them).
translations: $(STAMP)
	$(VENV)/bin/python -m tools.translations

check: lint typecheck test

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info

# Packages (packaging/README.md). `dist`: the one-folder bundle in dist/haven with PyInstaller.
# `dist-check`: build it and try it as a user would (packaging/checks/dist_check.py).
# `lowest-deps`: the unit tests with every dependency at its declared floor.
.PHONY: dist dist-check lowest-deps wheels
PYINSTALLER_VERSION ?= pyinstaller>=6.10

dist: $(STAMP)
	$(PY) -m pip install --quiet '$(PYINSTALLER_VERSION)'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/pyinstaller/haven.spec

dist-check: dist
	$(PY) packaging/checks/dist_check.py dist/haven

lowest-deps: $(STAMP)
	$(PY) packaging/checks/lowest_deps.py

wheels: $(STAMP)
	$(PY) -m build --sdist --wheel --outdir dist/pypi .
	$(PY) -m build --wheel --outdir dist/pypi packaging/pypi/core
	$(PY) -m build --wheel --outdir dist/pypi packaging/pypi/relay
