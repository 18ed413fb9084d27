"""claimex link: the same figure across documents, and conflicting reports (invented records)."""
from __future__ import annotations

import json
import subprocess
import sys

from claimex.link import link, value_interval
from viewsdata import ferry_corpus, record, write_jsonl


def _doc_sets(result):
    return [sorted({s["doc_id"] for s in g["sources"]}) for g in result["groups"]]


def test_same_figure_in_two_documents_is_one_group_with_its_sources():
    _, recs = ferry_corpus()
    result = link(recs)
    assert _doc_sets(result) == [["wire-a.txt", "wire-b.txt"]]
    g = result["groups"][0]
    assert g["documents"] == 2 and g["category"] == "strikes"
    speakers = {s["doc_id"]: s["speaker"] for s in g["sources"]}
    assert speakers == {"wire-a.txt": "The Harbor Vale ferry union", "wire-b.txt": None}
    assert all(s["date"] == "2026-01-12" for s in g["sources"])


def test_an_unrelated_sentence_with_the_same_number_is_not_grouped():
    # "1,240 workers" at a bakery shares the value and the measure, not the event or the dates
    _, recs = ferry_corpus()
    result = link(recs)
    assert all("local-c.txt" not in docs for docs in _doc_sets(result))
    moved = [dict(r, date=recs[0]["date"]) if r["doc_id"] == "local-c.txt" else r for r in recs]
    assert all("local-c.txt" not in docs for docs in _doc_sets(link(moved)))


def test_different_values_for_one_stated_period_are_a_conflict():
    _, recs = ferry_corpus()
    result = link(recs)
    assert len(result["conflicts"]) == 1
    c = result["conflicts"][0]
    assert sorted(s["text"] for s in c["sides"]) == ["38", "52"]
    assert c["date"] == {"start": "2026-01-12", "end": "2026-01-12"}
    assert {s["source"]["speaker"] for s in c["sides"]} == {"Port officials", "The union"}


def test_a_document_that_gives_both_figures_is_no_conflict():
    # "passed 41 to 17" reported in two stories: each story has both numbers
    text_a = "The council passed the levy 41 to 17 on Tuesday, the clerk of Ostmere said."
    text_b = "On Tuesday the Ostmere council passed the levy 41 to 17, the clerk said."
    recs = []
    for doc, text in (("a.txt", text_a), ("b.txt", text_b)):
        for n in ("41", "17"):
            recs.append(record(doc, text, text, n, value=float(n), measure="vote", category="votes",
                               date="2026-01-13", date_text="Tuesday"))
    result = link(recs)
    assert result["conflicts"] == []
    assert sorted(len(g["claim_ids"]) for g in result["groups"]) == [2, 2]


def test_rates_kinds_units_and_bounds_keep_figures_apart():
    _, recs = ferry_corpus()
    a, b = recs[0], recs[1]
    for change in ({"rate": "day"}, {"kind": "target"}, {"quantity": dict(b["quantity"], unit="USD")},
                   {"quantity": dict(b["quantity"], approx="at_least", low=1200.0, value=None)}):
        assert link([a, dict(b, **change)])["groups"] == [], change


def test_ranges_must_share_most_of_their_span():
    _, recs = ferry_corpus()
    a, b = recs[0], recs[1]
    rng = lambda r, lo, hi: dict(r, quantity=dict(r["quantity"], value=None, low=lo, high=hi, approx="range"))
    assert len(link([rng(a, 1100.0, 1300.0), rng(b, 1150.0, 1350.0)])["groups"]) == 1
    assert link([rng(a, 300.0, 1300.0), rng(b, 1150.0, 1200.0)])["groups"] == []
    assert len(link([rng(a, 1100.0, 1300.0), b])["groups"]) == 1  # a value inside a range


def test_rounding_and_ranges():
    assert value_interval({"text": "1.2 million", "value": 1.2e6, "approx": "exact"}) == (1.15e6, 1.25e6)
    low, high = value_interval({"text": "1,204", "value": 1204.0, "approx": "exact"})
    assert high - low < 13  # a number written in full is exact (to half a percent)
    assert value_interval({"text": "3 to 5", "low": 3.0, "high": 5.0, "approx": "range"}) == (3.0, 5.0)
    assert value_interval({"text": "no number", "approx": "vague"}) is None


def test_link_command_writes_groups_and_conflicts(tmp_path):
    _, recs = ferry_corpus()
    claims = write_jsonl(tmp_path / "claims.jsonl", recs)
    out = tmp_path / "groups.jsonl"
    r = subprocess.run([sys.executable, "-m", "claimex", "link", str(claims), "-o", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "1 groups, 1 conflicts" in r.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["type"] for x in lines] == ["group", "conflict"]
    assert {s["doc_id"] for s in lines[0]["sources"]} == {"wire-a.txt", "wire-b.txt"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    r = subprocess.run([sys.executable, "-m", "claimex", "link", str(bad), "-o", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "line 1: malformed JSON" in r.stderr

