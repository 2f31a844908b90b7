"""Awarded bodies (採択・選定・支援先団体): who was selected, in which category and year.

Three written forms are read, each only where an announcement frames it:
- result tables (No.|都道府県|団体名, No.|応募コース|支援先団体 …) under an announcement
  (採択結果, 以下の団体を採択しました) or with a header that itself says so (採択団体);
- announcement sentences (長野県松本市及び長野県中川村による提案2件が選定されました);
- lists of places under a results heading (採択結果 followed by 北海道標茶町 …).

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
from dataclasses import dataclass

from extractors.model import Award, Block, Cell, Document
from extractors.places import PREFECTURES, Place, find_places, prefecture_name, resolve

VERSION = "1"
log = logging.getLogger(__name__)

# ---------------------------------------------------------------- vocabularies

# Header words of the column that names the awarded bodies.
BODY_HEADERS = ("団体名", "支援先団体", "採択団体", "選定団体", "採択先", "選定先", "支援先", "自治体名",
                "自治体", "市区町村名", "市町村名", "市区町村", "地方公共団体名", "地方公共団体", "支援地域",
                "採択地域", "選定地域", "交付先", "実施主体", "提案団体", "代表団体", "構成団体")
# Header words that make a column something else even when it says 団体 (applicants, partners).
NOT_BODY_HEADERS = ("事業者", "企業", "ベンダー", "パートナー", "応募", "申請", "問い合わせ", "問合せ",
                    "連絡先", "担当", "数")
PREFECTURE_HEADERS = ("都道府県", "県名", "道府県", "所在地")
CATEGORY_HEADERS = ("コース", "類型", "区分", "枠", "部門", "分野", "タイプ")
PARTNER_HEADERS = ("事業者", "企業", "ベンダー", "パートナー", "連携先")
# Header words that by themselves say the table lists awarded bodies.
AWARD_HEADERS = ("採択", "選定", "支援先", "交付先")

# Phrases that announce a selection (a completed act, or a results heading).
ANNOUNCEMENT = re.compile(
    r"(?:採択|選定|選出|決定|内定)(?:いた)?(?:し|され|となり|と決定し|が決定し)(?:てい)?ま(?:した|す)(?!か)"
    r"|選ばれ(?:まし|てい)|採択結果|選定結果|採択団体|選定団体|採択先|選定先|支援先団体(?:一覧|の決定)"
    r"|交付決定(?:団体|先)"
)
# Phrases that say a selection will happen or did not happen: not an announcement.
NOT_ANNOUNCEMENT = re.compile(
    r"(?:採択|選定)(?:は|が)?(?:ありません|ございません|なし|されなかった|しない)|予定です|場合|見込み|ことがあります"
    r"|選定します|採択します|公表します|(?:採択|選定)(?:を|の)?(?:目指|希望)"
)
# Contexts whose bodies are not awards: good practices, examples, contacts, applicants, addresses.
NOT_AWARD_CONTEXT = re.compile(
    r"好事例|優良事例|事例|例えば|たとえば|例[:：]|参考|問い合わせ|問合せ|連絡先|担当|所在地|住所|〒"
    r"|事務局|受託|委託先|説明会|応募状況|申請状況|応募団体|申請団体|応募のあった|件名"
)
# A place followed by these is a region or an office, not a body: 長野県内, 松本市役所.
NOT_A_BODY_AFTER = re.compile(r"内|管内|在住|出身|役所|役場|庁|所在|\d")
# A short block naming a category: 類型① 市町村単独支援枠, Aコース, 第2次.
CATEGORY = re.compile(
    r"^(?:[(]?\d{1,2}[).]|[■●◆□○・])?\s*(?:[【\[(]?類型[①-⑳\d]+[】\])]?|[A-Z]コース|第[\d一二三四五]+次|\S{1,14}(?:枠|コース|部門|分野))"
)
# Words that make a cell an organisation (a body that is not a local government).
ORGANISATION = re.compile(
    r"法人|協議会|株式会社|有限会社|合同会社|\(株\)|組合|協会|機構|連合|事務組合|広域|大学|センター|コンソーシアム|財団|社団"
)
PLACEHOLDER = re.compile(r"^[\-‐―─—ー−–/／・\s]*$|^(?:なし|該当なし|無し|該当団体なし|ー)$")
FISCAL_YEAR = re.compile(r"(?<![A-Za-z])(令和|平成|R|H)\s?(元|\d{1,2})\s?年度|(?<!\d)((?:19|20)\d{2})\s?年度")
ERA_BASE = {"令和": 2018, "平成": 1988, "R": 2018, "H": 1988}
# A sentence that reports a selection as done (not 選定します, the future).
SENTENCE_VERB = re.compile(
    r"(?:採択|選定|選出|決定|内定)(?:いた)?(?:(?:し|され|となり)ました|(?:され|し)て(?:い|おり)ます)"
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


def fiscal_year(text: str) -> int | None:
    """First 年度 in `text` as a western year: 令和7年度 → 2025."""
    m = FISCAL_YEAR.search(text)
    if not m:
        return None
    if m.group(3):
        return int(m.group(3))
    return ERA_BASE[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))


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
            awards += _table_awards(ctx, i)
        else:
            awards += _sentence_awards(ctx, i)
    awards += _list_awards(ctx)
    return _dedupe(awards), ctx.warnings


@dataclass
class _Context:
    doc: Document
    warnings: list[str]
    last_table: _TableState | None = None

    def warn(self, place_text: str, status: str, where: str) -> None:
        self.warnings.append(f"award body {place_text!r} ({where}): {status.replace('_', ' ')}, left without lg_code")


# ---------------------------------------------------------------- tables


@dataclass
class _Columns:
    header_row: int
    body: int
    prefecture: int | None
    category: int | None
    partner: int | None


def _find_columns(rows: list[list[Cell]]) -> _Columns | None:
    for r, row in enumerate(rows[:3]):
        headers = [c.text.replace(" ", "") for c in row]
        body = next((i for i, h in enumerate(headers) if _is_body_header(h)), None)
        if body is None:
            continue
        pref = next((i for i, h in enumerate(headers) if i != body and any(w in h for w in PREFECTURE_HEADERS)), None)
        category = next((i for i, h in enumerate(headers)
                         if i not in (body, pref) and any(w in h for w in CATEGORY_HEADERS)), None)
        partner = next((i for i, h in enumerate(headers)
                        if i not in (body, pref, category) and any(w in h for w in PARTNER_HEADERS)), None)
        return _Columns(r, body, pref, category, partner)
    return None


def _is_body_header(header: str) -> bool:
    if not any(w in header for w in BODY_HEADERS):
        return False
    # 支援先団体数・名称 (number and names) is a body column; 応募団体数 is not.
    if "名称" in header or "名" in header.replace("団体数", ""):
        return not any(w in header for w in NOT_BODY_HEADERS[:-1])
    return not any(w in header for w in NOT_BODY_HEADERS)


def _announcement_before(ctx: _Context, index: int, header: str) -> Block | None:
    """The block that announces the table's bodies as awarded, or None (no
    announcement, or a good-practice / applicant / contact context comes nearer)."""
    for block in reversed(ctx.doc.blocks[max(0, index - CONTEXT_BLOCKS):index]):
        if block.kind == "table":
            continue
        if NOT_AWARD_CONTEXT.search(block.text):
            return None
        if ANNOUNCEMENT.search(block.text) and not NOT_ANNOUNCEMENT.search(_announcing_sentence(block.text)):
            return block
    if any(w in header for w in AWARD_HEADERS):
        return ctx.doc.blocks[index]
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
    (a table without a header row) is read with the same columns."""

    index: int
    cols: _Columns
    header: list[str]
    year: int | None
    category: str | None
    carried: dict


def _table_awards(ctx: _Context, index: int) -> list[Award]:
    rows = ctx.doc.blocks[index].rows or []
    cols = _find_columns(rows)
    if cols is None:
        state = _continuation(ctx, index, rows)
        if state is None:
            return []
        data_rows = rows
    else:
        header = [c.text for c in rows[cols.header_row]]
        announcement = _announcement_before(ctx, index, " ".join(header))
        if announcement is None:
            return []
        year = fiscal_year(announcement.text) or _year_before(ctx, index) or fiscal_year(ctx.doc.title or "")
        state = _TableState(index, cols, header, year, _category_before(ctx, index, announcement),
                            {"prefecture": None, "category": None})
        data_rows = rows[cols.header_row + 1:]
    state.index = index
    ctx.last_table = state
    return [a for number, row in enumerate(data_rows, start=1) for a in _row_awards(ctx, state, row, number)]


def _continuation(ctx: _Context, index: int, rows: list[list[Cell]]) -> _TableState | None:
    """The previous awards table, when this header-less table continues it: only short
    lines (page numbers, running heads) between, and the same number of columns."""
    state = ctx.last_table
    if state is None or not rows or len(rows[0]) != len(state.header):
        return None
    between = ctx.doc.blocks[state.index + 1:index]
    if len(between) > 3 or any(b.kind in ("table", "heading") or len(b.text) > 30 or CATEGORY.match(b.text)
                               or NOT_AWARD_CONTEXT.search(b.text) or ANNOUNCEMENT.search(b.text) for b in between):
        return None
    return state


def _row_awards(ctx: _Context, state: _TableState, row: list[Cell], number: int) -> list[Award]:
    cols, cells = state.cols, [c.text for c in row]
    if len(cells) <= cols.body or cells == state.header:
        return []
    prefecture = _carried(state.carried, "prefecture", _cell(cells, cols.prefecture), prefecture_name)
    category = _carried(state.carried, "category", _cell(cells, cols.category), lambda s: s) or state.category
    body_cell = row[cols.body]
    if PLACEHOLDER.match(body_cell.text):
        return []
    partner = _cell(cells, cols.partner)
    partner = None if not partner or PLACEHOLDER.match(partner) else partner
    evidence = ctx.doc.evidence(row[0].start, row[-1].end)
    label_no = cells[0] if cols.body and re.fullmatch(r"\d{1,3}", cells[0]) else str(number)
    bodies = _bodies_in_cell(ctx, body_cell.text, prefecture, f"table row {label_no}")
    group = f"{category + ' ' if category else ''}No.{label_no}" if len(bodies) > 1 else None
    return [Award(fiscal_year=state.year, category=category, prefecture=pref, body_name=name, evidence=evidence,
                  lg_code=code, group_label=group, partner=partner) for pref, name, code in bodies]


def _cell(cells: list[str], index: int | None) -> str | None:
    return cells[index] if index is not None and index < len(cells) else None


def _carried(carried: dict, key: str, value: str | None, parse) -> str | None:
    """A merged cell (empty under its first row) keeps the value of the row above."""
    if value is None:
        return None
    if value.strip() and not PLACEHOLDER.match(value):
        carried[key] = parse(value.strip())
    elif PLACEHOLDER.match(value) and value.strip():
        carried[key] = None
    return carried[key]


_COUNT_PREFIX = re.compile(r"^\d+(?:団体|市町村|市区町村|自治体)\s*[:：]?\s*")
_NAME_SHAPED = re.compile(r"[一-鿿々ヶァ-ヺーぁ-ん]{1,8}[市町村区都道府県]")
# Words made of 市町村 that name kinds of bodies, not a body: 市町村, 市区町村, 道府県.
_CATEGORY_WORD = re.compile(r"^[市区町村都道府県]|町村|道府県|^政令|^中核|^特別")
_SEPARATORS = re.compile(r"[\s、,，・/／()（）\[\]「」【】※]|及び|並びに|及|と|ほか|等")


def _bodies_in_cell(ctx: _Context, text: str, prefecture: str | None, where: str) -> list[tuple]:
    """(prefecture, body_name, lg_code) of each body a table cell names.

    A cell of places only (金山町 最上町 舟形町, 長野県松本市, 上川郡美瑛町) gives one
    body per place; a cell that is not places (一般社団法人…) gives one organisation."""
    text = _COUNT_PREFIX.sub("", text.strip())
    readings = [_read_cell(text)]
    if "\n" in text:  # a PDF cell may wrap inside a name: 真室\n川町
        readings.append(_read_cell(text.replace("\n", "")))
    text, names, unknown = min(readings, key=lambda r: (len(r[2]), -len(r[1])))
    bodies: list[tuple] = []
    if not names and not unknown:
        org = re.sub(r"\s+", " ", text).strip()
        if ORGANISATION.search(org):
            return [(prefecture, org, None)]
        if org:
            ctx.warnings.append(f"award table cell {org!r} ({where}) names no known body, skipped")
        return []
    for place in names:
        bodies.append(_body_of_place(ctx, place, prefecture, text, where))
    for token in unknown:
        ctx.warn(token, "unknown", where)
        bodies.append((prefecture, token, None))
    return bodies


def _read_cell(text: str) -> tuple[str, list[Place], list[str]]:
    """The known places of a cell and the name-shaped words left over (unknown names)."""
    places = [p for p in find_places(text) if not _is_region(text, p)]
    rest = _leftover(text, places)
    unknown = [t for t in _SEPARATORS.split(rest) if t and _NAME_SHAPED.fullmatch(t) and not _CATEGORY_WORD.search(t)]
    return text, places, unknown


def _leftover(text: str, places: list[Place]) -> str:
    out, cursor = [], 0
    for p in places:
        out.append(text[cursor:p.start])
        out.append(" ")
        cursor = p.end
    out.append(text[cursor:])
    # parenthetical notes (代表団体) are not names
    return re.sub(r"[(（][^)）]*[)）]", " ", "".join(out))


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
        m = SENTENCE_VERB.search(sentence) or LABELLED.search(sentence)
        if not m or NOT_ANNOUNCEMENT.search(sentence) or NOT_AWARD_CONTEXT.search(sentence):
            continue
        if m.group().startswith(("決定", "内定")) and not re.search(r"採択|選定|支援|交付|補助|対象", sentence):
            continue  # 日程が決定しました: not a selection
        year = fiscal_year(sentence) or _year_before(ctx, index) or fiscal_year(ctx.doc.title or "")
        evidence = ctx.doc.evidence(start, end)
        for pref, name, code in _bodies_in_sentence(ctx, sentence):
            awards.append(Award(fiscal_year=year, category=_category_in(sentence), prefecture=pref,
                                body_name=name, evidence=evidence, lg_code=code))
    return awards


def _bodies_in_sentence(ctx: _Context, sentence: str) -> list[tuple]:
    bodies = []
    for place in find_places(sentence):
        if _is_region(sentence, place) or _is_topic_prefecture(sentence, place):
            continue
        written_apart = re.search(rf"({'|'.join(PREFECTURES)})の$", sentence[:place.start])
        context = written_apart.group(1) if written_apart else None
        bodies.append(_body_of_place(ctx, place, context, sentence, "sentence"))
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
            if len(line) <= 40 and "。" not in line and CATEGORY.match(line) and not _places_only(text):
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
    text = block.text
    if NOT_AWARD_CONTEXT.search(text) or NOT_ANNOUNCEMENT.search(text):
        return False
    m = ANNOUNCEMENT.search(text)
    return bool(m) and (len(text) <= 30 or text.rstrip().endswith(("。", ":", "：")) and "以下" in text)


def _places_only(text: str) -> bool:
    item = re.sub(r"^(?:[・\-•●○◯■□]|\d+[.)．])\s*", "", text.strip())
    places = [p for p in find_places(item) if not _is_region(item, p)]
    if not places:
        return False
    rest = _leftover(item, places)
    return not [t for t in _SEPARATORS.split(rest) if t]


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
