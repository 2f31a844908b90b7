"""One shared SudachiPy tokenizer per split mode, loaded lazily.

SudachiPy refuses inputs over 49,149 bytes, so `tokens` feeds it line by line
(and splits overlong lines) and returns tokens with offsets into the input string.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sudachipy import Dictionary, SplitMode

Mode = Literal["A", "B", "C"]
_MODES = {"A": SplitMode.A, "B": SplitMode.B, "C": SplitMode.C}
_MAX_CHARS = 12_000  # 4 bytes per char at most in UTF-8: stays under Sudachi's byte limit


@dataclass(frozen=True)
class Token:
    surface: str
    start: int
    end: int
    pos: tuple[str, ...]  # part of speech, e.g. ('名詞', '固有名詞', '地名', '一般', '*', '*')
    normalized: str  # Sudachi's normalised form (問い合わせ → 問合せ-style variants unified)
    reading: str


@lru_cache(maxsize=1)
def _dictionary() -> Dictionary:
    return Dictionary()


_local = threading.local()


def _tokenizer(mode: Mode):
    """One tokenizer per thread and mode: a Sudachi tokenizer refuses concurrent use
    ("Tokenizer is already in use"), and Datasette runs SQL functions on several threads."""
    cache = getattr(_local, "tokenizers", None)
    if cache is None:
        cache = _local.tokenizers = {}
    if mode not in cache:
        cache[mode] = _dictionary().tokenizer(_MODES[mode])
    return cache[mode]


def _chunks(text: str):
    """Yield (offset, piece) pieces of at most _MAX_CHARS, cut at line breaks where possible."""
    offset = 0
    for line in text.splitlines(keepends=True):
        while len(line) > _MAX_CHARS:
            yield offset, line[:_MAX_CHARS]
            offset += _MAX_CHARS
            line = line[_MAX_CHARS:]
        yield offset, line
        offset += len(line)


def tokens(text: str, mode: Mode = "A") -> list[Token]:
    """Morphemes of `text` with offsets into it (whitespace-only tokens dropped)."""
    out: list[Token] = []
    tokenizer = _tokenizer(mode)
    for offset, piece in _chunks(text):
        if not piece.strip():
            continue
        for m in tokenizer.tokenize(piece):
            surface = m.surface()
            if not surface.strip():
                continue
            out.append(
                Token(surface, offset + m.begin(), offset + m.end(), tuple(m.part_of_speech()),
                      m.normalized_form(), m.reading_form())
            )
    return out
