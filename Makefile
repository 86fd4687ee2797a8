# Set-up and everyday commands. `make run` and `make test` create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Bytecode caches are gitignored and save each test worker the rewriting of every test
# module's asserts (about 4 s of CPU a worker) and each bot process the compiling of the
# project: write them even where the environment says not to (many CI images do).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: install run test test-fast test-props lint ruff typecheck bytecode bench bench-load bench-soak bench-web clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/partnerbot db upgrade
	$(BIN)/partnerbot demo --if-empty
	$(BIN)/partnerbot console

lint: ruff typecheck

ruff: $(STAMP)
	$(BIN)/ruff check bot handlers storage tests benches
	$(BIN)/ruff format --check --quiet bot handlers storage tests benches

# The project's bytecode, written once: the tests start about forty `partnerbot`
# processes, and where PYTHONDONTWRITEBYTECODE is set (as in many CI images) each would
# compile bot/, handlers/ and storage/ again (0.4 s of CPU a process). Stale files are
# harmless: Python compiles a changed module in memory.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q bot handlers storage tests

# One test worker more than cores: the tests that start bot processes wait for them to come
# up, and the extra worker keeps the cores busy meanwhile (measured: 4:48 -> 4:18 on 2 cores).
WORKERS := $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))

# ruff first (a second); mypy (25 s of one core on a fresh clone, 3 s with its cache) runs
# beside the tests, which leave a core idle while they wait for bot processes, and its
# verdict is printed, and counts, after theirs.
test: ruff bytecode
	@$(BIN)/mypy > $(VENV)/mypy.out 2>&1 & mypy=$$!; \
	$(BIN)/pytest -q -n $(WORKERS) --dist worksteal --durations=40; tests=$$?; \
	wait $$mypy; typed=$$?; echo "mypy:"; cat $(VENV)/mypy.out; \
	test $$tests = 0 && test $$typed = 0

# The property tests (@given) and the command fuzzer with the ci profile: 3,000 examples
# each, 7,000 fuzzed commands. .ci/run runs this after make test.
test-props: $(STAMP) bytecode
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest -q -n auto --dist worksteal -m props --durations=10

# The edit loop: everything but the tests that start processes or wait on real time.
test-fast: $(STAMP) bytecode
	$(BIN)/pytest -q -n auto --dist worksteal -m "not slow and not faults"

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benches/dates.py

# 20 Slack members for 60 s against `partnerbot slack`, on SQLite and PostgreSQL (needs
# initdb/pg_ctl); ARGS="--db sqlite --seconds 20" to change.
bench-load: $(STAMP)
	$(BIN)/python benches/load.py $(ARGS)

# 10 minutes of hearing reminders every 5 s: each sent once, no growth; ARGS="--seconds 120".
bench-soak: $(STAMP)
	$(BIN)/python benches/soak.py $(ARGS)

# The web pages under uvicorn on loopback: poll page, guest vote, feed, dashboard; ARGS="--requests 300".
bench-web: $(STAMP)
	$(BIN)/python benches/web.py $(ARGS)

clean:
	rm -rf $(VENV) partnerbot.db partnerbot.db-wal partnerbot.db-shm
