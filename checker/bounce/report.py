"""Typed results of a bounce analysis (what the engine found, before any presentation)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.bounce.original import OriginalFacts


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
    # The address the message was sent to, where the report names another final one: an
    # alias or a forward (RFC 3464 section 2.3.1, Original-Recipient). Not in to_json().
    sent_to: str = ""

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
class Notice:
    """Something a reader of the report should know about how the input was read.

    A code and, for some codes, a value (the charset's name, the size read); the sentences
    are in checker.bounce.present (NOTICE_TEXTS_JA).
    """

    code: str
    value: str = ""


# The notice codes the engine gives.
TRUNCATED = "truncated"                    # value: the MiB read
TOO_DEEP = "too-deep"                      # nested messages beyond the limit were not opened
UNKNOWN_CHARSET = "unknown-charset"        # value: the charset named
BAD_BASE64 = "bad-base64"
NOTHING_FOUND = "nothing-found"            # no recipient and no reason
FRAGMENT_UNDECIDED = "fragment-undecided"  # a paste whose reason stays open
NOTICE_CODES = (TRUNCATED, TOO_DEEP, UNKNOWN_CHARSET, BAD_BASE64, NOTHING_FOUND, FRAGMENT_UNDECIDED)

# What the input is, besides a bounce of failed or delayed recipients.
KINDS = ("bounce", "delayed", "signin", "autoreply", "feedback", "delivered", "not-bounce")


@dataclass(frozen=True)
class BounceReport:
    """Everything found in one input (codes only: checker.bounce.present words them)."""

    kind: str
    results: tuple[RecipientResult, ...] = ()
    original: OriginalMessage | None = None
    notices: tuple[Notice, ...] = ()
    facts: OriginalFacts | None = None  # what the returned original's headers tell support

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "results": [result.to_json() for result in self.results]}
