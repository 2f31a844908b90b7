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
    "12_maff_columns.html": {"2025-05-30T17:00+09:00", "2025-07-31T17:00+09:00"},
    "13_soumu_rounds_and_signup.html": {"2025-05-16", "2025-10-10"},
    "14_soumu_news_list.html": {"2025-05-16T17:00+09:00", "2026-01-30"},
    "15_mlit_rounds_briefing.html": {"2025-05-23T12:00+09:00", "2025-09-19T12:00+09:00"},
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


# ------------------------------------------------------------------ the other events


def test_press_release_keeps_briefing_and_its_sign_up_apart_from_the_call():
    assert kinds(html("01_soumu_press_koubo.html")) == [
        ("application_period", "2025-04-01T10:00+09:00", "2025-05-09T17:00+09:00"),
        ("briefing", "2025-04-10T14:00+09:00", "2025-04-10T15:00+09:00"),
        ("briefing_registration", None, "2025-04-08T17:00+09:00"),
    ]


def test_schedule_rows_start_close_review_and_announcement():
    assert kinds(html("02_cao_schedule.html")) == [
        ("other", "2025-04-15", "2025-04-15"),  # 公募開始: the opening is not a close
        ("briefing", "2025-04-22", "2025-04-22"),
        ("application_period", None, "2025-05-30T17:00+09:00"),
        ("other", "2025-06-11", "2025-06-20"),
        ("selection_announcement", "2025-07-01", "2025-07-10"),
    ]


def test_results_of_each_close_are_announcements_not_closes():
    found = extracted(html("03_digital_two_rounds.html"))
    assert ("selection_announcement", "2025-09-21", "2025-09-30") in [(e.kind, e.starts_at, e.ends_at) for e in found]
    assert not any(e.kind == "application_period" and e.precision == "dekad" for e in found)


def test_open_ended_call_has_a_start_and_no_end():
    found = extracted(html("04_soumu_zuiji.html"))
    assert ("application_period", "2025-04-01", None) in [(e.kind, e.starts_at, e.ends_at) for e in found]


def test_a_previous_call_cited_for_reference_is_not_an_event_and_training_sign_up_is_other():
    assert kinds(html("05_soumu_past_calls.html")) == [
        ("application_period", "2025-06-02", "2025-06-27T17:00+09:00"),
        ("other", "2025-07-18T17:00+09:00", "2025-07-18T17:00+09:00"),
    ]


def test_an_extended_close_replaces_the_old_one_and_the_release_date_is_no_close():
    found = extracted(html("06_extended.html"))
    closes = [e for e in found if e.kind == "application_period" and e.ends_at]
    assert {e.ends_at for e in closes} == {"2025-05-16T17:00+09:00"}
    assert closes[0].label == "応募締切"


def test_award_page_gives_the_closed_call_and_the_grant_application_as_other():
    assert kinds(html("07_soumu_saitaku.html")) == [
        ("application_period", "2025-05-12", "2025-06-13"),
        ("other", None, "2025-08-29"),  # 交付申請 after selection
    ]


def test_briefing_page_has_a_briefing_a_sign_up_and_questions():
    found = kinds(html("08_briefing.html"))
    assert ("briefing", "2025-05-20T14:00+09:00", "2025-05-20T15:30+09:00") in found
    assert ("briefing_registration", None, "2025-05-16T12:00+09:00") in found
    assert ("other", None, "2025-05-14T17:00+09:00") in found  # 事前質問 questions


def test_weekday_mismatch_is_kept_and_flagged_on_a_western_dated_page():
    call = next(e for e in extracted(html("09_seireki_weekday.html")) if e.kind == "application_period")
    assert (call.starts_at, call.weekday_mismatch) == ("2025-07-01", True)


def test_question_period_in_a_youryou_table_is_other():
    found = extracted(youryou_with_tables())
    question = next(e for e in found if e.label == "質問受付期間")
    assert question.kind == "other"
    assert found[0].evidence.page == 3


def test_start_and_end_label_lines_make_one_period_and_a_wrapped_dekad_is_read():
    assert kinds(teishutsu_start_end_lines()) == [
        ("application_period", "2025-10-01T10:00+09:00", "2025-10-31T17:00+09:00"),
        ("selection_announcement", "2025-12-11", "2025-12-20"),
    ]


def test_column_headers_name_the_dates_of_a_rounds_table():
    assert kinds(html("12_maff_columns.html")) == [
        ("application_period", "2025-04-25", "2025-05-30T17:00+09:00"),
        ("selection_announcement", "2025-06-21", "2025-06-30"),
        ("application_period", "2025-07-01", "2025-07-31T17:00+09:00"),
        ("selection_announcement", "2025-08-21", "2025-08-31"),
    ]


def test_news_list_dates_are_the_news_not_events():
    found = extracted(html("14_soumu_news_list.html"))
    assert all(e.starts_at == "2025-04-01" for e in found)  # the two calls, named by their names
    assert [e.label for e in found] == ["「デジタル実装モデル事業」の公募", "「地域DXアドバイザー派遣」の募集"]


def test_round_rows_name_the_call_and_columns_name_the_event():
    """Rows labelled 第1回公募 / 第2回公募: the 選定結果の公表時期 column holds announcements
    (a dekad and a month), a briefing's sign-up points at the page of the 応募様式 (a form,
    not a period), and a demonstration period runs until its end."""
    assert kinds(html("15_mlit_rounds_briefing.html")) == [
        ("application_period", "2025-04-14", "2025-05-23T12:00+09:00"),
        ("selection_announcement", "2025-07-01", "2025-07-10"),
        ("application_period", "2025-08-01", "2025-09-19T12:00+09:00"),
        ("selection_announcement", "2025-11", "2025-11"),
        ("support_period", None, "2026-02-27"),
        ("briefing", "2025-04-23T10:00+09:00", "2025-04-23T11:00+09:00"),
        ("briefing_registration", None, "2025-04-21T17:00+09:00"),
    ]
