"""PDF -> raw blocks per page with pdfplumber.

Ruled tables come from `find_tables()` (the lines strategy: exact on the ruled tables
government PDFs draw) and become table blocks; the text outside every table's box is
grouped into lines, then into paragraphs, list items and headings, in top-to-bottom
order with the tables placed where they stand. Every block carries its 1-based page.

Lines are joined back into paragraphs where the layout wrapped them: a line that runs
to the right edge continues on the next one, unless the next line starts with a list
mark (・, ①, 1., ※ …). Japanese wrapped lines join without a space, Latin ones with one.
Headings are lines clearly larger than the body text (the most common character
size), their level by size rank. Paragraphs do not continue across pages.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from extractors.model import RawBlock

# Lines starting with one of these open a new block; the kind is list_item unless noted.
LIST_MARK = re.compile(
    r"^(?:[・•●○◇◆■□▶▷►➢➤◎★☆]|[\u2460-\u2473\u3251-\u325f]|\d{1,2}[.．](?!\d)|[(（][0-9０-９]{1,2}[)）]|-\s|–\s)"
)
PARAGRAPH_MARK = re.compile(r"^(?:※|注\d*[)）:：]|【|＜|<|\(参考\)|（参考）)")

SENTENCE_ENDS = ("。", "：", ":", "）", ")", "」", "】", ">", "＞")
HEADING_RATIO = 1.1  # a line this much larger than the body size is a heading
TEXT_OPTIONS = {"x_tolerance_ratio": 0.3, "y_tolerance": 3}
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]")


class PdfError(Exception):
    """The bytes are not a PDF pdfplumber can read."""


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class _Group:
    kind: str
    lines: list[Line] = field(default_factory=list)
    level: int | None = None


def _line_from(raw: dict) -> Line:
    sizes = [c["size"] for c in raw.get("chars", []) if c.get("text", "").strip()]
    size = statistics.median(sizes) if sizes else 0.0
    return Line(raw["text"].strip(), raw["x0"], raw["x1"], raw["top"], raw["bottom"], round(size * 2) / 2)


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


def _lines_text(lines: list[Line], right: float) -> str:
    """Lines of one cell or paragraph: wrapped lines joined, others kept on their own."""
    text = ""
    for i, line in enumerate(lines):
        if i == 0:
            text = line.text
            continue
        prev = lines[i - 1]
        wrapped = _runs_on(prev, right) and not LIST_MARK.match(line.text) and not PARAGRAPH_MARK.match(line.text)
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


def body_size(pages) -> float:
    """The most common character size of the document: the body text size."""
    counts: Counter[float] = Counter()
    for page in pages:
        for char in page.chars:
            if char.get("text", "").strip():
                counts[round(char["size"] * 2) / 2] += 1
    return counts.most_common(1)[0][0] if counts else 10.0


def heading_levels(pages, body: float) -> dict[float, int]:
    """Heading sizes (clearly above the body size) ranked largest first -> level."""
    sizes = {round(c["size"] * 2) / 2 for page in pages for c in page.chars if c.get("text", "").strip()}
    big = sorted((s for s in sizes if s >= body * HEADING_RATIO), reverse=True)
    return {size: min(rank + 1, 6) for rank, size in enumerate(big)}


def _page_blocks(page, number: int, levels: dict[float, int]) -> list[RawBlock]:
    tables = [t for t in page.find_tables() if len(t.cells) >= 2]
    boxes = [t.bbox for t in tables]

    def outside(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside)
    lines = [_line_from(raw) for raw in text_page.extract_text_lines(return_chars=True, **TEXT_OPTIONS) if raw["text"].strip()]
    right = max((line.x1 for line in lines), default=page.width)
    items: list[tuple[float, object]] = [(line.top, line) for line in lines]
    items += [(t.bbox[1], t) for t in tables]
    items.sort(key=lambda item: item[0])

    blocks: list[RawBlock] = []
    group: _Group | None = None
    prev: Line | None = None

    def flush() -> None:
        nonlocal group
        if group and group.lines:
            if group.kind == "heading":
                text = "\n".join(line.text for line in group.lines)
            else:
                text = _lines_text(group.lines, right)
            blocks.append(RawBlock(group.kind, text, page=number, level=group.level))  # type: ignore[arg-type]
        group = None

    for _, item in items:
        if not isinstance(item, Line):
            flush()
            prev = None
            rows = _table_rows(page, item)
            if any(any(cell.strip() for cell in row) for row in rows):
                blocks.append(RawBlock("table", page=number, rows=rows))
            continue
        line = item
        level = levels.get(line.size)
        kind = "heading" if level else "list_item" if LIST_MARK.match(line.text) else "paragraph"
        new_block = (
            group is None
            or prev is None
            or kind == "list_item"
            or PARAGRAPH_MARK.match(line.text) is not None
            or (group.kind == "heading") != (kind == "heading")
            or abs(line.size - prev.size) > 0.5
            or line.top - prev.bottom > 0.9 * max(line.size, 1)
            or (kind != "heading" and not _runs_on(prev, right))
        )
        if new_block:
            flush()
            group = _Group(kind, [], level)
        assert group is not None
        group.lines.append(line)
        prev = line
    flush()
    return blocks


def pdf_blocks(body: bytes) -> tuple[list[RawBlock], dict[str, str]]:
    """Raw blocks of every page and the PDF's metadata (Title, Author …)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(body))
    except Exception as exc:  # pdfminer raises many types for broken files
        raise PdfError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    try:
        with pdf:
            pages = pdf.pages
            if not pages:
                raise PdfError("PDF has no pages")
            body_pt = body_size(pages)
            levels = heading_levels(pages, body_pt)
            blocks: list[RawBlock] = []
            for number, page in enumerate(pages, start=1):
                blocks.extend(_page_blocks(page, number, levels))
            metadata = {str(k): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, bytes))}
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(f"PDF could not be read ({type(exc).__name__}: {exc})") from exc
    return blocks, metadata


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
