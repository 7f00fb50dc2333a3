"""Amazon SES notifications (JSON, often wrapped in an SNS envelope) sent as mail bodies.

They carry the same facts as a DSN in another shape: per recipient an address, action,
status and diagnostic, plus the notification type (Bounce, Complaint, Delivery).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# bounceSubType values that name the reason outright.
SUBTYPE_REASONS = {
    "suppressed": "suppressed",
    "onaccountsuppressionlist": "suppressed",
    "mailboxfull": "mailboxfull",
    "messagetoolarge": "emailtoolarge",
    "contentrejected": "contenterror",
    "attachmentrejected": "contenterror",
    "noemail": "userunknown",
}


@dataclass(frozen=True)
class SesRecipient:
    recipient: str
    action: str = ""
    status: str = ""
    diagnostic: str = ""
    reason: str = ""


@dataclass(frozen=True)
class SesNotice:
    kind: str  # "bounce", "feedback" or "delivered"
    recipients: tuple[SesRecipient, ...]


def read_notice(text: str) -> SesNotice | None:
    if '"notificationType' not in text and '\\"notificationType' not in text:
        return None
    data = _load(text)
    if isinstance(data, dict) and isinstance(data.get("Message"), str):
        data = _load(data["Message"])  # the SNS envelope carries the notice as a string
    if not isinstance(data, dict):
        return None
    kind = str(data.get("notificationType") or data.get("eventType") or "").lower()
    if kind == "bounce":
        return _bounce(data.get("bounce") or {})
    if kind == "complaint":
        people = (data.get("complaint") or {}).get("complainedRecipients") or []
        return SesNotice("feedback", tuple(SesRecipient(_address(p), reason="feedback") for p in people))
    if kind == "delivery":
        delivery = data.get("delivery") or {}
        answer = str(delivery.get("smtpResponse") or "")
        return SesNotice("delivered", tuple(
            SesRecipient(str(r), action="delivered", diagnostic=answer, reason="delivered")
            for r in delivery.get("recipients") or []))
    return None


def _bounce(bounce: dict[str, Any]) -> SesNotice:
    subtype = SUBTYPE_REASONS.get(str(bounce.get("bounceSubType") or "").lower(), "")
    people = bounce.get("bouncedRecipients") or []
    return SesNotice("bounce", tuple(
        SesRecipient(_address(p), action=str(p.get("action") or "failed"), status=str(p.get("status") or ""),
                     diagnostic=str(p.get("diagnosticCode") or ""), reason=subtype)
        for p in people if isinstance(p, dict)))


def _address(person: object) -> str:
    return str(person.get("emailAddress") or "") if isinstance(person, dict) else ""


def _load(text: str) -> Any:
    """The JSON value in `text` (any JSON type), or None."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return None
    body = text[start:end + 1]
    for candidate in (body, body.replace("\n ", "").replace("\n", "")):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None
