"""均等割り付け (letter spacing): '公 募 要 領', '担　当　課' -> '公募要領', '担当課'.

Word, Ichitaro and hand-written HTML spread short labels over a fixed width by putting
a space between every character. Such a run of single Japanese characters separated
by spaces is one word; a space between longer words (総務省 地域通信振興課) is a real
separator and stays.
"""
from __future__ import annotations

import re

_CJK = r"[\u3001-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]"


def _pattern(spaces: str) -> re.Pattern[str]:
    # A run of 2+ single characters: preceded by a line start or a space, followed by a
    # line end, a space or a label's punctuation (：, (, 【).
    return re.compile(rf"(?<![^\s\u2028]){_CJK}(?:[{spaces}]+{_CJK})+(?=$|[\s\u2028：:（(【])", re.M)


_BY_SPACES: dict[str, re.Pattern[str]] = {}


def unspace(text: str, spaces: str = " ") -> str:
    """Join letter-spaced runs; `spaces` are the separator characters that count."""
    pattern = _BY_SPACES.get(spaces) or _BY_SPACES.setdefault(spaces, _pattern(re.escape(spaces)))
    return pattern.sub(lambda m: re.sub(f"[{re.escape(spaces)}]+", "", m.group(0)), text)
