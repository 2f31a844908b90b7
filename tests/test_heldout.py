"""The held-out evaluation set (tests/heldout) goes through the whole pipeline.

Only that it runs is asserted here: every held-out page and PDF is crawled from the
local mirror, decoded without error and stored with its text. How well facts are
extracted is measured, not asserted: `.venv/bin/python scripts/eval_heldout.py`
prints the scores (docs/heldout.md).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import eval_heldout  # noqa: E402

pytestmark = pytest.mark.slow

GOLD = json.loads((ROOT / "tests" / "heldout" / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return eval_heldout.build_heldout(tmp_path_factory.mktemp("heldout"))


def test_gold_and_mirror_agree():
    manifest = json.loads((ROOT / "tests" / "heldout" / "mirror" / "manifest.json").read_text(encoding="utf-8"))
    served = {e["url"] for e in manifest["files"] if not e["url"].endswith("/robots.txt")}
    assert served == {g["url"] for g in GOLD}
    assert 10 <= len(GOLD) <= 12


def test_sources_file_lists_every_heldout_address_and_nothing_else():
    toml = eval_heldout.sources_toml(eval_heldout.gold_urls())
    for entry in GOLD:
        assert toml.count(f'"{entry["url"]}"') == 2  # a start page and its own allowed prefix
    assert "max_depth = 0" in toml


def test_every_heldout_document_is_crawled_and_built(built):
    db_path, crawl_report, build_report = built
    assert crawl_report.failed == 0, crawl_report.lines()
    assert build_report.failed == 0, build_report.warnings
    rows = {r["url"]: r for r in sqlite_utils.Database(db_path)["documents"].rows}
    for entry in GOLD:
        row = rows.get(entry["url"])
        assert row is not None, f"{entry['doc']} not in the database"
        assert row["error"] is None, (entry["doc"], row["error"])
        assert row["kind"] == ("pdf" if entry["url"].endswith(".pdf") else "html")
        assert len(row["text"]) > 300, entry["doc"]
        assert "(cid:" not in row["text"]


def test_shift_jis_pages_decode_with_their_cp932_only_characters(built):
    db_path, _, _ = built
    rows = {r["url"]: r for r in sqlite_utils.Database(db_path)["documents"].rows}
    text = rows["https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000498.html"]["text"]
    assert "髙橋室長補佐" in text
    assert "①行政事務" in text.replace(" ", "") or "① 行政事務" in text
