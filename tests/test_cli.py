"""The claimex command line, run as a real subprocess, and the io layer behind it."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimex import io as cio
from claimex.records import Claim, Quantity, Sentence

REPO = Path(__file__).resolve().parents[1]

SENTENCES = [
    "Mayor Ana Ruiz said the city bought 14 electric buses last month.",
    "Police made 230 arrests during the weekend festival, officials said.",
    "The port handled 1,800 tons of grain on Monday.",
    "About 3,400 residents signed the petition, organisers said.",
    "The council approved $2 million for new playgrounds.",
    "Ticket sales rose 12 percent in March, the theatre said.",
    "Rangers counted 57 nesting herons along the river.",
    "The clinic vaccinated 900 children in one week.",
]


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    return e


def claimex(*args, input=None, check=None, cwd=None, preexec_fn=None):
    proc = subprocess.run([sys.executable, "-m", "claimex.cli", *map(str, args)], input=input,
                          capture_output=True, env=env(), cwd=cwd, timeout=300, preexec_fn=preexec_fn)
    if check is not None:
        assert proc.returncode == check, proc.stderr.decode()
    return proc


def lines(path):
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines()]


def text_of(i: int, n: int = 3) -> str:
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(n))


# ------------------------------------------------------------------------------------------
# subprocess tests
# ------------------------------------------------------------------------------------------


def without_read_override():
    """A preexec_fn under which even root cannot read a file that is mode 000.

    Root reads any file through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; dropped from the
    bounding set before exec, the CLI runs as root without them (and can still read the
    interpreter and the model, which root owns). Other users need nothing.
    """
    if os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def drop():
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    return drop


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A folder with every kind of input, and one CLI run over it."""
    root = tmp_path_factory.mktemp("mixed")
    d = root / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a001.txt").write_text("date 2024-05-01\n" + SENTENCES[1] + "\n", encoding="utf-8")
    (d / "sub" / "2023-02-03-b.txt").write_text(SENTENCES[2], encoding="utf-8")
    (d / "sub" / "c.md").write_text(SENTENCES[6], encoding="utf-8")
    (d / "latin1.txt").write_bytes("Caf\xe9 owners hired 12 baristas.".encode("latin-1"))
    (d / "empty.txt").write_bytes(b"")
    (d / "gone.txt").symlink_to(d / "does-not-exist.txt")  # unreadable, even for root
    (d / "locked.txt").write_text(SENTENCES[5], encoding="utf-8")  # no read permission
    (d / "locked.jsonl").write_text(json.dumps({"id": "r9", "text": SENTENCES[5]}) + "\n", encoding="utf-8")
    for name in ("locked.txt", "locked.jsonl"):
        (d / name).chmod(0)
    (d / "notes.csv").write_text("ignored,file\n")  # other extensions in a folder are skipped
    (d / "page.html").write_text(
        "<html><head><title>Harbour news</title>"
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
        "<body><nav>Home | Contact</nav><article><h1>Harbour report</h1>"
        f"<p>{SENTENCES[3]}</p><p>{SENTENCES[7]}</p></article><footer>All rights reserved</footer>"
        "</body></html>", encoding="utf-8")
    recs = [
        {"id": "r1", "text": SENTENCES[4], "published": "2022-01-01"},
        {"text": SENTENCES[5]},
        "this line is replaced by malformed JSON",
        {"id": "../../etc/evil", "text": SENTENCES[0]},
        {"id": "/tmp/claimex-evil-abs", "text": SENTENCES[1]},
    ]
    with open(d / "feed.jsonl", "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(("{not json" if isinstance(r, str) else json.dumps(r)) + "\n")
    out = root / "out" / "claims.jsonl"
    out.parent.mkdir()
    proc = claimex("extract", d, "-o", out, "--docs", root / "docs.jsonl", "--published", "2020-06-30",
                   cwd=root, preexec_fn=without_read_override())
    return {"root": root, "out": out, "proc": proc}


def test_mixed_folder_run(mixed):
    root, out, proc = mixed["root"], mixed["out"], mixed["proc"]
    assert proc.returncode == 1, proc.stderr.decode()  # some documents failed
    claims = lines(out)
    ids = [c["doc_id"] for c in claims]
    # sorted, recursive order; doc_id is the relative path or the record id
    order = ["a001.txt", "feed.jsonl:2", "page.html", "r1", "sub/2023-02-03-b.txt", "sub/c.md"]
    assert set(order) <= set(ids)
    docs = [json.loads(x) for x in (root / "docs.jsonl").read_text().splitlines()]
    assert [d["id"] for d in docs] == [
        "a001.txt", "empty.txt", "r1", "feed.jsonl:2", "feed.jsonl:3", "../../etc/evil",
        "/tmp/claimex-evil-abs", "gone.txt", "latin1.txt", "locked.jsonl", "locked.txt", "page.html",
        "sub/2023-02-03-b.txt", "sub/c.md"]
    status = {d["id"]: d for d in docs}
    assert status["empty.txt"]["status"] == "ok" and status["empty.txt"]["claims"] == 0
    for bad in ("gone.txt", "latin1.txt", "feed.jsonl:3"):
        assert status[bad]["status"] == "error" and status[bad]["error"]
    assert "UTF-8" in status["latin1.txt"]["error"]
    assert "JSON" in status["feed.jsonl:3"]["error"]
    assert sum(d["claims"] for d in docs) == len(claims)
    # the errors file next to OUT
    errors = lines(str(out) + ".errors.jsonl")
    assert sorted(e["doc_id"] for e in errors) == ["feed.jsonl:3", "gone.txt", "latin1.txt", "locked.jsonl",
                                                   "locked.txt"]
    assert all(set(e) == {"doc_id", "source", "error"} for e in errors)
    # every line is valid JSON with no NaN
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert "details:" in proc.stderr.decode()


def test_unreadable_files_are_per_file_errors(mixed):
    """The CLI really gets EACCES for the mode-000 files (see without_read_override)."""
    docs = {d["id"]: d for d in lines(mixed["root"] / "docs.jsonl")}
    for name in ("locked.txt", "locked.jsonl"):
        assert docs[name]["status"] == "error"
        assert docs[name]["error"] == "cannot read file: permission denied"
    assert "r9" not in docs and not any(c["doc_id"] in ("locked.txt", "r9") for c in lines(mixed["out"]))
    assert "Traceback" not in mixed["proc"].stderr.decode()


def test_publication_dates(mixed):
    by_doc = {}
    for c in lines(mixed["out"]):
        by_doc.setdefault(c["doc_id"], c["published"])
    assert by_doc["a001.txt"] == "2024-05-01"              # header
    assert by_doc["r1"] == "2022-01-01"                    # record field
    assert by_doc["sub/2023-02-03-b.txt"] == "2023-02-03"  # file name
    assert by_doc["page.html"] == "2024-03-05"             # HTML metadata (trafilatura)
    assert by_doc["sub/c.md"] == "2020-06-30"              # --published default
    assert by_doc["feed.jsonl:2"] == "2020-06-30"


def test_html_main_text(mixed):
    html = [c for c in lines(mixed["out"]) if c["doc_id"] == "page.html"]
    assert {c["quantity"]["text"].split()[-1] for c in html} >= {"3,400", "900"}
    assert not any("rights" in c["sentence"]["text"] for c in html)


def test_ids_are_data_never_paths(mixed):
    claims = lines(mixed["out"])
    assert {"../../etc/evil", "/tmp/claimex-evil-abs"} <= {c["doc_id"] for c in claims}
    root = mixed["root"]
    assert not os.path.exists("/tmp/claimex-evil-abs")
    assert not (root / "out" / ".." / ".." / "etc" / "evil").exists()
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
                     and not p.relative_to(root).as_posix().startswith("in/"))
    assert written == ["docs.jsonl", "out/claims.jsonl", "out/claims.jsonl.done.jsonl",
                       "out/claims.jsonl.errors.jsonl"]


def test_stdin_to_csv(tmp_path):
    recs = [{"id": f"s{i}", "text": text_of(i, 2), "published": "2024-02-0%d" % (i + 1)} for i in range(3)]
    data = "".join(json.dumps(r) + "\n" for r in recs).encode()
    out = tmp_path / "claims.csv"
    proc = claimex("extract", "-", "-o", out, input=data, check=0)
    assert proc.returncode == 0
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:3] == ["doc_id", "claim_id", "quantity.text"]
    for col in ("quantity.value", "quantity.unit", "speaker.name", "date.start", "sentence.text"):
        assert col in header
    assert rows and {r["doc_id"] for r in rows} == {"s0", "s1", "s2"}
    assert all(r["hedged"] in ("true", "false") for r in rows)
    values = [float(r["quantity.value"]) for r in rows if r["quantity.value"]]
    assert 230.0 in values or 14.0 in values


def test_usage_errors_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCES[0])
    assert claimex("extract", tmp_path / "missing", "-o", tmp_path / "o.jsonl").returncode == 2
    p = claimex("extract", tmp_path / "a.txt", "-o", tmp_path / "o.xyz")
    assert p.returncode == 2 and b"output format" in p.stderr
    assert claimex("extract", tmp_path / "a.txt", "-o", tmp_path / "o.jsonl", "--no-such-option").returncode == 2
    assert claimex("extract", tmp_path / "a.txt", "-o", tmp_path / "o.jsonl", "--published", "May 1").returncode == 2
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.xyz").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_disk_full_is_a_clean_failure(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCES[1])
    p = claimex("extract", tmp_path / "a.txt", "-o", "/dev/full")
    err = p.stderr.decode()
    assert p.returncode == 1, err
    assert "No space left" in err and "Traceback" not in err


# ---- kill -9 and --resume; workers ----------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus") / "docs"
    d.mkdir()
    for i in range(30):
        sub = d / ("part%d" % (i % 3))
        sub.mkdir(exist_ok=True)
        (sub / f"n{i:03d}.txt").write_text(f"date 2024-04-{1 + i % 28:02d}\n{text_of(i, 4)}\n", encoding="utf-8")
    ref = d.parent / "ref.jsonl"
    claimex("extract", d, "-o", ref, "--batch-size", "3", check=0)
    return d, ref


def _run_and_kill(args, out: Path, min_size: int) -> int:
    proc = subprocess.Popen([sys.executable, "-m", "claimex.cli", *map(str, args)], env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > min_size:
                break
            time.sleep(0.005)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    return proc.returncode


def test_kill_and_resume(corpus, tmp_path):
    d, ref = corpus
    out = tmp_path / "claims.jsonl"
    args = ["extract", d, "-o", out, "--batch-size", "1"]
    rc1 = _run_and_kill(args, out, 0)
    size1 = out.stat().st_size
    assert rc1 == -signal.SIGKILL  # killed as soon as the first claims are out: mid-run
    assert 0 < size1 < ref.stat().st_size
    rc2 = _run_and_kill(args + ["--resume"], out, size1)
    final = claimex(*args, "--resume", check=0)
    assert final.returncode == 0
    got = out.read_bytes()
    want = ref.read_bytes()
    assert got.endswith(b"\n")
    got_lines = got.splitlines()
    assert len(set(got_lines)) == len(got_lines)  # no claim twice
    for ln in got_lines:
        json.loads(ln)  # no torn line
    assert got_lines == want.splitlines()  # no document lost, same order
    ledger = lines(str(out) + ".done.jsonl")
    assert len(ledger) == 1 + 30
    print("kill return codes", rc1, rc2)


def test_workers_same_output(corpus, tmp_path):
    d, ref = corpus
    out = tmp_path / "w2.jsonl"
    claimex("extract", d, "-o", out, "--workers", "2", "--batch-size", "4", check=0)
    assert out.read_bytes() == ref.read_bytes()


def test_without_resume_overwrites(corpus, tmp_path):
    d, ref = corpus
    out = tmp_path / "o.jsonl"
    out.write_text("stale\n")
    Path(str(out) + ".errors.jsonl").write_text('{"doc_id": "old"}\n')
    # a small subset: one sub folder
    claimex("extract", d / "part0", "-o", out, check=0)
    assert "stale" not in out.read_text()
    assert not Path(str(out) + ".errors.jsonl").exists()
    assert all(c["doc_id"].startswith("n") for c in lines(out))


# ------------------------------------------------------------------------------------------
# in-process tests of claimex.io with a small stand-in extractor (fast, no model)
# ------------------------------------------------------------------------------------------


class FakeExtractor:
    """One claim per digit run; 'EXPLODE' in a text raises."""

    def extract(self, text, *, doc_id=None, published=None):
        import re

        if not isinstance(text, str):
            raise TypeError("text")
        if "EXPLODE" in text:
            raise RuntimeError("kaboom")
        out = []
        for m in re.finditer(r"\d+", text):
            out.append(Claim(doc_id=doc_id, claim_id=f"{doc_id}:{m.start()}",
                             quantity=Quantity(m.group(), m.start(), m.end(), float(m.group())),
                             measure=None, category=None, rate=None, kind="actual", hedged=False,
                             negated=False, speaker=None, date=None, published=published,
                             sentence=Sentence(text, 0, len(text))))
        return out

    def pipe(self, items, *, batch_size=32):
        for it in items:
            yield self.extract(it["text"], doc_id=it.get("doc_id"), published=it.get("published"))


def run_fake(inputs, out, **kw):
    return cio.run([str(p) for p in inputs], str(out), make_backend=lambda: cio.SerialBackend(FakeExtractor()), **kw)


def test_extraction_failure_is_isolated(tmp_path):
    (tmp_path / "a.txt").write_text("one 1")
    (tmp_path / "b.txt").write_text("EXPLODE 2")
    (tmp_path / "c.txt").write_text("three 3")
    out = tmp_path / "o.jsonl"
    s = run_fake([tmp_path], out)
    assert (s.documents, s.ok, s.errors, s.exit_code) == (3, 2, 1, 1)
    assert [c["doc_id"] for c in lines(out)] == ["a.txt", "c.txt"]
    (err,) = lines(str(out) + ".errors.jsonl")
    assert err["doc_id"] == "b.txt" and "kaboom" in err["error"]


def test_permission_denied_and_deleted(tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for n in ("a.txt", "locked.txt", "vanish.txt"):
        (d / n).write_text(f"{n} 7")
    sources = cio.collect_inputs([str(d)])
    (d / "vanish.txt").unlink()  # deleted after the folder was listed
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs = list(cio.iter_documents(sources))
    by = {x.doc_id: x for x in docs}
    assert by["a.txt"].error is None
    assert "permission denied" in by["locked.txt"].error
    assert "not found" in by["vanish.txt"].error


def test_json_and_custom_keys(tmp_path):
    (tmp_path / "batch.json").write_text(json.dumps([
        {"key": "x1", "body": "Boats 4", "day": "2021-09-09T08:00:00"},
        {"body": "Cars 5"},
        {"key": 17, "body": "Bikes 6", "day": "soon"},
    ]))
    out = tmp_path / "o.jsonl"
    s = run_fake([tmp_path / "batch.json"], out,
                 options=cio.InputOptions(id_key="key", text_key="body", date_key="day"))
    got = [(c["doc_id"], c["published"]) for c in lines(out)]
    assert got == [("x1", "2021-09-09"), ("batch.json:2", None)]
    assert s.errors == 1 and "YYYY-MM-DD" in lines(str(out) + ".errors.jsonl")[0]["error"]


def test_resume_truncates_torn_tail_and_uncommitted_claims(tmp_path):
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(f"doc {i} has {i + 10} and {i + 20}")
    ref = tmp_path / "ref.csv"
    run_fake([tmp_path / f"d{i}.txt" for i in range(6)], ref)
    out = tmp_path / "o.csv"
    inputs = [tmp_path / f"d{i}.txt" for i in range(6)]
    run_fake(inputs, out, batch_size=2)
    # simulate a crash: ledger knows 3 docs (one with a torn last line); OUT has extra, torn data
    ledger = Path(str(out) + cio.LEDGER_SUFFIX)
    kept = ledger.read_text().splitlines()[:4]
    ledger.write_text("\n".join(kept) + '\n{"n": 3, "doc_id": "d3.t')
    with open(out, "ab") as fh:
        fh.write(b'd9.txt,partial,"unterminated')
    s = run_fake(inputs, out, resume=True, batch_size=2)
    assert s.skipped == 3 and s.documents == 6
    assert out.read_bytes() == ref.read_bytes()
    assert len(ledger.read_text().splitlines()) == 7


def test_resume_refuses_changed_input_and_parquet(tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"n {i}")
    out = tmp_path / "o.jsonl"
    run_fake([tmp_path / "d0.txt", tmp_path / "d1.txt"], out)
    with pytest.raises(cio.UsageError, match="differs"):
        run_fake([tmp_path / "d2.txt", tmp_path / "d1.txt"], out, resume=True)
    with pytest.raises(cio.UsageError, match="Parquet"):
        run_fake([tmp_path / "d0.txt"], tmp_path / "o.parquet", resume=True)


def test_parquet_output(tmp_path):
    import pyarrow.parquet as pq  # the test extra installs it: missing must fail, not skip
    (tmp_path / "a.txt").write_text("a 1 b 2")
    (tmp_path / "e.txt").write_text("")
    out = tmp_path / "o.parquet"
    s = run_fake([tmp_path], out)
    assert s.exit_code == 0
    t = pq.read_table(out)
    assert t.column_names == cio.COLUMNS
    assert t.column("quantity.value").to_pylist() == [1.0, 2.0]
    assert t.column("doc_id").to_pylist() == ["a.txt", "a.txt"]


def test_flatten_columns():
    assert cio.COLUMNS[:3] == ["doc_id", "claim_id", "quantity.text"]
    assert {"speaker.name", "date.start", "sentence.end", "quantity.unit"} <= set(cio.COLUMNS)
    flat = cio.flatten({"doc_id": "x", "speaker": None, "quantity": {"value": 3.0}})
    assert flat["speaker.name"] is None and flat["quantity.value"] == 3.0


def test_published_order():
    assert cio.resolve_published("2020-01-01", "date 2021-01-01\nx", "2022-01-01.txt", "2023-01-01") == "2020-01-01"
    assert cio.resolve_published(None, "date 2021-01-01\nx", "2022-01-01.txt", "2023-01-01") == "2021-01-01"
    assert cio.resolve_published(None, "x", "a/2022-01-01.txt", "2023-01-01") == "2022-01-01"
    assert cio.resolve_published(None, "x", "a.txt", "2023-01-01") == "2023-01-01"
    assert cio.filename_date("2022-13-45-notes.txt") is None


def _in_child(fn):
    """fn() in a forked child process (for limits that must not touch the test process)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(r)
        try:
            res = fn()
            code = 0
        except BaseException as e:  # report anything to the parent
            res, code = {"exception": f"{type(e).__name__}: {e}"}, 1
        os.write(w, json.dumps(res).encode())
        os._exit(code)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return json.loads(data)


@pytest.mark.parametrize("ext", ["jsonl", "csv"])
def test_disk_error_mid_run_leaves_no_torn_line(tmp_path, ext):
    """The file system refuses to grow OUT part-way through a block (RLIMIT_FSIZE: EFBIG)."""
    import resource

    inputs = []
    for i in range(12):
        p = tmp_path / f"d{i:02d}.txt"
        p.write_text(f"Document {i} counts {100 + i} boats, {200 + i} cars and {300 + i} bikes.")
        inputs.append(p)
    ref = tmp_path / f"ref.{ext}"
    run_fake(inputs, ref, batch_size=2)
    want = ref.read_bytes()
    out = tmp_path / f"o.{ext}"
    limit = len(want) // 2 + 7  # in the middle of some claim's line

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            run_fake(inputs, out, batch_size=2)
        except cio.OutputError as e:
            return {"error": str(e)}
        return {"error": None}

    res = _in_child(limited)
    assert res.get("error") and "File too large" in res["error"], res
    got = out.read_bytes()
    assert 0 < len(got) < limit and got.endswith(b"\n")
    assert want.startswith(got)  # whole lines of whole documents, nothing torn
    if ext == "jsonl":
        for ln in got.splitlines():
            json.loads(ln)
    s = run_fake(inputs, out, batch_size=2, resume=True)
    assert s.skipped > 0 and s.documents == 12
    assert out.read_bytes() == want
