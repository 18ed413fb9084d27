"""One entity table per document: who can be the antecedent of a pronoun source.

Pronouns that report ("she said", "it added", "they estimated") refer, in news prose, to the
most recent *speaker* or main-clause *subject* of a compatible type, not to whichever name
came last: "The Lakeview Institute said exports to Norland would fall. It said imports would
rise 4 percent." -> the institute, not Norland. The table keeps those mentions in document
order with a type, a number and, once known, a gender; names inside quotations, bylines and
photo credits are never entered.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from .lexicon import load

_E = load("entities.json")
_MALE = frozenset(_E["male_words"])      # "Mr.", "his": the person is a he
_FEMALE = frozenset(_E["female_words"])  # "Ms.", "her": the person is a she
_PLURAL_NOUNS = frozenset(_E["plural_collectives"])  # "police", "staff": plural without an -s
_CREDIT = re.compile(_E["credit_line"], re.IGNORECASE)  # "Photo: Ana Ruvane / Daily Ledger", "By Ana Ruvane"
_ORG_TYPES = frozenset({"organization", "outlet", "document"})
_LOOKBACK = 200  # mentions: a pronoun refers back a bounded way, which keeps the pass linear


@dataclass
class Mention:
    """One speaker or subject mention: where, the resolved name, its type and number."""

    start: int
    name: str
    type: str          # person, organization, outlet, document, anonymous
    plural: bool = False
    speaker: bool = True  # a cue's source (False: a main-clause subject)
    unnamed: bool = False  # "a spokeswoman": a person the text does not name


class EntityTable:
    """Mentions in document order; ``antecedent`` finds what a pronoun source refers to."""

    def __init__(self, text: str, quotes: list[tuple[int, int]]):
        self.text = text
        self._quotes = sorted(quotes)
        self._qstarts = [a for a, _ in self._quotes]
        self.mentions: list[Mention] = []
        self._starts: list[int] = []  # the mentions' offsets, for bisection
        self.gender: dict[str, str] = {}  # person name -> "m" / "f", from titles and resolved pronouns

    def excluded(self, off: int) -> bool:
        """Inside a quotation, or on a byline or photo-credit line: never an antecedent."""
        k = bisect_left(self._qstarts, off + 1) - 1
        if k >= 0 and self._quotes[k][0] < off < self._quotes[k][1]:
            return True
        a = self.text.rfind("\n", 0, off) + 1
        b = self.text.find("\n", off)
        line = self.text[a:b if b >= 0 else len(self.text)]
        return len(line) < 160 and bool(_CREDIT.search(line))

    def add(self, m: Mention) -> None:
        """Enter a mention; mentions arrive in document order (a late one is inserted in place)."""
        if self.excluded(m.start):
            return
        k = bisect_left(self._starts, m.start)
        if k < len(self._starts) and self._starts[k] == m.start:
            return
        self.mentions.insert(k, m)  # nearly always at the end: mentions come in text order
        self._starts.insert(k, m.start)

    def note_gender(self, name: str, word: str) -> None:
        """Record a person's gender from a title or pronoun that refers to them."""
        low = word.lower()
        if low in _MALE:
            self.gender.setdefault(name, "m")
        elif low in _FEMALE:
            self.gender.setdefault(name, "f")

    def antecedent(self, pronoun: str, before: int) -> Optional[Mention]:
        """The latest mention before ``before`` that ``pronoun`` can refer to."""
        low = pronoun.lower()
        k = bisect_left(self._starts, before)
        for i in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
            m = self.mentions[i]
            if _compatible(low, m, self.gender.get(m.name)):
                return m
        return None


def _compatible(pronoun: str, m: Mention, gender: Optional[str]) -> bool:
    if pronoun in _MALE or pronoun in _FEMALE:
        if m.type != "person" or m.plural:
            return False
        want = "m" if pronoun in _MALE else "f"
        return gender in (None, want)
    if pronoun in ("it", "its"):
        return m.type in _ORG_TYPES and not m.plural
    if pronoun in ("they", "them", "their"):
        return m.plural and m.type != "person"
    return False


def is_plural(tag: str, lower: str) -> bool:
    """A plural source head: "officials", "economists", "police"."""
    return tag in ("NNS", "NNPS") or lower in _PLURAL_NOUNS
