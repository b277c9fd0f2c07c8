"""Parties, claims and outcomes of news articles, from Python.

The extraction core of Article Explorer, compiled from the same Rust as the `extract` CLI and
the browser app: ``analyze(text)`` returns exactly the CLI's JSON as Python objects.

    >>> import article_explorer
    >>> ex = article_explorer.analyze("Ghana and Togo signed a border agreement on Monday, officials said.")
    >>> sorted(ex)
    ['claims', 'outcomes', 'parties', 'sentences']

``analyze_many(texts, threads=None)`` analyses a batch on a Rust thread pool with the GIL
released; in Dask or Spark call it once per partition. ``file_text(name, data)`` reads a file's
bytes as the CLI does (byte-order marks, UTF-16, HTML).
"""

from ._core import __version__, analyze, analyze_json, analyze_many, file_text

__all__ = ["analyze", "analyze_json", "analyze_many", "file_text", "__version__"]
