"""Decoding: the bytes of one capture -> a `Document` (blocks with pages and offsets).

    doc = decode_document(url, body, content_type, fetched_at)

HTML is decoded to text by pipeline.encoding (BOM, HTTP charset, <meta>, detection),
parsed with BeautifulSoup + lxml and cut into blocks by pipeline.html_blocks; PDFs are
read page by page by pipeline.pdf_blocks. Both end in extractors.model.build_document,
which normalises the text and records every block's offsets. Input that cannot be
decoded raises `DecodeError` with a message saying why: empty bodies, types that are
neither HTML nor PDF, broken / encrypted / image-only PDFs, binary bodies, and pages
served with 200 that say they are not found (soft 404).

Huge inputs are cut, never refused: `DecodeSettings` holds the limits (bytes of HTML,
pages of a PDF, characters of text) and every cut is logged as a warning, which the
build records with the document.
"""
from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from extractors.model import Document, RawBlock, build_document
from pipeline.encoding import decode_bytes
from pipeline.publishers import PUBLISHERS, publisher_for

log = logging.getLogger(__name__)

DocumentKind = Literal["html", "pdf"]

# Bump when decoding changes what a document's text or blocks are.
VERSION = "9"


@dataclass(frozen=True)
class DecodeSettings:
    """Limits that keep one huge capture from taking minutes or gigabytes. Measured
    (scripts/bench_decode.py): lxml + the block walk take about 1 s per 2 MB of
    HTML with a peak of ~15x the bytes in memory; pdfplumber ~40 ms per text page."""

    # HTML bodies are cut at a line end before this many bytes (government pages are
    # well under 1 MB; a 50 MB page is a generated list or a mistake).
    max_html_bytes: int = 4 * 1024 * 1024
    # PDFs: only the first pages are read (a 公募要領 has 10-60 pages).
    max_pdf_pages: int = 300
    # Blocks stop once the text reaches this many characters (extractors run on the rest).
    max_text_chars: int = 1_000_000


DEFAULT_DECODE_SETTINGS = DecodeSettings()

# A page served with 200 whose title or first heading says it is not there.
NOT_FOUND = re.compile(
    r"ページが見つかりません|ページは見つかりません|お探しのページ|ページが存在しません|ファイルが見つかりません|"
    r"指定されたページ|\b404\b|not\s+found",
    re.I,
)
NOT_FOUND_MAX_CHARS = 1500  # longer pages that mention it are real content

PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/acrobat", "applications/vnd.pdf", "text/pdf"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", "/")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


class DecodeError(ValueError):
    """The bytes of a capture cannot be turned into a Document."""


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def document_kind(url: str, content_type: str | None, body: bytes) -> DocumentKind | None:
    """'pdf' or 'html' by the bytes first (servers mislabel), then the Content-Type,
    then the address; None when the capture is neither."""
    head = body[:1024]
    if b"%PDF-" in head:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00")
    if _HTML_SNIFF.match(stripped):
        return "html"
    mime = _mime(content_type)
    if mime in PDF_TYPES:
        return "pdf"
    if mime in HTML_TYPES:
        return "html"
    if mime and mime not in {"application/octet-stream", "binary/octet-stream", "text/plain"}:
        return None
    path = urlsplit(url).path.lower()
    if path.endswith(".pdf"):
        return "pdf"
    if path.endswith(HTML_SUFFIXES) or path == "":
        return "html"
    return None


def decode_document(url: str, body: bytes, content_type: str | None, fetched_at: str | None = None, *,
                    settings: DecodeSettings = DEFAULT_DECODE_SETTINGS) -> Document:
    """Decode one capture into a Document; raises DecodeError with the reason.
    Cuts made to fit `settings` are logged as warnings naming the address."""
    if not body or not body.strip():
        raise DecodeError(f"{url}: empty body")

    def warn(message: str) -> None:
        log.warning("%s: %s", url, message)

    kind = document_kind(url, content_type, body)
    if kind == "pdf":
        return _decode_pdf(url, body, fetched_at, settings, warn)
    if kind == "html":
        return _decode_html(url, body, content_type, fetched_at, settings, warn)
    raise DecodeError(f"{url}: unsupported content type {_mime(content_type) or 'unknown'!r} (neither HTML nor PDF)")


def _cut_html(body: bytes, limit: int, warn: Callable[[str], None]) -> bytes:
    """The first `limit` bytes, ending at a line end (or tag end) so no character
    of a multi-byte encoding is split."""
    if len(body) <= limit:
        return body
    cut = max(body.rfind(b"\n", 0, limit), body.rfind(b">", 0, limit))
    cut = cut + 1 if cut > 0 else limit
    warn(f"HTML is {len(body):,} bytes; only the first {cut:,} are read (max_html_bytes)")
    return body[:cut]


def _limit_text(blocks: list[RawBlock], limit: int, warn: Callable[[str], None]) -> list[RawBlock]:
    """Blocks up to about `limit` characters of text; the block that crosses it is cut
    (a table between rows, text at a line end) and the rest dropped, with a warning."""
    total = 0
    for i, block in enumerate(blocks):
        size = len(block.text) + 1 + sum(len(c or "") + 3 for row in block.rows or [] for c in row)
        if total + size <= limit:
            total += size
            continue
        room = limit - total
        cut = _cut_block(block, room)
        kept = blocks[:i] + ([cut] if cut else [])
        warn(f"text is longer than {limit:,} characters; only the first {limit:,} are kept "
             f"({len(blocks) - len(kept)} of {len(blocks)} blocks dropped, the cut at page {block.page or '-'}) "
             f"(max_text_chars)")
        return kept
    return blocks


def _cut_block(block: RawBlock, room: int) -> RawBlock | None:
    """The head of `block` that fits in `room` characters, or None."""
    if block.rows is not None:
        rows, used = [], 0
        for row in block.rows:
            used += sum(len(c or "") + 3 for c in row)
            if used > room:
                break
            rows.append(row)
        return RawBlock(block.kind, block.text, block.page, block.level, rows) if rows else None
    head = block.text[: max(room - 1, 0)]
    head = head[: head.rfind("\n")] if "\n" in head else head
    return RawBlock(block.kind, head, block.page, block.level) if head.strip() else None


def _decode_html(url: str, body: bytes, content_type: str | None, fetched_at: str | None,
                 settings: DecodeSettings, warn: Callable[[str], None]) -> Document:
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    from pipeline.html_blocks import html_blocks, page_title

    decoded = decode_bytes(_cut_html(body, settings.max_html_bytes, warn), content_type)
    if "\x00" in decoded.text[:4096]:
        raise DecodeError(f"{url}: body is binary, not HTML text (decoded as {decoded.encoding})")
    with warnings.catch_warnings():  # XHTML (with an XML declaration) is read as HTML on purpose
        warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(decoded.text, "lxml")
    publisher = publisher_for(url)
    site_names = {publisher} if publisher else set()
    blocks = _limit_text(html_blocks(soup, warn), settings.max_text_chars, warn)
    doc = build_document(
        url, "html", blocks, title=page_title(soup, site_names), publisher=publisher, fetched_at=fetched_at
    )
    doc.encoding = decoded.encoding
    _refuse_soft_404(url, doc, soup)
    return doc


def _refuse_soft_404(url: str, doc: Document, soup) -> None:
    """A short page whose <title> or first heading says 'not found' is an error page."""
    if len(doc.text) > NOT_FOUND_MAX_CHARS:
        return
    heading = next((b.text for b in doc.blocks if b.kind == "heading"), "")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for said in (title, heading, doc.text[:80] if not heading else ""):
        if said and NOT_FOUND.search(said):
            raise DecodeError(f"{url}: an error page served as a document (it says {said[:60]!r}; soft 404)")


def _decode_pdf(url: str, body: bytes, fetched_at: str | None, settings: DecodeSettings,
                warn: Callable[[str], None]) -> Document:
    from pipeline.pdf_blocks import PdfError, pdf_blocks, pdf_title

    cut_short = b"%%EOF" not in body[-2048:]
    try:
        blocks, metadata = pdf_blocks(body, max_pages=settings.max_pdf_pages, warn=warn)
    except PdfError as exc:
        if cut_short:
            raise DecodeError(f"{url}: PDF is cut short (no %%EOF at the end of its {len(body):,} bytes): {exc}") from exc
        raise DecodeError(f"{url}: {exc}") from exc
    if cut_short:
        warn("PDF does not end with %%EOF (cut short?); the pages that could be read are kept")
    blocks = _limit_text(blocks, settings.max_text_chars, warn)
    return build_document(
        url, "pdf", blocks, title=pdf_title(metadata, blocks), publisher=publisher_for(url), fetched_at=fetched_at
    )


__all__ = [
    "DEFAULT_DECODE_SETTINGS", "DecodeError", "DecodeSettings", "Document", "PUBLISHERS", "VERSION",
    "decode_document", "document_kind", "publisher_for",
]
