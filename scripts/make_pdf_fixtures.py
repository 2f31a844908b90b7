"""Write the small PDFs tests/test_documents_unseen.py reads (tests/fixtures/pdf/).

Real government PDFs come from Word, Ichitaro and PowerPoint through Acrobat: running
headers and page numbers on every page, paragraphs cut by page breaks, two-column
slides, tables continued over pages, 均等割り付け (letter-spaced) labels, scanned pages
with no text at all. The bundled corpus has none of these shapes, so this script draws
them, position by position, with a tiny PDF writer: the text uses a Type0 font with
Identity-H codes equal to Unicode code points and a ToUnicode map, not embedded (text
extraction never needs the glyphs), so each file is a few KB and needs nothing but
Python. The output is deterministic: running the script again gives the same bytes,
which a test checks.

Usage: python scripts/make_pdf_fixtures.py [--out DIR] [--libreoffice]

`--libreoffice` also writes encrypted_password.pdf (a document that needs the password
'koubo' to open) through LibreOffice's PDF export; LibreOffice's output is not
byte-for-byte repeatable, so that file is committed as made and not compared.

The texts are invented in the style of 公募要領 (calls for applications); they are not
the seed documents.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "tests" / "fixtures" / "pdf"

A4 = (595.0, 842.0)
A4_LANDSCAPE = (842.0, 595.0)


# --------------------------------------------------------------------------- writer


def char_width(ch: str) -> float:
    """Advance in em: half for ASCII and half-width forms, full for the rest."""
    return 0.5 if ord(ch) < 0x80 or 0xFF61 <= ord(ch) <= 0xFF9F else 1.0


def text_width(text: str, size: float, spacing: float = 0.0) -> float:
    return sum(char_width(c) * size + spacing for c in text)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Cut text into lines no wider than `width` (Japanese wraps anywhere)."""
    lines, line = [], ""
    for ch in text:
        if line and text_width(line + ch, size) > width:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line] if line else lines


@dataclass
class Page:
    """One page's content stream; y is measured from the top, as a reader does."""

    size: tuple[float, float] = A4
    ops: list[str] = field(default_factory=list)
    image: bool = False
    used: set[str] = field(default_factory=set)

    def text(self, x: float, top: float, text: str, size: float = 10.5, spacing: float = 0.0) -> None:
        """Draw `text` with its top at `top`; `spacing` is the PDF Tc (extra space per char)."""
        self.used.update(text)
        baseline = self.size[1] - top - size * 0.88
        hexcodes = "".join(f"{ord(c):04X}" for c in text)
        self.ops.append(f"BT /F1 {size:g} Tf {spacing:g} Tc 1 0 0 1 {x:.2f} {baseline:.2f} Tm <{hexcodes}> Tj ET")

    def centered(self, top: float, text: str, size: float = 10.5) -> None:
        self.text((self.size[0] - text_width(text, size)) / 2, top, text, size)

    def line(self, x0: float, top0: float, x1: float, top1: float, width: float = 0.6) -> None:
        h = self.size[1]
        self.ops.append(f"{width:g} w {x0:.2f} {h - top0:.2f} m {x1:.2f} {h - top1:.2f} l S")

    def paragraph(self, x: float, top: float, width: float, text: str, size: float = 10.5, leading: float = 1.6,
                  indent: float = 0.0) -> float:
        """Wrap and draw a paragraph; returns the top of the line after it."""
        lines = wrap(text, size, width - indent)
        for i, line in enumerate(lines):
            self.text(x + (indent if i == 0 else 0.0), top, line, size)
            top += size * leading
        return top

    def table(self, x: float, top: float, widths: list[float], rows: list[list[str]], size: float = 10.0,
              row_height: float = 22.0) -> float:
        """A fully ruled table, one text line per cell; returns its bottom."""
        right = x + sum(widths)
        bottom = top + row_height * len(rows)
        for r in range(len(rows) + 1):
            self.line(x, top + r * row_height, right, top + r * row_height)
        edge = x
        for w in [0.0, *widths]:
            edge += w
            self.line(edge, top, edge, bottom)
        for r, row in enumerate(rows):
            cx = x
            for w, cell in zip(widths, row, strict=True):
                self.text(cx + 4, top + r * row_height + (row_height - size) / 2, cell, size)
                cx += w
        return bottom


def _font_objects(used: set[str]) -> tuple[str, bytes]:
    """The /W array and ToUnicode CMap for the code points drawn."""
    codes = sorted({ord(c) for c in used if ord(c) <= 0xFFFF})
    half = [c for c in codes if char_width(chr(c)) == 0.5]
    widths = " ".join(f"{c} {c} 500" for c in half)
    blocks = sorted({c >> 8 for c in codes})
    ranges = "\n".join(f"<{b:02X}00> <{b:02X}FF> <{b:02X}00>" for b in blocks)
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{len(blocks)} beginbfrange\n{ranges}\nendbfrange\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    return f"[{widths}]" if widths else "[]", cmap.encode("ascii")


def write_pdf(pages: list[Page], *, title: str | None = None, compress: bool = True) -> bytes:
    """Serialise pages into a PDF (1.4) with one shared font and an xref table."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        if compress:
            data = zlib.compress(data, 9)
            extra += " /Filter /FlateDecode"
        return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"

    used = set().union(*(p.used for p in pages)) if pages else set()
    widths, cmap = _font_objects(used)
    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    descriptor = add(b"<< /Type /FontDescriptor /FontName /KouboSans /Flags 4 /FontBBox [0 -120 1000 880] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /KouboSans /CIDSystemInfo << /Registry (Adobe) "
                   f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity "
                   f"/DW 1000 /W {widths} >>".encode())
    to_unicode = add(stream(cmap))
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /KouboSans /Encoding /Identity-H "
               f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>".encode())
    image = add(stream(bytes(range(0, 256, 4)) * 64, " /Type /XObject /Subtype /Image /Width 64 /Height 64 "
                                                    "/ColorSpace /DeviceGray /BitsPerComponent 8"))
    kids = []
    for page in pages:
        ops = list(page.ops)
        if page.image:
            ops.insert(0, f"q {page.size[0]:g} 0 0 {page.size[1]:g} 0 0 cm /Im1 Do Q")
        content = add(stream("\n".join(ops).encode("ascii")))
        kids.append(add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page.size[0]:g} {page.size[1]:g}] "
            f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
            f"/Contents {content} 0 R >>".encode()))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    info = add(b"<< /Producer (koubo make_pdf_fixtures)" + (b" /Title <FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">" if title else b"") + b" >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --------------------------------------------------------------------------- documents

MARGIN = 72.0
BODY = 10.5


def _running(page: Page, number: int, total: int, title: str, style: str = "dash") -> None:
    """Running title at the top, page number at the bottom (as Word prints them)."""
    page.text(MARGIN, 36, title, 9)
    label = {"dash": f"- {number} -", "slash": f"{number} / {total}", "bare": str(number)}[style]
    page.centered(page.size[1] - 40, label, 9)


def youryou() -> bytes:
    """A 4-page 公募要領: running header + '- n -' footer, a paragraph cut by a page break."""
    title = "令和8年度 地域デジタル基盤活用推進事業 公募要領"
    width = A4[0] - 2 * MARGIN
    pages = [Page() for _ in range(4)]
    p1, p2, p3, p4 = pages
    p1.centered(90, "地域デジタル基盤活用推進事業 公募要領", 16)
    top = p1.paragraph(MARGIN, 130, width, "1. 事業の目的", 13)
    top = p1.paragraph(MARGIN, top + 4, width,
                       "本事業は、地域の課題解決に資するデジタル技術の実装を推進するため、地方公共団体が行う"
                       "計画策定及び実証の取組に要する経費の一部を補助するものである。", indent=BODY)
    top = p1.paragraph(MARGIN, top + 10, width, "2. 補助対象者", 13)
    for item in ("① 都道府県及び市区町村", "② 地方公共団体が出資する法人", "③ 一般社団法人又は一般財団法人"):
        top = p1.paragraph(MARGIN + BODY, top + 2, width - BODY, item)
    top = p2.paragraph(MARGIN, 80, width, "3. 公募期間", 13)
    top = p2.paragraph(MARGIN, top + 4, width, "令和8年4月1日(水)〜令和8年5月15日(金)17時必着", indent=BODY)
    top = p2.paragraph(MARGIN, top + 10, width, "4. 提出方法", 13)
    # This paragraph runs to the foot of page 2 and ends on page 3, as a page break cuts it.
    cut = ("応募書類は、電子メールにより事務局あて提出すること。なお、提出に当たっては、様式第1号から様式第4号まで"
           "の全ての書類を一つのファイルにまとめた上で、件名を「地域デジタル基盤活用推進事業応募(団体名)」とし、"
           "ファイルの容量が10MBを超える場合には分割して送付すること。提出後、事務局から受領の連絡が3開庁日以内に"
           "ない場合は、速やかに事務局まで問い合わせること。")
    lines = wrap(cut, BODY, width - BODY)
    top = 760 - (len(lines) - 2) * BODY * 1.6
    for i, line in enumerate(lines[:-1]):
        p2.text(MARGIN + (BODY if i == 0 else 0), top + i * BODY * 1.6, line, BODY)
    top = p3.paragraph(MARGIN, 80, width, lines[-1])
    top = p3.paragraph(MARGIN, top + 10, width, "5. 審査及び採択", 13)
    top = p3.paragraph(MARGIN, top + 4, width,
                       "外部有識者による審査を経て採択団体を決定し、令和8年6月下旬頃に公表する予定である。", indent=BODY)
    top = p4.paragraph(MARGIN, 80, width, "6. 問合せ先", 13)
    for line in ("地域デジタル基盤活用推進事業 事務局", "(株式会社地域情報研究所 公共事業部内)",
                 "電話:03-6811-2290(平日10時〜17時)", "E-mail:chiiki-dx@example-jimukyoku.jp"):
        top = p4.paragraph(MARGIN + BODY, top + 2, width, line)
    for n, page in enumerate(pages, start=1):
        _running(page, n, len(pages), title)
    return write_pdf(pages, title="Microsoft Word - 公募要領_最終版.docx")


def results_table() -> bytes:
    """Selected bodies in a table running over three pages: the header row is repeated
    on page 2 but not on page 3."""
    widths = [40.0, 110.0, 200.0, 100.0]
    header = ["No.", "都道府県", "団体名", "類型"]
    bodies = [("北海道", "上士幌町"), ("青森県", "三戸町"), ("岩手県", "遠野市"), ("宮城県", "丸森町"),
              ("秋田県", "五城目町"), ("山形県", "飯豊町"), ("福島県", "磐梯町"), ("茨城県", "境町"),
              ("栃木県", "茂木町"), ("群馬県", "川場村"), ("新潟県", "見附市"), ("富山県", "南砺市"),
              ("石川県", "加賀市"), ("長野県", "塩尻市"), ("岐阜県", "飛騨市"), ("静岡県", "藤枝市")]
    rows = [[str(i), pref, body, "類型①" if i % 2 else "類型②"] for i, (pref, body) in enumerate(bodies, start=1)]
    pages = [Page() for _ in range(3)]
    pages[0].text(MARGIN, 80, "令和8年度 地域デジタル基盤活用推進事業 採択団体一覧", 14)
    pages[0].paragraph(MARGIN, 110, A4[0] - 2 * MARGIN, "以下の団体を採択しました。")
    pages[0].table(MARGIN, 620, widths, [header] + rows[:6])
    pages[1].table(MARGIN, 80, widths, [header] + rows[6:12])
    pages[1].paragraph(MARGIN, 700, 400, "(次ページに続く)")
    pages[2].table(MARGIN, 80, widths, rows[12:])
    for n, page in enumerate(pages, start=1):
        _running(page, n, len(pages), "採択結果", "slash")
    return write_pdf(pages, title="採択団体一覧")


def two_column_slide() -> bytes:
    """A landscape slide: a full-width title, two columns, a full-width note under them."""
    page = Page(A4_LANDSCAPE)
    page.text(50, 40, "デジタル実装支援事業の概要", 22)
    col = 340.0
    left, right = 50.0, 452.0
    top = page.paragraph(left, 100, col, "類型① 計画策定支援", 15)
    for item in ("・地域課題の整理と優先順位付け", "・導入計画書の策定を専門家が伴走", "・支援期間は最長6か月"):
        top = page.paragraph(left, top + 4, col, item, 12)
    top = page.paragraph(right, 100, col, "類型② 実装支援", 15)
    for item in ("・ソリューションの導入と運用設計", "・補助上限額は1団体あたり2,000万円", "・補助率は2分の1"):
        top = page.paragraph(right, top + 4, col, item, 12)
    page.paragraph(50, 470, 740, "※いずれの類型も、応募は令和8年5月29日(金)正午までに電子メールで提出すること。", 12)
    page.centered(560, "3", 10)
    return write_pdf([page], title="PowerPoint プレゼンテーション")


def spaced_text() -> bytes:
    """均等割り付け: a heading drawn with character spacing, labels typed with spaces,
    next to ordinary text whose single spaces are real word breaks."""
    page = Page()
    page.text(MARGIN, 80, "公募要領", 16, spacing=12)
    page.text(MARGIN, 130, "申 請 者", BODY)
    page.text(MARGIN + 80, 130, "地方公共団体(都道府県及び市区町村)", BODY)
    page.text(MARGIN, 160, "所在地", BODY, spacing=BODY)
    page.text(MARGIN + 80, 160, "東京都千代田区霞が関2-1-2", BODY)
    page.text(MARGIN, 190, "担 当 課", BODY)
    page.text(MARGIN + 80, 190, "総務省 情報流通行政局 地域通信振興課", BODY)
    page.text(MARGIN, 220, "締 切 令和8年3月26日(木)午後5時", BODY)
    return write_pdf([page])


def borderless_results() -> bytes:
    """Selected bodies in a table drawn without ruling lines (a Word table with its
    borders off): 'No. | 都道府県 | 団体名 | 事業名', the prefecture written only on the
    first row of its group (a merged cell), the header repeated on page 2."""
    xs = [MARGIN, MARGIN + 40, MARGIN + 110, MARGIN + 220]
    header = ["No.", "都道府県", "団体名", "事業名"]
    groups = [("北海道", ["ニセコ町", "上士幌町", "更別村"]), ("宮城県", ["大崎市", "丸森町"]),
              ("長野県", ["塩尻市", "伊那市", "小布施町"]), ("熊本県", ["玉名市", "山江村"])]
    projects = ["行政手続オンライン化推進事業", "地域交通デジタル化実証", "スマート農業データ連携基盤構築",
                "窓口DX推進事業", "防災情報共有システム整備"]
    rows, n = [], 0
    for pref, bodies in groups:
        for k, body in enumerate(bodies):
            n += 1
            rows.append([str(n), pref if k == 0 else "", body, projects[n % len(projects)]])
    pages = [Page(), Page()]
    width = A4[0] - 2 * MARGIN
    pages[0].text(MARGIN, 80, "令和8年度 地域DX推進実証事業 採択結果", 14)
    pages[0].paragraph(MARGIN, 110, width, "審査の結果、以下の団体を採択しました。")
    for page, part, top in ((pages[0], rows[:6], 150.0), (pages[1], rows[6:], 80.0)):
        for r, row in enumerate([header] + part):
            for x, cell in zip(xs, row, strict=True):
                if cell:
                    page.text(x, top + r * 20, cell, 10)
        last = top + (len(part) + 1) * 20
    pages[1].paragraph(MARGIN, last + 20, width, "※事業名は応募時のものです。")
    for n, page in enumerate(pages, start=1):
        _running(page, n, len(pages), "採択結果", "bare")
    return write_pdf(pages, title="採択結果")


def amounts_table() -> bytes:
    """A grant list printed from Excel with no lines at all: '都道府県 | 市町村 | 事業名 |
    交付対象事業費(千円)', the amounts right-aligned (no shared left edge), the header
    centred over them, the prefecture only on its group's first row, and the document
    date right-aligned at the top right just above the header; page 2 goes on without
    repeating the header."""
    right = A4[0] - MARGIN
    xs = [MARGIN, MARGIN + 70, MARGIN + 150]
    amount_left = right - 110  # the amount column's box: header centred, numbers flush right
    header = ["都道府県", "市町村", "事業名", "交付対象事業費(千円)"]
    groups = [("青森県", [("弘前市", "行政手続オンライン化推進事業", "12,345"), ("八戸市", "窓口DX推進事業", "8,000"),
                         ("三沢市", "防災情報共有システム整備", "105,600")]),
              ("岩手県", [("盛岡市", "地域交通デジタル化実証", "9,870"), ("花巻市", "スマート農業データ連携", "23,400")]),
              ("秋田県", [("横手市", "電子申請基盤構築事業", "4,500"), ("大館市", "庁内ネットワーク更新", "61,000"),
                         ("湯沢市", "テレワーク環境整備", "730")]),
              ("山形県", [("米沢市", "遠隔医療連携実証", "15,000"), ("鶴岡市", "観光データ分析基盤", "7,250")])]
    rows = [[pref if k == 0 else "", *body] for pref, bodies in groups for k, body in enumerate(bodies)]
    pages = [Page(), Page()]
    pages[0].text(MARGIN, 70, "令和7年度 地域デジタル基盤活用推進事業 交付決定一覧", 14)
    pages[0].text(MARGIN, 112, "別紙1", BODY)
    date = "令和7年8月1日"
    pages[0].text(right - text_width(date, BODY), 112, date, BODY)

    def draw(page: Page, top: float, row: list[str], centred: bool = False) -> None:
        for x, cell in zip(xs, row[:3], strict=True):
            if cell:
                page.text(x, top, cell, 10)
        width = text_width(row[3], 10)
        x = amount_left + (right - amount_left - width) / 2 if centred else right - width
        page.text(x, top, row[3], 10)

    draw(pages[0], 132, header, centred=True)
    for r, row in enumerate(rows[:6]):
        draw(pages[0], 152 + r * 18, row)
    for r, row in enumerate(rows[6:]):
        draw(pages[1], 80 + r * 18, row)
    pages[1].text(MARGIN, 80 + len(rows[6:]) * 18 + 20, "※金額は千円未満を切り捨てて表示している。", BODY)
    return write_pdf(pages, title="交付決定一覧")


def aligned_text() -> bytes:
    """An ordinary page whose lines line up like columns without being a table: label |
    value lines, numbered items, a list written with full-width spaces."""
    page = Page()
    page.text(MARGIN, 80, "公募の概要", 14)
    for i, (label, value) in enumerate((("事業名", "地域DX推進実証事業"), ("実施主体", "都道府県及び市区町村"),
                                        ("補助率", "2分の1"), ("上限額", "1,000万円"))):
        page.text(MARGIN, 110 + i * 18, label, BODY)
        page.text(MARGIN + 80, 110 + i * 18, value, BODY)
    top = 200.0
    for n, (head, body) in enumerate((("目的", "地域の課題解決に資するデジタル技術の実装を支援する。"),
                                      ("対象", "地方公共団体が行う実証の取組を対象とする。"),
                                      ("期間", "交付決定の日から令和9年3月31日までとする。")), start=1):
        page.text(MARGIN, top, str(n), BODY)
        page.text(MARGIN + 20, top, head, BODY)
        page.text(MARGIN + 80, top, body, BODY)
        top += 18
    for item in ("1\u3000申請書(様式第1号)", "2\u3000事業計画書(様式第2号)", "3\u3000経費内訳書(様式第3号)"):
        page.text(MARGIN, top + 10, item, BODY)
        top += 18
    return write_pdf([page])


def scanned() -> bytes:
    """Two pages that are only images: what a scanner gives."""
    return write_pdf([Page(image=True), Page(image=True)], title="スキャン文書")


def partly_scanned() -> bytes:
    """A text page followed by a scanned page (an attached signed form)."""
    text = Page()
    text.text(MARGIN, 80, "様式第1号 応募申請書の提出について", 13)
    text.paragraph(MARGIN, 110, A4[0] - 2 * MARGIN, "申請書は令和8年5月15日(金)までに提出すること。")
    return write_pdf([text, Page(image=True)])


def many_pages(count: int) -> bytes:
    """A long document (for limits and benchmarks): each page a heading and paragraphs."""
    pages = []
    width = A4[0] - 2 * MARGIN
    for n in range(1, count + 1):
        page = Page()
        top = page.paragraph(MARGIN, 80, width, f"第{n}章 事業の実施について", 13)
        for _ in range(6):
            top = page.paragraph(MARGIN, top + 6, width,
                                 "補助事業者は、補助事業の実施に当たり、関係法令を遵守するとともに、"
                                 "事業の進捗状況を四半期ごとに報告しなければならない。", indent=BODY)
        _running(page, n, count, "補助金交付要綱")
        pages.append(page)
    return write_pdf(pages)


FIXTURES = {
    "youryou_running_header.pdf": youryou,
    "results_table_over_pages.pdf": results_table,
    "two_column_slide.pdf": two_column_slide,
    "spaced_text.pdf": spaced_text,
    "borderless_results.pdf": borderless_results,
    "aligned_text.pdf": aligned_text,
    "amounts_table.pdf": amounts_table,
    "scanned.pdf": scanned,
    "partly_scanned.pdf": partly_scanned,
}


def encrypted_by_libreoffice(out: Path) -> None:
    """encrypted_password.pdf: LibreOffice's PDF export with an open password."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("--libreoffice needs soffice (apt-get install libreoffice-writer-nogui)")
    options = {"EncryptFile": {"type": "boolean", "value": "true"},
               "DocumentOpenPassword": {"type": "string", "value": "koubo"}}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "encrypted_password.html"
        source.write_text("<html><body><h1>公募要領</h1><p>応募期間:令和8年4月1日から5月15日まで</p></body></html>",
                          encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                        "--infilter=HTML (StarWriter)", "--convert-to", f"pdf:writer_pdf_Export:{json.dumps(options)}",
                        str(source), "--outdir", tmp], check=True, capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / "encrypted_password.pdf", out / "encrypted_password.pdf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--libreoffice", action="store_true", help="also make encrypted_password.pdf")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.libreoffice:
        encrypted_by_libreoffice(args.out)
    for name, make in FIXTURES.items():
        data = make()
        (args.out / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes sha256 {hashlib.sha256(data).hexdigest()[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
