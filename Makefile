# Budget-disclosure warehouse. `make build` and `make test` work on a fresh clone with only Python 3.11:
# the virtual environment is created (or re-synced when requirements.txt changes) by the first target that needs it.

PYTHON  ?= $(shell command -v python3.11 || command -v python3)
VENV    := .venv
PY      := $(VENV)/bin/python
UV_VERSION := 0.13.9
RAW_DIR ?= data/raw
DUCKDB  ?= warehouse/budget.duckdb
STRICT  ?=
FORCE   ?=
ALLOW_SHRINK ?=
WAIT    ?=
FACTORS ?= 1,10,100
ARGS    ?= build

# Offline-safe: no usage tracking, no version checks (offline.env, shared with CI and the pipeline), no interpreter
# downloads.
include offline.env
export $(shell sed -n 's/^\([A-Z_][A-Z_0-9]*\)=.*/\1/p' offline.env)
export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1
export UV_NO_PROGRESS := 1

# The stamp's name carries the lock file's content hash: any change to requirements.txt re-syncs the venv.
LOCK_HASH  := $(shell (sha256sum requirements.txt 2>/dev/null || shasum -a 256 requirements.txt) | cut -c1-16)
VENV_STAMP := $(VENV)/.synced-$(LOCK_HASH)

.PHONY: build validate docs dbt sql test lint bench venv clean help

help:
	@echo "make build [RAW_DIR=dir] [DUCKDB=file] [FORCE=1]  raw documents -> dbt build -> validation -> DuckDB file"
	@echo "    ALLOW_SHRINK=1                       publish even if documents or most rows of a mart went away"
	@echo "                                         (refused otherwise; a warehouse without documents never is)"
	@echo "    WAIT=1                               wait for a running build of the same DUCKDB instead of exiting"
	@echo "                                         (also for validate, docs and dbt)"
	@echo "make validate [STRICT=1]                re-run validation on the served warehouse"
	@echo "make docs                                dbt docs and GX Data Docs of the served warehouse (static HTML)"
	@echo "make dbt ARGS=\"build -s fct_indicator\"   dbt by hand on the served warehouse and its last ingest"
	@echo "make sql [DUCKDB=file]                   SQL shell on the served warehouse, read-only (.tables, .quit);"
	@echo "                                         also reads a script on stdin: echo 'select 1;' | make sql"
	@echo "make test                                the test suite (pytest)"
	@echo "make lint                                ruff (Python) and sqlfluff (the dbt SQL)"
	@echo "make bench [FACTORS=1,10,100]            time and measure every stage at N x the shipped corpus"

venv: $(VENV_STAMP)

$(VENV_STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@UV=$$(command -v uv || true); \
	if [ -z "$$UV" ]; then \
		test -x $(VENV)/bin/uv || $(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION); \
		UV=$(VENV)/bin/uv; \
	fi; \
	echo "venv: installing the pinned requirements with $$UV"; \
	$$UV pip sync --python $(PY) requirements.txt && $$UV pip install -q --python $(PY) uv==$(UV_VERSION)
	@rm -f $(VENV)/.synced-*
	@touch $@

build: $(VENV_STAMP)
	@$(PY) -m pipeline build --raw-dir "$(RAW_DIR)" --duckdb "$(DUCKDB)" $(if $(STRICT),--strict) $(if $(FORCE),--force) \
		$(if $(ALLOW_SHRINK),--allow-shrink) $(if $(WAIT),--wait)

validate: $(VENV_STAMP)
	@$(PY) -m pipeline validate --duckdb "$(DUCKDB)" $(if $(STRICT),--strict) $(if $(WAIT),--wait)

docs: $(VENV_STAMP)
	@$(PY) -m pipeline docs --duckdb "$(DUCKDB)" $(if $(WAIT),--wait)

dbt: $(VENV_STAMP)
	@$(PY) -m pipeline dbt --duckdb "$(DUCKDB)" $(if $(WAIT),--wait) -- $(ARGS)

sql: $(VENV_STAMP)
	@$(PY) -m pipeline sql --duckdb "$(DUCKDB)"

test: $(VENV_STAMP)
	@$(PY) -m pytest

bench: $(VENV_STAMP)
	@$(PY) -m bench --factors "$(FACTORS)"

lint: $(VENV_STAMP)
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/sqlfluff lint models macros tests/dbt --disable-progress-bar --nocolor

clean:
	rm -rf warehouse target logs .pytest_cache .ruff_cache bench/work
