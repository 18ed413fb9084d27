"""The resume ledger ``OUT.done.jsonl``: which documents a run finished and where OUT ended."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Optional

LEDGER_SUFFIX = ".done.jsonl"
LEDGER_VERSION = 1

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
