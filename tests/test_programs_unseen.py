"""Programmes, requirements and fact links on documents the extractors were never tuned
on: press releases, 公募要領, programme pages, 交付金 pages, pages that mention other
programmes in passing, and the many heading styles ministries use (■ ◆ 【】 〔〕 第1章
Ⅰ/Ⅱ 1-1). HTML pages go through the real decoder (pipeline.documents) from the bytes a
ministry's server would send; PDFs are laid out as pdf_blocks lays them out (one block
per line, with its page) and built with build_document.

Fiscal years: a 補正予算 (supplementary budget) belongs to the fiscal year it amends:
令和7年度補正 is FY2025, even though its calls run in 2026.
"""
from __future__ import annotations

import re
from functools import cache

import pytest

from extractors import awards, contacts, deadlines, programs, requirements
from extractors.model import Document, RawBlock, build_document
from extractors.programs import program_at
from pipeline.documents import decode_document

FETCHED = "2026-11-24T00:00:00Z"


HTML_BYTES: dict[str, bytes] = {}  # url -> the bytes served, for the end-to-end build


def html(url: str, body: str, encoding: str = "utf-8") -> Document:
    """Decode a page as the crawler would: bytes in the site's encoding, charset in <meta>."""
    meta = "Shift_JIS" if encoding == "cp932" else encoding
    page = f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="{meta}">{body}</html>'
    HTML_BYTES[url] = page.encode(encoding)
    return decode_document(url, HTML_BYTES[url], "text/html", FETCHED)


def pdf(url: str, pages: list[list[str]], title: str | None = None) -> Document:
    """A PDF as pdf_blocks reads it: lines in reading order, each with its page."""
    blocks = [RawBlock("paragraph", line, page=n) for n, lines in enumerate(pages, 1) for line in lines]
    return build_document(url, "pdf", blocks, title=title, publisher=None, fetched_at=FETCHED)


# ------------------------------------------------------------------ the documents


@cache
def digital_press() -> Document:
    """デジタル庁 press release: 1 概要 / 2 公募期間 / 3 応募方法 / 4 問合せ先."""
    return html("https://www.digital.go.jp/news/3f2b6a0c-madoguchi-koubo", """
<title>「自治体窓口DX推進事業」の公募を開始します｜デジタル庁</title></head><body>
<header><nav><a href="/">ホーム</a> &gt; <a href="/news">ニュース</a></nav></header>
<main>
<h1>「自治体窓口DX推進事業」の公募を開始します</h1>
<p>公開日：2025年7月1日</p>
<p>デジタル庁では、住民の利便性向上と職員の業務効率化を図るため、「書かないワンストップ窓口」の導入に取り組む地方公共団体を支援する「自治体窓口DX推進事業」の公募を開始します。</p>
<h2>1　概要</h2>
<p>本事業は、窓口業務の見直し（BPR）と窓口支援システムの導入に要する経費の一部を補助するものです。</p>
<p>補助率：２分の１以内　補助上限額：１団体あたり１，５００万円</p>
<h2>2　公募期間</h2>
<p>令和７年７月１日（火）から令和７年８月２９日（金）１７時００分まで</p>
<h2>3　応募方法</h2>
<p>公募要領をご確認の上、応募様式に必要事項を記入し、電子メールにより提出してください。</p>
<ul><li><a href="/assets/koubo.pdf">公募要領（PDF/512KB）</a></li><li><a href="/assets/yoshiki.xlsx">応募様式（Excel/40KB）</a></li></ul>
<h2>4　問合せ先</h2>
<p>デジタル庁 国民向けサービスグループ 窓口DX担当<br>担当：高橋、中村<br>電話：03-4477-6775（代表）<br>E-mail：madoguchi-dx@digital.go.jp</p>
</main><footer><p>Copyright Digital Agency, Government of Japan</p></footer></body>""")


@cache
def soumu_press_supplementary() -> Document:
    """総務省 press release (Shift_JIS) of a 令和7年度補正 programme's second call."""
    return html("https://www.soumu.go.jp/menu_news/s-news/01gyosei07_02000321.html", """
<title>総務省｜報道資料｜令和７年度補正予算「自治体生成ＡＩ活用推進事業」に係る二次公募の開始</title></head><body>
<div id="breadcrumbs"><a href="/">ホーム</a> &gt; 報道資料</div>
<div id="contentsWrapper">
<h1>令和７年度補正予算「自治体生成ＡＩ活用推進事業」に係る二次公募の開始</h1>
<p class="date">令和８年１月１６日</p>
<p>総務省は、令和７年度補正予算「自治体生成ＡＩ活用推進事業」について、一次公募に続き、二次公募を実施します。</p>
<h2>1　事業概要</h2>
<p>地方公共団体が行う生成ＡＩの業務活用に係る実証に要する経費を補助します。</p>
<p>補助率：１／２　補助上限額：１団体あたり２，０００万円</p>
<h2>2　公募対象</h2>
<p>都道府県、市区町村（一部事務組合及び広域連合を含む。）</p>
<h2>3　公募期間</h2>
<p>令和８年１月１６日（金）～令和８年２月２７日（金）正午</p>
<h2>4　公募説明会</h2>
<p>令和８年１月２２日（木）１４時からオンラインにて開催します（事前登録制）。</p>
<h2>5　連絡先</h2>
<p>総務省 自治行政局 行政経営支援室<br>担当：鈴木課長補佐、田中係長<br>電話：03-5253-5525（直通）<br>E-mail：gen-ai_atmark_soumu.go.jp</p>
</div></body>""", encoding="cp932")


YOURYOU_URL = "https://www.soumu.go.jp/main_content/000998877.pdf"


@cache
def koubo_youryou() -> Document:
    """公募要領 PDF: 第1 目的 … 第5 応募要件 with (1)–(5) and ア/イ/ウ sub-items."""
    return pdf(YOURYOU_URL, [
        [
            "令和８年度",
            "地域防災デジタル化推進事業費補助金",
            "公募要領",
            "令和８年４月",
            "総務省 情報流通行政局",
            "第１　目的",
            "本補助金は、地方公共団体が行う防災情報システムのクラウド化及び避難所運営のデジタル化を支援し、",
            "もって地域の防災力の向上に資することを目的とする。",
            "第２　補助対象事業",
            "本補助金の対象となる事業は、次に掲げる事業とする。",
            "（１）防災情報の収集・伝達に係るシステムの整備",
            "（２）避難所運営のデジタル化に係るシステムの整備",
            "第３　補助対象者",
            "補助対象者は、次に掲げる者とする。",
            "（１）都道府県及び市区町村",
            "（２）一部事務組合及び広域連合",
            "（３）地方公共団体が出資する法人（第三セクター）",
        ],
        [
            "第４　補助率・補助上限額",
            "補助率は２分の１以内とし、１件当たりの補助上限額は３，０００万円とする。",
            "第５　応募要件",
            "応募者は、次の要件をすべて満たすこと。",
            "（１）地域防災計画に本事業の内容が位置付けられていること。",
            "（２）次のいずれかの推進体制を整えていること。",
            "ア　首長を本部長とする推進本部を設置していること。",
            "イ　ＣＩＯ又はＣＩＯ補佐官を任命していること。",
            "ウ　外部デジタル人材を活用していること。",
            "（３）事業完了後も５年以上継続して運用すること。",
            "（４）国の他の補助金等と重複して申請していないこと。",
            "（５）暴力団等の反社会的勢力と関係を有しないこと。",
        ],
        [
            "第６　公募期間",
            "令和８年４月１５日（水）から令和８年５月２９日（金）１７時まで（必着）",
            "第７　問合せ先",
            "総務省 情報流通行政局 地域通信振興課 防災デジタル化担当",
            "電話：03-5253-5756（直通）",
            "E-mail：bousai-dx_atmark_soumu.go.jp",
        ],
    ])


@cache
def courses_page() -> Document:
    """A programme page with A/B コース and 一次/二次公募 sections (Shift_JIS)."""
    return html("https://www.soumu.go.jp/main_sosiki/jichi_gyousei/dx_leader/index.html", """
<title>地域ＤＸリーダー育成事業 - 総務省</title></head><body>
<div id="contentsWrapper">
<h1>地域ＤＸリーダー育成事業</h1>
<p>総務省では、地方公共団体のＤＸを牽引する人材を育成するため、研修と実践支援を組み合わせた「地域ＤＸリーダー育成事業」を実施しています。</p>
<h2>事業の概要</h2>
<p>オンライン研修と専門家による実践支援を通じて、庁内のＤＸ推進を担う職員を育成します。</p>
<h2>コースの種類</h2>
<h3>Ａコース（基礎研修コース）</h3>
<p>対象：市区町村の職員（１団体あたり２名まで）</p>
<h3>Ｂコース（実践支援コース）</h3>
<p>対象：都道府県及び市区町村</p>
<p>※ 過去に本事業の支援を受けた団体は対象外です。</p>
<h2>公募スケジュール</h2>
<h3>【一次公募】</h3>
<p>募集期間：令和７年５月７日（水）～６月６日（金）</p>
<h3>【二次公募】</h3>
<p>募集期間：令和７年８月１日（金）～８月２９日（金）</p>
<h2>お問い合わせ</h2>
<p>総務省 自治行政局 地域力創造グループ 地域情報化企画室<br>電話：03-5253-5394<br>メール：dx-leader_atmark_soumu.go.jp</p>
</div></body>""", encoding="cp932")


@cache
def kofukin_digital() -> Document:
    """内閣府's page of a 交付金 with its TYPE1/2/3; the successor 交付金 named in passing."""
    return html("https://www.chisou.go.jp/sousei/about/mirai/digital_jissou.html", """
<title>デジタル田園都市国家構想交付金（デジタル実装タイプ）｜内閣府地方創生推進事務局</title></head><body>
<main>
<h1>デジタル田園都市国家構想交付金（デジタル実装タイプ）</h1>
<p>デジタル田園都市国家構想交付金（デジタル実装タイプ）は、デジタルを活用した地域の課題解決や魅力向上の実現に向けて、他の地域で既に確立されている優良モデル等を活用した実装の取組を支援するものです。</p>
<p>なお、令和６年度補正予算以降は、「新しい地方経済・生活環境創生交付金」のデジタル実装型として実施しています。</p>
<h2>対象となる事業</h2>
<h3>TYPE1（優良モデル導入支援型）</h3>
<p>他の地域で既に確立されている優良なモデル・サービスを活用した実装の取組を支援します。</p>
<p>補助率：１／２　上限：国費１億円</p>
<h3>TYPE2（データ連携基盤活用型）</h3>
<p>データ連携基盤を活用し、複数のサービスを実装する取組を支援します。</p>
<p>補助率：１／２　上限：国費２億円</p>
<h3>TYPE3（マイナンバーカード高度利用型）</h3>
<p>マイナンバーカードの新規利用シーンを創出する取組を支援します。</p>
<p>補助率：２／３　上限：国費４億円</p>
<h2>交付対象</h2>
<p>都道府県及び市区町村</p>
<h2>募集期間</h2>
<p>令和６年１月１０日（水）～令和６年２月９日（金）</p>
<h2>問い合わせ先</h2>
<p>内閣府地方創生推進事務局 デジタル実装担当<br>電話：03-6257-1416<br>E-mail：digital-jissou.x7k@cao.go.jp</p>
</main></body>""")


@cache
def kofukin_new() -> Document:
    """The 新しい地方経済・生活環境創生交付金 page: ◆ headings naming its 型 (kinds)."""
    return html("https://www.chisou.go.jp/sousei/about/shin_kofukin/index.html", """
<title>新しい地方経済・生活環境創生交付金 - 内閣府地方創生推進事務局</title></head><body>
<main>
<h1>新しい地方経済・生活環境創生交付金</h1>
<p>令和６年度補正予算において創設された交付金で、地方公共団体の自主的・主体的な取組を支援します。</p>
<h2>◆ 第２世代交付金</h2>
<p>地域の多様な主体の参画による地方創生の取組を支援します。</p>
<h2>◆ デジタル実装型</h2>
<p>デジタル技術を活用した地域の課題解決の取組を支援します。補助率：１／２</p>
<h2>◆ 地域防災緊急整備型</h2>
<p>避難所の生活環境の改善に資する取組を支援します。</p>
<h2>◆ 関連資料</h2>
<ul>
<li><a href="y.pdf">交付要綱（PDF）</a></li>
<li><a href="j.pdf">「デジタル田園都市国家構想交付金」の活用事例集（PDF）</a></li>
</ul>
<h2>◆ お問い合わせ先</h2>
<p>内閣府地方創生推進事務局 電話：03-6257-1410</p>
</main></body>""")


@cache
def passing_mentions() -> Document:
    """A policy page naming programmes only in passing (「…事業」の活用, link lists)."""
    return html("https://www.soumu.go.jp/menu_seisaku/chiho/jichitai_dx/index.html", """
<title>総務省｜自治体ＤＸの推進</title></head><body>
<div id="contentsWrapper">
<h1>自治体ＤＸの推進</h1>
<p>総務省では、自治体ＤＸ推進計画を策定し、地方公共団体のＤＸの取組を支援しています。</p>
<h2>1．自治体ＤＸ推進計画</h2>
<p>重点取組事項として、情報システムの標準化・共通化、マイナンバーカードの普及促進等を掲げています。</p>
<h2>2．関連する支援策</h2>
<p>地方公共団体の皆様におかれては、「地域社会ＤＸ推進パッケージ事業」の活用もご検討ください。</p>
<ul>
<li>「地域活性化起業人」制度の活用</li>
<li>地域情報化アドバイザー派遣制度</li>
<li>デジタル人材確保支援事業</li>
</ul>
<h2>3．参考資料</h2>
<ul><li><a href="k.pdf">自治体ＤＸ推進手順書（PDF）</a></li></ul>
<h2>4．問合せ先</h2>
<p>総務省 自治行政局 地域力創造グループ 地域情報化企画室<br>電話：03-5253-5525</p>
</div></body>""", encoding="cp932")


@cache
def heading_styles() -> Document:
    """実施要領 PDF with 第1章, 1-1, Ⅰ/Ⅱ, ■, 【】 and 〔〕 headings."""
    return pdf("https://www.soumu.go.jp/main_content/001002003.pdf", [
        [
            "令和７年度補正予算",
            "ローカル５Ｇ等活用型地域課題解決推進事業",
            "実施要領",
            "第１章　総則",
            "１－１　目的",
            "本事業は、ローカル５Ｇ等の無線通信技術を活用して地域課題の解決を図る取組を支援するものである。",
            "１－２　用語の定義",
            "この要領において「実施主体」とは、第２章に定める事業を実施する者をいう。",
            "第２章　事業の内容",
            "Ⅰ　実証タイプ",
            "新たなソリューションの技術実証を行う。",
            "■　補助対象者",
            "地方公共団体、民間事業者、大学等で構成されるコンソーシアム",
            "【補助率】",
            "定額（上限５，０００万円）",
        ],
        [
            "Ⅱ　実装タイプ",
            "実証済みのソリューションを地域に実装する。",
            "■　補助対象者",
            "地方公共団体",
            "【補助率】",
            "補助率：１／２（上限１億円）",
            "第３章　応募手続",
            "〔公募期間〕",
            "令和８年２月２日（月）～令和８年３月１３日（金）",
            "〔問合せ先〕",
            "総務省 総合通信基盤局 電波部 移動通信課",
            "電話：03-5253-5896",
            "E-mail：local5g-jissou_atmark_soumu.go.jp",
        ],
    ])


@cache
def results_page() -> Document:
    """A results page: the programme's 採択団体 (selected bodies) in a table."""
    return html("https://www.soumu.go.jp/menu_news/s-news/01gyosei07_02000350.html", """
<title>総務省｜報道資料｜令和７年度「地域おこしＤＸ支援事業」の採択団体の決定</title></head><body>
<div id="contentsWrapper">
<h1>令和７年度「地域おこしＤＸ支援事業」の採択団体の決定</h1>
<p class="date">令和７年９月３０日</p>
<p>総務省は、令和７年度「地域おこしＤＸ支援事業」について、外部有識者による審査を踏まえ、以下の団体を採択しましたので、お知らせします。</p>
<h2>1　採択団体</h2>
<table>
<tr><th>No.</th><th>都道府県</th><th>団体名</th></tr>
<tr><td>1</td><td>岩手県</td><td>遠野市</td></tr>
<tr><td>2</td><td>長野県</td><td>小布施町</td></tr>
<tr><td>3</td><td>鹿児島県</td><td>与論町</td></tr>
</table>
<h2>2　今後の予定</h2>
<p>採択団体に対し、令和７年１０月中旬から支援を開始します。</p>
<h2>3　連絡先</h2>
<p>総務省 自治行政局 地域自立応援課<br>電話：03-5253-5391<br>E-mail：okoshi-dx_atmark_soumu.go.jp</p>
</div></body>""", encoding="cp932")


@cache
def square_sections() -> Document:
    """■ section headings (概要, 応募方法, スケジュール, 問合せ先, 関連資料) and a sentence heading."""
    return html("https://www.soumu.go.jp/menu_seisaku/ictseisaku/iot_model/koubo.html", """
<title>「公共施設ＩｏＴ化モデル事業」の公募について - 総務省</title></head><body>
<div id="contentsWrapper">
<h1>「公共施設ＩｏＴ化モデル事業」の公募について</h1>
<h2>■ 概要</h2>
<p>公共施設の維持管理にＩｏＴを活用するモデルを構築する地方公共団体を募集します。</p>
<h2>■ 本事業への応募を検討されている皆様へ</h2>
<p>応募前に事務局へご相談ください。</p>
<h2>■ 応募方法</h2>
<p>応募書類を電子メールで事務局へ提出してください。</p>
<h2>■ スケジュール</h2>
<p>応募締切：令和７年１０月３１日（金）１７時</p>
<p>採択結果の公表：令和７年１２月上旬（予定）</p>
<h2>■ 問合せ先</h2>
<p>公共施設ＩｏＴ化モデル事業 事務局（株式会社地域ＩｏＴ総研）<br>電話：03-6821-4400<br>E-mail：iot-model@example-jimukyoku.co.jp</p>
<h2>■ 関連資料</h2>
<ul><li><a href="a.pdf">公募要領（PDF）</a></li></ul>
</div></body>""", encoding="cp932")


@cache
def itaku_youryou() -> Document:
    """委託事業 公募要領 PDF whose applicants are companies, universities and NPOs."""
    return pdf("https://www.soumu.go.jp/main_content/001004005.pdf", [
        [
            "令和８年度 地域デジタル人材育成プログラム開発事業",
            "（委託事業）公募要領",
            "１．事業の目的",
            "地方公共団体の職員向けデジタル研修プログラムを開発し、全国に展開する。",
            "２．応募資格",
            "次の（１）から（３）までの要件を満たす者とする。",
            "（１）民間企業・団体、大学、特定非営利活動法人等の法人格を有する団体であること。",
            "（２）日本国内に拠点を有すること。",
            "（３）予算決算及び会計令第70条及び第71条の規定に該当しない者であること。",
            "※ 地方公共団体は応募できません。",
            "３．事業規模",
            "１件当たり５，０００万円（税込）を上限とする。",
            "４．提出期限",
            "令和８年３月１８日（水）正午",
            "５．提出先・問合せ先",
            "総務省 自治行政局 地域情報化企画室 人材育成担当",
            "電話：03-5253-5525",
        ],
    ])


@cache
def twin_programmes() -> Document:
    """A page describing two programmes side by side, each with its own call."""
    return html("https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/chiiki_ict/index.html", """
<title>地域ＩＣＴ支援施策 - 総務省</title></head><body>
<div id="contentsWrapper">
<h1>地域ＩＣＴ支援施策</h1>
<p>総務省が実施する地域のＩＣＴ利活用に関する支援施策を紹介します。</p>
<h2>1-1 地域情報通信基盤整備推進事業</h2>
<p>条件不利地域における光ファイバ等の整備を支援します。</p>
<p>補助率：１／３</p>
<p>公募期間：令和７年４月１日（火）～令和７年５月９日（金）</p>
<p>担当：地域通信振興課 電話：03-5253-5757</p>
<h2>1-2 地域公共ネットワーク強靱化事業</h2>
<p>防災拠点等の公共ネットワークの強靱化を支援します。</p>
<p>公募期間：令和７年６月２日（月）～令和７年７月４日（金）</p>
<p>担当：地域通信振興課 電話：03-5253-5758</p>
<h2>2 関連情報</h2>
<p>過去の採択事例は、「地域情報通信基盤整備推進事業」の事例集をご覧ください。</p>
</div></body>""", encoding="cp932")


ALL = [digital_press, soumu_press_supplementary, koubo_youryou, courses_page, kofukin_digital, kofukin_new,
       passing_mentions, heading_styles, results_page, square_sections, itaku_youryou, twin_programmes]


def tree(found) -> list[tuple[str, str | None]]:
    """(name, parent name) per programme key, first section only."""
    names = {}
    for p in found:
        names.setdefault(p.key, p.name)
    seen, out = set(), []
    for p in found:
        if p.key not in seen:
            seen.add(p.key)
            out.append((p.name, names.get(p.parent_key) if p.parent_key else None))
    return out


def names(found) -> list[str]:
    return [p.name for p in found]


def first(found, name: str):
    return next(p for p in found if p.name == name)


def at(doc: Document, found, needle: str, nth: int = 0) -> str | None:
    """Name of the programme a fact written at `needle` links to (the build's rule)."""
    offset = -1
    for _ in range(nth + 1):
        offset = doc.text.index(needle, offset + 1)
    linked = program_at(found, offset)
    return linked.name if linked else None


def req_rows(doc: Document):
    rows = requirements.extract(doc)
    for r in rows:
        assert doc.text[r.evidence.char_start:r.evidence.char_end] == r.evidence.quote
    return rows


# ------------------------------------------------------------------ the programme trees


def test_digital_agency_press_release_names_its_programme_from_the_title_sentence():
    doc = digital_press()
    found = programs.extract(doc)
    assert tree(found) == [("自治体窓口DX推進事業", None)]
    main = found[0]
    assert main.ministry == "デジタル庁"
    assert main.fiscal_year is None  # no 年度 written: the build derives it from the period
    assert (main.subsidy_rate, main.cap_yen) == ("1/2以内", 15_000_000)
    # 「書かないワンストップ窓口」 is quoted in the lead but names no programme
    assert "書かないワンストップ窓口" not in names(found)


def test_press_release_of_a_supplementary_budget_call():
    doc = soumu_press_supplementary()
    found = programs.extract(doc)
    assert tree(found) == [
        ("自治体生成AI活用推進事業", None),
        ("自治体生成AI活用推進事業 二次公募", "自治体生成AI活用推進事業"),
    ]
    # 令和7年度補正 is the supplementary budget of FY2025: the programme is FY2025
    assert [p.fiscal_year for p in found] == [2025, 2025]
    assert found[1].round == "二次"
    # the programme's terms, not the call's
    assert (found[0].subsidy_rate, found[0].cap_yen) == ("1/2", 20_000_000)
    assert {p.ministry for p in found} == {"総務省"}


def test_koubo_youryou_pdf_chapters_are_not_programmes():
    doc = koubo_youryou()
    found = programs.extract(doc)
    assert tree(found) == [("地域防災デジタル化推進事業費補助金", None)]
    grant = found[0]
    assert (grant.ministry, grant.fiscal_year) == ("総務省", 2026)
    assert (grant.subsidy_rate, grant.cap_yen, grant.budget_yen) == ("1/2以内", 30_000_000, None)
    assert grant.span == (0, len(doc.text))


def test_courses_and_rounds_of_a_programme_page():
    doc = courses_page()
    found = programs.extract(doc)
    assert tree(found) == [
        ("地域DXリーダー育成事業", None),
        ("Aコース 基礎研修コース", "地域DXリーダー育成事業"),
        ("Bコース 実践支援コース", "地域DXリーダー育成事業"),
        ("地域DXリーダー育成事業 一次公募", "地域DXリーダー育成事業"),
        ("地域DXリーダー育成事業 二次公募", "地域DXリーダー育成事業"),
    ]
    assert [p.round for p in found] == [None, None, None, "一次", "二次"]
    assert found[1].key.endswith("/Aコース")


def test_kofukin_with_its_types():
    doc = kofukin_digital()
    found = programs.extract(doc)
    assert tree(found) == [
        ("デジタル田園都市国家構想交付金", None),
        ("デジタル実装タイプ", "デジタル田園都市国家構想交付金"),
        ("TYPE1 優良モデル導入支援型", "デジタル実装タイプ"),
        ("TYPE2 データ連携基盤活用型", "デジタル実装タイプ"),
        ("TYPE3 マイナンバーカード高度利用型", "デジタル実装タイプ"),
    ]
    assert [(p.subsidy_rate, p.cap_yen) for p in found[2:]] == [
        ("1/2", 100_000_000), ("1/2", 200_000_000), ("2/3", 400_000_000)]
    # the successor 交付金 is named in a sentence only: no node
    assert not any("新しい" in p.name for p in found)
    assert {p.ministry for p in found} == {"内閣府"}


def test_new_kofukin_with_diamond_headings():
    doc = kofukin_new()
    found = programs.extract(doc)
    assert tree(found) == [
        ("新しい地方経済・生活環境創生交付金", None),  # 新しい: hiragana, but an adjective in a name
        ("第2世代交付金", "新しい地方経済・生活環境創生交付金"),
        ("デジタル実装型", "新しい地方経済・生活環境創生交付金"),
        ("地域防災緊急整備型", "新しい地方経済・生活環境創生交付金"),
    ]
    assert first(found, "デジタル実装型").subsidy_rate == "1/2"


def test_programmes_named_in_passing_make_no_nodes():
    doc = passing_mentions()
    assert programs.extract(doc) == []


def test_heading_styles_chapters_roman_numerals_and_brackets():
    doc = heading_styles()
    found = programs.extract(doc)
    assert tree(found) == [
        ("ローカル5G等活用型地域課題解決推進事業", None),
        ("実証タイプ", "ローカル5G等活用型地域課題解決推進事業"),
        ("実装タイプ", "ローカル5G等活用型地域課題解決推進事業"),
    ]
    assert {p.fiscal_year for p in found} == {2025}  # 令和7年度補正予算
    assert [(p.subsidy_rate, p.cap_yen) for p in found[1:]] == [("定額", 50_000_000), ("1/2", 100_000_000)]


def test_results_page_programme_and_year():
    found = programs.extract(results_page())
    assert tree(found) == [("地域おこしDX支援事業", None)]
    assert found[0].fiscal_year == 2025


def test_square_section_headings_are_not_programmes():
    found = programs.extract(square_sections())
    assert tree(found) == [("公共施設IoT化モデル事業", None)]


def test_kind_of_work_in_brackets_is_not_a_part():
    found = programs.extract(itaku_youryou())
    assert tree(found) == [("地域デジタル人材育成プログラム開発事業", None)]
    assert (found[0].fiscal_year, found[0].cap_yen) == (2026, 50_000_000)


def test_two_programmes_side_by_side():
    doc = twin_programmes()
    found = programs.extract(doc)
    assert tree(found) == [("地域情報通信基盤整備推進事業", None), ("地域公共ネットワーク強靱化事業", None)]
    assert found[0].subsidy_rate == "1/3"


# ------------------------------------------------------------------ where facts link


LINKS = {
    digital_press: [
        ("令和7年7月1日(火)から", "自治体窓口DX推進事業"),
        ("デジタル庁 国民向けサービスグループ", "自治体窓口DX推進事業"),
        ("補助率:2分の1以内", "自治体窓口DX推進事業"),
    ],
    soumu_press_supplementary: [
        ("令和8年1月16日(金)〜", "自治体生成AI活用推進事業 二次公募"),
        ("令和8年1月22日(木)14時", "自治体生成AI活用推進事業 二次公募"),
        ("gen-ai_atmark_soumu.go.jp", "自治体生成AI活用推進事業 二次公募"),
        ("都道府県、市区町村(一部事務組合", "自治体生成AI活用推進事業 二次公募"),
    ],
    koubo_youryou: [
        ("令和8年4月15日(水)", "地域防災デジタル化推進事業費補助金"),
        ("bousai-dx_atmark", "地域防災デジタル化推進事業費補助金"),
        ("ア 首長を本部長", "地域防災デジタル化推進事業費補助金"),
    ],
    courses_page: [
        ("市区町村の職員(1団体あたり2名まで)", "Aコース 基礎研修コース"),
        ("※ 過去に本事業の支援", "Bコース 実践支援コース"),
        ("令和7年5月7日", "地域DXリーダー育成事業 一次公募"),
        ("令和7年8月1日", "地域DXリーダー育成事業 二次公募"),
        ("dx-leader_atmark", "地域DXリーダー育成事業"),
    ],
    kofukin_digital: [
        ("上限:国費1億円", "TYPE1 優良モデル導入支援型"),
        ("上限:国費4億円", "TYPE3 マイナンバーカード高度利用型"),
        ("令和6年1月10日", "デジタル実装タイプ"),
        ("digital-jissou.x7k@cao.go.jp", "デジタル実装タイプ"),
    ],
    kofukin_new: [("03-6257-1410", "新しい地方経済・生活環境創生交付金")],
    passing_mentions: [("03-5253-5525", None)],
    heading_styles: [
        ("地方公共団体、民間事業者、大学等", "実証タイプ"),
        ("定額(上限5,000万円)", "実証タイプ"),
        ("補助率:1/2(上限1億円)", "実装タイプ"),
        ("令和8年2月2日", "ローカル5G等活用型地域課題解決推進事業"),
        ("local5g-jissou_atmark", "ローカル5G等活用型地域課題解決推進事業"),
    ],
    results_page: [
        ("1 | 岩手県 | 遠野市", "地域おこしDX支援事業"),
        ("3 | 鹿児島県 | 与論町", "地域おこしDX支援事業"),
        ("令和7年10月中旬", "地域おこしDX支援事業"),
        ("okoshi-dx_atmark", "地域おこしDX支援事業"),
    ],
    square_sections: [
        ("令和7年10月31日", "公共施設IoT化モデル事業"),
        ("令和7年12月上旬", "公共施設IoT化モデル事業"),
        ("iot-model@", "公共施設IoT化モデル事業"),
    ],
    itaku_youryou: [
        ("令和8年3月18日", "地域デジタル人材育成プログラム開発事業"),
        ("※ 地方公共団体は応募できません", "地域デジタル人材育成プログラム開発事業"),
        ("03-5253-5525", "地域デジタル人材育成プログラム開発事業"),
    ],
    twin_programmes: [
        ("令和7年4月1日", "地域情報通信基盤整備推進事業"),
        ("03-5253-5757", "地域情報通信基盤整備推進事業"),
        ("令和7年6月2日", "地域公共ネットワーク強靱化事業"),
        ("03-5253-5758", "地域公共ネットワーク強靱化事業"),
    ],
}


@pytest.mark.parametrize("make", ALL, ids=lambda f: f.__name__)
def test_fact_positions_link_to_the_expected_programme(make):
    doc = make()
    found = programs.extract(doc)
    for needle, expected in LINKS[make]:
        assert at(doc, found, needle) == expected, needle


@pytest.mark.parametrize("make", ALL, ids=lambda f: f.__name__)
def test_every_extracted_fact_gets_a_programme_when_the_page_has_one(make):
    doc = make()
    found = programs.extract(doc)
    facts = deadlines.extract(doc) + contacts.extract(doc) + awards.extract(doc) + requirements.extract(doc)
    assert facts
    linked = [program_at(found, f.evidence.char_start) for f in facts]
    if found:
        assert None not in linked
    else:
        assert set(linked) == {None}


@pytest.mark.parametrize("make", ALL, ids=lambda f: f.__name__)
def test_programmes_are_names_not_sections_or_sentences(make):
    doc = make()
    section = re.compile(r"^(?:概要|事業概要|応募方法|スケジュール|問合せ先|お問い合わせ先?|関連資料|連絡先|公募期間"
                         r"|補助対象事業|補助対象者|目的|総則)$")
    seen: set[str] = set()
    for p in programs.extract(doc):
        assert not section.match(p.name), p.name
        assert "。" not in p.name and "、" not in p.name and len(p.name) <= 45, p.name
        assert not re.search(r"(?:を|が|は|について|します|ください)", p.name), p.name
        assert p.parent_key is None or p.parent_key in seen
        seen.add(p.key)
        assert doc.text[p.evidence.char_start:p.evidence.char_end] == p.evidence.quote
        assert 0 <= p.span[0] <= p.span[1] <= len(doc.text)


# ------------------------------------------------------------------ requirements


def test_youryou_applicants_and_conditions_with_sub_items():
    rows = req_rows(koubo_youryou())
    applicants = [(r.ordinal, r.applicant_types) for r in rows if r.kind == "eligible_applicant"]
    assert applicants == [
        (1, ["都道府県", "市区町村"]),
        (2, ["一部事務組合・広域連合"]),
        (3, ["地方公共団体が出資する法人"]),
    ]
    conditions = [r for r in rows if r.kind == "condition"]
    assert [r.ordinal for r in conditions] == [1, 2, 3, 4, 5]
    # ア/イ/ウ stay with (2), the item they detail
    assert conditions[1].text.splitlines() == [
        "次のいずれかの推進体制を整えていること。",
        "ア 首長を本部長とする推進本部を設置していること。",
        "イ CIO又はCIO補佐官を任命していること。",
        "ウ 外部デジタル人材を活用していること。",
    ]
    assert conditions[2].text == "事業完了後も5年以上継続して運用すること。"
    assert {r.group_label for r in conditions} == {"応募要件"}


def test_press_release_applicants_include_unions_of_local_governments():
    rows = [r for r in req_rows(soumu_press_supplementary()) if r.kind == "eligible_applicant"]
    assert [r.applicant_types for r in rows] == [["都道府県", "市区町村", "一部事務組合・広域連合"]]


def test_course_applicants_and_exclusion():
    rows = req_rows(courses_page())
    assert [(r.kind, r.group_label, r.applicant_types) for r in rows] == [
        ("eligible_applicant", "Aコース 対象", ["市区町村"]),
        ("eligible_applicant", "Bコース 対象", ["都道府県", "市区町村"]),
        ("exclusion", "Bコース 対象", []),
    ]


def test_itaku_applicants_and_carved_out_local_governments():
    rows = req_rows(itaku_youryou())
    assert [(r.kind, r.ordinal, r.applicant_types) for r in rows if r.kind != "budget"] == [
        ("eligible_applicant", 1, ["企業・団体", "大学・研究機関", "非営利法人"]),
        ("eligible_applicant", 2, []),
        ("eligible_applicant", 3, []),
        ("exclusion", 3, ["地方公共団体"]),  # the ※ note under (3) is its own row
    ]


def test_heading_styles_applicants_per_type():
    rows = [r for r in req_rows(heading_styles()) if r.kind == "eligible_applicant"]
    assert [r.applicant_types for r in rows] == [["地方公共団体", "企業・団体", "大学・研究機関"], ["地方公共団体"]]
    budget = [r.text for r in req_rows(heading_styles()) if r.kind == "budget"]
    assert budget == ["定額(上限5,000万円)", "1/2(上限1億円)"]  # 〔公募期間〕 is not swallowed


def test_kofukin_applicants():
    rows = [r for r in req_rows(kofukin_digital()) if r.kind == "eligible_applicant"]
    assert [(r.group_label, r.applicant_types) for r in rows] == [("交付対象", ["都道府県", "市区町村"])]


# ------------------------------------------------------------------ end to end

# Which programmes can a 市区町村 (a 町, say) apply to: an applicant row naming 市区町村
# or 地方公共団体 (of which a 町 is one); exclusions are shown, not applied (they are
# often partial: 財政力指数が1以上の団体は対象外).
MUNICIPALITY_QUERY = """
select p.name, par.name as parent, p.ministry, p.fiscal_year,
       (select group_concat(x.text, ' / ') from requirements x
        where x.program_id = p.id and x.kind = 'exclusion') as exclusions
from programs p
left join programs par on par.id = p.parent_id
where exists (
  select 1 from requirements r, json_each(r.applicant_types) t
  where r.program_id = p.id and r.kind = 'eligible_applicant' and t.value in ('市区町村', '地方公共団体'))
order by p.name
"""


def test_unseen_html_pages_build_and_answer_which_calls_a_town_can_apply_to(tmp_path):
    import datetime as dt
    import sqlite3

    from pipeline.build import build
    from pipeline.corpus import CorpusWriter

    for make in ALL:
        make()  # fills HTML_BYTES
    with CorpusWriter(tmp_path, "unseen") as writer:
        for url, body in sorted(HTML_BYTES.items()):
            writer.write_exchange(url, [], 200, "OK", [("Content-Type", "text/html")], body)
    db_path = tmp_path / "koubo.db"
    report = build(tmp_path, db_path, today=dt.date(2025, 7, 15))
    assert report.documents == len(HTML_BYTES) and report.failed == 0
    con = sqlite3.connect(db_path)
    rows = con.execute(MUNICIPALITY_QUERY).fetchall()
    found = {name: (parent, exclusions) for name, parent, _, _, exclusions in rows}
    assert sorted(found) == sorted([
        "自治体生成AI活用推進事業 二次公募", "Aコース 基礎研修コース", "Bコース 実践支援コース", "デジタル実装タイプ"])
    assert found["Aコース 基礎研修コース"] == ("地域DXリーダー育成事業", None)
    assert found["Bコース 実践支援コース"] == ("地域DXリーダー育成事業", "※ 過去に本事業の支援を受けた団体は対象外です。")
    assert found["デジタル実装タイプ"][0] == "デジタル田園都市国家構想交付金"
    # every fact of a page that has a programme is linked to one
    for table in ("deadlines", "contacts", "awards", "requirements"):
        unlinked = con.execute(f"""select count(*) from {table} f join documents d on d.id = f.document_id
            where f.program_id is null and exists (select 1 from program_documents pd where pd.document_id = d.id)
            """).fetchone()[0]
        assert unlinked == 0, table
    # the calls of the courses page are open/closed by their own periods; FY from the period
    calls = dict(con.execute("select name, status from programs where round is not null and name like '地域DX%'"))
    assert calls == {"地域DXリーダー育成事業 一次公募": "closed", "地域DXリーダー育成事業 二次公募": "upcoming"}
    years = dict(con.execute("select name, fiscal_year from programs"))
    assert years["自治体窓口DX推進事業"] == 2025  # from its 令和7年7月〜8月 period
    assert years["自治体生成AI活用推進事業"] == 2025  # 令和7年度補正
    con.close()
