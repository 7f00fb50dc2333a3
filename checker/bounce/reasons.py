"""Reason names (Sisimai v5.6.0 vocabulary) and what follows from each: who acts, and
whether the failure is permanent when the message itself gives no status class."""
from __future__ import annotations

SENDER, RECIPIENT, PROVIDER = "sender", "recipient", "provider"

# reason: (who must act, permanent when no status or reply code says otherwise)
# "Who must act" is from the point of view of the customer who sent the message:
# the sender fixes the address or the message, the recipient's side fixes its mailbox or
# server, and the provider's support fixes sending infrastructure (IP, DNS, SPF ...).
REASON_TRAITS: dict[str, tuple[str, bool | None]] = {
    "userunknown": (SENDER, True),
    "hostunknown": (SENDER, True),
    "hasmoved": (SENDER, True),
    "notaccept": (SENDER, True),
    "emailtoolarge": (SENDER, True),
    "contenterror": (SENDER, True),
    "spamdetected": (SENDER, True),
    "virusdetected": (SENDER, True),
    "filtered": (RECIPIENT, True),
    "mailboxfull": (RECIPIENT, False),
    "suspend": (RECIPIENT, True),
    "policyviolation": (RECIPIENT, True),
    "mailererror": (RECIPIENT, True),
    "systemerror": (RECIPIENT, False),
    "systemfull": (RECIPIENT, False),
    "networkerror": (RECIPIENT, False),
    "expired": (RECIPIENT, False),
    "vacation": (RECIPIENT, None),
    "feedback": (RECIPIENT, None),
    "rejected": (PROVIDER, True),
    "suppressed": (PROVIDER, True),
    "notcompliantrfc": (PROVIDER, True),
    "securityerror": (PROVIDER, True),
    "authfailure": (PROVIDER, True),
    "badreputation": (PROVIDER, True),
    "blocked": (PROVIDER, True),
    "norelaying": (PROVIDER, True),
    "ratelimited": (PROVIDER, False),
    "requireptr": (PROVIDER, True),
    "failedstarttls": (PROVIDER, True),
    "syntaxerror": (PROVIDER, True),
    "onhold": (PROVIDER, None),
    "undefined": (PROVIDER, None),
    "delivered": (SENDER, None),
}

# Reasons that describe something other than a failed or delayed delivery.
NON_FAILURE_REASONS = ("delivered", "vacation", "feedback")

# Every reason the engine can put on a failed or delayed recipient. The site build checks
# that the guide has a section for each of them.
REPORTABLE_REASONS: tuple[str, ...] = tuple(
    name for name in REASON_TRAITS if name not in NON_FAILURE_REASONS
)


def actor_for(reason: str) -> str:
    return REASON_TRAITS.get(reason, (PROVIDER, None))[0]


def permanence(reason: str, status: str, replycode: str) -> bool | None:
    """5xx / 5.x.x means do not simply resend; 4xx / 4.x.x means the server may still try."""
    for code in (status, replycode):
        if code[:1] == "5":
            return True
        if code[:1] == "4":
            return False
    return REASON_TRAITS.get(reason, (PROVIDER, None))[1]


# States a writer may name in a heading's data-reasons besides reasons: the section that
# claims "delayed" answers every warning about mail that is still being retried, whatever
# its cause (the cause is shown on the card; the advice is the state's: wait, do not resend).
GUIDE_STATES: tuple[str, ...] = ("delayed",)


def guide_keys(reason: str, action: str) -> tuple[str, ...]:
    """The data-reasons names that choose this result's section, the first one claimed wins."""
    return ("delayed", reason) if action == "delayed" else (reason,)
