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
from datetime import datetime, timedelta, timezone

# RFC 5321 section 4.4: "from <client> (...) by <server> ..."; the last Received field of
# the list is the first hop, written by the server the mail program handed the message to.
_RECEIVED_BY = re.compile(r"\bby\s{1,10}([A-Za-z0-9][A-Za-z0-9.-]{0,250})", re.I)
_DKIM_DOMAIN = re.compile(r"(?:^|;)\s{0,10}d\s{0,5}=\s{0,5}([A-Za-z0-9.-]{1,253})", re.I)
_AUTH_RESULT = re.compile(r"\b(spf|dkim|dmarc)\s{0,5}=\s{0,5}([a-z]{2,12})", re.I)
_ADDRESS_DOMAIN = re.compile(r"@([A-Za-z0-9.-]{1,253})")
# RFC 5322 section 3.3 date-time, with the obsolete two-digit years and named zones of
# section 4.3 (read here rather than with email.utils, whose imports cost more than the
# rest of this module).
_DATE_TIME = re.compile(
    r"(\d{1,2})\s{1,10}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,10}(\d{2,4})\s{1,10}"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s{0,10}([+-]\d{4}|ut|gmt|z|[ecmp][sd]t)?\b", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NAMED_ZONES = {"ut": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
                "mst": -7, "mdt": -6, "pst": -8, "pdt": -7}
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
    """The moment a Date field names, or None without a zone ('-0000': local time unknown)."""
    match = _DATE_TIME.search(value)
    if match is None or not match.group(7) or match.group(7) == "-0000":
        return None
    day, month, year, hour, minute, second, zone = match.groups()
    full_year = int(year) + (2000 if len(year) == 2 and int(year) < 50 else 1900 if len(year) <= 3 else 0)
    offset = (timedelta(hours=_NAMED_ZONES[zone.lower()]) if zone[0] not in "+-"
              else (-1 if zone[0] == "-" else 1) * timedelta(hours=int(zone[1:3]), minutes=int(zone[3:])))
    try:
        return datetime(full_year, _MONTHS.index(month.lower()) + 1, int(day), int(hour), int(minute),
                        int(second or 0), tzinfo=timezone(offset))
    except ValueError:  # a day or an hour out of range
        return None


def _hours_between(sent: str, bounced: str) -> float | None:
    start, end = _parsed(sent), _parsed(bounced)
    if start is None or end is None or end < start:
        return None
    return round((end - start).total_seconds() / 3600, 1)
