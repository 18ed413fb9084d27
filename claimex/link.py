"""The same figure across articles: groups of records that report it, and conflicts between them.

Two records from different documents report the same figure when they count the same thing
(same category, or the same measure when neither has one; same unit, rate and kind), their
values agree (equal within the rounding the coarser one shows, or overlapping ranges), their
dates overlap, and their sentences talk about the same event: the rare words the two
sentences share weigh enough (an IDF-weighted Jaccard over content words). The last test is
what keeps "2 deaths" in a crash from joining "2 deaths" in a storm.

A conflict is two such records about the same event and the same stated period (a date read
from the text, not the publication date) whose values disagree: "officials said 40 homes burned
on Monday" against "the agency said 65 homes burned on Monday".

This module reads records only (the dicts ``claimex extract`` writes), never the parse.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .gold import singular

#: Minimum IDF-weighted Jaccard similarity of two sentences' content words (same event).
SAME_EVENT = 0.25
#: Minimum number of shared content words, however rare (a single shared name is too little).
MIN_SHARED = 3
#: Relative tolerance for two exact values written to full precision (1,204 vs 1,204.0).
EXACT_TOL = 0.005
#: Two ranges agree when their overlap covers this share of the wider one.
RANGE_OVERLAP = 0.5
#: A worded or approximate value ("1.2 million", "about 300") covers its last significant digit's
#: half-step, but never more than this share of itself.
MAX_ROUNDING = 0.05
#: Records are compared when they share one of their RARE_WORDS rarest content words, if fewer
#: than MAX_BLOCK records of the same measure share it.
RARE_WORDS = 4
MAX_BLOCK = 200

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
_LETTER = re.compile(r"[A-Za-z]")
_LOWER_BOUNDS = frozenset({"at_least", "more_than"})
_UPPER_BOUNDS = frozenset({"at_most", "less_than"})


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Function words from ``data/stop_words.txt`` (read without loading spaCy: the views stay fast)."""
    text = resources.files("claimex").joinpath("data", "stop_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@dataclass
class _Item:
    """One record prepared for comparison."""

    rec: dict
    index: int
    key: tuple
    low: float
    high: float
    approx: str
    date: tuple[str, str]
    stated: bool  # the date comes from the text, not from the publication date
    words: frozenset[str]
    weight: float = 0.0  # the sum of the words' IDF
    bound: Optional[str] = None  # "low" for "at least 40", "high" for "at most 40"


def measure_key(rec: dict) -> Optional[tuple]:
    """What a record counts, as a comparable key, or None when it names nothing to compare."""
    q = rec.get("quantity") or {}
    what = rec.get("category") or singular((rec.get("measure") or "").lower())
    if not what:
        return None
    return (what, q.get("unit"), rec.get("rate"), rec.get("kind"))


def value_interval(q: dict) -> Optional[tuple[float, float]]:
    """The values a quantity is compatible with: its range, its bound, or its rounding interval."""
    approx = q.get("approx") or "exact"
    low, high, value = q.get("low"), q.get("high"), q.get("value")
    if approx in _LOWER_BOUNDS and low is not None:
        return (float(low), math.inf)
    if approx in _UPPER_BOUNDS and high is not None:
        return (-math.inf, float(high))
    if low is not None and high is not None:
        return (float(low), float(high))
    if value is None:
        return None
    v = float(value)
    tol = abs(v) * EXACT_TOL
    if approx != "exact" or _LETTER.search(q.get("text") or ""):
        # "1.2 million" stands for anything that rounds to it: 1,150,000 .. 1,250,000
        tol = max(tol, min(_last_digit_step(v) / 2, abs(v) * MAX_ROUNDING))
    return (v - tol, v + tol)


def _last_digit_step(v: float) -> float:
    """The place value of a number's last significant digit (1.2e6 -> 1e5, 350 -> 10)."""
    if v == 0:
        return 1.0
    digits = f"{abs(v):.6g}".split("e")[0].replace(".", "").rstrip("0") or "0"
    exp = math.floor(math.log10(abs(v)))
    return 10.0 ** (exp - len(digits.lstrip("0")) + 1)


def _date_span(rec: dict) -> tuple[tuple[str, str], bool]:
    d = rec.get("date") or {}
    start = d.get("start") or rec.get("published") or ""
    end = d.get("end") or start
    return (start[:10], end[:10]), bool(d.get("start")) and d.get("basis") != "published"


def _items(records: list[dict], stop: frozenset[str]) -> list[_Item]:
    items = []
    for i, rec in enumerate(records):
        key = measure_key(rec)
        q = rec.get("quantity") or {}
        if key is None or q.get("change"):
            continue  # a change ("up 20%") is not a level another article can repeat
        span = value_interval(q)
        if span is None:
            continue
        date, stated = _date_span(rec)
        if not date[0]:
            continue
        sent = (rec.get("sentence") or {}).get("text") or ""
        measure_words = set(_WORD.findall((rec.get("measure") or "").lower()))
        words = frozenset(w for w in (m.lower().replace("\u2019", "'") for m in _WORD.findall(sent))
                          if len(w) > 2 and w not in stop and w not in measure_words)
        approx = q.get("approx") or "exact"
        items.append(_Item(rec, i, key, span[0], span[1], approx, date, stated, words, bound=_bound(approx)))
    return items


def _idf(items: list[_Item]) -> dict[str, float]:
    df: Counter = Counter()
    for it in items:
        df.update(it.words)
    n = max(len(items), 1)
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def similarity(a: _Item, b: _Item, idf: dict[str, float]) -> float:
    """IDF-weighted Jaccard of the two sentences' content words; 0 under MIN_SHARED shared words."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return 0.0
    inter = sum(idf[w] for w in shared)
    union = a.weight + b.weight - inter
    return inter / union if union > 0 else 0.0


def _values_agree(a: _Item, b: _Item) -> bool:
    a_bound, b_bound = a.bound, b.bound
    if a_bound or b_bound:
        # a bound only repeats the same bound: "at least 40" and "more than 40", not "65"
        if a_bound != b_bound:
            return False
        ea = a.low if a_bound == "low" else a.high
        eb = b.low if b_bound == "low" else b.high
        return abs(ea - eb) <= EXACT_TOL * max(abs(ea), abs(eb), 1.0)
    overlap = min(a.high, b.high) - max(a.low, b.low)
    if overlap < 0:
        return False
    # two ranges must share at least half of the wider one: "3 to 13" is not "7 to 8"
    return overlap >= RANGE_OVERLAP * max(a.high - a.low, b.high - b.low) or _is_point(a) or _is_point(b)


def _is_point(it: _Item) -> bool:
    """A single value (its interval only the rounding), not a range."""
    q = it.rec.get("quantity") or {}
    return q.get("low") is None or q.get("high") is None


def _bound(approx: str) -> Optional[str]:
    return "low" if approx in _LOWER_BOUNDS else "high" if approx in _UPPER_BOUNDS else None


def _dates_overlap(a: _Item, b: _Item) -> bool:
    return a.date[0] <= b.date[1] and b.date[0] <= a.date[1]


def _candidates(members: list[int], items: list[_Item], idf: dict[str, float], *,
                agreeing: bool) -> Iterator[tuple[int, int]]:
    """Pairs worth comparing: records that share one of their rarest words (blocking), so a
    thousand "2 people" records are not compared with each other one by one; with ``agreeing``,
    only pairs whose values overlap (a sweep over each block sorted by value)."""
    if len(members) < 2:
        return
    postings: dict[str, list[int]] = defaultdict(list)
    for k in members:
        for w in sorted(items[k].words, key=lambda w: (-idf[w], w))[:RARE_WORDS]:
            postings[w].append(k)
    seen: set[tuple[int, int]] = set()
    for ks in postings.values():
        if len(ks) < 2 or len(ks) > MAX_BLOCK:
            continue  # a word that many records share tells nothing
        if agreeing:
            ks = sorted(ks, key=lambda k: items[k].low)
        for x, ka in enumerate(ks):
            for kb in ks[x + 1:]:
                if agreeing and items[kb].low > items[ka].high:
                    break
                pair = (ka, kb) if ka < kb else (kb, ka)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def source_of(rec: dict) -> dict:
    """Who reported a record where: document, speaker, date and the words of the figure."""
    sp = rec.get("speaker") or {}
    d = rec.get("date") or {}
    return {"doc_id": rec.get("doc_id"), "claim_id": rec.get("claim_id"), "speaker": sp.get("name"),
            "date": d.get("start") if d.get("start") == d.get("end") else
            (f"{d.get('start')}/{d.get('end')}" if d.get("start") else None),
            "quantity": (rec.get("quantity") or {}).get("text"),
            "sentence": (rec.get("sentence") or {}).get("text", "").strip()}


def link(records: Iterable[dict], *, min_similarity: float = SAME_EVENT) -> dict[str, list[dict]]:
    """Group records that report the same figure and find conflicting reports.

    Returns ``{"groups": [...], "conflicts": [...]}``; each group lists its claim ids and its
    sources (document, speaker, date) from at least two documents; each conflict lists its
    sides (the groups or single records that disagree) for one measure, rate and period.
    """
    records = list(records)
    items = _items(records, _stop_words())
    idf = _idf(items)
    for it in items:
        it.weight = sum(idf[w] for w in it.words)
    union = _Union(len(items))
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        by_key[it.key].append(k)
    for members in by_key.values():
        for ka, kb in _candidates(members, items, idf, agreeing=True):
            a, b = items[ka], items[kb]
            if (a.rec.get("doc_id") != b.rec.get("doc_id") and _values_agree(a, b)
                    and _dates_overlap(a, b) and similarity(a, b, idf) >= min_similarity):
                union.join(ka, kb)

    comps: dict[int, list[int]] = defaultdict(list)
    for k in range(len(items)):
        comps[union.find(k)].append(k)
    groups, group_of = [], {}
    for root in sorted(comps):
        members = comps[root]
        docs = {items[k].rec.get("doc_id") for k in members}
        if len(docs) < 2:
            continue
        gid = f"g{len(groups) + 1}"
        for k in members:
            group_of[k] = gid
        groups.append(_group(gid, [items[k] for k in members]))

    conflicts = _conflicts(items, by_key, idf, group_of, min_similarity)
    by_id = {g["id"]: g for g in groups}
    for c in conflicts:
        for side in c["sides"]:
            if side.get("group"):
                by_id[side["group"]]["conflicts"].append(c["id"])
    return {"groups": groups, "conflicts": conflicts}


def _group(gid: str, members: list[_Item]) -> dict:
    members = sorted(members, key=lambda it: (it.date[0], str(it.rec.get("doc_id"))))
    first = members[0].rec
    what, unit, rate, kind = members[0].key
    return {"type": "group", "id": gid, "category": first.get("category"), "measure": first.get("measure"),
            "unit": unit, "rate": rate, "kind": kind,
            "low": max(it.low for it in members), "high": min(it.high for it in members),
            "date": {"start": min(it.date[0] for it in members), "end": max(it.date[1] for it in members)},
            "documents": len({it.rec.get("doc_id") for it in members}),
            "claim_ids": [it.rec.get("claim_id") for it in members],
            "sources": [source_of(it.rec) for it in members], "conflicts": []}


def _conflicts(items: list[_Item], by_key: dict, idf: dict, group_of: dict, min_similarity: float) -> list[dict]:
    """Sides (a group or a lone record) that give different values for one measure and stated period.

    Disagreeing pairs about the same event are joined; each joined set with two or more sides is
    one conflict.
    """
    in_doc: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        in_doc[(it.rec.get("doc_id"), it.key)].append(it)

    reported: dict[tuple, bool] = {}

    def also_reports(doc_id, it: _Item) -> bool:
        # "passed 41-17" in both articles is two figures each, not a disagreement
        key = (doc_id, it.index)
        if key not in reported:
            reported[key] = any(_values_agree(it, other) for other in in_doc.get((doc_id, it.key), ()))
        return reported[key]

    union = _Union(len(items))
    in_conflict: set[int] = set()
    for members in by_key.values():
        periods: dict[tuple, list[int]] = defaultdict(list)
        for k in members:
            if items[k].stated and not items[k].bound:  # "at least 40" does not contradict "65"
                periods[items[k].date].append(k)
        for ks in periods.values():
            for ka, kb in _candidates(ks, items, idf, agreeing=False):
                a, b = items[ka], items[kb]
                if a.rec.get("doc_id") == b.rec.get("doc_id") or _values_agree(a, b):
                    continue
                if group_of.get(ka, ka) == group_of.get(kb, kb) or similarity(a, b, idf) < min_similarity:
                    continue
                if also_reports(b.rec.get("doc_id"), a) or also_reports(a.rec.get("doc_id"), b):
                    continue
                union.join(ka, kb)
                in_conflict.update((ka, kb))
    sets: dict[int, dict[str, _Item]] = defaultdict(dict)
    for k in sorted(in_conflict):
        sets[union.find(k)].setdefault(group_of.get(k, f"r{k}"), items[k])
    out = []
    for sides in sets.values():
        if len(sides) < 2:
            continue
        a = next(iter(sides.values()))
        what, unit, rate, kind = a.key
        out.append({"type": "conflict", "id": f"c{len(out) + 1}", "category": a.rec.get("category"),
                    "measure": a.rec.get("measure"), "unit": unit, "rate": rate, "kind": kind,
                    "date": {"start": a.date[0], "end": a.date[1]},
                    "sides": [_side(s, it) for s, it in sides.items()]})
    return out


def _side(side_id: str, it: _Item) -> dict:
    q = it.rec.get("quantity") or {}
    return {"group": side_id if side_id.startswith("g") else None, "claim_id": it.rec.get("claim_id"),
            "value": q.get("value"), "low": q.get("low"), "high": q.get("high"), "text": q.get("text"),
            "source": source_of(it.rec)}


def claim_links(result: dict[str, list[dict]]) -> dict[str, dict]:
    """Per claim id: its group id, the other documents of its group, and its conflict ids."""
    out: dict[str, dict] = {}
    for g in result["groups"]:
        for cid in g["claim_ids"]:
            out.setdefault(cid, {"group": None, "conflicts": []})["group"] = g["id"]
    members = {g["id"]: g["claim_ids"] for g in result["groups"]}
    for c in result["conflicts"]:
        for side in c["sides"]:
            for cid in members.get(side["group"]) or [side["claim_id"]]:
                entry = out.setdefault(cid, {"group": None, "conflicts": []})
                if c["id"] not in entry["conflicts"]:
                    entry["conflicts"].append(c["id"])
    return out
