"""Yen amounts and subsidy rates as Japanese calls write them, with their meaning.

'5億円程度' (about 500 million yen), '上限1億円' (capped at 100 million), '5,000万円',
'1,000千円', '3億5,000万円', '二千万円', '補助率 1/2' (half the cost), '補助率:定額'
(fixed amount). `amounts` finds the amounts in a text, `subsidy_rates` the rates,
`figures` both, each classified as the programme's overall budget, a cap per applicant,
or a plain amount, from the words before it (or from a label the caller knows,
such as the '全体予算' line above a '5億円程度' line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_KANJI = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"兆": 10**12, "億": 10**8, "万": 10**4}

_NUMBER = r"(?:\d[\d,]*(?:\.\d+)?|[〇零一二三四五六七八九十百千]+)"
_AMOUNT_RE = re.compile(
    rf"(?P<pre>約|およそ|概ね|最大|上限額?|上限|限度額)?\s*[::]?\s*"
    rf"(?P<num>{_NUMBER}\s*(?:兆|億|万|千)?(?:\s*{_NUMBER}\s*(?:億|万|千)?)*)\s*円"
    r"(?P<post>程度|前後|規模|以内|以下|まで|を上限|が上限)?"
)

# Words before an amount that say what it is (searched in the few characters before it).
_CAP_WORDS = re.compile(r"(上限|限度|最大|事業規模|補助(?:上限)?額|1件あたり|1団体あたり|当たり|あたり)")
_BUDGET_WORDS = re.compile(r"(全体予算|予算額|予算規模|予算|総額|総事業費)")

_RATE_LABEL = re.compile(r"補助率|国費率|負担割合|補助割合")
_RATE_VALUE = (
    r"(?P<rate>\d{1,2}\s*/\s*\d{1,2}|\d{1,2}\s*分の\s*\d{1,2}|[一二三四五六七八九十]分の[一二三四五六七八九十]|定額|\d{1,3}(?:\.\d+)?\s*%)"
    r"(?P<post>以内|以下|相当)?"
)
_RATE_RE = re.compile(rf"(?P<label>{_RATE_LABEL.pattern})\s*(?:は|:|:)?\s*{_RATE_VALUE}")
_BARE_RATE_RE = re.compile(rf"\s*{_RATE_VALUE}")


def parse_number(text: str) -> float | None:
    """'5,000' -> 5000; '1.5' -> 1.5; '二千' -> 2000; '十五' -> 15; None if unreadable."""
    text = text.replace(",", "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    total, digit = 0, None
    for ch in text:
        if ch in _KANJI:
            digit = _KANJI[ch]
        elif ch in _SMALL_UNITS:
            total += (digit if digit is not None else 1) * _SMALL_UNITS[ch]
            digit = None
        elif ch.isdigit():
            digit = (digit or 0) * 10 + int(ch)
        else:
            return None
    return float(total + (digit or 0))


def parse_yen(text: str) -> int | None:
    """'3億5,000万' -> 350000000, '1,000千' -> 1000000, '5億' -> 500000000."""
    text = re.sub(r"\s+", "", text)
    total = 0.0
    rest = text
    for unit, factor in _BIG_UNITS.items():
        if unit in rest:
            head, _, rest = rest.partition(unit)
            value = parse_number(head)
            if value is None:
                return None
            total += value * factor
    if rest:
        multiplier = 1
        if rest.endswith("千") and re.search(r"\d", rest):  # '1,000千円' (thousands of yen)
            rest, multiplier = rest[:-1], 1000
        value = parse_number(rest)
        if value is None:
            return None
        total += value * multiplier
    return int(round(total))


@dataclass(frozen=True)
class Amount:
    """A yen amount in a text: `approximate` for 約/程度/前後/規模, `qualifier` the
    word that bounds it (上限, 最大, 以内 …)."""

    yen: int
    approximate: bool
    qualifier: str | None
    start: int
    end: int
    text: str


def amounts(text: str) -> list[Amount]:
    """Every yen amount in `text`, in order."""
    out: list[Amount] = []
    for m in _AMOUNT_RE.finditer(text):
        yen = parse_yen(m.group("num"))
        if yen is None or yen == 0:
            continue
        pre, post = m.group("pre"), m.group("post")
        approximate = pre in ("約", "およそ", "概ね") or post in ("程度", "前後", "規模")
        qualifier = None
        if pre in ("最大", "上限", "上限額", "限度額"):
            qualifier = pre
        elif post in ("以内", "以下", "まで", "を上限", "が上限"):
            qualifier = post
        start = m.start("pre") if pre else m.start("num")
        out.append(Amount(yen, approximate, qualifier, start, m.end(), text[start:m.end()]))
    return out


@dataclass(frozen=True)
class Rate:
    """A subsidy rate: `rate` as written in one form ('1/2', '定額', '50%')."""

    rate: str
    label: str
    start: int
    end: int
    text: str


def normalize_rate(raw: str) -> str:
    """'2分の1' -> '1/2'; '二分の一' -> '1/2'; '1 / 2' -> '1/2'; '50 %' -> '50%'."""
    raw = re.sub(r"\s+", "", raw)
    m = re.fullmatch(r"(.+)分の(.+)", raw)
    if m:
        denominator, numerator = parse_number(m.group(1)), parse_number(m.group(2))
        if denominator and numerator:
            return f"{int(numerator)}/{int(denominator)}"
    return raw


def subsidy_rates(text: str, label: str | None = None) -> list[Rate]:
    """Every labelled subsidy rate (補助率 1/2 …) in `text`; under a rate label the
    caller knows ('【補助率】' above '定額(上限5,000万円)'), also a bare rate that opens
    the text."""
    out = []
    for m in _RATE_RE.finditer(text):
        out.append(Rate(_rate_value(m), m.group("label"), m.start(), m.end(), m.group(0)))
    if not out and label and _RATE_LABEL.search(label):
        m = _BARE_RATE_RE.match(text)
        if m:
            out.append(Rate(_rate_value(m), _RATE_LABEL.search(label).group(0), m.start("rate"), m.end(),
                            text[m.start("rate"):m.end()]))
    return out


def _rate_value(m: re.Match[str]) -> str:
    rate = normalize_rate(m.group("rate"))
    return rate + "以内" if m.group("post") in ("以内", "以下") else rate


@dataclass(frozen=True)
class Figure:
    """A budget figure with its meaning: kind 'budget' (the programme's overall
    budget), 'cap' (the most one applicant may receive), 'amount' (unclassified) or
    'rate' (subsidy rate, in `rate`)."""

    kind: str
    yen: int | None
    rate: str | None
    approximate: bool
    start: int
    end: int
    text: str


def classify_amount(text: str, amount: Amount, label: str | None = None) -> str:
    """'budget', 'cap' or 'amount' from the bounding word, the words just before the
    amount on its line, or the caller's label."""
    if amount.qualifier:
        return "cap"
    line_start = text.rfind("\n", 0, amount.start) + 1
    before = text[max(line_start, amount.start - 12):amount.start]
    for context in (before, label or ""):
        if _CAP_WORDS.search(context):
            return "cap"
        if _BUDGET_WORDS.search(context):
            return "budget"
    return "amount"


def figures(text: str, label: str | None = None) -> list[Figure]:
    """Amounts and rates in `text`, in order, each with its kind."""
    out = [
        Figure(classify_amount(text, a, label), a.yen, None, a.approximate, a.start, a.end, a.text)
        for a in amounts(text)
    ]
    out += [Figure("rate", None, r.rate, False, r.start, r.end, r.text) for r in subsidy_rates(text, label)]
    return sorted(out, key=lambda f: f.start)
