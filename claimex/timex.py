"""Time expressions: finding them in text and resolving them against the publication date.

Two layers (the document's time frame, which picks a claim's date, is :mod:`claimex.dates`):

* :func:`resolve_date` normalises one expression ("Sunday", "last week", "the first half of
  2015", "fiscal 2025") to an ISO interval with a granularity and a basis. News convention:
  a bare weekday or month name means the latest one on or before publication, unless the
  caller asks for the future (targets and forecasts look ahead); a month name is the coming
  one only when it is the month right after publication, and a month-day or holiday more
  than seven months back is the next one.
* :func:`find_time_expressions` is a regex scan (precompiled, no backtracking nests) that
  returns candidate spans in running prose.
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

__all__ = ["resolve_date", "find_time_expressions"]

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
NUMBER_WORDS: dict[str, int] = _LEX["number_words"]
ORDINALS: dict[str, int] = _LEX["ordinals"]
DECADE_WORDS: dict[str, int] = _LEX["decade_words"]
COUNT_NOUNS: list[str] = _LEX["count_nouns"]


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
_R_UNIT_AGO = re.compile(r"(?P<u>day|week|month|year|decade) (?P<dir>ago|earlier|before|back|previous|prior)")
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
    # a year after a preposition, even before "of": "in 2021 of 0.6% growth"
    r"(?:(?<=\b[Ii]n )|(?<=\b[Dd]uring )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\bthrough )|(?<=\b[Bb]y ))"
    r"(?:1[89]\d\d|20\d\d)(?=\s+of\b)",
    # the second year of a dashed span: "over the 2019-2023 period" (joined with the first below)
    r"(?<=\b(?:1[89]|20)\d\d[-\u2013])(?<![\d$#\u00a3\u20ac.,/-]\d{4}[-\u2013])(?:1[89]|20)\d\d\b(?![%-]|[.,]\d)",
    # a split year: "the 1987-88 budget", "the 2024-25 season"
    r"(?<![\d$#£€.,/-])(?:1[89]|20)\d\d(?:-|\u2013|/)\d\d(?![\d%.,]\d|\d|%|-)",
)]
_RANGE_GAP = re.compile(r"\s*(?:-|\u2013|\u2014)\s*|\s+(?:to|through|thru|until|till)\s+|\s+and\s+")
_RANGE_LEAD = re.compile(r"(?i:\b(?:from|between)\s+)$")


# A word that every match of a costly pattern holds: the pattern runs only near one (within
# _GATE_REACH characters), which gives the same matches at a fraction of the cost, since Python's
# regular expressions try a pattern with optional openers at every position of the text.
_GATE = {
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "day_word": re.compile(r"(?i:yesterday|today|tonight|tomorrow|night|morning|afternoon|evening)"),
    "unit": re.compile(r"(?i:week|month|year|quarter|spring|summer|fall|autumn|winter)"),
    "ago": re.compile(r"(?i:ago|earlier)"),
    "quarter": re.compile(r"(?i:quarter)"),
    "year": re.compile(r"(?:1[89]|20)\d\d"),
}
# the gate of each pattern of _FIND, in order (None: the pattern is cheap, or holds no one word)
_FIND_GATES = ([None, None, "month", "month", "month", "month", "month", "month", "weekday", "day_word", None,
                "unit", None, "ago", None, None, None, "quarter", "quarter"] + [None] * 6
               + ["year", None, None, None, "month", "year", "year", None, None])
assert len(_FIND_GATES) == len(_FIND)
_GATE_REACH = 300  # longer than any match with what its look-arounds read


def _near(text: str, gate: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of ``text[start:end]`` within _GATE_REACH characters of a match of ``gate``, merged."""
    out: list[tuple[int, int]] = []
    for m in gate.finditer(text, start, end):
        a, b = max(start, m.start() - _GATE_REACH), min(end, m.end() + _GATE_REACH)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def find_time_expressions(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, text)`` of time expressions in ``text[start:end]`` (offsets into the
    whole text), left to right, non-overlapping (the longest match wins). Two expressions joined
    by "to", "through" or a dash ("from 1995 to 2005") come back as one range."""
    if end is None:
        end = len(text)
    cands = []
    stretches = {g: _near(text, rx, start, end) for g, rx in _GATE.items()}
    for rx, gate in zip(_FIND, _FIND_GATES):
        for a, b in (stretches[gate] if gate is not None else [(start, end)]):
            for m in rx.finditer(text, a, b):
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
