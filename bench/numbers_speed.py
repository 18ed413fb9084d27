"""Cost per claim on a text that is nothing but numbers (a script, not a test).

``" ".join(str(i) for i in range(N))`` gives one claim per number in sentences of a few hundred
tokens, so any per-claim work that grows with the sentence shows up here first. Prints the parse
time, the extraction time and milliseconds per claim; ``--profile`` adds the claimex functions
that take the most time (cumulative), so a slow step can be named precisely.

Usage::

    python bench/numbers_speed.py [-n 20000] [--profile] [--model NAME]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import claimex  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=20000, help="how many numbers (default 20000)")
    ap.add_argument("--profile", action="store_true", help="profile the extraction and list the hot spots")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    ex = claimex.load(args.model)
    ex.extract("Warm-up: 5 people came.")
    text = " ".join(str(i) for i in range(args.n))

    t0 = time.perf_counter()
    doc = ex.nlp(text, disable=["claimex"])
    parse = time.perf_counter() - t0
    sents = list(doc.sents)

    prof = cProfile.Profile() if args.profile else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    claims = ex.extract(text)
    if prof:
        prof.disable()
    total = time.perf_counter() - t0

    print(f"numbers            {args.n}")
    print(f"sentences          {len(sents)} (longest {max(len(s) for s in sents)} tokens)")
    print(f"parse only         {parse:.1f} s")
    print(f"extract            {total:.1f} s  ({'profiled' if prof else 'not profiled'})")
    print(f"claims             {len(claims)}")
    print(f"per claim          {1000 * total / max(1, len(claims)):.2f} ms")
    if prof:
        st = pstats.Stats(prof)
        rows = [(v[3], f"{k[0].rsplit('/', 1)[-1]}:{k[1]}({k[2]})") for k, v in st.stats.items()
                if "/claimex/" in k[0]]
        print("hot spots (cumulative seconds, claimex functions):")
        for cum, name in sorted(rows, reverse=True)[:25]:
            print(f"  {cum:8.2f}  {name}")
    print(json.dumps({"n": args.n, "parse_s": round(parse, 2), "extract_s": round(total, 2), "claims": len(claims),
                      "ms_per_claim": round(1000 * total / max(1, len(claims)), 3), "profiled": bool(prof)}))


if __name__ == "__main__":
    main()
