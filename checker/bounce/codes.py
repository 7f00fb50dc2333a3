"""What RFC 3463 enhanced status codes say about the reason, as a table.

Only subject.detail pairs that name one cause are listed; generic ones (x.0.0, x.7.1
"delivery not authorized", x.5.0 ...) say too little, so the judge reads the text instead.
Keys are "subject.detail"; the class (2, 4 or 5) only says permanent or temporary.
"""
from __future__ import annotations

STATUS_REASONS: dict[str, str] = {
    "1.1": "userunknown",
    "1.2": "hostunknown",
    "1.3": "userunknown",
    "1.4": "userunknown",
    "1.6": "hasmoved",
    "1.7": "rejected",
    "1.8": "rejected",
    "1.10": "notaccept",
    "2.0": "filtered",
    "2.1": "filtered",
    "2.2": "mailboxfull",
    "2.3": "emailtoolarge",
    "2.4": "filtered",
    "3.1": "systemfull",
    "3.2": "notaccept",
    "3.3": "systemerror",
    "3.4": "emailtoolarge",
    "3.5": "systemerror",
    "4.1": "expired",
    "4.2": "networkerror",
    "4.4": "hostunknown",
    "4.6": "networkerror",
    "4.7": "expired",
    "5.3": "ratelimited",
    "5.4": "syntaxerror",
    "5.5": "systemerror",
    "6.0": "contenterror",
    "6.1": "contenterror",
    "6.2": "contenterror",
    "6.3": "contenterror",
    "6.5": "contenterror",
    "6.6": "contenterror",
    "6.7": "contenterror",
    "6.8": "contenterror",
    "6.9": "contenterror",
    "7.3": "securityerror",
    "7.4": "securityerror",
    "7.5": "securityerror",
    "7.6": "securityerror",
    "7.7": "securityerror",
    "7.8": "securityerror",
    "7.10": "failedstarttls",
    "7.11": "failedstarttls",
    "7.13": "suspend",
    "7.16": "emailtoolarge",
    "7.17": "hasmoved",
    "7.18": "hasmoved",
    "7.20": "authfailure",
    "7.21": "authfailure",
    "7.22": "authfailure",
    "7.23": "authfailure",
    "7.24": "authfailure",
    "7.25": "requireptr",
    "7.26": "authfailure",
    "7.27": "notaccept",
    "7.28": "ratelimited",
    "7.29": "authfailure",
    "7.30": "failedstarttls",
}

# Codes that only hint: servers use them for many causes, so the wording decides first and
# these apply only when no wording matches.
STATUS_HINTS: dict[str, str] = {
    "1.0": "userunknown",
    "3.0": "systemerror",
    "4.3": "networkerror",
    "4.5": "ratelimited",
    "5.1": "syntaxerror",
    "5.2": "syntaxerror",
    "7.0": "securityerror",
    "7.1": "blocked",
    "7.2": "blocked",
    "7.9": "securityerror",
}


# Generic codes whose leaning depends on the answer's words: "5.7.1 ... Access denied" is
# the receiving site's authorization rules (sendmail's access map), not a block of the IP.
STATUS_WORDING: dict[str, tuple[tuple[str, str], ...]] = {
    "7.1": (("access denied", "securityerror"),),
}


# RFC 5321 reply codes that name one cause by themselves ("551 User not local; please try
# <forward-path>"), whatever enhanced code a relay translated them into.
REPLY_REASONS: dict[str, str] = {
    "551": "hasmoved",
}

# RFC 5321 reply codes that lean to a reason when nothing more precise is known.
REPLY_HINTS: dict[str, str] = {
    "500": "syntaxerror",
    "501": "syntaxerror",
    "502": "syntaxerror",
    "503": "syntaxerror",
    "504": "syntaxerror",
    "521": "notaccept",
    "556": "notaccept",
}


def reply_reason(code: str) -> str:
    return REPLY_REASONS.get(code, "")


def reply_hint(code: str) -> str:
    return REPLY_REASONS.get(code) or REPLY_HINTS.get(code, "")


def _detail(status: str) -> str:
    return status.split(".", 1)[1] if status[:1] in ("4", "5") and "." in status else ""


def status_reason(status: str) -> str:
    """The reason a status code names by itself, or "" when it is generic."""
    return STATUS_REASONS.get(_detail(status), "")


def status_hint(status: str, said: str = "") -> str:
    """A reason a generic status code leans to, used only when nothing else decides; `said`
    (the answer, lower case) may sharpen it."""
    detail = _detail(status)
    for words, reason in STATUS_WORDING.get(detail, ()):
        if words in said:
            return reason
    return STATUS_HINTS.get(detail, "")
