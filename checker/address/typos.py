"""Which popular domain a customer most likely meant, by typing distance.

A domain is compared as "name" + "ending" (gmail + com, yahoo + co.jp). The name may differ
by a few slips (Damerau-Levenshtein, fewer for short names, none for two-letter names
like au), the ending by one slip or one confusion from `ENDING_SWAPS` (gmail.co.jp).
Real domains (`REAL_DOMAINS`) are never corrected.
"""
from __future__ import annotations

from checker.address.domains import (
    ENDING_SWAPS,
    KNOWN_ENDINGS,
    POPULAR_DOMAINS,
    REAL_DOMAINS,
    TLD_TYPOS,
)

MAX_TOTAL_SLIPS = 2
_TOO_FAR = 99
_ENDINGS_LONGEST_FIRST = tuple(sorted(KNOWN_ENDINGS, key=len, reverse=True))


def _split_known(domain: str) -> tuple[str, str] | None:
    """(name, ending) at the longest known ending (docomo | ne.jp), or None."""
    for ending in _ENDINGS_LONGEST_FIRST:
        if domain.endswith("." + ending) and len(domain) > len(ending) + 1:
            return domain[: -len(ending) - 1], ending
    return None


def allowed_name_slips(name: str) -> int:
    if len(name) <= 3:
        return 0
    if len(name) <= 5:
        return 1
    return 2


# (popular domain, name, ending, letters of the name, slips allowed in the name)
_Part = tuple[str, str, str, frozenset[str], int]


def _popular_parts() -> tuple[_Part, ...]:
    parts = []
    for domain in POPULAR_DOMAINS:
        name, ending = _split_known(domain) or domain.rsplit(".", 1)
        parts.append((domain, name, ending, frozenset(name), allowed_name_slips(name)))
    return tuple(parts)


def _index_by_reach(parts: tuple[_Part, ...]) -> dict[tuple[int, int], tuple[_Part, ...]]:
    """(label count of the ending, length of a typed name) -> popular domains within reach."""
    index: dict[tuple[int, int], tuple[_Part, ...]] = {}
    for part in parts:
        _, name, ending, _, allowed = part
        for length in range(len(name) - allowed, len(name) + allowed + 1):
            key = (ending.count(".") + 1, length)
            index[key] = index.get(key, ()) + (part,)
    return index


_POPULAR_PARTS = _popular_parts()
_ENDING_LABEL_COUNTS = frozenset(ending.count(".") + 1 for _, _, ending, _, _ in _POPULAR_PARTS)
_CANDIDATES = _index_by_reach(_POPULAR_PARTS)
_RANK = {domain: rank for rank, domain in enumerate(POPULAR_DOMAINS)}
_UNDOTTED = {domain.replace(".", ""): domain for domain in reversed(POPULAR_DOMAINS)}


def osa_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or limit + 1 when larger."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        char_a = a[i - 1]
        best = i
        for j in range(1, len(b) + 1):
            char_b = b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, before_previous[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        before_previous, previous = previous, current
    return min(previous[-1], limit + 1)


def _ending_slips(typed: str, meant: str, real_tld: bool) -> int:
    if typed == meant:
        return 0
    if typed == "" or frozenset((typed, meant)) in ENDING_SWAPS or TLD_TYPOS.get(typed) == meant:
        return 1
    if not real_tld and meant.startswith(typed):
        return 1  # an ending left unfinished: gmail.c, docomo.ne.j (only where that is no TLD)
    return 1 if osa_distance(typed, meant, 1) <= 1 else _TOO_FAR


def _ways_to_read(domain: str) -> dict[int, tuple[tuple[str, str, frozenset[str]], ...]]:
    """Possible (name, ending, letters of name) splits, keyed by the meant ending's label count."""
    labels = domain.split(".")
    # The whole domain as a name only when it has no ending at all (taro@gmail).
    common = {_split_known(domain) or (domain, "")} if len(labels) > 1 else {(domain, "")}
    readings = {}
    for count in _ENDING_LABEL_COUNTS:
        own = {(".".join(labels[:-count]), ".".join(labels[-count:]))} if len(labels) > count else set()
        readings[count] = tuple((name, ending, frozenset(name)) for name, ending in common | own)
    return readings


def suggest_domain(domain: str, real_tld: bool = True) -> str | None:
    """The popular domain `domain` (lower-case ASCII) is a slip of, or None. `real_tld`:
    whether its last label is a TLD of the root zone (else an unfinished ending counts too)."""
    if domain in REAL_DOMAINS or not domain:
        return None
    undotted = _UNDOTTED.get(domain.replace(".", ""))
    if undotted:
        return undotted  # only dots missing or misplaced: gmailcom, yahoo.cojp, docomone.jp
    best: str | None = None
    best_slips = MAX_TOTAL_SLIPS + 1
    for count, readings in _ways_to_read(domain).items():
        for typed_name, typed_ending, typed_letters in readings:
            for popular, name, ending, letters, allowed in _CANDIDATES.get((count, len(typed_name)), ()):
                # Each slip brings in at most one letter the other side lacks.
                if len(typed_letters - letters) > allowed or len(letters - typed_letters) > allowed:
                    continue
                ending_slips = _ending_slips(typed_ending, ending, real_tld)
                if ending_slips >= best_slips:
                    continue
                name_slips = osa_distance(typed_name, name, allowed)
                slips = name_slips + ending_slips
                if name_slips <= allowed and (slips, _RANK[popular]) < (best_slips, _RANK[best] if best else 0):
                    best, best_slips = popular, slips
    return best


_UNDOTTED_ENDINGS = {ending.replace(".", ""): ending for ending in KNOWN_ENDINGS if "." in ending}


def suggest_ending(domain: str) -> str | None:
    """`domain` with the dot put back into its ending (company.cojp -> company.co.jp), or None."""
    head, _, tld = domain.rpartition(".")
    ending = _UNDOTTED_ENDINGS.get(tld)
    return f"{head}.{ending}" if head and ending else None


def suggest_tld(domain: str) -> str | None:
    """`domain` with a mistyped last label corrected (example.con -> example.com), or None."""
    head, _, tld = domain.rpartition(".")
    fixed = TLD_TYPOS.get(tld)
    return f"{head}.{fixed}" if head and fixed else None
