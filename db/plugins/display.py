"""Datasette plugin: cells an officer reads at a glance, on table and canned-query pages.

- ISO dates of the deadline columns read as `2026-03-26(木) 17:00`, the way Japanese
  pages write them (Japan time; the exact ISO value stays in `<time datetime>` and JSON).
- `days_left` / `days_to_open` of the canned queries say what the number means:
  `あと20日 / 20 days left`, `244日前に終了 / closed 244 days ago`.
- `source_url` of the canned queries is a short link (host, `p.N` for a PDF page).
- `deadline_id`, `contact_id`, … of the canned queries link to that fact's row page,
  where its quote, source link and labelled programme are.
- The English codes of `kind` and `role` carry their Japanese word (公募期間, 事務局 …).
Only the HTML changes; `.json` and `.csv` keep the stored values.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from datasette import hookimpl
from markupsafe import Markup

DATE_COLUMNS = {"starts_at", "ends_at", "application_starts_at", "application_ends_at"}
# canned-query column -> table whose row page it links to
ROW_LINK_COLUMNS = {
    "deadline_id": "deadlines", "contact_id": "contacts", "award_id": "awards",
    "program_id": "programs", "parent_id": "programs", "document_id": "documents",
}
WEEKDAYS = "月火水木金土日"
# code stored in kind / role -> the word Japanese pages use (a new code: one line here)
CODE_LABELS = {
    "application_period": "公募期間", "briefing": "説明会", "briefing_registration": "説明会申込",
    "selection_announcement": "採択発表", "support_period": "支援期間", "report": "報告",
    "secretariat": "事務局", "ministry_division": "担当課", "inquiry": "問合せ先",
    "submission": "提出先", "desk": "窓口",
    "eligible_applicant": "応募資格", "condition": "条件", "exclusion": "対象外",
    "budget": "予算・上限額",
}
CODE_COLUMNS = {"kind", "role"}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?(?:\+09:00)?)?")


def japanese_date(value: str) -> str | None:
    """'2026-03-26T17:00+09:00' → '2026-03-26(木) 17:00'; None when it is not such a date.

    Only Japan-time values (+09:00 or none) are rewritten: another offset is left as stored.
    """
    m = _ISO.fullmatch(value.strip())
    if not m:
        return None
    year, month, day, hour, minute = m.groups()
    try:
        weekday = WEEKDAYS[dt.date(int(year), int(month), int(day)).weekday()]
    except ValueError:
        return None
    text = f"{year}-{month}-{day}({weekday})"
    return f"{text} {hour}:{minute}" if hour else text


def days_text(column: str, days: int) -> str:
    if column == "days_to_open":
        return f"{days}日後に開始 / opens in {days} days" if days > 0 else "本日開始 / opens today"
    if days > 0:
        return f"あと{days}日 / {days} days left"
    if days == 0:
        return "本日まで / ends today"
    return f"{-days}日前に終了 / closed {-days} days ago"


def source_link(url: str) -> Markup:
    parsed = urlparse(url)
    page = re.fullmatch(r"page=(\d+)", parsed.fragment or "")
    name = parsed.path.rstrip("/").rsplit("/", 1)[-1] or parsed.hostname or url
    label = f"{parsed.hostname} … {name}" if parsed.hostname else name
    if page:
        label += f" p.{page.group(1)}"
    return Markup('<a class="koubo-source" href="{}" title="{}" rel="noopener">{} ↗</a>').format(
        url, url, label)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if value is None or isinstance(value, dict):
        return None
    if column in DATE_COLUMNS and isinstance(value, str):
        shown = japanese_date(value)
        return Markup('<time datetime="{}">{}</time>').format(value, shown) if shown else None
    if column in CODE_COLUMNS and value in CODE_LABELS and table not in ("documents", "municipalities"):
        return Markup('{} <span class="koubo-code">{}</span>').format(CODE_LABELS[value], value)
    if table is not None:
        return None
    # Canned-query (and SQL) pages from here on.
    if column in ("days_left", "days_to_open") and isinstance(value, int):
        return Markup('<span class="koubo-days{}">{}</span>').format(
            " koubo-past" if value < 0 else "", days_text(column, value))
    if column == "source_url" and isinstance(value, str) and value.startswith(("https://", "http://")):
        return source_link(value)
    if column in ROW_LINK_COLUMNS and isinstance(value, int):
        href = datasette.urls.row(database, ROW_LINK_COLUMNS[column], str(value))
        return Markup('<a href="{}">{}</a>').format(href, value)
    return None


@hookimpl
def prepare_jinja2_environment(env):
    """`ja_date`, `days_text` and `code_label` for the site's templates (db/templates/)."""
    env.filters["code_label"] = lambda code: CODE_LABELS.get(code, code)
    env.filters["ja_date"] = lambda value: (japanese_date(value) or value) if isinstance(value, str) else value
    env.filters["days_text"] = lambda days, column="days_left": days_text(column, days) if isinstance(
        days, int) else ""
