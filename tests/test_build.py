"""The build: programme linking, call status, atomic swap, the extraction cache."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from extractors.model import Contact, Deadline, Program, document_from_text
from pipeline import build as build_module
from pipeline.corpus import Capture

TODAY = dt.date(2025, 3, 1)

PAGE = """地域社会DX推進パッケージ事業
(1)推進体制構築支援
・支援地域の公募期間:令和7年2月10日(月)14時〜令和7年2月28日(金)17時まで
<問合せ先(事務局)>
電話:03-6858-3705
(2)補助事業
・応募期間:令和7年1月28日〜令和7年3月6日正午
<主管課>
電話:03-5253-5758(直通)"""


def _capture(url: str, body: bytes) -> Capture:
    return Capture(url=url, fetched_at="2025-03-01T00:00:00Z", status=200,
                   headers={"Content-Type": "text/html; charset=utf-8"}, body=body,
                   content_type="text/html; charset=utf-8", record_id="<urn:uuid:test>",
                   warc_file="test.warc.gz", reconstructed=False)


@pytest.mark.parametrize(("iso", "fiscal_year"), [
    ("2025-03-06T12:00+09:00", 2024), ("2025-04-01", 2025), ("2026-03", 2025), ("2025-12-26", 2025)])
def test_fiscal_year_of_a_date(iso, fiscal_year):
    assert build_module._fiscal_year(iso) == fiscal_year


@pytest.mark.parametrize(("starts", "ends", "status"), [
    ("2025-02-10T14:00+09:00", "2025-02-28T17:00+09:00", "closed"),
    ("2025-02-10", "2025-03-01", "open"),
    ("2025-03-02", "2025-03-20", "upcoming"),
    (None, "2025-03-06T12:00+09:00", "open"),
    (None, None, "unknown"),
])
def test_call_status_from_period_and_build_date(starts, ends, status):
    assert build_module._call_status(starts, ends, TODAY) == status


def _fake_extractors(monkeypatch, calls: list[str]):
    """Replace decoding and extraction with small deterministic stand-ins."""

    def decode(url, body, content_type, fetched_at=None):
        calls.append(url)
        if body.startswith(b"BROKEN"):
            raise build_module.DecodeError("not a document")
        doc = document_from_text(body.decode("utf-8"), url=url)
        doc.title = doc.text.split("\n", 1)[0]  # the first line stands for the page title
        return doc

    def programs(doc):
        start = doc.text.index("(2)")
        return [Program("推進パッケージ", "地域社会DX推進パッケージ事業", None, "総務省", 2025, doc.evidence(0, 5),
                        (0, len(doc.text))),
                Program("補助事業", "補助事業", "推進パッケージ", "総務省", 2025, doc.evidence(start, start + 7),
                        (start, len(doc.text)))]

    def deadlines(doc):
        start = doc.text.index("令和7年1月28日")
        return [Deadline("application_period", "応募期間", "2025-01-28", "2025-03-06T12:00+09:00", "minute", False,
                         doc.evidence(start, start + 20))]

    def contacts(doc):
        out = []
        for phone in ("03-6858-3705", "03-5253-5758", "03-5253-5758"):
            start = doc.text.rindex(phone)
            out.append(Contact("inquiry", None, None, None, phone, None, None, doc.evidence(start, start + 12)))
        return out

    monkeypatch.setattr(build_module, "decode_document", decode)
    fakes = {"programs": programs, "deadlines": deadlines, "contacts": contacts,
             "requirements": lambda doc: [], "awards": lambda doc: []}
    for name, fn in fakes.items():
        monkeypatch.setattr(build_module.EXTRACTORS[name], "extract", fn)


def _use_corpus(monkeypatch, captures: list[Capture]):
    monkeypatch.setattr(build_module, "latest_captures", lambda corpus_dir: {c.url: c for c in captures})


def test_build_links_facts_to_programmes_and_dedupes_contacts(tmp_path: Path, monkeypatch):
    calls: list[str] = []
    _fake_extractors(monkeypatch, calls)
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode())])
    db_path = tmp_path / "koubo.db"
    report = build_module.build(tmp_path, db_path, today=TODAY)
    db = sqlite_utils.Database(db_path)
    programs = {r["key"]: r for r in db["programs"].rows}
    assert programs["補助事業"]["parent_id"] == programs["推進パッケージ"]["id"]
    assert programs["補助事業"]["status"] == "open"
    deadline = next(db["deadlines"].rows)
    assert deadline["program_id"] == programs["補助事業"]["id"]
    phones = sorted((r["phone"], r["program_id"]) for r in db["contacts"].rows)
    assert phones == [("03-5253-5758", programs["補助事業"]["id"]),
                      ("03-6858-3705", programs["推進パッケージ"]["id"])]
    assert report.facts["contacts"] == 2


def test_unchanged_documents_are_not_extracted_again(tmp_path: Path, monkeypatch):
    calls: list[str] = []
    _fake_extractors(monkeypatch, calls)
    captures = [_capture("https://www.soumu.go.jp/a.html", PAGE.encode()),
                _capture("https://www.soumu.go.jp/b.html", PAGE.replace("03-6858", "03-6858").encode() + b"\n")]
    _use_corpus(monkeypatch, captures)
    db_path = tmp_path / "koubo.db"
    build_module.build(tmp_path, db_path, today=TODAY)
    assert len(calls) == 2
    first = sorted(r["quote"] for r in sqlite_utils.Database(db_path)["deadlines"].rows)

    captures[1] = _capture("https://www.soumu.go.jp/b.html", PAGE.encode() + b"\n(3)new")
    _use_corpus(monkeypatch, captures)
    report = build_module.build(tmp_path, db_path, today=TODAY)
    assert calls[2:] == ["https://www.soumu.go.jp/b.html"]
    assert (report.reused, report.extracted) == (1, 1)
    assert sorted(r["quote"] for r in sqlite_utils.Database(db_path)["deadlines"].rows) == first


def test_a_failed_build_leaves_the_old_database_untouched(tmp_path: Path, monkeypatch):
    _fake_extractors(monkeypatch, [])
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode())])
    db_path = tmp_path / "koubo.db"
    build_module.build(tmp_path, db_path, today=TODAY)
    before = db_path.read_bytes()

    def explode(db, previous=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr("pipeline.search.build_search_index", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        build_module.build(tmp_path, db_path, today=TODAY)
    assert db_path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_an_undecodable_document_is_kept_with_its_error(tmp_path: Path, monkeypatch):
    _fake_extractors(monkeypatch, [])
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode()),
                              _capture("https://www.soumu.go.jp/broken.pdf", b"BROKEN%PDF")])
    db_path = tmp_path / "koubo.db"
    report = build_module.build(tmp_path, db_path, today=TODAY)
    assert report.failed == 1
    con = sqlite3.connect(db_path)
    error = con.execute("select error from documents where url like '%broken.pdf'").fetchone()[0]
    assert "not a document" in error
    assert con.execute("select count(*) from deadlines").fetchone()[0] == 1


def test_captures_that_are_neither_html_nor_pdf_are_not_documents(tmp_path: Path, monkeypatch):
    _fake_extractors(monkeypatch, [])
    logo = _capture("https://www.soumu.go.jp/common/img/logo.png", b"\x89PNG\r\n\x1a\n")
    logo.content_type = "image/png"
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode()), logo])
    db_path = tmp_path / "koubo.db"
    report = build_module.build(tmp_path, db_path, today=TODAY)
    assert report.documents == 1
    assert [r["url"] for r in sqlite_utils.Database(db_path)["documents"].rows] == ["https://www.soumu.go.jp/a.html"]


def test_a_calls_fiscal_year_is_its_documents_else_its_dates(tmp_path: Path, monkeypatch):
    _fake_extractors(monkeypatch, [])
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode()),
                              _capture("https://www.soumu.go.jp/youryou.pdf", ("令和8年度 公募要領\n" + PAGE).encode())])
    db_path = tmp_path / "koubo.db"
    build_module.build(tmp_path, db_path, today=TODAY)
    years = dict(sqlite_utils.Database(db_path).execute(
        "select d.url, l.fiscal_year from deadlines l join documents d on d.id = l.document_id").fetchall())
    # ends 2025-03-06: FY2024 by its date; the same call in a 令和8年度 document is FY2026's
    assert years == {"https://www.soumu.go.jp/a.html": 2024, "https://www.soumu.go.jp/youryou.pdf": 2026}


def test_a_crashed_extractor_is_not_cached_so_the_next_build_retries(tmp_path: Path, monkeypatch):
    calls: list[str] = []
    _fake_extractors(monkeypatch, calls)
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode())])
    working = build_module.EXTRACTORS["contacts"].extract

    def crash(doc):
        raise ValueError("a bug")

    monkeypatch.setattr(build_module.EXTRACTORS["contacts"], "extract", crash)
    db_path = tmp_path / "koubo.db"
    report = build_module.build(tmp_path, db_path, today=TODAY)
    assert report.facts["contacts"] == 0
    assert any("contacts extractor failed" in w for w in report.warnings)

    monkeypatch.setattr(build_module.EXTRACTORS["contacts"], "extract", working)
    report = build_module.build(tmp_path, db_path, today=TODAY)
    assert (report.reused, report.facts["contacts"]) == (0, 2)
    assert build_module.build(tmp_path, db_path, today=TODAY).reused == 1


def test_no_cache_extracts_everything_again(tmp_path: Path, monkeypatch):
    calls: list[str] = []
    _fake_extractors(monkeypatch, calls)
    _use_corpus(monkeypatch, [_capture("https://www.soumu.go.jp/a.html", PAGE.encode())])
    db_path = tmp_path / "koubo.db"
    build_module.build(tmp_path, db_path, today=TODAY)
    report = build_module.build(tmp_path, db_path, today=TODAY, use_cache=False)
    assert (report.reused, len(calls)) == (0, 2)
