"""Japanese dates, times and periods as government pages write them.

Works on normalised text (extractors.normalize: ASCII digits and brackets, every
wave dash written 〜, hyphens '-'), so '令和７年６月９日（月）' arrives as '令和7年6月9日(月)'.

Written forms are data, in the style of ja-timex: `DATE_FORMS` is a table of
(regular expression → parse function) for the head of a date (era 令和/平成/元年,
western years, R7.6.9, 2025/4/1, 同年 "the same year", 翌年 "the next year",
month-day, month only),
`MODIFIERS` the things that may follow a head (旬 dekads, 末 month end, the weekday in
brackets, a time, 頃/目途 hedges), `RANGE_SEPARATORS` the marks that join two dates
into a period, and `TAIL_FORMS` the shortened second halves of a period (a day alone,
a time alone). A new written form is one row in one table.

`find_periods(text)` returns every date expression as a `Period`: a start and an end
`Point`, each possibly partial, with years resolved from context and order (never from
today's date). Conventions (see docs/decisions/deadlines-precision.md):

* dekads: 上旬 1–10, 中旬 11–20, 下旬 21–last day, 中下旬 11–last, 上中旬 1–20;
* 末 (month end) and 末日 (last day) → the last day of the month, day precision;
  末 alone is approximate;
* month only → the whole month, written 'YYYY-MM' (ISO 8601 reduced precision);
* 年度 (fiscal year) Y → 'Y-04' to '(Y+1)-03';
* 正午 → 12:00, 午後5時 → 17:00, 24時 → 23:59 of the same day;
* a yearless date takes the year of the latest date whose year is written (the first
  written one of its period), the next year when its month comes earlier than that
  date's month (a schedule running on into the next year), or the fiscal year's
  calendar year after a bare 年度; the end of a range continues from its start. A later
  line never continues a year that an earlier range only reached by rolling over
  ('令和7年12月1日〜1月9日' then '12月1日〜1月30日': the second starts in 2025 again);
* where a weekday is written on a yearless date, the year (among the one so found and
  its neighbours) on which that weekday falls is preferred, and the choice is logged;
  a written year is never moved, only flagged (weekday_mismatch).
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)

JST = "+09:00"
WEEKDAYS = "月火水木金土日"  # Monday first, as datetime.weekday()

# era name (and its one-letter abbreviation) → the western year of its year 0
ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925, "R": 2018, "H": 1988, "S": 1925}
# A fiscal year as written: 令和7年度, R7年度, 平成31年度, 2025年度 (年度: April to March).
FISCAL_YEAR_RE = re.compile(
    r"(?<![A-Za-z])(?P<era>令和|平成|R|H)\s?(?P<y>元|\d{1,2})\s?年度|(?<!\d)(?P<w>(?:19|20)\d{2})\s?年度"
)


def fiscal_year_in(text: str) -> int | None:
    """The first fiscal year written in `text`, as its western starting year:
    令和7年度 → 2025, 令和元年度 → 2019, 2026年度 → 2026. A supplementary budget belongs to
    the year it amends: 令和7年度補正 → 2025, though its calls run into 2026."""
    m = FISCAL_YEAR_RE.search(text)
    if not m:
        return None
    if m["w"]:
        return int(m["w"])
    return ERA_BASE[m["era"]] + (1 if m["y"] == "元" else int(m["y"]))

# dekad words → (first day, last day or None for the month's last day)
DEKADS = {
    "上旬": (1, 10), "初旬": (1, 10), "中旬": (11, 20), "下旬": (21, None),
    "上中旬": (1, 20), "中下旬": (11, None),
}
MONTH_END = {"末日": False, "末": True}  # word → approximate?
APPROX_WORDS = ("頃", "ごろ", "目途", "めど", "目処", "予定", "程度")


@dataclass(frozen=True)
class Point:
    """One written date or time, possibly partial: what is missing is None.
    `start`/`end` are offsets of its written form in the text."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    time_precision: str | None = None  # 'hour' or 'minute' when a time is written
    dekad: str | None = None  # a key of DEKADS
    month_end: str | None = None  # a key of MONTH_END
    fiscal_year: bool = False
    approximate: bool = False
    year_written: bool = False  # the year is written in this point (not inherited)
    same_year: bool = False  # 同年: the year of the date before
    next_year: bool = False  # 翌年: the year after the date before
    bare_month: bool = False  # a month with no year, day or qualifier ('7月')
    year_only: bool = False  # '令和7年' alone: context for later dates, no event
    weekday: int | None = None  # as written, Monday = 0
    weekday_mismatch: bool = False

    @property
    def precision(self) -> str:
        if self.fiscal_year:
            return "fiscal_year"
        if self.time_precision:
            return self.time_precision
        if self.day is not None or self.month_end:
            return "day"
        if self.dekad:
            return "dekad"
        return "month"

    @property
    def hedged(self) -> bool:
        """Approximate as written (頃, 目途, 末) or by precision (dekad, month)."""
        return self.approximate or self.precision in ("dekad", "month")

    def first_day(self) -> dt.date:
        assert self.year is not None and self.month is not None
        if self.fiscal_year:
            return dt.date(self.year, 4, 1)
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month_end:
            return self.last_day()
        if self.dekad:
            return dt.date(self.year, self.month, DEKADS[self.dekad][0])
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        assert self.year is not None and self.month is not None
        if self.fiscal_year:
            return dt.date(self.year + 1, 3, 31)
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        month_last = calendar.monthrange(self.year, self.month)[1]
        if self.dekad and DEKADS[self.dekad][1] is not None:
            return dt.date(self.year, self.month, DEKADS[self.dekad][1])
        return dt.date(self.year, self.month, month_last)

    def iso(self, side: str) -> str:
        """ISO 8601 for the first ('start') or last ('end') moment this point covers,
        at its own precision: 'YYYY-MM-DDTHH:MM+09:00', 'YYYY-MM-DD' or 'YYYY-MM'."""
        precision = self.precision
        if precision == "fiscal_year":
            return f"{self.year:04d}-04" if side == "start" else f"{self.year + 1:04d}-03"
        if precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        day = self.first_day() if side == "start" else self.last_day()
        if precision in ("hour", "minute"):
            return f"{day.isoformat()}T{self.hour:02d}:{self.minute or 0:02d}{JST}"
        return day.isoformat()

    @property
    def resolved(self) -> bool:
        return self.year is not None and self.month is not None


@dataclass(frozen=True)
class Period:
    """A date expression: a range (start and end), or one point whose `role` says
    whether it was written as a moment ('point'), an end ('until': …まで, 〜X) or a
    beginning ('from': Xから with no end)."""

    start: Point | None
    end: Point | None
    span: tuple[int, int]
    role: str = "range"  # range | point | until | from

    @property
    def points(self) -> list[Point]:
        return [p for p in (self.start, self.end) if p is not None]

    @property
    def starts_at(self) -> str | None:
        if self.role == "until" or self.start is None:
            return None
        return self.start.iso("start")

    @property
    def ends_at(self) -> str | None:
        if self.role == "from" or self.end is None:
            return None
        return self.end.iso("end")

    @property
    def precision(self) -> str:
        point = self.start if self.role == "from" else self.end
        assert point is not None
        return point.precision

    @property
    def approximate(self) -> bool:
        return any(p.hedged for p in self.points)

    @property
    def weekday_mismatch(self) -> bool:
        return any(p.weekday_mismatch for p in self.points)


# ------------------------------------------------------------------ written forms

# pypdfium2 writes '令和 8 年 3 月 4 日'; normalisation leaves one space at most. A PDF's
# text line may also break inside a date ('令和7年6月' / '13日(金)'): one line break is allowed.
_S = "[ \n]?"
_ERA = r"(?P<era>令和|平成|昭和)"
_ERA_ABBR = r"(?<![A-Za-z0-9])(?P<era>令和|平成|R|H)"
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"  # 令和七年六月九日 is written too
_ERA_YEAR = rf"(?P<y>{_NUM}|元)"
_MD = rf"(?:{_S}(?P<m>{_NUM}){_S}月(?:{_S}(?P<d>{_NUM}){_S}日)?)?"
_WESTERN_YEAR = r"(?<![\d./-])(?P<y>(?:19|20)\d{2})"


def _number(written: str) -> int:
    """'12' or a kanji numeral up to 99 ('十二', '二十六') as an int."""
    if written.isdigit():
        return int(written)
    tens, _, units = written.rpartition("十")
    if "十" not in written:
        return _KANJI_DIGITS[written] if len(written) == 1 else 0
    return (_KANJI_DIGITS.get(tens, 0) if tens else 1) * 10 + (_KANJI_DIGITS.get(units, 0) if units else 0)


def _era_year(match: re.Match) -> int:
    written = match["y"]
    return ERA_BASE[match["era"]] + (1 if written == "元" else _number(written))


def _int(match: re.Match, name: str) -> int | None:
    value = match.groupdict().get(name)
    return _number(value) if value else None


def _dated(year: int, match: re.Match) -> dict:
    month, day = _int(match, "m"), _int(match, "d")
    return {"year": year, "month": month, "day": day, "year_written": True, "year_only": month is None}


def _era_fiscal(match: re.Match) -> dict:
    return {"year": _era_year(match), "month": 4, "fiscal_year": True, "year_written": True}


def _western_fiscal(match: re.Match) -> dict:
    return {"year": int(match["y"]), "month": 4, "fiscal_year": True, "year_written": True}


def _era_date(match: re.Match) -> dict:
    return _dated(_era_year(match), match)


def _western_date(match: re.Match) -> dict:
    return _dated(int(match["y"]), match)


def _same_year(match: re.Match) -> dict:
    return {"month": _int(match, "m"), "day": _int(match, "d"), "same_year": True}


def _next_year(match: re.Match) -> dict:
    return {"month": _int(match, "m"), "day": _int(match, "d"), "next_year": True}


def _same_month(match: re.Match) -> dict:
    return {"day": _int(match, "d"), "same_month": True}


def _month_day(match: re.Match) -> dict:
    return {"month": _int(match, "m"), "day": _int(match, "d")}


def _month_only(match: re.Match) -> dict:
    return {"month": _int(match, "m"), "bare_month": True}


# Heads of dates: (pattern, parse function). Overlaps go to the earliest, then longest.
DATE_FORMS: list[tuple[str, Callable[[re.Match], dict]]] = [
    (rf"{_ERA}{_S}{_ERA_YEAR}{_S}年{_S}度", _era_fiscal),  # 令和7年度
    (rf"{_ERA}{_S}{_ERA_YEAR}{_S}年{_MD}", _era_date),  # 令和7年6月9日, 令和元年5月, 令和7年
    # the other calendar's year in brackets: 令和7(2025)年度, 令和7(2025)年5月9日, 2025(令和7)年5月9日
    (rf"{_ERA}{_S}{_ERA_YEAR}{_S}\((?:19|20)\d{{2}}\){_S}年{_S}度", _era_fiscal),
    (rf"{_ERA}{_S}{_ERA_YEAR}{_S}\((?:19|20)\d{{2}}\){_S}年{_MD}", _era_date),
    (rf"{_WESTERN_YEAR}{_S}\((?:令和|平成)(?:\d{{1,2}}|元)\){_S}年{_S}度", _western_fiscal),
    (rf"{_WESTERN_YEAR}{_S}\((?:令和|平成)(?:\d{{1,2}}|元)\){_S}年{_MD}", _western_date),
    # 令和7年5〜6月頃: the first month of a month range written without its 月
    (rf"{_ERA}{_S}{_ERA_YEAR}{_S}年{_S}(?P<m>\d{{1,2}})(?={_S}[〜~-]{_S}\d{{1,2}}{_S}月)", _era_date),
    (rf"{_ERA_ABBR}{_S}{_ERA_YEAR}[./](?P<m>\d{{1,2}})[./](?P<d>\d{{1,2}})(?![\d./])", _era_date),  # R7.6.9
    (rf"{_ERA_ABBR}(?P<y>\d{{1,2}}|元){_S}年(?!{_S}度){_MD}", _era_date),  # R7年6月9日
    (rf"{_WESTERN_YEAR}{_S}年{_S}度", _western_fiscal),  # 2025年度
    (rf"{_WESTERN_YEAR}{_S}年{_MD}", _western_date),  # 2025年4月1日
    (rf"{_WESTERN_YEAR}{_S}年{_S}(?P<m>\d{{1,2}})(?={_S}[〜~-]{_S}\d{{1,2}}{_S}月)", _western_date),
    (rf"{_WESTERN_YEAR}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\d/])", _western_date),  # 2025/4/1
    (rf"{_WESTERN_YEAR}\.(?P<m>\d{{1,2}})\.(?P<d>\d{{1,2}})(?![\d.])", _western_date),  # 2025.4.1
    (rf"{_WESTERN_YEAR}-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])", _western_date),  # 2025-04-01
    (rf"同年{_S}(?P<m>\d{{1,2}}){_S}月(?:{_S}(?P<d>\d{{1,2}}){_S}日)?", _same_year),  # 同年3月26日
    (rf"翌年{_S}(?P<m>\d{{1,2}}){_S}月(?:{_S}(?P<d>\d{{1,2}}){_S}日)?", _next_year),  # 翌年2月
    (rf"同月{_S}(?P<d>\d{{1,2}}){_S}日", _same_month),  # 同月26日
    (rf"(?<![\d年./])(?P<m>\d{{1,2}}){_S}月{_S}(?P<d>\d{{1,2}}){_S}日", _month_day),  # 3月12日
    (r"(?<![\d/.])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?= ?\([月火水木金土日])", _month_day),  # 6/13(金)
    (r"(?<![\d年./:-])(?P<m>\d{1,2}) ?月(?![\d曜額分間])", _month_only),  # 9月 (needs 旬/頃 or a range)
]
_DATE_FORMS = [(re.compile(pattern), parse) for pattern, parse in DATE_FORMS]

_TIME = (
    r"(?P<ampm>午前|午後)? ?"  # a line break before a time: see _TIME_ALONE
    + r"(?:(?P<h>\d{1,2})" + _S + r"時(?!間)(?:" + _S + r"(?P<mi>\d{1,2})" + _S + r"分|(?P<half>半))?"
    + r"|(?P<hh>\d{1,2}):(?P<mm>\d{2})(?!\d)"
    + r"|(?P<noon>正午))"
)
# A time on the line after its date belongs to it when nothing but a closing word follows:
# '令和7年6月13日(金)' / '正午(必着)とします。' — not '14:00 開会挨拶' in a programme.
_TIME_ALONE = (
    re.sub(r"\?P<\w+>", "?:", _TIME)
    + r"\s*(?:\(?必着\)?|\(?厳守\)?|\(?締切\)?|まで|迄|とします|です)*\s*(?:[。、]|\n|$)"
)
# A time in brackets after its date: '令和7年5月9日(金)(17時必着)'.
_TIME_BRACKETED = re.sub(r"\?P<\w+>", "?:", _TIME) + r"\s*(?:必着|まで|締切|〆切|厳守)?\)"
_WEEKDAY = r"\((?P<wd>[月火水木金土日])(?:曜日?)?(?:[・,、](?:祝|休)日?)?\)"

# What may follow a head, in this order; each is optional.
MODIFIERS: list[tuple[str, str]] = [
    ("dekad", _S + r"(?P<dekad>中下旬|上中旬|上旬|中旬|下旬|初旬)"),
    ("month_end", _S + r"(?P<month_end>末日|末)"),
    ("weekday", _S + _WEEKDAY),
    ("time", r"(?: ?の)?(?: ?|\n(?=" + _TIME_ALONE + r")|\((?=" + _TIME_BRACKETED + "))" + _TIME),
    ("approx", _S + r"(?:を)?(?P<approx>" + "|".join(APPROX_WORDS) + ")"),
]
_MODIFIERS = [(name, re.compile(pattern)) for name, pattern in MODIFIERS]

# Joining two dates into a period: 〜 ~ - から より, across spaces and line breaks.
RANGE_SEPARATORS = r"\s*(?:〜|~|-|から|より)\s*"
_RANGE_SEP = re.compile(RANGE_SEPARATORS)
_UNTIL = re.compile(r"\s*(?:まで|迄)")
_FROM = re.compile(r"\s*(?:から|より|以降)(?!\s*\d)")
_OPEN_START = re.compile(r"(?:〜|~)\s*$")

# Shortened second halves of a period: a day alone (〜26日), a time alone (〜16:00).
TAIL_FORMS: list[tuple[str, Callable[[re.Match], dict]]] = [
    (r"(?P<d>\d{1,2})" + _S + r"日", lambda m: {"day": int(m["d"])}),
    # 6月中旬〜下旬, 9月上旬から中旬: the second dekad of the same month
    (r"(?P<dekad>中下旬|上中旬|上旬|中旬|下旬|初旬)", lambda m: {"dekad": m["dekad"]}),
    (r"(?P<month_end>末日|末)", lambda m: {"month_end": m["month_end"], "approximate": MONTH_END[m["month_end"]]}),
    (_TIME, lambda m: {}),
]
_TAIL_FORMS = [(re.compile(pattern), parse) for pattern, parse in TAIL_FORMS]


def _time_fields(match: re.Match) -> dict | None:
    """Hour, minute and precision of a matched _TIME, or None if impossible."""
    if match["noon"]:
        return {"hour": 12, "minute": 0, "time_precision": "hour"}
    if match["hh"] is not None:
        hour, minute, precision = int(match["hh"]), int(match["mm"]), "minute"
    else:
        hour = int(match["h"])
        if match["mi"] is not None:
            minute, precision = int(match["mi"]), "minute"
        elif match["half"]:
            minute, precision = 30, "minute"
        else:
            minute, precision = 0, "hour"
    if match["ampm"] == "午後" and hour < 12:
        hour += 12
    if hour == 24 and minute == 0:  # 24時: the end of the day, kept on the same date
        return {"hour": 23, "minute": 59, "time_precision": "minute"}
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return {"hour": hour, "minute": minute, "time_precision": precision}


def _apply_modifiers(text: str, point: Point) -> Point:
    """Extend a point over what follows it: dekad, month end, weekday, time, hedge."""
    pos = point.end
    fields: dict = {}
    for name, pattern in _MODIFIERS:
        match = pattern.match(text, pos)
        if not match:
            continue
        if name == "dekad" and (point.day is not None or point.fiscal_year):
            continue
        if name == "month_end" and (point.day is not None or "dekad" in fields):
            continue
        if name == "time":
            if point.day is None and point.hour is None and "month_end" not in fields:
                continue
            if point.hour is not None:
                continue
            time = _time_fields(match)
            if time is None:
                continue
            fields.update(time)
        elif name == "dekad":
            fields["dekad"] = match["dekad"]
        elif name == "month_end":
            fields["month_end"] = match["month_end"]
            fields["approximate"] = MONTH_END[match["month_end"]]
        elif name == "weekday":
            if point.day is None:
                continue
            fields["weekday"] = WEEKDAYS.index(match["wd"])
        elif name == "approx":
            fields["approximate"] = True
        pos = match.end()
    if fields.get("dekad") or fields.get("month_end") or fields.get("approximate"):
        fields["bare_month"] = False
    if "month_end" in fields and point.fiscal_year:  # 年度末: the end of the fiscal year's March
        fields.update(fiscal_year=False, year=point.year + 1, month=3, approximate=True)
    return replace(point, end=pos, **fields) if fields else point


def _heads(text: str) -> list[Point]:
    """Every date head in the text, non-overlapping (earliest, then longest, wins)."""
    found: list[tuple[int, int, dict]] = []
    for pattern, parse in _DATE_FORMS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), parse(match)))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    points: list[Point] = []
    last_end = -1
    for start, end, fields in found:
        if start < last_end:
            continue
        fields.pop("same_month", None)
        point = Point(start=start, end=end, **fields)
        if not _plausible(point):
            continue
        points.append(point)
        last_end = end
    return points


def _plausible(point: Point) -> bool:
    if point.month is not None and not 1 <= point.month <= 12:
        return False
    if point.day is not None:
        month = point.month or 1
        return 1 <= point.day <= calendar.monthrange(point.year or 2000, month)[1]
    return True


def _tail_at(text: str, pos: int, heads_by_start: dict[int, Point]) -> Point | None:
    """The second half of a period starting at `pos`: a full head or a shortened form."""
    if pos in heads_by_start:
        return heads_by_start[pos]  # already extended by its modifiers
    for pattern, parse in _TAIL_FORMS:
        match = pattern.match(text, pos)
        if not match:
            continue
        fields = parse(match)
        if "dekad" in fields or "month_end" in fields:
            return Point(start=pos, end=match.end(), **fields)
        if "day" in fields:
            if not 1 <= fields["day"] <= 31:
                continue
            return Point(start=pos, end=match.end(), **fields)
        time = _time_fields(match)
        if time:
            return Point(start=pos, end=match.end(), **time)
    return None


# ------------------------------------------------------------------ periods


def find_periods(text: str) -> list[Period]:
    """Every date expression of `text` as a Period, years resolved from context."""
    heads = [_apply_modifiers(text, head) for head in _heads(text)]
    heads_by_start = {head.start: head for head in heads}
    periods: list[Period] = []
    consumed_until = -1
    for head in heads:
        if head.start < consumed_until:
            continue
        period = _period_from(text, head, heads_by_start)
        consumed_until = period.span[1]
        periods.append(period)
    return [period for period in _resolve_years(periods) if _is_event(period)]


def _is_event(period: Period) -> bool:
    """Keep dated expressions; drop year-only context ('令和7年'), unresolved years
    and lone bare months ('4月から12月まで' with no year or qualifier anywhere)."""
    points = period.points
    if any(p.year_only or not p.resolved for p in points):
        return False
    return not all(p.bare_month and not p.year_written for p in points)


def _period_from(text: str, head: Point, heads_by_start: dict[int, Point]) -> Period:
    sep = _RANGE_SEP.match(text, head.end)
    tail = None
    if sep and not head.year_only:
        tail = _tail_at(text, sep.end(), heads_by_start)
        if tail is not None and tail.start not in heads_by_start:
            tail = _apply_modifiers(text, tail)
        if tail is not None and (tail.year_only or (tail.fiscal_year != head.fiscal_year)):
            tail = None
    if tail is not None:
        end = tail.end
        until = _UNTIL.match(text, end)
        if until:
            end = until.end()
        # a 頃 written after the range hedges both ends
        if tail.approximate and not head.approximate and head.day is None:
            head = replace(head, approximate=True)
        following = _FROM.match(text, end)
        role = "from" if following and not until else "range"
        if role == "from":
            return Period(head, tail, (head.start, end), role)
        return Period(head, tail, (head.start, end), "range")
    end = head.end
    until = _UNTIL.match(text, end)
    if until:
        return Period(None, head, (head.start, until.end()), "until")
    if _OPEN_START.search(text, max(0, head.start - 3), head.start):
        return Period(None, head, (head.start, end), "until")
    if _FROM.match(text, end):
        return Period(head, None, (head.start, end), "from")
    return Period(head, head, (head.start, end), "point")


def _resolve_years(periods: list[Period]) -> list[Period]:
    """Give yearless points the year of the text before them (see module doc).
    `anchor` is the latest point whose year is written (the first such of its period):
    a new period continues from it, not from a year an earlier range rolled into;
    `previous` (the latest resolved point) fills 同年 / 翌年 and days or times alone."""
    anchor: Point | None = None
    previous: Point | None = None
    out: list[Period] = []
    for period in periods:
        start = _resolve(period.start, anchor, previous) if period.start is not None else None
        if period.role == "point":
            end = start
        elif period.end is not None:
            before = start if start is not None and start.year is not None else None
            end = _resolve(period.end, before or anchor, before or previous, not_before=before)
        else:
            end = None
        written = next((p for p in (start, end) if p is not None and p.year is not None and _anchors(p)), None)
        if written is not None:
            anchor = written
        for point in (start, end):
            if point is not None and point.year is not None:
                previous = point
        out.append(replace(period, start=start, end=end))
    return out


def _anchors(point: Point) -> bool:
    """Is this point's year written (令和7年…, 令和7年度, 同年, 翌年), not inferred?"""
    return point.year_written or point.same_year or point.next_year


def _resolve(point: Point, anchor: Point | None, previous: Point | None, not_before: Point | None = None) -> Point:
    if point.year_written:
        return _check_weekday(point)
    relative = point.month is None or point.same_year or point.next_year
    before = previous if relative else anchor
    if before is None or before.year is None:
        return point
    fields: dict = {}
    if point.month is None:  # a day or a time alone: inherit the month (and day)
        if before.month is None:
            return point
        fields["month"] = before.month
        if point.day is None and point.dekad is None and point.month_end is None:
            fields["day"] = before.day
            if before.day is None:
                fields["dekad"], fields["month_end"] = before.dekad, before.month_end
    month = fields.get("month", point.month)
    year = before.year
    if point.next_year:
        year += 1
    elif before.fiscal_year and not point.same_year:
        year = before.year if month >= 4 else before.year + 1
    elif not point.same_year and not before.year_only and before.month is not None and month < before.month:
        year += 1  # a schedule running on into the next year
    resolved = replace(point, year=year, **fields)
    if not _plausible(resolved):
        return point
    if point.same_year or point.next_year:
        return _check_weekday(resolved)
    return _by_weekday(resolved, not_before)


def _by_weekday(point: Point, not_before: Point | None) -> Point:
    """A yearless date with a weekday: keep the year found from context if the weekday
    falls on it, else take the neighbouring year on which it does (never before the
    start of its own range); flag it when none does."""
    checked = _check_weekday(point)
    if not checked.weekday_mismatch:
        return checked
    for year in (point.year - 1, point.year + 1):
        candidate = _check_weekday(replace(point, year=year))
        if not _plausible(candidate) or candidate.weekday_mismatch:
            continue
        if not_before is not None and not_before.resolved and candidate.last_day() < not_before.first_day():
            continue
        log.info("yearless %d月%d日 read as %d: its written weekday falls on that year, not on %d",
                 point.month, point.day, year, point.year)
        return candidate
    log.info("yearless %d月%d日: its written weekday falls on no year near %d; kept, flagged",
             point.month, point.day, point.year)
    return checked


def _check_weekday(point: Point) -> Point:
    if point.weekday is None or point.day is None or not point.resolved:
        return point
    actual = dt.date(point.year, point.month, point.day).weekday()
    return replace(point, weekday_mismatch=actual != point.weekday)


def parse_date(text: str) -> dt.date | None:
    """The first day-precision date written in `text` (normalised), or None: for tests
    and callers that need one date."""
    for period in find_periods(text):
        for point in period.points:
            if point.resolved and point.day is not None:
                return point.first_day()
    return None
