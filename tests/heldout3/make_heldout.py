"""Build the third held-out mirror (tests/heldout3/mirror) from the hand-written page
bodies in tests/heldout3/src, the way tests/heldout2/make_heldout.py builds the second.

Site chrome and the LibreOffice PDF conversion come from the first two sets (imported
from their make_heldout.py); this set adds a 内閣官房 page (cas.go.jp) served in EUC-JP
with the charset only in <meta>, an English page of 総務省, a 九州総合通信局 page with
the bureau's own footer, and a PDF made from a slide deck (16:9 pages, one big title
per page, a timeline drawn as a table).

Nothing under extractors/ or pipeline/ was tuned on these documents (docs/heldout.md,
"Third set"). Run only when a source page changes:

    .venv/bin/python tests/heldout3/make_heldout.py
"""
from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
MIRROR = HERE / "mirror"
NOTE = "held-out document written for koubo's evaluation (tests/heldout3); not a live capture"


def _second_set():
    spec = importlib.util.spec_from_file_location("heldout2_make", HERE.parent / "heldout2" / "make_heldout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


H2 = _second_set()
H1 = H2.H1


@dataclass(frozen=True)
class Page:
    url: str
    src: str
    site: str  # soumu_press | soumu_policy | soumu_en | kyushu | cas | cao | chisou | digital | pdf | slides
    title: str
    crumbs: tuple[str, ...] = ()
    content_type: str | None = None  # None: what the site template's server sends


PAGES = (
    Page("https://www.soumu.go.jp/main_content/001057310.pdf", "a_soumu_shoukai_tsuuchi.pdf.html", "pdf",
         "「地方公共団体におけるAI・RPA等の導入状況等調査」について（照会）"),
    Page("https://www.soumu.go.jp/menu_seisaku/chiho/jyouhou_security/r8_kyodo_kanshi.html",
         "b_soumu_security_boshu_tsuuchi.html", "soumu_policy",
         "「令和８年度 自治体情報セキュリティ共同監視モデル事業」に係る参加団体の募集について（通知）",
         ("政策", "地方行財政", "自治体の情報セキュリティ", "共同監視モデル事業")),
    Page("https://www.cas.go.jp/jp/seisaku/digital_gyozaikaikaku/kikaku_r7_jinzai.html", "c_cas_kikaku_kyousou.html",
         "cas", "「地方公共団体におけるデジタル人材シェアリングに関する調査研究」に係る企画競争の実施について"),
    Page("https://www.digital.go.jp/news/b71e0c3d-4a92-4f5e-8d16-0e3a9c7f52d1", "d_digital_gcloud_senkou.html",
         "digital", "ガバメントクラウド共同利用方式による運用経費削減実証の参加団体を募集します"),
    Page("https://www.soumu.go.jp/main_content/001049902.pdf", "e_soumu_frontyard_slides.pdf.html", "slides",
         "令和7年度 自治体フロントヤード改革モデル事業 公募説明資料"),
    Page("https://www.soumu.go.jp/main_content/001054488.pdf", "f_soumu_jinzai_ichiran.pdf.html", "pdf",
         "令和7年度 地域DX人材共同確保支援事業 採択団体一覧"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01gyosei07_02000231.html", "g_soumu_genai_saitaku.html",
         "soumu_press", "「令和7年度 自治体生成AI業務活用モデル事業」の採択団体の決定"),
    Page("https://www.cao.go.jp/bousai-dx/kyoudou_riyou/boshu_r7.html", "h_cao_bousai_kyoudou_boshu.html", "cao",
         "防災情報システム共同利用実証 参加団体の募集（募集期間：令和7年9月1日〜10月10日）",
         ("防災情報システム共同利用実証", "参加団体の募集")),
    Page("https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/kiban_koufukin/r8_koubo.html",
         "i_soumu_kiban_koufukin.html", "soumu_policy",
         "令和８年度 地域情報通信基盤整備推進交付金（公衆無線LAN・光ファイバ）の公募",
         ("政策", "情報通信（ICT政策）", "地域情報通信基盤整備推進交付金", "令和８年度公募"),
         "text/html; charset=Shift_JIS"),
    Page("https://www.soumu.go.jp/main_sosiki/joho_tsusin/eng/pressrelease/2025/6/02_01.html", "j_soumu_english.html",
         "soumu_en", "Call for Proposals: Local 5G Demonstration Projects for Regional Disaster Resilience (FY2025)"),
    Page("https://www.chisou.go.jp/sousei/about/mirai/r7_dai2kai_boshu.html", "k_chisou_society5_dai2kai.html",
         "chisou", "デジタル田園都市国家構想交付金（デジタル実装タイプ）令和7年度第2回募集について",
         ("地方創生の取組", "デジタル田園都市国家構想交付金", "令和7年度第2回募集")),
    Page("https://www.soumu.go.jp/soutsu/kyushu/press/250912_1.html", "l_kyushu_saitaku_nijikoubo.html", "kyushu",
         "「九州地域デジタル活用支援モデル事業」の採択団体の決定及び二次公募の実施"),
)

# ---------------------------------------------------------------- extra site chrome

# 内閣官房: an older static page in EUC-JP; the server sends no charset.
CAS_PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">
<!-- {note} -->
<title>{title}｜内閣官房ホームページ</title>
<link rel="stylesheet" href="/jp/common/css/style.css" type="text/css">
</head>
<body>
<div id="header">
<p class="logo"><a href="/index.html"><img src="/jp/common/img/logo.gif" alt="内閣官房 Cabinet Secretariat"></a></p>
<ul class="hnavi">
<li><a href="/jp/sitemap.html">サイトマップ</a></li>
<li><a href="/index-e.html">English</a></li>
<li><a href="/jp/goiken/index.html">ご意見・ご感想</a></li>
</ul>
</div>
<div id="gnavi"><ul>
<li><a href="/index.html">トップ</a></li>
<li><a href="/jp/seisaku/index.html">政策課題</a></li>
<li><a href="/jp/houdou/index.html">報道発表</a></li>
<li><a href="/jp/chotatsu/index.html">調達情報</a></li>
</ul></div>
<div id="pankuzu"><a href="/index.html">トップ</a> &gt; <a href="/jp/seisaku/index.html">政策課題</a> &gt; <a href="/jp/seisaku/digital_gyozaikaikaku/index.html">デジタル行財政改革</a> &gt; 企画競争</div>
<div id="contents">
{body}
</div>
<div id="footer">
<p><a href="/jp/privacy.html">個人情報の取扱い</a>｜<a href="/jp/link.html">リンク・著作権等について</a></p>
<address>内閣官房　〒100-8968 東京都千代田区永田町1-6-1　電話番号 03-5253-2111（代表）</address>
<p>Copyright &copy; Cabinet Secretariat. All Rights Reserved.</p>
</div>
</body>
</html>
"""

SOUMU_EN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<!-- {note} -->
<title>{title} | Ministry of Internal Affairs and Communications</title>
<link rel="stylesheet" href="/main_sosiki/joho_tsusin/eng/css/style.css">
</head>
<body>
<div id="header">
<p id="logo"><a href="/english/index.html"><img src="/english/img/logo.gif" alt="Ministry of Internal Affairs and Communications"></a></p>
<ul id="headerNavi">
<li><a href="/index.html">Japanese</a></li>
<li><a href="/english/sitemap.html">Site Map</a></li>
</ul>
</div>
<div id="topicpath"><p><a href="/english/index.html">Home</a> &gt; <a href="/main_sosiki/joho_tsusin/eng/index.html">Information and Communications</a> &gt; <a href="/main_sosiki/joho_tsusin/eng/pressrelease/index.html">Press Releases</a> &gt; {title}</p></div>
<div id="contents">
{body}
</div>
<div id="footer">
<p><a href="/english/policy.html">Site Policy</a> | <a href="/english/privacy.html">Privacy Policy</a></p>
<address>Ministry of Internal Affairs and Communications, 2-1-2 Kasumigaseki, Chiyoda-ku, Tokyo 100-8926, Japan. Tel: +81-3-5253-5111 (Switchboard)</address>
<p>Copyright &copy; Ministry of Internal Affairs and Communications. All Rights Reserved.</p>
</div>
</body>
</html>
"""

KYUSHU_FOOT = H2.SOUTSU_FOOT.replace("/soutsu/tohoku/", "/soutsu/kyushu/").replace(
    "総務省 東北総合通信局　〒980-8795　宮城県仙台市青葉区本町3-2-23　仙台第2合同庁舎　電話 022-221-0604（代表）",
    "総務省 九州総合通信局　〒860-8795　熊本県熊本市西区春日2-10-1　熊本地方合同庁舎A棟　電話 096-326-7819（代表）").replace(
    "Tohoku Bureau", "Kyushu Bureau")

# A slide deck saved as PDF: 16:9 pages, one slide per page, big titles.
SLIDE_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8">
<title>{title}</title>
<meta name="description" content="{note}">
<style>
@page {{ size: 33.867cm 19.05cm; margin: 1.2cm 1.6cm; }}
body, h1, p, li, td, th {{ font-family: "Noto Sans CJK JP"; }}
body {{ font-size: 18pt; }}
h1 {{ font-size: 30pt; font-weight: bold; color: #1f3864; border-bottom: 3pt solid #1f3864; }}
h1.cover {{ font-size: 40pt; text-align: center; border-bottom: none; margin-top: 2cm; }}
p.kicker, p.org {{ text-align: center; font-size: 20pt; }}
p.big {{ font-size: 28pt; font-weight: bold; color: #c00000; text-align: center; }}
p.note {{ font-size: 12pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #1f3864; padding: 6pt; font-size: 16pt; text-align: center; vertical-align: middle; }}
th {{ background: #1f3864; color: #ffffff; }}
</style></head>
<body>
{body}
</body></html>
"""


def slides_html(page: Page) -> str:
    body = (SRC / page.src).read_text(encoding="utf-8")
    # every slide after the first starts a new page
    body = body.replace('<div class="slide">\n<h1>', '<div class="slide">\n<h1 style="page-break-before: always">')
    return SLIDE_PAGE.format(title=page.title, note=NOTE, body=body)


def render(page: Page) -> tuple[bytes, str]:
    """(bytes as the server sends them, Content-Type header)."""
    body = (SRC / page.src).read_text(encoding="utf-8")
    if page.site in ("soumu_press", "soumu_policy"):
        h1_page = H1.Page(page.url, page.src, page.site, page.title, page.crumbs, page.content_type)
        html = H1.soumu_page(h1_page, body).replace(H1.NOTE, NOTE)
        return html.encode("cp932"), page.content_type or "text/html"
    if page.site == "cao":
        html = H1.cao_page(H1.Page(page.url, page.src, page.site, page.title, page.crumbs), body)
        return html.replace(H1.NOTE, NOTE).encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "chisou":
        html = H2.CHISOU_PAGE.format(note=NOTE, title=page.title, crumbs=H2.trail(page.crumbs, page.title), body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "digital":
        html = H1.DIGITAL_PAGE.format(note=NOTE, title=page.title, body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=utf-8"
    if page.site == "cas":
        html = CAS_PAGE.format(note=NOTE, title=page.title, body=body)
        return html.encode("euc_jp"), page.content_type or "text/html"
    if page.site == "soumu_en":
        html = SOUMU_EN_PAGE.format(note=NOTE, title=page.title, body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=utf-8"
    if page.site == "kyushu":
        crumbs = ('<a href="/index.html">総務省トップ</a> &gt; <a href="/soutsu/kyushu/index.html">九州総合通信局</a>'
                  f' &gt; <a href="/soutsu/kyushu/press/index.html">報道発表</a> &gt; {page.title}')
        head = H1.SOUMU_HEAD.replace("{crumbs}", crumbs).format(
            note=NOTE, section="九州総合通信局", title=page.title, crumbs="")
        return (head + body + KYUSHU_FOOT).encode("cp932"), page.content_type or "text/html"
    raise ValueError(page.site)


def main() -> int:
    def pdf_source(page: Page) -> str | None:
        if page.site == "pdf":
            return H1.PDF_PAGE.format(title=page.title, note=NOTE, body=(SRC / page.src).read_text(encoding="utf-8"))
        return slides_html(page) if page.site == "slides" else None

    H1.write_mirror(MIRROR, PAGES, note=NOTE, manifest_note="Third held-out evaluation set for koubo. ",
                    render=render, pdf_html=pdf_source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
