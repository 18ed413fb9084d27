"""Number expressions by their surface: every quantity in a text, with its value, bounds, unit and sign.

The scan is character-level and linear (every regular expression is a flat alternation or a
bounded window), so adversarial text cannot make it backtrack. What only the parse can tell apart
("one" as a pronoun, numbers inside names, the direction of changes) is ``quantity_parse``.
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
_U = load("units.json")
_UNITS: dict[str, str] = {s.lower(): name for name, forms in _U["words"].items() for s in forms}
_SYMBOLS: dict[str, str] = _U["symbols"]  # case matters: "Nm" is torque, "nm" a length; "MB" is not "mb"
_SPACED_SYMBOLS = {k: v for k, v in _SYMBOLS.items() if len(k) >= 2 and k not in ("in", "ha", "mi", "cc")}
_CURRENCY_PREFIXES: dict[str, str] = _N["currency_prefixes"]
_FRACTIONS: dict[str, int] = _N["fractions"]
_SLASH_DENOMINATORS = frozenset(_N["slash_denominators"])

_MAX_DIGITS = 300  # longer digit strings are not quantities anyone reports; their value is null


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, of literal phrases (spaces match any whitespace)."""
    out = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in out)


# --- the core number tokens ---------------------------------------------------------------
# digits with thousands separators, decimals and an optional exponent ("3.2e6")
_DIGITS = re.compile(r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3}(?![\w.]))?")
_W_ALT = _alt(list(_WORD_VALUES) + list(_SCALES))
_DIGIT_WORDS = [w for w, v in _N["number_words"].items() if v < 10]
_NUMWORD = re.compile(
    r"\b(?:" + _W_ALT + r")(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:" + _W_ALT + r"))*"
    r"(?:[ \t]+point(?:[ \t]+(?:" + _alt(_DIGIT_WORDS) + r"))+(?:[ \t]+(?:" + _alt(_SCALES) + r"))*)?\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?:a\s+few|several|a\s+couple\s+of|a\s+handful\s+of)\s+(?:hundred|thousand|million|billion|dozen)"
    r"|(?:tens|hundreds|thousands|millions|billions)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:hundreds|thousands|millions|billions|dozens|trillions))\b",
    re.IGNORECASE,
)
# fractions in words: "two-thirds", "a quarter of", "half a million", "one-quarter"
_NUMERATORS = ["a", "an"] + [w for w, v in _N["number_words"].items() if 0 < v < 20]
_FRACTION_WORD = re.compile(r"\b(?:(" + _alt(_NUMERATORS) + r")(?:[ \t]+|-))?(" + _alt(_FRACTIONS) + r")\b",
                            re.IGNORECASE)
_NOT_A_NUMERATOR_BEFORE = re.compile(r"\b(?:the|this|that|its|his|her|their|our|each|every|first|second|last|next|"
                                     r"past|final|opening|latter|former|other)[ \t]+$", re.IGNORECASE)
# "3/4", "2 1/2", "4-1/2": only the fractions news prints (a date such as 9/11 or 5/21 is not one)
_SLASH_PAIRS = "|".join(f"{n}/{d}" for d in sorted(_SLASH_DENOMINATORS, reverse=True) for n in range(1, d))
_SLASH_FRACTION = re.compile(r"\b(?:(\d{1,3})(?:[ \t]+|-))?(" + _SLASH_PAIRS + r")\b(?![/\d])")
_FOLD = re.compile(r"\b(" + _alt(list(_WORD_VALUES)) + r")-?fold\b", re.IGNORECASE)
_AND_A_HALF = re.compile(r"(?:[ \t]+|-)and(?:[ \t]+|-)a(?:[ \t]+|-)(half|quarter)\b", re.IGNORECASE)
_FRACTION_SCALE_AFTER = re.compile(r"[ \t]+(?:of[ \t]+)?an?[ \t]+(" + _alt(_SCALES) + r")\b", re.IGNORECASE)
_FRACTION_POINT_AFTER = re.compile(r"[ \t]+(?:of[ \t]+)?an?[ \t]+(?:percentage[ \t]+point|point|percent)\b",
                                   re.IGNORECASE)
_FRACTION_COMPOUND = re.compile(r"[-\u2010\u2011]((?:" + _alt(_SCALES) + r")|point)\b", re.IGNORECASE)
_FRACTION_TIME_AFTER = re.compile(r"[ \t]+(?:of[ \t]+)?(?:an?|the)[ \t]+(?:" + _alt(_TIME_UNITS) + r")\b",
                                  re.IGNORECASE)
_OF_AFTER = re.compile(r"[ \t]+(?:of|the)\b", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"[ \t]*[x×*][ \t]*10(?:\^[ \t]*([-+−]?\d{1,3})"
                         r"|([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))")  # "4.5 x 10^9", "1.5×10⁹"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# --- masks: text that holds digits but is not a quantity -----------------------------------
_MONTHS = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
           r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_HYPHENS = "-\u2010\u2011"
_UNIT_AFTER = _alt(list(_UNITS) + list(_SPACED_SYMBOLS) + [w for w in _CURRENCY_WORDS if w != "won"])
# a year, or a fiscal or season year ("2024-25"), unless a unit, scale or percent follows it
_YEAR_MASK = re.compile(
    r"(?<![\d,.$£€¥])\b(?:1[5-9]\d\d|20\d\d|2100)s?\b(?:[-–/]\d\d\b(?![-–/.,]\d))?(?!,\d)(?!\.\d)"
    r"(?![ \t]*(?:%|percent\b|per\s+cent\b|pct\b|pc\b|million\b|billion\b|thousand\b|mln\b|bln\b))"
    r"(?![ \t]+(?:" + _UNIT_AFTER + r")\b)")
# "some 1900 workers": an approximator and a noun make a count of a year-like number, but not "in or around
# 1999," or "since about 2009"
_YEAR_IS_COUNT_BEFORE = re.compile(r"(?<!\w)(?:(" + _alt(_N["year_count_not_before"]) + r")[ \t]+)?\b(?:"
                                   + _alt(_N["year_quantity_before"]) + r")[ \t]+$", re.IGNORECASE)
_YEAR_IS_COUNT_AFTER = re.compile(r"[ \t]+(?!(?:" + _alt(_N["year_count_not_after"]) + r")\b)[a-z]")
_TIME_WORDS_AGO = _alt(_TIME_UNITS)
_MASKS = re.compile(
    "|".join([
        r"\b\d{4}-\d{1,2}-\d{1,2}\b",                                   # ISO dates
        r"\b(?!(?:" + _SLASH_PAIRS + r")\b(?!/))\d{1,4}(?:/\d{1,4})+\b",  # 9/11, 24/7, 5/21/2025
        r"\b\d{1,2}(?::\d{2})+(?:\s*[ap]\.?m\b\.?)?",                   # 10:30, 10:30 a.m.
        r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|o'clock\b)",  # 10 a.m.
        r"\b1[-. ]\d{3}[-. ]\d{3}[-. ]\d{4}\b",                            # 1-800-555-0100
        r"\(\d{3}\)\s*\d{3}[-.]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b",  # phone numbers
        r"\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to|and|through)\s*\d{1,2}\b(?![,.]\d)(?!\s*(?:%|percent|pct|per\s+cent)))?(?:,?\s+\d{4}\b)?",
        r"<[A-Za-z/!][^<>\n]{0,500}>",                                  # markup tags and their attributes
        r"(?:^|(?<=\n))[ \t]*\d{1,2}[.)](?=[ \t])",                             # list numbering "1. "
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"(?![a-z])(?:,?\s+\d{4}\b)?",
        r"(?<!')'\d\d(?:s\b)?(?![\d,])",                              # '90s, '16 (not a '' quote mark)
        r"\b(?<!\d-)[A-Za-z]+[" + _HYPHENS + r"]\d+(?:/\d+)*[A-Za-z]?\b",  # MS-13, COVID-19, pre-9/11; not 3-to-2
        r"\b\d+\([a-z]\)",                                              # 401(k)
        r"\b\d+(?:st|nd|rd|th)\b",                                      # ordinals
        r"\b\d+-year-olds?\b|\b\d+-(?:year|month|day|week|hour|minute)s?-old\b",  # ages
        r"\bages?[ \t]+(?:of[ \t]+)?\d{1,3}(?:[ \t]*(?:-|–|to|and|through)[ \t]*\d{1,3})?\b",  # "ages of 18 and 25"
        r"(?:#|\bNo\.\s?)\d+",                                          # No. 1
        r"(?:^|(?<=\n))[ \t]*(?:By|BY)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'’-]*){1,6}"
        r"[ \t]*(?:\|[^\n]{0,80})?(?=\n|$)",                                 # bylines "By Ann Lee | 3 hours ago"
        r"\b(?:(?:\d+|" + _alt(_N["number_words"]) + r")[ \t]+(?:or|to)[ \t]+)?(?:\d+|an?|"
        + _alt(_N["number_words"]) + r"|several|few)[ \t]+(?:" + _TIME_WORDS_AGO
        + r")[ \t]+ago\b",                                                # "3 hours ago", "five weeks ago"
        # street addresses: "4410 Tenbury Avenue", "12-20 Harbor Street"
        r"\b\d{1,6}(?:-\d{1,4})?[ \t]+(?:[A-Z][A-Za-z'’.-]*[ \t]+){1,3}(?:" + _alt(_N["street_suffixes"])
        + r")(?![A-Za-z])",
    ]),
)

_SUFFIX_SCALE_RE = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?:" + _alt(["hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "crore"])
    + r")\b|[ \t]*(?:mln|bln|mn|bn|trn|tln|tn)\b|(?:k|m|b|mil)\b",
    re.IGNORECASE,
)
_CURRENCY_AFTER_RE = re.compile(r"[ \t]+(?:" + _alt(_CURRENCY_WORDS) + r")\b(?![’'])", re.IGNORECASE)  # not "won't"
_CODE_AFTER_RE = re.compile(r"[ \t]+(?:" + _alt(_N["currency_codes"]) + r")\b")
_PERCENT_RE = re.compile(r"[ \t]*(?:%|-?(?:" + _alt(w for w in _N["percent_words"] if w != "%") + r")\b)", re.IGNORECASE)
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:(?<![A-Za-z$])(?:" + _alt(_CURRENCY_PREFIXES) + r")|(?<![A-Za-z])(?:US|U\.S\.|CA|AU|NZ|HK|C|A|S|R)?\$"
    r"|£|€|¥|₹|₩|₽|₦|₱|฿|₫|₺|₴|\bRs\.?|\b(?:" + _alt(_N["currency_codes"]) + r"))[ \t]?$")
# a unit symbol right after the number, glued or spaced: "512GB", "45W", "380 Nm", "-5°C"
_GLUED_SYMBOL = re.compile(r"(?:" + _alt(_SYMBOLS) + r")(?![\w/°²])")
_SPACED_SYMBOL = re.compile(r"[ \t](?:" + _alt(_SPACED_SYMBOLS) + r")(?![\w/°²])")
_PENCE = re.compile(r"p(?!\w|\.\w)")        # "497p": a share price in pence
_TRILLION_MARK = re.compile(r"T(?![\w])")  # "$1.5T"
_SIGN_BEFORE = frozenset("-–−+")
_MINUS_WORD = re.compile(r"(?<!plus or )\b(?:minus|negative)[ \t]+$", re.IGNORECASE)  # not "plus or minus 3"
_BOUND_BEFORE = {
    kind: re.compile(r"(?:^|(?<=[^\w]))(?:" + _alt(phrases) + r")(?:[ \t]+an?[ \t]+|[ \t]+[\"“']?)$", re.IGNORECASE)
    for kind, phrases in _N["bounds"].items()
}
_NOT_A_BOUND_BEFORE = re.compile(r"\b(?:the|this|these|those|its|his|her|their|our|my|your|last|next|over|in|for|"
                                 r"during)[ \t]+$", re.IGNORECASE)  # "the past 10 years": a period, not a bound
_SUFFIX_BOUND_RE = re.compile(r"(?:[ \t]+|-)(" + _alt(w for w in _N["suffix_bounds"] if w != "+") + r")\b"
                              r"|(\+)(?![\w+])", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"[ \t]*(?:-|–|to|and|or|through)[ \t]*", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b(?:" + _alt(load("fields.json")["change_verb_forms"]) + r")[ \t]+(?:from[ \t]+)?$",
                            re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\d-to-$", re.IGNORECASE)  # "a 3-to-2 vote": two counts
_FROM_BEFORE = re.compile(r"\bfrom[ \t]+[$£€¥]?\d[\d,.]*(?:[ \t]*(?:%|[A-Za-z]+))?[ \t]+$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby[ \t]+$", re.IGNORECASE)  # "by 0.3 points to 2.9 percent": a change, then a level
_PROPORTION_JOIN = re.compile(r"[ \t]+(?:in|of|out[ \t]+of)[ \t]+(?:every[ \t]+|each[ \t]+)?", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)[ \t]+$", re.IGNORECASE)
_AFTER_WORD = re.compile(r"[ \t]*(?:-[ \t]*)?([A-Za-z][A-Za-z.'’-]*)")
_MULTIPLIER = re.compile(r"(?:[ \t]*-[ \t]*|[ \t]+)(?:fold\b|times\b)|[x×](?!\w)", re.IGNORECASE)  # "3.5x earnings"
_OF_NUMBER = re.compile(r"[ \t]+of[ \t]+", re.IGNORECASE)


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
    sign: str = ""        # "+" or "-" written before the number ("+3.2%", "-0.8%")
    fraction: bool = False  # a share written as a fraction ("two-thirds"): it can take "of <number>"


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
    """Value of a number written in words: "forty-six" -> 46, "two dozen" -> 24, "a million" -> 1e6,
    "two point five billion" -> 2.5e9."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w != "and"]
    if "point" in words:
        i = words.index("point")
        whole = words_to_number(" ".join(words[:i])) if i else 0.0
        digits, scale = "", 1.0
        for w in words[i + 1:]:
            if w in _SCALES:
                scale *= _SCALES[w]
            elif w in _WORD_VALUES and _WORD_VALUES[w] < 10 and scale == 1.0:
                digits += str(_WORD_VALUES[w])
            else:
                return None
        if whole is None or not digits:
            return None
        return _finite((whole + float("0." + digits)) * scale)
    total, current, seen = 0.0, 0.0, False
    for w in words:
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
    spans = [m.span() for m in _MASKS.finditer(text)]
    for m in _YEAR_MASK.finditer(text):
        # "some 1900 workers", "about 2000 people": an approximated count, not a year
        c = _YEAR_IS_COUNT_BEFORE.search(text, max(0, m.start() - 32), m.start())
        if c is None or c.group(1) or not _YEAR_IS_COUNT_AFTER.match(text, m.end()):
            spans.append(m.span())
    spans.sort()
    return spans


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_left(spans, (s, -1))
    for j in (i - 2, i - 1, i):
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


def _currency_prefix_glued(text: str, s: int) -> bool:
    """Letters glued before digits that are a currency mark ("USD40m", "$US90", "RM45"), not a name ("X2")."""
    i = s
    while i > 0 and s - i < 4 and (text[i - 1].isalpha() or text[i - 1] in "$."):
        i -= 1
    if i > 0 and text[i - 1].isalnum():
        return False
    run = text[i:s]
    return run in _CURRENCY_PREFIXES or run in _N["currency_codes"] or run.lstrip("$") in ("US",) and "$" in run


def _extend_core(text: str, s: int, e: int, value: Optional[float], word: bool, inner_scale: float = 1.0) -> _Core:
    """Attach scale words, currency and percent marks, signs and unit symbols around a bare number."""
    unit, scaled, sign = None, 0.0, ""
    before = text[max(0, s - 6): s]
    cm = _CURRENCY_BEFORE_RE.search(before)
    m = _AND_A_HALF.match(text, e)
    if m and value is not None:  # "four and a half", "one and a half million", "a million and a half"
        value, e = value + (0.5 if m.group(1).lower() == "half" else 0.25) * inner_scale, m.end()
    m = _SCIENTIFIC.match(text, e)
    if m and value is not None:  # "4.5 x 10^9"
        exp = (m.group(1) or m.group(2).translate(_SUPERSCRIPT)).replace("−", "-")
        try:
            value = _finite(value * 10.0 ** int(exp))
        except (OverflowError, ValueError):
            value = None
        e = m.end()
    m = _SUFFIX_SCALE_RE.match(text, e)
    if m and value is not None:
        w = m.group(0).strip(" \t-").lower()
        if w in _SUFFIX_SCALES and not (w in ("m", "b") and word):
            # "1.5m", "12k", "$3bn", "2 million"; bare "m"/"b" only right after digits
            if not (len(w) <= 3 and m.group(0)[:1] in " \t" and w not in ("mln", "bln", "mn", "bn", "trn", "tln", "tn")):
                value, e, scaled = _finite(value * _SUFFIX_SCALES[w]), m.end(), float(_SUFFIX_SCALES[w])
                m2 = _SUFFIX_SCALE_RE.match(text, e)  # "6 hundred million", "1.5 lakh crore"
                w2 = m2.group(0).strip(" \t-").lower() if m2 else ""
                if m2 and m2.group(0)[:1] in " \t" and _SUFFIX_SCALES.get(w2, 0) > scaled and value is not None:
                    value, e = _finite(value * _SUFFIX_SCALES[w2]), m2.end()
                    scaled *= _SUFFIX_SCALES[w2]
                m3 = _AND_A_HALF.match(text, e)
                if m3 and value is not None:  # "2 million and a half"
                    value, e = value + (0.5 if m3.group(1).lower() == "half" else 0.25) * scaled, m3.end()
    elif m and value is None:
        e = m.end()
    elif cm and value is not None and not word:
        m = _TRILLION_MARK.match(text, e)
        if m:
            value, e, scaled = _finite(value * 1e12), m.end(), 1e12
    if cm:
        sym = cm.group(0).strip()
        unit = _CURRENCY_SYMBOLS.get(sym) or _CURRENCY_PREFIXES.get(sym) \
            or (sym if sym.isupper() and len(sym) == 3 else "USD")
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
    if unit is None and not word:
        m = _GLUED_SYMBOL.match(text, e) or _SPACED_SYMBOL.match(text, e)
        if m:
            unit, e = _SYMBOLS[m.group(0).strip()], m.end()
        elif not scaled and (m := _PENCE.match(text, e)):
            unit, e = "GBX", m.end()
    # a sign written before the number (or its currency mark): "-0.8%", "+3.2%", "–295,000", "minus 12"
    if s > 0 and text[s - 1] in _SIGN_BEFORE and (s == 1 or text[s - 2] in " \t\n(['\"“/") and value is not None \
            and not (s >= 3 and text[s - 2] in " \t" and (text[s - 3].isdigit() or text[s - 3] == "%")):
        sign = "+" if text[s - 1] == "+" else "-"
        value, s = (value if sign == "+" else -value), s - 1
    elif value is not None and (mm := _MINUS_WORD.search(text, max(0, s - 12), s)):
        sign, value, s = "-", -value, mm.start()
    return _Core(s, e, value, unit, scaled=scaled, word=word, sign=sign)


def _word_scale(phrase: str) -> float:
    last = re.split(r"[\s-]+", phrase.lower())[-1]
    return float(_SCALES[last]) if last in _SCALES and last != "dozen" else 0.0


def _fraction_cores(text: str, masks: list[tuple[int, int]]) -> list[_Core]:
    """Shares written as fractions: "two-thirds" (66.67 percent), "half a million" (500,000), "3/4 cup"."""
    out: list[_Core] = []
    for m in _FRACTION_WORD.finditer(text):
        s, e = m.span()
        num_word, den_word = (m.group(1) or "").lower(), m.group(2).lower()
        den = _FRACTIONS[den_word]
        num = _WORD_VALUES.get(num_word, 1)
        if num >= den or _overlaps(masks, s, e):
            continue
        if not num_word and _NOT_A_NUMERATOR_BEFORE.search(text, max(0, s - 12), s):
            continue  # "the first half", "the third quarter"
        if num_word and _NOT_A_NUMERATOR_BEFORE.search(text, max(0, s - 12), s):
            continue
        hm = _FRACTION_COMPOUND.match(text, e)
        if hm and num <= 1:  # "a half-million", "a quarter-point cut"
            word_after = hm.group(1).lower()
            if word_after in _SCALES:
                out.append(_Core(s, hm.end(), _finite(num / den * _SCALES[word_after]), None, word=True))
            else:
                out.append(_Core(s, hm.end(), round(num / den, 4), "percent", word=True))
            continue
        if text[e:e + 1] in _HYPHENS or _FRACTION_TIME_AFTER.match(text, e):
            continue  # "a quarter-century", "half an hour": a span of time, not a share
        plural = den_word.endswith("s") and den_word != "halves"
        sm = _FRACTION_SCALE_AFTER.match(text, e)
        pm = _FRACTION_POINT_AFTER.match(text, e)
        bound, _ = _bound_before(text, s)
        of = _OF_AFTER.match(text, e)
        by = _BY_BEFORE.search(text, max(0, s - 4), s)  # "cut by a third"
        if not (plural and num > 1 or sm or pm or bound or of or by):
            continue  # "a third term", "quarter finals": ordinals and names, not shares
        if not num_word and den_word != "half":
            continue
        share = num / den
        if sm:
            out.append(_Core(s, sm.end(), _finite(share * _SCALES[sm.group(1).lower()]), None, word=True))
        elif pm:
            out.append(_Core(s, pm.end(), round(share, 4), "percent", word=True))
        else:
            out.append(_Core(s, e, round(100.0 * share, 2), "percent", word=True, fraction=True))
    for m in _SLASH_FRACTION.finditer(text):
        s, e = m.span()
        n, d = (int(x) for x in m.group(2).split("/"))
        whole = int(m.group(1)) if m.group(1) else None
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/.,"):
            continue
        if whole is None and _OF_AFTER.match(text, e):  # "2/3 of the budget", "more than 2/3 the cost"
            out.append(_Core(s, e, round(100.0 * n / d, 2), "percent", fraction=True))
        else:
            out.append(_extend_core(text, s, e, (whole or 0) + n / d, word=False))
    for m in _FOLD.finditer(text):  # "tenfold"
        if not _overlaps(masks, *m.span()):
            out.append(_Core(m.start(), m.end(), float(_WORD_VALUES[m.group(1).lower()]), word=True))
    return out


def _cores(text: str) -> list[_Core]:
    masks = _masked(text)
    found: list[_Core] = []
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        digits = m.group(0)
        if digits[0] == "." and s > 0 and text[s - 1].isalpha():
            if not _currency_prefix_glued(text, s + 1):
                continue  # "Dec.1", "No.5": an abbreviation glued to a label
            s, digits = s + 1, digits[1:]  # "Rs.500": the point closes a currency abbreviation
        if _overlaps(masks, s, e):
            continue
        prev = text[s - 1] if s else " "
        nxt = text[e] if e < len(text) else " "
        if (prev.isalpha() or prev == "$") and _currency_prefix_glued(text, s):
            pass  # "USD40m", "$US90 million", "RM45"
        elif prev.isalpha() or prev == "_" or (s >= 2 and ((prev == "." and text[s - 2].isdigit())
                                                         or (prev in _HYPHENS and text[s - 2].isalpha()
                                                             and not _RATIO_BEFORE.search(text, max(0, s - 6), s)))):
            continue  # part of a word or identifier: "MS13", "v2", "1.2.3"
        if nxt == "." and e + 1 < len(text) and text[e + 1].isdigit():
            continue  # version numbers and IP addresses
        core = _extend_core(text, s, e, _to_float(digits), word=False)
        if nxt.isalpha() or nxt == "°":
            # glued letters count only when they are a scale, unit, currency or percent mark in full:
            # "512GB", "3pc", "1.5bn" -- not "3D", "4G", "1990s"
            glued_times = core.end <= e and nxt in "x×" and _MULTIPLIER.match(text, e)  # "3.5x"
            if not glued_times and (core.end <= e or (core.end < len(text) and text[core.end - 1].isalnum()
                                                      and text[core.end].isalnum())):
                continue
        if core.unit is None and not core.scaled and "," not in digits and "." not in digits and len(digits) >= 7:
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
        core = _extend_core(text, s, e, value, word=True, inner_scale=_word_scale(phrase) or 1.0)
        if not core.scaled and (ws := _word_scale(phrase)):
            core = replace(core, scaled=ws)  # "seven to eight thousand": the scale reaches back to "seven"
        found.append(core)
    found.extend(_fraction_cores(text, masks))
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
            if c.end > out[-1].end and c.start > out[-1].start:
                continue
            continue
        out.append(c)
    return out


def _join(a: _Core, b: _Core, text: str) -> tuple[Optional[float], Optional[float], Optional[str]]:
    """Bounds of a range "a to b", carrying unit and scale across ("1.2 to 1.5 million", "$5-10 billion")."""
    lo, hi = a.value, b.value
    unit = a.unit or b.unit
    if lo is not None and hi is not None and b.scaled and not a.scaled and lo * b.scaled <= hi:
        lo = _finite(lo * b.scaled)
    if lo is not None and hi is not None and lo > hi and lo <= 0 and hi < 0:
        lo, hi = hi, lo  # "between -4,000 and -19,000"
    return lo, hi, unit


_BOUND_LAST_WORDS = frozenset(p.split()[-1].lower() for ps in _N["bounds"].values() for p in ps) | {"a", "an"}


def _last_word(window: str) -> str:
    window = window.rstrip("\"“'")
    parts = window.rstrip(" \t").rsplit(None, 1)
    return parts[-1].lstrip("\"“‘'([").lower() if parts and window[-1:] in " \t" else ""


def _bound_before(text: str, s: int) -> tuple[Optional[str], int]:
    if s > 0 and text[s - 1] in "~≈":  # "~80%"
        return "approximate", s - 1
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
    if window[best[1]:].lower().startswith("past") and _NOT_A_BOUND_BEFORE.search(window, 0, best[1]):
        return None, s  # "the past 10 years"
    if window[best[1]:].lower().startswith("up to") \
            and _FROM_BEFORE.search(text, max(0, s - len(window) + best[1] - 40), s - len(window) + best[1]):
        return None, s  # "from $40 million up to $65 million": the level it rose to
    return best[0], s - (len(window) - best[1])


def scan(text: str) -> list[Quantity]:
    """Every number expression in ``text`` by surface form alone (no parse): the raw layer."""
    cores = _cores(text)
    out: list[Quantity] = []
    i = 0
    while i < len(cores):
        a = cores[i]
        b = cores[i + 1] if i + 1 < len(cores) else None
        # a share of a number: "half of 1 percent"
        if b is not None and a.fraction and b.value is not None and not b.vague and a.value is not None:
            om = _OF_NUMBER.match(text, a.end)
            if om and om.end() == b.start:
                kind, s = _bound_before(text, a.start)
                q = Quantity(text[s:b.end], s, b.end, _finite(a.value / 100.0 * b.value), None, None, "exact",
                             b.unit, None)
                out.append(_apply_bound(q, kind))
                i += 2
                continue
        # proportions in words: "two in three", "eight of 10", "$4 of every $5", "6 out of every 10,000"
        if b is not None and not a.vague and not b.vague and a.value is not None and b.value \
                and not a.fraction and not b.fraction:
            pm = _PROPORTION_JOIN.match(text, a.end)
            joiner = pm.group(0).lower().split() if pm else []
            every = "every" in joiner or "each" in joiner
            of_only = pm is not None and "in" not in joiner and not every and "out" not in joiner
            if pm and pm.end() == b.start and a.unit in (None, b.unit) and b.unit != "percent" \
                    and (b.value <= 10 or b.value in (100, 1000) or every or of_only) and 0 < a.value < b.value \
                    and not (of_only and a.value == 1) and float(b.value).is_integer() \
                    and float(a.value).is_integer() and b.sign == "":
                kind, s = _bound_before(text, a.start)  # s is a.start when there is no bound
                value = round(100.0 * a.value / b.value, 2 if b.value < 1000 else 6)
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
            by = _BY_BEFORE.search(text, max(0, a.start - 4), a.start) is not None
            close = a.value > 0 and b.value <= 3 * a.value \
                and ("point" in text[a.start:a.end].lower()) == ("point" in text[b.start:b.end].lower())
            # "to rise by 200,000 to 250,000", "expected to grow 5% to 6%": two close ends of one change
            # are a range, not a change and a level
            if close and by:
                by = False
            if close and level and a.unit == b.unit:
                level = None
            if level and jm and jm.group(0).strip() in ("-", "–"):
                level = None  # "rose 2-3%": a dash joins a range even after a change verb
            if jm and jm.end() == b.start and unit_ok and not level and not by:
                joiner = jm.group(0).strip().lower()
                between = _BETWEEN_BEFORE.search(text[max(0, a.start - 10): a.start])
                lo, hi, unit = _join(a, b, text)
                and_without_between = joiner == "and" and not (between and between.group(0).lower().startswith("between"))
                if not and_without_between and lo is not None and hi is not None and lo < hi:
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
    if not m or q.approx not in ("exact", "approximate"):
        return q
    word = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower())
    if word == "plus" and m.group(0)[:1] in " \t":
        rest = text[m.end(): m.end() + 3].lstrip(" \t")
        if rest[:1].isdigit() or rest[:1] in "$£€¥" or _NUMWORD.match(text, m.end() + 1):
            return q  # "$5 billion plus $2 million": a sum, not a bound
    kind = _N["suffix_bounds"][word]
    q = replace(q, text=text[q.start:m.end()], end=m.end(), approx="exact")
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
    change = "up" if c.sign == "+" else "down" if c.sign == "-" and c.unit == "percent" else None
    q = Quantity(text[s:e], s, e, c.value, None, None, "exact", c.unit, change)
    q = _apply_bound(q, kind)
    return _with_suffix(text, q)


# --- physical units, with quantulum3 as the fallback reader -------------------------------
@lru_cache(maxsize=1)
def _quantulum():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its optional classifier is absent on purpose
        from quantulum3 import parser
    return parser


def warm_units() -> None:
    """Load quantulum3's English reader now: its first parse builds inflect's engine (2-3 s),
    which belongs to loading the pipeline, not to whichever article first needs a unit."""
    try:
        _quantulum().parse("1 mile")
    except Exception:  # a unit is only a bonus; the reader will be retried when needed
        pass


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


def number_spans(doc):
    """Quantities of a parsed Doc with their token spans (see ``quantity_parse.number_spans``)."""
    from .quantity_parse import number_spans as _spans

    return _spans(doc)
