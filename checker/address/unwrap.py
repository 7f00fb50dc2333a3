"""Find the address inside what a customer pasted: 「山田 太郎 <taro@example.jp>」,
「mailto:taro@example.jp」, 「"taro@example.jp"。」, 「E-mail: taro@example.jp」...

Every step only moves the start or the end of the address inside the input, so each
position reported later is still an index in what the customer typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.address.report import Finding

_ATS = "@＠﹫"
_TRAILING_PUNCTUATION = frozenset(".,;:!?。、．，；：！？…｡､")
_ENCLOSING_PAIRS = {
    '"': '"', "'": "'", "「": "」", "『": "』", "“": "”", "‘": "’", "(": ")", "（": "）",
    "[": "]", "［": "］", "【": "】", "〈": "〉", "《": "》", "{": "}",
}
_OPEN_ANGLES = "<＜"
_CLOSE_ANGLES = ">＞"
_MAILTO = "mailto:"
_LABEL_PREFIX = re.compile(r"([^\s@＠﹫:：\"<>＜＞()]{1,30}[:：])\s*")
# (?<!\s): a run of white space is tried once, from its start, not from each of its characters.
_TRAILING_COMMENT = re.compile(r"(?<!\s)\s*[(（][^()（）]*[)）]\Z")
_LEADING_COMMENT = re.compile(r"[(（][^()（）]*[)）]\s*")
_LIST_SEPARATORS = re.compile(r"[,;、，；\s]+")
_WORD = re.compile(r"\S+")
_MAX_ROUNDS = 8
# Nothing any step below could remove: no space, list separator, colon, bracket, and no
# opening or closing character at the ends.
_MAY_BE_WRAPPED = re.compile(
    r"[\s,;、，；:：<>＜＞()（）]|\A[\"'「『“‘\[［【〈《{]|[.!?。．！？…｡､\"'」』”’\]］】〉》}]\Z"
)


@dataclass
class Unwrapped:
    start: int
    end: int
    findings: list[Finding] = field(default_factory=list)
    several_addresses: bool = False


def unwrap(text: str) -> Unwrapped:
    """Where the address starts and ends in `text`, and what was around it."""
    found = Unwrapped(0, len(text))
    if not _MAY_BE_WRAPPED.search(text):
        return found
    if _holds_several_addresses(text):
        found.findings.append(Finding("multiple-addresses", None))
        found.several_addresses = True
        return found
    for _ in range(_MAX_ROUNDS):
        before = (found.start, found.end)
        for step in _STEPS:
            step(text, found)
        if (found.start, found.end) == before:
            break
    return found


def _holds_several_addresses(text: str) -> bool:
    if '"' in text:
        return False  # a quoted local part or display name may hold anything
    pieces = [p for p in _LIST_SEPARATORS.split(text) if p]
    with_at = {_bare(p) for p in pieces if _looks_like_one_address(p)}
    # 「taro@example.jp <mailto:taro@example.jp>」 (pasted from a mail program) is one address.
    return len(with_at) >= 2


def _looks_like_one_address(piece: str) -> bool:
    return sum(piece.count(a) for a in _ATS) == 1 and piece[0] not in _ATS and piece[-1] not in _ATS


def _bare(piece: str) -> str:
    piece = piece.strip("<>＜＞()（）[]「」").lower()
    return piece[len(_MAILTO):] if piece.startswith(_MAILTO) else piece


def _strip_space(text: str, found: Unwrapped) -> None:
    view = text[found.start:found.end]
    stripped = view.lstrip()
    if len(stripped) != len(view):
        found.findings.append(Finding("surrounding-space", found.start))
        found.start += len(view) - len(stripped)
    stripped = stripped.rstrip()
    removed = found.end - found.start - len(stripped)
    if removed:
        found.findings.append(Finding("surrounding-space", found.end - removed))
        found.end -= removed


def _strip_trailing_punctuation(text: str, found: Unwrapped) -> None:
    while found.end - found.start > 1 and text[found.end - 1] in _TRAILING_PUNCTUATION:
        found.end -= 1
        found.findings.append(Finding("trailing-punctuation", found.end, text[found.end]))


def _strip_enclosing(text: str, found: Unwrapped) -> None:
    view = text[found.start:found.end]
    if len(view) < 3 or _ENCLOSING_PAIRS.get(view[0]) != view[-1]:
        return
    inner = view[1:-1]
    if not any(a in inner for a in _ATS) or view[0] in inner or view[-1] in inner:
        return
    found.findings.append(Finding("surrounding-quotes", found.start, view[0] + view[-1]))
    found.start += 1
    found.end -= 1


def _strip_mailto(text: str, found: Unwrapped) -> None:
    view = text[found.start:found.end]
    if not view[:len(_MAILTO)].lower() == _MAILTO:
        return
    found.findings.append(Finding("mailto", found.start))
    found.start += len(_MAILTO)
    query = view.find("?", max(view.find("@"), len(_MAILTO)))
    if query != -1:
        found.end = found.start - len(_MAILTO) + query


def _strip_angle_brackets(text: str, found: Unwrapped) -> None:
    view = text[found.start:found.end]
    if not view or view[-1] not in _CLOSE_ANGLES:
        return
    opening = max(view.rfind(a) for a in _OPEN_ANGLES)
    if opening == -1 or opening == len(view) - 2:
        return
    name = view[:opening].strip()
    found.findings.append(Finding("display-name" if name else "angle-brackets", found.start))
    found.start += opening + 1
    found.end -= 1


def _strip_label_prefix(text: str, found: Unwrapped) -> None:
    view = text[found.start:found.end]
    match = _LABEL_PREFIX.match(view)
    if not match or not any(a in view[match.end():] for a in _ATS) or view[:len(_MAILTO)].lower() == _MAILTO:
        return
    found.findings.append(Finding("label-prefix", found.start, match.group(1)))
    found.start += match.end()


def _strip_comment(text: str, found: Unwrapped) -> None:
    view = text[found.start:found.end]
    trailing = _TRAILING_COMMENT.search(view)
    if trailing and trailing.start() > 0 and any(a in view[:trailing.start()] for a in _ATS):
        found.findings.append(Finding("comment", found.start + trailing.start(), trailing.group().strip()))
        found.end = found.start + trailing.start()
        return
    leading = _LEADING_COMMENT.match(view)
    if leading and leading.end() < len(view) and any(a in view[leading.end():] for a in _ATS):
        found.findings.append(Finding("comment", found.start, leading.group().strip()))
        found.start += leading.end()


def _strip_name_beside(text: str, found: Unwrapped) -> None:
    """「山田太郎 taro@example.jp」: a name separated by white space, without < >."""
    view = text[found.start:found.end]
    words = list(_WORD.finditer(view))
    if len(words) < 2 or '"' in view:
        return
    with_at = [w for w in words if any(a in w.group() for a in _ATS)]
    if len(with_at) != 1:
        return
    word = with_at[0]
    if word.group()[0] in _ATS or word.group()[-1] in _ATS or word not in (words[0], words[-1]):
        return
    name = [w.group() for w in words if w is not word]
    if len(name) < 2 and name[0].isascii():
        return  # 「taro yamada@example.jp」 is more likely a stray space than a name
    found.findings.append(Finding("display-name", found.start))
    found.start, found.end = found.start + word.start(), found.start + word.end()


_STEPS = (
    _strip_space,
    _strip_trailing_punctuation,
    _strip_enclosing,
    _strip_mailto,
    _strip_angle_brackets,
    _strip_label_prefix,
    _strip_comment,
    _strip_name_beside,
)
