"""Bytes -> text for web pages, with the encoding rules Japanese government sites need.

Evidence is weighed in this order, each candidate decoded strictly so that a wrong
guess falls through to the next one instead of producing mojibake:

1. a byte order mark (unambiguous: it beats everything, as in the WHATWG Encoding
   standard; a server header is often stale, a BOM never is);
2. the HTTP Content-Type charset;
3. the document's own declaration: ``<meta charset>``, ``<meta http-equiv=Content-Type>``
   or an XML declaration, looked for in the first bytes;
4. charset-normalizer's guess;
5. UTF-8 with replacement characters, so decoding never fails on text.

Bytes that decode strictly as UTF-8 and hold Japanese (3-byte sequences) are UTF-8
whatever a header or <meta> says: sites move to UTF-8 and keep a stale Shift_JIS
<meta> in their templates, and a legacy-encoded Japanese page is practically never
valid UTF-8 (its lead and trail bytes do not line up), so this cannot mislead.

A declared charset that is only a Latin default (ISO-8859-1, windows-1252, US-ASCII)
is weak evidence: servers send it for pages that are really Shift_JIS, so when the body
has non-ASCII bytes it is tried only after the page's own declaration.

Labels are mapped to the codec real pages need: every Shift_JIS label to cp932 (the
Windows superset with ①, ㈱, 髙 and the ～ U+FF5E mapping), EUC-JP to euc_jis_2004 where
it decodes and euc_jp otherwise.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# label (lower case) -> codecs tried in order, strictly; the first that decodes wins.
CHARSET_CODECS: dict[str, tuple[str, ...]] = {
    "shift_jis": ("cp932",),
    "shift-jis": ("cp932",),
    "sjis": ("cp932",),
    "x-sjis": ("cp932",),
    "s-jis": ("cp932",),
    "ms_kanji": ("cp932",),
    "ms-kanji": ("cp932",),
    "csshiftjis": ("cp932",),
    "windows-31j": ("cp932",),
    "cswindows31j": ("cp932",),
    "cp932": ("cp932",),
    "ms932": ("cp932",),
    "x-ms-cp932": ("cp932",),
    "shift_jis_2004": ("shift_jis_2004", "cp932"),
    "shift_jisx0213": ("shift_jisx0213", "cp932"),
    "euc-jp": ("euc_jis_2004", "euc_jp"),
    "euc_jp": ("euc_jis_2004", "euc_jp"),
    "eucjp": ("euc_jis_2004", "euc_jp"),
    "x-euc-jp": ("euc_jis_2004", "euc_jp"),
    "cseucpkdfmtjapanese": ("euc_jis_2004", "euc_jp"),
    "euc-jis-2004": ("euc_jis_2004", "euc_jp"),
    "iso-2022-jp": ("iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_2"),
    "csiso2022jp": ("iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_2"),
    "utf-8": ("utf-8",),
    "utf8": ("utf-8",),
    "unicode-1-1-utf-8": ("utf-8",),
    # A page that says UTF-16 in an ASCII-compatible <meta> cannot be UTF-16 (WHATWG).
    "utf-16": ("utf-8",),
    "utf-16le": ("utf-8",),
    "utf-16be": ("utf-8",),
}

# Labels servers send by default whatever the page really is.
WEAK_LABELS = frozenset({"iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252", "us-ascii", "ascii"})

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# How far into the body a <meta> / XML declaration is looked for. WHATWG says 1024
# bytes; older Japanese pages put long comments first, so look further.
PRESCAN_BYTES = 8192

_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_META = re.compile(rb"<meta\b[^>]*>", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["']""", re.I)
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_NON_ASCII = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class DecodedText:
    """Text plus the codec that produced it and the evidence it came from
    ('bom', 'http', 'meta', 'detected' or 'fallback')."""

    text: str
    encoding: str
    source: str


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, lower-cased."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type.encode("latin-1", "replace"))
    return match.group(1).decode("ascii").lower() if match else None


def charset_from_markup(body: bytes) -> str | None:
    """The charset a page declares about itself: <meta charset>, <meta http-equiv=
    Content-Type content=...charset=...>, or an XML declaration's encoding."""
    head = body[:PRESCAN_BYTES]
    xml = _XML_DECL.match(head)
    head = _COMMENT.sub(b"", head)
    for tag in _META.finditer(head):
        match = _CHARSET_PARAM.search(tag.group(0))
        if match:
            return match.group(1).decode("ascii").lower()
    return xml.group(1).decode("ascii").lower() if xml else None


def codecs_for(label: str) -> tuple[str, ...]:
    """Codecs to try for a charset label; unknown labels are tried as Python knows them."""
    label = label.strip().lower()
    if label in CHARSET_CODECS:
        return CHARSET_CODECS[label]
    try:
        return (codecs.lookup(label).name,)
    except LookupError:
        return ()


def _try(body: bytes, label: str, source: str) -> DecodedText | None:
    for codec in codecs_for(label):
        try:
            return DecodedText(body.decode(codec), codec, source)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _detect(body: bytes) -> DecodedText | None:
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is None:
        return None
    return _try(body, best.encoding, "detected")


def decode_bytes(body: bytes, content_type: str | None = None, *, markup: bool = True) -> DecodedText:
    """Decode a response body by the rules in the module docstring. `markup` says
    whether to look for an in-document declaration (HTML/XML)."""
    for bom, codec in BOMS:
        if body.startswith(bom):
            try:
                return DecodedText(body.decode(codec), "utf-8" if codec == "utf-8-sig" else codec, "bom")
            except UnicodeDecodeError:
                break
    http = charset_from_content_type(content_type)
    meta = charset_from_markup(body) if markup else None
    declared = [label for label in (http, meta) if label]
    if declared and not all(_is_utf8_label(label) for label in declared) and _is_japanese_utf8(body):
        return DecodedText(body.decode("utf-8"), "utf-8", "detected")
    weak_http = http in WEAK_LABELS and _NON_ASCII.search(body) is not None
    if http and not weak_http and (decoded := _try(body, http, "http")):
        return decoded
    if meta and (decoded := _try(body, meta, "meta")):
        return decoded
    if weak_http and http and (decoded := _try(body, http, "http")) and not _looks_japanese_bytes(body):
        return decoded
    if decoded := _detect(body):
        return decoded
    if decoded := _try(body, "utf-8", "fallback"):
        return decoded
    return DecodedText(body.decode("utf-8", errors="replace"), "utf-8", "fallback")


def _is_utf8_label(label: str) -> bool:
    return codecs_for(label)[:1] == ("utf-8",)


_UTF8_JAPANESE = re.compile(rb"[\xe3-\xe9][\x80-\xbf]{2}")


def _is_japanese_utf8(body: bytes) -> bool:
    """Strictly valid UTF-8 with at least a few 3-byte (kana, kanji) sequences."""
    if len(_UTF8_JAPANESE.findall(body[:65536])) < 4:
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_japanese_bytes(body: bytes) -> bool:
    """True when the bytes decode strictly as UTF-8 or cp932 into text with kana:
    then a Latin-1 header is surely wrong."""
    for codec in ("utf-8", "cp932", "euc_jp"):
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if re.search(r"[\u3041-\u30ff]", text):
            return True
    return False
