"""Contact sections written the way other ministries' pages and PDFs write them (none of
them is one of the bundled seeds), decoded end to end: HTML bytes through
pipeline.documents.decode_document, PDF-like documents through build_document with pages.

What counts, as in the gold file: every e-mail address and every phone number printed
in the document's content (a switchboard 代表 number and a 相談ダイヤル help line
included); a FAX number is not a phone; postal codes, budget figures, 法人番号
(corporate numbers), dates, URLs and place-holder addresses are nothing.
"""
from __future__ import annotations

import re

import pytest

from extractors.contacts import extract
from extractors.model import Contact, Document, RawBlock, build_document
from pipeline.documents import decode_document


def html_doc(body: str, url: str = "https://www.soumu.go.jp/menu_news/s-news/01gyosei01_02000999.html",
             encoding: str = "cp932") -> Document:
    charset = "Shift_JIS" if encoding == "cp932" else encoding
    page = (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="{charset}"><title>報道資料</title></head>'
        f"<body><div id=\"header\"><a href=\"/\">総務省</a></div><div id=\"contents\">{body}</div>"
        '<div id="footer"><address>〒100-8926 東京都千代田区霞が関2-1-2 中央合同庁舎第2号館<br>'
        "電話 03-5253-5111（代表）</address></div></body></html>"
    )
    return decode_document(url, page.encode(encoding), f"text/html; charset={charset}")


def pdf_doc(pages: list[list[RawBlock]], url: str = "https://www.soumu.go.jp/main_content/001000999.pdf",
            publisher: str | None = "総務省") -> Document:
    blocks = [RawBlock(b.kind, b.text, page=n, level=b.level, rows=b.rows) for n, page in enumerate(pages, 1) for b in page]
    return build_document(url, "pdf", blocks, publisher=publisher)


def P(text: str) -> RawBlock:  # noqa: N802 - a short constructor for readable fixtures
    return RawBlock("paragraph", text)


def H(text: str, level: int = 2) -> RawBlock:  # noqa: N802
    return RawBlock("heading", text, level=level)


def T(*rows: list[str]) -> RawBlock:  # noqa: N802
    return RawBlock("table", rows=list(rows))


def found(doc: Document) -> tuple[list[Contact], set[str], set[str]]:
    contacts = extract(doc)
    for c in contacts:
        assert doc.text[c.evidence.char_start : c.evidence.char_end] == c.evidence.quote
    emails = {c.email for c in contacts if c.email}
    phones = {c.phone for c in contacts if c.phone}
    return contacts, emails, phones


def digits(numbers: set[str]) -> set[str]:
    return {re.sub(r"\D", "", n) for n in numbers}


# --- 1. the standard 総務省 press-release footer ---------------------------------------------

SOUMU_RELEASE = """
<h1>「地域デジタル基盤活用推進事業」に係る提案の公募</h1>
<p class="date">令和8年4月10日</p>
<p>総務省は、令和8年度「地域デジタル基盤活用推進事業」について、提案の公募を実施します。</p>
<h2>1　公募期間</h2>
<p>令和８年４月10日（金）から同年５月15日（金）17時まで</p>
<h2>2　提出先</h2>
<p>下記連絡先まで電子メールにより提出してください。</p>
<div class="contact">
<p>連絡先<br>
情報流通行政局　地域通信振興課　デジタル経済推進室<br>
担当：高橋課長補佐、中村係長、小林官<br>
電話：０３－５２５３－５７５６（直通）<br>
ＦＡＸ：０３－５２５３－５７５９<br>
Ｅ－ｍａｉｌ：ｄｘ＿ｋｉｂａｎ＿ｋｏｕｂｏ＿ａｔｍａｒｋ＿ｍｌ．ｓｏｕｍｕ．ｇｏ．ｊｐ<br>
（迷惑メール対策のため、「@」を「_atmark_」と表示しております。送信の際には、「@」に変更してください。）</p>
</div>
"""


def test_soumu_press_release_footer() -> None:
    contacts, emails, phones = found(html_doc(SOUMU_RELEASE))
    assert emails == {"dx_kiban_koubo@ml.soumu.go.jp"}
    assert phones == {"03-5253-5756"}  # FAX and the site footer's switchboard are not
    [c] = contacts
    assert c.department == "情報流通行政局 地域通信振興課 デジタル経済推進室"
    assert c.persons == "高橋課長補佐、中村係長、小林官"
    assert c.phone_label == "直通"


# --- 2. 内閣府 style: TEL / FAX / Mail on their own lines ------------------------------------

CAO_PAGE = """
<h1>デジタル田園都市国家構想交付金（デジタル実装タイプ）の募集について</h1>
<p>内閣府地方創生推進事務局では、令和８年度の申請を受け付けます。</p>
<h3>【問い合わせ先】</h3>
<p>内閣府地方創生推進事務局<br>
参事官（デジタル実装担当）付<br>
TEL：03-6257-1419<br>
FAX：03-3581-2517<br>
Mail：denen-jisso.r8.h3m@cao.go.jp</p>
<p>※お問い合わせはできる限りメールでお願いします。</p>
"""


def test_cabinet_office_tel_fax_mail() -> None:
    contacts, emails, phones = found(
        html_doc(CAO_PAGE, url="https://www.chisou.go.jp/sousei/about/mirai/r8_boshu.html", encoding="utf-8")
    )
    assert emails == {"denen-jisso.r8.h3m@cao.go.jp"}
    assert phones == {"03-6257-1419"}
    assert contacts[0].organization == "内閣府"


# --- 3. a table of several divisions, each with its phone (FAX in its own column) --------

DIVISIONS_TABLE = """
<h2>お問い合わせ先</h2>
<table border="1">
<tr><th>事業名</th><th>担当課室</th><th>電話番号</th><th>FAX番号</th><th>メールアドレス</th></tr>
<tr><td>地域情報化アドバイザー派遣制度</td><td>地域情報化企画室</td><td>03-5253-5525</td><td>03-5253-5526</td><td>ict-adviser_atmark_ml.soumu.go.jp</td></tr>
<tr><td>地域活性化起業人</td><td>地域自立応援課</td><td>03-5253-5394</td><td>03-5253-5537</td><td>kigyoujin_atmark_soumu.go.jp</td></tr>
<tr><td>自治体DX推進計画</td><td>自治行政局 住民制度課 デジタル基盤推進室</td><td>03-5253-5397</td><td>03-5253-5592</td><td>jichitai-dx_atmark_ml.soumu.go.jp</td></tr>
</table>
<p>※迷惑メール対策のため「@」を「_atmark_」と表示しております。</p>
"""


def test_table_of_divisions_fax_column_is_not_a_phone() -> None:
    contacts, emails, phones = found(html_doc(DIVISIONS_TABLE))
    assert emails == {"ict-adviser@ml.soumu.go.jp", "kigyoujin@soumu.go.jp", "jichitai-dx@ml.soumu.go.jp"}
    assert phones == {"03-5253-5525", "03-5253-5394", "03-5253-5397"}
    # one contact per row, each with its own division
    rows = {(c.department, c.phone, c.email) for c in contacts}
    assert ("地域自立応援課", "03-5253-5394", "kigyoujin@soumu.go.jp") in rows
    assert len(contacts) == 3


# --- 4. a definition list 担当 / 電話 / FAX / メール -----------------------------------------

DEFINITION_LIST = """
<h2>問合せ先</h2>
<dl>
<dt>担当</dt><dd>自治行政局 地域力創造グループ 地域政策課</dd>
<dt>電話</dt><dd>03-5253-5523（直通）</dd>
<dt>FAX</dt><dd>03-5253-5530</dd>
<dt>メール</dt><dd>chiiki-seisaku＠soumu.go.jp</dd>
</dl>
"""


def test_definition_list() -> None:
    contacts, emails, phones = found(html_doc(DEFINITION_LIST))
    assert emails == {"chiiki-seisaku@soumu.go.jp"}  # a full-width ＠
    assert phones == {"03-5253-5523"}


# --- 5. switchboard with extension; two phones on one line -----------------------------------

SWITCHBOARD = """
<h2>本件連絡先</h2>
<p>デジタル庁 国民向けサービスグループ<br>
担当：渡辺、伊藤<br>
代表電話：03-4477-6775（内線４０１２３）<br>
電話：03-4477-6780／050-3786-2201（IP電話）<br>
メールアドレス：kokumin-service[at]digital.go.jp</p>
"""


def test_switchboard_with_extension_and_two_phones_on_one_line() -> None:
    contacts, emails, phones = found(html_doc(SWITCHBOARD, url="https://www.digital.go.jp/news/abc", encoding="utf-8"))
    assert emails == {"kokumin-service@digital.go.jp"}
    assert phones == {"03-4477-6775", "03-4477-6780", "050-3786-2201"}
    assert {c.organization for c in contacts} == {"デジタル庁"}


# --- 6. mailto: links whose text differs from the address -----------------------------------

MAILTO = """
<h2>お問い合わせ</h2>
<p>総務省 自治財政局 財務調査課<br>
電話：03-5253-5647<br>
E-mail：<a href="mailto:zaimu-chousa@soumu.go.jp">zaimu-chousa_atmark_soumu.go.jp</a><br>
ご意見は<a href="mailto:iken-boshu@soumu.go.jp">こちら</a>からお寄せください。</p>
"""


def test_mailto_link_counts_as_written() -> None:
    _, emails, phones = found(html_doc(MAILTO))
    # Only what the page prints: the こちら link's target is not in the content.
    assert emails == {"zaimu-chousa@soumu.go.jp"}
    assert phones == {"03-5253-5647"}


# --- 7. a PDF whose addresses wrap over a line break ------------------------------------------

def test_pdf_address_split_over_a_line_break() -> None:
    doc = pdf_doc([
        [H("地域社会DX推進事業 公募要領", 1), P("1. 事業の目的\n本事業は、地域のデジタル実装を支援するものである。")],
        [
            H("9. 問合せ先"),
            P("地域社会DX推進事業 事務局(株式会社ジャパンリサーチ総研 社会システム本部)"),
            P("電話:03-6205-7710(受付時間:平日10時〜17時)"),
            P("E-mail:chiiki-dx-suishin-jimukyoku@japan-research-\nsouken.co.jp"),
            P("総務省 情報流通行政局 地域通信振興課"),
            P("電話:03-5253-5756 E-mail:chiikidx-r8@ml.soumu.\ngo.jp"),
            T(["担当", "連絡先"], ["デジタル経済推進室", "電話:03-5253-5757\nE-mail:dx-keizai-suishin_atmark_ml.sou\nmu.go.jp"]),
        ],
    ])
    _, emails, phones = found(doc)
    assert emails == {
        "chiiki-dx-suishin-jimukyoku@japan-research-souken.co.jp",
        "chiikidx-r8@ml.soumu.go.jp",
        "dx-keizai-suishin@ml.soumu.go.jp",
    }
    assert phones == {"03-6205-7710", "03-5253-5756", "03-5253-5757"}


def test_pdf_address_wrapped_with_a_space() -> None:
    """pdf_blocks joins wrapped Latin lines with a space."""
    doc = pdf_doc([[H("問合せ先"), P("E-mail:digital-kiban-shien@ml.sou mu.go.jp"), P("電話:03-5253-5758")]])
    _, emails, _ = found(doc)
    assert emails == {"digital-kiban-shien@ml.soumu.go.jp"}


# --- 8. an inquiry form instead of an address --------------------------------------------------

FORM_ONLY = """
<h2>お問い合わせ</h2>
<p>本事業に関するお問い合わせは、<a href="https://www.digital.go.jp/inquiry">問い合わせフォーム</a>からお願いします。</p>
<p>https://form.digital.go.jp/inquiry?to=jigyo@digital.go.jp</p>
<p>電話でのお問い合わせは受け付けておりません。</p>
"""


def test_inquiry_form_only_gives_nothing() -> None:
    contacts, emails, phones = found(html_doc(FORM_ONLY, url="https://www.digital.go.jp/policies/x", encoding="utf-8"))
    assert (emails, phones) == (set(), set())


# --- 9. numbers in body text ---------------------------------------------------------------------

BODY_NUMBERS = """
<h1>令和8年度 地域DX人材確保支援事業 採択結果</h1>
<p>予算額：1,234,567千円（事業番号 0123-4567）</p>
<p>受託者：株式会社デジタル地域研究所（法人番号 1234567890123）</p>
<p>〒102-0083 東京都千代田区麹町4-2-7</p>
<p>申請書類はFAX（03-5253-5591）では受け付けません。</p>
<p>自治体DXに関する相談は「自治体DX相談ダイヤル」0120-660-870（平日9時30分〜17時）でも受け付けています。</p>
<p>説明会は令和8年5月20日14時00分から15時30分まで開催します（受付番号 2026-0520）。</p>
<p>詳細は https://www.soumu.go.jp/main_content/001035253.pdf を参照してください。</p>
"""


def test_body_numbers_help_line_counts_figures_do_not() -> None:
    _, emails, phones = found(html_doc(BODY_NUMBERS))
    assert phones == {"0120-660-870"}
    assert emails == set()


# --- 10. URLs with @, place-holder addresses ----------------------------------------------------

PLACEHOLDERS = """
<h2>申請方法</h2>
<p>件名を「【申請】団体名」とし、電子メールで提出してください（例：taro.yamada@example.jp）。</p>
<p>送信元アドレスは、xxxx@pref.xxxx.lg.jp のように団体のドメインのものとしてください。</p>
<p>○○＠city.○○.lg.jp のようなアドレスも可とします。</p>
<p>参考：https://note.com/@soumu_dx/n/n12345 及び https://user:pass@files.example-cloud.jp/dx</p>
<h2>提出先</h2>
<p>地域情報化推進室　E-mail：chiiki-joho_atmark_ml.soumu.go.jp</p>
"""


def test_urls_and_placeholders_are_not_addresses() -> None:
    _, emails, phones = found(html_doc(PLACEHOLDERS))
    assert emails == {"chiiki-joho@ml.soumu.go.jp"}
    assert phones == set()


# --- 11. obfuscations: ● declared by the page, [at], (アットマーク) -----------------------------

OBFUSCATED = """
<h2>問合せ先</h2>
<p>○ 公募全般について<br>
地方創生推進室　電話：03-6257-1411<br>
メール：sousei-koubo●cas.go.jp<br>
○ システム要件について<br>
デジタル基盤担当　電話：03-6257-1415<br>
メール：kiban-youken（アットマーク）cas.go.jp<br>
○ 事務局<br>
メール：r8-jimukyoku [at] chiiki-support.or.jp</p>
<p>※メールアドレスの「●」は半角の「@」に置き換えて送信してください。</p>
"""


def test_obfuscated_addresses() -> None:
    _, emails, phones = found(html_doc(OBFUSCATED, url="https://www.chisou.go.jp/a.html", encoding="utf-8"))
    assert emails == {"sousei-koubo@cas.go.jp", "kiban-youken@cas.go.jp", "r8-jimukyoku@chiiki-support.or.jp"}
    assert phones == {"03-6257-1411", "03-6257-1415"}


def test_unbracketed_declaration_of_a_token() -> None:
    doc = html_doc("<h2>連絡先</h2><p>E-mail：koubo-uketsuke★ml.soumu.go.jp<br>★を@に変えて送信してください。</p>")
    assert found(doc)[1] == {"koubo-uketsuke@ml.soumu.go.jp"}


# --- 12. a PDF's last page carries the ministry's address and switchboard -----------------------

def test_pdf_last_page_switchboard_counts() -> None:
    doc = pdf_doc([
        [H("令和8年度 情報通信利用促進支援事業 公募要領", 1), P("本要領は、支援事業の公募について定めるものである。")],
        [
            H("10. 問い合わせ先"),
            P("総務省 情報流通行政局 情報通信政策課 情報通信利用促進室"),
            P("電話:03-5253-5748(直通) FAX:03-5253-6041"),
            P("E-mail:riyou-sokushin_atmark_ml.soumu.go.jp"),
            P("総務省\n〒100-8926 東京都千代田区霞が関2-1-2 中央合同庁舎第2号館\n電話 03-5253-5111(代表)"),
        ],
    ])
    contacts, emails, phones = found(doc)
    assert emails == {"riyou-sokushin@ml.soumu.go.jp"}
    assert phones == {"03-5253-5748", "03-5253-5111"}
    division = next(c for c in contacts if c.phone == "03-5253-5748")
    assert division.organization == "総務省"


# --- 13. a prefectures table in an 採択結果 page ------------------------------------------------

PREFECTURES = """
<h2>各都道府県の連絡先</h2>
<table>
<tr><th>都道府県</th><th>担当部署</th><th>電話</th></tr>
<tr><td>北海道</td><td>総合政策部 次世代社会戦略局 デジタル戦略推進課</td><td>011-204-5191</td></tr>
<tr><td>長野県</td><td>企画振興部 DX推進課</td><td>026-235-7059</td></tr>
<tr><td>沖縄県</td><td>企画部 デジタル社会推進課</td><td>098-866-2035</td></tr>
</table>
"""


def test_prefectures_table() -> None:
    contacts, emails, phones = found(html_doc(PREFECTURES))
    assert phones == {"011-204-5191", "026-235-7059", "098-866-2035"}
    assert emails == set()
    assert ("長野県", "企画振興部 DX推進課", "026-235-7059") in {(c.organization, c.department, c.phone) for c in contacts}


# --- 14. many written forms of one number and of the labels -------------------------------------

FORMS = """
<h2>連絡先</h2>
<p>消防庁 防災情報室<br>
ＴＥＬ ０３（５２５３）７５２６　／　Ｆａｘ ０３（５２５３）７５３６<br>
℡ 03-5253-7527<br>
電話（ダイヤルイン）：03-5253-7528<br>
受付時間：9:30〜18:15（土日祝日を除く）</p>
"""


def test_written_forms_of_numbers_and_labels() -> None:
    _, _, phones = found(html_doc(FORMS, url="https://www.fdma.go.jp/pressrelease/x.html", encoding="utf-8"))
    assert phones == {"03-5253-7526", "03-5253-7527", "03-5253-7528"}


# --- 15. TEL/FAX shared number; phone and fax labels in a row of a PDF table ---------------------

def test_pdf_table_with_phone_and_fax_columns() -> None:
    doc = pdf_doc([[
        H("7. 提出先・問合せ先"),
        T(
            ["区分", "担当", "TEL", "FAX", "E-mail"],
            ["提出先", "一般社団法人 地域情報化推進機構 事業部", "03-3295-0201", "03-3295-0202", "jigyou@chiiki-joho.or.jp"],
            ["問合せ先", "総務省 地域情報化企画室", "03-5253-5525", "-", "chiiki-joho-kikaku@soumu.go.jp"],
        ),
        P("〇〇市役所 TEL/FAX:0268-22-1111"),
    ]])
    _, emails, phones = found(doc)
    assert emails == {"jigyou@chiiki-joho.or.jp", "chiiki-joho-kikaku@soumu.go.jp"}
    assert phones == {"03-3295-0201", "03-5253-5525", "0268-22-1111"}


def test_fax_label_on_the_line_above_the_number() -> None:
    doc = pdf_doc([[H("問合せ先"), P("電話番号\n03-5253-5111(内線 41234)\nFAX番号\n03-5253-5760\nメールアドレス\nkikaku-shitsu@soumu.go.jp")]])
    _, emails, phones = found(doc)
    assert phones == {"03-5253-5111"}
    assert emails == {"kikaku-shitsu@soumu.go.jp"}


# --- 16. two addresses on one line, separated by Japanese punctuation ----------------------------

def test_two_addresses_and_a_trailing_sentence() -> None:
    doc = html_doc(
        "<h2>問合せ先</h2><p>E-mail：shinsei-a@ml.soumu.go.jp、shinsei-b@ml.soumu.go.jp（いずれも件名に団体名を記載）</p>"
        "<p>電話：03-5253-5111（代表）内線：41234、41235</p>"
    )
    _, emails, phones = found(doc)
    assert emails == {"shinsei-a@ml.soumu.go.jp", "shinsei-b@ml.soumu.go.jp"}
    assert phones == {"03-5253-5111"}


# --- 17. the same contact repeated on a page counts once; the scorer sees distinct values ---------

def test_repeated_contact_is_distinct_once() -> None:
    block = "<h3>＜問合せ先＞</h3><p>総務省 情報流通行政局 地域通信振興課<br>電話：03-5253-5756<br>E-mail：chiiki-dx@ml.soumu.go.jp</p>"
    doc = html_doc("<h2>一次公募</h2>" + block + "<h2>二次公募</h2>" + block)
    _, emails, phones = found(doc)
    assert (emails, digits(phones)) == ({"chiiki-dx@ml.soumu.go.jp"}, {"0352535756"})


@pytest.mark.parametrize(
    ("line", "email"),
    [
        ("E-mail：koubo-r8_at_ml.soumu.go.jp", "koubo-r8@ml.soumu.go.jp"),
        ("E-mail：koubo-r8【at】ml.soumu.go.jp", "koubo-r8@ml.soumu.go.jp"),
        ("E-mail：koubo-r8＜at＞ml.soumu.go.jp", "koubo-r8@ml.soumu.go.jp"),
        ("メール：koubo-r8 ＠ ml.soumu.go.jp", "koubo-r8@ml.soumu.go.jp"),
    ],
)
def test_more_at_forms(line: str, email: str) -> None:
    doc = html_doc(f"<h2>問合せ先</h2><p>{line}</p>")
    assert found(doc)[1] == {email}


# --- 18. a 公募要領 PDF whose last pages show a filled-in example form (記入例) ------------------

def test_example_form_shows_nobodys_contact() -> None:
    doc = pdf_doc([
        [H("8. 問合せ先"), P("総務省 自治行政局 地域力創造グループ 地域情報化企画室"),
         P("電話:03-5253-5525(直通)"), P("E-mail:chiiki-jouhouka@soumu.go.jp")],
        [H("様式1 応募申請書(記入例)"),
         T(["団体名", "○○市"], ["担当者", "総務課 総務 太郎"], ["電話番号", "03-1234-5678"],
           ["E-mail", "taro_soumu@city.xxx.lg.jp"]),
         P("連絡先の記入例:(例)03-5253-5757、(例)kikaku@city.shibecha.lg.jp"),
         P("※フリーダイヤル(0120-000-000)は記載しないでください。")],
    ])
    _, emails, phones = found(doc)
    assert emails == {"chiiki-jouhouka@soumu.go.jp"}
    assert phones == {"03-5253-5525"}


# --- 19. 内閣官房 style: a switchboard on the line under the direct line ------------------------

CAS_RELEASE = """
<h2>【本件連絡先】</h2>
<p>内閣官房 デジタル行財政改革会議事務局<br>
担当：山本参事官補佐、佐々木主査<br>
電話：03-6257-3870（直通）<br>
　　　03-5253-2111（代表）<br>
Tel: +81-3-6257-3871 (English)</p>
<p>ご不明な点は、03-6257-3872（総括担当）までお電話ください。資料はメール（gyouzaisei-shiryou@cas.go.jp）でもお送りします。</p>
"""


def test_cabinet_secretariat_switchboard_on_its_own_line() -> None:
    contacts, emails, phones = found(
        html_doc(CAS_RELEASE, url="https://www.cas.go.jp/jp/houdou/r8.html", encoding="utf-8")
    )
    assert phones == {"03-6257-3870", "03-5253-2111", "03-6257-3871", "03-6257-3872"}
    assert emails == {"gyouzaisei-shiryou@cas.go.jp"}
    assert any(c.organization == "内閣官房" for c in contacts)


# --- 20. a list of the regional bureaus (総合通信局), each with its phone ----------------------

BUREAUS = """
<h2>各総合通信局の窓口</h2>
<table>
<tr><th>管轄</th><th>窓口</th><th>電話番号</th></tr>
<tr><td>北海道</td><td>北海道総合通信局 情報通信部 情報通信振興課</td><td>011-709-2311（内線4718）</td></tr>
<tr><td>東北</td><td>東北総合通信局 情報通信部 情報通信振興課</td><td>022-221-0668</td></tr>
<tr><td>九州</td><td>九州総合通信局 情報通信部 情報通信振興課</td><td>096-326-7836</td></tr>
<tr><td>沖縄</td><td>沖縄総合通信事務所 情報通信課</td><td>098-865-2304</td></tr>
</table>
"""


def test_regional_bureaus_table() -> None:
    contacts, emails, phones = found(html_doc(BUREAUS))
    assert phones == {"011-709-2311", "022-221-0668", "096-326-7836", "098-865-2304"}
    assert {(c.organization, c.phone) for c in contacts} >= {
        ("北海道総合通信局", "011-709-2311"), ("沖縄総合通信事務所", "098-865-2304")
    }


# --- 20b. regional offices beside the prefectures they cover: the office is the organisation ------

OFFICES = """
<h2>申請に関するお問い合わせ先</h2>
<table>
<tr><th>管轄区域</th><th>担当事務所</th><th>電話番号</th></tr>
<tr><td>北海道</td><td>北海道経済産業局 地域経済課</td><td>011-709-1780</td></tr>
<tr><td>青森県、岩手県、宮城県、秋田県、山形県、福島県</td><td>東北経済産業局 地域経済課</td><td>022-221-4876</td></tr>
<tr><td>沖縄県</td><td>沖縄総合事務局 経済産業部 地域経済課</td><td>098-866-1730</td></tr>
<tr><td>沖縄県</td><td>沖縄総合通信事務所</td><td>098-865-2300</td></tr>
</table>
"""


def test_a_place_column_is_not_the_organisation_of_an_office_named_after_it() -> None:
    contacts, _, phones = found(html_doc(OFFICES))
    assert phones == {"011-709-1780", "022-221-4876", "098-866-1730", "098-865-2300"}
    assert {(c.organization, c.phone) for c in contacts} == {
        ("北海道経済産業局", "011-709-1780"), ("東北経済産業局", "022-221-4876"),
        ("沖縄総合事務局", "098-866-1730"), ("沖縄総合通信事務所", "098-865-2300"),
    }


# --- 21. an award page: figures, dates and codes, no contact at all ----------------------------

AWARDS = """
<h1>令和8年度 地域社会DX推進パッケージ事業（推進体制構築支援）の支援地域の決定</h1>
<p>総務省は、令和8年5月29日までに応募のあった団体から、以下の12団体を選定しました。</p>
<table>
<tr><th>No.</th><th>都道府県</th><th>団体名</th><th>団体コード</th><th>交付決定額</th></tr>
<tr><td>1</td><td>北海道</td><td>標茶町</td><td>016624</td><td>12,345,678円</td></tr>
<tr><td>2</td><td>長野県</td><td>上田市</td><td>202037</td><td>9,876,543円</td></tr>
<tr><td>3</td><td>熊本県</td><td>熊本市</td><td>431001</td><td>10,000,000円</td></tr>
</table>
<p>（参考）令和7年度補正予算額：1,234,567千円、事業番号：2025-0352-5757</p>
"""


def test_award_page_has_no_contacts() -> None:
    contacts, emails, phones = found(html_doc(AWARDS))
    assert (contacts, emails, phones) == ([], set(), set())


# --- 22. working hours and notes beside the numbers -------------------------------------------

HOURS = """
<h2>お問い合わせ先</h2>
<p>こども家庭庁 成育局 成育基盤企画課<br>
TEL：03-6771-8030（平日 9:30～18:15）　FAX：03-3595-2610<br>
E-mail：seiiku-kiban.r8@cfa.go.jp（件名に「【問合せ】団体名」と記載してください）</p>
"""


def test_hours_and_notes_beside_the_numbers() -> None:
    _, emails, phones = found(html_doc(HOURS, url="https://www.cfa.go.jp/policies/x", encoding="utf-8"))
    assert phones == {"03-6771-8030"}
    assert emails == {"seiiku-kiban.r8@cfa.go.jp"}


# --- 23. what pdf_blocks gives for a LibreOffice PDF: a one-line paragraph, then a table with a
#     header row of labels whose one row wraps an address inside its cell -----------------------

def test_pdf_label_header_table_after_a_paragraph() -> None:
    doc = pdf_doc([[
        H("9.問合せ先"),
        P("地域社会DX推進事業 事務局(株式会社ジャパンリサーチ総研 社会システム本部)担当:山田、鈴木 "
          "電話:03-6205-7710(受付時間:平日10時〜17時)E-mail:chiiki-dx-jimukyoku@japan-research-souken.co.jp"),
        T(["担当", "TEL", "FAX", "E-mail"],
          ["デジタル経済推進室", "03-5253-5757", "03-5253-5759", "dx-keizai-\nsuishin_atmark_ml.soumu.go.jp"]),
    ]])
    contacts, emails, phones = found(doc)
    assert emails == {"chiiki-dx-jimukyoku@japan-research-souken.co.jp", "dx-keizai-suishin@ml.soumu.go.jp"}
    assert phones == {"03-6205-7710", "03-5253-5757"}
    rows = {(c.organization, c.department, c.phone, c.email) for c in contacts}
    assert rows == {
        ("株式会社ジャパンリサーチ総研", "社会システム本部", "03-6205-7710", "chiiki-dx-jimukyoku@japan-research-souken.co.jp"),
        (None, "デジタル経済推進室", "03-5253-5757", "dx-keizai-suishin@ml.soumu.go.jp"),
    }
    row = next(c for c in contacts if c.phone == "03-5253-5757")
    assert row.evidence.quote.endswith("suishin_atmark_ml.soumu.go.jp")  # the whole wrapped row


# --- corrigenda: the 誤 (wrong) / 訂正前 (before correction) value is nobody's contact -------

CORRIGENDUM_COLUMNS = """
<h1>「地域DX推進事業」公募要領の訂正について</h1>
<p>公募要領の記載に誤りがありましたので、下記のとおり訂正いたします。</p>
<table border="1">
<tr><th>箇所</th><th>誤</th><th>正</th></tr>
<tr><td>７．問い合わせ先（電話）</td><td>０３－５２５３－５５３８</td><td>０３－５２５３－５５３９</td></tr>
<tr><td>７．問い合わせ先（メール）</td><td>chiiki-dx_atmark_soumu.go.jp</td><td>chiiki-dx2_atmark_ml.soumu.go.jp</td></tr>
</table>
<p>※迷惑メール対策のため「@」を「_atmark_」と表示しております。</p>
"""


def test_a_corrigendum_table_keeps_only_the_corrected_value() -> None:
    contacts, emails, phones = found(html_doc(CORRIGENDUM_COLUMNS))
    assert phones == {"03-5253-5539"}
    assert emails == {"chiiki-dx2@ml.soumu.go.jp"}


@pytest.mark.parametrize(("old", "new"), [("訂正前", "訂正後"), ("変更前", "変更後"), ("旧", "新"), ("【誤】", "【正】")])
def test_before_and_after_columns(old: str, new: str) -> None:
    body = (
        "<h2>変更内容</h2><table border='1'>"
        f"<tr><th>項目</th><th>{old}</th><th>{new}</th></tr>"
        "<tr><td>提出先の電話番号</td><td>TEL：０６－６９４１－０３５１</td><td>TEL：０６－６９４１－０３５２</td></tr>"
        "</table>"
    )
    _, _, phones = found(html_doc(body, url="https://www.city.example.lg.jp/soshiki/dx/teisei.html", encoding="utf-8"))
    assert phones == {"06-6941-0352"}


def test_rows_headed_wrong_and_right() -> None:
    body = (
        "<p>お問い合わせ先に誤りがありました。</p><table border='1'>"
        "<tr><th>誤</th><td>地域政策課　電話：０９９－２８６－２４０１　E-mail：chiiki@pref.kakuu.lg.jp</td></tr>"
        "<tr><th>正</th><td>地域政策課　電話：０９９－２８６－２４０２　E-mail：chiiki-seisaku@pref.kakuu.lg.jp</td></tr>"
        "</table>"
    )
    _, emails, phones = found(html_doc(body, url="https://www.pref.kakuu.lg.jp/teisei.html", encoding="utf-8"))
    assert phones == {"099-286-2402"}
    assert emails == {"chiiki-seisaku@pref.kakuu.lg.jp"}


def test_inline_wrong_and_right_on_one_line_and_labels_on_lines_above() -> None:
    doc = pdf_doc([[
        H("正誤表"),
        P("p.5 問い合わせ先 (誤)電話:03-3581-0001 → (正)電話:03-3581-0002"),
        P("【訂正前】"),
        P("事務局 E-mail:old-desk@example-jimukyoku.co.jp"),
        P("【訂正後】"),
        P("事務局 E-mail:desk@example-jimukyoku.co.jp"),
    ]])
    _, emails, phones = found(doc)
    assert phones == {"03-3581-0002"}
    assert emails == {"desk@example-jimukyoku.co.jp"}
