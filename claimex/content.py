"""Content spans: the stretch of text an attribution reports.

A reporting verb reports its clausal complement ("said that exports fell 4%"), the object of a
verb that puts a figure forward ("confirmed a $12 million cut"), or, when it closes the
sentence ("Exports fell 4%, the ministry said."), everything before it. "According to X"
reports the rest of its sentence. Offsets are characters of the document, trimmed of
surrounding punctuation, quotation marks and spaces.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

_TRIM = " \t\r\n,;:.—–-“”\"'‘’()"


def trimmed(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """``(start, end)`` without the punctuation and quote marks around it; None when empty."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start else None


def subtree_span(text: str, tok: Token, skip: Iterable[Token] = ()) -> list[tuple[int, int]]:
    """Character spans of ``tok``'s subtree, cut around the subtrees of ``skip`` (a source that the
    parser hung inside the reported clause)."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    holes = sorted((s.left_edge.i, s.right_edge.i + 1) for s in skip if left <= s.i < right)
    pieces, at = [], left
    for a, b in holes:
        if a > at:
            pieces.append((at, a))
        at = max(at, b)
    if at < right:
        pieces.append((at, right))
    return _char_spans(text, doc, pieces)


def before(text: str, sent: Span, end_tok: int) -> list[tuple[int, int]]:
    """The sentence's text before token ``end_tok``: what a closing cue reports."""
    return _char_spans(text, sent.doc, [(sent.start, end_tok)])


def sentence_without(text: str, sent: Span, a: int, b: int) -> list[tuple[int, int]]:
    """The sentence around tokens ``a:b`` (an "according to X" phrase)."""
    return _char_spans(text, sent.doc, [(sent.start, a), (b, sent.end)])


def _char_spans(text: str, doc: Doc, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges as trimmed character spans (``text`` is ``doc.text``, which spaCy rebuilds
    on every access)."""
    out = []
    for a, b in pieces:
        if b <= a:
            continue
        start = doc[a].idx
        end = doc[b - 1].idx + len(doc[b - 1])
        t = trimmed(text, start, end)
        if t is not None:
            out.append(t)
    return out
