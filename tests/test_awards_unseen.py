"""Awarded bodies on pages written the way ministries publish results (none of them is one
of the bundled seeds), decoded end to end: HTML bytes (cp932, soumu-style chrome) through
pipeline.documents.decode_document, PDF-like documents through build_document with pages
(tables continued across pages, header rows repeated, merged cells left empty).

What counts as an award (the decisions these tests pin down):
- every body a results table, results list or announcement sentence names as selected
  (採択・選定・交付決定・内定・採択予定/採択候補): the selection has been made;
- every member of a selected proposal: the 代表団体 (representative) and each 構成団体 /
  共同提案団体 (member), local governments and organisations alike;
- an organisation (株式会社…, 一般社団法人…, 大学) is a body under its own name, its
  prefecture the row's 都道府県 column, else NULL;
- an explicit past-year results table (令和5年度採択団体) is a list of awarded bodies
  of that year and is recorded with that year;
- a prefecture is itself a body where a row or sentence names it as the selected one
  (静岡県 | 静岡県), not where it only groups municipalities (都道府県 column) or counts
  them (都道府県別採択件数);
- not awards: applicants (応募団体), good practices and examples (事例, 好事例, 先進事例),
  addresses and contacts, bodies behind 'ほか2団体' (not named), partner companies in a
  事業者 column of a municipality's project.
"""
from __future__ import annotations

import pytest

from extractors import awards
from extractors.model import Award, Document, RawBlock, build_document
from extractors.places import fold, is_valid_lg_code
from pipeline.documents import decode_document


def html_doc(body: str, title: str = "報道資料", url: str = "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000999.html",
             encoding: str = "cp932") -> Document:
    charset = "Shift_JIS" if encoding == "cp932" else encoding
    page = (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="{charset}"><title>総務省｜報道資料｜{title}</title></head>'
        '<body><div id="header"><a href="/">総務省</a><ul id="gnavi"><li>政策</li><li>報道資料</li></ul></div>'
        '<div id="breadcrumb"><a href="/">総務省トップ</a> &gt; 報道資料 &gt; 令和７年度</div>'
        f'<div id="contentsWrapper">{body}</div>'
        '<div id="footer"><address>〒100-8926 東京都千代田区霞が関2-1-2 中央合同庁舎第2号館<br>'
        "電話 03-5253-5111（代表）</address></div></body></html>"
    )
    return decode_document(url, page.encode(encoding), f"text/html; charset={charset}")


def pdf_doc(pages: list[list[RawBlock]], url: str = "https://www.soumu.go.jp/main_content/001009999.pdf",
            title: str | None = None) -> Document:
    blocks = [RawBlock(b.kind, b.text, page=n, level=b.level, rows=b.rows) for n, page in enumerate(pages, 1) for b in page]
    return build_document(url, "pdf", blocks, title=title, publisher="総務省")


def P(text: str) -> RawBlock:  # noqa: N802 - short constructors keep the fixtures readable
    return RawBlock("paragraph", text)


def H(text: str, level: int = 2) -> RawBlock:  # noqa: N802
    return RawBlock("heading", text, level=level)


def L(text: str) -> RawBlock:  # noqa: N802
    return RawBlock("list_item", text)


def T(*rows: list[str]) -> RawBlock:  # noqa: N802
    return RawBlock("table", rows=[list(r) for r in rows])


def found(doc: Document) -> list[Award]:
    result = awards.extract(doc)
    for a in result:
        assert a.evidence.quote == doc.text[a.evidence.char_start:a.evidence.char_end]
        assert fold(a.body_name.replace(" ", "")) in fold(a.evidence.quote.replace(" ", "").replace("\n", ""))
        assert a.lg_code is None or is_valid_lg_code(a.lg_code)
    return result


def triples(result: list[Award]) -> set[tuple]:
    return {(a.prefecture, a.body_name, a.lg_code) for a in result}


# ------------------------------------------------------------------ 1. press release, 15 bodies, merged 都道府県


PRESS_RELEASE = """
<h1>「地域社会ＤＸ推進パッケージ事業（推進体制構築支援）」二次公募に係る支援団体の決定</h1>
<p class="date">令和７年８月２９日</p>
<p>総務省は、「地域社会ＤＸ推進パッケージ事業（推進体制構築支援）」について、令和７年６月９日（月）から同年７月１８日（金）まで二次公募を実施しました。外部有識者による審査を経て、以下の１５団体を支援団体として決定しましたので、お知らせします。</p>
<h2>１　支援団体</h2>
<table border="1">
<tr><th>No.</th><th>都道府県</th><th>団体名</th></tr>
<tr><td>１</td><td rowspan="3">北海道</td><td>上川郡東川町</td></tr>
<tr><td>２</td><td>更別村</td></tr>
<tr><td>３</td><td>岩見沢市</td></tr>
<tr><td>４</td><td>青森県</td><td>青森県</td></tr>
<tr><td>５</td><td>岩手県</td><td>遠野市</td></tr>
<tr><td>６</td><td rowspan="2">宮城県</td><td>亘理郡山元町</td></tr>
<tr><td>７</td><td>女川町</td></tr>
<tr><td>８</td><td>福島県</td><td>金山町</td></tr>
<tr><td>９</td><td>東京都</td><td>千代田区</td></tr>
<tr><td>１０</td><td rowspan="2">長野県</td><td>塩尻市</td></tr>
<tr><td>１１</td><td>下伊那郡阿智村</td></tr>
<tr><td>１２</td><td>静岡県</td><td>静岡県</td></tr>
<tr><td>１３</td><td>鳥取県</td><td>日南町</td></tr>
<tr><td>１４</td><td>熊本県</td><td>球磨郡多良木町</td></tr>
<tr><td>１５</td><td>沖縄県</td><td>竹富町</td></tr>
</table>
<h2>２　今後の予定</h2>
<p>支援団体には、総務省が委嘱する地域情報化アドバイザー等を派遣し、推進体制の構築を支援します。</p>
<p>（参考）令和６年度の支援団体については<a href="/main_content/000999.pdf">こちら</a></p>
<div class="contact"><h2>連絡先</h2>
<p>情報流通行政局 地域通信振興課 デジタル経済推進室<br>担当：山田補佐、佐藤係長<br>電話：０３－５２５３－５７５７</p></div>
"""


def test_press_release_table_with_merged_prefecture_cells():
    doc = html_doc(PRESS_RELEASE, title="支援団体の決定")
    result = found(doc)
    assert triples(result) == {
        ("北海道", "東川町", "014583"), ("北海道", "更別村", "016390"), ("北海道", "岩見沢市", "012106"),
        ("青森県", "青森県", "020001"), ("岩手県", "遠野市", "032085"), ("宮城県", "山元町", "043621"),
        ("宮城県", "女川町", "045811"), ("福島県", "金山町", "074454"), ("東京都", "千代田区", "131016"),
        ("長野県", "塩尻市", "202151"), ("長野県", "阿智村", "204072"), ("静岡県", "静岡県", "220001"),
        ("鳥取県", "日南町", "314013"), ("熊本県", "多良木町", "435058"), ("沖縄県", "竹富町", "473812"),
    }


# ------------------------------------------------------------------ 2. 採択案件一覧: 代表団体 | 構成団体, two PDF pages


def consortium_pdf() -> Document:
    header = ["No.", "都道府県", "代表団体", "構成団体", "事業名"]
    return pdf_doc([
        [
            P("別紙"),
            H("令和７年度 地域デジタル基盤活用推進事業（実証事業）採択案件一覧", 1),
            T(header,
              ["１", "北海道", "岩見沢市", "国立大学法人北海道大学\n株式会社ＮＴＴドコモ", "ローカル５Ｇを活用した遠隔営農支援の実証"],
              ["２", "長野県", "塩尻市", "一般財団法人塩尻市振興公社、安曇野市、\n松本市", "自動運転バスによる地域交通の実証"],
              ["３", "広島県", "株式会社エネルギア・コミュニケーションズ", "広島県、三次市", "中山間地域における見守りサービスの実証"]),
            P("- 1 -"),
        ],
        [
            P("令和７年度 地域デジタル基盤活用推進事業（実証事業）採択案件一覧"),
            T(header,
              ["４", "福岡県", "北九州市", "福岡県\n株式会社九州テック（幹事会社）", "スマート工場の実証"],
              ["５", "鹿児島県", "肝属郡肝付町", "南大隅町ほか１団体", "離島・半島部の医療ＭａａＳ実証"],
              ["６", "東京都", "八丈町", "－", "離島における遠隔教育の実証"]),
            P("※構成団体のうち、事業者名は令和７年７月末時点のもの。"),
            P("- 2 -"),
        ],
    ], title="令和7年度 地域デジタル基盤活用推進事業(実証事業)採択案件一覧")


def test_consortium_table_representatives_and_members_across_pages():
    result = found(consortium_pdf())
    assert triples(result) == {
        ("北海道", "岩見沢市", "012106"), ("北海道", "国立大学法人北海道大学", None), ("北海道", "株式会社NTTドコモ", None),
        ("長野県", "塩尻市", "202151"), ("長野県", "一般財団法人塩尻市振興公社", None), ("長野県", "安曇野市", "202207"),
        ("長野県", "松本市", "202029"),
        ("広島県", "株式会社エネルギア・コミュニケーションズ", None), ("広島県", "広島県", "340006"),
        ("広島県", "三次市", "342092"),
        ("福岡県", "北九州市", "401005"), ("福岡県", "福岡県", "400009"), ("福岡県", "株式会社九州テック", None),
        ("鹿児島県", "肝付町", "464929"), ("鹿児島県", "南大隅町", "464911"),
        ("東京都", "八丈町", "134015"),
    }
    assert {a.fiscal_year for a in result} == {2025}
    members = [a for a in result if a.prefecture == "長野県"]
    assert len({a.group_label for a in members}) == 1 and members[0].group_label is not None


# ------------------------------------------------------------------ 3. 提案団体 = a company, prefecture from 所在地


COMPANY_RESULTS = """
<h1>「自治体窓口ＤＸ実証事業」の採択結果について</h1>
<p>デジタル庁では、令和７年度「自治体窓口ＤＸ実証事業」の提案を公募し、外部有識者で構成する評価委員会の審査を経て、以下の提案を採択しました。</p>
<table>
<thead><tr><th>No.</th><th>提案団体</th><th>所在地</th><th>提案名</th></tr></thead>
<tbody>
<tr><td>1</td><td>株式会社デジタルまちづくり研究所</td><td>東京都千代田区</td><td>書かないワンストップ窓口の実証</td></tr>
<tr><td>2</td><td>一般社団法人 地域情報化推進協会</td><td>大阪府大阪市北区</td><td>オンライン申請と窓口の一体運用</td></tr>
<tr><td>3</td><td>伊那市</td><td>長野県</td><td>中山間地域の移動窓口</td></tr>
<tr><td>4</td><td>㈱みらいソフト</td><td>－</td><td>窓口予約の標準化</td></tr>
</tbody>
</table>
<h2>応募状況</h2>
<p>応募件数：２３件（うち地方公共団体１１件、民間事業者１２件）</p>
<h2>問い合わせ先</h2>
<p>デジタル庁 地方業務改革グループ<br>電話：03-4477-6775（代表）</p>
"""


def test_company_as_proposer_is_an_organisation_award():
    doc = html_doc(COMPANY_RESULTS, url="https://www.digital.go.jp/news/2025-0829-mado", encoding="utf-8")
    result = found(doc)
    assert triples(result) == {
        ("東京都", "株式会社デジタルまちづくり研究所", None),
        ("大阪府", "一般社団法人 地域情報化推進協会", None),
        ("長野県", "伊那市", "202096"),
        (None, "(株)みらいソフト", None),
    }
    assert {a.fiscal_year for a in result} == {2025}


# ------------------------------------------------------------------ 4. a 47-row table over two pages, and a count table


CAPITALS = [
    ("北海道", "札幌市"), ("青森県", "青森市"), ("岩手県", "盛岡市"), ("宮城県", "仙台市"), ("秋田県", "秋田市"),
    ("山形県", "山形市"), ("福島県", "福島市"), ("茨城県", "水戸市"), ("栃木県", "宇都宮市"), ("群馬県", "前橋市"),
    ("埼玉県", "さいたま市"), ("千葉県", "千葉市"), ("東京都", "東京都"), ("神奈川県", "横浜市"), ("新潟県", "新潟市"),
    ("富山県", "富山市"), ("石川県", "金沢市"), ("福井県", "福井市"), ("山梨県", "甲府市"), ("長野県", "長野市"),
    ("岐阜県", "岐阜市"), ("静岡県", "静岡市"), ("愛知県", "名古屋市"), ("三重県", "三重県"), ("滋賀県", "大津市"),
    ("京都府", "京都市"), ("大阪府", "大阪市"), ("兵庫県", "神戸市"), ("奈良県", "奈良市"), ("和歌山県", "和歌山市"),
    ("鳥取県", "鳥取市"), ("島根県", "島根県"), ("岡山県", "岡山市"), ("広島県", "広島市"), ("山口県", "山口市"),
    ("徳島県", "徳島市"), ("香川県", "高松市"), ("愛媛県", "松山市"), ("高知県", "高知市"), ("福岡県", "福岡市"),
    ("佐賀県", "佐賀市"), ("長崎県", "長崎市"), ("熊本県", "熊本市"), ("大分県", "大分市"), ("宮崎県", "宮崎市"),
    ("鹿児島県", "鹿児島市"), ("沖縄県", "那覇市"),
]


def forty_seven_pdf() -> Document:
    header = ["No.", "都道府県名", "交付決定団体名", "事業名", "交付決定額\n（千円）"]
    rows = [[str(i), pref, body, "行政手続オンライン化推進事業", f"{(i * 1370) % 9000 + 1000:,}"]
            for i, (pref, body) in enumerate(CAPITALS, 1)]
    return pdf_doc([
        [H("令和６年度 デジタル活用環境構築推進事業費補助金 交付決定一覧", 1),
         P("令和６年度デジタル活用環境構築推進事業費補助金について、以下のとおり交付決定を行いました。"),
         T(header, *rows[:25]), P("1")],
        [P("令和６年度 デジタル活用環境構築推進事業費補助金 交付決定一覧"), T(header, *rows[25:]), P("2")],
        [H("（参考）都道府県別交付決定件数", 2),
         T(["都道府県", "交付決定件数", "交付決定額（千円）"], ["北海道", "12", "45,000"], ["青森県", "3", "9,800"]), P("3")],
    ])


def test_forty_seven_rows_across_pages_and_a_count_table_that_names_no_body():
    result = found(forty_seven_pdf())
    got = {(a.prefecture, a.body_name) for a in result}
    assert got == set(CAPITALS)
    assert all(a.lg_code for a in result)
    assert {a.lg_code for a in result if a.body_name in ("東京都", "三重県", "島根県")} == {"130001", "240001", "320005"}
    assert {a.fiscal_year for a in result} == {2024}
    assert {a.evidence.page for a in result} == {1, 2}


# ------------------------------------------------------------------ 5. prose: '…の15団体を選定しました'


PROSE = """
<h1>令和７年度「デジタル実装伴走支援事業」の支援先団体の決定について</h1>
<p>内閣府では、令和７年度「デジタル実装伴走支援事業」の支援先団体を公募していたところ、全国から４２団体の応募がありました。</p>
<p>外部有識者による審査の結果、北海道標茶町、青森県五所川原市、岩手県葛巻町、宮城県丸森町、秋田県湯沢市、山形県最上郡金山町、福島県石川郡古殿町、茨城県境町、栃木県那須町、群馬県みなかみ町、新潟県佐渡市、富山県南砺市、石川県能登町、福井県池田町、山梨県小菅村の１５団体を支援先団体として選定しました。</p>
<p>このうち、長野県内からの応募はありませんでした。</p>
<p>選定された団体には、国の委託事業者が令和７年９月から令和８年３月まで伴走支援を行います。</p>
<p>なお、令和６年度に支援を受けた長野県松本市、岐阜県飛騨市の取組は、好事例として別添資料で紹介しています。</p>
"""


def test_prose_list_of_fifteen_bodies():
    doc = html_doc(PROSE, url="https://www.cao.go.jp/press/new_wave/20250829_bansou.html")
    result = found(doc)
    assert triples(result) == {
        ("北海道", "標茶町", "016641"), ("青森県", "五所川原市", "022055"), ("岩手県", "葛巻町", "033022"),
        ("宮城県", "丸森町", "043419"), ("秋田県", "湯沢市", "052078"), ("山形県", "金山町", "063614"),
        ("福島県", "古殿町", "075051"), ("茨城県", "境町", "085464"), ("栃木県", "那須町", "094072"),
        ("群馬県", "みなかみ町", "104493"), ("新潟県", "佐渡市", "152242"), ("富山県", "南砺市", "162108"),
        ("石川県", "能登町", "174637"), ("福井県", "池田町", "183822"), ("山梨県", "小菅村", "194425"),
    }
    assert {a.fiscal_year for a in result} == {2025}


def test_prose_with_the_prefecture_written_once_for_several_towns():
    doc = html_doc("<h1>令和６年度 採択結果</h1><p>長野県からは、松本市、塩尻市及び下伊那郡阿智村の３団体が採択されました。"
                   "このほか、北海道の東川町が採択されています。</p>")
    assert triples(found(doc)) == {("長野県", "松本市", "202029"), ("長野県", "塩尻市", "202151"),
                                   ("長野県", "阿智村", "204072"), ("北海道", "東川町", "014583")}


# ------------------------------------------------------------------ 6. bullet list under 【選定団体】


BULLETS = """
<h1>令和７年度 地域情報化アドバイザー派遣（長期派遣）の選定結果</h1>
<p>【選定団体】</p>
<ul>
<li>北海道　更別村</li>
<li>宮崎県　都城市</li>
<li>鹿児島県　肝付町（代表団体）、南大隅町</li>
<li>大阪府　大阪市北区</li>
<li>北海道　札幌市中央区</li>
<li>福岡県　北九州市ほか２団体</li>
</ul>
<p>【応募団体数】４２団体</p>
<p>【今後の予定】</p>
<ul><li>令和７年９月上旬　キックオフ会議（オンライン）</li><li>東京都千代田区の会場で成果報告会</li></ul>
"""


def test_bullet_list_under_a_bracketed_results_label():
    result = found(html_doc(BULLETS))
    assert triples(result) == {
        ("北海道", "更別村", "016390"), ("宮崎県", "都城市", "452025"), ("鹿児島県", "肝付町", "464929"),
        ("鹿児島県", "南大隅町", "464911"), ("大阪府", "大阪市北区", "271276"), ("北海道", "札幌市中央区", "011011"),
        ("福岡県", "北九州市", "401005"),
    }
    assert {a.fiscal_year for a in result} == {2025}


# ------------------------------------------------------------------ 7. PDF 選定結果: 都道府県 merged across rows and pages


def merged_pdf() -> Document:
    header = ["都道府県", "市区町村", "事業名", "事業者"]
    return pdf_doc([
        [H("令和７年度 地域ＤＸ推進体制構築支援 選定結果", 1),
         P("審査の結果、以下の団体を選定しました。"),
         T(header,
           ["北海道", "東川町", "観光ＤＸ推進計画の策定", "株式会社ひがしかわデジタル"],
           ["", "美瑛町", "農業データ連携基盤の構築", "株式会社ＢＩＥＩラボ"],
           ["岩手県", "遠野市", "地域ポイントの導入", "株式会社とおのＩＴ"],
           ["", "釜石市", "防災情報の一元化", "株式会社三陸システム"]),
         P("- 1 -")],
        [P("選定結果一覧"),
         T(header,
           ["", "大船渡市", "漁業ＤＸの推進", "株式会社三陸システム"],
           ["山形県", "最上郡金山町", "移動支援サービス", "未定"],
           ["", "最上町", "移動支援サービス", "未定"],
           ["福島県", "金山町", "オンライン診療の導入", "会津デジタル株式会社"]),
         P("- 2 -")],
    ])


def test_merged_prefecture_cells_carry_across_a_page_break():
    result = found(merged_pdf())
    assert triples(result) == {
        ("北海道", "東川町", "014583"), ("北海道", "美瑛町", "014591"), ("岩手県", "遠野市", "032085"),
        ("岩手県", "釜石市", "032115"), ("岩手県", "大船渡市", "032034"), ("山形県", "金山町", "063614"),
        ("山形県", "最上町", "063622"), ("福島県", "金山町", "074454"),
    }
    assert {a.partner for a in result if a.body_name == "遠野市"} == {"株式会社とおのIT"}


# ------------------------------------------------------------------ 8. applicants only, 9. good practices: no award


APPLICANTS = """
<h1>「地域社会ＤＸ推進パッケージ事業（計画策定支援）」の応募状況について</h1>
<p>令和７年６月９日から７月１８日まで公募を実施したところ、以下の団体から応募がありました。</p>
<table><tr><th>No.</th><th>都道府県</th><th>応募団体名</th></tr>
<tr><td>1</td><td>北海道</td><td>東川町</td></tr><tr><td>2</td><td>長野県</td><td>塩尻市</td></tr></table>
<p>以下の団体からは提案書の提出がありました。</p>
<table><tr><th>No.</th><th>都道府県</th><th>提案団体</th></tr>
<tr><td>1</td><td>熊本県</td><td>多良木町</td></tr></table>
<p>採択結果は、令和７年８月下旬頃に公表する予定です。</p>
"""


def test_a_page_of_applicants_names_no_award():
    assert found(html_doc(APPLICANTS)) == []


GOOD_PRACTICES = """
<h1>自治体ＤＸの先進事例</h1>
<p>令和５年度に本事業で支援した団体のうち、特に成果の大きかった取組を好事例として紹介します。</p>
<h2>令和５年度 採択団体の取組事例</h2>
<table><tr><th>No.</th><th>都道府県</th><th>団体名</th><th>取組概要</th></tr>
<tr><td>1</td><td>兵庫県</td><td>たつの市</td><td>デジタル活用支援員による講座</td></tr>
<tr><td>2</td><td>島根県</td><td>飯南町</td><td>オンライン診療の導入</td></tr></table>
<h2>横展開が期待される取組</h2>
<p>例えば、北海道標茶町では、酪農家向けのデータ連携を進めています。</p>
<table><tr><th>分野</th><th>自治体名</th><th>内容</th></tr><tr><td>防災</td><td>高知県黒潮町</td><td>避難訓練アプリ</td></tr></table>
"""


def test_good_practice_and_example_tables_are_not_awards():
    assert found(html_doc(GOOD_PRACTICES)) == []


def test_a_page_that_only_names_examples_is_not_awards():
    doc = pdf_doc([[
        H("地域社会ＤＸ推進パッケージ事業の概要", 1),
        P("【取組例】長野県塩尻市：自動運転バスの導入、北海道更別村：ドローン配送"),
        P("このような取組を行う団体を支援先として選定します。"),
        T(["活用例", "団体名"], ["遠隔医療", "北海道岩見沢市"], ["スマート農業", "熊本県多良木町"]),
    ]])
    assert found(doc) == []


# ------------------------------------------------------------------ 10. past-year 採択実績 tables on a call page


CALL_WITH_RECORD = """
<h1>令和８年度「地域社会ＤＸ推進パッケージ事業（推進体制構築支援）」の公募</h1>
<h2>１ 公募期間</h2>
<p>令和８年４月１日（水）から令和８年５月１５日（金）１７時まで</p>
<h2>２ 採択予定件数</h2>
<p>２０団体程度を採択する予定です。</p>
<h2>３ これまでの採択実績</h2>
<h3>令和６年度</h3>
<table><tr><th>都道府県</th><th>団体名</th></tr>
<tr><td>青森県</td><td>弘前市</td></tr><tr><td>埼玉県</td><td>秩父郡横瀬町</td></tr></table>
<h3>令和５年度</h3>
<table><tr><th>都道府県</th><th>団体名</th></tr>
<tr><td>徳島県</td><td>徳島県</td></tr><tr><td>宮崎県</td><td>児湯郡新富町</td></tr></table>
<h2>４ 問い合わせ先</h2>
<p>推進体制構築支援事務局（株式会社地域ＤＸサポート）<br>電話：0120-000-111</p>
"""


def test_past_year_results_tables_are_awards_of_their_year():
    result = found(html_doc(CALL_WITH_RECORD))
    assert {(a.prefecture, a.body_name, a.lg_code, a.fiscal_year) for a in result} == {
        ("青森県", "弘前市", "022021", 2024), ("埼玉県", "横瀬町", "113611", 2024),
        ("徳島県", "徳島県", "360007", 2023), ("宮崎県", "新富町", "454028", 2023),
    }


def test_a_past_year_results_heading_over_a_table_in_a_pdf():
    doc = pdf_doc([[
        H("令和８年度 デジタル実装伴走支援事業 公募要領", 1),
        P("採択実績の有無にかかわらず応募できます。"),
        H("（参考）令和７年度採択団体", 2),
        T(["No.", "都道府県", "団体名"], ["1", "北海道", "標茶町"], ["2", "長崎県", "北松浦郡佐々町"]),
    ]])
    result = found(doc)
    assert {(a.prefecture, a.body_name, a.fiscal_year) for a in result} == {("北海道", "標茶町", 2025),
                                                                             ("長崎県", "佐々町", 2025)}


# ------------------------------------------------------------------ 11. 交付決定, 内定, 採択予定 wording


GRANT_DECISION = """
<h1>令和７年度「ＩｏＴ活用推進事業費補助金」の交付決定</h1>
<p>総務省は、令和７年度「ＩｏＴ活用推進事業費補助金」について、以下のとおり交付決定を行いました。</p>
<table><tr><th>No.</th><th>都道府県</th><th>交付決定先</th><th>交付決定額（円）</th></tr>
<tr><td>1</td><td>栃木県</td><td>那須塩原市</td><td>15,000,000</td></tr>
<tr><td>2</td><td>兵庫県</td><td>美方郡香美町</td><td>9,870,000</td></tr>
<tr><td>3</td><td>愛媛県</td><td>株式会社えひめＩｏＴ</td><td>4,500,000</td></tr>
<tr><td colspan="3">合計</td><td>29,370,000</td></tr>
</table>
"""


def test_grant_decision_table():
    result = found(html_doc(GRANT_DECISION))
    assert triples(result) == {("栃木県", "那須塩原市", "092134"), ("兵庫県", "香美町", "285854"),
                               ("愛媛県", "株式会社えひめIoT", None)}


def test_provisional_grant_decision_naike():
    doc = pdf_doc([[
        H("令和７年度 新しい地方経済・生活環境創生交付金（第２世代交付金）交付対象事業の内定について", 1),
        P("標記について、以下の事業を交付対象事業として内定しました。"),
        T(["都道府県", "市区町村", "事業名", "内定額（千円）"],
          ["長野県", "長野県", "信州ＤＸ推進事業", "120,000"],
          ["", "伊那市", "新産業技術による地域課題解決", "50,000"],
          ["高知県", "土佐郡土佐町", "中山間地域の移動手段確保", "30,000"]),
        P("※内定額は今後変更となる場合があります。"),
    ]])
    assert triples(found(doc)) == {("長野県", "長野県", "200000"), ("長野県", "伊那市", "202096"),
                                   ("高知県", "土佐町", "393631")}


def test_candidates_selected_before_the_grant_decision():
    doc = pdf_doc([[
        H("「地域ＤＸ実証プロジェクト」採択候補の決定について", 1),
        P("外部評価委員会の評価を踏まえ、以下のとおり採択予定案件を決定しました。"
          "なお、交付決定は所要の手続を経て行う予定です。"),
        T(["No.", "代表提案団体", "共同提案団体", "提案事業名"],
          ["1", "宮城県仙台市", "東北大学、株式会社みやぎデータ", "都市ＯＳの実証"],
          ["2", "岐阜県高山市", "飛騨市、白川村", "観光ＭａａＳの広域展開"]),
    ]])
    assert triples(found(doc)) == {
        ("宮城県", "仙台市", "041009"), ("宮城県", "東北大学", None), ("宮城県", "株式会社みやぎデータ", None),
        ("岐阜県", "高山市", "212032"), ("岐阜県", "飛騨市", "212172"), ("岐阜県", "白川村", "216046"),
    }


@pytest.mark.parametrize("text", [
    "採択予定件数は１０件程度です。",
    "採択予定団体は、令和７年８月下旬に決定する予定です。",
    "内定の通知は、令和７年７月頃を予定しています。",
])
def test_future_or_planned_wording_is_not_an_award(text):
    doc = pdf_doc([[P(text), T(["No.", "都道府県", "団体名"], ["1", "長野県", "松本市"])]])
    assert found(doc) == []


# ------------------------------------------------------------------ 12. more layouts of real results pages


def test_applicant_header_under_an_explicit_results_announcement():
    # 交付決定 lists often call the grantee 申請団体 (the body that applied and got the grant)
    doc = pdf_doc([[
        P("令和７年度地方創生推進交付金について、以下の事業の交付決定を行いました。"),
        T(["都道府県名", "申請団体名", "事業名"], ["山口県", "萩市", "観光ＤＸ推進事業"], ["山口県", "山口県", "県域データ連携"]),
    ]])
    assert triples(found(doc)) == {("山口県", "萩市", "352047"), ("山口県", "山口県", "350001")}


def test_applicants_page_with_an_applicant_header_stays_empty():
    doc = pdf_doc([[
        P("公募の結果、以下の団体から申請がありました。審査の結果は８月に公表します。"),
        T(["都道府県名", "申請団体名", "事業名"], ["山口県", "萩市", "観光ＤＸ推進事業"]),
    ]])
    assert found(doc) == []


def test_prefectures_as_grantees_one_row_per_project():
    doc = pdf_doc([[
        H("令和６年度 都道府県ＤＸ人材確保支援事業 交付決定一覧（都道府県分）", 1),
        T(["No.", "都道府県", "事業名", "交付決定額（千円）"],
          ["1", "青森県", "市町村ＤＸ人材プール事業", "12,000"], ["2", "長野県", "共同ＣＩＯ補佐官派遣", "9,500"]),
        H("（参考）都道府県別交付決定状況", 2),
        T(["都道府県", "交付決定件数", "交付決定額（千円）"], ["北海道", "12", "45,000"], ["沖縄県", "3", "9,800"]),
    ]])
    result = found(doc)
    assert triples(result) == {("青森県", "青森県", "020001"), ("長野県", "長野県", "200000")}
    assert {a.fiscal_year for a in result} == {2024}


def test_two_row_header_with_merged_representative_columns():
    doc = pdf_doc([[
        H("令和７年度 採択事業一覧", 1),
        T(["No.", "代表団体", "", "事業名"],
          ["", "都道府県", "団体名", ""],
          ["1", "北海道", "釧路市", "港湾物流ＤＸ"],
          ["2", "大分県", "大分県", "県内共通予約基盤"]),
    ]])
    assert triples(found(doc)) == {("北海道", "釧路市", "012068"), ("大分県", "大分県", "440001")}


def test_lists_under_a_results_heading_with_a_heading_per_year():
    doc = html_doc("""
<h2>採択団体一覧</h2>
<h3>令和７年度</h3><ul><li>北海道標茶町</li><li>長野県：松本市、塩尻市</li></ul>
<h3>令和６年度</h3><ul><li>【鳥取県】日南町、智頭町</li></ul>
<h2>問い合わせ先</h2><ul><li>東京都千代田区霞が関２－１－２</li></ul>
""")
    result = found(doc)
    assert {(a.prefecture, a.body_name, a.lg_code, a.fiscal_year) for a in result} == {
        ("北海道", "標茶町", "016641", 2025), ("長野県", "松本市", "202029", 2025), ("長野県", "塩尻市", "202151", 2025),
        ("鳥取県", "日南町", "314013", 2024), ("鳥取県", "智頭町", "313289", 2024),
    }


def test_a_prefecture_labelling_its_towns_in_a_sentence_is_not_itself_a_body():
    doc = html_doc("<p>令和７年度は、長野県（松本市、塩尻市）及び北海道（東川町）の提案が採択されました。</p>")
    assert triples(found(doc)) == {("長野県", "松本市", "202029"), ("長野県", "塩尻市", "202151"),
                                   ("北海道", "東川町", "014583")}


def test_organisations_without_a_legal_form_and_with_a_location_note():
    doc = html_doc("""
<p>審査の結果、以下の提案を採択しました。</p>
<table><tr><th>No.</th><th>提案者</th><th>提案名</th></tr>
<tr><td>1</td><td>ＮＴＴ東日本</td><td>地域ＩｏＴ基盤</td></tr>
<tr><td>2</td><td>株式会社やまなしデータ（山梨県甲府市）</td><td>観光データ連携</td></tr>
<tr><td>3</td><td>未定</td><td>－</td></tr>
<tr><td colspan="2">計</td><td>２件</td></tr></table>
""")
    assert triples(found(doc)) == {(None, "NTT東日本", None), ("山梨県", "株式会社やまなしデータ", None)}


def test_a_label_value_table_naming_the_selected_body():
    doc = html_doc("""
<h2>採択事業の概要</h2>
<table><tr><th>事業名</th><td>遠隔医療による中山間地域の医療提供体制の確保</td></tr>
<tr><th>採択団体</th><td>島根県飯南町、美郷町</td></tr>
<tr><th>事業期間</th><td>令和７年度〜令和８年度</td></tr></table>
""")
    assert triples(found(doc)) == {("島根県", "飯南町", "323861"), ("島根県", "美郷町", "324485")}


def test_rows_of_a_table_drawn_without_rules():
    # what the PDF decoder gives for a results table without ruling lines: one
    # paragraph per row, a wrapped 事業名 cell split around its row
    doc = pdf_doc([[
        H("令和６年度 デジタル活用環境構築推進事業費補助金 交付決定一覧", 1),
        P("令和６年度デジタル活用環境構築推進事業費補助金について、以下のとおり交付決定を行いました。"),
        P("都道府県 交付決定団体 交付決定額(千No. 事業名"),
        P("名名 円)"),
        P("1 北海道 札幌市 行政手続オンライン化推進事業(札幌市)2,370"),
        P("2 岩手県 盛岡市 行政手続オンライン化推進事業(盛岡市)5,110"),
        P("2-2 花巻市 窓口DX(北上市と共同) 1,000"),
        P("行政手続オンライン化推進事業(宇都宮"),
        P("3 栃木県 宇都宮市 4,330"),
        P("市)"),
        P("4 福島県 金山町 オンライン診療 1,200"),
        P("5 東京都 東京都 都区市町村の共同調達 9,810"),
        P("お問い合わせ先:総務省 地域力創造グループ 電話 03-5253-5111"),
        P("1 長野県 松本市 (問い合わせの後の番号付きの行)"),
    ]])
    result = found(doc)
    assert triples(result) == {
        ("北海道", "札幌市", "011002"), ("岩手県", "盛岡市", "032018"), ("岩手県", "花巻市", "032051"),
        ("栃木県", "宇都宮市", "092011"), ("福島県", "金山町", "074454"), ("東京都", "東京都", "130001"),
    }
    assert {a.fiscal_year for a in result} == {2024}


def test_numbered_lines_without_an_announcement_are_not_awards():
    doc = pdf_doc([[
        P("説明会の開催地は以下のとおりです。"),
        P("1 北海道 札幌市 9月1日"),
        P("2 宮城県 仙台市 9月3日"),
    ]])
    assert found(doc) == []


def test_a_call_page_with_rules_about_awarded_bodies_names_none():
    doc = pdf_doc([[
        H("令和８年度 地域ＤＸ推進事業 公募要領", 1),
        P("採択団体は、事業完了後３０日以内に実績報告書を提出すること。"),
        T(["区分", "対象団体", "補助率"], ["類型①", "市区町村", "10/10"], ["類型②", "一般社団法人、ＮＰＯ法人等", "1/2"]),
        P("採択団体は以下の要件を満たすものとします。"),
        T(["No.", "都道府県", "団体名"], ["1", "長野県", "松本市"]),
    ]])
    assert found(doc) == []


def test_results_introduced_as_a_list_that_follows():
    doc = html_doc("<p>令和７年度の採択団体は、以下のとおりです。</p><table><tr><th>都道府県</th><th>団体名</th></tr>"
                   "<tr><td>愛媛県</td><td>西予市</td></tr></table>")
    assert triples(found(doc)) == {("愛媛県", "西予市", "382141")}


# ------------------------------------------------------------------ 'decided to select' verb forms


@pytest.mark.parametrize("verb", [
    "を採択することとしました", "を選定することとしました", "を採択することといたしました",
    "を支援対象として決定いたしました", "を採択いたしました", "を選定いたしました", "が採択されることとなりました",
    "を選定することにいたしました",
])
def test_decided_to_select_verb_forms_announce_a_selection(verb):
    doc = html_doc(f"<p>審査の結果、愛媛県西予市及び高知県梼原町{verb}。</p>")
    assert triples(found(doc)) == {("愛媛県", "西予市", "382141"), ("高知県", "梼原町", "394050")}


def test_decided_to_select_introduces_the_table_that_follows():
    doc = html_doc("<p>外部有識者による審査を踏まえ、以下の団体を採択することとしました。</p>"
                   "<table><tr><th>都道府県</th><th>団体名</th></tr><tr><td>秋田県</td><td>仙北市</td></tr></table>")
    assert triples(found(doc)) == {("秋田県", "仙北市", "052159")}


def test_will_select_later_is_still_no_selection():
    doc = html_doc("<p>応募多数の場合は、審査の上、愛媛県西予市等を採択することとします。</p>")
    assert found(doc) == []


# ------------------------------------------------------------------ applications mentioned before the result


def test_a_result_sentence_that_first_mentions_the_applications_names_the_selected():
    doc = html_doc("<p>令和７年度「地域防災ＤＸ実証事業」に応募のあった１４件（１４団体）について、外部有識者による"
                   "審査を行った結果、山形県鶴岡市、新潟県佐渡市及び島根県海士町を採択することとしました。</p>")
    result = found(doc)
    assert triples(result) == {("山形県", "鶴岡市", "062031"), ("新潟県", "佐渡市", "152242"),
                               ("島根県", "海士町", "325252")}
    assert {a.fiscal_year for a in result} == {2025}


def test_applicants_named_before_the_result_are_left_out():
    doc = html_doc("<p>応募団体（山形県鶴岡市、新潟県佐渡市、島根県海士町）について審査した結果、"
                   "新潟県佐渡市を選定いたしました。</p>")
    assert triples(found(doc)) == {("新潟県", "佐渡市", "152242")}


def test_applications_reported_then_results_table():
    doc = html_doc("<p>本事業には２１件の応募がありました。審査の結果、以下の団体を採択することといたしました。</p>"
                   "<table><tr><th>No.</th><th>都道府県</th><th>団体名</th></tr>"
                   "<tr><td>1</td><td>徳島県</td><td>神山町</td></tr><tr><td>2</td><td>香川県</td><td>三豊市</td></tr></table>")
    assert triples(found(doc)) == {("徳島県", "神山町", "363421"), ("香川県", "三豊市", "372081")}


def test_an_applicant_list_is_still_no_award():
    doc = html_doc("<p>応募のあった団体は以下のとおりです。採択結果は後日お知らせします。</p>"
                   "<table><tr><th>No.</th><th>都道府県</th><th>団体名</th></tr>"
                   "<tr><td>1</td><td>徳島県</td><td>神山町</td></tr></table>"
                   "<p>応募のあった１４件のうち、鶴岡市ほか２件は書類不備のため審査対象外としました。</p>")
    assert found(doc) == []


# ------------------------------------------------------------------ partners of a selected proposal


def test_partner_towns_named_in_the_next_sentence_join_the_selected_proposal():
    doc = html_doc("<p>審査の結果、北海道東川町の提案を採択することとしました。"
                   "本提案は、東川町が美瑛町及び東神楽町と連携して実施します。</p>")
    result = found(doc)
    assert triples(result) == {("北海道", "東川町", "014583"), ("北海道", "美瑛町", "014591"),
                               ("北海道", "東神楽町", "014532")}
    labels = {a.group_label for a in result}
    assert len(labels) == 1 and None not in labels


def test_partners_of_a_representative_body():
    doc = html_doc("<p>審査の結果、岩手県遠野市の提案を選定いたしました。</p>"
                   "<p>同提案は、遠野市を代表団体として、釜石市、住田町と連携して実施するものです。</p>")
    result = found(doc)
    assert triples(result) == {("岩手県", "遠野市", "032085"), ("岩手県", "釜石市", "032115"),
                               ("岩手県", "住田町", "034410")}
    assert len({a.group_label for a in result}) == 1


def test_a_partner_sentence_without_a_selection_before_it_names_no_award():
    doc = html_doc("<p>公募期間は令和７年５月３１日までです。</p>"
                   "<p>遠野市は、釜石市及び住田町と連携して観光ＤＸに取り組んでいます。</p>")
    assert found(doc) == []


def test_partners_of_one_of_several_selected_need_the_anchor_named():
    doc = html_doc("<p>審査の結果、岩手県遠野市及び山形県鶴岡市の提案を採択しました。</p>"
                   "<p>なお、いずれの提案も近隣の市町村と連携して実施します。</p>"
                   "<p>事業の詳細は別紙のとおりです。</p>")
    assert triples(found(doc)) == {("岩手県", "遠野市", "032085"), ("山形県", "鶴岡市", "062031")}


def test_a_partner_name_shared_by_several_prefectures_is_read_in_the_proposal_s_prefecture():
    doc = html_doc("<p>審査の結果、山形県真室川町の提案を採択しました。</p>"
                   "<p>本事業は、真室川町、金山町及び鮭川村の共同提案によるものです。</p>")
    result = found(doc)
    assert ("山形県", "金山町", "063614") in triples(result)
    assert len(result) == 3 and len({a.group_label for a in result}) == 1


def test_applications_reported_then_a_list_of_the_selected():
    doc = html_doc("<p>応募のあった１４件について、外部有識者による審査を行った結果、以下の３団体を採択することとしました。</p>"
                   "<ul><li>秋田県仙北市</li><li>徳島県神山町</li><li>高知県梼原町</li></ul>")
    assert triples(found(doc)) == {("秋田県", "仙北市", "052159"), ("徳島県", "神山町", "363421"),
                                   ("高知県", "梼原町", "394050")}


# ------------------------------------------------------------------ blind-evaluation causes (round 3)


@pytest.mark.parametrize("cell, expected", [
    ("南砺市（富山県）", ("富山県", "南砺市", "162108")),
    ("美郷町(秋田県)", ("秋田県", "美郷町", "054348")),
    ("美郷町 （宮崎県）", ("宮崎県", "美郷町", "454311")),
])
def test_a_prefecture_in_brackets_after_a_body_is_its_location_not_a_body(cell, expected):
    doc = html_doc("<p>審査の結果、以下の団体を採択しました。</p>"
                   "<table><tr><th>No.</th><th>団体名</th></tr>"
                   f"<tr><td>1</td><td>{cell}</td></tr><tr><td>2</td><td>高知県</td></tr>"
                   "<tr><td>3</td><td>徳島県、上勝町</td></tr></table>")
    assert triples(found(doc)) == {expected, ("高知県", "高知県", "390003"), ("徳島県", "徳島県", "360007"),
                                   ("徳島県", "上勝町", "363022")}


@pytest.mark.parametrize("note", ["(共同提案)", "（連携団体）", "※共同申請", "【共同提案】"])
def test_a_note_line_in_a_joint_proposal_cell_is_no_body(note):
    doc = html_doc("<p>以下の提案を選定しました。</p>"
                   "<table><tr><th>No.</th><th>都道府県</th><th>提案団体</th></tr>"
                   f"<tr><td>1</td><td>福井県</td><td>鯖江市<br>越前町<br>{note}</td></tr>"
                   "<tr><td>2</td><td>山口県</td><td>萩市</td></tr></table>")
    assert triples(found(doc)) == {("福井県", "鯖江市", "182079"), ("福井県", "越前町", "184233"),
                                   ("山口県", "萩市", "352047")}


@pytest.mark.parametrize("counts", [
    "（応募団体数：138団体、採択団体数：115団体）", "(応募件数 42件/採択件数 30件)", "（申請件数：12件）",
])
def test_a_count_of_applications_beside_the_selection_does_not_veto_it(counts):
    doc = html_doc(f"<p>厳正な審査の結果、以下の団体を採択しました{counts}。</p>"
                   "<table><tr><th>No.</th><th>都道府県</th><th>団体名</th></tr>"
                   "<tr><td>1</td><td>大分県</td><td>別府市</td></tr><tr><td>2</td><td>佐賀県</td><td>唐津市</td></tr></table>"
                   "<p>審査の結果、以下の自治体を選定しました（申請団体数：9団体）。</p><ul><li>奈良県十津川村</li></ul>")
    assert triples(found(doc)) == {("大分県", "別府市", "442020"), ("佐賀県", "唐津市", "412023"),
                                   ("奈良県", "十津川村", "294497")}


def test_applicants_named_in_a_bracket_still_veto():
    doc = html_doc("<p>以下の団体を採択しました（応募団体：大分県別府市、佐賀県唐津市）。</p>")
    assert triples(found(doc)) == set()


def test_numbered_rows_with_a_prefecture_glued_to_a_body():
    # a PDF table without rules, the 都道府県 column merged over rows: the prefecture is
    # glued to one row (before or after its body), the header comes after the first rows
    doc = pdf_doc([[
        H("令和7年度 地域DX推進事業 採択結果", 1),
        P("以下の団体を採択しました。"),
        P("1 余市町北海道"),
        P("2 倶知安町"),
        P("No. 団体名 都道府県"),
        P("3秋田県 大仙市"),
        P("4 横手市"),
        P("5 府中町"),
        P("6 佐渡市新潟県"),
        P("事業名 交付額"),
    ]])
    assert triples(found(doc)) == {
        ("北海道", "余市町", "014087"), ("北海道", "倶知安町", "014001"), ("秋田県", "大仙市", "052124"),
        ("秋田県", "横手市", "052035"), ("広島県", "府中町", "343021"), ("新潟県", "佐渡市", "152242"),
    }


def test_numbered_rows_without_a_prefecture_are_read_alone():
    # no prefecture anywhere: a unique name resolves, a shared one keeps a NULL code
    doc = pdf_doc([[
        P("審査の結果、以下の団体を選定しました。"),
        P("1 鯖江市"),
        P("2 美郷町"),
        P("3 松本市の取組紹介"),
    ]])
    assert triples(found(doc)) == {("福井県", "鯖江市", "182079"), (None, "美郷町", None)}


def test_numbered_rows_naming_organisations():
    doc = pdf_doc([[
        P("以下の団体を採択しました（応募団体数：40団体、採択団体数：3団体）。"),
        P("1 長野県 上伊那広域連合 共同調達"),
        P("2 伊那市"),
        P("3 鳥取県 鳥取県東部広域行政管理組合"),
        P("4 一般社団法人"),
    ]])
    assert triples(found(doc)) == {("長野県", "上伊那広域連合", None), ("長野県", "伊那市", "202096"),
                                   ("鳥取県", "鳥取県東部広域行政管理組合", None)}


# ------------------------------------------------------------------ prefecture-led programmes


@pytest.mark.parametrize("member_header", ["管内市町村", "連携市町村", "参加市町村", "連携自治体"])
def test_a_prefecture_with_its_partner_municipalities(member_header):
    # 推進体制構築支援: the prefecture applies, the municipalities of its area take part
    doc = pdf_doc([[
        H("令和7年度 推進体制構築支援 支援先の決定", 1),
        P("審査の結果、以下の都道府県を支援先として決定しました。"),
        T(["No.", "都道府県", member_header],
          ["1", "青森県", "弘前市、黒石市"],
          ["2", "岐阜県", "郡上市\n下呂市"],
          ["3", "高知県", "（県内全19市町村）"],
          ["4", "佐賀県", "県内全市町村"]),
    ]])
    result, warnings = awards.extract_with_warnings(doc)
    found(doc)
    assert triples(result) == {
        ("青森県", "青森県", "020001"), ("青森県", "弘前市", "022021"), ("青森県", "黒石市", "022047"),
        ("岐阜県", "岐阜県", "210005"), ("岐阜県", "郡上市", "212199"), ("岐阜県", "下呂市", "212202"),
        ("高知県", "高知県", "390003"), ("佐賀県", "佐賀県", "410004"),
    }
    groups = {a.body_name: a.group_label for a in result}
    assert groups["青森県"] and groups["青森県"] == groups["弘前市"] == groups["黒石市"]
    assert groups["岐阜県"] and groups["岐阜県"] == groups["郡上市"] != groups["青森県"]
    assert not warnings  # 県内全市町村 names every municipality, no one body: nothing to warn about


def test_a_prefecture_led_table_continued_with_a_merged_prefecture_cell():
    doc = pdf_doc([[
        P("以下のとおり支援先団体を決定しました。"),
        T(["都道府県", "連携市町村"], ["長野県", "松本市"], ["", "塩尻市"]),
    ]])
    result = found(doc)
    assert triples(result) == {("長野県", "長野県", "200000"), ("長野県", "松本市", "202029"),
                               ("長野県", "塩尻市", "202151")}
    assert len({a.group_label for a in result}) == 1


@pytest.mark.parametrize("theme_header", ["取組テーマ", "事業名", "テーマ", "取組内容", "事業概要"])
def test_prefectures_with_a_theme_column_are_the_awardees(theme_header):
    doc = pdf_doc([[
        H("類型② 採択結果", 2),
        T(["No.", "都道府県名", theme_header], ["1", "長野県", "生成AIの共同利用"], ["2", "愛媛県", "窓口DXの推進"]),
    ]])
    result, warnings = awards.extract_with_warnings(doc)
    assert triples(result) == {("長野県", "長野県", "200000"), ("愛媛県", "愛媛県", "380008")}
    assert not warnings


def test_prefectures_with_amounts_only_stay_a_summary():
    doc = pdf_doc([[
        H("採択結果", 2),
        T(["No.", "都道府県名", "件数", "金額（千円）"], ["1", "長野県", "3", "12,000"]),
        T(["都道府県", "交付決定額"], ["愛媛県", "9,800"]),
    ]])
    assert found(doc) == []
