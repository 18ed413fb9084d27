"""Batch input and output for claimex: reading documents, writing claim records.

This module is the engine behind ``claimex extract`` (see :mod:`claimex.cli`) and the Dask
helpers (:mod:`claimex.dask`). It has no command-line parsing of its own.

Inputs
------
* folders, walked recursively in sorted order (hidden files and folders are skipped, as are
  files with other extensions); ``doc_id`` is the path relative to the folder (``sub/a001.txt``);
* ``.txt`` / ``.md`` files (UTF-8; a leading BOM is dropped; an optional first line
  ``date YYYY-MM-DD`` is the publication date); ``doc_id`` is the file name when the file is
  given directly;
* ``.jsonl`` and ``.json`` (an array of records or one record) with ``id``, ``text`` and
  ``published`` fields (``doc_id`` and ``date`` are accepted as well; other names via
  :class:`InputOptions`); a record without id gets ``<file>:<n>``, n being the line number in a
  JSONL file or the 1-based position in a JSON array;
* ``.html`` / ``.htm`` files: main text and publication date via trafilatura (optional extra
  ``claimex[html]``);
* ``-``: JSONL records on standard input.

The publication date of a document is, in this order: the record's field (or the HTML page's
date), a ``date YYYY-MM-DD`` header line in the text, a ``YYYY-MM-DD`` date in the file name,
and finally the run's default (``--published``).

A document that cannot be read or processed (file not UTF-8, unreadable, deleted during the run,
malformed JSON line, a failure inside the extractor) becomes an error entry; the run goes on.

Outputs
-------
JSONL (one claim per line), CSV (flattened dotted columns such as ``quantity.value`` and
``speaker.name``, with a header row) and Parquet (same flat columns; optional extra
``claimex[parquet]``). Next to a regular output file ``OUT`` claimex may write:

* ``OUT.errors.jsonl`` -- one ``{"doc_id", "source", "error"}`` line per failed document
  (only created when a document fails; a stale one from an earlier run is removed);
* ``OUT.done.jsonl`` -- the resume ledger (JSONL and CSV output): one line per finished
  document with the byte length of ``OUT`` after its claims. ``--resume`` truncates ``OUT`` to
  the last finished document and skips the finished ones, so a run killed at any moment and
  resumed produces exactly the output of an uninterrupted run;
* the ``--docs`` file, if asked for: one ``{"id", "source", "status", "claims", "error"}`` line
  per document.

Claims of one document are always written as one block, and blocks are flushed and fsync'ed
before the ledger records them. Record ids are data: they are written as values and are never
used to build a path.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io as _io
import json
import os
import re
import sys
from collections import deque
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Sequence

from .records import Claim, DateRef, Quantity, Sentence, Speaker
from .claims import header_date

TEXT_EXTS = frozenset({".txt", ".md"})
RECORD_EXTS = frozenset({".jsonl", ".ndjson", ".json"})
HTML_EXTS = frozenset({".html", ".htm"})
INPUT_EXTS = TEXT_EXTS | RECORD_EXTS | HTML_EXTS

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
_OUTPUT_EXTS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}

ERRORS_SUFFIX = ".errors.jsonl"
LEDGER_SUFFIX = ".done.jsonl"
LEDGER_VERSION = 1

_ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_ISO_PREFIX_RE = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:$|[T ])")

_BLAS_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class UsageError(Exception):
    """A problem with the arguments of a run (missing input, bad option): nothing was processed."""


class OutputError(Exception):
    """The output could not be written (disk full, permission denied...)."""


class BackendError(Exception):
    """The extraction backend could not start (worker processes, Dask cluster)."""


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


@dataclass
class Document:
    """One document to process, or the reason it could not be read (``error``)."""

    doc_id: str
    source: str
    text: Optional[str] = None
    published: Optional[str] = None
    error: Optional[str] = None
    seq: int = -1
    skipped: bool = False

    def item(self) -> tuple[str, str, Optional[str]]:
        return (self.doc_id, self.text or "", self.published)


@dataclass
class Source:
    """An input: a file (``path``, ``name`` = its doc id) or standard input (``path`` None)."""

    kind: str  # "text" | "records" | "html" | "stdin"
    path: Optional[Path]
    name: str


@dataclass
class InputOptions:
    """How to read records and which publication date to fall back to."""

    id_key: Optional[str] = None  # None: "id", then "doc_id"
    text_key: str = "text"
    date_key: Optional[str] = None  # None: "published", then "date"
    default_published: Optional[str] = None




def parse_iso_date(value: str) -> str:
    """``YYYY-MM-DD`` checked as a real calendar date; raises ValueError otherwise."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return _dt.date.fromisoformat(value.strip()).isoformat()


def filename_date(name: str) -> Optional[str]:
    """The last valid ``YYYY-MM-DD`` date in a file name or relative path, if any."""
    for m in reversed(list(_ISO_DATE_RE.finditer(name))):
        try:
            return parse_iso_date(m.group(1))
        except ValueError:
            continue
    return None


def _norm_published(value: Any) -> Optional[str]:
    """A record's date field as given to the extractor: ISO date strings are cut to the day."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"publication date is not a string: {value!r}")
    value = value.strip()
    if not value:
        return None
    m = _ISO_PREFIX_RE.match(value)
    try:
        return parse_iso_date(m.group(1) if m else value)
    except ValueError:
        raise ValueError(f"publication date is not a YYYY-MM-DD date: {value!r}") from None


def resolve_published(explicit: Optional[str], text: str, name: str, default: Optional[str]) -> Optional[str]:
    """Record/page date > ``date YYYY-MM-DD`` text header > file name date > default."""
    return explicit or header_date(text) or filename_date(name) or default


def collect_inputs(paths: Sequence[str], *, exclude: Iterable[str | os.PathLike] = ()) -> list[Source]:
    """Resolve the input arguments to sources, in a deterministic order.

    Raises :class:`UsageError` for a missing path or an unsupported file given directly.
    ``exclude`` lists paths (the run's own outputs) never to read as input.
    """
    excluded = {os.path.realpath(p) for p in exclude}
    sources: list[Source] = []
    stdin_seen = False
    for arg in paths:
        if arg == "-":
            if stdin_seen:
                raise UsageError("'-' (standard input) given more than once")
            stdin_seen = True
            sources.append(Source("stdin", None, "<stdin>"))
            continue
        p = Path(arg)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for fn in filenames:
                    if fn.startswith("."):
                        continue
                    fp = Path(dirpath) / fn
                    if fp.suffix.lower() not in INPUT_EXTS:
                        continue
                    if os.path.realpath(fp) in excluded:
                        continue
                    rel = fp.relative_to(p).as_posix()
                    found.append((tuple(rel.split("/")), fp, rel))
            found.sort(key=lambda t: t[0])
            sources.extend(Source(_kind(fp), fp, rel) for _, fp, rel in found)
        elif os.path.lexists(p):
            if p.suffix.lower() not in INPUT_EXTS:
                raise UsageError(
                    f"unsupported input file type: {arg} (expected a folder, "
                    + ", ".join(sorted(INPUT_EXTS)) + " or '-')"
                )
            sources.append(Source(_kind(p), p, p.name))
        else:
            raise UsageError(f"input not found: {arg}")
    return sources


def _kind(p: Path) -> str:
    ext = p.suffix.lower()
    if ext in TEXT_EXTS:
        return "text"
    if ext in HTML_EXTS:
        return "html"
    return "records"


def _read_error(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "cannot read file: not found (deleted, or a broken link)"
    if isinstance(exc, PermissionError):
        return "cannot read file: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "cannot read file: it is a directory"
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    return f"cannot read file: {exc}"


def _utf8_error(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : exc.start + 1].hex()
    return f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); convert the file to UTF-8"


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig")


SkipFn = Callable[[int, str], bool]


def iter_documents(
    sources: Sequence[Source],
    options: Optional[InputOptions] = None,
    *,
    stdin: Optional[IO[bytes]] = None,
    skip: Optional[SkipFn] = None,
) -> Iterator[Document]:
    """Documents of all sources in order, read lazily; unreadable ones carry ``error``.

    ``skip(seq, doc_id)`` -> True yields a ``skipped`` placeholder without reading the text
    (used by resume).
    """
    opts = options or InputOptions()
    seq = 0
    for src in sources:
        for doc in _iter_source(src, opts, stdin, skip, seq):
            doc.seq = seq
            seq += 1
            yield doc


def _iter_source(src: Source, opts: InputOptions, stdin, skip, seq0: int) -> Iterator[Document]:
    source = str(src.path) if src.path is not None else "-"
    if src.kind in ("text", "html"):
        if skip is not None and skip(seq0, src.name):
            yield Document(src.name, source, skipped=True)
            return
        try:
            data = src.path.read_bytes()
        except OSError as e:
            yield Document(src.name, source, error=_read_error(e))
            return
        if src.kind == "text":
            yield _text_document(src, source, data, opts)
        else:
            yield _html_document(src, source, data, opts)
        return
    if src.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _iter_jsonl(stream, src, source, opts, skip, seq0)
        return
    # records
    if src.path.suffix.lower() == ".json":
        yield from _iter_json(src, source, opts, skip, seq0)
        return
    try:
        fh = open(src.path, "rb")
    except OSError as e:
        yield Document(src.name, source, error=_read_error(e))
        return
    with fh:
        yield from _iter_jsonl(fh, src, source, opts, skip, seq0)


def _text_document(src: Source, source: str, data: bytes, opts: InputOptions) -> Document:
    try:
        text = _decode(data)
    except UnicodeDecodeError as e:
        return Document(src.name, source, error=_utf8_error(e))
    return Document(src.name, source, text=text,
                    published=resolve_published(None, text, src.name, opts.default_published))


def _html_document(src: Source, source: str, data: bytes, opts: InputOptions) -> Document:
    try:
        import trafilatura
    except ImportError:
        return Document(src.name, source, error=(
            "HTML input needs trafilatura: install the optional extra with pip install 'claimex[html]'"))
    try:
        res = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as e:  # trafilatura failure on a broken page
        return Document(src.name, source, error=f"cannot extract HTML text: {type(e).__name__}: {e}")
    text = (getattr(res, "text", None) if res is not None else None) or ""
    page_date = getattr(res, "date", None) if res is not None else None
    try:
        page_date = _norm_published(page_date)
        if page_date:
            page_date = parse_iso_date(page_date)
    except ValueError:
        page_date = None
    return Document(src.name, source, text=text,
                    published=resolve_published(page_date, text, src.name, opts.default_published))


def _record_document(rec: Any, fallback_id: str, src: Source, source: str, opts: InputOptions) -> Document:
    if not isinstance(rec, dict):
        return Document(fallback_id, source, error=f"record is not a JSON object ({type(rec).__name__})")
    id_keys = (opts.id_key,) if opts.id_key else ("id", "doc_id")
    doc_id = None
    for k in id_keys:
        v = rec.get(k)
        if v is not None and v != "":
            doc_id = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            break
    doc_id = doc_id if doc_id is not None else fallback_id
    if opts.text_key not in rec:
        return Document(doc_id, source, error=f"record has no {opts.text_key!r} field")
    text = rec[opts.text_key]
    if text is None:
        text = ""
    if not isinstance(text, str):
        return Document(doc_id, source, error=f"record field {opts.text_key!r} is not a string")
    date_keys = (opts.date_key,) if opts.date_key else ("published", "date")
    explicit = None
    try:
        for k in date_keys:
            explicit = _norm_published(rec.get(k))
            if explicit:
                break
    except ValueError as e:
        return Document(doc_id, source, error=str(e))
    name = src.name if src.path is not None else ""
    return Document(doc_id, source, text=text,
                    published=resolve_published(explicit, text, name, opts.default_published))


def _iter_jsonl(stream, src: Source, source: str, opts: InputOptions, skip, seq0: int) -> Iterator[Document]:
    seq = seq0
    lineno = 0
    while True:
        try:
            raw = stream.readline()
        except OSError as e:
            yield Document(f"{src.name}:{lineno + 1}", source, error=_read_error(e) + f" (after line {lineno})")
            return
        if not raw:
            return
        lineno += 1
        if isinstance(raw, str):  # a text stream was passed
            raw = raw.encode("utf-8", "surrogateescape")
        if not raw.strip():
            continue
        fallback = f"{src.name}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as e:
            doc = Document(fallback, source, error=f"line {lineno}: " + _utf8_error(e))
        else:
            try:
                rec = json.loads(line)
            except ValueError as e:
                doc = Document(fallback, source, error=f"line {lineno}: malformed JSON: {e}")
            else:
                doc = _record_document(rec, fallback, src, source, opts)
        if skip is not None and skip(seq, doc.doc_id):
            doc = Document(doc.doc_id, source, skipped=True)
        seq += 1
        yield doc


def _iter_json(src: Source, source: str, opts: InputOptions, skip, seq0: int) -> Iterator[Document]:
    try:
        data = src.path.read_bytes()
    except OSError as e:
        yield Document(src.name, source, error=_read_error(e))
        return
    try:
        obj = json.loads(_decode(data))
    except UnicodeDecodeError as e:
        yield Document(src.name, source, error=_utf8_error(e))
        return
    except ValueError as e:
        yield Document(src.name, source, error=f"malformed JSON: {e}")
        return
    if isinstance(obj, list):
        records = [(rec, f"{src.name}:{i}") for i, rec in enumerate(obj, 1)]
    else:
        records = [(obj, src.name)]
    for i, (rec, fallback) in enumerate(records):
        doc = _record_document(rec, fallback, src, source, opts)
        if skip is not None and skip(seq0 + i, doc.doc_id):
            doc = Document(doc.doc_id, source, skipped=True)
        yield doc


# --------------------------------------------------------------------------------------------
# Processing
# --------------------------------------------------------------------------------------------

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
    from .api import load

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


# --------------------------------------------------------------------------------------------
# Records: flattening for CSV / Parquet / DataFrames
# --------------------------------------------------------------------------------------------

_NESTED = {"quantity": Quantity, "speaker": Speaker, "date": DateRef, "sentence": Sentence}


def _kind_of(annotation: Any) -> str:
    a = str(annotation)
    for word, kind in (("bool", "bool"), ("int", "int"), ("float", "float")):
        if re.search(rf"\b{word}\b", a):
            return kind
    return "str"


def _columns() -> list[tuple[str, str]]:
    cols = []
    for f in fields(Claim):
        sub = _NESTED.get(f.name)
        if sub is None:
            cols.append((f.name, _kind_of(f.type)))
        else:
            cols.extend((f"{f.name}.{g.name}", _kind_of(g.type)) for g in fields(sub))
    return cols


#: Flat column names (``quantity.value``, ``speaker.name``...) and their kind (str/int/float/bool).
COLUMN_TYPES: list[tuple[str, str]] = _columns()
COLUMNS: list[str] = [c for c, _ in COLUMN_TYPES]


def flatten(rec: dict) -> dict:
    """A claim record as a flat dict with dotted keys, in :data:`COLUMNS` order (None if absent)."""
    flat = {}
    for col in COLUMNS:
        head, _, tail = col.partition(".")
        v = rec.get(head)
        if tail:
            v = v.get(tail) if isinstance(v, dict) else None
        flat[col] = v
    return flat


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def output_format(out: str, fmt: Optional[str]) -> str:
    """The output format from ``--format`` or the file extension; UsageError if neither tells."""
    if fmt:
        fmt = fmt.lower()
        if fmt not in OUTPUT_FORMATS:
            raise UsageError(f"unknown output format {fmt!r} (choose jsonl, csv or parquet)")
        return fmt
    if out == "-":
        return "jsonl"
    ext = Path(out).suffix.lower()
    if ext in _OUTPUT_EXTS:
        return _OUTPUT_EXTS[ext]
    if not _is_regular_target(out):  # a device or pipe such as /dev/stdout: JSONL
        return "jsonl"
    raise UsageError(
        f"cannot tell the output format from {out!r}: use a .jsonl, .csv or .parquet file name or --format"
    )


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


class _ByteWriter:
    """Append-only byte stream writer: formatted blocks, explicit durable commit.

    Regular files are opened unbuffered, so a failed write never leaves hidden buffered bytes
    behind, and a torn tail can be cut off with ``truncate``.
    """

    header = b""

    def __init__(self, fh: IO[bytes], durable: bool):
        self.fh = fh
        self.durable = durable
        try:
            self._seekable = fh.seekable()
        except (OSError, ValueError):
            self._seekable = False
        self._pos = 0

    def format(self, claims: list[dict]) -> bytes:  # pragma: no cover - abstract
        raise NotImplementedError

    def write(self, block: bytes) -> None:
        view = memoryview(block)
        while view:
            n = self.fh.write(view)
            if n is None:  # non-blocking stream not ready; should not happen for files
                continue
            view = view[n:]
            self._pos += n

    def tell(self) -> int:
        if self._seekable:
            return self.fh.tell()
        return self._pos

    def truncate(self, end: int) -> None:
        if self._seekable:
            os.ftruncate(self.fh.fileno(), end)
            self.fh.seek(end)

    def commit(self) -> None:
        self.fh.flush()
        if self.durable:
            os.fsync(self.fh.fileno())

    def close(self) -> None:
        self.fh.close()


class JsonlWriter(_ByteWriter):
    def format(self, claims: list[dict]) -> bytes:
        return "".join(_dumps(c) + "\n" for c in claims).encode("utf-8")


class CsvWriter(_ByteWriter):
    header = (",".join(COLUMNS) + "\n").encode("utf-8")

    def format(self, claims: list[dict]) -> bytes:
        buf = _io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        for c in claims:
            flat = flatten(c)
            for k in ("quantity.value", "quantity.low", "quantity.high"):
                v = flat.get(k)
                if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
                    raise ValueError(f"{k} is not a finite number")
            w.writerow([_csv_cell(flat[k]) for k in COLUMNS])
        return buf.getvalue().encode("utf-8")


class ParquetWriter:
    """Buffered Parquet writer (flat dotted columns); not resumable."""

    durable = False
    header = b""

    def __init__(self, path: str, rows_per_group: int = 10000):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as e:
            raise UsageError("Parquet output needs pyarrow: pip install 'claimex[parquet]'") from e
        self.pa, self.pq = pa, pq
        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        self.schema = pa.schema([(c, types[k]) for c, k in COLUMN_TYPES])
        self.path = path
        self.rows: list[dict] = []
        self.rows_per_group = rows_per_group
        self.writer = pq.ParquetWriter(path, self.schema)

    def format(self, claims: list[dict]) -> list[dict]:
        rows = [flatten(c) for c in claims]
        for r in rows:
            for c, k in COLUMN_TYPES:
                v = r[c]
                if k == "float" and isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
                    raise ValueError(f"{c} is not a finite number")
        return rows

    def write(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def tell(self) -> int:
        return 0

    def commit(self) -> None:
        pass

    def close(self) -> None:
        self._flush()
        self.writer.close()


class _LineSink:
    """A lazily opened JSONL side file (errors, docs)."""

    def __init__(self, path: Optional[str], mode: str = "ab", lazy: bool = True):
        self.path = path
        self.mode = mode
        self.fh: Optional[IO[bytes]] = None
        if path is not None and not lazy:
            self._open()

    def _open(self):
        self.fh = open(self.path, self.mode)
        self.mode = "ab"

    def write(self, obj: dict) -> None:
        if self.path is None:
            return
        if self.fh is None:
            self._open()
        self.fh.write((_dumps(obj) + "\n").encode("utf-8", "backslashreplace"))

    def flush(self) -> None:
        if self.fh is not None:
            self.fh.flush()

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None


# --------------------------------------------------------------------------------------------
# Resume ledger
# --------------------------------------------------------------------------------------------


def _safe_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=True, allow_nan=False)


class Ledger:
    """``OUT.done.jsonl``: a header line, then one line per finished document, in input order.

    Each entry holds the document's sequence number, id, status, claim count, error and source,
    and ``end``: the byte length of OUT once its claims were written.
    """

    def __init__(self, path: str, header: dict, entries: list[dict], fh: IO[bytes]):
        self.path = path
        self.header = header
        self.entries = entries
        self.fh = fh

    @staticmethod
    def read(path: str) -> tuple[Optional[dict], list[dict], int]:
        """(header, entries, length of the valid prefix in bytes); header None if unusable."""
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            return None, [], 0
        header = None
        entries: list[dict] = []
        pos = 0
        for raw in data.splitlines(keepends=True):
            if not raw.endswith(b"\n"):
                break  # torn last line
            try:
                obj = json.loads(raw)
            except ValueError:
                break
            if header is None:
                if not isinstance(obj, dict) or obj.get("claimex_ledger") != LEDGER_VERSION:
                    return None, [], 0
                header = obj
            else:
                if not isinstance(obj, dict) or obj.get("n") != len(entries):
                    break
                entries.append(obj)
            pos += len(raw)
        return header, entries, pos

    @classmethod
    def create(cls, path: str, header: dict) -> "Ledger":
        fh = open(path, "wb")
        fh.write((_safe_json(header) + "\n").encode())
        fh.flush()
        os.fsync(fh.fileno())
        return cls(path, header, [], fh)

    @classmethod
    def reopen(cls, path: str, header: dict, entries: list[dict], valid: int) -> "Ledger":
        fh = open(path, "r+b")
        fh.truncate(valid)
        fh.seek(valid)
        return cls(path, header, entries, fh)

    def append(self, entries: list[dict]) -> None:
        if not entries:
            return
        self.fh.write("".join(_safe_json(e) + "\n" for e in entries).encode())
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.entries.extend(entries)

    def close(self) -> None:
        self.fh.close()


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------
# A run
# --------------------------------------------------------------------------------------------


@dataclass
class RunSummary:
    documents: int = 0
    ok: int = 0
    errors: int = 0
    claims: int = 0
    skipped: int = 0
    error_samples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def sidecar_paths(out: str, docs: Optional[str] = None) -> dict[str, Optional[str]]:
    """The files a run writes for output ``out``."""
    if out == "-":
        return {"out": None, "errors": None, "ledger": None, "docs": docs}
    return {"out": out, "errors": out + ERRORS_SUFFIX, "ledger": out + LEDGER_SUFFIX, "docs": docs}


def _is_regular_target(out: str) -> bool:
    if out == "-":
        return False
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return True
    except OSError:
        return True
    import stat

    return stat.S_ISREG(st.st_mode)


class _Progress:
    def __init__(self, enabled: bool, total: Optional[int] = None):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True,
                            smoothing=0.1, desc="claimex")

    def update(self, n: int, claims: int, errors: int) -> None:
        if self.bar is not None:
            self.bar.update(n)
            self.bar.set_postfix(claims=claims, errors=errors, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(
    inputs: Sequence[str],
    out: str,
    *,
    fmt: Optional[str] = None,
    options: Optional[InputOptions] = None,
    docs_path: Optional[str] = None,
    resume: bool = False,
    batch_size: int = 32,
    make_backend: Callable[[], Any],
    progress: bool = False,
    stdin: Optional[IO[bytes]] = None,
    stdout: Optional[IO[bytes]] = None,
    run_options: Optional[dict] = None,
    on_error: Optional[Callable[[str, str], None]] = None,
    on_warning: Optional[Callable[[str], None]] = None,
) -> RunSummary:
    """One batch run: read ``inputs``, extract with the backend from ``make_backend()``, write.

    Raises :class:`UsageError` before anything is written for bad arguments, and
    :class:`OutputError` when the output cannot be written (OUT is then left ending with the
    last complete document, and ``resume=True`` can continue later). ``run_options`` (model,
    keys, default date...) are stored in the ledger: resuming with other options is refused.
    """
    options = options or InputOptions()
    fmt = output_format(out, fmt)
    if batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if out == "-" and fmt == "parquet":
        raise UsageError("Parquet output cannot go to standard output")
    if resume and fmt == "parquet":
        raise UsageError("--resume works with JSONL and CSV output, not Parquet")
    if out != "-" and os.path.isdir(out):
        raise UsageError(f"output is a directory: {out}")
    if out != "-":
        parent = os.path.dirname(os.path.abspath(out))
        if not os.path.isdir(parent):
            raise UsageError(f"output folder does not exist: {parent}")
    regular = _is_regular_target(out)
    paths = sidecar_paths(out, docs_path)
    if not regular:  # a device or pipe: no sidecars next to it, no resume
        paths["errors"] = None
        paths["ledger"] = None
    ledger_path = paths["ledger"] if fmt in ("jsonl", "csv") else None
    if resume and ledger_path is None:
        raise UsageError("--resume needs a regular output file")
    exclude = [p for p in (paths["out"], paths["errors"], paths["ledger"], docs_path) if p]
    sources = collect_inputs(inputs, exclude=exclude)
    warn = on_warning or (lambda msg: print(f"claimex: {msg}", file=sys.stderr))

    ledger_header = {
        "claimex_ledger": LEDGER_VERSION,
        "format": fmt,
        "options": run_options or {},
        "start": len(CsvWriter.header) if fmt == "csv" else 0,
    }

    # ---- what an interrupted run already finished (checked before anything is touched) -----
    done: list[dict] = []
    resume_state = None
    if resume:
        header, entries, valid = Ledger.read(ledger_path)
        if header is None or not os.path.exists(out):
            warn("nothing to resume: starting a new run")
        else:
            if header.get("format") != fmt:
                raise UsageError(
                    f"the interrupted run wrote {header.get('format')} output, not {fmt}; run without --resume")
            if header.get("options") != ledger_header["options"]:
                raise UsageError("the interrupted run used other options (model, record keys or "
                                 "--published); run without --resume or with the same options")
            end = entries[-1]["end"] if entries else int(header.get("start", 0))
            if os.path.getsize(out) < end:
                raise UsageError(f"{out} is shorter than its resume ledger says; run without --resume")
            resume_state = (header, entries, valid, end)
            done = entries

    # the backend loads the model: failures there must not touch the outputs
    backend = make_backend()

    summary = RunSummary()
    writer = None
    ledger: Optional[Ledger] = None
    errors_sink = _LineSink(None)
    docs_sink = _LineSink(None)
    bar = None
    try:
        try:
            if resume_state is not None:
                header, entries, valid, end = resume_state
                ledger = Ledger.reopen(ledger_path, header, entries, valid)
                fh = open(out, "r+b", buffering=0)
                os.ftruncate(fh.fileno(), end)
                fh.seek(end)
                os.fsync(fh.fileno())
                writer = (CsvWriter if fmt == "csv" else JsonlWriter)(fh, durable=True)
            else:
                if ledger_path is not None:
                    ledger = Ledger.create(ledger_path, ledger_header)
                if fmt == "parquet":
                    writer = ParquetWriter(out)
                else:
                    if out == "-":
                        fh = stdout if stdout is not None else sys.stdout.buffer
                    else:
                        fh = open(out, "wb", buffering=0)
                    writer = (CsvWriter if fmt == "csv" else JsonlWriter)(fh, durable=ledger is not None)
                    if writer.header:
                        writer.write(writer.header)
                    writer.commit()
                if ledger is not None:
                    _fsync_dir(out)
            if paths["errors"] and os.path.isfile(paths["errors"]):
                os.remove(paths["errors"])  # stale, or rebuilt from the ledger just below
            errors_sink = _LineSink(paths["errors"], mode="wb")
            docs_sink = _LineSink(docs_path, mode="wb", lazy=False) if docs_path else _LineSink(None)
            for e in done:  # side files of a resumed run are rebuilt from its ledger
                _record_side(e, errors_sink, docs_sink)
                _count(summary, e)
                summary.skipped += 1
            errors_sink.flush()
            docs_sink.flush()
        except OSError as e:
            raise OutputError(f"cannot write {getattr(e, 'filename', None) or out}: {e.strerror or e}") from e

        def skip(seq: int, doc_id: str) -> bool:
            if seq >= len(done):
                return False
            if done[seq]["doc_id"] != doc_id:
                raise UsageError(
                    f"the input differs from the interrupted run (document {seq + 1} was "
                    f"{done[seq]['doc_id']!r}, now {doc_id!r}); run without --resume")
            return True

        docs_iter = iter_documents(sources, options, stdin=stdin, skip=skip if done else None)
        pending = (d for d in docs_iter if not d.skipped)
        only_files = all(s.kind in ("text", "html") for s in sources)
        bar = _Progress(progress, total=len(sources) if only_files else None)
        if done:
            bar.update(len(done), summary.claims, summary.errors)
        last_good = writer.tell()
        try:
            for batch in backend.map(iter_batches(pending, batch_size)):
                entries = []
                for doc, (claims, err) in batch:
                    if err is None:
                        try:
                            block = writer.format(claims)
                        except (ValueError, TypeError, UnicodeEncodeError) as e:
                            err = f"cannot serialise claims: {e}"
                        else:
                            writer.write(block)
                    entry = {"n": doc.seq, "doc_id": doc.doc_id, "source": doc.source,
                             "status": "ok" if err is None else "error",
                             "claims": len(claims) if err is None else 0, "error": err,
                             "end": writer.tell()}
                    entries.append(entry)
                    _record_side(entry, errors_sink, docs_sink)
                    _count(summary, entry)
                    if err is not None and on_error is not None:
                        on_error(doc.doc_id, err)
                writer.commit()
                last_good = writer.tell()
                errors_sink.flush()
                docs_sink.flush()
                if ledger is not None:
                    ledger.append(entries)
                bar.update(len(batch), summary.claims, summary.errors)
            if out == "-":
                writer.commit()
            else:
                writer.close()
        except OSError as e:
            _truncate_quietly(writer, last_good)
            raise OutputError(f"cannot write {getattr(e, 'filename', None) or out}: {e.strerror or e}") from e
    finally:
        if bar is not None:
            bar.close()
        backend.close()
        for sink in (errors_sink, docs_sink):
            try:
                sink.close()
            except OSError:
                pass
        if ledger is not None:
            try:
                ledger.close()
            except OSError:
                pass
    return summary


def _count(summary: RunSummary, entry: dict) -> None:
    summary.documents += 1
    if entry["status"] == "ok":
        summary.ok += 1
        summary.claims += entry.get("claims", 0)
    else:
        summary.errors += 1
        if len(summary.error_samples) < 5:
            summary.error_samples.append((entry["doc_id"], entry.get("error") or ""))


def _truncate_quietly(writer, end: int) -> None:
    """After a write failure, leave OUT ending with the last complete document (best effort)."""
    if writer is None or not hasattr(writer, "truncate"):
        return
    try:
        writer.truncate(end)
    except (OSError, ValueError):
        pass
    try:
        writer.close()
    except (OSError, ValueError):
        pass


def _record_side(entry: dict, errors_sink: _LineSink, docs_sink: _LineSink) -> None:
    if entry["status"] != "ok":
        errors_sink.write({"doc_id": entry["doc_id"], "source": entry["source"], "error": entry["error"]})
    docs_sink.write({"id": entry["doc_id"], "source": entry["source"], "status": entry["status"],
                     "claims": entry["claims"], "error": entry["error"]})
