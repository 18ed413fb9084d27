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

from .lexicon import load

_SETTING_PREPS = frozenset(load("cues.json")["setting_preps"])  # "said at a rally of 5,000": when or where
_ASIDE_OPENERS = (",", "(", "—", "–", "-", "--")  # "9 bridges, which ...", "9 bridges (the state says ...)"
_TIME_HEADS = frozenset(load("cues.json")["gap_time_heads"])  # "the ten times she said ...": how often, not what
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


# a cue's own words after the verb: when, where and to whom it spoke ("said on Monday in a
# statement", "told reporters"), never what it reported
_ADJUNCT_DEPS = frozenset({"advmod", "prep", "npadvmod", "dative", "agent", "pobj", "det", "amod", "compound",
                           "nummod", "poss", "case", "pcomp", "quantmod", "nmod", "punct"})
_SET_OFF = frozenset({",", "—", "–", "--"})


def parenthetical_cue(subj: Token, verb: Token) -> Optional[tuple[int, int]]:
    """Tokens ``(a, b)`` of a cue set off inside its sentence ("Exports, the ministry said on
    Monday, fell 4%."; "Exports fell 4%, the ministry said, and imports rose 2%."): from the mark
    before its subject to the mark after its own adjuncts, with reported words on both sides.
    None for any other cue."""
    doc = verb.doc
    sent = verb.sent
    a = subj.left_edge.i - 1
    if a <= sent.start or doc[a].text not in _SET_OFF or subj.i > verb.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children):
        return None  # "the ministry said, on Monday, that ...": a report of its own
    b = verb.i + 1
    while b < sent.end and doc[b].text != ",":  # (a dash after the cue returns to the writer)
        if not _adjunct_of(doc[b], verb):
            return None
        b += 1
    if b >= sent.end or not any(not (t.is_punct or t.is_space) for t in doc[b + 1:sent.end]):
        return None  # the cue closes its sentence: everything before it is reported
    return a, b + 1


def _adjunct_of(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` hangs on ``verb`` through adjunct relations only."""
    cur = tok
    for _ in range(12):
        if cur.i == verb.i:
            return True
        if cur.dep_ not in _ADJUNCT_DEPS:
            return False
        cur = cur.head
    return False


def valuation(prep: Token) -> bool:
    """An "at" whose object is a figure puts a value on something ("put the cost at $5 million",
    "estimated the crowd at about 3,000"); one with a place or an event sets the scene ("said at a
    rally of 5,000")."""
    return any(o.dep_ == "pobj" and (o.like_num or o.tag_ in ("CD", "$")
                                     or any(c.dep_ in ("nummod", "quantmod") for c in o.children))
               for o in prep.children)


def setting_prep(tok: Token) -> bool:
    """A preposition that says when or where a cue spoke ("at a rally of 5,000", "during a visit to
    12 schools"), not what it reports."""
    return tok.dep_ == "prep" and tok.lower_ in _SETTING_PREPS and not (tok.lower_ == "at" and valuation(tok))


def gapped_head(verb: Token, src: Token, object_gap: bool) -> Optional[tuple[int, int]]:
    """Tokens of the figure a relative clause's cue reports by its gap: in "the $12 million the
    council says it can spare" or "the 25 percent rate she proposed", the head noun fills a place
    inside what the council says or she proposed, so the head's phrase is reported too. The gap
    is in a clausal complement ("says it can spare"), or, when ``object_gap`` (a cue whose object
    can be a figure), the missing object itself; "the nine things he said about it" counts what
    was said and "the ten times she said so" how often: neither is reported, nor a head the writer
    set off with a comma. Inside another report, the outer reporter speaks. None otherwise."""
    head, doc = verb.head, verb.doc
    if verb.dep_ != "relcl" or head.i > verb.i or src.head.i != verb.i or src.dep_ != "nsubj" \
            or src.tag_ in ("WDT", "WP") or src.lower_ == "that" or head.lemma_.lower() in _TIME_HEADS:
        return None
    left = verb.left_edge
    if left.text in _ASIDE_OPENERS or (left.i > 0 and doc[left.i - 1].text in _ASIDE_OPENERS):
        return None  # "17,000 permits, which the state says were void": the count is the writer's
    if not any(t.like_num or t.tag_ == "CD" for t in doc[head.left_edge.i:head.i + 1]):
        return None
    # "The four rules he cited are ...": a subjectless clause on a subject's relative clause is the
    # subject's own predicate, misread as the cue's complement
    clause = any(c.dep_ in ("ccomp", "xcomp") and not (
        c.dep_ == "ccomp" and head.dep_ in ("nsubj", "nsubjpass")
        and not any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children)) for c in verb.children)
    missing = not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.tag_ not in ("WDT", "WP") for c in verb.children)
    if not (clause or (object_gap and missing)):
        return None
    return head.left_edge.i, min(src.left_edge.i, verb.i)


def object_span(text: str, verb: Token, obj: Token) -> list[tuple[int, int]]:
    """A verb's object with what the parser hung on the verb after it: "cited support from 45
    mayors", "found 14 cases out of a million claims", "reported 30 thefts, up from 12", "showed
    a rise, from 40 to 52" report the whole stretch, up to a clause of its own ("and ...", "after
    ...")."""
    doc = verb.doc
    end = obj.right_edge.i + 1
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i <= obj.i or c.dep_ in ("punct", "cc"):
            continue
        if c.dep_ in ("conj", "parataxis", "ccomp", "relcl") or (c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "nsubj", "nsubjpass") or m.tag_ == "WRB" for m in c.children)):
            # "cited the flood of 2011, when the county said ...": an adverbial clause of its own
            break
        if setting_prep(c):
            break  # "cited the estimate at a gala for 3,000 donors": where it was cited
        end = max(end, c.right_edge.i + 1)
    return _char_spans(text, doc, [(obj.left_edge.i, end)])


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
        while b > a and (doc[b - 1].dep_ == "cc" or doc[b - 1].is_space
                         or (doc[b - 1].is_punct and all(ch in _TRIM for ch in doc[b - 1].text))):
            b -= 1  # "the plan was sound and": a conjunction left over where a cut piece ends ("5%" keeps its sign)
        if b <= a:
            continue
        start = doc[a].idx
        end = doc[b - 1].idx + len(doc[b - 1])
        t = trimmed(text, start, end)
        if t is not None:
            out.append(t)
    return out
