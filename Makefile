# The two commands: `make run` (install, load the foods and demo accounts, serve on SQLite) and
# `make test` (install the test tools and Chromium where missing, run every test).
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEV_ENV := DJANGO_DEBUG=1 DJANGO_DEMO_ACCOUNTS=1

.PHONY: run test lint venv chromium check-deploy bench load bench-smoke clean superuser mutation

$(VENV)/bin/python:
	@PYTHON=$$(scripts/find-python) || exit 1; echo "Using $$PYTHON"; "$$PYTHON" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

venv: $(VENV)/.runtime

run: $(VENV)/.runtime
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_foods
	$(DEV_ENV) $(PY) manage.py load_recipes
	$(DEV_ENV) $(PY) manage.py seed_demo
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# An admin account for /admin/ on the development database (prompts for name, e-mail and password).
superuser: $(VENV)/.runtime
	DJANGO_DEBUG=1 $(PY) manage.py createsuperuser

chromium:
	@if [ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else echo "Browser tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2; exit 1; fi

# Lint and types first (settings in pyproject.toml): a finding fails `make test` before any test runs.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Three test processes (pytest-xdist) on the two cores CI has: the browser and live-server tests spend much of
# their time waiting, so a third keeps both cores busy (SQLite: 6.7 min rather than 10.5). TEST_WORKERS=0 runs
# them in one process.
TEST_WORKERS ?= 3
test: $(VENV)/.dev chromium lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

check-deploy: $(VENV)/.runtime
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  DJANGO_ALLOWED_HOSTS=mealplanner.example.org $(PY) manage.py check --deploy --fail-level WARNING

# Benchmarks and the load test: gunicorn with production settings on 127.0.0.1 (SQLite, or DATABASE_URL).
bench: $(VENV)/.dev
	$(PY) bench/run.py

load: $(VENV)/.dev
	$(PY) bench/locustfile.py

# The short version CI runs: a few requests each, to prove the harness still works.
bench-smoke: $(VENV)/.dev
	$(PY) bench/run.py --smoke --fresh
	$(PY) bench/locustfile.py --users 5 --seconds 5

# Mutation testing of the health rules and the access checks (a few minutes; not part of CI).
# See scripts/mutation.py; known equivalent mutants are listed in scripts/mutation_equivalent.txt.
mutation: $(VENV)/.dev
	$(PY) scripts/mutation.py mealplanner/nutrition/ --jobs 2 --tests tests/mealplanner/test_nutrition_*.py
	$(PY) scripts/mutation.py mealplanner/access.py --jobs 2 --tests tests/clinic/test_permission_matrix.py \
	  tests/clinic/test_access_rules.py

clean:
	rm -rf $(VENV) staticfiles
