"""How long the review page and the timeline take for 1,000 articles' claims (a script, not a test).

Uses the invented corpus of the view tests (1,000 articles, 12,000 records), so it needs no model
and no network. Prints one JSON line: seconds for ``review`` (HTML page) and ``timeline`` (HTML,
PNG), and for ``link`` over the same records.

    python bench/views.py [--docs 1000]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from viewsdata import big_corpus  # noqa: E402

from claimex import link, review, timeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    a = ap.parse_args()
    docs, recs = big_corpus(a.docs)
    out: dict[str, float | int] = {"docs": len(docs), "claims": len(recs)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in (("review_html", lambda: review.write(recs, docs, f"{tmp}/r.html")),
                         ("timeline_html", lambda: timeline.write(recs, f"{tmp}/t.html", category="arrests")),
                         ("timeline_png", lambda: timeline.write(recs, f"{tmp}/t.png", category="arrests")),
                         ("link", lambda: link.link(recs))):
            t0 = time.perf_counter()
            fn()
            out[name + "_s"] = round(time.perf_counter() - t0, 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
