#!/usr/bin/env bash
# Set up a virtual environment, start the services the tests need, then run ruff, mypy, vulture and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
bash scripts/start-postgres.sh || echo "scripts/test.sh: PostgreSQL could not be started; its tests will skip" >&2
.venv/bin/ruff check veille tests benchmarks
.venv/bin/mypy                 # settings in pyproject.toml: veille/
.venv/bin/vulture              # dead code; settings in pyproject.toml, known false positives in scripts/vulture_whitelist.py
.venv/bin/python -m pytest "$@"
