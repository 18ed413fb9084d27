"""Worker backends: run the extractor over batches of documents, in this process or in a pool."""
from __future__ import annotations

import os
from collections import deque
from typing import Iterable, Iterator, Optional, Sequence

from .errors import BackendError
from .readers import Document

_BLAS_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

# One result per document: (claim dicts, None) or (None, error message).
Result = tuple[Optional[list[dict]], Optional[str]]


def process_items(ex, items: Sequence[tuple[str, str, Optional[str]]], batch_size: int = 32) -> list[Result]:
    """Run the extractor on ``(doc_id, text, published)`` items; one result per item, in order.

    Uses ``ex.pipe`` for speed; if it fails part-way, the rest is redone one document at a time
    so that only the failing document is reported as an error.
    """
    out: list[Result] = []
    if not items:
        return out
    try:
        payload = [{"text": t, "doc_id": d, "published": p} for d, t, p in items]
        for claims in ex.pipe(payload, batch_size=batch_size):
            out.append(([c.to_dict() for c in claims], None))
            if len(out) == len(items):
                break
    except Exception:
        pass
    for d, t, p in items[len(out):]:
        try:
            claims = ex.extract(t, doc_id=d, published=p)
            out.append(([c.to_dict() for c in claims], None))
        except Exception as e:
            out.append((None, f"extraction failed: {type(e).__name__}: {e}"))
    return out


def _merge(docs: list[Document], results: Sequence[Result]) -> list[tuple[Document, Result]]:
    it = iter(results)
    merged = []
    for d in docs:
        if d.error is not None:
            merged.append((d, (None, d.error)))
        else:
            merged.append((d, next(it)))
    return merged


def _todo(docs: list[Document]) -> list[tuple[str, str, Optional[str]]]:
    return [d.item() for d in docs if d.error is None]


class SerialBackend:
    """Everything in this process with one extractor."""

    def __init__(self, extractor, batch_size: int = 32):
        self.ex = extractor
        self.batch_size = batch_size

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[tuple[Document, Result]]]:
        for docs in batches:
            yield _merge(docs, process_items(self.ex, _todo(docs), self.batch_size))

    def close(self) -> None:
        pass


_WORKER_EX = None


def _worker_init(model: Optional[str]) -> None:
    global _WORKER_EX
    from ..api import load

    _WORKER_EX = load(model)


def _worker_run(items, batch_size: int) -> list[Result]:
    return process_items(_WORKER_EX, items, batch_size)


def _worker_ping() -> bool:
    return _WORKER_EX is not None


def pin_native_threads() -> None:
    """One BLAS/OpenMP thread per worker process (set before the workers start)."""
    for k in _BLAS_ENV:
        os.environ[k] = "1"


class ProcessBackend:
    """``workers`` spawned processes, each loading the model once; results come back in order.

    At most ``2 * workers`` batches are in flight. A batch whose worker process dies is retried
    in a fresh pool one document at a time, so only a document that kills its worker twice is an
    error.
    """

    def __init__(self, model: Optional[str], workers: int, batch_size: int = 32, start_method: str = "spawn"):
        import multiprocessing as mp

        self.model = model
        self.workers = workers
        self.batch_size = batch_size
        self.ctx = mp.get_context(start_method)
        self._generation = 0
        pin_native_threads()
        self.pool = self._new_pool()

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(self.workers, mp_context=self.ctx,
                                   initializer=_worker_init, initargs=(self.model,))
        try:  # fails fast when the workers cannot load the model
            pool.submit(_worker_ping).result()
        except BrokenProcessPool as e:
            pool.shutdown(wait=False, cancel_futures=True)
            raise BackendError("worker processes could not start (the model could not be loaded?)") from e
        return pool

    def _submit(self, items):
        return self.pool.submit(_worker_run, items, self.batch_size)

    def _result(self, fut, items) -> list[Result]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return fut.result()
        except BrokenProcessPool:
            return self._retry(items)
        except Exception as e:
            return [(None, f"worker failed: {type(e).__name__}: {e}")] * len(items)

    def _retry(self, items) -> list[Result]:
        from concurrent.futures.process import BrokenProcessPool

        self._restart()
        out: list[Result] = []
        for item in items:
            try:
                out.extend(self.pool.submit(_worker_run, [item], self.batch_size).result())
            except BrokenProcessPool:
                self._restart()
                out.append((None, "worker process crashed while processing this document"))
            except Exception as e:
                out.append((None, f"worker failed: {type(e).__name__}: {e}"))
        return out

    def _restart(self) -> None:
        try:
            self.pool.shutdown(wait=False, cancel_futures=True)
        except Exception:
            pass
        self.pool = self._new_pool()
        self._generation += 1

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[tuple[Document, Result]]]:
        window: deque = deque()
        limit = max(2, 2 * self.workers)
        it = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(window) < limit:
                try:
                    docs = next(it)
                except StopIteration:
                    exhausted = True
                    break
                items = _todo(docs)
                gen = self._generation
                window.append((docs, items, self._submit(items) if items else None, gen))
            if not window:
                return
            docs, items, fut, gen = window.popleft()
            if fut is None:
                results: list[Result] = []
            elif gen != self._generation:
                # submitted to a pool that has since been replaced
                results = self._result(self._submit(items), items)
            else:
                results = self._result(fut, items)
            yield _merge(docs, results)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def iter_batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
