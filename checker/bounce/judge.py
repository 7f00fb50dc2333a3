"""Decide the reason for one recipient from what the parsers found.

Three passes, most specific first:

0. A code the provider documents for its refusals (Orange's OFR_506, Cox's AUP#CXBL ...)
   names the cause outright (providers.py).
1. Reasons that either the enhanced status code names outright or the server's words
   name, checked in a fixed order (a full mailbox is a full mailbox whatever the code);
   the bounce's own notice may state some outright ("The user(s) account is disabled.").
   "User unknown" wording counts as userunknown when the server said it to RCPT TO, with
   an address status (x.1.x), in words of a directory lookup ("recipient not found"), or
   in a paste without any SMTP reply code (a local delivery agent's words). Said after
   DATA, or at a stage a whole bounce leaves unnamed, it is a filter pretending the
   address does not exist (Japanese carriers do this), so it counts as filtered; for au
   recipients, whether au quoted the address decides (providers.py).
2. Otherwise: the status code's own reason unless it is vague, then more wording, then
   the status class (x.6 content, x.7 security), the kind of diagnostic (x-unix = a local
   program), protocol errors, the action (a delay that ran out) and the command (refused
   at HELO = blocked).

Nothing here reads raw messages; tables live in phrases.py, codes.py and providers.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.bounce.codes import reply_hint, reply_reason, status_hint, status_reason
from checker.bounce.phrases import (GENERIC_FAILURE_PHRASES, NOTICE_PHRASES, PERMANENT_FAILURE_PHRASES,
                                    PHRASE_TABLE, RECIPIENT_ADDRESS_PHRASES, RETRIED_LOOKUP_PHRASES,
                                    SENDING_HOST_PHRASES, TEMPORARY_LOOKUP_PHRASES)
from checker.bounce.providers import carrier_unknown_user, provider_reason

_SPACES = re.compile(r"\s+")
# Reply and status codes inside the text ('550-5.7.1' at the start of every line of a
# multi-line answer) would split phrases apart; they are judged separately anyway.
_CODES = re.compile(r"\b[245]\d\d[ -]#?[245]\.\d{1,3}\.\d{1,3}\b|\b[245]\d\d-")

FIRST_PASS = ("mailboxfull", "notcompliantrfc", "emailtoolarge", "suspend", "hasmoved", "norelaying",
              "authfailure", "rejected", "requireptr", "badreputation", "userunknown", "filtered",
              "notaccept", "hostunknown", "ratelimited", "spamdetected", "blocked")
SECOND_PASS = ("mailboxfull", "spamdetected", "policyviolation", "virusdetected", "norelaying",
               "authfailure", "badreputation", "requireptr", "securityerror", "notaccept", "mailererror",
               "systemerror", "networkerror", "ratelimited", "suspend", "expired", "contenterror",
               "notcompliantrfc", "systemfull", "failedstarttls", "syntaxerror")
# Phrases alone, with no code and no structure (a pasted line): every reason, specific first.
ANY_ORDER = ("mailboxfull", "emailtoolarge", "suspend", "hasmoved", "norelaying", "authfailure",
             "requireptr", "virusdetected", "hostunknown", "userunknown", "filtered", "rejected",
             "notaccept", "spamdetected", "badreputation", "ratelimited", "blocked", "policyviolation",
             "securityerror", "failedstarttls", "notcompliantrfc", "contenterror", "systemfull",
             "systemerror", "networkerror", "expired", "mailererror", "syntaxerror")
# Codes too vague to decide alone: the words get a chance first.
_VAGUE_CODE_REASONS = frozenset({"userunknown", "systemerror", "networkerror", "hostunknown", "expired"})
# Codes that name these reasons are too broad to beat the other reasons' wording in pass 1
# (4.3.2 "not accepting messages" is also what a rate limit says; x.4.4 "unable to route"
# is also what a failed DNS lookup gets).
_WORDS_FIRST = frozenset({"notaccept", "hostunknown"})
# Wording that explains a refusal of MAIL FROM better than "the sender was rejected".
_BEATS_SENDER_REFUSAL = ("securityerror", "policyviolation", "systemerror", "authfailure",
                         "norelaying", "ratelimited", "requireptr", "systemfull", "syntaxerror",
                         "failedstarttls")
# "User unknown" wording that sits beside these reasons' wording is about them instead.
_BEATS_UNKNOWN_USER = ("norelaying", "blocked", "mailboxfull", "hasmoved", "rejected", "notaccept",
                       "ratelimited", "hostunknown", "filtered")


@dataclass(frozen=True)
class Evidence:
    """What is known about one recipient's failure."""

    diagnostic: str = ""
    context: str = ""
    general: str = ""
    status: str = ""
    replycode: str = ""
    command: str = ""
    action: str = ""
    diagnostic_type: str = ""
    names_recipient: bool = False  # the answer quotes the recipient's address
    recipient: str = ""
    complete: bool = True  # a whole message (False: a pasted fragment, the stage is unknowable)


# Wording far down a long text is a copy of something else; phrase checks read this much.
MAX_JUDGED_CHARS = 20000


def normalize(text: str) -> str:
    return _SPACES.sub(" ", _CODES.sub(" ", text[:MAX_JUDGED_CHARS].lower()))


@lru_cache(maxsize=512)
def says(reason: str, text: str) -> bool:
    # Cached: one judgement asks about the same reason and text several times over.
    return any(phrase in text for phrase in PHRASE_TABLE.get(reason, ()))


def phrase_reason(text: str, order: tuple[str, ...] = ANY_ORDER) -> str:
    if not text:
        return ""
    text = normalize(text)
    return next((reason for reason in order if says(reason, text)), "")


def judge(evidence: Evidence) -> str:
    if evidence.status[:1] == "2" or evidence.action in ("delivered", "relayed", "expanded"):
        return "delivered"
    said = normalize(evidence.diagnostic)
    coded = status_reason(evidence.status)
    reason = provider_reason(said)
    if not reason and evidence.diagnostic_type in ("", "smtp", "x-postfix"):
        reason = _first_pass(evidence, said, coded)
    reason = reason or _second_pass(evidence, said, coded) or _last_resort(evidence)
    if reason == "hostunknown" and _lookup_will_be_retried(evidence, said):
        return "networkerror"  # a temporary lookup failure, not a domain that does not exist
    return reason


def _lookup_will_be_retried(evidence: Evidence, said: str) -> bool:
    if "4" in (evidence.status[:1], evidence.replycode[:1]) or any(
            phrase in said for phrase in TEMPORARY_LOOKUP_PHRASES):
        return True
    notice = evidence.general[:MAX_JUDGED_CHARS].lower()
    if evidence.status[:1] == "5" or any(phrase in notice for phrase in PERMANENT_FAILURE_PHRASES):
        return False
    return any(phrase in said for phrase in RETRIED_LOOKUP_PHRASES)


def _first_pass(evidence: Evidence, said: str, coded: str) -> str:
    for reason in FIRST_PASS:
        if reason == "userunknown":
            if _is_unknown_user(evidence, said, coded):
                return reason
        elif reason == "filtered":
            if _is_filtered(evidence, said, coded):
                return reason
        elif reason == "rejected" and evidence.command == "MAIL":
            # Refused in answer to MAIL FROM: about the sender, unless the words say otherwise.
            if not (any(says(other, said) for other in _BEATS_SENDER_REFUSAL)
                    or _names_sending_host(said)):
                return reason
        elif ((coded == reason and reason not in _WORDS_FIRST) or reply_reason(evidence.replycode) == reason
              or says(reason, said)):
            return reason
        elif reason in NOTICE_PHRASES and _notice_says(reason, evidence.context):
            return reason
    return ""


def _names_sending_host(said: str) -> bool:
    """The refusal is about the sending IP or host ("Client host [192.0.2.1] blocked"), not
    the sender's address, though it came in answer to MAIL FROM."""
    return any(phrase in said for phrase in SENDING_HOST_PHRASES)


def _notice_says(reason: str, context: str) -> bool:
    """The bounce's own notice around the recipient states this reason outright."""
    notice = context[:MAX_JUDGED_CHARS].lower()  # notices state it on one line: no need to normalize
    return any(phrase in notice for phrase in NOTICE_PHRASES[reason])


def _is_unknown_user(evidence: Evidence, said: str, coded: str) -> bool:
    carrier = _carrier_meaning(evidence, said)
    if carrier:
        return carrier == "userunknown"
    if coded == "userunknown":
        return not any(says(other, said) for other in _BEATS_UNKNOWN_USER)
    if coded in ("suspend", "rejected", "hasmoved", "hostunknown", "filtered") and evidence.command != "RCPT":
        return False
    if says("hostunknown", said) or says("notaccept", said):
        return False  # "domain does not exist" is about the domain
    if says("mailererror", said):
        return False  # a local delivery program's own complaint ("Command output: ...")
    # Said to RCPT TO, with an address status (x.1.x), or in a paste by a local agent (no
    # reply code): about the address.
    if evidence.command == "RCPT" or evidence.status[2:4] == "1." or (
            not evidence.command and _local_words(evidence)):
        return says("userunknown", said)
    return evidence.command != "MAIL" and _about_the_address(said)


def _is_filtered(evidence: Evidence, said: str, coded: str) -> bool:
    if coded == "suspend":
        return False
    carrier = _carrier_meaning(evidence, said)
    if carrier:
        return carrier == "filtered"
    if says("spamdetected", said) or says("virusdetected", said):
        return False  # "rejected as spam by content filter": the server's spam filter
    if coded == "filtered":
        return says("filtered", said) or says("userunknown", said)
    if evidence.command in ("RCPT", "MAIL") or _about_the_address(said) or (
            not evidence.command and _local_words(evidence)):
        return False
    # Refused after DATA, or at a stage the bounce does not name: a filter, not an address.
    return says("filtered", said) or (says("userunknown", said) and not says("hostunknown", said))


def _carrier_meaning(evidence: Evidence, said: str) -> str:
    if not says("userunknown", said):
        return ""
    return carrier_unknown_user(evidence.recipient, evidence.names_recipient)


def _local_words(evidence: Evidence) -> bool:
    """A paste whose answer carries no SMTP reply code: the words of a local delivery agent
    or a directory, which filters do not imitate (they answer over SMTP, after DATA)."""
    return not evidence.complete and not evidence.replycode


def _about_the_address(said: str) -> bool:
    return any(phrase in said for phrase in RECIPIENT_ADDRESS_PHRASES)


def _second_pass(evidence: Evidence, said: str, coded: str) -> str:
    words_first = evidence.diagnostic_type not in ("", "smtp")  # a local program's text, not a code
    if coded and coded not in _VAGUE_CODE_REASONS and not words_first:
        return coded
    worded = next((reason for reason in SECOND_PASS if says(reason, said)), "")
    if worded == "systemerror" and _only_generic(said):
        return phrase_reason(evidence.context) or worded
    if worded:
        return worded
    if coded:
        return coded
    subject = evidence.status[2:4]
    if subject == "6.":
        return "contenterror"
    if evidence.diagnostic_type in ("x-unix", "x-postfix"):
        return "mailererror"
    hinted = status_hint(evidence.status, said)
    if hinted:
        return hinted
    if subject == "7.":
        return "securityerror"
    return reply_hint(evidence.replycode)


def _only_generic(said: str) -> bool:
    """The answer is a standard reply text ("Service unavailable") and nothing more."""
    rest = said
    for phrase in GENERIC_FAILURE_PHRASES:
        rest = rest.replace(phrase, "")
    return rest != said and not says("systemerror", rest)


def _last_resort(evidence: Evidence) -> str:
    if evidence.action in ("delayed", "expired"):
        return "expired"
    if evidence.command in ("HELO", "EHLO", "CONN"):
        return "blocked"
    around = phrase_reason(evidence.context) or phrase_reason(evidence.general)
    if around:
        return around
    if evidence.command == "MAIL":
        return "rejected"
    return "onhold"
