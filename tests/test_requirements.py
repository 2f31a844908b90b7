"""Requirements: eligible applicants, exclusions, numbered conditions and budget terms,
on hand-written lists in the written forms pages use and on the bundled corpus."""
from __future__ import annotations

import pytest

from extractors.model import RawBlock, build_document
from extractors.requirements import applicant_types, extract, requirement_kind
from tests.bundled import DX_NAVI, GAIYOU, PACKAGE, PRESS, YOURYOU, mirrored
from tests.test_programs import needs_mirror


def page(*blocks, kind="html"):
    return build_document("https://www.soumu.go.jp/test", kind, list(blocks))


def h(level, text):
    return RawBlock("heading", text, level=level)


def p(text, page_no=None):
    return RawBlock("paragraph", text, page=page_no)


def li(text, page_no=None):
    return RawBlock("list_item", text, page=page_no)


def rows(doc):
    found = extract(doc)
    for r in found:
        assert doc.text[r.evidence.char_start:r.evidence.char_end] == r.evidence.quote
    return found


# ------------------------------------------------------------------ vocabularies


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("募集対象", "eligible_applicant"), ("支援対象", "eligible_applicant"), ("申請者", "eligible_applicant"),
        ("実施主体", "eligible_applicant"), ("対象", "eligible_applicant"), ("補助対象者", "eligible_applicant"),
        ("応募資格", "eligible_applicant"), ("基礎条件", "eligible_applicant"), ("公募対象", "eligible_applicant"),
        ("応募要件", "condition"), ("申請要件", "condition"), ("条件1", "condition"),
        ("伴走支援事業者(公募)の条件", "condition"),
        ("対象外", "exclusion"), ("全体予算", "budget"), ("事業規模", "budget"), ("補助率", "budget"),
        ("留意点", "other"),
        ("スケジュール", None), ("問合せ先", None), ("支援内容", None),
    ],
)
def test_requirement_kind(label, kind):
    assert requirement_kind(label) == kind


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("都道府県と管内市区町村", ["都道府県", "市区町村"]),
        ("市区町村（一部事務組合及び広域連合を含む。）", ["市区町村", "一部事務組合・広域連合"]),
        ("区市町村", ["市区町村"]),
        ("都道府県(管内の市区町村と連携して申請する場合があります。)", ["都道府県"]),
        ("都道府県と管内市区町村(※都道府県が管内の市区町村と連携して申請)", ["都道府県", "市区町村"]),
        ("推薦を受けた団体(NPO団体、大学、商工会議所など)", ["非営利法人", "大学・研究機関"]),
        ("地方公共団体、民間企業・団体など", ["地方公共団体", "企業・団体"]),
        ("地方公共団体以外については、地方公共団体が出資する法人又は非営利法人による応募に限ります。",
         ["地方公共団体", "地方公共団体が出資する法人", "非営利法人"]),
        ("NPO法人、大学", ["非営利法人", "大学・研究機関"]),
        ("市町村", ["市区町村"]),
        ("全ての要件を満たしていること", []),
    ],
)
def test_applicant_types(text, types):
    assert applicant_types(text) == types


# ------------------------------------------------------------------ hand-written variants


def test_numbered_conditions_with_notes_and_a_page_break():
    doc = page(
        h(2, "2. 応募要項"),
        h(4, "（２）応募要件"),
        p("申請者は、以下の要件を全て満たすこととします。"),
        li("1. 管内の市区町村と連携していること", 5),
        li("2. 過去に選定された地域については、より多くの市町村と連携して申請すること", 5),
        p("※過去に本事業の支援を受けた地域においては、同等の支援を受けられない場合があ", 5),
        p("ります。", 6),
        li("3. 事務局からの連絡に迅速に対応できること", 6),
        p("※1 連絡は電子メールで行います。", 6),
        p("※2 担当者を明確にすること。", 6),
        h(4, "（３）応募方法"),
        p("電子メールで提出してください。"),
        kind="pdf",
    )
    found = rows(doc)
    assert [(r.kind, r.ordinal, r.group_label) for r in found] == [("condition", n, "応募要件") for n in (1, 2, 3)]
    assert found[1].text.endswith("同等の支援を受けられない場合があります。")
    assert found[1].evidence.page == 5
    assert found[2].text.endswith("※2 担当者を明確にすること。")
    assert "※1 連絡は電子メールで行います。" in found[2].text
    assert "電子メール" not in found[1].text


@pytest.mark.parametrize(
    "markers",
    [
        ("①", "②", "③"),
        ("(1)", "(2)", "(3)"),
        ("（１）", "（２）", "（３）"),
        ("1.", "2.", "3."),
        ("一、", "二、", "三、"),
        ("ア ", "イ ", "ウ "),
        ("・", "・", "・"),
        ("◇ ", "◇ ", "◇ "),
    ],
)
def test_list_marker_variants(markers):
    doc = page(
        h(2, "応募要件"),
        *[p(f"{m}{text}") for m, text in zip(markers, ("地域課題を明確にしていること", "推進体制を構築できること",
                                                          "事務局に協力すること"), strict=True)],
        h(2, "スケジュール"),
        p("令和8年3月26日 締切"),
    )
    found = rows(doc)
    assert [r.text for r in found] == ["地域課題を明確にしていること", "推進体制を構築できること", "事務局に協力すること"]
    assert [r.ordinal for r in found] == [1, 2, 3]
    assert {r.kind for r in found} == {"condition"}


def test_eligibility_with_exclusion_notes():
    doc = page(
        h(2, "２ 募集対象"),
        p("デジタル技術を活用したい地方公共団体等\n"
          "※ 財政力指数が1以上の地方公共団体は本支援の対象外となります。\n"
          "注）財政力指数についてはこちらを参照ください。\n"
          "※ 地方公共団体以外については、地方公共団体が出資する法人又は非営利法人による応募に限ります。"),
        h(2, "３ 支援内容"),
        p("専門家が伴走支援します。"),
    )
    found = rows(doc)
    assert [r.kind for r in found] == ["eligible_applicant", "exclusion", "eligible_applicant"]
    assert found[1].text.endswith("注)財政力指数についてはこちらを参照ください。")
    assert found[2].applicant_types == ["地方公共団体", "地方公共団体が出資する法人", "非営利法人"]
    assert {r.group_label for r in found} == {"募集対象"}


def test_labels_in_angle_brackets_bullets_and_colons():
    doc = page(
        h(3, "(1)補助事業"),
        p("<実施主体>\n地方公共団体、民間企業・団体(コンソーシアムを形成することが要件)"),
        p("<スケジュール>\n・応募期間:令和7年1月28日〜令和7年3月6日正午"),
        h(3, "(2)計画策定支援"),
        p("・対象\n市区町村\n・補助率\n1/2"),
        p("申請者:都道府県(管内の市区町村と連携して申請する場合があります。)"),
    )
    found = rows(doc)
    assert [(r.kind, r.group_label, r.applicant_types) for r in found] == [
        ("eligible_applicant", "実施主体", ["地方公共団体", "企業・団体"]),
        ("eligible_applicant", "対象", ["市区町村"]),
        ("budget", "補助率", []),
        ("eligible_applicant", "申請者", ["都道府県"]),  # the bracket remarks on partners
    ]
    assert found[2].text == "1/2"


def test_category_conditions_with_bullets():
    doc = page(
        p("類型①の応募要件", 4),
        p("■ 応募要件（類型①）", 4),
        p("基礎条件：以下の条件すべてを満たす市区町村", 4),
        p("【条件1】以下全ての要件を満たしていること", 4),
        li("• 過去に伴走支援を受けていないこと", 4),
        li("• 交付金を未採択であること", 4),
        p("【条件2】人事異動があった際は後任者を確保すること", 4),
        p("■ 応募要件（類型②）", 5),
        p("基礎条件：以下の条件すべてを満たす都道府県", 5),
        p("【条件1】地元事業者と連携していること", 5),
        kind="pdf",
    )
    found = rows(doc)
    assert [(r.kind, r.group_label, r.ordinal) for r in found] == [
        ("eligible_applicant", "類型① 基礎条件", 1),
        ("condition", "類型① 【条件1】", 1),
        ("condition", "類型① 【条件1】", 2),
        ("condition", "類型① 【条件2】", 2),
        ("eligible_applicant", "類型② 基礎条件", 1),
        ("condition", "類型② 【条件1】", 1),
    ]
    assert found[0].applicant_types == ["市区町村"]
    assert found[2].text == "交付金を未採択であること"


def test_briefing_attendees_are_not_applicants():
    doc = page(
        h(2, "7 公募説明会の実施"),
        h(3, "(1) 対象者"),
        p("応募を検討中の地方公共団体"),
        h(3, "(2) 注意事項"),
        p("・録画はご遠慮ください。"),
    )
    assert rows(doc) == []


def test_label_value_table():
    doc = page(
        h(3, "推進体制構築支援"),
        RawBlock("table", rows=[
            ["・全体予算", "5億円程度"],
            ["・対象", "都道府県と管内市区町村\n※都道府県が管内の市区町村と連携して申請。"],
            ["・事業規模", "上限1億円\n※過去に選定された都道府県については上限5,000万円。"],
            ["スケジュール", "令和8年3月"],
        ]),
    )
    found = rows(doc)
    assert [(r.kind, r.group_label, r.text) for r in found] == [
        ("budget", "全体予算", "5億円程度"),
        ("eligible_applicant", "対象", "都道府県と管内市区町村\n※都道府県が管内の市区町村と連携して申請。"),
        ("budget", "事業規模", "上限1億円"),
        ("budget", "事業規模", "※過去に選定された都道府県については上限5,000万円。"),
    ]


# ------------------------------------------------------------------ the bundled corpus


@needs_mirror
def test_koubo_youryou_eleven_conditions_in_order():
    found = [r for r in rows(mirrored(YOURYOU)) if r.group_label == "応募要件"]
    assert [r.ordinal for r in found] == list(range(1, 12))
    assert {r.kind for r in found} == {"condition"}
    assert found[0].text.startswith("申請時に管内の1以上の市区町村が伴走支援を受けることについて同意し")
    assert found[0].text.endswith("解決を目指す課題が異なる場合も認めます。)")
    assert found[1].text.endswith("※過去に本事業の支援を受けた地域においては、同等の支援を受けられない場合があります。")
    assert found[9].text.endswith("身分上の指揮監督を行わないことをあらかじめ承諾していること")
    assert "※1 主体となる代表都道府県" in found[10].text
    assert found[10].text.endswith("※2 連携の信憑として、採択後に首長名での覚書(別紙 - 2)の提出を必要とします。")


@needs_mirror
def test_koubo_youryou_applicants():
    found = [r for r in rows(mirrored(YOURYOU)) if r.group_label != "応募要件"]
    assert [(r.kind, r.group_label) for r in found] == [
        ("eligible_applicant", "申請者"),
        ("condition", "申請できる数"),
        ("eligible_applicant", "支援対象"),
    ]
    # 申請者: 都道府県(管内の市区町村と連携して申請する場合があります。): the remark
    # names partners, not applicants; the 支援対象 row names both
    assert found[0].applicant_types == ["都道府県"]
    assert found[2].applicant_types == ["都道府県", "市区町村"]
    # the briefing's 対象者 and 注意事項 are not requirements
    assert not any("公募説明会" in r.text for r in found)


@needs_mirror
def test_press_release_eligibility():
    found = rows(mirrored(PRESS))
    assert [r.kind for r in found] == ["eligible_applicant", "exclusion", "exclusion", "eligible_applicant"]
    assert "財政力指数が1以上" in found[1].text
    assert found[3].applicant_types == ["地方公共団体", "地方公共団体が出資する法人", "非営利法人"]


@needs_mirror
def test_package_page_implementing_bodies():
    found = rows(mirrored(PACKAGE))
    assert [r.group_label for r in found] == ["支援対象"] + ["実施主体"] * 4
    assert found[0].applicant_types == ["都道府県", "市区町村"]
    assert found[2].applicant_types == ["企業・団体"]  # AI検証タイプ: 企業・団体など


@needs_mirror
def test_dx_navi_tables():
    found = rows(mirrored(DX_NAVI))
    kinds = [(r.kind, r.group_label) for r in found]
    assert kinds[:3] == [("eligible_applicant", "対象"), ("exclusion", "対象"), ("eligible_applicant", "対象")]
    assert ("budget", "全体予算") in kinds
    cap_notes = [r.text for r in found if r.group_label == "事業規模"]
    assert cap_notes == ["上限1億円", "※過去に支援地域として選定された都道府県については上限5,000万円。"]


@needs_mirror
def test_cao_overview_conditions_per_category():
    found = rows(mirrored(GAIYOU))
    counts: dict[str, int] = {}
    for r in found:
        counts[r.group_label] = counts.get(r.group_label, 0) + 1
    assert counts == {
        "類型① 基礎条件": 1, "類型① 【条件1】": 5, "類型① 【条件2】": 2, "類型① 【条件3】": 1, "類型① 留意点": 2,
        "類型② 基礎条件": 1, "類型② 【条件1】": 1, "類型② 【条件2】": 2, "類型② 【条件3】": 4,
        "類型③ 基礎条件": 1, "類型③ 【条件1】": 1, "類型③ 【条件2】": 1, "類型③ 【条件3】": 6,
    }
    third = [r for r in found if r.group_label == "類型③ 【条件3】"]
    assert third[3].text.endswith("(※地域外の事業者を選定することを妨げるものではない。)")
    assert not any("類型③は類型①・②とは異なり" in r.text for r in found)
    applicants = {r.group_label: r.applicant_types for r in found if r.kind == "eligible_applicant"}
    assert applicants == {"類型① 基礎条件": ["市区町村"], "類型② 基礎条件": ["都道府県"],
                          "類型③ 基礎条件": ["都道府県", "市区町村"]}
