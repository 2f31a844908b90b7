"""Build the held-out mirror (tests/heldout/mirror) from the hand-written page bodies
in tests/heldout/src: wrap each body in its ministry's site chrome, encode it the way
that server does (soumu: cp932 with the charset only in <meta>), turn the PDF bodies
into real PDFs with LibreOffice, and write mirror/manifest.json with the Content-Type
each server sends.

The held-out set is an independent check of extraction: its texts were written for
this set (not taken from the seeds) and nothing under extractors/ or pipeline/ was
tuned on it. Run only when a source page changes (LibreOffice stamps dates into PDFs,
so a PDF is rewritten only when its source changed):

    .venv/bin/python tests/heldout/make_heldout.py
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
MIRROR = HERE / "mirror"
NOTE = "held-out document written for koubo's evaluation (tests/heldout); not a live capture"


@dataclass(frozen=True)
class Page:
    url: str
    src: str
    site: str  # soumu_press | soumu_policy | cao | digital | pdf
    title: str
    crumbs: tuple[str, ...] = ()
    content_type: str | None = None  # None: what the site template's server sends


PAGES = (
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000498.html", "a_soumu_ai_koubo.html",
         "soumu_press", "「地域課題解決のためのAI活用実証事業」に係る提案の公募"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01gyosei07_02000215.html", "b_soumu_madoguchi_saitaku.html",
         "soumu_press", "「令和７年度 自治体窓口デジタル化先行モデル事業」の採択団体の決定"),
    Page("https://www.cao.go.jp/chiiki-digital/jinzai/index.html", "c_cao_digital_jinzai.html",
         "cao", "地域デジタル人材育成・確保推進事業", ("地方創生", "地域デジタル人材育成・確保推進事業")),
    Page("https://www.digital.go.jp/news/3f1c2a9e-7b4d-4e1a-9c55-2d8e6f0a1b37", "d_digital_genai_boshu.html",
         "digital", "地方公共団体における生成AI利活用の伴走支援を受ける団体を募集します"),
    Page("https://www.soumu.go.jp/main_content/001045817.pdf", "e_soumu_ai_youryou.pdf.html",
         "pdf", "地域課題解決のためのAI活用実証事業 提案公募要領"),
    Page("https://www.cao.go.jp/chiiki-digital/jinzai/r7_saitaku_ichiran.pdf", "f_cao_saitaku_ichiran.pdf.html",
         "pdf", "令和7年度 地域デジタル人材育成・確保推進事業（第1回公募）採択団体一覧"),
    Page("https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/chiiki_jouhouka/seminar_r7.html",
         "g_soumu_seminar.html", "soumu_policy", "令和７年度「地域情報化推進セミナー」（オンライン）の開催について",
         ("政策", "情報通信（ICT政策）", "地域情報化の推進", "地域情報化推進セミナー")),
    Page("https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/chiiki_dx_advisor/faq.html",
         "h_soumu_advisor_faq.html", "soumu_policy", "地域DXアドバイザー派遣制度 よくあるご質問",
         ("政策", "情報通信（ICT政策）", "地域DXアドバイザー派遣制度", "よくあるご質問")),
    Page("https://www.soumu.go.jp/menu_news/s-news/01kiban14_02000712.html", "i_soumu_l5g_sentei.html",
         "soumu_press", "「ローカル５G等を活用した地域防災DX実証」の実証団体の選定"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000471.html", "j_soumu_kankei_enchou.html",
         "soumu_press", "「デジタル活用による関係人口創出モデル事業」二次公募の提出期限の延長"),
    Page("https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/wifi_koudoka/index.html",
         "k_soumu_wifi_hojo.html", "soumu_policy", "地域公共Wi-Fi高度化支援事業（補助金）",
         ("政策", "情報通信（ICT政策）", "地域公共Wi-Fi高度化支援事業"), "text/html; charset=Shift_JIS"),
    Page("https://www.digital.go.jp/news/8b0d4e61-2c57-4f3a-a0e9-6c1f7d2b9e04", "l_digital_genai_kekka.html",
         "digital", "地方公共団体向け生成AI利活用伴走支援の支援対象団体を決定しました"),
)

# ---------------------------------------------------------------- site chrome

SOUMU_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS" />
<meta http-equiv="Content-Style-Type" content="text/css" />
<!-- {note} -->
<title>総務省｜{section}｜{title}</title>
<link rel="stylesheet" type="text/css" href="/main_content/css/common.css" />
<script type="text/javascript" src="/main_content/js/common.js"></script>
</head>
<body>
<div id="skip"><a href="#contentsWrapper">本文へ移動</a></div>
<div id="header">
<p id="logo"><a href="/index.html"><img src="/main_content/img/logo.gif" alt="総務省" /></a></p>
<ul id="headerNavi">
<li><a href="/menu_kyotsuu/sitemap.html">サイトマップ</a></li>
<li><a href="/english/index.html">English</a></li>
<li><a href="/menu_kyotsuu/accessibility.html">ウェブアクセシビリティ</a></li>
<li>文字サイズ <a href="#">標準</a> <a href="#">拡大</a></li>
</ul>
<form id="searchBox" action="/search.html"><input type="text" name="q" title="サイト内検索" /><input type="submit" value="検索" /></form>
</div>
<div id="gnavi">
<ul>
<li><a href="/index.html">総務省トップ</a></li>
<li><a href="/menu_00/index.html">組織案内</a></li>
<li><a href="/menu_01/index.html">広報・報道</a></li>
<li><a href="/menu_02/index.html">政策</a></li>
<li><a href="/menu_03/index.html">申請・手続</a></li>
<li><a href="/menu_04/index.html">所管法令</a></li>
<li><a href="/menu_05/index.html">予算・決算</a></li>
<li><a href="/menu_06/index.html">調達情報</a></li>
<li><a href="/menu_07/index.html">採用情報</a></li>
<li><a href="/menu_08/index.html">白書・統計</a></li>
</ul>
</div>
<div id="topicpath">
<p>{crumbs}</p>
</div>
<div id="contentsWrapper">
<div id="contents">
"""

# Press releases: the older XHTML template, footer as <div id="footer">.
SOUMU_PRESS_FOOT = """</div>
</div>
<div class="pagetop"><a href="#header">ページトップへ戻る</a></div>
<div id="footer">
<ul id="footerNavi">
<li><a href="/menu_kyotsuu/policy/index.html">ご利用に当たって</a></li>
<li><a href="/menu_kyotsuu/privacy.html">プライバシーポリシー</a></li>
<li><a href="/menu_kyotsuu/toiawase.html">ご意見・ご提案</a></li>
</ul>
<address>総務省　〒100-8926　東京都千代田区霞が関2-1-2　中央合同庁舎第2号館　電話 03-5253-5111（代表）</address>
<p id="copyright">Copyright &copy; Ministry of Internal Affairs and Communications All Rights Reserved.</p>
</div>
</body>
</html>
"""

# Policy pages: the same header, an HTML5 <footer> with a side menu before it.
SOUMU_POLICY_FOOT = """</div>
<div id="sideNavi">
<h2>関連リンク</h2>
<ul>
<li><a href="/menu_seisaku/ictseisaku/index.html">情報通信（ICT政策）</a></li>
<li><a href="/menu_seisaku/ictseisaku/ictriyou/index.html">ICT利活用の促進</a></li>
<li><a href="/menu_news/s-news/index.html">報道資料一覧</a></li>
</ul>
</div>
</div>
<p class="pagetop"><a href="#header">ページトップへ戻る</a></p>
<footer id="footer">
<ul class="footerLinks">
<li><a href="/menu_kyotsuu/policy/index.html">ご利用に当たって</a></li>
<li><a href="/menu_kyotsuu/privacy.html">プライバシーポリシー</a></li>
<li><a href="/menu_kyotsuu/toiawase.html">ご意見・ご提案</a></li>
</ul>
<p class="footerAddress">総務省　法人番号2000012020001<br />〒100-8926 東京都千代田区霞が関2-1-2<br />電話：03-5253-5111（代表）</p>
<p class="copyright"><small>Copyright &copy; Ministry of Internal Affairs and Communications All Rights Reserved.</small></p>
</footer>
</body>
</html>
"""

CAO_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- {note} -->
<title>{title} - 内閣府</title>
<link rel="stylesheet" href="/common/css/base.css">
</head>
<body>
<header id="header">
<div class="logo"><a href="/index.html"><img src="/common/img/logo.png" alt="内閣府 Cabinet Office"></a></div>
<ul class="util">
<li><a href="/sitemap/index.html">サイトマップ</a></li>
<li><a href="/index-e.html">English</a></li>
<li><a href="/about/index.html">内閣府について</a></li>
</ul>
<nav class="gnav"><ul>
<li><a href="/index.html">ホーム</a></li>
<li><a href="/minister.html">大臣等</a></li>
<li><a href="/seisaku/index.html">政策</a></li>
<li><a href="/press/index.html">報道発表</a></li>
<li><a href="/chotatsu/index.html">調達情報</a></li>
</ul></nav>
</header>
<div class="topicpath"><ol>
<li><a href="/index.html">内閣府ホーム</a></li>
{crumbs}
</ol></div>
<main id="main">
{body}
</main>
<footer id="footer">
<ul class="footer-links">
<li><a href="/notice/index.html">このサイトについて</a></li>
<li><a href="/privacy/index.html">個人情報保護方針</a></li>
<li><a href="/access/index.html">アクセス</a></li>
</ul>
<address>内閣府　〒100-8914 東京都千代田区永田町1-6-1　電話番号 03-5253-2111（大代表）</address>
<p class="copyright">Copyright &copy; Cabinet Office, Government of Japan.</p>
</footer>
</body>
</html>
"""

DIGITAL_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- {note} -->
<title>{title}｜デジタル庁</title>
<link rel="stylesheet" href="/_next/static/css/app.css">
</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header">
<a href="/" class="site-logo"><img src="/images/logo.svg" alt="デジタル庁"></a>
<nav aria-label="グローバルナビゲーション"><ul>
<li><a href="/policies">政策</a></li>
<li><a href="/news">ニュース</a></li>
<li><a href="/about">デジタル庁について</a></li>
<li><a href="/procurement">調達情報</a></li>
<li><a href="/recruitment">採用情報</a></li>
</ul></nav>
<div class="header-tools"><a href="/en">English</a> <a href="/search">検索</a></div>
</header>
<nav aria-label="パンくずリスト" class="breadcrumb"><ol>
<li><a href="/">ホーム</a></li>
<li><a href="/news">ニュース</a></li>
<li aria-current="page">{title}</li>
</ol></nav>
<main id="main">
{body}
<div class="share"><span>シェアする</span> <a href="#">X</a> <a href="#">Facebook</a></div>
</main>
<footer class="site-footer">
<ul>
<li><a href="/terms">利用規約・ご利用にあたって</a></li>
<li><a href="/privacy-policy">プライバシーポリシー</a></li>
<li><a href="/accessibility-statement">ウェブアクセシビリティ方針</a></li>
<li><a href="/contact">お問い合わせ</a></li>
</ul>
<p>デジタル庁<br>〒102-0094 東京都千代田区紀尾井町1-3 東京ガーデンテラス紀尾井町 19階、20階<br>代表電話：03-4477-6775</p>
<p><small>&copy; Digital Agency, Government of Japan</small></p>
</footer>
</body>
</html>
"""

PDF_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8">
<title>{title}</title>
<meta name="description" content="{note}">
<style>
@page {{ size: 21cm 29.7cm; margin: 2cm; }}
body, h1, h2, p, td, th {{ font-family: "Noto Sans CJK JP"; }}
body {{ font-size: 10.5pt; line-height: 1.4; }}
h1 {{ font-size: 13pt; font-weight: bold; margin-top: 10pt; }}
p {{ margin-top: 0pt; margin-bottom: 5pt; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #000000; padding: 3pt; vertical-align: top; font-size: 9.5pt; }}
th {{ background: #d9d9d9; }}
</style></head>
<body>
{body}
</body></html>
"""


def soumu_page(page: Page, body: str) -> str:
    if page.site == "soumu_press":
        crumbs = ("広報・報道", "報道資料一覧", page.title)
        links = ("/menu_news/index.html", "/menu_news/s-news/index.html")
        foot, section = SOUMU_PRESS_FOOT, "報道資料"
    else:
        crumbs = page.crumbs
        links = ("/menu_seisaku/index.html", "/menu_seisaku/ictseisaku/index.html", "index.html")
        foot, section = SOUMU_POLICY_FOOT, "政策"
    trail = ['<a href="/index.html">総務省トップ</a>']
    for i, crumb in enumerate(crumbs):
        trail.append(f'<a href="{links[i]}">{crumb}</a>' if i < len(crumbs) - 1 and i < len(links) else crumb)
    head = SOUMU_HEAD.format(note=NOTE, section=section, title=page.title, crumbs=" &gt; ".join(trail))
    return head + body + foot


def cao_page(page: Page, body: str) -> str:
    crumbs = "\n".join(f'<li><a href="/chiiki-digital/index.html">{c}</a></li>' if i < len(page.crumbs) - 1
                       else f'<li aria-current="page">{c}</li>' for i, c in enumerate(page.crumbs))
    return CAO_PAGE.format(note=NOTE, title=page.title, crumbs=crumbs, body=body)


def render(page: Page) -> tuple[bytes, str]:
    """(bytes as the server sends them, Content-Type header)."""
    body = (SRC / page.src).read_text(encoding="utf-8")
    if page.site.startswith("soumu"):
        # cp932 holds ①, ㈱ and 髙 (NEC/IBM extensions) that plain Shift_JIS lacks.
        return soumu_page(page, body).encode("cp932"), page.content_type or "text/html"
    if page.site == "cao":
        return cao_page(page, body).encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "digital":
        html = DIGITAL_PAGE.format(note=NOTE, title=page.title, body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=utf-8"
    raise ValueError(page.site)


def soffice_pdf(html: str) -> bytes:
    """HTML -> PDF with LibreOffice Writer (ruled tables, Noto Sans CJK embedded)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("make_heldout: LibreOffice (soffice) is needed to make the PDFs")
    with tempfile.TemporaryDirectory(prefix="koubo-heldout-") as tmp:
        src = Path(tmp) / "doc.html"
        src.write_text(html, encoding="utf-8")
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        return (Path(tmp) / "doc.pdf").read_bytes()


def mirror_path(url: str, mirror: Path = MIRROR) -> Path:
    parts = urlsplit(url)
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    return mirror / parts.netloc / path.lstrip("/")


def write_mirror(mirror: Path, pages, *, note: str, manifest_note: str,
                 render: Callable[[Any], tuple[bytes, str]], pdf_html: Callable[[Any], str | None],
                 pdf_bytes: Callable[[Any, str], bytes] = lambda page, html: soffice_pdf(html)) -> None:
    """Write every page of a held-out set under `mirror` with its manifest and a robots.txt
    per host. Shared by the three sets. `pdf_html(page)` is the HTML a PDF page is made
    from (None for an HTML page); a PDF is only remade when that HTML changed, since
    LibreOffice stamps every PDF with the time it was made."""
    manifest_file = mirror / "manifest.json"
    old = {}
    if manifest_file.exists():
        old = {e["url"]: e for e in json.loads(manifest_file.read_text(encoding="utf-8"))["files"]}
    files = []
    for page in pages:
        target = mirror_path(page.url, mirror)
        target.parent.mkdir(parents=True, exist_ok=True)
        entry = {"url": page.url, "path": target.relative_to(mirror).as_posix(), "note": note}
        html = pdf_html(page)
        if html is not None:
            digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
            if old.get(page.url, {}).get("source_sha256") != digest or not target.exists():
                target.write_bytes(pdf_bytes(page, html))
            entry.update(content_type="application/pdf", source_sha256=digest)
        else:
            body, content_type = render(page)
            target.write_bytes(body)
            entry["content_type"] = content_type
        files.append(entry)
    for host in sorted({urlsplit(p.url).netloc for p in pages}):
        robots = mirror / host / "robots.txt"
        robots.write_text("User-agent: *\nDisallow: /cgi-bin/\n", encoding="utf-8")
        files.append({"url": f"https://{host}/robots.txt", "path": f"{host}/robots.txt",
                      "content_type": "text/plain", "note": note})
    manifest = {"note": manifest_note + note, "files": sorted(files, key=lambda e: e["url"])}
    manifest_file.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    def pdf_source(page: Page) -> str | None:
        if page.site != "pdf":
            return None
        return PDF_PAGE.format(title=page.title, note=NOTE, body=(SRC / page.src).read_text(encoding="utf-8"))

    write_mirror(MIRROR, PAGES, note=NOTE, manifest_note="Held-out evaluation documents for koubo. ",
                 render=render, pdf_html=pdf_source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
