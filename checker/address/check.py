"""check_address: unwrap what was pasted, repair typed characters, judge the address,
and propose what the customer most likely meant."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from checker.address.characters import LOOKALIKES, classify
from checker.address.domain import DomainResult, analyse_domain
from checker.address.domains import POPULAR_DOMAINS
from checker.address.local_part import CARRIER_DOT_CODES, MAX_LOCAL_OCTETS, check_local_part
from checker.address.messages import ERROR
from checker.address.report import AddressReport, Finding, Problem, make_problems
from checker.address.unwrap import unwrap

MAX_ADDRESS_OCTETS = 254
# Longer input is not an address someone typed; refuse it before doing any real work.
MAX_INPUT_CHARACTERS = 2000
# A plain ASCII address with nothing unusual: most input, so it skips the slow path.
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
# White space is bounded so that a long run of it is not rescanned from each of its characters.
_AT_WRITTEN_OUT = re.compile(
    r"\s{0,8}(?:[(\[{（［｛<＜]\s{0,8}(?:at|アット|あっと)\s{0,8}[)\]}）］｝>＞]|★|☆|アットマーク)\s{0,8}", re.IGNORECASE
)
_ASCII_SPACES = frozenset(" \t\n\r\x0b\x0c")
# Characters that are not printable ASCII: each needs a closer look.
_NEEDS_A_LOOK = re.compile(r"[^\x21-\x7e]")
_NO_PROBLEMS: tuple[Problem, ...] = ()


def check_address(text: str) -> AddressReport:
    """Check one address as the customer typed or pasted it. Never raises."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "replace")
    elif not isinstance(text, str):
        text = "" if text is None else str(text)
    return _check(text, offer_suggestion=True)


def _check(text: str, offer_suggestion: bool) -> AddressReport:
    if _PLAIN_ADDRESS.fullmatch(text) and len(text) <= MAX_ADDRESS_OCTETS:
        at = text.rindex("@")
        local = text[:at]
        if len(local) <= MAX_LOCAL_OCTETS:
            return _plain_report(text, local, at, analyse_domain(text[at + 1:]))
    if len(text) > MAX_INPUT_CHARACTERS:
        return _report(text, [Finding("address-too-long", None, str(_octets(text)))])
    return _Analysis(text).run(offer_suggestion)


def _octets(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


def _plain_report(text: str, local: str, at: int, domain: DomainResult) -> AddressReport:
    problems = _domain_problems(text[at + 1:], at + 1) if domain.findings else _NO_PROBLEMS
    suggestion = None
    if domain.corrected is not None and domain.corrected != text[at + 1:]:
        suggestion = f"{local}@{domain.corrected}"
    return AddressReport(
        input=text,
        valid=not domain.has_error,
        problems=problems,
        address=f"{local}@{domain.unicode}",
        ascii_address=f"{local}@{domain.ascii}" if domain.ascii else None,
        suggestion=suggestion,
    )


@lru_cache(maxsize=4096)
def _domain_problems(domain: str, offset: int) -> tuple[Problem, ...]:
    return make_problems([_shifted(f, offset) for f in analyse_domain(domain).findings])


def _shifted(finding: Finding, offset: int) -> Finding:
    if finding.position is None:
        return finding
    return Finding(finding.code, finding.position + offset, finding.detail)


def _report(text: str, findings: list[Finding], address: str | None = None, ascii_address: str | None = None,
            suggestion: str | None = None) -> AddressReport:
    problems = make_problems(findings)
    valid = not any(p.severity == ERROR for p in problems)
    return AddressReport(text, valid, problems, address, ascii_address, suggestion)


class _Analysis:
    """The slow path: one input, its characters with where each came from in the input."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.findings: list[Finding] = []
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.has_lookalikes = False

    def run(self, offer_suggestion: bool) -> AddressReport:
        unwrapped = unwrap(self.text)
        self.findings += unwrapped.findings
        if unwrapped.several_addresses:
            return _report(self.text, self.findings)
        if not self.text[unwrapped.start:unwrapped.end].strip():
            return _report(self.text, [Finding("empty")])
        self._repair_characters(unwrapped.start, unwrapped.end)
        ats = self._ats_outside_quotes()
        if not ats and "@" in self.chars:
            ats = [len(self.chars) - 1 - self.chars[::-1].index("@")]  # unbalanced quotes
        if not ats:
            ats = self._replace_written_out_at()
        if not ats:
            self.findings.append(Finding("missing-at"))
            return _report(self.text, self.findings, suggestion=self._split_run_together())
        if len(ats) > 1:
            self.findings.append(Finding("multiple-at", self.origin[ats[1]]))
        return self._judge(ats[-1], offer_suggestion)

    def _repair_characters(self, start: int, end: int) -> None:
        """Replace characters that are always wrong; keep look-alikes for `_resolve_lookalikes`."""
        run_start = start
        for match in _NEEDS_A_LOOK.finditer(self.text, start, end):
            index = match.start()
            self._keep_run(run_start, index)
            self._repair_one(self.text[index], index)
            run_start = index + 1
        self._keep_run(run_start, end)

    def _keep(self, ch: str, origin: int) -> None:
        self.chars.append(ch)
        self.origin.append(origin)

    def _keep_run(self, start: int, end: int) -> None:
        if start < end:
            self.chars += self.text[start:end]
            self.origin += range(start, end)

    def _repair_one(self, ch: str, index: int) -> None:
        if ch == " " and self.chars.count('"') % 2 == 1:
            self._keep(ch, index)  # a space inside a quoted local part is legal
        elif ch < "\x80":
            code = "space-inside" if ch in _ASCII_SPACES else "invisible-character"
            self.findings.append(Finding(code, index))
        elif ch in LOOKALIKES:
            self.has_lookalikes = True
            self._keep(ch, index)
        else:
            kind = classify(ch)
            if kind is None:
                self._keep(ch, index)
                return
            code, replacement = kind
            replacement = replacement.strip()
            self.findings.append(Finding(code, index, ch if replacement else ""))
            for repaired in replacement:
                self._keep(repaired, index)

    def _ats_outside_quotes(self) -> list[int]:
        ats, in_quotes, escaped = [], False, False
        for index, ch in enumerate(self.chars):
            if escaped:
                escaped = False
            elif ch == "\\" and in_quotes:
                escaped = True
            elif ch == '"':
                in_quotes = not in_quotes
            elif ch == "@" and not in_quotes:
                ats.append(index)
        return ats

    def _replace_written_out_at(self) -> list[int]:
        """「taro(at)example.jp」, 「taro★example.jp」: @ written out to fool address harvesters."""
        joined = "".join(self.chars)
        matches = list(_AT_WRITTEN_OUT.finditer(joined))
        if len(matches) != 1:
            return []
        match = matches[0]
        self.findings.append(Finding("at-obfuscation", self.origin[match.start()], match.group().strip()))
        self.chars[match.start():match.end()] = ["@"]
        self.origin[match.start():match.end()] = [self.origin[match.start()]]
        return [match.start()]

    def _split_run_together(self) -> str | None:
        """「tarogmail.com」: the @ is missing right before a popular domain."""
        joined = "".join(self.chars)
        lower = joined.lower()
        for popular in POPULAR_DOMAINS:
            if lower.endswith(popular):
                local = joined[: -len(popular)].rstrip(".")
                candidate = f"{local}@{popular}"
                if local and _check(candidate, offer_suggestion=False).valid:
                    return candidate
        return None

    def _resolve_lookalikes(self, start: int, end: int) -> None:
        """A look-alike is a slip only where everything else in its part is ASCII."""
        pending = [i for i in range(start, end) if self.chars[i] in LOOKALIKES]
        if not pending:
            return
        others_non_ascii = any(self.chars[i] >= "\x80" and self.chars[i] not in LOOKALIKES for i in range(start, end))
        for index in pending:
            ch = self.chars[index]
            kind = classify(ch) if others_non_ascii else LOOKALIKES[ch]
            if kind is None:
                continue
            code, replacement = kind
            self.findings.append(Finding(code, self.origin[index], ch))
            if len(replacement) == 1:
                self.chars[index] = replacement

    def _judge(self, at: int, offer_suggestion: bool) -> AddressReport:
        if self.has_lookalikes:
            self._resolve_lookalikes(0, at)
            label_start = at + 1
            for index in range(at + 1, len(self.chars) + 1):
                if index == len(self.chars) or self.chars[index] == ".":
                    self._resolve_lookalikes(label_start, index)
                    label_start = index + 1
        local = "".join(self.chars[:at])
        domain_text = "".join(self.chars[at + 1:])
        local_result = check_local_part(local)
        domain = analyse_domain(domain_text)
        self.findings += [self._placed(f, 0) for f in local_result.findings]
        self.findings += [self._placed(f, at + 1) for f in domain.findings]
        if local_result.dots_broken and domain.is_carrier:
            self.findings.append(Finding("legacy-carrier-address"))
        octets = _octets(local) + 1 + _octets(domain.ascii or domain_text)
        if octets > MAX_ADDRESS_OCTETS:
            self.findings.append(Finding("address-too-long", None, str(octets)))
        address = f"{local}@{domain.unicode}" if domain.unicode else None
        ascii_address = f"{local}@{domain.ascii}" if domain.ascii else None
        suggestion = None
        if offer_suggestion:
            suggestion = self._suggest(local, local_result.corrected, domain, local_result.dots_broken)
        return _report(self.text, self.findings, address, ascii_address, suggestion)

    def _placed(self, finding: Finding, offset: int) -> Finding:
        if finding.position is None:
            return finding
        index = finding.position + offset
        position = self.origin[index] if index < len(self.origin) else None
        return Finding(finding.code, position, finding.detail)

    def _suggest(self, local: str, tidy_local: str | None, domain: DomainResult, dots_broken: bool) -> str | None:
        # An old carrier address is a real mailbox: tidying its dots would name someone else,
        # so only the other slips (full-width, wrapping) are repaired.
        carrier_mailbox = dots_broken and domain.is_carrier
        if carrier_mailbox:
            tidy_local = local if tidy_local is not None else None
        if tidy_local is not None and "@" in tidy_local:
            tidy_local = tidy_local.rstrip("@") if "@" not in tidy_local.rstrip("@") else None
        if tidy_local is None or domain.corrected is None:
            return None
        # NFC: half-width kana become full-width with a separate voiced mark until composed.
        candidate = unicodedata.normalize("NFC", f"{tidy_local}@{domain.corrected}")
        if candidate == self.text:
            return None
        checked = _check(candidate, offer_suggestion=False)
        if checked.valid or (carrier_mailbox and _only_carrier_dot_errors(checked)):
            return candidate
        return None


def _only_carrier_dot_errors(report: AddressReport) -> bool:
    return all(p.code in CARRIER_DOT_CODES for p in report.problems if p.severity == ERROR)
