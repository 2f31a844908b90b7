"""Datasette plugin: Japanese full-text search with SudachiPy tokens.

Datasette's search box runs `<fts_table> MATCH escape_fts(:search)`. The index
(pipeline/search.py, built with the database) holds Sudachi mode-A tokens and
character bigrams, so the query must be cut the same way: this plugin replaces the
`escape_fts` SQL function with `pipeline.search.fts_query`. `trylast` makes it run
after Datasette's own registration of `escape_fts`, so ours is the one in force.
It also offers `ja_fts_query(text)` and `ja_tokens(text)` to SQL and canned queries.
"""
from __future__ import annotations

import sys
from pathlib import Path

from datasette import hookimpl

try:
    from pipeline.search import fts_query, search_tokens
except ModuleNotFoundError:  # served from a checkout where koubo is not pip-installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from pipeline.search import fts_query, search_tokens

NO_MATCH = '""'  # an empty FTS5 phrase: valid, and matches no row


def ja_fts_query(query: str | None) -> str:
    """FTS5 expression for a person's search; one that matches nothing if it is empty."""
    return fts_query(query) or NO_MATCH


@hookimpl(trylast=True)
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, ja_fts_query)
    conn.create_function("ja_fts_query", 1, ja_fts_query)
    conn.create_function("ja_tokens", 1, search_tokens)
