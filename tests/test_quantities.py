"""Number expressions: values, bounds, units, changes, and what is not a quantity."""
import pytest

import claimex
from claimex.quantities import scan, with_units, words_to_number


def by_text(text):
    return {q.text: q for q in with_units(text, scan(text))}


@pytest.mark.parametrize("sentence, span, value, low, high, approx, unit", [
    ("Officers made 1,412 arrests.", "1,412", 1412, None, None, "exact", None),
    ("The fund holds $147 billion in cash.", "$147 billion", 147e9, None, None, "exact", "USD"),
    ("About 1.2 million people moved.", "About 1.2 million", 1.2e6, None, None, "approximate", None),
    ("The goal is a million homes.", "a million", 1e6, None, None, "exact", None),
    ("They caught six trout.", "six", 6, None, None, "exact", None),
    ("She baked two dozen rolls.", "two dozen", 24, None, None, "exact", None),
    ("Forty-six percent agreed.", "Forty-six percent", 46, None, None, "exact", "percent"),
    ("Quotas rose to 1,200 to 1,500 a day.", "1,200 to 1,500", None, 1200, 1500, "range", None),
    ("Between 10 and 20 boats sank.", "Between 10 and 20", None, 10, 20, "range", None),
    ("The plant has 1,200-1,500 workers.", "1,200-1,500", None, 1200, 1500, "range", None),
    ("It will cost $20 million to $40 million.", "$20 million to $40 million", None, 2e7, 4e7, "range", "USD"),
    ("Output of 1.2 to 1.5 million barrels.", "1.2 to 1.5 million", None, 1.2e6, 1.5e6, "range", "barrel"),
    ("At least 2,681 people were held.", "At least 2,681", None, 2681, None, "at_least", None),
    ("More than 300 schools closed.", "More than 300", None, 300, None, "more_than", None),
    ("The crowd was over 5,000 strong.", "over 5,000", None, 5000, None, "more_than", None),
    ("Nearly 50 people were inside.", "Nearly 50", None, None, 50, "at_most", None),
    ("Almost 70 percent voted.", "Almost 70 percent", None, None, 70, "at_most", "percent"),
    ("Up to 8 inches of snow fell.", "Up to 8", None, None, 8, "at_most", "inch"),
    ("Fewer than 40 seats remain.", "Fewer than 40", None, None, 40, "less_than", None),
    ("Roughly 1,000 homes lost power.", "Roughly 1,000", 1000, None, None, "approximate", None),
    ("Some 56 percent said no.", "Some 56 percent", 56, None, None, "approximate", "percent"),
    ("An estimated 30,000 fans came.", "An estimated 30,000", 30000, None, None, "approximate", None),
    ("Sales fell 4.5 pct in May.", "4.5 pct", 4.5, None, None, "exact", "percent"),
    ("The firm lost 1.5m last year.", "1.5m", 1.5e6, None, None, "exact", None),
    ("A $3bn deal was signed.", "$3bn", 3e9, None, None, "exact", "USD"),
    ("About 12k runners entered.", "About 12k", 12000, None, None, "approximate", None),
    ("Exports were 14.8 billion dlrs.", "14.8 billion dlrs", 14.8e9, None, None, "exact", "USD"),
    ("The deficit was 600 mln dlrs.", "600 mln dlrs", 6e8, None, None, "exact", "USD"),
    ("A grant of 2.1 billion euros.", "2.1 billion euros", 2.1e9, None, None, "exact", "EUR"),
    ("It paid £40m for repairs.", "£40m", 4e7, None, None, "exact", "GBP"),
    ("The mine sold for C$40 million.", "C$40 million", 4e7, None, None, "exact", "CAD"),
    ("The bonds raised USD 40 million.", "USD 40 million", 4e7, None, None, "exact", "USD"),
    ("Two in three voters agreed.", "Two in three", 66.67, None, None, "exact", "percent"),
    ("Eight of 10 residents agreed.", "Eight of 10", 80, None, None, "exact", "percent"),
    ("$4 of every $5 goes to schools.", "$4 of every $5", 80, None, None, "exact", "percent"),
    ("Nearly three in five said so.", "Nearly three in five", None, None, 60, "at_most", "percent"),
    ("He led by 4.9 percentage points.", "4.9 percentage points", 4.9, None, None, "exact", "percent"),
    ("The road runs 2,300 miles.", "2,300", 2300, None, None, "exact", "mile"),
    ("The fire burned 40 acres.", "40", 40, None, None, "exact", "acre"),
    ("Residents aged 45 or older.", "45 or older", None, 45, None, "at_least", None),
    ("She works 35-plus hours.", "35-plus", None, 35, None, "at_least", None),
    ("Tens of thousands marched.", "Tens of thousands", None, None, None, "vague", None),
    ("A few hundred people stayed.", "A few hundred", None, None, None, "vague", None),
    ("The measure could not break 50 percent.", "50 percent", 50, None, None, "exact", "percent"),
])
def test_values(sentence, span, value, low, high, approx, unit):
    q = by_text(sentence)[span]
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert (got is None and want is None) or got == pytest.approx(want, rel=1e-6), (q, value, low, high)
    assert (q.approx, q.unit) == (approx, unit)
    assert sentence[q.start:q.end] == q.text


def test_vote_tally_is_two_claims():
    qs = by_text("The House passed it 220-207 on Friday.")
    assert qs["220"].value == 220 and qs["207"].value == 207


@pytest.mark.parametrize("sentence", [
    "The meeting on May 21 ran long.",
    "It happened on Jan. 26, 2025, downtown.",
    "In 2015 the law changed.",
    "The bus leaves at 10 a.m. sharp.",
    "Doors open at 7:30 tonight.",
    "Members of MS-13 were charged.",
    "Officials cited Title 42 at the border.",
    "Cases of COVID-19 fell.",
    "Traffic on I-95 stalled.",
    "The 9/11 memorial opened.",
    "Workers moved their 401(k) savings.",
    "He finished third, the second-largest margin.",
    "Call 555-0142 for details.",
    "One of the officers spoke, but no one listened.",
    "Leaders of the Group of 20 met.",
    "The One Fair Harbor Act passed.",
    "A 34-year-old man was hurt.",
    "<tweet id=\"672137288055398401\">Storm news</tweet>",
    "The story ran in the 1990s.",
    "By Orla Vantrell | Updated 2 hours ago\nPosted 3 hours ago",
])
def test_not_quantities(ex, sentence):
    assert ex.quantities(sentence) == []


def test_change_directions():
    qs = {q.text: q for q in claimex.quantities("Arrests rose 20% in March, after a $3 billion cut and an increase of 400 jobs.")}
    assert qs["20%"].change == "up"
    assert qs["$3 billion"].change == "down"
    assert qs["400"].change == "up"
    level = {q.text: q for q in claimex.quantities("Prices rose to $3 billion from $2 billion.")}
    assert level["$3 billion"].change is None


def test_words_to_number():
    assert words_to_number("three hundred fifty thousand") == 350000
    assert words_to_number("forty-six") == 46
    assert words_to_number("a million") == 1e6
    assert words_to_number("banana") is None


def test_offsets_index_the_text_as_given(ex):
    text = "  \n\u00a0Café owners said 1,234 customers came, up 5%."
    for q in ex.quantities(text):
        assert text[q.start:q.end] == q.text


def test_huge_numbers_are_null_not_inf():
    q = scan("It was " + "9" * 5000 + " dollars")[0]
    assert q.value is None
    q = scan("It cost $1" + "0" * 400)[0]
    assert q.value is None
    import math

    big = "9" * 300  # a float, until a scale word or a range multiplies it past the largest one
    for text in (f"It cost ${big} trillion.", f"From {big} to {big} trillion.", f"Between 1 and {big} trillion.",
                 f"Some {big}.5 billion percent.", f"{big} cents"):
        qs = scan(text)
        assert qs, text[:30]
        for q in qs:
            for v in (q.value, q.low, q.high):
                assert v is None or math.isfinite(v), (text[:30], q.text[:30], v)
    assert words_to_number("hundred " * 200) is None  # 1e400 in words
    assert all(q.value is None or math.isfinite(q.value) for q in scan("a " + "hundred " * 200 + "dollars"))


def test_quantulum_misreadings_do_not_pass(ex):
    qs = ex.quantities("Quotas rose to 1,200 to 1,500 amid complaints after the May 21 meeting in 2025.")
    assert [(q.text, q.low, q.high, q.unit) for q in qs] == [("1,200 to 1,500", 1200, 1500, None)]


def test_quantulum_names_physical_units():
    from claimex.quantities import physical_unit

    assert physical_unit("8 kilometres of road", 1)[0] == "kilometer"
    assert physical_unit("winds of 40 knots", 11)[0] == "knot"   # not in our lexicon: quantulum3 reads it
    assert physical_unit("5 fathoms deep", 1)[0] == "fathom"
    assert physical_unit("5 people", 1)[0] is None


def test_a_paragraph_opening_with_by_is_not_a_byline():
    assert [q.text for q in scan("By Friday, crews had cleared 300 roads.")] == ["300"]


@pytest.mark.parametrize("sentence, span, change", [
    ("The index lost 300 points.", "300", "down"),
    ("Employers added 200,000 jobs in May.", "200,000", "up"),
    ("The rate was raised by 25 basis points.", "25", "up"),
    ("The group raised $16 million.", "$16 million", None),
    ("Agents made 956 arrests.", "956", None),
    ("The S&P 500 was down 2.1% on Monday.", "2.1%", "down"),
    ("Shares jumped 12 percent to $45.", "$45", None),
])
def test_change_through_the_counted_noun(sentence, span, change):
    qs = {q.text: q for q in claimex.quantities(sentence)}
    assert qs[span].change == change


@pytest.mark.parametrize("sentence, span, approx, value, high", [
    # a phrasal verb's particle, split from it by the object: "to N" is the level reached
    ("The bakery revised its second-quarter sales up to $2.4 million on Friday.", "$2.4 million", "exact", 2.4e6, None),
    ("Regulators pushed the fee up to 6 percent.", "6 percent", "exact", 6, None),
    # a bound: "up to" right after the verb, after its own preposition, or after a verb of giving
    ("The ferry can carry up to 80 cars.", "up to 80", "at_most", None, 80),
    ("The clinic raised capacity to up to 45 beds.", "up to 45", "at_most", None, 45),
    ("The grant gives families up to $700.", "up to $700", "at_most", None, 700),
])
def test_up_to_is_a_bound_unless_a_particle(ex, sentence, span, approx, value, high):
    q = next(q for q in ex.extract(sentence) if q.quantity.text == span).quantity
    assert (q.approx, q.value, q.high) == (approx, value, high)


@pytest.mark.parametrize("sentence, spans", [
    # two close ends in one unit after a change verb: one range, with or without "by"
    ("Orders are expected to grow 4% to 5% next year.", ["4% to 5%"]),
    ("Orders are expected to grow by 4% to 5% next year.", ["4% to 5%"]),
    # a change and the level it reached
    ("Orders rose 4% to $9 million.", ["4%", "$9 million"]),
    ("Turnout fell 2% to 40%.", ["2%", "40%"]),
])
def test_change_and_level_or_range(sentence, spans):
    assert [q.text for q in claimex.quantities(sentence)] == spans
