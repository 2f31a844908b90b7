"""Japanese full-text search: the index the build writes and the query the site runs.

SQLite's unicode61 tokenizer treats a run of Japanese as one token, so 公募 never
matches 公募期間. Each searchable table gets an FTS5 table `<table>_fts` whose
columns hold the row's text as SudachiPy mode-A tokens joined by spaces (word
matching, one-character words included), plus one `ngrams` column holding character
bigrams of the Japanese runs, which catches the words Sudachi glues into a longer
morpheme (都道府県 inside 都道府県内) or splits by context (問い合わせ in お問い合わせ).

`fts_query` turns what a person types into an FTS5 expression over both: every
whitespace-separated term must match, either as a phrase of its Sudachi tokens or as
a phrase of its bigrams. The Datasette plugin (db/plugins/ja_search.py) installs it
as the SQL function Datasette uses for `?_search=`.
"""
from __future__ import annotations

import hashlib
import re
import threading
import unicodedata

import sqlite_utils

from extractors.sudachi import tokens

# table -> columns whose text is searchable (all must exist in pipeline/schema.py).
SEARCHABLE: dict[str, tuple[str, ...]] = {
    "documents": ("title", "publisher", "url", "text"),
    "programs": ("name", "ministry", "round"),
    "requirements": ("kind", "group_label", "text", "quote"),
    "contacts": ("role", "organization", "department", "persons", "phone", "email", "address", "quote"),
    "deadlines": ("kind", "label", "quote"),
    "awards": ("prefecture", "body_name", "category", "group_label", "partner", "quote"),
}
NGRAM_COLUMN = "ngrams"

# A run of characters written without spaces between words: kana, kanji, 々, ー.
_JA_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u30fc]+")
_QUERY_TERM = re.compile(r'"([^"]*)"?|(\S+)')
# extractors.sudachi shares one tokenizer, which refuses concurrent use; Datasette runs
# SQL (and so this tokenizer, through the plugin's SQL function) on several threads.
_TOKENIZER_LOCK = threading.Lock()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _normalize(text: str) -> str:
    """NFKC (as documents.text already is), control characters turned into spaces."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFKC", text or ""))


def search_tokens(text: str | None) -> str:
    """Sudachi mode-A surfaces of `text` (NFKC first), joined by single spaces."""
    if not text:
        return ""
    with _TOKENIZER_LOCK:
        found = tokens(_normalize(text), "A")
    return " ".join(t.surface for t in found if '"' not in t.surface)


def ngram_tokens(text: str | None) -> str:
    """Overlapping character bigrams of each Japanese run; a lone character stays as is."""
    out: list[str] = []
    for run in _JA_RUN.findall(_normalize(text)):
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(out)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def fts_query(query: str | None) -> str:
    """FTS5 MATCH expression for a search typed by a person (quoted "…" keeps a phrase).

    Returns '' when the query has nothing searchable; callers treat that as no match.
    """
    parts: list[str] = []
    for quoted, bare in _QUERY_TERM.findall(query or ""):
        term = quoted if quoted else bare
        words = search_tokens(term)
        options = []
        if words.strip():
            options.append(_phrase(words))
        if len(_normalize(term)) > 1 and _JA_RUN.fullmatch(_normalize(term)):
            options.append(f"{NGRAM_COLUMN} : {_phrase(ngram_tokens(term))}")
        if options:
            parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


TOKEN_CACHE = "_search_token_cache"


class _TokenCache:
    """search_tokens of texts seen by an earlier build, keyed by a digest of the text:
    tokenizing is most of a no-change rebuild's time, and most texts do not change."""

    def __init__(self, previous: sqlite_utils.Database | None) -> None:
        self.known: dict[str, str] = {}
        if previous is not None and TOKEN_CACHE in previous.table_names():
            self.known = dict(previous.execute(f"select digest, tokens from [{TOKEN_CACHE}]").fetchall())
        self.used: dict[str, str] = {}

    def tokens(self, text: str) -> str:
        if not text:
            return ""
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        found = self.used.get(digest)
        if found is None:
            found = self.known.get(digest)
            if found is None:
                found = search_tokens(text)
            self.used[digest] = found
        return found

    def save(self, db: sqlite_utils.Database) -> None:
        db.execute(f"drop table if exists [{TOKEN_CACHE}]")
        db.execute(f"create table [{TOKEN_CACHE}] (digest text primary key, tokens text)")
        with db.conn:
            db.conn.executemany(f"insert into [{TOKEN_CACHE}] values (?, ?)", self.used.items())


def _fts_rows(db: sqlite_utils.Database, table: str, columns: tuple[str, ...], cache: _TokenCache):
    select = ", ".join(["id", *columns])
    for row in db.execute(f"select {select} from [{table}]").fetchall():
        values = [v if isinstance(v, str) else ("" if v is None else str(v)) for v in row[1:]]
        record = {"rowid": row[0]}
        record.update({col: cache.tokens(value) for col, value in zip(columns, values, strict=True)})
        record[NGRAM_COLUMN] = ngram_tokens("\n".join(values))
        yield record


def build_search_index(db: sqlite_utils.Database, previous: sqlite_utils.Database | None = None) -> None:
    """(Re)create `<table>_fts` for every searchable table; rowid = the table's id.
    Tokens of texts unchanged since `previous` (the last build's database) are reused."""
    cache = _TokenCache(previous)
    for table, columns in SEARCHABLE.items():
        if not db[table].exists():
            continue
        present = set(db[table].columns_dict)
        cols = tuple(c for c in columns if c in present)
        fts = f"{table}_fts"
        db.execute(f"drop table if exists [{fts}]")
        col_sql = ", ".join(f"[{c}]" for c in (*cols, NGRAM_COLUMN))
        db.execute(f"create virtual table [{fts}] using fts5({col_sql}, tokenize='unicode61')")
        names = ["rowid", *cols, NGRAM_COLUMN]
        placeholders = ", ".join("?" for _ in names)
        insert = f"insert into [{fts}] ({', '.join(f'[{n}]' for n in names)}) values ({placeholders})"
        with db.conn:
            db.conn.executemany(insert, ([r[n] for n in names] for r in _fts_rows(db, table, cols, cache)))
    cache.save(db)
