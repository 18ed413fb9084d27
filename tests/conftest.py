import json
from importlib.resources import files

import jsonschema
import pytest

import claimex


@pytest.fixture(scope="session")
def ex():
    return claimex.load()


@pytest.fixture(scope="session")
def nlp(ex):
    return ex.nlp


@pytest.fixture(scope="session")
def validator():
    schema = json.loads((files("claimex") / "data" / "claim.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def one(ex, text, needle, **kw):
    """The single claim whose quantity text is ``needle``."""
    found = [c for c in ex.extract(text, **kw) if c.quantity.text == needle]
    assert len(found) == 1, (needle, [c.quantity.text for c in ex.extract(text, **kw)])
    return found[0]
