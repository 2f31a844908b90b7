"""HTML -> raw blocks in reading order, with the site chrome left out.

Japanese government pages wrap a short body in a lot of chrome: skip links, header,
global navigation, 現在位置 / パンくず (breadcrumbs), side menus, 「ページトップへ戻る」
(back to top) links and a footer with the ministry's address and switchboard phone.
Chrome is recognised by element (nav, aside, top-level header/footer), ARIA role, and
id/class names from the vocabularies below (tables, so a new site's naming is a
one-line change), plus whole-text boilerplate phrases.

Blocks: h1–h6 -> heading (level), p / address / pre / loose text -> paragraph (<br>
kept as a line break), li -> list_item (ol items get their number), table -> table,
dl -> table of (term, description) rows. Layout tables (nested tables, role=
presentation, a single cell) are walked as containers, not emitted as tables.

Chrome names come in two tiers. Names only navigation uses (breadcrumb, topicpath,
pagetop, skip, gnavi …) are chrome wherever they stand. Names a content section may
also carry (header, footer, side, sub, menu, nav …) are chrome only outside the
page's content proper: <main>, <article>, role=main or an element named like the
body text (contentsBody, mainContents, honbun …); inside it a `<div class="header">`
is the section's own header. Footers of other templates (tmp_footer, l-footer, siteFooter,
foot …: the word footer / foot among a name's tokens) are chrome outside the content
proper when no heading follows them, and so is a page-bottom <address> holding the
site's 代表 (switchboard) / 法人番号 / 開庁時間 (office hours). If the rules leave nothing of a page that has text,
the page is read again with only element and role rules (a warning says so).

Also never text: <rt>/<rp> ruby readings (伴走 not 伴走(ばんそう)), elements hidden by
`hidden`, inline display:none or a hidden class, and smartphone-only copies of
content (sp-only …) that repeat what the PC layout shows.

Merged table cells: a rowspan value is repeated in every row it covers (each row then
reads alone: 北海道 | 標茶町), the cells a colspan covers are left empty (a row never
holds the same text twice).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from extractors.model import RawBlock
from extractors.normalize import normalize
from pipeline.spacing import unspace

# Elements whose content is never reader text.
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "object", "embed",
    "form", "button", "select", "input", "textarea", "option", "map", "head", "title", "meta", "link",
    "rt", "rp",
})
# Landmark elements that hold chrome; header/footer only outside article/main/section
# (inside them they are a section's own header, per the HTML spec's banner rule).
CHROME_TAGS = frozenset({"nav", "aside"})
SECTION_CHROME_TAGS = frozenset({"header", "footer"})
SECTIONING = frozenset({"article", "main", "section"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})

# id / class names of chrome, compared lower-cased without '-' and '_'. Always chrome:
CHROME_NAMES = frozenset({
    "headernav", "headernavi", "headermenu", "footernav", "footernavi", "footermenu", "utilitynav",
    "gnav", "gnavi", "globalnav", "globalnavi", "globalnavigation", "globalmenu", "gmenu",
    "sidebar", "sidenav", "sidenavi", "sidemenu", "localnav", "localnavi", "localmenu", "lnav", "lnavi",
    "subnav", "subnavi", "submenu", "snav",
    "breadcrumb", "breadcrumbs", "breadcrumblist", "topicpath", "pankuzu", "pankuzulist", "bread", "crumbs",
    "currentposition",
    "skip", "skiplink", "skipnav", "skipnavi", "skiptocontent", "skipmenu",
    "pagetop", "pagetopbtn", "totop", "backtotop", "gototop", "returntop",
    "searchbox", "sitesearch", "share", "sns", "snsshare", "socialshare", "socialbuttons",
    "copyright", "fontsize", "textsize", "changefontsize", "fontchange", "moji", "mojisize",
    "siteheader", "sitefooter",
})
# Chrome only outside the content proper (a section inside it may be named so).
PAGE_CHROME_NAMES = frozenset({
    "header", "pageheader", "headerarea", "headerwrap", "headerwrapper", "headerinner", "headerin",
    "footer", "pagefooter", "footerarea", "footerwrap", "footerwrapper", "footerinner", "footerin",
    "nav", "navi", "navigation", "menu", "utility", "search", "searcharea",
    "side", "sidecolumn", "sidearea", "sidecontents", "sidebox", "sidewrap",
    "subcolumn", "subcontents", "subarea", "subcol", "sidecol",
    "related", "relatedlinks", "banner", "bannerarea",
})
# id / class prefixes that mark chrome whatever follows (headerNavi, breadcrumbArea…).
CHROME_PREFIXES = ("breadcrumb", "topicpath", "pankuzu", "gnav", "globalnav", "skip", "pagetop", "sitefooter", "siteheader")
PAGE_CHROME_PREFIXES = ("footer", "header", "sidenav", "sidemenu", "localnav")
# Elements hidden from every reader, and smartphone-only copies of content.
HIDDEN_NAMES = frozenset({
    "hidden", "hide", "ishidden", "dnone", "displaynone", "none",
    "sp", "sponly", "onlysp", "spview", "visiblesp", "showsp", "issp", "forsp", "hidepc", "pchide", "pcnone",
    "displaysp", "smartphone", "smp", "smponly",
})
# id / class names of the content proper: inside them, PAGE_CHROME_NAMES are content.
CONTENT_NAMES = frozenset({
    "main", "maincontents", "maincontent", "mainarea", "maincolumn", "mainbox", "mainbody",
    "contentsbody", "contentbody", "contentsmain", "contentmain", "articlebody", "entrybody", "postbody",
    "honbun", "primary", "pagebody", "detailbody", "textbody",
})
CONTENT_TAGS = frozenset({"main", "article"})

# Site footers of other templates (local-government CMSs: tmp_footer, l-footer, footer_wrap,
# siteFooter, foot …): a name token (split on -, _ and camelCase) that is one of these
# words, or one glued to a word before or after it (pagefooter, footerarea). Such an
# element is chrome when it stands outside the content proper and no heading follows it:
# a page's footer is its bottom, a 'card-footer' inside the body is followed by more.
FOOTER_WORDS = ("footer", "foot")
# Glued forms of "foot" that are not a footer (footnote: a note of the body text).
NOT_FOOTER_RE = re.compile(r"note|print|step|ball")
# Text of an <address> that is the site's (the page's owner), not a contact of the
# body: the switchboard (代表), corporate number (法人番号), office hours (開庁 / 閉庁).
SITE_ADDRESS_RE = re.compile(r"代表|法人番号|開庁|閉庁|copyright|©|all rights reserved", re.IGNORECASE)
# A heading right above an <address> that makes it the body's contact section.
CONTACT_HEADING_RE = re.compile(r"問い?合わ?せ|連絡先|照会先|担当|窓口")

# Blocks whose whole text is one of these are navigation aids, not content.
BOILERPLATE_PHRASES = frozenset(normalize(p).lower() for p in (
    "ページトップへ戻る", "ページトップへ", "ページトップ", "ページの先頭へ", "ページの先頭へ戻る",
    "このページの先頭へ", "このページの先頭へ戻る", "このページのトップへ", "先頭へ戻る", "トップへ戻る",
    "ページ上部へ", "ページ上部へ戻る", "本文へ", "本文へ移動", "本文へスキップ", "本文へジャンプ",
    "本文にジャンプ", "メインコンテンツへ移動", "メインコンテンツへスキップ", "ナビゲーションをスキップ",
    "ナビゲーションを飛ばして本文へ", "前のページへ戻る", "前のページに戻る", "印刷", "印刷する",
    "skip to content", "skip to main content", "back to top", "page top", "pagetop",
))

HEADINGS = {f"h{n}": n for n in range(1, 7)}
PARAGRAPH_TAGS = frozenset({"p", "address", "pre", "caption", "figcaption", "summary", "legend"})
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
CONTAINER_TAGS = frozenset({
    "div", "section", "article", "main", "body", "html", "blockquote", "figure", "center", "details",
    "fieldset", "header", "footer", "li", "dd", "dt", "td", "th", "tbody", "thead", "tfoot", "tr", "noframes",
    "hgroup", "search",
})
BLOCK_TAGS = frozenset(HEADINGS) | PARAGRAPH_TAGS | LIST_TAGS | CONTAINER_TAGS | {"table", "dl", "hr"}

_WS = re.compile(r"[ \t\r\n\f]+")
_CJK = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60"
# A source line break next to a Japanese character is no space (令和7年\n<span>4</span>月).
_CJK_NEWLINE = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*|[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
BREAK = "\u2028"  # a line break the markup asked for (<br>, block edges), kept through whitespace folding
_MAX_SPAN = 100


def _norm_name(name: str) -> str:
    return name.lower().replace("-", "").replace("_", "")


def _names(el: Tag) -> list[str]:
    return [n for n in (_norm_name(el.get("id") or ""), *(_norm_name(c) for c in el.get("class") or [])) if n]


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def name_tokens(name: str) -> list[str]:
    """'tmpFooterArea' -> [tmp, footer, area]; 'l-footer' -> [l, footer]."""
    return [t for t in re.split(r"[-_\s]+", _CAMEL.sub("-", name).lower()) if t]


def _footer_token(token: str) -> bool:
    return any(token == w or token.endswith(w) or (w == "footer" and token.startswith(w)) for w in FOOTER_WORDS)


def is_footer_named(el: Tag) -> bool:
    """An id or class made of the word footer / foot (with prefixes or suffixes), not
    a note (footnote, foot-note, footer-note)."""
    raw = [str(el.get("id") or ""), *(str(c) for c in el.get("class") or [])]
    return any(
        not NOT_FOOTER_RE.search(name.lower()) and any(_footer_token(t) for t in name_tokens(name)) for name in raw
    )


def _heading_after(el: Tag) -> bool:
    """Is there a heading after `el` in document order (outside `el` itself)?"""
    node: Tag | None = el
    while node is not None and node.name not in ("body", "html", "[document]"):
        for sib in node.next_siblings:
            if isinstance(sib, Tag) and (sib.name in HEADINGS or sib.find(list(HEADINGS))):
                return True
        node = node.parent
    return False


def _after_contact_heading(el: Tag) -> bool:
    previous = el.find_previous_sibling()
    while previous is not None and not previous.get_text(strip=True):
        previous = previous.find_previous_sibling()
    if previous is None:
        return False
    text = previous.get_text(" ", strip=True)
    return len(text) <= 40 and bool(CONTACT_HEADING_RE.search(text))


def is_site_address(el: Tag) -> bool:
    """An <address> at the bottom of the page, outside the content proper, holding the
    site owner's switchboard / corporate number / office hours: the site's footer."""
    if el.name != "address" or _inside_content(el) or _after_contact_heading(el):
        return False
    return bool(SITE_ADDRESS_RE.search(normalize(el.get_text(" ")))) and not _heading_after(el)


def is_content_region(el: Tag) -> bool:
    """<main>, <article>, role=main, or an element named like the body text."""
    if el.name in CONTENT_TAGS or (el.get("role") or "").lower() == "main":
        return True
    return any(n in CONTENT_NAMES for n in _names(el))


def _inside_content(el: Tag) -> bool:
    return any(is_content_region(p) for p in el.parents if isinstance(p, Tag))


def is_hidden(el: Tag) -> bool:
    if el.has_attr("hidden") or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style") or "", re.I):
        return True
    return any(n in HIDDEN_NAMES for n in _names(el))


def is_chrome(el: Tag, *, names: bool = True) -> bool:
    """True for elements that hold site chrome rather than content. `names=False`
    keeps only the element and role rules (the fallback when names removed everything)."""
    name = el.name
    if name in CHROME_TAGS:
        return True
    if name in SECTION_CHROME_TAGS and not any(p.name in SECTIONING for p in el.parents):
        return True
    if (el.get("role") or "").lower() in CHROME_ROLES:
        return True
    if is_hidden(el):
        return True
    if not names:
        return False
    norms = _names(el)
    if any(n in CHROME_NAMES or n.startswith(CHROME_PREFIXES) for n in norms):
        return True
    page_level = [n for n in norms if n in PAGE_CHROME_NAMES or n.startswith(PAGE_CHROME_PREFIXES)]
    if page_level:
        return not is_content_region(el) and not _inside_content(el)
    if name == "address":
        return is_site_address(el)
    if is_footer_named(el):
        return not is_content_region(el) and not _inside_content(el) and not _heading_after(el)
    return False


def finish(raw: str) -> str:
    """Source whitespace of collected inline text folded (see _CJK_NEWLINE), markup
    breaks turned into line breaks, letter-spaced labels (担　当) joined."""
    text = _WS.sub(" ", _CJK_NEWLINE.sub("", raw))
    return unspace(text, "\u3000").replace(BREAK, "\n")


def _skipped(node: object) -> bool:
    return isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction))


# An image that stands for a character of the text: sites draw the @ of an address as a
# picture so that harvesters miss it; its alt text puts the character back.
_SYMBOL_ALT = re.compile(r"^(?:[@＠]|at|\(at\)|\[at\]|アットマーク)$", re.IGNORECASE)


def raw_inline_text(el: Tag, names: bool = True) -> str:
    """Text of an element as inline content, source whitespace not yet folded: <br>
    is a BREAK, chrome and dropped elements vanish, block children end a line."""
    parts: list[str] = []
    for node in el.children:
        if _skipped(node):
            continue
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag):
            if node.name in DROP_TAGS or is_chrome(node, names=names):
                continue
            if node.name == "br":
                parts.append(BREAK)
            elif node.name == "img":
                alt = str(node.get("alt") or "").strip()
                if _SYMBOL_ALT.match(alt):
                    parts.append(alt)
            elif node.name in BLOCK_TAGS:
                parts.append(BREAK + raw_inline_text(node, names) + BREAK)
            else:
                parts.append(raw_inline_text(node, names))
    return "".join(parts)


def inline_text(el: Tag, names: bool = True) -> str:
    """Text of an element as inline content: <br> is a line break, chrome and
    dropped elements vanish, block children end a line."""
    return finish(raw_inline_text(el, names))


def _has_block_child(el: Tag) -> bool:
    return any(isinstance(d, Tag) and d.name in BLOCK_TAGS for d in el.descendants)


class _Walker:
    """Depth-first walk collecting RawBlocks; inline runs between block children
    become paragraphs."""

    def __init__(self, names: bool = True) -> None:
        self.blocks: list[RawBlock] = []
        self.names = names  # False: chrome by element and role only (the fallback)

    def chrome(self, el: Tag) -> bool:
        return is_chrome(el, names=self.names)

    def add(self, kind: str, text: str, level: int | None = None) -> None:
        if text.strip():
            self.blocks.append(RawBlock(kind, text, level=level))  # type: ignore[arg-type]

    def container(self, el: Tag) -> None:
        buffer: list[str] = []

        def flush() -> None:
            self.add("paragraph", finish("".join(buffer)))
            buffer.clear()

        for node in el.children:
            if _skipped(node):
                continue
            if isinstance(node, NavigableString):
                buffer.append(str(node))
                continue
            if not isinstance(node, Tag) or node.name in DROP_TAGS or self.chrome(node):
                continue
            if node.name == "br":
                buffer.append(BREAK)
            elif node.name in BLOCK_TAGS or _has_block_child(node):
                flush()
                self.block(node)
            else:
                buffer.append(raw_inline_text(node, self.names))
        flush()

    def block(self, el: Tag) -> None:
        name = el.name
        if name in HEADINGS:
            self.add("heading", inline_text(el, self.names), HEADINGS[name])
        elif name in PARAGRAPH_TAGS:
            if _has_block_child(el) and name != "pre":
                self.container(el)
            else:
                self.add("paragraph", el.get_text() if name == "pre" else inline_text(el, self.names))
        elif name in LIST_TAGS:
            self.list(el)
        elif name == "table":
            self.table(el)
        elif name == "dl":
            self.definition_list(el)
        elif name == "hr":
            return
        else:
            self.container(el)

    def list(self, el: Tag) -> None:
        number = _int(el.get("start"), 1)
        ordered = el.name == "ol"
        for item in el.find_all("li", recursive=False):
            if self.chrome(item):
                continue
            before = len(self.blocks)
            self.container(item)
            new = self.blocks[before:]
            if new and new[0].kind == "paragraph":
                first = new[0]
                prefix = f"{_int(item.get('value'), number)}. " if ordered else ""
                self.blocks[before] = RawBlock("list_item", prefix + first.text)
            number = _int(item.get("value"), number) + 1
        # stray children that are not <li> (bad markup) are read as content too
        for child in el.find_all(recursive=False):
            if child.name != "li" and child.name not in DROP_TAGS and not self.chrome(child):
                self.block(child)

    def table(self, el: Tag) -> None:
        rows = _rows(el)
        cells = [c for tr in rows for c in _cells(tr)]
        inner = {d.name for d in el.descendants if isinstance(d, Tag)}
        layout = (
            (el.get("role") or "").lower() in {"presentation", "none"}
            or "table" in inner
            or len(cells) <= 1
            or not inner.isdisjoint(HEADINGS)  # a page laid out in cells, headings and all
        )
        caption = el.find("caption", recursive=False)
        if caption is not None:
            self.add("paragraph", inline_text(caption, self.names))
        if layout:
            for cell in cells:
                self.container(cell)
            return
        grid = table_grid(rows, self.names)
        if grid:
            self.blocks.append(RawBlock("table", rows=grid))

    def definition_list(self, el: Tag) -> None:
        rows: list[list[str]] = []
        for node in _dl_items(el, self.names):
            text = cell_text(node, self.names)
            if node.name == "dt":
                rows.append([text, ""])
            elif rows and rows[-1][1] == "" and len(rows[-1]) == 2 and rows[-1][0]:
                rows[-1][1] = text
            elif rows and rows[-1][0]:
                rows[-1][1] += "\n" + text
            else:
                rows.append(["", text])
        if rows:
            self.blocks.append(RawBlock("table", rows=rows))


def _rows(table: Tag) -> list[Tag]:
    """The table's own <tr>s (directly or in thead/tbody/tfoot), not those of nested tables."""
    rows: list[Tag] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.children if isinstance(c, Tag) and c.name == "tr")
    return rows


def _cells(tr: Tag) -> list[Tag]:
    return [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]


def _dl_items(el: Tag, names: bool = True) -> Iterable[Tag]:
    """dt/dd children of a dl, also inside the <div> wrappers HTML allows."""
    for child in el.find_all(recursive=False):
        if child.name in ("dt", "dd"):
            yield child
        elif child.name == "div" and not is_chrome(child, names=names):
            yield from (c for c in child.find_all(recursive=False) if c.name in ("dt", "dd"))


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def cell_text(cell: Tag, names: bool = True) -> str:
    """Text of a table cell or definition: its blocks joined by line breaks."""
    walker = _Walker(names)
    walker.container(cell)
    return "\n".join(b.text if b.kind != "table" else "\n".join(" ".join(r) for r in b.rows or []) for b in walker.blocks)


def table_grid(rows: list[Tag], names: bool = True) -> list[list[str]]:
    """Rows of cell texts with rowspans repeated and colspans left empty."""
    grid: list[list[str]] = []
    carry: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    for tr in rows:
        row: dict[int, str] = {}
        col = 0

        def take_carried(column: int, row: dict[int, str] = row) -> None:
            text, left = carry[column]
            row[column] = text
            if left <= 1:
                del carry[column]
            else:
                carry[column] = (text, left - 1)

        for cell in _cells(tr):
            while col in carry:
                take_carried(col)
                col += 1
            text = cell_text(cell, names)
            rowspan = min(max(_int(cell.get("rowspan"), 1), 1), _MAX_SPAN)
            colspan = min(max(_int(cell.get("colspan"), 1), 1), _MAX_SPAN)
            for k in range(colspan):
                row[col + k] = text if k == 0 else ""
                if rowspan > 1:
                    carry[col + k] = (text if k == 0 else "", rowspan - 1)
            col += colspan
        # rowspans from above that sit after this row's last cell
        for column in sorted(k for k in carry if k >= col):
            take_carried(column)
        if row:
            width = max(row) + 1
            grid.append([row.get(c, "") for c in range(width)])
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


def is_boilerplate_text(text: str) -> bool:
    return normalize(text).lower() in BOILERPLATE_PHRASES


def content_root(soup: BeautifulSoup) -> Tag:
    """The page's <main> (or role=main) when it has exactly one, else <body>."""
    mains = soup.find_all("main") or soup.find_all(attrs={"role": "main"})
    if len(mains) == 1:
        return mains[0]
    return soup.body or soup


def html_blocks(soup: BeautifulSoup, warn: Callable[[str], None] | None = None) -> list[RawBlock]:
    """Raw blocks of a parsed page, chrome and boilerplate phrases dropped. When the
    chrome names leave nothing of a page that has text, the page is read again with
    the element and role rules only, and `warn` is told."""
    root = content_root(soup)
    blocks = _walk(root, names=True)
    if not blocks:
        blocks = _walk(root, names=False)
        if blocks and warn:
            warn("the chrome rules (id/class names) removed the whole page; read it with element and role rules only")
    return blocks


def _walk(root: Tag, names: bool) -> list[RawBlock]:
    walker = _Walker(names)
    if root.name in ("body", "html", "[document]") or isinstance(root, BeautifulSoup):
        walker.container(root)
    else:
        walker.block(root)
    return [b for b in walker.blocks if b.kind == "table" or not is_boilerplate_text(b.text)]


# ----------------------------------------------------------------------------- title

TITLE_SEPARATORS = re.compile(r"\s*[｜|]\s*|\s+[-－–—:：]\s+")


def page_title(soup: BeautifulSoup, site_names: Iterable[str]) -> str | None:
    """<title> without the site's name ('総務省｜報道資料｜X' -> X, 'X | サイト名' -> X);
    the first h1 when there is no usable <title>."""
    h1 = soup.find("h1")
    h1_text = normalize(inline_text(h1)).replace("\n", "") if h1 else ""
    raw = soup.title.get_text(" ", strip=True) if soup.title else ""
    names = {normalize(n) for n in site_names if n}
    og = soup.find("meta", attrs={"property": "og:site_name"})
    if og and og.get("content"):
        names.add(normalize(og["content"]))
    segments = [normalize(s) for s in TITLE_SEPARATORS.split(raw) if normalize(s)]
    if segments:
        kept = [s for s in segments if s not in names]
        if not kept:
            return segments[0]
        if h1_text and h1_text in kept:
            return h1_text
        site_first = segments[0] in names
        return kept[-1] if site_first else kept[0]
    return h1_text or None
