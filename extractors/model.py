"""The document model every extractor reads, and the facts they return.

A `Document` is the decoded, normalised text of one capture plus its blocks
(heading, paragraph, list item, table). Offsets are character offsets into
`Document.text`, which is exactly what the database stores in `documents.text`,
so `text[char_start:char_end] == quote` holds for every fact.

This module does no I/O: extractors stay pure functions `Document -> list[Fact]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table"]


@dataclass(frozen=True)
class Cell:
    """One table cell: its text and where it sits in `Document.text`."""

    text: str
    start: int
    end: int


@dataclass
class Block:
    """A unit of reading order. For tables `text` is the rows joined by '\\n' and
    the cells of a row by ' | '; `rows` holds the cells with their own offsets."""

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    level: int | None = None  # heading level (1 = h1 …), None otherwise
    rows: list[list[Cell]] | None = None


@dataclass
class Document:
    """Decoded text of one capture, in reading order, with its blocks."""

    url: str
    kind: Literal["html", "pdf"]
    text: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    fetched_at: str | None = None
    encoding: str | None = None  # codec the bytes were decoded with (HTML); None for PDF

    def page_at(self, offset: int) -> int | None:
        """Page (PDF) of the block holding `offset`; None for HTML."""
        for block in self.blocks:
            if block.start <= offset < block.end or (offset == block.end == block.start):
                return block.page
        return self.blocks[-1].page if self.blocks and offset >= self.blocks[-1].start else None

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the span `text[start:end]` of this document."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside document of length {len(self.text)}")
        return Evidence(page=self.page_at(start), char_start=start, char_end=end, quote=self.text[start:end])


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: `quote == document.text[char_start:char_end]`."""

    page: int | None
    char_start: int
    char_end: int
    quote: str


@dataclass
class Deadline:
    kind: str  # application_period | briefing | briefing_registration | selection_announcement | support_period | report | other
    label: str | None
    starts_at: str | None
    ends_at: str | None
    precision: str  # minute | hour | day | dekad | month | fiscal_year
    approximate: bool
    evidence: Evidence
    weekday_mismatch: bool = False


@dataclass
class Contact:
    role: str  # secretariat | ministry_division | submission | inquiry | other
    organization: str | None
    department: str | None
    persons: str | None
    phone: str | None
    email: str | None
    address: str | None
    evidence: Evidence
    phone_label: str | None = None  # 直通 (direct), 代表 (switchboard) …


@dataclass
class Requirement:
    kind: str  # eligible_applicant | exclusion | condition | budget | other
    ordinal: int | None
    text: str
    evidence: Evidence
    applicant_types: list[str] = field(default_factory=list)
    group_label: str | None = None  # e.g. 【条件1】 or 類型①


@dataclass
class Award:
    fiscal_year: int | None
    category: str | None
    prefecture: str | None
    body_name: str
    evidence: Evidence
    lg_code: str | None = None
    group_label: str | None = None  # shared by the bodies of one consortium
    partner: str | None = None


@dataclass
class Program:
    """A programme or call found in a document. `key` is its normalised name;
    `span` is the (start, end) of the section it governs, used to link facts."""

    key: str
    name: str
    parent_key: str | None
    ministry: str | None
    fiscal_year: int | None
    evidence: Evidence
    span: tuple[int, int]
    round: str | None = None  # 一次 / 二次 … (first / second call)
    budget_yen: int | None = None
    cap_yen: int | None = None
    subsidy_rate: str | None = None


@dataclass
class RawBlock:
    """A block as a decoder found it, before normalisation and offsets.
    Tables give `rows` (cells as raw strings) and leave `text` empty."""

    kind: BlockKind
    text: str = ""
    page: int | None = None
    level: int | None = None
    rows: list[list[str]] | None = None


CELL_SEPARATOR = " | "


def build_document(
    url: str,
    kind: Literal["html", "pdf"],
    raw_blocks: list[RawBlock],
    *,
    title: str | None = None,
    publisher: str | None = None,
    fetched_at: str | None = None,
) -> Document:
    """Normalise raw blocks and lay them out into one text, blocks separated by
    '\\n', recording each block's (and each table cell's) offsets. Empty blocks vanish."""
    from extractors.normalize import normalize  # local: normalize imports nothing from here

    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for raw in raw_blocks:
        if raw.kind == "table":
            rows: list[list[Cell]] = []
            pieces: list[str] = []
            cursor = offset
            for raw_row in raw.rows or []:
                cells = [normalize(c or "") for c in raw_row]
                if not any(cells):
                    continue
                row: list[Cell] = []
                for i, cell in enumerate(cells):
                    if i:
                        pieces.append(CELL_SEPARATOR)
                        cursor += len(CELL_SEPARATOR)
                    row.append(Cell(cell, cursor, cursor + len(cell)))
                    pieces.append(cell)
                    cursor += len(cell)
                pieces.append("\n")
                cursor += 1
                rows.append(row)
            if not rows:
                continue
            text = "".join(pieces)[:-1]
            block = Block("table", text, offset, offset + len(text), raw.page, None, rows)
        else:
            text = normalize(raw.text)
            if not text:
                continue
            block = Block(raw.kind, text, offset, offset + len(text), raw.page, raw.level)
        blocks.append(block)
        parts.append(block.text)
        offset = block.end + 1
    return Document(
        url=url,
        kind=kind,
        text="\n".join(parts),
        blocks=blocks,
        title=normalize(title) if title else None,
        publisher=publisher,
        fetched_at=fetched_at,
    )


def document_from_text(text: str, url: str = "https://example.go.jp/test.html", kind: Literal["html", "pdf"] = "html") -> Document:
    """A document of one paragraph block per line: for tests and quick experiments."""
    return build_document(url, kind, [RawBlock("paragraph", line) for line in text.split("\n")])
