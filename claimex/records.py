"""Claim records: the public, schema-shaped output of claimex.

Plain frozen dataclasses, so they pickle across processes (``nlp.pipe(n_process=2)``),
and ``to_dict``/``from_dict`` give exactly the JSON shape of ``claim.schema.json``.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass, fields
from typing import Any, Optional


def _num(x: Optional[float]) -> Optional[float]:
    """A JSON-safe number: ``inf``/``nan``/huge values become ``None``; integral floats stay floats."""
    if x is None:
        return None
    try:
        f = float(x)
    except (OverflowError, ValueError, TypeError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    return f


class _Plain:
    """to_dict / from_dict for the flat record parts: the schema's field names are the attributes."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]):
        return cls(**{f.name: d.get(f.name) for f in fields(cls) if f.name in d})


@dataclass(frozen=True)
class Quantity(_Plain):
    """A number expression: span, value or bounds, approximation, unit, change."""

    text: str
    start: int
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    approx: str = "exact"
    unit: Optional[str] = None
    change: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("value", "low", "high"):
            d[k] = _num(d[k])
        return d


@dataclass(frozen=True)
class Speaker(_Plain):
    """Who asserts a claim, resolved to the fullest mention in the document."""

    name: str
    type: str
    cue: str
    mode: str
    title: Optional[str] = None
    via: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None



@dataclass(frozen=True)
class DateRef(_Plain):
    """The time a claim refers to: an ISO interval, its granularity and how it was found.

    ``start``/``end`` in the text are ISO dates (``end == start`` for one day); ``text_start``/
    ``text_end`` are the character offsets of the expression, when it came from the text.
    """

    text: Optional[str]
    start: Optional[str]
    end: Optional[str]
    granularity: str
    basis: str
    text_start: Optional[int] = None
    text_end: Optional[int] = None



@dataclass(frozen=True)
class Attribution:
    """Who says what, numbers or not: a source mention, the speaker it resolves to, the cue that
    marks the report and the character spans of what is reported.

    ``mode`` is "direct" (a quotation), "indirect" (a reporting verb), "according_to" or
    "report" (a document, a headline tag); ``content`` holds ``(start, end)`` pairs.
    """

    source: str
    source_start: int
    source_end: int
    speaker: str
    speaker_type: str
    cue: str
    cue_start: int
    cue_end: int
    mode: str
    content: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["content"] = [list(c) for c in self.content]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Attribution":
        kw = {f.name: d.get(f.name) for f in fields(cls) if f.name in d}
        kw["content"] = tuple((int(a), int(b)) for a, b in d.get("content") or ())
        return cls(**kw)


@dataclass(frozen=True)
class Sentence(_Plain):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One numeric claim in one document (see ``claim.schema.json`` for every field)."""

    doc_id: str
    claim_id: str
    quantity: Quantity
    measure: Optional[str]
    category: Optional[str]
    rate: Optional[str]
    kind: str
    hedged: bool
    negated: bool
    speaker: Optional[Speaker]
    date: Optional[DateRef]
    published: Optional[str]
    sentence: Sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "claim_id": self.claim_id,
            "quantity": self.quantity.to_dict(),
            "measure": self.measure,
            "category": self.category,
            "rate": self.rate,
            "kind": self.kind,
            "hedged": self.hedged,
            "negated": self.negated,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "date": self.date.to_dict() if self.date else None,
            "published": self.published,
            "sentence": self.sentence.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        return cls(
            doc_id=d["doc_id"],
            claim_id=d["claim_id"],
            quantity=Quantity.from_dict(d["quantity"]),
            measure=d.get("measure"),
            category=d.get("category"),
            rate=d.get("rate"),
            kind=d.get("kind", "actual"),
            hedged=bool(d.get("hedged")),
            negated=bool(d.get("negated")),
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            date=DateRef.from_dict(d["date"]) if d.get("date") else None,
            published=d.get("published"),
            sentence=Sentence.from_dict(d["sentence"]),
        )


def default_doc_id(text: str) -> str:
    """The schema's id for an unnamed document: 'sha1:' and 12 hex digits of the text's SHA-1."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def make_claim_id(doc_id: str, start: int, end: int, text: str) -> str:
    """Stable across runs and machines: a hash of the document id, the span and its text."""
    h = hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}\x1f{text}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]
