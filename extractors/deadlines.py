"""Scheduled events of calls (公募): application periods, briefings, announcements…

Every date expression of the document (extractors.dates) is read with the words that
name it, looked for in this order:

1. the label before it on its line ('応募期間:', '(1) 日時', '申込の締切は、'),
2. the other cells of its table row (a schedule table: date | what happens),
3. the rest of its sentence ('、選定結果を公表します', 'までにご応募ください'), then the
   sentence as a whole when it says a call's applications are accepted ('申請は、…まで受け付けます'),
4. a label line just above it ('(1) 応募期間' then the date on the next line).

The first that names a kind (extractors.vocab_deadlines) decides. A table's column
heading that names an event ('区分 | 公募期間 | 採択予定時期') comes before the row's own
cells: the row label (第1回公募) names the call, the column the event — but a row that
says its values are past or replaced (変更前, 前年度) still drops them; a generic heading
(日程) and a heading that names a call (one call per column: '項目 | 一次公募 | 二次公募'
over rows '説明会', '採択結果公表') come after the row's cells. Words before から that name a period's start ('契約締結日から
令和8年3月13日まで') are no label: the label line above outranks them. A period with
no kind under a call's name ('「…」の公募(4月1日〜5月16日)') is the call's. Generic
labels (日時, 申込, 締切) take the briefing's kinds when the section (its headings, the
two lines above) is about a 説明会; 申込 outside any event (研修, セミナー …) is a call.
Lines labelled only 開始/終了 (自/至) under a label line are one period of that label.
A heading (a heading block or '【公募期間】') just above a date's paragraph that names a
kind outright comes before the rest of the sentence. A corrigendum's replaced values
(a 誤 / 訂正前 / 旧 column, row, tag or tag line; vocab_deadlines.VERSION_WORDS) are
dropped, its 正 / 訂正後 ones kept. A call said to be called off (中止となりました) keeps
its announced period and its label ends in '(中止)': the Deadline model has no flag for it.
Dates that record the past (制定, 現在, ご参加いただきありがとうございました), another
call cited for reference (前回, 昨年度), a news list's dated headlines, a value replaced
by an arrow (→) and dates that nothing names (a press release's own date) are not
events; a close said to be extended (…まで延長しました) replaces the close just above it. A written weekday that
does not match the date is kept, flagged (weekday_mismatch) and logged, never fixed.

An application period or sign-up closing at one moment has no start (starts_at NULL);
other one-moment events start and end at that moment; fuzzy values cover their span.
Identical events of one document are one row (the first evidence), and a day-precision
row is dropped when the same kind ends that day with a stated time elsewhere.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from extractors.dates import Period, find_periods
from extractors.model import Block, Cell, Deadline, Document
from extractors.vocab_deadlines import (
    CALL_NAME,
    END_MARK,
    EXTENDED,
    HISTORY,
    NEWS_HEADLINE,
    NOT_A_LABEL_LINE,
    START_ANCHOR,
    START_MARK,
    SUBMIT,
    SUPERSEDED_BY,
    accepts_applications,
    classify,
    is_cancelled,
    is_history,
    names_a_call,
    resolve_generic,
    version_of,
)

VERSION = "10"
log = logging.getLogger(__name__)

ENDING_KINDS = ("application_period", "briefing_registration")  # one moment = the close
LABEL_LINE_MAX = 40  # a label line above a date is short
SECTION_WINDOW = 1500  # how far back (characters) section headings are looked for
SUBJECT_MAX = 120  # characters of a title read for what the document asks for
CONTEXT_LINES = 2  # lines above a generic label that also settle it
VERSION_LINES = 3  # how many lines above a date a corrigendum's '【訂正前】' is looked for
CANCELLED_LABEL = "(中止)"  # appended to the label of a call said to be called off
EXTENSION_WINDOW = 600  # how far above an extended close (characters) the old close is looked for
_BULLETS = re.compile(r"^[\s・\-•◆◇■□●○◎※▶►>*]*(?:\(\d+\)|\d+[.)．]|[①-⑳]|\d+\s)?\s*")
_HEADING_LINE = re.compile(r"^(?:\d+[.．\s]|\(\d+\)|\d+\)|[①-⑳]|【.+】$|<.+>$|〈.+〉$|[■◆●□◇]|第\d+)")


class _Accepting(str):
    """A sentence's words around its dates that say applications are accepted
    (vocab_deadlines.accepts_applications): an application period, labelled by its subject."""


@dataclass
class _Place:
    """Where a period sits: its line (within its table cell, if any) and its row."""

    line_start: int
    line_end: int
    block: Block | None
    row: list[Cell] | None
    cell: Cell | None


def extract(doc: Document) -> list[Deadline]:
    """Every scheduled event of the document, one row per distinct event."""
    return dedupe(drop_extended(doc, find_events(doc)))


def drop_extended(doc: Document, events: list[Deadline]) -> list[Deadline]:
    """A close said to be extended (締切を…まで延長しました) replaces the earlier closes
    of the same kind just above it: the call now ends at the later date."""
    extended = [e for e in events if e.kind in ENDING_KINDS and e.ends_at and _says_extended(doc, e)]
    if not extended:
        return events

    def superseded(event: Deadline) -> bool:
        return any(
            event is not later and event.kind == later.kind and event.ends_at and event.ends_at < later.ends_at
            and 0 <= later.evidence.char_start - event.evidence.char_start <= EXTENSION_WINDOW
            for later in extended
        )
    return [e for e in events if not superseded(e)]


def _says_extended(doc: Document, event: Deadline) -> bool:
    ev = event.evidence
    line_start = doc.text.rfind("\n", 0, ev.char_start) + 1
    line_end = doc.text.find("\n", ev.char_end)
    return bool(EXTENDED.search(doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]))


def find_events(doc: Document) -> list[Deadline]:
    """Every dated, named event in reading order, duplicates included."""
    periods = find_periods(doc.text)
    starts = [block.start for block in doc.blocks]
    events: list[Deadline] = []
    for index in range(len(periods)):
        event = _event(doc, periods, index, starts)
        if event is None:
            continue
        if event.weekday_mismatch:
            log.warning("%s: weekday written does not match the date in %r", doc.url, event.evidence.quote)
        events.append(event)
    return events


def _event(doc: Document, periods: list[Period], index: int, block_starts: list[int]) -> Deadline | None:
    period = periods[index]
    text = doc.text
    start, end = period.span
    place = _place(doc, start, block_starts)
    neighbours = [p for i, p in enumerate(periods) if i != index]
    prev_end = max([p.span[1] for p in neighbours if place.line_start <= p.span[1] <= start], default=place.line_start)
    next_start = min([p.span[0] for p in neighbours if end <= p.span[0] <= place.line_end], default=place.line_end)

    last_point_end = max(p.end for p in period.points)
    after_end = _sentence_end(text, last_point_end, next_start)
    after = text[last_point_end:after_end]
    if is_history(after):
        return None
    if _is_news_item(text, period, place, prev_end):
        return None
    if SUPERSEDED_BY.match(text, period.span[1]) and next_start < place.line_end:
        return None  # '5月9日(金)17時 → 5月16日(金)17時': the value after the arrow holds
    if _version(doc, period, place, periods) == "replaced":
        return None  # a corrigendum's 誤 / 訂正前 value: the 正 / 訂正後 one holds

    sources = _label_sources(doc, period, place, prev_end, after_end, periods, block_starts)
    mark, paired = _end_mark(doc, place, prev_end, start, periods)
    if mark == "start" and paired is not None:
        return None  # '開始:…' is read with the '終了:…' line below it
    kind = label = None
    span = (start, end)
    for source_text, source_span in sources:
        kind = "application_period" if isinstance(source_text, _Accepting) else classify(source_text)
        if kind is not None:
            label = _clean(source_text)
            span = (min(source_span[0], start), max(source_span[1], end))
            break
    if kind == HISTORY:
        return None
    if kind is None and period.role in ("range", "until"):
        named = next(((s, sp) for s, sp in sources if CALL_NAME.search(_clean(s) or s)), None)
        if named is not None:
            kind, label = "application_period", _clean(named[0])
            span = (min(named[1][0], start), max(named[1][1], end))
    if kind is None:
        if place.row is None or not any(s for s, _ in sources if s.strip()):
            return None
        kind = "other"  # a schedule table row names something, even if not a known kind
        label, label_span = next((s, sp) for s, sp in sources if s.strip())
        label = _clean(label)
        span = (min(label_span[0], start), max(label_span[1], end))
    if kind != "support_period" and any(p.fiscal_year for p in period.points):
        return None  # a whole fiscal year is a programme's year, not a dated step of a call
    if kind.startswith("generic:"):
        context = " ".join(s for s, _ in sources) + " " + text[place.line_start:place.line_end]
        context += " " + " ".join(_section_headings(doc, place.line_start, block_starts))
        context += " " + _lines_above(text, place.line_start, CONTEXT_LINES)
        if kind == SUBMIT:
            context += " " + _subject(doc)  # a survey (照会) or a call (公募): the title says
        kind = resolve_generic(kind, context)

    starts_at, ends_at = period.starts_at, period.ends_at
    if kind in ENDING_KINDS and period.role == "point" and period.precision in ("day", "hour", "minute"):
        starts_at = None
    if mark == "end" and paired is not None and paired.start is not None:
        starts_at = paired.start.iso("start")  # '開始:…' on the line above
        span = (min(span[0], paired.span[0]), span[1])
    if _cancelled(doc, place, periods):
        # the model has no flag for it: the label says so, the announced period is kept
        label = f"{label or ''}{CANCELLED_LABEL}"
    return Deadline(
        kind=kind,
        label=label or None,
        starts_at=starts_at,
        ends_at=ends_at,
        precision=period.precision,
        approximate=period.approximate,
        evidence=doc.evidence(*span),
        weekday_mismatch=period.weekday_mismatch,
    )


def _version(doc: Document, period: Period, place: _Place, periods: list[Period]) -> str | None:
    """'replaced' / 'current' when a corrigendum says which version a date is: its column
    heading (誤 | 正), a cell of its row (訂正前 | …), a tag before it on its line ('(誤)…')
    or the nearest tag line above it ('【訂正後】'); None when nothing says."""
    text = doc.text
    if place.row is not None:
        header = _column_header(place, periods)
        if header is not None and (found := version_of(header.text)):
            return found
        for cell in place.row:
            if cell is not place.cell and (found := version_of(cell.text)):
                return found
    if found := version_of(text[place.line_start:period.span[0]], tag=True):
        return found
    floor = place.cell.start if place.cell is not None else 0
    pos = place.line_start
    for _ in range(VERSION_LINES):
        if pos <= floor:
            break
        line_start, line_end = _line_bounds(text, pos, floor)
        line = text[line_start:line_end]
        if found := version_of(line) or version_of(line, tag=True):
            return found
        pos = line_start
    return None


def _cancelled(doc: Document, place: _Place, periods: list[Period]) -> bool:
    """Is the call called off (中止) on its own line, or on the line just above or below
    when that line holds no date of its own?"""
    text = doc.text
    if is_cancelled(text[place.line_start:place.line_end]):
        return True
    neighbours = []
    if place.line_start > 0:
        neighbours.append(_line_bounds(text, place.line_start, 0))
    if place.line_end < len(text):
        below_end = text.find("\n", place.line_end + 1)
        neighbours.append((place.line_end + 1, below_end if below_end >= 0 else len(text)))
    return any(is_cancelled(text[lo:hi]) and not _has_period(periods, lo, hi) for lo, hi in neighbours)


def _label_sources(doc: Document, period: Period, place: _Place, prev_end: int, after_end: int,
                   periods: list[Period], block_starts: list[int]) -> list[tuple[str, tuple[int, int]]]:
    """Candidate label texts with their spans, in the order they are believed."""
    text = doc.text
    start = period.span[0]
    fiscal = any(p.fiscal_year for p in period.points)
    sources: list[tuple[str, tuple[int, int]]] = []

    before_start = max(prev_end, text.rfind("。", place.line_start, start) + 1)
    before = text[before_start:start]
    colon = re.search(r"(?<!\d)[:：]|[:：](?!\d)", before)
    own = before[: colon.start()] if colon else before
    if _mark_of(own) is not None:
        parent = _marker_parent(doc, place, periods)
        if parent is not None:
            sources.append(parent)
    anchor = None if colon else START_ANCHOR.search(before)
    if colon:
        sources.append((before[: colon.start()], (before_start, before_start + colon.start())))
    elif anchor is not None:
        # '交付決定日から…まで': the words before から name the period's start, not the period;
        # what precedes them ('実証期間は、') is still a label
        if _clean(before[: anchor.start()]):
            sources.append((before[: anchor.start()], (before_start, before_start + anchor.start())))
    elif _clean(before):
        sources.append((before, (before_start, start)))

    if place.row is not None:
        header = _column_header(place, periods)
        header_kind = classify(header.text) if header is not None else None
        # the evidence of a heading is the row, not the rows between
        header_source = (header.text, (place.row[0].start,) * 2) if header is not None else None
        row_sources = [
            (cell.text.split("\n", 1)[0], (cell.start, cell.start + len(cell.text.split("\n", 1)[0])))
            for cell in place.row
            if cell is not place.cell and cell.text.strip() and not _has_period(periods, cell.start, cell.end)
        ]
        if (header_source is not None and header_kind is not None and not header_kind.startswith("generic:")
                and not names_a_call(header.text)):
            # '採択予定時期' names its column, whatever call the row names — unless the row
            # says its values are past or replaced (変更前, 前年度): that still drops them.
            # A heading that names a call (二次公募: one call per column) names no event:
            # the row label (説明会, 採択結果公表) decides, the heading only when it says nothing
            sources.extend(source for source in row_sources if classify(source[0]) == HISTORY)
            sources.append(header_source)
            header_source = None
        sources.extend(row_sources)
        if header_source is not None:
            sources.append(header_source)

    label_line = None
    if (not _clean(before) or anchor is not None) and place.line_start > 0:
        floor = place.cell.start if place.cell is not None else 0
        if place.line_start > floor:
            prev_start = text.rfind("\n", floor, place.line_start - 1) + 1
            prev_start = max(prev_start, floor)
            prev_line = text[prev_start:place.line_start - 1]
            if (0 < len(prev_line) <= LABEL_LINE_MAX and not NOT_A_LABEL_LINE.search(prev_line)
                    and not _has_period(periods, prev_start, place.line_start - 1)):
                label_line = (prev_line, (prev_start, place.line_start - 1))
    if label_line is not None and not _clean(before) and _names_as_heading(doc, label_line, block_starts):
        # a heading (h2–h4, '【公募期間】') over the date's paragraph names it before the rest
        # of its sentence does ('…まで(郵送の場合は当日消印有効)')
        sources.append(label_line)
        label_line = None

    if not fiscal:
        last_point_end = max(p.end for p in period.points)
        after = text[last_point_end:after_end]
        sources.append((after, (last_point_end, after_end)))
        if accepts_applications(before, after):
            # '第2回の申請は、…まで受け付けます': the subject before the dates is the label
            sources.append((_Accepting(before), (before_start, after_end)))

    if label_line is not None:
        sources.append(label_line)
    if anchor is not None:  # the start's own words last: '実証開始から' still says what runs
        sources.append((anchor[0], (before_start + anchor.start(), start)))
    return sources


def _names_as_heading(doc: Document, source: tuple[str, tuple[int, int]], block_starts: list[int]) -> bool:
    """Is a label line a heading (a heading block, or a short bracketed line '【公募期間】')
    that names a kind outright (not a generic 日程 / 日時, which the sentence settles)?"""
    line, (start, _) = source
    kind = classify(line)
    if kind is None or kind.startswith("generic:") or kind == HISTORY:
        return False
    i = bisect.bisect_right(block_starts, start) - 1
    if i >= 0 and doc.blocks[i].kind == "heading" and doc.blocks[i].start <= start <= doc.blocks[i].end:
        return True
    return bool(re.fullmatch(r"[\s・■◆●○]*(?:\(\d+\)|\d+[.．)]?)?\s*[【<〈\[][^】>〉\]]+[】>〉\]]\s*", line))


def _column_header(place: _Place, periods: list[Period]) -> Cell | None:
    """The heading cell above a date's cell ('区分 | 公募期間 | 採択予定' over
    '第1回 | 令和7年4月1日〜5月9日 | 6月上旬'): the first row, when it holds no date."""
    block, row, cell = place.block, place.row, place.cell
    if block is None or not block.rows or row is None or cell is None or row is block.rows[0]:
        return None
    header = block.rows[0]
    if len(header) != len(row) or _has_period(periods, header[0].start, header[-1].end):
        return None
    column = next(i for i, candidate in enumerate(row) if candidate is cell)
    heading = header[column]
    return heading if 0 < len(heading.text) <= LABEL_LINE_MAX and "\n" not in heading.text else None


def _is_news_item(text: str, period: Period, place: _Place, prev_end: int) -> bool:
    """A date opening a line of a news list, followed by its headline."""
    if period.role != "point" or period.precision not in ("day", "month") or prev_end != place.line_start:
        return False
    if text[place.line_start:period.span[0]].strip(" ・-•"):
        return False
    headline = text[period.span[1]:place.line_end].strip()
    return bool(headline) and bool(NEWS_HEADLINE.search(headline))


def _lines_above(text: str, line_start: int, count: int) -> str:
    """The `count` lines above a line ('公募説明会 4月10日' above '申込締切 4月8日')."""
    start = line_start
    for _ in range(count):
        if start <= 0:
            break
        start = text.rfind("\n", 0, start - 1) + 1
    return text[start:line_start]


def _mark_of(label: str) -> str | None:
    """'start' or 'end' when a label only says which end of a period its line gives."""
    label = _clean(label)
    if START_MARK.match(label):
        return "start"
    if END_MARK.match(label):
        return "end"
    return None


def _line_label(line: str) -> str:
    """The label of a 'label: value' or 'label value' line (what precedes the colon or date)."""
    match = re.match(r"\s*(.{1,12}?)\s*(?:[:：]|(?=令和|平成|R\d|\d))", line)
    return match[1] if match else ""


def _line_bounds(text: str, pos: int, floor: int) -> tuple[int, int]:
    """The line that ends just before `pos` (a line start), not reaching below `floor`."""
    return max(text.rfind("\n", floor, pos - 1) + 1, floor), pos - 1


def _marker_parent(doc: Document, place: _Place, periods: list[Period]) -> tuple[str, tuple[int, int]] | None:
    """The label line above a run of '開始:… / 終了:…' lines ('(3) 提出期間'), if it names a kind."""
    text = doc.text
    floor = place.cell.start if place.cell is not None else 0
    pos = place.line_start
    for _ in range(4):  # a run of marker lines is short
        if pos <= floor:
            return None
        line_start, line_end = _line_bounds(text, pos, floor)
        line = text[line_start:line_end]
        if _mark_of(_line_label(line)) is not None:
            pos = line_start
            continue
        if 0 < len(line) <= LABEL_LINE_MAX and not _has_period(periods, line_start, line_end) and classify(line):
            return line, (line_start, line_end)
        return None
    return None


def _end_mark(doc: Document, place: _Place, prev_end: int, start: int,
              periods: list[Period]) -> tuple[str | None, Period | None]:
    """For a '開始:…' line, the period of the '終了:…' line just below; for a '終了:…' line,
    the period of the '開始:…' line just above — when a label line heads them."""
    text = doc.text
    mark = _mark_of(text[place.line_start:start]) if prev_end == place.line_start else None
    if mark is None or _marker_parent(doc, place, periods) is None:
        return None, None
    floor = place.cell.start if place.cell is not None else 0
    ceiling = place.cell.end if place.cell is not None else len(text)
    if mark == "start":
        lo = place.line_end + 1
        newline = text.find("\n", lo, ceiling)
        hi = newline if newline >= 0 else ceiling
        wanted = "end"
    else:
        if place.line_start <= floor:
            return mark, None
        lo, hi = _line_bounds(text, place.line_start, floor)
        wanted = "start"
    if _mark_of(_line_label(text[lo:hi])) != wanted:
        return mark, None
    return mark, next((p for p in periods if lo <= p.span[0] < hi), None)


def _place(doc: Document, offset: int, block_starts: list[int]) -> _Place:
    text = doc.text
    block = None
    i = bisect.bisect_right(block_starts, offset) - 1
    if i >= 0 and doc.blocks[i].start <= offset <= doc.blocks[i].end:
        block = doc.blocks[i]
    lo, hi = 0, len(text)
    row = cell = None
    if block is not None:
        lo, hi = block.start, block.end
        if block.kind == "table" and block.rows:
            for candidate_row in block.rows:
                for candidate in candidate_row:
                    if candidate.start <= offset < candidate.end:
                        row, cell = candidate_row, candidate
                        lo, hi = candidate.start, candidate.end
    line_start = max(lo, text.rfind("\n", 0, offset) + 1)
    newline = text.find("\n", offset)
    line_end = min(hi, newline if newline >= 0 else len(text))
    return _Place(line_start, max(line_end, offset), block, row, cell)


def _subject(doc: Document) -> str:
    """The document's title: its first top-level heading (else first heading) and first line."""
    headings = [block for block in doc.blocks if block.kind == "heading"]
    top = next((block for block in headings if block.level == 1), headings[0] if headings else None)
    heading = top.text if top is not None else ""
    first_line = doc.text.lstrip().split("\n", 1)[0][:SUBJECT_MAX]
    return f"{heading[:SUBJECT_MAX]} {first_line}"


def _section_headings(doc: Document, line_start: int, block_starts: list[int]) -> list[str]:
    """The nearest heading-like line of each marker style above a line (at most three):
    '(2) 開催日時' sits under '7 公募説明会の実施', whose words settle generic labels."""
    text = doc.text
    found: dict[str, str] = {}
    pos = line_start - 1
    floor = max(0, line_start - SECTION_WINDOW)
    while pos > floor and len(found) < 3:
        start = text.rfind("\n", 0, pos) + 1
        line = text[start:pos]
        style = _heading_style(doc, start, line, block_starts)
        if style and style not in found:
            found[style] = line
        pos = start - 1
    return list(found.values())


def _heading_style(doc: Document, offset: int, line: str, block_starts: list[int]) -> str | None:
    i = bisect.bisect_right(block_starts, offset) - 1
    if i >= 0 and doc.blocks[i].kind == "heading" and doc.blocks[i].start <= offset <= doc.blocks[i].end:
        return f"h{doc.blocks[i].level or 0}"
    if not line or len(line) > LABEL_LINE_MAX:
        return None
    match = _HEADING_LINE.match(line)
    if not match:
        return None
    marker = match.group(0)
    return re.sub(r"\d+", "9", marker[:2]) if marker[0] not in "【<〈" else marker[0]


def _has_period(periods: list[Period], lo: int, hi: int) -> bool:
    return any(lo <= p.span[0] < hi for p in periods)


def _sentence_end(text: str, pos: int, limit: int) -> int:
    stop = text.find("。", pos, limit)
    return stop + 1 if stop >= 0 else limit


def _clean(label: str) -> str:
    """A label without its bullets, numbering, brackets and trailing particles."""
    label = _BULLETS.sub("", label.split("\n", 1)[0])
    label = re.sub(r"^【[^】]*】(?=.)", "", label)  # a tag before the label: 【お知らせ】, 【重要】
    label = label.strip(" 　【】<>〈〉()[]|、,:：。→⇒➡")
    label = re.sub(r"(?:は、?|、)$", "", label)
    return label[:80].strip()


def dedupe(events: list[Deadline]) -> list[Deadline]:
    """One row per (kind, starts_at, ends_at), the first evidence kept; a day-only row
    goes when the same kind closes that same day at a stated time (for a call or a
    sign-up whatever its start: the stated time is that same close)."""
    seen: set[tuple] = set()
    distinct: list[Deadline] = []
    for event in events:
        key = (event.kind, event.starts_at, event.ends_at)
        if key not in seen:
            seen.add(key)
            distinct.append(event)
    return [event for event in distinct if not any(_less_precise(event, other) for other in distinct)]


def _less_precise(event: Deadline, other: Deadline) -> bool:
    if event is other or event.kind != other.kind or not event.ends_at or not other.ends_at:
        return False
    if event.precision != "day" or "T" not in other.ends_at or event.ends_at != other.ends_at[:10]:
        return False
    if event.kind in ENDING_KINDS:
        return True  # '募集期間 9月1日〜9月30日' beside '提出期限 9月30日午後5時': one close, at 17:00
    return event.starts_at is None or event.starts_at == event.ends_at or event.starts_at == (other.starts_at or "")[:10]
