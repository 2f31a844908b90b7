"""The third held-out set (tests/heldout3) builds: every page and PDF of its mirror is
crawled from 127.0.0.1, decoded and stored with its text.

Like tests/test_heldout2.py, this asserts only that the set goes through the pipeline;
extraction quality on it is measured by
`.venv/bin/python scripts/eval_heldout.py --set tests/heldout3` (docs/heldout.md).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "heldout3"
sys.path.insert(0, str(ROOT / "scripts"))

import eval_heldout  # noqa: E402

pytestmark = pytest.mark.slow

GOLD = json.loads((SET / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return eval_heldout.build_heldout(tmp_path_factory.mktemp("heldout3"), SET)


def test_gold_and_mirror_agree():
    manifest = json.loads((SET / "mirror" / "manifest.json").read_text(encoding="utf-8"))
    served = {e["url"] for e in manifest["files"] if not e["url"].endswith("/robots.txt")}
    assert served == {g["url"] for g in GOLD}
    assert len(GOLD) == 12
    for entry in manifest["files"]:
        assert (SET / "mirror" / entry["path"]).is_file(), entry["path"]


def test_gold_entries_have_the_scored_fields():
    for entry in GOLD:
        for field in ("emails", "phones", "application_deadlines", "awards", "notes"):
            assert field in entry, (entry["doc"], field)
        for when in entry["application_deadlines"] + entry.get("application_deadlines_optional", []):
            assert when[:4] in ("2025", "2026") and (len(when) == 10 or when.endswith("+09:00")), when


def test_every_document_of_the_third_set_is_crawled_and_built(built):
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
        assert "\ufffd" not in row["text"], entry["doc"]


def test_the_euc_jp_page_is_decoded(built):
    """The 内閣官房 page is EUC-JP with the charset only in <meta>."""
    db_path, _, _ = built
    url = next(g["url"] for g in GOLD if "cas.go.jp" in g["url"])
    text = next(sqlite_utils.Database(db_path)["documents"].rows_where("url = ?", [url]))["text"]
    assert "企画提案書" in text and "ヒアリング" in text


def test_the_long_results_pdf_keeps_its_last_rows(built):
    """The results PDF has four pages; its last awardee and contacts are on the last one."""
    db_path, _, _ = built
    entry = next(g for g in GOLD if g["doc"] == "f")
    text = next(sqlite_utils.Database(db_path)["documents"].rows_where("url = ?", [entry["url"]]))["text"]
    assert entry["awards"][-1]["body"] in text[len(text) // 2:]
    assert "問合せ先" in text
