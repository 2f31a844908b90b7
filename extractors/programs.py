"""Programmes (事業) and their parts, from a document's title and section headings.

A programme is found where the document names one:

* the title (HTML <title>, or a PDF's first lines) naming a 事業 (programme):
  'デジタル実装伴走支援事業', '令和8年度 総務省 X事業(Y)';
* a lead sentence stating the relation: 「X事業」のうち「Y」 (Y among X),
  「X事業」の一環として…『Y』の二次公募 (the second call of Y, part of X);
* numbered or labelled headings naming a 事業/支援/タイプ/コース/枠/類型:
  '(1)2.推進体制構築支援', '(2)実証事業 AI検証タイプ' (the 実証事業 programme and its
  AI検証タイプ), '【類型①】' next to '市町村単独支援枠', '■ 応募要件(類型②)' (a section
  about 類型②), '【二次公募】' (a call); and the unnamed siblings of such headings
  ('(1)3.地域情報化アドバイザー' next to '(1)2.推進体制構築支援').

The tree comes from heading nesting, from the title (the programme a page is about is
the parent of the programmes its sections describe) and from what the text says.

Each `Program` carries `key` (`program_key` of its name; a part whose name only makes
sense under its parent, such as 類型① or 補助事業, is keyed 'parent/part'), and `span`,
the section it governs. A programme discussed in several places of one document
(類型① in its description, its requirements and its results) is returned once per
section with the same key. To link a fact, take the innermost programme whose span
contains it (`program_at`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors import vocab_programs as vocab
from extractors.budget import figures
from extractors.dates import fiscal_year_in
from extractors.headings import (
    BULLET,
    INLINE,
    LABEL,
    NOTE,
    NUMBER,
    SQUARE,
    Line,
    Node,
    inline_label,
    lines,
    outline,
    parse_marker,
)
from extractors.model import Document, Program
from extractors.normalize import normalize_line
from extractors.sudachi import tokens

VERSION = "2"

PLAIN = "plain"  # family of unmarked short lines that name a programme
HEADING = "heading"

_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_QUOTED = re.compile(r"「[^」]*」|『[^』]*』")
_SPACE_BETWEEN = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


# ------------------------------------------------------------------ names


def clean_name(name: str) -> str:
    """Display form: normalised, spaces between Japanese characters dropped
    ('地域社会 DX 推進パッケージ事業' -> '地域社会DX推進パッケージ事業'), year and
    ministry prefixes dropped, quotes of a whole name dropped."""
    name = normalize_line(name)
    name = vocab.NAME_PREFIX_RE.sub("", name)
    name = _SPACE_BETWEEN.sub("", name).strip()
    if len(name) > 2 and name[0] in "「『" and name[-1] in "」』" and name.count("「") + name.count("『") == 1:
        name = name[1:-1]
    return name


def program_key(name: str) -> str:
    """The normalised name that identifies a programme across documents: '地域社会 DX
    推進パッケージ事業', '令和8年度総務省「地域社会DX推進パッケージ事業」' and
    '地域社会DX推進パッケージ' give one key. Quotes, spaces, year and ministry prefixes and
    a trailing 事業 go; Sudachi's normalised forms unify spelling variants (問合せ/問い合わせ)."""
    name = clean_name(name)
    name = re.sub(r"[「」『』\"'\s]", "", name)
    for suffix in vocab.KEY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    if not name:
        return ""
    return "".join(t.normalized for t in tokens(name, "C")).lower()


@dataclass
class NameInfo:
    """What a heading says about a programme: its `name`, a category label (類型①),
    a call round (二次), an umbrella named with it ('実証事業' of '実証事業 AIタイプ'),
    a fiscal year, and whether the name itself marks a programme (`strong`)."""

    name: str
    category: str | None = None
    round: str | None = None
    umbrella: str | None = None
    fiscal_year: int | None = None
    strong: bool = False
    exact: bool = False  # the heading is the name itself (nothing stripped around it)


fiscal_year_of = fiscal_year_in  # 令和8年度 -> 2026; 令和7年度補正 -> 2025 (the year it amends)


def round_of(text: str) -> str | None:
    m = vocab.ROUND_RE.search(text)
    if not m:
        return None
    return "追加" if m.group("extra") else vocab.ROUND_NAMES[m.group("n")]


def _has_grammar(text: str) -> bool:
    """Particles, auxiliaries or verbs in `text` (a phrase or sentence, not a name).
    Hiragana alone is allowed: 新しい地方経済…交付金, まち・ひと・しごと創生交付金."""
    if not _HIRAGANA.search(text):
        return False
    return any(t.pos[0] in vocab.NON_NAME_POS for t in tokens(text, "C"))


def _has_section_word(name: str) -> bool:
    """A section word (概要, 対象, 窓口 …) that makes `name` a section heading: anywhere
    in it, except inside a compound that goes on to a programme head ('自治体窓口DX推進
    事業' is a name; '補助対象事業' and '事業の概要' are not)."""
    head = vocab.PROGRAM_HEADS.search(name.rstrip("」』"))
    for m in vocab.SECTION_WORDS.finditer(name):
        inside = head is not None and head.start() - m.end() >= 2
        if not inside:
            return True
    return False


def _looks_like_name(name: str) -> bool:
    """A noun phrase of reasonable length: no sentence punctuation, no particles or
    verbs outside quotes, no section words (概要, スケジュール …)."""
    bare = _QUOTED.sub("", name)
    return (
        2 <= len(name) <= 40
        and not re.search(r"[。、,:]", name)
        and not _has_grammar(bare)
        and not _has_section_word(bare)
        and not re.search(r"\d{1,2}月|\d{1,2}日|@|https?", name)
        and not vocab.ORGANISATION_TAIL.search(bare)
    )


def analyse_name(text: str) -> NameInfo | None:
    """Read a heading (marker removed) as a programme reference, or None."""
    text = original = normalize_line(text)
    if not text or len(text) > 60:
        return None
    year = fiscal_year_of(text)
    round_ = round_of(text)
    if round_:
        text = vocab.ROUND_RE.sub("", text)
        text = re.sub(r"[(【<]\s*[)】>]|の$", "", text).strip()
        if not text or (len(text) <= 12 and vocab.SECTION_WORDS.search(text)
                        and not _HIRAGANA.search(text.replace("等", ""))):
            return NameInfo("", round=round_, fiscal_year=year)  # 'スケジュール(二次公募)'
    text = vocab.NAME_PREFIX_RE.sub("", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = vocab.NAME_SUFFIXES.sub("", text).strip()
    # '応募要件(類型①)' / 'スケジュール(二次公募)': a section about the thing in brackets
    ref = re.fullmatch(r"(?P<head>[^()]*)\((?P<ref>[^()]+)\)", text)
    if ref and (not ref.group("head") or vocab.SECTION_WORDS.search(ref.group("head"))):
        inner = analyse_name(ref.group("ref"))
        if inner:
            inner.round = inner.round or round_
            inner.fiscal_year = inner.fiscal_year or year
            return inner
        return NameInfo("", round=round_, fiscal_year=year) if round_ else None
    category = None
    m = vocab.CATEGORY_LABEL.match(text)
    if m:
        category = re.sub(r"\s+", "", m.group(1))
        text = text[m.end():].lstrip(": ").strip()
        bracketed = re.fullmatch(r"\((?P<inner>[^()]+)\)", text)  # 'Aコース(基礎研修コース)'
        if bracketed:
            text = bracketed.group("inner").strip()
    if not text:
        return NameInfo("", category=category, round=round_, fiscal_year=year, strong=bool(category)) \
            if (category or round_) else None
    if not _looks_like_name(text):
        return None
    umbrella = None
    split = re.fullmatch(r"(?P<u>.+?(?:事業|支援))\s*(?:\s|\()(?P<part>.+?)\)?", text)
    if split and vocab.SUBKIND_TAILS.search(split.group("part")) and " " in text or (
        split and text.endswith(")") and vocab.SUBKIND_TAILS.search(split.group("part"))
    ):
        umbrella, text = split.group("u"), split.group("part")
    name = clean_name(text)
    head = vocab.PROGRAM_HEADS.search(name.rstrip("」』"))
    strong = bool(category) or bool(umbrella) or bool(head and len(name.rstrip("」』")) - len(head.group(0)) >= 2)
    exact = not category and not round_ and not umbrella and re.sub(r"\s+", "", original) == name
    return NameInfo(name, category=category, round=round_, umbrella=umbrella, fiscal_year=year, strong=strong,
                    exact=exact)


def _tail_name(text: str) -> str:
    """The name at the end of a phrase: '…を検討中の地域社会DX推進パッケージ事業' ->
    '地域社会DX推進パッケージ事業' (names hold no particles)."""
    return re.split(r"[\u3041-\u309f、。,]", text)[-1].strip()


def _is_subkind(name: str) -> bool:
    return bool(vocab.SUBKIND_TAILS.search(name))


def _is_generic(name: str) -> bool:
    return clean_name(name) in vocab.GENERIC_PROGRAM_NAMES


# ------------------------------------------------------------------ outline


def _label_kind(label: str) -> str | None:
    """'requirement' for requirement labels, 'other' for other known labels, else None."""
    label = label.strip()
    if any(p.search(label) for p, _ in vocab.REQUIREMENT_LABELS):
        return "requirement"
    if vocab.OTHER_LABELS.search(label):
        return "other"
    return None


def _is_label_text(text: str) -> bool:
    return len(text) <= 20 and "。" not in text and _label_kind(text) is not None


def classify_line(line: Line) -> Node | None:
    """Which lines open a section: heading blocks, numbered lines, labels (【…】, <…>,
    '・対象', '申請者:…', a bare '実施主体'), ■ lines, bullets, and unmarked short lines
    that name a programme. Notes (※, 注) and running text return None."""
    text = line.text.strip()

    def node(family, style, ordinal, label, title_start) -> Node:
        title_start = min(title_start, len(text))
        return Node(family, style, ordinal, label, text[title_start:].strip(), line.start,
                    line.start + title_start, line.end, block_kind=line.block_kind, level=line.level,
                    sub=marker.sub if marker else None)

    marker = parse_marker(text)
    if line.block_kind == "heading":
        rest = marker.rest if marker and marker.family in (NUMBER, SQUARE, BULLET) else 0
        made = node(HEADING, HEADING, marker.ordinal if marker else None, marker.label if marker else "", rest)
        if marker and marker.family == LABEL:
            made.title = (marker.label + " " + text[marker.rest:]).strip()
        return made
    if marker is None:
        if len(text) <= 40 and "。" not in text and line.block_kind != "list_item":
            info = analyse_name(text)
            if info and info.strong:
                return node(PLAIN, PLAIN, None, "", 0)
        found = inline_label(text)
        if found and _label_kind(found[0]):
            return node(LABEL, INLINE, None, found[0], found[1])
        if _is_label_text(text) and not vocab.DOCUMENT_TYPES.fullmatch(text):
            return node(LABEL, LABEL, None, text, len(text))
        return None
    if marker.family == NOTE:
        return None
    rest = text[marker.rest:].strip()
    if marker.family == LABEL:
        return node(LABEL, LABEL, marker.ordinal, marker.label, marker.rest)
    if marker.family == BULLET:
        found = inline_label(rest)
        if _is_label_text(rest):
            return node(LABEL, LABEL, None, rest, len(text))
        if found and _label_kind(found[0]):
            return node(LABEL, INLINE, None, found[0], marker.rest + found[1])
    return node(marker.family, marker.style, marker.ordinal, marker.label, marker.rest)


def document_outline(doc: Document) -> list[Node]:
    """The section tree of `doc` with this module's line classification."""
    return outline(doc, classify_line)


# ------------------------------------------------------------------ extraction


@dataclass
class _Found:
    key: str
    name: str
    parent: _Found | None
    start: int
    end: int
    ev_start: int
    ev_end: int
    fiscal_year: int | None = None
    round: str | None = None
    kind: str = "program"  # program | subkind | category | call
    node: Node | None = None
    children: list[_Found] = field(default_factory=list)


def _title_area(doc: Document, nodes: list[Node]) -> int:
    """End of the lead area: the text before the first numbered or labelled section (at
    most ~15 lines); unnumbered headings there are title lines."""
    first = next((n.start for n in nodes if n.family in (NUMBER, LABEL, SQUARE) or (
        n.family == HEADING and n.label)), len(doc.text))
    line_ends = [m.start() for m in re.finditer("\n", doc.text)]
    cap = line_ends[14] if len(line_ends) > 14 else len(doc.text)
    return min(first, cap, 3000)


def ministry_of(doc: Document) -> str | None:
    """The publisher when the decoder knows it, else the first ministry the title or
    text names."""
    if doc.publisher:
        return doc.publisher
    for text in (doc.title or "", doc.text[:3000], doc.text):
        hits = [(text.find(m), m) for m in vocab.MINISTRIES if m in text]
        if hits:
            return min(hits)[1]
    return None


def _find_in_text(doc: Document, name: str, limit: int | None = None) -> tuple[int, int] | None:
    """Where `name` is written in the text, spaces between characters allowed."""
    chars = [re.escape(ch) for ch in re.sub(r"\s+", "", name)]
    if not chars:
        return None
    m = re.compile(r"\s?".join(chars)).search(doc.text, 0, limit or len(doc.text))
    return (m.start(), m.end()) if m else None


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.found: list[_Found] = []
        self.end = len(doc.text)

    def add(self, key, name, parent, span, ev, *, kind="program", year=None, round_=None, node=None) -> _Found:
        item = _Found(key, name, parent, span[0], span[1], ev[0], ev[1], year, round_, kind, node)
        if parent is not None:
            parent.children.append(item)
        self.found.append(item)
        return item

    def innermost(self, start: int, end: int, skip=()) -> _Found | None:
        """The smallest section around (start, end); on equal spans the deepest."""
        best, best_rank = None, None
        for item in self.found:
            if item.kind in skip or not (item.start <= start and end <= item.end):
                continue
            rank = (item.end - item.start, -_depth(item))
            if best_rank is None or rank <= best_rank:
                best, best_rank = item, rank
        return best

    def by_key(self, key: str) -> _Found | None:
        return next((f for f in self.found if f.key == key), None)


def _depth(item: _Found) -> int:
    depth, seen = 0, set()
    while item.parent is not None and id(item) not in seen:
        seen.add(id(item))
        item, depth = item.parent, depth + 1
    return depth


def _child_key(parent: _Found | None, part: str) -> str:
    return f"{parent.key}/{part}" if parent else part


def _roots(doc: Document, nodes: list[Node], b: _Builder, lead_end: int, doc_year: int | None) -> None:
    """The programme the document is about: from its title, its first lines, and the
    relations its lead sentences state."""
    full = (0, b.end)
    candidates: list[tuple[str, tuple[int, int]]] = []
    parts = re.split(r"\s*[|｜]\s*|\s+[-–—:]\s+|\s*:\s*", doc.title or "")
    # a part that is a name, else a name quoted in a title sentence:
    # '令和7年度補正予算「X事業」に係る二次公募の開始', '「X事業」の採択団体の決定'
    quoted = [m.group(0)[1:-1] for part in parts for m in _QUOTED.finditer(part)]
    for part in parts + quoted:
        info = analyse_name(part)
        if _names_root(info):
            where = _find_in_text(doc, info.name) or (0, 0)
            candidates.append((info.name, where))
            break
    # a PDF's first lines: the title split over up to three lines
    first_lines = [ln for ln in _first_lines(doc, lead_end)][:3]
    joined, offsets = "", []
    for ln in first_lines:
        for i, ch in enumerate(ln.text):
            if ch != "\n":  # a title wrapped over lines reads as one
                joined += ch
                offsets.append(ln.start + i)
    relations = []
    for m in vocab.PAREN_RELATION.finditer(joined):
        relations.append((m.group("parent"), m.group("child"), offsets[m.start()], offsets[m.end() - 1] + 1))
    lead = doc.text[:lead_end]
    for pattern in vocab.RELATION_PATTERNS:
        for m in pattern.finditer(lead):
            relations.append((m.group("parent"), m.group("child"), m.start(), m.end()))
    relations = [r for r in relations if not _is_kind_of_work(r[1])]
    if not candidates and not relations:
        for ln in first_lines[:2]:
            info = analyse_name(ln.text)
            if _names_root(info):
                candidates.append((info.name, (ln.start, ln.end)))
                break
    if candidates:
        name, where = candidates[0]
        b.add(program_key(name), name, None, full, where, year=doc_year)
    for parent_name, child_name, start, end in relations:
        parent_info, child_info = analyse_name(_tail_name(parent_name)), analyse_name(child_name)
        if not (parent_info and parent_info.strong and child_info and child_info.strong and child_info.name):
            continue
        parent = b.by_key(program_key(parent_info.name))
        if parent is None:
            parent = b.add(program_key(parent_info.name), parent_info.name, None, full, (start, end),
                           year=parent_info.fiscal_year or doc_year)
        key = program_key(child_info.name)
        if _is_generic(child_info.name) or _is_subkind(child_info.name):
            key = _child_key(parent, key)
        if b.by_key(key) is None and key != parent.key:
            b.add(key, child_info.name, parent, full, (start, end), year=child_info.fiscal_year or doc_year)
    _lead_call(doc, b, lead_end, full)


def _names_root(info: NameInfo | None) -> bool:
    """A heading that can name the programme a whole document is about."""
    return bool(info and info.strong and info.name and not info.category and not _is_generic(info.name))


def _is_kind_of_work(child: str) -> bool:
    """'X事業(委託事業)', 'X事業(補助事業)': the bracket says what kind of work X is
    (a generic word), not a part of X."""
    return _is_generic(re.sub(r"\s+", "", child))


def _first_lines(doc: Document, lead_end: int):
    """The first lines of the lead area that read like title lines (short, no 。)."""
    for ln in lines(doc):
        if ln.start >= lead_end or "。" in ln.text or len(ln.text) > (80 if ln.block_kind == HEADING else 50):
            return
        yield ln


def _lead_call(doc: Document, b: _Builder, lead_end: int, full) -> None:
    """'『Y』の二次公募を実施します' or a title announcing a 二次公募: the call of the
    lead programme."""
    if not b.found:
        return
    lead = doc.text[:lead_end]
    target, where, round_ = None, None, None
    for m in re.finditer(r"[「『](?P<name>[^「」『』\n]{2,40})[」』]\s*の\s*(?P<round>(?:第\s*)?[一二三四五六1-6]\s*次\s*(?:公募|募集)|追加(?:公募|募集))", lead):
        target = b.by_key(program_key(m.group("name")))
        if target:
            where, round_ = (m.start(), m.end()), round_of(m.group("round"))
            break
    if target is None:
        title_round = round_of(doc.title or "") or round_of(lead[: lead.find("\n", 200) if "\n" in lead[200:] else 400])
        if not title_round:
            return
        target = max(b.found, key=lambda f: (f.start <= 0 and f.end >= b.end, b.found.index(f)))
        m = vocab.ROUND_RE.search(lead)
        where, round_ = ((m.start(), m.end()) if m else (0, 0)), title_round
    key = _child_key(target, round_ + "公募")
    if b.by_key(key) is None:
        b.add(key, f"{target.name} {round_}公募", target, full, where, kind="call", round_=round_,
              year=target.fiscal_year)


def _candidate(node: Node) -> NameInfo | None:
    """The programme reference a node's heading makes, if any (labels by their label)."""
    if node.family == BULLET:
        return None
    if node.family == LABEL:
        return analyse_name(node.label) if node.label else None
    return analyse_name(node.title)


def _sections(doc: Document, nodes: list[Node], b: _Builder, doc_root: _Found | None, lead_end: int) -> None:
    """Programmes named by the document's headings, nested by the outline."""
    infos: dict[int, NameInfo] = {}
    for node in nodes:
        info = _candidate(node)
        if info is not None:
            infos[id(node)] = info
    # unnamed siblings of programme headings: '(1)3.地域情報化アドバイザー'
    accepted = {i for i, info in infos.items() if info.strong or info.round}
    for node in nodes:
        info = infos.get(id(node))
        if info is None or id(node) in accepted or not info.exact or node.family not in (NUMBER, HEADING):
            continue
        siblings = node.parent.children if node.parent else [n for n in nodes if n.parent is None]
        if any(id(s) in accepted and infos[id(s)].name and not infos[id(s)].category
               and s.style == node.style and s.level == node.level for s in siblings if s is not node):
            accepted.add(id(node))
    consumed: set[int] = set()
    for node in nodes:
        if id(node) not in accepted or id(node) in consumed:
            continue
        info = infos[id(node)]
        first_child = node.children[0] if node.children else None
        adjacent = first_child is not None and not node.body and first_child.start <= node.head_end + 1
        if adjacent and id(first_child) in accepted:
            child_info = infos[id(first_child)]
            if info.name and not info.category and child_info.category and not child_info.name:
                info.category = child_info.category  # '市町村単独支援枠' / '【類型①】'
                consumed.add(id(first_child))
            elif info.category and not info.name and child_info.name and not child_info.category:
                info.name = child_info.name  # '【類型①】' / '市町村単独支援枠'
                consumed.add(id(first_child))
        _add_section(node, info, b, doc_root, lead_end)


def _enclosing(b: _Builder, node: Node, skip: tuple[str, ...]) -> _Found | None:
    return b.innermost(node.start, node.head_end, skip=skip)


def _add_section(node: Node, info: NameInfo, b: _Builder, doc_root: _Found | None, lead_end: int) -> None:
    span, ev = (node.start, node.end), (node.start, node.head_end)
    if node.start < lead_end and info.name and not info.category and not info.round:
        same = b.by_key(program_key(info.name))
        if same is not None and (same.start, same.end) == (0, b.end):
            return  # the title lines again: the whole-document programme has it
        if _is_generic(info.name) and not info.umbrella:
            return  # '(委託事業)公募要領' under the title: what kind of work it is
    if info.category or (info.name and _is_subkind(info.name) and not info.umbrella):
        kind = "category" if info.category else "subkind"
        parent = _enclosing(b, node, ("category", "subkind", "call"))
        key = _child_key(parent, info.category or program_key(info.name))
        existing = b.by_key(key)
        name = (f"{info.category} {info.name}".strip() if info.category else info.name) or key
        if existing and len(name) > len(existing.name):
            for item in b.found:
                if item.key == key:
                    item.name = name
            name = existing.name
        elif existing:
            name = existing.name
        section = _occurrence(b, key, name, parent, span, ev, kind, info, node)
    elif info.name:
        parent = _enclosing(b, node, ("category", "subkind", "call"))
        if info.umbrella:
            umbrella_key = program_key(info.umbrella)
            if _is_generic(info.umbrella):
                umbrella_key = _child_key(parent, umbrella_key)
            umbrella = _open_umbrella(b, umbrella_key, clean_name(info.umbrella), parent, node, info)
            key = _child_key(umbrella, program_key(info.name))
            section = _occurrence(b, key, info.name, umbrella, span, ev, "subkind", info, node)
        else:
            key = program_key(info.name)
            if _is_generic(info.name):
                key = _child_key(parent, key)
            standalone = info.name.endswith("事業") and not _is_generic(info.name)
            if parent is doc_root and standalone and key != (doc_root.key if doc_root else None):
                parent = None  # another programme the page also describes
            around = b.innermost(node.start, node.head_end)
            if around is not None and around.key == key:
                return
            while parent is not None and parent.key == key:
                parent = parent.parent
            section = _occurrence(b, key, info.name, parent, span, ev, "program", info, node)
    else:
        section = b.innermost(node.start, node.head_end, skip=("call",))
    if info.round and section is not None:
        base = section if section.kind != "call" else section.parent
        key = _child_key(base, info.round + "公募")
        name = f"{base.name} {info.round}公募" if base else f"{info.round}公募"
        _occurrence(b, key, name, base, span, ev, "call", info, node, round_=info.round)


def _open_umbrella(b: _Builder, key: str, name: str, parent: _Found | None, node: Node, info: NameInfo) -> _Found:
    """'(2)実証事業 A' then '(2)実証事業 B': one 実証事業 section spanning both."""
    last = next((f for f in reversed(b.found) if f.key == key and f.kind == "program"), None)
    if last is not None and last.node is not None and last.node.parent is node.parent and last.end < node.end:
        last.end = node.end
        return last
    idx = node.title_start + 0
    where = (idx, idx + len(info.umbrella or name))
    same = b.by_key(key)
    year = info.fiscal_year or (same.fiscal_year if same else None) or (parent.fiscal_year if parent else None)
    return b.add(key, name, parent, (node.start, node.end), where, year=year, node=node)


def _occurrence(b, key, name, parent, span, ev, kind, info, node, round_=None) -> _Found | None:
    """Add a section of programme `key`, unless the innermost section around it
    already is that programme."""
    around = b.innermost(span[0], span[1])
    if around is not None and around.key == key:
        return around
    same = b.by_key(key)
    year = info.fiscal_year or (same.fiscal_year if same else None) or (parent.fiscal_year if parent else None)
    return b.add(key, name, parent, span, ev, kind=kind, year=year, round_=round_ or (info.round if kind == "call" else None), node=node)


def _body_relations(doc: Document, b: _Builder) -> None:
    """Relations stated anywhere in the text give a parent to programmes that have none."""
    matches = []
    for pattern in vocab.RELATION_PATTERNS:
        matches += [(m.group("parent"), m.group("child"), m.start(), m.end()) for m in pattern.finditer(doc.text)]
    matches += [(m.group("parent"), m.group("child"), m.start(), m.end())
                for m in vocab.PAREN_RELATION.finditer(doc.text) if not _is_kind_of_work(m.group("child"))]
    for parent_name, child_name, start, end in matches:
        parent_info, child_info = analyse_name(_tail_name(parent_name)), analyse_name(child_name)
        if not (parent_info and parent_info.strong and parent_info.name and child_info and child_info.name):
            continue
        child_key, parent_key = program_key(child_info.name), program_key(parent_info.name)
        orphans = [f for f in b.found if f.key == child_key and f.parent is None]
        if not orphans or parent_key == child_key:
            continue
        parent = b.by_key(parent_key) or b.add(parent_key, parent_info.name, None, (start, end), (start, end),
                                                year=parent_info.fiscal_year)
        for orphan in orphans:
            orphan.parent = parent
            parent.children.append(orphan)


def _budgets(doc: Document, nodes: list[Node], b: _Builder) -> dict[int, dict]:
    """Budget figures (全体予算, 上限, 補助率) in each programme's own text, read with the
    label of the section they sit in ('・全体予算' above '5億円程度'). Notes (※) are
    skipped: they hold exceptions ('過去に選定された都道府県は上限5,000万円')."""
    label_of: dict[int, str] = {}
    for node in nodes:
        if node.family == LABEL:
            label_of[node.start] = node.label
            for start, _ in node.body:
                label_of[start] = node.label
    found: list[tuple[int, str, str | None]] = [(ln.start, ln.text, label_of.get(ln.start)) for ln in lines(doc)]
    for block in doc.blocks:  # label | value tables: '・全体予算 | 5億円程度'
        for row in block.rows or []:
            if len(row) >= 2:
                offset = row[1].start
                for text in row[1].text.split("\n"):
                    found.append((offset, text, row[0].text.lstrip("・- ")))
                    offset += len(text) + 1
    out: dict[int, dict] = {}
    for start, text, label in sorted(found):
        marker = parse_marker(text)
        if marker and marker.family == NOTE:
            continue
        for figure in figures(text, label=label):
            owner = b.innermost(start + figure.start, start + figure.end)
            if owner is None:
                continue
            if owner.kind == "call" and owner.parent is not None and \
                    (owner.start, owner.end) == (owner.parent.start, owner.parent.end):
                owner = owner.parent  # a page about one call states its programme's terms
            slot = out.setdefault(id(owner), {})
            key = {"budget": "budget_yen", "cap": "cap_yen", "rate": "subsidy_rate"}.get(figure.kind)
            if key:
                slot.setdefault(key, figure.rate if figure.kind == "rate" else figure.yen)
    return out


def _ordered(found: list[_Found]) -> list[_Found]:
    """Document order, a parent's first section before any of its children."""
    emitted: set[int] = set()
    out: list[_Found] = []

    def emit(item: _Found) -> None:
        if id(item) in emitted:
            return
        if item.parent is not None and not any(o.key == item.parent.key for o in out):
            emit(item.parent)
        emitted.add(id(item))
        out.append(item)

    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        emit(item)
    return out


def extract(doc: Document) -> list[Program]:
    """The programmes `doc` describes, in document order, parents before children."""
    nodes = document_outline(doc)
    lead_end = _title_area(doc, nodes)
    doc_year = fiscal_year_of(doc.title or "") or _lead_year(doc, lead_end)
    b = _Builder(doc)
    _roots(doc, nodes, b, lead_end, doc_year)
    doc_root = b.innermost(0, b.end, skip=("call",))
    _sections(doc, nodes, b, doc_root, lead_end)
    _body_relations(doc, b)
    money = _budgets(doc, nodes, b)
    ministry = ministry_of(doc)
    programs = []
    for item in _ordered(b.found):
        extra = money.get(id(item), {})
        programs.append(Program(
            key=item.key,
            name=item.name,
            parent_key=item.parent.key if item.parent else None,
            ministry=ministry,
            fiscal_year=item.fiscal_year,
            evidence=doc.evidence(item.ev_start, item.ev_end),
            span=(item.start, item.end),
            round=item.round,
            budget_yen=extra.get("budget_yen"),
            cap_yen=extra.get("cap_yen"),
            subsidy_rate=extra.get("subsidy_rate"),
        ))
    return programs


def _lead_year(doc: Document, lead_end: int) -> int | None:
    """The fiscal year of the title lines (not of sentences quoting past years)."""
    for ln in _first_lines(doc, max(lead_end, 1)):
        year = fiscal_year_of(ln.text)
        if year:
            return year
    return None


def program_at(programs: list[Program], offset: int) -> Program | None:
    """The innermost programme whose span contains `offset`: the smallest span, and
    on equal spans the later one (children come after their parents)."""
    best = None
    for program in programs:
        start, end = program.span
        inside = start <= offset < end or offset == start == end
        if inside and (best is None or end - start <= best.span[1] - best.span[0]):
            best = program
    return best
