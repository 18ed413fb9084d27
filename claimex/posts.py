"""Embedded social media posts: a post is a quotation of its author.

News pages that embed a post keep its text as one or more short paragraphs followed by a
signature line, "— Tamsin Ruvane (@truvane) March 3, 2016". The post is the paragraphs right
above that line: the last one, and above it, while the paragraph below ends without a
sentence mark (list-like lines: "Route 9: 25 buses"), more, as far back as the platform's length
limit allows (140 characters before November 2017, 280 since), never past a paragraph that
introduces the post ("She also posted:") or the previous signature.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .lexicon import load

_E = load("entities.json")
_SIGNATURE = re.compile(_E["post_signature"], re.MULTILINE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LONGER_POSTS = date(2017, 11, 1)  # the month the limit went from 140 to 280 characters
_MAX_PARAGRAPHS = 8
_CLOSED = frozenset('.!?"”)')


@dataclass(frozen=True)
class Post:
    """One embedded post: its text (``start``:``end``) and its author's name and handle."""

    start: int
    end: int
    author: str
    author_start: int
    author_end: int
    handle: str


def _limit(month: Optional[str], year: Optional[str]) -> int:
    """The platform's length limit on the signature's date (the longer one when undated)."""
    if not year:
        return 280
    low = (month or "").lower()[:3]
    m = _MONTHS.index(low) + 1 if low in _MONTHS else 12
    return 140 if date(int(year), m, 1) < _LONGER_POSTS else 280


def embedded_posts(text: str) -> list[Post]:
    """The posts of ``text`` in order, each ending where its signature line starts."""
    out: list[Post] = []
    floor = 0  # a post never reaches back over the previous signature
    for m in _SIGNATURE.finditer(text):
        limit = _limit(m.group("month"), m.group("year"))
        end = m.start()
        while end > floor and text[end - 1].isspace():
            end -= 1  # (no slice of the text before: many signatures stay linear)
        start, size, at = end, 0, end
        for _ in range(_MAX_PARAGRAPHS):
            cut = text.rfind("\n\n", floor, at)
            para_start = floor if cut < 0 else cut + 2
            para = text[para_start:at].strip()
            if not para or para.endswith(":"):
                break
            grown = size + len(para) + (1 if size else 0)
            if size and grown > limit:
                break
            start = para_start + len(text[para_start:at]) - len(text[para_start:at].lstrip())
            size = grown
            if cut < 0 or para[-1] in _CLOSED:
                break  # only list-like lines ("JFK: 508") go on a post from the paragraph above
            at = cut
        if size:
            author = m.group("author").strip()
            out.append(Post(start, end, author, m.start("author"), m.start("author") + len(author),
                            m.group("handle")))
        floor = m.end()
    return out
