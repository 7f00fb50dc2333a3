"""Decide the reason for one recipient from what the parsers found.

Order of evidence: an enhanced status code that names one cause; the wording of the
server's answer (phrase table); the wording around it; the SMTP command that was refused;
the action (a delay that ran out). Nothing here reads raw messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.bounce.codes import status_reason
from checker.bounce.phrases import PHRASES

_SPACES = re.compile(r"\s+")

# Status codes that servers use loosely: when the text names a clearer reason, the text wins.
_LOOSE_CODE_REASONS = frozenset({"userunknown", "networkerror", "systemerror", "contenterror",
                                 "syntaxerror", "securityerror", "expired"})


@dataclass(frozen=True)
class Evidence:
    """What is known about one recipient's failure."""

    diagnostic: str = ""
    context: str = ""
    general: str = ""
    status: str = ""
    replycode: str = ""
    command: str = ""
    action: str = ""
    diagnostic_type: str = ""


def normalize(text: str) -> str:
    return _SPACES.sub(" ", text.lower())


def phrase_reason(text: str) -> str:
    if not text:
        return ""
    text = normalize(text)
    for reason, phrases in PHRASES:
        for phrase in phrases:
            if phrase in text:
                return reason
    return ""


def judge(evidence: Evidence) -> str:
    if evidence.status[:1] == "2" or evidence.action in ("delivered", "relayed", "expanded"):
        return "delivered"
    if evidence.diagnostic_type == "x-unix":
        return "mailererror"
    said = phrase_reason(evidence.diagnostic)
    coded = status_reason(evidence.status)
    if coded and (not said or coded not in _LOOSE_CODE_REASONS):
        return coded
    if said:
        return said
    around = phrase_reason(evidence.context) or phrase_reason(evidence.general)
    if coded and (not around or coded not in _LOOSE_CODE_REASONS):
        return coded
    if around:
        return around
    if evidence.action == "delayed" or evidence.status[:1] == "4" and "expired" in evidence.general:
        return "expired"
    if evidence.command == "MAIL":
        return "rejected"
    if evidence.status or evidence.replycode or evidence.diagnostic:
        return "onhold"
    return "undefined"
