"""Time expressions: finding them in text and resolving them against the publication date.

Three layers:

* :func:`resolve_date` normalises one expression ("Sunday", "last week", "the first half of
  2015", "fiscal 2025") to an ISO interval with a granularity and a basis. News convention:
  a bare weekday or month name means the latest one on or before publication, unless the
  caller asks for the future (targets and forecasts look ahead); a month name is the coming
  one only when it is the month right after publication, and a month-day or holiday more
  than seven months back is the next one.
* :func:`find_time_expressions` is a regex scan (precompiled, no backtracking nests) that
  returns candidate spans in running prose.
* :class:`DateContext` finds every expression of one spaCy ``Doc`` once and picks, for a
  claim, the expression that governs it: its clause, its sentence, the scene-setting
  expression of its paragraph, the report period its lede names, else the publication date.
  Comparison points of other figures ("up from 5% in 2019", "than a year ago", "the lowest
  since 1980"), years that name things ("a 2009 graduate") and the times of intended actions
  ("likely to vote in November") never govern.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from .records import DateRef

__all__ = ["resolve_date", "find_time_expressions", "DateContext"]

Day = dt.date
DateLike = Union[dt.date, dt.datetime, str, None]


# ---------------------------------------------------------------------------------------------
# lexicon

def _load_lexicon() -> dict:
    try:
        from importlib.resources import files

        text = (files("claimex") / "data" / "timex.json").read_text(encoding="utf-8")
    except Exception:  # running from a source tree without the package importable
        text = (Path(__file__).parent / "data" / "timex.json").read_text(encoding="utf-8")
    return json.loads(text)


_LEX = _load_lexicon()
MONTHS: dict[str, int] = _LEX["months"]
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
SEASONS: dict[str, list[int]] = _LEX["seasons"]
_MAX_LOOKBACK = 12  # earlier sentences of a paragraph searched for a scene-setting time
NUMBER_WORDS: dict[str, int] = _LEX["number_words"]
ORDINALS: dict[str, int] = _LEX["ordinals"]
DECADE_WORDS: dict[str, int] = _LEX["decade_words"]
COUNT_NOUNS: list[str] = _LEX["count_nouns"]
COMPARISON_HEADS = frozenset(_LEX["comparison_heads"])
COMPARISON_WORDS = frozenset(_LEX["comparison_words"])
SUPERLATIVE_WORDS = frozenset(_LEX["superlative_words"])
NAME_HEADS = frozenset(_LEX["name_heads"])
EVENT_NOUNS = frozenset(_LEX["event_nouns"])
PROSPECTIVE_HEADS = frozenset(_LEX["prospective_heads"])
REPORT_NOUNS = frozenset(_LEX["report_nouns"])
FRAME_GRANULARITIES = frozenset(("year", "month", "quarter"))
FUTURE_CUES = frozenset(_LEX["future_cues"])
ISSUE_VERBS = frozenset(_LEX["issue_verbs"])
MODIFIER_DEPS = frozenset(("compound", "nmod", "amod", "poss", "nummod"))


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so prefixes never shadow)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------------------------------------
# calendar helpers

def _month_end(y: int, m: int) -> Day:
    return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)


def _month(y: int, m: int):
    return dt.date(y, m, 1), _month_end(y, m), "month"


def _year(y: int):
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def _quarter(y: int, q: int):
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"


def _week_of(d: Day):
    s = d - dt.timedelta(days=d.weekday())
    return s, s + dt.timedelta(days=6), "week"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _day(d: Day):
    return d, d, "day"


def _shift_years(r, k: int):
    s, e, g = r
    try:
        return s.replace(year=s.year + k), _safe_replace_year(e, e.year + k), g
    except ValueError:
        return None


def _safe_replace_year(d: Day, y: int) -> Day:
    try:
        return d.replace(year=y)
    except ValueError:  # Feb 29 -> Feb 28
        return d.replace(year=y, day=28)


def _easter(y: int) -> Day:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> Day:
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(y, m)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


# ---------------------------------------------------------------------------------------------
# normalisation of one expression

_UNITS_NUM = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
              "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TWO_DIGIT = (r"(?:(?P<tens>" + _alt(_TENS) + r")(?: (?P<ones>" + _alt(_ONES) + r"))?|(?P<teen>"
              + _alt(_UNITS_NUM) + r")|oh (?P<oh>" + _alt(_ONES) + r"))")
_SPELLED_19 = re.compile(r"\b(?P<cent>nineteen|eighteen|twenty) " + _TWO_DIGIT + r"\b")
_SPELLED_2K = re.compile(r"\b(?:the year )?two thousand(?: and)?(?: (?P<rest>" + _alt(_UNITS_NUM) + "|"
                         + _alt(_ONES) + r"|(?:" + _alt(_TENS) + r")(?: (?:" + _alt(_ONES) + r"))?))?\b")
_CENT = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def _two_digit(m) -> int:
    if m.group("tens"):
        return _TENS[m.group("tens")] + (_ONES[m.group("ones")] if m.group("ones") else 0)
    if m.group("teen"):
        return _UNITS_NUM[m.group("teen")]
    return _ONES[m.group("oh")]


def _spelled_years(s: str) -> str:
    s = _SPELLED_19.sub(lambda m: str(_CENT[m.group("cent")] + _two_digit(m)), s)

    def k(m):
        rest = m.group("rest")
        if not rest:
            return "2000"
        parts = rest.split()
        n = _UNITS_NUM.get(parts[0]) or _ONES.get(parts[0]) or _TENS.get(parts[0], 0)
        if len(parts) > 1:
            n += _ONES[parts[1]]
        return str(2000 + n)

    return _SPELLED_2K.sub(k, s)


_NUM_WORD_RE = re.compile(r"\b(?:" + _alt(NUMBER_WORDS) + r")\b")


def _norm(expression: str) -> str:
    s = expression.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"(?<=[a-z])\.", " ", s)              # abbreviations: "jan." "sept." "a.m."
    s = re.sub(r"'s\b", "", s)                       # possessives: "friday's", "year's end"
    s = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", " ", s)   # "third-quarter", "mid-2020"
    s = re.sub(r"\bfy ?'?(?=\d)", "fy ", s)
    s = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", s)    # "21st"
    s = re.sub(r"[,;:!?\"()\[\]]", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" .'-")
    return _spelled_years(s)


# words that strip from the front without changing the period
_LEAD = re.compile(r"^(?:on|in|at|during|since|from|of|as of|around|about|circa|throughout|sometime in|"
                   r"sometime|some time in|over|the|its|their|his|her|our|a flat|roughly|approximately|"
                   r"nearly|almost|some|more than|less than|just over|just under|only|just|until|till|"
                   r"through|before|after|by|within|toward|towards|into) ")
_DEADLINE = re.compile(r"^(?:by|until|till|before|toward|towards|within) ")
# modifiers that name a part of the period: the period itself stands ("early 2020" -> 2020)
_PART = re.compile(r"^(?:early|earlier|late|later|mid|middle|end|the middle of|the end of|end of|the start of|"
                   r"start of|the beginning of|beginning of|the first days of|the last days of|the close of|"
                   r"the turn of|the rest of|the remainder of|the balance of|the course of|the spring of|"
                   r"the height of|post|pre|the run up to|the lead up to) ")
_PAST_CUE = re.compile(r"\b(?:last|ago|earlier|yesterday|previous|prior|past|year ago|year earlier)\b")
_ANAPHORIC = re.compile(r"\b(?:that|the following|the next|the same|the previous day|the day before|"
                        r"the day after|the preceding|then|the prior)\b")

_MON = _alt(MONTHS)
_WD = _alt(WEEKDAYS)
_ORD = _alt(ORDINALS)

# ---------------------------------------------------------------------------------------------
# rules: each takes the normalised string and publication date; returns (start, end, gran) or None

_R_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_R_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_R_NUMDATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_R_NUMDAY = re.compile(r"(\d{1,2})/(\d{1,2})")
_R_DECADE = re.compile(r"(?:the )?(?:early |mid |late )?(?:(\d{3})0|'?(\d)0) ?s")
_R_DECADE_WORD = re.compile(r"(?:the )?(?:early |mid |late )?(" + _alt(DECADE_WORDS) + r")")
_R_FISCAL = re.compile(r"(?:(?P<rel>last|this|next|the current|current|the previous|previous|the past|past|"
                       r"the coming|coming|the new|new) )?(?:fiscal(?: year)?|fy|the fiscal year)(?: (?P<y>\d{4}|\d{2}))?")
_R_QUARTER = re.compile(
    r"(?:(?P<mod>latest|last|previous|current|this|next|past|most recent|recent|coming|same|comparable|"
    r"corresponding|"
    r"comparable year ago|comparable year earlier|year ago|year earlier|prior year|previous year|"
    r"fiscal|calendar) )?"
    r"(?:(?P<y1>\d{4}) |(?P<ry1>last|this|next) year )?(?:fiscal )?"
    r"(?:(?P<ord>" + _ORD + r") |q(?P<qn>[1-4]) |(?P<qn2>[1-4])q )?(?:fiscal )?(?:quarter|qtr|period)"
    r"(?:(?: of)? (?P<y2>\d{4})| (?:of )?(?P<ry2>last|this|next) year| (?P<ago>a year ago|a year earlier|"
    r"last year|the previous year|the prior year|of the previous year))?")
_R_QSHORT = re.compile(r"(?:q(?P<q>[1-4])|(?P<q2>[1-4])q) ?'?(?P<y>\d{4}|\d{2})?")
_R_HALF = re.compile(r"(?:(?P<rel>last|this|next|latest) )?(?:(?P<y1>\d{4}) )?(?P<ord>first|second|1st|2nd|h1|h2) "
                     r"?half(?:(?: of)? (?P<y2>\d{4})| of (?:the )?(?P<ry>last|this|next|the) year| of the year)?|"
                     r"(?P<h>h[12]|[12]h) ?(?P<y3>\d{4}|\d{2})?")
_R_SEASON = re.compile(r"(?:(?P<rel>last|this|next|past|coming) )?(?P<s>spring|summer|fall|autumn|winter)"
                       r"(?:(?: of)? (?P<y>\d{4})| (?P<ry>last|this|next) year)?|(?P<y0>\d{4}) (?P<s0>spring|summer|fall|autumn|winter)")
_R_MONTHDAY = re.compile(
    r"(?:(?:" + _WD + r") )?(?:(?P<rel>last|this|next|this coming|coming|past) )?(?P<mon>" + _MON + r")"
    r"(?: (?P<day>\d{1,2}))?(?:(?: of)? (?P<y>\d{4})| (?P<ry>last|this|next) year| (?P<y2>'\d{2}))?")
_R_DAYMON = re.compile(r"(?:(?:" + _WD + r") )?(?:the )?(?P<day>\d{1,2}) (?:of )?(?P<mon>" + _MON + r")(?: (?P<y>\d{4}))?")
_R_YEAR = re.compile(r"(?:the )?(?:calendar |fiscal |the year |year )?(?P<y>\d{4})(?: (?:period|season|year|calendar year|"
                     r"or later|or earlier|or so|or after|or before|and beyond|onward|onwards|levels?|figures?|"
                     r"results?|numbers?))?")
_R_RELUNIT = re.compile(r"(?:(?P<rel>last|this|next|past|previous|prior|current|coming|following|same|"
                        r"preceding|present|latest|recent|most recent|new|full|whole|entire|calendar|the) )?"
                        r"(?P<u>week|weekend|month|year|day|calendar year|twelve months|12 months)")
_R_TRAILING_WEEK = re.compile(r"(?:the (?:past|last)|past) (?:week|seven days|7 days)")
_R_AGO = re.compile(r"(?:(?:about|nearly|almost|some|roughly|more than|less than|over|just over|just|only|"
                    r"exactly|barely|around) )?(?P<n>\d{1,4}|" + _alt(NUMBER_WORDS) + r") (?:or so )?"
                    r"(?P<u>day|week|month|year|decade)s?(?: or so)? (?P<dir>ago|earlier|before|back|from now|later|hence)")
_R_UNIT_AGO = re.compile(r"(?P<u>day|week|month|year|decade) (?P<dir>ago|earlier|before|back)")
_R_WEEKDAY = re.compile(r"(?:(?P<rel>last|this|next|this coming|coming|past|this past) )?(?P<wd>" + _WD + r")"
                        r"(?: (?:morning|afternoon|evening|night|overnight|noon|midday|a m|p m|am|pm))?")
_R_DAYWORD = re.compile(r"(?P<w>today|tonight|yesterday|tomorrow|last night|this morning|this afternoon|"
                        r"this evening|overnight|the day before yesterday|the day after tomorrow|now|currently|"
                        r"presently|at present|"
                        r"the day|the day ahead|this day)(?: (?:morning|afternoon|evening|night|a m|p m))?")
_R_WEEK_OF = re.compile(r"(?:the )?week (?:of|beginning|starting|ending) (?P<d>.+)")
_R_YEAR_END = re.compile(r"(?:(?P<ry>last|this|next) )?(?:year|yr) end(?: (?P<ry2>last|this|next) year)?")
_R_RANGE = re.compile(r"(?:from |between )?(?P<a>.+?)(?: to | through | thru | until | till | and | ?- ?)(?P<b>.+)")

_HOLI_FIXED = {}
_HOLI_NTH = {}
_HOLI_EASTER = {}


def _init_holidays():
    for k, v in _LEX["holidays_fixed"].items():
        _HOLI_FIXED[_norm_key(k)] = v
    for k, v in _LEX["holidays_nth_weekday"].items():
        _HOLI_NTH[_norm_key(k)] = v
    for k, v in _LEX["holidays_easter"].items():
        _HOLI_EASTER[_norm_key(k)] = v


def _norm_key(k: str) -> str:
    k = k.lower().replace("'s", "")
    k = re.sub(r"(?<=[a-z])\.", " ", k)
    k = re.sub(r"'", "", k)
    return re.sub(r"\s+", " ", k).strip()


_init_holidays()
_HOLI_NAMES = list(_HOLI_FIXED) + list(_HOLI_NTH) + list(_HOLI_EASTER)
_R_HOLIDAY = re.compile(r"(?:(?P<rel>last|this|next|this past|this coming|coming|past) )?(?P<h>" + _alt(_HOLI_NAMES)
                        + r")(?: day)?(?P<wk> week)?(?: (?P<y>\d{4})| (?P<ry>last|this|next) year)?")


def _holiday_in(name: str, y: int) -> Optional[Day]:
    if name in _HOLI_FIXED:
        m, d = _HOLI_FIXED[name]
        return dt.date(y, m, d)
    if name in _HOLI_NTH:
        v = _HOLI_NTH[name]
        d = _nth_weekday(y, v[0], v[1], v[2])
        return d + dt.timedelta(days=v[3] if len(v) > 3 else 0)
    if name in _HOLI_EASTER:
        return _easter(y) + dt.timedelta(days=_HOLI_EASTER[name])
    return None


def _num(tok: str) -> Optional[int]:
    if tok.isdigit():
        return int(tok)
    return NUMBER_WORDS.get(tok)


def _yy(y: str, pub: Day) -> int:
    """A two-digit year: the one within the century nearest the publication year."""
    y2 = int(y)
    c = pub.year // 100 * 100
    best = min((c - 100 + y2, c + y2, c + 100 + y2), key=lambda x: abs(x - pub.year))
    return best


def _rel_year(word: Optional[str], pub: Day) -> int:
    return pub.year + {"last": -1, "next": 1}.get(word or "this", 0)


def _pick_year_for(month: int, day: Optional[int], pub: Day, direction: str) -> Optional[int]:
    """The year of "<month> [day]" per direction: 'past' (latest on/before pub), 'future',
    'last' (strictly before the current month/day), 'next' (strictly after), 'this'."""
    py = pub.year
    if direction == "this":
        return py
    if day is None:
        if direction == "near":
            # a month name with no year: the latest one, unless that is eleven months back (a
            # writer would say "last February"): the month right after publication is the coming one
            if month == pub.month % 12 + 1:
                return py + (pub.month == 12)
            return py if month <= pub.month else py - 1
        if direction == "past":
            return py if month <= pub.month else py - 1
        if direction == "future":
            return py if month >= pub.month else py + 1
        if direction == "last":
            return py if month < pub.month else py - 1
        return py if month > pub.month else py + 1
    key, pk = (month, day), (pub.month, pub.day)
    if direction == "near":
        # a day of the month with no year: the latest one unless that was over seven months
        # ago (a specific day that far back would carry its year in news prose): then the next
        past = _pick_year_for(month, day, pub, "past")
        d = _valid_day(past, month, day) or _valid_day(past, month, 28)
        return past if (pub - d).days <= 215 else past + 1
    if direction == "past":
        return py if key <= pk else py - 1
    if direction == "future":
        return py if key >= pk else py + 1
    if direction == "last":
        return py if key < pk else py - 1
    return py if key > pk else py + 1


def _dir_of(rel: Optional[str], future: bool) -> str:
    if rel in ("last", "past", "this past"):
        return "last"
    if rel in ("next", "this coming", "coming"):
        return "next"
    if rel == "this":
        return "this"
    return "future" if future else "past"


def _valid_day(y: int, m: int, d: int) -> Optional[Day]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _rule_monthday(s, pub, fut, strict=False):
    m = _R_MONTHDAY.fullmatch(s)
    if not m:
        m = _R_DAYMON.fullmatch(s)
        if not m:
            return None
    gd = m.groupdict()
    mon = MONTHS[m.group("mon")]
    day = int(gd["day"]) if gd.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if gd.get("y"):
        y = int(gd["y"])
    elif gd.get("y2"):
        y = _yy(gd["y2"][1:], pub)
    elif gd.get("ry"):
        y = _rel_year(gd["ry"], pub)
    else:
        direction = _dir_of(gd.get("rel"), fut)
        if direction == "past" and not strict:
            direction = "near"
        y = _pick_year_for(mon, day, pub, direction)
        if day is not None and _valid_day(y, mon, day) is None:   # "Feb. 29" -> the latest leap year
            step = 1 if fut else -1
            for k in range(1, 9):
                if _valid_day(y + step * k, mon, day):
                    y += step * k
                    break
    if day is None:
        return _month(y, mon)
    d = _valid_day(y, mon, day)
    return _day(d) if d else None


def _rule_weekday(s, pub, fut):
    m = _R_WEEKDAY.fullmatch(s)
    if not m:
        return None
    wd = WEEKDAYS[m.group("wd")]
    rel = m.group("rel")
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if rel in ("last", "past", "this past"):
        d = pub - dt.timedelta(days=back or 7)
    elif rel == "next":
        d = pub + dt.timedelta(days=fwd or 7)
    elif rel in ("this coming", "coming"):
        d = pub + dt.timedelta(days=fwd or 7)
    elif rel == "this":
        d = pub + dt.timedelta(days=fwd) if fut or fwd <= 3 else pub - dt.timedelta(days=back)
    elif fut:
        d = pub + dt.timedelta(days=fwd)
    else:
        d = pub - dt.timedelta(days=back)
    return _day(d)


def _rule_dayword(s, pub, fut):
    m = _R_DAYWORD.fullmatch(s)
    if not m:
        return None
    w = m.group("w")
    off = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2}.get(w, 0)
    return _day(pub + dt.timedelta(days=off))


def _weekend(pub: Day, rel: Optional[str], fut: bool):
    wd = pub.weekday()
    sat_this = pub + dt.timedelta(days=5 - wd)       # Saturday of pub's ISO week
    if rel in ("last", "past", "previous"):
        sat = sat_this - dt.timedelta(days=7) if wd < 6 else sat_this - dt.timedelta(days=7)
        if wd == 6:        # on a Sunday "last weekend" is the one before this one
            sat = sat_this - dt.timedelta(days=7)
    elif rel in ("next", "coming"):
        sat = sat_this if wd < 5 else sat_this + dt.timedelta(days=7)
    elif rel == "this":
        sat = sat_this if (wd >= 4 or fut) else sat_this - dt.timedelta(days=7)
    else:                  # "the weekend", "over the weekend"
        sat = sat_this if (wd >= 5 or fut) else sat_this - dt.timedelta(days=7)
    return sat, sat + dt.timedelta(days=1), "week"


def _rule_relunit(s, pub, fut):
    if _R_TRAILING_WEEK.fullmatch(s):     # the seven days up to publication
        return _week_of(pub - dt.timedelta(days=3))
    m = _R_RELUNIT.fullmatch(s)
    if not m:
        return None
    rel, u = m.group("rel"), m.group("u")
    back = rel in ("last", "previous", "prior", "preceding") or (rel == "past" and u != "week")
    ahead = rel in ("next", "coming", "following") or (rel is None and fut and False)
    if rel in ("following", "same", "preceding"):
        return None     # anaphoric: relative to another time, not to publication
    if u == "weekend":
        return _weekend(pub, rel, fut)
    if u == "day":
        if rel in ("this", "the", "current", "present", None):
            return _day(pub)
        return _day(pub + dt.timedelta(days=-1 if back else 1)) if (back or ahead) else None
    if u == "week":
        base = pub + dt.timedelta(days=-7 if back else 7 if ahead else 0)
        return _week_of(base)
    if u == "month":
        y, mo = _add_months(pub.year, pub.month, -1 if back else 1 if ahead else 0)
        return _month(y, mo)
    if u in ("twelve months", "12 months"):
        if rel in ("last", "past"):
            return pub - dt.timedelta(days=365), pub, "period"
        return None
    # year
    return _year(pub.year + (-1 if back else 1 if ahead else 0))


_UNIT_GRAN = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "period"}


def _rule_ago(s, pub, fut):
    m = _R_AGO.fullmatch(s)
    if m:
        n = _num(m.group("n"))
        if n is None:
            return None
        u, d = m.group("u"), m.group("dir")
    else:
        m = _R_UNIT_AGO.fullmatch(s)
        if not m:
            return None
        n, u, d = 1, m.group("u"), m.group("dir")
    sign = 1 if d in ("from now", "later", "hence") else -1
    k = sign * n
    if u == "day":
        return _day(pub + dt.timedelta(days=k))
    if u == "week":
        return _week_of(pub + dt.timedelta(weeks=k))
    if u == "month":
        return _month(*_add_months(pub.year, pub.month, k))
    if u == "year":
        return _year(pub.year + k)
    y = pub.year + 10 * k
    return dt.date(y // 10 * 10, 1, 1), dt.date(y // 10 * 10 + 9, 12, 31), "period"


def _quarter_of(d: Day) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _prev_quarter(pub: Day) -> tuple[int, int]:
    y, q = _quarter_of(pub)
    return (y, q - 1) if q > 1 else (y - 1, 4)


def _rule_quarter(s, pub, fut):
    m = _R_QUARTER.fullmatch(s)
    if m:
        gd = m.groupdict()
        if s.endswith("period") and not (gd["ord"] or gd["qn"] or gd["qn2"] or gd["y1"] or gd["y2"]
                                         or gd["mod"] in ("latest", "most recent", "recent", "year ago",
                                                          "year earlier", "comparable year ago",
                                                          "comparable year earlier")):
            return None
        q = None
        if gd["ord"]:
            q = ORDINALS[gd["ord"]]
        elif gd["qn"] or gd["qn2"]:
            q = int(gd["qn"] or gd["qn2"])
        mod = gd["mod"]
        y = None
        if gd["y1"] or gd["y2"]:
            y = int(gd["y1"] or gd["y2"])
        elif gd["ry1"] or gd["ry2"]:
            y = _rel_year(gd["ry1"] or gd["ry2"], pub)
        shift = -1 if (gd["ago"] and gd["ago"] not in ("of this year",)) or (mod and ("ago" in mod or "earlier"
                                                                                     in mod or mod in ("prior year", "previous year"))) else 0
        if gd["ago"] and y is None and gd["ago"] in ("last year", "the previous year", "the prior year",
                                                     "of the previous year"):
            y, shift = pub.year - 1, 0
        if q is None:
            cy, cq = _quarter_of(pub)
            if mod in ("this", "current") or (fut and mod is None and y is None):
                qy, qq = cy, cq
            elif mod in ("next", "coming"):
                qy, qq = (cy, cq + 1) if cq < 4 else (cy + 1, 1)
            else:
                qy, qq = _prev_quarter(pub)
            if y is not None:
                qy = y
            r = _quarter(qy, qq)
        else:
            if y is None:
                cy, cq = _quarter_of(pub)
                if mod in ("last", "previous", "past"):
                    y = cy if q < cq else cy - 1
                elif mod in ("next", "coming"):
                    y = cy if q > cq else cy + 1
                elif mod in ("this", "current"):
                    y = cy
                elif fut:
                    y = cy if q >= cq else cy + 1
                else:
                    y = cy if q <= cq else cy - 1
            r = _quarter(y, q)
        return _shift_years(r, shift) if shift else r
    m = _R_QSHORT.fullmatch(s)
    if m:
        q = int(m.group("q") or m.group("q2"))
        ys = m.group("y")
        if ys:
            y = int(ys) if len(ys) == 4 else _yy(ys, pub)
        else:
            cy, cq = _quarter_of(pub)
            y = (cy if q >= cq else cy + 1) if fut else (cy if q <= cq else cy - 1)
        return _quarter(y, q)
    return None


def _rule_half(s, pub, fut):
    m = _R_HALF.fullmatch(s)
    if not m:
        return None
    gd = m.groupdict()
    if gd["h"]:
        h = 1 if "1" in gd["h"] else 2
        ys = gd["y3"]
        y = (int(ys) if len(ys) == 4 else _yy(ys, pub)) if ys else None
    else:
        h = 1 if gd["ord"] in ("first", "1st", "h1") else 2
        y = int(gd["y1"] or gd["y2"]) if (gd["y1"] or gd["y2"]) else None
        if y is None and gd["ry"] and gd["ry"] != "the":
            y = _rel_year(gd["ry"], pub)
        rel = gd["rel"]
        if y is None and rel:
            ch = 1 if pub.month <= 6 else 2
            if rel == "this":
                y = pub.year
            elif rel in ("last", "latest"):
                y = pub.year if h < ch else pub.year - 1
            else:
                y = pub.year if h > ch else pub.year + 1
    if y is None:
        ch = 1 if pub.month <= 6 else 2
        y = (pub.year if h >= ch else pub.year + 1) if fut else (pub.year if h <= ch else pub.year - 1)
    return (dt.date(y, 1, 1), dt.date(y, 6, 30), "period") if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31), "period")


def _season(y: int, name: str):
    a, b = SEASONS[name]
    if a > b:   # winter: December of y to the end of February of y + 1
        return dt.date(y, a, 1), _month_end(y + 1, b), "period"
    return dt.date(y, a, 1), _month_end(y, b), "period"


def _rule_season(s, pub, fut):
    m = _R_SEASON.fullmatch(s)
    if not m:
        return None
    gd = m.groupdict()
    if gd["s0"]:
        return _season(int(gd["y0"]), gd["s0"])
    name = gd["s"]
    if gd["y"]:
        return _season(int(gd["y"]), name)
    if gd["ry"]:
        return _season(_rel_year(gd["ry"], pub), name)
    rel = gd["rel"]
    cands = [_season(y, name) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
    if rel in ("last", "past"):
        done = [c for c in cands if c[1] < pub]
        return done[-1]
    if rel in ("next", "coming"):
        return next(c for c in cands if c[0] > pub)
    if rel == "this":
        cur = [c for c in cands if c[0] <= pub <= c[1]]
        if cur:
            return cur[0]
        return next(c for c in cands if c[0] > pub) if fut or name != "winter" else [c for c in cands if c[1] < pub][-1]
    if fut:
        return next(c for c in cands if c[1] >= pub)
    return [c for c in cands if c[0] <= pub][-1]


def _fiscal(y: int):
    return dt.date(y - 1, 10, 1), dt.date(y, 9, 30), "year"


_R_SPLIT_YEAR = re.compile(r"(?:the )?(?:fiscal (?:year )?|fy )?(\d{4}) ?[-/] ?(\d{2})(?: (?:fiscal year|budget year|season|school year|year))?")


def _rule_split_year(s, pub, fut):
    """A split year ("the 1987-88 budget", "the 2024-25 season"): the twelve months of a budget
    or season year, which ends in the later year (taken as the October-September fiscal year)."""
    m = _R_SPLIT_YEAR.fullmatch(s)
    if not m:
        return None
    y = int(m.group(1))
    if (y + 1) % 100 != int(m.group(2)):
        return None
    return _fiscal(y + 1)


_R_FISCAL_QUARTER = re.compile(r"(?:the )?(?P<ord>" + _ORD + r") quarter of (?:the )?(?:fiscal(?: year)?|fy) (?P<y>\d{4})")


def _rule_fiscal_quarter(s, pub, fut):
    """"the first quarter of fiscal 2019": quarters of the October-September fiscal year."""
    m = _R_FISCAL_QUARTER.fullmatch(s)
    if not m:
        return None
    a = _fiscal(int(m.group("y")))[0]
    y, mo = _add_months(a.year, a.month, 3 * (ORDINALS[m.group("ord")] - 1))
    return dt.date(y, mo, 1), _month_end(*_add_months(y, mo, 2)), "quarter"


def _rule_fiscal(s, pub, fut):
    m = _R_FISCAL.fullmatch(s)
    if not m:
        return None
    ys, rel = m.group("y"), m.group("rel")
    if ys:
        return _fiscal(int(ys) if len(ys) == 4 else _yy(ys, pub))
    cur = pub.year + (1 if pub.month >= 10 else 0)
    if rel in ("last", "previous", "the previous", "past", "the past"):
        cur -= 1
    elif rel in ("next", "coming", "the coming", "new", "the new"):
        cur += 1
    elif rel is None and s in ("fiscal", "fy"):
        return None
    return _fiscal(cur)


def _rule_decade(s, pub, fut):
    m = _R_DECADE.fullmatch(s)
    if m:
        if m.group(1):
            y = int(m.group(1)) * 10
        else:
            d = int(m.group(2)) * 10
            y = (pub.year // 100 * 100 + d) if pub.year // 100 * 100 + d <= pub.year else (pub.year // 100 - 1) * 100 + d
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "period"
    m = _R_DECADE_WORD.fullmatch(s)
    if m:
        d = DECADE_WORDS[m.group(1)]
        c = pub.year // 100 * 100
        y = c + d if c + d <= pub.year else c - 100 + d
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "period"
    return None


def _rule_year(s, pub, fut):
    m = _R_YEAR.fullmatch(s)
    if m:
        y = int(m.group("y"))
        if 1000 <= y <= 2199:
            return _year(y)
        return None
    m = _R_YEAR_END.fullmatch(s)
    if m:
        return _year(_rel_year(m.group("ry") or m.group("ry2"), pub))
    return None


def _rule_numeric(s, pub, fut):
    m = _R_ISO.fullmatch(s)
    if m:
        d = _valid_day(*map(int, m.groups()))
        return _day(d) if d else None
    m = _R_ISO_MONTH.fullmatch(s)
    if m:
        y, mo = map(int, m.groups())
        return _month(y, mo) if 1 <= mo <= 12 else None
    m = _R_NUMDATE.fullmatch(s)
    if m:
        mo, d, ys = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(ys) if len(ys) == 4 else _yy(ys, pub)
        dd = _valid_day(y, mo, d)
        return _day(dd) if dd else None
    m = _R_NUMDAY.fullmatch(s)
    if m:
        mo, d = int(m.group(1)), int(m.group(2))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        y = _pick_year_for(mo, d, pub, "future" if fut else "past")
        dd = _valid_day(y, mo, d)
        return _day(dd) if dd else None
    return None


def _rule_week_of(s, pub, fut):
    m = _R_WEEK_OF.fullmatch(s)
    if not m:
        return None
    r = _parse(m.group("d"), pub, fut)
    if r is None or r[2] != "day":
        return None
    return _week_of(r[0])


_R_DAY_NEXT_TO = re.compile(r"(?:the )?day (?P<d>before|after) (?P<x>.+)")


def _rule_day_next_to(s, pub, fut):
    """"the day before last Tuesday", "the day after Christmas": a named day, shifted by one."""
    m = _R_DAY_NEXT_TO.fullmatch(s)
    if not m or m.group("x") in ("yesterday", "tomorrow"):
        return None
    r = _parse(m.group("x"), pub, fut)
    if r is None or r[2] != "day":
        return None
    return _day(r[0] + dt.timedelta(days=-1 if m.group("d") == "before" else 1))


def _rule_holiday(s, pub, fut):
    m = _R_HOLIDAY.fullmatch(s)
    if not m:
        return None
    if m.group("wk"):
        r = _rule_holiday(s[:m.start("wk")] + s[m.end("wk"):], pub, fut)
        return _week_of(r[0]) if r else None
    name = m.group("h")
    if m.group("y"):
        d = _holiday_in(name, int(m.group("y")))
        return _day(d) if d else None
    if m.group("ry"):
        d = _holiday_in(name, _rel_year(m.group("ry"), pub))
        return _day(d) if d else None
    rel = _dir_of(m.group("rel"), fut)
    cands = [_holiday_in(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if rel == "past":
        d = [c for c in cands if c <= pub][-1]
        if (pub - d).days > 215:   # as a date with no year: one that far back would carry its year
            d = next(c for c in cands if c > pub)
    elif rel == "last":
        d = [c for c in cands if c < pub][-1]
    elif rel == "future":
        d = next(c for c in cands if c >= pub)
    elif rel == "next":
        d = next(c for c in cands if c > pub)
    else:
        d = cands[1]
    return _day(d)


_RULES = (_rule_numeric, _rule_split_year, _rule_fiscal_quarter, _rule_fiscal, _rule_decade, _rule_year, _rule_quarter, _rule_half,
          _rule_season, _rule_holiday, _rule_monthday, _rule_weekday, _rule_dayword, _rule_ago, _rule_relunit,
          _rule_week_of, _rule_day_next_to)


def _parse(s: str, pub: Day, fut: bool, strict: bool = False):
    """Normalised string -> (start, end, granularity), or None. Strips leading function words and
    part-of-period modifiers ("early", "the end of") step by step."""
    for _ in range(6):
        for rule in _RULES:
            r = rule(s, pub, fut, strict) if rule is _rule_monthday else rule(s, pub, fut)
            if r is not None:
                return r
        t = _LEAD.sub("", s, count=1)
        if t == s:
            t = _PART.sub("", s, count=1)
        if t == s:
            t = re.sub(r" (?:morning|afternoon|evening|night|overnight|or so|and beyond|onward|onwards)$", "", s)
        if t == s or not t:
            return None
        s = t
    return None


def _parse_range(s: str, pub: Day, fut: bool, strict: bool = False):
    m = _R_RANGE.fullmatch(s)
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    ra = _parse(a, pub, fut, strict)
    if ra is None:
        return None
    if b.isdigit() and len(b) <= 2 and ra[2] == "day":      # "jan 12 to 17"
        rb = _valid_day(ra[0].year, ra[0].month, int(b))
        rb = (rb, rb, "day") if rb else None
    elif b.isdigit() and len(b) == 2 and ra[2] == "year":   # "2024-25"
        rb = _year(ra[0].year // 100 * 100 + int(b))
    else:
        # "jan 12 to feb 3 2025": the year at the end governs both sides
        ym = re.search(r"\b(\d{4})$", b)
        rb = _parse(b, pub, fut, strict)
        if ym and not re.search(r"\d{4}", a):
            ra2 = _parse(a + " " + ym.group(1), pub, fut, strict)
            ra = ra2 or ra
        if rb is not None and rb[1] < ra[0]:
            rb = _parse(b, ra[0], True) or rb
    if rb is None or rb[1] < ra[0]:
        return None
    return ra[0], rb[1], "period"


# a time expression has one of these; without one, dateparser is never asked
_DATEY = re.compile(r"\b(?:" + _MON + "|" + _WD + r")\b|\d{1,2}/\d{1,2}|\b\d{4}\b|\b(?:ago|yesterday|today|"
                    r"tomorrow|tonight|week|weekend|month|year|quarter|last|next|this|earlier|later|since)\b")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\b(?:fiscal|fy) \d{2}\b|\d{1,2}/\d{1,2}/\d{2}\b|\bq[1-4] ?'?\d{2}\b")
_DUMMY_PUB = dt.date(2000, 6, 14)
_YEAR_EARLIER = re.compile(r"(?:about |nearly |almost |roughly |some |just )?(?:a|one) year (?:earlier|before)")
# a year counted back from the time under discussion: "the previous year", "the year before"
_PREV_YEAR = re.compile(r"the (?:previous|prior|preceding) year|the year (?:before|previous|prior|earlier)")
_YEAR_AGO_ADJ = re.compile(r"(?i)(?:the\s+)?year[-\u2013](?:ago|earlier)")


@lru_cache(maxsize=65536)
def _dateparser(s: str, pub: Day, fut: bool):
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover
        return None
    p = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day, 12),
        "PREFER_DATES_FROM": "future" if fut else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "absolute-time"],
    })
    try:
        data = p.get_date_data(s)
    except Exception:
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    per = data.period or "day"
    if per == "year":
        return _year(d.year)
    if per == "month":
        return _month(d.year, d.month)
    if per == "week":
        return _week_of(d)
    if per in ("day", "time", "hour", "minute", "second"):
        return _day(d)
    return None


@lru_cache(maxsize=65536)
def _resolve_cached(expression: str, pub: Optional[Day], tense: Optional[str]) -> Optional[DateRef]:
    text = expression.strip()
    if text in ("may", "march"):   # lower case on its own: the modal verb, the noun
        return None
    s = _norm(text)
    if not s or not re.search(r"[a-z0-9]", s):
        return None
    if _YEAR_AGO_ADJ.fullmatch(text) or _YEAR_EARLIER.fullmatch(s):
        # "year-ago" is the adjective of "the year-ago period", and "a year earlier" counts back from
        # the time under discussion, not from publication: with nothing else to go on, the latest
        # reporting period (the quarter before publication), a year back
        s = "the year ago period"
    fut = tense == "future"
    if _DEADLINE.match(s) and not _PAST_CUE.search(s):
        fut = True
    explicit = bool(_HAS_YEAR.search(s))
    base = pub or _DUMMY_PUB
    strict = tense == "past"
    r = _parse(s, base, fut, strict) or _parse_range(s, base, fut, strict)
    if r is None:
        # a time expression inside a longer phrase: "since the inauguration last week"
        spans = find_time_expressions(text)
        spans = [sp for sp in spans if (sp[1] - sp[0]) < len(text)]
        if spans:
            best = max(spans, key=lambda sp: sp[1] - sp[0])
            inner = _resolve_cached(best[2], pub, "future" if fut else tense)
            if inner is not None:
                return DateRef(text, inner.start, inner.end, inner.granularity, inner.basis)
        if _DATEY.search(s) and not _ANAPHORIC.search(s):
            r = _dateparser(s, base, fut)
            if r is not None and s.isdigit():
                r = None
    if r is None:
        return None
    start, end, gran = r
    if pub is None and not explicit:
        return DateRef(text, None, None, gran, "relative")
    return DateRef(text, start.isoformat(), end.isoformat(), gran, "explicit" if explicit else "relative")


def _as_date(published: DateLike) -> Optional[Day]:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def resolve_date(expression: str, *, published: DateLike, tense: Optional[str] = None) -> Optional[DateRef]:
    """Normalise one time expression against the publication date.

    ``tense=None`` or ``"past"``: a weekday, a month or a quarter without a year is the latest
    one on or before publication; ``"future"`` looks ahead to the next one. Returns ``None``
    for text that is not a time expression. With ``published=None`` a relative expression keeps
    its text and granularity but has ``start``/``end`` ``None``.
    """
    if not expression or not isinstance(expression, str) or len(expression) > 200:
        return None
    return _resolve_cached(expression, _as_date(published), tense if tense in ("future", "past") else None)


# ---------------------------------------------------------------------------------------------
# finding time expressions in prose

_MON_FULL = "January|February|March|April|June|July|August|September|October|November|December"
_MON_ABBR = r"Jan\.|Jan\b|Feb\.|Feb\b|Mar\.|Apr\.|Apr\b|Jun\.|Jul\.|Aug\.|Aug\b|Sept\.|Sept\b|Sep\.|Oct\.|Oct\b|Nov\.|Nov\b|Dec\.|Dec\b"
_MON_ANY = r"(?:" + _MON_FULL + r"|May|" + _MON_ABBR + r")"
_WD_CAP = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d|\d|%|\s*(?i:pct|percent|per\s+cent)\b)"
_NOUN_AFTER = r"(?!\s+(?:" + "|".join(re.escape(w) for w in COUNT_NOUNS) + r")\b)"
_Y = r"(?:(?<=\b(?i:mid|end)-)|(?<![\d$#£€.,/-]))(?:1[89]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-(?:year|month|day|week))" + _NOUN_AFTER
_PART_RX = r"(?i:(?:early|late|mid|end(?=-)|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
_REL_RX = r"(?i:(?:last|this|next|this\s+coming|this\s+past|past|coming)\s+)?"
_NUMW = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)).replace(" ", r"\s+") + ")"
_PREP = r"(?i:in|on|since|by|until|through|during|from|of|before|after|last|this|next|early|late|since|around|till)"

_FIND = [re.compile(p) for p in (
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
    # "Sunday, Jan. 26, 2025", "May 21", "Jan. 12 to 17", "Sept. 3"
    r"(?:\b(?:" + _WD_CAP + r"),?\s+)?" + _REL_RX + r"\b" + _MON_ANY + r"\s+" + _D
    + r"(?:\s*(?:-|\u2013|to|through)\s*" + _D + r")?(?:,?\s+" + _Y + r")?",
    # "21 May 2025", "5 March"
    r"\b" + _D + r"\s+(?:of\s+)?(?:" + _MON_FULL + r"|May)\b(?:,?\s+" + _Y + r")?",
    # "March 2024", "early 2020"-style month-year, "January this year"
    _PART_RX + r"\b" + _MON_ANY + r"(?:,?\s+(?:of\s+)?" + _Y + r"|\s+(?i:last|this|next)\s+year\b)",
    # a month on its own: "in January", "mid-March", "last November", "December's numbers"
    _PART_RX + _REL_RX + r"\b(?:" + _MON_FULL + r")\b",
    r"(?:(?<=\b(?:in|on|by|of) )|(?<=\b(?:last|this|next|late|from) )|(?<=\bmid-)|(?<=\b(?:since|until|early) )"
    r"|(?<=\bduring )|(?<=\bthrough )|(?<=\bIn )|(?<=\bSince )|(?<=\bBy ))May\b(?!\s+(?:be|have|not|also|well|never|already|still|soon)\b)",
    r"(?:\b(?i:last|this|next)\s+)May\b",
    # weekdays
    r"(?:\b(?i:early|late|earlier|later)\s+)?" + _REL_RX + r"(?<!Bowl )(?<!Black )(?<!Good )(?<!Easter )\b(?:"
    + _WD_CAP + r")(?:\s+(?i:morning|afternoon|evening|night|overnight))?\b",
    # day words
    r"\b(?:(?i:early|late|earlier|later)\s+)?(?i:yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|"
    r"this\s+afternoon|this\s+evening)\b",
    # the present: "it is currently worth $18 million", "there are now 211 cases"
    r"\b(?i:currently|presently|at\s+present)\b|\b(?<![-\u2013])(?i:now)\b(?![-\u2013]|,)",
    # relative units
    r"\b" + _PART_RX + r"(?i:(?:earlier|later)\s+)?(?i:(?:last|this|next|past|previous|coming|current|the\s+past|"
    r"the\s+previous|the\s+coming|the\s+current|the\s+last|the\s+latest)\s+(?:week|weekend|month|year|quarter|"
    r"fiscal\s+year|spring|summer|fall|autumn|winter|twelve\s+months|12\s+months))\b",
    r"\b(?i:the\s+weekend)\b",
    r"\b(?i:(?:about|nearly|almost|some|roughly|more\s+than|just\s+over|only|just)\s+)?\b(?i:" + _NUMW
    + r")\s+(?i:(?:day|week|month|year|decade)s?)\s+(?i:(?:or\s+so\s+)?(?:ago|earlier))\b",
    r"\b(?i:(?:the\s+)?(?:year|month|week)\s+(?:ago|earlier))\b",
    r"\b(?i:the\s+year\s+(?:before|previous|prior))\b(?!\s+(?:the|a|an|his|her|their|its|last)\b)",
    r"\b(?i:year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+(?:year|month|week|quarter))\b",
    # quarters and halves
    r"\b(?i:(?:the|its|their)\s+)?(?i:(?:latest|last|previous|current|next|same|comparable|year[\s-]ago|"
    r"year[\s-]earlier)\s+)?(?:" + _Y + r"\s+)?(?i:(?:this|last|next)\s+year's\s+)?(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
    r"[\s-](?i:quarter)(?:\s+of\s+" + _Y + r"|\s+(?i:(?:of\s+)?(?:last|this|next)\s+year))?\b",
    r"\b(?i:the\s+)?(?i:latest|last|previous|current|next|year[\s-]ago|year[\s-]earlier)\s+(?i:quarter)\b",
    r"\bQ[1-4](?:\s+" + _Y + r"|\s*'\d{2}\b)?\b",
    r"\b(?i:the\s+)?(?i:first|second)[\s-](?i:half)(?:\s+of\s+(?:" + _Y + r"|(?i:the\s+year|last\s+year|this\s+year|next\s+year)))?\b",
    r"\bH[12]\s+" + _Y,
    # fiscal years
    r"\b(?i:fiscal)(?:\s+(?i:year))?\s+(?:" + _Y + r"(?:[/-]\d{2}(?!\d))?|'?\d{2}\b)",
    # a quarter of a fiscal year: "the first quarter of fiscal 2019"
    r"\b(?i:(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\s+of\s+(?:the\s+)?fiscal"
    r"(?:\s+year)?\s+)" + _Y,
    r"\bFY\s?'?(?:\d{4}|\d{2})\b",
    # seasons with a year
    r"\b" + _PART_RX + r"(?i:spring|summer|fall|autumn|winter)\s+(?:of\s+)?" + _Y,
    # decades
    r"\b(?i:the\s+)?(?i:(?:early|mid|late)[\s-]+)?(?:1[89]|20)\d0s\b",
    r"(?i:the\s+)?'\d0s\b",
    # holidays
    r"\b" + _REL_RX + r"(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(
        [k.title().replace("'S", "'s") for k in (list(_LEX["holidays_fixed"]) + list(_LEX["holidays_nth_weekday"])
                                                + list(_LEX["holidays_easter"]))], key=len, reverse=True))
    + r")\b",
    r"\b(?i:the\s+)?week\s+of\s+" + _MON_ANY + r"\s+" + _D,
    # years: "in 2019", "early 2020", "by 2026"
    _PART_RX + r"\b" + _Y,
    # a year after a preposition, even before "of": "in 2023 of 0.8% growth"
    r"(?:(?<=\b[Ii]n )|(?<=\b[Dd]uring )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\bthrough )|(?<=\b[Bb]y ))"
    r"(?:1[89]\d\d|20\d\d)(?=\s+of\b)",
    # a split year: "the 1987-88 budget", "the 2024-25 season"
    r"(?<![\d$#£€.,/-])(?:1[89]|20)\d\d(?:-|\u2013|/)\d\d(?![\d%.,]\d|\d|%|-)",
)]
_RANGE_GAP = re.compile(r"\s*(?:-|\u2013|\u2014)\s*|\s+(?:to|through|thru|until|till)\s+|\s+and\s+")
_RANGE_LEAD = re.compile(r"(?i:\b(?:from|between)\s+)$")


def find_time_expressions(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, text)`` of time expressions in ``text[start:end]`` (offsets into the
    whole text), left to right, non-overlapping (the longest match wins). Two expressions joined
    by "to", "through" or a dash ("from 1995 to 2005") come back as one range."""
    if end is None:
        end = len(text)
    cands = []
    for rx in _FIND:
        for m in rx.finditer(text, start, end):
            if m.end() > m.start():
                cands.append((m.start(), m.end()))
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []
    chosen: list[tuple[int, int]] = []
    for s, e in cands:
        i = bisect.bisect_left(starts, s)
        if i > 0 and chosen[i - 1][1] > s:
            continue
        if i < len(chosen) and chosen[i][0] < e:
            continue
        starts.insert(i, s)
        chosen.insert(i, (s, e))
    out: list[tuple[int, int]] = []
    for s, e in chosen:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            if gap and len(gap) <= 12:
                g = _RANGE_GAP.fullmatch(gap)
                if g and ("and" not in gap or _RANGE_LEAD.search(text[max(0, ps - 9):ps])):
                    if "and" in gap or "-" not in gap or (text[ps:pe].strip().isdigit() and text[s:e].strip().isdigit()):
                        out[-1] = (ps, e)
                        continue
        out.append((s, e))
    return [(s, e, text[s:e]) for s, e in out]


# ---------------------------------------------------------------------------------------------
# the date that governs a claim in a document

_JUST_AFTER = re.compile(r"\s*(?i:in|on|during|for|at|of|as\s+of)?\s*")
_PROSE_END = re.compile(r"[.!?\"\u201d]\s*$")
_HEADER_LINE = re.compile(r"\s*date[ \t]+\d{4}-\d{2}-\d{2}\b")
_OPENER = re.compile(r"^[\W_]*(?:(?i:on|in|during|since|by|as\s+of|through|until|at|over|from|for|after|before|"
                     r"earlier|later|early|late|so\s+far|then|and|but)\s+)?(?:(?i:the)\s+)?$")
_CLAUSE_POS = {"VERB", "AUX"}
# a time written right after a figure and its noun: "548 cases in 2022", "69% during 2024"
_OWN_TIME = re.compile(r"(?:\s+(?!(?i:than|from|since|over|versus)\b)[A-Za-z][A-Za-z-]*){0,2}\s+(?i:in|during)\s+")
# a sentence that subdivides the figure before it: "Of those, ...", "Among them, ..."
_SUBSET_OPENER = re.compile(r"[\W_]*(?i:of|among)\s+(?i:those|them|these|that\s+(?:number|total|group))\b")
# a named period of the calendar: "for fiscal year 2027", "within March" date, "for a year" lasts
_CALENDAR = re.compile(r"\b(?:\d{4}|fiscal|fy|quarter|" + _MON + r")\b")
# two years joined into one span, and a starting value before it: "between 2010 and 2015", "from $4 million"
_YEAR_RANGE = re.compile(r"(?i:from\s+|between\s+)?(\d{4})\s*(?:-|\u2013|to|through|and)\s*(\d{4})")
_FROM_VALUE = re.compile(r"(?i:\bfrom\s+\S*)$")
# a deadline or a start ahead: "by 2029", "beginning in fiscal 2031"
_AHEAD_BEFORE = re.compile(r"(?i:\b(?:by|until|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?)$")
_SINCE_BEFORE = re.compile(r"(?i:\b(?:since|dating\s+back\s+to|going\s+back\s+to)\s+)$")
_RUNNING = re.compile(r"(?i)\b(?:" + _alt(_LEX["running_total_cues"]) + r")\b")
_DURATION_BEFORE = re.compile(r"(?i:\b(?:for|every|each|per|within|lasting)\s+)$")


def _is_figure(tok) -> bool:
    """A number, or a noun counted by one ("9 pct", "$4 million")."""
    return tok.like_num or tok.pos_ == "NUM" or any(c.dep_ == "nummod" and (c.like_num or c.pos_ == "NUM")
                                                     for c in tok.children)


class DateContext:
    """Every time expression of one ``Doc``, found once; :meth:`for_claim` picks the governing one."""

    def __init__(self, doc, published: Optional[dt.date]):
        self.doc = doc
        self.text = doc.text
        self.published = _as_date(published)
        self.spans = find_time_expressions(self.text)
        h = _HEADER_LINE.match(self.text[:200])
        if h:   # the "date YYYY-MM-DD" header gives the publication date; it dates no claim itself
            self.spans = [sp for sp in self.spans if sp[0] >= h.end()]
        self._starts = [s for s, _, _ in self.spans]
        self._breaks = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self._cache: dict[tuple[int, Optional[str]], Optional[DateRef]] = {}
        self._report: Union[int, None, bool] = False
        self._frame_i: Union[int, None, bool] = False
        self._claims: list[tuple[int, int, Optional[str], Optional[str]]] = []
        self._dated: list[tuple[int, Optional[DateRef]]] = []
        self._future_claim = False
        self._own_clause = False
        self._sents = None

    # -- helpers ----------------------------------------------------------------------------
    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self._breaks, char)

    def _resolve(self, i: int, tense: Optional[str]) -> Optional[DateRef]:
        key = (i, tense)
        if key not in self._cache:
            s, e, t = self.spans[i]
            if _DURATION_BEFORE.search(self.text[max(0, s - 10):s]) and not re.search(r"(?i)\b(?:ago|earlier)\b", t) \
                    and not _CALENDAR.search(_norm(t)):
                r = None
            else:
                r = resolve_date(t, published=self.published, tense=tense)
                if r is not None:
                    r = DateRef(r.text, r.start, r.end, r.granularity, r.basis, s, e)
            self._cache[key] = r
        return self._cache[key]

    def _in_range(self, a: int, b: int) -> range:
        lo = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_left(self._starts, b)
        return range(lo, hi)

    def _clause_head(self, tok):
        t = tok
        for _ in range(50):
            if t.pos_ in _CLAUSE_POS or t.dep_ == "ROOT" or t.head == t:
                return t
            t = t.head
        return t

    def _in_time(self, char: int) -> bool:
        """The character is part of a time expression ("2023" is a year, not another figure)."""
        k = bisect.bisect_right(self._starts, char) - 1
        return k >= 0 and self.spans[k][0] <= char < self.spans[k][1]

    def _other_quantity(self, root, head, start: int, end: int) -> bool:
        """The expression hangs on another number on its way up to the sentence root."""
        t = root.head
        for _ in range(50):
            inside = start <= t.idx < end
            if not inside and not self._in_time(t.idx) and (t.pos_ == "NUM" or t.like_num or any(
                    c.pos_ == "NUM" and not (start <= c.idx < end) and not self._in_time(c.idx)
                    for c in t.children if c.dep_ == "nummod")):
                return True
            # "up from 30 million in 2012": a comparison baseline hanging on the same word
            for c in t.children:
                if (c.lower_ == "from" or c.lower_ in COMPARISON_WORDS) and any(
                        (w.pos_ == "NUM" or w.like_num) and not (start <= w.idx < end) for w in c.subtree):
                    return True
            if t.head == t:
                return False
            t = t.head
        return False

    @staticmethod
    def _path(root) -> list:
        """The tokens from ``root`` up to its sentence's root, both included."""
        out = [root]
        t = root
        for _ in range(50):
            if t.head == t:
                break
            t = t.head
            out.append(t)
        return out

    def _anchor(self, root):
        """The word that makes the expression a comparison point rather than the time of its clause:
        "than it was a year ago", "up 5% from 2019", "compared with last year", "the lowest since 1980"."""
        path = self._path(root)
        for t in path:
            w = t.lower_
            if w in COMPARISON_WORDS or t.lemma_ == "compare":
                return t
            if w == "from" and t != root and (t.head.lemma_.lower() in COMPARISON_HEADS
                                                  or t.head.lower_ in COMPARISON_HEADS or _is_figure(t.head)):
                return t                 # "up 5% from 2019", "to 9 pct from 7 pct"
            if w == "since" and t != root:
                h = t.head
                for u in [u for u in h.subtree if u.i < t.i] + [h.head]:
                    if u.tag_ in ("JJS", "RBS") or u.lower_ in SUPERLATIVE_WORDS:
                        return t
        for t in path:                   # a clause introduced by "than"
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ == "than":
                    return t
        return None

    def _name_part(self, i: int, root) -> bool:
        """A bare year naming a thing rather than dating the clause: "a 2009 graduate",
        "the 2016 Committee", "a 2015 Boeing jet" (events keep theirs: "the 2012 election")."""
        t = self.spans[i][2]
        if not re.fullmatch(r"(?:1[89]|20)\d\d", t.strip()):
            return False
        if root.dep_ not in ("compound", "nummod", "amod", "npadvmod", "nmod", "poss"):
            return False
        h = root.head
        for _ in range(4):
            if h.lower_ in EVENT_NOUNS or h.lemma_.lower() in EVENT_NOUNS:
                return False
            if h.dep_ != "compound" or h.head == h:
                break
            h = h.head
        return h.pos_ == "PROPN" or h.lower_ in NAME_HEADS or h.lemma_.lower() in NAME_HEADS

    @staticmethod
    def _irrealis(head) -> bool:
        """An infinitive or gerund clause of intent or likelihood ("likely to vote in November",
        "enthusiastic about voting this year"): an action talked about, whose time is not that of a
        figure outside it."""
        up = head.head
        if up.dep_ == "prep" and up.head != up:       # "enthusiastic about voting"
            up = up.head
        if up.lemma_.lower() not in PROSPECTIVE_HEADS and up.lower_ not in PROSPECTIVE_HEADS:
            return False
        if head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            return True
        return head.tag_ == "VBG" and head.dep_ in ("pcomp", "xcomp") and not any(
            c.dep_ in ("aux", "auxpass") for c in head.children)

    def _published_ref(self) -> Optional[DateRef]:
        if self.published is None:
            return None
        p = self.published.isoformat()
        return DateRef(None, p, p, "day", "published")

    def _tense_for(self, i: int, tense: Optional[str], kind: str) -> Optional[str]:
        if kind in ("target", "forecast"):
            if not _PAST_CUE.search(_norm(self.spans[i][2])) and not self._past_verb(i):
                return "future"
        return tense

    def _past_verb(self, i: int) -> bool:
        """The expression hangs on a past-tense verb ("were told over the weekend that ...", "as of May,
        both measures were growing ...")."""
        s, e, _ = self.spans[i]
        espan = self.doc.char_span(s, e, alignment_mode="expand")
        if espan is None or not len(espan):
            return False
        head = self._clause_head(espan.root)
        if head.tag_ == "VBD":
            return True
        # "had made", "were growing", "was told": a past-tense auxiliary
        return head.tag_ in ("VBN", "VBG") and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                                   for c in head.children)

    def _final(self, i: int, tense: Optional[str], kind: str) -> Optional[DateRef]:
        t = self._tense_for(i, tense, kind)
        r = self._resolve(i, t)
        if r is None:
            return None
        if t == "future" and kind == "forecast" and tense != "future" and self.published is not None:
            # a forecast names the nearest such period, ahead or just behind (targets look ahead): "February
            # income should rise" in a March story, "a forecast for the week ended June 8"
            back = self._resolve(i, "past")
            if back is not None and back.start and r.start and back.start != r.start \
                    and self._distance(back) < self._distance(r):
                r = back
        if kind == "actual" and self.published is not None and r.start and r.start > self.published.isoformat():
            if r.basis == "explicit" and (self._future_claim or self._own_clause and _AHEAD_BEFORE.search(
                    self.text[max(0, self.spans[i][0] - 16):self.spans[i][0]])):
                return r      # "the fund will hold $2.1 billion in 2031", "40,000 seats by 2029"
            r = self._resolve(i, "past")
            if r is None or (r.start and r.start > self.published.isoformat()):
                return self._published_ref()
        return r

    def _distance(self, r: DateRef) -> int:
        """Days between the publication date and the interval ``r`` (0 when it contains it)."""
        pub = self.published
        a, b = dt.date.fromisoformat(r.start), dt.date.fromisoformat(r.end or r.start)
        return 0 if a <= pub <= b else min(abs((a - pub).days), abs((b - pub).days))

    # -- public -------------------------------------------------------------------------------
    def note_claims(self, claims: list[tuple[int, int, Optional[str], Optional[str]]]) -> None:
        """The document's claims as (start, end, category, speaker): the links to a frame."""
        self._claims = sorted(claims)

    def for_claim(self, start: int, end: int, *, tense: Optional[str] = None, kind: str = "actual",
                  category: Optional[str] = None, speaker: Optional[str] = None) -> Optional[DateRef]:
        """The date governing the claim at ``[start, end)``; call in text order (a claim that goes
        on from the one before, "Of those, ...", takes its date)."""
        r = self._date_claim(start, end, tense=tense, kind=kind, category=category, speaker=speaker)
        self._dated.append((start, r))
        return r

    @staticmethod
    def _issue_date(root) -> bool:
        """The time a forecast was made, not the period it is about: "forecast in December",
        "the 1.6% it projected in October"."""
        t = root.head if root.dep_ == "pobj" else root
        if t.dep_ not in ("prep", "npadvmod") or t.head == t:
            return False
        h = t.head
        return h.lemma_.lower() in ISSUE_VERBS or h.lower_ in ISSUE_VERBS

    def _range_point(self, i: int, r: DateRef, start: int, tense: Optional[str]) -> DateRef:
        """A span of several years as a figure's time ("rose 66% between 2010 and 2015", "from $4
        million to $7 million between 2019 and 2024"): a change or an end value is the later
        year, a starting value ("from $4 million") the earlier."""
        if r.granularity != "period" or not r.start or not r.end or r.start[:4] == r.end[:4]:
            return r
        s, e, t = self.spans[i]
        m = _YEAR_RANGE.fullmatch(t)
        if m is None:
            return r
        first = _FROM_VALUE.search(self.text[max(0, start - 12):start]) is not None
        g = 1 if first else 2
        sub = resolve_date(m.group(g), published=self.published, tense=tense)
        if sub is None:
            return r
        return DateRef(sub.text, sub.start, sub.end, sub.granularity, sub.basis, s + m.start(g), s + m.end(g))

    @staticmethod
    def _future_clause(chain) -> bool:
        """The figure's clause looks ahead: a future or conditional auxiliary or a forecast or plan
        word above it ("will hold", "is expected to reach", "projected to fall")."""
        for t in chain:
            if t.lemma_.lower() in FUTURE_CUES or t.lower_ in FUTURE_CUES:
                return True
            if any(c.dep_ == "aux" and (c.lower_ in FUTURE_CUES or c.lemma_.lower() in FUTURE_CUES)
                   for c in t.children):
                return True
        return False

    def _continued(self, sent) -> Optional[DateRef]:
        """"Of those, 300 were children": a figure that subdivides the one before takes its date."""
        if not _SUBSET_OPENER.match(self.text[sent.start_char:sent.end_char]):
            return None
        prev = [r for s, r in self._dated if s < sent.start_char]
        if prev and prev[-1] is not None and prev[-1].basis != "published":
            return prev[-1]
        return None

    def _date_claim(self, start: int, end: int, *, tense: Optional[str] = None, kind: str = "actual",
                    category: Optional[str] = None, speaker: Optional[str] = None) -> Optional[DateRef]:
        """The date governing the claim whose quantity spans ``[start, end)``: a time expression of
        its clause, else of its sentence (nearest, within its semicolon-separated list item first),
        else its paragraph's scene-setting expression (an opener, or a sentence's opening phrase),
        else the completed month or quarter its story's lede names for its figures, else the
        publication date (basis "published")."""
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self._published_ref()
        sent = span.sent
        num_tok = span.root
        num_chain = self._path(num_tok)
        self._future_claim = self._future_clause(num_chain)
        num_head = self._clause_head(num_tok)
        para = self._paragraph(start)
        # the claim is itself a comparison point ("to 15 pct from 11 pct"): only a time inside its
        # own comparison phrase dates it
        own = self._anchor(num_tok) if num_tok != num_head else None
        if own is not None and (own.lower_ != "from" or any(
                t.lower_ in ("to", "into") for t in self.doc[own.i + 1:num_tok.i])):
            own = None        # "compared with $103 million" shares its clause's time; "from 2.7 to 1.3 million"
        best = None
        running = False
        for i in self._in_range(sent.start_char, sent.end_char):
            s, e, _ = self.spans[i]
            if s < end and start < e:         # part of the quantity itself
                continue
            if self._paragraph(s) != para:
                continue
            if self._resolve(i, None) is None and self._resolve(i, "future") is None:
                continue
            espan = doc.char_span(s, e, alignment_mode="expand")
            rank = 2
            if s >= end and _OWN_TIME.fullmatch(self.text[end:s]) and not (
                    espan is not None and len(espan) and self._issue_date(espan.root)):
                # the figure's own member of a list: "512 in 2021, 548 in 2022 and 601 in 2023"
                key = (False, -1, s - end)
                if best is None or key < best[0]:
                    best = (key, i)
                continue
            if espan is not None and len(espan):
                root = espan.root
                head = self._clause_head(root)
                anchor = self._anchor(root)
                if anchor is not None and not any(anchor.left_edge.idx <= t.idx <= anchor.right_edge.idx
                                                  for t in span):
                    continue          # another figure's comparison point: "up from 5% in 2019"
                if self._name_part(i, root):
                    continue          # "a 2009 graduate"
                if self._issue_date(root):
                    continue          # "the 1.6% it projected in October": when it was said
                own_end = own.right_edge.idx + len(own.right_edge) if own is not None else 0
                if own is not None and not own.left_edge.idx <= root.idx <= own.right_edge.idx and not (
                        s >= own_end and _JUST_AFTER.fullmatch(self.text[own_end:s])):
                    continue          # "from 11 pct" is the level before the change the time dates
                if head == num_head or root in num_chain or num_tok in self._path(root):
                    rank = 0          # the same clause: attached to the number's own verb
                elif head in num_chain:
                    rank = 1          # a clause that governs the number's clause
                if rank < 2 and self._other_quantity(root, head, start, end):
                    rank = 2          # "up from $826.5 billion in 2010": another number's time
            if _SINCE_BEFORE.search(self.text[max(0, s - 16):s]) and not (
                    espan is not None and len(espan) and espan.root in num_chain):
                running = True        # "has hovered near 6,000 since March": a total up to publication
                continue
            lo, hi = (e, start) if e <= start else (end, s)
            seg = ";" in self.text[lo:hi]      # list items split by semicolons keep their own times
            dist = s - end if s >= end else start - e
            if rank == 2 and espan is not None and len(espan) and self._irrealis(self._clause_head(espan.root)):
                continue              # "said they are less likely to vote in November": the vote's time
            key = (seg, rank, dist)
            if best is None or key < best[0]:
                best = (key, i)
        if best is None and (running or _RUNNING.search(sent.text)):
            # "so far", "to date", "in all", "since 2019": up to publication, unless the story's
            # frame is a completed period the total belongs to
            fr = self._frame_for(start, end, sent, category, speaker, kind)
            r = self._final(fr, tense, kind) if fr is not None else None
            return r if r is not None else self._published_ref()
        if best is not None:
            self._own_clause = best[0][1] <= 1
            r = self._final(best[1], tense, kind)
            self._own_clause = False
            if r is not None:
                r = self._range_point(best[1], r, start, tense)
                return self._year_earlier(best[1], r, sent, tense, kind)
        r = self._continued(sent)
        if r is not None:
            return r
        # scene-setting: an expression opening an earlier sentence of the same paragraph
        for prev in self._earlier_sentences(sent, para):
            for i in self._in_range(prev.start_char, prev.end_char):
                s, e, _ = self.spans[i]
                if not _OPENER.match(self.text[prev.start_char:s]) and not self._intro(prev, s, e):
                    break
                r = self._final(i, tense, kind)
                if r is not None:
                    return r
                break
        fr = self._frame_for(start, end, sent, category, speaker, kind)
        if fr is not None:
            r = self._final(fr, tense, kind)
            if r is not None:
                return r
        # the period a report's figures cover, set by the story's lede: "payrolls rose 337,000 in
        # February", "the February employment report"
        rp = self._report_period()
        if rp is not None and self.spans[rp][1] <= start:
            r = self._final(rp, tense, kind)
            if r is not None:
                return r
        return self._published_ref()

    def _frame(self) -> Optional[int]:
        """The completed period the headline or lede sets for the story's figures."""
        if self._frame_i is not False:
            return self._frame_i
        self._frame_i = None
        if self.published is None:
            return None
        h = _HEADER_LINE.match(self.text[:200])
        pos = h.end() if h else 0
        ends = []
        for m in re.finditer(r"[^\n]+", self.text[pos:]):
            seg = m.group(0).strip()
            if len(seg.split()) >= 12 and _PROSE_END.search(seg):
                ends.append(pos + m.end())
                if len(ends) == 2:
                    break
        if not ends:
            return None
        pub = self.published.isoformat()
        recap = str(self.published.year - 1)
        for i in self._in_range(pos, ends[-1]):
            s, e, t = self.spans[i]
            r = self._resolve(i, None)
            if r is None or not r.end or r.end >= pub or r.granularity not in FRAME_GRANULARITIES:
                continue
            if s >= ends[0] and not (r.granularity == "year" and r.start[:4] == recap):
                continue      # past the lede, only the year just ended frames a recap
            if _SINCE_BEFORE.search(self.text[max(0, s - 8):s]):
                continue
            if _SINCE_BEFORE.search(self.text[max(0, s - 8):s]):
                continue
            espan = self.doc.char_span(s, e, alignment_mode="expand")
            if espan is None or not len(espan):
                continue
            root = espan.root
            if self._anchor(root) is not None or self._name_part(i, root) or not self._sets_frame(i, root):
                continue
            self._frame_i = i
            break
        return self._frame_i

    @staticmethod
    def _modifies_noun(root) -> bool:
        """A time that modifies a noun ("the March 3 resignation", "the 1985 crash") dates that
        noun only; a report ("the February jobs report") or a change ("the 2025 drop") excepted."""
        if root.dep_ not in MODIFIER_DEPS:
            return False
        h = root.head
        for _ in range(4):
            if h.dep_ not in ("compound", "nmod", "amod") or h.head == h:
                break
            h = h.head
        lem = h.lemma_.lower()
        return not (lem in REPORT_NOUNS or h.lower_ in REPORT_NOUNS or lem in COMPARISON_HEADS) and h.pos_ in ("NOUN", "PROPN")

    def _sets_frame(self, i: int, root) -> bool:
        """The expression dates the figures or the change its clause reports ("dropped last year",
        "rack up $1B in FY 2025", "the February jobs report"), not an event ("proposed a levy last
        year") or a noun it modifies ("the November election")."""
        if self._modifies_noun(root):
            return False
        if self._dates_figures(i):
            return True
        head = self._clause_head(root)
        return any((t.lemma_.lower() in COMPARISON_HEADS or t.lower_ in COMPARISON_HEADS)
                   and self._clause_head(t) == head for t in root.sent)

    def _frame_for(self, start: int, end: int, sent, category, speaker, kind: str) -> Optional[int]:
        """The frame's expression when the claim belongs to the period: an actual figure told
        in the past ("fell 12%", "have denied 10,000") or a change ("a 30% increase")."""
        fr = self._frame()
        if fr is None or kind != "actual":
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if not self._told_in_past(span.root):
            return None
        return fr

    def _told_in_past(self, tok) -> bool:
        """The figure's clause is in the past or present perfect, or the figure measures a change."""
        t = tok
        for _ in range(3):        # "a 21% drop", "declines of more than 30%"
            if t.pos_ == "NOUN" and (t.lemma_.lower() in COMPARISON_HEADS or t.lower_ in COMPARISON_HEADS):
                return True
            if t.head == t:
                break
            t = t.head
        head = self._clause_head(tok)
        for _ in range(3):    # a participle takes the tense of the verb it hangs on: "..., totaling $5 million"
            if head.tag_ not in ("VBG", "VBN") or head.dep_ not in ("acl", "advcl", "prep") or head.head == head or any(
                    c.dep_ in ("aux", "auxpass") for c in head.children):
                break
            head = self._clause_head(head.head)
        if head.tag_ == "VBD":
            return True
        aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ == "VBD" for c in aux):
            return True
        return head.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux)

    def _report_period(self) -> Optional[int]:
        """The completed month or quarter that the lede (the first paragraph of running prose)
        names for its figures, if its first time expression is one; else ``None``."""
        if self._report is not False:
            return self._report
        self._report = None
        h = _HEADER_LINE.match(self.text[:200])
        pos = h.end() if h else 0
        lede = None
        for m in re.finditer(r"[^\n]+", self.text[pos:]):
            seg = m.group(0).strip()
            if len(seg.split()) >= 12 and _PROSE_END.search(seg):
                lede = (pos + m.start(), pos + m.end())
                break
        if lede is None or self.published is None:
            return None
        for i in self._in_range(*lede):
            r = self._resolve(i, None)
            if r is None:
                continue
            if r.granularity in ("month", "quarter") and r.end and r.end < self.published.isoformat() \
                    and self._dates_figures(i):    # a completed statistics period, not an event's day
                self._report = i
            break
        return self._report

    def _dates_figures(self, i: int) -> bool:
        """The expression names a report's period ("the February employment report") or dates a
        figure of its own clause ("rose 337,000 in February")."""
        s, e, _ = self.spans[i]
        espan = self.doc.char_span(s, e, alignment_mode="expand")
        if espan is None or not len(espan):
            return False
        root = espan.root
        h = root
        for _ in range(4):            # up through a compound noun: "the February U.S. employment report"
            if h.dep_ not in ("compound", "nmod", "poss", "amod") or h.head == h:
                break
            h = h.head
        if h != root and (h.lemma_.lower() in REPORT_NOUNS or h.lower_ in REPORT_NOUNS):
            return True
        head = self._clause_head(root)
        for t in espan.sent:
            if (t.like_num or t.pos_ == "NUM") and not self._in_time(t.idx) and self._clause_head(t) == head:
                return True
        # under a counted noun: "45% of adults identified as renters in 2025"
        return any(_is_figure(t) and not self._in_time(t.idx) for t in self._path(root)[1:])

    def _year_earlier(self, i: int, r: DateRef, sent, tense, kind) -> DateRef:
        """"compared with $4 million a year earlier": the period its sentence names (else the
        report's period), a year back."""
        if not (_YEAR_EARLIER.fullmatch(_norm(self.spans[i][2])) or _PREV_YEAR.fullmatch(_norm(self.spans[i][2]))):
            return r
        refs = [j for j in self._in_range(sent.start_char, sent.end_char)
                if j != i and not _YEAR_EARLIER.fullmatch(_norm(self.spans[j][2]))
                and not _PREV_YEAR.fullmatch(_norm(self.spans[j][2]))]
        for rp in (self._report_period(), self._frame()):
            if rp is not None and rp != i and self.spans[rp][1] <= self.spans[i][0]:
                refs.append(rp)
        for j in refs:
            ref = self._final(j, tense, kind)
            if ref is None or not ref.start or ref.granularity not in ("day", "week", "month", "quarter", "year"):
                continue
            a, b = dt.date.fromisoformat(ref.start), dt.date.fromisoformat(ref.end or ref.start)
            shifted = _shift_years((a, b, ref.granularity), -1)
            if shifted is None:
                continue
            if ref.granularity == "month":       # Feb. 29 a year back: the whole month
                shifted = _month(a.year - 1, a.month)
            return DateRef(r.text, shifted[0].isoformat(), shifted[1].isoformat(), shifted[2], r.basis,
                           r.text_start, r.text_end)
        return r

    def _intro(self, sent, s: int, e: int) -> bool:
        """The expression sits in the phrase that opens its sentence, before the subject and the
        verb and closed by a comma: "In the primary in March, 74 percent ...", "In a poll
        conducted in May, ..."."""
        espan = self.doc.char_span(s, e, alignment_mode="expand")
        if espan is None or not len(espan):
            return False
        path = self._path(espan.root)
        top = path[-1]
        if len(path) < 2 or top != sent.root:
            return False
        u = path[-2]                 # the phrase hanging on the sentence's verb
        if u.dep_ not in ("prep", "npadvmod", "advmod") or u.i >= top.i:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < u.i for c in top.children):
            return False
        if not _OPENER.match(self.text[sent.start_char:u.left_edge.idx]):
            return False
        after = u.right_edge.idx + len(u.right_edge)
        return self.text[after:after + 1] == ","

    def _earlier_sentences(self, sent, para: int):
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start_char for s in self._sents]
        k = bisect.bisect_left(self._sent_starts, sent.start_char)
        # a scene is set within a few sentences; the bound keeps one endless paragraph linear
        for j in range(k - 1, max(-1, k - 1 - _MAX_LOOKBACK), -1):
            s = self._sents[j]
            if self._paragraph(s.start_char) != para:
                break
            yield s
