"""The views in a real browser: headless Chromium (Debian's package) driven through chromedriver.

The review page is filtered, a row clicked, a claim marked wrong and another corrected, the
corrections exported and the export checked and scored; the timeline is hovered. Each view's
screenshot goes to a temporary folder, or to ``$CLAIMEX_SCREENSHOTS`` when it is set (the
README's images come from ``CLAIMEX_SCREENSHOTS=docs``).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from claimex import review, timeline
from claimex.gold import score
from viewsdata import big_corpus, ferry_corpus, strike_series, write_jsonl

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900"]
FILTER_BUDGET_MS = 200


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("CLAIMEX_SCREENSHOTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER), \
        "install Debian's chromium and chromium-driver (scripts/test.sh does)"
    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('profile')}")
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def _page(tmp_path: Path, docs, recs, name="review.html") -> str:
    out = tmp_path / name
    review.write(recs, docs, str(out), title="Ferry strike review")
    return out.as_uri()


def _rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#claims tbody tr")


def _in_view(driver, element, pane_id: str) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(), p = document.getElementById(arguments[1]).getBoundingClientRect();"
        "return r.top >= p.top && r.bottom <= p.bottom;", element, pane_id)


def test_review_page_filter_click_mark_correct_export(browser, tmp_path, shots):
    docs, recs = ferry_corpus()
    # pad the page with other articles so the ferry claims sit far down the document list
    more_docs, more_recs = big_corpus(40)
    url = _page(tmp_path, more_docs + docs, more_recs + recs)
    browser.get(url)
    WebDriverWait(browser, 20).until(lambda d: len(_rows(d)) > 0)
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0  # no fetches

    Select(browser.find_element(By.ID, "f-category")).select_by_value("strikes")
    rows = _rows(browser)
    assert len(rows) == 3
    assert sorted(r.find_elements(By.TAG_NAME, "td")[6].text for r in rows) == ["local-c.txt", "wire-a.txt", "wire-b.txt"]
    browser.find_element(By.CSS_SELECTOR, '#claims th[data-key="date"]').click()  # sort by date
    assert [r.find_elements(By.TAG_NAME, "td")[6].text for r in _rows(browser)][0] == "local-c.txt"
    browser.find_element(By.CSS_SELECTOR, '#claims th[data-key="date"]').click()  # and back
    assert [r.find_elements(By.TAG_NAME, "td")[6].text for r in _rows(browser)][-1] == "local-c.txt"
    browser.find_element(By.ID, "f-speaker").send_keys("ferry union")
    rows = _rows(browser)
    assert len(rows) == 1 and rows[0].find_elements(By.TAG_NAME, "td")[6].text == "wire-a.txt"
    browser.find_element(By.ID, "f-speaker").clear()
    browser.execute_script("claimexReview.applyFilters()")

    # a row click opens the document and scrolls its claim into view, tied to speaker and date
    row = next(r for r in _rows(browser) if r.find_elements(By.TAG_NAME, "td")[6].text == "wire-b.txt")
    row.click()
    assert browser.find_element(By.ID, "doc-title").text.startswith("wire-b.txt")
    span = browser.find_element(By.CSS_SELECTOR, "#doc-text .q.selected")
    assert span.text == "About 1.2 thousand" and _in_view(browser, span, "doc-pane")
    pane = browser.find_element(By.ID, "claim-pane")
    assert "Same figure in 1 other document" in pane.text and "wire-a.txt" in pane.text
    browser.save_screenshot(str(shots / "review-link.png"))

    # hovering a number marks its speaker mention and date expression
    browser.find_element(By.ID, "f-speaker").send_keys("ferry union")
    _rows(browser)[0].click()
    q = browser.find_element(By.CSS_SELECTOR, "#doc-text .q.selected")
    marked = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "#doc-text .spk.selected, #doc-text .dt.selected")}
    assert marked == {"The Harbor Vale ferry union", "Monday"}  # a click ties them too
    ActionChains(browser).move_to_element(q).perform()
    tied = browser.find_elements(By.CSS_SELECTOR, "#doc-text .tied")
    assert {t.text for t in tied} >= {"1,240", "The Harbor Vale ferry union", "Monday"}
    browser.save_screenshot(str(shots / "review.png"))

    # mark the 38 ferries wrong; correct the speaker of the union's count of workers
    browser.find_element(By.ID, "f-speaker").clear()
    Select(browser.find_element(By.ID, "f-category")).select_by_value("")
    Select(browser.find_element(By.ID, "f-link")).select_by_value("conflict")
    browser.execute_script("for (const id of ['f-from', 'f-to']) { const e = document.getElementById(id);"
                           "e.value = '2026-01-12'; e.dispatchEvent(new Event('change')); }")
    rows = [r for r in _rows(browser) if r.find_elements(By.TAG_NAME, "td")[6].text.startswith("wire-")]
    assert sorted(r.find_element(By.CSS_SELECTOR, "td .v").text for r in rows) == ["38", "52"]
    next(r for r in rows if r.text.startswith("38")).click()
    assert "Conflict" in browser.find_element(By.ID, "claim-pane").text
    browser.find_element(By.CSS_SELECTOR, '#claim-pane button[data-status="wrong"]').click()
    assert "wrong" in browser.find_element(By.CSS_SELECTOR, "#doc-text .q.selected").get_attribute("class")
    Select(browser.find_element(By.ID, "f-link")).select_by_value("")
    browser.find_element(By.ID, "f-speaker").send_keys("ferry union")
    _rows(browser)[0].click()
    field = browser.find_element(By.CSS_SELECTOR, '#claim-pane input[name="speaker"]')
    field.clear()
    field.send_keys("Harbor Vale Ferry Workers Union")
    browser.find_element(By.CSS_SELECTOR, '#claim-pane input[name="unit"]').click()  # blur: "change" fires
    assert "corrected" in wire_a_status(browser)

    browser.find_element(By.ID, "export").click()
    target = browser.downloads / "gold.jsonl"
    deadline = time.time() + 20
    while not target.exists() and time.time() < deadline:
        time.sleep(0.2)
    exported = [json.loads(x) for x in target.read_text().splitlines()]
    assert [d["doc_id"] for d in exported] == ["wire-a.txt"]  # only documents with a checked claim
    claims = exported[0]["claims"]
    assert [c["text"] for c in claims] == ["1,240"]  # 38 marked wrong is left out
    c = claims[0]
    assert c["speaker"] == ["Harbor Vale Ferry Workers Union"] and c["optional"] is False
    assert c["measure"] == ["worker"] and c["value"] == 1240.0 and c["date"] == "2026-01-12"
    assert exported[0]["published"] == "2026-01-13"
    s = score(exported, recs)
    assert s["spurious"] == 1 and s["fields"]["speaker"]["right"] == 0 and s["fields"]["value"]["right"] == 1
    gold = tmp_path / "gold.jsonl"
    gold.write_text(target.read_text())
    r = subprocess.run([sys.executable, "-m", "claimex", "score", str(gold), str(write_jsonl(tmp_path / "c.jsonl", recs))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "speaker  0/1" in r.stdout


def wire_a_status(driver) -> str:
    row = driver.find_element(By.CSS_SELECTOR, "#claims tbody tr.current")
    return row.find_elements(By.TAG_NAME, "td")[7].text


def test_review_page_filters_a_thousand_articles_fast(browser, tmp_path, shots):
    docs, recs = big_corpus(1000)
    browser.get(_page(tmp_path, docs, recs, "big.html"))
    WebDriverWait(browser, 60).until(lambda d: len(_rows(d)) > 0)
    timings = []
    for by, value in (("f-category", "arrests"), ("f-kind", "forecast"), ("f-category", ""), ("f-kind", "")):
        Select(browser.find_element(By.ID, by)).select_by_value(value)
        timings.append(browser.execute_script("return claimexReview.lastFilterMs"))
    t = browser.execute_script(
        "var s = document.getElementById('f-speaker'); s.value = 'port'; var t0 = performance.now();"
        "s.dispatchEvent(new Event('input')); return performance.now() - t0;")
    timings.append(t)
    count = browser.find_element(By.ID, "count").text
    assert count.endswith("of 12,000 claims (showing 300)") and 0 < int(count.split()[0].replace(",", "")) < 12000
    print(f"filter times (ms): {[round(x, 1) for x in timings]}")
    assert max(timings) < FILTER_BUDGET_MS, timings
    _rows(browser)[5].click()
    span = browser.find_element(By.CSS_SELECTOR, "#doc-text .q.selected")
    assert _in_view(browser, span, "doc-pane")
    browser.save_screenshot(str(shots / "review-1000.png"))


def test_timeline_page_hover_shows_value_speaker_date_and_sentence(browser, tmp_path, shots):
    docs, recs = ferry_corpus()
    _, more = big_corpus(60)
    out = tmp_path / "timeline.html"
    timeline.write(more + recs, str(out), category="strikes")
    browser.get(out.as_uri())
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".scatterlayer .point")))
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    legend = browser.find_element(By.CSS_SELECTOR, ".legend").text
    assert "actual" in legend and "same figure" in legend and "The Harbor Vale ferry union" in legend
    point = browser.find_elements(By.CSS_SELECTOR, ".scatterlayer .trace .points .point")[0]
    ActionChains(browser).move_to_element(point).perform()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".hoverlayer .hovertext")))
    hover = browser.find_element(By.CSS_SELECTOR, ".hoverlayer").text
    # the earliest point: the bakery's 1,240 workers, "last spring"
    assert "1,240 worker" in hover and "speaker: its owner" in hover and "date: 2025-04-01 – 2025-06-30" in hover
    assert "A bakery in Dunmere hired" in hover
    browser.save_screenshot(str(shots / "timeline-hover.png"))


def test_timeline_of_a_strike_draws_kinds_bounds_and_ranges(browser, tmp_path, shots):
    _, recs = strike_series()
    out = tmp_path / "strike.html"
    n, title = timeline.write(recs, str(out), category="strikes")
    assert n == len(recs) == 23 and title == "strikes"
    browser.get(out.as_uri())
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".scatterlayer .point")))
    legend = browser.find_element(By.CSS_SELECTOR, ".legend").text
    assert all(k in legend for k in ("actual", "target", "forecast", "Port officials"))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".annotation-arrow-g")) == 1  # the "at least 900"
    assert len(browser.find_elements(By.CSS_SELECTOR, ".scatterlayer .errorbar")) >= 1  # the forecast range
    browser.save_screenshot(str(shots / "timeline.png"))
    timeline.write(recs, str(shots / "timeline-static.png"), category="strikes")
    assert (shots / "timeline-static.png").read_bytes()[:4] == b"\x89PNG"
