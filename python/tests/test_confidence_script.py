"""scripts/confidence counts a prediction right or wrong exactly as score.py does, and its
per-level precision follows from those labels. Made-up gold and extractions, no shared text."""

import importlib.machinery
import importlib.util
import json
import subprocess

from conftest import ARTICLES, REPO


def load_script():
    loader = importlib.machinery.SourceFileLoader("confidence", str(REPO / "scripts" / "confidence"))
    spec = importlib.util.spec_from_loader("confidence", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


C = load_script()

TEXT = "Ghana and Togo signed a water deal, Ama Mensah said. Voters were unhappy.".encode()


def span(piece):
    start = TEXT.index(piece.encode())
    return {"start": start, "end": start + len(piece.encode()), "text": piece}


GOLD = {
    "parties": [
        {"name": "Ghana", "kind": "country"},
        {"name": "Togo", "kind": "country"},
        {"name": "Ama Mensah", "kind": "person"},
        {"name": "voters", "kind": "group", "core": False},
    ],
    "claims": [{"speaker": ["Ama Mensah"], "content": "Ghana and Togo signed a water deal"}],
    "outcomes": [{"status": "agreed", "content": "Ghana and Togo signed a water deal"}],
}


def party(pid, name, kind, level):
    return {"id": pid, "name": name, "kind": kind, "aliases": [], "confidence": level}


EXTRACTION = {
    "parties": [
        party("p1", "Ghana", "country", "high"),
        party("p2", "Ghana", "country", "medium"),  # a duplicate: wrong
        party("p3", "Ama Mensah", "person", "high"),
        party("p4", "Voters", "group", "low"),  # matches an optional gold party: not counted
        party("p5", "Accra", "place", "low"),  # places are not scored
        party("p6", "Zentrix", "organization", "low"),  # matches nothing: wrong
    ],
    "claims": [
        {"speaker": "p3", "source": span("Ama Mensah"), "content": span("Ghana and Togo signed a water deal"),
         "confidence": "high"},
        {"speaker": "p1", "source": None, "content": span("Voters were unhappy"), "confidence": "low"},
    ],
    "outcomes": [
        {"status": "failed", "parties": [], "evidence": span("Ghana and Togo signed a water deal"),
         "confidence": "medium"},  # paired, but the status is wrong
    ],
}


def test_labels_follow_score_py():
    labels = C.label_article(GOLD, EXTRACTION, TEXT)
    assert [(p["id"], right) for p, right in labels["parties"]] == [
        ("p1", True), ("p2", False), ("p3", True), ("p6", False)]
    assert [right for _, right in labels["claims"]] == [True, False]
    assert [right for _, right in labels["outcomes"]] == [False]


def test_precision_per_level():
    labels = C.label_article(GOLD, EXTRACTION, TEXT)
    rows = [(item, right, EXTRACTION) for item, right in labels["parties"]]
    levels = C.by_level(rows)
    assert levels["high"] == {"p": 1.0, "right": 2, "n": 2}
    assert levels["medium"] == {"p": 0.0, "right": 0, "n": 1}
    assert levels["low"] == {"p": 0.0, "right": 0, "n": 1}
    assert C.precision([]) == {"p": None, "right": 0, "n": 0}


def test_every_exported_item_has_a_level(extract_bin):
    for path in ARTICLES:
        ex = json.loads(subprocess.run([extract_bin, str(path)], capture_output=True, check=True).stdout)
        for kind in ("parties", "claims", "outcomes"):
            assert all(item["confidence"] in C.LEVELS for item in ex[kind]), (path, kind)
