"""Rebuild the five seed documents as the bytes their servers would send.

The build machines reach no web site, so the bundled corpus is made from the seed
texts (what a reader sees on each page, in ../shared/seeds/): HTML in the site's
encoding with the site's chrome around it, PDFs as real PDFs with ruled tables drawn
by LibreOffice. The result is a static mirror, corpus/mirror/<host>/<path>, plus
corpus/mirror/manifest.json saying, per address, which file to serve with which
Content-Type. Every file is a reconstruction, not a capture, and says so.

Usage: python scripts/make_mirror.py [SEEDS_DIR] [--out DIR]

This script is the only place that knows the five documents' structure (which seed
line is a heading, where a table starts): it is data generation, not extraction.
The text itself always comes from the seed files, never from this script, except for
site chrome (navigation labels, footers) that decoding is meant to drop.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
RECONSTRUCTED_NOTE = (
    "reconstructed by koubo scripts/make_mirror.py from the text a reader sees; "
    "not a live capture"
)


# --------------------------------------------------------------------------- text helpers


def esc(text: str) -> str:
    """HTML-escape text; no-break spaces stay visible as &nbsp;."""
    return html.escape(text, quote=False).replace("\xa0", "&nbsp;")


_URL_OR_MAIL = re.compile(r"(https?://[^\s<>()（）]+|[\w.\-]+_atmark_[\w.\-]+|[\w.\-]+@[\w.\-]+)")


def zenkaku(text: str) -> str:
    """Write dates, times, phone numbers and brackets the way 総務省 (MIC) pages type
    them: full-width digits (令和７年６月９日), full-width colon and brackets. URLs
    and mail addresses stay ASCII. NFKC in extractors/normalize.py undoes all of it."""
    to_wide = str.maketrans("0123456789:()-", "０１２３４５６７８９：（）－")

    def widen(segment: str) -> str:
        segment = re.sub(r"\d{2,4}-\d{2,4}-\d{4}", lambda m: m.group(0).translate(to_wide), segment)
        segment = re.sub(r"\d+(?=[年月日時ヶか])", lambda m: m.group(0).translate(to_wide), segment)
        segment = re.sub(r"\d{1,2}:\d{2}", lambda m: m.group(0).translate(to_wide), segment)
        segment = re.sub(r"\((\d)\)", lambda m: f"（{m.group(1).translate(to_wide)}）", segment)
        return segment.replace("(", "（").replace(")", "）")

    parts = _URL_OR_MAIL.split(text)
    return "".join(part if i % 2 else widen(part) for i, part in enumerate(parts))


def linkify(text_html: str) -> str:
    """Turn bare http(s) addresses in already-escaped HTML into links."""
    return re.sub(r"(https?://[^\s<>()（）&]+)", r'<a href="\1">\1</a>', text_html)


def chunks(text: str) -> list[list[str]]:
    """Split a seed into blank-line separated chunks of lines (whitespace-only lines
    separate too); trailing spaces are dropped, leading no-break spaces kept."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                out.append(current)
                current = []
            continue
        current.append(line.rstrip())
    if current:
        out.append(current)
    return out


class LinkQueue:
    """Hands out the next href each time a 「こちら」 (here) link is written."""

    def __init__(self, hrefs: list[str]) -> None:
        self.hrefs = list(hrefs)

    def link(self, text_html: str, word: str = "こちら") -> str:
        def repl(match: re.Match[str]) -> str:
            if not self.hrefs:
                raise SystemExit(f"make_mirror: more 「{word}」 links than hrefs")
            return f'<a href="{self.hrefs.pop(0)}">{match.group(0)}</a>'

        return re.sub(word, repl, text_html)

    def check_empty(self, doc: str) -> None:
        if self.hrefs:
            raise SystemExit(f"make_mirror: {doc}: unused hrefs {self.hrefs}")


# --------------------------------------------------------------------------- site chrome

SOUMU_GNAV = ["組織案内", "広報・報道", "政策", "申請・手続", "所管法令", "予算・決算", "調達情報", "採用情報", "白書・統計"]


def soumu_page(*, title: str, breadcrumb: list[tuple[str, str | None]], body: str, content_type_meta: bool) -> str:
    """A page in the layout of www.soumu.go.jp: XHTML transitional, Shift_JIS meta,
    skip link, header, global navigation, 現在位置 breadcrumb (#topicpath), content,
    ページトップへ戻る link and footer with the ministry's address."""
    gnav = "\n".join(f'<li><a href="/menu_{i:02d}/index.html">{esc(label)}</a></li>' for i, label in enumerate(SOUMU_GNAV))
    crumbs = " &gt; ".join(f'<a href="{href}">{esc(label)}</a>' if href else esc(label) for label, href in breadcrumb)
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS" />\n' if content_type_meta else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
{meta}<meta http-equiv="Content-Style-Type" content="text/css" />
<meta http-equiv="Content-Script-Type" content="text/javascript" />
<!-- {RECONSTRUCTED_NOTE} -->
<meta name="generator" content="koubo make_mirror (reconstruction)" />
<title>{esc(title)}</title>
<link rel="stylesheet" type="text/css" href="/main_content/css/common.css" />
<script type="text/javascript" src="/main_content/js/common.js"></script>
<script type="text/javascript">
<!--
var pageTitle = "総務省 文字サイズ変更";
// -->
</script>
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
{gnav}
</ul>
</div>
<div id="topicpath">
<p>{crumbs}</p>
</div>
<div id="contentsWrapper">
<div id="contents">
{body}
</div>
</div>
<div class="pagetop"><a href="#header">ページトップへ戻る</a></div>
<div id="footer">
<ul id="footerNavi">
<li><a href="/menu_kyotsuu/policy/index.html">ご利用に当たって</a></li>
<li><a href="/menu_kyotsuu/privacy.html">プライバシーポリシー</a></li>
<li><a href="/menu_kyotsuu/link.html">リンク集</a></li>
<li><a href="/menu_kyotsuu/toiawase.html">ご意見・ご提案</a></li>
</ul>
<address>総務省　〒100-8926　東京都千代田区霞が関2-1-2　中央合同庁舎第2号館　電話 03-5253-5111（代表）</address>
<p id="copyright">Copyright &copy; Ministry of Internal Affairs and Communications All Rights Reserved.</p>
</div>
</body>
</html>
"""


def dx_navi_page(*, title: str, h1: str, body: str) -> str:
    """A page in the layout of 地域社会DXナビ (dx-navi.soumu.go.jp): HTML5, UTF-8,
    header/nav/breadcrumb/main/footer elements, a page-top button, analytics script."""
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- {RECONSTRUCTED_NOTE} -->
<meta name="generator" content="koubo make_mirror (reconstruction)">
<title>{esc(title)} | 地域社会DXナビ</title>
<meta property="og:site_name" content="地域社会DXナビ">
<meta property="og:title" content="{esc(title)}">
<link rel="stylesheet" href="/assets/css/style.css">
<script async src="/assets/js/analytics.js"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); // 計測用</script>
</head>
<body class="page-support">
<a class="skip-link" href="#main">本文へスキップ</a>
<header class="site-header">
<div class="site-header__logo"><a href="/"><img src="/assets/img/logo.svg" alt="地域社会DXナビ"></a></div>
<nav class="global-nav" aria-label="グローバルナビゲーション">
<ul>
<li><a href="/">トップ</a></li>
<li><a href="/case/">事例を探す</a></li>
<li><a href="/support/">支援制度</a></li>
<li><a href="/news/">お知らせ</a></li>
<li><a href="/about/">地域社会DXナビについて</a></li>
</ul>
</nav>
</header>
<nav class="breadcrumb" aria-label="パンくずリスト">
<ol>
<li><a href="/">ホーム</a></li>
<li><a href="/support/">支援制度</a></li>
<li aria-current="page">{esc(h1)}</li>
</ol>
</nav>
<main id="main">
{body}
</main>
<footer class="site-footer">
<ul class="site-footer__links">
<li><a href="/policy/">サイトポリシー</a></li>
<li><a href="/privacy/">プライバシーポリシー</a></li>
<li><a href="/contact/">お問い合わせ</a></li>
</ul>
<p class="site-footer__copy"><small>&copy; 総務省 地域社会DXナビ</small></p>
</footer>
<a class="page-top" href="#">ページトップへ</a>
<script src="/assets/js/main.js"></script>
</body>
</html>
"""


def cao_page(*, title: str, body: str) -> str:
    """A small page in the layout of www.cao.go.jp (UTF-8)."""
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<!-- {RECONSTRUCTED_NOTE} -->
<meta name="generator" content="koubo make_mirror (reconstruction)">
<title>{esc(title)} - 内閣府</title>
</head>
<body>
<div id="skip"><a href="#main">本文へ移動</a></div>
<header id="header">
<p class="logo"><a href="/index.html">内閣府</a></p>
<nav id="gnav"><ul>
<li><a href="/about/index.html">内閣府の紹介</a></li>
<li><a href="/seisaku/index.html">内閣府の政策</a></li>
<li><a href="/press/index.html">報道・広報</a></li>
</ul></nav>
</header>
<div id="topicpath"><a href="/index.html">内閣府ホーム</a> &gt; {esc(title)}</div>
<main id="main">
{body}
</main>
<footer id="footer">
<p>内閣府　〒100-8914 東京都千代田区永田町1-6-1</p>
<p><small>Copyright &copy; Cabinet Office, Government of Japan.</small></p>
</footer>
</body>
</html>
"""


# --------------------------------------------------------------------------- 000: press release


def build_000(text: str) -> tuple[str, dict[str, str]]:
    """総務省 press release: blank-line chunks; '1 概要' style lines are h2, short
    '(1) 応募期間' lines h3, the contact box after 連絡先 a div.contact."""
    lines = text.split("\n")
    # 連絡先 (contact) opens the contact box; the seed runs it into the previous chunk.
    lines = [part for line in lines for part in (["", line, ""] if line.strip() == "連絡先" else [line])]
    parts = chunks("\n".join(lines))
    breadcrumb_line, category, date, title_lines = parts[0], parts[1], parts[2], parts[3]
    rest = parts[4:]
    if rest and rest[-1] == ["ページトップへ戻る"]:
        rest = rest[:-1]  # chrome: written by soumu_page
    crumbs = breadcrumb_line[0].split(" > ")
    breadcrumb = [(crumbs[0], "/index.html"), (crumbs[1], "/menu_news/index.html"), (crumbs[2], "/menu_news/s-news/index.html")]
    breadcrumb += [(c, None) for c in crumbs[3:]]

    links = LinkQueue(["https://www.soumu.go.jp/menu_seisaku/toukei/02zaisei07_04000131.html"])
    out = [
        '<div class="pressTitle"><p>' + esc(category[0]) + "</p></div>",
        '<p class="date" style="text-align:right">' + zenkaku(esc(date[0])) + "</p>",
        '<h1 class="title">' + "<br />".join(esc(line) for line in title_lines) + "</h1>",
        '<div class="contentsBody">',
    ]
    in_contact = False
    for chunk in rest:
        single = chunk[0].strip() if len(chunk) == 1 else None
        if single == "連絡先":
            out.append('</div>\n<div class="contact">\n<h2 class="contactTitle">連絡先</h2>')
            in_contact = True
        elif single and re.fullmatch(r"\d+ \S{1,20}", single):
            number, label = single.split(" ", 1)
            out.append(f"<h2>{zenkaku(number)}　{esc(label)}</h2>")
        else:
            if re.fullmatch(r"\(\d\) ?\S{1,12}", chunk[0].strip()):
                out.append(f"<h3>{zenkaku(esc(chunk[0].strip()))}</h3>")
                chunk = chunk[1:]
                if not chunk:
                    continue
            body = "<br />\n".join(linkify(zenkaku(esc(line))) for line in chunk)
            if "こちら" in body and "02zaisei" in body:
                body = links.link(body)
            out.append(f"<p>{body}</p>")
    out.append("</div>")
    assert in_contact, "000: no 連絡先 (contact) chunk"
    links.check_empty("000")
    title = "総務省｜報道資料｜" + "".join(line.strip() for line in title_lines)
    page = soumu_page(title=title, breadcrumb=breadcrumb, body="\n".join(out), content_type_meta=True)
    return page, {}


# --------------------------------------------------------------------------- 001: programme page

H4_001 = {"実施主体", "スケジュール(二次公募)", "応募方法等(二次公募)", "全体スケジュール", "選定手続", "問合せ先(事務局)", "主管課"}
LINKS_001 = [
    "/main_content/r8_suishin_taisei_koubo_youryou.pdf",  # 推進体制構築支援: the 公募要領 PDF (in the mirror)
    "/menu_news/s-news/01ryutsu06_02000431.html",  # not in the mirror: 404
    "/menu_seisaku/ictseisaku/ictriyou/manager.html",  # outside the crawl's prefixes
    "/main_content/001001881.pdf",
    "/main_content/001001882.zip",
    "/menu_news/s-news/01ryutsu06_02000425.html",
    "/menu_news/s-news/01ryutsu06_02000424.html",
    "/menu_news/s-news/01ryutsu06_02000420.html",
    "/menu_news/s-news/01ryutsu06_02000436.html",
    "/main_content/000927411.pdf",
]


def _join_link_fragments(lines: list[str]) -> list[str]:
    """The seed breaks lines around link texts (「こちら」, a closing bracket or
    full stop after a link, モデル集); on the page they are one line."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and (stripped.startswith("こちら") or stripped in {")", "。", ")。"} or stripped.startswith("モデル集")):
            out[-1] = out[-1].rstrip() + stripped
        elif out and out[-1].endswith("こちら") and stripped.startswith(")"):
            out[-1] += stripped
        else:
            out.append(line.rstrip())
    return out


def _table_end(lines: list[str], start: int, is_break: Callable[[str], bool]) -> int:
    """Index after the last ' |'-terminated cell line of a table starting at `start`."""
    end = start
    for i in range(start, len(lines)):
        if i > start and is_break(lines[i]):
            break
        if lines[i].endswith("|"):
            end = i + 1
    return end


def _cells(lines: list[str]) -> list[list[str]]:
    """' |'-terminated seed lines -> cells, each a list of its lines."""
    cells: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.endswith("|"):
            current.append(line[:-1].strip())
            cells.append([c for c in current if c])
            current = []
        else:
            current.append(line.strip())
    assert not current, f"table ends inside a cell: {current}"
    return cells


def build_001(text: str) -> tuple[str, dict[str, str]]:
    """総務省's programme page: '1 事業の概要' lines are h2, '(1)2.推進体制構築支援'
    style lines h3, the labels of the 先進無線 section h4; '＜支援対象＞' / '【提出先】'
    labels open a paragraph whose lines are joined by <br> until a sentence ends; the
    ' |'-separated lines are two tables (schedule, 様式 forms)."""
    lines = _join_link_fragments([line for line in text.split("\n") if line.strip()])
    links = LinkQueue(LINKS_001)

    def is_heading(line: str) -> bool:
        return bool(re.match(r"\d+ \S", line) or re.match(r"\(\d\)(\d\.|実証事業 |補助事業$)", line) or line in H4_001)

    def is_label(line: str) -> bool:
        return line.startswith(("<", "【", "(ローカル", "(5G", "(関連", "(報道"))

    def inline(line: str) -> str:
        body = linkify(zenkaku(esc(line)))
        body = links.link(body) if "こちら" in line else body
        body = body.replace("&lt;応募方法等（二次公募）&gt;", '<a href="#oubo2">&lt;応募方法等（二次公募）&gt;</a>')
        body = body.replace("GO!5G!", '<a href="https://go5g.go.jp/">GO!5G!</a>')
        return body.replace("モデル集", '<a href="/main_content/000973315.pdf">モデル集</a>', 1)

    out = ['<h1 class="title">地域社会DX推進パッケージ事業</h1>']
    i = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append("<p>" + "<br />\n".join(paragraph) + "</p>")
            paragraph.clear()

    while i < len(lines):
        line = lines[i].strip()
        if line.endswith("|"):
            flush()
            end = _table_end(lines, i, lambda s: is_heading(s.strip()) or s.strip().startswith("※"))
            cells = _cells(lines[i:end])
            header = cells[:2] if cells[0] == ["期間"] else None
            body_cells = cells[2:] if header else cells
            rows = ["<tr>" + "".join(f"<th>{esc(c[0])}</th>" for c in header) + "</tr>"] if header else []
            for r in range(0, len(body_cells), 2):
                first = "<br />".join(zenkaku(esc(c)) for c in body_cells[r])
                second = "<br />".join(inline(c) for c in body_cells[r + 1])
                th = f'<th scope="row">{first}</th>' if not header else f"<td>{first}</td>"
                rows.append("<tr>" + th + f"<td>{second}</td></tr>")
            out.append('<table class="tableList" border="1" cellspacing="0" cellpadding="5" summary="">\n' + "\n".join(rows) + "\n</table>")
            i = end
            continue
        if is_heading(line):
            flush()
            if re.match(r"\d+ \S", line):
                number, label = line.split(" ", 1)
                out.append(f"<h2>{zenkaku(number)}　{zenkaku(esc(label))}</h2>")
            elif line in H4_001:
                anchor = ' id="oubo2"' if line.startswith("応募方法等") else ""
                out.append(f"<h4{anchor}>{zenkaku(esc(line))}</h4>")
            else:
                out.append(f"<h3>{zenkaku(esc(line))}</h3>")
        elif line.startswith("- "):
            flush()
            item = inline(line[2:])
            if out[-1].endswith("</ul>"):
                out[-1] = out[-1][: -len("</ul>")] + f"<li>{item}</li></ul>"
            else:
                out.append(f"<ul><li>{item}</li></ul>")
        else:
            if is_label(line):
                flush()
            paragraph.append(inline(line))
            if line.endswith("。") or line.endswith(")") and not is_label(line) and len(paragraph) == 1:
                flush()
        i += 1
    flush()
    links.check_empty("001")
    breadcrumb = [("総務省トップ", "/index.html"), ("政策", "/menu_seisaku/index.html"), ("情報通信(ICT政策)", "/menu_seisaku/ictseisaku/index.html"), ("地域社会DX推進パッケージ事業", None)]
    page = soumu_page(title="総務省｜地域社会DX推進パッケージ事業", breadcrumb=breadcrumb, body="\n".join(out), content_type_meta=True)
    return page, {}


# --------------------------------------------------------------------------- 003: dx-navi

H2_003 = {"人材/体制の確保支援"}
H3_003 = {"計画策定支援", "推進体制構築支援", "「地域情報化アドバイザー」派遣事業"}


def build_003(text: str) -> tuple[str, dict[str, str]]:
    """地域社会DXナビ's support page: programme cards (h3), their facts as a
    definition list ('・対象' terms), 活用のポイント (tips) teaser cards followed by
    the full text in a dialog."""
    parts = chunks(text)
    lines = [line.strip() for chunk in parts for line in chunk + ["<<BLANK>>"]]
    h1, lines = lines[0], lines[1:]
    out: list[str] = ['<article class="support">', f"<h1>{esc(h1)}</h1>"]
    dl: list[str] = []
    card_open = False

    def close_dl() -> None:
        if dl:
            out.append('<dl class="support-info">\n' + "\n".join(dl) + "\n</dl>")
            dl.clear()

    def close_card() -> None:
        nonlocal card_open
        if card_open:
            out.append("</div>")
            card_open = False

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line == "<<BLANK>>":
            close_dl()
            close_card()
        elif line in H2_003 or line in H3_003:
            close_dl()
            close_card()
            tag = "h2" if line in H2_003 else "h3"
            out.append(f"<{tag}>{esc(line)}</{tag}>")
        elif line.startswith("・"):
            dl.append(f"<dt>{esc(line)}</dt>")
        elif dl and (line.startswith(("※", "- ")) or not dl[-1].startswith("<dd") and not line.startswith("・")) and line != "活用のポイント" and not line.startswith("地域情報化アドバイザーホームページ"):
            if line.startswith("- "):
                item = line.lstrip("- ").strip()
                if dl[-1].endswith("</ul></dd>"):
                    dl[-1] = dl[-1][: -len("</ul></dd>")] + f"<li>{esc(item)}</li></ul></dd>"
                else:
                    dl.append(f'<dd><ul class="dash"><li>{esc(item)}</li></ul></dd>')
            else:
                dl.append(f"<dd>{esc(line)}</dd>")
        elif line == "活用のポイント":
            close_dl()
            if nxt.endswith("ご紹介いたします。"):
                close_card()
                out.append('<div class="point-card">')
                card_open = True
                out.append(f'<h4 class="point-card__title">{esc(line)}</h4>')
            else:
                out.append(f'<p class="point-modal__label">{esc(line)}</p>')
        elif line.startswith("総務省 ") and line.endswith(("課長補佐", "室長")):
            close_dl()
            if not card_open:  # the dialog with the full text follows the teaser
                out.append('<div class="point-modal" role="dialog" aria-label="活用のポイント">')
                card_open = True
            out.append(f'<p class="point-person__post">{esc(line)}</p>')
        else:
            close_dl()
            out.append(f"<p>{linkify(esc(line))}</p>")
        i += 1
    close_dl()
    close_card()
    out.append("</article>")
    return dx_navi_page(title=h1, h1=h1, body="\n".join(out)), {}


# --------------------------------------------------------------------------- PDFs via LibreOffice

PDF_CSS = """
@page {{ size: {size}; margin: {margin}; }}
body {{ font-family: "Noto Sans CJK JP"; font-size: {body_pt}pt; line-height: 1.4; }}
h1, h2, h3, h4, p, li, td, th, b {{ font-family: "Noto Sans CJK JP"; }}
h1 {{ font-size: {h1_pt}pt; font-weight: bold; margin-top: 6pt; }}
h2 {{ font-size: {h2_pt}pt; font-weight: bold; margin-top: 8pt; }}
h3 {{ font-size: {h3_pt}pt; font-weight: bold; }}
p {{ margin-top: 0pt; margin-bottom: 5pt; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #000000; padding: 3pt; vertical-align: top; font-size: {body_pt}pt; }}
th {{ background: #d9e2f3; }}
.cover {{ font-size: 20pt; font-weight: bold; text-align: center; }}
.right {{ text-align: right; }}
.indent {{ margin-left: 14pt; }}
"""


def pdf_html(title: str, body: str, *, landscape: bool) -> str:
    css = PDF_CSS.format(
        size="29.7cm 21cm" if landscape else "21cm 29.7cm",
        margin="1.6cm" if landscape else "2cm",
        body_pt=10.5 if not landscape else 9.5,
        h1_pt=14 if not landscape else 18,
        h2_pt=12 if not landscape else 14,
        h3_pt=11 if not landscape else 12,
    )
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="description" content="{esc(RECONSTRUCTED_NOTE)}">
<style>{css}</style></head>
<body>
{body}
</body></html>
"""


def _list_html(items: list[tuple[int, str]]) -> str:
    """Nested <ul> from (depth, html) items."""
    out: list[str] = []
    depth = -1
    for level, item in items:
        while depth < level:
            out.append("<ul>")
            depth += 1
        while depth > level:
            out.append("</li></ul>")
            depth -= 1
        if out and out[-1] not in ("<ul>",):
            out.append("</li>")
        out.append(f"<li>{item}")
    while depth >= 0:
        out.append("</li></ul>")
        depth -= 1
    return "".join(out)


def _bullet(line: str) -> tuple[int, str] | None:
    """('- x' / ' - x' markdown bullets of the seed) -> (depth, text); None otherwise."""
    match = re.match(r"^( *)- (.*)$", line)
    if not match:
        return None
    return (1 if match.group(1) else 0), match.group(2).strip()


_VISIBLE_MARK = re.compile(r"^[・▶◇①-⑳■]")


def _pdf_flow(parts: list[list[str]], headings: dict[str, str], tables: Callable[[list[str]], str | None]) -> list[str]:
    """Seed chunks of a PDF to HTML: listed lines become headings, '- ・x' lines
    paragraphs that show their own mark, '- x' lines list items, tab lines tables."""
    out: list[str] = []
    pending: list[tuple[int, str]] = []

    def flush_list() -> None:
        if pending:
            out.append(_list_html(pending))
            pending.clear()

    for chunk in parts:
        table = tables(chunk)
        if table is not None:
            flush_list()
            out.append(table)
            continue
        for line in chunk:
            stripped = line.strip()
            if stripped in headings:
                flush_list()
                out.append(headings[stripped].format(text=esc(stripped)))
                continue
            bullet = _bullet(line)
            text_html = esc(bullet[1] if bullet else stripped)
            text_html = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text_html)
            text_html = re.sub(r"&lt;(https?://[^&]+)&gt;", r"\1", text_html)
            if bullet and not _VISIBLE_MARK.match(bullet[1]):
                pending.append((bullet[0], text_html))
                continue
            if bullet is None and pending and not re.match(r"^(\d+\.|※|【|\(|（)", stripped) and not stripped.startswith("・"):
                # a continuation line of a list item (sub-label under a bullet)
                depth, prev = pending[-1]
                pending[-1] = (depth, prev + "<br>" + text_html)
                continue
            flush_list()
            css = ' class="indent"' if bullet and bullet[0] else ""
            out.append(f"<p{css}>{text_html}</p>")
    flush_list()
    return out


def _tab_table(chunk: list[str], *, header: bool) -> str | None:
    if not all("\t" in line for line in chunk):
        return None
    rows = [line.split("\t") for line in chunk]
    # column widths in percent by column count: narrow No. and prefecture columns
    widths = {4: [6, 10, 54, 30], 3: [8, 17, 75], 2: [25, 75]}.get(len(rows[0]), [])
    html_rows = []
    for n, row in enumerate(rows):
        tag = "th" if header and n == 0 else "td"
        cells = []
        for c, cell in enumerate(row):
            width = f' width="{widths[c]}%"' if n == 0 and c < len(widths) else ""
            cells.append(f"<{tag}{width}>{esc(cell.strip())}</{tag}>")
        html_rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0" cellpadding="4" width="100%">\n' + "\n".join(html_rows) + "\n</table>"


JOIN_002 = ("ります。", "ティング企業")  # fragments the seed split at a page break
H1_002 = {"1. 推進体制構築支援事業の概要", "2. 応募要項", "3. 選定", "4. 今後のスケジュール", "5. 説明会の開催", "6. お問い合わせ先"}


def build_002(text: str) -> tuple[str, str]:
    """公募要領 PDF: a cover page, numbered sections (h1 '1. …', h2 '(1) …'), the
    【支援の概要】 box as a two-column table, the schedule as a ruled table."""
    parts = chunks(text)
    merged: list[list[str]] = []
    for chunk in parts:
        if merged and chunk[0].strip().startswith(JOIN_002):
            merged[-1][-1] = merged[-1][-1].rstrip() + chunk[0].strip()
            merged[-1].extend(chunk[1:])
        else:
            merged.append(chunk)
    parts = merged
    first_section = next(i for i, c in enumerate(parts) if c[0].strip() in H1_002)
    cover, parts = parts[:first_section], parts[first_section:]
    out = [
        '<p class="cover" style="margin-top: 3cm">' + "<br>".join(esc(line.strip()) for line in cover[0]) + "</p>",
        '<p style="text-align: center; font-size: 13pt; margin-top: 1cm">' + "<br>".join(esc(line.strip()) for line in cover[1]) + "</p>",
    ]
    out += ['<p class="right" style="margin-top: 1.5cm">' + "<br>".join(esc(line.strip()) for line in c) + "</p>" for c in cover[2:]]
    headings = {h: '<h1 style="page-break-before: always">{text}</h1>' if h == "1. 推進体制構築支援事業の概要" else "<h1>{text}</h1>" for h in H1_002}
    for chunk in parts:
        line = chunk[0].strip()
        if len(chunk) == 1 and re.fullmatch(r"[(（][0-9０-９][)）] ?\S{1,24}", line):
            headings[line] = "<h2>{text}</h2>"

    # 【支援の概要】 (outline of the support): the chunks up to (3) become one table.
    box_start = next(i for i, c in enumerate(parts) if c[0].strip() == "【支援の概要】")
    box_end = next(i for i, c in enumerate(parts) if c[0].strip().startswith("(3)"))
    box_lines = [line for c in parts[box_start + 1 : box_end] for line in c]
    period = box_lines[0].strip()
    label, value = period.split("：", 1)
    menu_label = box_lines[1].strip()
    assert menu_label.endswith("："), menu_label
    items: list[tuple[int, str]] = []
    for line in box_lines[2:]:
        bullet = _bullet(line)
        if bullet:
            items.append((bullet[0], esc(bullet[1])))
        else:  # a sub-label line under the previous item
            depth, prev = items[-1]
            items[-1] = (depth, prev + "<br>" + esc(line.strip()))
    box = (
        '<table border="1" cellspacing="0" cellpadding="4" width="100%"><col width="20%"><col width="80%">\n'
        f"<tr><th>{esc(label)}：</th><td>{esc(value)}</td></tr>\n"
        f"<tr><th>{esc(menu_label)}</th><td>{_list_html(items)}</td></tr>\n</table>"
    )
    body_parts = parts[:box_start] + [["<<BOX>>"]] + parts[box_end:]
    # 【支援の概要】 label stays a paragraph before the table
    body_parts.insert(box_start, ["【支援の概要】"])

    def tables(chunk: list[str]) -> str | None:
        if chunk == ["<<BOX>>"]:
            return box
        return _tab_table(chunk, header=False)

    out += _pdf_flow(body_parts, headings, tables)
    title = " ".join(line.strip() for line in cover[0][:3])
    return pdf_html(title, "\n".join(out), landscape=False), title


PAGES_004 = [
    "デジタル実装伴走支援事業",
    "令和7年度 デジタル実装伴走支援事業 概要",
    "本事業で募集する3つの類型について",
    "類型①の応募要件",
    "■ 応募要件（類型②）",
    "類型③の応募要件",
    "採択結果",
    "採択結果",
    "令和7年度の支援スケジュール",
]
H2_004 = {"デジタル実装伴走支援事業について", "■ 応募要件（類型①）", "■ 応募要件（類型③）", "留意点", "(各類型の狙い)"}


def build_004(text: str) -> tuple[str, str]:
    """内閣府's overview slide deck (landscape): one section per page, the page title as
    h1, results as three ruled tables (No. | 都道府県 | 団体名 …)."""
    parts = chunks(text)
    pages: list[list[list[str]]] = []
    anchors = list(PAGES_004)
    for chunk in parts:
        if anchors and chunk[0].strip() == anchors[0]:
            anchors.pop(0)
            pages.append([])
        pages[-1].append(chunk)
    assert not anchors, f"004: page anchors not found: {anchors}"
    out: list[str] = []
    for n, page in enumerate(pages):
        title_chunk, rest = page[0], page[1:]
        brk = ' style="page-break-before: always"' if n else ""
        if n == 0:
            out.append(f'<p class="cover" style="font-size: 28pt; margin-top: 5cm">{esc(title_chunk[0].strip())}</p>')
            out += [f'<p class="right" style="font-size: 14pt">{esc(c[0].strip())}</p>' for c in rest]
            continue
        style = brk if title_chunk[0].strip() != "採択結果" or n == 6 else brk
        if n == 6:  # the 採択結果 (results) divider page
            out.append(f'<h1 style="page-break-before: always; font-size: 28pt; margin-top: 6cm; text-align: center">{esc(title_chunk[0].strip())}</h1>')
            continue
        out.append(f"<h1{style}>{esc(title_chunk[0].strip())}</h1>")
        flow = [title_chunk[1:]] + rest if len(title_chunk) > 1 else rest
        headings = {h: "<h2>{text}</h2>" for h in H2_004}
        out += _pdf_flow(flow, headings, lambda chunk: _tab_table(chunk, header=True))
    title = next(c[0].strip() for c in parts if c[0].strip().startswith("令和"))
    return pdf_html(title, "\n".join(out), landscape=True), title


def soffice_pdf(html_text: str) -> bytes:
    """HTML -> PDF with LibreOffice Writer (HTML (StarWriter) filter: the web filter
    gives a blank first page). A private profile dir keeps runs independent."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("make_mirror: LibreOffice (soffice) is needed for the PDFs: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory(prefix="koubo-mirror-") as tmp:
        src = Path(tmp) / "doc.html"
        src.write_text(html_text, encoding="utf-8")
        profile = Path(tmp) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--infilter=HTML (StarWriter)",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=180,
        )
        return (Path(tmp) / "doc.pdf").read_bytes()


# --------------------------------------------------------------------------- driver


@dataclass
class Entry:
    url: str
    path: str
    content_type: str
    seed: str | None
    note: str
    source_sha256: str | None = None


def read_addresses(seeds: Path) -> dict[str, str]:
    """seed file name -> address, from the table in seeds/README.md."""
    table: dict[str, str] = {}
    for line in (seeds / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*(\d{3}_\w+\.txt)\s*\|\s*(https?://\S+)\s*\|", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def mirror_path(out: Path, url: str) -> Path:
    parts = urlsplit(url)
    path = parts.path if not parts.path.endswith("/") else parts.path + "index.html"
    return out / parts.netloc / path.lstrip("/")


ROBOTS = "User-agent: *\nDisallow: /cgi-bin/\nDisallow: /search\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", default=str(REPO.parent / "shared" / "seeds"), help="seed directory (default ../shared/seeds)")
    parser.add_argument("--out", default=str(REPO / "corpus" / "mirror"), help="output directory (default corpus/mirror)")
    args = parser.parse_args(argv)
    seeds, out = Path(args.seeds), Path(args.out)
    addresses = read_addresses(seeds)
    builders_html = {"000": (build_000, "cp932", "text/html"), "001": (build_001, "cp932", "text/html; charset=Shift_JIS"), "003": (build_003, "utf-8", "text/html; charset=UTF-8")}
    builders_pdf = {"002": build_002, "004": build_004}
    manifest_path = out / "manifest.json"
    old = {e["url"]: e for e in json.loads(manifest_path.read_text(encoding="utf-8"))["files"]} if manifest_path.exists() else {}
    entries: list[Entry] = []

    for name, url in sorted(addresses.items()):
        text = (seeds / name).read_text(encoding="utf-8")
        number = name[:3]
        target = mirror_path(out, url)
        target.parent.mkdir(parents=True, exist_ok=True)
        if number in builders_html:
            build, encoding, content_type = builders_html[number]
            page, _ = build(text)
            target.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
            entries.append(Entry(url, str(target.relative_to(out)), content_type, name, RECONSTRUCTED_NOTE))
        else:
            source, title = builders_pdf[number](text)
            digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
            previous = old.get(url, {})
            # LibreOffice stamps a creation date into each PDF: keep the old file while its source is unchanged.
            if previous.get("source_sha256") != digest or not target.exists():
                target.write_bytes(soffice_pdf(source))
            entries.append(Entry(url, str(target.relative_to(out)), "application/pdf", name, RECONSTRUCTED_NOTE, digest))
        print(f"{url} -> {target.relative_to(out)}", file=sys.stderr)

    cao_index = "https://www.cao.go.jp/digital-bansou/index.html"
    cao_body = (
        "<h1>デジタル実装伴走支援事業</h1>\n"
        '<p>令和7年度 デジタル実装伴走支援事業 概要は<a href="r7_gaiyou.pdf">こちら</a>（PDF）</p>\n'
        '<p><a href="https://www.chisou.go.jp/">地方創生（外部サイト）</a></p>'
    )
    target = mirror_path(out, cao_index)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cao_page(title="デジタル実装伴走支援事業", body=cao_body).encode("utf-8"))
    entries.append(Entry(cao_index, str(target.relative_to(out)), "text/html; charset=UTF-8", None, RECONSTRUCTED_NOTE))

    for host in sorted({urlsplit(e.url).netloc for e in entries}):
        robots = out / host / "robots.txt"
        robots.write_text(ROBOTS, encoding="utf-8")
        entries.append(Entry(f"https://{host}/robots.txt", str(robots.relative_to(out)), "text/plain", None, RECONSTRUCTED_NOTE))

    manifest = {
        "note": "Static mirror of the seed documents for offline crawls and tests. "
        "Serve each file at its url with content_type as the Content-Type header. " + RECONSTRUCTED_NOTE,
        "files": [{k: v for k, v in e.__dict__.items() if v is not None} for e in sorted(entries, key=lambda e: e.url)],
    }
    for entry in manifest["files"]:
        entry["path"] = entry["path"].replace(os.sep, "/")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
