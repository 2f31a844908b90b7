"""Numbered headings and list markers in the written forms Japanese pages use."""
import pytest

from extractors.headings import BULLET, LABEL, NOTE, NUMBER, SQUARE, kanji_number, parse_marker
from extractors.normalize import normalize_line


@pytest.mark.parametrize(
    ("line", "style", "ordinal", "rest"),
    [
        ("(1) 事業概要", "paren_num", 1, "事業概要"),
        ("（２）応募要件", "paren_num", 2, "応募要件"),
        ("(1)2.推進体制構築支援", "paren_num", 1, "推進体制構築支援"),
        ("1. 推進体制構築支援事業の概要", "num_dot", 1, "推進体制構築支援事業の概要"),
        ("１０．伴走支援事業者が常駐派遣する専門家等は", "num_dot", 10, "伴走支援事業者が常駐派遣する専門家等は"),
        ("1 概要", "num_space", 1, "概要"),
        ("３）申請書類", "num_paren", 3, "申請書類"),
        ("②それ以外の目的で", "circled", 2, "それ以外の目的で"),
        ("一、総則", "kanji", 1, "総則"),
        ("十二 雑則", "kanji", 12, "雑則"),
        ("（三）経費", "paren_kanji", 3, "経費"),
        ("ア 事業の目的", "kana", 1, "事業の目的"),
        ("（イ）補助対象経費", "paren_kana", 2, "補助対象経費"),
        ("B．ソリューション実装コース", "alpha", 2, "ソリューション実装コース"),
        ("第３章 補助金の交付", "dai", 3, "補助金の交付"),
        ("第一 目的", "dai", 1, "目的"),
        ("第１章　総則", "dai", 1, "総則"),
        ("１－２　用語の定義", "num_hyphen", 1, "用語の定義"),
        ("Ⅰ　実証タイプ", "roman", 1, "実証タイプ"),
        ("Ⅱ　実装タイプ", "roman", 2, "実装タイプ"),
        ("Ⅳ. 留意事項", "roman", 4, "留意事項"),
    ],
)
def test_numbered_markers(line, style, ordinal, rest):
    line = normalize_line(line)
    marker = parse_marker(line)
    assert marker is not None
    assert (marker.family, marker.style, marker.ordinal) == (NUMBER, style, ordinal)
    assert line[marker.rest:] == rest


@pytest.mark.parametrize(
    ("line", "family", "label", "ordinal"),
    [
        ("【条件1】以下全ての要件を満たしていること", LABEL, "条件1", 1),
        ("【類型①】", LABEL, "類型①", 1),
        ("＜支援対象＞", LABEL, "支援対象", None),
        ("〈実施主体〉", LABEL, "実施主体", None),
        ("■ 応募要件（類型②）", SQUARE, "■", None),
        ("〔問合せ先〕", LABEL, "問合せ先", None),
        ("◆ お問い合わせ先", SQUARE, "◆", None),
        ("※１ 主体となる代表都道府県とその取組に賛同した", NOTE, "※1", 1),
        ("※ 財政力指数が1以上の地方公共団体", NOTE, "※", None),
        ("注）財政力指数についてはこちら", NOTE, "注)", None),
        ("（注）対象外となります", NOTE, "(注)", None),
    ],
)
def test_labels_and_notes(line, family, label, ordinal):
    marker = parse_marker(normalize_line(line))
    assert marker is not None
    assert (marker.family, marker.label, marker.ordinal) == (family, label, ordinal)


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("・対象", "bullet・"),
        ("- ・市区町村単位の募集", "bullet・"),
        ("- ◇ 都道府県・市区町村における地域 DX の推進体制", "bullet◇"),
        ("◇ 他地域における好事例の紹介", "bullet◇"),
        ("○EYストラテジー・アンド・コンサルティング株式会社", "bullet○"),
        ("▶ デジタル技術を活用した", "bullet▶"),
        ("- - 専門家を地方公共団体などに通年派遣し", "bullet-"),
        ("◆ 地域の多様な主体が参画する取組について、国が地方公共団体の自主的な計画を支援します。", "bullet◆"),
    ],
)
def test_bullets(line, style):
    marker = parse_marker(normalize_line(line))
    assert (marker.family, marker.style) == (BULLET, style)


@pytest.mark.parametrize(
    "line",
    [
        "2 (2) に記載する要件を全て満たす地域(都道府県・市区町村)を選定します。",
        "1つの申し込みにより同時接続可能なアカウントに制限があります",
        "3月下旬〜4月下旬頃 支援地域候補の選定結果公表",
        "令和8年3月26日 支援地域候補の公募締切",
        "1.5倍の加点とします",
        "E-mail:dx-seis_atmark_nttdata-strategy.com",
        "Aコース",
        "一的都道府県につき一の申請とします。",
    ],
)
def test_not_markers(line):
    assert parse_marker(normalize_line(line)) is None


def test_hyphen_numbers_go_on_as_one_list():
    """1-2 follows 1-1 (a sibling), it does not nest under it."""
    from extractors.model import document_from_text
    from extractors.programs import document_outline

    nodes = document_outline(document_from_text("第1章 総則\n1-1 目的\n本文。\n1-2 用語の定義\n本文。\n第2章 内容"))
    depth = {n.title: n.depth for n in nodes}
    assert depth == {"総則": 0, "目的": 1, "用語の定義": 1, "内容": 0}


def test_kanji_numbers():
    assert [kanji_number(k) for k in ("一", "九", "十", "十一", "二十", "二十三")] == [1, 9, 10, 11, 20, 23]
    assert kanji_number("百") is None
