"""Every regular expression in claimex runs in linear time: no nested or adjacent quantifiers
that backtrack over the same characters.

Each compiled pattern of every claimex module is matched at the start of long runs of the
characters news text (and adversarial text) repeats; doubling the run may at most triple the
(CPU) time. The patterns that scan whole texts (``finditer``) are also run over whole runs. A
pattern known to backtrack shows the check can fail.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import time

import claimex

ATOMS = ["1", "1,", "1, ", "1 ", "12.", "1-", "1/", "1:", "-1", "x1", "1 1", "$1", "a", "a ", "A", "A ", "Aa ",
         "A.", "a.", "a-", " ", "\t", "\n", " \n", "-", ".", "'", '"', "“", "» ", "(", "<a", ", ", "one ",
         "one-", "hundred and ", "May ", "By A ", "said ", "last ", "the ", "of ", "in ", "and ", "per ", "Mr. "]


def all_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for info in pkgutil.iter_modules(claimex.__path__):
        if info.name == "__main__":
            continue
        mod = importlib.import_module(f"claimex.{info.name}")
        for name, v in vars(mod).items():
            items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, (list, tuple)) else ()
            if isinstance(v, re.Pattern):
                found[f"{mod.__name__}.{name}"] = v
            for k, w in items:
                if isinstance(w, re.Pattern):
                    found[f"{mod.__name__}.{name}[{k}]"] = w
    return found


def _time(run, s: str) -> float:
    t0 = time.process_time()
    run(s)
    return time.process_time() - t0


def super_linear(patterns: dict[str, re.Pattern], n: int, how: str, slack: float = 0.002,
                 atoms: list[str] = ATOMS) -> list[str]:
    """Patterns whose time on atom * 2n chars exceeds 3x their time on atom * n (min of 3)."""
    bad = []
    for name, rx in patterns.items():
        if how == "match":
            def run(s, rx=rx):
                for pos in range(3):
                    rx.match(s, pos)
        else:
            def run(s, rx=rx):
                for _ in rx.finditer(s):
                    pass
        for atom in atoms:
            small, big = atom * (n // len(atom)), atom * (2 * n // len(atom))
            t1, t2 = _time(run, small), _time(run, big)
            for _ in range(2):
                if t2 <= 3 * t1 + slack:
                    break
                t1, t2 = min(t1, _time(run, small)), min(t2, _time(run, big))
            if t2 > 3 * t1 + slack:
                bad.append(f"{name} on {atom!r}: {t1:.4f}s -> {t2:.4f}s")
    return bad


def test_patterns_are_found():
    pats = all_patterns()
    assert len(pats) > 50
    assert "claimex.quantities._SUFFIX_SCALE_RE" in pats and "claimex.quantities._MASKS" in pats


def test_every_pattern_matches_in_linear_time():
    assert super_linear(all_patterns(), 5000, "match") == []


def test_scanning_patterns_search_in_linear_time():
    api, io, quantities = (importlib.import_module(f"claimex.{m}") for m in ("api", "io", "quantities"))

    scanners = {"quantities._DIGITS": quantities._DIGITS, "quantities._NUMWORD": quantities._NUMWORD,
                "quantities._VAGUE_RE": quantities._VAGUE_RE, "quantities._MASKS": quantities._MASKS,
                "api._LONG_RUN": api._LONG_RUN, "api._SURROGATE": api._SURROGATE, "io._ISO_DATE_RE": io._ISO_DATE_RE}
    assert super_linear(scanners, 5000, "finditer") == []


def test_the_check_catches_backtracking():
    # the shape of a real bug: two blank runs around an optional hyphen split a blank run every way
    bad = {"blanks": re.compile(r"[ \t]*-?[ \t]*million"), "digits": re.compile(r"\d*,?\d*%")}
    found = super_linear(bad, 4000, "match", atoms=[" ", "1"])  # long enough to stand out of timing noise
    assert any(f.startswith("blanks on ' '") for f in found), found
    assert any(f.startswith("digits on '1'") for f in found), found
