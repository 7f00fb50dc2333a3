"""What the returned original's headers tell support staff: when it was sent, how long until
the bounce, the server the sender's mail program handed it to, the From domain, its DKIM
signature and the receiving side's authentication results.

Read from the original's header fields only (RFC 5322 Date and From, RFC 5321 section 4.4
Received, RFC 6376 DKIM-Signature, RFC 8601 Authentication-Results); nothing here decides
a reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

# RFC 5321 section 4.4: "from <client> (...) by <server> ..."; the last Received field of
# the list is the first hop, written by the server the mail program handed the message to.
_RECEIVED_BY = re.compile(r"\bby\s{1,10}([A-Za-z0-9][A-Za-z0-9.-]{0,250})", re.I)
_DKIM_DOMAIN = re.compile(r"(?:^|;)\s{0,10}d\s{0,5}=\s{0,5}([A-Za-z0-9.-]{1,253})", re.I)
_AUTH_RESULT = re.compile(r"\b(spf|dkim|dmarc)\s{0,5}=\s{0,5}([a-z]{2,12})", re.I)
_ADDRESS_DOMAIN = re.compile(r"@([A-Za-z0-9.-]{1,253})")
_READ_FIELDS = frozenset({"date", "received", "from", "dkim-signature", "authentication-results"})


@dataclass(frozen=True)
class OriginalFacts:
    """Facts from the returned original's headers (empty where a header is missing)."""

    sent: str = ""                  # the original's Date, as written
    delay_hours: float | None = None  # from the original's Date to the bounce's Date
    first_server: str = ""          # the "by" host of the first Received hop
    from_domain: str = ""
    dkim_domains: tuple[str, ...] = ()   # d= of each DKIM-Signature
    authentication: tuple[tuple[str, str], ...] = ()  # ("spf", "fail"), ("dkim", "pass") ...


def original_facts(original_headers: list[tuple[str, str]], bounce_date: str) -> OriginalFacts | None:
    """Facts from the original's header fields (lower-case names, as the MIME reader gives
    them); None when there are none to tell."""
    if not original_headers:
        return None
    fields: dict[str, list[str]] = {}
    for name, value in original_headers:
        if name in _READ_FIELDS:  # most of a message's header fields say nothing here
            fields.setdefault(name, []).append(value)
    sent = _first(fields, "date")
    facts = OriginalFacts(
        sent=sent,
        delay_hours=_hours_between(sent, bounce_date),
        first_server=_first_server(fields.get("received", [])),
        from_domain=_domain(_first(fields, "from")),
        dkim_domains=tuple(dict.fromkeys(
            match.group(1).lower() for value in fields.get("dkim-signature", [])
            if (match := _DKIM_DOMAIN.search(value)))),
        authentication=tuple(dict.fromkeys(
            (method.lower(), result.lower()) for value in fields.get("authentication-results", [])
            for method, result in _AUTH_RESULT.findall(value))),
    )
    return None if facts == OriginalFacts() else facts


def _first(fields: dict[str, list[str]], name: str) -> str:
    values = fields.get(name)
    return " ".join(values[0].split()) if values else ""


def _first_server(received: list[str]) -> str:
    for value in reversed(received):
        match = _RECEIVED_BY.search(value)
        if match:
            return match.group(1).lower().rstrip(".")
    return ""


def _domain(value: str) -> str:
    match = _ADDRESS_DOMAIN.search(value)
    return match.group(1).lower().rstrip(".>") if match else ""


def _parsed(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo is not None else None


def _hours_between(sent: str, bounced: str) -> float | None:
    start, end = _parsed(sent), _parsed(bounced)
    if start is None or end is None or end < start:
        return None
    return round((end - start).total_seconds() / 3600, 1)
