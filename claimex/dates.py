"""The document's time frame: the date that governs each claim of one parsed article.

:class:`DateContext` finds every time expression of one spaCy ``Doc`` once (with
:mod:`claimex.timex`) and picks, for each claim (called in text order), in order:

1. the time that governs it by structure: its own member of a list of figure-time pairs
   ("512 in 2021, 548 in 2022"), else a time of its clause, else of its sentence (nearest,
   within its semicolon-separated list item first). Comparison points and starting values of
   other figures ("up from 5% in 2019", "than a year ago", "from 34.8 hours in January"),
   times that modify another noun ("the March 3 resignation", "a 2009 graduate"), times of a
   clause or apposition describing the subject ("the trust, founded in 1972, holds ..."), of a
   coordinated clause with its own subject, of a baseline ("25% below the record set in 2012"),
   the times of intended actions ("likely to vote in November"), the time a forecast was issued
   ("the 1.6% it projected in October") and the start of a running total ("since March") never
   govern. A span of years gives a change its later year and a starting value its earlier one;
   "the previous year" counts back from the sentence's time or the story's frame; a relative
   time inside a quotation counts from the day the article gives for the quote ("said Monday");
2. the figure it continues ("Of those, 300 were children" takes the date of the figure before);
3. the scene-setting expression of its paragraph ("On Saturday, police ..."), or the day of an
   event an earlier sentence of the paragraph tells in the past ("was arrested on May 18 ...
   Police found three bags"), for a figure told in the past;
4. the story's frame, for actual figures told in the past or measuring a change: the
   completed year, quarter or month its headline or lede sets for its figures ("Road deaths
   fell 12% last year"), or, failing those, a report's latest period for a measured figure in
   the next paragraph ("the survey found 38% of adults cycled in 2025"), from that paragraph
   on; failing that, the day of the event the lede tells in the past ("Hundreds marched
   Thursday night"), for figures told in the simple past after it (not a saying's day);
5. else the publication date (basis "published"), which running totals ("so far", "to date",
   "since 2019") take too.

A headline figure with no time of its own takes the date of the body claim that restates it
(:meth:`DateContext.headline_repeats`, once all claims are dated).

A figure told in the past is never dated after publication; one told in the future keeps an
explicit future year ("will hold $2.1 billion in 2031", "3,000 seats by 2029"), and a sum keeps
the period it is for ("$48 million for fiscal year 2027").
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import Optional, Union

from spacy.tokens import Token

from .records import DateRef
from .timex import (_LEX, _MON, _PAST_CUE, _PREV_YEAR, _YEAR_EARLIER, _alt, _as_date, _month, _norm,
                    _shift_years, find_time_expressions, resolve_date)

__all__ = ["resolve_date", "find_time_expressions", "DateContext"]

_MAX_LOOKBACK = 12  # earlier sentences of a paragraph searched for a scene-setting time
_FRAME_PARAGRAPHS = 3  # paragraphs after the lede where a report's period can frame the story
COMPARISON_HEADS = frozenset(_LEX["comparison_heads"])
COMPARISON_WORDS = frozenset(_LEX["comparison_words"])
# prepositions that compare a figure with a baseline: "25% below the record set in 2012", not a
# stretch of time ("$40 million over the 2027-31 period")
_SPAN_NOUNS = frozenset(_LEX["span_nouns"])
COMPARISON_PREPS = frozenset(_LEX["comparison_preps"])
SUPERLATIVE_WORDS = frozenset(_LEX["superlative_words"])
NAME_HEADS = frozenset(_LEX["name_heads"])
EVENT_NOUNS = frozenset(_LEX["event_nouns"])
PROSPECTIVE_HEADS = frozenset(_LEX["prospective_heads"])
REPORT_NOUNS = frozenset(_LEX["report_nouns"])
REPORT_VERBS = frozenset(_LEX["report_verbs"])
# the periods a lede can set for its story: a completed report period ("rose 12% last year"); an
# event's day ("voters went to the polls Tuesday") dates its own sentence only
FRAME_GRANULARITIES = frozenset(("year", "month", "quarter"))
FUTURE_CUES = frozenset(_LEX["future_cues"])
ISSUE_VERBS = frozenset(_LEX["issue_verbs"])
# issue verbs that also mean setting free ("1,200 detainees released in May"): the time of an issue
# only when what is issued is a document ("data released in May")
PUBLISH_VERBS = frozenset(_LEX["publish_verbs"])
SAYING_VERBS = frozenset(_LEX["saying_verbs"])
SOURCE_CUES = REPORT_VERBS | SAYING_VERBS   # what a source does: "found", "reported", "said"
PERCENT_WORDS = frozenset(_LEX["percent_words"])
MODIFIER_DEPS = frozenset(("compound", "nmod", "amod", "poss", "nummod"))


_JUST_AFTER = re.compile(r"\s*(?i:in|on|during|for|at|of|as\s+of)?\s*")
_PROSE_END = re.compile(r"[.!?\"\u201d]\s*$")
_HEADER_LINE = re.compile(r"\s*date[ \t]+\d{4}-\d{2}-\d{2}\b")
_OPENER = re.compile(r"^[\W_]*(?:(?i:on|in|during|since|by|as\s+of|through|until|at|over|from|for|after|before|"
                     r"earlier|later|early|late|so\s+far|then|and|but)\s+)?(?:(?i:the)\s+)?$")
_CLAUSE_POS = {"VERB", "AUX"}
# a time written right after a figure and its noun: "548 cases in 2022", "69% during 2024", "31 during
# the same period of 2024", "30% of older riders in 1999" (not after a comparison word: "after ... in May")
_OWN_TIME = re.compile(r"(?:\s+(?!(?i:than|from|since|over|versus|after|before|compared|against)\b)[A-Za-z][A-Za-z-]*){0,4}\s+(?i:in|during)\s+"
                       r"(?i:the\s+same\s+(?:period|month|quarter|week)\s+(?:in|of)\s+)?")
# a sentence that subdivides the figure before it: "Of those, ...", "Among them, ..."
_SUBSET_OPENER = re.compile(r"[\W_]*(?i:of|among)\s+(?i:those|them|these|that\s+(?:number|total|group))\b")
# a named period of the calendar: "for fiscal year 2027", "within March" date, "for a year" lasts
_CALENDAR = re.compile(r"\b(?:\d{4}|fiscal|fy|quarter|" + _MON + r")\b")
# two years joined into one span, and a starting value before it: "between 2010 and 2015", "from $4 million"
_YEAR_RANGE = re.compile(r"(?i:from\s+|between\s+)?(\d{4})\s*(?:-|\u2013|to|through|and)\s*(\d{4})")
_FROM_VALUE = re.compile(r"(?i:\bfrom\s+\S*)$")
# a deadline or a start ahead: "by 2029", "beginning in fiscal 2031"
_AHEAD_BEFORE = re.compile(r"(?i:\b(?:by|until|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?)$")
_FOR_BEFORE = re.compile(r"(?i:\bfor\s+(?:the\s+)?(?:year\s+)?)$")
# the stretch up to publication: "within the last year" is a period, not a length of time
_LATEST = re.compile(r"(?i:the\s+(?:last|past)\b)")
# a time written right after a starting value or a figure of an after/before clause is that
# figure's: "from 34.8 hours in January", "after falling 15,000 in January"
_OTHER_FIGURE_TIME = re.compile(r"(?i:\b(?:from|(?:after|before)(?:\s+[a-z]+ing)?)\s+(?:a\s+)?[$\u00a3\u20ac]?\d[\d,.]*"
                                r"(?:\s+(?!(?:in|during)\b)[a-z%][a-z%-]*){0,3}\s+(?:in|during)\s+)$")
# the end of a running total, or a deadline: "through the end of May", "by 2029"
_UNTIL_BEFORE = re.compile(r"(?i:\b(?:through|thru|until|till|up\s+to|by)\s+(?:the\s+end\s+of\s+)?)$")
_AGO = re.compile(r"(?i)\bago\b")
_SINCE_BEFORE = re.compile(r"(?i:\b(?:since|dating\s+back\s+to|going\s+back\s+to)\s+)$")
# a definite period named by its kind alone: "at the close of the fiscal year", "during the month"
_ANAPHOR = re.compile(r"(?i:\b(?:in|during|for|over|of|through)\s+the\s+(?:same\s+)?(fiscal\s+year|year|quarter|month)\b)(?![\s,]*(?:\d|ended|ending|before|after|earlier|ago|to\b))")
_RUNNING = re.compile(r"(?i)\b(?:" + _alt(_LEX["running_total_cues"]) + r")\b")
_DURATION_BEFORE = re.compile(r"(?i:\b(?:for|every|each|per|within|lasting)\s+)$")


def _is_figure(tok) -> bool:
    """A number, or a noun counted by one ("9 pct", "$4 million")."""
    return tok.like_num or tok.pos_ == "NUM" or any(c.dep_ == "nummod" and (c.like_num or c.pos_ == "NUM")
                                                     for c in tok.children)


def _figure_value(q) -> Optional[float]:
    for v in (q.value, q.low, q.high):
        if v is not None:
            return v
    return None


def _same_figure(head, body, head_line: str) -> bool:
    """``body`` restates the headline figure ``head``: same unit, the same value or one the headline
    rounds ("68%" for 68.4%), and a measure that both texts name ("arrest" under "Arrested")."""
    a, b = _figure_value(head.quantity), _figure_value(body.quantity)
    if a is None or b is None or head.quantity.unit != body.quantity.unit:
        return False
    if abs(a - b) > 0.01 * max(abs(b), 1e-9):
        return False
    return bool(head.measure and head.measure.split() and head.measure.split()[-1].lower() in body.sentence.text.lower()) \
        or bool(body.measure and body.measure.split() and body.measure.split()[-1].lower() in head_line)


def _quoted_ranges(text: str, offset: int) -> list[tuple[int, int]]:
    """The spans of one paragraph's quotations, straight or curly quotes."""
    out = []
    start = None
    for k, ch in enumerate(text):
        if ch == "\u201c" or (ch == '"' and start is None):
            start = k
        elif (ch == "\u201d" or ch == '"') and start is not None:
            out.append((offset + start, offset + k))
            start = None
    if start is not None:      # a quotation that runs on past the paragraph
        out.append((offset + start, offset + len(text)))
    return out


def _has_subject(head) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)


def _sibling_clauses(a, b) -> bool:
    """Two coordinated clauses, each with a subject of its own ("the 24 members face slow growth,
    and their trade will dip in 2027"): the time of one does not date the other's figures."""
    if a == b or not (a.pos_ in ("VERB", "AUX") and b.pos_ in ("VERB", "AUX")):
        return False
    joined = (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head == b.head)
    return joined and _has_subject(a) and _has_subject(b)


class DateContext:
    """Every time expression of one ``Doc``, found once; :meth:`for_claim` picks the governing one."""

    def __init__(self, doc, published: Optional[dt.date], text: Optional[str] = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # spaCy rebuilds ``doc.text`` on every access
        self.published = _as_date(published)
        # per-word answers that every claim of a sentence would otherwise recompute
        self._ahead: dict[int, bool] = {}  # the word looks ahead (_looks_ahead)
        self._than: dict[int, bool] = {}   # the word heads a than-clause (_than_clause)
        self._deed: dict[int, bool] = {}   # the clause head tells a deed done (_done)
        self.spans = find_time_expressions(self.text)
        h = _HEADER_LINE.match(self.text[:200])
        if h:   # the "date YYYY-MM-DD" header gives the publication date; it dates no claim itself
            self.spans = [sp for sp in self.spans if sp[0] >= h.end()]
        self._starts = [s for s, _, _ in self.spans]
        self._breaks = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self._cache: dict[tuple[int, Optional[str]], Optional[DateRef]] = {}
        self._quotes: dict[int, tuple[list[tuple[int, int]], Optional[dt.date]]] = {}
        self._latest: Optional[tuple[tuple[int, int], list[tuple[str, int]]]] = None
        self._report: Union[int, None, bool] = False
        self._frame_i: Union[int, None, bool] = False
        self._event: Union[int, None, bool] = False
        self._lede_span: Union[tuple[int, int], None, bool] = False
        self._dated_starts: list[int] = []          # the claims dated so far, in text order
        self._dated: list[Optional[DateRef]] = []
        self._future_claim = False
        self._past_claim = False
        self._own_time = False
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
                    and not _CALENDAR.search(_norm(t)) and not _LATEST.match(t):
                r = None
            else:
                r = resolve_date(t, published=self._quote_day(i) or self.published, tense=tense)
                if r is not None:
                    r = DateRef(r.text, r.start, r.end, r.granularity, r.basis, s, e)
            self._cache[key] = r
        return self._cache[key]

    def _quote_day(self, i: int) -> Optional[dt.date]:
        """The day a quotation was said, when the expression sits inside one and the words around
        it give that day ("'We are short of drivers right now,' the mayor said Monday"): a relative
        time inside the quote counts from that day, not from publication."""
        s = self.spans[i][0]
        quoted, day = self._paragraph_quotes(self._paragraph(s))
        if day is None:
            return None
        k = bisect.bisect_right(quoted, (s, float("inf"))) - 1
        return day if k >= 0 and quoted[k][0] <= s < quoted[k][1] else None

    def _paragraph_quotes(self, para: int) -> tuple[list[tuple[int, int]], Optional[dt.date]]:
        """A paragraph's quotations and the day of saying its words outside them give ("said
        Monday"); once per paragraph."""
        got = self._quotes.get(para)
        if got is not None:
            return got
        a = self._breaks[para - 1] + 1 if para > 0 else 0
        b = self._breaks[para] if para < len(self._breaks) else len(self.text)
        quoted = _quoted_ranges(self.text[a:b], a)
        day = None
        for j in self._in_range(a, b) if quoted and self.published is not None else ():
            js, je, jt = self.spans[j]
            k = bisect.bisect_right(quoted, (js, float("inf"))) - 1
            if k >= 0 and quoted[k][0] <= js < quoted[k][1]:
                continue
            r = resolve_date(jt, published=self.published, tense="past")
            if r is None or r.granularity != "day" or not r.start or r.start > self.published.isoformat():
                continue
            espan = self.doc.char_span(js, je, alignment_mode="expand")
            if espan is not None and len(espan) and self._clause_head(espan.root).lemma_.lower() in SAYING_VERBS:
                day = dt.date.fromisoformat(r.start)
                break
        self._quotes[para] = (quoted, day)
        return quoted, day

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
                        (w.pos_ == "NUM" or w.like_num) and not (start <= w.idx < end) and not self._in_time(w.idx)
                        for w in c.subtree):
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
        "than it felt a year ago", "up 5% from 2019", "against last year", "the lowest since 1980"."""
        path = self._path(root)
        for t in path:
            w = t.lower_
            if w in COMPARISON_WORDS or t.lemma_ == "compare":
                return t
            if w in COMPARISON_PREPS and t != root and not any(self._in_time(c.idx) or c.lemma_.lower() in _SPAN_NOUNS
                                                               for c in t.children if c.dep_ == "pobj") and any(
                    _is_figure(u) and not self._in_time(u.idx) for u in (t.head, t.doc[t.i - 1] if t.i else t)):
                return t                 # "25% below the record low set in 2012", "15% over the cap"
            if w == "from" and t != root and (t.head.lemma_.lower() in COMPARISON_HEADS
                                                  or t.head.lower_ in COMPARISON_HEADS or _is_figure(t.head)):
                return t                 # "up 5% from 2019", "to 9 pct from 7 pct"
            if w == "since" and t != root:
                h = t.head
                for u in [u for u in h.subtree if u.i < t.i] + [h.head]:
                    if u.tag_ in ("JJS", "RBS") or u.lower_ in SUPERLATIVE_WORDS:
                        return t
        for t in path:                   # a clause introduced by "than"
            if self._than_clause(t):
                return t
        return None

    def _than_clause(self, t) -> bool:
        """``t`` heads a clause introduced by "than"; once per word, as the claims of a sentence
        share the upper words of their paths."""
        got = self._than.get(t.i)
        if got is None:
            got = self._than[t.i] = any(c.dep_ == "mark" and c.lower_ == "than" for c in t.children)
        return got

    def _name_part(self, i: int, root) -> bool:
        """A bare year naming a thing rather than dating the clause: "a 2009 graduate",
        "the 2016 Committee", "a 2015 Halvard sedan" (events keep theirs: "the 2012 election")."""
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
    def _subject_clause(root, span, chain) -> bool:
        """The time sits in a clause or an apposition that describes the subject of the figure's
        clause, and the figure is not part of that subject ("the trust, founded in 1972, holds 40,000
        objects"; "Ada Lind, a 2009 graduate, owes $30,000"): it dates its noun's own event. A
        report's or a poll's clause ("a survey conducted in May found 45% ...") still dates its
        figures."""
        t = root
        for _ in range(50):
            if t.dep_ in ("relcl", "acl", "appos") and t.head != t:
                break
            if t.head == t:
                return False
            t = t.head
        else:
            return False
        noun = t.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head not in chain or noun.head.lemma_ == "be":
            return False      # "the goal set last March was 3,000": the subject is the figure
        if noun.lemma_.lower() in REPORT_NOUNS or noun.lower_ in REPORT_NOUNS \
                or noun.lemma_.lower() in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS:
            return False
        return not any(noun.left_edge.i <= w.i <= noun.right_edge.i for w in span)

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
            if tense is None and self._past_verb(i):
                return "past"     # "the cap, which was reached on May 3": a day gone by
        return tense

    def _past_verb(self, i: int) -> bool:
        """The expression hangs on a past-tense verb ("learned over the weekend that ...", "as of May,
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
            # income should rise" in a March story, "a forecast for the week ended May 9"
            back = self._resolve(i, "past")
            if back is not None and back.start and r.start and back.start != r.start \
                    and self._distance(back) < self._distance(r):
                r = back
        if kind == "actual" and self.published is not None and r.start and r.start > self.published.isoformat():
            # a figure told in the future keeps a future year: "the fund will hold $2.1 billion in
            # 2031", "3,000 seats by 2029"; one told in the past never does
            before = self.text[max(0, self.spans[i][0] - 16):self.spans[i][0]]
            ahead = self._own_clause and _AHEAD_BEFORE.search(before)
            if r.basis == "explicit" and not self._past_claim and (self._future_claim or ahead or self._own_time):
                return r
            if r.basis == "explicit" and self._own_clause and _FOR_BEFORE.search(before):
                return r      # the period a sum is for: "set aside $48 million for fiscal year 2027"
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
    def for_claim(self, start: int, end: int, *, tense: Optional[str] = None, kind: str = "actual") -> Optional[DateRef]:
        """The date governing the claim at ``[start, end)``; call in text order (a claim that goes
        on from the one before, "Of those, ...", takes its date)."""
        r = self._date_claim(start, end, tense=tense, kind=kind)
        k = bisect.bisect_right(self._dated_starts, start)
        self._dated_starts.insert(k, start)
        self._dated.insert(k, r)
        return r

    def headline_repeats(self, claims: list) -> list:
        """A headline figure with no time of its own takes the date of the body claim that repeats
        it ("Orla ferries carry 41K" and, below, "carried 41,000 passengers in March" -> March): the
        first body claim with the same unit and value (the headline may round it) whose measure the
        other text names."""
        lede = self._lede()
        if lede is None:
            return claims
        body = [c for c in claims if c.quantity.start >= lede[0] and c.date is not None and c.date.basis != "published"]
        out = []
        for c in claims:
            if c.quantity.start < lede[0] and (c.date is None or c.date.basis == "published"):
                head_line = self.text[self._line_start(c.quantity.start):lede[0]].lower()
                for b in body:
                    if _same_figure(c, b, head_line):
                        if not (c.kind == "actual" and self.published is not None and b.date.start
                                and b.date.start > self.published.isoformat()):
                            c = replace(c, date=b.date)   # an actual figure is never dated after publication
                        break
            out.append(c)
        return out

    def _line_start(self, char: int) -> int:
        k = bisect.bisect_left(self._breaks, char) - 1
        return self._breaks[k] + 1 if k >= 0 else 0

    @staticmethod
    def _issue_date(root) -> bool:
        """The time a forecast was made, not the period it is about: "forecast in December",
        "the 1.6% it projected in October"."""
        t = root.head if root.dep_ == "pobj" else root
        if t.dep_ not in ("prep", "npadvmod") or t.head == t:
            return False
        h = t.head
        lem = h.lemma_.lower()
        if lem in PUBLISH_VERBS or h.lower_ in PUBLISH_VERBS:
            issued = [h.head] if h.dep_ in ("acl", "relcl") else [c for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
            return any(w.lemma_.lower() in REPORT_NOUNS or w.lower_ in REPORT_NOUNS or w.lemma_.lower() in EVENT_NOUNS
                       for w in issued)
        return lem in ISSUE_VERBS or h.lower_ in ISSUE_VERBS

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

    def _future_clause(self, chain) -> bool:
        """The figure's clause looks ahead: a future or conditional auxiliary or a forecast or plan
        word above it ("will hold", "is expected to reach", "projected to fall")."""
        return any(self._looks_ahead(t) for t in chain)

    def _looks_ahead(self, t) -> bool:
        """One word of a claim's chain, checked once per document: the claims of a sentence share
        their chain's upper words."""
        got = self._ahead.get(t.i)
        if got is None:
            got = self._ahead[t.i] = t.lemma_.lower() in FUTURE_CUES or t.lower_ in FUTURE_CUES or any(
                c.dep_ == "aux" and (c.lower_ in FUTURE_CUES or c.lemma_.lower() in FUTURE_CUES) for c in t.children)
        return got

    def _continued(self, sent) -> Optional[DateRef]:
        """"Of those, 300 were children": a figure that subdivides the one before takes its date."""
        if not _SUBSET_OPENER.match(self.text[sent.start_char:sent.end_char]):
            return None
        k = bisect.bisect_left(self._dated_starts, sent.start_char) - 1
        prev = self._dated[k] if k >= 0 else None
        if prev is not None and prev.basis != "published":
            return prev
        return None

    def _date_claim(self, start: int, end: int, *, tense: Optional[str] = None, kind: str = "actual") -> Optional[DateRef]:
        """The date governing the claim whose quantity spans ``[start, end)``, in the order the
        module's docstring gives."""
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self._published_ref()
        sent = span.sent
        num_tok = span.root
        num_chain = self._path(num_tok)
        self._future_claim = self._future_clause(num_chain)
        self._past_claim = self._done(num_tok)
        num_head = self._clause_head(num_tok)
        para = self._paragraph(start)
        # the claim is itself a comparison point ("to 14 pct from 10 pct"): only a time inside its
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
            if s >= end and _OTHER_FIGURE_TIME.search(self.text[end:s]):
                continue              # "fares rose to $3.10 from $2.90 in March": the $2.90 is March's
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
                if self._subject_clause(root, span, num_chain):
                    continue          # "the trust, founded in 1972, holds 40,000 objects"
                if any(t.lower_ == "since" and t.dep_ in ("prep", "mark") for t in self._path(root)[1:]) \
                        and not any(t.lower_ == "since" for t in num_chain):
                    running = True    # "has sold 900 since opening last spring": a total up to now
                    continue
                if root.dep_ in MODIFIER_DEPS and root.head not in num_chain and not span.start <= root.head.i < span.end \
                        and (root.dep_ == "poss" or self._resolve(i, None).granularity in ("day", "period")) \
                        and root.head.lemma_.lower() not in _SPAN_NOUNS \
                        and not (root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass")
                                 and root.head.head in num_chain):
                    continue          # "the March 3 resignation left the board with five members"
                own_end = own.right_edge.idx + len(own.right_edge) if own is not None else 0
                if own is not None and not own.left_edge.idx <= root.idx <= own.right_edge.idx and not (
                        s >= own_end and _JUST_AFTER.fullmatch(self.text[own_end:s])):
                    continue          # "from 11 pct" is the level before the change the time dates
                if head == num_head or root in num_chain or num_tok in self._path(root):
                    rank = 0          # the same clause: attached to the number's own verb
                elif head in num_chain and num_head.dep_ == "conj" and num_head.head == head and self._perfect(num_head):
                    continue          # "fares rose 5% last week, and 40 riders have complained": up to now
                elif head in num_chain:
                    rank = 1          # a clause that governs the number's clause
                elif head.dep_ == "advcl" and head.tag_ == "VBG" and head.head == num_head and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                    rank = 1          # a participle clause on the figure's verb: "cutting 300 jobs, starting in May"
                if rank < 2 and self._other_quantity(root, head, start, end):
                    rank = 2          # "up from $826.5 billion in 2010": another number's time
                if rank == 2 and _sibling_clauses(head, num_head):
                    continue          # "the 24 members face slow growth, and their trade will dip in 2027"
                if root.dep_ in ("poss", "compound", "nmod") and root.head in num_chain and root.head != num_head \
                        and root.head.pos_ == "NOUN" and self._clause_head(root.head) == num_head:
                    # the time of the noun the figure counts: "after last year's 18 pct drop"
                    key = (False, -1, abs(s - end))
                    if best is None or key < best[0]:
                        best = (key, i)
                    continue
            if _SINCE_BEFORE.search(self.text[max(0, s - 16):s]) and not (
                    espan is not None and len(espan) and espan.root in num_chain):
                running = True        # "has hovered near 6,000 since March": a total up to publication
                continue
            lo, hi = (e, start) if e <= start else (end, s)
            seg = ";" in self.text[lo:hi]      # list items split by semicolons keep their own times
            dist = s - end if s >= end else start - e
            if rank == 2 and espan is not None and len(espan) and self._irrealis(self._clause_head(espan.root)):
                continue              # "members are less inclined to renew in November": the renewal's time
            key = (seg, rank, dist)
            if best is None or key < best[0]:
                best = (key, i)
        if best is None and (running or _RUNNING.search(self.text[sent.start_char:sent.end_char])):
            # "so far", "to date", "in all", "since 2019": up to publication, unless the story's
            # frame is a completed period the total belongs to
            fr = self._frame_for(start, end, kind)
            r = self._final(fr, tense, kind) if fr is not None else None
            return r if r is not None else self._published_ref()
        if best is not None:
            self._own_clause = best[0][1] <= 1
            self._own_time = best[0][1] < 0
            r = self._final(best[1], tense, kind)
            self._own_clause = self._own_time = False
            if r is not None:
                r = self._range_point(best[1], r, start, tense)
                return self._year_earlier(best[1], r, sent, tense, kind)
        r = self._continued(sent)
        if r is not None:
            return r
        r = self._anaphoric(sent, start, tense, kind)
        if r is not None:
            return r
        # scene-setting: an expression opening an earlier sentence of the same paragraph
        for prev in self._earlier_sentences(sent, para):
            for i in self._in_range(prev.start_char, prev.end_char):
                s, e, _ = self.spans[i]
                if not _OPENER.match(self.text[prev.start_char:s]) and not self._intro(prev, s, e):
                    break
                espan = self.doc.char_span(s, e, alignment_mode="expand")
                if espan is not None and len(espan) and self._modifies_noun(espan.root) \
                        and espan.root.head.lemma_.lower() not in EVENT_NOUNS:
                    break         # "The May 2 fire at the depot ...": a noun's time; a poll's or a race's sets the scene
                r = self._final(i, tense, kind)
                if r is not None:
                    return r
                break
        r = self._scene_day(sent, para, start, end, tense, kind)
        if r is not None:
            return r
        fr = self._frame_for(start, end, kind)
        if fr is not None:
            r = self._final(fr, tense, kind)
            if r is not None and r.granularity == "year" and r.start and _FROM_VALUE.search(self.text[max(0, start - 12):start]) \
                    and re.match(r"\s+to\s", self.text[end:end + 5]):
                # the starting value of a change over the frame's year: "fell 20%, from 45 to 36" in a
                # recap of 2025 puts the 52 in 2024
                y = int(r.start[:4]) - 1
                return DateRef(r.text, f"{y}-01-01", f"{y}-12-31", "year", r.basis, r.text_start, r.text_end)
            if r is not None:
                return r
        # else the day of the event the lede tells: "Hundreds marched Thursday night" dates "more than
        # 1,000 took part" further down
        ed = self._event_day_for(start, end, kind) if self._frame() is None else None
        if ed is not None:
            r = self._final(ed, tense, kind)
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

    def _scene_day(self, sent, para: int, start: int, end: int, tense, kind) -> Optional[DateRef]:
        """The day of an event an earlier sentence of the paragraph tells in the past ("Ivo Brandt
        was arrested on May 18 outside his shop. Police found three bags on him."), for an actual
        figure told in the past: the story goes on in that scene (the latest such day, nearest
        sentence first). A saying's day ("told them Tuesday") dates the saying only."""
        if kind != "actual" or self.published is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or not self._told_in_past(span.root):
            return None
        pub = self.published.isoformat()
        for prev in self._earlier_sentences(sent, para):
            for i in reversed(self._in_range(prev.start_char, prev.end_char)):
                root = self._event_day_root(i, pub)
                if root is not None and self._past_tense(root):
                    return self._final(i, tense, kind)
        return None

    def _event_day_root(self, i: int, pub: str) -> Optional[Token]:
        """The root of time ``i`` when it is the day of an event at or before publication: not a
        noun's day ("Thursday's deadline"), not anchored to another time, not a saying's day
        ("told reporters Tuesday", which dates the saying only)."""
        s, e, _ = self.spans[i]
        r = self._resolve(i, "past")
        if r is None or r.granularity != "day" or not r.start or r.start > pub:
            return None
        espan = self.doc.char_span(s, e, alignment_mode="expand")
        if espan is None or not len(espan):
            return None
        root = espan.root
        if self._modifies_noun(root) or self._anchor(root) is not None \
                or self._clause_head(root).lemma_.lower() in SAYING_VERBS:
            return None
        return root

    def _anaphoric(self, sent, start: int, tense, kind) -> Optional[DateRef]:
        """"the fiscal year", "during the month": a definite period with no name of its own is the
        latest one of its kind named before it ("sales hit $4 million in fiscal 2025 ... by the end
        of the fiscal year"), passing over a month named only as a comparison point."""
        m = _ANAPHOR.search(self.text, sent.start_char, sent.end_char)
        if m is None or self._in_time(m.start(1)):
            return None
        want = "year" if "year" in m.group(1).lower() else m.group(1).lower()
        k = bisect.bisect_left(self._starts, sent.start_char) - 1
        for j in range(k, max(-1, k - 30), -1):
            r = self._resolve(j, None)
            if r is None or r.granularity != want:
                continue
            if self._anchor_free(j):
                return self._final(j, tense, kind)
        return None

    def _anchor_free(self, j: int) -> bool:
        s, e, _ = self.spans[j]
        espan = self.doc.char_span(s, e, alignment_mode="expand")
        return espan is not None and len(espan) > 0 and self._anchor(espan.root) is None \
            and not self._name_part(j, espan.root) and not _SINCE_BEFORE.search(self.text[max(0, s - 16):s])

    def _event_day(self) -> Optional[int]:
        """The day of the event the lede (its first paragraph of prose) tells in the past: "A court
        ruled Friday against ...", "Hundreds marched Thursday night"; not a saying's day ("told
        reporters Tuesday"), a noun's ("Thursday's deadline") or a comparison's."""
        if self._event is not False:
            return self._event
        self._event = None
        lede = self._lede()
        if lede is None or self.published is None:
            return None
        pub = self.published.isoformat()
        for i in self._in_range(*lede):
            root = self._event_day_root(i, pub)
            if root is not None and self._clause_head(root).tag_ == "VBD":
                self._event = i
                break
        return self._event

    def _event_day_for(self, start: int, end: int, kind: str) -> Optional[int]:
        """The lede's event day for an actual figure after the lede told in the simple past."""
        i = self._event_day()
        if i is None or kind != "actual" or start < self._lede()[1]:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or not self._told_in_past(span.root):
            return None
        if self._perfect(self._clause_head(span.root)):
            return None
        return i

    @staticmethod
    def _perfect(head) -> bool:
        """The present perfect, a time that runs up to now: "have passed", "has hired"."""
        return head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in head.children)

    def _lede(self) -> Optional[tuple[int, int]]:
        """The first paragraph of running prose: twelve words or more, ending a sentence."""
        if self._lede_span is not False:
            return self._lede_span
        self._lede_span = None
        h = _HEADER_LINE.match(self.text[:200])
        pos = h.end() if h else 0
        for m in re.finditer(r"[^\n]+", self.text[pos:]):
            seg = m.group(0).strip()
            if len(seg.split()) >= 12 and _PROSE_END.search(seg):
                self._lede_span = (pos + m.start(), pos + m.end())
                break
        return self._lede_span

    def _frame(self) -> Optional[int]:
        """The completed period the headline or lede sets for the story's figures; failing that, a
        report's period for a measured figure in one of the next three paragraphs, when it is the
        latest period of its paragraph ("the survey found that 38% of adults cycled in 2025", not
        "rose 3% in 2021 and 5% in 2022", "two analysts found in 2019 that ...")."""
        if self._frame_i is not False:
            return self._frame_i
        self._frame_i = None
        if self.published is None:
            return None
        h = _HEADER_LINE.match(self.text[:200])
        pos = h.end() if h else 0
        lede = self._lede()
        if lede is None:
            return None
        pub = self.published.isoformat()
        stop = lede[1]
        for _ in range(_FRAME_PARAGRAPHS):      # the paragraphs right after the lede
            nxt = re.search(r"[^\n]*\S[^\n]*", self.text[stop:])
            stop = stop + nxt.end() if nxt else stop
        for i in self._in_range(pos, stop):     # the headline, the lede and the paragraphs after it
            s, e, t = self.spans[i]
            r = self._resolve(i, None)
            if r is None or not r.end or r.end >= pub or r.granularity not in FRAME_GRANULARITIES:
                continue
            if _SINCE_BEFORE.search(self.text[max(0, s - 16):s]) or _UNTIL_BEFORE.search(self.text[max(0, s - 24):s]):
                continue      # "since March", "through the end of May": a running total's bounds
            espan = self.doc.char_span(s, e, alignment_mode="expand")
            if espan is None or not len(espan):
                continue
            root = espan.root
            if self._anchor(root) is not None or self._name_part(i, root):
                continue
            if not self._sets_frame(i, root):
                continue      # "proposed a levy last year" dates an event, not the story's figures
            k = self._paragraph(s)
            pa = self._breaks[k - 1] + 1 if k > 0 else 0
            pb = self._breaks[k] if k < len(self._breaks) else len(self.text)
            if s >= lede[1] and (_AGO.search(t) or self._later_period(i, r, pa, pb)
                                 or not self._reports(root.sent) or not self._counts_in_clause(root)
                                 or root.dep_ in MODIFIER_DEPS):
                continue      # past the lede, only a report's latest period of its paragraph for its
                # figures, not "a month ago"
            self._frame_i = i
            break
        return self._frame_i

    def _counts_in_clause(self, root) -> bool:
        """The time's clause holds a measured figure: a share, a sum or a count of things ("45% of
        adults", "$3 million", "102 million visits"), not an age or a name ("a 911 call")."""
        head = self._clause_head(root)
        path = set(t.i for t in self._path(root))
        for w in root.sent:
            if not (w.like_num or w.pos_ == "NUM") or self._in_time(w.idx):
                continue
            if self._clause_head(w) != head and w.i not in path and w.head.i not in path:
                continue      # "45% of adults identified as renters in 2025": the time hangs under the figure
            src = w.head
            for _ in range(8):            # "two analysts, Ada Lind and Ivo Brandt, found ..."
                if src.dep_ not in ("appos", "conj", "compound") or src.head == src:
                    break
                src = src.head
            if w.head.lower_ not in PERCENT_WORDS and (
                    (src.dep_ in ("nsubj", "nsubjpass") and src.head.lemma_.lower() in SOURCE_CUES)
                    or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in SOURCE_CUES for c in src.children)):
                continue      # "two analysts found in 2019 that ...": the count of sources, not a finding
            h = w.head
            for _ in range(3):            # "3 million visits": up through the number's own words
                if not (h.like_num or h.pos_ == "NUM") or h.head == h:
                    break
                h = h.head
            before = w.doc[w.i - 1].text if w.i else ""
            if h.tag_ in ("NNS", "NNPS") or h.lower_ in PERCENT_WORDS or before in ("$", "\u00a3", "\u20ac"):
                return True
        return False

    @staticmethod
    def _reports(sent) -> bool:
        """The sentence tells what a report, poll or count found: a report noun or verb ("the survey
        found", "the agency reported", "data show", "according to")."""
        for w in sent:
            lem = w.lemma_.lower()
            if lem in REPORT_NOUNS or w.lower_ in REPORT_NOUNS:
                return True
            if lem in REPORT_VERBS and not any(c.dep_ == "auxpass" for c in w.children):
                return True   # "the survey found", not "the coin was found"
            if w.lower_ == "according" and w.i + 1 < len(w.doc) and w.doc[w.i + 1].lower_ == "to":
                return True
        return False

    def _later_period(self, i: int, r: DateRef, a: int, b: int) -> bool:
        """Another expression in ``[a, b)`` names a period (not a day) that ends after ``r``; the
        two latest ends are found once, so a long paragraph stays linear."""
        if self._latest is None or self._latest[0] != (a, b):
            ends: list[tuple[str, int]] = []
            for j in self._in_range(a, b):
                o = self._resolve(j, None)
                if o is not None and o.granularity not in ("day", "week") and o.end:
                    ends.append((o.end, j))
            self._latest = ((a, b), sorted(ends)[-2:])
        return any(end > (r.end or "") and j != i for end, j in self._latest[1])

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

    def _frame_for(self, start: int, end: int, kind: str) -> Optional[int]:
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
        sent = span.sent
        if sent.start_char <= self.spans[fr][0] < sent.end_char:
            return None       # in the frame's own sentence, its structure has decided
        if self.spans[fr][0] >= self._lede()[1] and self._paragraph(start) < self._paragraph(self.spans[fr][0]):
            return None       # a lede's news comes before the period a later paragraph names
        return fr

    def _told_in_past(self, tok) -> bool:
        """The figure's clause is in the past or present perfect, or the figure measures a change."""
        t = tok
        for _ in range(3):        # "a 21% drop", "declines of more than 30%"
            if t.pos_ == "NOUN" and (t.lemma_.lower() in COMPARISON_HEADS or t.lower_ in COMPARISON_HEADS):
                return True
            if any(c.dep_ in ("relcl", "acl") and c.tag_ == "VBD" for c in t.children):
                return True   # "42% who identified as renters", "the 300 jobs it cut"
            if t.head == t:
                break
            t = t.head
        return self._past_tense(tok)

    def _done(self, tok) -> bool:
        """The figure's own verb tells a deed done: simple past or present perfect in the active
        voice ("sold 400 tickets", "has hired 30"), not a plan set ("was set at $4 billion")."""
        head = self._clause_head(tok)
        got = self._deed.get(head.i)
        if got is None:
            got = self._deed[head.i] = self._deed_verb(head)
        return got

    @staticmethod
    def _deed_verb(head) -> bool:
        aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if head.tag_ == "VBD":
            return True
        return head.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux) and not any(
            c.dep_ == "auxpass" for c in aux)

    def _past_tense(self, tok) -> bool:
        """The figure's clause is in the past or the present perfect ("fell", "have denied")."""
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
