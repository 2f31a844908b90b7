"""Find e-mail addresses in Japanese page text, including the obfuscated forms pages
use against spam (name_atmark_domain, name(at)domain, name アットマーク domain …).

The token written for '@' is also learnt from the page's own caution sentence
(迷惑メール対策のため「@」を「★」と表示 → '★'), and the sentence itself can never
become an address because no local part and domain surround its 「@」 / 「_atmark_」.
Results are real addresses: '@' restored, lower-cased, validated; text inside URLs and
example/place-holder addresses are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.vocab_contacts import (
    AT_TOKENS,
    LEARN_AT_RES,
    PLACEHOLDER_LOCAL_RE,
    RESERVED_DOMAIN_RE,
    URL_RE,
)

_LOCAL = r"[A-Za-z0-9._%+\-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})+"
_LOCAL_OK_RE = re.compile(r"^[a-z0-9_%+\-]+(?:\.[a-z0-9_%+\-]+)*$")
_TLD_RE = re.compile(r"^[a-z]{2,24}$|^xn--[a-z0-9\-]{2,59}$")


@dataclass(frozen=True)
class EmailMatch:
    """An address found in text: `text[start:end]` is the address as written."""

    address: str  # real address, lower-cased
    start: int
    end: int


@lru_cache(maxsize=64)
def _pattern(tokens: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True))
    return re.compile(
        rf"(?<![A-Za-z0-9._%+\-])(?P<local>{_LOCAL})[ ]?(?:{alternatives})[ ]?(?P<domain>{_DOMAIN})(?![A-Za-z0-9\-]|\.[A-Za-z0-9])",
        re.IGNORECASE,
    )


def learnt_tokens(text: str) -> tuple[str, ...]:
    """Tokens the page says it writes for '@' (「@」を「★」と表示 → ★), either way round."""
    found: list[str] = []
    for pattern in LEARN_AT_RES:
        for m in pattern.finditer(text):
            token = m.group(1)
            # A bare word like 'at' would split ordinary addresses: keep tokens that
            # carry a non-alphanumeric character or are long enough to be unmistakable.
            if token and (not token.isascii() or not token.isalnum() or len(token) >= 5):
                found.append(token)
    return tuple(dict.fromkeys(found))


def is_valid_address(address: str) -> bool:
    """A syntactically sound, non-example address (already lower-cased)."""
    if address.count("@") != 1 or len(address) > 254:
        return False
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL_OK_RE.match(local):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not _TLD_RE.match(labels[-1]):
        return False
    if any(not re.fullmatch(_LABEL, label, re.IGNORECASE) for label in labels):
        return False
    return not (RESERVED_DOMAIN_RE.search(domain) or PLACEHOLDER_LOCAL_RE.match(local))


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL_RE.finditer(text)]


def find_emails(text: str) -> list[EmailMatch]:
    """Every valid address in `text`, in order, with the offsets of its written form."""
    if "@" not in text and "＠" not in text and not re.search(r"at|アットマーク|あっとまーく", text, re.IGNORECASE):
        return []
    tokens = AT_TOKENS + learnt_tokens(text)
    urls = _url_spans(text)
    out: list[EmailMatch] = []
    for m in _pattern(tokens).finditer(text):
        start, end = m.span()
        if any(a <= start < b and not text[a:b].lower().startswith("mailto:") for a, b in urls):
            continue
        local = m.group("local").strip(".").lower()
        domain = m.group("domain").lower()
        address = f"{local}@{domain}"
        if is_valid_address(address):
            start += len(m.group("local")) - len(m.group("local").lstrip("."))
            out.append(EmailMatch(address, start, end))
    return out
