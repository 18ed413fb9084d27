"""The document's time frame: which time governs each claim of a whole article.

Every text here is invented (names, places, figures)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import one

JAN = "2026-01-14"    # a recap season: the year just ended is 2025


def _date(ex, text, needle, published=JAN):
    return one(ex, text, needle, published=published).date


# -- the story's frame: a completed period set by the headline or the lede ---------------------

RECAP = (
    "Ferry crossings on Lake Orla fell to a record low last year\n\n"
    "Ferry crossings on Lake Orla dropped last year to their lowest level in two decades, the "
    "harbour board said in its annual review of traffic on the lake.\n\n"
    "Cargo landings fell 12% and passenger trips slid to 41,300, the board said.\n\n"
    "The board employs 230 pilots and runs a fleet of 14 boats.\n\n"
    "It will add 3 more boats next spring, the board said.\n"
)


def test_a_recap_frame_carries_to_figures_told_in_the_past(ex):
    for needle in ("12%", "41,300"):
        d = _date(ex, RECAP, needle)
        assert (d.text, d.start, d.end) == ("last year", "2025-01-01", "2025-12-31"), needle
        assert RECAP[d.text_start:d.text_end] == "last year"


def test_a_recap_frame_leaves_present_and_future_figures_at_publication(ex):
    assert _date(ex, RECAP, "230").basis == "published"
    assert _date(ex, RECAP, "14").basis == "published"
    assert _date(ex, RECAP, "3").basis != "relative" or _date(ex, RECAP, "3").text != "last year"


@pytest.mark.parametrize("lede", [
    # an event's time, not the period of the story's figures
    "The Orla council proposed a new harbour levy last year on the heaviest cargo boats, months "
    "before the vote that split the town.\n\n",
    # a time that modifies a noun
    "In the wake of the November council election, the Orla harbour board took a cautious line on "
    "the lake's traffic and its costs.\n\n",
])
def test_no_frame_from_an_event_or_a_modifier(ex, lede):
    text = "Orla harbour news\n\n" + lede + "Cargo landings fell 12% and passenger trips slid to 41,300.\n"
    assert _date(ex, text, "12%", published="2026-03-10").basis == "published"


SURVEY = ("Record number of Vellan residents join cycling clubs, survey finds\n\n"
          "Cycling has become the most popular pastime in the region of Vellan, according to a new "
          "survey of households.\n\n"
          "The survey released Monday found that 38% of adults cycled every week in 2025, above "
          "the previous high of 31% set in 2019.\n\n"
          "Commuters were tied with students at 22% each, according to the survey.\n\n"
          "The club federation has 4,100 members today.\n")


def test_the_period_of_the_paragraph_after_the_lede_frames_the_story(ex):
    d = _date(ex, SURVEY, "38%")
    assert (d.text, d.start) == ("2025", "2025-01-01")      # its own sentence
    d = _date(ex, SURVEY, "22%")
    assert (d.text, d.start, d.end) == ("2025", "2025-01-01", "2025-12-31")
    assert SURVEY[d.text_start:d.text_end] == "2025"
    assert _date(ex, SURVEY, "4,100").basis != "explicit"      # told in the present


@pytest.mark.parametrize("second", [
    # one year of a series, not the story's period
    "The club federation said membership rose 4% in 2023 and 6% in 2024, and held steady in 2025.\n\n",
    # the end of a running total
    "Club dues reached $2.1 million through the end of May, the federation said.\n\n",
    # an event's distance back
    "The federation began counting riders a month ago, when 40 new clubs opened.\n\n",
    # an event's year, with no report and no measured figure
    "First built in 2024, the Vellan velodrome earned a place in the national records.\n\n",
    # "found" in its plain sense, with a distance that is no report figure
    "The old bell was found by a diver some 10 miles off the coast in 2024, the club said.\n\n",
    # a report's year, but no figure of its own
    "The federation first warned the clubs in 2024, according to its annual report.\n\n",
])
def test_no_frame_from_a_series_a_running_total_or_an_ago(ex, second):
    text = ("Vellan cycling clubs report busy season\n\n"
            "Cycling has become the most popular pastime in the region of Vellan, according to the "
            "federation of its clubs.\n\n" + second +
            "Commuters made up 22% of the riders, the federation said.\n")
    assert _date(ex, text, "22%", published="2025-10-14").basis == "published"


def test_a_report_period_a_few_paragraphs_down_frames_the_figures_after_it(ex):
    text = ("Vellan poll: mayor keeps her lead\n\n"
            "The new Vellan Ledger poll shows the mayor well ahead of her rival in the race for the "
            "town hall, with weeks to go before the vote.\n\n"
            "Most voters think the mayor is the better candidate to run the harbour.\n\n"
            "The race has barely moved since the summer.\n\n"
            "Last month, 41% of voters reported that they backed the rival.\n\n"
            "Another 12% said they were unsure.\n")
    d = _date(ex, text, "12%", published="2025-10-14")
    assert (d.start, d.end) == ("2025-09-01", "2025-09-30")


def test_a_count_of_the_sources_themselves_is_no_report_figure(ex):
    text = ("Vellan harbour rated highly\n\n"
            "The harbour of Vellan is one of the busiest on the coast, and its pilots are among the "
            "most experienced in the region.\n\n"
            "Two analysts, Ada Lind and Ivo Brandt, found in 2023 that its docks were the best run.\n\n"
            "The harbour handled 4,100 ships.\n")
    assert _date(ex, text, "4,100", published="2025-10-14").basis == "published"


def test_a_later_paragraph_period_does_not_date_the_lede_news(ex):
    text = ("Vellan club treasurers arrested\n\n"
            "Police in Vellan arrested three former treasurers of a cycling club for taking about "
            "$90,000 from its members, officials said.\n\n"
            "The club was founded in the town in March 2019 and grew quickly.\n\n"
            "It had 640 members at its peak.\n")
    assert _date(ex, text, "three", published="2025-10-14").basis == "published"


# -- structure: a figure's own time ---------------------------------------------------------

def test_each_figure_of_a_list_with_longer_nouns_takes_its_own_year(ex):
    text = ("About 52% of young riders now use the tram, compared with 41% of older riders in 2010 and "
            "30% of all adult riders in 1999, the Tamsin survey found.")
    assert _date(ex, text, "30%").text == "1999"
    assert _date(ex, text, "41%").text == "2010"
    d = _date(ex, "Ulla Brenn said that March tram fares should rise at least 2 pct after holding steady in January.",
              "at least 2 pct", published="2026-03-06")
    assert d.text == "March"


def test_each_figure_of_a_list_takes_its_own_year(ex):
    text = "Enrolment at the Tamsin academy was 512 in 2021, 548 in 2022 and 601 in 2023."
    got = {n: _date(ex, text, n).text for n in ("512", "548", "601")}
    assert got == {"512": "2021", "548": "2022", "601": "2023"}


def test_a_figure_that_subdivides_the_one_before_takes_its_date(ex):
    text = ("The Brisa fair opened on Saturday with 2,000 visitors.\n\n"
            "Of those, 300 were children from the valley schools.\n")
    d = _date(ex, text, "300", published="2026-01-14")
    assert (d.text, d.start) == ("Saturday", "2026-01-10")


def test_for_before_a_named_period_is_a_date_not_a_duration(ex):
    text = "The county set aside $48 million for fiscal year 2027 to repave its roads."
    d = _date(ex, text, "$48 million")
    assert (d.start, d.end) == ("2026-10-01", "2027-09-30")


def test_an_explicit_future_year_stands_for_a_figure_that_looks_ahead(ex):
    text = "The Harlow pension fund will hold $2.1 billion in 2031, its trustees said."
    assert _date(ex, text, "$2.1 billion").start == "2031-01-01"
    text = "The district plans to open 3,000 new school seats by 2029."
    assert _date(ex, text, "3,000").start == "2029-01-01"


def test_the_month_a_forecast_was_issued_does_not_date_it(ex):
    text = "Analysts at Corva Bank cut their growth outlook for this year to 1.2%, down from the 1.6% they projected in October."
    d = _date(ex, text, "1.6%")
    assert d.text != "October"


def test_a_change_over_a_span_of_years_takes_the_later_year(ex):
    text = "Bicycle thefts in Porthaven rose 40% between 2015 and 2020, police said."
    d = _date(ex, text, "40%")
    assert (d.text, d.start) == ("2020", "2020-01-01")
    assert text[d.text_start:d.text_end] == "2020"


def test_the_year_previous_counts_back_from_the_period_of_its_sentence(ex):
    text = "Rangers pulled 61 stranded climbers off the ridge last fiscal year, against 45 the year previous."
    d = _date(ex, text, "45", published="2025-01-17")
    assert (d.text, d.start, d.end) == ("the year previous", "2022-10-01", "2023-09-30")


def test_the_previous_year_counts_back_from_the_time_of_the_sentence(ex):
    text = ("Since March 3, 2024, wardens in Kestel Park logged 41 break-ins, compared with just 12 "
            "during the same period the previous year.")
    d = _date(ex, text, "12", published="2025-01-20")
    assert d.start[:4] == "2023"


# -- the publication date where nothing else governs -------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Volunteers have planted 9,400 trees in Lusk since 2019.", "9,400"),
    ("To date, the Lusk appeal has collected $212,000.", "$212,000"),
])
def test_running_totals_stand_at_publication(ex, text, needle):
    assert _date(ex, text, needle).basis == "published"


# -- no actual figure is dated after its publication date --------------------------------------

_SUBJECTS = ["The Arlo library", "Wardens in Kestel Park", "The Brisa council", "Mendel Foods"]
_PAST = ["lent {n} books", "counted {n} visitors", "sold {n} tickets", "has hired {n} staff",
         "had {n} members", "reported {n} complaints"]
_TIMES = ["", " next Friday", " in 2031", " next month", " tomorrow", " this weekend", " next year",
          " on Sunday", " last week", " in March", " by 2029", " in fiscal year 2030", " in the coming weeks"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=st.sampled_from(_SUBJECTS), verb=st.sampled_from(_PAST), time=st.sampled_from(_TIMES),
       n=st.integers(min_value=2, max_value=90000),
       pub=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_no_actual_claim_told_in_the_past_is_dated_after_publication(ex, subject, verb, time, n, pub):
    """A deed done is dated at or before publication, whatever time the sentence names (the period
    a sum is *for*, "set aside $48 million for fiscal year 2027", is that sum's own period)."""
    text = f"{subject} {verb.format(n=f'{n:,}')}{time}, officials said."
    for c in ex.extract(text, published=pub.isoformat()):
        if c.kind == "actual" and c.date is not None and c.date.start:
            assert c.date.start <= pub.isoformat(), (text, c.date)


# -- more structure ----------------------------------------------------------------------------

def test_within_the_last_year_is_the_period_up_to_publication(ex):
    text = "The Lusk shelter has placed more than 1,900 dogs with families within the last year."
    d = _date(ex, text, "more than 1,900")
    assert (d.text, d.start) == ("the last year", "2025-01-01")


def test_the_year_a_sum_is_for_stands_even_in_the_future(ex):
    text = "The mayor of Tamsin wrote that the roads fund for the year 2027 must reach $90 million."
    assert _date(ex, text, "$90 million").start == "2027-01-01"


def test_a_later_list_member_of_a_projection_keeps_its_future_year(ex):
    text = "The lira is put at 7.4 to the dollar this year and 8.1 in 2027, the Corva Bank said."
    assert _date(ex, text, "8.1").start == "2027-01-01"


@pytest.mark.parametrize("text, needle", [
    ("Average fares rose 20 cents to $3.10 from $2.90 in March, the Vellan transit board said.", "$3.10"),
    ("Apple harvests gained 4,000 tonnes after falling 2,500 tonnes in March.", "4,000"),
    ("Hardware sales climbed 2.1 pct after a 0.7 pct dip in March.", "2.1 pct"),
])
def test_a_time_right_after_another_figure_is_that_figures(ex, text, needle):
    d = _date(ex, text, needle, published="2026-04-09")
    assert d.text != "March"


TAMSIN = ("Tamsin votes\n\n"
          "Voters in the three northern wards of Tamsin went to the polls Tuesday in the closest "
          "council race the town has seen in decades.\n\n"
          "Ada Mirren won the Harbour ward by 212 votes, and Piet Vos took the Mill ward with 54 percent.\n\n"
          "The council has 9 seats, and 3 members have served since its founding.\n")


def test_the_day_of_the_event_a_lede_tells_frames_figures_told_in_the_past(ex):
    for needle in ("212", "54 percent"):
        d = _date(ex, TAMSIN, needle, published="2026-03-12")
        assert (d.text, d.start) == ("Tuesday", "2026-03-10"), needle
    assert _date(ex, TAMSIN, "9", published="2026-03-12").basis == "published"
    assert _date(ex, TAMSIN, "3", published="2026-03-12").basis == "published"     # present perfect


def test_the_day_of_a_saying_in_the_lede_frames_nothing(ex):
    text = TAMSIN.replace("Voters in the three northern wards of Tamsin went to the polls Tuesday",
                          "The mayor of Tamsin told reporters Tuesday about the vote")
    assert _date(ex, text, "212", published="2026-03-12").basis == "published"


def test_a_year_frame_outranks_the_ledes_event_day(ex):
    text = TAMSIN.replace("went to the polls Tuesday in the closest council race",
                          "went to the polls Tuesday after turnout fell 8% last year in the closest council race")
    d = _date(ex, text, "212", published="2026-03-12")
    assert d.text == "last year"


@pytest.mark.parametrize("expr, pub, start, end", [
    ("the first quarter of fiscal 2019", "2020-05-05", "2018-10-01", "2018-12-31"),
    ("fiscal 2024/25", "2020-05-05", "2024-10-01", "2025-09-30"),
    ("fiscal year 1996-97", "2000-05-05", "1996-10-01", "1997-09-30"),
    ("end-1987", "1987-03-01", "1987-01-01", "1987-12-31"),
    ("July, 1985", "1987-03-01", "1985-07-01", "1985-07-31"),
])
def test_expressions_read(expr, pub, start, end):
    from claimex.timex import find_time_expressions, resolve_date

    r = resolve_date(expr, published=pub)
    assert (r.start, r.end) == (start, end)
    text = f"The toll rose in {expr} to 8 pct."
    assert [t for _, _, t in find_time_expressions(text)] == [expr]


@pytest.mark.parametrize("text, needle", [
    ("The March 3 resignation of its treasurer left the Orla board with five members.", "five"),
    ("The Vellan plan adds $90 million for parks, including nearly double last year's outlay for trails.",
     "$90 million"),
    ("Grants worth 6.2 billion crowns have been signed under the 2021-25 plan, the Corva ministry said.",
     "6.2 billion"),
])
def test_a_time_that_modifies_another_noun_dates_nothing(ex, text, needle):
    assert _date(ex, text, needle, published="2026-03-12").basis == "published"


def test_a_possessive_time_of_the_subject_dates_its_figure(ex):
    text = "But January's orders at the Tamsin mill were revised down to a 6.1 pct drop."
    d = _date(ex, text, "6.1 pct", published="2026-03-12")
    assert (d.text, d.start) == ("January", "2026-01-01")


def test_a_recap_opener_past_the_second_paragraph_frames_nothing_after_it(ex):
    text = ("Harbour board touts savings\n\n"
            "A year into its new charter, the Orla harbour board says it has cut costs for every "
            "boat owner on the lake.\n\n"
            "On Tuesday the board put its savings since March 2025 at more than $6 million.\n\n"
            "During the past year, the board sold 14 old moorings and closed two depots.\n\n"
            "It also cancelled $900,000 in dredging contracts.\n\n"
            "The board has 230 members.\n")
    d = _date(ex, text, "14", published="2026-01-20")
    assert (d.text, d.start) == ("the past year", "2025-01-01")     # its own sentence
    assert _date(ex, text, "$900,000", published="2026-01-20").basis == "published"
    assert _date(ex, text, "230", published="2026-01-20").basis == "published"


@pytest.mark.parametrize("text, needle, expr", [
    ("The Corva mark will lose a further 11 pct this year and four pct in 2027 after last year's 14.2 pct "
     "drop, the bank said.", "14.2 pct", "last year"),
    ("The fund expects to gain 3 pct this year after last year's 8 pct loss.", "8 pct", "last year"),
])
def test_the_time_of_the_noun_a_figure_counts_dates_it(ex, text, needle, expr):
    d = _date(ex, text, needle, published="2026-03-12")
    assert (d.text, d.start) == (expr, "2025-01-01")


def test_a_time_that_modifies_a_noun_opening_a_sentence_sets_no_scene(ex):
    text = "The March 3 resignation of the Orla treasurer shook the rowing club. The club has 40 members."
    assert _date(ex, text, "40", published="2026-03-12").basis == "published"
    text = "On March 3, the Orla rowing club held its vote. The club counted 40 ballots."
    d = _date(ex, text, "40", published="2026-03-12")
    assert (d.text, d.start) == ("March 3", "2026-03-03")


def test_a_figure_whose_relative_clause_is_past_belongs_to_the_recap(ex):
    text = RECAP.replace("The board employs 230 pilots",
                         "Its count includes 9 pilots who retired, and the board employs 230 pilots")
    d = _date(ex, text, "9")
    assert (d.text, d.start) == ("last year", "2025-01-01")
    assert _date(ex, text, "230").basis == "published"


def test_a_participle_clause_on_the_figures_verb_dates_it(ex):
    text = ("The Vellan ministry is withholding roughly $90 million in rail funding from Orla beginning "
            "in fiscal year 2027 because the province failed to close 40 crossings, the minister announced Wednesday.")
    d = _date(ex, text, "roughly $90 million", published="2026-01-07")
    assert (d.text, d.start) == ("fiscal year 2027", "2026-10-01")
    assert _date(ex, text, "40", published="2026-01-07").text != "fiscal year 2027"


def test_the_same_period_of_a_named_year_is_a_figures_own_time(ex):
    text = ("Across the sailing season, from May 4, 2025, to Sept. 28, 2025, Orla harbour pilots logged "
            "412 delays, up from 31 during the same period of 2024.")
    d = _date(ex, text, "31")
    assert (d.text, d.start) == ("2024", "2024-01-01")


def test_a_present_perfect_conjunct_runs_up_to_publication(ex):
    text = "Orla ferry fares rose 5% last week, and 40 riders have complained to the harbour board."
    assert _date(ex, text, "40", published="2026-03-12").basis == "published"
    text = "Orla ferry fares rose 5% last week, and 40 riders complained to the harbour board."
    assert _date(ex, text, "40", published="2026-03-12").text == "last week"


def test_a_time_inside_a_since_clause_starts_a_running_total(ex):
    text = "The Orla clinic has treated more than 4,000 patients since opening its doors last year."
    assert _date(ex, text, "more than 4,000", published="2026-03-12").basis == "published"
    text = "The Orla clinic treated more than 4,000 patients after opening its doors last year."
    assert _date(ex, text, "more than 4,000", published="2026-03-12").text == "last year"


def test_the_starting_value_of_a_change_in_a_recap_takes_the_year_before(ex):
    text = RECAP.replace("The board employs 230 pilots", "Groundings fell 20%, from 45 to 36, and the board employs 230 pilots")
    assert _date(ex, text, "45").start == "2024-01-01"
    assert _date(ex, text, "36").start == "2025-01-01"


def test_a_period_named_by_its_kind_alone_is_the_latest_one_named_before(ex):
    text = ("Orla ferries carried record numbers in fiscal year 2025, the harbour board said.\n\n"
            "Ticket sales reached $4.2 million at the close of the fiscal year, it said.\n")
    d = _date(ex, text, "$4.2 million", published="2026-01-20")
    assert (d.text, d.start) == ("fiscal year 2025", "2024-10-01")
    text = "Ticket sales at the Orla ferry office reached $4.2 million at the close of the fiscal year, the board said."
    assert _date(ex, text, "$4.2 million", published="2026-01-20").basis == "published"
