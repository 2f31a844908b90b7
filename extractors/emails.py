"""Find e-mail addresses in Japanese page text, including the obfuscated forms pages
use against spam (name_atmark_domain, name(at)domain, name アットマーク domain …).

The token written for '@' is also learnt from the page's own caution sentence
(迷惑メール対策のため「@」を「★」と表示 → '★'), and the sentence itself can never
become an address because no local part and domain surround its 「@」 / 「_atmark_」.
Results are real addresses: '@' restored, lower-cased, validated; text inside URLs and
example/place-holder addresses are dropped.

An address a PDF wrapped over two lines (ml.soumu.|go.jp, japan-research-|souken.co.jp,
ml.sou mu.go.jp: pdf_blocks joins wrapped Latin lines with a space) is read whole: a line
break or space between address characters is dropped when the joined address ends in a
known top-level domain and the part before the break was no complete address.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.vocab_contacts import (
    AT_TOKENS,
    EXAMPLE_BEFORE_RE,
    FILE_EXTENSIONS,
    KNOWN_TLDS,
    LEARN_AT_RES,
    PLACEHOLDER_LABEL_RE,
    PLACEHOLDER_LOCAL_RE,
    RESERVED_DOMAIN_RE,
    URL_RE,
    WRAP_JOINERS,
)

_LOCAL = r"[A-Za-z0-9._%+\-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})+"
_LOCAL_OK_RE = re.compile(r"^[a-z0-9_%+\-]+(?:\.[a-z0-9_%+\-]+)*$")
_GLUED_WORD_RE = re.compile(r"\.([a-z]{2,})([A-Z][A-Za-z]*)$")
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
    if len(labels) < 2 or not _TLD_RE.match(labels[-1]) or labels[-1] in FILE_EXTENSIONS:
        return False
    if any(not re.fullmatch(_LABEL, label, re.IGNORECASE) for label in labels):
        return False
    if any(PLACEHOLDER_LABEL_RE.match(label) for label in labels):
        return False
    return not (RESERVED_DOMAIN_RE.search(domain) or PLACEHOLDER_LOCAL_RE.match(local))


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL_RE.finditer(text)]


def _tld(address: str) -> str:
    return address.rsplit(".", 1)[-1]


def _address_at(pattern: re.Pattern[str], text: str, junction: int) -> str | None:
    """The valid address of `text` whose written form covers position `junction`."""
    for m in pattern.finditer(text):
        if m.start() < junction <= m.end():
            address = f"{m.group('local').strip('.').lower()}@{m.group('domain').lower()}"
            return address if is_valid_address(address) else None
    return None


def _joins(pattern: re.Pattern[str], left: str, right: str) -> bool:
    """Is the break between these two runs of ASCII a cut inside one address?"""
    joined_address = _address_at(pattern, left + right, len(left))
    if joined_address is None or _tld(joined_address) not in KNOWN_TLDS:
        return False
    if left.endswith(".") or right.startswith("."):
        return True
    before = _address_at(pattern, left, len(left))
    if before is not None:  # a complete address already ends at the break
        return _tld(before) not in KNOWN_TLDS
    local_end = pattern.search(left + right)
    cut_in_domain = local_end is not None and local_end.end("local") < len(left)
    return cut_in_domain or left.endswith(tuple(WRAP_JOINERS)) or right.startswith(tuple(WRAP_JOINERS))


def _unwrapped(text: str, pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    """`text` with the breaks inside wrapped addresses removed, and for every character
    of the result its offset in `text`."""
    drop: set[int] = set()
    for m in re.finditer(r"(?<=[!-~])[ \n](?=[!-~])", text):
        i = m.start()
        left = re.search(r"[!-~]+$", text[max(0, i - 254) : i])
        right = re.match(r"[!-~]+", text[i + 1 : i + 255])
        if left and right and _joins(pattern, left.group(), right.group()):
            drop.add(i)
    if not drop:
        return text, list(range(len(text) + 1))
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), kept + [len(text)]


def find_emails(text: str) -> list[EmailMatch]:
    """Every valid address in `text`, in order, with the offsets of its written form."""
    if "@" not in text and "＠" not in text and not re.search(r"at|アットマーク|あっとまーく", text, re.IGNORECASE):
        return []
    tokens = AT_TOKENS + learnt_tokens(text)
    pattern = _pattern(tokens)
    joined, origin = _unwrapped(text, pattern)
    urls = _url_spans(joined)
    out: list[EmailMatch] = []
    for m in pattern.finditer(joined):
        start, end = m.span()
        if any(a <= start < b and not joined[a:b].lower().startswith("mailto:") for a, b in urls):
            continue
        local = m.group("local").strip(".").lower()
        domain = m.group("domain")
        glued = _GLUED_WORD_RE.search(domain)  # soumu.go.jpTEL: the next word glued on
        if glued and glued.group(1) in KNOWN_TLDS:
            end -= len(glued.group(2))
            domain = domain[: -len(glued.group(2))]
        address = f"{local}@{domain.lower()}"
        line_before = joined[joined.rfind("\n", 0, start) + 1 : start]
        if is_valid_address(address) and not EXAMPLE_BEFORE_RE.search(line_before):
            start += len(m.group("local")) - len(m.group("local").lstrip("."))
            out.append(EmailMatch(address, origin[start], origin[end - 1] + 1))
    return out
