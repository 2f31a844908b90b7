"""Awarded bodies (採択・選定・交付決定・内定・支援先団体): who was selected, in which category and year.

Written forms read, each only where an announcement frames it:
- result tables (No.|都道府県|団体名, 代表団体|構成団体|事業名, 都道府県|事業名|交付決定額 …)
  under an announcement (採択結果, 以下の団体を採択しました, 交付決定を行いました) or with a
  header that itself says so (採択団体); a table continued on the next PDF page (header
  repeated or not) keeps its columns, year and merged cells; label|value tables (採択団体 | …);
- numbered row lines of a table a PDF drew without rules (1 北海道 札幌市 …);
- announcement sentences (長野県松本市及び長野県中川村による提案2件が選定されました);
- lists of places under a results heading (採択結果 / 【選定団体】 followed by 北海道標茶町 …).

What counts (tests/test_awards_unseen.py pins it down): every member of a selected
proposal (代表団体 and 構成団体); organisations under their own name, in the row's
prefecture (its 都道府県 column, else the one prefecture of the row's local governments,
else a location note 株式会社A(山梨県甲府市)); explicit past-year results (令和5年度採択団体)
with their year; a prefecture where a row names it as the body, not where it only groups
or counts municipalities. Column headers are classified by the vocabulary in
extractors.vocab_awards (label → kind).

Bodies come from the gazetteer (extractors.places), so a body is always a span of the
text; a name-shaped word the gazetteer does not know (an old name) is kept without a
code and logged as a warning. Good practices (好事例), examples, contacts, applicants
and addresses are not awards. Bodies said to have been supported in earlier years
without an announcement verb (令和5、6年度に…伴走支援を受けている都道府県（青森県…）)
are left out: the sentence states a condition, not a selection, and its year is a range.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from extractors.dates import fiscal_year_in
from extractors.model import Award, Block, Cell, Document
from extractors.places import PREFECTURES, Place, find_places, prefecture_name, resolve
from extractors.vocab_awards import (
    ANNOUNCEMENT,
    APPLICANT_HEADERS,
    APPLICATION_COUNT,
    APPLICATIONS,
    APPLICATIONS_END,
    AWARD_HEADERS,
    BODY_KINDS,
    DECIDED_TO,
    GENERIC_ORGANISATION,
    GROUP_WORD,
    HEADER_KINDS,
    HEADER_VETO,
    NOT_A_NAME,
    NOT_ANNOUNCEMENT,
    NOT_AWARD_CONTEXT,
    NOT_PARTNERSHIP,
    NOTE_LINE,
    ORGANISATION,
    ORGANISATION_PREFIX,
    PARTNERSHIP,
    PREFECTURE_ITSELF,
    PREFECTURE_LABEL,
    REPORTED,
    ROLE_NOTE,
    UNNAMED_OTHERS,
)

VERSION = "8"
log = logging.getLogger(__name__)

# ---------------------------------------------------------------- vocabularies

# A place followed by these is a region or an office, not a body: 長野県内, 松本市役所.
NOT_A_BODY_AFTER = re.compile(r"内|管内|在住|出身|役所|役場|庁|所在|\d")
# A short block naming a category: 類型① 市町村単独支援枠, Aコース, 第2次.
CATEGORY = re.compile(
    r"^(?:[(]?\d{1,2}[).]|[■●◆□○・])?\s*(?:[【\[(]?類型[①-⑳\d]+[】\])]?|[A-Z]コース|第[\d一二三四五]+次|\S{1,14}(?:枠|コース|部門|分野))"
)
PLACEHOLDER = re.compile(r"^[\-‐―─—ー−–/／・\s]*$|^(?:なし|該当なし|無し|該当団体なし|ー)$")
# A sentence that reports a selection as done (not 選定します, the future).
SENTENCE_VERB = re.compile(
    r"(?:採択|選定|選出|決定|内定)(?:いた)?(?:(?:し|され|となり)ました|(?:され|し)て(?:い|おり)ます)"
    rf"|(?:採択|選定|選出|決定|内定){DECIDED_TO}"
    r"|選ばれ(?:ました|ています)"
)
# A label that introduces the awarded bodies on its line: 採択団体:北海道標茶町、…
LABELLED = re.compile(r"(?:採択|選定|支援先|交付決定)(?:団体|先|地域|自治体|市町村|市区町村)(?:名|一覧)?\s*[:：]")
SENTENCE_END = re.compile(r"[。\n]")
# 本県 (this prefecture) resolved from the publisher's prefecture, when the document says which.
HOME_PREFECTURE = re.compile(r"本県|当県|本道|当道|本府|当府|本都|当都")
# Host names of prefectural sites: pref.<name>.lg.jp, www.pref.<name>.jp, metro.tokyo.
PREFECTURE_HOSTS = dict(zip(
    ("hokkaido", "aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima", "ibaraki", "tochigi", "gunma",
     "saitama", "chiba", "tokyo", "kanagawa", "niigata", "toyama", "ishikawa", "fukui", "yamanashi", "nagano",
     "gifu", "shizuoka", "aichi", "mie", "shiga", "kyoto", "osaka", "hyogo", "nara", "wakayama",
     "tottori", "shimane", "okayama", "hiroshima", "yamaguchi", "tokushima", "kagawa", "ehime", "kochi", "fukuoka",
     "saga", "nagasaki", "kumamoto", "oita", "miyazaki", "kagoshima", "okinawa"),
    PREFECTURES, strict=True,
))
CONTEXT_BLOCKS = 10  # how far back a table looks for its announcement


fiscal_year = fiscal_year_in  # first 年度 in a text as a western year: 令和7年度 → 2025


# ---------------------------------------------------------------- entry points


def extract(doc: Document) -> list[Award]:
    """Every awarded body of the document, each with its row or sentence as evidence."""
    awards, warnings = extract_with_warnings(doc)
    for message in warnings:
        log.warning(message)
    return awards


def extract_with_warnings(doc: Document) -> tuple[list[Award], list[str]]:
    """`extract`, returning the warnings (unknown or ambiguous names) instead of logging them."""
    ctx = _Context(doc, [])
    awards: list[Award] = []
    for i, block in enumerate(doc.blocks):
        if block.kind == "table":
            ctx.previous = []
            awards += _table_awards(ctx, i)
        else:
            awards += _sentence_awards(ctx, i)
    awards += _list_awards(ctx)
    awards += _row_line_awards(ctx)
    return _dedupe(awards), ctx.warnings


@dataclass
class _Context:
    doc: Document
    warnings: list[str]
    last_table: _TableState | None = None
    previous: list[Award] = field(default_factory=list)  # awards of the sentence just read

    def warn(self, place_text: str, status: str, where: str) -> None:
        self.warnings.append(f"award body {place_text!r} ({where}): {status.replace('_', ' ')}, left without lg_code")


# ---------------------------------------------------------------- tables


@dataclass
class _Columns:
    header_row: int  # the last header row (a header may take two rows)
    bodies: list[int]  # the first is the representative's column
    prefecture: int | None
    category: int | None
    partner: int | None
    places_only: frozenset[int] = frozenset()  # body columns of local governments only
    any_name: frozenset[int] = frozenset()  # body columns of proposers: any name is a body
    applicant: bool = False  # the body columns say 応募/申請: awards only under an announcement
    prefecture_led: bool = False  # 都道府県 | 管内市町村: one group per prefecture, the prefecture selected


def header_kind(header: str) -> str | None:
    """What a column holds, from its header (see vocab_awards.HEADER_KINDS): body,
    municipality, applicant, prefecture, category, partner, project, count, other, or
    None for an unknown header."""
    header = re.sub(r"\s+", "", header)
    matches = [(m.end(), len(word), kind) for word, kind in HEADER_KINDS.items()
               for m in re.finditer(re.escape(word), header)]
    if not matches:
        return None
    kind = max(matches)[2]
    if kind in BODY_KINDS or kind == "member":
        if any(w in header for w in HEADER_VETO):
            return "other"
        if "数" in header and "名" not in header:
            return "count"  # 支援先団体数 counts bodies; 支援先団体数・名称 also names them
        if any(w in header for w in APPLICANT_HEADERS):
            return "applicant"  # 応募団体名 (応募コース stays a category)
    return kind


def _header_texts(rows: list[list[Cell]], r: int) -> tuple[list[str], int]:
    """Header texts of row `r`, joined with the row below when that row is a second
    header row (代表団体 spanning 都道府県 | 団体名); and the last header row."""
    top = [c.text for c in rows[r]]
    if r + 1 >= len(rows) or len(rows[r + 1]) != len(top):
        return top, r
    sub = [c.text for c in rows[r + 1]]
    filled = [t for t in sub if t.strip()]
    if not filled or not all(header_kind(t) for t in filled) or any(find_places(t) for t in filled):
        return top, r
    spanning, merged = "", []
    for above, below in zip(top, sub, strict=True):
        spanning = above if above.strip() else (spanning if below.strip() else "")
        merged.append(spanning + below)
    return merged, r + 1


def _find_columns(rows: list[list[Cell]]) -> _Columns | None:
    for r in range(min(3, len(rows))):
        headers, last = _header_texts(rows, r)
        kinds = [header_kind(h) for h in headers]

        def first(kind: str, kinds: list = kinds) -> int | None:
            return next((i for i, k in enumerate(kinds) if k == kind), None)

        bodies = [i for i, k in enumerate(kinds) if k in BODY_KINDS]
        members = [i for i, k in enumerate(kinds) if k == "member"]
        applicant = not bodies
        if applicant:
            bodies = [i for i, k in enumerate(kinds) if k == "applicant"]
        prefecture = first("prefecture")
        led = False
        if not bodies and prefecture is not None and members:
            # 都道府県 | 管内市町村: the prefecture is selected, its municipalities take part
            bodies, applicant, led = [prefecture], False, True
        elif not bodies and prefecture is not None and "project" in kinds and "count" not in kinds:
            bodies, applicant = [prefecture], False  # 都道府県 | 事業名: the prefectures are the grantees
        if not bodies:
            continue
        bodies += [i for i in members if i not in bodies]
        places_only = frozenset(i for i in bodies if kinds[i] in ("municipality", "prefecture", "member"))
        any_name = frozenset(i for i in bodies if kinds[i] in ("proposer", "applicant"))
        return _Columns(last, bodies, prefecture, first("category"), first("partner"), places_only, any_name,
                        applicant, led)
    return None


def _announcement_before(ctx: _Context, index: int, header: str) -> Block | None:
    """The block that announces the table's bodies as awarded, or None (no
    announcement, or a good-practice / applicant / contact context comes nearer)."""
    for block in reversed(ctx.doc.blocks[max(0, index - CONTEXT_BLOCKS):index]):
        if block.kind == "table":
            continue
        text = _after_applications(block.text)
        if text is None:
            return None
        if _announces(block, text):
            return block
    if any(w in header for w in AWARD_HEADERS) and not NOT_AWARD_CONTEXT.search(header):
        return ctx.doc.blocks[index]
    return None


def _announces(block: Block, text: str | None = None) -> bool:
    """The block (or its `text` after a report of applications) announces results: a
    heading or short label (採択結果, 令和6年度採択団体), or a sentence that reports them
    (…を採択しました / 採択団体は以下のとおりです), not a rule about them
    (採択団体は報告書を提出すること)."""
    sentence = _announcing_sentence(block.text if text is None else text)
    if not sentence or NOT_ANNOUNCEMENT.search(sentence):
        return False
    label = len(block.text) <= 40 and "。" not in block.text
    return block.kind == "heading" or label or bool(REPORTED.search(sentence))


def _after_applications(text: str) -> str | None:
    """The part of `text` that may name awarded bodies: all of it when no context word
    (事例, 担当, 応募団体 …) is in it; the result reported after a report of applications
    (応募のあった14件について、審査を行った結果、…を採択することとしました → what follows
    結果、); None when applicants, examples or contacts are what the text is about."""
    masked = APPLICATION_COUNT.sub(lambda m: " " * len(m.group()), text)  # counts are statistics
    vetoes = list(NOT_AWARD_CONTEXT.finditer(masked))
    if not vetoes:
        return text
    last = vetoes[-1]
    if not APPLICATIONS.search(last.group()):
        return None
    for m in ANNOUNCEMENT.finditer(masked, last.end()):
        breaks = list(APPLICATIONS_END.finditer(masked, last.end(), m.start()))
        if not breaks:
            continue
        tail = text[breaks[-1].end():]
        sentence = _announcing_sentence(tail)
        if sentence and not NOT_ANNOUNCEMENT.search(sentence) and REPORTED.search(sentence):
            return tail
    return None


def _announcing_sentence(text: str) -> str:
    m = ANNOUNCEMENT.search(text)
    if not m:
        return ""
    starts = [e.end() for e in SENTENCE_END.finditer(text, 0, m.start())]
    start = starts[-1] if starts else 0
    end = SENTENCE_END.search(text, m.end())
    return text[start:end.end() if end else len(text)]


def _category_before(ctx: _Context, index: int, stop: Block) -> str | None:
    """Nearest short category line (類型① 市町村単独支援枠) between the announcement and the table."""
    for block in reversed(ctx.doc.blocks[:index]):
        if block is stop or block.kind == "table":
            break
        line = block.text.split("\n")[0].strip()
        if len(line) <= 40 and "。" not in line and CATEGORY.match(line):
            return line
    return None


@dataclass
class _TableState:
    """An awards table, remembered so that its continuation on the next PDF page
    (a table without a header row, or with the header row repeated) is read with the
    same columns, year, category and merged cells."""

    index: int
    cols: _Columns
    header: list[str]
    year: int | None
    category: str | None
    carried: dict


def _table_awards(ctx: _Context, index: int) -> list[Award]:
    rows = ctx.doc.blocks[index].rows or []
    if _is_label_value(rows):
        return _label_value_awards(ctx, index)
    cols = _find_columns(rows)
    state = _continuation(ctx, index, rows, cols)
    if state is not None:
        data_rows = rows[cols.header_row + 1:] if cols else rows
    elif cols is None:
        return []
    else:
        header = [c.text for c in rows[cols.header_row]]
        header_text = " ".join(c.text for row in rows[:cols.header_row + 1] for c in row)
        announcement = _announcement_before(ctx, index, header_text)
        if announcement is None or (cols.applicant and announcement is ctx.doc.blocks[index]):
            return []
        year = fiscal_year(announcement.text) or _year_before(ctx, index) or fiscal_year(ctx.doc.title or "")
        state = _TableState(index, cols, header, year, _category_before(ctx, index, announcement),
                            {"prefecture": None, "category": None})
        data_rows = rows[cols.header_row + 1:]
    state.index = index
    ctx.last_table = state
    return [a for number, row in enumerate(data_rows, start=1) for a in _row_awards(ctx, state, row, number)]


def _is_label_value(rows: list[list[Cell]]) -> bool:
    """A table of label | value rows (事業名 | … / 採択団体 | …), also a <dl>: two
    columns whose first cells are mostly known header words."""
    if len(rows) < 2 or any(len(row) != 2 for row in rows):
        return False
    labelled = sum(header_kind(row[0].text) is not None and len(row[0].text) <= 20 for row in rows)
    return labelled * 2 >= len(rows) and header_kind(rows[1][0].text) is not None


def _label_value_awards(ctx: _Context, index: int) -> list[Award]:
    """Bodies of the rows whose label itself says awarded (採択団体, 交付先 …)."""
    block = ctx.doc.blocks[index]
    out: list[Award] = []
    for label, value in block.rows or []:
        if header_kind(label.text) not in BODY_KINDS or not any(w in label.text for w in AWARD_HEADERS):
            continue
        year = fiscal_year(block.text) or _year_before(ctx, index) or fiscal_year(ctx.doc.title or "")
        evidence = ctx.doc.evidence(label.start, value.end)
        bodies = _bodies_in_cell(ctx, value.text, None, f"{label.text} row", _row_prefecture([value.text]))
        group = label.text if len(bodies) > 1 else None
        out += [Award(fiscal_year=year, category=None, prefecture=pref, body_name=name, evidence=evidence,
                      lg_code=code, group_label=group) for pref, name, code in bodies]
    return out


def _continuation(ctx: _Context, index: int, rows: list[list[Cell]], cols: _Columns | None) -> _TableState | None:
    """The previous awards table, when this table continues it on the next page: the
    same number of columns, either no header row or the same header repeated, and
    only page furniture between (page numbers, a running head, short lines)."""
    state = ctx.last_table
    if state is None or not rows or len(rows[0]) != len(state.header):
        return None
    if cols is not None and [c.text for c in rows[cols.header_row]] != state.header:
        return None
    repeated = cols is not None
    between = ctx.doc.blocks[state.index + 1:index]
    if len(between) > 3:
        return None
    for b in between:
        furniture = _page_furniture(ctx, b, state.index) if repeated else len(b.text) <= 30
        if (b.kind == "table" or not furniture or CATEGORY.match(b.text) or NOT_AWARD_CONTEXT.search(b.text)
                or (not repeated and (b.kind == "heading" or ANNOUNCEMENT.search(b.text)))):
            return None
    return state


def _page_furniture(ctx: _Context, block: Block, before: int) -> bool:
    """A page number or running head: short, or the text of an earlier block again."""
    if block.kind == "heading" and fiscal_year(block.text) and not _repeats(ctx, block, before):
        return False  # 令和5年度: a new section, not the same table
    return len(block.text) <= 30 or _repeats(ctx, block, before)


def _repeats(ctx: _Context, block: Block, before: int) -> bool:
    text = re.sub(r"\s+", "", block.text)
    return any(re.sub(r"\s+", "", b.text) == text for b in ctx.doc.blocks[:before])


def _row_awards(ctx: _Context, state: _TableState, row: list[Cell], number: int) -> list[Award]:
    cols, cells = state.cols, [c.text for c in row]
    if len(cells) <= max(cols.bodies) or cells == state.header:
        return []
    prefecture = _carried(state.carried, "prefecture", _cell(cells, cols.prefecture), _prefecture_of_cell)
    category = _carried(state.carried, "category", _cell(cells, cols.category), lambda s: s) or state.category
    texts = {i: row[i].text for i in cols.bodies}
    if cols.prefecture_led and prefecture and PLACEHOLDER.match(texts[cols.prefecture]):
        texts[cols.prefecture] = prefecture  # a merged prefecture cell: the row is still its group's
    body_cells = [(texts[i], "any" if i in cols.any_name else "legal" if i not in cols.places_only else "")
                  for i in cols.bodies if not PLACEHOLDER.match(texts[i])]
    body_texts = [text for text, _ in body_cells]
    if not body_texts:
        return []
    partner = _cell(cells, cols.partner)
    partner = None if not partner or PLACEHOLDER.match(partner) else partner
    evidence = ctx.doc.evidence(row[0].start, row[-1].end)
    label_no = cells[0] if cols.bodies[0] and re.fullmatch(r"\d{1,3}", cells[0]) else str(number)
    where = f"table row {label_no}"
    context = prefecture or _row_prefecture(body_texts)
    bodies = [b for text, orgs in body_cells for b in _bodies_in_cell(ctx, text, prefecture, where, context, orgs)]
    group = f"{category + ' ' if category else ''}No.{label_no}" if len(bodies) > 1 else None
    if cols.prefecture_led and prefecture and len(bodies) > 1:
        group = f"{category + ' ' if category else ''}{prefecture}"  # one group per prefecture, across rows
    return [Award(fiscal_year=state.year, category=category, prefecture=pref, body_name=name, evidence=evidence,
                  lg_code=code, group_label=group, partner=partner) for pref, name, code in bodies]


def _cell(cells: list[str], index: int | None) -> str | None:
    return cells[index] if index is not None and index < len(cells) else None


def _prefecture_of_cell(text: str) -> str | None:
    """The prefecture a 都道府県 / 所在地 cell gives: 長野, 長野県, 東京都千代田区."""
    text = text.strip()
    return prefecture_name(text) or next((p for p in PREFECTURES if text.startswith(p)), None)


def _carried(carried: dict, key: str, value: str | None, parse) -> str | None:
    """A merged cell (empty under its first row) keeps the value of the row above."""
    if value is None:
        return None
    if value.strip() and not PLACEHOLDER.match(value):
        carried[key] = parse(value.strip())
    elif PLACEHOLDER.match(value) and value.strip():
        carried[key] = None
    return carried[key]


def _row_prefecture(texts: list[str]) -> str | None:
    """The one prefecture of a row's local governments (宮城県仙台市 | 東北大学): the
    prefecture its organisations and ambiguous names are read in, when no column says."""
    found = {p.prefecture or (p.municipality.prefecture if p.municipality else None)
             for text in texts for p in find_places(text)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_COUNT_PREFIX = re.compile(r"^\d+(?:団体|市町村|市区町村|自治体)\s*[:：]?\s*")
_NAME_SHAPED = re.compile(r"[一-鿿々ヶァ-ヺーぁ-ん]{1,8}[市町村区都道府県]")
_SEPARATORS = re.compile(r"[\s、,，・/／()（）\[\]「」【】※]|及び|並びに|及|と|ほか|等")
_ITEM_SEPARATORS = re.compile(r"[、,，;；]")
# A line ending like this ends a name: the next line starts another body.
_NAME_END = re.compile(r"(?:[市区町村都道府県)）]|会社|法人|協会|機構|大学|センター|組合|協議会|公社|研究所|連合|団体)$")


def _bodies_in_cell(ctx: _Context, text: str, prefecture: str | None, where: str,
                    context: str | None = None, organisations: str = "legal") -> list[tuple]:
    """(prefecture, body_name, lg_code) of each body a table cell names.

    A cell is cut into items (、 and line breaks between names); an item naming an
    organisation is one body under its own name in the row's prefecture, any other item
    gives one body per place (金山町 最上町 舟形町). `organisations` says which
    organisations the column holds: "legal" (with a legal form: 一般社団法人…, 株式会社…),
    "any" (a column of proposers: any name that is no place), "" (places only).
    `prefecture` is the row's 都道府県 column, `context` the prefecture the row's other
    bodies share."""
    text = _COUNT_PREFIX.sub("", text.strip())
    label, text = _prefecture_label(text)
    prefecture = prefecture or label
    if text.strip() in PREFECTURE_ITSELF and prefecture:
        code = resolve(prefecture, prefecture)[0]
        return [(prefecture, prefecture, code.lg_code if code else None)]
    bodies: list[tuple] = []
    for item in _cell_items(text):
        org, seat = _organisation(item, organisations == "any") if organisations else (None, None)
        if org:
            bodies.append((prefecture or seat or context, org, None))
            continue
        item, located = _place_location(item)
        bodies += _place_bodies(ctx, item, located or prefecture or context, where)
    return bodies


def _place_location(item: str) -> tuple[str, str | None]:
    """A body followed by its prefecture in brackets (伊達市(福島県), 美郷町 （秋田県）): the
    bracket is the body's location, never a body of its own; the item without it, and
    that prefecture."""
    m = _PLACE_LOCATION.fullmatch(item.strip())
    if m and any(p.municipality is None or p.municipality.kind != "prefecture" for p in find_places(m.group(1))):
        return m.group(1), m.group(2)
    return item, None


def _prefecture_label(text: str) -> tuple[str | None, str]:
    """A prefecture written as a label of the municipalities after it (長野県:松本市、塩尻市 /
    【鳥取県】日南町 / 長野県(松本市、塩尻市)) and the text it labels."""
    m = _PREFECTURE_LABEL.match(text)
    if m and find_places(text[m.end():]):
        return next(g for g in m.groups() if g), text[m.end():]
    m = _PREFECTURE_GROUP.fullmatch(text.strip())
    if m and find_places(m.group(2)):
        return m.group(1), m.group(2)
    return None, text


_PREFECTURE_LABEL = re.compile(PREFECTURE_LABEL.format(p="|".join(PREFECTURES)))
_PREFECTURE_GROUP = re.compile(rf"({'|'.join(PREFECTURES)})\s*[(（]([^()（）]+)[)）]")
_PREFECTURE_NOTE = re.compile(rf"[(（]\s*(?:{'|'.join(PREFECTURES)})\s*[)）]")
_PLACE_LOCATION = re.compile(rf"(.+?)\s*[(（]\s*({'|'.join(PREFECTURES)})\s*[)）]")


def _cell_items(text: str) -> list[str]:
    """Items of a cell: split at 、 and at line breaks that fall between two names (not
    inside one a PDF wrapped: 真室\\n川町, 一般社団法人\\nとくしまデジタル協議会)."""
    items: list[str] = []
    for part in _ITEM_SEPARATORS.split(text):
        lines = [line.strip() for line in part.split("\n") if line.strip()]
        current = ""
        for line in lines:
            if NOTE_LINE.match(line) and not find_places(line):
                continue  # (共同提案), ※共同申請: a note, never a body
            if current and _PREFECTURE_NOTE.fullmatch(line):
                current += line  # 伊達市\n(福島県): the location of the line above
            elif current and _breaks_between(current, line):
                items.append(current)
                current = line
            else:
                current += line
        if current:
            items.append(current)
    return items


def _breaks_between(before: str, after: str) -> bool:
    if ORGANISATION_PREFIX.fullmatch(before.strip()):
        return False
    before = ROLE_NOTE.sub("", before)
    return bool(_NAME_END.search(before) or ORGANISATION_PREFIX.match(after)
                or any(after.startswith(p) for p in PREFECTURES))


def _organisation(item: str, any_name: bool = True) -> tuple[str | None, str | None]:
    """The item as an organisation's name (role notes and a location note dropped) and
    the prefecture of that location note, or (None, None) when the item is no
    organisation. With `any_name`, a name without a legal form (NTT東日本) counts too."""
    name = re.sub(r"\s+", " ", UNNAMED_OTHERS.sub("", ROLE_NOTE.sub("", item))).strip()
    seat = None
    note = _LOCATION_NOTE.search(name)
    if note and _places_only(note.group(1)):
        place = find_places(note.group(1))[0]
        seat = place.prefecture or (place.municipality.prefecture if place.municipality else None)
        name = name[:note.start()].strip()
    if (not name or NOT_A_NAME.match(name) or GENERIC_ORGANISATION.match(name) or PLACEHOLDER.match(name)
            or _places_only(name)):
        return None, None
    if ORGANISATION.search(name) or (any_name and _looks_like_a_name(name)):
        return name, seat
    return None, None


_LOCATION_NOTE = re.compile(r"\s*[(（]([^()（）]+)[)）]$")


def _looks_like_a_name(text: str) -> bool:
    """A proper name, not a place and not a sentence: 2–60 characters, no 。, not a
    group word (管内市町村), not a name-shaped unknown place (静内町: kept as a place)."""
    return (2 <= len(text) <= 60 and "。" not in text and not find_places(text)
            and not GROUP_WORD.search(text) and not _NAME_SHAPED.fullmatch(text))


def _place_bodies(ctx: _Context, text: str, prefecture: str | None, where: str) -> list[tuple]:
    text, names, unknown = _read_cell(text)
    if not names and not unknown:
        # 県内全市町村 / 管内市町村: a group word names no one body, nothing was lost
        bare = re.sub(r"[(（）)\s]", "", text)
        if bare and not PLACEHOLDER.match(text) and not GROUP_WORD.search(bare):
            ctx.warnings.append(f"award table cell {text.strip()!r} ({where}) names no known body, skipped")
        return []
    bodies = [_body_of_place(ctx, place, prefecture, text, where) for place in names]
    for token in unknown:
        ctx.warn(token, "unknown", where)
        bodies.append((prefecture, token, None))
    return bodies


def _read_cell(text: str) -> tuple[str, list[Place], list[str]]:
    """The known places of a cell and the name-shaped words left over (unknown names)."""
    places = [p for p in find_places(text) if not _is_region(text, p)]
    rest = _leftover(text, places)
    unknown = [t for t in _SEPARATORS.split(rest) if t and _NAME_SHAPED.fullmatch(t) and not GROUP_WORD.search(t)]
    return text, places, unknown


def _leftover(text: str, places: list[Place]) -> str:
    out, cursor = [], 0
    for p in places:
        out.append(text[cursor:p.start])
        out.append(" ")
        cursor = p.end
    out.append(text[cursor:])
    # parenthetical notes (代表団体) and unnamed others (ほか2団体) are not names
    rest = re.sub(r"[(（][^)）]*[)）]", " ", "".join(out))
    return UNNAMED_OTHERS.sub(" ", rest)


def _body_of_place(ctx: _Context, place: Place, context_prefecture: str | None, text: str, where: str) -> tuple:
    """Resolve a place against the prefecture its row or sentence gives."""
    written = text[place.start:place.end]
    if place.municipality and place.municipality.kind == "prefecture":
        return place.prefecture, place.prefecture, place.lg_code
    prefecture = place.prefecture or context_prefecture
    municipality, status = resolve(place.name, prefecture, place.county)
    if municipality is None and prefecture is None and place.municipality is not None:
        municipality, status = place.municipality, "ok"
    if municipality is None:
        ctx.warn(written, status, where)
        return prefecture, place.name, None
    return municipality.prefecture, municipality.name, municipality.lg_code


def _is_region(text: str, place: Place) -> bool:
    return bool(NOT_A_BODY_AFTER.match(text, place.end)) or text[max(0, place.start - 1):place.start] == "〒"


def _year_before(ctx: _Context, index: int) -> int | None:
    """Fiscal year of the nearest heading before block `index`, else of the nearest
    short line or announcement (令和7年度 採択結果)."""
    window = ctx.doc.blocks[max(0, index - CONTEXT_BLOCKS):index]
    for block in reversed(window):
        if block.kind == "heading" and (year := fiscal_year(block.text)):
            return year
    for block in reversed(window):
        short_or_announcing = len(block.text) <= 40 or ANNOUNCEMENT.search(block.text)
        if block.kind != "table" and short_or_announcing and (year := fiscal_year(block.text)):
            return year
    return None


# ---------------------------------------------------------------- sentences


def _sentences(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets in the document of each sentence of a block."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(block.text):
        out.append((block.start + start, block.start + m.end() - (m.group() == "\n")))
        start = m.end()
    if start < len(block.text):
        out.append((block.start + start, block.end))
    return out


def _sentence_awards(ctx: _Context, index: int) -> list[Award]:
    block = ctx.doc.blocks[index]
    awards: list[Award] = []
    for start, end in _sentences(block):
        sentence = ctx.doc.text[start:end]
        previous, ctx.previous = ctx.previous, []
        tail = _after_applications(sentence)
        m = tail and (SENTENCE_VERB.search(tail) or LABELLED.search(tail))
        if not m or NOT_ANNOUNCEMENT.search(sentence):
            awards += _partner_awards(ctx, start, end, previous)
            continue
        if m.group().startswith(("決定", "内定")) and not re.search(r"採択|選定|支援|交付|補助|対象", sentence):
            continue  # 日程が決定しました: not a selection
        year = fiscal_year(sentence) or _year_before(ctx, index) or fiscal_year(ctx.doc.title or "")
        evidence = ctx.doc.evidence(start, end)
        found = [Award(fiscal_year=year, category=_category_in(sentence), prefecture=pref, body_name=name,
                       evidence=evidence, lg_code=code) for pref, name, code in _bodies_in_sentence(ctx, tail)]
        ctx.previous = found
        awards += found
    return awards


def _partner_awards(ctx: _Context, start: int, end: int, previous: list[Award]) -> list[Award]:
    """Partners of a proposal selected in the sentence before (…を採択しました。本提案は、
    A町がB町及びC村と連携して実施します / A町を代表団体として、B町、C村と連携して…): members
    of the selected proposal, so awards sharing one group label with it. The proposal is
    the selected body this sentence names, else the only one the sentence before selected."""
    sentence = ctx.doc.text[start:end]
    if (not previous or not PARTNERSHIP.search(sentence) or NOT_PARTNERSHIP.search(sentence)
            or NOT_AWARD_CONTEXT.search(sentence) or NOT_ANNOUNCEMENT.search(sentence)):
        return []
    selected = {(a.prefecture, a.body_name) for a in previous}
    named = [a for a in previous if a.body_name in {b[1] for b in _bodies_in_sentence(_Context(ctx.doc, []), sentence)}]
    if len({a.body_name for a in named}) > 1 or (not named and len(previous) != 1):
        return []
    anchor = (named or previous)[0]
    partners = [b for b in _bodies_in_sentence(ctx, sentence, anchor.prefecture) if b[:2] not in selected]
    if not partners:
        return []
    label = anchor.group_label or f"{anchor.body_name}の提案"
    evidence = ctx.doc.evidence(start, end)
    return [replace(anchor, group_label=label)] + [
        Award(fiscal_year=anchor.fiscal_year, category=anchor.category, prefecture=pref, body_name=name,
              evidence=evidence, lg_code=code, group_label=label) for pref, name, code in partners]


def _bodies_in_sentence(ctx: _Context, sentence: str, context: str | None = None) -> list[tuple]:
    bodies = []
    # 長野県(松本市、塩尻市): the prefecture labels the municipalities in brackets
    groups = [m for m in _PREFECTURE_GROUP.finditer(sentence) if find_places(m.group(2))]
    for place in find_places(sentence):
        if _is_region(sentence, place) or _is_topic_prefecture(sentence, place):
            continue
        if any(g.start() == place.start and g.start(2) > place.end for g in groups):
            continue
        written_apart = re.search(rf"({'|'.join(PREFECTURES)})の$", sentence[:place.start])
        group = next((g.group(1) for g in groups if g.start(2) <= place.start < g.end(2)), None)
        where = written_apart.group(1) if written_apart else group or context
        bodies.append(_body_of_place(ctx, place, where, sentence, "sentence"))
    home = _home_prefecture(ctx.doc)
    for m in HOME_PREFECTURE.finditer(sentence):
        if home and not NOT_A_BODY_AFTER.match(sentence, m.end()):
            code = resolve(home, home)[0]
            bodies.append((home, home, code.lg_code if code else None))
    return bodies


def _is_topic_prefecture(sentence: str, place: Place) -> bool:
    """A prefecture that is the subject announcing (長野県は…を発表) or a possessive
    (長野県の松本市) is not itself a body; one in a list or before が選定 is."""
    if not place.municipality or place.municipality.kind != "prefecture":
        return False
    after = sentence[place.end:place.end + 1]
    return after in ("は", "の", "で", "に", "か", "が") and not re.match(
        r"(?:が|も)?(?:採択|選定|選ばれ|決定)", sentence[place.end:])


def _category_in(sentence: str) -> str | None:
    m = re.search(r"類型[①-⑳\d]+|[A-Z]コース", sentence)
    return m.group() if m else None


def _home_prefecture(doc: Document) -> str | None:
    """The prefecture that publishes the document, when its address or title says so."""
    host = re.sub(r"^https?://", "", doc.url).split("/")[0].lower()
    for part in host.split("."):
        if part in PREFECTURE_HOSTS and ("pref" in host or "metro" in host):
            return PREFECTURE_HOSTS[part]
    named = {p for p in PREFECTURES if p in (doc.title or "") or p in (doc.publisher or "")}
    return named.pop() if len(named) == 1 else None


# ---------------------------------------------------------------- lists under a results heading


def _list_awards(ctx: _Context) -> list[Award]:
    """Blocks that hold nothing but places, right after a results heading or announcement."""
    awards: list[Award] = []
    blocks = ctx.doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "table" or not _is_results_heading(block):
            i += 1
            continue
        year = fiscal_year(block.text) or _year_before(ctx, i) or fiscal_year(ctx.doc.title or "")
        category = None
        j = i + 1
        while j < len(blocks) and blocks[j].kind != "table":
            text = blocks[j].text
            line = text.split("\n")[0]
            if _YEAR_LINE.match(line):
                year = fiscal_year(line)  # 令和6年度: the results of another year follow
            elif len(line) <= 40 and "。" not in line and CATEGORY.match(line) and not _places_only(text):
                category = line
            elif _places_only(text):
                item = re.sub(r"^(?:[・\-•●○◯■□]|\d+[.)．])\s*", "", text)
                offset = blocks[j].start + len(text) - len(item)
                for pref, name, code in _bodies_in_cell(ctx, item, None, "list"):
                    awards.append(Award(fiscal_year=year, category=category, prefecture=pref, body_name=name,
                                        evidence=ctx.doc.evidence(offset, blocks[j].end), lg_code=code))
            else:
                break
            j += 1
        i = j
    return awards


def _is_results_heading(block: Block) -> bool:
    text = _after_applications(block.text)
    if text is None or NOT_ANNOUNCEMENT.search(text):
        return False
    m = ANNOUNCEMENT.search(text)
    return bool(m) and (len(text) <= 30 or text.rstrip().endswith(("。", ":", "：")) and "以下" in text)


_YEAR_LINE = re.compile(r"^[(（【\[]?(?:令和|平成|R|H)\s?(?:元|\d{1,2})\s?年度(?:採択|選定|支援|交付決定)?(?:団体|分)?[)）】\]]?$")


def _places_only(text: str) -> bool:
    item = re.sub(r"^(?:[・\-•●○◯■□]|\d+[.)．])\s*", "", text.strip())
    item = _prefecture_label(item)[1]
    places = [p for p in find_places(item) if not _is_region(item, p)]
    if not places:
        return False
    rest = _leftover(item, places)
    return not [t for t in _SEPARATORS.split(rest) if t]


# ---------------------------------------------------------------- rows of a table without rules


# A line of a table a PDF drew without rules (decoded as text): No. | 都道府県 | 団体名 | …;
# the number may be glued to the prefecture (23宮城県 大崎市).
_PREFS = "|".join(PREFECTURES)
_ROW_LINE = re.compile(rf"^\d{{1,3}}(?:-\d{{1,2}})?[.)]?(?:\s+|(?=(?:{_PREFS})))(?:({_PREFS})\s*)?(?=\S)")


def _row_line_awards(ctx: _Context) -> list[Award]:
    """Bodies of numbered row lines (1 北海道 札幌市 事業名 2,370) in a run of at least two,
    under an announcement: the body is the place right after the prefecture, never a
    place further on the line (事業名 may name other places). The header row may come
    after the first rows, the other columns as a separate block."""
    awards: list[Award] = []
    blocks = ctx.doc.blocks
    i = 0
    while i < len(blocks):
        run: list[tuple[int, Place, str | None]] = []
        j, prefecture = i, None
        while j < len(blocks) and blocks[j].kind != "table":
            row = _row_line(blocks[j].text, prefecture)
            if row:
                prefecture = row[2]
                run.append((j, row[0], row[1]))
            elif (len(blocks[j].text) > 40 or "。" in blocks[j].text or (run and j - run[-1][0] > 3)
                  or NOT_AWARD_CONTEXT.search(blocks[j].text)):
                break
            j += 1
        if len(run) >= 2 and _announcement_before(ctx, run[0][0], "") is not None:
            year = _year_before(ctx, run[0][0]) or fiscal_year(ctx.doc.title or "")
            for index, place, pref in run:
                block = blocks[index]
                body = ((pref, place.name, None) if place.status == "organisation"
                        else _body_of_place(ctx, place, pref, block.text, "row line"))
                awards.append(Award(fiscal_year=year, category=None, prefecture=body[0], body_name=body[1],
                                    evidence=ctx.doc.evidence(block.start, block.end), lg_code=body[2]))
        i = max(j, i + 1)
    return awards


def _row_line(text: str, carried: str | None) -> tuple[Place, str | None, str | None] | None:
    """(the body's place, the row's prefecture, the prefecture to carry to the next row)
    of a numbered row line, or None. The row's prefecture is the one written before the
    body, else one glued after it (ニセコ町北海道: a merged cell drawn on one of its rows),
    else the one carried from the rows above when the body is in it; a body in none of
    them is read alone (its prefecture from the gazetteer, or NULL when ambiguous)."""
    m = _ROW_LINE.match(text)
    if not m:
        return None
    written, rest = m.group(1), text[m.end():]
    places = find_places(rest)
    organisation = _organisation_row(rest, written or carried)
    if organisation or not places or places[0].start != 0 or _is_region(rest, places[0]):
        return organisation  # 鳥取県東部広域行政管理組合: an organisation, not its place
    place = places[0]
    if written:
        in_it = place.prefecture in (None, written) and resolve(place.name, written)[0] is not None
        return (place, written, written) if in_it else None
    after = rest[place.end:]
    glued = next((p for p in PREFECTURES if after.startswith(p) and not after[len(p):len(p) + 1].strip()), None)
    if glued and place.prefecture is None and resolve(place.name, glued)[0] is not None:
        return place, glued, glued
    if carried and place.prefecture in (None, carried) and resolve(place.name, carried)[0] is not None:
        return place, carried, carried
    if after[:1].strip() and not glued:
        return None  # a name that runs on (松本市の取組): no row of bodies
    return place, None, carried


def _organisation_row(rest: str, prefecture: str | None) -> tuple[Place, str | None, str | None] | None:
    """A numbered row whose body is an organisation (1 北海道 後志広域連合 …): its first
    word when that names an organisation with a legal or public form, as a place-less
    Place in the row's prefecture."""
    word = rest.split(" ")[0]
    if (not ORGANISATION.search(word) or GENERIC_ORGANISATION.match(word) or not 2 <= len(word) <= 60
            or "。" in word or _places_only(word)):
        return None
    return Place(0, len(word), prefecture, None, word, None, "organisation"), prefecture, prefecture


# ---------------------------------------------------------------- dedupe


def _dedupe(awards: list[Award]) -> list[Award]:
    """One award per body and year: a table and its summary sentence name the same
    bodies. The most detailed statement (category, group, partner) wins; an award
    without a year merges into one with a year."""
    chosen: dict[tuple, Award] = {}
    order: list[tuple] = []
    for a in awards:
        key = next((k for k in order if k[:2] == (a.prefecture, a.body_name)
                    and (k[2] == a.fiscal_year or None in (k[2], a.fiscal_year))), None)
        if key is None:
            key = (a.prefecture, a.body_name, a.fiscal_year)
            order.append(key)
            chosen[key] = a
        elif _detail(a) > _detail(chosen[key]):
            chosen[key] = a
    return sorted(chosen.values(), key=lambda a: a.evidence.char_start)


def _detail(a: Award) -> int:
    return sum(x is not None for x in (a.fiscal_year, a.category, a.group_label, a.partner, a.lg_code))
