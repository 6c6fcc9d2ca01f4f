# Two commands from a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test suite lint migrations-check bench browser install clean-venv messages

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the browser tests (Playwright's own browser download does not work
# here) and poppler-utils, whose pdftotext/pdffonts/pdftoppm check the generated PDFs.
browser:
	@test -x $(CHROMIUM) && command -v pdftotext >/dev/null || { \
		echo "Installing Debian chromium and poppler-utils for the browser and PDF tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq chromium poppler-utils >/dev/null; }

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

migrations-check: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: $(STAMP)
	bash scripts/messages.sh

suite: $(STAMP)
	$(BIN)/pytest -p no:cacheprovider -n 2

test: $(STAMP) browser lint migrations-check suite

bench: $(STAMP)
	$(BIN)/python -m bench
