"""What a body must satisfy to apply: eligible applicants, exclusions, numbered
conditions, budget terms, as one row each.

Requirements live in sections the document labels: '2 募集対象' (who may apply),
'<支援対象>', '・対象', '実施主体', '申請者:都道府県', '(2)応募要件' with items 1.–11.,
'■ 応募要件(類型①)' with '基礎条件:…' and '【条件1】' + bullets, '・全体予算' / '・事業規模',
'留意点'. The section label gives the kind (vocab_programs.REQUIREMENT_LABELS); each
numbered or bulleted item under it is one row, its notes (※1, ※2) and the lines it
continues on ('…場合があ' / 'ります。' across a page break) kept with it. Under an
applicant label, a note that carves out bodies (※ 財政力指数が1以上の…は対象外) is
its own `exclusion` row. Labels about a briefing session (説明会の対象者) are not
requirements.

`group_label` says where a row belongs: the category it sits under and its section
('類型① 【条件1】', '応募要件'); `applicant_types` the normalised kinds of body an
applicant row names (都道府県, 市区町村, 地方公共団体, 一部事務組合・広域連合,
企業・団体, 非営利法人, 地方公共団体が出資する法人, 大学・研究機関). A 町 (town) may
apply where a row names 市区町村 or 地方公共団体.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import vocab_programs as vocab
from extractors.headings import BULLET, LABEL, NOTE, NUMBER, Node, parse_marker
from extractors.model import Document, Requirement
from extractors.programs import HEADING, PLAIN, document_outline
from extractors.sudachi import tokens

VERSION = "3"

# A line that ends an item: after it, unmarked text is a new paragraph, not a continuation.
_END_OF_ITEM = re.compile(r"(。|\.|こと|ます|です|[)」】]|可)$")
# Lines that start something new even after an unfinished one: 'label: value', an address.
_NEW_LINE_ITEM = re.compile(r"^(?:[^:。、\s]{2,20}\s*:|https?://|URL)")
_NOTE_START = re.compile(r"^\(?\s*(?:※|注\d{0,2}[):]|\(注)")


def requirement_kind(label: str) -> str | None:
    """The kind a section label announces: '募集対象' -> eligible_applicant,
    '応募要件' -> condition, '対象外' -> exclusion, '事業規模' -> budget, '留意点' -> other."""
    label = re.sub(r"\s+", "", label)
    for pattern, kind in vocab.REQUIREMENT_LABELS:
        if pattern.search(label):
            return kind
    return None


_BRACKETED = re.compile(r"\([^()]*\)")


def _is_remark(bracketed: str) -> bool:
    """A bracket that remarks on the applicant in a clause ('(管内の市区町村と連携して申請
    する場合があります。)') rather than listing bodies ('(NPO団体、大学など)') or widening
    the list ('(一部事務組合及び広域連合を含む。)')."""
    inner = bracketed[1:-1]
    if "含" in inner or not re.search(r"[\u3041-\u309f]", inner):
        return False
    return any(t.pos[0] == "動詞" for t in tokens(inner, "C"))


def applicant_types(text: str) -> list[str]:
    """Normalised applicant types named in `text`, in order of first mention. Longer
    forms win and consume their text: '地方公共団体が出資する法人' is not also a 地方公共団体.
    Bodies named in a bracketed remark (…と連携して申請する場合があります) are not applicants."""
    found: list[tuple[int, str]] = []
    taken = [False] * len(text)
    for m in _BRACKETED.finditer(text):
        if _is_remark(m.group(0)):
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
    for written, kind in sorted(vocab.APPLICANT_TYPES, key=lambda pair: -len(pair[0])):
        for m in re.finditer(re.escape(written), text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            found.append((m.start(), kind))
    out: list[str] = []
    for _, kind in sorted(found):
        if kind not in out:
            out.append(kind)
    return out


def _section_label(node: Node) -> str:
    """The label a section carries: '応募要件' for '■ 応募要件(類型①)' and for
    '類型①の応募要件'; the label itself for 【…】, <…>, '申請者:…'."""
    if node.family == LABEL:
        return node.label
    title = re.sub(r"\s*\([^()]*\)$", "", node.title).strip()
    if requirement_kind(title) is None and "の" in title:
        title = title.rsplit("の", 1)[-1]
    return title


def _node_kind(node: Node) -> str | None:
    if node.family == BULLET:
        return None
    label = _section_label(node)
    if len(label) > 25 or "。" in label:
        return None
    return requirement_kind(label)


def _blocked(node: Node) -> bool:
    """Inside a section about a briefing session or personal data: not about applicants.
    The document's title does not count ('…二次公募の開始及び公募説明会の開催')."""
    return any(
        vocab.NON_APPLICANT_CONTEXT.search(n.title + " " + n.label)
        for n in (node, *node.ancestors())
        if not (n.family == HEADING and (n.level or 0) <= 1)
    )


def _category(node: Node) -> str | None:
    """The category a section sits under (類型①, Aコース, 二次公募), innermost first."""
    for n in (node, *node.ancestors()):
        for text in (n.label, n.title):
            m = vocab.CATEGORY_LABEL.search(text) or vocab.ROUND_RE.search(text)
            if m and len(text) <= 40:
                return re.sub(r"\s+", "", m.group(0))
    return None


def _display_label(doc: Document, node: Node) -> str:
    label = _section_label(node)
    if node.family == LABEL and doc.text[node.start:node.start + 1] == "【":
        return f"【{label}】"
    return label


@dataclass
class _Piece:
    start: int
    end: int
    text: str
    note: bool
    continuation: bool = False


def _is_note(text: str) -> bool:
    marker = parse_marker(text)
    return bool(marker and marker.family == NOTE) or bool(_NOTE_START.match(text))


def _take(doc: Document, pieces: list[_Piece], body: list[tuple[int, int]], need_value: bool) -> list[_Piece]:
    """Append the body lines that belong to the item: notes, and lines continuing an
    unfinished sentence; the first unmarked line after a finished one ends the item."""
    for start, end in body:
        text = doc.text[start:end]
        if not pieces and need_value:
            pieces.append(_Piece(start, end, text, _is_note(text)))
            continue
        if _is_note(text):
            pieces.append(_Piece(start, end, text, True))
        elif pieces and not _END_OF_ITEM.search(pieces[-1].text) and not _NEW_LINE_ITEM.match(text):
            pieces.append(_Piece(start, end, text, pieces[-1].note, continuation=True))
        else:
            break
    return pieces


def _strip_marker(text: str) -> str:
    marker = parse_marker(text)
    if marker and marker.family in (NUMBER, BULLET):
        return text[marker.rest:].strip()
    return text.strip()


def _join(pieces: list[_Piece]) -> str:
    out = ""
    for i, piece in enumerate(pieces):
        text = piece.text if i else _strip_marker(piece.text)
        if i and not piece.continuation:
            out += "\n"
        out += text
    return out.strip()


class _Collector:
    def __init__(self, doc: Document):
        self.doc = doc
        self.rows: list[Requirement] = []
        self.visited: set[int] = set()

    def row(self, kind: str, ordinal: int | None, pieces: list[_Piece], group: str | None,
            head_start: int | None = None) -> None:
        if not pieces:
            return
        text = _join(pieces)
        if not text:
            return
        start = pieces[0].start if head_start is None else head_start
        types = applicant_types(text) if kind in ("eligible_applicant", "exclusion") else []
        self.rows.append(Requirement(kind, ordinal, text, self.doc.evidence(start, pieces[-1].end), types, group))

    def section(self, node: Node, kind: str, category: str | None) -> None:
        """Rows of one labelled section: one per item under it, or its own value."""
        self.visited.add(id(node))
        category = _category(node) or category
        label = _display_label(self.doc, node)
        group = " ".join(x for x in (category, label) if x and not (category and x != category and category in x))
        items = [c for c in node.children if c.family != NOTE]
        sub_sections = all(c.family in (LABEL, HEADING, PLAIN) for c in items)
        if not items or (sub_sections and (node.body or (node.family == LABEL and node.title))):
            self.leaf(node, kind, group)  # its own value, then any labelled sub-sections
        position = 0
        for child in items:
            self.visited.add(id(child))
            child_kind = _node_kind(child)
            if child.family in (LABEL, HEADING, PLAIN) or (child_kind and child.children):
                if child_kind and not _blocked(child):
                    self.section(child, child_kind, category)
                continue
            position += 1
            self.item(child, kind, position, group)

    def item(self, node: Node, kind: str, position: int, group: str) -> None:
        """One numbered or bulleted item with its notes, continuations and sub-items."""
        pieces = [_Piece(node.start, node.head_end, self.doc.text[node.start:node.head_end], False)]
        pieces = _take(self.doc, pieces, node.body, need_value=False)
        for descendant in _descendants(node):
            self.visited.add(id(descendant))
            if descendant.start < pieces[-1].end:
                continue
            sub = [_Piece(descendant.start, descendant.head_end, self.doc.text[descendant.start:descendant.head_end], False)]
            pieces += _take(self.doc, sub, descendant.body, need_value=False)
        ordinal = node.ordinal if node.family == NUMBER and node.ordinal is not None else position
        carve_outs: list[list[_Piece]] = []
        if kind == "eligible_applicant":
            # '※ 地方公共団体は応募できません。' after an item: an exclusion of its own
            kept: list[_Piece] = []
            for piece in pieces:
                if kept and piece.note and not piece.continuation and vocab.EXCLUSION_RE.search(piece.text):
                    carve_outs.append([piece])
                elif carve_outs and piece.continuation:
                    carve_outs[-1].append(piece)
                else:
                    kept.append(piece)
            pieces = kept
            if vocab.EXCLUSION_RE.search(_join(pieces)):
                kind = "exclusion"
        self.row(kind, ordinal, pieces, group)
        for note in carve_outs:
            self.row("exclusion", ordinal, note, group)

    def leaf(self, node: Node, kind: str, group: str) -> None:
        """A section without items: its value (inline, or the lines below the label)."""
        pieces: list[_Piece] = []
        has_inline_value = node.family == LABEL and node.title
        if has_inline_value:
            pieces.append(_Piece(node.title_start, node.head_end, node.title, False))
        pieces = _take(self.doc, pieces, node.body, need_value=not has_inline_value)
        if not pieces:
            return
        if kind == "condition" or kind == "other":
            self.row(kind, (node.ordinal if node.family == LABEL else None) or 1, pieces, group,
                     head_start=node.start)
            return
        # applicants and budgets: the value, then its notes
        written = node.ordinal if node.family == LABEL else None  # 【条件2】, not '2 募集対象'
        for position, (segment_kind, segment) in enumerate(_segments(kind, pieces), 1):
            head = node.start if position == 1 else None
            self.row(segment_kind, written if position == 1 and written else position, segment,
                     group, head_start=head)

    def table(self, block, owner: Node | None) -> None:
        """Rows of a label | value table: '・対象 | 地方公共団体…\n※…対象外', '補助率 | 1/2'."""
        if owner is not None and _blocked(owner):
            return
        category = _category(owner) if owner else None
        for row in block.rows or []:
            cells = [c for c in row if c.text]
            if len(cells) < 2:
                continue
            label = _strip_marker(cells[0].text)
            kind = requirement_kind(label) if len(label) <= 25 else None
            if kind is None:
                continue
            pieces: list[_Piece] = []
            for cell in cells[1:]:
                offset = cell.start
                for text in cell.text.split("\n"):
                    if text.strip():
                        pieces.append(_Piece(offset, offset + len(text), text, _is_note(text)))
                    offset += len(text) + 1
            group = " ".join(x for x in (category, label) if x)
            for position, (segment_kind, segment) in enumerate(_segments(kind, pieces), 1):
                head = cells[0].start if position == 1 else None
                self.row(segment_kind, position, segment, group, head_start=head)


def _segments(kind: str, pieces: list[_Piece]) -> list[tuple[str, list[_Piece]]]:
    """Split a section's value into rows. Conditions: one row per line, notes kept with
    the line they follow. Applicants and budgets: the value, then its notes: a note that
    excludes bodies (対象外) or states another amount is a row of its own; a note that
    qualifies the value stays with it; '注)' joins the note before it."""
    segments: list[tuple[str, list[_Piece]]] = []
    for piece in pieces:
        if piece.note and not piece.continuation:
            text = piece.text.lstrip("( ")
            if text.startswith("注") and segments:
                segments[-1][1].append(piece)
            elif kind in ("eligible_applicant", "exclusion") and vocab.EXCLUSION_RE.search(piece.text):
                segments.append(("exclusion", [piece]))
            elif kind == "budget" or (segments and segments[-1][0] == "exclusion"):
                segments.append((kind, [piece]))
            elif segments:
                segments[-1][1].append(piece)
            else:
                segments.append((kind, [piece]))
        elif segments and (piece.continuation or kind not in ("condition", "other")):
            segments[-1][1].append(piece)
        else:
            segments.append((kind, [piece]))
    return segments


def _descendants(node: Node):
    for child in node.children:
        yield child
        yield from _descendants(child)


def extract(doc: Document) -> list[Requirement]:
    """Every requirement row of `doc`, in document order."""
    nodes = document_outline(doc)
    collector = _Collector(doc)
    for node in nodes:
        if id(node) in collector.visited:
            continue
        kind = _node_kind(node)
        if kind is None or _blocked(node):
            continue
        collector.section(node, kind, None)
    for block in doc.blocks:
        if block.kind == "table":
            owner = None
            for node in nodes:
                if node.start <= block.start < node.end and (owner is None or node.depth >= owner.depth):
                    owner = node
            collector.table(block, owner)
    return sorted(collector.rows, key=lambda r: r.evidence.char_start)
