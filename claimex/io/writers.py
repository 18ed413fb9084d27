"""Writing claim records: JSONL, CSV and Parquet (flat dotted columns), and JSONL side files."""
from __future__ import annotations

import csv
import io as _io
import json
import os
import re
import stat
from dataclasses import fields
from pathlib import Path
from typing import IO, Any, Optional

from ..records import Claim, DateRef, Quantity, Sentence, Speaker
from .errors import UsageError

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
_OUTPUT_EXTS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}

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


def _is_regular_target(out: str) -> bool:
    """True for a file path (existing or not); False for standard output, a device or a pipe."""
    if out == "-":
        return False
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return True
    except OSError:
        return True
    return stat.S_ISREG(st.st_mode)


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
