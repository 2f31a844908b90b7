"""Programmes from titles, lead sentences and numbered headings: hand-written pages and
the bundled corpus (corpus/mirror decoded by pipeline.documents)."""
from __future__ import annotations

import pytest

from extractors.model import RawBlock, build_document
from extractors.programs import analyse_name, extract, fiscal_year_of, program_at, program_key
from tests.bundled import DX_NAVI, GAIYOU, MIRROR, PACKAGE, PRESS, YOURYOU, mirrored


def tree(programs) -> list[tuple[str, str | None]]:
    """(name, parent name) per programme key, first section only."""
    names = {}
    for p in programs:
        names.setdefault(p.key, p.name)
    seen, out = set(), []
    for p in programs:
        if p.key not in seen:
            seen.add(p.key)
            out.append((p.name, names.get(p.parent_key) if p.parent_key else None))
    return out


def page(*blocks, title=None, url="https://www.soumu.go.jp/test.html", kind="html"):
    return build_document(url, kind, list(blocks), title=title)


def h(level, text):
    return RawBlock("heading", text, level=level)


def p(text, page_no=None):
    return RawBlock("paragraph", text, page=page_no)


# ------------------------------------------------------------------ keys and names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("地域社会 DX 推進パッケージ事業", "地域社会DX推進パッケージ事業"),
        ("令和8年度総務省「地域社会DX推進パッケージ事業」", "地域社会DX推進パッケージ"),
        ("推進体制構築支援事業", "推進体制構築支援"),
        ("「地域情報化アドバイザー」派遣事業", "地域情報化アドバイザー"),
        ("Ａ Ｉ 検証タイプ", "AI検証タイプ"),
        ("問い合わせ窓口整備事業", "問合せ窓口整備事業"),
    ],
)
def test_program_key_unifies_written_forms(a, b):
    assert program_key(a) == program_key(b)


def test_program_key_keeps_different_programmes_apart():
    assert program_key("計画策定支援") != program_key("推進体制構築支援")


@pytest.mark.parametrize(
    ("heading", "name", "category", "round_", "umbrella"),
    [
        ("推進体制構築支援", "推進体制構築支援", None, None, None),
        ("推進体制構築支援事業の概要", "推進体制構築支援事業", None, None, None),
        ("実証事業 AI検証タイプ", "AI検証タイプ", None, None, "実証事業"),
        ("類型① 市町村単独支援枠", "市町村単独支援枠", "類型①", None, None),
        ("応募要件(類型②)", "", "類型②", None, None),
        ("類型③の応募要件", "", "類型③", None, None),
        ("スケジュール(二次公募)", "", None, "二次", None),
        ("第3次公募", "", None, "三次", None),
        ("Aコース", "", "Aコース", None, None),
        ("Ａコース（基礎研修コース）", "基礎研修コース", "Aコース", None, None),
        ("TYPE2（データ連携基盤活用型）", "データ連携基盤活用型", "TYPE2", None, None),
        ("新しい地方経済・生活環境創生交付金", "新しい地方経済・生活環境創生交付金", None, None, None),
        ("まち・ひと・しごと創生交付金", "まち・ひと・しごと創生交付金", None, None, None),
        ("自治体窓口DX推進事業", "自治体窓口DX推進事業", None, None, None),
    ],
)
def test_analyse_name(heading, name, category, round_, umbrella):
    info = analyse_name(heading)
    assert (info.name, info.category, info.round, info.umbrella) == (name, category, round_, umbrella)


@pytest.mark.parametrize(
    "heading",
    ["事業の概要", "総務省の支援事業", "関連イベント・支援策について", "問合せ先(事務局)", "内閣府 地方創生推進室",
     "(1)計画策定支援に応募の場合", "支援内容", "概要", "事業概要", "応募方法", "スケジュール", "問合せ先",
     "関連資料", "補助対象事業", "対象事業", "関連事業", "本事業への応募を検討されている皆様へ", "コースの種類",
     "自治体DXの推進", "公募スケジュール(二次公募)", "「地域活性化起業人」制度の活用"],
)
def test_section_headings_are_not_programmes(heading):
    info = analyse_name(heading)
    assert info is None or not info.strong


@pytest.mark.parametrize(
    ("text", "year"),
    [("令和8年度 総務省 地域社会DX推進パッケージ事業", 2026), ("令和元年度補正予算", 2019), ("平成31年度", 2019),
     ("2025年度から公募の機会を", 2025), ("令和7年6月9日", None)],
)
def test_fiscal_year(text, year):
    assert fiscal_year_of(text) == year


# ------------------------------------------------------------------ hand-written pages


def test_numbered_headings_under_a_titled_page():
    doc = page(
        h(1, "地域防災ＤＸ推進事業"),
        h(2, "1 事業の概要"),
        p("防災分野のデジタル化を支援します。"),
        h(3, "（1）計画策定支援"),
        p("専門家を派遣します。"),
        h(3, "（2）実証事業 Ａタイプ"),
        p("Ａタイプの説明。"),
        h(3, "（2）実証事業 Ｂタイプ"),
        p("Ｂタイプの説明。"),
        h(3, "（3）補助事業"),
        p("補助率 1/2、上限3,000万円"),
        h(2, "2 問合せ先"),
        p("総務省 地域防災課"),
        title="総務省｜地域防災ＤＸ推進事業",
    )
    programs = extract(doc)
    assert tree(programs) == [
        ("地域防災DX推進事業", None),
        ("計画策定支援", "地域防災DX推進事業"),
        ("実証事業", "地域防災DX推進事業"),
        ("Aタイプ", "実証事業"),
        ("Bタイプ", "実証事業"),
        ("補助事業", "地域防災DX推進事業"),
    ]
    subsidy = next(p for p in programs if p.name == "補助事業")
    assert (subsidy.subsidy_rate, subsidy.cap_yen) == ("1/2", 30_000_000)
    assert all(p.ministry == "総務省" for p in programs)
    # the 実証事業 section covers both types; a fact in the B section links to B
    offset = doc.text.index("Bタイプの説明")
    assert program_at(programs, offset).name == "Bタイプ"
    assert program_at(programs, doc.text.index("総務省 地域防災課")).name == "地域防災DX推進事業"


def test_lead_sentence_names_the_programme_and_its_call():
    doc = page(
        h(1, "地域課題解決支援の三次公募の開始"),
        p("総務省は、「地方創生デジタル推進事業」の一環として、専門家が支援する『計画策定支援』の三次公募を実施します。"),
        h(2, "1 募集対象"),
        p("地方公共団体"),
    )
    programs = extract(doc)
    assert tree(programs) == [
        ("地方創生デジタル推進事業", None),
        ("計画策定支援", "地方創生デジタル推進事業"),
        ("計画策定支援 三次公募", "計画策定支援"),
    ]
    call = programs[-1]
    assert call.round == "三次"
    assert call.key == program_key("計画策定支援") + "/三次公募"
    assert program_at(programs, doc.text.index("地方公共団体")) is call


def test_categories_and_calls_from_labels_and_brackets():
    doc = page(
        p("令和9年度 地域実装支援事業 概要", 1),
        p("内閣府 地方創生推進室", 1),
        p("本事業で募集する2つの類型について", 2),
        p("市町村単独支援枠", 2),
        p("【類型①】", 2),
        p("・市区町村単位の募集", 2),
        p("都道府県包括枠", 2),
        p("【類型②】", 2),
        p("・都道府県単位の募集", 2),
        p("類型②の応募要件", 3),
        p("■ 応募要件（類型②）", 3),
        p("基礎条件：以下の条件すべてを満たす都道府県", 3),
        url="https://www.cao.go.jp/test.pdf",
        kind="pdf",
    )
    programs = extract(doc)
    assert tree(programs) == [
        ("地域実装支援事業", None),
        ("類型① 市町村単独支援枠", "地域実装支援事業"),
        ("類型② 都道府県包括枠", "地域実装支援事業"),
    ]
    assert {p.fiscal_year for p in programs} == {2027}
    assert {p.ministry for p in programs} == {"内閣府"}
    # 類型② is discussed twice: once per section, one key
    sections = [p for p in programs if p.key.endswith("/類型②")]
    assert len(sections) == 2
    assert program_at(programs, doc.text.index("基礎条件")).key.endswith("/類型②")


def test_rounds_inside_a_programme_section():
    doc = page(
        h(1, "地域通信基盤整備事業"),
        h(2, "（1）補助事業"),
        h(3, "【一次公募】"),
        p("応募期間：令和7年2月〜3月頃"),
        h(3, "【二次公募】"),
        p("応募期間：令和7年4月〜5月頃"),
    )
    programs = extract(doc)
    names = [p.name for p in programs]
    assert names == ["地域通信基盤整備事業", "補助事業", "補助事業 一次公募", "補助事業 二次公募"]
    assert [p.round for p in programs] == [None, None, "一次", "二次"]
    assert program_at(programs, doc.text.index("令和7年4月")).round == "二次"


def test_courses_as_numbered_headings():
    doc = page(
        h(1, "デジタル人材育成支援事業"),
        h(2, "A. 地域課題整理コース"),
        p("地域課題の洗い出しから支援します。"),
        h(2, "B. ソリューション実装コース"),
        p("実装計画の策定を支援します。"),
    )
    assert tree(extract(doc)) == [
        ("デジタル人材育成支援事業", None),
        ("地域課題整理コース", "デジタル人材育成支援事業"),
        ("ソリューション実装コース", "デジタル人材育成支援事業"),
    ]


def test_evidence_quotes_the_text():
    doc = page(h(1, "地域防災DX推進事業"), h(2, "(1) 計画策定支援"), p("説明"), title="地域防災DX推進事業")
    for program in extract(doc):
        assert doc.text[program.evidence.char_start:program.evidence.char_end] == program.evidence.quote
        assert 0 <= program.span[0] <= program.span[1] <= len(doc.text)


def test_a_page_without_programmes():
    doc = page(h(1, "報道資料一覧"), p("令和7年6月9日 お知らせ"))
    assert extract(doc) == []


# ------------------------------------------------------------------ the bundled corpus

needs_mirror = pytest.mark.skipif(not (MIRROR / "manifest.json").exists(), reason="corpus/mirror not built")


@needs_mirror
def test_press_release_second_call_of_planning_support():
    programs = extract(mirrored(PRESS))
    assert tree(programs) == [
        ("地域社会DX推進パッケージ事業", None),
        ("計画策定支援", "地域社会DX推進パッケージ事業"),
        ("計画策定支援 二次公募", "計画策定支援"),
    ]
    assert programs[-1].round == "二次"
    assert {p.ministry for p in programs} == {"総務省"}


@needs_mirror
def test_package_page_tree():
    programs = extract(mirrored(PACKAGE))
    assert tree(programs) == [
        ("地域社会DX推進パッケージ事業", None),
        ("推進体制構築支援", "地域社会DX推進パッケージ事業"),
        ("地域情報化アドバイザー", "地域社会DX推進パッケージ事業"),
        ("人材ハブ機能", "地域社会DX推進パッケージ事業"),
        ("実証事業", "地域社会DX推進パッケージ事業"),
        ("先進無線システム活用タイプ", "実証事業"),
        ("先進無線システム活用タイプ 二次公募", "先進無線システム活用タイプ"),
        ("先進無線システム活用タイプ 一次公募", "先進無線システム活用タイプ"),
        ("AI検証タイプ", "実証事業"),
        ("自動運転検証タイプ", "実証事業"),
        ("補助事業", "地域社会DX推進パッケージ事業"),
        ("地域デジタル基盤活用推進事業", None),
    ]


@needs_mirror
def test_package_page_links_each_section_to_its_programme():
    doc = mirrored(PACKAGE)
    programs = extract(doc)
    assert program_at(programs, doc.text.index("dx_taisei_atmark")).name == "推進体制構築支援"
    assert program_at(programs, doc.text.index("rsdx_ai_comm_atmark")).name == "AI検証タイプ"
    assert program_at(programs, doc.text.index("ict-town_atmark")).name == "補助事業"
    assert program_at(programs, doc.text.index("令和7年4月18日")).round == "二次"


@needs_mirror
def test_koubo_youryou_fy2026():
    programs = extract(mirrored(YOURYOU))
    assert tree(programs) == [
        ("地域社会DX推進パッケージ事業", None),
        ("推進体制構築支援", "地域社会DX推進パッケージ事業"),
    ]
    assert [p.fiscal_year for p in programs] == [2026, 2026]
    assert programs[1].span == (0, len(mirrored(YOURYOU).text))


@needs_mirror
def test_dx_navi_page_programmes_and_budget():
    programs = extract(mirrored(DX_NAVI))
    assert [p.name for p in programs] == ["計画策定支援", "推進体制構築支援", "「地域情報化アドバイザー」派遣事業"]
    taisei = programs[1]
    assert (taisei.budget_yen, taisei.cap_yen) == (500_000_000, 100_000_000)
    assert programs[2].key == program_key("地域情報化アドバイザー")


@needs_mirror
def test_same_programme_same_key_across_documents():
    keys = {url: {p.key for p in extract(mirrored(url))} for url in (PACKAGE, YOURYOU, DX_NAVI)}
    taisei = program_key("推進体制構築支援")
    assert all(taisei in found for found in keys.values())
    assert program_key("地域社会DX推進パッケージ事業") in keys[PACKAGE] & keys[YOURYOU]
    assert program_key("計画策定支援") in {p.key for p in extract(mirrored(PRESS))} & keys[DX_NAVI]


@needs_mirror
def test_cao_overview_categories():
    doc = mirrored(GAIYOU)
    programs = extract(doc)
    assert tree(programs) == [
        ("デジタル実装伴走支援事業", None),
        ("類型① 市町村単独支援枠", "デジタル実装伴走支援事業"),
        ("類型② 都道府県包括スキーム枠", "デジタル実装伴走支援事業"),
        ("類型③ 広域連携事業推進枠", "デジタル実装伴走支援事業"),
    ]
    assert {p.fiscal_year for p in programs} == {2025}
    assert {p.ministry for p in programs} == {"内閣府"}
    assert program_at(programs, doc.text.index("標茶町")).name == "類型① 市町村単独支援枠"
    assert program_at(programs, doc.text.index("苫小牧市")).name == "類型③ 広域連携事業推進枠"
    assert program_at(programs, doc.text.index("基礎条件:以下の条件すべてを満たす都道府県\n")).name.startswith("類型②")


@needs_mirror
@pytest.mark.parametrize("url", [PRESS, PACKAGE, YOURYOU, DX_NAVI, GAIYOU])
def test_parents_come_first_and_evidence_holds(url):
    doc = mirrored(url)
    seen: set[str] = set()
    for program in extract(doc):
        assert program.parent_key is None or program.parent_key in seen
        seen.add(program.key)
        assert doc.text[program.evidence.char_start:program.evidence.char_end] == program.evidence.quote
