"""measure, category, rate, kind, hedged and negated, on sentences of our own."""
import pytest

from conftest import one


@pytest.mark.parametrize("text, needle, measure", [
    ("Police said they made 412 arrests on Friday.", "412", "arrest"),
    ("The state set aside $2.5 billion in funding for roads.", "$2.5 billion", "funding"),
    ("Some 56 percent of nurses backed the deal.", "Some 56 percent", "nurse"),
    ("Two of the company's engineers resigned.", "Two", "engineer"),
    ("Voter turnout dropped 12 percent in the county.", "12 percent", "turnout"),
    ("The average cost of a permit is $310.", "$310", "cost"),
    ("The campaign spent $3.4 million on radio spots.", "$3.4 million", "spending"),
    ("The county spent $900,000 last year.", "$900,000", "spending"),
    ("The harvest came to about 5.6 million tons of wheat.", "about 5.6 million", "wheat"),
    ("Crews cleared 30 miles of highway.", "30", "highway"),
    ("The unemployment rate of 4.9% was the lowest since 2001.", "4.9%", "unemployment rate"),
    ("Factory orders posted a 4 pct drop in orders for machinery.", "4 pct", "order"),
])
def test_measure(ex, text, needle, measure):
    assert one(ex, text, needle).measure == measure


def test_elliptical_number_takes_the_sentence_measure(ex):
    text = "The clinic handled 200 vaccinations a day last month and is now targeting 500 per day."
    assert one(ex, text, "500").measure == "vaccination"


def test_category_from_the_lexicon(ex):
    assert one(ex, "Agents made 88 arrests at the site.", "88").category == "arrests"
    assert one(ex, "The ministry reported 14 deaths.", "14").category == "deaths"
    assert one(ex, "The stadium has 300 pillars.", "300").category is None


def test_category_lexicon_can_be_replaced(tmp_path, nlp):
    import json
    import spacy

    path = tmp_path / "cats.json"
    path.write_text(json.dumps({"architecture": ["pillar"]}))
    local = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=["claimex"])
    local.add_pipe("claimex", config={"categories": str(path)})
    doc = local("The stadium has 300 pillars.")
    assert doc._.claims[0]["category"] == "architecture"


@pytest.mark.parametrize("text, needle, rate", [
    ("Inspectors should complete 75 inspections per day.", "75", "day"),
    ("The goal is a million deportations a year.", "a million", "year"),
    ("The plant produces 400 tons daily.", "400", "day"),
    ("Dues rise $4 a month next year.", "$4", "month"),
    ("The program costs $30 million annually.", "$30 million", "year"),
    ("The daily quota of 1,000 tickets was met.", "1,000", "day"),
    ("The shop opened 20 stores a year ago.", "20", None),
    ("Volunteers delivered 300 meals.", "300", None),
])
def test_rate(ex, text, needle, rate):
    assert one(ex, text, needle).rate == rate


@pytest.mark.parametrize("text, needle, kind", [
    ("Agents made 956 arrests on Sunday.", "956", "actual"),
    ("Each inspector should complete 75 inspections per day.", "75", "target"),
    ("The city wants to hire 500 teachers.", "500", "target"),
    ("The governor promised to build 10,000 homes.", "10,000", "target"),
    ("The agency aims to process 3,000 cases a week.", "3,000", "target"),
    ("The union's goal of 20,000 members is far off.", "20,000", "target"),
    ("The plan calls for 40 new buses.", "40", "target"),
    ("Ridership will reach 2 million by 2027.", "2 million", "forecast"),
    ("Economists expect growth of 2.5 percent.", "2.5 percent", "forecast"),
    ("Sales are projected to hit $4 billion.", "$4 billion", "forecast"),
    ("Income should rise 0.5 percent next month.", "0.5 percent", "forecast"),
    ("Support could reach 40 percent of voters by 2028.", "40 percent", "forecast"),
    ("The losses could top $5 million.", "$5 million", "actual"),
    ("The bill could not break 50 percent.", "50 percent", "actual"),
    ("The repairs would have cost $85,000.", "$85,000", "actual"),
    ("Forty percent would back the levy if the vote were held today.", "Forty percent", "actual"),
    ("She was the target of $480,000 in attack ads.", "$480,000", "actual"),
])
def test_kind(ex, text, needle, kind):
    assert one(ex, text, needle).kind == kind


def test_ceiling_after_negation(ex):
    c = one(ex, "The measure could not break 50 percent.", "50 percent")
    assert c.negated and c.quantity.approx == "less_than" and c.quantity.high == 50


@pytest.mark.parametrize("text, needle, hedged", [
    ("The gang reportedly stole 40 cars.", "40", True),
    ("He allegedly took $2 million.", "$2 million", True),
    ("An estimated 3,000 people attended.", "An estimated 3,000", True),
    ("About 60 homes flooded, according to reports.", "About 60", True),
    ("Crews repaired 60 homes.", "60", False),
])
def test_hedged(ex, text, needle, hedged):
    assert one(ex, text, needle).hedged is hedged


@pytest.mark.parametrize("text, needle, negated", [
    ("ICE did not make 956 arrests that day.", "956", True),
    ("The team never reached 1,000 members.", "1,000", True),
    ("The team reached 1,000 members.", "1,000", False),
])
def test_negated(ex, text, needle, negated):
    assert one(ex, text, needle).negated is negated


@pytest.mark.parametrize("text, needle, kind", [
    ("The state offered a grant of $5 million to rebuild 12 bridges.", "12", "target"),
    ("She said the goal is 2,900 officers by 2027.", "2,900", "target"),
    ("The province will raise its tax rate to 17 pct from 13 pct.", "17 pct", "target"),
    ("The province will raise its tax rate to 17 pct from 13 pct.", "13 pct", "actual"),
    ("Fewer than 20 of the state's 180 districts would lose aid.", "180", "actual"),
    ("Among those held were six men wanted on warrants and two dozen people suspected of fraud.", "two dozen",
     "actual"),
    ("The budget forecasts the deficit to be 1.9 billion dlrs.", "1.9 billion dlrs", "forecast"),
    ("Analysts gave projections ranging from a loss of two billion dlrs.", "two billion dlrs", "forecast"),
])
def test_kind_more(ex, text, needle, kind):
    assert one(ex, text, needle).kind == kind


def test_headline_is_its_own_sentence(ex):
    text = "CITY SETS TAX RISE\n\nThe city will raise its tax rate to 15 pct."
    c = one(ex, text, "15 pct")
    assert c.sentence.text == "The city will raise its tax rate to 15 pct."
    assert c.kind == "target"
