"""Reading documents: folders, text, JSON/JSONL records, HTML pages and standard input.

A document that cannot be read becomes a :class:`Document` carrying ``error``; the run goes on.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Sequence

from ..claims import header_date
from .errors import UsageError

TEXT_EXTS = frozenset({".txt", ".md"})
RECORD_EXTS = frozenset({".jsonl", ".ndjson", ".json"})
HTML_EXTS = frozenset({".html", ".htm"})
INPUT_EXTS = TEXT_EXTS | RECORD_EXTS | HTML_EXTS

_ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_ISO_PREFIX_RE = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:$|[T ])")

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


def read_claims(path: str) -> list[dict]:
    """Claim records from a JSONL file that ``claimex extract`` wrote (``-``: standard input).

    Blank lines are skipped; a line that is not a JSON object raises ValueError naming it.
    """
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    out: list[dict] = []
    try:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as e:
                raise ValueError(f"{path}: line {lineno}: malformed JSON: {e}") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("quantity"), dict):
                raise ValueError(f"{path}: line {lineno}: not a claim record")
            out.append(rec)
    finally:
        if fh is not sys.stdin:
            fh.close()
    return out
