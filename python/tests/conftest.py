"""Shared paths: the repository's own articles, the PolNeAR train texts, the `extract` CLI."""

import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
ARTICLES = sorted((REPO / "tests" / "articles").glob("*.txt"))
POLNEAR_TRAIN = REPO.parent / "shared" / "polnear" / "train" / "text"


def read_text(path):
    """The file as the CLI reads it: UTF-8, line endings untouched."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def extract_bin():
    """The `extract` CLI that scripts/python-test built ($EXTRACT_BIN)."""
    path = os.environ.get("EXTRACT_BIN", str(REPO / "target" / "release" / "extract"))
    assert os.access(path, os.X_OK), f"no extract CLI at {path}: run scripts/python-test"
    return path


def cli_json(extract_bin, *args):
    """What `extract ARGS...` prints, as text."""
    done = subprocess.run([extract_bin, *map(str, args)], capture_output=True, check=True)
    return done.stdout.decode("utf-8")
