"""The measure, kind and rate rules one class at a time, on sentences of our own."""
import pytest

from conftest import one


# measure: the governing predicate first, then a noun on the left, then the clause
@pytest.mark.parametrize("text, needle, measure", [
    # change and level verbs measure what they change: the object, else the subject
    ("The council cut library budgets by 12%.", "12%", "library budget"),
    ("Parking fines rose to $65 last spring.", "$65", "parking fine"),
    ("Ferry tickets climbed to $9 from $7.", "$7", "ferry ticket"),
    # money with no money noun of its own takes the noun of its verb
    ("The harbor company was fined $3 million.", "$3 million", "fine"),
    ("The agency touts $40 million in savings.", "$40 million", "saving"),
    ("The county will withhold $2 million from the district.", "$2 million", "funding"),
    ("The city set aside $5 million for fiscal year 2027.", "$5 million", "funding"),
    ("The fee was set at $90.", "$90", "fee"),
    # a time is not what changed
    ("Freight volumes showed a 1.4 pct dip in March.", "1.4 pct", "dip"),
    # a bare count of people by what happened to them
    ("At least 12 dead after ferry capsizes", "At least 12", "people"),
    ("The storm killed 14 and injured 30 more.", "14", "people"),
    # a fronted partitive names what is counted
    ("Of those applicants, 120 were approved.", "120", "applicant"),
    # a change noun names what changed, and stands for itself when nothing is named
    ("Orders fell to 310, a 9% drop from March.", "9%", "order"),
    ("The forecast calls for a 9% drop from March.", "9%", "drop"),
    ("Thefts rose by 14% in the north.", "14%", "theft"),
    # the number's own head, not an article or adjective in front of it
    ("An estimated 3,000 volunteers were working in the county.", "An estimated 3,000", "volunteer"),
    # an apposition restates a noun on its left
    ("Three of the 20 towns saw an increase in thefts — 16% in Millbrook and 4% in Ashford.", "4%", "theft"),
    # a relative clause states an amount of its antecedent
    ("The county debt, which is more than $9 billion, keeps growing.", "more than $9 billion", "county debt"),
    # a level set or estimated in the passive measures the subject
    ("Growth was forecast at 2.5 pct for next year.", "2.5 pct", "growth"),
    # the head of a compound or possessive the number sits in; not a hyphenated modifier
    ("Inspectors reported zero parole releases in May.", "zero", "parole release"),
    ("The state failed to revoke 900 drivers' licenses.", "900", "license"),
    ("A three-judge panel heard the case.", "three", "judge"),
    ("Twelve of the injured were children.", "Twelve", "people"),
    # multipliers
    ("About three times as many girls enrolled this fall.", "About three times", "girl"),
    ("The nurse gave the vaccine 80 times last month.", "80 times", "time"),
])
def test_measure_rules(ex, text, needle, measure):
    assert one(ex, text, needle).measure == measure


def test_poll_share_takes_the_polls_respondents(ex):
    text = ("A survey of 900 registered voters came out Monday. 48% said they back the levy, "
            "41% opposed it and 11% were unsure.")
    assert one(ex, text, "48%").measure == "voter"
    assert one(ex, text, "11%").measure == "voter"


def test_poll_share_without_a_named_population(ex):
    assert one(ex, "In the new survey, 52% said they trust the council.", "52%").measure == "respondent"


def test_elliptical_number_continues_its_sentence(ex):
    c = one(ex, "Ticket sales rose 8% in May and 5% in June.", "5%")
    assert c.measure == "ticket sale"


def test_measure_is_borrowed_within_a_paragraph_only(ex):
    near = "Crews planted 400 trees in the park. By noon 90 were in the ground."
    assert one(ex, near, "90").measure == "tree"
    far = "Crews planted 400 trees in the park.\n\nBy noon 90 were in the ground."
    assert one(ex, far, "90").measure is None


def test_far_away_measure_is_not_borrowed(ex):
    filler = " ".join(["The committee met again on the matter of the harbor lights."] * 25)
    text = "Crews planted 400 trees in the park. " + filler + " Nobody expected 7 to show."
    assert one(ex, text, "7").measure != "tree"


# rate: periods built into units, distributives, rate words on the subject
@pytest.mark.parametrize("text, needle, rate", [
    ("The refinery ran at 2.1 mln bpd in May.", "2.1 mln bpd", "day"),
    ("She was paid $450 per week from the county fund.", "$450", "week"),
    ("About 3,000 visitors arrive in the valley each year.", "About 3,000", "year"),
    ("Her monthly rent climbed to $2,100.", "$2,100", "month"),
    ("Daily ridership is 40,000 on the new line.", "40,000", "day"),
    ("The town recorded six straight years of 150 burglaries.", "150", "year"),
    ("Nearly 70 percent of daily ferry traffic was halted.", "Nearly 70 percent", None),
    ("Forty towns that report monthly figures joined the survey.", "Forty", None),
    ("The shop is in its eighth straight month of zero layoffs.", "zero", None),
])
def test_rate_rules(ex, text, needle, rate):
    assert one(ex, text, needle).rate == rate


# kind: who sets the figure, the modal's sense, goal and forecast cues, and whether the number is what
# the clause asserts or only a participant
@pytest.mark.parametrize("text, needle, kind", [
    # terms a law or authority sets
    ("The minimum wage will rise to $16 by 2029.", "$16", "target"),
    ("The sales tax is being cut to 5.5%.", "5.5%", "target"),
    ("Filing fees are to be raised to $90.", "$90", "target"),
    ("The target range would be 3 to 5 pct next year.", "3 to 5 pct", "target"),
    # decisions, pledges, demands
    ("The trustees voted to close 14 branches.", "14", "target"),
    ("The mayor has committed to hiring 500 nurses.", "500", "target"),
    ("The senator called for school funding to be raised to $4 billion.", "$4 billion", "target"),
    ("The union asked for $12 million in back pay.", "$12 million", "target"),
    ("The coalition announced plans to give $15 million to the shelter.", "$15 million", "target"),
    ("The tenants' demands include cutting rents by 10%.", "10%", "target"),
    ("$1.2 million to repave 40 miles of road.", "40", "target"),
    ("The foundation will donate $3 million.", "$3 million", "target"),
    ("More than $6 million in grants would be withheld.", "More than $6 million", "target"),
    ("The shelter cap of 15,000 beds was reached in May.", "15,000", "target"),
    ("Library board to close 14 branches", "14", "target"),
    ("Clinic spending must fall by 20% next year.", "20%", "target"),
    ("Every applicant must pay a $300 fee.", "$300", "actual"),
    # forecasts without a modal
    ("The bank sees inflation at 4% next year.", "4%", "forecast"),
    ("The agency saw fuel prices dropping to $3 by winter.", "$3", "forecast"),
    ("Exports are projected by the ministry to reach $30 billion.", "$30 billion", "forecast"),
    ("The institute raised its growth forecast to 3.4%.", "3.4%", "forecast"),
    ("The fund edged up its outlook to 2.9 percent.", "2.9 percent", "forecast"),
    ("The new levies should yield $80 million next year.", "$80 million", "forecast"),
    ("The institute cut its growth forecast to 2.1% from 2.6%.", "2.6%", "forecast"),
    ("The deficit looked likely to fall to $90 billion in 2031.", "$90 billion", "forecast"),
    ("Cuts of up to $40 million are possible.", "up to $40 million", "forecast"),
    ("The budget office estimated that the jets could cost $9 billion.", "$9 billion", "forecast"),
    ("Lenders doubt the projected county commitment of $3 billion.", "$3 billion", "forecast"),
    ("Prices rose 4%, above the 3% increase that economists had expected.", "3%", "forecast"),
    # existing figures and baselines stay actual
    ("The governor wants to freeze the $40 million fund.", "$40 million", "actual"),
    ("The board will meet the 12 counties that sued.", "12", "actual"),
    ("The 322-foot tower will send signals to four towns.", "322", "actual"),
    ("Output will grow 3% in 2031 after a 2.1% gain last year.", "2.1%", "actual"),
    ("The index will rise to 140 from 120.", "120", "actual"),
    ("The case will be heard by 9 judges.", "9", "actual"),
    ("The utilities will argue against the county, 18 towns and two unions.", "18", "actual"),
    ("Firms would owe $50 billion if offshore profits were taxed.", "$50 billion", "actual"),
    ("Managers would not be allowed to earn above $5 million.", "above $5 million", "actual"),
    ("Millbrook saw a 41% decline in burglaries.", "41%", "actual"),
    ("I saw about 20 people running from the smoke.", "about 20", "actual"),
    # plain will/would on a measured amount stays a forecast
    ("Ridership will reach 2 million by 2030.", "2 million", "forecast"),
])
def test_kind_rules(ex, text, needle, kind):
    assert one(ex, text, needle).kind == kind


def test_kind_of_a_breakdown_follows_its_total(ex):
    text = "The league urged clubs to cut ticket prices to $20 — $15 for children and $10 for students."
    assert one(ex, text, "$20").kind == "target"
    assert one(ex, text, "$15").kind == "target"
    assert one(ex, text, "$10").kind == "target"


# a physical unit names no thing: what is measured is the subject of the level verb, else the last
# thing measured in that unit nearby
@pytest.mark.parametrize("text, needle, measure", [
    ("The Dunmore River rose 9 feet overnight.", "9", "river"),
    ("The Dunmore River rose 9 feet overnight, cresting at 18.5 feet near Belcastle.", "18.5", "river"),
    ("The reservoir crested at 41 feet in 2012.", "41", "reservoir"),
    ("The lake crested at 19 feet in 2011; in 2018, at 17 feet; and in 2021, at 16 feet.", "16", "lake"),
    ("The ridge station logged 6.2 inches of snow. Plow crews had planned for 3 inches.", "3", "snow"),
])
def test_unit_is_not_the_measure(ex, text, needle, measure):
    assert one(ex, text, needle).measure.lower() == measure


def test_unit_stands_when_nothing_measured_in_it_is_named(ex):
    assert one(ex, "The hikers walked 12 miles before dark.", "12").measure == "mile"


# a frame noun (forecast, range, goal, peak...) is not what is counted: it points to what it frames
@pytest.mark.parametrize("text, needle, measure", [
    ("The brewer raised its forecast for malt costs to $410 a ton.", "$410", "malt cost"),
    ("The mill raised its estimate for lumber output to 900 tons.", "900", "lumber output"),
    ("The growth forecast of 2.4 pct was kept.", "2.4 pct", "growth"),
    ("Ferry riders numbered 8,200 in May, well under the peak of 11,000 in 2019.", "11,000", "ferry rider"),
    ("The bakery now sees revenue of $40 million, above a previous range of $30 million to $35 million.",
     "$30 million to $35 million", "revenue"),
    ("Crews must cut breakdowns another 10% to meet the county's goal of fewer than 50 a year.",
     "fewer than 50", "breakdown"),
])
def test_frame_noun_points_to_what_it_frames(ex, text, needle, measure):
    assert one(ex, text, needle).measure == measure


# a bare change noun in a clause that names what changed measures that thing; a noun of another
# participant ("a poll of 30 bankers") is not what changed
@pytest.mark.parametrize("text, needle, measure", [
    ("Ridership should grow 4% this year after a 9% gain in 2024.", "9%", "ridership"),
    ("Inspectors logged 410 complaints in March, marking a 12% rise from February.", "12%", "complaint"),
    ("Shipments fell to 2,300, a 15% decline from a year earlier.", "15%", "shipment"),
    ("A poll of 30 bankers produced a forecast of a 5% decline.", "5%", "decline"),
    ("Wool prices climbed 3% on Monday. Traders had expected a 2% gain.", "2%", "gain"),
])
def test_change_noun_takes_what_its_clause_names(ex, text, needle, measure):
    assert one(ex, text, needle).measure == measure


@pytest.mark.parametrize("text, needle, kind", [
    # "more", "another", "additional" count things that do not exist yet: no existing party
    ("Eight more stations will open by the end of September.", "Eight", "forecast"),
    ("Another 40 officers will join the force next year.", "40", "forecast"),
])
def test_added_units_under_will_are_not_existing_parties(ex, text, needle, kind):
    assert one(ex, text, needle).kind == kind


@pytest.mark.parametrize("text, needle, kind", [
    # a figure its own time puts after publication is not a fact yet: the word before the time decides
    ("The county's plan has 9,000 trees along its streets by 2031.", "9,000", "target"),
    ("The bank sees inflation at 1.9% in 2031.", "1.9%", "forecast"),
    ("Fares rise to $3 starting in 2030.", "$3", "target"),
    # a sum for a period stays actual
    ("The council set aside $9 million in the budget for fiscal year 2029.", "$9 million", "actual"),
])
def test_actual_figures_dated_after_publication(ex, text, needle, kind):
    assert one(ex, text, needle, published="2026-07-08").kind == kind
