# make run · make test · make bench — each sets up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QT_LIBS := libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3

.PHONY: run test lint typecheck unit fuzz bench crash installer installer-test system-deps clean \
  translations ts

# The windows' translations: resources/translations/*.ts are the sources (kept in git),
# the .qm files the app loads are built from them.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing texts in ctpat_desktop/ui: add the new ones to the .ts files (then
# translate them there, by hand or with pyside6-linguist).
ts: $(STAMP)
	$(PY) -m ctpat_desktop.ui.message_scan
	$(VENV)/bin/pyside6-lupdate -silent -extensions py -no-obsolete -locations none ctpat_desktop/ui -ts $(TS)

run: $(STAMP) translations
	$(PY) -m compileall -q ctpat_desktop
	$(PY) -m ctpat_desktop

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(VENV)/bin/ruff check ctpat_desktop tests benchmarks installer
	$(VENV)/bin/ruff format --check ctpat_desktop tests benchmarks installer

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Long fuzz run of every hostile-input entry point (make test runs a few examples of each).
FUZZ_EXAMPLES ?= 1000
fuzz: $(STAMP)
	CTPAT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q \
	  -W ignore::UserWarning tests/fuzz

bench: $(STAMP)
	$(PY) -m compileall -q ctpat_desktop  # as an installed app has: no compiling at start
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# Kill a writing process at random moments, many times; nothing reported saved may be lost.
CTPAT_CRASH_KILLS ?= 500
crash: $(STAMP)
	CTPAT_CRASH_KILLS=$(CTPAT_CRASH_KILLS) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/crash

# One-folder build (PyInstaller) and a .deb in dist/; installer-test also runs the smoke test.
VERSION = $(shell $(PY) -c 'import ctpat_desktop; print(ctpat_desktop.__version__)')

installer: $(STAMP) translations
	$(PY) -m pip install --quiet 'pyinstaller>=6.10,<7'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller installer/ctpat-desktop.spec
	installer/build_deb.sh dist/ctpat-desktop dist $(VERSION)

installer-test: installer
	$(PY) installer/smoke_test.py dist/ctpat-desktop

$(STAMP): pyproject.toml Makefile
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,hub]'
	touch $(STAMP)

# Debian packages the venv, Qt and the tests need (SoftHSM2 as a PKCS#11 token, poppler's
# pdftotext/pdftoppm to read PDFs back, DejaVu fonts, PostgreSQL server binaries for the
# hub's tests, which start their own cluster); installed only when missing, as root.
system-deps:
	@missing=""; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	for lib in $(QT_LIBS); do \
	  ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; \
	done; \
	[ -e /usr/lib/softhsm/libsofthsm2.so ] || missing="$$missing softhsm2"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing system packages for:$$missing"; \
	    apt-get update -qq && apt-get install -y -qq python3-venv libegl1 libgl1 \
	      libxkbcommon0 libfontconfig1 libdbus-1-3 softhsm2 poppler-utils \
	      fonts-dejavu-core postgresql >/dev/null; \
	  else \
	    echo "missing system packages for:$$missing (install them, e.g. with apt-get)"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
