"""Find Japanese phone numbers in page text and write them the national way
(03-5253-5757, 070-8785-2714) with the phonenumbers library.

phonenumbers' matcher finds the candidates (hyphens, brackets 03(5253)5757, dots,
full-width digits, +81) and, at leniency VALID, only numbers that exist in the Japanese
numbering plan, so a postal code (〒102-0093), a date or a budget figure is not a phone.
This module adds what the page says about each number: FAX or phone (the nearest
label before it on its line) and the note written with it ((直通) direct line,
(代表) switchboard, 担当者直通 …).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from extractors.vocab_contacts import (
    FAX_LABEL_RE,
    PHONE_AND_FAX_RE,
    PHONE_LABEL_RE,
    PHONE_NOTE_RE,
    PHONE_PREFIX_NOTE_RE,
    URL_RE,
)

_POSTAL_BEFORE_RE = re.compile(r"(?:〒|郵便番号)\s*:?\s*$")
_DATE_AFTER_RE = re.compile(r"^\s*(?:年|月|日|時|分|円|人|件|号|番地)")


@dataclass(frozen=True)
class PhoneMatch:
    """A number found in text: `text[start:end]` is the number as written."""

    number: str  # national written form, ASCII digits and hyphens
    start: int
    end: int
    kind: str  # "phone" or "fax"
    label: str | None = None  # 直通 / 代表 / グループ代表 / 担当者直通 / 内線123 …


def national_form(raw: str) -> str | None:
    """'０３（５２５３）５７５７' → '03-5253-5757'; None when not a valid Japanese number."""
    try:
        number = phonenumbers.parse(raw, "JP")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number_for_region(number, "JP"):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def _kind(before: str, after: str) -> str:
    """FAX or phone from the nearest label before the number (same line), or a (FAX) after it."""
    if re.match(r"^\s*\(\s*(?:FAX|Fax|fax|ファクシミリ|ファックス)\s*\)", after):
        return "fax"
    if PHONE_AND_FAX_RE.search(before):
        return "phone"
    last_fax = max((m.end() for m in FAX_LABEL_RE.finditer(before)), default=-1)
    last_phone = max((m.end() for m in PHONE_LABEL_RE.finditer(before)), default=-1)
    return "fax" if last_fax > last_phone else "phone"


def _label(before: str, after: str) -> str | None:
    note = PHONE_NOTE_RE.match(after)
    if note:
        return re.sub(r"\s+", "", note.group(1))
    prefix = PHONE_PREFIX_NOTE_RE.search(before)
    if prefix:
        return prefix.group(1)
    return None


def find_phones(text: str) -> list[PhoneMatch]:
    """Every valid Japanese phone or FAX number in `text`, in order. Lines are read one
    by one (a number never spans lines), and only lines with enough digits to hold one."""
    out: list[PhoneMatch] = []
    line_start = 0
    for line in text.split("\n"):
        if sum(ch.isdigit() for ch in line) >= 9:
            out.extend(_phones_in_line(line, line_start))
        line_start += len(line) + 1
    return out


def _phones_in_line(line: str, offset: int) -> list[PhoneMatch]:
    urls = [m.span() for m in URL_RE.finditer(line)]
    out: list[PhoneMatch] = []
    previous_end = 0
    for m in phonenumbers.PhoneNumberMatcher(line, "JP", leniency=phonenumbers.Leniency.VALID):
        start, end = m.start, m.end
        before, after = line[previous_end:start], line[end:]
        if _POSTAL_BEFORE_RE.search(line[:start]) or _DATE_AFTER_RE.match(after):
            continue
        if m.number.country_code != 81 or any(a <= start < b for a, b in urls):
            continue
        number = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.NATIONAL)
        previous_end = end
        out.append(PhoneMatch(number, offset + start, offset + end, _kind(before, after), _label(before, after)))
    return out
