"""The result of checking an address, and how it is shown (JSON contract, Japanese text)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from checker.address.messages import ERROR, MESSAGES, WARNING


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message_ja: str
    position: int | None
    severity: str


class Finding(NamedTuple):
    """What a rule noticed, before it becomes a customer-facing Problem (a tuple: cheap to make)."""

    code: str
    position: int | None = None
    detail: str = ""


def make_problems(findings: list[Finding]) -> tuple[Problem, ...]:
    """One Problem per code, at its first position, naming every distinct detail once."""
    grouped: dict[str, tuple[Finding, list[str]]] = {}
    for finding in findings:
        entry = grouped.get(finding.code)
        if entry is None:
            entry = grouped[finding.code] = (finding, [])
        if finding.detail and finding.detail not in entry[1]:
            entry[1].append(finding.detail)
    return tuple(_problem(first, details) for first, details in grouped.values())


def _problem(first: Finding, details: list[str]) -> Problem:
    severity, template = MESSAGES[first.code]
    if "{" in template:
        shown = "".join(f"「{d}」" for d in details[:6])
        template = template.replace("{detail}", shown).replace("{count}", first.detail)
    return Problem(first.code, template, first.position, severity)


@dataclass(frozen=True, slots=True)
class AddressReport:
    input: str
    valid: bool
    problems: tuple[Problem, ...]
    address: str | None
    ascii_address: str | None
    suggestion: str | None

    def to_json(self) -> dict[str, Any]:
        codes = list(dict.fromkeys(p.code for p in self.problems))
        result: dict[str, Any] = {"address": self.input, "valid": self.valid, "problems": codes}
        if self.suggestion is not None:
            result["suggestion"] = self.suggestion
        return result

    def explain_ja(self) -> str:
        lines = [self._headline()]
        for problem in self.problems:
            where = f" ({problem.position + 1} 文字目)" if problem.position is not None else ""
            lines.append(f"  {_MARKS[problem.severity]} {problem.message_ja}{where}")
        if self.suggestion is not None:
            lines.append(f"  → 正しくは「{self.suggestion}」ではありませんか。")
        return "\n".join(lines)

    def _headline(self) -> str:
        if not self.valid:
            return f"✕ 「{self.input}」は、このままではメールアドレスとして使えません。"
        if any(p.severity == WARNING for p in self.problems):
            return f"△ 「{self.input}」はメールアドレスの形をしていますが、注意点があります。"
        return f"○ 「{self.input}」は正しい形のメールアドレスです。"


_MARKS = {ERROR: "・", WARNING: "注意:", "info": "参考:"}
