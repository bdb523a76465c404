# Sanctuary: `make run` serves the dashboard, `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test lint format chromium bench-ingest bench-import clean backup restore messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps: reinstall when the lock files change. Every version comes from the lock files
# (requirements.lock, requirements-dev.lock: `make lock` writes them from pyproject.toml).
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

# Pin every dependency (and theirs) from pyproject.toml's ranges, with pip-tools.
.PHONY: lock
lock: $(VENV)/.installed-dev
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev -o requirements-dev.lock pyproject.toml

# A local .env (DEBUG on, a generated secret key) that manage.py reads: every command the README
# shows then works in a checkout. Written once; a deployment never reads it.
.env:
	$(PYTHON) scripts/write_dotenv.py .env

# The embedded SQLite default unless DATABASE_URL says otherwise; DEBUG on for local use.
run: export DEBUG ?= 1
run: $(VENV)/.installed .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_sample_data
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The task queue's worker (the admin's background ingestion), for a `make run` started with
# CELERY_BROKER_URL=redis://127.0.0.1:6379/3; without a broker tasks run in the request.
.PHONY: worker
worker: export DEBUG ?= 1
worker: $(VENV)/.installed
	$(BIN)/celery -A sanctuary.celery worker --loglevel=INFO --concurrency=1

# SQLite by default; PostgreSQL when DATABASE_URL is set. A throwaway key for the test run only.
test: export SECRET_KEY ?= insecure-key-for-the-test-suite-only
test: export DEBUG ?= 0
test: $(VENV)/.installed-dev lint chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The slow fuzz run: Schemathesis over every API operation at 200 examples each, as a reader and
# as an editor with a token: no 5xx, every answer as the schema documents it (tens of minutes).
.PHONY: fuzz
FUZZ_EXAMPLES ?= 200
fuzz: export SECRET_KEY ?= insecure-key-for-the-test-suite-only
fuzz: $(VENV)/.installed-dev
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider -q tests/api/test_fuzz_schema.py

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
CHROMIUM ?= /usr/bin/chromium
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "Chromium is not installed and cannot be installed here (needs root and apt-get):"; \
			echo "the browser tests will be skipped (they fail instead when CI=true)."; \
		fi; \
	fi

# ruff, and the layering contracts of pyproject.toml (import-linter; STYLE.md explains them).
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Ingestion throughput on the sample corpus (rolled back: stores nothing).
bench-ingest: export DEBUG ?= 1
bench-ingest: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py bench_ingest --rounds 20
	$(BIN)/python manage.py bench_ingest --sizes 50,200,800,2000

# The extraction against the hand-written gold sets: recall and precision per class.
.PHONY: score train-stance
score: $(VENV)/.installed-dev
	$(BIN)/python -m tests.articles.extraction.score

# Retrain the stance model (articles/extraction/data/stance_model.json) on the tuning gold set,
# after its statements change, and print its cross-validated accuracy first.
train-stance: $(VENV)/.installed-dev
	$(BIN)/python -m tests.articles.extraction.train_stance --folds 10

# The 287(g) import's speed: the latest participating list into an empty SQLite database, then
# all the shipped files in date order, on a throwaway database (var/bench-import.sqlite3).
BENCH_IMPORT_DB := sqlite:///var/bench-import.sqlite3
bench-import: export DEBUG ?= 1
bench-import: $(VENV)/.installed
	rm -f var/bench-import.sqlite3
	DATABASE_URL=$(BENCH_IMPORT_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_IMPORT_DB) $(BIN)/python manage.py createcachetable
	DATABASE_URL=$(BENCH_IMPORT_DB) $(BIN)/python manage.py bench_import
	rm -f var/bench-import.sqlite3

# Backups of everything people made (users, groups, API tokens, articles, facts, the change
# history, readers' corrections) as gzipped JSON; derived data is recomputed by the restore.
#   make backup                  writes $(BACKUP_DIR)/sanctuary-YYYYmmdd-HHMMSS.json.gz
#   make restore FILE=PATH       into the (new, empty) database DATABASE_URL names: migrates,
#                                loads, recomputes the summaries, invalidates cached pages
#   make restore FILE=PATH FLUSH=1   deletes everything in that database first
# DEBUG defaults to on as for `make run`, so a development checkout needs no SECRET_KEY.
BACKUP_DIR ?= var/backups
backup: export DEBUG ?= 1
backup: $(VENV)/.installed
	$(BIN)/python manage.py backup --dir '$(BACKUP_DIR)'

restore: export DEBUG ?= 1
restore: $(VENV)/.installed
	@if [ -z '$(FILE)' ]; then echo 'usage: make restore FILE=var/backups/sanctuary-....json.gz [FLUSH=1]'; exit 2; fi
	$(BIN)/python manage.py restore '$(FILE)' $(if $(FLUSH),--flush)

clean:
	rm -rf $(VENV) var/staticfiles .pytest_cache

# The real server under load (gunicorn, DEBUG off, 127.0.0.1 only) against a PostgreSQL database
# of demo data; writes bench/results.json and prints a markdown table. Variables:
#   BENCH_DATABASE_URL  the database (migrated and given its cache table first; data untouched)
#   CLIENTS             concurrent keep-alive clients
#   REQUESTS            requests per endpoint (each endpoint also stops after 30 s)
#   BENCH_CACHE_URL     the shared cache, as in production (Redis; `dbcache://sanctuary_cache`
#                       measures the database cache table instead)
# Fill the database first: make demo-data (creates BENCH_DATABASE_URL's database if it is missing).
.PHONY: bench demo-data
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/sanctuary_bench
BENCH_CACHE_URL ?= redis://127.0.0.1:6379/2
CLIENTS ?= 8
REQUESTS ?= 400
bench: $(VENV)/.installed-dev
	@$(BIN)/python -c "import sys, psycopg; psycopg.connect(sys.argv[1]).close()" '$(BENCH_DATABASE_URL)' 2>/dev/null \
		|| { echo "No database at $(BENCH_DATABASE_URL): run 'make demo-data' first."; exit 2; }
	CACHE_URL='$(BENCH_CACHE_URL)' $(BIN)/python bench/run.py --database-url '$(BENCH_DATABASE_URL)' \
		--clients $(CLIENTS) --requests $(REQUESTS)

# The browsing mix (bench/mix.py): Zipf-popular places, states, years and searches from 8 clients,
# without writes, with an editor writing every 5 s, and the same with scoping off; on the demo data.
.PHONY: bench-mix
bench-mix: $(VENV)/.installed-dev
	@$(BIN)/python -c "import sys, psycopg; psycopg.connect(sys.argv[1]).close()" '$(BENCH_DATABASE_URL)' 2>/dev/null \
		|| { echo "No database at $(BENCH_DATABASE_URL): run 'make demo-data' first."; exit 2; }
	$(BIN)/python bench/mix.py --database-url '$(BENCH_DATABASE_URL)' --cache-url '$(BENCH_CACHE_URL)' \
		--clients $(CLIENTS)

# The demo data at national scale (sizes: DEMO_ARGS='--statements 100000 ...'; --help lists them),
# into BENCH_DATABASE_URL's own database, created here if it is missing; never an editor's data.
demo-data: export DEBUG ?= 1
demo-data: $(VENV)/.installed
	$(BIN)/python scripts/createdb.py '$(BENCH_DATABASE_URL)'
	$(BIN)/python -m bench.demo --database-url '$(BENCH_DATABASE_URL)' $(DEMO_ARGS)

# The Spanish catalog: gather every string to translate from the templates and the Python
# (locale/es/LC_MESSAGES/django.po; untranslated and changed ones are marked for a translator),
# then compile it to the django.mo the site reads. Both files are committed: the site needs no
# gettext tools to run. Needs GNU gettext (xgettext, msgmerge, msgfmt) installed.
messages: export SECRET_KEY ?= insecure-key-for-making-messages-only
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l es --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'node_modules/*' --ignore 'tests/*' \
		--ignore 'bench/*' --ignore 'docs/*' --ignore 'static/*'
	$(BIN)/python manage.py compilemessages -l es --ignore '.venv/*' --ignore 'node_modules/*'
