"""Contact blocks (問合せ先 inquiries, 事務局 secretariat, 主管課 responsible division,
提出先 submission …) → one `Contact` per contact point.

How a block is found:
1. every line is classified: a contact heading (<問合せ先(事務局)>, 【提出先】, 6. お問い合わせ先),
   a field (E-mail / 電話 / 担当 / 〒 address / caution note), an organisation line,
   or something that ends a block (another heading, a numbered section, prose);
2. a heading opens a block that runs over organisation and field lines; once an
   address or number has been seen, a new organisation line ends it;
3. an e-mail or phone outside every heading block opens a block of its own, taking in
   the organisation, 担当 (persons) and bracket-heading lines just above it.

Each block gives one row per e-mail/phone pair (a single address or number is shared
by all rows). The same block repeated inside one programme section (a 提出先 and a
問合せ先 naming the same address) is kept once: the richer one.
An address or number on the 誤 / 訂正前 (wrong / before correction) side of a corrigendum
is left out (extractors.corrections); the 正 / 訂正後 side is the contact.
SudachiPy decides whether space-separated names are one person (佐藤 厚雄: surname +
given name) or several (石丸 今村), whether a 担当 value is a department rather than
persons, whether an unlabelled line is a list of persons, and where a local
government's name ends (北海道標茶町 | 企画課).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.corrections import is_superseded, superseded_spans
from extractors.emails import EmailMatch, find_emails
from extractors.model import Contact, Document
from extractors.phones import PhoneMatch, find_phones_in, label_kind
from extractors.sudachi import tokens
from extractors.vocab_contacts import (
    ADDRESS_LABEL_RE,
    BODY_SUFFIXES,
    BULLETS,
    CAUTION_RE,
    CLOSE_BRACKETS,
    COMPANY_FORMS,
    CORPORATE_PREFIXES,
    DEPARTMENT_SUFFIX_RE,
    EMAIL_LABEL_RE,
    FAX_LABEL_RE,
    FIELD_ONLY_RE,
    GOVERNMENT_BODIES,
    GOVERNMENT_HINT_RE,
    HEADING_FILLERS,
    HEADING_MAX_LEN,
    HEADING_MAX_REST,
    HEADING_ROLES,
    HOURS_LABEL_RE,
    LOCAL_GOVERNMENT_END_RE,
    NUMBERING_RE,
    OFFICE_SUFFIXES,
    OPEN_BRACKETS,
    ORG_HINT_RE,
    PERSON_SEPARATORS_RE,
    PERSONS_LABEL_RE,
    PHONE_LABEL_RE,
    PROGRAMME_HEADING_MAX_LEN,
    PROGRAMME_HINT_RE,
    REGIONAL_BUREAU_RE,
    SECTION_TITLE_RE,
    SUBJECT_LABEL_RE,
    TITLE_WORDS,
    URL_RE,
)

VERSION = "8"

MAX_BLOCK_LINES = 25  # a contact block is never longer than this
MAX_ORG_LINES = 6  # organisation lines a heading may be followed by before any field
MAX_LOOKBACK = 6  # lines an orphan address/number may take in above it
ORG_LINE_MAX_LEN = 60

_HEADING_WORD_RE = re.compile("|".join(re.escape(w) for w, _ in sorted(HEADING_ROLES, key=lambda x: -len(x[0]))))
_HEADING_ROLE = dict(HEADING_ROLES)
_FILLER_RE = re.compile("|".join(re.escape(w) for w in sorted(HEADING_FILLERS, key=len, reverse=True)))
_BRACKETS_RE = re.compile(f"[{re.escape(OPEN_BRACKETS + CLOSE_BRACKETS)}\\s]")
_INLINE_SPLIT_RE = re.compile(r"\s*(?::|\s\|\s)\s*")
_FIELD_LABEL_RE = re.compile(f"(?:{EMAIL_LABEL_RE.pattern}|{PHONE_LABEL_RE.pattern}|{FAX_LABEL_RE.pattern})\\s*[:(]?")
_WRAPPED_RE = re.compile(r"^[<〈《【\[〔].*[>〉》】\]〕]$")


# --- lines -----------------------------------------------------------------------------

@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = "org"  # heading | anchor | field | org | bracket | break | prose
    role: str | None = None  # for headings
    body: int = 0  # offset (into text) where a heading's inline content begins
    programme: bool = False  # a heading that opens a new programme section
    table: int | None = None  # index of the table block this line is part of
    row: int | None = None  # index of the table row (a row's cell may hold several lines)
    record: bool = False  # a row of a table that lists one contact point per row


def _strip_decoration(text: str) -> str:
    """Drop leading bullets and numbering (■, ・, ○, 6., (1), ①)."""
    previous = None
    while previous != text:
        previous = text
        text = text.lstrip(BULLETS + " ")
        text = NUMBERING_RE.sub("", text, count=1)
    return text


def heading_role(text: str) -> tuple[str, int] | None:
    """(role, offset of inline content) when `text` is a contact heading line, else None.
    The role comes from the heading words outside brackets first (提出先(事務局) →
    submission), then inside them (問合せ先(事務局) → secretariat)."""
    core = _strip_decoration(text)
    if not core or "。" in core:
        return None
    head = core
    body = len(text)
    split = _INLINE_SPLIT_RE.search(core)
    if split:
        head = core[: split.start()]
        body = len(text) - len(core) + split.end()
    if len(head) > HEADING_MAX_LEN:
        return None
    wrapped = bool(_WRAPPED_RE.match(head))
    decorated = wrapped or core != text.strip()
    head = head.strip(OPEN_BRACKETS + CLOSE_BRACKETS + " ") if wrapped else head
    words = list(_HEADING_WORD_RE.finditer(head))
    if not words:
        return None
    rest = _BRACKETS_RE.sub("", _FILLER_RE.sub("", _HEADING_WORD_RE.sub("", head)))
    # 推進事務局 (a team's name) inside a block is not a heading; 【応募受付事務局】 is
    if len(rest) > HEADING_MAX_REST or (rest and not decorated):
        return None
    outside: list[str] = []
    inside: list[str] = []
    for word in words:
        depth = sum(1 for ch in head[: word.start()] if ch in "(（") - sum(1 for ch in head[: word.start()] if ch in ")）")
        (inside if depth > 0 else outside).append(_HEADING_ROLE[word.group()])
    for group in (outside, inside):
        specific = [r for r in group if r != "inquiry"]
        if specific:
            return specific[0], body
    return "inquiry", body


def _is_field(text: str) -> bool:
    core = _strip_decoration(text)
    return bool(
        FIELD_ONLY_RE.match(core)
        or PERSONS_LABEL_RE.match(core)
        or (core.startswith("(") and PERSONS_LABEL_RE.search(core[:6]))
        or core.startswith("〒")
        or ADDRESS_LABEL_RE.match(core)
        or SUBJECT_LABEL_RE.match(core)
        or HOURS_LABEL_RE.search(core)
        or URL_RE.match(core)
        or text.startswith(("※", "注", "(注", "*"))
        or CAUTION_RE.search(core)
    )


def _classify(line: _Line, is_doc_heading: bool, has_anchor: bool, has_fax: bool = False) -> None:
    text = line.text
    found = heading_role(text)
    if found:
        line.kind, line.role = "heading", found[0]
        line.body = found[1]
        return
    if has_anchor:
        line.kind = "anchor"
        return
    if has_fax or _is_field(text):
        line.kind = "field"
        return
    numbered = bool(NUMBERING_RE.match(text.lstrip(BULLETS + " ")))
    if is_doc_heading or numbered:
        line.kind = "break"
    elif _WRAPPED_RE.match(text):
        line.kind = "bracket"
    elif "。" in text or len(text) > ORG_LINE_MAX_LEN:
        line.kind = "prose"
    else:
        line.kind = "org"
    line.programme = (
        line.kind in ("break", "bracket")
        and len(text) <= PROGRAMME_HEADING_MAX_LEN
        and "。" not in text
        and bool(PROGRAMME_HINT_RE.search(text))
        and not SECTION_TITLE_RE.search(text)
    )


def _lines(doc: Document, anchor_offsets: list[int], fax_offsets: list[int] | None = None) -> list[_Line]:
    """Classified non-empty lines; a line holding an address or phone is an anchor, one
    holding only a FAX number a field (it stays inside its block)."""
    heading_spans = [(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
    row_spans = [
        (row[0].start, row[-1].end, n, r)
        for n, b in enumerate(doc.blocks)
        if b.kind == "table"
        for r, row in enumerate(b.rows or [])
        if row
    ]
    out: list[_Line] = []
    offset = 0
    anchors = sorted(anchor_offsets)
    faxes = sorted(fax_offsets or [])
    k = f = 0
    for text in doc.text.split("\n"):
        line = _Line(offset, offset + len(text), text)
        while k < len(anchors) and anchors[k] < line.start:
            k += 1
        while f < len(faxes) and faxes[f] < line.start:
            f += 1
        has_anchor = k < len(anchors) and anchors[k] <= line.end
        has_fax = f < len(faxes) and faxes[f] <= line.end
        is_heading = any(a <= line.start < b for a, b in heading_spans)
        line.table, line.row = next(((n, r) for a, b, n, r in row_spans if a <= line.start <= b), (None, None))
        if text.strip():
            _classify(line, is_heading, has_anchor, has_fax)
            out.append(line)
        offset = line.end + 1
    return out


def _is_label(cell: str) -> bool:
    core = _strip_decoration(cell).strip()
    return bool(FIELD_ONLY_RE.match(core) or label_kind(core) or EMAIL_LABEL_RE.fullmatch(core))


def _mark_records(lines: list[_Line]) -> None:
    """Rows of a table listing contact points (事業名 | 担当課 | 電話 | メール, one division
    per row) are each a contact of their own: the table has a header row of field labels,
    or several rows with an address or number none of which starts with a label. A table
    of label | value rows (電話 | 03-…, メール | …) is one contact and is left as it is."""
    tables: dict[int, dict[int, list[_Line]]] = {}
    for line in lines:
        if line.table is not None and line.row is not None:
            tables.setdefault(line.table, {}).setdefault(line.row, []).append(line)
    for rows in tables.values():
        ordered = [rows[r] for r in sorted(rows)]
        anchored = [row for row in ordered if any(line.kind == "anchor" for line in row)]
        header = ordered[0]
        header_cells = " ".join(line.text for line in header).split(" | ")
        labelled_header = header not in anchored and sum(_is_label(cell) for cell in header_cells) >= 2
        labelled_rows = any(_is_label(row[0].text.split(" | ")[0]) for row in anchored)
        if labelled_header or (len(anchored) >= 2 and not labelled_rows):
            for row in anchored:
                for line in row:
                    line.record = True


# --- blocks -----------------------------------------------------------------------------

@dataclass
class _Block:
    first: int  # index of first line
    last: int  # index of last line
    role: str | None  # None: no heading (an orphan address or number)
    emails: list[EmailMatch] = field(default_factory=list)
    phones: list[PhoneMatch] = field(default_factory=list)
    organization: str | None = None
    department: str | None = None
    persons: str | None = None
    address: str | None = None

    def richness(self) -> int:
        return sum(x is not None for x in (self.organization, self.department, self.persons, self.address)) + len(
            self.emails
        ) + len(self.phones)


def _forward(lines: list[_Line], i: int, seen_anchor: bool, taken: list[bool]) -> int:
    """Index of the last line of the block whose first line is `i`."""
    last = i
    org_lines = 0
    for j in range(i + 1, min(len(lines), i + MAX_BLOCK_LINES)):
        line = lines[j]
        if taken[j] or line.kind in ("heading", "break", "bracket", "prose") or line.record:
            break
        if line.kind == "anchor":
            seen_anchor = True
            if "。" in line.text and not CAUTION_RE.search(line.text):
                last = j
                break
        elif line.kind == "org":
            org_lines += 1
            if seen_anchor or org_lines > MAX_ORG_LINES:
                break
        last = j
    return last


def _backward(lines: list[_Line], i: int, taken: list[bool]) -> int:
    """Index of the first line of an orphan block whose anchor is on line `i`."""
    first = i
    if "。" in lines[i].text:
        return first
    for j in range(i - 1, max(-1, i - 1 - MAX_LOOKBACK), -1):
        line = lines[j]
        if taken[j]:
            break
        if line.kind == "bracket":
            return j
        core = _strip_decoration(line.text)
        org_like = line.kind == "org" and ORG_HINT_RE.search(core)
        field_like = line.kind == "field" and (PERSONS_LABEL_RE.match(core) or core.startswith(("〒", "(")))
        if org_like or field_like:
            first = j
        else:
            break
    return first


def _segment(lines: list[_Line]) -> list[_Block]:
    taken = [False] * len(lines)
    blocks: list[_Block] = []
    for i, line in enumerate(lines):
        if line.kind == "heading" and not taken[i]:
            last = _forward(lines, i, False, taken)
            for j in range(i, last + 1):
                taken[j] = True
            blocks.append(_Block(i, last, line.role))
    for i, line in enumerate(lines):
        if line.record and not taken[i]:
            last = i
            while last + 1 < len(lines) and (lines[last + 1].table, lines[last + 1].row) == (line.table, line.row):
                last += 1
            for j in range(i, last + 1):
                taken[j] = True
            blocks.append(_Block(i, last, _table_role(lines, blocks, line.table)))
    for i, line in enumerate(lines):
        if line.kind == "anchor" and not taken[i]:
            first = _backward(lines, i, taken)
            last = _forward(lines, i, True, taken)
            for j in range(first, last + 1):
                taken[j] = True
            blocks.append(_Block(first, last, None))
    blocks.sort(key=lambda b: b.first)
    return blocks


def _table_role(lines: list[_Line], blocks: list[_Block], table: int | None) -> str | None:
    """The role of the contact heading standing right above a table (お問い合わせ先 + table)."""
    first = next(i for i, line in enumerate(lines) if line.table == table)
    for block in blocks:
        if block.role and block.first < first <= block.last + 1:
            return block.role
    return None


# --- fields -----------------------------------------------------------------------------

def _closing(text: str, open_at: int) -> int:
    """Index of the bracket closing the one at `open_at` (or len(text))."""
    depth = 0
    for k in range(open_at, len(text)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return len(text)


def _split_top_level(value: str) -> list[str]:
    """Split on 、 , / outside brackets: 井上、後藤(翔) → [井上, 後藤(翔)]."""
    parts, depth, current = [], 0, ""
    for ch in value:
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and PERSON_SEPARATORS_RE.fullmatch(ch):
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _is_given_name(word: str) -> bool:
    toks = tokens(word, "C")
    return bool(toks) and toks[0].pos[2] == "人名" and toks[0].pos[3] == "名"


def _names(value: str) -> list[str]:
    """Persons as written. Space-separated pieces are grouped into one name when Sudachi
    reads a piece as a given name (佐藤 厚雄) or the group so far is only a job title
    (課長補佐 佐藤); other pieces are separate surnames (石丸 今村)."""
    names: list[str] = []
    for part in _split_top_level(value):
        if "(" in part:
            names.append(part)
            continue
        groups: list[list[str]] = []
        for piece in part.split(" "):
            if groups and (groups[-1][-1] in TITLE_WORDS or _is_given_name(piece)):
                groups[-1].append(piece)
            else:
                groups.append([piece])
        names.extend(" ".join(g) for g in groups)
    return names


def _has_person_name(text: str) -> bool:
    return any(t.pos[2] == "人名" for t in tokens(text, "C"))


def _looks_like_persons(text: str) -> bool:
    """An unlabelled line made only of person names and job titles (課長補佐 佐藤 厚雄)."""
    toks = [t for t in tokens(text, "C") if t.pos[0] not in ("補助記号", "空白")]
    if not toks or not any(t.pos[2] == "人名" for t in toks):
        return False
    return all(t.pos[2] == "人名" or t.surface in TITLE_WORDS or t.pos[0] == "接尾辞" for t in toks)


def _persons_value(text: str) -> str | None:
    m = PERSONS_LABEL_RE.search(text)
    if not m:
        return None
    start = m.end()
    opened = text.rfind("(", 0, m.start() + 1)
    end = _closing(text, opened) if opened >= 0 and m.group().startswith("(") else len(text)
    value = text[start:end]
    cut = _FIELD_LABEL_RE.search(value)
    if cut:
        value = value[: cut.start()]
    return value.strip(" 、,") or None


def _address_value(text: str) -> str | None:
    core = _strip_decoration(text)
    core = ADDRESS_LABEL_RE.sub("", core)
    at = core.find("〒")
    if at < 0 and not ADDRESS_LABEL_RE.match(_strip_decoration(text)):
        return None
    value = core[max(at, 0) :]
    cut = _FIELD_LABEL_RE.search(value)
    if cut:
        value = value[: cut.start()]
    # the same postal code written twice (〒102-0093 〒102-0093 東京都…) is kept once
    value = re.sub(r"^(〒\s*\d{3}-?\d{4})\s+〒\s*\d{3}-?\d{4}\s*", r"\1 ", value)
    return value.strip() or None


def _leading_place(text: str) -> str | None:
    """A local government at the start of `text` (北海道標茶町企画課 → 北海道標茶町)."""
    toks = tokens(text, "C")
    end = None
    for t in toks:
        is_place = t.pos[1] == "固有名詞" and t.pos[2] == "地名" and t.start == (end or 0)
        if is_place and LOCAL_GOVERNMENT_END_RE.search(t.surface):
            end = t.end
            continue
        break
    return text[:end] if end else None


def _only_places(text: str) -> list[str] | None:
    """The places of a cell that names only places (北海道 / 青森県、岩手県、宮城県: a
    管轄区域 column), None when it names anything else."""
    parts = [p for p in re.split(r"\s*[、,・/]\s*|\s+", text) if p]
    if not parts or any(_leading_place(p) != p for p in parts):
        return None
    return parts


def _place_named_office(chunk: str) -> bool:
    """沖縄総合通信事務所, 那覇港湾事務所: an office named after a place (its first word a
    place name) is an organisation of its own, not that place."""
    toks = tokens(chunk, "C")
    return (len(toks) > 1 and toks[0].pos[1] == "固有名詞" and toks[0].pos[2] == "地名"
            and chunk.endswith(OFFICE_SUFFIXES))


def split_organization(text: str) -> tuple[str | None, str | None]:
    """(organisation, department) of one line: 株式会社三菱総合研究所 | 公共イノベーション部門 …,
    総務省 | 情報流通行政局 …; (None, line) when no organisation is named."""
    t = re.sub(r"^(?:名称|宛先|所属|部署|組織)\s*:\s*", "", _strip_decoration(text)).strip()
    t = re.sub(r"\s*(?:宛て?|御中)$", "", t)
    if not t:
        return None, None
    org: str | None = None
    for prefix in CORPORATE_PREFIXES:
        if t.startswith(prefix):
            chunks = t.split(" ")
            taken = [chunks[0]]
            for chunk in chunks[1:]:
                if len(taken) > 1 and taken[0] != prefix:
                    break
                if DEPARTMENT_SUFFIX_RE.search(chunk) or chunk[:1] in OPEN_BRACKETS:
                    break
                if taken[0] != prefix:
                    break
                taken.append(chunk)
            org = " ".join(taken)
            break
    if org is None:
        for form in COMPANY_FORMS:
            at = t.find(form)
            if at > 0 and t[at - 1] in OPEN_BRACKETS + " :":
                # …事務局(株式会社X 社会システム本部): the company is named after its form
                inner = t[at : _closing(t, at - 1) if t[at - 1] == "(" else len(t)]
                return split_organization(inner)
            if at > 0:
                org = t[: at + len(form)]
                break
    if org is None:
        for body in GOVERNMENT_BODIES:
            if t.startswith(body):
                org = body
                break
    if org is None:
        m = REGIONAL_BUREAU_RE.match(t)
        org = m.group() if m else None
    if org is None:
        org = _leading_place(t)
    if org is None:
        first = t.split(" ")[0]
        if (first.endswith(BODY_SUFFIXES) and len(first) > 2) or _place_named_office(first):
            org = first
    if org is None:
        return None, t
    rest = t[len(org) :].strip(" /・、")
    return org, rest or None


def _fill(block: _Block, lines: list[_Line], doc: Document) -> None:
    """Read organisation, department, persons and address from the block's lines."""
    org_texts: list[str] = []
    places: list[str] = []
    skip_next = False
    anchors = [e.start for e in block.emails] + [p.start for p in block.phones]
    for index in range(block.first, block.last + 1):
        line = lines[index]
        text = line.text[line.body :] if line.kind == "heading" else line.text
        cursor = line.end - len(text)
        segments = text.split(" | ")
        if len(segments) == 2 and FIELD_ONLY_RE.match(_strip_decoration(segments[0]).strip()):
            segments = [segments[0].rstrip(": ") + ":" + segments[1]]  # 担当 | 地域政策課 (a dl row)
        for segment in segments:
            segment_start, cursor = cursor, cursor + len(segment) + len(" | ")
            core = _strip_decoration(segment).strip()
            if not core:
                continue
            if skip_next:  # the value under a bare 件名 (subject) label
                skip_next = False
                if line.kind == "org":
                    continue
            if FIELD_ONLY_RE.match(core):
                skip_next = bool(SUBJECT_LABEL_RE.match(core))
                continue
            persons = _persons_value(core)
            if persons and block.persons is None:
                if not _has_person_name(persons) and DEPARTMENT_SUFFIX_RE.search(persons):
                    org_texts.append(persons)
                else:
                    block.persons = "、".join(_names(persons))
                if not PERSONS_LABEL_RE.match(core) and not core.startswith("("):
                    org_texts.append(core[: PERSONS_LABEL_RE.search(core).start()])
                continue
            address = _address_value(core)
            if address:
                block.address = block.address or address
                before = core[: core.find("〒")] if "〒" in core else ""
                if before.strip() and ORG_HINT_RE.search(before):
                    org_texts.append(before)
                continue
            if line.record and not any(segment_start <= a < segment_start + len(segment) for a in anchors):
                named = _only_places(core)
                if named is not None:
                    if len(named) == 1:
                        places.append(core)  # a prefecture column: used when no body is named
                    continue  # 青森県、岩手県、…: the area a row covers, nobody's name
                elif ORG_HINT_RE.search(core) and "。" not in core:
                    org_texts.append(core)
                continue
            if line.kind == "anchor":
                cut = _FIELD_LABEL_RE.search(core)
                prefix = core[: cut.start()] if cut else ""
                if len(prefix.strip()) >= 2 and ORG_HINT_RE.search(prefix) and "。" not in prefix:
                    org_texts.append(prefix)
                continue
            if line.kind == "org" or (line.kind == "heading" and "。" not in core):
                if _looks_like_persons(core) and block.persons is None:
                    block.persons = "、".join(_names(core))
                else:
                    org_texts.append(core)
    for text in org_texts:
        org, dept = split_organization(text)
        if org and block.organization is None:
            block.organization = org
            block.department = block.department or dept
        elif block.department is None:
            block.department = dept
    if block.organization is None and places and not _named_after(block.department, places[0]):
        block.organization = places[0]  # 北海道 | 総合政策部 … : the prefecture's department
    block.role = _final_role(block)
    publisher = doc.publisher or ""
    if block.role == "ministry_division" and block.organization is None and publisher.endswith(("省", "府", "庁", "内閣官房")):
        block.organization = publisher


def _named_after(name: str | None, place: str) -> bool:
    """Does `name` start with `place` or its stem (沖縄県 → 沖縄)? Then the place is part of
    an office's name (沖縄…事務所), not the body the office belongs to."""
    if not name:
        return False
    stem = place[:-1] if len(place) > 2 and place.endswith(("都", "府", "県")) else place
    return name.startswith(stem)


def _is_government(block: _Block) -> bool:
    if block.organization:
        return block.organization in GOVERNMENT_BODIES or bool(REGIONAL_BUREAU_RE.match(block.organization)) or bool(
            LOCAL_GOVERNMENT_END_RE.search(block.organization)
        )
    return bool(block.department and GOVERNMENT_HINT_RE.search(block.department))


def _final_role(block: _Block) -> str:
    if block.role == "desk":
        return "ministry_division" if _is_government(block) else "inquiry"
    if block.role == "inquiry" and not _is_government(block) and (block.department or "").endswith("事務局"):
        return "secretariat"  # the inquiry desk is the programme's secretariat
    if block.role is None:
        if _is_government(block) and not (block.organization or "").endswith(COMPANY_FORMS):
            return "ministry_division"
        return "other"
    return block.role


# --- duplicates and rows -------------------------------------------------------------------

def _keys(block: _Block) -> set[str]:
    return {e.address for e in block.emails} | {p.number for p in block.phones}


def _drop_duplicates(blocks: list[_Block], lines: list[_Line]) -> list[_Block]:
    """Within one programme section, a block whose addresses and numbers are all stated
    by another (richer, or as rich and earlier) block is the same contact point."""
    section_of: list[int] = []
    section = 0
    for line in lines:
        section += line.programme
        section_of.append(section)
    kept: list[_Block] = []
    for block in blocks:
        keys = _keys(block)
        covered = any(
            other is not block
            and section_of[other.first] == section_of[block.first]
            and keys
            and keys <= _keys(other)
            and (other.richness(), -other.first) > (block.richness(), -block.first)
            for other in blocks
        )
        if not covered:
            kept.append(block)
    return kept


def _rows(block: _Block, doc: Document, lines: list[_Line]) -> list[Contact]:
    emails = list(dict.fromkeys(e.address for e in block.emails))
    phones: dict[str, str | None] = {}
    for p in block.phones:
        phones.setdefault(p.number, p.label)
    numbers = list(phones)
    if not emails and not numbers and not block.address and not block.persons:
        return []
    start = lines[block.first].start
    end = lines[block.last].end
    evidence = doc.evidence(start, end)
    rows: list[Contact] = []
    for i in range(max(len(emails), len(numbers), 1)):
        email = emails[i] if i < len(emails) else (emails[0] if len(emails) == 1 else None)
        phone = numbers[i] if i < len(numbers) else (numbers[0] if len(numbers) == 1 else None)
        rows.append(
            Contact(
                role=block.role or "other",
                organization=block.organization,
                department=block.department,
                persons=block.persons,
                phone=phone,
                email=email,
                address=block.address,
                evidence=evidence,
                phone_label=phones.get(phone) if phone else None,
            )
        )
    return rows


def extract(doc: Document) -> list[Contact]:
    """Every contact point of the document, each with its block as evidence."""
    struck = superseded_spans(doc)  # the 誤 / 訂正前 side of a corrigendum
    emails = [e for e in find_emails(doc.text) if not is_superseded(e.start, struck)]
    numbers = [p for p in find_phones_in(doc) if not is_superseded(p.start, struck)]
    phones = [p for p in numbers if p.kind == "phone"]
    faxes = [p.start for p in numbers if p.kind == "fax"]
    lines = _lines(doc, [e.start for e in emails] + [p.start for p in phones], faxes)
    _mark_records(lines)
    blocks = _segment(lines)
    for block in blocks:
        start, end = lines[block.first].start, lines[block.last].end
        block.emails = [e for e in emails if start <= e.start < end]
        block.phones = [p for p in phones if start <= p.start < end]
        _fill(block, lines, doc)
    blocks = _drop_duplicates(blocks, lines)
    return [row for block in blocks for row in _rows(block, doc, lines)]
