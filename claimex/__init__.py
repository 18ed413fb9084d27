"""claimex: structured, source-attributed numeric claims from news text."""
from __future__ import annotations

from .api import Extractor, attributions, extract, load, quantities
from .records import Attribution, Claim, DateRef, Quantity, Speaker

__version__ = "0.1.0"


def resolve_date(expression: str, *, published, tense=None):
    """Resolve one time expression against a publication date (see claimex.dates)."""
    from .dates import resolve_date as _resolve

    return _resolve(expression, published=published, tense=tense)


def to_frame(claims):
    """Claims (``Claim`` objects or record dicts) as a pandas DataFrame with the CSV's columns."""
    import pandas as pd

    from .io import COLUMNS, flatten

    rows = [flatten(c.to_dict() if isinstance(c, Claim) else c) for c in claims]
    return pd.DataFrame(rows, columns=COLUMNS)


__all__ = ["extract", "quantities", "attributions", "load", "resolve_date", "to_frame", "Extractor", "Claim",
           "Quantity", "Speaker", "DateRef", "Attribution", "__version__"]
