"""Japanese full-text search: tokens, the FTS5 query, and the index on a database."""
from __future__ import annotations

import sqlite3
import threading

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.schema import create_schema
from pipeline.search import SEARCHABLE, build_search_index, fts_query, ngram_tokens, search_tokens
from tests.site_fixture import build_fixture_db


def match(db_path, table: str, query: str) -> set[int]:
    conn = sqlite3.connect(db_path)
    try:
        sql = f"select rowid from {table}_fts where {table}_fts match ?"
        return {r[0] for r in conn.execute(sql, [fts_query(query) or '""'])}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "koubo.db"
    build_fixture_db(path)
    return path


# --- tokens ------------------------------------------------------------------------

def test_search_tokens_cut_a_compound_into_words():
    assert search_tokens("公募期間") == "公募 期間"
    assert search_tokens("計画策定支援事務局").split() == ["計画", "策定", "支援", "事務", "局"]


def test_search_tokens_normalise_full_width_forms_first():
    assert search_tokens("ＤＸ推進") == search_tokens("DX推進")
    assert search_tokens("０３－５２５３") == search_tokens("03-5253")


def test_search_tokens_of_nothing_is_empty():
    assert search_tokens(None) == ""
    assert search_tokens("") == ""


def test_ngram_tokens_are_bigrams_of_japanese_runs_only():
    assert ngram_tokens("都道府県内") == "都道 道府 府県 県内"
    assert ngram_tokens("DX 推進") == "推進"
    assert ngram_tokens("町") == "町"


def test_search_tokens_are_safe_from_several_threads():
    """Datasette runs SQL, and so the plugin's tokenizing, on several threads."""
    results, errors = [], []

    def work():
        try:
            results.append(search_tokens("北海道標茶町の公募期間"))
        except Exception as e:  # pragma: no cover - what the test is for
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert len(set(results)) == 1 and len(results) == 6


# --- the query ------------------------------------------------------------------------

def test_fts_query_matches_the_word_as_phrase_or_as_bigrams():
    assert fts_query("公募期間") == '("公募 期間" OR ngrams : "公募 募期 期間")'


def test_fts_query_terms_must_all_match():
    assert fts_query("北海道 採択") == '("北海道" OR ngrams : "北海 海道") AND ("採択" OR ngrams : "採択")'


def test_fts_query_keeps_a_quoted_phrase_and_never_emits_a_bare_quote():
    assert fts_query('"公募 期間"') == '("公募 期間")'
    assert fts_query('事務局"') .count('"') % 2 == 0
    assert fts_query("") == ""
    assert fts_query(None) == ""


def test_fts_query_mixed_script_word_uses_tokens_only():
    """DX推進 must not match every row containing 推進."""
    assert fts_query("DX推進") == '("DX 推進")'


# --- the index ------------------------------------------------------------------------

def test_default_tokenizer_finds_no_japanese_word_so_tokens_are_needed(fixture_db):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table plain using fts5(text)")
    text = sqlite3.connect(fixture_db).execute("select text from documents where id = 1").fetchone()[0]
    conn.execute("insert into plain(text) values (?)", [text])
    assert conn.execute("select count(*) from plain where plain match '公募'").fetchone()[0] == 0
    assert 1 in match(fixture_db, "documents", "公募")


@pytest.mark.parametrize(
    ("word", "table", "ids"),
    [
        ("公募", "documents", {1, 2, 3}),
        ("採択", "documents", {3}),
        ("事務局", "contacts", {1, 3}),
        ("北海道", "awards", {1}),
        ("公募期間", "deadlines", {1, 3, 4}),
        ("高橋", "contacts", {1}),
        ("石丸", "contacts", {5}),
        ("井上", "documents", {2}),
        ("標茶町", "awards", {1}),
        ("dx_plan@ml.soumu.go.jp", "contacts", {2, 4}),
        ("03-6555-0101", "contacts", {1}),
        ("防災", "documents", set()),
    ],
)
def test_index_finds_words_as_people_type_them(fixture_db, word, table, ids):
    assert match(fixture_db, table, word) == ids


def test_words_sudachi_glues_into_a_longer_morpheme_are_still_found(tmp_path):
    """都道府県内 and 市町村数 are single mode-A morphemes; the bigram column finds them."""
    db = sqlite_utils.Database(tmp_path / "k.db")
    create_schema(db)
    db["requirements"].insert_all([
        {"id": 1, "text": "都道府県内での連携体制を構築すること。"},
        {"id": 2, "text": "2年目は市町村数を増やして支援を行う。"},
        {"id": 3, "text": "詳しくはお問い合わせください。"},
    ], pk="id")
    build_search_index(db)
    assert match(tmp_path / "k.db", "requirements", "都道府県") == {1}
    assert match(tmp_path / "k.db", "requirements", "市町村") == {2}
    assert match(tmp_path / "k.db", "requirements", "問い合わせ") == {3}
    assert match(tmp_path / "k.db", "requirements", "京都") == set()


def test_index_has_one_row_per_source_row_and_rebuilds_cleanly(tmp_path):
    path = tmp_path / "koubo.db"
    build_fixture_db(path)
    db = sqlite_utils.Database(path)
    before = {t: db.execute(f"select count(*) from {t}_fts").fetchone()[0] for t in SEARCHABLE}
    build_search_index(db)
    after = {t: db.execute(f"select count(*) from {t}_fts").fetchone()[0] for t in SEARCHABLE}
    assert before == after
    assert after == {t: db[t].count for t in SEARCHABLE}


def test_index_of_an_empty_database_is_empty_and_searchable(tmp_path):
    db = sqlite_utils.Database(tmp_path / "empty.db")
    create_schema(db)
    build_search_index(db)
    db.close()
    assert match(tmp_path / "empty.db", "documents", "公募") == set()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('公募期間北海道 　"\'()*:-^+NEAROTDxy0１２・、。\\\t\n')), max_size=30)
       | st.text(max_size=20))
def test_any_typed_query_is_valid_fts5(query):
    """Whatever a visitor types, the search never turns into an FTS5 syntax error."""
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t_fts using fts5(text, ngrams)")
    conn.execute("insert into t_fts values ('北海道 の 公募 期間', '北海 海道 公募 募期 期間')")
    conn.execute("select rowid from t_fts where t_fts match ?", [fts_query(query) or '""']).fetchall()


def test_a_rebuild_reuses_the_tokens_of_unchanged_texts(tmp_path, monkeypatch):
    import sqlite_utils

    from pipeline import search

    first = sqlite_utils.Database(tmp_path / "first.db")
    first["documents"].insert_all([{"id": 1, "title": "公募要領", "text": "公募期間は令和8年3月26日まで"}], pk="id")
    search.build_search_index(first)
    second = sqlite_utils.Database(tmp_path / "second.db")
    second["documents"].insert_all([{"id": 1, "title": "公募要領", "text": "公募期間は令和8年3月26日まで"},
                                    {"id": 2, "title": "採択結果", "text": "北海道標茶町"}], pk="id")
    tokenized: list[str] = []
    real = search.search_tokens
    monkeypatch.setattr(search, "search_tokens", lambda text: tokenized.append(text) or real(text))
    search.build_search_index(second, previous=first)
    assert sorted(tokenized) == ["北海道標茶町", "採択結果"]
    hits = second.execute("select rowid from documents_fts where documents_fts match ?",
                          [search.fts_query("公募期間")]).fetchall()
    assert hits == [(1,)]
