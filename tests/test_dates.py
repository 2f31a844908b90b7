"""Japanese dates, times and periods as written on government pages."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import find_periods, parse_date
from extractors.normalize import normalize


def periods(written: str):
    return find_periods(normalize(written))


def only(written: str):
    found = periods(written)
    assert len(found) == 1, [normalize(written)[p.span[0]:p.span[1]] for p in found]
    return found[0]


# written form → (starts_at, ends_at, precision, approximate)
CASES = [
    ("令和7年6月9日", "2025-06-09", "2025-06-09", "day", False),
    ("令和７年６月９日（月）", "2025-06-09", "2025-06-09", "day", False),
    ("令和元年5月1日", "2019-05-01", "2019-05-01", "day", False),
    ("平成31年4月30日(火)", "2019-04-30", "2019-04-30", "day", False),
    ("令和 8 年 3 月 4 日", "2026-03-04", "2026-03-04", "day", False),
    ("2025年4月1日（火）", "2025-04-01", "2025-04-01", "day", False),
    ("R7.6.9", "2025-06-09", "2025-06-09", "day", False),
    ("令和7.6.9", "2025-06-09", "2025-06-09", "day", False),
    ("2025/4/1", "2025-04-01", "2025-04-01", "day", False),
    ("令和7年6月13日(金)16:00", "2025-06-13T16:00+09:00", "2025-06-13T16:00+09:00", "minute", False),
    ("令和7年3月7日(金)14時", "2025-03-07T14:00+09:00", "2025-03-07T14:00+09:00", "hour", False),
    ("令和7年3月7日 14時30分", "2025-03-07T14:30+09:00", "2025-03-07T14:30+09:00", "minute", False),
    ("令和8年3月11日（水）の正午", "2026-03-11T12:00+09:00", "2026-03-11T12:00+09:00", "hour", False),
    ("令和8年3月12日（木）午前10時", "2026-03-12T10:00+09:00", "2026-03-12T10:00+09:00", "hour", False),
    ("令和8年3月26日（木）午後５時３０分", "2026-03-26T17:30+09:00", "2026-03-26T17:30+09:00", "minute", False),
    ("令和７年１２月２６日（金）１７：００", "2025-12-26T17:00+09:00", "2025-12-26T17:00+09:00", "minute", False),
    ("令和7年12月26日(金)17時00分", "2025-12-26T17:00+09:00", "2025-12-26T17:00+09:00", "minute", False),
    ("令和7年12月26日(金)24時", "2025-12-26T23:59+09:00", "2025-12-26T23:59+09:00", "minute", False),
    ("令和7年12月26日(金)23時59分", "2025-12-26T23:59+09:00", "2025-12-26T23:59+09:00", "minute", False),
    ("令和7年7月中旬頃", "2025-07-11", "2025-07-20", "dekad", True),
    ("令和7年6月上旬", "2025-06-01", "2025-06-10", "dekad", True),
    ("令和7年2月下旬", "2025-02-21", "2025-02-28", "dekad", True),
    ("令和8年5月中下旬頃", "2026-05-11", "2026-05-31", "dekad", True),
    ("令和7年3月末頃", "2025-03-31", "2025-03-31", "day", True),
    ("令和7年3月末日", "2025-03-31", "2025-03-31", "day", False),
    ("令和7年4月頃", "2025-04", "2025-04", "month", True),
    ("平成31年4月", "2019-04", "2019-04", "month", True),
    ("令和元年5月", "2019-05", "2019-05", "month", True),
    ("令和7年度", "2025-04", "2026-03", "fiscal_year", False),
    ("2025年度", "2025-04", "2026-03", "fiscal_year", False),
    ("令和7年度末", "2026-03-31", "2026-03-31", "day", True),
    ("令和七年六月九日", "2025-06-09", "2025-06-09", "day", False),
    ("令和元年十二月二十六日", "2019-12-26", "2019-12-26", "day", False),
    ("令和７（２０２５）年５月９日（金）", "2025-05-09", "2025-05-09", "day", False),
    ("2025(令和7)年5月9日", "2025-05-09", "2025-05-09", "day", False),
    ("令和7(2025)年度", "2025-04", "2026-03", "fiscal_year", False),
    ("令和7年5月9日(金)(17時必着)", "2025-05-09T17:00+09:00", "2025-05-09T17:00+09:00", "hour", False),
    ("令和7年6月\n13日(金)", "2025-06-13", "2025-06-13", "day", False),
    ("令和7年\n6月13日(金)", "2025-06-13", "2025-06-13", "day", False),
    ("令和7年6月13日(金)\n正午(必着)", "2025-06-13T12:00+09:00", "2025-06-13T12:00+09:00", "hour", False),
    ("令和7年12月\n中旬頃", "2025-12-11", "2025-12-20", "dekad", True),
    # ranges
    ("令和7年6月9日(月)から令和7年7月4日(金)16時まで", "2025-06-09", "2025-07-04T16:00+09:00", "hour", False),
    ("令和7年2月28日〜3月21日", "2025-02-28", "2025-03-21", "day", False),
    ("令和８年３月４日（水）～同年３月２６日（木）午後５時", "2026-03-04", "2026-03-26T17:00+09:00", "hour", False),
    ("令和7年4月18日(金)14:00\n〜\n令和7年5月19日(月)12:00", "2025-04-18T14:00+09:00",
     "2025-05-19T12:00+09:00", "minute", False),
    ("令和7年4月18日(金)14:00 ~ 令和7年5月19日(月) 12:00", "2025-04-18T14:00+09:00",
     "2025-05-19T12:00+09:00", "minute", False),
    ("令和7年1月28日－令和7年3月6日正午", "2025-01-28", "2025-03-06T12:00+09:00", "hour", False),
    ("令和7年6月16日(月)15:00〜16:00", "2025-06-16T15:00+09:00", "2025-06-16T16:00+09:00", "minute", False),
    ("令和8年1月5日(月)～1月30日(金)", "2026-01-05", "2026-01-30", "day", False),
    ("2025年4月1日（火）から2025年5月9日（金）正午まで", "2025-04-01", "2025-05-09T12:00+09:00", "hour", False),
    ("令和7年2月〜3月頃", "2025-02", "2025-03", "month", True),
    ("令和7年4月〜令和8年3月頃", "2025-04", "2026-03", "month", True),
    ("令和7年12月1日〜1月15日", "2025-12-01", "2026-01-15", "day", False),
    ("令和7年3月4日～6日", "2025-03-04", "2025-03-06", "day", False),
]


@pytest.mark.parametrize(("written", "starts_at", "ends_at", "precision", "approximate"), CASES)
def test_written_forms(written, starts_at, ends_at, precision, approximate):
    period = only(written)
    assert (period.starts_at, period.ends_at, period.precision, period.approximate) == (
        starts_at, ends_at, precision, approximate)


def test_until_has_no_start():
    period = only("最長令和9年3月中旬頃まで")
    assert (period.role, period.starts_at, period.ends_at, period.precision) == ("until", None, "2027-03-20", "dekad")


def test_open_start_written_with_a_wave_dash():
    period = only("選定結果公表後の正式交付決定〜令和8年3月頃")
    assert (period.starts_at, period.ends_at) == (None, "2026-03")


def test_month_range_sharing_one_month_mark_and_a_following_kara():
    period = only("令和7年5～6月頃から伴走支援を開始する予定です")
    assert (period.role, period.starts_at, period.ends_at, period.approximate) == ("from", "2025-05", None, True)


def test_yearless_rows_take_the_year_from_the_row_before():
    found = periods("令和8年3月26日\n3月下旬～4月下旬頃\n5月中下旬頃\n9月頃\n令和9年3月頃")
    assert [(p.starts_at, p.ends_at, p.precision) for p in found] == [
        ("2026-03-26", "2026-03-26", "day"),
        ("2026-03-21", "2026-04-30", "dekad"),
        ("2026-05-11", "2026-05-31", "dekad"),
        ("2026-09", "2026-09", "month"),
        ("2027-03", "2027-03", "month"),
    ]


def test_a_schedule_running_into_the_next_year_rolls_the_year():
    found = periods("令和7年11月10日 公募開始\n12月下旬 締切\n2月頃 結果の公表")
    assert [p.ends_at for p in found] == ["2025-11-10", "2025-12-31", "2026-02"]


def test_months_after_a_fiscal_year_take_its_calendar_years():
    found = periods("令和7年度のスケジュール\n6月頃 公募\n翌年2月頃 報告")
    assert [p.ends_at for p in found] == ["2026-03", "2025-06", "2026-02"]


def test_slash_month_day_needs_a_weekday_and_a_year_before():
    assert [p.ends_at for p in periods("令和7年6月9日 6/13(金)")] == ["2025-06-09", "2025-06-13"]
    assert periods("補助率 1/2 令和7年3/4") == []


def test_a_date_with_no_year_anywhere_is_not_guessed():
    assert periods("3月12日(木)午前10時を目途にご連絡します") == []


def test_bare_months_alone_are_not_dates():
    assert periods("2025年度から4月から12月まで毎月募集をしています")[0].precision == "fiscal_year"
    assert len(periods("4月から12月まで毎月募集")) == 0


def test_weekday_mismatch_is_flagged_not_fixed():
    period = only("令和7年6月9日(火)")  # 2025-06-09 is a Monday
    assert period.weekday_mismatch and period.starts_at == "2025-06-09"
    assert not only("令和7年6月9日(月)").weekday_mismatch
    assert not only("令和7年6月9日（月・祝）").weekday_mismatch


def test_not_dates():
    assert periods("電話:03-5253-5757 3ヶ月程度 8時間 https://www.ey.com/pp-2025-06-09") == []


# ------------------------------------------------------------------ properties

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _digits(number: int, full: bool) -> str:
    return str(number).translate(FULL_WIDTH) if full else str(number)


@st.composite
def reiwa_dates(draw):
    day = draw(st.dates(dt.date(2019, 5, 1), dt.date(2030, 12, 31)))
    full = draw(st.booleans())
    era_year = day.year - 2018
    year = "元" if era_year == 1 and draw(st.booleans()) else _digits(era_year, full)
    weekday = "月火水木金土日"[day.weekday()]
    style = draw(st.sampled_from(["kanji", "kanji_weekday_half", "kanji_weekday_full", "dotted", "abbr"]))
    if style == "dotted":
        written = f"令和{_digits(era_year, full)}.{_digits(day.month, full)}.{_digits(day.day, full)}"
    elif style == "abbr":
        written = f"R{_digits(era_year, full)}.{_digits(day.month, full)}.{_digits(day.day, full)}"
    else:
        written = f"令和{year}年{_digits(day.month, full)}月{_digits(day.day, full)}日"
        if style == "kanji_weekday_half":
            written += f"({weekday})"
        elif style == "kanji_weekday_full":
            written += f"（{weekday}）"
    return day, written


@settings(max_examples=300, deadline=None)
@given(reiwa_dates())
def test_any_reiwa_date_comes_back_as_itself(case):
    day, written = case
    period = only(written)
    assert period.starts_at == day.isoformat() and not period.weekday_mismatch


SEPARATORS = ["〜", "～", "~", "－", "-", "から", " 〜 ", "\n〜\n", "～\n"]


@settings(max_examples=300, deadline=None)
@given(reiwa_dates(), reiwa_dates(), st.sampled_from(SEPARATORS), st.booleans())
def test_any_reiwa_range_comes_back_as_itself(first, second, separator, until):
    (a, written_a), (b, written_b) = sorted([first, second])
    period = only(written_a + separator + written_b + ("まで" if until else ""))
    assert (period.starts_at, period.ends_at) == (a.isoformat(), b.isoformat())


def test_parse_date_helper():
    assert parse_date(normalize("締切は令和７年７月４日（金）です")) == dt.date(2025, 7, 4)
    assert parse_date("日付なし") is None


@pytest.mark.parametrize(("text", "year"), [
    ("令和7年度 デジタル実装伴走支援事業", 2025), ("令和元年度", 2019), ("R7年度採択団体", 2025),
    ("平成31年度", 2019), ("2026年度の公募", 2026), ("令和7年度補正予算", 2025), ("年度末", None),
])
def test_fiscal_year_in(text, year):
    from extractors.dates import fiscal_year_in

    assert fiscal_year_in(text) == year


# ------------------------------------------------------------------ year of yearless dates

def spans(written: str) -> list[tuple[str | None, str | None]]:
    return [(p.starts_at, p.ends_at) for p in periods(written)]


def test_a_later_cell_does_not_continue_the_rolled_over_year():
    """The first schedule rolls into 2026; a later line written without a year starts again
    from the latest written year (令和7年12月), and rolls only inside its own range."""
    written = "第1回 令和7年12月1日〜1月9日\n第2回 12月1日(月)〜1月30日(金)"
    assert spans(written)[1] == ("2025-12-01", "2026-01-30")


def test_a_written_weekday_picks_the_year_among_the_context_year_and_its_neighbours():
    # the latest written year is 令和8年 (2026), but 12月1日 is a Monday only in 2025
    found = periods("受付:令和7年12月1日(月)〜令和8年1月9日(金)\n延長分:12月1日(月)〜1月30日(金)")
    assert (found[1].starts_at, found[1].ends_at) == ("2025-12-01", "2026-01-30")
    assert not found[1].weekday_mismatch


def test_a_weekday_matching_no_nearby_year_keeps_the_context_year_flagged():
    found = periods("令和7年6月2日(月)\n採択 6月12日(月)")  # 12日 is a Thursday in 2025, 24 and 26 too
    assert found[1].starts_at == "2025-06-12" and found[1].weekday_mismatch


def test_a_written_year_with_a_wrong_weekday_is_still_flagged_not_moved():
    period = only("令和7年12月1日(火)")
    assert period.starts_at == "2025-12-01" and period.weekday_mismatch


def test_a_schedule_still_runs_on_into_the_next_year():
    assert spans("公募 令和7年11月10日(月)〜12月5日(金)\n審査 1月中旬\n採択 2月6日(金)") == [
        ("2025-11-10", "2025-12-05"), ("2026-01-11", "2026-01-20"), ("2026-02-06", "2026-02-06")]


# ------------------------------------------------------------------ dekad ranges

@pytest.mark.parametrize("written, starts, ends", [
    ("令和7年6月中旬〜下旬", "2025-06-11", "2025-06-30"),
    ("令和7年9月上旬から中旬", "2025-09-01", "2025-09-20"),
    ("令和8年2月中旬〜下旬頃", "2026-02-11", "2026-02-28"),
    ("令和7年6月中旬〜7月上旬", "2025-06-11", "2025-07-10"),
])
def test_a_dekad_range_of_one_month_ends_at_the_second_dekad(written, starts, ends):
    period = only(written)
    assert (period.starts_at, period.ends_at, period.precision) == (starts, ends, "dekad")
