"""Loading the lexicons in ``claimex/data``: one cached loader, so data stays data."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed contents of ``claimex/data/<name>`` (.json, or .jsonl as a list of objects)."""
    text = (files("claimex") / "data" / name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)
