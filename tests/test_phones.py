"""Phone finding: the written forms of Japanese numbers, their notes ((直通), (代表) …),
FAX kept apart, and look-alikes (postal codes, dates, amounts) refused."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.model import RawBlock, build_document
from extractors.normalize import normalize
from extractors.phones import find_phones, find_phones_in, label_kind, national_form


def phones(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.number, p.kind, p.label) for p in find_phones(normalize(text))]


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("電話:03-5253-5757", "03-5253-5757"),
        ("電話：０３－５２５３－５７５７", "03-5253-5757"),  # full-width digits and hyphen
        ("TEL 03(5253)5757", "03-5253-5757"),  # exchange in brackets
        ("TEL (03)5253-5757", "03-5253-5757"),
        ("電話番号 03 5253 5757", "03-5253-5757"),
        ("Tel.03.5253.5757", "03-5253-5757"),
        ("電話:070-8785-2714(担当者直通)", "070-8785-2714"),  # mobile
        ("携帯:090-2817-4463", "090-2817-4463"),
        ("☎0120-123-456", "0120-123-456"),
        ("TEL:+81-3-5253-5757", "03-5253-5757"),
        ("電話:0268-22-1111", "0268-22-1111"),  # four-digit area code
        ("電話:011-231-4111", "011-231-4111"),
        ("電話:0352535757", "03-5253-5757"),
    ],
)
def test_written_forms(written: str, number: str) -> None:
    assert [p[0] for p in phones(written)] == [number]


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("電話:03-5253-5757(直通)", "直通"),
        ("電話:03-5253-5757 (代表)", "代表"),
        ("電話:03-6858-3705(グループ代表)", "グループ代表"),
        ("電話:03-5213-4242 (ユニット代表)", "ユニット代表"),
        ("電話：０３－５２１３－４２４２（ユニット代表）", "ユニット代表"),
        ("電話:070-8785-2714(担当者直通)", "担当者直通"),
        ("担当者直通:070-8785-2714", "担当者直通"),
        ("代表電話:03-5253-5111", "代表"),
        ("電話:03-5253-5111(内線 41234)", "内線41234"),
        ("電話:03-5253-5757", None),
    ],
)
def test_notes_on_the_number(written: str, label: str | None) -> None:
    assert phones(written)[0][2] == label


def test_fax_is_told_apart() -> None:
    assert phones("TEL:03-5253-5757 FAX:03-5253-5759") == [
        ("03-5253-5757", "phone", None),
        ("03-5253-5759", "fax", None),
    ]
    assert phones("ファクシミリ:03-5253-5759") == [("03-5253-5759", "fax", None)]
    assert phones("03-5253-5759(FAX)")[0][1] == "fax"
    assert phones("TEL/FAX:0268-22-1111")[0][1] == "phone"


@pytest.mark.parametrize(
    "text",
    [
        "〒102-0093 東京都千代田区平河町 2-7-9 JA 共済ビル",
        "〒100-8926 東京都千代田区霞が関2-1-2",
        "郵便番号 060-8588",
        "令和7年6月9日(月)から令和7年7月4日(金)16時まで",
        "2025-06-09",
        "予算額 0312345678円",
        "https://www.soumu.go.jp/main_content/000352535.pdf",
        "01ryutsu06_02000447",
        "支援期間:令和7年4月〜令和8年3月頃",
    ],
)
def test_look_alikes_are_not_phones(text: str) -> None:
    assert phones(text) == []


def test_offsets_point_at_the_written_number() -> None:
    text = normalize("電話:03(5253)5757(直通)\nFAX:03-5253-5759")
    found = find_phones(text)
    assert [text[p.start : p.end] for p in found] == ["03(5253)5757", "03-5253-5759"]


def test_national_form() -> None:
    assert national_form("０３（５２５３）５７５７") == "03-5253-5757"
    assert national_form("102-0093") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789-()〒 電話FAX:年月日\n+")), max_size=60))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for p in find_phones(text):
        assert 0 <= p.start < p.end <= len(text)
        assert set(p.number) <= set("0123456789-")
        assert p.kind in ("phone", "fax")


def test_a_label_alone_on_the_line_above_decides_the_kind() -> None:
    assert phones("FAX番号\n03-5253-5760") == [("03-5253-5760", "fax", None)]
    assert phones("電話番号\n03-5253-5757") == [("03-5253-5757", "phone", None)]
    assert phones("TEL/FAX:\n0268-22-1111")[0][1] == "phone"
    # a label on the number's own line wins over the caption above
    assert phones("FAX番号\n電話:03-5253-5757")[0][1] == "phone"


@pytest.mark.parametrize(
    ("label", "kind"),
    [("FAX番号", "fax"), ("■ FAX:", "fax"), ("Fax.", "fax"), ("電話番号", "phone"), ("TEL", "phone"),
     ("TEL/FAX", "phone"), ("電話・FAX番号", "phone"), ("担当", None), ("FAX:03-5253-5760", None)],
)
def test_label_kind(label: str, kind: str | None) -> None:
    assert label_kind(normalize(label)) == kind


def test_table_column_header_decides_the_kind() -> None:
    doc = build_document("https://www.soumu.go.jp/x.pdf", "pdf", [RawBlock("table", rows=[
        ["担当", "電話", "FAX"],
        ["地域政策課", "03-5253-5523", "03-5253-5530"],
        ["地域自立応援課", "03-5253-5394", "電話:03-5253-5395"],  # the cell's own label wins
    ])])
    assert [(p.number, p.kind) for p in find_phones_in(doc)] == [
        ("03-5253-5523", "phone"), ("03-5253-5530", "fax"), ("03-5253-5394", "phone"), ("03-5253-5395", "phone"),
    ]


@pytest.mark.parametrize(
    "text",
    ["TEL:03-1234-5678", "電話番号:090-1234-5678", "フリーダイヤル 0120-000-000", "電話番号(例:03-5253-5757)",
     "記入例 03-5253-5757"],
)
def test_dummy_and_example_numbers_are_not_phones(text: str) -> None:
    assert phones(text) == []
