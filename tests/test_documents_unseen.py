"""Decoding pages and PDFs shaped like the ministries' real ones (none is a bundled seed).

HTML: the templates of soumu.go.jp, cao.go.jp and digital.go.jp around invented bodies,
in the encodings they are served in (Shift_JIS, EUC-JP, UTF-8, XHTML with an XML
declaration, a stale Shift_JIS <meta> on UTF-8 bytes). PDFs: tests/fixtures/pdf/, made
by scripts/make_pdf_fixtures.py (running headers, page numbers, a paragraph cut by a page
break, a two-column slide, a table over three pages, letter-spaced labels, scans, an
encrypted file).

Decisions these tests pin down:
- chrome named like navigation (topicpath, pagetop, gnavi) is dropped everywhere;
  names a section may carry (header, footer, side) only outside the content proper;
- a paragraph cut by a page break is one block with the page it starts on;
- a table continued over pages stays one block per page (true pages); the awards
  extractor reads the header-less part with the previous header;
- a PDF without any text is a DecodeError (no OCR); a partly scanned one keeps its text
  and warns; encrypted, broken and truncated PDFs are DecodeErrors that say which;
- oversized input is cut at the DecodeSettings limits with a warning, never refused.
"""
from __future__ import annotations

import importlib.util
import logging
import sys
from functools import cache
from pathlib import Path

import pytest

from pipeline.documents import DecodeError, DecodeSettings, decode_document

REPO = Path(__file__).resolve().parent.parent
PDFS = REPO / "tests" / "fixtures" / "pdf"
SOUMU = "https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/chiiki_dx/index.html"
CAO = "https://www.cao.go.jp/chihou_dx/koubo.html"
DIGITAL = "https://www.digital.go.jp/policies/local_governments/koubo"


def cells(doc, index: int = 0) -> list[list[str]]:
    tables = [b for b in doc.blocks if b.kind == "table"]
    return [[c.text for c in row] for row in tables[index].rows]


def soumu_page(body: str, title: str = "地域DX推進事業の公募") -> str:
    """soumu.go.jp's template: #header with skip link and search, #globalNavi,
    #contentsWrapper holding #topicpath, #contents > .contentsBody and #localNavi,
    .pageTop and #footer with the ministry's address and switchboard."""
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="ja" xml:lang="ja"><head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS" />\n'
        f"<title>総務省｜地域情報化の推進｜{title}</title>\n"
        '<script type="text/javascript">var fontSize = "文字サイズ";</script></head>\n'
        '<body><div id="wrapper">\n'
        '<div id="header"><p id="skipNavi"><a href="#contentsWrapper">本文へ移動</a></p>\n'
        '<p id="logo"><a href="/"><img src="/logo.gif" alt="総務省" /></a></p>\n'
        '<ul id="headerLink"><li><a href="/sitemap.html">サイトマップ</a></li><li><a href="/english/">English</a></li></ul>\n'
        '<div id="searchArea"><form action="/search"><input type="text" /><input type="submit" value="検索" /></form></div></div>\n'
        '<div id="globalNavi"><ul><li><a href="/">総務省トップ</a></li><li><a href="/menu_00/">組織案内</a></li>'
        '<li><a href="/menu_02/">政策</a></li><li><a href="/menu_03/">申請・手続</a></li></ul></div>\n'
        '<div id="contentsWrapper">\n'
        '<div id="topicpath"><ol><li><a href="/">総務省トップ</a> &gt; </li><li><a href="/menu_seisaku/">政策</a> &gt; </li>'
        f"<li>{title}</li></ol></div>\n"
        f'<div id="contents"><h1 class="title">{title}</h1>\n<div class="contentsBody">\n{body}\n</div></div>\n'
        '<div id="localNavi"><h2>地域情報化の推進</h2><ul><li><a href="/a/">地域情報化アドバイザー派遣制度</a></li>'
        '<li><a href="/b/">地域力創造</a></li></ul></div>\n'
        "</div>\n"
        '<p class="pageTop"><a href="#wrapper">ページトップへ戻る</a></p>\n'
        '<div id="footer"><ul id="footerNavi"><li><a href="/policy/">ご利用に当たって</a></li>'
        '<li><a href="/privacy/">プライバシーポリシー</a></li></ul>\n'
        "<address>総務省　〒100-8926　東京都千代田区霞が関2-1-2　中央合同庁舎第2号館　電話 03-5253-5111（代表）</address>\n"
        '<p id="copyright">Copyright &copy; Ministry of Internal Affairs and Communications</p></div>\n'
        "</div></body></html>\n"
    )


def soumu(body: str, **kw) -> object:
    return decode_document(SOUMU, soumu_page(body, **kw).encode("cp932"), "text/html")


SOUMU_CHROME = ("本文へ移動", "サイトマップ", "総務省トップ", "組織案内", "申請・手続", "地域情報化アドバイザー派遣制度",
                "ページトップへ戻る", "ご利用に当たって", "03-5253-5111", "霞が関", "Copyright", "文字サイズ", "検索")


# ----------------------------------------------------------------------------- soumu.go.jp


SOUMU_BODY = """
<p>　総務省では、地域社会のデジタル実装を推進するため、下記のとおり公募を実施します。</p>
<h2>１　公募期間</h2>
<p>令和７年<span class="num">４</span>月<span class="num">１８</span>日（金）から
令和７年<span>５</span>月<span>１９</span>日（月）１２時まで</p>
<h2>２　補助対象事業</h2>
<table class="tableList" summary="補助対象">
<tr><th scope="row">補助対象者</th><td>地方公共団体<sup>※１</sup></td></tr>
<tr><th scope="row">補助率</th><td>１／２<br />（財政力指数０．５未満の団体は２／３）</td></tr>
<tr><th scope="row">上限額</th><td>１億円&nbsp;（１団体当たり）</td></tr>
</table>
<p>※１　一部事務組合及び広域連合を含みます。</p>
<h2>３　提出書類</h2>
<dl><dt>様式１</dt><dd>応募申請書</dd><dt>様式２</dt><dd>事業計画書</dd><dd>※別紙を添付すること</dd></dl>
<p>公募要領は<a href="/main_content/000999999.pdf">こちら</a>（PDF）をご覧ください。</p>
<p>本事業は<ruby>伴走<rp>（</rp><rt>ばんそう</rt><rp>）</rp></ruby>支援を含みます。</p>
<div class="contact">
<h2>連絡先</h2>
<p>情報流通行政局　地域通信振興課<br />
担　当：田中課長補佐、鈴木係長<br />
電　話：０３－５２５３－５７５７（直通）<br />
E-mail：chiiki-dx_atmark_soumu.go.jp</p>
</div>
"""


def test_soumu_template_keeps_the_body_and_drops_every_piece_of_chrome():
    doc = soumu(SOUMU_BODY)
    assert doc.encoding == "cp932" and doc.publisher == "総務省"
    assert doc.title == "地域DX推進事業の公募"
    for chrome in SOUMU_CHROME:
        assert chrome not in doc.text, chrome
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "地域DX推進事業の公募"
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == ["1 公募期間", "2 補助対象事業", "3 提出書類", "連絡先"]


def test_a_date_split_by_spans_and_source_line_breaks_reads_as_one_date():
    doc = soumu(SOUMU_BODY)
    assert "令和7年4月18日(金)から令和7年5月19日(月)12時まで" in doc.text


def test_row_header_table_sup_nbsp_and_br_inside_cells():
    doc = soumu(SOUMU_BODY)
    assert cells(doc, 0) == [
        ["補助対象者", "地方公共団体※1"],
        ["補助率", "1/2\n(財政力指数0.5未満の団体は2/3)"],
        ["上限額", "1億円 (1団体当たり)"],
    ]
    assert cells(doc, 1) == [["様式1", "応募申請書"], ["様式2", "事業計画書\n※別紙を添付すること"]]


def test_links_ruby_and_letter_spaced_labels():
    doc = soumu(SOUMU_BODY)
    assert "公募要領はこちら(PDF)をご覧ください。" in doc.text
    assert "本事業は伴走支援を含みます。" in doc.text  # the reading ばんそう is not text
    contact = next(b for b in doc.blocks if "地域通信振興課" in b.text)
    assert contact.text.split("\n") == [
        "情報流通行政局 地域通信振興課", "担当:田中課長補佐、鈴木係長", "電話:03-5253-5757(直通)", "E-mail:chiiki-dx_atmark_soumu.go.jp",
    ]


def test_nested_layout_tables_and_a_table_whose_cells_hold_headings():
    body = (
        '<table width="100%"><tr><td><table border="1"><tr><th>区分</th><th>締切</th></tr>'
        "<tr><td>一次公募</td><td>令和７年５月１９日</td></tr></table></td></tr></table>"
        '<table><tr><td><h3>（１）対象</h3><p>市区町村</p></td><td><h3>（２）期間</h3><p>３か月程度</p></td></tr></table>'
    )
    doc = soumu(body)
    assert cells(doc, 0) == [["区分", "締切"], ["一次公募", "令和7年5月19日"]]
    kinds = [(b.kind, b.text) for b in doc.blocks[1:]]
    assert kinds[1:] == [("heading", "(1)対象"), ("paragraph", "市区町村"), ("heading", "(2)期間"), ("paragraph", "3か月程度")]


def test_results_table_with_a_two_row_header_rowspan_and_colspan():
    body = (
        "<table border='1'>"
        "<tr><th rowspan='2'>No.</th><th rowspan='2'>都道府県</th><th colspan='2'>採択団体</th></tr>"
        "<tr><th>代表団体</th><th>構成団体</th></tr>"
        "<tr><td>１</td><td rowspan='2'>北海道</td><td>上士幌町</td><td>鹿追町、士幌町</td></tr>"
        "<tr><td>２</td><td>東川町</td><td>－</td></tr>"
        "<tr><td>３</td><td>長野県</td><td colspan='2'>塩尻市（単独）</td></tr>"
        "</table>"
    )
    assert cells(soumu(body)) == [
        ["No.", "都道府県", "採択団体", ""],
        ["No.", "都道府県", "代表団体", "構成団体"],
        ["1", "北海道", "上士幌町", "鹿追町、士幌町"],
        ["2", "北海道", "東川町", "-"],
        ["3", "長野県", "塩尻市(単独)", ""],
    ]


def test_noscript_hidden_menus_and_smartphone_copies_do_not_duplicate_content():
    body = (
        "<noscript><p>JavaScriptを有効にしてください。</p></noscript>"
        '<div class="spMenu" style="display:none"><ul><li>総務省トップ</li></ul></div>'
        '<div class="pc-only"><p>応募締切は令和７年５月１９日です。</p></div>'
        '<div class="sp-only"><p>応募締切は令和７年５月１９日です。</p></div>'
        '<p hidden="hidden">非表示の説明</p><p class="hide">隠し文字</p>'
    )
    doc = soumu(body)
    assert doc.text.count("応募締切は令和7年5月19日です。") == 1
    for hidden in ("JavaScript", "非表示", "隠し文字", "総務省トップ"):
        assert hidden not in doc.text


def test_sections_named_like_chrome_inside_the_content_are_kept():
    """A template never seen before: 'side', 'menu', 'header' and 'footer' as names of
    content sections inside the body text stay; the same names around it go."""
    page = (
        "<html><head><meta charset='utf-8'><title>公募｜内閣府</title></head><body>"
        "<div class='header'><a href='/'>トップページ</a> <a href='/en'>English</a></div>"
        "<div class='menu'><ul><li><a href='/a'>お知らせ</a></li><li><a href='/b'>組織</a></li></ul></div>"
        "<div class='side'><p>関連リンク集</p></div>"
        "<div class='articleBody'>"
        "<div class='header'><h1>地方創生推進交付金の公募</h1></div>"
        "<div class='supportMenu'><p>支援メニュー：計画策定支援</p></div>"
        "<div class='menuList'><ul><li>類型①　計画策定</li><li>類型②　実装</li></ul></div>"
        "<div class='side'><p>補助率は２分の１です。</p></div>"
        "<div class='insideBox'><p>応募期間：令和７年６月２日（月）〜６月３０日（月）</p></div>"
        "<div class='footer'><p>問合せ先：地方創生推進室　電話０３－６２５７－１４１６</p></div>"
        "</div>"
        "<div class='footer'><p>Copyright 内閣府</p></div></body></html>"
    )
    doc = decode_document(CAO, page.encode("utf-8"), "text/html")
    for content in ("地方創生推進交付金の公募", "支援メニュー:計画策定支援", "類型① 計画策定", "補助率は2分の1です。",
                    "応募期間:令和7年6月2日(月)〜6月30日(月)", "電話03-6257-1416"):
        assert content in doc.text, content
    for chrome in ("トップページ", "English", "お知らせ", "関連リンク集", "Copyright"):
        assert chrome not in doc.text, chrome


def test_a_page_the_chrome_names_would_empty_is_read_whole_with_a_warning(caplog):
    page = "<html><body><div id='header-contents'><h1>公募のお知らせ</h1><p>締切は５月１９日です。</p></div></body></html>"
    with caplog.at_level(logging.WARNING):
        doc = decode_document(SOUMU, page.encode("utf-8"), "text/html")
    assert doc.text == "公募のお知らせ\n締切は5月19日です。"
    assert "removed the whole page" in caplog.text


# ----------------------------------------------------------------------------- cao.go.jp, digital.go.jp


def cao_page(body: str) -> str:
    """cao.go.jp's template: #header, #globalNav, #topicpath, #contents > #main + #side,
    #pagetop, #footer."""
    return (
        '<?xml version="1.0" encoding="Shift_JIS"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja"><head><title>地方創生推進事業の公募について - 内閣府</title></head>'
        '<body><div id="wrapper"><div id="header"><p class="skip"><a href="#main">本文へ</a></p>'
        '<div id="logo"><a href="/">内閣府</a></div></div>'
        '<div id="globalNav"><ul><li><a href="/about/">内閣府の紹介</a></li><li><a href="/press/">報道・広報</a></li></ul></div>'
        '<div id="topicpath"><a href="/">内閣府ホーム</a>&nbsp;&gt;&nbsp;<a href="/seisaku/">内閣府の政策</a></div>'
        f'<div id="contents"><div id="main">{body}</div>'
        '<div id="side"><h2>地方創生</h2><ul><li><a href="/x/">まち・ひと・しごと創生</a></li></ul></div></div>'
        '<div id="pagetop"><a href="#wrapper">このページの先頭へ</a></div>'
        '<div id="footer"><p>内閣府　〒100-8914　東京都千代田区永田町1-6-1　電話番号 03-5253-2111（大代表）</p></div>'
        "</div></body></html>"
    )


def test_cao_xhtml_in_shift_jis_with_an_xml_declaration():
    body = (
        "<h1>地方創生推進事業の公募について</h1>"
        "<p>令和８年度の公募を令和８年４月１日（水）から開始します。</p>"
        "<p>【問合せ先】<br />内閣府地方創生推進事務局<br />電話：０３－６２５７－１４１６</p>"
    )
    doc = decode_document(CAO, cao_page(body).encode("cp932"), "application/xhtml+xml")
    assert doc.encoding == "cp932" and doc.publisher == "内閣府"
    assert doc.title == "地方創生推進事業の公募について"
    assert doc.text == (
        "地方創生推進事業の公募について\n令和8年度の公募を令和8年4月1日(水)から開始します。\n"
        "【問合せ先】\n内閣府地方創生推進事務局\n電話:03-6257-1416"
    )


def test_digital_go_jp_next_js_template():
    page = (
        '<!DOCTYPE html><html lang="ja"><head><meta charSet="utf-8"/><title>自治体DX推進のための公募 | デジタル庁</title>'
        '<meta property="og:site_name" content="デジタル庁"/></head><body><div id="__next">'
        '<a href="#main" class="sr-only focus:not-sr-only">メインコンテンツへ移動</a>'
        '<header class="site-header"><nav aria-label="グローバルナビゲーション"><ul><li><a href="/policies">政策</a></li>'
        '<li><a href="/news">ニュース</a></li></ul></nav></header>'
        '<main id="main"><nav aria-label="パンくずリスト"><ol><li><a href="/">ホーム</a></li><li>政策</li></ol></nav>'
        "<article><h1>自治体DX推進のための公募</h1><div class=\"prose\">"
        "<p>応募締切：2026年5月29日（金）17時00分</p><p>お問い合わせ：localdx@digital.go.jp</p></div></article>"
        '<aside><h2>関連政策</h2><ul><li><a href="/x">ガバメントクラウド</a></li></ul></aside></main>'
        '<footer><p>© Digital Agency, Government of Japan</p></footer></div>'
        '<script id="__NEXT_DATA__" type="application/json">{"props":{"title":"自治体DX推進のための公募"}}</script>'
        "</body></html>"
    )
    doc = decode_document(DIGITAL, page.encode("utf-8"), "text/html; charset=utf-8")
    assert doc.publisher == "デジタル庁" and doc.title == "自治体DX推進のための公募"
    assert doc.text == "自治体DX推進のための公募\n応募締切:2026年5月29日(金)17時00分\nお問い合わせ:localdx@digital.go.jp"


# ----------------------------------------------------------------------------- prefectures and municipalities

PREF = "https://www.pref.example-ken.lg.jp/soshiki/11/dx-hojo.html"


def lg_page(content: str, footer: str) -> str:
    """A local-government CMS template: #tmp_wrapper holding the header, #tmp_contents
    (a content area whose name is no content vocabulary) and the site's footer."""
    return (
        "<!DOCTYPE html><html lang='ja'><head><meta charset='utf-8'><title>市町村DX推進補助金 - 架空県</title></head>"
        "<body><div id='tmp_wrapper'><div id='header'><p><a href='/'>架空県トップ</a></p></div>"
        f"<div id='tmp_contents'>{content}</div>{footer}</div></body></html>"
    )


LG_CONTENT = (
    "<h1>市町村DX推進補助金</h1>"
    "<p>県内市町村の行政手続オンライン化を支援します。</p>"
    "<h2>問い合わせ先</h2><p>総務部デジタル推進課　電話：０９９－２８６－２４０１</p>"
)
LG_FOOTER_ADDRESS = (
    "<address>架空県庁　〒８９０－８５７７　架空市鴨池新町１０番１号<br>"
    "電話：０９９－２８６－２１１１（代表）<br>法人番号：4000020460001<br>"
    "開庁時間：平日8時30分から17時15分</address>"
)
LG_CHROME = ("架空県トップ", "架空県庁", "099-286-2111", "法人番号", "開庁時間")


def lg(content: str, footer: str) -> object:
    return decode_document(PREF, lg_page(content, footer).encode("utf-8"), "text/html; charset=utf-8")


@pytest.mark.parametrize("opening", [
    "<div id='tmp_footer'>", "<div id='footer_wrap'>", "<div class='l-footer'>", "<div id='pagefooter'>",
    "<div id='site-footer'>", "<div class='footer-inner'>", "<div id='foot'>", "<div id='tmpFooterArea'>",
    "<div class='c-site-foot'>", "<div id='commonFooter'>",
])
def test_local_government_footer_containers_are_chrome(opening):
    doc = lg(LG_CONTENT, f"{opening}<p><a href='/privacy'>個人情報の取扱い</a></p>{LG_FOOTER_ADDRESS}</div>")
    for chrome in (*LG_CHROME, "個人情報の取扱い"):
        assert chrome not in doc.text, (opening, chrome)
    assert "電話:099-286-2401" in doc.text and "行政手続オンライン化" in doc.text


def test_a_bare_address_at_the_bottom_of_the_page_is_chrome():
    doc = lg(LG_CONTENT, LG_FOOTER_ADDRESS)
    for chrome in LG_CHROME:
        assert chrome not in doc.text, chrome
    assert "電話:099-286-2401" in doc.text


def test_footnotes_and_an_address_inside_the_content_stay():
    """Only the page's own footer goes: an <address> contact section, a footnote and a
    'footer-note' box inside the article are content, and so is a footnote outside one."""
    content = (
        "<article><h1>市町村DX推進補助金</h1>"
        "<p>補助率は２分の１です。</p>"
        "<div class='footnote'><p>※１　一部事務組合を含みます。</p></div>"
        "<div class='footer-note'><p>※２　申請は電子申請システムで受け付けます。</p></div>"
        "<h2>問い合わせ先</h2><address>総務部デジタル推進課　電話：０９９－２８６－２４０１（代表）</address>"
        "</article>"
        "<div class='foot-note'><p>※３　様式は県ホームページに掲載しています。</p></div>"
    )
    doc = lg(content, "<div id='tmp_footer'>" + LG_FOOTER_ADDRESS + "</div>")
    for kept in ("※1 一部事務組合を含みます。", "※2 申請は電子申請システムで受け付けます。",
                 "電話:099-286-2401(代表)", "※3 様式は県ホームページに掲載しています。"):
        assert kept in doc.text, kept
    for chrome in LG_CHROME:
        assert chrome not in doc.text, chrome


def test_an_address_followed_by_more_content_is_content():
    """An <address> outside any named content area but with sections after it is part of
    the body (a page built of plain divs), not the page-bottom footer."""
    content = (
        "<h1>市町村DX推進補助金</h1>"
        "<address>総務部デジタル推進課　電話：０９９－２８６－２４０１（代表）</address>"
        "<h2>公募期間</h2><p>令和８年５月８日（金）まで</p>"
    )
    doc = lg(content, "")
    assert "電話:099-286-2401(代表)" in doc.text and "令和8年5月8日(金)まで" in doc.text


def test_a_box_footer_with_sections_after_it_is_content():
    """A footer-named box of a body section (no content name around it) is followed by
    more sections; the page's own footer never is."""
    content = (
        "<h1>市町村DX推進補助金</h1>"
        "<div class='box'><p>補助率は２分の１です。</p><div class='box-footer'><p>※上限は１千万円です。</p></div></div>"
        "<h2>公募期間</h2><p>令和８年５月８日（金）まで</p>"
    )
    doc = lg(content, "<div class='l-footer'>" + LG_FOOTER_ADDRESS + "</div>")
    assert "※上限は1千万円です。" in doc.text and "令和8年5月8日(金)まで" in doc.text
    assert "法人番号" not in doc.text


# ----------------------------------------------------------------------------- encodings


def test_a_shift_jis_meta_on_utf8_bytes_reads_as_utf8(caplog):
    doc = decode_document(SOUMU, soumu_page(SOUMU_BODY).encode("utf-8"), "text/html")
    assert doc.encoding == "utf-8"
    assert "令和7年4月18日(金)から" in doc.text and "地域通信振興課" in doc.text


def test_a_shift_jis_header_on_utf8_bytes_reads_as_utf8():
    doc = decode_document(SOUMU, soumu_page(SOUMU_BODY).encode("utf-8"), "text/html; charset=Shift_JIS")
    assert doc.encoding == "utf-8" and "伴走支援" in doc.text


EUC_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">'
    "<title>補助金交付要綱</title></head><body bgcolor='#ffffff'><center><font size='+1'><b>補助金交付要綱</b></font></center>"
    "<table border='0' width='600'><tr><td><font size='2'>"
    "第１条　この要綱は、地域情報化推進事業の補助金の交付に関し必要な事項を定める。<br>"
    "第２条　申請の期限は平成３１年３月２９日とする。<br>"
    "問合せ：地域振興課　ＴＥＬ　０３−５２５３−５５１６"  # EUC-JP's minus is U+2212
    "</font></td></tr></table></body></html>"
)


@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=EUC-JP", "text/html; charset=ISO-8859-1"])
def test_legacy_euc_jp_page(content_type):
    doc = decode_document("https://www.soumu.go.jp/old/youkou.html", EUC_PAGE.encode("euc_jp"), content_type)
    assert doc.encoding in {"euc_jis_2004", "euc_jp"}
    assert doc.text.split("\n") == [
        "補助金交付要綱",
        "第1条 この要綱は、地域情報化推進事業の補助金の交付に関し必要な事項を定める。",
        "第2条 申請の期限は平成31年3月29日とする。",
        "問合せ:地域振興課 TEL 03-5253-5516",
    ]


def test_euc_jp_without_any_declaration_is_detected():
    body = EUC_PAGE.replace("; charset=EUC-JP", "").encode("euc_jp")
    doc = decode_document("https://www.soumu.go.jp/old/youkou.html", body, "text/html")
    assert "申請の期限は平成31年3月29日とする。" in doc.text


# ----------------------------------------------------------------------------- errors and limits


@pytest.mark.parametrize("title, heading", [
    ("総務省｜ページが見つかりません", "お探しのページは見つかりませんでした"),
    ("404 Not Found", "Not Found"),
    ("内閣府", "指定されたページは存在しません"),
])
def test_an_error_page_served_with_200_is_a_decode_error(title, heading):
    page = f"<html><head><title>{title}</title></head><body><h1>{heading}</h1><p>URLをご確認ください。</p></body></html>"
    with pytest.raises(DecodeError, match="soft 404"):
        decode_document(SOUMU, page.encode("utf-8"), "text/html")


def test_a_long_page_mentioning_not_found_is_content():
    doc = soumu("<h2>よくある質問</h2>" + "<p>申請書の様式が見つかりません。こちらから入手してください。</p>" * 60)
    assert "よくある質問" in doc.text


def test_binary_sent_as_html_is_a_decode_error():
    with pytest.raises(DecodeError, match="binary"):
        decode_document(SOUMU, b"<html>" + bytes(range(256)) * 20, "text/html; charset=utf-16")


def test_huge_html_is_cut_at_the_byte_limit_with_a_warning(caplog):
    rows = "".join(f"<p>第{n}号　令和７年度地域DX推進事業の実施報告について</p>\n" for n in range(2000))
    body = soumu_page(rows).encode("cp932")
    with caplog.at_level(logging.WARNING):
        doc = decode_document(SOUMU, body, "text/html", settings=DecodeSettings(max_html_bytes=20_000))
    assert "max_html_bytes" in caplog.text and SOUMU in caplog.text
    assert "第0号 令和7年度" in doc.text and "第1999号" not in doc.text
    assert "\ufffd" not in doc.text  # cut between characters, not inside one


def test_text_beyond_the_character_limit_is_dropped_with_a_warning(caplog):
    rows = "".join(f"<p>第{n}号 補助事業の実施状況を報告すること。</p>" for n in range(300))
    with caplog.at_level(logging.WARNING):
        doc = decode_document(SOUMU, soumu_page(rows).encode("cp932"), "text/html",
                              settings=DecodeSettings(max_text_chars=2000))
    assert len(doc.text) <= 2000 and "第0号" in doc.text
    assert "max_text_chars" in caplog.text


# ----------------------------------------------------------------------------- PDFs


@cache
def pdf(name: str):
    return decode_document(f"https://www.soumu.go.jp/main_content/{name}", (PDFS / name).read_bytes(), "application/pdf")


def test_running_header_and_page_numbers_are_dropped():
    doc = pdf("youryou_running_header.pdf")
    assert "令和8年度 地域デジタル基盤活用推進事業 公募要領" not in doc.text  # the running title
    assert not any(b.text.strip("- ").isdigit() for b in doc.blocks)
    assert doc.title == "地域デジタル基盤活用推進事業 公募要領"  # Word's file-name title is ignored
    headings = [(b.page, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings == [(1, "地域デジタル基盤活用推進事業 公募要領"), (1, "1. 事業の目的"), (1, "2. 補助対象者"),
                        (2, "3. 公募期間"), (2, "4. 提出方法"), (3, "5. 審査及び採択"), (4, "6. 問合せ先")]


def test_a_paragraph_cut_by_a_page_break_is_one_block_on_its_first_page():
    doc = pdf("youryou_running_header.pdf")
    block = next(b for b in doc.blocks if b.text.startswith("応募書類は"))
    assert block.page == 2
    assert "受領の連絡が3開庁日以内にない場合は、速やかに事務局まで問い合わせること。" in block.text
    assert block.text.endswith("問い合わせること。")
    after = doc.blocks[doc.blocks.index(block) + 1]
    assert (after.page, after.text) == (3, "5. 審査及び採択")


def test_short_lines_on_a_page_of_short_lines_stay_apart():
    doc = pdf("youryou_running_header.pdf")
    contact = [b.text for b in doc.blocks if b.page == 4][1:]
    assert contact == ["地域デジタル基盤活用推進事業 事務局", "(株式会社地域情報研究所 公共事業部内)",
                       "電話:03-6811-2290(平日10時〜17時)", "E-mail:chiiki-dx@example-jimukyoku.jp"]
    assert "令和8年4月1日(水)〜令和8年5月15日(金)17時必着" in doc.text


def test_a_table_over_three_pages_is_one_block_per_page_and_every_body_is_awarded():
    doc = pdf("results_table_over_pages.pdf")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [t.page for t in tables] == [1, 2, 3]
    assert [len(t.rows) for t in tables] == [7, 7, 4]
    assert [c.text for c in tables[1].rows[0]] == ["No.", "都道府県", "団体名", "類型"]
    assert [c.text for c in tables[2].rows[0]] == ["13", "石川県", "加賀市", "類型①"]
    assert "1 / 3" not in doc.text and "採択結果" not in doc.text  # footer and running title

    from extractors import awards

    found = awards.extract(doc)
    assert len({a.body_name for a in found}) == 16
    assert {a.body_name: a.evidence.page for a in found}["加賀市"] == 3


def test_a_table_without_ruling_lines_is_one_table_per_page_with_its_header_first():
    doc = pdf("borderless_results.pdf")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [t.page for t in tables] == [1, 2]
    header = ["No.", "都道府県", "団体名", "事業名"]
    assert cells(doc, 0)[0] == header and cells(doc, 1)[0] == header
    # the prefecture written once for its group (a merged cell) is repeated, as a rowspan is
    assert cells(doc, 0)[1:4] == [["1", "北海道", "ニセコ町", "地域交通デジタル化実証"],
                                  ["2", "北海道", "上士幌町", "スマート農業データ連携基盤構築"],
                                  ["3", "北海道", "更別村", "窓口DX推進事業"]]
    assert cells(doc, 0)[4][:3] == ["4", "宮城県", "大崎市"]
    # a group continued from the previous page has no label until the next group starts
    assert [row[:3] for row in cells(doc, 1)[1:]] == [["7", "", "伊那市"], ["8", "", "小布施町"],
                                                      ["9", "熊本県", "玉名市"], ["10", "熊本県", "山江村"]]
    assert [b.text for b in doc.blocks if b.kind != "table"] == [
        "令和8年度 地域DX推進実証事業 採択結果", "審査の結果、以下の団体を採択しました。", "※事業名は応募時のものです。"]
    assert "ニセコ町北海道" not in doc.text and doc.text.count("伊那市") == 1  # nothing glued, nothing twice
    for table in tables:
        for row in table.rows:
            for cell in row:
                assert doc.text[cell.start:cell.end] == cell.text

    from extractors import awards

    found = {a.body_name: a.evidence.page for a in awards.extract(doc)}
    assert len(found) == 10 and found["ニセコ町"] == 1 and found["山江村"] == 2


def test_label_value_lines_and_numbered_items_that_line_up_are_not_a_table():
    doc = pdf("aligned_text.pdf")
    assert not [b for b in doc.blocks if b.kind == "table"]
    assert "事業名 地域DX推進実証事業" in doc.text.split("\n")
    assert "2 事業計画書(様式第2号)" in doc.text.split("\n")


def test_a_two_column_slide_reads_column_by_column():
    doc = pdf("two_column_slide.pdf")
    assert [b.text for b in doc.blocks] == [
        "デジタル実装支援事業の概要",
        "類型① 計画策定支援", "・地域課題の整理と優先順位付け", "・導入計画書の策定を専門家が伴走", "・支援期間は最長6か月",
        "類型② 実装支援", "・ソリューションの導入と運用設計", "・補助上限額は1団体あたり2,000万円", "・補助率は2分の1",
        "※いずれの類型も、応募は令和8年5月29日(金)正午までに電子メールで提出すること。",
    ]
    assert doc.title == "デジタル実装支援事業の概要"  # 'PowerPoint プレゼンテーション' is no title


def test_letter_spaced_words_lose_their_spaces_and_real_word_breaks_stay():
    doc = pdf("spaced_text.pdf")
    assert doc.title == "公募要領"
    assert doc.text.split("\n") == [
        "公募要領",
        "申請者 地方公共団体(都道府県及び市区町村)",
        "所在地 東京都千代田区霞が関2-1-2",
        "担当課 総務省 情報流通行政局 地域通信振興課",
        "締切 令和8年3月26日(木)午後5時",
    ]


def test_a_pdf_without_a_text_layer_is_a_decode_error():
    with pytest.raises(DecodeError, match="no text layer.*2 page"):
        pdf("scanned.pdf")


def test_a_partly_scanned_pdf_keeps_its_text_and_warns(caplog):
    with caplog.at_level(logging.WARNING):
        doc = decode_document("https://www.soumu.go.jp/main_content/form.pdf", (PDFS / "partly_scanned.pdf").read_bytes(),
                              "application/pdf")
    assert "申請書は令和8年5月15日(金)までに提出すること。" in doc.text
    assert "page(s) 2 have no text" in caplog.text


def test_an_encrypted_pdf_is_a_decode_error_that_says_so():
    with pytest.raises(DecodeError, match="encrypted and needs a password"):
        pdf("encrypted_password.pdf")


@pytest.mark.parametrize("share", [0.1, 0.5, 0.9])
def test_a_truncated_pdf_is_a_decode_error_that_says_so(share):
    body = (PDFS / "youryou_running_header.pdf").read_bytes()
    with pytest.raises(DecodeError, match="cut short"):
        decode_document("https://www.soumu.go.jp/main_content/x.pdf", body[: int(len(body) * share)], "application/pdf")


@cache
def fixture_script():
    spec = importlib.util.spec_from_file_location("make_pdf_fixtures", REPO / "scripts" / "make_pdf_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_pdf_fixtures"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_only_the_first_pages_of_a_long_pdf_are_read_with_a_warning(caplog):
    body = fixture_script().many_pages(12)
    with caplog.at_level(logging.WARNING):
        doc = decode_document("https://www.soumu.go.jp/main_content/long.pdf", body, "application/pdf",
                              settings=DecodeSettings(max_pdf_pages=5))
    assert "12 pages; only the first 5" in caplog.text
    assert max(b.page for b in doc.blocks) == 5
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [f"第{n}章 事業の実施について" for n in range(1, 6)]
    assert "補助金交付要綱" not in doc.text  # running title of every page


def test_the_committed_pdfs_are_what_the_script_makes():
    """Run scripts/make_pdf_fixtures.py after changing it (the encrypted file comes
    from LibreOffice and is not compared)."""
    script = fixture_script()
    for name, make in script.FIXTURES.items():
        assert make() == (PDFS / name).read_bytes(), name


def test_a_narrow_number_cell_close_to_the_next_column_is_still_a_cell():
    """A centred 'No.' column ends a few points before the merged 都道府県 column starts;
    that is a table row, not a run straddling two columns."""
    from pipeline.pdf_blocks import _Cells, _row_cells

    starts = [67.5, 80.8, 134.8, 276.6, 497.0]
    row = _Cells(raw={}, runs=[(72.7, 78.0, "1"), (134.8, 163.3, "旭川市"), (276.6, 374.0, "生成AI活用人材の育成"),
                               (497.0, 520.7, "6,900")], size=9.5)
    assert _row_cells(row, starts) == ["1", "", "旭川市", "生成AI活用人材の育成", "6,900"]
    straddling = _Cells(raw={}, runs=[(67.5, 150.0, "1 旭川市の取組について")], size=9.5)
    assert _row_cells(straddling, starts) is None


def test_merged_labels_drawn_without_lines_cover_the_rows_around_them():
    """A merged 都道府県 cell prints its label at the middle of its rows: 北海道 centred on
    row 2 of rows 1–3, 青森県 between rows 5 and 6 of rows 4–7."""
    from pipeline.pdf_blocks import _spread_labels

    names = ["旭川市", "帯広市", "北見市", "弘前市", "八戸市", "三沢市", "むつ市"]
    rows = [["No.", "都道府県", "団体名"]] + [[str(i + 1), "", name] for i, name in enumerate(names)]
    rows[2][1], rows[5][1] = "北海道", "青森県"
    spread = _spread_labels([r[:] for r in rows], {1: [(2.0, "北海道"), (5.5, "青森県")]})
    assert [r[1] for r in spread[1:]] == ["北海道"] * 3 + ["青森県"] * 4


def test_merged_labels_that_do_not_tile_are_repeated_down_instead():
    from pipeline.pdf_blocks import _spread_labels

    rows = [["No.", "都道府県", "団体名"]] + [[str(i + 1), "", f"町{i}"] for i in range(6)]
    rows[1][1], rows[2][1] = "北海道", "青森県"  # labels on rows 1 and 2: no centred groups
    spread = _spread_labels([r[:] for r in rows], {1: [(1.0, "北海道"), (2.0, "青森県")]})
    assert [r[1] for r in spread[1:]] == ["北海道"] + ["青森県"] * 5


def test_a_row_number_glued_to_a_label_after_a_visible_gap_is_two_cells():
    from pipeline.pdf_blocks import _cell_runs

    def chars(text: str, x: float, width: float = 9.5) -> list[dict]:
        return [{"text": ch, "x0": x + i * width, "x1": x + (i + 1) * width, "size": 9.5} for i, ch in enumerate(text)]

    glued = _cell_runs({"chars": chars("64", 68.0, 5.3) + chars("新潟県", 81.0) + chars("三条市", 135.0)})
    assert [text for _, _, text in glued.runs] == ["64", "新潟県", "三条市"]
    tight = _cell_runs({"chars": chars("10", 68.0, 5.3) + chars("時から", 78.6)})  # no gap: one run
    assert [text for _, _, text in tight.runs] == ["10時から"]


def test_a_table_with_right_aligned_amounts_and_no_lines_is_a_table_on_both_pages():
    """Excel printed without lines: amounts flush right share no left edge, the header is
    centred over them, the document date stands at the top right just above the header."""
    doc = pdf("amounts_table.pdf")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [t.page for t in tables] == [1, 2]
    assert cells(doc, 0)[0] == ["都道府県", "市町村", "事業名", "交付対象事業費(千円)"]
    # the prefecture written on its group's first row only is repeated down its group
    assert cells(doc, 0)[1:4] == [["青森県", "弘前市", "行政手続オンライン化推進事業", "12,345"],
                                  ["青森県", "八戸市", "窓口DX推進事業", "8,000"],
                                  ["青森県", "三沢市", "防災情報共有システム整備", "105,600"]]
    assert [row[3] for row in cells(doc, 0)[4:]] == ["9,870", "23,400", "4,500"]
    # page 2 goes on without a header; a group begun on page 1 has no label there
    assert cells(doc, 1) == [["", "大館市", "庁内ネットワーク更新", "61,000"], ["", "湯沢市", "テレワーク環境整備", "730"],
                             ["山形県", "米沢市", "遠隔医療連携実証", "15,000"], ["山形県", "鶴岡市", "観光データ分析基盤", "7,250"]]
    # the date line above the header is text, not a row of the table
    assert [b.text for b in doc.blocks if b.kind != "table"] == [
        "令和7年度 地域デジタル基盤活用推進事業 交付決定一覧", "別紙1 令和7年8月1日", "※金額は千円未満を切り捨てて表示している。"]
    assert "12,345八戸市" not in doc.text.replace(" ", "")

    from extractors import awards

    found = {a.body_name: a.prefecture for a in awards.extract(doc)}
    assert len(found) == 10 and found["三沢市"] == "青森県" and found["鶴岡市"] == "山形県"


def test_right_edges_of_amounts_make_a_column_and_equal_widths_make_no_extra_one():
    from pipeline.pdf_blocks import _Cells, _columns, _row_cells

    def line(*runs: tuple[float, float, str]) -> _Cells:
        return _Cells(raw={}, runs=list(runs), size=10.0)

    lines = [line((72, 102, "青森県"), (142, 172, "弘前市"), (440, 470, "12,345")),
             line((142, 172, "八戸市"), (445, 470, "8,000")),
             line((142, 172, "三沢市"), (435, 470, "105,600")),
             line((142, 172, "盛岡市"), (440, 470, "23,400"))]  # same width as 12,345: same left edge
    starts, rights = _columns(lines)
    assert len(starts) == 3 and rights == {2: 470}
    assert _row_cells(lines[2], starts, rights) == ["", "三沢市", "105,600"]
    header = line((72, 112, "都道府県"), (142, 172, "市町村"), (400, 460, "事業費(千円)"))  # centred over the amounts
    assert _row_cells(header, starts, rights) == ["都道府県", "市町村", "事業費(千円)"]
