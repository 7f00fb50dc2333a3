"""Reason names (Sisimai v5.6.0 vocabulary) and what follows from each: who acts, and
whether the failure is permanent when the message itself gives no status class."""
from __future__ import annotations

from checker.bounce import stages

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


# ---- the state of a delivery, apart from its cause ----
#
# What the customer must do depends first on where the mail is, not on why: a delay warning
# says the sending server is still retrying (wait, do not resend), a give-up says it stopped
# (the mail is lost: resend later), a refusal says the answer was final (fix the cause, then
# resend), a failed sign-in says the mail was never sent (check the account and password).
# The reason is the cause and is shown as such; present.py words each state.
DELAYED = "delayed"    # still being retried (RFC 3464 Action: delayed, a warning)
GAVE_UP = "gaveup"     # given up after retries: expired, or a temporary cause that lasted
REFUSED = "refused"    # refused for good (5xx / 5.x.x, or a reason that is permanent)
SIGN_IN = "signin"     # the sending server refused the sign-in (SMTP AUTH): never sent
STATES: tuple[str, ...] = (DELAYED, GAVE_UP, REFUSED, SIGN_IN)

# RFC 4954 section 6 and the IANA registry: the replies and enhanced codes of SMTP AUTH.
SIGN_IN_REPLIES = frozenset({"530", "534", "535", "538", "454"})
SIGN_IN_STATUSES = frozenset({"7.8", "7.9", "7.11", "7.12"})
AUTH_COMMAND = stages.AUTH  # the stage a sign-in answer is given at


def delivery_state(reason: str, action: str, status: str = "", replycode: str = "",
                   permanent: bool | None = None, command: str = "") -> str:
    """One of STATES for a failed or delayed recipient."""
    if action == DELAYED:
        return DELAYED
    if reason == "securityerror" and (command == AUTH_COMMAND or replycode in SIGN_IN_REPLIES
                                      or status.partition(".")[2] in SIGN_IN_STATUSES):
        return SIGN_IN
    if reason == "expired" or status.partition(".")[2] == "4.7" or permanent is False:
        return GAVE_UP
    return REFUSED


# States a writer may name in a heading's data-reasons besides reasons: the section that
# claims "delayed" answers every warning about mail that is still being retried, whatever
# its cause (the cause is shown on the card; the advice is the state's: wait, do not resend).
GUIDE_STATES: tuple[str, ...] = (DELAYED,)


def guide_keys(reason: str, action: str) -> tuple[str, ...]:
    """The data-reasons names that choose this result's section, the first one claimed wins."""
    return (DELAYED, reason) if action == DELAYED else (reason,)
