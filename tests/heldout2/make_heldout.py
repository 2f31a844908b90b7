"""Build the second held-out mirror (tests/heldout2/mirror) from the hand-written page
bodies in tests/heldout2/src, the way tests/heldout/make_heldout.py builds the first set.

The site chrome of 総務省, 内閣府 and デジタル庁 and the LibreOffice PDF conversion are
the first set's (imported from tests/heldout/make_heldout.py); this set adds three
publishers (a 総合通信局 under soumu.go.jp, 内閣府地方創生 at chisou.go.jp, a
prefecture at pref.gifu.lg.jp) and a long PDF with a Word-like running header and
'- N -' page numbers in the footer. LibreOffice's HTML import puts a header/footer on
odd pages only, so PDFs with `header=True` go HTML -> ODT -> PDF (the ODT round trip
gives every page the same header and footer, as a Word file would).

Nothing under extractors/ or pipeline/ was tuned on these documents (docs/heldout.md,
"Second set"). Run only when a source page changes:

    .venv/bin/python tests/heldout2/make_heldout.py
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
MIRROR = HERE / "mirror"
NOTE = "held-out document written for koubo's evaluation (tests/heldout2); not a live capture"


def _first_set():
    spec = importlib.util.spec_from_file_location("heldout1_make", HERE.parent / "heldout" / "make_heldout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


H1 = _first_set()


@dataclass(frozen=True)
class Page:
    url: str
    src: str
    site: str  # soumu_press | soumu_policy | soutsu | chisou | cao | digital | pref | pdf
    title: str
    crumbs: tuple[str, ...] = ()
    content_type: str | None = None  # None: what the site template's server sends
    header: str | None = None  # pdf only: running title (and '- N -' footer)


PAGES = (
    Page("https://www.soumu.go.jp/main_content/001052233.pdf", "a_soumu_koutsu_youryou.pdf.html", "pdf",
         "令和8年度 地域公共交通DX実証事業 提案公募要領", header="令和8年度 地域公共交通DX実証事業 提案公募要領"),
    Page("https://www.chisou.go.jp/sousei/dx_kasoku/index.html", "b_chisou_dx_kasoku.html", "chisou",
         "地方創生デジタル実装加速化支援事業", ("地方創生", "地方創生デジタル実装加速化支援事業")),
    Page("https://www.digital.go.jp/news/5e7a2c14-9b3f-4d08-8f61-a2c9d03e7b55", "c_digital_unyou_boshu.html",
         "digital", "地方公共団体の標準準拠システム移行後の運用最適化支援 参加団体の募集を開始しました"),
    Page("https://www.soumu.go.jp/soutsu/tohoku/hodo/h2512-2603/1205b1001.html", "d_tohoku_bansou_boshu.html",
         "soutsu", "東北地域における「自治体ＤＸ地域伴走支援」支援対象団体の募集"),
    Page("https://www.cao.go.jp/chiiki-bousai-dx/r7_saitaku.html", "e_cao_bousai_saitaku.html", "cao",
         "令和7年度「地域防災デジタル連携モデル事業」の採択団体を決定しました",
         ("地域防災デジタル連携モデル事業", "令和7年度 採択団体")),
    Page("https://www.soumu.go.jp/main_content/001049876.pdf", "f_soumu_kyoten_ichiran.pdf.html", "pdf",
         "令和7年度 地域デジタル共創拠点整備事業 採択団体一覧"),
    Page("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000512.html", "g_soumu_iot_chuushi.html",
         "soumu_press", "「地域IoT共同利用モデル実証事業」に係る公募の中止"),
    Page("https://www.soumu.go.jp/menu_seisaku/chiho/data_riyou/koubo_r8.html", "h_soumu_data_koubo.html",
         "soumu_policy", "令和８年度 地域データ利活用推進事業（補助事業）の公募について",
         ("政策", "地方行財政", "地域データ利活用推進事業", "令和８年度公募"), "text/html; charset=Shift_JIS"),
    Page("https://www.soumu.go.jp/main_content/001052234.pdf", "i_soumu_koutsu_faq.pdf.html", "pdf",
         "令和8年度 地域公共交通DX実証事業 よくある質問（FAQ）"),
    Page("https://www.digital.go.jp/policies/local_governments/consultation-desk", "j_digital_soudan_zuiji.html",
         "digital", "地方公共団体向けデジタル実装相談窓口"),
    Page("https://www.pref.gifu.lg.jp/page/421873.html", "k_gifu_ai_relay.html", "pref",
         "総務省「自治体AI共同利用推進事業」の公募について（市町村向け）",
         ("県政情報", "情報化", "市町村DX支援")),
    Page("https://www.cao.go.jp/chiiki-kyoudouka/koubo_teisei.html", "l_cao_kyoudouka_teisei.html", "cao",
         "「地域デジタル基盤共同化推進事業」公募要領の訂正について",
         ("地域デジタル基盤共同化推進事業", "公募要領の訂正")),
)

# ---------------------------------------------------------------- extra site chrome

# A 総合通信局 (regional bureau) page under soumu.go.jp: the ministry's header, the
# bureau's own breadcrumb and footer (with the bureau's switchboard).
SOUTSU_FOOT = """</div>
</div>
<div class="pagetop"><a href="#header">ページトップへ戻る</a></div>
<div id="footer">
<ul id="footerNavi">
<li><a href="/soutsu/tohoku/sitemap.html">サイトマップ</a></li>
<li><a href="/soutsu/tohoku/privacy.html">個人情報の取扱い</a></li>
<li><a href="/soutsu/tohoku/access.html">アクセス</a></li>
</ul>
<address>総務省 東北総合通信局　〒980-8795　宮城県仙台市青葉区本町3-2-23　仙台第2合同庁舎　電話 022-221-0604（代表）</address>
<p id="copyright">Copyright &copy; Tohoku Bureau of Telecommunications. All Rights Reserved.</p>
</div>
</body>
</html>
"""

CHISOU_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<!-- {note} -->
<title>{title}｜地方創生</title>
<link rel="stylesheet" href="/common/css/style.css">
</head>
<body>
<div id="header">
<p class="site-name"><a href="/index.html"><img src="/common/img/logo.png" alt="地方創生 内閣官房・内閣府 総合サイト"></a></p>
<ul class="header-menu">
<li><a href="/sitemap.html">サイトマップ</a></li>
<li><a href="/contact.html">お問い合わせ</a></li>
<li><a href="/english/index.html">English</a></li>
</ul>
<ul id="gnav">
<li><a href="/index.html">トップ</a></li>
<li><a href="/sousei/index.html">地方創生の取組</a></li>
<li><a href="/sousei/kouhukin/index.html">交付金</a></li>
<li><a href="/sousei/jinzai/index.html">人材支援</a></li>
<li><a href="/sousei/news/index.html">新着情報</a></li>
</ul>
</div>
<div id="pankuzu"><a href="/index.html">トップ</a> &gt; {crumbs}</div>
<div id="main">
{body}
</div>
<div id="footer">
<p class="footer-links"><a href="/policy.html">サイトポリシー</a>｜<a href="/privacy.html">プライバシーポリシー</a>｜<a href="/link.html">リンク集</a></p>
<p>内閣官房 新しい地方経済・生活環境創生本部事務局／内閣府 地方創生推進事務局<br>〒100-8914 東京都千代田区永田町1-6-1　電話番号 03-5253-2111（大代表）</p>
<p class="copyright">Copyright &copy; Cabinet Secretariat / Cabinet Office. All Rights Reserved.</p>
</div>
</body>
</html>
"""

PREF_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<!-- {note} -->
<title>{title} - 岐阜県公式ホームページ（デジタル戦略推進課）</title>
<link rel="stylesheet" href="/css/common.css">
</head>
<body>
<div id="tmp_wrapper">
<div id="tmp_header">
<p id="tmp_hlogo"><a href="/index.html"><span>岐阜県公式ホームページ</span></a></p>
<ul id="tmp_hnavi">
<li><a href="/site/userguide/">サイトの使い方</a></li>
<li><a href="/site/foreign/">Foreign language</a></li>
<li><a href="/soshiki/">組織から探す</a></li>
</ul>
<form id="tmp_search" action="/search/"><input type="text" name="q" title="サイト内検索"><input type="submit" value="検索"></form>
<ul id="tmp_gnavi">
<li><a href="/life/">くらし・環境</a></li>
<li><a href="/kyoiku/">教育・文化</a></li>
<li><a href="/kenko/">健康・福祉</a></li>
<li><a href="/sangyo/">産業・雇用</a></li>
<li><a href="/kensei/">県政情報</a></li>
</ul>
</div>
<div id="tmp_pankuzu"><p><a href="/index.html">ホーム</a> &gt; {crumbs}</p></div>
<div id="tmp_contents">
<div id="tmp_main">
{body}
</div>
<div id="tmp_side">
<h2>このページに関するお問い合わせ</h2>
<p>清流の国推進部デジタル推進局デジタル戦略推進課<br><a href="/soshiki/11125/">お問い合わせフォーム</a></p>
</div>
</div>
<div id="tmp_footer">
<p id="tmp_fnavi"><a href="/site/policy/">ご利用にあたって</a>　<a href="/site/privacy/">個人情報の取扱い</a>　<a href="/site/accessibility/">ウェブアクセシビリティ</a></p>
<address>岐阜県庁　〒500-8570　岐阜県岐阜市薮田南2-1-1　電話：058-272-1111（代表）<br>法人番号：4000020210005</address>
<p id="tmp_copyright">Copyright &copy; Gifu Prefecture. All rights reserved.</p>
</div>
</div>
</body>
</html>
"""

# A Word-like layout: running title in the header, '- N -' centred in the footer
# (LibreOffice's HTML import reads <div title="header|footer"> and <sdfield type=PAGE>).
PDF_RUNNING = """<div title="header"><p align="right" style="font-size: 8pt">{header}</p></div>
<div title="footer"><p align="center" style="font-size: 9pt">- <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>
"""


def trail(crumbs: tuple[str, ...], title: str) -> str:
    items = [f'<a href="index.html">{c}</a>' for c in crumbs[:-1]] + [crumbs[-1] if crumbs else title]
    return " &gt; ".join(items)


def render(page: Page) -> tuple[bytes, str]:
    """(bytes as the server sends them, Content-Type header)."""
    body = (SRC / page.src).read_text(encoding="utf-8")
    if page.site in ("soumu_press", "soumu_policy"):
        h1_page = H1.Page(page.url, page.src, page.site, page.title, page.crumbs, page.content_type)
        return H1.soumu_page(h1_page, body).encode("cp932"), page.content_type or "text/html"
    if page.site == "soutsu":
        crumbs = ('<a href="/index.html">総務省トップ</a> &gt; <a href="/soutsu/tohoku/index.html">東北総合通信局</a>'
                  f' &gt; <a href="/soutsu/tohoku/hodo/index.html">報道資料</a> &gt; {page.title}')
        head = H1.SOUMU_HEAD.replace("{crumbs}", crumbs).format(
            note=NOTE, section="東北総合通信局", title=page.title, crumbs="")
        return (head + body + SOUTSU_FOOT).encode("cp932"), page.content_type or "text/html"
    if page.site == "cao":
        html = H1.cao_page(H1.Page(page.url, page.src, page.site, page.title, page.crumbs), body)
        html = html.replace(H1.NOTE, NOTE)
        return html.encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "chisou":
        html = CHISOU_PAGE.format(note=NOTE, title=page.title, crumbs=trail(page.crumbs, page.title), body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=UTF-8"
    if page.site == "digital":
        html = H1.DIGITAL_PAGE.format(note=NOTE, title=page.title, body=body)
        return html.encode("utf-8"), page.content_type or "text/html; charset=utf-8"
    if page.site == "pref":
        html = PREF_PAGE.format(note=NOTE, title=page.title, crumbs=trail(page.crumbs, page.title), body=body)
        return html.encode("utf-8"), page.content_type or "text/html"
    raise ValueError(page.site)


def soffice(src: Path, target: str, outdir: Path, infilter: str | None = None) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("make_heldout: LibreOffice (soffice) is needed to make the PDFs")
    profile = outdir / "profile"
    command = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(outdir), str(src)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def pdf_bytes(page: Page, html: str) -> bytes:
    if not page.header:
        return H1.soffice_pdf(html)
    with tempfile.TemporaryDirectory(prefix="koubo-heldout2-") as tmp:
        work = Path(tmp)
        (work / "doc.html").write_text(html, encoding="utf-8")
        soffice(work / "doc.html", "odt", work, "HTML (StarWriter)")
        (work / "pdf").mkdir()
        soffice(work / "doc.odt", "pdf:writer_pdf_Export", work / "pdf")
        return (work / "pdf" / "doc.pdf").read_bytes()


def pdf_html(page: Page) -> str:
    body = (SRC / page.src).read_text(encoding="utf-8")
    if page.header:
        body = PDF_RUNNING.format(header=page.header) + body
    return H1.PDF_PAGE.format(title=page.title, note=NOTE, body=body)


def main() -> int:
    H1.write_mirror(MIRROR, PAGES, note=NOTE, manifest_note="Second held-out evaluation set for koubo. ",
                    render=render, pdf_html=lambda page: pdf_html(page) if page.site == "pdf" else None,
                    pdf_bytes=pdf_bytes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
