"""Batch input and output for claimex: reading documents, writing claim records.

The engine behind ``claimex extract`` (see :mod:`claimex.cli`) and the Dask helpers
(:mod:`claimex.dask`), in four parts:

* :mod:`.readers` -- inputs: folders (recursive, sorted; hidden files skipped), ``.txt``/``.md``
  (UTF-8, optional ``date YYYY-MM-DD`` first line), ``.jsonl``/``.json`` records (``id``,
  ``text``, ``published``), ``.html``/``.htm`` (trafilatura, extra ``claimex[html]``) and ``-``
  for JSONL on standard input. The publication date is the record's field (or the page's
  date), then a ``date`` header line, then a ``YYYY-MM-DD`` in the file name, then the run's
  default. A document that cannot be read becomes an error entry and the run goes on.
* :mod:`.writers` -- JSONL, CSV and Parquet output (flat dotted columns such as
  ``quantity.value``, :data:`COLUMNS`), and the ``OUT.errors.jsonl`` / ``--docs`` side files.
* :mod:`.workers` -- backends that run the extractor: in this process, or in spawned worker
  processes that each load the model once (a batch whose worker dies is retried document by
  document).
* :mod:`.ledger` -- the resume ledger ``OUT.done.jsonl`` (one line per finished document with
  the byte length of OUT after its claims), so a killed run resumed with ``--resume`` gives
  exactly the output of an uninterrupted one.

:func:`run` (in :mod:`.batch`) ties them together. Claims of one document are written as one
block, flushed and fsync'ed before the ledger records them. Record ids are data: never used to
build a path. Everything is re-exported here, so ``from claimex import io`` keeps working.
"""
from __future__ import annotations

from .batch import ERRORS_SUFFIX, RunSummary, run, sidecar_paths
from .errors import BackendError, OutputError, UsageError
from .ledger import LEDGER_SUFFIX, LEDGER_VERSION, Ledger
from .readers import (HTML_EXTS, INPUT_EXTS, RECORD_EXTS, TEXT_EXTS, Document, InputOptions, Source,
                      _ISO_DATE_RE, _ISO_PREFIX_RE, _norm_published, collect_inputs, filename_date, iter_documents, parse_iso_date,
                      read_claims, resolve_published)
from .workers import (ProcessBackend, Result, SerialBackend, _merge, _todo, _worker_run, iter_batches,
                      pin_native_threads, process_items)
from .writers import (COLUMN_TYPES, COLUMNS, OUTPUT_FORMATS, CsvWriter, JsonlWriter, ParquetWriter,
                      _is_regular_target, flatten, output_format)

__all__ = [
    "BackendError", "COLUMNS", "COLUMN_TYPES", "CsvWriter", "Document", "ERRORS_SUFFIX", "HTML_EXTS",
    "INPUT_EXTS", "InputOptions", "JsonlWriter", "LEDGER_SUFFIX", "LEDGER_VERSION", "Ledger",
    "OUTPUT_FORMATS", "OutputError", "ParquetWriter", "ProcessBackend", "RECORD_EXTS", "Result",
    "RunSummary", "SerialBackend", "Source", "TEXT_EXTS", "UsageError", "collect_inputs",
    "filename_date", "flatten", "iter_batches", "iter_documents", "output_format", "parse_iso_date",
    "pin_native_threads", "process_items", "read_claims", "resolve_published", "run", "sidecar_paths",
]
