"""Rules for the part before @ (RFC 5321 Local-part, RFC 6531 for non-ASCII)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.address.report import Finding

MAX_LOCAL_OCTETS = 64
# RFC 5321 atext: the characters a dot-string may use besides the dot.
ATEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
# RFC 5321 Quoted-string; RFC 6531 adds any non-ASCII character to qtextSMTP.
_QUOTED_STRING = re.compile(r'"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e]|[^\x00-\x7f])*"')
_DOT_RUN = re.compile(r"\.{2,}")
# The dot rules old Japanese mobile addresses break.
CARRIER_DOT_CODES = frozenset({"leading-dot", "dot-before-at", "consecutive-dots"})


@dataclass(frozen=True, slots=True)
class LocalResult:
    findings: tuple[Finding, ...]  # positions relative to the start of the local part
    corrected: str | None  # with dots tidied, or None when nothing sensible can be offered
    dots_broken: bool  # a leading, trailing or doubled dot: the old carrier address shape


def check_local_part(local: str) -> LocalResult:
    if not local:
        return LocalResult((Finding("empty-local-part"),), None, False)
    if local[0] == '"':
        return _check_quoted(local)
    findings: list[Finding] = []
    if '"' in local:
        findings.append(Finding("invalid-quoted-local-part", local.index('"')))
    dot_findings = _dot_findings(local)
    findings += dot_findings
    bad = [Finding("invalid-local-character", i, ch) for i, ch in enumerate(local)
           if ch < "\x80" and ch not in ATEXT and ch not in '."@']
    findings += bad
    first_non_ascii = next((i for i, ch in enumerate(local) if ch >= "\x80"), None)
    if first_non_ascii is not None:
        findings.append(Finding("smtputf8-local-part", first_non_ascii))
    findings += _length_findings(local)
    corrected = None if bad or '"' in local else _tidy_dots(local)
    return LocalResult(tuple(findings), corrected, bool(dot_findings))


def _check_quoted(local: str) -> LocalResult:
    if not _QUOTED_STRING.fullmatch(local):
        return LocalResult((Finding("invalid-quoted-local-part", 0),), None, False)
    findings = [Finding("quoted-local-part", 0)]
    if not local.isascii():
        findings.append(Finding("smtputf8-local-part", next(i for i, ch in enumerate(local) if ch >= "\x80")))
    findings += _length_findings(local)
    return LocalResult(tuple(findings), local, False)


def _dot_findings(local: str) -> list[Finding]:
    findings = []
    if local[0] == ".":
        findings.append(Finding("leading-dot", 0))
    findings += [Finding("consecutive-dots", m.start()) for m in _DOT_RUN.finditer(local)]
    if local[-1] == "." and len(local.strip(".")) > 0:
        findings.append(Finding("dot-before-at", len(local) - 1))
    return findings


def _tidy_dots(local: str) -> str | None:
    tidy = _DOT_RUN.sub(".", local).strip(".")
    return tidy or None


def _length_findings(local: str) -> list[Finding]:
    octets = len(local.encode("utf-8", "surrogatepass"))
    return [Finding("local-part-too-long", None, str(octets))] if octets > MAX_LOCAL_OCTETS else []
