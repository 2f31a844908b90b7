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

Merged table cells: a rowspan value is repeated in every row it covers (each row then
reads alone: 北海道 | 標茶町), the cells a colspan covers are left empty (a row never
holds the same text twice).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from extractors.model import RawBlock
from extractors.normalize import normalize

# Elements whose content is never reader text.
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "object", "embed",
    "form", "button", "select", "input", "textarea", "option", "map", "head", "title", "meta", "link",
})
# Landmark elements that hold chrome; header/footer only outside article/main/section
# (inside them they are a section's own header, per the HTML spec's banner rule).
CHROME_TAGS = frozenset({"nav", "aside"})
SECTION_CHROME_TAGS = frozenset({"header", "footer"})
SECTIONING = frozenset({"article", "main", "section"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})

# id / class names of chrome, compared lower-cased without '-' and '_'.
CHROME_NAMES = frozenset({
    "header", "siteheader", "pageheader", "headerarea", "headerwrap", "headerwrapper",
    "footer", "sitefooter", "pagefooter", "footerarea", "footerwrap", "footerwrapper",
    "nav", "navi", "navigation", "gnav", "gnavi", "globalnav", "globalnavi", "globalnavigation", "globalmenu",
    "headernav", "headernavi", "headermenu", "footernav", "footernavi", "footermenu", "utilitynav", "utility",
    "sidebar", "sidenav", "sidenavi", "sidemenu", "sidecolumn", "localnav", "localnavi", "lnav", "lnavi",
    "subnav", "subnavi", "submenu", "snav",
    "breadcrumb", "breadcrumbs", "breadcrumblist", "topicpath", "pankuzu", "pankuzulist", "bread", "crumbs",
    "currentposition",
    "skip", "skiplink", "skipnav", "skipnavi", "skiptocontent", "skipmenu",
    "pagetop", "pagetopbtn", "totop", "backtotop", "gototop", "returntop",
    "searchbox", "sitesearch", "search", "share", "sns", "snsshare", "socialshare", "socialbuttons",
    "copyright", "fontsize", "textsize", "changefontsize",
})
# id / class prefixes that mark chrome whatever follows (headerNavi, breadcrumbArea…).
CHROME_PREFIXES = ("breadcrumb", "topicpath", "pankuzu", "gnav", "globalnav", "skip", "pagetop", "sitefooter", "siteheader", "footer")

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
_CJK_NEWLINE = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_MAX_SPAN = 100


def _norm_name(name: str) -> str:
    return name.lower().replace("-", "").replace("_", "")


def is_chrome(el: Tag) -> bool:
    """True for elements that hold site chrome rather than content."""
    name = el.name
    if name in CHROME_TAGS:
        return True
    if name in SECTION_CHROME_TAGS and not any(p.name in SECTIONING for p in el.parents):
        return True
    if (el.get("role") or "").lower() in CHROME_ROLES:
        return True
    if el.has_attr("hidden") or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style") or "", re.I):
        return True
    names = [el.get("id") or ""] + list(el.get("class") or [])
    for raw in names:
        norm = _norm_name(raw)
        if norm and (norm in CHROME_NAMES or norm.startswith(CHROME_PREFIXES)):
            return True
    return False


def _text_of_string(s: NavigableString) -> str:
    """Source whitespace of one text node: a line break between two Japanese
    characters is no space (the page's author wrapped the source), others collapse."""
    return _WS.sub(" ", _CJK_NEWLINE.sub("", str(s)))


def _skipped(node: object) -> bool:
    return isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction))


def inline_text(el: Tag) -> str:
    """Text of an element as inline content: <br> is a line break, chrome and
    dropped elements vanish, block children end a line."""
    parts: list[str] = []
    for node in el.children:
        if _skipped(node):
            continue
        if isinstance(node, NavigableString):
            parts.append(_text_of_string(node))
        elif isinstance(node, Tag):
            if node.name in DROP_TAGS or is_chrome(node):
                continue
            if node.name == "br":
                parts.append("\n")
            elif node.name in BLOCK_TAGS:
                parts.append("\n" + inline_text(node) + "\n")
            else:
                parts.append(inline_text(node))
    return "".join(parts)


def _has_block_child(el: Tag) -> bool:
    return any(isinstance(d, Tag) and d.name in BLOCK_TAGS for d in el.descendants)


class _Walker:
    """Depth-first walk collecting RawBlocks; inline runs between block children
    become paragraphs."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []

    def add(self, kind: str, text: str, level: int | None = None) -> None:
        if text.strip():
            self.blocks.append(RawBlock(kind, text, level=level))  # type: ignore[arg-type]

    def container(self, el: Tag) -> None:
        buffer: list[str] = []

        def flush() -> None:
            self.add("paragraph", "".join(buffer))
            buffer.clear()

        for node in el.children:
            if _skipped(node):
                continue
            if isinstance(node, NavigableString):
                buffer.append(_text_of_string(node))
                continue
            if not isinstance(node, Tag) or node.name in DROP_TAGS or is_chrome(node):
                continue
            if node.name == "br":
                buffer.append("\n")
            elif node.name in BLOCK_TAGS or _has_block_child(node):
                flush()
                self.block(node)
            else:
                buffer.append(inline_text(node))
        flush()

    def block(self, el: Tag) -> None:
        name = el.name
        if name in HEADINGS:
            self.add("heading", inline_text(el), HEADINGS[name])
        elif name in PARAGRAPH_TAGS:
            if _has_block_child(el) and name != "pre":
                self.container(el)
            else:
                self.add("paragraph", el.get_text() if name == "pre" else inline_text(el))
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
            if is_chrome(item):
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
            if child.name != "li" and child.name not in DROP_TAGS and not is_chrome(child):
                self.block(child)

    def table(self, el: Tag) -> None:
        rows = [tr for tr in el.find_all("tr") if tr.find_parent("table") is el]
        cells = [c for tr in rows for c in tr.find_all(["td", "th"], recursive=False)]
        layout = (
            (el.get("role") or "").lower() in {"presentation", "none"}
            or el.find("table") is not None
            or len(cells) <= 1
        )
        caption = el.find("caption", recursive=False)
        if caption is not None:
            self.add("paragraph", inline_text(caption))
        if layout:
            for cell in cells:
                self.container(cell)
            return
        grid = table_grid(rows)
        if grid:
            self.blocks.append(RawBlock("table", rows=grid))

    def definition_list(self, el: Tag) -> None:
        rows: list[list[str]] = []
        for node in _dl_items(el):
            text = cell_text(node)
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


def _dl_items(el: Tag) -> Iterable[Tag]:
    """dt/dd children of a dl, also inside the <div> wrappers HTML allows."""
    for child in el.find_all(recursive=False):
        if child.name in ("dt", "dd"):
            yield child
        elif child.name == "div" and not is_chrome(child):
            yield from (c for c in child.find_all(recursive=False) if c.name in ("dt", "dd"))


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def cell_text(cell: Tag) -> str:
    """Text of a table cell or definition: its blocks joined by line breaks."""
    walker = _Walker()
    walker.container(cell)
    return "\n".join(b.text if b.kind != "table" else "\n".join(" ".join(r) for r in b.rows or []) for b in walker.blocks)


def table_grid(rows: list[Tag]) -> list[list[str]]:
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

        for cell in tr.find_all(["td", "th"], recursive=False):
            while col in carry:
                take_carried(col)
                col += 1
            text = cell_text(cell)
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


def html_blocks(soup: BeautifulSoup) -> list[RawBlock]:
    """Raw blocks of a parsed page, chrome and boilerplate phrases dropped."""
    walker = _Walker()
    root = content_root(soup)
    if root.name in ("body", "html", "[document]") or root is soup:
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
