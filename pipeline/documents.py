"""Decoding: the bytes of one capture -> a `Document` (blocks with pages and offsets).

    doc = decode_document(url, body, content_type, fetched_at)

HTML is decoded to text by pipeline.encoding (BOM, HTTP charset, <meta>, detection),
parsed with BeautifulSoup + lxml and cut into blocks by pipeline.html_blocks; PDFs are
read page by page by pipeline.pdf_blocks. Both end in extractors.model.build_document,
which normalises the text and records every block's offsets. Input that cannot be
decoded raises `DecodeError` with a message saying why.
"""
from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from extractors.model import Document, build_document
from pipeline.encoding import decode_bytes
from pipeline.publishers import PUBLISHERS, publisher_for

DocumentKind = Literal["html", "pdf"]

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


def decode_document(url: str, body: bytes, content_type: str | None, fetched_at: str | None = None) -> Document:
    """Decode one capture into a Document; raises DecodeError with the reason."""
    if not body or not body.strip():
        raise DecodeError(f"{url}: empty body")
    kind = document_kind(url, content_type, body)
    if kind == "pdf":
        return _decode_pdf(url, body, fetched_at)
    if kind == "html":
        return _decode_html(url, body, content_type, fetched_at)
    raise DecodeError(f"{url}: unsupported content type {_mime(content_type) or 'unknown'!r} (neither HTML nor PDF)")


def _decode_html(url: str, body: bytes, content_type: str | None, fetched_at: str | None) -> Document:
    from bs4 import BeautifulSoup

    from pipeline.html_blocks import html_blocks, page_title

    decoded = decode_bytes(body, content_type)
    if "\x00" in decoded.text[:4096]:
        raise DecodeError(f"{url}: body is binary, not HTML text (decoded as {decoded.encoding})")
    soup = BeautifulSoup(decoded.text, "lxml")
    publisher = publisher_for(url)
    site_names = {publisher} if publisher else set()
    blocks = html_blocks(soup)
    doc = build_document(
        url, "html", blocks, title=page_title(soup, site_names), publisher=publisher, fetched_at=fetched_at
    )
    doc.encoding = decoded.encoding
    return doc


def _decode_pdf(url: str, body: bytes, fetched_at: str | None) -> Document:
    from pipeline.pdf_blocks import PdfError, pdf_blocks, pdf_title

    try:
        blocks, metadata = pdf_blocks(body)
    except PdfError as exc:
        raise DecodeError(f"{url}: {exc}") from exc
    return build_document(
        url, "pdf", blocks, title=pdf_title(metadata, blocks), publisher=publisher_for(url), fetched_at=fetched_at
    )


__all__ = ["DecodeError", "Document", "PUBLISHERS", "decode_document", "document_kind", "publisher_for"]
