"""The package gives the CLI's JSON, releases the GIL, and refuses what is not text."""

import json
import sys
import threading
import time

import pytest

import article_explorer
from conftest import ARTICLES, POLNEAR_TRAIN, cli_json, read_text

KEYS = {"parties", "claims", "outcomes", "sentences"}


def test_the_repository_articles_are_here():
    assert len(ARTICLES) >= 3


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_analyze_equals_the_cli_json(extract_bin, path):
    printed = cli_json(extract_bin, path)
    text = read_text(path)
    assert article_explorer.analyze(text) == json.loads(printed)
    # Byte for byte too: the same pretty JSON, without the CLI's final newline.
    assert article_explorer.analyze_json(text) + "\n" == printed


def test_analyze_many_keeps_order_and_equals_analyze(extract_bin):
    texts = [read_text(p) for p in ARTICLES] * 3
    one_by_one = [article_explorer.analyze(t) for t in texts]
    for threads in (None, 1, 2, 5):
        assert article_explorer.analyze_many(texts, threads=threads) == one_by_one, threads
    # Any iterable of str, a generator included; nothing in, nothing out.
    assert article_explorer.analyze_many(t for t in texts[:2]) == one_by_one[:2]
    assert article_explorer.analyze_many([]) == []


def test_batch_cli_lines_equal_analyze_many(extract_bin):
    lines = cli_json(extract_bin, "--jobs", "2", *ARTICLES).splitlines()
    got = article_explorer.analyze_many([read_text(p) for p in ARTICLES])
    assert len(lines) == len(got)
    for line, path, ex in zip(lines, ARTICLES, got):
        row = json.loads(line)
        assert row.pop("file") == str(path)
        assert row == ex


def test_result_shape():
    ex = article_explorer.analyze("Ghana and Togo signed a border agreement on Monday, officials said.")
    assert set(ex) == KEYS
    assert any(p["name"] == "Ghana" for p in ex["parties"])
    assert article_explorer.analyze("") == {"parties": [], "claims": [], "outcomes": [], "sentences": []}


@pytest.mark.parametrize("value", [b"Ghana and Togo met.", None, 42, ["text"]], ids=repr)
def test_analyze_refuses_what_is_not_str(value):
    with pytest.raises(TypeError, match="text must be str"):
        article_explorer.analyze(value)
    with pytest.raises(TypeError, match="text must be str"):
        article_explorer.analyze_json(value)


def test_analyze_many_refuses_what_is_not_str():
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not bytes"):
        article_explorer.analyze_many(["Peru and Chile met.", b"bytes"])
    with pytest.raises(TypeError, match="not a str"):
        article_explorer.analyze_many("a single str is not a list of texts")
    with pytest.raises(TypeError):
        article_explorer.analyze_many(42)
    with pytest.raises(ValueError, match="threads"):
        article_explorer.analyze_many(["x"], threads=0)


def test_unpaired_surrogates_are_an_error_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        article_explorer.analyze("Peru \ud800 and Chile")


def test_analyze_many_releases_the_gil():
    """A Python thread keeps counting while a batch runs; with the GIL held it could not."""
    texts = [read_text(p) for p in sorted(POLNEAR_TRAIN.glob("*.txt"))[:300]]
    assert texts, f"no texts in {POLNEAR_TRAIN}"
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    old = sys.getswitchinterval()
    # The main thread gives up the GIL only every 0.2 s unless Rust releases it.
    sys.setswitchinterval(0.2)
    worker = threading.Thread(target=count)
    try:
        worker.start()
        time.sleep(0.05)
        before = ticks
        started = time.perf_counter()
        article_explorer.analyze_many(texts, threads=1)
        during = ticks - before
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        worker.join()
        sys.setswitchinterval(old)
    assert elapsed > 0.02, "the batch is long enough to tell"
    assert during > 1000, f"the counter moved {during} times in {elapsed:.3f} s"


def test_file_text_is_the_cli_input_policy(extract_bin, tmp_path):
    text = "ACCRA, Ghana (AP) — Ghana and Togo signed a border deal on Monday, officials said."
    cases = {
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "le.txt": text.encode("utf-16"),  # with a byte-order mark
        "be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "page.html": f"<html><head><title>t</title></head><body><p>{text}</p></body></html>".encode(),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        got = article_explorer.file_text(name, data)
        assert got == text, name
        assert article_explorer.analyze(got) == json.loads(cli_json(extract_bin, path)), name
    refused = {
        "latin1.txt": ("Caf\xe9".encode("latin-1"), "not UTF-8 text"),
        "nobom.txt": (text.encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        "binary.txt": (b"\x7fELF\x02\x01\x01\x00\x00", "not a text file"),
    }
    for name, (data, reason) in refused.items():
        with pytest.raises(ValueError, match=reason):
            article_explorer.file_text(name, data)
    with pytest.raises(TypeError):
        article_explorer.file_text("a.txt", "str, not bytes")
