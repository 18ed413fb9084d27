"""Number expressions: find every quantity in a text, with its value, bounds, unit and change.

The scan is character-level and linear (every regular expression is a flat alternation or a
bounded window), so adversarial text cannot make it backtrack. A spaCy ``Doc``, when given,
removes what only the parse can tell apart: "one" as a pronoun, numbers inside names, and
sets the direction of changes ("rose 20%").
"""
from __future__ import annotations

import bisect
import math
import re
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional

from .lexicon import load
from .records import Quantity

_N = load("numbers.json")
_WORD_VALUES: dict[str, int] = {**_N["number_words"], **_N["tens"]}
_SCALES: dict[str, int] = _N["scales"]
_SUFFIX_SCALES: dict[str, int] = _N["suffix_scales"]
_VAGUE: dict[str, int] = _N["vague_scales"]
_CURRENCY_SYMBOLS: dict[str, str] = _N["currency_symbols"]
_CURRENCY_WORDS: dict[str, str] = _N["currency_words"]
_TIME_UNITS = frozenset(_N["time_units"])
_IDENT_WORDS = frozenset(_N["identifier_words"])
_RANK_WORDS = frozenset(_N["rank_words"])
_UNITS: dict[str, str] = {s.lower(): name for name, forms in load("units.json").items() for s in forms}

_MAX_GLUE = 32  # a quantity whose tokens run this many characters past it is part of a longer string
_MAX_DIGITS = 300  # longer digit strings are not quantities anyone reports; their value is null


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, of literal phrases (spaces match any whitespace)."""
    out = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in out)


# --- the core number tokens ---------------------------------------------------------------
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")
_NUMWORD = re.compile(
    r"\b(?:" + _alt(list(_WORD_VALUES) + list(_SCALES)) + r")(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:"
    + _alt(list(_WORD_VALUES) + list(_SCALES)) + r"))*\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?:a\s+few|several|a\s+couple\s+of|a\s+handful\s+of)\s+(?:hundred|thousand|million|billion|dozen)"
    r"|(?:tens|hundreds|thousands|millions|billions)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:hundreds|thousands|millions|billions|dozens|trillions))\b",
    re.IGNORECASE,
)
# --- masks: text that holds digits but is not a quantity -----------------------------------
_MONTHS = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
           r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_MASKS = re.compile(
    "|".join([
        r"\b\d{4}-\d{1,2}-\d{1,2}\b",                                   # ISO dates
        r"\b\d{1,4}(?:/\d{1,4})+\b",                                    # 9/11, 24/7, 5/21/2025
        r"\b\d{1,2}(?::\d{2})+(?:\s*[ap]\.?m\b\.?)?",                   # 10:30, 10:30 a.m.
        r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|o'clock\b)",  # 10 a.m.
        r"\(\d{3}\)\s*\d{3}[-.]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b",  # phone numbers
        r"\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to|and|through)\s*\d{1,2}\b(?![,.]\d)(?!\s*(?:%|percent|pct|per\s+cent)))?(?:,?\s+\d{4}\b)?",
        r"<[A-Za-z/!][^<>\n]{0,500}>",                                  # markup tags and their attributes
        r"(?:^|(?<=\n))[ \t]*\d{1,2}[.)](?=[ \t])",                             # list numbering "1. "
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"(?![a-z])(?:,?\s+\d{4}\b)?",
        r"(?<![\d,.$£€¥])\b(?:1[5-9]\d\d|20\d\d|2100)s?\b(?!,\d)(?!\.\d)(?!\s*(?:%|percent\b|per\s+cent\b|pct\b|million\b|billion\b|thousand\b|mln\b|bln\b))",
        r"'\d\d(?:s\b)?",                                               # '90s, '16
        r"\b[A-Za-z]+-\d+[A-Za-z]?\b",                                   # MS-13, COVID-19, I-95
        r"\b\d+\([a-z]\)",                                              # 401(k)
        r"\b\d+(?:st|nd|rd|th)\b",                                      # ordinals
        r"\b\d+-year-olds?\b|\b\d+-(?:year|month|day|week|hour|minute)s?-old\b",  # ages
        r"(?:#|\bNo\.\s?)\d+",                                          # No. 1
        r"(?:^|(?<=\n))[ \t]*(?:By|BY)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'’-]*){1,6}"
        r"[ \t]*(?:\|[^\n]{0,80})?(?=\n|$)",                                 # bylines "By Ann Lee | 3 hours ago"
        r"\b\d+[ \t]+(?:seconds?|minutes?|mins?|hours?|hrs?)[ \t]+ago\b",    # "3 hours ago" timestamps
    ]),
)

_SUFFIX_SCALE_RE = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?:" + _alt(["hundred", "thousand", "million", "billion", "trillion", "dozen"]) + r")\b"
    r"|[ \t]*(?:mln|bln|mn|bn|trn|tln|tn)\b|(?:k|m|b|mil)\b",
    re.IGNORECASE,
)
_CURRENCY_AFTER_RE = re.compile(r"[ \t]+(?:" + _alt(_CURRENCY_WORDS) + r")\b", re.IGNORECASE)
_CODE_AFTER_RE = re.compile(r"[ \t]+(?:" + _alt(_N["currency_codes"]) + r")\b")
_PERCENT_RE = re.compile(r"[ \t]*(?:%|-?(?:" + _alt(w for w in _N["percent_words"] if w != "%") + r")\b)", re.IGNORECASE)
_CURRENCY_BEFORE_RE = re.compile(r"(?:(?<![A-Za-z])(?:US|U\.S\.|CA|AU|NZ|HK|C|A|S|R)?\$|£|€|¥|₹|₩|₽|\bRs\.?|\b(?:"
                                 + _alt(_N["currency_codes"]) + r"))[ \t]?$")
_BOUND_BEFORE = {
    kind: re.compile(r"(?:^|(?<=[^\w]))(?:" + _alt(phrases) + r")(?:[ \t]+an?)?[ \t]+$", re.IGNORECASE)
    for kind, phrases in _N["bounds"].items()
}
_SUFFIX_BOUND_RE = re.compile(r"(?:[ \t]+|-)(" + _alt(_N["suffix_bounds"]) + r")\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"[ \t]*(?:-|–|to|and|or|through)[ \t]*", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b(?:" + _alt(load("fields.json")["change_verb_forms"]) + r")[ \t]+(?:from[ \t]+)?$",
                            re.IGNORECASE)
_PROPORTION_JOIN = re.compile(r"[ \t]+(?:in|of|out[ \t]+of)[ \t]+(?:every[ \t]+)?", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)[ \t]+$", re.IGNORECASE)
_AFTER_WORD = re.compile(r"[ \t]*(?:-[ \t]*)?([A-Za-z][A-Za-z.'’-]*)")
_MULTIPLIER = re.compile(r"(?:[ \t]*-[ \t]*|[ \t]+)(?:fold\b|times\b)", re.IGNORECASE)


@dataclass(frozen=True)
class _Core:
    """One number with its own unit and scale, before bounds and ranges are joined."""

    start: int
    end: int
    value: Optional[float]
    unit: Optional[str] = None
    vague: bool = False
    scaled: float = 0.0   # the scale word's factor ("million" -> 1e6), 0 when none
    word: bool = False    # written in words ("six")


def _finite(v: Optional[float]) -> Optional[float]:
    """A value too large for a float ("a hundred hundred hundred ...", 1e300 trillion) is null."""
    return v if v is not None and math.isfinite(v) else None


def _to_float(digits: str) -> Optional[float]:
    s = digits.replace(",", "")
    if len(s.replace(".", "")) > _MAX_DIGITS:
        return None
    try:
        v = float(s)
    except (ValueError, OverflowError):
        return None
    return v if math.isfinite(v) else None


def words_to_number(phrase: str) -> Optional[float]:
    """Value of a number written in words: "forty-six" -> 46, "two dozen" -> 24, "a million" -> 1e6."""
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", phrase.lower()):
        if not w or w == "and":
            continue
        if w in ("a", "an"):
            current, seen = max(current, 1.0), True
        elif w in _WORD_VALUES:
            current += _WORD_VALUES[w]
            seen = True
        elif w == "hundred" or w == "dozen":
            current = (current or 1.0) * _SCALES[w]
            seen = True
        elif w in _SCALES:
            total += (current or 1.0) * _SCALES[w]
            current, seen = 0.0, True
        else:
            return None
    return _finite(total + current) if seen else None


def _masked(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASKS.finditer(text)]


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_left(spans, (s, -1))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < e and s < spans[j][1]:
            return True
    return False


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) lies within one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (s, math.inf)) - 1
    return i >= 0 and spans[i][0] <= s and e <= spans[i][1]


def _point_context(text: str, s: int) -> bool:
    """'points' means percentage points in poll and election talk."""
    window = text[max(0, s - 300): s + 300].lower()
    return any(w in window for w in ("percent", "%", "poll", "margin", "lead", " pct", "approval", "rate"))


def _extend_core(text: str, s: int, e: int, value: Optional[float], word: bool) -> _Core:
    """Attach scale words, currency and percent marks around a bare number."""
    unit, scaled = None, 0.0
    m = _SUFFIX_SCALE_RE.match(text, e)
    if m and value is not None:
        w = m.group(0).strip(" \t-").lower()
        if w in _SUFFIX_SCALES and not (w in ("m", "b") and word):
            # "1.5m", "12k", "$3bn", "2 million"; bare "m"/"b" only right after digits
            if not (len(w) <= 3 and m.group(0)[:1] in " \t" and w not in ("mln", "bln", "mn", "bn", "trn", "tln", "tn")):
                value, e, scaled = _finite(value * _SUFFIX_SCALES[w]), m.end(), float(_SUFFIX_SCALES[w])
    elif m and value is None:
        e = m.end()
    before = text[max(0, s - 6): s]
    cm = _CURRENCY_BEFORE_RE.search(before)
    if cm:
        sym = cm.group(0).strip()
        unit = _CURRENCY_SYMBOLS.get(sym) or (sym if sym.isupper() and len(sym) == 3 else "USD")
        s -= len(cm.group(0))
    m = _CURRENCY_AFTER_RE.match(text, e)
    if m and unit is None:
        code = _CURRENCY_WORDS[re.sub(r"\s+", " ", m.group(0).strip().lower())]
        if code == "USD-cent":
            unit, value = "USD", (value / 100 if value is not None else None)
        else:
            unit = code
        e = m.end()
    elif m is None and unit is None:
        m2 = _CODE_AFTER_RE.match(text, e)
        if m2:
            unit, e = m2.group(0).strip(), m2.end()
    if unit is None:
        m = _PERCENT_RE.match(text, e)
        if m:
            w = m.group(0).strip(" \t-").lower()
            if not w.startswith("point") or _point_context(text, s):
                unit, e = "percent", m.end()
    return _Core(s, e, value, unit, scaled=scaled, word=word)


def _cores(text: str) -> list[_Core]:
    masks = _masked(text)
    found: list[_Core] = []
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        if _overlaps(masks, s, e):
            continue
        prev = text[s - 1] if s else " "
        nxt = text[e] if e < len(text) else " "
        if prev.isalpha() or prev == "_" or (s >= 2 and ((prev == "." and text[s - 2].isdigit())
                                                       or (prev == "-" and text[s - 2].isalpha()))):
            continue  # part of a word or identifier: "MS13", "v2", "1.2.3"
        if nxt.isalpha() and not _SUFFIX_SCALE_RE.match(text, e):
            continue  # "3D", "4G", "1990s", "10am" (already masked), "5G"
        if nxt == "." and e + 1 < len(text) and text[e + 1].isdigit():
            continue  # version numbers and IP addresses
        core = _extend_core(text, s, e, _to_float(m.group(0)), word=False)
        if core.unit is None and not core.scaled and "," not in m.group(0) and "." not in m.group(0) \
                and len(m.group(0)) >= 7:
            continue  # long bare digit strings are ids, timestamps and codes; news prints 1,449,075
        found.append(core)
    for m in _NUMWORD.finditer(text):
        s, e = m.span()
        phrase = m.group(0)
        if phrase.lower() in _SCALES and not re.search(r"\b(?:a|an)[ \t]+$", text[max(0, s - 4): s], re.I):
            continue  # a lone "hundred"/"million" is not a number
        if _overlaps(masks, s, e):
            continue
        am = re.search(r"\b(?:a|an)[ \t]+$", text[max(0, s - 4): s], re.I)
        if am and phrase.split()[0].lower() in _SCALES:
            s -= len(am.group(0))
            phrase = text[s:e]
        value = words_to_number(phrase)
        if value is None:
            continue
        found.append(_extend_core(text, s, e, value, word=True))
    # "a few hundred": the vague reading wins over a number inside it; one that only overlaps it wins
    vague = [m.span() for m in _VAGUE_RE.finditer(text)]
    if vague:
        found = [c for c in found if not _inside(vague, c.start, c.end)]
        spans = sorted((c.start, c.end) for c in found)
        for s, e in vague:
            if not _overlaps(spans, s, e):
                found.append(replace(_extend_core(text, s, e, None, word=True), value=None, vague=True))
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[_Core] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _join(a: _Core, b: _Core, text: str) -> tuple[Optional[float], Optional[float], Optional[str]]:
    """Bounds of a range "a to b", carrying unit and scale across ("1.2 to 1.5 million", "$5-10 billion")."""
    lo, hi = a.value, b.value
    unit = a.unit or b.unit
    if lo is not None and hi is not None and b.scaled and not a.scaled and lo * b.scaled <= hi:
        lo = _finite(lo * b.scaled)
    return lo, hi, unit


_BOUND_LAST_WORDS = frozenset(p.split()[-1].lower() for ps in _N["bounds"].values() for p in ps) | {"a", "an"}


def _last_word(window: str) -> str:
    parts = window.rstrip(" \t").rsplit(None, 1)
    return parts[-1].lower() if parts and window[-1:] in " \t" else ""


def _bound_before(text: str, s: int) -> tuple[Optional[str], int]:
    window = text[max(0, s - 40): s]
    if _last_word(window) not in _BOUND_LAST_WORDS:
        return None, s  # cheap guard: every bound phrase ends in one of these words
    best = None
    for kind, rx in _BOUND_BEFORE.items():
        m = rx.search(window)
        if m and (best is None or m.start() < best[1]):
            best = (kind, m.start())
    if best is None:
        return None, s
    return best[0], s - (len(window) - best[1])


def scan(text: str) -> list[Quantity]:
    """Every number expression in ``text`` by surface form alone (no parse): the raw layer."""
    cores = _cores(text)
    out: list[Quantity] = []
    i = 0
    while i < len(cores):
        a = cores[i]
        b = cores[i + 1] if i + 1 < len(cores) else None
        # proportions in words: "two in three", "eight of 10", "$4 of every $5"
        if b is not None and not a.vague and not b.vague and a.value is not None and b.value:
            pm = _PROPORTION_JOIN.match(text, a.end)
            of_only = pm is not None and "in" not in pm.group(0).lower().split() and "every" not in pm.group(0).lower() \
                and "out" not in pm.group(0).lower()
            if pm and pm.end() == b.start and a.unit in (None, b.unit) and b.unit != "percent" \
                    and (b.value <= 10 or b.value in (100, 1000)) and a.value < b.value and float(b.value).is_integer() \
                    and not (of_only and b.value not in (10, 100)):
                kind, s = _bound_before(text, a.start)  # s is a.start when there is no bound
                value = round(100.0 * a.value / b.value, 2)
                q = Quantity(text[s:b.end], s, b.end, value, None, None, "exact", "percent", None)
                out.append(_apply_bound(q, kind))
                i += 2
                continue
        # ranges and tallies: "1,200 to 1,500", "between 10 and 20", "80-200", "220-207"
        if b is not None and not a.vague and not b.vague and a.value is not None and b.value is not None:
            jm = _RANGE_JOIN.match(text, a.end)
            unit_ok = a.unit == b.unit or a.unit is None or (b.unit is None and text[a.start] in "$£€¥" + "ACNUHSR")
            level = _CHANGE_BEFORE.search(text[max(0, a.start - 30): a.start]) \
                if text[a.start - 1: a.start] in (" ", "\t") else None
            if jm and jm.end() == b.start and unit_ok and not level:
                joiner = jm.group(0).strip().lower()
                between = _BETWEEN_BEFORE.search(text[max(0, a.start - 10): a.start])
                lo, hi, unit = _join(a, b, text)
                and_without_between = joiner == "and" and not (between and between.group(0).lower().startswith("between"))
                if not and_without_between and lo is not None and hi is not None and lo < hi and (joiner != "or" or (a.word and b.word)):
                    s = a.start
                    if between and between.group(0).lower().startswith("between"):
                        s -= len(between.group(0))
                    bk, bs = _bound_before(text, s)
                    if bk:
                        s = bs  # "about 1,200 to 1,500", "at least 1,200 to 1,500": still a range
                    q = Quantity(text[s:b.end], s, b.end, None, lo, hi, "range", unit, None)
                    out.append(_with_suffix(text, q))
                    i += 2
                    continue
        out.append(_single(text, a))
        i += 1
    return out


def _apply_bound(q: Quantity, kind: Optional[str]) -> Quantity:
    if kind is None or q.value is None:
        return q
    v = q.value
    if kind in ("at_least", "more_than"):
        return replace(q, value=None, low=v, high=None, approx=kind)
    if kind in ("at_most", "less_than"):
        return replace(q, value=None, low=None, high=v, approx=kind)
    return replace(q, approx="approximate")


def _with_suffix(text: str, q: Quantity) -> Quantity:
    m = _SUFFIX_BOUND_RE.match(text, q.end)
    if not m or q.approx not in ("exact",):
        return q
    kind = _N["suffix_bounds"][re.sub(r"\s+", " ", m.group(1).lower())]
    q = replace(q, text=text[q.start:m.end()], end=m.end())
    return _apply_bound(q, kind)


def _single(text: str, c: _Core) -> Quantity:
    if c.vague:
        _, s = _bound_before(text, c.start)
        return Quantity(text[s:c.end], s, c.end, None, None, None, "vague", c.unit, None)
    e = c.end
    mm = _MULTIPLIER.match(text, e)
    if mm and c.unit is None:
        e = mm.end()
    kind, s = _bound_before(text, c.start)
    q = Quantity(text[s:e], s, e, c.value, None, None, "exact", c.unit, None)
    q = _apply_bound(q, kind)
    return _with_suffix(text, q)


# --- physical units, with quantulum3 as the fallback reader -------------------------------
@lru_cache(maxsize=1)
def _quantulum():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its optional classifier is absent on purpose
        from quantulum3 import parser
    return parser


_PHYSICAL = {"length", "mass", "area", "volume", "temperature", "speed", "power", "energy", "force", "pressure"}


@lru_cache(maxsize=4096)
def _quantulum_unit(word: str) -> Optional[str]:
    """The unit quantulum3 reads in "1 <word>", when it is physical; None otherwise."""
    if len(word) < 2 or not word.isalpha():
        return None
    try:
        parsed = _quantulum().parse(f"1 {word}")
    except Exception:  # quantulum3 raises on odd input; a unit is only a bonus
        return None
    for p in parsed:
        ent = getattr(getattr(p.unit, "entity", None), "name", "")
        surface = (p.surface or "").lower()
        if ent in _PHYSICAL and surface.endswith(word.lower()) and p.unit.name != "dimensionless":
            name = p.unit.name
            return name[:-1] if name.endswith("s") and not name.endswith("ss") else name
    return None


def unit_word(word: str) -> Optional[str]:
    """The unit a single word names ("miles" -> "mile"), from the lexicon only."""
    return _UNITS.get(word.lower())


def physical_unit(text: str, end: int) -> tuple[Optional[str], int]:
    """Unit written right after a number ("2,300 miles", "40 acres"), and where it ends."""
    m = _AFTER_WORD.match(text, end)
    if not m:
        return None, end
    w = m.group(1).rstrip(".").lower()
    two = re.match(r"[ \t]*([A-Za-z]+[ \t-]+[A-Za-z]+)", text[end:end + 40])
    if two and re.sub(r"[\s-]+", " ", two.group(1).lower()) in _UNITS:
        return _UNITS[re.sub(r"[\s-]+", " ", two.group(1).lower())], end + two.end()
    if w in _UNITS:
        return _UNITS[w], m.end()
    if w in _TIME_UNITS:
        return None, end
    unit = _quantulum_unit(w) if len(w) > 2 else None
    return (unit, m.end()) if unit else (None, end)


def with_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Fill physical units for plain numbers; keep the span to the number itself."""
    out = []
    for q in qs:
        if q.unit is None and q.approx != "vague":
            unit, _ = physical_unit(text, q.end)
            if unit:
                q = replace(q, unit=unit)
        out.append(q)
    return out


# --- what only the parse can tell ----------------------------------------------------------
_NAME_ENTS = frozenset({"ORG", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "PERSON"})
_MONTH_WORDS = frozenset("january february march april may june july august september october november december "
                         "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _is_bare(q: Quantity) -> bool:
    return q.unit is None and q.approx == "exact" and not re.search(r"[A-Za-z]{3,}", q.text.replace("one", "")) \
        or (q.unit is None and q.approx == "exact" and q.text.lower() in _WORD_VALUES)


def _drop_by_parse(doc, q: Quantity) -> bool:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    low = q.text.lower()
    if low == "one" or low == "a":
        # "one" counts only as a number modifying a noun: not "one of", "no one", "the one", "one day"
        if prev is not None and prev.lower_ in ("no", "the", "this", "that", "every", "any", "each", "which", "another"):
            return True
        if nxt is not None and nxt.lower_ in ("of", "another", "-", "another's", "way", "thing", "day", "time", "side"):
            return True
        if not (last.dep_ == "nummod" and last.head.pos_ in ("NOUN", "PROPN")):
            return True
        if last.head.lower_ in _TIME_UNITS:
            return True
    if q.text[:1].isupper() and not first.is_sent_start and nxt is not None and nxt.text[:1].isupper() \
            and nxt.pos_ == "PROPN" and q.unit is None:
        return True  # "the Under 30 Summit"
    if not _is_bare(q) or q.approx != "exact":
        return False
    # numbers inside names: "Title 42", "Group of 20", "Under 30 Summit", "One Big Beautiful Bill Act"
    if prev is not None and (prev.text in _IDENT_WORDS or prev.lower_ in _RANK_WORDS):
        return True
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
    return False


def _with_change(doc, q: Quantity) -> Quantity:
    from .fields import change

    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return q
    c = change(span)
    return replace(q, change=c) if c else q


def number_spans(doc) -> list[tuple[Quantity, object]]:
    """Quantities of a parsed Doc with their token spans, names and pronouns removed."""
    text = doc.text
    kept, names = [], set()
    for q in with_units(text, scan(text)):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and span.end_char - span.start_char > len(q.text) + _MAX_GLUE:
            continue  # a digit inside one long token ("1,1,1,...", a URL, a code): not a number anyone wrote
        if _drop_by_parse(doc, q):
            if q.text.isdigit():
                names.add(q.text)  # "Boeing 757": later, "the 757" is the same name
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        kept.append((q, span))
    out = []
    for q, span in kept:
        if q.text in names and not (span.root.dep_ == "nummod" and span.root.head.pos_ == "NOUN"):
            continue
        out.append((_with_change(doc, q), span))
    return out
