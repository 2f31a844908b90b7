"""PDF -> raw blocks per page with pdfplumber.

Ruled tables come from `find_tables()` (the lines strategy: exact on the ruled tables
government PDFs draw) and become table blocks; the text outside every table's box is
grouped into lines, then into paragraphs, list items and headings, in top-to-bottom
order with the tables placed where they stand. Every block carries its 1-based page.

Lines are joined back into paragraphs where the layout wrapped them: a line that runs
to the right edge continues on the next one, unless the next line starts with a list
mark (・, ①, 1., ※ …). Japanese wrapped lines join without a space, Latin ones with one.
Headings are lines clearly larger than the body text (the most common character
size), their level by size rank.

What real documents add, and what is done about it:
- running headers and page numbers (`- 3 -`, `3 / 10`) in the top and bottom margins
  are dropped: a margin line that is only a page number, or a small line repeated on
  most pages (digits ignored), is not content;
- a paragraph cut by a page break (its last line runs to the right edge without
  closing the sentence, the next page starts with an unindented plain line) is joined
  into one block, which keeps the page it starts on;
- two-column pages (slides): lines split at a gutter that many lines share are read
  column by column, full-width lines (titles, notes) where they stand;
- 均等割り付け (letter-spaced) words, `公 募 要 領`, are written without the spaces;
- tables continued over pages stay one block per page (each with its true page; the
  awards extractor reads a header-less continuation with the previous header);
- pages without any text (scans) are reported: a document with no text at all is a
  `PdfError`, a partly scanned one keeps its text with a warning per empty page;
- only the first `max_pages` pages are read (a warning says so).
"""
from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.model import RawBlock
from pipeline.spacing import unspace

log = logging.getLogger(__name__)

# Lines starting with one of these open a new block; the kind is list_item unless noted.
LIST_MARK = re.compile(
    r"^(?:[・•●○◇◆■□▶▷►➢➤◎★☆]|[\u2460-\u2473\u3251-\u325f]|\d{1,2}[.．](?!\d)|[(（][0-9０-９]{1,2}[)）]|-\s|–\s)"
)
PARAGRAPH_MARK = re.compile(r"^(?:※|注\d*[)）:：]|【|＜|<|\(参考\)|（参考）)")

SENTENCE_ENDS = ("。", "：", ":", "）", ")", "」", "】", ">", "＞")
HEADING_RATIO = 1.1  # a line this much larger than the body text size is a heading
TEXT_OPTIONS = {"x_tolerance_ratio": 0.3, "y_tolerance": 3}
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]")

# Running headers and footers: lines in the top / bottom MARGIN_BAND of the page height.
MARGIN_BAND = 0.1
PAGE_NUMBER = re.compile(
    r"^(?:[-－−–—‐ー]\s*\d{1,4}\s*[-－−–—‐ー]|\d{1,4}\s*[/／]\s*\d{1,4}|[pP]\.?\s*\d{1,4}|"
    r"[(（]\s*\d{1,4}\s*[)）]|\d{1,4}|[-－−–—‐ー]?\s*\d{1,4}\s*/\s*\d{1,4}\s*[-－−–—‐ー]?|"
    r"(?:ページ|頁)\s*\d{1,4}|\d{1,4}\s*(?:ページ|頁))$"
)
REPEATED_SHARE = 0.5  # a margin line on at least this share of pages (and 2+) runs on every page

# Two columns: the gutter is a gap of at least GUTTER_EM character sizes that at least
# COLUMN_MIN_LINES lines share, with text at least COLUMN_MIN_SHARE of the text width on each side.
GUTTER_EM = 2.0
COLUMN_MIN_LINES = 3
COLUMN_MIN_SHARE = 0.3



class PdfError(Exception):
    """The bytes are not a PDF pdfplumber can read, or hold no text at all."""


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    right: float = 0.0  # right edge of the column the line sits in
    column: int = 0  # 0 full width, 1 left, 2 right


@dataclass
class _Group:
    kind: str
    lines: list[Line] = field(default_factory=list)
    level: int | None = None


@dataclass
class _PageLayout:
    """What one page holds, read once: text lines and tables in reading order."""

    number: int
    width: float
    height: float
    items: list[Line | list[list[str]]]  # a table is its rows
    chars: int


def _line_from(raw: dict) -> Line:
    sizes = [c["size"] for c in raw.get("chars", []) if c.get("text", "").strip()]
    size = statistics.median(sizes) if sizes else 0.0
    return Line(unspace(raw["text"].strip()), raw["x0"], raw["x1"], raw["top"], raw["bottom"], round(size * 2) / 2)


def join_wrapped(previous: str, following: str) -> str:
    """Join a line to the one it wrapped onto: no space between Japanese characters."""
    if not previous:
        return following
    if _CJK.match(previous[-1]) or _CJK.match(following[:1] or " "):
        return previous + following
    return previous + " " + following


def _region_lines(page, bbox) -> list[Line]:
    region = page.crop(bbox, strict=False)
    return [_line_from(raw) for raw in region.extract_text_lines(return_chars=True, **TEXT_OPTIONS) if raw["text"].strip()]


def _lines_text(lines: list[Line], right: float | None = None) -> str:
    """Lines of one cell or paragraph: wrapped lines joined, others kept on their own."""
    text = ""
    for i, line in enumerate(lines):
        if i == 0:
            text = line.text
            continue
        prev = lines[i - 1]
        edge = right if right is not None else prev.right
        wrapped = _runs_on(prev, edge) and not LIST_MARK.match(line.text) and not PARAGRAPH_MARK.match(line.text)
        text = join_wrapped(text, line.text) if wrapped else text + "\n" + line.text
    return text


def _runs_on(line: Line, right: float) -> bool:
    """Does the text continue on the next line? Yes when the line reaches the right
    edge, or nearly so without closing a sentence (a Latin word wrapped early)."""
    size = max(line.size, 1)
    if line.x1 >= right - 1.5 * size:
        return True
    return line.x1 >= right - 5 * size and not line.text.endswith(SENTENCE_ENDS)


def _table_rows(page, table) -> list[list[str]]:
    """Cell texts of a found table; merged cells: rowspan repeated, colspan empty."""
    rows: list[list[str]] = []
    texts: dict[tuple, str] = {}
    for cell in table.cells:
        texts[cell] = _lines_text(_region_lines(page, cell), cell[2] - 3)
    for row in table.rows:
        values: list[str] = []
        for c, bbox in enumerate(row.cells):
            if bbox is not None:
                values.append(texts.get(tuple(bbox), ""))
                continue
            values.append(_spanned_value(table, row, c, texts))
        rows.append(values)
    return rows


def _spanned_value(table, row, column: int, texts: dict[tuple, str]) -> str:
    """Value of a grid position covered by a merged cell: repeated when the cell
    starts in a row above (rowspan), empty when it starts to the left (colspan)."""
    xs = sorted({round(c[0], 1) for c in table.cells} | {round(c[2], 1) for c in table.cells})
    if column + 1 >= len(xs):
        return ""
    cx = (xs[column] + xs[column + 1]) / 2
    cy = (row.bbox[1] + row.bbox[3]) / 2
    for cell in table.cells:
        if cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]:
            return texts.get(tuple(cell), "") if cell[1] < row.bbox[1] - 1 else ""
    return ""


# ----------------------------------------------------------------------------- columns


def _segments(raw: dict) -> list[tuple[float, float]]:
    """Horizontal runs of a line's characters, split at gaps of GUTTER_EM sizes or more."""
    chars = sorted((c for c in raw.get("chars", []) if c.get("text", "").strip()), key=lambda c: c["x0"])
    runs: list[tuple[float, float]] = []
    for char in chars:
        gap = GUTTER_EM * max(char.get("size", 10.0), 1.0)
        if runs and char["x0"] - runs[-1][1] < gap:
            runs[-1] = (runs[-1][0], max(runs[-1][1], char["x1"]))
        else:
            runs.append((char["x0"], char["x1"]))
    return runs


def find_gutter(raw_lines: list[dict]) -> float | None:
    """x of the gap between two columns, or None for a one-column page."""
    if len(raw_lines) < COLUMN_MIN_LINES:
        return None
    segments = [_segments(raw) for raw in raw_lines]
    left = min(s[0][0] for s in segments if s)
    right = max(s[-1][1] for s in segments if s)
    width = right - left
    if width <= 0:
        return None
    gaps = [(a[1], b[0]) for runs in segments for a, b in zip(runs, runs[1:], strict=False)]
    best: tuple[int, float] | None = None
    for g0, g1 in gaps:
        x = (g0 + g1) / 2
        if not left + COLUMN_MIN_SHARE * width <= x <= right - COLUMN_MIN_SHARE * width:
            continue
        support = sum(1 for a0, a1 in gaps if a0 <= x <= a1)
        if best is None or support > best[0]:
            best = (support, x)
    if best is None or best[0] < COLUMN_MIN_LINES:
        return None
    x = best[1]
    sides = [[r for r in runs if r[1] <= x] for runs in segments] + [[r for r in runs if r[0] >= x] for runs in segments]
    left_width = max((r[1] for runs in sides[: len(segments)] for r in runs), default=left) - left
    right_width = right - min((r[0] for runs in sides[len(segments):] for r in runs), default=right)
    if min(left_width, right_width) < COLUMN_MIN_SHARE * width:
        return None  # a label column (申請者 | 地方公共団体) is not a text column
    return x


def _column_regions(text_page, raw_lines: list[dict], gutter: float) -> list[tuple[int, tuple[float, float, float, float]]]:
    """Regions in reading order: full-width bands where a line crosses the gutter, and
    between them the left column, then the right one."""
    width, height = text_page.width, text_page.height
    regions: list[tuple[int, tuple[float, float, float, float]]] = []
    band_top = 0.0
    crossing = [raw for raw in raw_lines if any(a < gutter < b for a, b in _segments(raw))]

    def columns(top: float, bottom: float) -> None:
        if bottom > top:
            regions.append((1, (0, top, gutter, bottom)))
            regions.append((2, (gutter, top, width, bottom)))

    for raw in crossing:
        top, bottom = raw["top"] - 0.5, raw["bottom"] + 0.5
        columns(band_top, top)
        regions.append((0, (0, max(top, band_top), width, bottom)))
        band_top = bottom
    columns(band_top, height)
    return regions


# ----------------------------------------------------------------------------- borderless tables

# A table drawn without ruling lines (borders in CSS only, a Word table with borders off):
# cells are runs of characters separated by at least CELL_GAP_EM character sizes, columns
# are x positions where cells start on several lines. A run of lines is taken as a table
# only when it clearly is one (see `_looks_like_table`); otherwise the lines stay text.
CELL_GAP_EM = 0.9
ALIGN_EM = 0.6  # a cell starts at a column when its left edge is this close to it
ROW_GAP_EM = 2.5  # a table's lines follow each other at most this far apart
RESPLIT_GAP_EM = 0.15  # a visible gap (wider than letter spacing) before a column start
HEADER_CELL_MAX = 12  # a header cell is a short label
CELL_SENTENCE = re.compile(r"[。]")
_NUMBER = re.compile(r"^\d{1,4}$")
_AMOUNT = re.compile(r"^[-△▲]?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:千円|円)?$")  # 12,345 / 730 / 1,200千円


@dataclass
class _Cells:
    raw: dict
    runs: list[tuple[float, float, str]]  # x0, x1, text
    size: float


def _number_then_label(previous: dict, char: dict, gap: float, size: float) -> bool:
    """A row number followed, after a visible gap, by a label that is not part of it
    ('64 新潟県' printed as '64新潟県': the number column and a merged 都道府県 cell)."""
    return (previous["text"].isascii() and previous["text"].isdigit() and not char["text"].isascii()
            and gap > RESPLIT_GAP_EM * size)


def _cell_runs(raw: dict) -> _Cells:
    """A line's characters cut at gaps of CELL_GAP_EM sizes or more."""
    chars = sorted((c for c in raw.get("chars", []) if c.get("text", "").strip()), key=lambda c: c["x0"])
    sizes = [c.get("size", 10.0) for c in chars] or [10.0]
    size = max(statistics.median(sizes), 1.0)
    runs: list[list] = []
    for char in chars:
        gap = char["x0"] - runs[-1][1] if runs else 0.0
        if runs and gap < CELL_GAP_EM * size and not _number_then_label(runs[-1][2][-1], char, gap, size):
            runs[-1][1] = max(runs[-1][1], char["x1"])
            runs[-1][2].append(char)
        else:
            runs.append([char["x0"], char["x1"], [char]])
    out = []
    for x0, x1, cs in runs:
        text = "".join(c["text"] for c in cs)
        out.append((x0, x1, unspace(text.strip())))
    return _Cells(raw, out, size)


def _resplit(line: _Cells, starts: list[float]) -> _Cells:
    """The line cut again, also where a character starts at a column after any visible
    gap: a label printed in a merged cell on a row's baseline sits closer to the row's
    number than CELL_GAP_EM ('23宮城県' is No. 23 and the 都道府県 label 宮城県)."""
    chars = sorted((c for c in line.raw.get("chars", []) if c.get("text", "").strip()), key=lambda c: c["x0"])
    tol = ALIGN_EM * line.size
    runs: list[list] = []
    for char in chars:
        gap = char["x0"] - runs[-1][1] if runs else 0.0
        at_column = gap > RESPLIT_GAP_EM * line.size and any(abs(char["x0"] - x) <= tol for x in starts)
        if runs and gap < CELL_GAP_EM * line.size and not at_column:
            runs[-1][1] = max(runs[-1][1], char["x1"])
            runs[-1][2].append(char)
        else:
            runs.append([char["x0"], char["x1"], [char]])
    cells = [(x0, x1, unspace("".join(c["text"] for c in cs).strip())) for x0, x1, cs in runs]
    return _Cells(line.raw, cells, line.size)


def _right_columns(lines: list[_Cells]) -> list[tuple[float, float]]:
    """Right-aligned number columns (amounts flush right): (left, right) of the widest
    and the shared right edge of numbers on at least three lines whose left edges differ."""
    size = statistics.median(line.size for line in lines)
    runs = sorted((x1, x0) for line in lines for x0, x1, text in line.runs if _AMOUNT.match(text))
    clusters: list[list[tuple[float, float]]] = []
    for run in runs:
        if clusters and run[0] - clusters[-1][-1][0] <= ALIGN_EM * size:
            clusters[-1].append(run)
        else:
            clusters.append([run])
    found = []
    for cluster in clusters:
        lefts = [x0 for _, x0 in cluster]
        if len(cluster) >= 3 and max(lefts) - min(lefts) > ALIGN_EM * size:
            found.append((min(lefts), max(x1 for x1, _ in cluster)))
    return found


def _columns(lines: list[_Cells]) -> tuple[list[float], dict[int, float]]:
    """Column starts left to right and, for right-aligned number columns, their right
    edge by column index. Left edges of numbers that end on a right-aligned column are
    not column starts (two amounts of the same width share a left edge by chance)."""
    size = statistics.median(line.size for line in lines)
    rights = _right_columns(lines)

    def in_right(x0: float, x1: float) -> bool:
        return any(abs(x1 - r) <= ALIGN_EM * size and x0 >= left - ALIGN_EM * size for left, r in rights)

    lefts = _column_starts(lines, skip=in_right if rights else None)
    if rights and lefts:  # a group label column whose labels start no two lines on this page
        before = [x0 for line in lines for x0, x1, _ in line.runs if x1 < lefts[0] - ALIGN_EM * size]
        if before:
            lefts.insert(0, min(before))
    columns = sorted([(x, None) for x in lefts if not any(left - ALIGN_EM * size <= x <= r for left, r in rights)]
                     + [(left, r) for left, r in rights])
    return [x for x, _ in columns], {i: r for i, (_, r) in enumerate(columns) if r is not None}


def _column_starts(lines: list[_Cells], skip: Callable[[float, float], bool] | None = None) -> list[float]:
    """Left edges shared by cells of at least two lines, left to right."""
    size = statistics.median(line.size for line in lines)
    starts = sorted(x0 for line in lines for x0, x1, _ in line.runs if skip is None or not skip(x0, x1))
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= ALIGN_EM * size:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def _row_cells(line: _Cells, starts: list[float], rights: dict[int, float] | None = None) -> list[str] | None:
    """Cell texts of a line by column, or None when a cell is off the columns or
    straddles one (ordinary text, not a table row). A right-aligned column (`rights`)
    takes a cell ending at its right edge, or one inside its box (a centred header)."""
    tol = ALIGN_EM * line.size
    rights = rights or {}
    cells = [""] * len(starts)
    for x0, x1, text in line.runs:
        column = None
        for i, start in enumerate(starts):
            if abs(x0 - start) <= tol and i not in rights:
                column = i
        for i, right in rights.items():
            inside = x1 <= right + tol and x1 > starts[i] and (i == 0 or x0 > starts[i - 1] + tol)
            if abs(x1 - right) <= tol or (column is None and inside):
                column = i
        if column is None or cells[column]:
            return None
        if column + 1 < len(starts) and x1 > starts[column + 1]:  # runs past the next column start
            return None
        cells[column] = text
    return cells


def _numbered(rows: list[list[str]]) -> bool:
    """First column 1, 2, 3 … (any start) on at least three rows."""
    values = [row[0] for row in rows if row[0]]
    if len(values) < 3 or not all(_NUMBER.match(v) for v in values):
        return False
    numbers = [int(v) for v in values]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


def _header_like(row: list[str]) -> bool:
    return all(cell and len(cell) <= HEADER_CELL_MAX and not _NUMBER.match(cell)
               and not LIST_MARK.match(cell) and not CELL_SENTENCE.search(cell) for cell in row)


def _looks_like_table(rows: list[list[str]], amounts: set[int] | frozenset[int] = frozenset()) -> bool:
    """At least 3 rows and 2 columns, most rows with as many cells (one may be empty), no sentences in
    the cells, and a header-like first row or a numbered first column (both for 2 columns); with 3
    columns or more, a right-aligned column of amounts filled on every body row also will do."""
    width = len(rows[0]) if rows else 0
    if len(rows) < 3 or width < 2:
        return False
    counts = Counter(sum(1 for cell in row if cell) for row in rows)
    common, share = counts.most_common(1)[0]
    if share < 0.5 * len(rows) or common < max(2, width - 1) or min(counts) < 2:
        return False  # a merged group label may leave one column empty on most rows
    if any(CELL_SENTENCE.search(cell) or len(cell) > 60 for row in rows for cell in row):
        return False
    if any(LIST_MARK.match(row[0]) and not _NUMBER.match(row[0]) for row in rows if row[0]):
        return False  # a bullet list
    header = _header_like(rows[0])
    numbered = _numbered(rows[1:] if header else rows)
    body = rows[1:] if header else rows
    priced = any(all(_AMOUNT.match(row[c]) for row in body) for c in amounts)
    return (header and numbered) if width == 2 else (header or numbered or priced)


def _fill_down(rows: list[list[str]]) -> list[list[str]]:
    """A group label written once for several rows (a merged cell drawn without lines)
    is repeated down its column, as a ruled table's rowspan is; only inside the numbered
    body, and never in the first or last column (rows above the first label stay empty:
    the group began on the previous page)."""
    header = 1 if _header_like(rows[0]) else 0
    body = rows[header:]
    if not _numbered(body):
        return rows
    for c in range(1, len(rows[0]) - 1):
        for r in range(1, len(body)):
            if not body[r][c] and body[r - 1][c]:
                body[r][c] = body[r - 1][c]
    return rows[:header] + body


def find_borderless_tables(raw_lines: list[dict]) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    """Tables drawn without lines among a page's text lines: (bbox, rows) each."""
    lines = [_cell_runs(raw) for raw in sorted(raw_lines, key=lambda r: r["top"])]
    found: list[tuple[tuple[float, float, float, float], list[list[str]]]] = []
    i = 0
    while i < len(lines):
        if len(lines[i].runs) < 2:
            i += 1
            continue
        j = i + 1  # lines close to each other; one-cell lines (a label between rows) too
        while j < len(lines) and lines[j].raw["top"] - lines[j - 1].raw["bottom"] <= ROW_GAP_EM * lines[j].size:
            j += 1
        while j > i and len(lines[j - 1].runs) < 2:
            j -= 1
        run = lines[i:j]
        starts, rights = _columns(run)
        part: list[_Cells] = []
        for line in [*run, None]:  # cut the run where a line does not sit on the columns
            if line is not None and len(starts) >= 2 and _row_cells(line, starts, rights) is None:
                line = _resplit(line, starts)
            if line is not None and len(starts) >= 2 and _row_cells(line, starts, rights) is not None:
                part.append(line)
                continue
            while part and len(part[-1].runs) < 2:
                part.pop()
            while part and len(part[0].runs) < max(2, len(starts) - 1):
                part.pop(0)  # a line above the table (a date at the top right) is no row of it
            table = _table_from(part, starts, rights) if len(part) >= 3 else None
            if table is not None:
                found.append(table)
            part = []
        i = j
    return found


def _table_from(run: list[_Cells], starts: list[float],
                rights: dict[int, float] | None = None) -> tuple[tuple[float, float, float, float], list[list[str]]] | None:
    """The table a run of aligned lines makes, or None when it does not look like one.
    A line holding one cell with the first column empty is a label centred in a merged
    cell (put on the nearest row where that cell is empty) or a wrapped cell's next line."""
    rows: list[list[str]] = []
    centres: list[float] = []
    pending: list[tuple[float, list[str]]] = []
    for line in run:
        cells = _row_cells(line, starts, rights)
        assert cells is not None
        centre = (line.raw["top"] + line.raw["bottom"]) / 2
        if rows and not cells[0] and sum(1 for c in cells if c) == 1 and len(line.runs) == 1:
            pending.append((centre, cells))
            continue
        rows.append(cells)
        centres.append(centre)
    # where each group label stands, in (fractional) row positions, for _spread_labels
    labels: dict[int, list[tuple[float, str]]] = {}
    for r, row in enumerate(rows):
        for c in range(1, len(row) - 1):
            if row[c]:
                labels.setdefault(c, []).append((float(r), row[c]))
    for centre, cells in pending:
        c = next(k for k, v in enumerate(cells) if v)
        order = sorted(range(len(rows)), key=lambda r: (abs(centres[r] - centre), r))
        target = next((r for r in order if not rows[r][c]), None)
        if target is None or abs(centres[target] - centre) > ROW_GAP_EM * 2 * run[0].size:
            above = max((r for r in range(len(rows)) if centres[r] < centre), default=0)
            rows[above][c] = join_wrapped(rows[above][c], cells[c])
        else:
            rows[target][c] = cells[c]
            if 0 < c < len(cells) - 1:
                labels.setdefault(c, []).append((_row_position(centres, centre), cells[c]))
    if not _looks_like_table(rows, amounts=set(rights or ())):
        return None
    bbox = (min(line.raw["x0"] for line in run) - 0.5, run[0].raw["top"] - 0.5,
            max(line.raw["x1"] for line in run) + 0.5, run[-1].raw["bottom"] + 0.5)
    if rights and 0 not in rights:
        rows = _fill_group_column(rows)
    return bbox, _spread_labels(rows, labels)


def _fill_group_column(rows: list[list[str]]) -> list[list[str]]:
    """An unnumbered list of amounts whose first column is a group label (都道府県, written
    on the group's first row only): the label is repeated down, as a ruled rowspan is.
    Rows above the first label stay empty (the group began on the previous page)."""
    header = 1 if _header_like(rows[0]) else 0
    body = rows[header:]
    if _numbered(body) or all(row[0] for row in body) or not any(row[0] for row in body):
        return rows
    for r in range(1, len(body)):
        if not body[r][0] and body[r - 1][0] and all(body[r][1:]):
            body[r][0] = body[r - 1][0]
    return rows[:header] + body


def _row_position(centres: list[float], centre: float) -> float:
    """Where a vertical position falls among row centres, as a fractional row index."""
    for r in range(len(centres) - 1):
        if centres[r] <= centre <= centres[r + 1]:
            return r + (centre - centres[r]) / max(centres[r + 1] - centres[r], 1e-6)
    return 0.0 if centre < centres[0] else float(len(centres) - 1)


def _spread_labels(rows: list[list[str]], labels: dict[int, list[tuple[float, str]]]) -> list[list[str]]:
    """Give every row of a group the label of its merged cell. Drawn without lines, a
    merged cell's label stands at the middle of its rows; groups follow each other, so
    from the first body row on, a label at position p after a group ending at row e
    covers rows e+1 … 2p-(e+1). When the positions do not tile the rows that way (a
    group begun on the previous page, a label off-centre, rows left over after the last
    group), the label is repeated down its column instead (_fill_down)."""
    header = 1 if _header_like(rows[0]) else 0
    if not _numbered(rows[header:]):
        return rows
    tiled: set[int] = set()
    for c, found in labels.items():
        placed = sorted((p - header, text) for p, text in found if p >= header)
        if len(placed) < 2 or len(placed) * 2 > len(rows) - header:
            continue  # a label on most rows is no merged cell
        spans, start = [], 0
        for position, text in placed:
            end = round(2 * position - start)
            if position < start - 0.01 or end < start:
                break
            spans.append((start, min(end, len(rows) - header - 1), text))
            start = end + 1
        else:
            tail = len(rows) - header - start  # rows after the last group: its label is on the next page
            if tail >= max(last - first + 1 for first, last, _ in spans):
                continue  # labels that are not centred in their groups
            for first, last, text in spans:
                for r in range(first, last + 1):
                    rows[header + r][c] = text
            tiled.add(c)
    filled = _fill_down([row[:] for row in rows])
    return [[row[c] if c in tiled else filled[r][c] for c in range(len(row))] for r, row in enumerate(rows)]


# ----------------------------------------------------------------------------- one page


def read_page(page, number: int, sizes: Counter[float]) -> _PageLayout:
    """Lines and tables of one page in reading order; counts character sizes into `sizes`."""
    chars = [c for c in page.chars if c.get("text", "").strip()]
    for char in chars:
        sizes[round(char["size"] * 2) / 2] += 1
    if not chars:
        return _PageLayout(number, page.width, page.height, [], 0)
    tables = [t for t in page.find_tables() if len(t.cells) >= 2]
    boxes = [t.bbox for t in tables]

    def outside(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside)
    raw_lines = [raw for raw in text_page.extract_text_lines(return_chars=True, **TEXT_OPTIONS) if raw["text"].strip()]
    borderless = find_borderless_tables(raw_lines)
    if borderless:
        boxes += [bbox for bbox, _ in borderless]
        text_page = page.filter(outside)
        raw_lines = [raw for raw in text_page.extract_text_lines(return_chars=True, **TEXT_OPTIONS) if raw["text"].strip()]
    found: list[tuple[tuple, Callable[[], list[list[str]]]]] = [
        (t.bbox, lambda t=t: _table_rows(page, t)) for t in tables]
    found += [(bbox, lambda rows=rows: rows) for bbox, rows in borderless]
    gutter = find_gutter(raw_lines)
    if gutter is None:
        lines = [_line_from(raw) for raw in raw_lines]
        right = max((line.x1 for line in lines), default=page.width)
        for line in lines:
            line.right = right
        keyed: list[tuple[tuple, Line | list[list[str]]]] = [((line.top, 0), line) for line in lines]
        keyed += [((bbox[1], 0), rows()) for bbox, rows in found]
    else:
        keyed = []
        for order, (column, bbox) in enumerate(_column_regions(text_page, raw_lines, gutter)):
            lines = _region_lines(text_page, bbox)
            right = max((line.x1 for line in lines), default=bbox[2])
            for line in lines:
                line.right, line.column = right, column
                keyed.append(((order, line.top), line))
            for box, rows in found:
                cx, cy = (box[0] + box[2]) / 2, box[1]
                if bbox[0] <= cx <= bbox[2] and bbox[1] <= cy < bbox[3]:
                    keyed.append(((order, box[1]), rows()))
    keyed.sort(key=lambda item: item[0])
    return _PageLayout(number, page.width, page.height, [item for _, item in keyed], len(chars))


# ----------------------------------------------------------------------------- margins


def _margin_key(line: Line, layout: _PageLayout) -> tuple[str, str] | None:
    """('top'|'bottom', text with digits as '#') for a line in the page's margin band."""
    if line.bottom <= layout.height * MARGIN_BAND:
        band = "top"
    elif line.top >= layout.height * (1 - MARGIN_BAND):
        band = "bottom"
    else:
        return None
    return band, re.sub(r"\d+", "#", line.text.replace(" ", ""))


def drop_running_lines(layouts: list[_PageLayout], body: float) -> None:
    """Remove page numbers and running headers/footers (see the module docstring)."""
    counts: Counter[tuple[str, str]] = Counter()
    for layout in layouts:
        counts.update({key for item in layout.items if isinstance(item, Line) and (key := _margin_key(item, layout))})
    pages_with_text = sum(1 for layout in layouts if layout.items)
    for layout in layouts:
        kept: list[Line | list[list[str]]] = []
        for item in layout.items:
            key = _margin_key(item, layout) if isinstance(item, Line) else None
            if key is not None and isinstance(item, Line):
                if PAGE_NUMBER.match(item.text.strip()):
                    continue
                repeated = counts[key] >= 2 and counts[key] >= REPEATED_SHARE * pages_with_text
                if repeated and item.size <= body:
                    continue
            kept.append(item)
        layout.items = kept


# ----------------------------------------------------------------------------- blocks


@dataclass
class _PageBlocks:
    blocks: list[RawBlock]
    open_end: Line | None  # the page's last line, when it runs on to the next page
    first_line: Line | None  # first line of the page when the page starts with text


def group_page(layout: _PageLayout, levels: dict[float, int], right: float) -> _PageBlocks:
    """Cut a page's lines into heading / paragraph / list_item blocks; tables as they stand."""
    number = layout.number
    blocks: list[RawBlock] = []
    group: _Group | None = None
    prev: Line | None = None

    def flush() -> None:
        nonlocal group
        if group and group.lines:
            if group.kind == "heading":
                text = "\n".join(line.text for line in group.lines)
            else:
                text = _lines_text(group.lines)
            blocks.append(RawBlock(group.kind, text, page=number, level=group.level))  # type: ignore[arg-type]
        group = None

    for item in layout.items:
        if not isinstance(item, Line):
            flush()
            prev = None
            if any(any(cell.strip() for cell in row) for row in item):
                blocks.append(RawBlock("table", page=number, rows=item))
            continue
        line = item
        if line.column == 0:
            line.right = max(line.right, right)
        level = levels.get(line.size)
        kind = "heading" if level else "list_item" if LIST_MARK.match(line.text) else "paragraph"
        new_block = (
            group is None
            or prev is None
            or kind == "list_item"
            or PARAGRAPH_MARK.match(line.text) is not None
            or (group.kind == "heading") != (kind == "heading")
            or line.column != prev.column
            or line.top < prev.top
            or abs(line.size - prev.size) > 0.5
            or line.top - prev.bottom > 0.9 * max(line.size, 1)
            or (kind != "heading" and not _runs_on(prev, prev.right))
        )
        if new_block:
            flush()
            group = _Group(kind, [], level)
        assert group is not None
        group.lines.append(line)
        prev = line
    open_end = prev if (
        group and group.kind != "heading" and prev is not None and prev.column == 0
        and _runs_on(prev, prev.right) and not prev.text.endswith(SENTENCE_ENDS)
    ) else None
    flush()
    first = layout.items[0] if layout.items else None
    return _PageBlocks(blocks, open_end, first if isinstance(first, Line) else None)


def _continues(previous: _PageBlocks, following: _PageBlocks, levels: dict[float, int], left: float) -> bool:
    """Does the next page's first block finish the previous page's last paragraph?"""
    line, last = following.first_line, previous.open_end
    if last is None or line is None or not following.blocks or not previous.blocks:
        return False
    first = following.blocks[0]
    return (
        first.kind == "paragraph"
        and line.size not in levels
        and line.column == 0
        and line.x0 <= left + 0.5 * max(line.size, 1)  # not indented: not a new paragraph
        and abs(line.size - last.size) <= 0.5
    )


def body_size(sizes: Counter[float]) -> float:
    """The most common character size of the document: the body text size."""
    return sizes.most_common(1)[0][0] if sizes else 10.0


def heading_levels(sizes: Counter[float], body: float) -> dict[float, int]:
    """Heading sizes (clearly above the body size) ranked largest first -> level."""
    big = sorted((s for s in sizes if s >= body * HEADING_RATIO), reverse=True)
    return {size: min(rank + 1, 6) for rank, size in enumerate(big)}


def _rights(layouts: list[_PageLayout]) -> dict[float, float]:
    """Right text edge per page width: the median of the pages' widest full-width lines,
    so a page of short lines (a contact list) is not read as all wrapped."""
    edges: dict[float, list[float]] = {}
    for layout in layouts:
        lines = [i for i in layout.items if isinstance(i, Line) and i.column == 0]
        if len(lines) >= 3:
            edges.setdefault(round(layout.width), []).append(max(line.x1 for line in lines))
    return {width: statistics.median(values) for width, values in edges.items()}


def assemble(layouts: list[_PageLayout], sizes: Counter[float]) -> list[RawBlock]:
    """Blocks of every page, running lines dropped and page-cut paragraphs joined."""
    body = body_size(sizes)
    levels = heading_levels(sizes, body)
    drop_running_lines(layouts, body)
    rights = _rights(layouts)
    lefts = [i.x0 for layout in layouts for i in layout.items if isinstance(i, Line) and i.column == 0]
    left = statistics.median_low(sorted(lefts)[: max(1, len(lefts) // 10)]) if lefts else 0.0
    pages = [group_page(layout, levels, rights.get(round(layout.width), 0.0)) for layout in layouts]
    blocks: list[RawBlock] = []
    for i, page in enumerate(pages):
        page_blocks = list(page.blocks)
        if i and blocks and _continues(pages[i - 1], page, levels, left):
            first = page_blocks.pop(0)
            blocks[-1].text = join_wrapped(blocks[-1].text, first.text)
        blocks.extend(page_blocks)
    return blocks


def pdf_blocks(body: bytes, *, max_pages: int | None = None,
               warn: Callable[[str], None] = log.warning) -> tuple[list[RawBlock], dict[str, str]]:
    """Raw blocks of the first `max_pages` pages and the PDF's metadata (Title, Author …).
    Problems that lose text (pages cut, pages without text) are passed to `warn`."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(body))
    except Exception as exc:  # pdfminer raises many types for broken files
        raise PdfError(_open_error(exc)) from exc
    try:
        with pdf:
            pages = pdf.pages
            if not pages:
                raise PdfError("PDF has no pages")
            total = len(pages)
            if max_pages is not None and total > max_pages:
                warn(f"PDF has {total} pages; only the first {max_pages} are read (max_pdf_pages)")
                pages = pages[:max_pages]
            sizes: Counter[float] = Counter()
            layouts: list[_PageLayout] = []
            for number, page in enumerate(pages, start=1):
                layouts.append(read_page(page, number, sizes))
                page.close()  # free the page's parsed objects: memory stays flat on long files
            metadata = {str(k): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, bytes))}
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(f"PDF could not be read ({type(exc).__name__}: {exc})") from exc
    empty = [layout.number for layout in layouts if not layout.chars]
    if len(empty) == len(layouts):
        raise PdfError(f"PDF has no text layer ({len(layouts)} page(s) of images only, scanned?); OCR is not done")
    if empty:
        warn(f"PDF page(s) {_ranges(empty)} have no text (scanned images?); their content is missing")
    return assemble(layouts, sizes), metadata


def _open_error(exc: BaseException) -> str:
    """Why pdfplumber could not open the bytes; pdfminer's own error is often wrapped."""
    causes = [exc, *(a for a in exc.args if isinstance(a, BaseException)), exc.__cause__, exc.__context__]
    names = [type(c).__name__ for c in causes if c is not None]
    if any("Password" in n or "Encrypt" in n for n in names):
        return f"PDF is encrypted and needs a password to open ({', '.join(names[1:]) or names[0]})"
    return f"not a readable PDF ({type(exc).__name__}: {exc})"


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> '1-3, 7'."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


_JUNK_TITLE = re.compile(r"^(?:Microsoft (?:Word|PowerPoint|Excel) - |無題|untitled|PowerPoint プレゼンテーション$)|\.(?:docx?|pptx?|xlsx?|pdf|jtd)$", re.I)


def pdf_title(metadata: dict[str, str], blocks: list[RawBlock]) -> str | None:
    """The metadata Title unless it is an authoring tool's placeholder, else the
    first heading's first line."""
    title = (metadata.get("Title") or "").strip()
    if title and not _JUNK_TITLE.search(title):
        return title
    for block in blocks:
        if block.kind == "heading" and block.text.strip():
            return block.text.strip().split("\n")[0]
    return None
