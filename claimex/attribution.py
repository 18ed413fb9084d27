"""Speakers: who asserts each claim (cues, quotes, names, pronouns)."""
from __future__ import annotations

from typing import Optional

from .records import Speaker


class Attributor:
    """Per-document attribution state: quotes and mentions are read once per Doc."""

    def __init__(self, doc):
        self.doc = doc

    def speaker(self, span) -> Optional[Speaker]:
        return None
