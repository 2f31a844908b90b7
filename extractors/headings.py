"""Numbered headings and list markers as Japanese government documents write them,
and the outline (section tree) they imply.

Pages and PDFs number their sections in many written forms: 1. / 1 / (1) / (1)2. /
1-1 / ① / 一、 / ア / (ア) / A. / Ⅰ (NFKC: I) / 第1 / 第1章 / 【条件1】 / 〔問合せ先〕 /
<支援対象> / ■ / ◆ 見出し / ・ / ◇ / ※1 / 注).
`parse_marker` recognises the marker at the start of one normalised line;
`outline` turns a `Document` into a tree of `Node`s: each numbered or labelled line
(or HTML heading block) opens a section that runs until the next node at the same or
a shallower depth. The depth of a marker style is not fixed: as in legal drafting,
the first time a style appears it nests under the current section, and a style seen
before closes the sections opened since (unless its numbering restarts at 1, which
opens a new nested list: '2. 応募要項 / (2) 応募要件 / 1. … 11.').

Notes (※, 注) are not sections: they belong to the item they follow.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.model import Document

# Marker families: how a style takes part in the outline.
NUMBER = "number"  # (1) 1. 1 1-1 ① 一 ア A Ⅰ 第1
LABEL = "label"  # 【…】 〔…〕 <…> and bare label lines (対象, 実施主体 …), 'label:' lines
SQUARE = "square"  # ■ □ lines, and ◆ on a short line
BULLET = "bullet"  # ・ - ◇ ○ ● ▶ …
NOTE = "note"  # ※ ※1 注) (注)
INLINE = "inline"  # style of 'label: value' lines: they hold bullets, not sections

_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)} | {chr(0x3251 + i): 21 + i for i in range(15)}
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ROMAN = {r: i + 1 for i, r in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"))}
_IROHA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"


def kanji_number(text: str) -> int | None:
    """'十一' -> 11, '二' -> 2, '二十' -> 20 (up to 99); None if not a kanji numeral."""
    if not text or any(ch not in _KANJI_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in text)) if len(text) <= 2 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)


def ordinal_of(label: str) -> int | None:
    """The number a label carries: '条件1' -> 1, '類型②' -> 2, '第三' -> 3."""
    m = re.search(r"(\d+)\D*$", label)
    if m:
        return int(m.group(1))
    for ch in reversed(label):
        if ch in _CIRCLED:
            return _CIRCLED[ch]
    m = re.search(r"([一二三四五六七八九十]+)", label)
    return kanji_number(m.group(1)) if m else None


@dataclass(frozen=True)
class Marker:
    """A marker at the start of a line. `style` distinguishes written forms that
    nest differently ('paren_num' for (1), 'num_dot' for 1. …); `rest` is where the
    text after the marker starts in the line."""

    family: str
    style: str
    ordinal: int | None
    label: str
    rest: int
    sub: int | None = None  # the 2 of '(1)2.' or of '1-2': a numbered item within 1


# (style, family, pattern) tried in order; group 'n' is the number, 'label' a label.
# Patterns run on a normalised line (NFKC: （１） -> (1), ＜ -> <, ． -> .).
_NUM = r"(?P<n>\d{1,2})"
MARKER_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    ("paren_num", NUMBER, re.compile(rf"^\({_NUM}\)\s*(?:(?P<sub>\d{{1,2}})\.(?!\d)\s*)?")),  # (1) and (1)2.
    ("num_paren", NUMBER, re.compile(rf"^{_NUM}\)\s*")),  # 1)
    ("num_hyphen", NUMBER, re.compile(r"^(?P<n>\d{1,2})-(?P<sub>\d{1,2})(?:\.(?!\d))?\s+")),  # 1-1 見出し
    ("num_dot", NUMBER, re.compile(rf"^{_NUM}\.(?!\d)\s*")),  # 1. / 1.見出し
    ("dai", NUMBER, re.compile(r"^第(?P<n>\d{1,2}|[一二三四五六七八九十]+)(?:章|節|条)?(?:\s+|[.、](?=\S))")),
    ("circled", NUMBER, re.compile(r"^(?P<c>[\u2460-\u2473\u3251-\u325f])\s*")),
    ("paren_kanji", NUMBER, re.compile(r"^\((?P<k>[一二三四五六七八九十]+)\)\s*")),
    ("kanji", NUMBER, re.compile(r"^(?P<k>[一二三四五六七八九十]{1,3})(?:、|\.|\s+)(?=\S)")),
    ("paren_kana", NUMBER, re.compile(rf"^\((?P<a>[{_IROHA}])\)\s*")),
    ("kana", NUMBER, re.compile(rf"^(?P<a>[{_IROHA}])(?:\.|\)|\s+)(?=\S)")),
    ("roman", NUMBER, re.compile(r"^(?P<r>I{1,3}|IV|VI{0,3}|IX|X)(?:\.\s*|\s+(?=[^\x00-\x7f]))")),  # Ⅰ Ⅱ (NFKC: I II)
    ("paren_alpha", NUMBER, re.compile(r"^\((?P<a>[A-Za-z])\)\s*")),
    ("alpha", NUMBER, re.compile(r"^(?P<a>[A-Z])(?:\.\s*|\)\s*|\s+(?=[^\x00-\x7f]))")),
    ("bracket", LABEL, re.compile(r"^【(?P<label>[^】]{1,30})】\s*")),
    ("tortoise", LABEL, re.compile(r"^〔(?P<label>[^〕]{1,30})〕\s*")),  # 〔問合せ先〕
    ("diamond", SQUARE, re.compile(r"^◆\s*(?=[^。]{1,30}$)")),  # ◆ on a short line heads a section
    ("angle", LABEL, re.compile(r"^[<〈《≪](?P<label>[^>〉》≫]{1,30})[>〉》≫]\s*")),
    ("square", SQUARE, re.compile(r"^[■□]\s*")),
    ("note", NOTE, re.compile(r"^(?:※\s*(?P<n>\d{1,2})?|\(注(?P<n2>\d{0,2})\)|注(?P<n3>\d{0,2})[)):])\s*")),
    ("bullet", BULLET, re.compile(r"^(?P<b>(?:[・･◇◆○●◎▶▷►▸➢•\-*]\s*)+)(?=\S)")),
]


def parse_marker(line: str) -> Marker | None:
    """The marker that starts `line`, or None. A bare '1 ' (digit, space) only counts
    on short heading-like lines ('1 概要'), not on '2 (2) に記載する要件を…。'."""
    for style, family, pattern in MARKER_PATTERNS:
        m = pattern.match(line)
        if not m or m.end() >= len(line) and family not in (LABEL, SQUARE):
            continue
        groups = m.groupdict()
        label = m.group(0).strip()
        number = groups.get("n") or groups.get("n2") or groups.get("n3")
        ordinal: int | None = None
        if number:
            ordinal = int(number) if number.isdigit() else kanji_number(number)
        elif groups.get("c"):
            ordinal = _CIRCLED[groups["c"]]
        elif groups.get("r"):
            ordinal = _ROMAN[groups["r"]]
        elif groups.get("k"):
            ordinal = kanji_number(groups["k"])
        elif groups.get("a"):
            ch = groups["a"]
            ordinal = _IROHA.index(ch) + 1 if ch in _IROHA else ord(ch.upper()) - ord("A") + 1
        elif groups.get("label"):
            label = groups["label"].strip()
            ordinal = ordinal_of(label)
        elif groups.get("b"):
            label = groups["b"].replace(" ", "")
            style = "bullet" + label[-1]
        sub = int(groups["sub"]) if groups.get("sub") else None
        return Marker(family, style, ordinal, label, m.end(), sub)
    m = re.match(r"^(?P<n>\d{1,2})\s+(?=\S)", line)
    if m:
        rest = line[m.end():]
        if len(rest) <= 30 and "。" not in rest and not rest.startswith(("(", "年", "月", "日")):
            return Marker(NUMBER, "num_space", int(m.group("n")), m.group("n"), m.end())
    return None


# ------------------------------------------------------------------ label lines

# 'label: value' lines: a short label before a colon opens a labelled section.
_INLINE_LABEL_RE = re.compile(r"^(?P<label>[^:。、\s]{2,12})\s*:\s*(?=\S)")


def inline_label(line: str) -> tuple[str, int] | None:
    """('申請者', offset of the value) for '申請者:都道府県…'; None otherwise."""
    m = _INLINE_LABEL_RE.match(line)
    return (m.group("label"), m.end()) if m else None


# ------------------------------------------------------------------ outline


@dataclass
class Node:
    """A section of the outline: a heading block, a numbered/labelled line, or a
    bullet. `title` is the line without its marker; `start`/`end` the section's span in
    `Document.text` (from its line to the next node at the same or a shallower depth);
    `head_end` the end of its own line; `body` the (start, end) lines it holds before
    its first child (continuations and notes)."""

    family: str
    style: str
    ordinal: int | None
    label: str
    title: str
    start: int
    title_start: int
    head_end: int
    end: int = 0
    depth: int = 0
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    body: list[tuple[int, int]] = field(default_factory=list)
    block_kind: str = "paragraph"
    level: int | None = None
    sub: int | None = None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass
class Line:
    start: int
    end: int
    text: str
    block_kind: str
    level: int | None
    block_index: int


def lines(doc: Document) -> list[Line]:
    """Every non-empty line of the document's non-table blocks, with offsets. A heading
    block is one line even when it wraps ('地域DXに向けた…\n地方公共団体等の二次公募…')."""
    out: list[Line] = []
    for index, block in enumerate(doc.blocks):
        if block.kind == "table":
            continue
        if block.kind == "heading":
            out.append(Line(block.start, block.end, block.text, block.kind, block.level, index))
            continue
        offset = block.start
        for piece in block.text.split("\n"):
            if piece.strip():
                out.append(Line(offset, offset + len(piece), piece, block.kind, block.level, index))
            offset += len(piece) + 1
    return out


def _matches(entry: Node, node: Node, strict: bool = False) -> bool:
    """Does `node` continue the list `entry` belongs to? Same style, and numbering that
    goes on: 2 after 1 (a skipped number is tolerated), (1)3. after (1)2., a repeated
    (2) after (2) (not when `strict`: a list going on is looked for first). A '1' after
    a '1' restarts: it opens a nested list."""
    if entry.family != node.family or entry.style != node.style:
        return False
    if node.ordinal is None or entry.ordinal is None:
        return True
    if node.ordinal == entry.ordinal:
        if node.sub is not None and entry.sub is not None:
            return node.sub > entry.sub
        return not strict and node.ordinal != 1
    return entry.ordinal < node.ordinal <= entry.ordinal + 2


def outline(doc: Document, classify) -> list[Node]:
    """The section tree of `doc` as a flat list in document order (each node knows its
    parent and children). `classify(line) -> Node | None` decides which lines open a
    section (the caller knows its vocabularies); other lines join the current node's body.
    Heading blocks nest by their level; within a heading, markers nest by first use."""
    nodes: list[Node] = []
    stack: list[Node] = []
    for line in lines(doc):
        node = classify(line)
        if node is None:
            if stack:
                stack[-1].body.append((line.start, line.end))
            continue
        if node.family == "heading":
            while stack and not (stack[-1].family == "heading" and (stack[-1].level or 0) < (node.level or 0)):
                stack.pop()
        else:
            while node.family != BULLET and stack and (
                stack[-1].family == BULLET or (stack[-1].style == INLINE and node.style != INLINE)
            ):
                stack.pop()  # bullets and 'label: value' lines hold text and bullets, not sections
            depth_limit = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].family == "heading"), -1)
            scope = range(len(stack) - 1, depth_limit, -1)
            match = next((i for i in scope if _matches(stack[i], node, strict=True)), None)
            if match is None:
                match = next((i for i in scope if _matches(stack[i], node)), None)
            if match is not None:
                del stack[match:]
        node.parent = stack[-1] if stack else None
        node.depth = len(stack)
        if node.parent is not None:
            node.parent.children.append(node)
        stack.append(node)
        nodes.append(node)
    _close_spans(nodes, len(doc.text))
    return nodes


def _close_spans(nodes: list[Node], text_end: int) -> None:
    """A section ends where the next node at the same or a shallower depth starts."""
    open_nodes: list[Node] = []
    for node in nodes:
        while open_nodes and open_nodes[-1].depth >= node.depth:
            closed = open_nodes.pop()
            closed.end = max(closed.head_end, node.start - 1)
        open_nodes.append(node)
    for node in open_nodes:
        node.end = text_end
