"""Throughput benchmark for claimex (a script, not a test).

Measures, in one run, on the first N articles of a JSONL corpus (one JSON object per line with a
``text`` field):

* words/s of the plain spaCy pipeline claimex uses (``nlp.pipe``, claimex component disabled);
* words/s of ``Extractor.pipe`` and the ratio claimex / spaCy (the two alternate chunk by chunk
  of ``--chunk`` texts, since the machine's speed drifts within a run; the median of rounds);
* the claimex component's cost on top of the parse: parse / (parse + component), the component
  timed on each chunk's documents right after spaCy parsed them;
* words/s of the batch path behind ``claimex extract`` with 1 and 2 worker processes, and the
  speedup;
* peak RSS of this process and of the largest worker process (Linux: counted from after
  the worker's model load and warm-up, i.e. the peak while processing).

Usage::

    python bench/benchmark.py [--corpus PATH] [-n 300] [--model NAME] [--batch-size 32] [--rounds 3] [--chunk 32]

Prints a table and then one JSON line with all figures.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimex import io as cio  # noqa: E402


def _rss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux, bytes on macOS
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def _worker_reset_peak() -> None:
    """Reset this process's peak-RSS mark (Linux), so it counts from here on."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _worker_peak():
    time.sleep(0.3)  # keep each worker busy so that every one of them answers
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return os.getpid(), int(line.split()[1]) / 1024
    except OSError:
        pass
    return os.getpid(), _rss_mb(resource.RUSAGE_SELF)


class _KeepOpen:
    """Lets run() use a backend without closing it (to ask the workers afterwards)."""

    def __init__(self, backend):
        self.backend = backend

    def map(self, batches):
        return self.backend.map(batches)

    def close(self):
        pass


def load_texts(path: Path, n: int, field: str = "text") -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec.get(field)
            if isinstance(text, str) and text.strip():
                texts.append(text)
            if len(texts) >= n:
                break
    return texts


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO / ".." / "shared" / "eval" / "polnear" / "train.jsonl")
    ap.add_argument("-n", "--docs", type=int, default=300, help="number of articles (at least 200 recommended)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3, help="rounds over the texts (median ratio)")
    ap.add_argument("--chunk", type=int, default=32, help="texts timed at a time, spaCy and claimex in turn")
    ap.add_argument("--workers", type=int, default=2, help="worker count of the parallel run")
    args = ap.parse_args(argv)

    texts = load_texts(args.corpus, args.docs)
    if not texts:
        print(f"no texts in {args.corpus}", file=sys.stderr)
        return 2
    words = sum(len(t.split()) for t in texts)

    from claimex.api import load

    ex = load(args.model)
    # warm-up: lazy resources of the pipeline and of the claimex component
    for _ in ex.pipe(texts[:3]):
        pass
    for _ in ex.nlp.pipe(texts[:3]):
        pass

    others = [p for p in ex.nlp.pipe_names if p == "claimex"]

    parsed: list = []

    def spacy_only(chunk):
        parsed.clear()
        with ex.nlp.select_pipes(disable=others):
            parsed.extend(ex.nlp.pipe(chunk, batch_size=args.batch_size))

    component = ex.nlp.get_pipe("claimex")

    def component_only():
        for doc in parsed:  # the claimex component alone, on the documents spaCy just parsed
            component(doc)

    def claimex_pipe(chunk):
        for _ in ex.pipe(chunk, batch_size=args.batch_size):
            pass

    def one_round() -> tuple[float, float, float]:
        """Both over every text, alternating chunk by chunk (which goes first alternates too), so
        that a drift of the machine's speed falls on both alike; and the claimex component alone
        on each chunk's parsed documents, right after their parse."""
        t_sp = t_cx = t_comp = 0.0
        for k in range(0, len(texts), args.chunk):
            chunk = texts[k:k + args.chunk]
            if (k // args.chunk) % 2:
                t_cx += timed(lambda: claimex_pipe(chunk))
                t_sp += timed(lambda: spacy_only(chunk))
                t_comp += timed(component_only)
            else:
                t_sp += timed(lambda: spacy_only(chunk))
                t_comp += timed(component_only)
                t_cx += timed(lambda: claimex_pipe(chunk))
        return t_sp, t_cx, t_comp

    # the machine's speed drifts within a run: the two alternate within each round, and the
    # result is the median of the rounds' ratios (and of each one's times)
    rounds3 = [one_round() for _ in range(args.rounds)]
    rounds = [(a, b) for a, b, _ in rounds3]
    # the component's cost on top of the parse it reads: parse / (parse + component), timed
    # on the same documents moments apart, so it drifts far less than two separate runs
    on_parse = statistics.median(a / (a + c) for a, _, c in rounds3)
    t_spacy = statistics.median(r[0] for r in rounds)
    t_claimex = statistics.median(r[1] for r in rounds)
    ratio = statistics.median(r[0] / r[1] for r in rounds)
    rss_main = _rss_mb(resource.RUSAGE_SELF)

    results = {}
    rss_workers = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"doc{i:05d}", "text": t}, ensure_ascii=False) + "\n")
        for n in (1, args.workers):
            backend = cio.ProcessBackend(args.model, n, args.batch_size)  # loads the model in each worker
            # warm every worker: several small batches at once
            futs = [backend.pool.submit(cio._worker_run, [(f"w{k}", texts[k % len(texts)][:3000], None)], 1)
                    for k in range(4 * n)]
            for f in futs:
                f.result()
            for f in [backend.pool.submit(_worker_reset_peak) for _ in range(4 * n)]:
                f.result()
            out = Path(tmp) / f"out{n}.jsonl"
            t = time.perf_counter()
            summary = cio.run([str(src)], str(out), batch_size=args.batch_size,
                              make_backend=lambda: _KeepOpen(backend))
            results[n] = (time.perf_counter() - t, summary.claims, summary.errors)
            peaks = dict(f.result() for f in [backend.pool.submit(_worker_peak) for _ in range(4 * n)])
            backend.close()
            rss_workers[n] = max(peaks.values())
        same_output = (Path(tmp) / "out1.jsonl").read_bytes() == (Path(tmp) / f"out{args.workers}.jsonl").read_bytes()
        rss_worker = rss_workers[args.workers]

    t1, claims1, _ = results[1]
    tn, claimsn, _ = results[args.workers]
    report = {
        "docs": len(texts),
        "words": words,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "spacy_words_per_s": round(words / t_spacy, 1),
        "claimex_words_per_s": round(words / t_claimex, 1),
        "claimex_vs_spacy": round(ratio, 3),
        "claimex_vs_spacy_rounds": [round(a / b, 3) for a, b in rounds],
        "parse_share_of_parse_plus_component": round(on_parse, 3),
        "parse_share_rounds": [round(a / (a + c), 3) for a, _, c in rounds3],
        "cli_1_worker_words_per_s": round(words / t1, 1),
        f"cli_{args.workers}_workers_words_per_s": round(words / tn, 1),
        "worker_speedup": round(t1 / tn, 3),
        "claims": claims1,
        f"claims_{args.workers}_workers": claimsn,
        "same_output_1_vs_n_workers": same_output,
        "peak_rss_main_mb": round(rss_main, 1),
        "peak_rss_worker_mb": round(rss_worker, 1),
    }
    rows = [
        ("spaCy pipeline (nlp.pipe)", t_spacy, words / t_spacy),
        ("claimex Extractor.pipe", t_claimex, words / t_claimex),
        ("CLI batch path, 1 worker", t1, words / t1),
        (f"CLI batch path, {args.workers} workers", tn, words / tn),
    ]
    print(f"{len(texts)} documents, {words} words, {os.cpu_count()} CPUs")
    print(f"{'':34} {'seconds':>9} {'words/s':>10}")
    for name, secs, wps in rows:
        print(f"{name:34} {secs:9.2f} {wps:10.0f}")
    print(f"claimex / spaCy throughput: {report['claimex_vs_spacy']:.3f} (median of rounds "
          f"{', '.join(f'{r:.3f}' for r in report['claimex_vs_spacy_rounds'])}); "
          f"{args.workers}-worker speedup: {report['worker_speedup']:.2f}x")
    print(f"parse / (parse + claimex component) on the same parsed documents: "
          f"{report['parse_share_of_parse_plus_component']:.3f} (median of rounds "
          f"{', '.join(f'{r:.3f}' for r in report['parse_share_rounds'])})")
    print(f"peak RSS: main {rss_main:.0f} MB, largest worker {rss_worker:.0f} MB; "
          f"1 vs {args.workers} workers output identical: {same_output}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
