"""Internationalised domain labels (IDNA 2008 basics), standard library only.

`encodings.punycode` does the Punycode encoding (RFC 3492). The IDNA 2008 rules are
approximated from Unicode properties instead of the full derived-property table:
- the label is lower-cased and put in NFC first (what mail programs do before sending);
- PVALID ~ lower-case letters, other letters, marks and decimal digits (Ll Lo Lm Mn Mc Nd),
  plus 〇; 「・」 only next to kana or kanji, 「·」 only between two l (CONTEXTO);
- everything else (symbols, punctuation, upper case that does not lower, compatibility
  forms, which `characters.py` catches earlier) is refused;
- no combining mark first, no "--" in positions 3 and 4, no hyphen at either end.
Not covered: the Bidi rule (RFC 5893) and CONTEXTJ joiners, which are refused outright.
"""
from __future__ import annotations

import re
import unicodedata

ACE_PREFIX = "xn--"
_LETTER_LIKE = frozenset({"Ll", "Lo", "Lm", "Mn", "Mc", "Nd"})
_MARKS = frozenset({"Mn", "Mc", "Me"})
_KATAKANA_MIDDLE_DOT = "・"
_MIDDLE_DOT = "·"
_LETTERS_DIGITS_HYPHENS = re.compile(r"[a-z0-9-]+")


def to_unicode_label(label: str) -> str:
    lower = label.lower()
    return lower if lower.isascii() else unicodedata.normalize("NFC", lower)


def disallowed_positions(label: str) -> list[int]:
    """Indexes of characters IDNA 2008 does not allow in this (lower-case, NFC) label."""
    if _LETTERS_DIGITS_HYPHENS.fullmatch(label):
        return []
    bad = []
    for index, ch in enumerate(label):
        if ch < "\x80":
            if not (ch.isalnum() or ch == "-"):
                bad.append(index)
        elif not _allowed_non_ascii(ch, label, index):
            bad.append(index)
    if label and unicodedata.category(label[0]) in _MARKS and 0 not in bad:
        bad.insert(0, 0)
    return bad


def _allowed_non_ascii(ch: str, label: str, index: int) -> bool:
    if ch == "〇":
        return True
    if ch == _KATAKANA_MIDDLE_DOT:
        return any(_is_japanese_script(other) for other in label if other != ch)
    if ch == _MIDDLE_DOT:
        return 0 < index < len(label) - 1 and label[index - 1] == "l" == label[index + 1]
    return unicodedata.category(ch) in _LETTER_LIKE


def _is_japanese_script(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def to_ascii_label(label: str) -> str:
    """The A-label of a valid, non-ASCII U-label."""
    return ACE_PREFIX + label.encode("punycode").decode("ascii")


def is_valid_a_label(label: str) -> bool:
    """True when an "xn--" label decodes to a label that encodes back to itself."""
    try:
        decoded = label[len(ACE_PREFIX):].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError, IndexError):
        return False
    if not decoded or decoded.isascii() or decoded != to_unicode_label(decoded):
        return False
    if disallowed_positions(decoded) or has_hyphen_problem(decoded):
        return False
    return to_ascii_label(decoded) == label.lower()


def has_hyphen_problem(label: str) -> bool:
    """IDNA 2008 hyphen rules for a U-label (plain ASCII labels only need the first two)."""
    return label.startswith("-") or label.endswith("-") or label[2:4] == "--"
