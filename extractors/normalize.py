"""Text normalisation for Japanese government pages: the one place that decides
how full-width forms, dashes, tildes and spaces are written in `Document.text`.

NFKC does most of the work (全角 full-width digits and letters to ASCII, 半角 half-width
katakana to full width), with three exceptions that matter for extraction:

* circled numbers (①②…) stay as they are: they mark list items and 類型 (categories);
* every wave dash (〜 U+301C, ～ U+FF5E, ∼ U+223C) becomes 〜, the range mark; a plain
  ASCII '~' that was ASCII in the source is left alone (URLs);
* the many hyphens and minus signs (‐ ‑ ‒ – − －) become '-', so phone numbers and
  ranges read the same whatever the page used.

Spaces: ideographic and no-break spaces become ' ', runs of spaces collapse, lines are
stripped. Line breaks are kept: a label line followed by a value line is meaningful.
"""
from __future__ import annotations

import re
import unicodedata

_KEEP = {chr(c) for c in range(0x2460, 0x24FF + 1)} | {chr(c) for c in range(0x3251, 0x325F + 1)} | {
    chr(c) for c in range(0x32B1, 0x32BF + 1)
}
_WAVE_DASHES = {"\u301c", "\uff5e", "\u223c", "\u2053"}
_HYPHENS = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\ufe63", "\uff0d"}
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\ufeff]")


def normalize_char(ch: str) -> str:
    """Normalise one character (may return several, e.g. ㈱ -> (株))."""
    if ch in _KEEP:
        return ch
    if ch in _WAVE_DASHES:
        return "〜"
    if ch in _HYPHENS:
        return "-"
    return unicodedata.normalize("NFKC", ch)


def normalize_line(line: str) -> str:
    """Normalise one line: characters, then spaces collapsed and stripped."""
    line = _ZERO_WIDTH_RE.sub("", line)
    out = unicodedata.normalize("NFC", "".join(normalize_char(ch) for ch in line))
    return _SPACES_RE.sub(" ", out).strip()


def normalize(text: str) -> str:
    """Normalise a block of text line by line; blank lines are dropped."""
    lines = (normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
