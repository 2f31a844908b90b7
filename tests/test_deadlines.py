"""Scheduled events of calls, as government pages write them."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import deadlines
from extractors.model import RawBlock, build_document, document_from_text

SHARED = Path(__file__).resolve().parents[2] / "shared"


def events(text: str):
    doc = document_from_text(text)
    found = deadlines.extract(doc)
    for event in found:
        assert event.evidence.quote == doc.text[event.evidence.char_start:event.evidence.char_end]
    return found


def table(*rows: list[str], before: tuple[str, ...] = ()):
    doc = build_document("https://example.go.jp/t.html", "html",
                         [RawBlock("paragraph", line) for line in before] + [RawBlock("table", rows=list(rows))])
    found = deadlines.extract(doc)
    for event in found:
        assert event.evidence.quote == doc.text[event.evidence.char_start:event.evidence.char_end]
    return found


def summary(event):
    return (event.kind, event.starts_at, event.ends_at, event.precision)


# written text (lines as the page has them) → (kind, starts_at, ends_at, precision) of its one event
VARIANTS = [
    ("(1) 応募期間\n 令和7年6月9日(月)から令和7年7月4日(金)16時まで",
     ("application_period", "2025-06-09", "2025-07-04T16:00+09:00", "hour")),
    ("・支援地域の公募期間:令和7年2月10日(月)14時〜令和7年2月28日(金)17時まで(公募の詳細はこちら",
     ("application_period", "2025-02-10T14:00+09:00", "2025-02-28T17:00+09:00", "hour")),
    ("・伴走支援事業者の公募期間:令和7年3月7日(金)14時〜令和7年3月28日(金)15時まで(公募の詳細はこちら",
     ("application_period", "2025-03-07T14:00+09:00", "2025-03-28T15:00+09:00", "hour")),
    ("【提出期間】\n令和7年4月18日(金)14:00 〜 令和7年5月19日(月) 12:00",
     ("application_period", "2025-04-18T14:00+09:00", "2025-05-19T12:00+09:00", "minute")),
    ("・応募期間:令和7年2月28日〜3月21日(公募について詳細は",
     ("application_period", "2025-02-28", "2025-03-21", "day")),
    ("・応募期間:令和7年1月28日〜令和7年3月6日正午(公募について詳細はこちら) 今年度の公募は終了しました。",
     ("application_period", "2025-01-28", "2025-03-06T12:00+09:00", "hour")),
    ("（５）公募期間\n令和８年３月４日（水）～同年３月２６日（木）午後５時",
     ("application_period", "2026-03-04", "2026-03-26T17:00+09:00", "hour")),
    ("応募期間:令和7年2月〜3月頃", ("application_period", "2025-02", "2025-03", "month")),
    ("募集期間：令和７年１２月１日（月）～令和７年１２月２６日（金）１７：００必着",
     ("application_period", "2025-12-01", "2025-12-26T17:00+09:00", "minute")),
    ("受付期間 令和8年1月5日(月)～1月30日(金)", ("application_period", "2026-01-05", "2026-01-30", "day")),
    ("申請期間:2025年4月1日（火）から2025年5月9日（金）正午まで",
     ("application_period", "2025-04-01", "2025-05-09T12:00+09:00", "hour")),
    ("提出期限：令和７年１２月２６日（金）１７：００必着",
     ("application_period", None, "2025-12-26T17:00+09:00", "minute")),
    ("〆切:令和7年10月31日(金)17時", ("application_period", None, "2025-10-31T17:00+09:00", "hour")),
    ("締切日 令和7年9月30日(火)", ("application_period", None, "2025-09-30", "day")),
    ("受付期間は、令和7年4月1日(火)から同年4月30日(水)までです。",
     ("application_period", "2025-04-01", "2025-04-30", "day")),
    ("令和7年7月4日(金)17時までにご応募ください。", ("application_period", None, "2025-07-04T17:00+09:00", "hour")),
    ("公募締切:令和7年8月29日(金)12時00分", ("application_period", None, "2025-08-29T12:00+09:00", "minute")),
    ("応募締切 R7.6.30(月)17:00", ("application_period", None, "2025-06-30T17:00+09:00", "minute")),
    ("提出期限:2025/10/31 17:00", ("application_period", None, "2025-10-31T17:00+09:00", "minute")),
    ("応募期間:平成31年4月1日(月)〜令和元年5月31日(金)", ("application_period", "2019-04-01", "2019-05-31", "day")),
    ("公募期間:令和7年11月4日(火)～令和7年12月5日(金)24時",
     ("application_period", "2025-11-04", "2025-12-05T23:59+09:00", "minute")),
    ("応募受付期間 令和7年8月1日（金）～8月29日（金）23時59分",
     ("application_period", "2025-08-01", "2025-08-29T23:59+09:00", "minute")),
    ("■応募期間\n2025年6月2日(月)～2025年6月27日(金)17:00(必着)",
     ("application_period", "2025-06-02", "2025-06-27T17:00+09:00", "minute")),
    ("7 公募説明会の実施\n(1) 対象者\n地方公共団体\n(2) 開催日時\n 令和7年6月16日(月)15:00〜16:00",
     ("briefing", "2025-06-16T15:00+09:00", "2025-06-16T16:00+09:00", "minute")),
    ("【説明会開催要領】\n(1) 日時 令和８年３月１２日（木） 16:00～17:00\n(2) 開催方法 Microsoft Teams を予定",
     ("briefing", "2026-03-12T16:00+09:00", "2026-03-12T17:00+09:00", "minute")),
    ("公募説明会 開催日時:令和7年5月12日(月)10時〜11時30分",
     ("briefing", "2025-05-12T10:00+09:00", "2025-05-12T11:30+09:00", "minute")),
    ("7 公募説明会の実施\n(3) 開催方法\nオンライン開催\n(4) 申込み方法\n 以下の事務局による申請フォームより、"
     "令和7年6月13日(金)16:00までに必須項目をご入力ください。",
     ("briefing_registration", None, "2025-06-13T16:00+09:00", "minute")),
    ("5. 説明会の開催\n説明会への出席は、任意です。お申し込みください。申込の締切は、令和８年３月１１日（水）の正午です。",
     ("briefing_registration", None, "2026-03-11T12:00+09:00", "hour")),
    ("説明会の参加申込期限:令和7年5月9日(金)17時", ("briefing_registration", None, "2025-05-09T17:00+09:00", "hour")),
    ("6 選定結果の公表\n 令和7年7月中旬頃、選定結果を公表します。",
     ("selection_announcement", "2025-07-11", "2025-07-20", "dekad")),
    ("・選定結果:令和7年4月11日(選定結果はこちら", ("selection_announcement", "2025-04-11", "2025-04-11", "day")),
    ("・採択団体の決定:令和7年3月末頃", ("selection_announcement", "2025-03-31", "2025-03-31", "day")),
    ("・支援地域候補の決定:令和7年3月7日(金)14時",
     ("selection_announcement", "2025-03-07T14:00+09:00", "2025-03-07T14:00+09:00", "hour")),
    ("(2) 選定結果の通知\n令和8年3月下旬頃、報道発表とともに事務局から申請者に対して、選定結果をご連絡します。",
     ("selection_announcement", "2026-03-21", "2026-03-31", "dekad")),
    ("・支援期間:令和7年4月〜令和8年3月頃", ("support_period", "2025-04", "2026-03", "month")),
    ("支援期間の目安：伴走支援事業者選定の日以降、最長令和9年3月中旬頃まで", ("support_period", None, "2027-03-20", "dekad")),
    ("国の委託事業者が決まり次第、令和7年5～6月頃から伴走支援を開始する予定です。", ("support_period", "2025-05", None, "month")),
    ("事業実施期間:交付決定日から令和8年2月27日(金)まで", ("support_period", None, "2026-02-27", "day")),
    ("・支援期間:選定結果公表後の正式交付決定〜令和8年3月頃", ("support_period", None, "2026-03", "month")),
    ("事業期間:令和7年度", ("support_period", "2025-04", "2026-03", "fiscal_year")),
    ("実績報告書の提出期限:令和8年3月10日(火)", ("report", "2026-03-10", "2026-03-10", "day")),
    ("中間報告：令和7年10月頃", ("report", "2025-10", "2025-10", "month")),
    # unseen-page forms (tests/test_deadlines_unseen.py holds whole pages)
    ("応募書類は、令和7年9月30日(火)午後5時までに、事務局へ電子メールで提出してください。",
     ("application_period", None, "2025-09-30T17:00+09:00", "hour")),
    ("令和7年5月12日(月)から同年6月13日(金)までの間、提案の公募を実施したところ、32件の提案がありました。",
     ("application_period", "2025-05-12", "2025-06-13", "day")),
    ("郵送の場合は令和7年7月31日(木)当日消印有効です。", ("application_period", None, "2025-07-31", "day")),
    ("提出期日:令和7年6月13日(金)", ("application_period", None, "2025-06-13", "day")),
    ("【二次公募】\n令和7年9月1日(月)〜令和7年10月10日(金)", ("application_period", "2025-09-01", "2025-10-10", "day")),
    ("第2回募集:令和7年9月1日(月)〜9月30日(火)", ("application_period", "2025-09-01", "2025-09-30", "day")),
    ("派遣申込期間:令和7年4月1日(火)〜令和7年12月26日(金)", ("application_period", "2025-04-01", "2025-12-26", "day")),
    ("公募締切:令和7(2025)年5月9日(金)(17時必着)", ("application_period", None, "2025-05-09T17:00+09:00", "hour")),
    ("(3)提出期間\n開始:令和7年10月1日(水)10時00分\n終了:令和7年10月31日(金)17時00分",
     ("application_period", "2025-10-01T10:00+09:00", "2025-10-31T17:00+09:00", "minute")),
    ("提出期間\n自 令和7年10月1日(水)\n至 令和7年10月31日(金)", ("application_period", "2025-10-01", "2025-10-31", "day")),
    ("応募締切\n令和7年5月9日(金)17時 → 令和7年5月16日(金)17時", ("application_period", None, "2025-05-16T17:00+09:00", "hour")),
    ("応募書類の提出期限は、令和7年6月\n13日(金)午後5時(必着)とします。", ("application_period", None, "2025-06-13T17:00+09:00", "hour")),
    ("提出期限:令和7年6月13日(金)\n正午(必着)", ("application_period", None, "2025-06-13T12:00+09:00", "hour")),
    ("質問受付期間:令和7年4月18日(金)〜令和7年5月9日(金)17時", ("other", "2025-04-18", "2025-05-09T17:00+09:00", "hour")),
    ("公募に関する質問は、令和7年9月19日(金)までに電子メールでお寄せください。", ("other", None, "2025-09-19", "day")),
    ("採択団体は、令和7年8月29日(金)までに交付申請書を提出してください。", ("other", None, "2025-08-29", "day")),
    ("第2次締切分は令和7年9月下旬頃に、応募者へ審査結果を通知します。",
     ("selection_announcement", "2025-09-21", "2025-09-30", "dekad")),
    ("採択予定:令和7年6月下旬", ("selection_announcement", "2025-06-21", "2025-06-30", "dekad")),
    ("・「地域DXアドバイザー派遣」の募集(令和7年4月1日(火)〜令和8年1月30日(金))",
     ("application_period", "2025-04-01", "2026-01-30", "day")),
    # a briefing's sign-up (参加登録 / 参加申込) under its heading; 応募フォーム names a form, not a call
    ("5 事業説明会\n参加登録は、令和7年10月3日(金)12時までに応募フォームから行ってください。",
     ("briefing_registration", None, "2025-10-03T12:00+09:00", "hour")),
    ("【オンライン説明会】\n参加申込は令和7年6月2日(月)正午までに、申請書様式のダウンロードページの申込欄からお願いします。",
     ("briefing_registration", None, "2025-06-02T12:00+09:00", "hour")),
    ("3 セミナーの開催\n参加申込受付期間:令和7年6月2日(月)〜6月20日(金)", ("other", "2025-06-02", "2025-06-20", "day")),
    # a demonstration (実証) or contract period, its start written as an event (契約締結日から)
    ("(2) 実証期間\n令和7年9月1日(月)〜令和8年1月30日(金)", ("support_period", "2025-09-01", "2026-01-30", "day")),
    ("実証期間は、実証開始から令和8年2月27日(金)までとします。", ("support_period", None, "2026-02-27", "day")),
    ("実証開始は令和7年9月頃を予定しています。", ("support_period", "2025-09", "2025-09", "month")),
    ("(4) 委託期間\n契約締結日から令和8年3月13日(金)まで", ("support_period", None, "2026-03-13", "day")),
    ("補助事業期間\n交付決定の日から令和9年1月29日(金)まで", ("support_period", None, "2027-01-29", "day")),
]


@pytest.mark.parametrize(("written", "expected"), VARIANTS, ids=[w.split("\n")[-1][:24] for w, _ in VARIANTS])
def test_written_variants(written, expected):
    found = events(written)
    assert [summary(e) for e in found] == [expected]


def test_approximate_follows_hedges_and_fuzzy_precision():
    assert events("6 選定結果の公表\n令和7年7月中旬頃、選定結果を公表します。")[0].approximate
    assert events("応募期間:令和7年2月〜3月頃")[0].approximate
    assert not events("〆切:令和7年10月31日(金)17時")[0].approximate


SCHEDULE = [
    ["令和8年3月26日", "支援地域候補の公募締切"],
    ["3月下旬～4月下旬頃", "支援地域候補の選定結果公表及び伴走支援事業者の公募開始"],
    ["5月中下旬頃", "支援地域及び伴走支援事業者の採択結果の公表"],
    ["9月頃", "伴走支援経過に関する中間報告"],
    ["令和9年3月頃", "伴走支援結果の報告"],
]


def test_schedule_table_rows_take_kind_from_the_other_cell_and_year_from_the_rows_above():
    found = table(*SCHEDULE, before=("4. 今後のスケジュール",))
    assert [(e.kind, e.starts_at, e.ends_at, e.precision, e.approximate) for e in found] == [
        ("application_period", None, "2026-03-26", "day", False),
        ("selection_announcement", "2026-03-21", "2026-04-30", "dekad", True),
        ("selection_announcement", "2026-05-11", "2026-05-31", "dekad", True),
        ("report", "2026-09", "2026-09", "month", True),
        ("report", "2027-03", "2027-03", "month", True),
    ]
    assert found[3].label == "伴走支援経過に関する中間報告"


def test_table_cell_with_line_breaks_inside_the_range():
    found = table(["期間", "概要"],
                  ["令和7年4月18日(金)14:00\n〜\n令和7年5月19日(月)12:00", "公募期間\n・相談等ございましたら、下記事務局までご連絡ください。"],
                  ["令和7年6月上旬頃", "外部有識者による評価等"],
                  ["令和7年6月下旬頃", "採択案件の公表"])
    assert [summary(e) for e in found] == [
        ("application_period", "2025-04-18T14:00+09:00", "2025-05-19T12:00+09:00", "minute"),
        ("other", "2025-06-01", "2025-06-10", "dekad"),
        ("selection_announcement", "2025-06-21", "2025-06-30", "dekad"),
    ]
    assert found[0].label == "公募期間"


def test_identical_events_of_one_document_are_one_row_with_the_first_evidence():
    doc = build_document("https://example.go.jp/t.html", "html", [
        RawBlock("table", rows=[["令和7年4月18日(金)14:00\n〜\n令和7年5月19日(月)12:00", "公募期間"]]),
        RawBlock("paragraph", "【提出期間】"),
        RawBlock("paragraph", "令和7年4月18日(金)14:00 〜 令和7年5月19日(月) 12:00"),
    ])
    found = deadlines.extract(doc)
    assert len(found) == 1 and found[0].evidence.char_start == 0
    assert len(deadlines.find_events(doc)) == 2


def test_a_day_only_close_gives_way_to_the_same_close_with_a_time():
    found = events("(5)公募期間\n令和8年3月4日(水)〜同年3月26日(木)午後5時\n令和8年3月26日 支援地域候補の公募締切")
    assert [summary(e) for e in found] == [
        ("application_period", "2026-03-04", "2026-03-26T17:00+09:00", "hour")]


@pytest.mark.parametrize("history", [
    "報道資料\n\n令和7年6月9日\n\n地域DXに向けた計画の策定等の伴走支援",
    "地域社会DXなるほどセミナー (令和6年1月24日開催:ご参加いただきありがとうございました)",
    "総務省は、この派遣事業を2007年度から実施しています。派遣を希望する団体は年々増加し、2023年度は全国から申請があった363件の取り組みに派遣しました。",
    "※広域リージョン連携推進要綱（令和7年9月2日制定、令和8年1月28日改正）に基づく申請については、加点対象とします。",
    "222人(2024年9月現在)の専門家に委嘱しています。",
    "4月から12月まで毎月募集をしていますが、募集が上限に達した場合は受付を行わない場合もあります。",
    "採択結果\n令和7年度「デジタル実装伴走支援事業」における伴走支援先団体として、以下の団体を採択しました。",
    "※前回の公募期間(令和6年5月7日(火)〜令和6年6月7日(金))から、約1か月遅い時期の公募となります。",
    "昨年度の応募締切は令和6年6月7日(金)でした。",
    "【締切延長】スマートシティ実装化支援事業の公募について\n令和7年5月2日",
    "令和7年5月2日 「デジタル実装モデル事業」の公募締切を延長しました",
])
def test_history_and_unnamed_dates_are_not_deadlines(history):
    assert events(history) == []


def test_a_notification_time_is_other_not_a_registration():
    found = events("5. 説明会の開催\n申込の締切は、令和8年3月11日（水）の正午です。参加申込された方には Web 会議への接続方法等を、"
                   "3月12日（木）午前10時を目途にご登録いただいたメールアドレス宛に別途ご連絡します。")
    assert [(e.kind, e.ends_at, e.approximate) for e in found] == [
        ("briefing_registration", "2026-03-11T12:00+09:00", False),
        ("other", "2026-03-12T10:00+09:00", True),
    ]


def test_sign_up_outside_a_briefing_section_is_other():
    assert [e.kind for e in events("研修の申込期限:令和7年5月9日(金)17時")] == ["other"]


def test_a_time_on_the_next_line_belongs_to_the_date_only_when_it_stands_alone():
    found = events("【説明会】\n日時:令和7年6月13日(金)\n14:00 開会挨拶")
    assert [(e.kind, e.ends_at) for e in found] == [("briefing", "2025-06-13")]


def test_an_extended_close_replaces_the_close_above_it():
    found = events("提出期限:令和7年5月9日(金)17時\n【お知らせ】提出期限を令和7年5月23日(金)17時まで延長しました。")
    assert [(e.kind, e.ends_at, e.label) for e in found] == [
        ("application_period", "2025-05-23T17:00+09:00", "提出期限を")]
    two_rounds = events("第1次締切:令和7年6月30日(月)17時\n第2次締切:令和7年8月29日(金)17時")
    assert [e.ends_at for e in two_rounds] == ["2025-06-30T17:00+09:00", "2025-08-29T17:00+09:00"]


def test_a_sign_up_just_below_a_briefing_line_is_the_briefing_s():
    found = events("公募期間 令和7年4月1日(火)〜5月9日(金)\n公募説明会 令和7年4月10日(木)\n申込締切 令和7年4月8日(火)")
    assert [e.kind for e in found] == ["application_period", "briefing", "briefing_registration"]


def test_a_table_column_heading_names_a_date_the_row_does_not():
    found = table(["区分", "公募期間"], ["第1回", "令和7年4月25日(金)〜令和7年5月30日(金)"])
    assert [summary(e) for e in found] == [("application_period", "2025-04-25", "2025-05-30", "day")]
    assert found[0].evidence.quote.startswith("第1回")


def test_a_column_heading_that_names_an_event_outranks_the_row_s_call_label():
    found = table(["区分", "公募期間", "採択予定時期"],
                  ["第1回公募", "令和7年5月12日(月)〜令和7年6月13日(金)", "令和7年7月中旬"],
                  ["第2回公募", "令和7年10月頃", "令和7年12月頃"])
    assert [summary(e) for e in found] == [
        ("application_period", "2025-05-12", "2025-06-13", "day"),
        ("selection_announcement", "2025-07-11", "2025-07-20", "dekad"),
        ("application_period", "2025-10", "2025-10", "month"),
        ("selection_announcement", "2025-12", "2025-12", "month"),
    ]
    assert found[1].label == "採択予定時期" and found[1].evidence.quote.startswith("第1回公募")
    grant = table(["募集", "申請受付期間", "交付決定予定"], ["一次募集", "令和7年5月7日(水)〜6月6日(金)", "令和7年8月上旬"])
    assert [e.kind for e in grant] == ["application_period", "selection_announcement"]


def test_a_row_that_says_its_value_is_superseded_drops_it_whatever_the_column():
    found = table(["区分", "提出期限"], ["変更前", "令和7年7月11日(金)17時"], ["変更後", "令和7年7月25日(金)17時"])
    assert [(e.kind, e.ends_at) for e in found] == [("application_period", "2025-07-25T17:00+09:00")]
    past = table(["区分", "応募期間", "採択時期"], ["前年度", "令和6年5月7日(火)〜6月7日(金)", "令和6年7月下旬"],
                 ["今回", "令和7年5月12日(月)〜6月13日(金)", "令和7年7月下旬"])
    assert [(e.kind, e.ends_at) for e in past] == [
        ("application_period", "2025-06-13"), ("selection_announcement", "2025-07-31")]


def test_a_generic_column_heading_leaves_the_kind_to_the_row():
    found = table(["日程", "内容"], ["令和7年6月30日(月)", "公募締切"], ["令和7年8月頃", "採択結果の公表"])
    assert [e.kind for e in found] == ["application_period", "selection_announcement"]


def test_a_form_named_after_a_date_is_no_call():
    # the questionnaire's answer is due then (other); the 応募フォーム named after it is no call
    found = events("アンケートは、令和7年9月30日(火)までに応募フォームとは別のページからご回答ください。")
    assert [e.kind for e in found] == ["other"]
    assert events("令和7年9月30日(火)までに応募フォームのURLをお知らせします。") == []


def test_support_periods_in_an_item_table_whose_start_is_an_event():
    found = table(["項目", "内容"], ["事業実施期間", "交付決定日〜令和8年2月27日(金)"],
                  ["委託期間", "契約締結日から令和8年3月13日(金)まで"])
    assert [(e.kind, e.label, e.ends_at) for e in found] == [
        ("support_period", "事業実施期間", "2026-02-27"), ("support_period", "委託期間", "2026-03-13")]


def test_weekday_mismatch_is_kept_flagged_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="extractors.deadlines"):
        found = events("応募期間:令和7年6月9日(火)〜令和7年7月4日(金)")
    assert [(e.starts_at, e.ends_at, e.weekday_mismatch) for e in found] == [("2025-06-09", "2025-07-04", True)]
    assert "weekday" in caplog.text
    assert not events("応募期間:令和7年6月9日(月)〜令和7年7月4日(金)")[0].weekday_mismatch


def test_two_periods_on_one_line_keep_their_own_labels():
    found = events("説明会:令和7年6月2日(月)14時〜15時、応募締切:令和7年6月30日(月)17時")
    assert [(e.kind, e.ends_at) for e in found] == [
        ("briefing", "2025-06-02T15:00+09:00"), ("application_period", "2025-06-30T17:00+09:00")]


# ------------------------------------------------------------------ the seeds


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="shared seeds not beside the repo")
def test_seed_application_deadlines_match_the_gold():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    for entry in gold:
        doc = document_from_text((SHARED / "seeds" / entry["seed"]).read_text(encoding="utf-8"))
        found = deadlines.extract(doc)
        # month-precision ends are written 'YYYY-MM' and are not in the scored list
        ends = {e.ends_at for e in found if e.kind == "application_period" and e.ends_at and len(e.ends_at) > 7}
        assert ends == set(entry["application_deadlines"]), entry["seed"]


# ------------------------------------------------------------------ properties

DATEISH = "令和平成元年度月日時分上中下旬末頃同翌〜~-から まで()（）:：0123456789０１２３４５６７８９正午後前\n|応募期間締切説明会日時。、"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(DATEISH)) | st.characters(), max_size=120))
def test_arbitrary_text_never_crashes_and_evidence_points_at_its_quote(text):
    doc = document_from_text(text)
    for event in deadlines.extract(doc):
        ev = event.evidence
        assert doc.text[ev.char_start:ev.char_end] == ev.quote
        assert event.ends_at or event.starts_at


# ------------------------------------------------------------------ corrigenda (誤 / 正)

def application_ends(found) -> list[str | None]:
    return [e.ends_at for e in found if e.kind == "application_period"]


@pytest.mark.parametrize("old, new", [("誤", "正"), ("訂正前", "訂正後"), ("(誤)", "(正)"), ("旧", "新"),
                                      ("修正前", "修正後"), ("当初", "変更後")])
def test_a_corrigendum_table_keeps_only_the_corrected_column(old, new):
    found = table(["項目", old, new],
                  ["公募期間", "令和7年6月2日(月)〜6月30日(月)", "令和7年6月2日(月)〜7月15日(火)"])
    assert application_ends(found) == ["2025-07-15"]


def test_corrigendum_rows_keep_only_the_corrected_row():
    found = table(["訂正前", "応募期間:令和7年6月2日(月)〜6月30日(月)17時"],
                  ["訂正後", "応募期間:令和7年6月2日(月)〜7月15日(火)17時"])
    assert application_ends(found) == ["2025-07-15T17:00+09:00"]


def test_corrigendum_lines_keep_only_the_corrected_line():
    found = events("公募要領の記載に誤りがありました。\n【訂正前】\n応募締切:令和7年6月30日(月)17時\n"
                   "【訂正後】\n応募締切:令和7年7月15日(火)17時")
    assert application_ends(found) == ["2025-07-15T17:00+09:00"]
    found = events("(誤)応募締切:令和7年6月30日(月)\n(正)応募締切:令和7年7月15日(火)")
    assert application_ends(found) == ["2025-07-15"]


def test_the_word_for_a_mistake_in_a_sentence_drops_nothing():
    found = events("応募期間:令和7年6月2日(月)〜7月15日(火)(記載誤りを訂正しました)")
    assert application_ends(found) == ["2025-07-15"]


# ------------------------------------------------------------------ headings as labels

def test_a_heading_names_the_date_in_the_next_paragraph_before_its_sentence_does():
    for heading in (RawBlock("heading", "公募期間", level=3), RawBlock("paragraph", "【公募期間】")):
        doc = build_document("https://example.go.jp/h.html", "html", [
            heading, RawBlock("paragraph", "令和7年6月2日(月)から令和7年6月30日(月)17時まで(郵送の場合は当日消印有効)")])
        [event] = deadlines.extract(doc)
        assert (event.kind, event.label, event.ends_at) == ("application_period", "公募期間", "2025-06-30T17:00+09:00")
        assert event.evidence.quote.startswith(doc.text[:4])


def test_a_generic_heading_does_not_outrank_the_sentence():
    doc = build_document("https://example.go.jp/h.html", "html", [
        RawBlock("heading", "日程", level=3),
        RawBlock("paragraph", "令和7年6月30日(月)17時までに応募してください。")])
    assert [e.kind for e in deadlines.extract(doc)] == ["application_period"]


# ------------------------------------------------------------------ cancelled calls

@pytest.mark.parametrize("written", [
    "公募期間:令和7年6月2日(月)〜6月30日(月)\n※本公募は、都合により中止となりました。",
    "【中止】公募期間:令和7年6月2日(月)〜6月30日(月)",
    "公募期間:令和7年6月2日(月)〜6月30日(月) 諸般の事情により公募を中止します。",
])
def test_a_cancelled_call_keeps_its_period_and_says_so_in_its_label(written):
    [event] = events(written)
    assert event.kind == "application_period" and event.ends_at == "2025-06-30"
    assert event.label.endswith("(中止)")


def test_a_call_that_would_be_cancelled_only_if_something_happens_is_not_cancelled():
    [event] = events("説明会:令和7年6月10日(火)14時\n※荒天の場合は中止します。")
    assert "中止" not in (event.label or "")


# A survey (照会 inquiry, 調査 survey) asks for answers, not applications: the closing date of
# the answer (回答期限 / 回答締切), of the survey sheet or of a pre-consultation is `other`,
# a report's is `report`.
@pytest.mark.parametrize(("written", "kind"), [
    ("地方公共団体における生成AI活用状況に関する調査について(照会)\n回答期限:令和7年9月12日(金)", "other"),
    ("各都道府県の取組状況について照会します。\n【回答締切】令和７年１０月３日（金）１７時", "other"),
    ("市区町村への調査のお願い\n提出期限(回答):令和7年11月14日(金)", "other"),
    ("デジタル人材の確保状況に関する調査\n調査票の提出期限 令和7年8月29日(金)", "other"),
    ("照会事項について、令和7年7月18日(金)までにご回答ください。", "other"),
    ("本件に関する事前相談の期限:令和7年6月20日(金)", "other"),
    ("取組状況の照会について\n報告期限:令和7年12月5日(金)正午", "report"),
])
def test_answers_to_a_survey_are_no_application(written, kind):
    found = events(written)
    assert [e.kind for e in found] == [kind]


@pytest.mark.parametrize("written", [
    "令和7年度地域DX推進事業の公募について\n応募書類の提出期限:令和7年9月12日(金)17時",
    "調査研究業務に係る企画競争の実施について\n企画提案書の提出期限 令和7年9月12日(金)正午",
    "補助金の募集\n申請書の提出期限:令和7年9月12日(金)",
])
def test_a_submission_deadline_of_application_papers_stays_an_application(written):
    assert [e.kind for e in events(written)] == ["application_period"]


def test_a_proposal_competition_schedule_keeps_the_work_s_end_apart_from_the_call():
    found = table(
        ["項目", "日程"],
        ["質問の受付期限", "令和7年8月1日(金)17時"],
        ["企画提案書の提出期限", "令和7年8月22日(金)12時"],
        ["ヒアリング", "令和7年8月28日(木)"],
        ["審査結果の通知", "令和7年9月5日(金)"],
        ["契約締結", "令和7年9月中旬"],
        ["履行期限", "令和8年3月19日(木)"],
        ["納期", "令和8年3月13日(金)"],
        ["業務期間", "契約締結日から令和8年3月19日(木)まで"],
        before=("〇〇に関する調査研究業務の企画競争について",),
    )
    kinds = {e.label: e.kind for e in found}
    assert kinds["企画提案書の提出期限"] == "application_period"
    assert kinds["質問の受付期限"] == "other"
    assert kinds["ヒアリング"] == "other"
    assert kinds["審査結果の通知"] == "selection_announcement"
    for label in ("履行期限", "納期", "業務期間"):
        assert kinds[label] == "support_period", label
    assert [e.label for e in found if e.kind == "application_period"] == ["企画提案書の提出期限"]


@pytest.mark.parametrize(("title", "kind"), [
    ("情報システム標準化の進捗状況調査について(照会)", "other"),
    ("自治体におけるテレワーク導入状況のアンケート調査", "other"),
    ("令和7年度 地域情報化アドバイザー派遣事業の募集について", "application_period"),
    ("「〇〇に関する調査研究」の請負に係る企画競争について", "application_period"),
])
def test_a_submission_with_nothing_named_follows_the_document_s_title(title, kind):
    # the title is a heading far above the item (beyond any section): what is submitted is
    # what the title asks for
    filler = "本件の趣旨及び背景については別紙のとおりであり、各団体におかれては内容を御確認の上で対応されたい。"
    blocks = [RawBlock("heading", title, level=1)]
    blocks += [RawBlock("paragraph", f"({n}) {filler}") for n in range(1, 40)]
    blocks += [RawBlock("paragraph", "提出期限:令和7年10月31日(金)17時"),
               RawBlock("paragraph", "提出先:担当課あて電子メールで提出すること。")]
    doc = build_document("https://example.go.jp/s.html", "html", blocks)
    assert [e.kind for e in deadlines.extract(doc)] == [kind]
    sentence = [RawBlock("heading", title, level=1), RawBlock("paragraph", "令和7年10月31日(金)までに提出してください。")]
    doc = build_document("https://example.go.jp/s2.html", "html", sentence)
    assert [e.kind for e in deadlines.extract(doc)] == [kind]


# ------------------------------------------------------------------ one call per column

def test_a_column_that_names_a_call_leaves_the_event_to_the_row_label():
    # columns are calls (一次公募 / 二次公募), rows are events: the row label decides
    found = table(["項目", "一次公募（終了）", "二次公募"],
                  ["公募期間", "令和７年４月１日（火）～５月９日（金）", "令和７年８月１日（金）～９月１２日（金）"],
                  ["説明会", "令和７年４月１０日（木）１４時", "令和７年８月８日（金）１４時"],
                  ["質問受付期限", "令和７年４月２５日（金）", "令和７年８月２９日（金）"],
                  ["採択結果公表", "令和７年６月下旬", "令和７年１０月下旬"])
    assert [(e.kind, e.ends_at) for e in found] == [
        ("application_period", "2025-05-09"), ("application_period", "2025-09-12"),
        ("briefing", "2025-04-10T14:00+09:00"), ("briefing", "2025-08-08T14:00+09:00"),
        ("other", "2025-04-25"), ("other", "2025-08-29"),
        ("selection_announcement", "2025-06-30"), ("selection_announcement", "2025-10-31"),
    ]
    assert found[2].label == "説明会"


@pytest.mark.parametrize("call", ["第2回募集", "【A類型】", "二次公募", "前期募集"])
def test_any_call_naming_column_heading_gives_way_to_an_event_row(call):
    found = table(["", call], ["説明会", "令和7年9月3日(水)10時〜11時"], ["採択予定", "令和7年11月上旬"])
    assert [e.kind for e in found] == ["briefing", "selection_announcement"]


# ------------------------------------------------------------------ sentences that accept applications

@pytest.mark.parametrize("sentence", [
    "第2回の申請は、令和７年７月１日（火）から７月３１日（木）まで受け付けます。",
    "応募は、令和7年7月1日(火)から同月31日(木)まで受け付けております。",
    "提案については、令和7年7月1日(火)から7月31日(木)まで受付を行います。",
    "令和7年7月1日(火)から7月31日(木)まで、申請を受け付けます。",
    "令和7年7月1日(火)から7月31日(木)まで、第2回の募集を行います。",
    "次回は令和7年7月1日(火)から7月31日(木)まで募集します。",
])
def test_a_sentence_that_accepts_applications_is_an_application_period(sentence):
    doc = build_document("https://example.go.jp/p.html", "html", [
        RawBlock("heading", "今後の予定", level=2), RawBlock("paragraph", sentence)])
    found = deadlines.extract(doc)
    assert [summary(e) for e in found] == [("application_period", "2025-07-01", "2025-07-31", "day")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("ご質問は、令和7年7月1日(火)から7月10日(木)まで受け付けます。", "other"),
    ("説明会の参加申込は、令和7年7月1日(火)から7月10日(木)まで受け付けます。", "briefing_registration"),
])
def test_accepting_something_other_than_applications_keeps_its_own_kind(sentence, kind):
    assert [e.kind for e in events(sentence)] == [kind]


def test_accepting_with_no_call_named_is_no_application():
    assert events("ご相談は、令和7年7月1日(火)から7月10日(木)まで受け付けます。") == []
