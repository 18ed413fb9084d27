"""One batch run: inputs -> backend -> writer, with side files and the resume ledger."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Optional, Sequence

from .errors import OutputError, UsageError
from .ledger import LEDGER_SUFFIX, LEDGER_VERSION, Ledger, _fsync_dir
from .readers import InputOptions, collect_inputs, iter_documents
from .workers import iter_batches
from .writers import CsvWriter, JsonlWriter, ParquetWriter, _is_regular_target, _LineSink, output_format

ERRORS_SUFFIX = ".errors.jsonl"

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
