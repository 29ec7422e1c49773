# Drom — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Directories makemessages and compilemessages must not walk into.
I18N_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests --ignore=bench --ignore=node_modules
PG_URL ?= postgres://postgres@127.0.0.1:5432/drom

.PHONY: run test install install-dev messages makemessages lint format check pytest e2e test-postgres cluster-test bench clean

$(PY):
	@echo "==> Creating the virtualenv in $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(PY)
	@echo "==> Installing the pinned requirements (the first time only: a few minutes)"
	$(PIP) install --progress-bar off -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Compile the .po catalogues into .mo files (built here, never committed).
# Each .mo is remade only when its .po is newer (or it is missing), by polib alone: no Django
# start-up when nothing changed. `manage.py compile_translations` does the same from Python.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po */locale/*/LC_MESSAGES/*.po i18n/*/*/LC_MESSAGES/*.po)
messages: install $(PO_FILES:.po=.mo)
	@echo "==> Translations: compiled"

%.mo: %.po | install
	@echo "==> Translations: compiling $<"
	@$(PY) -c "import sys, polib; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

## Collect new strings into the .po catalogues (each app keeps its own, the site its own).
makemessages: install
	$(MANAGE) makemessages -l bg $(I18N_IGNORE) --no-obsolete --add-location=file -v 0

## make run: install, compile translations, migrate, load demo content, collect static, serve.
# Each step says what it does; a second `make run` skips what is done (requirements, catalogues
# and static files by their timestamps, migrations and demo content by what the database holds:
# `run_site` does both and then serves, in one process, skipping `migrate` when nothing is pending).
# Links in e-mails, the API, the sitemap and certificates name the address being served
# (`migrate` points the Wagtail site at it); set BASE_URL yourself to override.
run: export BASE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),localhost,$(HOST)):$(PORT)
run: messages staticfiles/.collected
	$(MANAGE) run_site $(HOST):$(PORT)

# Static files are collected again only when a source file (or the pinned requirements) changed.
STATIC_SOURCES := $(shell find static */static -type f 2>/dev/null)
staticfiles/.collected: $(STATIC_SOURCES) requirements.txt | install
	@echo "==> Static files: collecting"
	$(MANAGE) collectstatic --noinput -v 0
	@mkdir -p staticfiles && touch $@

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(find templates */templates -name '*.html' 2>/dev/null)

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(find templates */templates -name '*.html' 2>/dev/null)

check: install-dev messages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

# The unit tests run on every core (pytest-xdist, -n auto in pyproject.toml), the browser
# journeys in one process (-n 0): one server, one browser, one after another.
pytest: install-dev messages
	$(VENV)/bin/pytest -m "not e2e" -n auto
	$(VENV)/bin/pytest -m e2e -n 0

## make test: lint, Django's checks, then every test (browser tests skip, saying why, without chromium).
test: lint check pytest

## Browser tests only (needs Debian's chromium: apt-get install chromium).
e2e: install-dev messages
	$(VENV)/bin/pytest -m e2e -n 0

## The whole suite again on PostgreSQL (PG_URL=postgres://… to point elsewhere), in parallel:
## each worker gets a test database of its own (test_<name>_gw0, test_<name>_gw1…).
test-postgres: install-dev messages
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -m "not e2e" -n auto

## Two app servers, a worker, Redis, an S3 stand-in and nginx on loopback, checked through the
## proxy (needs nginx, redis-server and a PostgreSQL server: CLUSTER_DATABASE_URL=postgres://…).
cluster-test: install-dev messages
	$(VENV)/bin/pytest deploy/cluster -v -n 0

bench: install-dev messages
	$(PY) -m bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
	find . -name '*.mo' -not -path './.venv/*' -delete
