"""claimex.dask on a real local cluster of two worker processes, and the CLI --scheduler."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import dask.bag as dask_bag  # noqa: E402  (the test extra installs it; a missing one must fail, not skip)
import distributed  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "The ferry carried 420 passengers on Saturday, the operator said.",
    "Volunteers planted 3,000 trees along the river last spring.",
    "The library lent 12,500 books in June, up 8 percent.",
    "Officials said 65 homes lost power during the storm.",
    "The school hired 18 teachers, the principal told reporters.",
    "Bakers sold 700 loaves at the fair on Sunday.",
    "The museum drew 9,100 visitors in its first week.",
    "Farmers harvested 250 tons of apples this year.",
    "The city fixed 1,400 potholes in May, a spokesperson said.",
    "The shelter took in 33 dogs after the flood.",
]
DOCS = [{"id": f"d{i:02d}", "text": t, "published": f"2024-07-{i + 1:02d}"} for i, t in enumerate(TEXTS)]


def _key(r):
    return (r["doc_id"], r["quantity"]["start"])


@pytest.fixture(scope="module")
def cluster():
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(REPO) + (os.pathsep + old if old else "")
    try:
        with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                      dashboard_address=None) as cl, distributed.Client(cl) as client:
            yield cl, client
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


@pytest.fixture(scope="module")
def serial():
    from claimex.dask import get_extractor

    ex = get_extractor(None)
    return sorted((c.to_dict() for d in DOCS for c in ex.extract(d["text"], doc_id=d["id"],
                                                                 published=d["published"])), key=_key)


def test_extract_bag_matches_serial(cluster, serial):
    from claimex.dask import extract_bag

    _, client = cluster
    bag = dask_bag.from_sequence(DOCS, npartitions=4)
    got = extract_bag(bag).compute()
    assert got and all(isinstance(r, dict) for r in got)
    assert sorted(got, key=_key) == serial
    # the model was loaded in the workers, once per worker process
    loaded = client.run(lambda: sorted(map(str, __import__("claimex.dask").dask._MODELS)))
    assert len(loaded) == 2 and all(v == ["None"] for v in loaded.values())


def test_extract_partition(cluster, serial):
    import dask.dataframe as dd
    import pandas as pd

    from claimex.dask import claims_meta, extract_partition

    df = pd.DataFrame(DOCS)
    ddf = dd.from_pandas(df, npartitions=3)
    got = ddf.map_partitions(extract_partition, meta=claims_meta()).compute()
    assert len(got) == len(serial)
    assert sorted(zip(got["doc_id"], got["quantity.start"])) == [_key(r) for r in serial]
    assert list(got.columns)[:3] == ["doc_id", "claim_id", "quantity.text"]


def test_cli_scheduler_matches_serial_cli(cluster, tmp_path):
    cl, _ = cluster
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    env = dict(os.environ)
    out = tmp_path / "dask.jsonl"
    p = subprocess.run([sys.executable, "-m", "claimex.cli", "extract", src, "-o", out,
                        "--scheduler", cl.scheduler_address, "--batch-size", "3"],
                       capture_output=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    from claimex import io as cio
    from claimex.dask import get_extractor

    serial_out = tmp_path / "serial.jsonl"
    cio.run([str(src)], str(serial_out), make_backend=lambda: cio.SerialBackend(get_extractor(None)))
    assert out.read_bytes() == serial_out.read_bytes()
