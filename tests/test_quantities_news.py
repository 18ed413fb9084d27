"""News-style quantity parsing, one table per class: every quantity a sentence holds, with its
value or bounds, unit and change, and nothing else (identifiers, list markers, articles).

All sentences are invented. ``python tests/test_quantities_news.py`` prints the pass rate per class.
"""
from __future__ import annotations

import math
import sys
from typing import Any, Optional

import pytest

ANY = object()  # the unit is not checked


def V(value: float, unit: Any = ANY, change: Optional[str] = None) -> dict:
    return {"value": value, "low": None, "high": None, "unit": unit, "change": change}


def R(low: float, high: float, unit: Any = ANY, change: Optional[str] = None) -> dict:
    return {"value": None, "low": low, "high": high, "unit": unit, "change": change}


def GE(low: float, unit: Any = ANY, change: Optional[str] = None) -> dict:
    return {"value": None, "low": low, "high": None, "unit": unit, "change": change}


def LE(high: float, unit: Any = ANY, change: Optional[str] = None) -> dict:
    return {"value": None, "low": None, "high": high, "unit": unit, "change": change}


CASES: dict[str, list[tuple[str, list[dict]]]] = {
    "glued units and currencies": [
        ("The Veltra X2 phone ships with 512GB of storage.", [V(512, "gigabyte")]),
        ("Its charger delivers 45W, up from 25W.", [V(45, "watt"), V(25, "watt")]),
        ("Korvane's latest round brought in USD40m.", [V(4e7, "USD")]),
        ("The miner's debt stood at $US90 million.", [V(9e7, "USD")]),
        ("A plate of noodles now costs RM45 in the capital.", [V(45, "MYR")]),
        ("Retail sales grew 3pc in the quarter.", [V(3, "percent", "up")]),
        ("The engine produces 380 Nm of torque.", [V(380, "newton meter")]),
        ("The sedan's motor makes 250kW.", [V(250, "kilowatt")]),
        ("The bank lent Rs 4,500 crore to the builder.", [V(4.5e10, "INR")]),
        ("Shares closed at 512p in Hartwell.", [V(512, "GBX")]),
        ("The council approved a €2.5bn plan.", [V(2.5e9, "EUR")]),
        ("The tablet weighs 480g and has a 12mm frame.", [V(480, "gram"), V(12, "millimeter")]),
        ("The plant will cost $1.2T by the end.", [V(1.2e12, "USD")]),
        ("The drive holds 2TB and reads at 7,000MB/s.", [V(2, "terabyte"), V(7000, ANY)]),
        ("The firm sold A$300m of bonds.", [V(3e8, "AUD")]),
        ("The battery lasts 30 hrs on a charge.", [V(30, ANY)]),
        ("Entry costs Rs.500 for adults.", [V(500, "INR")]),
        ("The fund put Rmb3bn into chips.", [V(3e9, "CNY")]),
        ("The flat measures 1,000sqft.", [V(1000, "square foot")]),
        ("The stock trades at 3.5x earnings.", [V(3.5)]),
        ("The 3D film ran on 4G phones in the 1990s.", []),
    ],
    "negative numbers": [
        ("Overnight it fell to minus 12 degrees in Orlen.", [V(-12, "degree")]),
        ("The index moved -0.8% on Tuesday.", [V(-0.8, "percent", "down")]),
        ("Net arrivals were between −4,000 and −19,000 last year.", [R(-19000, -4000)]),
        ("Lows of -5°C are expected tonight.", [V(-5, "degree")]),
        ("Real wages changed by -1.2 percent.", [V(-1.2, "percent", "down")]),
    ],
    "identifiers": [
        ("Fans lined up for the Quorvex 15 launch in Karlstad.", []),
        ("Forecasters warned of a category 3 storm.", []),
        ("The Stoxx 600 index ended flat.", []),
        ("Readers can call 1-800-555-0199 for help.", []),
        ("Those in crisis can call 988 at any hour.", []),
        ("She boarded flight 2291 to Perth.", []),
        ("He rode train 6 to the coast.", []),
        ("The office is at 4410 Tenbury Avenue in Brenton.", []),
        ("The clinic moved to 12-20 Harbor Street.", []),
        ("Use the code SAVE20 at checkout.", []),
        ("The GLP\u20111 drugs sold well.", []),
        ("He flew on Harbor Force One with two aides.", [V(2)]),
        ("A memo dated Dec.1 reached the office.", []),
        ("The 2024-25 budget passed.", []),
        ("It was the worst attack since pre-9/11 days.", []),
        ("The rule covers riders between the ages of 18 and 25.", []),
        ("Mara Velt, 41, of Dunmore, said she was relieved.", []),
    ],
    "list markers and timestamps": [
        ("1. Preheat the oven.\n2. Whisk the eggs.", []),
        ("Step 2: Add the flour.", []),
        ("The inspector left five weeks ago.", []),
        ("Posted 3 days ago", []),
    ],
    "one as an article": [
        ("One resident said the water tasted odd.", []),
        ("One analyst said the deal was fair.", []),
        ("Here is one example of the problem.", []),
        ("Officials found one case of fraud and two others remain open.", [V(1), V(2)]),
        ("Only one senator voted against the bill.", [V(1)]),
        ("He pleaded guilty to one count of fraud.", [V(1)]),
        ("The crash left one man dead.", [V(1)]),
        ("One teen died of her injuries.", [V(1)]),
        ("The kick fell one yard short.", [V(1, "yard")]),
        ('"We will see," one trader said.', []),
        ("At one point the crowd went quiet.", []),
        ("The station aired a \"60 Minutes\" rerun.", []),
    ],
    "fractions": [
        ("A quarter of the pupils were absent.", [V(25, "percent")]),
        ("Stir in 3/4 cup of milk.", [V(0.75, "cup")]),
        ("About two-thirds of the budget goes to roads.", [V(66.67, "percent")]),
        ("The district has more than half a million households.", [GE(5e5)]),
        ("Six out of every 10,000 cars failed the test.", [V(0.06, "percent")]),
        ("More than three-quarters of voters agreed.", [GE(75, "percent")]),
        ("Fees stayed under half of 1 percent.", [LE(0.5, "percent")]),
        ("Nine of 13 wards reported gains.", [V(69.23, "percent")]),
        ("It rained 2 1/2 inches overnight.", [V(2.5, "inch")]),
        ("Target growth is 4-1/2 to 6-1/2 pct.", [R(4.5, 6.5, "percent")]),
        ("Death rates were four and a half times higher.", [V(4.5)]),
        ("About 7 out of every 100,000 people caught it.", [V(0.007, "percent")]),
        ("That is more than 2/3 the cost of the bridge.", [GE(66.67, "percent")]),
        ("Nearly one in five homes flooded.", [LE(20, "percent")]),
        ("The mill employs one and a half thousand people.", [V(1500)]),
        ("The fair drew a half-million visitors.", [V(5e5)]),
        ("The bank made a quarter-point cut.", [V(0.25, "percent")]),
        ("The city has a million and a half residents.", [V(1.5e6)]),
        ("He served a quarter-century in the post.", []),
        ("The first half-hour was calm.", []),
    ],
    "scale words in words": [
        ("The scheme cost 6 hundred million pounds.", [V(6e8)]),
        ("Organisers expect seven to eight thousand visitors.", [R(7000, 8000)]),
        ("The fund has two point five billion dollars.", [V(2.5e9, "USD")]),
        ("The town spent a hundred and twenty thousand dollars.", [V(120000, "USD")]),
        ("Visits rose tenfold last year.", [V(10, ANY, "up")]),
    ],
    "scientific notation": [
        ("The sample held 3.2e6 cells per millilitre.", [V(3.2e6)]),
        ("The star is 4.5 x 10^9 years old.", [V(4.5e9)]),
        ("Each chip has 1.5×10^10 transistors.", [V(1.5e10)]),
    ],
    "years are not a mask over quantities": [
        ("The developer bought a 1750 sq m site.", [V(1750, "square meter")]),
        ("The farm spans 2000 hectares.", [V(2000, "hectare")]),
        ("Some 1900 workers walked out.", [V(1900)]),
        ("The law dates from 1994.", []),
    ],
    "change direction": [
        ("The index lost 120 points, or 0.4%, on Friday.", [V(120, ANY, "down"), V(0.4, "percent", "down")]),
        ("The shares gained 35 cents, or 2.1 percent.", [V(0.35, "USD", "up"), V(2.1, "percent", "up")]),
        ("Output was +3.2% on the year.", [V(3.2, "percent", "up")]),
        ("Profit rose 12% to $4 million.", [V(12, "percent", "up"), V(4e6, "USD")]),
        ("Rents fell 3 percent in March.", [V(3, "percent", "down")]),
        ("Costs rose 2-3% this year.", [R(2, 3, "percent", "up")]),
        ("Profit was 5% higher in the spring.", [V(5, "percent", "up")]),
        ("Fares are now $2 cheaper.", [V(2, "USD", "down")]),
        ("The shares ended 3 percent lower than at the open.", [V(3, "percent", "down")]),
        ("It hit 40 percent, up from 35 percent.", [V(40, "percent"), V(35, "percent")]),
        ("The bank cut its forecast by 0.3 points to 2.9 percent.",
         [V(0.3, "percent", "down"), V(2.9, "percent")]),
        ("The fund raised its estimate by 0.2 percentage points to 3.1 percent.",
         [V(0.2, "percent", "up"), V(3.1, "percent")]),
        ("Analysts expect payrolls to grow by 150,000 to 180,000.", [R(150000, 180000, None, "up")]),
        ("Turnover fell by 3 to 5 percent.", [R(3, 5, "percent", "down")]),
    ],
    "bounds": [
        ("Turnout was ~80% in the north.", [V(80, "percent")]),
        ("The debt is nearing $20 trillion.", [LE(2e13, "USD")]),
        ("Donations surged past $1B this week.", [GE(1e9, "USD")]),
        ("Every home within 100 miles lost power.", [LE(100, "mile")]),
        ("Output could fall as low as 2.5 mln barrels.", [GE(2.5e6, "barrel")]),
        ("The festival drew 9,000+ visitors.", [GE(9000)]),
        ("It is a $20 billion-plus project.", [GE(2e10, "USD")]),
        ("Nearly 95% of the forms were late.", [LE(95, "percent")]),
        ("Sales topped 2 million units.", [GE(2e6)]),
        ("As many as \"40 people were hurt.", [LE(40)]),
        ("Some 20 or 30 people waited outside.", [R(20, 30)]),
        ("The panel ruled by a 3-to-2 vote.", [V(3), V(2)]),
        ("The memo said: ''31 offices closed last year.", [V(31)]),
        ("In the past 10 years, rents doubled.", [V(10)]),
        ("Spending went from $40 million up to $65 million.", [V(4e7, "USD"), V(6.5e7, "USD")]),
        ("Fines can be up to $50.", [LE(50, "USD")]),
    ],
    "mixed news sentences": [
    ("The 65-inch television costs $1,299.", [V(65, "inch"), V(1299, "USD")]),
    ("The car has a 75kWh battery and a 500km range.", [V(75, "kilowatt hour"), V(500, "kilometer")]),
    ("Temperatures dipped to -3C overnight.", [V(-3, "degree")]),
    ("It was 31C in the shade.", [V(31, "degree")]),
    ("The yield rose 5 basis points to 4.25%.", [V(5, "basis point", "up"), V(4.25, "percent")]),
    ("The firm cut 1,200 jobs, or 8% of its staff.", [V(1200, ANY, "down"), V(8, "percent", "down")]),
    ("Shares jumped 14% to $52.30.", [V(14, "percent", "up"), V(52.3, "USD")]),
    ("A magnitude 6.4 earthquake struck at dawn.", [V(6.4)]),
    ("The region entered a level 4 lockdown.", []),
    ("Almost a third of adults skip breakfast.", [LE(33.33, "percent")]),
    ("Tickets cost €20-€30.", [R(20, 30, "EUR")]),
    ("The deal is worth between $5m and $7m.", [R(5e6, 7e6, "USD")]),
    ("Unemployment fell 0.2 per cent to 3.9 per cent.", [V(0.2, "percent", "down"), V(3.9, "percent")]),
    ("Inflation eased to 2.4pc in June from 2.7pc.", [V(2.4, "percent"), V(2.7, "percent")]),
    ("The team won 3-2 on Sunday.", [V(3), V(2)]),
    ("Nearly 40,000 fans packed the stadium.", [LE(40000)]),
    ("He earns ₦250,000 a month.", [V(250000, "NGN")]),
    ("The phone has a 6.1in screen and a 48MP camera.", [V(6.1, "inch"), V(48, "megapixel")]),
    ("Rainfall reached 120mm in places.", [V(120, "millimeter")]),
    ("The bridge is 1.2 km long.", [V(1.2, "kilometer")]),
    ("The loan carries 2.5 per cent interest.", [V(2.5, "percent")]),
    ("Over 3 in 5 renters are worried.", [GE(60, "percent")]),
    ("The lake shrank by two-fifths.", [V(40, "percent", "down")]),
    ("About half a dozen boats sank.", [V(6)]),
    ("The country exported 1.1 million tonnes of wheat.", [V(1.1e6, "ton")]),
    ("Visitors must pay Rs 500 to enter.", [V(500, "INR")]),
    ("The truck weighed 40t when loaded.", [V(40, "ton")]),
    ("Close to 1.5 billion people live there.", [LE(1.5e9)]),
    ("Sales slid 7.3% year-on-year.", [V(7.3, "percent", "down")]),
    ("Its market value topped $3 trillion.", [GE(3e12, "USD")]),
    ("The Quillex 225 rose 1.1%.", [V(1.1, "percent", "up")]),
    ("The S&P 500 slipped 0.6 percent.", [V(0.6, "percent", "down")]),
    ("Prices were up +12% on the year.", [V(12, "percent", "up")]),
    ("The reservoir is at 35 percent capacity, down from 60 percent.", [V(35, "percent"), V(60, "percent")]),
    ("He was sentenced to 12 years in prison.", [V(12)]),
    ("The vaccine is 95% effective.", [V(95, "percent")]),
    ("The company employs 12,000 people in 40 countries.", [V(12000), V(40)]),
    ("The A320neo jets seat 180 passengers.", [V(180)]),
    ("Apply before Form 1040 is due.", []),
    ],
    "mixed news sentences, second set": [
        ("The startup burned through $45M last quarter.", [V(4.5e7, "USD")]),
        ("Brent crude slipped 1.4% to $82.10 a barrel.", [V(1.4, "percent", "down"), V(82.1, "USD")]),
        ("The median home price hit C$1.1 million.", [V(1.1e6, "CAD")]),
        ("About one in 10 drivers was speeding.", [V(10, "percent")]),
        ("The heatwave pushed temperatures above 40C.", [GE(40, "degree")]),
        ("The council approved 1,200 new homes, up from 800 last year.", [V(1200), V(800)]),
        ("The quake measured 5.8 on the Richter scale.", [V(5.8)]),
        ("Fewer than one in four firms plan to hire.", [LE(25, "percent")]),
        ("Customers waited an average of 47 minutes.", [V(47)]),
        ("The firm's valuation doubled to $8bn.", [V(8e9, "USD")]),
        ("The tower rises 320 metres above the bay.", [V(320, "meter")]),
        ("Exports to the bloc dropped by a fifth.", [V(20, "percent", "down")]),
        ("Roughly 3.4m people use the line each day.", [V(3.4e6)]),
        ("The museum holds 40,000 objects and 2,000 paintings.", [V(40000), V(2000)]),
        ("The plane can carry 150 tonnes of cargo.", [V(150, "ton")]),
        ("Rates were held at 5.25%-5.5%.", [R(5.25, 5.5, "percent")]),
        ("It costs ¥150,000 per month.", [V(150000, "JPY")]),
        ("Employment grew by 275,000 jobs in February.", [V(275000, ANY, "up")]),
        ("The town sits 1,500ft above sea level.", [V(1500, "foot")]),
        ("Two thirds of the fleet is grounded.", [V(66.67, "percent")]),
        ("Debt rose to 120% of GDP.", [V(120, "percent")]),
        ("The bill passed 52-48 in the Senate.", [V(52), V(48)]),
        ("The pipeline carries 800,000 bpd.", [V(800000, "barrel per day")]),
        ("Turnout reached nearly 70 per cent.", [LE(70, "percent")]),
        ("The ministry hired 3,000 more teachers.", [V(3000)]),
    ],
}

FLAT = [(cls, s, exp) for cls, rows in CASES.items() for s, exp in rows]


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def check(sentence: str, expected: list[dict], found) -> Optional[str]:
    """None when ``found`` (quantities) is exactly ``expected``; else what differs."""
    got = sorted(found, key=lambda q: q.start)
    if len(got) != len(expected):
        return f"{len(got)} quantities, want {len(expected)}: {[q.text for q in got]}"
    for q, e in zip(got, expected):
        for k in ("value", "low", "high"):
            if not _close(getattr(q, k), e[k]):
                return f"{q.text!r}: {k} {getattr(q, k)} want {e[k]}"
        if e["unit"] is not ANY and q.unit != e["unit"]:
            return f"{q.text!r}: unit {q.unit} want {e['unit']}"
        if q.change != e["change"]:
            return f"{q.text!r}: change {q.change} want {e['change']}"
        if sentence[q.start:q.end] != q.text:
            return f"{q.text!r}: offsets"
    return None


@pytest.mark.parametrize("cls, sentence, expected", FLAT, ids=[f"{c}:{s[:40]}" for c, s, _ in FLAT])
def test_news_quantities(ex, cls, sentence, expected):
    problem = check(sentence, expected, ex.quantities(sentence))
    assert problem is None, problem


if __name__ == "__main__":
    import claimex

    extractor = claimex.load()
    verbose = "-v" in sys.argv
    total = passed = 0
    for cls, rows in CASES.items():
        ok = 0
        for s, exp in rows:
            problem = check(s, exp, extractor.quantities(s))
            ok += problem is None
            if problem and verbose:
                print(f"  FAIL {s!r}: {problem}")
        print(f"{cls:40s} {ok}/{len(rows)}")
        total, passed = total + len(rows), passed + ok
    print(f"{'all':40s} {passed}/{total} = {passed / total:.3f}")
