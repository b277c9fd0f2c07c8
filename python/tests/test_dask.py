"""The package on an existing distributed engine: Dask, a LocalCluster of 2 worker processes,
over the 840 PolNeAR train texts."""

import sys
import time

import cloudpickle
import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import article_explorer
from conftest import POLNEAR_TRAIN, read_text

KEYS = {"file", "parties", "claims", "outcomes", "sentences"}


def analyze_partition(paths):
    """One partition: read its files, analyse them in one call (one thread per worker)."""
    texts = []
    for path in paths:
        with open(path, "rb") as f:
            texts.append(article_explorer.file_text(path, f.read()))
    results = article_explorer.analyze_many(texts, threads=1)
    return [{"file": p, **ex} for p, ex in zip(paths, results)]


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    # The workers cannot import this test module: send its functions by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with cluster, Client(cluster) as client:
        yield client


def test_dask_bag_over_the_polnear_train_texts(client, capsys):
    paths = sorted(str(p) for p in POLNEAR_TRAIN.glob("*.txt"))
    assert len(paths) == 840, f"expected the 840 PolNeAR train texts in {POLNEAR_TRAIN}"
    started = time.perf_counter()
    results = db.from_sequence(paths, npartitions=16).map_partitions(analyze_partition).compute()
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\ndask: {len(results)} articles on 2 worker processes in {elapsed:.2f} s")
    assert [r["file"] for r in results] == paths
    for r in results:
        assert set(r) == KEYS, r["file"]
    assert sum(len(r["parties"]) for r in results) > len(paths), "parties found across the corpus"
    # The workers' results are the package's own, here in the test process.
    for r in results[::97]:
        assert {k: v for k, v in r.items() if k != "file"} == article_explorer.analyze(read_text(r["file"]))
