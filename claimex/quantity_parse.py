"""What only the parse can tell about the number expressions of a text.

``quantities.scan`` reads number expressions by their surface; with a parsed spaCy ``Doc`` this
layer removes what is no quantity (numbers inside names and identifiers, "one" as an article or
pronoun, appositive ages) and sets the direction of changes ("rose 20%", "lost 120 points, or 0.4%").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Union

from .quantities import _N, _TIME_UNITS, _WORD_VALUES, _alt, _inside, scan, with_units
from .records import Quantity

_IDENT_WORDS = frozenset(w.lower() for w in _N["identifier_words"])
_RANK_WORDS = frozenset(_N["rank_words"])
_IDENT_BEFORE = frozenset(_N["identifier_before"])
_SOURCE_VERBS = frozenset(_N["anonymous_source_verbs"])
_MAX_GLUE = 32  # a quantity whose tokens run this many characters past it is part of a longer string

_NAME_ENTS = frozenset({"ORG", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "PERSON"})
_MONTH_WORDS = frozenset("january february march april may june july august september october november december "
                         "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _is_bare(q: Quantity) -> bool:
    return q.unit is None and q.approx == "exact" and not re.search(r"[A-Za-z]{3,}", q.text.replace("one", "")) \
        or (q.unit is None and q.approx == "exact" and q.text.lower() in _WORD_VALUES)


def _drop_by_parse(doc, q: Quantity, titled: bool = False) -> Union[bool, str]:
    """True when the parse shows ``q`` is no quantity (a name, a pronoun); "age" for an appositive age;
    "alone" for a "one" that counts only beside other numbers of its sentence."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    low = q.text.lower()
    alone = False
    if low == "one" or low == "a":
        # "one" counts only as a number modifying a noun: not "one of", "no one", "the one", "one day"
        if prev is not None and prev.lower_ in ("no", "the", "this", "that", "every", "any", "each", "which", "another"):
            return True
        if nxt is not None and nxt.lower_ in ("of", "another", "-", "another's", "way", "thing", "day", "time", "side",
                                              "or", "more"):
            return True
        if not (last.dep_ == "nummod" and last.head.pos_ in ("NOUN", "PROPN")):
            # a pronoun "one" is a count only in a tally: "four were hurt, one was killed"
            if not (low == "one" and last.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos")):
                return True
            alone = True  # the name rules below still apply: "Air Force One"
        else:
            noun = last.head
            if noun.lower_ in _TIME_UNITS:
                return True
            verb = noun.head
            if noun.dep_ == "nsubj" and verb.lemma_.lower() in _SOURCE_VERBS \
                    and (verb.dep_ in ("parataxis", "ccomp")
                         or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)):
                return True  # "one analyst said", "one study found": an unnamed source, not a count
            if low == "one" and q.unit is None and not (prev is not None and prev.lower_ in _N["count_emphasis"]) \
                    and not _one_counts(noun):
                alone = True  # "one question is whether": an article, unless the sentence counts
    if not titled and q.text[:1].isupper() and not first.is_sent_start and nxt is not None \
            and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and q.unit is None:
        return True  # "the Over 50 Gala"
    if not _is_bare(q) or q.approx != "exact":
        return "alone" if alone else False
    # numbers inside names: "Title 42", "Group of 20", "flight 2291", "call 988", "a category 3 storm"
    if prev is not None and (prev.lower_ in _IDENT_WORDS or prev.lower_ in _IDENT_BEFORE) and prev.pos_ != "NUM" \
            and (prev.text[:1].isupper() or not (last.dep_ == "nummod" and last.head.i > last.i
                                                 and last.head.tag_ in ("NNS", "NNPS"))):
        return True
    if prev is not None and prev.lower_ in _RANK_WORDS:
        return True
    if prev is not None and _model_name(prev.text):
        return True  # "the iPhone 15", "an X5 2": a number after a product name
    # an age in apposition: "Mara Velt, 41, of Dunmore"
    if prev is not None and nxt is not None and prev.text == "," and nxt.text == "," and first.i >= 2 \
            and doc[first.i - 2].pos_ == "PROPN" and q.value is not None and 0 < q.value < 120:
        return "age"  # not a name: the same figure elsewhere is still a count
    if titled:
        return "alone" if alone else False  # in a title-case headline case tells no names apart
    if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and not nxt.is_sent_start \
            and nxt.ent_type_ not in ("NORP", "GPE") and (q.text[:1].isupper() and not first.is_sent_start
                                                         or q.text[:1].isdigit()) and nxt.lower_ not in _MONTH_WORDS \
            and not (last.dep_ == "nummod" and last.head.pos_ == "NOUN"):
        return True
    if prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN" and not prev.is_sent_start \
            and prev.lower_ not in _MONTH_WORDS and prev.ent_type_ not in ("NORP", "GPE") \
            and not (nxt is not None and nxt.lower_ in ("percent", "%")):
        return True
    if prev is not None and prev.lower_ == "of" and prev.i > 0:
        pp = doc[prev.i - 1]
        if pp.text[:1].isupper() and pp.pos_ == "PROPN" and not pp.is_sent_start and pp.ent_type_ in _NAME_ENTS | {""}:
            return True
    if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and prev is not None \
            and prev.text[:1].isupper() and prev.pos_ == "PROPN" and not prev.is_sent_start:
        return True
    if first.ent_type_ in _NAME_ENTS and any(t.ent_type_ == first.ent_type_ and t.text[:1].isupper()
                                             for t in doc[max(0, first.i - 3): first.i] if t.ent_iob_ != "O"):
        return True
    return "alone" if alone else False


_ONE = _N["one_counts"]


def _one_counts(noun) -> bool:
    """ "one count of fraud", "left one man dead", "one teen died": a "one" that is a tally by its frame."""
    if noun.lemma_.lower() in _ONE["nouns"]:
        return True
    verb = noun.head
    if verb.lemma_.lower() in _ONE["verbs"] and verb.pos_ in ("VERB", "AUX"):
        return True
    return any(c.lower_ in _ONE["states"] for c in list(noun.children) + list(verb.children) if c.i != noun.i)


# a comparative right after a share or amount: "5% higher", "$2 cheaper", "3 points down"
_CHANGE_AFTER = re.compile(r"[ \t]+(" + _alt(_N["change_after"]) + r")\b(?![ \t]+(?:from|to)\b)", re.IGNORECASE)


def _with_change(doc, q: Quantity, text: str) -> Quantity:
    from .fields import change

    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return q
    c = change(span)
    if c is None and q.unit is not None and (m := _CHANGE_AFTER.match(text, q.end)):
        c = _N["change_after"][m.group(1).lower()]
    return replace(q, change=c) if c else q


_LINE = re.compile(r"[^\n]{1,200}(?=\n|$)|[^\n]+")
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’]{3,}")


_PARTICLE_UP = frozenset(_N["particle_up_verbs"])
_UP_TO = re.compile(r"up[ \t]+to[ \t]+", re.IGNORECASE)


def _particle_up(doc, q: Quantity) -> Quantity:
    """ "revised its sales up to $1.7 billion", "pushed the levy up to 4%": "up" is the particle of a
    phrasal verb separated from it by its object, so "to N" is the level reached, not an upper bound
    (while "can hold up to 40 people" keeps its bound)."""
    m = _UP_TO.match(q.text)
    if q.approx != "at_most" or m is None:
        return q
    up = doc.char_span(q.start, q.start + 2)
    if up is None:
        return q
    i = up[0].i - 1
    if i < 0 or doc[i].pos_ == "ADP":
        return q  # "raised capacity to up to 90 beds": a bound after its own preposition
    between = 0
    while i >= 0 and between <= 8 and (not doc[i].is_punct or doc[i].text == "-") \
            and doc[i].pos_ not in ("VERB", "AUX"):
        between += 1
        i -= 1
    if i < 0 or between == 0 or doc[i].pos_ != "VERB" or doc[i].lemma_.lower() not in _PARTICLE_UP:
        return q
    return replace(q, text=q.text[m.end():], start=q.start + m.end(), value=q.high, low=None, high=None,
                   approx="exact")


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the title-case headline lines of ``text`` ("25 Shootings Over 48 Hours"), in order."""
    out = []
    for m in _LINE.finditer(text):
        if m.end() - m.start() > 200:
            continue
        words = _LONG_WORD.findall(m.group(0))
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            out.append(m.span())
    return out


def _model_name(word: str) -> bool:
    """A product or model name by its shape: a capital inside the word ("iPhone", "PlayStation")."""
    return len(word) > 2 and word.isalpha() and any(c.isupper() for c in word[1:]) and not word.isupper()


# "lost 120 points, or 0.4%", "cut 1,200 jobs, or 8%", "fell $2 (3%)": the same change restated
_APPOSED_CHANGE = re.compile(r"(?:[ \t]+[A-Za-z][\w-]*){0,2}[ \t]*(?:,[ \t]*(?:or|or about|or roughly|or nearly|or almost|"
                             r"or some)?|\((?:or[ \t]+)?)[ \t]*$", re.IGNORECASE)


def number_spans(doc, text: Optional[str] = None) -> list[tuple[Quantity, object]]:
    """Quantities of a parsed Doc with their token spans, names and pronouns removed. ``text``:
    ``doc.text``, when the caller has it (spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    titles = _title_lines(text)
    kept, names = [], set()
    for q in with_units(text, scan(text)):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if span.end_char - span.start_char > len(q.text) + _MAX_GLUE:
            continue  # a digit inside one long token ("1,1,1,...", a URL, a code): not a number anyone wrote
        drop = _drop_by_parse(doc, q, _inside(titles, q.start, q.end))
        if drop == "age":
            continue
        if drop is True:
            if q.text.isdigit():
                names.add(q.text)  # "a Varno 340 jet": later, "the 340" is the same name
            continue
        kept.append((q, span, drop == "alone"))
    # a "one" that is only an article or pronoun counts when its sentence counts other things too
    counted = {span.sent.start for q, span, alone in kept if not alone}
    out: list[tuple[Quantity, object]] = []
    for q, span, alone in kept:
        if q.text in names and not (span.root.dep_ == "nummod" and span.root.head.pos_ == "NOUN"):
            continue
        if alone and span.sent.start not in counted:
            continue
        q = _with_change(doc, _particle_up(doc, q), text)
        if out and q.change is None and out[-1][0].change is not None:
            p = out[-1][0]  # "lost 120 points, or 0.4%": the restated change keeps its direction
            if p.end <= q.start and q.start - p.end < 40 and _APPOSED_CHANGE.match(text[p.end:q.start]):
                q = replace(q, change=p.change)
        out.append((q, span))
    return out
