"""Test helpers for the bounce corpus: where it is, its labels, and the fragment set.

The fragment set reduces each corpus message to what a mail app shows a customer, as
issue 3 defines it: the decoded text of the bounce's human-readable part(s), without any
headers, the delivery report or the attached original. A richer variant also keeps the
delivery report (message/delivery-status), which some mail apps show inline as text. It is built with the stdlib `email` package on purpose,
so that the engine's own MIME reader is not what decides what the fragments contain.
"""
from __future__ import annotations

import email
import email.policy
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPORA = REPO_ROOT.parent / "shared" / "corpus"
CORPUS = CORPORA / "bounces"              # the development set: rules may be written from it
VALIDATION = CORPORA / "bounces-extra"    # the validation set: scored, never read to write rules
LABELS = CORPUS / "labels.jsonl"

_TAG = re.compile(r"<[^>]*>")
_OLD_NAMES = {"mesgtoobig": "emailtoolarge", "exceedlimit": "emailtoolarge",
              "speeding": "ratelimited", "toomanyconn": "ratelimited"}


def corpus_available(folder: Path = CORPUS) -> bool:
    return (folder / "labels.jsonl").is_file()


@lru_cache(maxsize=2)
def labelled_cases(folder: Path = CORPUS) -> tuple[dict, ...]:
    """Every labelled message that has at least one expected recipient result."""
    cases = []
    with (folder / "labels.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                case = json.loads(line)
                if case.get("expected"):
                    case["path"] = folder / case["file"]
                    cases.append(case)
    return tuple(cases)


def expected_reason(case: dict) -> str:
    name = case["expected"][0]["reason"].lower()
    return _OLD_NAMES.get(name, name)


def message_bytes(case: dict) -> bytes:
    return case["path"].read_bytes()


@dataclass(frozen=True)
class Scored:
    """How the engine's first result compares with a message's label."""

    file: str
    family: str
    expected: str
    got: str
    recipient_right: bool | None  # None: the label names no recipient
    status_right: bool | None     # None: the label's status is not taken from the message


def score(case: dict, results: Sequence) -> Scored:
    label = case["expected"][0]
    first = results[0] if results else None
    recipient = label.get("recipient")
    status = label.get("status") if not label.get("status_is_pseudo") else None
    return Scored(
        file=case["file"], family=case.get("family", ""), expected=expected_reason(case),
        got=first.reason if first else "",
        recipient_right=None if not recipient else bool(first) and first.recipient.lower() == recipient.lower(),
        status_right=None if not status else bool(first) and first.status == status)


def fragment_text(data: bytes, with_report: bool = False) -> str:
    """What a mail app shows as the body of the bounce: readable text parts only, plus the
    delivery report's text when `with_report` is true."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    shown: list[str] = []
    _collect(message, shown, with_report)
    text = "\n".join(shown).strip()
    if not text:
        # Broken MIME (a boundary the body never uses): a mail app shows the raw body.
        text = _decoded(message) if not message.is_multipart() else str(message.get_payload(0))
    return text


def _collect(part, shown: list[str], with_report: bool) -> None:
    """Append, in order, the text a mail app shows for this part."""
    ctype = part.get_content_type()
    if part.is_multipart() and ctype.startswith("multipart/"):
        if ctype == "multipart/alternative":
            children = part.get_payload()
            texts = [c for c in children if c.get_content_type() == "text/plain"]
            for child in (texts or children)[:1]:
                _collect(child, shown, with_report)
            return
        for child in part.get_payload():
            _collect(child, shown, with_report)
        return
    if ctype in ("message/delivery-status", "message/global-delivery-status"):
        if not with_report:
            return  # not part of the human-readable text
        # Some mail apps (Thunderbird, Apple Mail) show the delivery report inline, as text.
        blocks = part.get_payload()
        shown.append("\n".join(block.as_string() for block in blocks) if isinstance(blocks, list) else _decoded(part))
        return
    if ctype.startswith("message/") or ctype == "text/rfc822-headers":
        return  # the returned message is an attachment in a mail app
    if ctype == "text/plain":
        shown.append(_decoded(part))
    elif ctype == "text/html":
        shown.append(_TAG.sub("", _decoded(part)))


def _decoded(part) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "us-ascii"
    for codec in (charset, "cp932", "utf-8"):
        try:
            return payload.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")
