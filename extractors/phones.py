"""Find Japanese phone numbers in page text and write them the national way
(03-5253-5757, 070-8785-2714) with the phonenumbers library.

phonenumbers' matcher finds the candidates (hyphens, brackets 03(5253)5757, dots,
full-width digits, +81) and, at leniency VALID, only numbers that exist in the Japanese
numbering plan, so a postal code (〒102-0093), a date or a budget figure is not a phone; nor is a
form's example (記入例 / (例) before it) or a number nobody has (03-1234-5678).
This module adds what the page says about each number: FAX or phone (the nearest
label before it on its line, else a label standing alone on the line above, else the
header of its table column) and the note written with it ((直通) direct line,
(代表) switchboard, 担当者直通 …).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from extractors.model import Document
from extractors.vocab_contacts import (
    BULLETS,
    DUMMY_NUMBER_DIGITS_RE,
    EXAMPLE_BEFORE_RE,
    FAX_LABEL_RE,
    PHONE_AND_FAX_RE,
    PHONE_LABEL_RE,
    PHONE_NOTE_RE,
    PHONE_PREFIX_NOTE_RE,
    URL_RE,
)

_LABEL_ONLY_RE = re.compile(
    rf"^[{re.escape(BULLETS)}\s]*(?:(?P<fax>{FAX_LABEL_RE.pattern})|{PHONE_LABEL_RE.pattern})(?:番号)?\s*[.:|]?$"
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


def _kind(before: str, after: str, label_above: str | None = None) -> str:
    """FAX or phone from the nearest label before the number (same line), a (FAX) after
    it, or a label standing alone on the line above (電話番号 / FAX番号 as a caption)."""
    if re.match(r"^\s*\(\s*(?:FAX|Fax|fax|ファクシミリ|ファックス)\s*\)", after):
        return "fax"
    if PHONE_AND_FAX_RE.search(before):
        return "phone"
    last_fax = max((m.end() for m in FAX_LABEL_RE.finditer(before)), default=-1)
    last_phone = max((m.end() for m in PHONE_LABEL_RE.finditer(before)), default=-1)
    if last_fax == last_phone == -1 and label_above:
        return label_above
    return "fax" if last_fax > last_phone else "phone"


def label_kind(text: str) -> str | None:
    """'fax' or 'phone' when `text` is only a label (FAX番号, ■電話, TEL:), else None."""
    text = text.strip().lstrip(BULLETS + " ")
    if PHONE_AND_FAX_RE.fullmatch(re.sub(r"(?:番号)?\s*[.:|]?$", "", text)):
        return "phone"  # TEL/FAX: one number for both
    m = _LABEL_ONLY_RE.match(text)
    if not m:
        return None
    return "fax" if m.group("fax") else "phone"


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
    label_above: str | None = None
    for line in text.split("\n"):
        if sum(ch.isdigit() for ch in line) >= 9:
            out.extend(_phones_in_line(line, line_start, label_above))
        label_above = label_kind(line)
        line_start += len(line) + 1
    return out


def _phones_in_line(line: str, offset: int, label_above: str | None = None) -> list[PhoneMatch]:
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
        if DUMMY_NUMBER_DIGITS_RE.search(number.replace("-", "")) or EXAMPLE_BEFORE_RE.search(line[:start]):
            continue
        kind = _kind(before, after, label_above if not out else None)
        previous_end = end
        out.append(PhoneMatch(number, offset + start, offset + end, kind, _label(before, after)))
    return out


def _column_kinds(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the table cells under a column headed 電話 / TEL or FAX."""
    spans: list[tuple[int, int, str]] = []
    for block in doc.blocks:
        if block.kind != "table" or not block.rows or len(block.rows) < 2:
            continue
        header = [label_kind(cell.text) for cell in block.rows[0]]
        if not any(header):
            continue
        for row in block.rows[1:]:
            for column, cell in enumerate(row):
                if column < len(header) and header[column]:
                    spans.append((cell.start, cell.end, header[column]))
    return spans


def find_phones_in(doc: Document) -> list[PhoneMatch]:
    """`find_phones` on the document's text, with a table column's header deciding the
    kind of a number its own cell does not label (電話 | FAX header, numbers below)."""
    columns = _column_kinds(doc)
    out: list[PhoneMatch] = []
    for phone in find_phones(doc.text):
        for start, end, kind in columns:
            if start <= phone.start < end:
                cell_before = doc.text[start : phone.start]
                if not (FAX_LABEL_RE.search(cell_before) or PHONE_LABEL_RE.search(cell_before)):
                    phone = PhoneMatch(phone.number, phone.start, phone.end, kind, phone.label)
                break
        out.append(phone)
    return out
