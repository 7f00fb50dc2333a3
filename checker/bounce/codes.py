"""What enhanced status codes (RFC 3463, and the IANA registry "SMTP Enhanced Status
Codes" that later RFCs add to) and basic reply codes (RFC 5321 section 4.2, RFC 7504) say
about the reason, as tables the rule table (rules.py) is built from.

Keys are "subject.detail" (the class, 2, 4 or 5, only says delivered, temporary or
permanent). Three strengths:
- NAMED: the code names one cause, and beats broad wording (x.2.2 "Mailbox full").
- LEANING: the code is used for more than one cause; any wording that names a reason wins
  (x.4.4 "Unable to route" is also what a failed DNS lookup gets).
- HINTS: the code says almost nothing (x.7.1 "Delivery not authorized"); used only when
  no wording decides. Vague codes (x.0.0, x.1.0, x.5.0 ...) are in none of the tables.
"""
from __future__ import annotations

_RFC3463 = "RFC 3463 section 3"
_IANA = "IANA SMTP Enhanced Status Codes registry"

# subject.detail: (reason, source)
NAMED_STATUS: dict[str, tuple[str, str]] = {
    "1.1": ("userunknown", _RFC3463 + ".2 X.1.1 Bad destination mailbox address"),
    "1.2": ("hostunknown", _RFC3463 + ".2 X.1.2 Bad destination system address"),
    "1.3": ("userunknown", _RFC3463 + ".2 X.1.3 Bad destination mailbox address syntax"),
    "1.6": ("hasmoved", _RFC3463 + ".2 X.1.6 Destination mailbox has moved"),
    "1.7": ("rejected", _RFC3463 + ".2 X.1.7 Bad sender's mailbox address syntax"),
    "1.8": ("rejected", _RFC3463 + ".2 X.1.8 Bad sender's system address"),
    "2.2": ("mailboxfull", _RFC3463 + ".3 X.2.2 Mailbox full"),
    "2.3": ("emailtoolarge", _RFC3463 + ".3 X.2.3 Message length exceeds administrative limit"),
    "3.4": ("emailtoolarge", _RFC3463 + ".4 X.3.4 Message too big for system"),
    "5.3": ("ratelimited", _RFC3463 + ".6 X.5.3 Too many recipients"),
    "6.0": ("contenterror", _RFC3463 + ".7 X.6.0 Other or undefined media error"),
    "6.1": ("contenterror", _RFC3463 + ".7 X.6.1 Media not supported"),
    "6.2": ("contenterror", _RFC3463 + ".7 X.6.2 Conversion required and prohibited"),
    "6.3": ("contenterror", _RFC3463 + ".7 X.6.3 Conversion required but not supported"),
    "6.5": ("contenterror", _RFC3463 + ".7 X.6.5 Conversion Failed"),
    "6.6": ("contenterror", "RFC 4468 / " + _IANA + " X.6.6 Message content not available"),
    "6.7": ("contenterror", "RFC 6531 / " + _IANA + " X.6.7 Non-ASCII addresses not permitted"),
    "6.8": ("contenterror", "RFC 6531 / " + _IANA + " X.6.8 UTF-8 string reply is required"),
    "6.9": ("contenterror", "RFC 6531 / " + _IANA + " X.6.9 UTF-8 header message cannot be transferred"),
    "7.4": ("securityerror", _RFC3463 + ".8 X.7.4 Security features not supported"),
    "7.5": ("securityerror", _RFC3463 + ".8 X.7.5 Cryptographic failure"),
    "7.6": ("securityerror", _RFC3463 + ".8 X.7.6 Cryptographic algorithm not supported"),
    "7.7": ("securityerror", _RFC3463 + ".8 X.7.7 Message integrity failure"),
    "7.8": ("securityerror", "RFC 4954 / " + _IANA + " X.7.8 Authentication credentials invalid"),
    "7.10": ("failedstarttls", "RFC 5248 / " + _IANA + " X.7.10 Encryption needed"),
    "7.11": ("failedstarttls", "RFC 4954 / " + _IANA + " X.7.11 Encryption required for requested authentication mechanism"),
    "7.13": ("suspend", "RFC 5248 / " + _IANA + " X.7.13 User Account Disabled"),
    "7.16": ("emailtoolarge", "RFC 4865 / " + _IANA + " X.7.16 Future release specified too long"),
    "7.17": ("hasmoved", "RFC 5248 / " + _IANA + " X.7.17 Mailbox owner has changed"),
    "7.18": ("hasmoved", "RFC 5248 / " + _IANA + " X.7.18 Domain owner has changed"),
    "7.20": ("authfailure", "RFC 7372 / " + _IANA + " X.7.20 No passing DKIM signature found"),
    "7.21": ("authfailure", "RFC 7372 / " + _IANA + " X.7.21 No acceptable DKIM signature found"),
    "7.22": ("authfailure", "RFC 7372 / " + _IANA + " X.7.22 No valid author-matched DKIM signature found"),
    "7.23": ("authfailure", "RFC 7372 / " + _IANA + " X.7.23 SPF validation failed"),
    "7.24": ("authfailure", "RFC 7372 / " + _IANA + " X.7.24 SPF validation error"),
    "7.25": ("requireptr", "RFC 7372 / " + _IANA + " X.7.25 Reverse DNS validation failed"),
    "7.26": ("authfailure", "RFC 7372 / " + _IANA + " X.7.26 Multiple authentication checks failed"),
    "7.27": ("notaccept", "RFC 7505 / " + _IANA + " X.7.27 Sender address has null MX"),
    "7.28": ("ratelimited", _IANA + " X.7.28 Mail flood detected"),
    "7.29": ("authfailure", "RFC 8617 / " + _IANA + " X.7.29 ARC validation failure"),
    "7.30": ("failedstarttls", "RFC 8689 / " + _IANA + " X.7.30 REQUIRETLS support required"),
}

LEANING_STATUS: dict[str, tuple[str, str]] = {
    # Exchange Online also answers 5.1.10 for a recipient missing from its directory.
    "1.10": ("notaccept", "RFC 7505 section 4.2 / " + _IANA + " X.1.10 Recipient address has null MX"),
    "1.4": ("userunknown", _RFC3463 + ".2 X.1.4 Destination mailbox address ambiguous"),
    "2.0": ("filtered", _RFC3463 + ".3 X.2.0 Other or undefined mailbox status (a mailbox that exists refuses)"),
    "2.1": ("filtered", _RFC3463 + ".3 X.2.1 Mailbox disabled, not accepting messages"),
    "2.4": ("filtered", _RFC3463 + ".3 X.2.4 Mailing list expansion problem"),
    "3.1": ("systemfull", _RFC3463 + ".4 X.3.1 Mail system full"),
    "3.2": ("notaccept", _RFC3463 + ".4 X.3.2 System not accepting network messages"),
    "3.3": ("systemerror", _RFC3463 + ".4 X.3.3 System not capable of selected features"),
    "3.5": ("systemerror", _RFC3463 + ".4 X.3.5 System incorrectly configured"),
    "4.2": ("networkerror", _RFC3463 + ".5 X.4.2 Bad connection"),
    "4.4": ("hostunknown", _RFC3463 + ".5 X.4.4 Unable to route"),
    "4.6": ("networkerror", _RFC3463 + ".5 X.4.6 Routing loop detected"),
    "4.7": ("expired", _RFC3463 + ".5 X.4.7 Delivery time expired"),
    "5.4": ("syntaxerror", _RFC3463 + ".6 X.5.4 Invalid command arguments"),
    "5.5": ("systemerror", _RFC3463 + ".6 X.5.5 Wrong protocol version"),
    "7.3": ("securityerror", _RFC3463 + ".8 X.7.3 Security conversion required but not possible"),
}

STATUS_HINTS: dict[str, tuple[str, str]] = {
    "1.0": ("userunknown", _RFC3463 + ".2 X.1.0 Other address status"),
    "3.0": ("systemerror", _RFC3463 + ".4 X.3.0 Other or undefined mail system status"),
    # Exchange Online answers 5.4.1 for a recipient its directory-based edge blocking refuses.
    "4.1": ("expired", _RFC3463 + ".5 X.4.1 No answer from host"),
    "4.3": ("networkerror", _RFC3463 + ".5 X.4.3 Directory server failure"),
    "4.5": ("ratelimited", _RFC3463 + ".5 X.4.5 Mail system congestion"),
    "5.1": ("syntaxerror", _RFC3463 + ".6 X.5.1 Invalid command"),
    "5.2": ("syntaxerror", _RFC3463 + ".6 X.5.2 Syntax error"),
    "7.0": ("securityerror", _RFC3463 + ".8 X.7.0 Other or undefined security status"),
    "7.1": ("blocked", _RFC3463 + ".8 X.7.1 Delivery not authorized, message refused"),
    "7.2": ("blocked", _RFC3463 + ".8 X.7.2 Mailing list expansion prohibited"),
    "7.9": ("securityerror", "RFC 4954 / " + _IANA + " X.7.9 Authentication mechanism is too weak"),
}

# Basic reply codes that lean to one cause whatever status a relay gave them (servers also
# answer 551 for addresses that are simply unknown, so the wording decides first).
NAMED_REPLIES: dict[str, tuple[str, str]] = {
    "551": ("hasmoved", "RFC 5321 section 3.4: 551 User not local; please try <forward-path>"),
}

# Basic reply codes that lean to a reason when nothing more precise is known.
REPLY_HINTS: dict[str, tuple[str, str]] = {
    "500": ("syntaxerror", "RFC 5321 section 4.2.2: 500 Syntax error, command unrecognized"),
    "501": ("syntaxerror", "RFC 5321 section 4.2.2: 501 Syntax error in parameters or arguments"),
    "502": ("syntaxerror", "RFC 5321 section 4.2.2: 502 Command not implemented"),
    "503": ("syntaxerror", "RFC 5321 section 4.2.2: 503 Bad sequence of commands"),
    "504": ("syntaxerror", "RFC 5321 section 4.2.2: 504 Command parameter not implemented"),
    "521": ("notaccept", "RFC 7504 section 3: 521 Host does not accept mail"),
    "530": ("securityerror", "RFC 4954 section 6: 530 Authentication required"),
    "535": ("securityerror", "RFC 4954 section 6: 535 Authentication credentials invalid"),
    "556": ("notaccept", "RFC 7504 section 3: 556 Domain does not accept mail"),
}

# The sending MTA's own class of a recipient's failure, where its report carries one in a
# per-recipient field: PowerMTA's X-PowerMTA-BounceCategory. It leans like a code: the
# server's own words decide first. Classes that name no one cause ("other") are left out.
_PMTA = "PowerMTA User's Guide: bounce categories (X-PowerMTA-BounceCategory)"
REPORTED_CATEGORIES: dict[str, tuple[str, str]] = {
    "bad-mailbox": ("userunknown", _PMTA),
    "bad-domain": ("hostunknown", _PMTA),
    "inactive-mailbox": ("suspend", _PMTA),
    "quota-issues": ("mailboxfull", _PMTA),
    "message-expired": ("expired", _PMTA),
    "no-answer-from-host": ("networkerror", _PMTA),
    "bad-connection": ("networkerror", _PMTA),
    "routing-errors": ("systemerror", _PMTA),
    "policy-related": ("policyviolation", _PMTA),
    "spam-related": ("spamdetected", _PMTA),
    "virus-related": ("virusdetected", _PMTA),
    "content-related": ("contenterror", _PMTA),
    "invalid-sender": ("rejected", _PMTA),
    "relaying-issues": ("norelaying", _PMTA),
    "protocol-errors": ("syntaxerror", _PMTA),
}


def status_detail(status: str) -> str:
    """'5.1.1' -> '1.1'; '' for anything that is not a 4.x.x or 5.x.x code."""
    return status.split(".", 1)[1] if status[:1] in ("4", "5") and "." in status else ""
