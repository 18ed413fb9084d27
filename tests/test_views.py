"""Review page, timeline, score and to_frame on invented records (no browser; see test_views_browser)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import claimex
from claimex import review, timeline
from claimex.gold import gold_claim, score
from claimex.io import COLUMNS, CsvWriter
from viewsdata import big_corpus, ferry_corpus, write_jsonl

ROOT = Path(__file__).resolve().parents[1]


def _page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="claimex-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_review_page_is_one_offline_file_with_every_claim_and_link():
    docs, recs = ferry_corpus()
    html = review.render(recs, docs, title="Ferry <strike>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing from the network
    assert "<link" not in html and "{{" not in html
    assert "<title>Ferry &lt;strike&gt;</title>" in html
    data = _page_data(html)
    assert [d["id"] for d in data["docs"]] == ["wire-a.txt", "wire-b.txt", "local-c.txt"]
    assert len(data["claims"]) == len(recs) and len(data["groups"]) == 1 and len(data["conflicts"]) == 1
    linked = [data["claims"][i]["qt"] for i in data["groups"][0]["claims"]]
    assert sorted(linked) == ["1,240", "About 1.2 thousand"]
    for c in data["claims"]:  # spans index the inlined text exactly
        assert data["docs"][c["d"]]["text"][c["qs"]:c["qe"]] == c["qt"]


def test_review_page_escapes_text_that_could_end_its_script():
    text = "Ledger of Pellam: </script><script>alert(1)</script> lists 7 barges."
    docs = [{"id": "x.txt", "published": "2026-01-02", "text": text}]
    recs = [{"doc_id": "x.txt", "claim_id": "c1", "quantity": {"text": "7", "start": text.index("7"),
             "end": text.index("7") + 1, "value": 7.0, "low": None, "high": None, "approx": "exact",
             "unit": None, "change": None}, "measure": "barge", "category": None, "rate": None,
             "kind": "actual", "speaker": None, "date": None, "published": "2026-01-02",
             "sentence": {"text": text, "start": 0, "end": len(text)}}]
    html = review.render(recs, docs)
    assert html.count("</script>") == 2  # the data's and the code's own
    assert _page_data(html)["docs"][0]["text"] == text


def test_templates_are_package_data():
    text = (ROOT / "pyproject.toml").read_text()
    line = next(x for x in text.splitlines() if x.startswith("claimex = [") and "data/" in x)
    globs = re.findall(r'"([^"]+)"', line)
    for name in ("review.html", "review.css", "review.js"):
        assert (ROOT / "claimex" / "templates" / name).is_file()
        assert any(Path("templates", name).match(g) for g in globs), name


def test_review_and_timeline_take_a_thousand_articles(tmp_path):
    """The views handle 1,000 articles' claims in one file each (their speed: bench/views.py)."""
    docs, recs = big_corpus(1000)
    assert len(recs) == 12000
    review.write(recs, docs, str(tmp_path / "r.html"))
    page = _page_data((tmp_path / "r.html").read_text())
    assert len(page["docs"]) == 1000
    n, _ = timeline.write(recs, str(tmp_path / "t.html"), category="arrests")
    assert n > 2000


def test_timeline_html_inlines_plotly_and_draws_one_measure(tmp_path):
    _, recs = ferry_corpus()
    out = tmp_path / "t.html"
    n, title = timeline.write(recs, str(out), category="strikes")
    assert n == 3 and title == "strikes"
    html = out.read_text()
    assert "<script src=" not in html and "Plotly.newPlot" in html and len(html) > 1_000_000
    assert "The Harbor Vale ferry union" in html  # hover text names the speaker


def test_timeline_picks_the_most_frequent_measure_and_one_rate():
    _, recs = big_corpus(20)
    points, title = timeline.select(recs)
    keys = {(p.rec["category"] or p.rec["measure"], p.rec["rate"]) for p in points}
    assert len(keys) == 1
    points, title = timeline.select(recs, measure="rider")
    assert title == "rider · per day" and all(p.kind == "forecast" for p in points)
    points, title = timeline.select(recs, category="arrests", speaker="SHERIFF")
    assert points and all(p.speaker.lower() == "the county sheriff" for p in points)
    assert title == "arrests · speaker ~ SHERIFF"
    bounded = timeline._point(dict(recs[0], quantity=dict(recs[0]["quantity"], approx="at_least", low=5.0)))
    assert bounded.bound == "low" and bounded.y == 5.0


def test_timeline_png_and_svg(tmp_path):
    _, recs = big_corpus(30)
    timeline.write(recs, str(tmp_path / "t.png"), category="arrests")
    timeline.write(recs, str(tmp_path / "t.svg"), category="arrests")
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (tmp_path / "t.svg").read_text()[:2000]


def test_timeline_command_errors(tmp_path):
    _, recs = ferry_corpus()
    claims = write_jsonl(tmp_path / "c.jsonl", recs)
    run = lambda *a: subprocess.run([sys.executable, "-m", "claimex", "timeline", str(claims), *a],
                                    capture_output=True, text=True, timeout=120)
    r = run("-o", str(tmp_path / "t.gif"))
    assert r.returncode == 2 and ".html, .png or .svg" in r.stderr
    r = run("-o", str(tmp_path / "t.svg"), "--category", "no-such-category")
    assert r.returncode == 2 and "no records match" in r.stderr
    r = run("-o", str(tmp_path / "t.svg"), "--measure", "ferry")
    assert r.returncode == 0 and (tmp_path / "t.svg").exists()


def test_records_score_perfectly_against_their_own_gold_and_lose_what_is_changed():
    docs, recs = ferry_corpus()
    gold = [{"doc_id": d["id"], "published": d["published"],
             "claims": [gold_claim(r) for r in recs if r["doc_id"] == d["id"]]} for d in docs]
    s = score(gold, recs)
    assert s["f1"] == 1.0 and all(v["accuracy"] == 1.0 for v in s["fields"].values() if v["of"])
    gold[0]["claims"][0]["speaker"] = ["Ferry operators"]
    gold[0]["claims"][1]["value"] = 99.0
    del gold[1]["claims"][0]
    s = score(gold, recs)
    assert s["spurious"] == 1 and s["fields"]["speaker"]["right"] == s["fields"]["speaker"]["of"] - 1
    assert s["fields"]["value"]["right"] == s["fields"]["value"]["of"] - 1


def test_score_command(tmp_path):
    docs, recs = ferry_corpus()
    gold = [{"doc_id": d["id"], "published": d["published"],
             "claims": [gold_claim(r) for r in recs if r["doc_id"] == d["id"]]} for d in docs]
    gold[0]["claims"][0]["measure"] = ["ferry"]
    g = write_jsonl(tmp_path / "gold.jsonl", gold)
    c = write_jsonl(tmp_path / "c.jsonl", recs)
    r = subprocess.run([sys.executable, "-m", "claimex", "score", str(g), str(c), "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["fields"]["measure"] == {"right": 4, "of": 5, "accuracy": 0.8}
    r = subprocess.run([sys.executable, "-m", "claimex", "score", str(c), str(c)], capture_output=True, text=True)
    assert r.returncode == 2 and "not a gold file" in r.stderr


def test_to_frame_has_the_csv_columns():
    _, recs = ferry_corpus()
    df = claimex.to_frame(recs)
    assert CsvWriter.header.decode().strip().split(",") == list(df.columns) == COLUMNS
    assert len(df) == len(recs)
    assert df.loc[0, "speaker.name"] == "The Harbor Vale ferry union" and df.loc[0, "quantity.value"] == 1240.0
    claim = claimex.Claim.from_dict(recs[3])
    assert claimex.to_frame([claim]).loc[0, "quantity.text"] == "38"
    assert list(claimex.to_frame([]).columns) == COLUMNS


def test_review_command_extracts_when_no_claims_are_given(tmp_path):
    art = tmp_path / "news"
    art.mkdir()
    (art / "quarry.txt").write_text("date 2025-09-02\nThe Brackwater quarry shipped 4,200 tonnes of "
                                   "gravel on Monday, its manager Ilse Varga said.\n", encoding="utf-8")
    out = tmp_path / "review.html"
    r = subprocess.run([sys.executable, "-m", "claimex", "review", str(art), "-o", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    data = _page_data(out.read_text())
    assert [d["id"] for d in data["docs"]] == ["quarry.txt"] and data["docs"][0]["published"] == "2025-09-02"
    c = next(c for c in data["claims"] if c["qt"] == "4,200")
    assert c["v"] == 4200.0 and c["sp"] == "Ilse Varga" and c["ds"] == "2025-09-01"
    r = subprocess.run([sys.executable, "-m", "claimex", "review", "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 2 and "--claims" in r.stderr


def test_views_on_empty_and_broken_input(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    run = lambda *a: subprocess.run([sys.executable, "-m", "claimex", *a], capture_output=True, text=True, timeout=120)
    r = run("review", "--claims", str(empty), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0 and _page_data((tmp_path / "r.html").read_text())["claims"] == []
    r = run("timeline", str(empty), "-o", str(tmp_path / "t.html"))
    assert r.returncode == 2 and "no records with a measure" in r.stderr
    r = run("link", str(empty), "-o", str(tmp_path / "g.jsonl"))
    assert r.returncode == 0 and (tmp_path / "g.jsonl").read_text() == ""
    r = run("score", str(tmp_path / "missing.jsonl"), str(empty))
    assert r.returncode == 2 and "file not found" in r.stderr
    not_claims = write_jsonl(tmp_path / "docs.jsonl", [{"id": "a", "text": "no records here"}])
    r = run("review", "--claims", str(not_claims), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 2 and "line 1: not a claim record" in r.stderr
