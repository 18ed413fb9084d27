"""Assembling claims: number spans -> fields -> speaker -> date -> Claim records, for one Doc."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Optional

from . import fields as F
from .attribution import Attributor
from .dates import DateContext
from .quantity_parse import number_spans
from .records import Claim, DateRef, Sentence, default_doc_id, make_claim_id

_HEADER = re.compile(r"\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b")


def header_end(text: str) -> int:
    """Where the text after a ``date YYYY-MM-DD`` header starts (0 without a header)."""
    m = _HEADER.match(text[:200])
    if not m:
        return 0
    e = m.end()
    while e < len(text) and text[e].isspace():
        e += 1
    return e


def header_date(text: str) -> Optional[str]:
    """The publication date of a text that starts with a ``date YYYY-MM-DD`` line."""
    m = _HEADER.match(text[:200])
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def _date_context(doc, published: Optional[str], text: str) -> DateContext:
    return DateContext(doc, dt.date.fromisoformat(published) if published else None, text=text)


def _published_ref(published: Optional[str]) -> Optional[DateRef]:
    if not published:
        return None
    return DateRef(text=None, start=published, end=published, granularity="day", basis="published")


def _sentence(text: str, start: int, end: int, body: int) -> Sentence:
    """The claim's sentence, without a ``date`` header line that runs on into it."""
    if start < body < end:
        start = body
    return Sentence(text[start:end], start, end)


def claims_for_doc(doc, *, doc_id: Optional[str], published: Optional[str], categories: dict[str, str],
                   attributor: Optional[Attributor] = None) -> list[Claim]:
    """``attributor``: the document's attribution pass, when the caller has already run it."""
    text = attributor.text if attributor is not None else doc.text
    if not text.strip():
        return []
    doc_id = doc_id if doc_id is not None else default_doc_id(text)
    published = published or header_date(text)
    body = header_end(text)
    attributor = attributor or Attributor(doc, text)
    dates = _date_context(doc, published, text)
    out: list[Claim] = []
    measures = F.MeasureMemory(doc)
    for q, span in number_spans(doc, text):
        sent = span.sent
        measure = measures.measure(span, q.unit)
        kind = F.kind(span)
        neg = F.negated(span)
        if neg and F.ceiling(span) and q.value is not None:
            q = replace(q, value=None, high=q.value, approx="less_than")
        try:
            date = dates.for_claim(q.start, q.end, kind=kind)
        except Exception:  # a date we cannot read must not cost the claim
            date = None
        if date is None:
            date = _published_ref(published)
        out.append(Claim(
            doc_id=doc_id,
            claim_id=make_claim_id(doc_id, q.start, q.end, q.text),
            quantity=q,
            measure=measure,
            category=F.category(measure, categories),
            rate=F.rate(span),
            kind=kind,
            hedged=F.hedged(span),
            negated=neg,
            speaker=attributor.speaker(span),
            date=date,
            published=published,
            sentence=_sentence(text, sent.start_char, sent.end_char, body),
        ))
    out = dates.headline_repeats(out)
    # a figure its own time puts after publication is not a fact yet (a goal, a forecast), unless
    # it is a sum for that period
    return [replace(c, kind=F.kind_for_future_date(text, c.date.text_start))
            if c.kind == "actual" and published and c.date is not None and c.date.text_start is not None
            and c.date.start is not None and c.date.start > published else c
            for c in out]
