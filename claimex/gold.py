"""Gold files (hand-checked claims) and per-field accuracy of claim records against them.

A gold file has one JSON object per document: ``{"doc_id", "published", "claims": [...]}``,
each claim with its quantity span (``text``, ``start``, ``end``), ``value``/``low``/``high``/
``approx``/``unit``, ``measure`` and ``speaker`` as lists of acceptable answers (``speaker:
null`` for none), ``rate``, ``kind``, ``date`` (an ISO day, month or year, or null when it
cannot be known) and ``optional`` (not counted when missed). The review page exports this
format; :func:`score` matches predicted records to gold claims by overlapping quantity spans,
largest overlap first, and scores each field on the matched pairs.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

FIELDS = ("value", "measure", "rate", "kind", "speaker", "date")
#: Two values agree within this share of the gold value (rounding of a stored float).
VALUE_TOL = 0.005
#: A predicted date interval may be this many days wide where the gold date is a single day.
DAY_SLACK = 6
_LOWER = ("at_least", "more_than")
_UPPER = ("at_most", "less_than")


def gold_date(date: Optional[dict]) -> Optional[str]:
    """A record's date as a gold date: a day, a month (``2025-05``) or a year, else None."""
    if not date or not date.get("start"):
        return None
    start, end, gran = date["start"][:10], (date.get("end") or date["start"])[:10], date.get("granularity")
    if start == end:
        return start
    if gran == "month" and start[:7] == end[:7]:
        return start[:7]
    if gran == "year" and start[:4] == end[:4]:
        return start[:4]
    return None


def gold_claim(rec: dict) -> dict:
    """A claim record as a gold claim (what a reviewer confirms when marking it right)."""
    q = rec.get("quantity") or {}
    sp = rec.get("speaker")
    return {"text": q.get("text"), "start": q.get("start"), "end": q.get("end"),
            "value": q.get("value"), "low": q.get("low"), "high": q.get("high"),
            "approx": q.get("approx") or "exact", "unit": q.get("unit"),
            "measure": [rec["measure"]] if rec.get("measure") else [],
            "rate": rec.get("rate"), "kind": rec.get("kind"),
            "speaker": [sp["name"]] if sp and sp.get("name") else None,
            "date": gold_date(rec.get("date")), "optional": False}


def _close(a, b) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= VALUE_TOL * max(abs(float(b)), 1.0)


def value_ok(q: dict, g: dict) -> Optional[bool]:
    approx = g.get("approx") or "exact"
    if approx == "vague":
        return None
    if approx in _LOWER:
        return _close(q.get("low"), g.get("low"))
    if approx in _UPPER:
        return _close(q.get("high"), g.get("high"))
    if approx == "range":
        return _close(q.get("low"), g.get("low")) and _close(q.get("high"), g.get("high"))
    return _close(q.get("value"), g.get("value"))


def _words(s: Optional[str]) -> list[str]:
    s = re.sub(r"'s\b", "", (s or "").lower().replace("\u2019", "'"))
    return [w for w in re.sub(r"[^a-z0-9 ]+", " ", s).split() if w not in ("the", "a", "an")]


def singular(w: str) -> str:
    """A plural noun's singular by its ending ("arrests" -> "arrest", "counties" -> "county")."""
    for suf, rep in (("ies", "y"), ("ees", "ee"), ("es", "e"), ("s", "")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + rep
    return w


def measure_ok(pred: Optional[str], golds: Optional[list]) -> Optional[bool]:
    """Same words, or the same head (last) word: "border arrests" matches "arrests"."""
    if not golds:
        return None
    words = [singular(w) for w in _words(pred)]
    if not words:
        return False
    gs = [[singular(w) for w in _words(g)] for g in golds]
    return any(words == g or words[-1:] == g[-1:] for g in gs if g)


def speaker_ok(pred: Optional[dict], golds: Optional[list]) -> bool:
    """A name matches by containment either way ("Mayor Ada Lind" ~ "Ada Lind"); a lower-case
    description ("officials") only as a whole."""
    name = pred.get("name") if isinstance(pred, dict) else None
    if golds is None:
        return not name
    p = _words(name)
    if not p:
        return False
    for g in golds:
        gw = _words(g)
        if not gw:
            continue
        if gw == p:
            return True
        if g != g.lower() and (f" {' '.join(gw)} " in f" {' '.join(p)} " or f" {' '.join(p)} " in f" {' '.join(gw)} "):
            return True
    return False


def _period(s: str) -> tuple[dt.date, dt.date]:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        d = dt.date.fromisoformat(s)
        return d, d
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = map(int, s.split("-"))
        return dt.date(y, m, 1), dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    if re.fullmatch(r"\d{4}", s):
        return dt.date(int(s), 1, 1), dt.date(int(s), 12, 31)
    raise ValueError(f"not an ISO day, month or year: {s!r}")


def date_ok(pred: Optional[dict], gold: Optional[str]) -> Optional[bool]:
    """Overlapping, and no wider than the gold period (or a week where gold is a day)."""
    if gold is None:
        return None
    if not isinstance(pred, dict) or not pred.get("start"):
        return False
    try:
        ps = dt.date.fromisoformat(pred["start"][:10])
        pe = dt.date.fromisoformat((pred.get("end") or pred["start"])[:10])
        gs, ge = _period(gold)
    except ValueError:
        return False
    return ps <= ge and gs <= pe and (pe - ps).days <= max((ge - gs).days, DAY_SLACK)


def match(golds: list[dict], preds: list[dict]) -> dict[int, int]:
    """Gold index -> prediction index, one to one, by overlapping quantity spans, largest first."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            q = p.get("quantity") or {}
            if q.get("start") is None or q.get("end") is None or g.get("start") is None:
                continue
            ov = min(q["end"], g["end"]) - max(q["start"], g["start"])
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in out and pi not in used_p:
            out[gi] = pi
            used_p.add(pi)
    return out


def field_results(pred: dict, g: dict) -> dict[str, Optional[bool]]:
    """Each field of one matched pair: True, False, or None when the gold leaves it open."""
    return {"value": value_ok(pred.get("quantity") or {}, g),
            "measure": measure_ok(pred.get("measure"), g.get("measure")),
            "rate": pred.get("rate") == g.get("rate"),
            "kind": (pred.get("kind") == g.get("kind")) if g.get("kind") else None,
            "speaker": speaker_ok(pred.get("speaker"), g.get("speaker")),
            "date": date_ok(pred.get("date"), g.get("date"))}


def score(gold_docs: Iterable[dict], records: Iterable[dict]) -> dict:
    """Detection precision/recall/F1 and per-field accuracy over the gold documents.

    Only records of documents in the gold file count; optional gold claims neither count as
    missed nor make their match spurious.
    """
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r.get("doc_id"), []).append(r)
    tp = fp = fn = full = required = 0
    hits = {f: [0, 0] for f in FIELDS}
    for doc in gold_docs:
        golds = doc.get("claims") or []
        preds = by_doc.get(doc.get("doc_id"), [])
        m = match(golds, preds)
        fp += len(preds) - len(m)
        for gi, g in enumerate(golds):
            if g.get("optional"):
                continue
            required += 1
            if gi not in m:
                fn += 1
                continue
            tp += 1
            res = field_results(preds[m[gi]], g)
            for f, ok in res.items():
                if ok is not None:
                    hits[f][1] += 1
                    hits[f][0] += bool(ok)
            full += all(res[f] in (True, None) for f in ("value", "measure", "speaker", "date"))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"gold": required, "found": tp, "missed": fn, "spurious": fp,
            "precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "fields": {f: {"right": h, "of": n, "accuracy": h / n if n else None} for f, (h, n) in hits.items()},
            "full": full / required if required else 0.0}


def format_score(s: dict) -> str:
    """The score as the lines ``claimex score`` prints."""
    lines = [f"gold claims: {s['gold']}   found: {s['found']}   missed: {s['missed']}   spurious: {s['spurious']}",
             f"detection: precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}"]
    for f, v in s["fields"].items():
        acc = "-" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"  {f:8} {v['right']}/{v['of']} = {acc}")
    lines.append(f"  full     {s['full']:.3f}  (value, measure, speaker and date all right)")
    return "\n".join(lines)
