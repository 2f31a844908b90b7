"""Addresses and links: normalise a URL, decode an HTML page just enough to read its
links, and list the http(s) links it holds.

Japanese government pages are often Shift_JIS with the charset only in a <meta> tag (the
HTTP header says plain `text/html`), and hold cp932-only characters (①, ㈱, 髙); so the
page's own declaration is read before guessing, and Shift_JIS is decoded as cp932.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left as they are when percent-encoding a path or query (RFC 3986 reserved
# + unreserved + '%', so an already encoded address is not encoded twice).
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"

# Names servers and pages use → the Python codec that decodes what they really send.
CHARSET_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932", "cp932": "cp932",
    "euc-jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "euc_jp": "euc_jis_2004",
    "iso-2022-jp": "iso2022_jp_ext",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def normalize_url(url: str) -> str:
    """One spelling per address: lower-case scheme and host, no default port, no
    fragment, '/' for an empty path, non-ASCII percent-encoded as UTF-8 (as browsers do)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host
    if parts.port is not None and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = quote(parts.path or "/", safe=_SAFE_PATH)
    query = quote(parts.query, safe=_SAFE_QUERY)
    return urlunsplit((scheme, netloc, path, query, ""))


def is_http_url(url: str) -> bool:
    """Only http and https are ever fetched (no mailto:, javascript:, tel:, ftp:, data:)."""
    return urlsplit(url).scheme.lower() in ("http", "https")


def origin(url: str) -> str:
    """scheme://host[:port] of an address."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def media_type(content_type: str | None) -> str:
    """`text/html; charset=UTF-8` → `text/html`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def looks_like_html(content_type: str | None, body: bytes) -> bool:
    """HTML by header, or (header missing / generic) by its first bytes."""
    kind = media_type(content_type)
    if kind in ("text/html", "application/xhtml+xml"):
        return True
    if kind not in ("", "application/octet-stream", "text/plain"):
        return False
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def html_charset(content_type: str | None, body: bytes) -> str:
    """The codec for an HTML body: HTTP header, then BOM, then <meta>, then a guess."""
    match = re.search(r"charset\s*=\s*([^\s;]+)", content_type or "", re.I)
    codec = _codec(match.group(1)) if match else None
    if codec:
        return codec
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8"
    meta = _META_CHARSET.search(body[:4096])
    codec = _codec(meta.group(1).decode("ascii", "replace")) if meta else None
    if codec:
        return codec
    best = from_bytes(body[:65536]).best()
    return _codec(best.encoding) if best else "utf-8"


def decode_html(content_type: str | None, body: bytes) -> str:
    """The page as text (undecodable bytes replaced, never an exception)."""
    return body.decode(html_charset(content_type, body), errors="replace")


def extract_links(base_url: str, content_type: str | None, body: bytes) -> list[str]:
    """Every http(s) link of an HTML page (a, area, frame, iframe), resolved against the
    page address (or its <base href>), normalised, in page order, without duplicates."""
    soup = BeautifulSoup(decode_html(content_type, body), "lxml")
    base_tag = soup.find("base", href=True)
    base = urljoin(base_url, base_tag["href"].strip()) if base_tag else base_url
    found: dict[str, None] = {}
    for tag in soup.find_all(["a", "area", "frame", "iframe"]):
        target = tag.get("href") if tag.name in ("a", "area") else tag.get("src")
        if not target or not isinstance(target, str):
            continue
        target = target.strip()
        if not target or target.startswith("#"):
            continue
        absolute = urljoin(base, target)
        if is_http_url(absolute):
            found.setdefault(normalize_url(absolute), None)
    return list(found)
