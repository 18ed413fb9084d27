"""Property tests: on arbitrary text, extract never raises, offsets slice, records validate, runs repeat."""
import json

from hypothesis import HealthCheck, given, settings, strategies as st

NEWSY = st.lists(st.sampled_from([
    "about", "$", "3", "1,200", "to", "1,500", "%", "percent", "million", "said", "he", "\"", "“", "”", "\n\n",
    "at least", "nearly", "arrests", "a day", "May", "21", "2025", "-", "one", "of", "two in three", ".", ",",
    "ICE", "Homan", "told", "the Post", "will", "should", "goal", "reportedly", "not", "(", ")", "k", "bn",
]), max_size=40).map(" ".join)
TEXT = st.one_of(st.text(max_size=200), NEWSY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_extract_on_arbitrary_text(ex, validator, text):
    first = ex.extract(text, doc_id="x")
    again = ex.extract(text, doc_id="x")
    assert [c.to_dict() for c in first] == [c.to_dict() for c in again]
    for c in first:
        d = c.to_dict()
        validator.validate(d)
        json.dumps(d, allow_nan=False)
        assert text[c.quantity.start:c.quantity.end] == c.quantity.text
