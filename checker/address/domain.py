"""Rules for the part after @: RFC 5321 domain syntax, IDN, special-use names, typos.

The result depends on the domain text alone, so it is cached: real traffic repeats a few
domains (gmail.com, docomo.ne.jp ...) over and over.
"""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.address import idn
from checker.address.domains import CARRIER_DOMAINS, SPECIAL_USE_DOMAINS, SPECIAL_USE_TLDS
from checker.address.messages import ERROR, MESSAGES
from checker.address.report import Finding
from checker.address.tlds import SECOND_LEVEL_SUFFIXES, TOP_LEVEL_DOMAINS
from checker.address.typos import suggest_domain, suggest_ending, suggest_tld

MAX_LABEL_OCTETS = 63
# Letters-digits-hyphens labels and an alphabetic top level: nothing for the label rules to say.
_PLAIN_DOMAIN = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_IPV4 = re.compile(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")
_IPV6_CHARACTERS = re.compile(r"[0-9A-Fa-f:.]+")
_IPV6_TAG = "ipv6:"
# Errors that leave no doubt about what was meant, so the fixed domain can be suggested.
# A doubled ending is fixed by dropping the last label (docomo.ne.jp.jp -> docomo.ne.jp).
_FIXABLE = frozenset({"comma-for-dot", "domain-leading-dot", "domain-consecutive-dots", "trailing-punctuation",
                      "doubled-suffix"})
# What the syntax rules already said about the last label: the root-zone rules stay silent.
_TOP_LEVEL_CODES = frozenset({"missing-tld", "numeric-tld", "invalid-tld"})


@dataclass(frozen=True, slots=True)
class DomainResult:
    findings: tuple[Finding, ...]  # positions relative to the start of the domain
    unicode: str | None  # lower case, NFC
    ascii: str | None  # A-labels (punycode) where needed
    corrected: str | None  # what to suggest instead, or None when nothing sensible
    has_error: bool
    is_carrier: bool


@lru_cache(maxsize=4096)
def analyse_domain(domain: str) -> DomainResult:
    if _PLAIN_DOMAIN.fullmatch(domain) and idn.ACE_PREFIX not in domain.lower():
        lower = domain.lower()
        return _judge_name([], lower, lower, domain, domain.rfind(".") + 1)
    if not domain:
        return _result([Finding("empty-domain")], None, None, None)
    if domain[0] == "[":
        return _address_literal(domain)
    findings = [Finding("comma-for-dot", index) for index, ch in enumerate(domain) if ch == ","]
    work = domain.replace(",", ".")
    if work.endswith("."):
        findings.append(Finding("trailing-punctuation", len(work.rstrip(".")), "."))
    labels = _labels_with_offsets(work.rstrip("."), findings)
    unicode_labels, ascii_labels = [], []
    for offset, label in labels:
        unicode_label, ascii_label = _check_label(label, offset, findings)
        unicode_labels.append(unicode_label)
        ascii_labels.append(ascii_label)
    unicode = ".".join(unicode_labels)
    encoded = [label for label in ascii_labels if label is not None]
    ascii = ".".join(encoded) if len(encoded) == len(ascii_labels) else None
    _check_top_level(unicode_labels, len(work.rstrip(".")), findings)
    if any(not label.isascii() for label in unicode_labels) and ascii:
        findings.append(Finding("idn-domain", None, ascii))
    fixed = ".".join(label for _, label in labels) if labels else None
    return _judge_name(findings, unicode, ascii, fixed, labels[-1][0] if labels else None)


def _judge_name(findings: list[Finding], unicode: str, ascii: str | None, fixed: str | None,
                tld_at: int | None) -> DomainResult:
    """The ending (root zone, special-use, doubled), special-use names and typos, once the
    syntax is known; `fixed` is the repaired domain, `tld_at` where its last label starts."""
    typo = None
    special_tld = "." in unicode and unicode.rpartition(".")[2] in SPECIAL_USE_TLDS
    real_tld = True
    if special_tld:
        findings.append(Finding("special-use-tld", tld_at, "." + unicode.rpartition(".")[2]))
    elif ascii and not any(f.code in _TOP_LEVEL_CODES for f in findings):
        real_tld = _check_ending(ascii, unicode.rpartition(".")[2], tld_at, findings)
    if _within(unicode, SPECIAL_USE_DOMAINS):
        findings.append(Finding("special-use-domain", None, unicode))
    elif ascii and not special_tld:
        typo = suggest_domain(ascii, real_tld) or suggest_tld(ascii)
        if typo is None and not real_tld:
            typo = suggest_ending(ascii)
    if typo:
        findings.append(Finding("domain-typo", None, f"{unicode}」は「{typo}"))
        return _result(findings, unicode, ascii, typo)
    if any(_is_error(f) and f.code not in _FIXABLE for f in findings):
        return _result(findings, unicode, ascii, None)
    if fixed and any(f.code == "doubled-suffix" for f in findings):
        fixed = fixed.rsplit(".", 1)[0]
    return _result(findings, unicode, ascii, fixed)


def _is_error(finding: Finding) -> bool:
    return MESSAGES[finding.code][0] == ERROR


def _result(findings: list[Finding], unicode: str | None, ascii: str | None, corrected: str | None) -> DomainResult:
    has_error = any(_is_error(f) for f in findings)
    return DomainResult(tuple(findings), unicode, ascii, corrected, has_error, _is_carrier(unicode))


def _labels_with_offsets(work: str, findings: list[Finding]) -> list[tuple[int, str]]:
    labels, offset = [], 0
    for index, label in enumerate(work.split(".")):
        if label:
            labels.append((offset, label))
        elif index == 0:
            findings.append(Finding("domain-leading-dot", offset))
        else:
            findings.append(Finding("domain-consecutive-dots", offset - 1))
        offset += len(label) + 1
    return labels


def _check_label(label: str, offset: int, findings: list[Finding]) -> tuple[str, str | None]:
    """Checks one label; returns its U-label and A-label (None when it cannot be encoded)."""
    unicode_label = idn.to_unicode_label(label)
    disallowed = idn.disallowed_positions(unicode_label)
    for index in disallowed:
        position = offset + min(index, len(label) - 1)
        findings.append(Finding("invalid-domain-character", position, unicode_label[index]))
    if unicode_label.isascii():
        ascii_label: str | None = unicode_label
        if label.startswith("-") or label.endswith("-"):
            findings.append(Finding("label-hyphen", offset, label))
        if unicode_label.startswith(idn.ACE_PREFIX) and not idn.is_valid_a_label(unicode_label):
            findings.append(Finding("invalid-idn", offset, label))
    else:
        if idn.has_hyphen_problem(unicode_label):
            findings.append(Finding("label-hyphen", offset, label))
        try:
            ascii_label = None if disallowed else idn.to_ascii_label(unicode_label)
        except UnicodeError:
            findings.append(Finding("invalid-idn", offset, label))
            ascii_label = None
    if len(ascii_label or unicode_label) > MAX_LABEL_OCTETS:
        findings.append(Finding("label-too-long", offset, label[:10] + "…"))
    return unicode_label, ascii_label


def _check_top_level(labels: list[str], end: int, findings: list[Finding]) -> None:
    if not labels:
        return
    top = labels[-1]
    at = end - len(top)
    if len(labels) == 1:
        findings.append(Finding("missing-tld", end))
    elif top.isdigit():
        findings.append(Finding("numeric-tld", at, top))
    elif top.isascii() and not top.startswith(idn.ACE_PREFIX) and not top.isalpha():
        findings.append(Finding("invalid-tld", at, top))


def _check_ending(ascii: str, shown_tld: str, tld_at: int | None, findings: list[Finding]) -> bool:
    """The last label must be a TLD of the root zone, and there must be one ending only
    (docomo.ne.jp.jp, example.co.jp.com). Returns whether the last label is a real TLD."""
    labels = ascii.split(".")
    tld = labels[-1]
    if tld not in TOP_LEVEL_DOMAINS:
        findings.append(Finding("unknown-tld", tld_at, "." + shown_tld))
        return False
    doubled = _doubled_ending(labels)
    if doubled:
        findings.append(Finding("doubled-suffix", None, "." + doubled))
    return True


def _doubled_ending(labels: list[str]) -> str | None:
    """The ending typed twice: a TLD repeated (ne.jp.jp, example.com.com), or a two-label
    public suffix followed by another TLD (co.jp.com). A suffix that is itself two labels
    under that TLD (gov.nl.ca: nl.ca) is a real three-label name, not a doubled one."""
    if len(labels) < 3:
        return None
    tld, before = labels[-1], labels[:-1]
    second_level = ".".join(before[-2:])
    if len(before) >= 3 and second_level in SECOND_LEVEL_SUFFIXES \
            and f"{before[-1]}.{tld}" not in SECOND_LEVEL_SUFFIXES:
        return f"{second_level}.{tld}"
    if before[-1] == tld:
        return f"{tld}.{tld}"
    return None


def _is_carrier(domain: str | None) -> bool:
    return domain is not None and domain != "" and _within(domain, CARRIER_DOMAINS)


def _within(domain: str, parents: frozenset[str]) -> bool:
    """True when `domain` is one of `parents` or a subdomain of one."""
    while True:
        if domain in parents:
            return True
        dot = domain.find(".")
        if dot == -1:
            return False
        domain = domain[dot + 1:]


def _address_literal(domain: str) -> DomainResult:
    inner = domain[1:-1] if domain.endswith("]") else None
    if inner is not None and _is_ip_literal(inner):
        return _result([Finding("address-literal", 0, inner)], domain, domain, domain)
    return _result([Finding("invalid-address-literal", 0, domain)], None, None, None)


def _is_ip_literal(inner: str) -> bool:
    if inner[:len(_IPV6_TAG)].lower() == _IPV6_TAG:
        address = inner[len(_IPV6_TAG):]
        if not _IPV6_CHARACTERS.fullmatch(address):
            return False
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            return False
        return True
    match = _IPV4.fullmatch(inner)
    return match is not None and all(int(part) <= 255 for part in match.groups())
