"""Invented articles and claim records for the view tests (no model needed).

Each article is built from sentence templates; the records carry exact offsets into its text,
as ``claimex extract`` writes them. Names, places and figures are made up.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path
from typing import Optional


def record(doc_id: str, text: str, sentence: str, number: str, *, value=None, low=None, high=None,
           approx: str = "exact", unit=None, measure: Optional[str] = None, category: Optional[str] = None,
           rate=None, kind: str = "actual", speaker: Optional[str] = None, date: Optional[str] = None,
           date_text: Optional[str] = None, date_end: Optional[str] = None, granularity: str = "day",
           published: str = "2026-01-20", change=None) -> dict:
    """A record for ``number`` inside ``sentence`` (both found in ``text``)."""
    s0 = text.index(sentence)
    q0 = text.index(number, s0)
    sp = None
    if speaker:
        k = text.find(speaker, s0)
        sp = {"name": speaker, "type": "organization", "cue": "said", "mode": "indirect", "title": None,
              "via": None, "start": k if k >= 0 else None, "end": k + len(speaker) if k >= 0 else None}
    if date_text:
        t0 = text.index(date_text, s0)
        d = {"text": date_text, "start": date, "end": date_end or date, "granularity": granularity,
             "basis": "relative", "text_start": t0, "text_end": t0 + len(date_text)}
    else:
        d = {"text": None, "start": published, "end": published, "granularity": "day", "basis": "published",
             "text_start": None, "text_end": None}
    cid = hashlib.sha1(f"{doc_id}|{q0}|{number}".encode()).hexdigest()[:16]
    return {"doc_id": doc_id, "claim_id": cid,
            "quantity": {"text": number, "start": q0, "end": q0 + len(number), "value": value, "low": low,
                         "high": high, "approx": approx, "unit": unit, "change": change},
            "measure": measure, "category": category, "rate": rate, "kind": kind, "hedged": False,
            "negated": False, "speaker": sp, "date": d, "published": published,
            "sentence": {"text": sentence, "start": s0, "end": s0 + len(sentence)}}


# Two wire stories and a local one about an invented ferry strike: the same worker count
# (one rounded), and two different counts of idle ferries for the same Monday.
FERRY_A = ("The Harbor Vale ferry union said 1,240 workers walked off the job on Monday, halting crossings "
           "to Quillon Island. Port officials said 38 ferries sat idle at the Quillon terminal on Monday.")
FERRY_B = ("About 1.2 thousand workers walked off the job at the Harbor Vale ferry union on Monday, leaving "
           "Quillon Island cut off. The union said 52 ferries sat idle at the Quillon terminal on Monday.")
FERRY_C = ("A bakery in Dunmere hired 1,240 workers last spring, its owner said. The town also opened "
           "a new library branch.")


def ferry_corpus() -> tuple[list[dict], list[dict]]:
    """(documents, records): one shared figure across two documents and one conflict."""
    docs = [{"id": "wire-a.txt", "published": "2026-01-13", "text": FERRY_A},
            {"id": "wire-b.txt", "published": "2026-01-13", "text": FERRY_B},
            {"id": "local-c.txt", "published": "2026-01-13", "text": FERRY_C}]
    s_a1, s_a2 = FERRY_A.split(". ", 1)
    s_b1, s_b2 = FERRY_B.split(". ", 1)
    s_c1 = FERRY_C.split(". ")[0]
    recs = [
        record("wire-a.txt", FERRY_A, s_a1, "1,240", value=1240.0, measure="worker", category="strikes",
               speaker="The Harbor Vale ferry union", date="2026-01-12", date_text="Monday", published="2026-01-13"),
        record("wire-b.txt", FERRY_B, s_b1, "About 1.2 thousand", value=1200.0, approx="approximate",
               measure="worker", category="strikes", date="2026-01-12", date_text="Monday", published="2026-01-13"),
        record("local-c.txt", FERRY_C, s_c1, "1,240", value=1240.0, measure="worker", category="strikes",
               speaker="its owner", date="2025-04-01", date_end="2025-06-30", date_text="last spring",
               granularity="season", published="2026-01-13"),
        record("wire-a.txt", FERRY_A, s_a2, "38", value=38.0, measure="ferry", speaker="Port officials",
               date="2026-01-12", date_text="Monday", published="2026-01-13"),
        record("wire-b.txt", FERRY_B, s_b2, "52", value=52.0, measure="ferry", speaker="The union",
               date="2026-01-12", date_text="Monday", published="2026-01-13"),
    ]
    return docs, recs


SYLLABLES = ["ash", "bri", "cor", "dun", "elm", "far", "glen", "hart", "ivy", "jun", "kes", "lark", "mor",
             "nel", "ost", "pell", "quil", "ros", "sab", "tam", "ul", "vex", "wyn", "yar", "zel"]
AGENCIES = ["the county sheriff", "the transit board", "the school district", "the port authority",
            "the health department", "the water utility"]
TEMPLATES = [
    ("{agency} said {n} arrests were made in {town} on {day} after {person} led the {event} sweep.", "arrest", "arrests",
     None, "actual"),
    ("{agency} expects {n} new riders a day on the {event} line that {person} built in {town} by {month}.", "rider", None, "day",
     "forecast"),
    ("The {event} plan {person} drew up for {town} sets aside ${n} million for road repairs, {agency} said.", "budget", "budget",
     None, "target"),
    ("Officials in {town} counted {n} homes damaged by the {event} storm on {day}, {agency} told {person}.", "home", None,
     None, "actual"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = [("March", "2026-03"), ("June", "2026-06"), ("October", "2026-10")]


def big_corpus(n_docs: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """``n_docs`` invented articles of a dozen sentences each, with their records."""
    rnd = random.Random(seed)
    word = lambda n: "".join(rnd.choice(SYLLABLES) for _ in range(n)).capitalize()
    towns = [word(2) for _ in range(300)]
    events = [word(3) for _ in range(400)]
    people = [f"{word(1)} {word(2)}" for _ in range(2000)]
    docs, recs = [], []
    base = dt.date(2026, 1, 5)
    for i in range(n_docs):
        published = base + dt.timedelta(days=i % 40)
        doc_id = f"town-{i:04d}.txt"
        parts, pending = [], []
        for _ in range(12):
            tpl, measure, category, rate, kind = rnd.choice(TEMPLATES)
            n = rnd.choice([rnd.randint(2, 40), rnd.randint(100, 9000)])
            day = rnd.choice(DAYS)
            month, month_iso = rnd.choice(MONTHS)
            agency = rnd.choice(AGENCIES)
            sent = tpl.format(agency=agency.capitalize() if tpl.startswith("{agency}") else agency,
                              n=f"{n:,}", town=rnd.choice(towns), day=day, month=month,
                              event=rnd.choice(events), person=rnd.choice(people))
            parts.append(sent)
            pending.append((sent, f"{n:,}", n, measure, category, rate, kind, agency, day, month, month_iso))
        text = " ".join(parts)
        docs.append({"id": doc_id, "published": published.isoformat(), "text": text})
        cursor = 0
        for sent, num, n, measure, category, rate, kind, agency, day, month, month_iso in pending:
            s0 = text.index(sent, cursor)
            cursor = s0 + len(sent)
            speaker = agency.capitalize() if sent.startswith(agency.capitalize()) else agency
            date_text = month if "by " + month in sent else day if day in sent else None
            date = month_iso + "-01" if date_text == month else (published - dt.timedelta(days=1)).isoformat()
            end = (month_iso + "-28") if date_text == month else None
            rec = record(doc_id, text[:cursor], sent, num, value=float(n) * (1e6 if measure == "budget" else 1),
                         unit="USD" if measure == "budget" else None, measure=measure, category=category,
                         rate=rate, kind=kind, speaker=speaker, date=date, date_end=end, date_text=date_text,
                         granularity="month" if end else "day", published=published.isoformat())
            recs.append(rec)
    return docs, recs


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def strike_series() -> tuple[list[dict], list[dict]]:
    """Ten days of an invented strike: daily counts from two sources, a bound, a target, a range."""
    docs, recs = [], []
    start = dt.date(2026, 1, 5)
    for day in range(10):
        date = start + dt.timedelta(days=day)
        published = (date + dt.timedelta(days=1)).isoformat()
        union_n, port_n = 600 + 95 * day, 540 + 80 * day
        text = (f"The Harbor Vale ferry union said {union_n:,} workers were on strike on {date:%B} {date.day}. "
                f"Port officials counted {port_n:,} workers on strike that day. ")
        s1, s2 = text.split(". ")[:2]
        doc_id = f"strike-{date.isoformat()}.txt"
        spans = []
        if day == 3:
            text += "The union said at least 900 workers had joined by then. "
            spans.append(("The union said at least 900 workers had joined by then", "at least 900",
                          dict(low=900.0, approx="at_least", speaker="The union", date=date.isoformat())))
        if day == 5:
            text += "The union aims to have 2,000 workers out by January 20. "
            spans.append(("The union aims to have 2,000 workers out by January 20", "2,000",
                          dict(value=2000.0, kind="target", speaker="The union", date="2026-01-20",
                               date_text="January 20")))
        if day == 7:
            text += "Port officials expect 1,500 to 1,800 workers on strike next week. "
            spans.append(("Port officials expect 1,500 to 1,800 workers on strike next week", "1,500 to 1,800",
                          dict(low=1500.0, high=1800.0, approx="range", kind="forecast", speaker="Port officials",
                               date="2026-01-19", date_end="2026-01-25", date_text="next week",
                               granularity="week")))
        docs.append({"id": doc_id, "published": published, "text": text})
        day_text = f"{date:%B} {date.day}"
        recs.append(record(doc_id, text, s1, f"{union_n:,}", value=float(union_n), measure="worker",
                           category="strikes", speaker="The Harbor Vale ferry union", date=date.isoformat(),
                           date_text=day_text, published=published))
        recs.append(record(doc_id, text, s2, f"{port_n:,}", value=float(port_n), measure="worker",
                           category="strikes", speaker="Port officials", date=date.isoformat(),
                           date_text="that day", published=published))
        for sent, number, kw in spans:
            kw.setdefault("date_text", "by then" if "by then" in sent else None)
            recs.append(record(doc_id, text, sent, number, measure="worker", category="strikes",
                               published=published, **kw))
    return docs, recs
