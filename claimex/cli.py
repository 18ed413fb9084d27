"""The ``claimex`` command line (a thin layer over :mod:`claimex.io` and the views).

Usage::

    claimex extract INPUT... -o OUT [options]
    claimex review INPUT... [--claims CLAIMS.jsonl] -o review.html
    claimex timeline CLAIMS.jsonl -o timeline.html|.png|.svg [--category C] [--measure M] ...
    claimex link CLAIMS.jsonl -o groups.jsonl
    claimex score GOLD.jsonl CLAIMS.jsonl

Exit status: 0 when every document succeeded, 1 when some documents failed (see
``OUT.errors.jsonl``) or the output could not be written, 2 for a usage error.
"""
from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from . import io as cio

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Extract structured, source-attributed numeric claims from news text.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root() -> None:
    """Extract structured, source-attributed numeric claims from news text."""


def _err(msg: str) -> None:
    print(f"claimex: {msg}", file=sys.stderr)


def _usage(msg: str) -> "typer.Exit":
    """Report a usage error (exit status 2)."""
    _err(f"error: {msg}")
    _err("try 'claimex extract --help'")
    return typer.Exit(2)


def _check_model(model: Optional[str]) -> None:
    """Fail early (usage error) for a model name that is neither an installed package nor a path."""
    if model is None:
        return
    if os.path.exists(model):
        return
    try:
        import spacy.util
    except ImportError:  # pragma: no cover - spaCy is a dependency
        return
    if not spacy.util.is_package(model):
        raise cio.UsageError(f"model not found: {model!r} is neither an installed spaCy package nor a path")


@app.command(
    "extract",
    no_args_is_help=True,
    epilog=(
        "Next to OUT, claimex writes OUT.errors.jsonl (one {doc_id, source, error} line per failed "
        "document, only when one fails) and, for JSONL and CSV output, the resume ledger "
        "OUT.done.jsonl. Files must be UTF-8: a file that is not is reported as an error and "
        "skipped. Exit status: 0 all documents ok, 1 some failed or output not writable, 2 usage error."
    ),
)
def extract(
    inputs: List[str] = typer.Argument(
        ..., metavar="INPUT",
        help="Folders (recursive), .txt/.md, .jsonl/.json, .html/.htm files, or '-' for JSONL on stdin."),
    output: str = typer.Option(..., "-o", "--output", metavar="OUT",
                               help="Output file (.jsonl, .csv, .parquet), or '-' for standard output."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", metavar="jsonl|csv|parquet",
                                      help="Output format (default: from the OUT extension)."),
    docs: Optional[str] = typer.Option(None, "--docs", metavar="DOCS.jsonl",
                                       help="Write one line per document: id, source, status, claims, error."),
    id_key: Optional[str] = typer.Option(None, "--id-key", help="Record id field (default: id, then doc_id)."),
    text_key: str = typer.Option("text", "--text-key", help="Record text field."),
    date_key: Optional[str] = typer.Option(
        None, "--date-key", help="Record publication date field (default: published, then date)."),
    published: Optional[str] = typer.Option(
        None, "--published", metavar="YYYY-MM-DD",
        help="Publication date for documents that have none (no record field, header or date in the file name)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per batch."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name or path."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS",
        help="Run on a Dask cluster at ADDRESS (needs claimex[dask] there and here)."),
    resume: bool = typer.Option(
        False, "--resume",
        help="Continue an interrupted run (JSONL/CSV): keep its finished documents, redo the rest."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Extract claims from documents and write one record per claim."""
    if published is not None:
        try:
            published = cio.parse_iso_date(published)
        except ValueError:
            raise _usage(f"--published: {published!r} is not a YYYY-MM-DD date")
    try:
        fmt_resolved = cio.output_format(output, fmt)
    except cio.UsageError as e:
        raise _usage(str(e))
    try:
        _check_model(model)
    except cio.UsageError as e:
        raise _usage(str(e))

    options = cio.InputOptions(id_key=id_key, text_key=text_key, date_key=date_key,
                               default_published=published)
    run_options = {"model": model, "id_key": id_key, "text_key": text_key, "date_key": date_key,
                   "published": published}

    def make_backend():
        if scheduler:
            from .dask import DaskBackend

            return DaskBackend(scheduler, model=model, batch_size=batch_size)
        if workers > 1:
            return cio.ProcessBackend(model, workers, batch_size)
        from .api import load

        return cio.SerialBackend(load(model), batch_size)

    show = not quiet and sys.stderr is not None and sys.stderr.isatty()
    # with no OUT.errors.jsonl (standard output, a device), report each failure on stderr
    no_sidecar = output == "-" or not cio._is_regular_target(output)
    on_error = (lambda doc_id, msg: _err(f"{doc_id}: {msg}")) if no_sidecar else None
    try:
        summary = cio.run(
            inputs, output, fmt=fmt_resolved, options=options, docs_path=docs, resume=resume,
            batch_size=batch_size, make_backend=make_backend, progress=show, run_options=run_options,
            on_error=on_error,
        )
    except cio.UsageError as e:
        raise _usage(str(e))
    except cio.OutputError as e:
        _err(f"error: {e}")
        raise typer.Exit(1)
    except cio.BackendError as e:
        _err(f"error: {e}")
        raise typer.Exit(1)
    except ImportError as e:
        _err(f"error: {e}")
        raise typer.Exit(1)
    except KeyboardInterrupt:
        _err("interrupted; run again with --resume to continue")
        raise typer.Exit(130)

    if not quiet:
        parts = [f"{summary.documents} documents", f"{summary.claims} claims", f"{summary.errors} errors"]
        if summary.skipped:
            parts.append(f"{summary.skipped} resumed")
        _err(", ".join(parts))
        if summary.errors:
            where = output + cio.ERRORS_SUFFIX if output != "-" and cio._is_regular_target(output) else None
            if where:
                for doc_id, msg in summary.error_samples:
                    _err(f"  {doc_id}: {msg}")
                if summary.errors > len(summary.error_samples):
                    _err(f"  ... and {summary.errors - len(summary.error_samples)} more")
                _err(f"  details: {where}")
    raise typer.Exit(summary.exit_code)


def _records(path: str) -> list[dict]:
    """Claim records from a JSONL file, or a clear error (exit status 2)."""
    try:
        return cio.read_claims(path)
    except FileNotFoundError:
        raise _usage(f"file not found: {path}")
    except (OSError, ValueError) as e:
        raise _usage(str(e))


def _cannot_write(out: str, e: OSError) -> typer.Exit:
    """Report an output that could not be written; the caller raises the exit (status 1)."""
    _err(f"error: cannot write {out}: {e.strerror or e}")
    return typer.Exit(1)


def _writable(out: str) -> None:
    parent = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(parent):
        raise _usage(f"output folder does not exist: {parent}")


@app.command("review", no_args_is_help=True)
def review_cmd(
    inputs: List[str] = typer.Argument(
        None, metavar="INPUT", help="The articles, as for extract (folders, .txt, .jsonl, .html, '-')."),
    output: str = typer.Option(..., "-o", "--output", metavar="review.html", help="The page to write."),
    claims: Optional[str] = typer.Option(
        None, "--claims", metavar="CLAIMS.jsonl", help="Records already extracted from INPUT (else extract now)."),
    title: str = typer.Option("claimex review", "--title", help="The page's title."),
    published: Optional[str] = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                                            help="Publication date for documents that have none."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name or path (when extracting)."),
) -> None:
    """Write one self-contained HTML page to check claims against their articles."""
    from . import review

    if not inputs and not claims:
        raise _usage("give the articles (INPUT) and/or --claims CLAIMS.jsonl")
    _writable(output)
    if published is not None:
        try:
            published = cio.parse_iso_date(published)
        except ValueError:
            raise _usage(f"--published: {published!r} is not a YYYY-MM-DD date")
    docs: list[dict] = []
    try:
        if inputs:
            options = cio.InputOptions(default_published=published)
            for d in cio.iter_documents(cio.collect_inputs(inputs, exclude=[output]), options):
                if d.error is not None:
                    _err(f"{d.doc_id}: {d.error}")
                    continue
                docs.append({"id": d.doc_id, "published": d.published, "text": d.text})
    except cio.UsageError as e:
        raise _usage(str(e))
    if claims:
        records = _records(claims)
    else:
        _check_model_or_exit(model)
        from .api import load

        ex = load(model)
        results = cio.process_items(ex, [(d["id"], d["text"], d["published"]) for d in docs])
        records = [c for found, err in results if err is None for c in found]
    try:
        review.write(records, docs, output, title=title)
    except OSError as e:
        raise _cannot_write(output, e)
    _err(f"wrote {output}: {len(docs) or len({r.get('doc_id') for r in records})} documents, {len(records)} claims")


def _check_model_or_exit(model: Optional[str]) -> None:
    try:
        _check_model(model)
    except cio.UsageError as e:
        raise _usage(str(e))


@app.command("timeline", no_args_is_help=True)
def timeline_cmd(
    claims: str = typer.Argument(..., metavar="CLAIMS.jsonl", help="Records written by extract."),
    output: str = typer.Option(..., "-o", "--output", metavar="OUT", help="timeline.html, .png or .svg."),
    category: Optional[str] = typer.Option(None, "--category", help="Only this category (e.g. arrests)."),
    measure: Optional[str] = typer.Option(None, "--measure", help="Only this measure (its head word matches)."),
    rate: Optional[str] = typer.Option(None, "--rate", help="Only this rate (day, week, ...; 'none' for none)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only speakers whose name contains this."),
) -> None:
    """Draw the claims of one measure on a time axis (default: the most frequent category)."""
    from . import timeline

    _writable(output)
    records = _records(claims)
    try:
        n, title = timeline.write(records, output, category=category, measure=measure, rate=rate, speaker=speaker)
    except timeline.TimelineError as e:
        raise _usage(str(e))
    except ImportError as e:
        _err(f"error: the timeline needs plotly and matplotlib: pip install 'claimex[views]' ({e})")
        raise typer.Exit(1)
    except OSError as e:
        raise _cannot_write(output, e)
    _err(f"wrote {output}: {n} claims ({title})")


@app.command("link", no_args_is_help=True)
def link_cmd(
    claims: str = typer.Argument(..., metavar="CLAIMS.jsonl", help="Records written by extract."),
    output: str = typer.Option(..., "-o", "--output", metavar="groups.jsonl",
                               help="One line per group or conflict ('-' for standard output)."),
) -> None:
    """Group records from different documents that report the same figure; flag conflicts."""
    import json

    from .link import link

    records = _records(claims)
    result = link(records)
    lines = [json.dumps(x, ensure_ascii=False) + "\n" for x in result["groups"] + result["conflicts"]]
    try:
        if output == "-":
            sys.stdout.writelines(lines)
        else:
            _writable(output)
            with open(output, "w", encoding="utf-8") as fh:
                fh.writelines(lines)
    except OSError as e:
        raise _cannot_write(output, e)
    _err(f"{len(result['groups'])} groups, {len(result['conflicts'])} conflicts")


@app.command("score", no_args_is_help=True)
def score_cmd(
    gold: str = typer.Argument(..., metavar="GOLD.jsonl", help="Checked claims (the review page's export)."),
    claims: str = typer.Argument(..., metavar="CLAIMS.jsonl", help="Records written by extract."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
) -> None:
    """Per-field accuracy of CLAIMS against GOLD (matched by overlapping quantity spans)."""
    import json

    from .gold import format_score, score

    try:
        with open(gold, encoding="utf-8-sig") as fh:
            gold_docs = [json.loads(line) for line in fh if line.strip()]
    except FileNotFoundError:
        raise _usage(f"file not found: {gold}")
    except (OSError, ValueError) as e:
        raise _usage(f"{gold}: {e}")
    if not all(isinstance(d, dict) and isinstance(d.get("claims"), list) for d in gold_docs):
        raise _usage(f"{gold}: not a gold file (one {{doc_id, published, claims}} object a line)")
    result = score(gold_docs, _records(claims))
    print(json.dumps(result) if as_json else format_score(result))


def main() -> None:
    """Console entry point (``claimex``)."""
    app()


if __name__ == "__main__":
    main()
