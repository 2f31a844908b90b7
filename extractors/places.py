"""The gazetteer: Japanese prefectures, municipalities and wards with their 6-digit
全国地方公共団体コード (local government codes), read from extractors/data/municipalities.csv.

Why here: every extractor that names a local government (awards first) must split
長野県松本市 / 北海道上川郡美瑛町 / 札幌市中央区 the same way and must resolve a name
that several prefectures share (金山町 is in 山形県 and 福島県) only with the prefecture
its context gives, never by guessing.

Names are compared after `fold`, a 1:1 character map of spelling variants (ヶ/ケ, 檮/梼 …),
so offsets in a folded string are offsets in the original.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "municipalities.csv"

PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)

# Spelling variants folded to one form (each maps one character to one character).
VARIANTS = {
    "ヶ": "ケ", "ヵ": "ケ", "ｹ": "ケ",  # small/large ke: 鰺ヶ沢町, 龍ケ崎市
    "檮": "梼",  # 梼原町 (Japan Post writes 檮原町)
    "惠": "恵",  # 須恵町
    "﨑": "崎", "嵜": "崎", "髙": "高", "邊": "辺", "邉": "辺", "澤": "沢", "鰺": "鯵", "龍": "竜",
    "舘": "館", "曾": "曽", "藪": "薮", "冨": "富", "桒": "桑",
}
_FOLD = str.maketrans(VARIANTS)

SUFFIXES = "市町村区"
PREFECTURE_SUFFIXES = "都道府県"
# Characters a place name is made of (kanji, kana, 々, the long mark).
NAME_CHARS = r"一-鿿々〆ヶぁ-んァ-ヺー"
_KANJI_OR_KATAKANA = re.compile(r"[一-鿿々〆ヶァ-ヺー]")
# Characters that may stand right before a name without making it the tail of a
# longer word: joiners (及び, 並びに) and a 郡 that is not the body's own county.
JOINERS = set("及並郡")


def fold(text: str) -> str:
    """Fold spelling variants; same length as `text`."""
    return text.translate(_FOLD)


def check_digit(code5: str) -> int:
    """Check digit of a 全国地方公共団体コード: weights 6,5,4,3,2; 11 minus the sum mod 11."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def is_valid_lg_code(code: str) -> bool:
    return bool(re.fullmatch(r"\d{6}", code or "")) and check_digit(code[:5]) == int(code[5])


@dataclass(frozen=True)
class Municipality:
    """One row of the gazetteer. `name` excludes prefecture and 郡; wards keep their city."""

    lg_code: str
    prefecture: str
    name: str
    kana: str
    kind: str  # prefecture | designated_city | city | special_ward | ward | town | village
    county: str | None
    parent_code: str | None
    latitude: float | None
    longitude: float | None


@cache
def municipalities() -> tuple[Municipality, ...]:
    """Every row of the shipped CSV, in code order."""
    with DATA.open(encoding="utf-8") as f:
        return tuple(
            Municipality(
                lg_code=r["lg_code"], prefecture=r["prefecture"], name=r["name"], kana=r["kana"], kind=r["kind"],
                # only towns and villages belong to a 郡 (county); a city's column may hold
                # the 郡 of its own name (郡上市, 大和郡山市), which is no county
                county=(r["county"] or None) if r["kind"] in ("town", "village") else None,
                parent_code=r["parent_code"] or None,
                latitude=float(r["latitude"]) if r["latitude"] else None,
                longitude=float(r["longitude"]) if r["longitude"] else None,
            )
            for r in csv.DictReader(f)
        )


def municipality_rows() -> list[dict]:
    """Rows for the `municipalities` table (pipeline/schema.py)."""
    keys = ("lg_code", "prefecture", "name", "kana", "kind", "latitude", "longitude")
    return [{k: getattr(m, k) for k in keys} for m in municipalities()]


@cache
def _by_name() -> dict[str, tuple[Municipality, ...]]:
    index: dict[str, list[Municipality]] = {}
    for m in municipalities():
        index.setdefault(fold(m.name), []).append(m)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _by_code() -> dict[str, Municipality]:
    return {m.lg_code: m for m in municipalities()}


@cache
def _max_name_length() -> int:
    return max(len(k) for k in _by_name())


def by_code(lg_code: str) -> Municipality | None:
    return _by_code().get(lg_code)


def prefecture_name(text: str) -> str | None:
    """Full prefecture name for a cell that holds only a prefecture: 長野県, 長野, 東京, 北海道."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if text in PREFECTURES:
        return text
    for pref in PREFECTURES:
        if pref != "北海道" and text == pref[:-1]:
            return pref
    return "北海道" if text == "北海" else None


def lookup(name: str, prefecture: str | None = None) -> tuple[Municipality, ...]:
    """Bodies called `name` (county stripped), within `prefecture` when given. A name
    that is itself known keeps its 郡 (郡上市, 大和郡山市, 蒲郡市 are cities, not counties)."""
    name = unicodedata.normalize("NFKC", name).replace(" ", "")
    found = _by_name().get(fold(name), ())
    if not found and "郡" in name[:-1]:
        found = _by_name().get(fold(name[name.index("郡") + 1:]), ())
    if prefecture:
        found = tuple(m for m in found if m.prefecture == prefecture)
    return found


@dataclass(frozen=True)
class Place:
    """A place named in a string: `start`/`end` cover prefecture, 郡 and name as written.

    `status` says how sure the code is: ok (one body), ambiguous (several bodies share
    the name and no prefecture chose one), not_in_prefecture (the prefecture written
    with it has no body of that name), unknown (no body of that name: an old name, a
    typo). Only `ok` carries a municipality; the others keep the `candidates`."""

    start: int
    end: int
    prefecture: str | None
    county: str | None
    name: str  # as written, without prefecture and 郡
    municipality: Municipality | None
    status: str
    candidates: tuple[Municipality, ...] = ()

    @property
    def lg_code(self) -> str | None:
        return self.municipality.lg_code if self.municipality else None


def resolve(name: str, prefecture: str | None = None, county: str | None = None) -> tuple[Municipality | None, str]:
    """The one body `name` denotes in `prefecture` (and `county`), with a status
    (see `Place`). Never guesses: several matches give (None, 'ambiguous')."""
    found = lookup(name)
    if prefecture and fold(name) == fold(prefecture):
        found = tuple(m for m in found if m.kind == "prefecture")
    if county:
        found = tuple(m for m in found if m.county and fold(m.county) == fold(county)) or found
    if not found:
        return None, "unknown"
    if prefecture:
        found = tuple(m for m in found if m.prefecture == prefecture)
        if not found:
            return None, "not_in_prefecture"
    return (found[0], "ok") if len(found) == 1 else (None, "ambiguous")


_PREF_RE = re.compile("|".join(sorted(PREFECTURES, key=len, reverse=True)))
# An unknown name right after a prefecture: kanji/katakana only, ending in 市/町/村.
_UNKNOWN_NAME = re.compile(r" ?([一-鿿々ヶァ-ヺー]{1,6}?[市町村])(?![町村区])")
_WINDOW = 12  # longest prefecture + 郡 written before a name
# Runs of suffixes that name kinds of bodies (都区市町村, 市町村, 区市町村), never one body.
_KIND_WORD = re.compile(r"市町|町村|区市|区町")


def find_places(text: str, *, unknown_after_prefecture: bool = True) -> list[Place]:
    """Every prefecture, municipality and ward named in `text`, left to right.

    A name counts when it stands alone (not the tail of a longer word: 旧静内町 and
    東大和市 do not yield 静内町 or 大和市). A prefecture and 郡 written just before a
    name are attached to it; with `unknown_after_prefecture`, a name-shaped word right
    after a prefecture (北海道静内町) is kept as an unknown place.
    """
    folded = fold(text)
    pref_spans = [(m.start(), m.end()) for m in _PREF_RE.finditer(text)]
    places: list[Place] = []
    for start, end in _name_spans(folded):
        if any(ps <= start < pe for ps, pe in pref_spans):
            continue
        place = _place_at(text, folded, start, end, pref_spans)
        if place:
            places.append(place)
    if unknown_after_prefecture:
        places += _unknown_after_prefecture(text, pref_spans, places)
    for ps, pe in pref_spans:
        if any(p.start <= ps < p.end for p in places):
            continue
        pref = text[ps:pe]
        municipality, status = resolve(pref, pref)
        places.append(Place(ps, pe, pref, None, pref, municipality, status))
    return sorted(places, key=lambda p: p.start)


def _place_at(text: str, folded: str, start: int, end: int, pref_spans: list[tuple[int, int]]) -> Place | None:
    name = text[start:end]
    begin, county, prefecture = start, None, None
    head = folded[max(0, start - _WINDOW):start].rstrip(" ")
    counties = {m.county for m in lookup(name) if m.county and head.endswith(fold(m.county))}
    if len(counties) == 1:
        county = counties.pop()
        begin = start - (len(folded[max(0, start - _WINDOW):start]) - len(head)) - len(county)
    before = text[:begin].rstrip(" ")
    for ps, pe in pref_spans:
        if pe == len(before) and begin - pe <= 1:
            prefecture, begin = text[ps:pe], ps
    if begin == start and start and not _standalone(text, start):
        return None
    municipality, status = resolve(name, prefecture, county)
    candidates = lookup(name) if not municipality else ()
    return Place(begin, end, prefecture, county, name, municipality, status, candidates)


def _standalone(text: str, start: int) -> bool:
    before = text[start - 1]
    return before in JOINERS or not _KANJI_OR_KATAKANA.match(before)


def _name_spans(folded: str) -> list[tuple[int, int]]:
    """Longest known names, not overlapping, found by looking back from each suffix."""
    index = _by_name()
    longest = _max_name_length()
    found: list[tuple[int, int]] = []
    for i, ch in enumerate(folded):
        if ch not in SUFFIXES:
            continue
        end = i + 1
        if end < len(folded) and folded[end] in "町村区" and ch in "市区町":
            continue  # 市町村, 市区町村, 町村: a category word, not a name
        for length in range(min(longest, end), 1, -1):
            if folded[end - length:end] in index:
                found.append((end - length, end))
                break
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    chosen: list[tuple[int, int]] = []
    for s in found:
        if all(s[1] <= c[0] or s[0] >= c[1] for c in chosen):
            chosen.append(s)
    return sorted(chosen)


def _unknown_after_prefecture(text: str, pref_spans: list[tuple[int, int]], known: list[Place]) -> list[Place]:
    out = []
    for ps, pe in pref_spans:
        m = _UNKNOWN_NAME.match(text, pe)
        if not m or m.group(1)[0] in SUFFIXES or "郡" in m.group(1) or _KIND_WORD.search(m.group(1)):
            continue
        if any(p.start < m.end() and ps < p.end for p in known):
            continue
        pref = text[ps:pe]
        out.append(Place(ps, m.end(), pref, None, m.group(1), None, "unknown", lookup(m.group(1))))
    return out


def split_place(text: str) -> Place | None:
    """Parse a string that is one place as a whole: 長野県松本市, 上川郡美瑛町, 札幌市中央区,
    青森県. None when the string is more than one place or not a place."""
    text = unicodedata.normalize("NFKC", text).strip()
    places = [p for p in find_places(text) if p.end > p.start]
    if len(places) == 1 and places[0].start == 0 and places[0].end == len(text):
        return places[0]
    return None
