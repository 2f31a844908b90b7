"""End to end: crawl the local mirror of the five documents into a temporary corpus
through the real crawler, build the database, and ask Datasette for it."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from pipeline.build import build
from pipeline.mirror import reconstruct
from pipeline.sources import load_sources
from tests.site_fixture import RunningSite

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = {
    "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000447.html": ("html", "000_efbe1178a527401f.txt"),
    "https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/digital_kiban/index.html": (
        "html", "001_ef2d9e0a685e05b6.txt"),
    "https://www.soumu.go.jp/main_content/r8_suishin_taisei_koubo_youryou.pdf": ("pdf", "002_d31745a138f90a36.txt"),
    "https://dx-navi.soumu.go.jp/support/dx_package/support": ("html", "003_1cdf672ea44bdb5a.txt"),
    "https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf": ("pdf", "004_71bcee7856d5932f.txt"),
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, object]:
    work = tmp_path_factory.mktemp("e2e")
    corpus = work / "corpus"
    report = reconstruct(load_sources(ROOT / "corpus" / "sources.toml"), corpus, ROOT / "corpus" / "mirror")
    assert report.failed == 0, report.lines()
    db_path = work / "koubo.db"
    build_report = build(corpus, db_path)
    return corpus, db_path, build_report


def test_every_seed_document_is_in_the_database_with_its_text(built):
    _, db_path, report = built
    db = sqlite_utils.Database(db_path)
    rows = {r["url"]: r for r in db["documents"].rows}
    assert set(SEEDS) <= set(rows)
    for url, (kind, _seed) in SEEDS.items():
        row = rows[url]
        assert row["kind"] == kind
        assert row["title"], url
        assert row["reconstructed"] == 1
        assert row["error"] is None
        assert len(row["sha256"]) == 64
        assert "(cid:" not in row["text"]
    assert "令和8年3月4日(水)〜同年3月26日(木)午後5時" in rows[
        "https://www.soumu.go.jp/main_content/r8_suishin_taisei_koubo_youryou.pdf"]["text"]
    assert "伊平屋村" in rows["https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf"]["text"]
    assert rows["https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000447.html"]["publisher"] == "総務省"
    assert rows["https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf"]["publisher"] == "内閣府"
    assert report.failed == 0


def test_every_fact_quote_is_the_text_at_its_offsets(built):
    _, db_path, _ = built
    db = sqlite_utils.Database(db_path)
    texts = {r["id"]: r["text"] for r in db["documents"].rows}
    checked = 0
    for table in ("deadlines", "contacts", "requirements", "awards", "program_documents"):
        for row in db[table].rows:
            assert texts[row["document_id"]][row["char_start"]:row["char_end"]] == row["quote"], (table, row)
            checked += 1
    assert checked > 50


def test_facts_carry_their_programme(built):
    _, db_path, _ = built
    db = sqlite_utils.Database(db_path)
    for table in ("deadlines", "contacts", "awards"):
        unlinked = db.execute(f"select count(*) from {table} where program_id is null").fetchone()[0]
        total = db.execute(f"select count(*) from {table}").fetchone()[0]
        assert total and unlinked == 0, (table, unlinked, total)


def test_a_rebuild_with_nothing_changed_reuses_every_document(built, tmp_path):
    corpus, db_path, first = built
    copy = tmp_path / "koubo.db"
    copy.write_bytes(db_path.read_bytes())
    again = build(corpus, copy)
    assert again.reused == again.documents == first.documents
    assert again.facts == first.facts


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared/tools/score.py not present")
def test_seed_scores_are_perfect(built):
    _, db_path, _ = built
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--db", str(db_path),
                          "--gold", str(SHARED / "gold" / "seeds.json")], capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1]
    scores = dict(re.findall(r"(\w+) F1=([\d.]+)", last))
    assert scores == {"emails": "1.00", "phones": "1.00", "deadlines": "1.00", "awards": "1.00"}, out.stdout


def test_datasette_serves_the_documents(built, tmp_path):
    _, db_path, _ = built
    with RunningSite(db_path, tmp_path / "datasette.log") as site:
        url = f"{site.base}/koubo/documents.json?_shape=array&_col=url&_col=title&_col=kind"
        with urllib.request.urlopen(url, timeout=10) as response:
            rows = json.load(response)
    assert {r["url"] for r in rows} >= set(SEEDS)
    assert all(r["title"] for r in rows if r["url"] in SEEDS)
