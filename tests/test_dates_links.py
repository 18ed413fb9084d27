"""Dates a claim takes from a link to another part of the article: a headline figure restated
below, a clause that describes the subject rather than the figure.

Every text here is invented (names, places, figures)."""
from __future__ import annotations

from conftest import one


def _date(ex, text, needle, published="2026-04-09"):
    return one(ex, text, needle, published=published).date


# -- a headline figure takes the date of the body claim that repeats it -----------------------

FERRY = (
    "Orla ferries carry 41K passengers as the lake reopens\n\n"
    "The ferries of Lake Orla carried 41,000 passengers in March, the first month after the ice "
    "broke, the harbour board said on Tuesday.\n\n"
    "The board runs 14 boats.\n"
)


def test_a_headline_figure_takes_the_date_of_its_restatement(ex):
    d = _date(ex, FERRY, "41K")
    assert (d.start, d.end, d.text) == ("2026-03-01", "2026-03-31", "March")
    assert FERRY[d.text_start:d.text_end] == "March"   # points at the body's expression


def test_a_headline_figure_not_restated_keeps_publication(ex):
    text = "Orla ferries carry 41K passengers as the lake reopens\n\n" + FERRY.split("\n\n", 1)[1].replace(
        "41,000", "39,500")
    assert _date(ex, text, "41K").basis == "published"


def test_a_headline_figure_with_another_measure_is_not_a_restatement(ex):
    # "44 points" ahead in a race is not the 44% of a poll a month before
    text = ("Mayor Quillon leads by 44 points in new Orla poll\n\n"
            "The new Orla Ledger poll shows the mayor with 67% of the vote, against 23% for her rival, "
            "in a race that has barely moved.\n\n"
            "In March, 44% of those asked said the mayor would keep the harbour open.\n")
    assert _date(ex, text, "44 points").basis == "published"


def test_a_headline_figure_with_its_own_time_keeps_it(ex):
    text = ("Orla wage to reach $18 by 2029\n\n"
            "The minimum wage in Orla will reach $18 an hour by the end of 2028, under the budget "
            "agreed by the council on Tuesday night.\n")
    head = [c for c in ex.extract(text, published="2026-04-09") if c.quantity.text == "$18"][0]
    assert head.quantity.start < text.index("\n") and head.date.text == "2029"


# -- a clause that describes the subject dates the subject, not the figure --------------------

def test_a_founding_year_of_the_subject_does_not_date_its_figure(ex):
    for text in ("The Orla Trust, founded in 1972, holds 40,000 objects.",
                 "The Orla Trust, which opened in 1972, holds 40,000 objects."):
        assert _date(ex, text, "40,000").basis == "published", text


def test_a_year_in_an_apposition_of_the_subject_does_not_date_its_figure(ex):
    for text in ("Mira Kvalstad, a Tamsin native and 2009 Orla College graduate, owes about $92,000 in loans.",
                 "The Orla Trust, a 1972 gift of the Lind family, holds 40,000 objects."):
        c = [c for c in ex.extract(text, published="2026-04-09") if c.quantity.value in (92000, 40000)][0]
        assert c.date.basis == "published", text


def test_a_clause_of_the_figure_itself_still_dates_it(ex):
    d = _date(ex, "The 300 jobs that the mill cut in 2024 were all in Orla.", "300")
    assert d.text == "2024"
    d = _date(ex, "A survey conducted in May found that 45% of Orla adults cycle.", "45%")
    assert (d.start, d.end) == ("2025-05-01", "2025-05-31")


# -- a relative time inside a quotation counts from the day it was said -----------------------

def test_a_quoted_relative_time_counts_from_the_day_of_the_quote(ex):
    text = '"We hired 40 new drivers this week," Mayor Ilse Varn said last Friday.'
    d = _date(ex, text, "40", published="2026-03-12")
    assert (d.text, d.start, d.end) == ("this week", "2026-03-02", "2026-03-08")


def test_a_quoted_relative_time_without_a_day_counts_from_publication(ex):
    text = '"We hired 40 new drivers this week," Mayor Ilse Varn said.'
    d = _date(ex, text, "40", published="2026-03-12")
    assert (d.start, d.end) == ("2026-03-09", "2026-03-15")
    # outside the quotation, the day of saying does not move the expression
    text = 'The city hired 40 new drivers this week, Mayor Ilse Varn said last Friday.'
    assert _date(ex, text, "40", published="2026-03-12").start != "2026-03-02"


# -- coordinated clauses keep their own times ---------------------------------------------------

def test_the_time_of_a_coordinated_clause_does_not_date_the_other(ex):
    text = ("The 14 member towns of the Orla league face slower growth, and their joint budget will "
            "swing into deficit in 2027, the league said.")
    assert _date(ex, text, "14", published="2026-03-09").basis == "published"
    # a time of the figure's own clause still dates it
    text = "The league had 14 member towns in 2024, and its budget was balanced."
    assert _date(ex, text, "14", published="2026-03-09").text == "2024"


# -- a scene's day goes on through its paragraph --------------------------------------------------

def test_the_day_of_an_event_told_earlier_in_the_paragraph_dates_what_follows(ex):
    text = ("Ivo Brandt, 19, said he was arrested on May 18 outside his shop in Tamsin. An officer "
            "searched his coat until three bags fell out.\n")
    d = _date(ex, text, "three", published="2026-06-02")
    assert (d.text, d.start) == ("May 18", "2026-05-18")


def test_a_saying_day_or_a_present_figure_does_not_set_the_scene(ex):
    text = ("The mayor told reporters on May 18 that the plan was fair. The town has three ferries.\n")
    assert _date(ex, text, "three", published="2026-06-02").basis == "published"
    text = ("Ivo Brandt was arrested on May 18 outside his shop. The shop employs three people.\n")
    assert _date(ex, text, "three", published="2026-06-02").basis == "published"


# -- "released" sets people free as often as it publishes data ---------------------------------

def test_a_release_of_people_is_not_the_issue_of_a_report(ex):
    text = ("The Orla jail reported 12 releases in March, compared to 410 released from its cells in "
            "March 2024 under the old warden.")
    d = _date(ex, text, "410", published="2025-04-16")
    assert (d.text, d.start) == ("March 2024", "2024-03-01")


def test_the_release_day_of_a_report_still_dates_nothing(ex):
    text = "A projection released in October put the Orla harbour deficit at $4 million for 2026."
    assert _date(ex, text, "$4 million", published="2025-12-02").text != "October"


# -- "below", "above", "over" a baseline: the baseline's time is not the figure's ----------------

def test_the_time_of_a_baseline_after_below_or_over_does_not_date_the_figure(ex):
    text = ("Ferry crossings on Lake Orla fell to 8,120, the fewest ever counted and 25% below the "
            "previous record low set in 2009.")
    assert _date(ex, text, "25%", published="2026-02-10").text != "2009"
    text = "The Orla shelter took in 230 dogs, 15 percent over its cap of 200, which was reached on May 3."
    assert _date(ex, text, "15 percent", published="2026-06-10").text != "May 3"


def test_over_a_stretch_of_time_is_not_a_baseline(ex):
    text = "Repayments to the Orla fund totalled $40 million over the 2019-2023 period."
    d = _date(ex, text, "$40 million", published="2026-06-10")
    assert d.basis == "explicit" and text.index("2019-2023") <= d.text_start < text.index(" period")


def test_a_target_told_in_the_past_takes_the_day_gone_by(ex):
    text = "The Orla shelter took in 230 dogs, 15 percent over its cap of 200, which was reached on May 3."
    assert _date(ex, text, "200", published="2026-03-10").start == "2025-05-03"
    text = "The shelter must cut its intake to 200 dogs by May 3."
    assert _date(ex, text, "200", published="2026-03-10").start == "2026-05-03"


def test_a_headline_actual_figure_never_takes_a_date_after_publication(ex):
    text = ("Orla harbour holds $40M in reserve fund\n\n"
            "The Orla harbour fund will hold $40 million in 2031, the board said on Tuesday in its "
            "long-range plan for the lake.\n")
    head = _date(ex, text, "$40M", published="2026-03-10")
    assert head.start <= "2026-03-10"


def test_the_month_refers_past_a_month_named_only_for_comparison(ex):
    text = ("Orla ferries\n\n"
            "The harbour board of Lake Orla has put its traffic figures for the lake on its website.\n\n"
            "Ferry crossings reached 4,100 in March, the board said.\n\n"
            "That was 30% fewer than the crossings counted in March 2025.\n\n"
            "Pilots averaged 31 crossings a day during the month, the board said.\n")
    d = _date(ex, text, "31", published="2026-04-09")
    assert (d.start, d.end) == ("2026-03-01", "2026-03-31")
