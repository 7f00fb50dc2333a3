"""Typed results of a bounce analysis (what the engine found, before any presentation)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RecipientResult:
    """One recipient the message was meant for, what happened and why."""

    recipient: str
    reason: str
    status: str = ""
    replycode: str = ""
    action: str = ""
    remote_host: str = ""
    diagnostic: str = ""
    command: str = ""
    permanent: bool | None = None
    actor: str = "provider"
    address_problems: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "recipient": self.recipient,
            "reason": self.reason,
            "status": self.status,
            "replycode": self.replycode,
            "action": self.action,
            "remote_host": self.remote_host,
            "diagnostic": self.diagnostic,
            "command": self.command,
            "permanent": self.permanent,
            "actor": self.actor,
        }


@dataclass(frozen=True)
class OriginalMessage:
    """The returned message, when the bounce carries it (decoded header values)."""

    subject: str = ""
    date: str = ""
    to: str = ""


@dataclass(frozen=True)
class BounceReport:
    """Everything found in one input."""

    kind: str
    results: tuple[RecipientResult, ...] = ()
    original: OriginalMessage | None = None
    notices: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "results": [result.to_json() for result in self.results]}

    def summary_ja(self) -> str:
        from checker.bounce.present import summary_ja

        return summary_ja(self)
