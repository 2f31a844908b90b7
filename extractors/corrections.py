"""Where a document states a value only to correct it: the 誤 (wrong) / 訂正前 (before
correction) / 変更前 / 旧 side of a corrigendum. An address or number there is nobody's
contact any more; the 正 / 訂正後 / 変更後 / 新 side is.

Three written forms: a table with 誤 | 正 columns (a header row holding both labels), a
table with rows headed 誤 / 正, and running text, where a bracketed or colon label
((誤) 電話:… → (正) 電話:…, 【訂正前】 on a line of its own) governs what follows it
until the matching new label.
"""
from __future__ import annotations

import re

from extractors.model import Block, Document

# The one vocabulary of corrigenda, read by contacts (through superseded_spans) and by
# deadlines (vocab_deadlines.VERSION_WORDS). A value under or after an "old" label is
# replaced by the one under the matching "new" label: 誤 / 正 (wrong / right), 訂正前 /
# 訂正後 (before / after correction), 変更前 / 変更後 (change), 修正前 / 修正後, 改正前 /
# 改正後, 旧 / 新 (old / new), 当初 (original).
OLD_VALUE_LABELS: tuple[str, ...] = ("誤", "訂正前", "変更前", "修正前", "改正前", "旧", "当初")
NEW_VALUE_LABELS: tuple[str, ...] = ("正", "訂正後", "変更後", "修正後", "改正後", "新")

_OPEN = r"[(\[【〈《<〔]"
_CLOSE = r"[)\]】〉》>〕]"


def _alternation(labels: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))


_OLD, _NEW = _alternation(OLD_VALUE_LABELS), _alternation(NEW_VALUE_LABELS)
# A cell or line that is only a label: 誤 / 【訂正前】 / (旧): …
_ONLY_RE = re.compile(rf"^\s*{_OPEN}?\s*(?:(?P<old>{_OLD})|(?P<new>{_NEW}))\s*{_CLOSE}?\s*:?\s*$")
# A label inside running text: bracketed ((誤) 【正】) or followed by a colon (訂正前:).
_INLINE_RE = re.compile(
    rf"{_OPEN}\s*(?:(?P<old>{_OLD})|(?P<new>{_NEW}))\s*{_CLOSE}"
    rf"|(?<![\u3400-\u9fff])(?:(?P<old2>{_OLD})|(?P<new2>{_NEW}))\s*:"
)
MAX_LINES_UNDER_LABEL = 8  # lines a label standing alone may govern


def _label(text: str) -> str | None:
    m = _ONLY_RE.match(text)
    if not m:
        return None
    return "old" if m.group("old") else "new"


def _table_spans(block: Block) -> list[tuple[int, int]]:
    rows = block.rows or []
    spans: list[tuple[int, int]] = []
    for r, row in enumerate(rows):
        labels = [_label(cell.text) for cell in row]
        if "old" in labels and "new" in labels:  # a header row: 項目 | 誤 | 正
            old_columns = [c for c, lab in enumerate(labels) if lab == "old"]
            spans.extend((below[c].start, below[c].end) for below in rows[r + 1 :] for c in old_columns if c < len(below))
    firsts = [_label(row[0].text) if row else None for row in rows]
    if "old" in firsts and "new" in firsts:  # rows headed 誤 / 正
        spans.extend((row[1].start, row[-1].end) for row, lab in zip(rows, firsts, strict=True) if lab == "old" and len(row) > 1)
    return spans


def _text_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    offset = 0
    governed_until = -1  # index of the last line an alone-standing old label covers
    lines = text.split("\n")
    for i, line in enumerate(lines):
        alone = _label(line)
        if alone == "old":
            governed_until = i + MAX_LINES_UNDER_LABEL
        elif alone == "new":
            governed_until = -1
        elif i <= governed_until:
            spans.append((offset, offset + len(line)))
        else:
            marks = list(_INLINE_RE.finditer(line))
            for k, m in enumerate(marks):
                if m.group("old") or m.group("old2"):
                    end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
                    spans.append((offset + m.end(), offset + end))
        offset += len(line) + 1
    return spans


def superseded_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) ranges of `doc.text` holding values a corrigendum replaces."""
    spans = [s for b in doc.blocks if b.kind == "table" for s in _table_spans(b)]
    return sorted(spans + _text_spans(doc.text))


def is_superseded(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)
