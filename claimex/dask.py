"""Dask helpers (optional extra ``claimex[dask]``).

* :func:`extract_bag` maps a ``dask.bag.Bag`` of documents (dicts with ``id`` or ``doc_id``,
  ``text`` and ``published`` or ``date``; plain strings are texts) to a flat bag of claim
  records (the dicts of ``Claim.to_dict()``).
* :func:`extract_partition` does the same for one ``pandas.DataFrame`` partition and returns
  flat columns (``quantity.value``, ``speaker.name``...); use it with
  ``ddf.map_partitions(extract_partition, meta=claims_meta())``.
* :class:`DaskBackend` is what ``claimex extract ... --scheduler ADDRESS`` uses.

The model is loaded once per worker process and kept in a module-level cache keyed by model
name. Workers need claimex (and its model) installed; one thread per worker process
(``threads_per_worker=1``) is the recommended setup for CPU-bound NLP.
"""
from __future__ import annotations

import threading
from collections import deque
from typing import Any, Iterable, Iterator, Optional

from . import io as cio

_MODELS: dict[Optional[str], Any] = {}
_LOCK = threading.Lock()


def get_extractor(model: Optional[str] = None):
    """The extractor for ``model`` in this process, loaded on first use."""
    ex = _MODELS.get(model)
    if ex is None:
        with _LOCK:
            ex = _MODELS.get(model)
            if ex is None:
                from .api import load

                ex = _MODELS[model] = load(model)
    return ex


def _item(doc: Any) -> tuple[Optional[str], str, Optional[str]]:
    if isinstance(doc, str):
        return (None, doc, None)
    if not isinstance(doc, dict):
        raise TypeError(f"a document must be a dict or a str, not {type(doc).__name__}")
    doc_id = doc.get("doc_id", doc.get("id"))
    published = doc.get("published", doc.get("date"))
    return (None if doc_id is None else str(doc_id), doc.get("text"), cio._norm_published(published))


def _extract_items(items, model, batch_size, errors) -> list[dict]:
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    results = cio.process_items(get_extractor(model), items, batch_size)
    records: list[dict] = []
    for (doc_id, _, _), (claims, err) in zip(items, results):
        if err is not None:
            if errors == "raise":
                raise RuntimeError(f"document {doc_id!r}: {err}")
            continue
        records.extend(claims)
    return records


def _bag_partition(docs: Iterable[Any], model: Optional[str], batch_size: int, errors: str) -> list[dict]:
    items = [_item(d) for d in docs]
    return _extract_items(items, model, batch_size, errors)


def extract_bag(bag, *, model: Optional[str] = None, batch_size: int = 32, errors: str = "raise"):
    """A flat bag of claim record dicts from a bag of documents, partition by partition.

    ``errors="raise"`` (default) fails the task on a document the extractor cannot process;
    ``errors="skip"`` leaves such documents out.
    """
    return bag.map_partitions(_bag_partition, model=model, batch_size=batch_size, errors=errors)


def claims_meta():
    """An empty DataFrame with the columns and dtypes :func:`extract_partition` returns."""
    import pandas as pd

    dtypes = {"str": object, "int": "Int64", "float": "float64", "bool": "boolean"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[k]) for c, k in cio.COLUMN_TYPES})


def extract_partition(
    df,
    *,
    model: Optional[str] = None,
    text_col: str = "text",
    id_col: Optional[str] = None,
    date_col: Optional[str] = None,
    batch_size: int = 32,
    errors: str = "raise",
):
    """Claims of the documents of one ``pandas.DataFrame`` as flat columns (one row per claim).

    ``id_col`` defaults to ``id`` or ``doc_id``, ``date_col`` to ``published`` or ``date``
    (when present).
    """
    import pandas as pd

    cols = set(df.columns)
    if id_col is None:
        id_col = next((c for c in ("id", "doc_id") if c in cols), None)
    if date_col is None:
        date_col = next((c for c in ("published", "date") if c in cols), None)
    items = []
    for row in df.itertuples(index=False, name=None):
        rd = dict(zip(df.columns, row))
        doc_id = rd.get(id_col) if id_col else None
        pub = rd.get(date_col) if date_col else None
        if pub is not None and pd.isna(pub):
            pub = None
        if doc_id is not None and pd.isna(doc_id):
            doc_id = None
        items.append((None if doc_id is None else str(doc_id), rd.get(text_col), cio._norm_published(pub)))
    records = _extract_items(items, model, batch_size, errors)
    meta = claims_meta()
    if not records:
        return meta
    out = pd.DataFrame([cio.flatten(r) for r in records], columns=cio.COLUMNS)
    return out.astype(meta.dtypes.to_dict())


def _run_items(items, model: Optional[str], batch_size: int) -> list:
    """Dask task of :class:`DaskBackend`: one result per item (claims or error)."""
    return cio.process_items(get_extractor(model), items, batch_size)


class DaskBackend:
    """Send batches to a running Dask cluster; results come back in input order."""

    def __init__(self, address: str, *, model: Optional[str] = None, batch_size: int = 32, timeout: float = 30):
        try:
            from distributed import Client
        except ImportError as e:
            raise cio.BackendError("--scheduler needs Dask: pip install 'claimex[dask]'") from e
        try:
            self.client = Client(address, timeout=timeout)
        except Exception as e:
            raise cio.BackendError(f"cannot connect to the Dask scheduler at {address}: {e}") from e
        self.model = model
        self.batch_size = batch_size
        try:
            threads = sum(self.client.nthreads().values())
        except Exception:
            threads = 1
        self.limit = max(2, 2 * threads)

    def map(self, batches: Iterable[list]) -> Iterator[list]:
        window: deque = deque()
        it = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(window) < self.limit:
                try:
                    docs = next(it)
                except StopIteration:
                    exhausted = True
                    break
                items = cio._todo(docs)
                fut = self.client.submit(_run_items, items, self.model, self.batch_size, pure=False) if items else None
                window.append((docs, items, fut))
            if not window:
                return
            docs, items, fut = window.popleft()
            if fut is None:
                results = []
            else:
                try:
                    results = fut.result()
                except Exception as e:
                    results = [(None, f"dask task failed: {type(e).__name__}: {e}")] * len(items)
            yield cio._merge(docs, results)

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:
            pass
