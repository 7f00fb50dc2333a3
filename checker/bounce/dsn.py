"""RFC 3464 message/delivery-status: per-message and per-recipient fields."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_RECIPIENT_SLOTS = {"final-recipient": "final", "original-recipient": "original"}


@dataclass
class DsnRecipient:
    """One per-recipient group, with values as written (type prefixes removed)."""

    final: str = ""
    original: str = ""
    action: str = ""
    status: str = ""
    remote_host: str = ""
    diagnostic_type: str = ""
    diagnostic: str = ""
    category: str = ""  # the reporting MTA's own class of the failure (codes.REPORTED_CATEGORIES)


@dataclass
class DsnReport:
    reporting_mta: str
    recipients: list[DsnRecipient]


def parse_delivery_status(text: str) -> DsnReport:
    """Read the fields of a delivery-status body; tolerate folding, missing blank lines
    and fields written before the recipient they belong to."""
    reporting_mta = ""
    recipients: list[DsnRecipient] = []
    group: list[tuple[str, str]] = []
    for name, value in _fields(text):
        if name == "reporting-mta":
            reporting_mta = _strip_type(value)
        elif name:
            group.append((name, value))
            continue
        recipients.extend(_records(group))
        group = []
    recipients.extend(_records(group))
    return DsnReport(reporting_mta, [r for r in recipients if r.final or r.original])


def _records(group: list[tuple[str, str]]) -> list[DsnRecipient]:
    """Per-recipient records of one group: a repeated recipient field starts a new one."""
    if not any(name in _RECIPIENT_SLOTS for name, _ in group):
        return []
    records = [DsnRecipient()]
    for name, value in group:
        slot = _RECIPIENT_SLOTS.get(name)
        if slot and getattr(records[-1], slot):
            records.append(DsnRecipient())
        _store(records[-1], name, value)
    return records


def _fields(text: str) -> Iterator[tuple[str, str]]:
    name, value = "", ""
    for line in text.split("\n"):
        if not line.strip():
            if name:
                yield name, value.strip()
            name = ""
            yield "", ""
            continue
        if line[:1] in (" ", "\t") and name:
            value += " " + line.strip()
            continue
        if name:
            yield name, value.strip()
            name = ""
        field_name, colon, field_value = line.partition(":")
        field_name = field_name.strip()
        if colon and _is_field_name(field_name):
            name, value = field_name.lower(), field_value.strip()
    if name:
        yield name, value.strip()


def _is_field_name(name: str) -> bool:
    return 0 < len(name) <= 60 and name[0].isalpha() and name.replace("-", "").isalnum() and name.isascii()


def _store(record: DsnRecipient, name: str, value: str) -> None:
    if name == "final-recipient":
        record.final = _address(value)
    elif name == "original-recipient":
        record.original = _address(value)
    elif name == "x-actual-recipient" and not record.final:
        record.final = _address(value)
    elif name == "action":
        record.action = value.split("(", 1)[0].strip().lower()
    elif name == "status":
        match = _STATUS.search(value)
        record.status = match.group(1) if match else ""
    elif name == "remote-mta":
        host = _strip_type(value).split()
        record.remote_host = host[0].strip("[]") if host else ""
    elif name == "x-powermta-bouncecategory":
        record.category = value.strip().lower()
    elif name == "diagnostic-code":
        kind, sep, rest = value.partition(";")
        if sep and len(kind) < 20 and " " not in kind.strip():
            record.diagnostic_type, record.diagnostic = kind.strip().lower(), rest.strip()
        else:
            record.diagnostic = value.strip()


def _strip_type(value: str) -> str:
    kind, sep, rest = value.partition(";")
    return rest.strip() if sep else value.strip()


def _address(value: str) -> str:
    address = _strip_type(value).strip()
    if address.startswith("<") and ">" in address:
        address = address[1:address.index(">")]
    address = address.strip().strip("<>").strip()
    if address.startswith("@") and ":" in address:
        address = address.split(":", 1)[1]  # an old source route: <@relay:user@example.jp>
    return address if "@" in address[1:] else ""
