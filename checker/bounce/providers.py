"""Error codes that large mail providers put in their refusals and document for senders.

A provider's own code names the cause more precisely than the SMTP status it comes with
("550 5.2.0 Mail rejected. OFR_506" is Orange's spam refusal, though 5.2.0 is a mailbox
status), so the judge reads these first. Only codes the provider publishes for senders
belong here; codes are matched in lower case, as the judge sees the text.
"""
from __future__ import annotations

import re

# Orange / Wanadoo ("OFR_506", "OFR005_505") and La Poste ("LPN006_107", "LPNAAA_101")
# end their refusals with a code whose last three digits name the cause (Orange's
# postmaster error code list).
_ORANGE_CODE = re.compile(r"\b(?:ofr|lpn|lpnaaa|ouk)(?:_\d{3}|\d{3}[_-]\d{3})\b")
ORANGE_CAUSES: dict[str, str] = {
    "101": "blocked",          # sending IP on a blocklist
    "102": "blocked",          # sending IP blocked for spam incidents
    "103": "blocked",          # service refused to this IP
    "104": "ratelimited",      # too many connections
    "107": "requireptr",       # the sending IP has no usable reverse DNS
    "305": "securityerror",    # invalid authentication code
    "401": "authfailure",      # SPF: not allowed to send
    "402": "securityerror",    # authentication required
    "403": "rejected",         # invalid sender
    "405": "rejected",         # invalid sender
    "415": "rejected",         # invalid sender
    "416": "userunknown",      # invalid recipient
    "417": "mailboxfull",      # recipient over quota
    "420": "suspend",          # recipient mailbox archived
    "421": "rejected",         # MAIL FROM not owned by the user
    "426": "suspend",          # recipient account blocked
    "505": "systemerror",      # service refused after DATA, try later
    "506": "spamdetected",     # message rejected as spam
    "510": "blocked",          # service refused after DATA
    "514": "emailtoolarge",    # message size limit reached
    "517": "authfailure",      # DMARC verification failed
    "630": "policyviolation",  # client host rejected by policy
    "999": "ratelimited",      # temporary refusal: too many connections or messages, retry later
}

# Codes other providers print in the refusal text: (code as it appears, reason).
# Cox: "AUP#..." codes from its e-mail error code list (IPBL/URLBL codes are families).
# Microsoft Outlook.com: SC-/DY-/OU- codes from its postmaster error list (IP refused).
# Mimecast: the rejection names the detection, as its SMTP error code list shows.
PROVIDER_TOKENS: tuple[tuple[str, str], ...] = (
    ("aup#cxbl", "blocked"),
    ("aup#cdrbl", "blocked"),
    ("aup#ipbl", "blocked"),
    ("aup#cxdns", "requireptr"),
    ("aup#cxsndr", "authfailure"),
    ("aup#cxsmtp", "rejected"),
    ("aup#cxcnct", "ratelimited"),
    ("aup#cxmxrt", "ratelimited"),
    ("aup#cxthrt", "securityerror"),
    ("aup#urlbl", "spamdetected"),
    ("sc-001", "blocked"),
    ("sc-002", "blocked"),
    ("sc-003", "blocked"),
    ("sc-004", "blocked"),
    ("dy-001", "blocked"),
    ("dy-002", "blocked"),
    ("ou-001", "blocked"),
    ("ou-002", "blocked"),
    ("mcspamsignature", "spamdetected"),
)


def provider_reason(text: str) -> str:
    """The reason a documented provider code in the (lower-case) text names, or ""."""
    found = _ORANGE_CODE.search(text)
    if found:
        reason = ORANGE_CAUSES.get(found.group()[-3:], "")
        if reason:
            return reason
    return next((reason for token, reason in PROVIDER_TOKENS if token in text), "")


# au (KDDI) quotes the recipient in "550 <address>: User unknown" when the address does not
# exist; when the recipient's own reception filter refused the message it answers
# "550 : User unknown", without the address, at whatever stage.
AU_DOMAINS: frozenset[str] = frozenset({"ezweb.ne.jp", "au.com"})


def carrier_unknown_user(recipient: str, names_recipient: bool) -> str:
    """What a carrier's "User unknown" means for this recipient ("userunknown" or
    "filtered"), or "" when the recipient is not at such a carrier."""
    if recipient.rpartition("@")[2].lower() not in AU_DOMAINS:
        return ""
    return "userunknown" if names_recipient else "filtered"
