"""Deadlines on pages the extractor was not written from.

Hand-written documents in the forms ministries use (総務省 press releases in
Shift_JIS, 内閣府 / デジタル庁 / 経済産業省 / 国土交通省 pages in UTF-8, 公募要領 PDFs
laid out as blocks with pages and tables). Each states which application periods
end when (what a scorer counts) and which other events the page holds.
The HTML files are in tests/unseen/deadlines/, as the bytes a server sends.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import deadlines
from extractors.model import Document, RawBlock, build_document
from pipeline.documents import decode_document

UNSEEN = Path(__file__).parent / "unseen" / "deadlines"


def html(name: str) -> Document:
    """A fixture page decoded as the build decodes it (charset from the <meta> tag)."""
    url = f"https://www.example.go.jp/unseen/{name}"
    return decode_document(url, (UNSEEN / name).read_bytes(), "text/html")


def pdf(name: str, blocks: list[RawBlock]) -> Document:
    return build_document(f"https://www.example.go.jp/unseen/{name}", "pdf", blocks)


def extracted(doc: Document):
    found = deadlines.extract(doc)
    for event in found:
        ev = event.evidence
        assert doc.text[ev.char_start:ev.char_end] == ev.quote
    return found


def application_ends(doc: Document) -> set[str]:
    return {e.ends_at for e in extracted(doc) if e.kind == "application_period" and e.ends_at}


def kinds(doc: Document) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, e.starts_at, e.ends_at) for e in extracted(doc)]


# ------------------------------------------------------------------ PDF layouts

def youryou_with_tables() -> Document:
    """A 公募要領: 項目 | 内容 table whose period wraps at '〜', a question period, a schedule."""
    return pdf("r7_jisshou_koubo_youryou.pdf", [
        RawBlock("heading", "令和７年度 地域課題解決型ＤＸ実証事業\n公募要領", page=1, level=1),
        RawBlock("paragraph", "令和７年４月\n総務省 情報流通行政局 地域通信振興課", page=1),
        RawBlock("heading", "５．公募の概要", page=3, level=2),
        RawBlock("table", rows=[
            ["項目", "内容"],
            ["公募期間", "令和７年４月１８日（金）１０時００分～\n令和７年５月１９日（月）１２時００分（必着）"],
            ["提出方法", "電子メールによる提出（郵送・持参は不可）"],
            ["質問受付期間", "令和７年４月１８日（金）～令和７年５月９日（金）１７時"],
        ], page=3),
        RawBlock("heading", "６．スケジュール（予定）", page=3, level=2),
        RawBlock("table", rows=[
            ["日程", "内容"],
            ["令和７年４月１８日（金）", "公募開始"],
            ["令和７年５月１９日（月）正午", "公募締切"],
            ["令和７年６月中旬", "外部有識者による評価"],
            ["令和７年６月下旬", "採択結果の公表"],
        ], page=3),
    ])


def teishutsu_start_end_lines() -> Document:
    """提出期間 given as two label lines (開始: / 終了:), a dekad split over two lines."""
    return pdf("r7_hojo_youryou.pdf", [
        RawBlock("heading", "４．応募手続", page=2, level=2),
        RawBlock("paragraph", "（３）提出期間\n開始：令和７年１０月１日（水）１０時００分\n終了：令和７年１０月３１日（金）１７時００分", page=2),
        RawBlock("paragraph", "（４）提出方法\n提出書類は、上記の提出期間内に、電子申請システムにより提出してください。", page=2),
        RawBlock("paragraph", "（５）審査結果の通知\nなお、審査結果は令和７年１２月\n中旬頃に通知する予定です。", page=3),
    ])


def date_split_over_blocks() -> Document:
    """The close 令和７年６月 | １３日（金）午後５時 split where the PDF's text line broke."""
    return pdf("r7_model_jigyou_youryou.pdf", [
        RawBlock("heading", "７．応募書類の提出", page=4, level=2),
        RawBlock("paragraph", "応募書類は、事務局あて郵送又は電子メールにより提出してください。応募書類の提出期限は、令和７年６月", page=4),
        RawBlock("paragraph", "１３日（金）午後５時（必着）とします。", page=4),
        RawBlock("heading", "８．説明会", page=4, level=2),
        RawBlock("paragraph", "説明会の日時：令和７年５月２６日（月）１５時～１６時", page=4),
    ])


def r7_slide_overview() -> Document:
    """An overview slide deck: 'R7.5.9' dates, a one-line schedule."""
    return pdf("r7_gaiyou.pdf", [
        RawBlock("heading", "デジタル田園都市国家構想交付金（デジタル実装タイプ）の概要", page=1, level=1),
        RawBlock("paragraph", "■スケジュール\n・公募期間：R7.5.9（金）～R7.6.6（金）\n・説明会：R7.5.14（水）\n・交付決定：R7.7月下旬（予定）", page=2),
    ])


def two_rounds_table() -> Document:
    """第１次 / 第２次 closes in one cell of a 項目 | 内容 table."""
    return pdf("r7_koubo_two_rounds.pdf", [
        RawBlock("heading", "３．公募の概要", page=2, level=2),
        RawBlock("table", rows=[
            ["項目", "内容"],
            ["応募締切", "第１次：令和７年６月１３日（金）１７時\n第２次：令和７年９月１２日（金）１７時"],
            ["応募方法", "所定の様式により電子メールで提出"],
        ], page=2),
    ])


# ------------------------------------------------------------------ expectations

# document → the application-period ends a scorer expects (no more, no less)
APPLICATION_ENDS = {
    "01_soumu_press_koubo.html": {"2025-05-09T17:00+09:00"},
    "02_cao_schedule.html": {"2025-05-30T17:00+09:00"},
    "03_digital_two_rounds.html": {"2025-06-30T17:00+09:00", "2025-08-29T17:00+09:00"},
    "04_soumu_zuiji.html": {"2026-01-30"},
    "05_soumu_past_calls.html": {"2025-06-27T17:00+09:00"},
    "06_extended.html": {"2025-05-16T17:00+09:00"},
    "07_soumu_saitaku.html": {"2025-06-13"},
    "08_briefing.html": set(),
    "09_seireki_weekday.html": {"2025-07-31T17:00+09:00"},
    "10_soumu_prose.html": {"2025-09-30T17:00+09:00"},
    "11_meti_uketsuke.html": {"2025-05-30T12:00+09:00"},
}
PDF_APPLICATION_ENDS = {
    youryou_with_tables: {"2025-05-19T12:00+09:00"},
    teishutsu_start_end_lines: {"2025-10-31T17:00+09:00"},
    date_split_over_blocks: {"2025-06-13T17:00+09:00"},
    r7_slide_overview: {"2025-06-06"},
    two_rounds_table: {"2025-06-13T17:00+09:00", "2025-09-12T17:00+09:00"},
}


@pytest.mark.parametrize("name", sorted(APPLICATION_ENDS))
def test_html_application_period_ends(name):
    assert application_ends(html(name)) == APPLICATION_ENDS[name]


@pytest.mark.parametrize("layout", list(PDF_APPLICATION_ENDS), ids=lambda f: f.__name__)
def test_pdf_application_period_ends(layout):
    assert application_ends(layout()) == PDF_APPLICATION_ENDS[layout]


def test_fixture_pages_decode_from_their_own_charset():
    assert html("01_soumu_press_koubo.html").encoding in ("cp932", "shift_jis")
    assert html("02_cao_schedule.html").encoding == "utf-8"
