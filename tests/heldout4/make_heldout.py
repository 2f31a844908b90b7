"""Build the fourth held-out mirror (tests/heldout4/mirror) from the hand-written page
bodies in tests/heldout4/src, reusing the chrome and the LibreOffice conversion of the
earlier sets (tests/heldout*/make_heldout.py).

This set stays close to the genre of koubo's real targets: 地域社会DX推進パッケージ事業
calls and results, デジタル実装伴走支援事業, 交付金 results. It adds a 地域社会DXナビ
page (dx-navi.soumu.go.jp, UTF-8, its own chrome) and a results PDF whose table is
drawn without any rules.

Nothing under extractors/ or pipeline/ was tuned on these documents (docs/heldout.md,
"Fourth set"). Run only when a source page changes:

    .venv/bin/python tests/heldout4/make_heldout.py
"""
from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
MIRROR = HERE / "mirror"
NOTE = "held-out document written for koubo's evaluation (tests/heldout4); not a live capture"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_make", HERE.parent / name / "make_heldout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


H2 = _load("heldout2")
H1 = H2.H1


@dataclass(frozen=True)
class Page:
    url: str
    src: str
    site: str  # soumu_press | soumu_policy | cao | chisou | dxnavi | pdf | pdf_plain
    title: str
    crumbs: tuple[str, ...] = ()
    content_type: str | None = None  # None: what the site template's server sends


PAGES = (
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000461.html", "a_soumu_keikaku_sanji.html",
         "soumu_press", "「地域社会ＤＸ推進パッケージ事業（計画策定支援）」の三次公募の開始"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000458.html", "b_soumu_suishin_saitaku.html",
         "soumu_press", "「地域社会ＤＸ推進パッケージ事業（推進体制構築支援）」の支援地域の決定"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000455.html", "c_soumu_ai_jissho_saitaku.html",
         "soumu_press", "「地域社会ＤＸ推進パッケージ事業（ＡＩ社会実装推進事業）」の実証事業の採択"),
    Page("https://www.soumu.go.jp/main_content/001036415.pdf", "d_soumu_musen_koufu.pdf.html", "pdf",
         "令和７年度 地域社会ＤＸ推進パッケージ補助金（先進無線システム導入支援）交付決定一覧"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000453.html", "e_soumu_advisor_haken.html",
         "soumu_press", "令和７年度「地域情報化アドバイザー」派遣先団体の決定（第１回）"),
    Page("https://www.cao.go.jp/digital-bansou/r8_koubo.html", "f_cao_bansou_r8_koubo.html", "cao",
         "令和８年度 デジタル実装伴走支援事業 支援対象団体の公募開始について",
         ("デジタル実装伴走支援事業", "令和８年度公募")),
    Page("https://www.cao.go.jp/digital-bansou/r6_kekka.pdf", "g_cao_bansou_r6_kekka.pdf.html", "pdf",
         "令和６年度 デジタル実装伴走支援事業 支援対象団体の選定結果について"),
    Page("https://www.chisou.go.jp/sousei/about/mirai/pdf/r6hosei_type1_saitaku.pdf",
         "h_cao_denen_saitaku_list.pdf.html", "pdf_plain",
         "デジタル田園都市国家構想交付金（デジタル実装タイプ TYPE１）令和６年度補正予算分 採択結果一覧（市町村分）"),
    Page("https://www.chisou.go.jp/sousei/about/shin_kofukin/r7_1_saitaku.html", "i_chisou_shin_kofukin_saitaku.html",
         "chisou", "新しい地方経済・生活環境創生交付金（第２世代交付金）令和７年度第１回 採択結果について",
         ("地方創生の取組", "新しい地方経済・生活環境創生交付金", "令和７年度第１回採択結果")),
    Page("https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/senshin_musen/index.html",
         "j_soumu_musen_jissho_page.html", "soumu_policy",
         "地域社会ＤＸ推進パッケージ事業（先進無線システム活用型実証）",
         ("政策", "情報通信（ICT政策）", "先進無線システム活用型実証")),
    Page("https://dx-navi.soumu.go.jp/support/dx_package/r8", "k_dxnavi_overview.html", "dxnavi",
         "地域社会DX推進パッケージ事業（令和8年度予算）"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01kiban14_02000830.html", "l_soumu_jidouunten_saitaku.html",
         "soumu_press",
         "地域社会ＤＸ推進パッケージ事業（自動運転レベル４に向けた通信環境実証）の採択案件の決定及び二次公募の開始"),
)

DXNAVI_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- {note} -->
<title>{title} | 地域社会DXナビ</title>
<link rel="stylesheet" href="/assets/css/app.css">
</head>
<body>
<header class="l-header">
<a class="l-header__logo" href="/"><img src="/assets/img/logo.svg" alt="地域社会DXナビ"></a>
<nav class="l-header__nav"><ul>
<li><a href="/support">支援メニュー</a></li>
<li><a href="/case">事例を探す</a></li>
<li><a href="/expert">専門家を探す</a></li>
<li><a href="/news">お知らせ</a></li>
</ul></nav>
</header>
<nav class="breadcrumb"><ol>
<li><a href="/">ホーム</a></li>
<li><a href="/support">支援メニュー</a></li>
<li><a href="/support/dx_package">地域社会DX推進パッケージ</a></li>
<li>{title}</li>
</ol></nav>
<main>
{body}
</main>
<footer class="l-footer">
<ul><li><a href="/about">このサイトについて</a></li><li><a href="/privacy">プライバシーポリシー</a></li><li><a href="/contact">お問い合わせ</a></li></ul>
<p>運営：総務省 情報流通行政局 地域通信振興課（〒100-8926 東京都千代田区霞が関2-1-2）</p>
<p><small>&copy; Ministry of Internal Affairs and Communications</small></p>
</footer>
</body>
</html>
"""


def render(page: Page) -> tuple[bytes, str]:
    """(bytes as the server sends them, Content-Type header)."""
    body = (SRC / page.src).read_text(encoding="utf-8")
    h1_page = H1.Page(page.url, page.src, page.site, page.title, page.crumbs, page.content_type)
    if page.site in ("soumu_press", "soumu_policy"):
        # cp932 holds ①, ㈱ and 髙; the charset is only in <meta>.
        return H1.soumu_page(h1_page, body).replace(H1.NOTE, NOTE).encode("cp932"), page.content_type or "text/html"
    if page.site == "cao":
        html = H1.cao_page(h1_page, body).replace(H1.NOTE, NOTE)
        return html.encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "chisou":
        html = H2.CHISOU_PAGE.format(note=NOTE, title=page.title, crumbs=H2.trail(page.crumbs, page.title), body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "dxnavi":
        html = DXNAVI_PAGE.format(note=NOTE, title=page.title, body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=utf-8"
    raise ValueError(page.site)


def pdf_source(page: Page) -> str | None:
    if page.site not in ("pdf", "pdf_plain"):
        return None
    html = H1.PDF_PAGE.format(title=page.title, note=NOTE, body=(SRC / page.src).read_text(encoding="utf-8"))
    if page.site == "pdf_plain":  # a results list printed without any rules
        html = html.replace("border: 1px solid #000000;", "border: none;").replace("background: #d9d9d9;", "")
    return html


def main() -> int:
    H1.write_mirror(MIRROR, PAGES, note=NOTE, manifest_note="Fourth held-out evaluation set for koubo. ",
                    render=render, pdf_html=pdf_source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
