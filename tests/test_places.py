"""The gazetteer: shipped data, code check digits, splitting and resolving place names."""
from __future__ import annotations

from collections import Counter

import pytest

from extractors import places
from extractors.places import (
    PREFECTURES,
    check_digit,
    find_places,
    fold,
    is_valid_lg_code,
    lookup,
    municipalities,
    municipality_rows,
    prefecture_name,
    resolve,
    split_place,
)
from pipeline.schema import TABLES

# ------------------------------------------------------------------ the shipped data


def test_counts_match_the_official_list():
    kinds = Counter(m.kind for m in municipalities())
    assert kinds["prefecture"] == 47
    # 1,741 municipalities: cities (designated or not), towns, villages and Tokyo's 23 wards
    assert sum(kinds[k] for k in ("designated_city", "city", "town", "village", "special_ward")) == 1741
    assert kinds["special_ward"] == 23
    assert kinds["designated_city"] == 20
    assert kinds["ward"] == 171  # after 浜松市's 2024 reorganisation into 3 wards


def test_every_code_is_six_digits_with_a_valid_check_digit_and_unique():
    codes = [m.lg_code for m in municipalities()]
    assert len(codes) == len(set(codes))
    assert all(is_valid_lg_code(c) for c in codes)


@pytest.mark.parametrize("code5, digit", [("01000", 6), ("01100", 2), ("13101", 6), ("06361", 4), ("07445", 4)])
def test_check_digit_examples(code5, digit):
    assert check_digit(code5) == digit


def test_check_digit_rejects_a_typo():
    assert is_valid_lg_code("063614")
    assert not is_valid_lg_code("063615")
    assert not is_valid_lg_code("06361")


def test_folded_names_stay_unique_within_a_prefecture():
    keys = Counter((m.prefecture, fold(m.name)) for m in municipalities())
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_prefecture_has_its_row_and_municipalities_their_parent():
    by_code = {m.lg_code: m for m in municipalities()}
    assert [m.name for m in municipalities() if m.kind == "prefecture"] == list(PREFECTURES)
    for m in municipalities():
        if m.kind == "ward":
            assert by_code[m.parent_code].kind == "designated_city"
            assert m.name.startswith(by_code[m.parent_code].name)
        elif m.kind != "prefecture":
            assert by_code[m.parent_code].name == m.prefecture


def test_kana_everywhere_and_coordinates_for_municipalities():
    assert all(m.kana and all("ァ" <= ch <= "ヺ" or ch == "ー" for ch in m.kana) for m in municipalities())
    located = [m for m in municipalities() if m.latitude is not None]
    assert len(located) == 1741
    assert all(20 < m.latitude < 46 and 122 < m.longitude < 154 for m in located)


def test_municipality_rows_fit_the_schema():
    rows = municipality_rows()
    assert len(rows) == 1959
    assert set(rows[0]) == set(TABLES["municipalities"]["columns"])
    kanayama = [r for r in rows if r["lg_code"] == "063614"][0]
    assert kanayama == {"lg_code": "063614", "prefecture": "山形県", "name": "金山町", "kana": "カネヤママチ",
                        "kind": "town", "latitude": pytest.approx(38.88, abs=0.1),
                        "longitude": pytest.approx(140.34, abs=0.1)}


def test_data_file_ships_inside_the_package():
    assert places.DATA.parent.name == "data" and places.DATA.parent.parent.name == "extractors"


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("written, full", [
    ("長野県", "長野県"), ("長野", "長野県"), ("東京", "東京都"), ("大阪", "大阪府"), ("京都", "京都府"),
    ("北海道", "北海道"), ("ｵｵｻｶ", None), ("長野市", None), ("", None),
])
def test_prefecture_name(written, full):
    assert prefecture_name(written) == full


@pytest.mark.parametrize("written, prefecture, county, name, code", [
    ("長野県松本市", "長野県", None, "松本市", "202029"),
    ("北海道上川郡美瑛町", "北海道", "上川郡", "美瑛町", "014591"),
    ("上川郡美瑛町", None, "上川郡", "美瑛町", "014591"),
    ("北海道 川上郡標茶町", "北海道", "川上郡", "標茶町", "016641"),
    ("札幌市中央区", None, None, "札幌市中央区", "011011"),
    ("浜松市浜名区", None, None, "浜松市浜名区", "221392"),
    ("千代田区", None, None, "千代田区", "131016"),
    ("東京都中央区", "東京都", None, "中央区", "131024"),
    ("横浜市", None, None, "横浜市", "141003"),
    ("青森県", "青森県", None, "青森県", "020001"),
    ("兵庫県たつの市", "兵庫県", None, "たつの市", "282294"),
    ("最上郡金山町", None, "最上郡", "金山町", "063614"),
])
def test_split_place(written, prefecture, county, name, code):
    place = split_place(written)
    assert place is not None
    assert (place.prefecture, place.county, place.name, place.lg_code) == (prefecture, county, name, code)


def test_split_place_refuses_two_places_or_none():
    assert split_place("金山町 最上町") is None
    assert split_place("地域社会DX推進") is None


def test_shared_names_are_resolved_only_by_the_prefecture():
    assert {m.prefecture for m in lookup("金山町")} == {"山形県", "福島県"}
    assert resolve("金山町") == (None, "ambiguous")
    assert resolve("金山町", "山形県")[0].lg_code == "063614"
    assert resolve("金山町", "福島県")[0].lg_code == "074454"
    assert split_place("福島県金山町").lg_code == "074454"


def test_a_name_not_in_its_prefecture_is_not_moved_to_another():
    municipality, status = resolve("最上町", "福島県")
    assert municipality is None and status == "not_in_prefecture"
    place = split_place("福島県最上町")
    assert place.lg_code is None and place.status == "not_in_prefecture"


def test_old_names_are_unknown():
    place = split_place("北海道静内町")  # merged into 新ひだか町 in 2006
    assert place.name == "静内町" and place.lg_code is None and place.status == "unknown"
    assert resolve("静内町") == (None, "unknown")


@pytest.mark.parametrize("variant, official", [
    ("鯵ケ沢町", "鰺ヶ沢町"), ("龍ヶ崎市", "龍ケ崎市"), ("檮原町", "梼原町"), ("須惠町", "須恵町"),
])
def test_spelling_variants_fold_to_the_official_name(variant, official):
    assert [m.name for m in lookup(variant)] == [official]


def test_find_places_in_a_sentence():
    text = "長野県松本市及び長野県中川村による提案2件が選定されました。"
    found = find_places(text)
    assert [(text[p.start:p.end], p.lg_code) for p in found] == [("長野県松本市", "202029"), ("長野県中川村", "203866")]


def test_find_places_several_in_one_cell():
    found = find_places("金山町 最上町\n舟形町、真室川町・大蔵村")
    assert [p.name for p in found] == ["金山町", "最上町", "舟形町", "真室川町", "大蔵村"]
    assert found[0].status == "ambiguous" and {m.prefecture for m in found[0].candidates} == {"山形県", "福島県"}


@pytest.mark.parametrize("text", [
    "都道府県と市区町村", "管内の市町村", "旧静内町", "全市区町村", "中核市", "政令市",
])
def test_words_that_are_not_places(text):
    assert [p.name for p in find_places(text)] == []


def test_the_tail_of_a_longer_name_is_not_a_place():
    assert [p.name for p in find_places("東大和市")] == ["東大和市"]
    assert [p.name for p in find_places("東京都府中市と広島県府中市")] == ["府中市", "府中市"]
    assert [p.lg_code for p in find_places("東京都府中市と広島県府中市")] == ["132063", "342084"]


def test_a_ward_wins_over_its_city():
    assert [p.lg_code for p in find_places("北九州市小倉北区")] == ["401064"]


def test_a_wrong_county_is_not_attached():
    place = find_places("上川郡標茶町")[0]  # 標茶町 is in 川上郡
    assert place.name == "標茶町" and place.county is None and place.lg_code == "016641"


def test_a_kind_word_after_a_prefecture_is_not_an_unknown_place():
    assert [(p.name, p.status) for p in find_places("東京都 都区市町村の共同調達")] == [("東京都", "ok")]


# A 郡 (county) inside a city's own name is no county prefix: 郡上市, 郡山市, 大和郡山市, 蒲郡市.
@pytest.mark.parametrize("written, prefecture, code", [
    ("岐阜県郡上市", "岐阜県", "212199"),
    ("郡上市", "岐阜県", "212199"),
    ("福島県郡山市", "福島県", "072036"),
    ("奈良県大和郡山市", "奈良県", "292036"),
    ("蒲郡市", "愛知県", "232149"),
    ("福岡県小郡市", "福岡県", "402168"),
])
def test_a_city_whose_name_holds_gun_is_found(written, prefecture, code):
    place = split_place(written)
    assert place is not None and place.lg_code == code and place.prefecture in (None, prefecture)
    assert resolve(place.name, prefecture)[0].lg_code == code


def test_only_towns_and_villages_belong_to_a_county():
    assert all(m.county is None for m in municipalities() if m.kind not in ("town", "village"))


def test_a_county_prefix_still_splits_after_the_gun_fix():
    places_found = find_places("岐阜県郡上郡八幡町、郡上市及び上川郡美瑛町")
    assert [(p.name, p.lg_code) for p in places_found][-2:] == [("郡上市", "212199"), ("美瑛町", "014591")]
