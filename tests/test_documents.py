"""Decoding captures into Documents: the bundled mirror (corpus/mirror) and hand-made pages."""
from __future__ import annotations

import re
import sys

import pytest

from extractors.normalize import normalize
from pipeline.documents import DecodeError, decode_document, document_kind, publisher_for
from tests.bundled import DX_NAVI, GAIYOU, MIRROR, PACKAGE, PRESS, REPO, YOURYOU, manifest, mirrored

SEEDS = REPO.parent / "shared" / "seeds"



def cells(doc, table_index: int) -> list[list[str]]:
    tables = [b for b in doc.blocks if b.kind == "table"]
    return [[c.text for c in row] for row in tables[table_index].rows]


# ----------------------------------------------------------------------------- whole documents


def _signature(text: str) -> str:
    """Text with everything layout may change removed: spaces, line breaks, table
    separators, bullet glyphs, markdown marks of the seed files."""
    text = normalize(text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text).replace("**", "")
    return re.sub(r"[\s|\-•]", "", text)


SEED_CHROME = re.compile(r" > |^ページトップへ戻る$")


@pytest.mark.parametrize("url", [PRESS, PACKAGE, YOURYOU, DX_NAVI, GAIYOU])
def test_every_seed_line_comes_back_in_order(url):
    """The decoded text holds every line a reader sees, in reading order."""
    seed = next((name for name, e in [(e.get("seed"), e) for e in manifest().values()] if e["url"] == url), None)
    if not (SEEDS / str(seed)).exists():
        pytest.skip("shared/seeds not beside the repository")
    doc = mirrored(url)
    text = _signature(doc.text)
    position = 0
    for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines():
        if SEED_CHROME.search(line):
            continue
        piece = _signature(line)
        if len(piece) < 2:
            continue
        found = text.find(piece, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found


CONTACT_PATTERNS = [
    re.compile(r"[\w.\-]+(?:_atmark_|@)[\w.\-]+\.[a-z]{2,}", re.I),
    re.compile(r"0\d{1,3}-\d{2,4}-\d{4}"),
    re.compile(r"(?:令和|平成)\d+年\d+月\d+日"),
    re.compile(r"\d{1,2}:\d{2}"),
    re.compile(r"\d{4}年度"),
    re.compile(r"[\d,]+(?:億|万)円"),
]


@pytest.mark.parametrize("url", [PRESS, PACKAGE, YOURYOU, DX_NAVI, GAIYOU])
def test_every_mail_phone_date_and_time_of_the_seed_is_in_the_text(url):
    seed = manifest()[url]["seed"]
    if not (SEEDS / seed).exists():
        pytest.skip("shared/seeds not beside the repository")
    seed_text = normalize((SEEDS / seed).read_text(encoding="utf-8"))
    doc = mirrored(url)
    wanted = {m.group(0) for pattern in CONTACT_PATTERNS for m in pattern.finditer(seed_text)}
    assert wanted, "the pattern list finds nothing in the seed"
    missing = sorted(w for w in wanted if w not in doc.text)
    assert not missing


@pytest.mark.parametrize("url", [PRESS, PACKAGE, YOURYOU, DX_NAVI, GAIYOU])
def test_offsets_of_blocks_and_cells_point_into_the_text(url):
    doc = mirrored(url)
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        for row in block.rows or []:
            for cell in row:
                assert doc.text[cell.start : cell.end] == cell.text


# ----------------------------------------------------------------------------- HTML pages


def test_press_release_is_cp932_from_its_meta_and_keeps_its_sentences():
    doc = mirrored(PRESS)
    assert manifest()[PRESS]["content_type"] == "text/html"  # charset only in the page
    assert (doc.kind, doc.encoding, doc.publisher) == ("html", "cp932", "総務省")
    assert doc.title == "地域DXに向けた計画の策定等の伴走支援を受ける地方公共団体等の二次公募の開始及び公募説明会の開催"
    assert "令和7年6月9日(月)から令和7年7月4日(金)16時まで" in doc.text  # written 令和７年６月９日（月）
    assert "令和7年6月16日(月)15:00〜16:00" in doc.text  # ～ (cp932 0x8160) normalised to 〜
    assert "電話:070-8785-2714(担当者直通)" in doc.text
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert (2, "5 応募方法") in headings and (3, "(1) 応募期間") in headings


def test_contact_paragraph_keeps_its_line_breaks():
    doc = mirrored(PRESS)
    contact = next(b for b in doc.blocks if b.text.startswith("<応募に関する問合せ先"))
    assert contact.kind == "paragraph"
    assert contact.text.split("\n")[:3] == [
        "<応募に関する問合せ先(事務局)>",
        "EYストラテジー・アンド・コンサルティング株式会社",
        "地域社会DX推進パッケージ事業(計画策定支援)担当",
    ]


@pytest.mark.parametrize("url", [PRESS, PACKAGE])
def test_soumu_chrome_is_dropped(url):
    text = mirrored(url).text
    for chrome in ("ページトップへ戻る", "本文へ移動", "サイトマップ", "総務省トップ", "組織案内", "03-5253-5111", "霞が関", "Copyright", "文字サイズ", "pageTitle"):
        assert chrome not in text, chrome


def test_package_page_tables_come_back_with_their_cells():
    doc = mirrored(PACKAGE)
    assert doc.encoding == "cp932"
    schedule = cells(doc, 0)
    assert schedule[0] == ["期間", "概要"]
    assert schedule[1][0] == "令和7年4月18日(金)14:00\n〜\n令和7年5月19日(月)12:00"
    assert schedule[1][1].startswith("公募期間\n・相談等ございましたら")
    assert schedule[3] == ["令和7年6月下旬頃", "採択案件の公表"]
    forms = cells(doc, 1)
    assert [row[0] for row in forms] == ["様式1", "様式2", "別紙1", "別紙2", "別紙3"]
    assert forms[4] == ["別紙3", "ネットワーク機器等購入理由書"]


def test_package_page_links_read_as_their_words():
    doc = mirrored(PACKAGE)
    assert "(公募の詳細はこちら)" in doc.text
    assert "E-mail: digital-kiban_atmark_ml.soumu.go.jp" in doc.text
    assert doc.title == "地域社会DX推進パッケージ事業"


def test_dx_navi_is_utf8_with_definition_lists_as_tables_and_no_chrome():
    doc = mirrored(DX_NAVI)
    assert (doc.encoding, doc.title, doc.publisher) == ("utf-8", "総務省の支援事業", "総務省")
    facts = cells(doc, 1)
    assert facts[0] == ["・全体予算", "5億円程度"]
    assert facts[2][0] == "・事業規模" and facts[2][1].startswith("上限1億円\n※過去に")
    for chrome in ("本文へスキップ", "事例を探す", "パンくず", "サイトポリシー", "gtag", "計測用", "ページトップへ"):
        assert chrome not in doc.text, chrome


def test_cao_index_links_to_the_overview_pdf():
    entry = manifest()["https://www.cao.go.jp/digital-bansou/index.html"]
    body = (MIRROR / entry["path"]).read_bytes()
    assert b'href="r7_gaiyou.pdf"' in body
    doc = decode_document(entry["url"], body, entry["content_type"])
    assert doc.title == "デジタル実装伴走支援事業" and doc.publisher == "内閣府"
    assert "こちら" in doc.text and "内閣府の紹介" not in doc.text


# ----------------------------------------------------------------------------- PDFs


def test_youryou_pdf_pages_tables_and_text():
    doc = mirrored(YOURYOU)
    assert doc.kind == "pdf" and doc.encoding is None
    assert all(b.page and b.page >= 1 for b in doc.blocks)
    assert "(cid:" not in doc.text
    assert "令和8年3月4日(水)〜同年3月26日(木)午後5時" in doc.text
    schedule = next(b for b in doc.blocks if b.kind == "table" and b.text.startswith("令和8年3月26日"))
    assert [[c.text for c in row] for row in schedule.rows] == [
        ["令和8年3月26日", "支援地域候補の公募締切"],
        ["3月下旬〜4月下旬頃", "支援地域候補の選定結果公表及び伴走支援事業者の公募開始"],
        ["5月中下旬頃", "支援地域及び伴走支援事業者の採択結果の公表"],
        ["9月頃", "伴走支援経過に関する中間報告"],
        ["令和9年3月頃", "伴走支援結果の報告"],
    ]
    outline = next(b for b in doc.blocks if b.kind == "table")
    assert [c.text for c in outline.rows[0]] == ["支援期間の目安:", "伴走支援事業者選定の日以降、最長令和9年3月中旬頃まで"]
    # wrapped lines inside a cell are joined back: no break inside 「支援地域」という
    assert "(以下「支援地域」という。)の課題や意向も踏まえつつ" in outline.rows[1][1].text


def test_youryou_pdf_headings_and_numbered_requirements():
    doc = mirrored(YOURYOU)
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "1. 推進体制構築支援事業の概要" in headings and "(5)公募期間" in headings
    requirements = [b.text for b in doc.blocks if b.kind == "list_item" and re.match(r"\d+\. ", b.text)]
    assert [r.split(".")[0] for r in requirements if len(r) > 30] == [str(n) for n in range(1, 12)]
    # table text is not repeated as paragraphs
    assert doc.text.count("支援地域候補の公募締切") == 1


def test_gaiyou_pdf_result_tables():
    doc = mirrored(GAIYOU)
    assert doc.publisher == "内閣府"
    assert doc.title == "令和7年度 デジタル実装伴走支援事業 概要"
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 3 and {t.page for t in tables} == {8}
    assert cells(doc, 0) == [["No.", "都道府県", "団体名"], ["1", "北海道", "標茶町"], ["2", "長崎県", "佐々町"], ["3", "沖縄県", "伊平屋村"]]
    assert cells(doc, 1)[1] == ["-", "-", "-", "-"]
    assert cells(doc, 2)[1] == ["1", "山形県", "金山町 最上町 舟形町 真室川町 大蔵村 鮭川村 戸沢村", "未定"]
    assert cells(doc, 2)[2] == ["2", "北海道", "苫小牧市 厚真町 安平町 むかわ町 白老町", "未定"]
    contact = next(b for b in doc.blocks if "03-6257-3889" in b.text)
    assert contact.page == 9 and "digitaldenen-kofukin.f7k@cao.go.jp" in contact.text


def test_gaiyou_pdf_one_section_per_page():
    doc = mirrored(GAIYOU)
    firsts = {}
    for block in doc.blocks:
        firsts.setdefault(block.page, block)
    assert firsts[4].text == "類型①の応募要件" and firsts[4].kind == "heading"
    assert max(firsts) == 9


# ----------------------------------------------------------------------------- errors and sniffing


def test_empty_body_is_a_decode_error():
    with pytest.raises(DecodeError, match="empty body"):
        decode_document(PRESS, b"", "text/html")
    with pytest.raises(DecodeError, match="empty body"):
        decode_document(PRESS, b" \r\n", "text/html")


def test_broken_pdf_is_a_decode_error():
    with pytest.raises(DecodeError, match="PDF"):
        decode_document(YOURYOU, b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "application/pdf")


def test_truncated_pdf_is_a_decode_error():
    body = (MIRROR / manifest()[YOURYOU]["path"]).read_bytes()[:4000]
    with pytest.raises(DecodeError, match="PDF"):
        decode_document(YOURYOU, body, "application/pdf")


def test_unsupported_type_is_a_decode_error():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    with pytest.raises(DecodeError, match="unsupported content type 'image/png'"):
        decode_document("https://www.soumu.go.jp/main_content/logo.png", png, "image/png")


def test_document_kind_sniffs_the_bytes_before_the_header():
    assert document_kind("https://x.go.jp/a", "text/html", b"%PDF-1.4\n...") == "pdf"
    assert document_kind("https://x.go.jp/a.pdf", "application/octet-stream", b"<!DOCTYPE html><html>") == "html"
    assert document_kind("https://x.go.jp/a", "application/pdf", b"\x00\x01") == "pdf"
    assert document_kind("https://x.go.jp/a.pdf", None, b"\x00\x01") == "pdf"
    assert document_kind("https://x.go.jp/a.zip", "application/zip", b"PK\x03\x04") is None


def test_publisher_table():
    assert publisher_for("https://dx-navi.soumu.go.jp/support/") == "総務省"
    assert publisher_for("https://www.cao.go.jp/x.pdf") == "内閣府"
    assert publisher_for("https://www.example.com/") is None


# ----------------------------------------------------------------------------- hand-made HTML


def decode_html(markup: str, url: str = "https://www.soumu.go.jp/menu_news/test.html"):
    return decode_document(url, markup.encode("cp932"), "text/html; charset=Shift_JIS")


def test_rowspan_is_repeated_and_colspan_left_empty():
    doc = decode_html(
        "<table><tr><th>都道府県</th><th>団体名</th><th>備考</th></tr>"
        "<tr><td rowspan='2'>北海道</td><td>標茶町</td><td>①</td></tr>"
        "<tr><td>むかわ町</td><td>②</td></tr>"
        "<tr><td colspan='2'>合計</td><td>２団体</td></tr></table>"
    )
    assert cells(doc, 0) == [["都道府県", "団体名", "備考"], ["北海道", "標茶町", "①"], ["北海道", "むかわ町", "②"], ["合計", "", "2団体"]]


def test_layout_table_is_read_as_content_not_as_a_table():
    doc = decode_html("<table><tr><td><h2>１　概要</h2><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>")
    assert [b.kind for b in doc.blocks] == ["heading", "table"]


def test_lists_definition_lists_and_breaks():
    doc = decode_html(
        "<div id='contents'><p>【提出先】<br>株式会社　髙橋<br>電話：０３－１２３４－５６７８</p>"
        "<ol><li>申請時に同意していること</li><li>体制を確立できること<ul><li>◇ 機器の貸与</li></ul></li></ol>"
        "<dl><dt>対象</dt><dd>都道府県</dd><dd>※市区町村と連携</dd></dl></div>"
    )
    assert doc.blocks[0].text == "【提出先】\n株式会社 髙橋\n電話:03-1234-5678"
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == ["1. 申請時に同意していること", "2. 体制を確立できること", "◇ 機器の貸与"]
    assert cells(doc, 0) == [["対象", "都道府県\n※市区町村と連携"]]


def test_chrome_by_element_role_id_class_and_phrase():
    doc = decode_html(
        "<body><a href='#main' class='skip'>本文へ移動</a><header><h1>総務省</h1></header>"
        "<div class='breadcrumb'>ホーム &gt; 報道資料</div><nav><ul><li>政策</li></ul></nav>"
        "<div id='main'><article><header><h1>二次公募の開始</h1></header><p>本文です。</p></article>"
        "<div role='complementary'>関連リンク</div><p><a href='#top'>ページの先頭へ</a></p>"
        "<p style='display:none'>非表示</p></div><div id='footer'>〒100-8926</div></body>"
    )
    assert doc.text == "二次公募の開始\n本文です。"
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1


def test_japanese_source_line_breaks_are_not_spaces():
    doc = decode_html("<p>令和７年度の\n公募を開始します。Microsoft\nTeams で説明会</p>")
    assert doc.text == "令和7年度の公募を開始します。Microsoft Teams で説明会"


@pytest.mark.parametrize(
    "title, site, expected",
    [
        ("総務省｜報道資料｜二次公募の開始", None, "二次公募の開始"),
        ("デジタル実装伴走支援事業 - 内閣府", None, "デジタル実装伴走支援事業"),
        ("総務省の支援事業 | 地域社会DXナビ", "地域社会DXナビ", "総務省の支援事業"),
    ],
)
def test_title_without_the_site_name(title, site, expected):
    og = f'<meta property="og:site_name" content="{site}">' if site else ""
    url = "https://www.cao.go.jp/x.html" if "内閣府" in title else "https://www.soumu.go.jp/x.html"
    doc = decode_html(f"<html><head><title>{title}</title>{og}</head><body><p>本文</p></body></html>", url)
    assert doc.title == expected


def test_title_falls_back_to_the_first_h1():
    assert decode_html("<body><h1>公募要領</h1><p>本文</p></body>").title == "公募要領"


# ----------------------------------------------------------------------------- the mirror script


def test_mirror_html_is_what_the_script_makes_from_the_seeds():
    """The committed HTML files are the script's output for the current seeds (run
    scripts/make_mirror.py after changing either)."""
    if not SEEDS.exists():
        pytest.skip("shared/seeds not beside the repository")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_mirror", REPO / "scripts" / "make_mirror.py")
    assert spec and spec.loader
    make_mirror = importlib.util.module_from_spec(spec)
    sys.modules["make_mirror"] = make_mirror  # dataclasses look their module up there
    spec.loader.exec_module(make_mirror)
    builders = {PRESS: (make_mirror.build_000, "cp932"), PACKAGE: (make_mirror.build_001, "cp932"), DX_NAVI: (make_mirror.build_003, "utf-8")}
    for url, (build, encoding) in builders.items():
        entry = manifest()[url]
        page, _ = build((SEEDS / entry["seed"]).read_text(encoding="utf-8"))
        assert page.encode(encoding, errors="xmlcharrefreplace") == (MIRROR / entry["path"]).read_bytes(), url
