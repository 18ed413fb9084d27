"""Property tests: on arbitrary text, extract never raises, offsets slice, records validate, runs repeat.

The properties are those of the long-running fuzz target, ``fuzz/fuzz_extract.py`` (see the
README's Reliability section), which is also run here for a few examples.
"""
import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

_spec = importlib.util.spec_from_file_location("fuzz_extract", Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_extract.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)

NEWSY = st.lists(st.sampled_from([
    "about", "$", "3", "1,200", "to", "1,500", "%", "percent", "million", "said", "he", "\"", "“", "”", "\n\n",
    "at least", "nearly", "arrests", "a day", "May", "21", "2025", "-", "one", "of", "two in three", ".", ",",
    "the bureau", "Varnholt", "told", "the Post", "will", "should", "goal", "reportedly", "not", "(", ")", "k", "bn",
]), max_size=40).map(" ".join)
TEXT = st.one_of(st.text(max_size=200), NEWSY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_extract_on_arbitrary_text(ex, validator, text):
    fuzz.check_text(ex, validator, text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.one_of(st.text(fuzz.CHARS, max_size=20),
                                st.sampled_from(["\ud800", "\udc80", "\ud83d", " 12 cats ", "said \"5%\""])),
                      min_size=1, max_size=12).map("".join))
def test_lone_surrogates(ex, validator, text):
    """JSON input can carry lone surrogates: read as U+FFFD, offsets unchanged, no exception."""
    fuzz.check_text(ex, validator, text, doc_id=None)


def test_fuzz_target_runs(ex):
    assert fuzz.run(ex, max_examples=8, seed=0) >= 8
    assert fuzz.run(ex, seconds=0.01, round_examples=3, seed=1) >= 3


def test_the_checks_catch_a_broken_extractor(ex, validator):
    class Shifted:  # offsets one character off
        def extract(self, text, doc_id=None):
            return [replace(c, quantity=replace(c.quantity, start=c.quantity.start + 1))
                    for c in ex.extract(text, doc_id=doc_id)]

    class Varying:  # a second run differs
        n = 0

        def extract(self, text, doc_id=None):
            self.n += 1
            return ex.extract(text, doc_id=f"x{self.n}")

    text = "Police made 230 arrests, officials said."
    for broken in (Shifted(), Varying()):
        with pytest.raises(AssertionError):
            fuzz.check_text(broken, validator, text)
