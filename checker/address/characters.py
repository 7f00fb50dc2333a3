"""Which non-ASCII characters are typing or pasting accidents, and what was meant.

Two kinds of entries:
- always wrong in an address (full-width forms, half-width katakana, compatibility forms,
  invisible characters): `classify` names them wherever they occur;
- look-alikes (`LOOKALIKES`: ー for -, Cyrillic а for a, ・ for .): only an accident when the
  rest of that part of the address is ASCII. In 「ゲーム」 the ー is a real letter.
"""
from __future__ import annotations

import unicodedata

# (code, replacement) for characters whose intent is clear from the character alone.
SPECIFIC: dict[str, tuple[str, str]] = {
    "＠": ("fullwidth-at", "@"),
    "﹫": ("fullwidth-at", "@"),
    "．": ("fullwidth-dot", "."),
    "。": ("ideographic-full-stop", "."),
    "｡": ("ideographic-full-stop", "."),
    "\ufffd": ("unreadable-character", "\ufffd"),  # kept: nobody knows what it stood for
}

_DASHES = "ーｰ‐‑‒–—―−⁃"
_DOTS = "・･"
_APOSTROPHES = "’‘′´"
_LATIN_LOOKALIKES = {
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J",
    # Greek
    "ο": "o", "ν": "v", "ı": "i", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H",
    "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # others
    "〜": "~",
}

LOOKALIKES: dict[str, tuple[str, str]] = {
    **{c: ("dash-lookalike", "-") for c in _DASHES},
    **{c: ("lookalike-character", ".") for c in _DOTS},
    **{c: ("lookalike-character", "'") for c in _APOSTROPHES},
    "、": ("lookalike-character", ","),  # what the comma key gives in Japanese input mode
    **{c: ("lookalike-character", r) for c, r in _LATIN_LOOKALIKES.items()},
}

_FULLWIDTH_ASCII = range(0xFF01, 0xFF5F)
_HALFWIDTH_KATAKANA = range(0xFF61, 0xFFA0)
_FULLWIDTH_OFFSET = 0xFEE0

_cache: dict[str, tuple[str, str] | None] = {}


def classify(ch: str) -> tuple[str, str] | None:
    """(code, replacement) when a non-ASCII character cannot stay as typed, else None."""
    try:
        return _cache[ch]
    except KeyError:
        result = _cache[ch] = _classify(ch)
        return result


def _classify(ch: str) -> tuple[str, str] | None:
    if ch in SPECIFIC:
        return SPECIFIC[ch]
    if ch.isspace():
        return ("space-inside", "")
    if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn"):
        return ("invisible-character", "")
    code_point = ord(ch)
    if code_point in _FULLWIDTH_ASCII:
        return ("fullwidth-character", chr(code_point - _FULLWIDTH_OFFSET))
    if code_point in _HALFWIDTH_KATAKANA:
        return ("halfwidth-katakana", unicodedata.normalize("NFKC", ch))
    compatible = unicodedata.normalize("NFKC", ch)
    if compatible != ch:
        return ("compatibility-character", compatible)
    return None
