"""The review page: one self-contained HTML file to check claims against their articles.

The page (HTML, CSS and JavaScript under ``claimex/templates/``) gets the documents' texts and
a compact form of every record inlined as JSON; it needs no network and works from a
``file://`` URL. It lists the documents, highlights each claim in its text (a colour per kind)
with its speaker mention and date expression, shows a sortable, filterable table of records,
lets a reviewer mark each claim right or wrong and correct its fields, and exports the
verdicts as a gold JSONL file (:mod:`claimex.gold`) for ``claimex score``. Records that report
the same figure in other documents, and conflicting reports (:mod:`claimex.link`), are shown
beside each claim.
"""
from __future__ import annotations

import hashlib
import json
from importlib import resources
from typing import Iterable, Optional

from .gold import gold_claim
from .link import link

def template(name: str) -> str:
    """A template file shipped with the package (``review.html``, ``review.js``...)."""
    return resources.files("claimex").joinpath("templates", name).read_text(encoding="utf-8")


def _date_label(d: Optional[dict]) -> Optional[str]:
    if not d or not d.get("start"):
        return None
    return d["start"] if d.get("end") in (None, d["start"]) else f"{d['start']} \u2013 {d['end']}"


def _compact(rec: dict, doc_index: int) -> dict:
    """What the page needs of a record: spans, fields for the table, the gold form to export."""
    q = rec.get("quantity") or {}
    sp = rec.get("speaker") or {}
    d = rec.get("date") or {}
    s = rec.get("sentence") or {}
    return {"id": rec.get("claim_id"), "d": doc_index, "qs": q.get("start"), "qe": q.get("end"),
            "qt": q.get("text"), "v": q.get("value"), "lo": q.get("low"), "hi": q.get("high"),
            "unit": q.get("unit"), "measure": rec.get("measure"), "category": rec.get("category"),
            "rate": rec.get("rate"), "kind": rec.get("kind") or "actual", "sp": sp.get("name"),
            "ss": sp.get("start"), "se": sp.get("end"), "ds": (d.get("start") or None),
            "de": (d.get("end") or d.get("start") or None), "date": _date_label(d),
            "dts": d.get("text_start"), "dte": d.get("text_end"),
            "ss0": s.get("start"), "se0": s.get("end"), "g": gold_claim(rec), "grp": None, "cf": []}


def page_data(records: list[dict], documents: Iterable[dict], title: str) -> dict:
    """The JSON inlined in the page: documents (id, published, text), claims, groups, conflicts.

    Documents that have records but no text are listed without text; records are ordered by
    document, then by position.
    """
    docs: list[dict] = []
    index: dict[str, int] = {}
    for doc in documents:
        if doc["id"] not in index:
            index[doc["id"]] = len(docs)
            docs.append({"id": doc["id"], "published": doc.get("published"), "text": doc.get("text") or ""})
    for rec in records:
        doc_id = str(rec.get("doc_id"))
        if doc_id not in index:
            index[doc_id] = len(docs)
            docs.append({"id": doc_id, "published": rec.get("published"), "text": ""})
    ordered = sorted(records, key=lambda r: (index[str(r.get("doc_id"))], (r.get("quantity") or {}).get("start") or 0))
    claims = [_compact(r, index[str(r.get("doc_id"))]) for r in ordered]
    position = {c["id"]: i for i, c in enumerate(claims)}
    linked = link(ordered)
    groups = []
    for g in linked["groups"]:
        members = [position[cid] for cid in g["claim_ids"] if cid in position]
        for i in members:
            claims[i]["grp"] = len(groups)
        groups.append({"id": g["id"], "docs": g["documents"], "claims": members})
    group_pos = {g["id"]: k for k, g in enumerate(groups)}
    conflicts = []
    for c in linked["conflicts"]:
        sides = [groups[group_pos[s["group"]]]["claims"] if s["group"] else [position[s["claim_id"]]]
                 for s in c["sides"]]
        for side in sides:
            for i in side:
                claims[i]["cf"].append(len(conflicts))
        conflicts.append({"id": c["id"], "sides": sides})
    key = hashlib.sha1("\x1f".join(c["id"] or "" for c in claims).encode()).hexdigest()[:12]
    return {"title": title, "key": key, "docs": docs, "claims": claims, "groups": groups, "conflicts": conflicts}


def _inline_json(obj) -> str:
    """JSON safe inside a <script> element: no "</" or "<!--" can close or open anything."""
    return (json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render(records: list[dict], documents: Iterable[dict], title: str = "claimex review") -> str:
    """The review page as one HTML string."""
    data = page_data(records, documents, title)
    html = template("review.html")
    esc = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # the data goes in last, so no placeholder text inside a document can be replaced
    for name, value in (("{{CSS}}", template("review.css")), ("{{JS}}", template("review.js")),
                        ("{{TITLE}}", esc)):
        html = html.replace(name, value)
    head, _, tail = html.partition("{{DATA}}")
    return head + _inline_json(data) + tail


def write(records: list[dict], documents: Iterable[dict], out: str, title: str = "claimex review") -> None:
    """Write the review page to ``out``."""
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(render(records, documents, title))
