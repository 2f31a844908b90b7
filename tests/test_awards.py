"""Awarded bodies: result tables, announcement sentences, result lists, and what is not an award."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import awards
from extractors.model import Award, Document, RawBlock, build_document
from extractors.places import fold, is_valid_lg_code

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def doc_of(*blocks: RawBlock, url: str = "https://www.example.go.jp/kekka.html", title: str | None = None) -> Document:
    return build_document(url, "html", list(blocks), title=title)


def P(text: str) -> RawBlock:
    return RawBlock("paragraph", text)


def H(text: str, level: int = 2) -> RawBlock:
    return RawBlock("heading", text, level=level)


def T(*rows: list[str]) -> RawBlock:
    return RawBlock("table", rows=[list(r) for r in rows])


def bodies(found: list[Award]) -> list[tuple]:
    return [(a.prefecture, a.body_name, a.lg_code) for a in found]


def assert_evidence(doc: Document, found: list[Award]) -> None:
    for a in found:
        assert a.evidence.quote == doc.text[a.evidence.char_start:a.evidence.char_end]
        assert fold(a.body_name) in fold(a.evidence.quote)


# ------------------------------------------------------------------ the bundled corpus


def seed_document(path: Path) -> Document:
    """A seed text as a decoder would give it: tab-separated lines form a table."""
    raw: list[RawBlock] = []
    table: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            raw.append(T(*table))
            table = []
        if line.strip():
            item = re.match(r"\s*- ", line)
            raw.append(RawBlock("list_item" if item else "paragraph", line[item.end():] if item else line))
    if table:
        raw.append(T(*table))
    return build_document(f"https://example.go.jp/{path.name}", "pdf", raw)


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not beside the project")


@needs_seeds
def test_results_table_of_the_cabinet_office_overview():
    gold = {g["seed"]: g for g in json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))}
    path = next(SEEDS.glob("004_*.txt"))
    doc = seed_document(path)
    found = awards.extract(doc)
    assert [(a.prefecture, a.body_name) for a in found] == [(g["prefecture"], g["body"]) for g in gold[path.name]["awards"]]
    codes = {a.body_name: a.lg_code for a in found}
    assert codes["標茶町"] == "016641" and codes["佐々町"] == "423912" and codes["伊平屋村"] == "473596"
    assert codes["金山町"] == "063614"  # 山形県, not 福島県's 074454
    assert codes["苫小牧市"] == "012131" and codes["むかわ町"] == "015865"
    assert all(is_valid_lg_code(a.lg_code) for a in found)
    assert {a.fiscal_year for a in found} == {2025}
    assert {a.category for a in found} == {"類型① 市町村単独支援枠", "類型③ 広域連携事業推進枠"}
    yamagata = [a for a in found if a.prefecture == "山形県"]
    hokkaido_group = [a for a in found if a.group_label and a.prefecture == "北海道"]
    assert len(yamagata) == 7 and len({a.group_label for a in yamagata}) == 1
    assert len(hokkaido_group) == 5 and hokkaido_group[0].group_label != yamagata[0].group_label
    assert {a.partner for a in yamagata} == {"未定"}
    assert all(a.group_label is None for a in found if a.category.startswith("類型①"))
    assert_evidence(doc, found)


@needs_seeds
@pytest.mark.parametrize("prefix", ["000_", "001_", "002_", "003_"])
def test_no_award_in_the_other_seed_documents(prefix):
    path = next(SEEDS.glob(f"{prefix}*.txt"))
    assert awards.extract(seed_document(path)) == []


# ------------------------------------------------------------------ tables


def test_table_with_prefecture_and_body_columns_under_an_announcement():
    doc = doc_of(
        H("採択結果"),
        P("令和７年度「デジタル実装伴走支援事業」における支援先団体として、以下の団体を採択しました。"),
        P("類型① 市町村単独支援枠"),
        T(["No.", "都道府県", "団体名"], ["１", "北海道", "標茶町"], ["２", "長崎県", "佐々町"]),
    )
    found = awards.extract(doc)
    assert bodies(found) == [("北海道", "標茶町", "016641"), ("長崎県", "佐々町", "423912")]
    assert {(a.fiscal_year, a.category) for a in found} == {(2025, "類型① 市町村単独支援枠")}
    assert found[0].evidence.quote == "1 | 北海道 | 標茶町"
    assert_evidence(doc, found)


def test_course_column_and_partner_column():
    doc = doc_of(
        P("令和6年度 地域DX推進事業の支援先団体が決定しました。"),
        T(["No.", "応募コース", "支援先団体", "連携する地元デジタル関連事業者"],
          ["1", "Aコース", "岩手県遠野市", "株式会社遠野デジタル"],
          ["2", "Bコース", "愛媛県上島町", "未定"]),
    )
    found = awards.extract(doc)
    assert bodies(found) == [("岩手県", "遠野市", "032085"), ("愛媛県", "上島町", "383562")]
    assert [a.category for a in found] == ["Aコース", "Bコース"]
    assert [a.partner for a in found] == ["株式会社遠野デジタル", "未定"]
    assert {a.fiscal_year for a in found} == {2024}


def test_one_cell_of_several_bodies_is_one_consortium():
    doc = doc_of(
        P("以下の団体を選定しました。"),
        T(["No.", "県名", "団体名", "連携する支援事業者"],
          ["1", "山形県", "金山町\n最上町\n舟形町", "-"],
          ["2", "福島県", "金山町", "-"]),
    )
    found = awards.extract(doc)
    assert bodies(found) == [("山形県", "金山町", "063614"), ("山形県", "最上町", "063622"),
                             ("山形県", "舟形町", "063631"), ("福島県", "金山町", "074454")]
    labels = [a.group_label for a in found]
    assert labels[0] == labels[1] == labels[2] is not None and labels[3] is None
    assert all(a.partner is None for a in found)


def test_a_pdf_cell_wrapped_inside_a_name():
    doc = doc_of(P("採択結果"), T(["No.", "県名", "団体名"], ["1", "山形県", "金山町 最上町 舟形町 真室\n川町 大蔵村"]))
    assert [a.body_name for a in awards.extract(doc)] == ["金山町", "最上町", "舟形町", "真室川町", "大蔵村"]


def test_a_category_without_award_gives_no_body():
    doc = doc_of(
        P("令和7年度の支援先団体として、以下の団体を採択しました※1。"),
        P("類型② 都道府県包括スキーム枠"),
        T(["No.", "県名", "支援先団体数・名称", "連携する地元デジタル関連事業者"], ["-", "-", "-", "-"]),
        P("※1 類型②の採択はありませんでした。"),
    )
    assert awards.extract(doc) == []


def test_merged_cells_carry_the_prefecture_down():
    doc = doc_of(
        P("選定結果"),
        T(["都道府県", "市区町村名"], ["長野県", "松本市"], ["", "中川村"], ["北海道", "上川郡美瑛町"]),
    )
    assert bodies(awards.extract(doc)) == [("長野県", "松本市", "202029"), ("長野県", "中川村", "203866"),
                                           ("北海道", "美瑛町", "014591")]


def test_a_table_continued_on_the_next_pdf_page_keeps_its_columns():
    doc = doc_of(
        P("以下の団体を採択しました。"),
        P("(1)Aコース"),
        T(["No.", "都道府県", "団体名"], ["1", "北海道", "標茶町"]),
        P("- 3 -"),
        T(["2", "長崎県", "佐々町"]),
        P("(2)Bコース"),
        P("問い合わせ先"),
        T(["1", "長野県", "松本市"]),
    )
    found = awards.extract(doc)
    assert bodies(found) == [("北海道", "標茶町", "016641"), ("長崎県", "佐々町", "423912")]
    assert {a.category for a in found} == {"(1)Aコース"}


def test_designated_city_wards_and_tokyo_special_wards():
    doc = doc_of(
        P("採択団体一覧"),
        T(["No.", "都道府県", "団体名"], ["1", "神奈川県", "横浜市鶴見区"], ["2", "東京都", "千代田区"],
          ["3", "静岡県", "浜松市"], ["4", "東京都", "東京都"]),
    )
    assert bodies(awards.extract(doc)) == [("神奈川県", "横浜市鶴見区", "141011"), ("東京都", "千代田区", "131016"),
                                           ("静岡県", "浜松市", "221309"), ("東京都", "東京都", "130001")]


def test_prefecture_and_municipality_in_one_cell_without_prefecture_column():
    doc = doc_of(P("採択結果"), T(["No.", "採択団体"], ["1", "長野県松本市"], ["2", "鹿児島県 いちき串木野市"]))
    assert bodies(awards.extract(doc)) == [("長野県", "松本市", "202029"), ("鹿児島県", "いちき串木野市", "462195")]


def test_old_and_misplaced_names_are_kept_without_code_and_warned(caplog):
    doc = doc_of(
        P("採択結果"),
        T(["No.", "都道府県", "団体名"], ["1", "北海道", "静内町"], ["2", "福島県", "最上町"], ["3", "", "金山町"]),
    )
    with caplog.at_level(logging.WARNING, logger="extractors.awards"):
        found = awards.extract(doc)
    assert bodies(found) == [("北海道", "静内町", None), ("福島県", "最上町", None), ("福島県", "金山町", "074454")]
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "静内町" in messages and "unknown" in messages
    assert "最上町" in messages and "not in prefecture" in messages


def test_an_unresolvable_shared_name_is_warned_not_guessed():
    doc = doc_of(P("採択結果"), T(["No.", "団体名"], ["1", "金山町"]))
    found, warnings = awards.extract_with_warnings(doc)
    assert bodies(found) == [(None, "金山町", None)]
    assert "ambiguous" in warnings[0]


def test_an_organisation_is_a_body_without_code():
    doc = doc_of(P("採択結果"), T(["No.", "都道府県", "団体名"], ["1", "徳島県", "一般社団法人 とくしまデジタル協議会"]))
    assert bodies(awards.extract(doc)) == [("徳島県", "一般社団法人 とくしまデジタル協議会", None)]


@pytest.mark.parametrize("context", [
    "好事例として紹介した団体は以下のとおりです。",
    "応募のあった団体は以下のとおりです。",
    "お問い合わせ先",
])
def test_tables_that_list_other_things_are_not_awards(context):
    doc = doc_of(P(context), T(["No.", "都道府県", "団体名"], ["1", "兵庫県", "たつの市"]))
    assert awards.extract(doc) == []


def test_a_table_with_no_announcement_is_not_awards():
    doc = doc_of(P("説明会の開催について"), T(["都道府県", "団体名", "日時"], ["長野県", "松本市", "6月9日"]))
    assert awards.extract(doc) == []


def test_applicant_and_partner_columns_are_not_body_columns():
    doc = doc_of(P("採択結果"), T(["No.", "申請団体数", "支援事業者"], ["1", "3", "株式会社A"]))
    assert awards.extract(doc) == []


# ------------------------------------------------------------------ sentences


def test_prose_announcement_with_prefecture_written_before_each_body():
    doc = doc_of(
        H("令和7年度 デジタル実装伴走支援事業の選定結果"),
        P("長野県松本市及び長野県中川村による提案2件が選定されました。"),
    )
    found = awards.extract(doc)
    assert bodies(found) == [("長野県", "松本市", "202029"), ("長野県", "中川村", "203866")]
    assert {a.fiscal_year for a in found} == {2025}
    assert found[0].evidence.quote == "長野県松本市及び長野県中川村による提案2件が選定されました。"


def test_this_prefecture_is_the_publisher():
    doc = doc_of(P("内閣府の「デジタル実装伴走支援事業」(令和7年度)の支援先団体に、本県を含め全国で3団体が選定されました。"),
                 url="https://www.pref.nagano.lg.jp/joho/kekka.html")
    assert bodies(awards.extract(doc)) == [("長野県", "長野県", "200000")]
    assert awards.extract(doc)[0].fiscal_year == 2025


def test_this_prefecture_unknown_gives_nothing():
    doc = doc_of(P("本県を含め全国で3団体が選定されました。"), url="https://www.example.jp/news.html")
    assert awards.extract(doc) == []


def test_prefecture_and_municipality_written_apart():
    doc = doc_of(P("令和6年度は、北海道の標茶町、鳥取県の日南町、山形県の金山町が採択されました。"))
    assert bodies(awards.extract(doc)) == [("北海道", "標茶町", "016641"), ("鳥取県", "日南町", "314013"),
                                           ("山形県", "金山町", "063614")]


def test_past_year_announcement_keeps_its_year():
    doc = doc_of(H("令和7年度 公募要領"), P("令和5年度には、青森県及び埼玉県が選定されました。"))
    found = awards.extract(doc)
    assert bodies(found) == [("青森県", "青森県", "020001"), ("埼玉県", "埼玉県", "110001")]
    assert {a.fiscal_year for a in found} == {2023}


@pytest.mark.parametrize("sentence", [
    # a condition naming bodies supported in earlier years: not this year's awards
    "令和5、6年度に類型②で伴走支援を受けている都道府県(青森県、埼玉県、静岡県、徳島県、宮崎県)の管内市町村が類型①に申請する場合、県と調整の上で提出すること。",
    # good practices and examples
    "2023年度に好事例として公表した兵庫県たつの市では、講座を開催しています。",
    "優良事例として島根県飯南町が選定されました。",
    "たとえば、兵庫県たつの市が選定されています。",
    # future, or no award
    "令和7年7月中旬頃、長野県松本市を含む支援先団体を選定します。",
    "類型②の採択はありませんでした。",
    # contacts, addresses, subject-line placeholders
    "事務局(〒102-0093 東京都千代田区平河町2-7-9)にお問い合わせください。",
    "■件名:「推進体制構築支援(●●県▲▲市)」※括弧内は地方公共団体名を記載してください。",
    # a generic sentence with 支援先団体 and no names
    "伴走支援の受入体制の観点から、支援先団体を決定させていただきます。",
    # a decision that is not a selection
    "松本市での説明会の日程が決定しました。",
])
def test_sentences_that_are_not_awards(sentence):
    assert awards.extract(doc_of(P(sentence))) == []


def test_region_words_are_not_bodies():
    doc = doc_of(P("長野県内の市町村から、長野県松本市が選定されました。"))
    assert bodies(awards.extract(doc)) == [("長野県", "松本市", "202029")]


def test_labelled_line_of_bodies():
    doc = doc_of(H("R7年度 地域DX推進事業"), P("採択団体:北海道標茶町、長崎県佐々町"))
    found = awards.extract(doc)
    assert bodies(found) == [("北海道", "標茶町", "016641"), ("長崎県", "佐々町", "423912")]
    assert {a.fiscal_year for a in found} == {2025}


# ------------------------------------------------------------------ lists under a results heading


def test_list_of_places_under_a_results_heading():
    doc = doc_of(
        H("令和7年度 採択結果"),
        P("類型① 市町村単独支援枠"),
        RawBlock("list_item", "・北海道標茶町"),
        RawBlock("list_item", "・長崎県北松浦郡佐々町"),
        P("類型③ 広域連携事業推進枠"),
        RawBlock("list_item", "・北海道苫小牧市、厚真町"),
        P("今後のスケジュールは以下のとおりです。"),
        RawBlock("list_item", "・長野県松本市"),
    )
    found = awards.extract(doc)
    assert bodies(found) == [("北海道", "標茶町", "016641"), ("長崎県", "佐々町", "423912"),
                             ("北海道", "苫小牧市", "012131"), ("北海道", "厚真町", "015814")]
    assert [a.category for a in found] == ["類型① 市町村単独支援枠"] * 2 + ["類型③ 広域連携事業推進枠"] * 2
    assert {a.fiscal_year for a in found} == {2025}
    assert_evidence(doc, found)


def test_a_table_and_its_summary_sentence_give_each_body_once():
    doc = doc_of(
        P("令和7年度は北海道標茶町が採択されました。"),
        P("採択結果"),
        T(["No.", "都道府県", "団体名"], ["1", "北海道", "標茶町"]),
    )
    assert bodies(awards.extract(doc)) == [("北海道", "標茶町", "016641")]


# ------------------------------------------------------------------ property: nothing invented

NAMES = ["標茶町", "金山町", "長野県", "松本市", "静内町", "上川郡美瑛町", "札幌市中央区", "千代田区", "株式会社A",
         "好事例", "-", "未定", "市町村", "●●県▲▲市", "北海道", "山形県", "東大和市", "大和市", "旧静内町"]
GLUE = [" ", "、", "\n", "及び", "・", "", "の", "が", "を", "に"]
VERBS = ["が選定されました。", "を採択しました。", "を選定します。", "が採択されています。", "。",
         "を採択することとしました。", "が採択されることとなりました。", "を選定いたしました。"]
LEADS = ["", "応募のあった12件について、審査の結果、", "応募団体(", "12件の応募がありました。審査の結果、"]
PARTNERS = ["", "本提案は、", "と連携して実施します。", "を代表団体として、", "共同提案"]


@st.composite
def announcement_documents(draw):
    words = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6))
    glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(words), max_size=len(words)))
    sentence = draw(st.sampled_from(LEADS)) + "".join(w + g for w, g in zip(words, glue, strict=True))
    sentence += draw(st.sampled_from(VERBS))
    partner_words = draw(st.lists(st.sampled_from(NAMES + PARTNERS + GLUE), max_size=8))
    sentence += "".join(partner_words) + "と連携して実施します。"
    cells = draw(st.lists(st.lists(st.sampled_from(NAMES + [""]), min_size=3, max_size=3), max_size=4))
    header = draw(st.sampled_from([["No.", "都道府県", "団体名"], ["No.", "県名", "支援先団体"], ["都道府県", "団体名", "支援事業者"]]))
    return doc_of(P("採択結果"), P(sentence), T(header, *cells))


@settings(max_examples=150, deadline=None)
@given(announcement_documents())
def test_extraction_never_invents_a_body(doc):
    found = awards.extract(doc)
    for a in found:
        assert a.evidence.quote == doc.text[a.evidence.char_start:a.evidence.char_end]
        assert fold(a.body_name) in fold(a.evidence.quote)
        assert a.body_name not in ("-", "未定", "", "好事例", "市町村")
        assert a.lg_code is None or is_valid_lg_code(a.lg_code)
