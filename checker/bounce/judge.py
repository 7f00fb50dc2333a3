"""Decide the reason for one recipient from its evidence, with the rule table.

The judge reads only the Evidence record: the remote server's answer, the bounce's own
notice about this recipient, the codes, the SMTP stage, the action and the kind of
diagnostic. Addresses and links are taken out of the text first, so that a host name or a
footer link never decides a reason. Then:

1. a delivery is a delivery (status 2.X.X, or RFC 3464 action delivered/relayed/expanded);
2. the applicable row of highest precedence in rules.RULES decides (its docstring says how
   ties go); with none, the reason is "onhold" (nothing to go on);
3. rules.RESTATEMENTS turn the reason into the one it means at that stage, for that kind
   of code or that carrier ("user unknown" after DATA is a filter).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.bounce.freetext import LOCAL_PART
from checker.bounce.rules import (
    NOTICE_FIRST,
    NOTICE_ROWS,
    RESTATEMENTS,
    RULES_BY_PRECEDENCE,
    UNCODED_PLACES,
    UNWORDED_UNCODED,
    WORDING_RULES,
    Restatement,
    Rule,
    coded_rules,
    openings,
    rule_order,
    status_matches,
    worded_rows_starting,
)


@dataclass(frozen=True)
class Evidence:
    """What is known about one recipient's failure."""

    answer: str = ""            # the remote server's answer, as reported
    notice: str = ""            # the bounce's own words about this recipient
    status: str = ""            # enhanced status code (RFC 3463)
    replycode: str = ""         # basic reply code (RFC 5321)
    stage: str = ""             # stages.RCPT, stages.DATA ... or "" when unknown
    action: str = ""            # RFC 3464 Action
    diagnostic_type: str = ""   # RFC 3464 Diagnostic-Code type: smtp, x-unix, x-postfix ...
    category: str = ""          # the reporting MTA's own class of the failure (PowerMTA)
    recipient: str = ""
    names_recipient: bool = False  # the answer quotes the recipient's address


# Wording far down a long text is a copy of something else; the judge reads this much.
MAX_JUDGED_CHARS = 20000

# Links and addresses (a host name or a footer link never decides a reason). A link's first
# letter comes first, in both cases, and the word boundary is checked behind it, so that the
# regex engine skips every position that does not hold an f, h or w.
_LINK = re.compile(r"[FHWfhw](?<!\w[FHWfhw])"
                   r"(?i:(?:(?<=h)ttps?|(?<=f)tp)://[^\s<>\"')]{1,2000}|(?<=w)ww\.[^\s<>\"')]{1,2000})")
_ADDRESS = re.compile(LOCAL_PART + r"@[A-Za-z0-9.-]{1,255}")  # any domain: it is only read away
# Reply and status codes inside the text ('550-5.7.1' at the start of every line of a
# multi-line answer) would split wording apart; the codes are judged separately.
# The digit comes first and the word boundary is checked behind it, so that the regex engine
# skips every position that does not hold a 2, 4 or 5.
_CODES = re.compile(r"[245](?<!\w[245])(?:\d\d[ -]#?[245]\.\d{1,3}\.\d{1,3}\b|\d\d-|\.\d{1,3}\.\d{1,3}\b)")
# The longest an address reaches around its "@": 64 characters before (RFC 5321 section
# 4.5.3.1.1), the domain's 255 after.
_LOCAL_CHARS, _DOMAIN_CHARS = 64, 255
_DELIVERED_ACTIONS = ("delivered", "relayed", "expanded")


def prepare(text: str) -> str:
    """The text as the rules read it: no links, no addresses, no codes, lower case, single
    spaces, and no plural marks ("the user(s) does not exist" reads as "the user does not
    exist", as notices that cover one or many recipients write it)."""
    text = text[:MAX_JUDGED_CHARS]
    if "://" in text or "www." in text:
        text = _LINK.sub(" ", text)
    if "@" in text:
        text = _without_addresses(text)
    text = _CODES.sub(" ", text.lower())
    if "(" in text:
        text = text.replace("(s)", "").replace("(es)", "")
    return " ".join(text.split())


def _without_addresses(text: str) -> str:
    """_ADDRESS.sub(" ", text), searched only around each "@" (a whole-text search tries a
    local part at every position)."""
    pieces, done = [], 0
    at = text.find("@")
    while at >= 0:
        match = _ADDRESS.search(text, max(done, at - _LOCAL_CHARS), at + _DOMAIN_CHARS + 2)
        if match is None or match.start() > at:  # no address holds this "@"
            at = text.find("@", at + 1)
            continue
        pieces += [text[done:match.start()], " "]
        done = match.end()
        at = text.find("@", done)
    pieces.append(text[done:])
    return "".join(pieces)


def judge(evidence: Evidence) -> str:
    if evidence.action in _DELIVERED_ACTIONS or (evidence.status[:1] == "2" and evidence.action not in ("failed", "delayed")):
        return "delivered"
    rule = deciding_rule(evidence)
    return restate(rule.reason if rule else "onhold", evidence)


def deciding_rule(evidence: Evidence) -> Rule | None:
    """The applicable row of highest precedence. Wording found only in the notice counts
    at most as NOTICE_WORDING (the answer's own words come first), unless the row is one
    written for notices (NOTICE_FIRST); among equals, a match in the answer beats one in the
    notice, then the earlier row wins. The notice is read only when it could still decide."""
    answer, notice = _Text(evidence.answer), _Text(evidence.notice)
    best: Rule | None = None
    best_rank = (-1, False, 0)
    for rule in coded_rules(evidence.status, evidence.replycode, evidence.category):
        if _conditions_hold(rule, evidence):  # no wording: they apply as the answer does
            rank = (rule.precedence, True, -rule_order(rule))
            if rank > best_rank:
                best, best_rank = rule, rank
    text, found, candidates = answer.prepared()
    # Only the rows whose wording can start somewhere in the answer (the cheap test), in
    # the table's order of precedence: each ranks below the one before, so the first that
    # cannot beat the best so far ends the search (no row after it can either).
    for order in sorted((candidates & UNCODED_PLACES) | UNWORDED_UNCODED):
        rule = RULES_BY_PRECEDENCE[order]
        rank = (rule.precedence, True, -order)
        if rank <= best_rank:
            break
        if rule.pattern is not None and not rule.found_in(text, found):
            continue
        if not rule.conditional or _conditions_hold(rule, evidence):
            best, best_rank = rule, rank
    for rule, counted, order in NOTICE_ROWS:  # in the order they rank, too
        rank = (counted, False, -order)
        if rank <= best_rank:
            break
        found_in_notice = notice.searched if rule.scope == NOTICE_FIRST else notice.matches
        if _conditions_hold(rule, evidence) and found_in_notice(rule):
            best, best_rank = rule, rank
    return best


class _Text:
    """A text as the rules read it, prepared (and its word openings found) on first use."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._text: str | None = None
        self._prepared: tuple[str, frozenset[str], set[int]] | None = None

    def prepared(self) -> tuple[str, frozenset[str], set[int]]:
        """The prepared text, its word openings and the places of the rows that can match it."""
        if self._prepared is None:
            text = self._text if self._text is not None else prepare(self._raw)
            found = openings(text)
            self._prepared = (text, found, worded_rows_starting(found))
        return self._prepared

    def matches(self, rule: Rule) -> bool:
        text, found, candidates = self.prepared()
        return rule_order(rule) in candidates and rule.found_in(text, found)

    def searched(self, rule: Rule) -> bool:
        """The same answer as matches(), for a row or two: no index of the text is made."""
        if self._text is None:
            self._text = prepare(self._raw)
        return rule.searched_in(self._text)


def _conditions_hold(rule: Rule, evidence: Evidence) -> bool:
    """Everything the row asks of the evidence but its wording."""
    if rule.stages is not None and evidence.stage not in rule.stages:
        return False
    if rule.statuses and not any(status_matches(wanted, evidence.status) for wanted in rule.statuses):
        return False
    if rule.replies and not (evidence.replycode in rule.replies or evidence.replycode[:1] in rule.replies):
        return False
    if rule.actions and evidence.action not in rule.actions:
        return False
    if rule.categories and evidence.category not in rule.categories:
        return False
    return not rule.diagnostic_types or evidence.diagnostic_type in rule.diagnostic_types


def restate(reason: str, evidence: Evidence) -> str:
    for restatement in RESTATEMENTS:
        if restatement.reason == reason and _restatement_holds(restatement, evidence):
            return restatement.becomes
    return reason


def _restatement_holds(restatement: Restatement, evidence: Evidence) -> bool:
    if restatement.stages is not None and evidence.stage not in restatement.stages:
        return False
    if restatement.temporary is not None and _is_temporary(evidence) != restatement.temporary:
        return False
    if restatement.statuses and not any(status_matches(wanted, evidence.status) for wanted in restatement.statuses):
        return False
    if restatement.carrier_domains:
        if evidence.recipient.rpartition("@")[2].lower() not in restatement.carrier_domains:
            return False
    return restatement.names_recipient is None or evidence.names_recipient == restatement.names_recipient


def _is_temporary(evidence: Evidence) -> bool:
    code = evidence.status or evidence.replycode
    return code[:1] == "4" or (not code and evidence.action == "delayed")


def names_a_reason(text: str) -> bool:
    """Whether any wording row matches the text (a paste that says why, or only that it failed)."""
    prepared = _Text(text)
    return any(prepared.matches(rule) for rule in WORDING_RULES)
