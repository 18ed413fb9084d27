"""Long-running fuzz target for ``claimex.extract`` (hypothesis).

    python fuzz/fuzz_extract.py --seconds 3600        # run for an hour
    python fuzz/fuzz_extract.py --max-examples 20000  # or a number of examples
    python fuzz/fuzz_extract.py --seconds 600 --seed 7

It needs the test extra (``pip install -e '.[test]'``: hypothesis, jsonschema). Inputs mix
arbitrary Unicode (control characters, lone surrogates, other scripts), news-like phrases with
numbers, quotes and speakers, and long runs of adversarial atoms ("1,", quotes, punctuation,
markup, blanks, digits). For each input it asserts what ``tests/test_properties.py`` asserts:

* ``extract`` never raises on a ``str``, and a second run (through ``pipe``) gives identical
  records;
* ``quantity``, ``sentence`` and the date expression offsets slice the text to their own text
  (lone surrogates read as U+FFFD), a quantity starts inside its sentence, the speaker's offsets
  lie inside the text;
* every record validates against ``claim.schema.json`` and serialises with
  ``json.dumps(..., allow_nan=False)``; values are finite or null; claim ids are unique;
* CPU time stays within ``--base-seconds`` + ``--seconds-per-kchar`` per 1,000 characters, for
  both runs (a quadratic blow-up on a long input fails).

A failure prints hypothesis's shrunk example and exits with status 1; an input that hangs
(10 times its time bound, at least a minute) dumps every thread's traceback and exits.
"""
from __future__ import annotations

import argparse
import faulthandler
import json
import math
import re
import sys
import time
from importlib.resources import files
from typing import Optional

from hypothesis import HealthCheck, given, settings, strategies as st

NEWS_WORDS = [
    "about", "$", "3", "1,200", "to", "1,500", "%", "percent", "million", "billion", "said", "he", "she", '"', "“",
    "”", "\n", "\n\n", "at least", "nearly", "more than", "arrests", "a day", "per year", "May", "21", "2025", "-",
    "–", "one", "two dozen", "of", "two in three", ".", ",", ";", "(", ")", "the bureau", "Varnholt", "Mayor Ana Ruiz",
    "told", "the Post", "according to", "will", "should", "goal", "target", "expects", "reportedly", "not",
    "never", "k", "bn", "m", "last week", "on Sunday", "in March", "next year", "since 2020", "rose", "fell",
    "up", "down", "date 2025-01-27\n", "£40m", "C$40", "USD", "40 acres", "2,300 miles", "4.5 pct", "12k",
    "hundreds of", "tens of thousands", "a few hundred", "Title 42", "COVID-19", "9/11", "10:30 a.m.", "'90s",
]
ATOMS = ["1,", "1", "1 ", "9", '"', "“", "”", "'", "(", ")", "<", ">", "<p>", "</div>", "&amp;", "-", ".", "!", "?",
         " ", "\t", "\n", "\r\n", "\x00", "\x1b", "\u200b", "\ufeff", "\u2028", "$", "%", "one ", "hundred ",
         "million ", "a ", "said ", "警", "٩", "е", "😀", "e\u0301", "\ud83d", "\udc80 12 "]

_SURROGATE = re.compile("[\ud800-\udfff]")
CHARS = st.characters(codec=None, categories=None)  # every code point, lone surrogates included
TEXT = st.one_of(
    st.text(max_size=300),
    st.text(CHARS, max_size=200),
    st.lists(st.sampled_from(NEWS_WORDS), max_size=60).map(" ".join),
    st.tuples(st.sampled_from(ATOMS), st.integers(1, 1000)).map(lambda t: t[0] * t[1]),
)
FUZZ_TEXT = st.lists(TEXT, min_size=1, max_size=4).map("".join)


def schema_validator():
    import jsonschema

    schema = json.loads((files("claimex") / "data" / "claim.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_text(ex, validator, text: str, doc_id: Optional[str] = "x") -> list[dict]:
    """Run extract twice on ``text`` and assert every property; returns the records."""
    first = [c.to_dict() for c in ex.extract(text, doc_id=doc_id)]
    if hasattr(ex, "pipe"):  # the second run through pipe(): the same records
        again = [c.to_dict() for c in next(iter(ex.pipe([{"text": text, "doc_id": doc_id}])))]
    else:
        again = [c.to_dict() for c in ex.extract(text, doc_id=doc_id)]
    assert first == again, "two runs differ"
    read = _SURROGATE.sub("\ufffd", text)  # the text as claimex reads it: lone surrogates are U+FFFD
    ids = [d["claim_id"] for d in first]
    assert len(set(ids)) == len(ids), "claim ids repeat"
    for d in first:
        validator.validate(d)
        json.dumps(d, allow_nan=False)
        q, s = d["quantity"], d["sentence"]
        assert text[q["start"]:q["end"]] == q["text"], (q["start"], q["end"], q["text"])
        for v in (q["value"], q["low"], q["high"]):
            assert v is None or math.isfinite(v), q
        assert 0 <= s["start"] <= q["start"] < s["end"] <= len(text) and q["start"] < q["end"], (s, q)
        assert read[s["start"]:s["end"]] == s["text"], (s["start"], s["end"])
        sp = d["speaker"]
        if sp and sp.get("start") is not None:
            assert 0 <= sp["start"] <= sp["end"] <= len(text), sp
        dt = d["date"]
        if dt and dt.get("text_start") is not None:
            assert read[dt["text_start"]:dt["text_end"]] == dt["text"], dt
    return first


def run(ex=None, *, max_examples: int = 1000, seconds: Optional[float] = None, seed: Optional[int] = None,
        base_seconds: float = 10.0, seconds_per_kchar: float = 2.0, round_examples: int = 200,
        verbose: bool = False) -> int:
    """Fuzz until ``max_examples`` inputs (or, with ``seconds``, rounds of ``round_examples`` inputs
    until that much time) have passed; returns the number of inputs checked."""
    if ex is None:
        import claimex

        ex = claimex.load()
    validator = schema_validator()
    count = [0]

    @settings(max_examples=max_examples if seconds is None else round_examples, deadline=None, database=None,
              derandomize=False, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(text=FUZZ_TEXT)
    def one(text):
        limit = base_seconds + seconds_per_kchar * len(text) / 1000
        faulthandler.dump_traceback_later(max(60.0, 10 * limit), exit=True)  # a hang: traceback, exit
        t0 = time.process_time()  # CPU time: a busy machine does not count
        try:
            check_text(ex, validator, text)
        finally:
            faulthandler.cancel_dump_traceback_later()
        dt = time.process_time() - t0
        assert dt <= limit, f"{len(text)} chars took {dt:.1f}s (limit {limit:.1f}s)"
        count[0] += 1

    if seed is not None:
        from hypothesis import seed as hseed

        one = hseed(seed)(one)
    t_end = None if seconds is None else time.monotonic() + seconds
    rounds = 0
    while True:
        one()
        rounds += 1
        if verbose:
            print(f"fuzz: {count[0]} examples", file=sys.stderr)
        if t_end is None or time.monotonic() >= t_end:
            break
        if seed is not None:
            hseed(seed + rounds)(one)  # a new, still reproducible, stream each round
    return count[0]


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-examples", type=int, default=1000, help="inputs to try (without --seconds)")
    ap.add_argument("--seconds", type=float, default=None, help="run for this long instead (rounds of 200 inputs)")
    ap.add_argument("--seed", type=int, default=None, help="reproducible input streams")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: claimex's)")
    ap.add_argument("--base-seconds", type=float, default=10.0)
    ap.add_argument("--seconds-per-kchar", type=float, default=2.0)
    args = ap.parse_args(argv)
    import claimex

    ex = claimex.load(args.model)
    t0 = time.monotonic()
    try:
        n = run(ex, max_examples=args.max_examples, seconds=args.seconds, seed=args.seed,
                base_seconds=args.base_seconds, seconds_per_kchar=args.seconds_per_kchar, verbose=True)
    except Exception as e:  # hypothesis has printed the shrunk example
        print(f"fuzz: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"fuzz: {n} examples passed in {time.monotonic() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
