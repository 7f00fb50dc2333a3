"""The rule table: every piece of knowledge the judge decides a reason from.

Each row names a reason and what must hold for it: a word-bounded pattern (matched on the
lower-cased server's answer, or also on the bounce's own notice about the recipient when
its scope is NOTICE), the stages of the SMTP dialogue it may apply at, the enhanced status
codes and reply codes it needs, the delivery action and the kind of diagnostic. The judge
takes the row of highest precedence that applies; between rows of equal precedence, one
that matched the server's answer beats one that matched the notice, then the earlier row
wins. Each row carries its source and an example it must decide (the tests check both).

Add a row here, not a branch in judge.py. A row's pattern should be wording that more than
one server uses, or wording that cannot mean anything else; never a phrase one sample needs.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from checker.bounce import stages
from checker.bounce.codes import (
    LEANING_STATUS,
    NAMED_REPLIES,
    NAMED_STATUS,
    REPLY_HINTS,
    REPORTED_CATEGORIES,
    STATUS_HINTS,
    status_detail,
)
from checker.bounce.providers import ORANGE_CAUSES, PROVIDER_TOKENS

ANSWER = "answer"              # the remote server's answer (Diagnostic-Code, the quoted SMTP reply)
NOTICE = "notice"              # the answer, or else the bounce's own words (at most NOTICE_WORDING)
NOTICE_FIRST = "notice-first"  # a sentence a bounce's notice states: beats the answer it quotes

# Precedence: who beats whom.
PROVIDER = 90       # a code the provider documents for senders names the cause outright
DECISIVE = 70       # wording that can mean one cause only: beats a status code that names another
NAMED_CODE = 60     # an enhanced status code that names one cause (RFC 3463)
WORDING = 50        # wording that names a cause; beats a code that only leans
NOTICE_WORDING = 45  # the most that wording found only in the bounce's notice counts
LEANING_CODE = 40   # a code used for several causes
STANDARD_TEXT = 30  # the standard text of a reply (RFC 5321 4.2) or of a give-up: says little
FALLBACK = 20       # what the stage, the action or a vague code alone suggest

_W = r"(?<![a-z0-9])"   # the pattern starts a word ...
_E = r"(?![a-z0-9])"    # ... and ends one


@dataclass(frozen=True)
class Rule:
    reason: str
    source: str
    example: str = ""                      # an answer (or notice) this row decides
    words: str = ""                        # the pattern as written ("" = no wording condition)
    precedence: int = WORDING
    scope: str = ANSWER
    stages: frozenset[str] | None = None   # None: at any stage, the unknown one included
    statuses: tuple[str, ...] = ()         # "x.2.2" (any class) or "5.7.1"; any of them
    replies: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    diagnostic_types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()       # the reporting MTA's own classes (codes.REPORTED_CATEGORIES)
    pattern: re.Pattern[str] | None = field(default=None, compare=False)
    # The first characters any match of the pattern begins with (None: not known), so that
    # the judge searches only texts where a word begins that way (see openings()).
    starts: frozenset[str] | None = field(default=None, compare=False)
    conditional: bool = field(default=False, init=False, compare=False)  # any condition but the wording

    def __post_init__(self) -> None:
        object.__setattr__(self, "conditional", bool(
            self.stages is not None or self.codes or self.actions or self.diagnostic_types))
        if self.words and self.pattern is None:
            pattern, starts = _compiled_with_starts(self.regex)
            object.__setattr__(self, "pattern", pattern)
            object.__setattr__(self, "starts", starts)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes the row needs (any of them): its statuses, replies or reported classes."""
        return self.statuses or self.replies or self.categories

    @property
    def regex(self) -> str:
        """The row's pattern as written out in full (its compiled pattern does not keep it)."""
        return _W + "(?:" + self.words + ")" + _E if self.words else ""

    def found_in(self, text: str, openings: frozenset[str]) -> bool:
        """Whether the pattern matches the text. It is tried, anchored, only where the text
        has one of the starts a match needs (openings(text)): far faster than a search."""
        if self.pattern is None:
            return False
        if self.starts is None:
            return self.searched_in(text)
        return _matches_at(self.pattern, text, self.starts.intersection(openings))

    def searched_in(self, text: str) -> bool:
        """Whether the pattern matches the text, found without an index of the text: where
        the starts of a match are known, it is tried, anchored, wherever the text has one."""
        if self.pattern is not None and self.starts is not None:
            return _matches_at(self.pattern, text, self.starts)
        # Slow: the look-behind that starts the pattern is tried at every position. Every row
        # of the table has known starts (tests/checker/test_bounce_rule_table.py).
        return self.pattern is not None and bool(self.pattern.search(text))


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[str]) -> bool:
    """Whether the pattern matches at a place of the text where one of these starts is."""
    match = pattern.match
    for start in starts:
        position = text.find(start)
        while position >= 0:
            if match(text, position):
                return True
            position = text.find(start, position + 1)
    return False


_START_CHARS = 3
_MAX_STARTS = 3000
_Expansions = set[tuple[str, bool]]  # (the first characters, whether the item ends there)


def _compiled_with_starts(regex: str) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The compiled pattern and _match_starts() of it, from one parse: re.compile would parse
    the pattern a second time, and parsing the table is most of what importing it costs.
    The compiled pattern does not keep its text (Rule.regex has it)."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
    except ImportError:  # a Python without these modules: search every text
        return re.compile(regex), None
    parsed = parser.parse(regex)
    starts = _match_starts(parsed)
    return compiler.compile(parsed), starts


def _match_starts(parsed: Any) -> frozenset[str] | None:
    """Every three-character string that a match of the parsed pattern starts with; None
    where the pattern begins with something too open to list (a class, '.', '\\d') or a
    match may be shorter."""
    expansions = _sequence(list(parsed))
    # A shorter start (a two-character word) would need every text's shorter openings too:
    # such a row is searched in every text instead.
    if expansions is None or any(len(start) < _START_CHARS for start, _ in expansions):
        return None
    return frozenset(start for start, _ in expansions)


def _sequence(items: list[Any]) -> _Expansions | None:
    current: _Expansions = {("", True)}
    for op, argument in items:
        if all(len(start) >= _START_CHARS or not ends for start, ends in current):
            break
        item = _item(str(op), argument)
        if item is None:
            return None
        grown: _Expansions = set()
        for start, ends in current:
            if len(start) >= _START_CHARS or not ends:
                grown.add((start, False))
                continue
            for piece, piece_ends in item:
                joined = start + piece
                grown.add((joined[:_START_CHARS], piece_ends and len(joined) <= _START_CHARS))
        if len(grown) > _MAX_STARTS:
            return None
        current = grown
    return current


def _item(op: str, argument: Any) -> _Expansions | None:
    if op == "LITERAL":
        return {(chr(argument), True)}
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return {("", True)}
    if op == "IN" and all(str(kind) == "LITERAL" for kind, _ in argument):
        return {(chr(code), True) for _, code in argument}
    if op == "BRANCH":
        found: _Expansions = set()
        for branch in argument[1]:
            expanded = _sequence(list(branch))
            if expanded is None:
                return None
            found |= expanded
        return found
    if op == "SUBPATTERN":
        return _sequence(list(argument[-1]))
    if op in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, body = argument
        once = _sequence(list(body))
        if once is None:
            return None
        # An optional item ('e-?mail') goes on into what follows it; a repeated one is cut
        # after its first repetition.
        repeated = once if high == 1 else {(start, False) for start, _ in once}
        return repeated | {("", True)} if low == 0 else repeated
    return None


def worded_rows_starting(openings: frozenset[str]) -> set[int]:
    """The places in RULES_BY_PRECEDENCE of the worded rows that can match a text with
    these word openings."""
    found = set(_ALWAYS_SEARCHED)
    for opening in _ALL_STARTS.intersection(openings):
        found.update(_ROWS_BY_START[opening])
    return found


def openings(text: str) -> frozenset[str]:
    """The first three characters of the text wherever a word begins (fewer at its end)."""
    found = set(_OPENING_AFTER.findall(text))
    if text:
        found.add(text[:3])
    return frozenset(found)


# The character before a word is taken, not looked behind at: so the regex engine skips to
# it, instead of trying the look-behind at every position.
_OPENING_AFTER = re.compile(r"[^a-z0-9](?=(.{1,3}))", re.S)


def _row(reason: str, words: str, example: str, source: str, precedence: int = WORDING, **conditions: Any) -> Rule:
    return Rule(reason=reason, words=words, example=example, source=source, precedence=precedence, **conditions)


NOT_AT_MAIL = frozenset({stages.UNKNOWN, stages.CONNECT, stages.HELO, stages.STARTTLS, stages.AUTH,
                         stages.RCPT, stages.DATA})

_POSTFIX = "Postfix: local(8), virtual(8), smtpd(8) reject texts (postconf(5))"
_SENDMAIL = "sendmail: deliver.c, srvrsmtp.c and the sysexits(3) texts it prints"
_EXIM = "Exim specification: router, transport and ACL error texts"
_QMAIL = "qmail-local, qmail-remote and qmail-smtpd messages (netqmail 1.06)"
_COURIER = "Courier: courierd and esmtpd error texts"
_EXCHANGE = "Microsoft: Exchange Online non-delivery reports (learn.microsoft.com NDR reference)"
_GMAIL = "Google Workspace: SMTP error reference for senders (support.google.com/a/answer/3726730)"
_YAHOO = "Yahoo: SMTP error codes for senders (senders.yahooinc.com)"
_APPLE = "Apple: iCloud mail server postmaster information (support.apple.com/HT204137)"
_DOMINO = "HCL Domino: router delivery failure texts"
_CARRIERS = "docomo / au / SoftBank: 迷惑メール対策・受信拒否 help pages for senders"
_JA_ISPS = "Japanese ISPs' and hosting providers' bounce notices (Biglobe, Nifty, OCN, Sakura ...)"
_CHINESE = "Chinese providers' returned-mail notices: Tencent QQ Mail (退信原因), NetEase 163/126 (退信代码说明)"
_FILTERS = "Content filters: SpamAssassin, Amavis, rspamd, Proofpoint, Barracuda, Mimecast reject texts"
_DNSBL = "RFC 5782 (DNS blocklists) and the lists' own usage notes (Spamhaus, SpamCop, Barracuda)"
_LISTS = "Mailing list managers: GNU Mailman, Sympa, Google Groups posting refusals (said in the list's own notice)"
_AUTH_RFCS = "RFC 7208 section 8 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC), RFC 8601 result names"
_RFC5321 = "RFC 5321 section 4.2.2 and 4.2.3 (standard reply texts)"

WORDING_RULES: tuple[Rule, ...] = (
    # -- mailbox full: the recipient's storage (RFC 3463 X.2.2) --------------------------
    _row("ratelimited", r"(?:daily |hourly )?(?:user )?sending (?:quota|limit)s?(?: exceeded| reached)?|submission ?quota(?:exceeded(?:exception)?)?",
         "550 5.4.5 Daily user sending quota exceeded.", _GMAIL + " (5.4.5 sending limits); " + _EXCHANGE + " (5.2.2 SubmissionQuotaExceeded: the sender's own sending limit)", DECISIVE + 5),
    _row("mailboxfull", r"mail ?box (?:is )?full|full mail ?box|(?:mail ?box|inbox|mail ?folder|mail file|mail ?drop|maildir)(?:'s)? (?:is |was )?(?:currently )?full",
         "552 5.2.2 Mailbox full", _POSTFIX + "; " + _EXCHANGE + " (5.2.2)", DECISIVE, scope=NOTICE),
    _row("mailboxfull", r"(?:over ?|overdrawn (?:his |her |its |the |their )?)(?:the |its |their )?(?:allowed |storage |disk ?space |disk |mailbox )?quota|quota (?:usage )?(?:exceeded|full|reached)|exceeded storage allocation|exceed(?:s|ed)? (?:its |the |their |his |her )?(?:storage |mailbox |disk )?quota",
         "452 4.2.2 The email account that you tried to reach is over quota.", _GMAIL + "; " + _EXCHANGE + " (QuotaExceeded); vpopmail vdelivermail ('the user's maildir has overdrawn his diskspace quota')",
         DECISIVE, scope=NOTICE),
    _row("mailboxfull", r"(?:mail ?box|quota|storage|disk|account) size limit|mail ?box (?:size |storage )?(?:limit|quota) (?:exceeded|reached)|mail ?box (?:size )?(?:has )?exceeded|mail ?box exceeds|account is full|too many (?:messages|mails) (?:on the server|in (?:the |your |his |her |their )?(?:mail ?box|inbox))|exhausted (?:the |its |their |his |her )?(?:allowed )?(?:storage|disk|mailbox) ?(?:space|quota)?|(?:mail ?box|account) (?:is )?(?:over|above) (?:its |the )?(?:size |storage )?limit|(?:exceeds?|exceeded|over) (?:the )?(?:recipient's |user's )?(?:mail ?box|storage) (?:size|limit|quota)",
         "552 5.2.2 Mailbox size limit exceeded", _POSTFIX + " (virtual(8) mailbox_size_limit); GMX / Web.de postmaster ('User has exhausted allowed storage space')", DECISIVE + 5, scope=NOTICE),
    _row("mailboxfull", r"disk quota exceeded|error writing message: file too large|(?:out of|insufficient) (?:mailbox )?storage(?: space)?|storage (?:quota|limit|space) (?:exceeded|reached|full)",
         "550 5.2.2 The recipient's inbox is out of storage space.", _GMAIL + "; " + _SENDMAIL + " (EDQUOT); " + _POSTFIX + " (local(8) mailbox_size_limit: the mailbox file may not grow, EFBIG)", DECISIVE, scope=NOTICE),
    _row("mailboxfull", r"容量(?:が|を)?(?:いっぱい|超え|オーバー|不足|上限)|(?:メールボックス|受信箱|受信トレイ)(?:の容量)?(?:が|は)(?:いっぱい|一杯)|(?:ボックス|容量|トレイ|受信箱)(?:が|は)?満杯|メールボックスの容量(?:制限|上限)を超え",
         "メールボックスの容量が上限に達しています", _JA_ISPS, DECISIVE, scope=NOTICE),
    # -- system full (X.3.1) -----------------------------------------------------------
    _row("systemfull", r"insufficient system storage|mail system full|(?:system|server|disk) is full|no space left(?: on device)?|(?:not enough|insufficient) disk space",
         "452 4.3.1 Insufficient system storage", _RFC5321 + " (452) and RFC 3463 X.3.1", DECISIVE),
    # -- message too large (X.2.3, X.3.4) -----------------------------------------------
    _row("emailtoolarge", r"(?:message|mail|attachment) (?:is |was )?too (?:large|big|long)|(?:mail|message|email) ?(?:size|length) (?:exceeds|limit|too large)|exceeds? (?:the )?(?:maximum |fixed |allowed )?(?:message )?size|message size limit|maximum (?:message )?size|message file too big|too much mail data|(?:don't|do not) accept messages larger than|too large for the recipient",
         "552 5.3.4 Message size exceeds fixed limit", _POSTFIX + " (message_size_limit); " + _GMAIL + " (5.3.4); NetEase and Coremail ('exceeded mailsize limit')", DECISIVE, scope=NOTICE),
    _row("emailtoolarge", r"メールサイズ|サイズ(?:が大きすぎ|の上限|制限|を超え)",
         "メールサイズが制限を超えています", _JA_ISPS, DECISIVE, scope=NOTICE),
    # -- account suspended or disabled (X.2.1 wording, X.7.13) ---------------------------
    _row("suspend", r"(?:account|mail ?box|user|recipient|(?:mail ?)?address)(?: that you tried to reach| you are trying to (?:reach|contact))?(?: has been| is| was|)(?: currently| temporar(?:il)?y| permanently| administratively)? (?:suspended|disabled|deactivated|frozen|locked|inactive|not active|expired|archived|closed|terminated|discontinued|cancel(?:l)?ed)|(?:is )?no longer (?:active|in use)",
         "550 5.2.1 The email account that you tried to reach is disabled.", _GMAIL + " (DisabledUser); " + _YAHOO + " (554.30); qmail-ldap qmail-lspawn ('Mailaddress is administratively disabled')",
         DECISIVE, scope=NOTICE),
    _row("suspend", r"(?:suspended|disabled|deactivated|inactive|frozen|locked) (?:e-?mail )?(?:account|mail ?box|mbox|user|address|recipient)",
         "550 5.1.1 <a@icloud.com>: inactive email address", _APPLE, DECISIVE, scope=NOTICE),
    _row("suspend", r"policy rejection on the target address",
         "550 5.7.1 Policy rejection on the target address",
         "Yandex Mail help for senders: the recipient's account is blocked", DECISIVE),
    _row("mailboxfull", r"(?:收件人|邮箱)?空间不足|邮箱(?:已满|满了|空间已满)",
         "退信原因： 收件人空间不足", _CHINESE, DECISIVE, scope=NOTICE),
    _row("suspend", r"利用(?:停止|を停止)|停止されて(?:いる|います|おり)|無効になって",
         "このアカウントは利用停止中です", _JA_ISPS, DECISIVE, scope=NOTICE),
    # -- moved (X.1.6, 551) ------------------------------------------------------------
    _row("hasmoved", r"(?:user|mail ?box|recipient|address|account) has (?:been )?moved|address has changed|no longer (?:at|uses?) this address",
         "551 5.1.6 User has moved; please try <a@example.com>", _RFC5321 + " (551 User not local)", DECISIVE),
    # -- the sending service's own suppression list --------------------------------------
    _row("suppressed", r"(?:has )?suppressed sending|(?:is|was|are|were) (?:on|in) (?:the |its |our |your |an? )?(?:account[- ]level |global )?suppression list|address is suppressed",
         "550 5.1.1 Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.",
         "Amazon SES Developer Guide: the global and account-level suppression lists; SendGrid and Mailgun suppressions", DECISIVE),
    # -- relaying (RFC 5321 section 3.6.2, 7.1) ------------------------------------------
    _row("norelaying", r"relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited|disallowed|refused|not authori[sz]ed)|(?:unable|not permitted|not allowed|not configured|not authori[sz]ed) to relay|we do not relay|no relaying|use me (?:\[[^\]]{0,100}\] )?as a relay",
         "554 5.7.1 <a@example.org>: Relay access denied", _POSTFIX + " (reject_unauth_destination); " + _SENDMAIL + " (Relaying denied); Broadcom Email Security.cloud ('you are trying to use me as a relay')", DECISIVE),
    _row("norelaying", r"(?:that )?domain isn't in my list of allowed rcpthosts",
         "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", _QMAIL + " (qmail-smtpd rcpthosts: it relays for those domains only)", DECISIVE),
    _row("norelaying", r"(?:リレー|中継)(?:は|が)?(?:許可されていません|拒否されました|できません)",
         "このサーバーではリレーは許可されていません", _JA_ISPS, DECISIVE),
    _row("norelaying", r"email address is not verified|identities failed the check",
         "554 Message rejected: Email address is not verified.", "Amazon SES: MessageRejected (sending identity not verified)", DECISIVE),
    # -- reverse DNS (X.7.25) --------------------------------------------------------
    _row("requireptr", r"reverse (?:dns|lookup|hostname|address|name)|ptr (?:resource )?record|no ptr|rdns|cannot find your (?:reverse )?hostname|ip name (?:lookup|possibly) (?:failed|forged)|hostname (?:does not|doesn't) match|mismatches (?:the )?client ip",
         "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]", _POSTFIX + " (reject_unknown_client_hostname); " + _GMAIL + " (4.7.23: no PTR record, so rate limited)", DECISIVE),
    # -- sender authentication (X.7.20-26) ------------------------------------------------
    _row("authfailure", r"spf (?:check|fail(?:ed|ure)?|validation|violation|policy|record|hard ?fail|soft ?fail|authentication)|(?:fails?|failed|failing) spf|spf=(?:fail|softfail|permerror)|sender policy framework",
         "550 5.7.1 SPF check failed", _AUTH_RFCS, DECISIVE),
    _row("authfailure", r"dkim (?:check|fail(?:ed|ure)?|validation|signature (?:is )?(?:invalid|missing|required))|dkim=fail|(?:no passing|no valid|invalid) dkim",
         "550 5.7.20 No passing DKIM signature found", _AUTH_RFCS, DECISIVE),
    _row("authfailure", r"dmarc (?:policy|fail(?:ed|ure)?|check|verification|reject)|dmarc=fail|(?:does not|doesn't|fail(?:s|ed)? to) pass dmarc",
         "550 5.7.509 Access denied, sending domain example.net does not pass DMARC verification", _EXCHANGE + " (5.7.509); " + _AUTH_RFCS, DECISIVE),
    _row("authfailure", r"(?:didn't|did not|doesn't|does not|fail(?:s|ed)? to) pass (?:spf|dkim|dmarc)|(?:spf|dkim|dmarc) (?:authentication|verification|check) (?:didn't|did not|doesn't|does not) pass|(?:spf|dkim|dmarc) (?:unauthenticated|unauthori[sz]ed) (?:mail|e-?mail|messages?)",
         "550 5.7.30 This message didn't pass DKIM authentication.", _GMAIL + " (4.7.30, 5.7.30 DKIM); Cisco Secure Email (AsyncOS: 'DMARC unauthenticated mail is prohibited', 'SPF unauthorized mail is prohibited'); " + _AUTH_RFCS, DECISIVE),
    _row("authfailure", r"sender is unauthenticated|unauthenticated (?:e-?mail|message)|(?:sender )?authentication (?:checks|requirements|information)|requires all senders to authenticate|not (?:pass|meet) (?:the )?authentication",
         "550 5.7.26 This mail has been blocked because the sender is unauthenticated.", _GMAIL + " (5.7.26, 5.7.27; 4.7.26 'rate limited because it is unauthenticated')", DECISIVE),
    _row("authfailure", r"送信ドメイン認証|(?:spf|dkim|dmarc)[^。]{0,20}(?:に失敗|が失敗|失敗し|の検証(?:に|が)失敗|認証エラー)|dmarc ?ポリシー",
         "送信ドメイン認証(SPF)に失敗したため、受信を拒否しました", _JA_ISPS + " (送信ドメイン認証: SPF, DKIM, DMARC)", DECISIVE, scope=NOTICE),
    # Identifier alignment (RFC 7489 section 3.1) and ARC (RFC 8617) are what the refusal is
    # about even when it is worded as a rate limit (Gmail 4.7.32) or coded as X.7.30 (Gmail's ARC).
    _row("authfailure", r"(?:isn't|is not|not) aligned with|(?:spf|dkim|dmarc|identifier) alignment|arc (?:validation|check|verification) fail(?:ed|ure)?|arc=fail",
         "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
         _GMAIL + " (4.7.32, 5.7.32 alignment; 5.7.30 ARC); RFC 7489 section 3.1; RFC 8617", DECISIVE),
    # -- reputation ----------------------------------------------------------------------
    _row("badreputation", r"(?:low|poor|bad) (?:sender |domain |ip )?reputation|reputation of (?:the )?sending|(?:sender|domain|ip|sending) reputation|due to (?:ip |domain |sender )?reputation|user complaints",
         "550 5.7.1 This message is likely suspicious due to the very low reputation of the sending domain.", _GMAIL + " (5.7.1 reputation); " + _EXCHANGE + " (4.7.650 rate limited due to IP reputation); " + _YAHOO + " (TSS04 user complaints)",
         DECISIVE + 8),
    # -- rate limits (X.4.5 wording, X.7.28) -----------------------------------------------
    # A limit said with its cause ("rate limited because it is unauthenticated", "doesn't have
    # a PTR record ... rate limited": Gmail 4.7.23-4.7.32; "mailbox full, too many messages")
    # is that cause: the causes' rows, above, win between equals.
    _row("ratelimited", r"rate[ -]?limit(?:ed|ing)?(?! (?:because|due to))|excessive (?:volume|traffic|connections)|(?:thread|connection|session|concurrency) limit|(?:max(?:imum)? )?concurrent (?:connections|sessions)|sender rate|(?:messages|msgs|mails|e-?mails) per \d{1,6} ?(?:seconds?|secs?|minutes?|mins?|hours?)|too many (?:connections|messages|e-?mails|mails|sessions|concurrent|recipients|requests|errors)|unusual rate|receiving mail at a rate|(?:sending|message|connection) rate|throttl(?:ed|ing)|slow down|too (?:fast|quickly)|too much (?:e-?)?mail(?! data)|frequency limited|exceeded the (?:rate|message|connection) limit|limit on the number of (?:allowed )?(?:outgoing )?(?:messages|e-?mails|recipients)|sent too many|max(?:imum)? (?:number of )?messages? per (?:connection|session)|(?:per hour|per day|hourly|daily) (?:message )?(?:receive |send(?:ing)? |recipient )?limit|reached (?:your|the) (?:daily |hourly )?limit for|limits? (?:for|on) how many (?:messages|e-?mails|recipients|connections)|server (?:is )?(?:too )?busy",
         "421 4.7.0 Too many connections, slow down.", _GMAIL + " (4.7.28, 4.2.1); " + _POSTFIX + " (anvil limits); Microsoft Outlook.com (RP-001 'limits for how many messages can be sent'); Apple iCloud ('deferred due to excessive volume'); " + _EXIM + " (ratelimit ACL: 'Sender rate ... exceeds'); " + _EXCHANGE + " (4.3.2 recipient thread limit; 5.1.90 daily recipient limit, 5.2.121-122 per hour receive limit, 4.7.500-699 'Server busy. Please try again later')", DECISIVE),
    # -- viruses ---------------------------------------------------------------------------
    _row("virusdetected", r"virus(?:es)? (?:found|detected)|(?:contains?|infected with|detected) (?:a )?(?:virus|malware)|malware|(?:reject(?:ed)?|bounce),? id=\S{1,40} - infected|virus detector|virus \S{1,60} (?:found|detected)|ウイルス",
         "554 5.7.0 Virus found: Win.Trojan.Agent", _FILTERS + " (ClamAV via Amavis, clamav-milter; MailScanner's notice to the sender)", DECISIVE, scope=NOTICE),
    _row("virusdetected", r"(?:message|attachment) (?:is |was )?infected",
         "554 5.7.1 Message infected with Eicar-Test-Signature", _FILTERS, DECISIVE),
    # -- spam -----------------------------------------------------------------------------
    _row("spamdetected", r"(?:as|is|be|likely|considered|suspected|classified as|identified as|detected as|looks like|appears to be|marked as) (?:a |an )?(?:spam|junk|bulk|unsolicited)(?: mail| e-?mail| message)?",
         "550 5.7.1 Message rejected as spam by Content Filtering.", _EXCHANGE + " (content filter); " + _GMAIL + " (5.7.1 unsolicited)", DECISIVE),
    _row("spamdetected", r"spam (?:detected|message|content|filter(?:ing)?|score|classification|policy|signature|rejected|mail|check)|spam-like|spamassassin|spam (?:& virus )?firewall|anti-?spam (?:filter|system|software|protection|engine|policy|rules?)|(?:probability|likelihood) of (?:being )?spam|spam probability|surbl|uribl|phish(?:ing)?|contains? spam|spammy|(?:rejected|refused|blocked|denied):?(?: as| because of| due to| for)? (?:being )?spam|(?:reject(?:ed)?|bounce),? id=\S{1,40} - spam|(?:high|spam) score|junk mail|unsolicited (?:mail|e-?mail|bulk|commercial|message)|message content rejected(?:, ube)?|\bube\b|スパム(?:メール)?(?:と|として)(?:判定|判断|認識|検出)|spam scale|scored too high|(?:black|block) ?listed (?:url|uri|link)s?|(?:url|uri|link)s? (?:is |are )?(?:black|block) ?listed|迷惑メール(?:と|として)(?:判定|判断|認識|検出|みな)|迷惑メールの(?:疑い|可能性)",
         "554 5.7.1 Spam message rejected", _FILTERS, DECISIVE),
    _row("spamdetected", r"垃圾邮件", "退信原因： 邮件被判定为垃圾邮件", _CHINESE, DECISIVE, scope=NOTICE),
    # A content filter that refuses the message without saying "spam": what it filters for.
    _row("spamdetected", r"content (?:filter(?:ing)?|restrictions?)|message filtered|content (?:rejected|not accepted|refused|denied)|(?:suspicious|unacceptable|objectionable) (?:content|links?|urls?)|suspicious due to the (?:nature of the )?content|spam points|scored [0-9.]{1,8} (?:spam )?points",
         "554 5.7.1 Message rejected due to content restrictions", _FILTERS + " (content rules, URL reputation); Tencent QQ Mail ('Mail content denied'); " + _GMAIL + " (4.7.0 'suspicious due to the nature of the content'); " + _EXIM + " (content-scanning ACL: 'This message scored ... spam points')", WORDING),
    # -- blocklists and refused sending hosts ----------------------------------------------
    _row("blocked", r"blocked using|listed (?:at|in|on|by) [a-z0-9.-]{0,60}(?:bl|spamhaus|spamcop|sorbs|barracuda)|dnsbl|rbl|black ?list(?:ed)?|block ?list(?:ed)?|deny ?list(?:ed)?|spamhaus|spamcop|sorbs|barracuda ?(?:reputation|central)|(?:pbl|sbl|xbl|cbl)",
         "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", _DNSBL + "; " + _POSTFIX + " (reject_rbl_client)", WORDING),
    _row("blocked", r"client host (?:\[[^\]]{0,60}\] )?(?:blocked|rejected|refused)|client (?:is |was |has been )?blocked from sending|(?:(?:your|the sending|sending) (?:ip|host|network|mail server|server|mta)|the ip)(?: address)?(?: ?[\[(][0-9a-f.:]{2,45}[\])])?(?:(?! not)[^.;]){0,40} (?:is |was |has been )?(?:blocked|banned|blacklisted|listed|filtered|rejected|refused|not (?:allowed|authori[sz]ed|permitted))|(?:ip|host|network) (?:address )?(?:blocked|banned)|ip (?:address )?reject(?:ed)?|black ip|banned sending ip|banned sender|traffic not accepted from this ip|(?:bad|invalid|bogus|forged) (?:helo|ehlo)|blocked - see|(?:dynamic|dial-?up|residential) (?:ip|address|pool|range)",
         "550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers.", _GMAIL + "; " + _EXCHANGE + " (5.7.606-649 banned IP, 5.7.750 'Client blocked from sending from unregistered domains', 5.7.506 'Bad HELO', 5.7.511 'banned sender'); RFC 5321 section 4.1.1.1 (HELO names the sending host); Proofpoint ('Blocked - see' its IP check)", WORDING),
    _row("blocked", r"ip(?:s| address(?:es)?)?[ (\[:](?:(?! not)[^.;]){0,50} (?:is |has been |was )?(?:blocked|banned|blacklisted|block ?listed|rejected|refused|denied)|(?:refused|rejected|blocked|denied) (?:mail |messages? |connections? )?from (?:ip )?\[?(?:\d{1,3}\.){3}\d{1,3}",
         "550 Rejected messages from 198.51.100.7 until further notice", _DNSBL + "; " + _EXCHANGE + " (banned IP)", WORDING),
    _row("blocked", r"not accepting (?:connections|messages|mail) from|not accepting connections|access denied[^.;]{0,30}(?:ip|host)|(?:connection|session) (?:refused|rejected|dropped) (?:from|for) (?:your )?(?:ip|host)",
         "554 mx.example.com ESMTP not accepting messages from 198.51.100.7", _POSTFIX + " (smtpd greeting refusals); " + _APPLE, WORDING),
    _row("blocked", r"ブラックリスト|ブロックリスト|送信元(?:の)? ?(?:ip ?アドレス|ip|サーバー?)[^。]{0,40}(?:拒否|ブロック|制限)",
         "送信元 IP アドレスはブラックリストに登録されているため、接続を拒否しました", _JA_ISPS + "; " + _DNSBL, WORDING, scope=NOTICE),
    _row("securityerror", r"access denied",
         "550 5.7.1 <a@example.jp>... Access denied", _SENDMAIL + " (access map REJECT: '550 5.7.1 Access denied')", WORDING,
         stages=NOT_AT_MAIL),
    # -- the sender's address (X.1.7, X.1.8) --------------------------------------------------
    _row("rejected", r"sender (?:address )?(?:rejected|denied|refused|blocked|not allowed|unknown|invalid|verify failed|verification failed|is not allowed|not authori[sz]ed)|domain of sender|(?:invalid|unknown|bad|unverified|unauthori[sz]ed) sender|sender verification|sender domain (?:must|does not|not found|is not)|(?:envelope|mail from|return-path) (?:address )?(?:rejected|invalid|is not|not found)|verification failed for|purported responsible address|unresolvable (?:rfc\.?5321 )?from domain|(?:your|the sender'?s?) (?:e-?mail )?address (?:has been |is |was )?(?:black ?listed|block ?listed|banned)",
         "553 5.1.8 <a@example.jp>... Domain of sender address a@example.jp does not exist", _SENDMAIL + "; " + _POSTFIX + " (reject_unknown_sender_domain); " + _EXIM + " (sender verify); " + _YAHOO + " (unresolvable RFC.5321 from domain); Broadcom Email Security.cloud ('your email address has been blacklisted': the sender, not its host)", DECISIVE),
    _row("rejected", r"(?:header based|policy for) blocked senders|(?:on|in) (?:the |a |their )?(?:recipient'?s )?blocked senders? list",
         "550 Rejected by header based Blocked Senders - block policy for Blocked Senders",
         "Mimecast: SMTP error codes for senders (550 'Rejected by header based Blocked Senders'); Microsoft Outlook: the recipient's Blocked Senders list",
         DECISIVE),
    _row("rejected", r"'send mail as'|customfromdenied",
         "You're sending this from a different address or alias using the 'Send mail as' feature.", _GMAIL + " (CustomFromDenied)", DECISIVE,
         scope=NOTICE_FIRST),
    _row("rejected", r"(?:送信者|差出人|送信元)(?:の)?(?:メール ?)?アドレス(?:が|は)(?:拒否|受け付けられ|許可されてい)",
         "送信者のアドレスが拒否されました", _JA_ISPS, DECISIVE),
    # -- mailing lists and groups that refuse the sender ------------------------------------
    _row("rejected", r"(?:not (?:allowed|authori[sz]ed|permitted) to (?:post|send (?:messages |mail )?to)|(?:only|non-?)members? (?:can|may) post|posting (?:to this (?:mailing )?(?:list|group) )?(?:is )?(?:restricted|not allowed|denied)|restricted to (?:list |group )?(?:members|subscribers)|members-only list|closed mailing list|does not (?:have|allow) (?:the )?permission to post|you (?:do not|don't) have permission to (?:post|send to this (?:recipient|group|list))|(?:not|no) (?:have )?permission to post|not a member of (?:this|the) (?:mailing )?list|not in (?:the )?allowed[- ]senders? list|only accepts (?:messages|mail|e-?mail) from (?:people|members|users|senders))",
         "550 5.7.1 You are not allowed to post to this mailing list", _LISTS + " (Google Groups: 'only accepts messages from people in its organization'); " + _EXCHANGE + " (5.7.124 sender not in the group's allowed-senders list; Exchange 2003 5.7.1 'You do not have permission to send to this recipient')", DECISIVE,
         scope=NOTICE),
    # -- the recipient's domain (X.1.2) ------------------------------------------------------
    _row("notaccept", r"null mx|(?:does not|doesn't|will not|won't) (?:accept|receive) (?:any )?(?:e-?mail|mail|messages)|accepts no mail|no mail (?:is )?accepted|no mx (?:records?|found)|indicated no smtp service",
         "556 5.1.10 Recipient address has null MX", "RFC 7505 (null MX); RFC 7504 (521, 556); " + _EXIM + " (an MX or SRV record indicated no SMTP service); SmarterMail ('No MX records were found for the domain')", DECISIVE,
         scope=NOTICE),
    _row("hostunknown", r"host (?:unknown|not found)|unknown (?:host|(?:mail )?domain)|mx records point to non-existent hosts|could not be found in (?:the )?domain name service|(?:domain|host)(?: name)?(?: [a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10})? (?:not found|does not exist|doesn't exist|unknown|not known)|no such (?:domain|host)|(?:domain|host)(?: name)?(?: [a-z0-9.-]{1,255})? (?:couldn't|could not|cannot) be found|unrout(?:e)?able (?:address|domain|mail domain)|nxdomain|name or service not known|domain (?:is )?not reachable|couldn't find any host (?:named|by that name)|invalid (?:recipient )?domain|illegal host/domain name|no route found to domain|(?:host )?(?:address )?lookups? failed permanently|non-?existent ?domain|no mail servers? (?:appears? to )?exists? for",
         "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found",
         _POSTFIX + " (smtp(8) DNS lookups); " + _QMAIL + "; " + _EXIM + " (Unrouteable address; 'all host address lookups failed permanently'); Exchange ('SMTPSEND.DNS.NonExistentDomain'); hMailServer ('No mail servers appear to exists for the recipient's address'); Oracle Communications Messaging Server (Illegal host/domain name found); " + _DOMINO + " (No route found to domain)", WORDING, scope=NOTICE, stages=NOT_AT_MAIL),
    _row("hostunknown", r"ドメイン(?:名)?(?:が|は)(?:見つかりません|見つからない|存在しません|存在しない)|ホスト(?:名)?(?:が|は)見つかりません",
         "ドメインが見つかりません", _JA_ISPS, WORDING, scope=NOTICE, stages=NOT_AT_MAIL),
    # -- the recipient's address (X.1.1) -------------------------------------------------------
    _row("userunknown", r"(?:user|recipient|mail ?box|address|addressee|account|alias|local[ -]part|e-?mail address)(?: name)? (?:is )?(?:unknown|not found|not known|does not exist|doesn't exist|not exist|is not valid|not valid|invalid|not listed)",
         "550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown in local recipient table", _POSTFIX + "; " + _SENDMAIL + "; " + _EXIM, WORDING, scope=NOTICE),
    _row("userunknown", r"(?:unknown|invalid|no such|non-?existent|nonexisting|bad destination|not a valid) (?:user|recipient|mail ?box|address|account|addressee|alias|local[ -]part|e-?mail address)",
         "550 5.1.1 <a@example.jp>... No such user", _SENDMAIL + "; " + _COURIER + "; " + _EXIM, WORDING, scope=NOTICE),
    _row("userunknown", r"(?:account|mail ?box|address|user)(?: that you tried to reach)? (?:does not|doesn't) exist|address(?: you entered)? (?:couldn't|could not|can't|cannot) be found|wasn't found at|not listed in (?:the )?(?:(?:domino )?directory|public name (?:&|and) address book)|user doesn't have an? [a-z0-9.-]{1,40} account|no mailbox here by that name|is not a (?:valid|known) (?:mailbox|user)|no such person|unknown or illegal alias|no (?:such )?mail ?box (?:by that name|here|with that name)|not our customer|not (?:a )?registered (?:gateway )?user|recipient (?:address )?verif(?:y|ication) failed",
         "550 5.1.1 The email account that you tried to reach does not exist.", _GMAIL + "; " + _EXCHANGE + " (RecipNotFound: 'The email address you entered couldn't be found'); " + _YAHOO + "; " + _QMAIL + "; " + _DOMINO,
         WORDING, scope=NOTICE),
    _row("userunknown", r"recip(?:ient)?notfound|recipient address rejected: access denied",
         "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
         _EXCHANGE + " (5.1.10 RecipientNotFound, 5.4.1 directory-based edge blocking: the address is not in the directory)", DECISIVE),
    _row("userunknown", r"(?:ユーザー?|アカウント|メールアドレス|アドレス)(?:は|が)登録されていません|存在しない(?:アドレス|ユーザ|メールアドレス)|(?:アドレス|宛先|ユーザー?)(?:が|は)(?:存在しない|存在しません|見つからない|見つかりません|みつかりません)|宛先(?:不明|のメール ?アドレスが見つかりません)|(?:該当する|そのような)ユーザー?(?:は|が)(?:いません|存在しません|見つかりません)|ディレクトリ(?:に|には)(?:見つかりません|ありません|存在しません)",
         "宛先のアドレスが存在しないため配信できませんでした", _JA_ISPS + "; " + _DOMINO + " (Japanese: 'Domino ディレクトリには見つかりません')", WORDING, scope=NOTICE),
    _row("userunknown", r"recipient address rejected|rcpt rejected|recipient rejected|(?:server )?has rejected (?:the )?address",
         "550 5.1.0 Recipient rejected", _POSTFIX + " (smtpd_recipient_restrictions)",
         STANDARD_TEXT),
    _row("userunknown", r"mail ?box unavailable|mail ?box (?:is )?not available",
         "550 Requested action not taken: mailbox unavailable", _RFC5321 + " (550)", STANDARD_TEXT),
    _row("userunknown", r"用户不存在|(?:邮箱|帐号|账号|账户|地址)不存在|未开通\S{0,10}邮箱",
         "退信原因： 该用户未开通QQ邮箱", _CHINESE, WORDING, scope=NOTICE),
    # -- the recipient's own filter ------------------------------------------------------------
    _row("filtered", r"refused by (?:the )?recipient|recipient (?:has )?(?:refused|rejected|blocked) (?:your |the )?(?:message|mail|sender)|(?:due to|by) (?:the )?recipient(?:'s)? (?:preferences|settings|filter)",
         "550 5.1.1 Refused due to recipient preferences", _CARRIERS + "; " + _EXCHANGE + " (blocked senders)", DECISIVE),
    # The recipient's own settings, as the carriers call them: 迷惑メールフィルター is one.
    _row("filtered", r"受信(?:を)?拒否|拒否設定|迷惑メール(?:フィルター?|対策)(?:の)?設定|(?:受信者|相手(?:の方)?)の(?:迷惑メール|フィルター?|受信)",
         "受信拒否設定により配信できませんでした", _CARRIERS, DECISIVE, scope=NOTICE),
    _row("policyviolation", r"(?:for|due to) (?:local |security )?policy reasons",
         "554 5.7.9 Message not accepted for policy reasons.", _YAHOO + " (5.7.9); " + _POSTFIX + " (policy service texts)", DECISIVE + 2),
    # -- policy -----------------------------------------------------------------------------
    _row("policyviolation", r"polic(?:y|ies) (?:violation|reasons?|restriction|rejection|block)|(?:local|security|our|organi[sz]ation(?:al)?|content|sending|spoofing|anti-spoofing) polic(?:y|ies)|(?:due to|by|violates?|violating) (?:the |our |local )?polic(?:y|ies)|administrative prohibition|polic(?:y|ies) that (?:prohibit(?:s|ed)?|forbids?|forbade)|prohibited by (?:the |a |our )?(?:local )?polic(?:y|ies)|header error|content presents a potential|prohibited (?:attachment|content|file)",
         "550 5.7.1 Rejected by local policy", _YAHOO + " (5.7.9); " + _EXIM + " (administrative prohibition); " + _APPLE + " (CS01); " + _GMAIL + " (5.7.1 'has a policy that prohibited the mail')", WORDING),
    # -- content --------------------------------------------------------------------------------
    _row("contenterror", r"improper use of 8-bit|8-bit data|header syntax|invalid mime|mime (?:header|structure)|message content (?:is )?(?:not|invalid)",
         "554 5.6.0 Invalid MIME structure", "RFC 3463 X.6 (media errors)", WORDING),
    # A kind of attachment the receiving site does not take is its policy, not a malformed
    # message: the same mail without that file is delivered.
    _row("policyviolation", r"(?:illegal|banned|forbidden|blocked|restricted|unwanted|dangerous|(?:potentially )?executable) (?:attachments?|file (?:types?|names?|extensions?)|contents?)|(?:reject(?:ed)?|bounce),? id=\S{1,40} - banned|attachments? (?:type )?(?:\.?[a-z0-9]{1,8} )?(?:is |are )?not (?:allowed|accepted|permitted)|unacceptable attachments?|(?:file|attachment) (?:types?|extensions?) (?:is |are )?(?:not allowed|not permitted|forbidden|blocked|banned)|not accepting (?:mail|messages|e-?mail) with attachments|(?:vba )?macros? (?:found|detected)|containing (?:vba )?macros",
         "554 5.7.0 Reject, id=12345-01 - BANNED: .exe,payment.exe", _FILTERS + " (Amavis BANNED contents, banned file types); " + _EXIM + " (the example ACL's 'potentially executable attachment'); AOL ('not accepting mail with attachments'); Broadcom Email Security.cloud (Office files with macros)", WORDING),
    _row("notcompliantrfc", r"rfc ?(?:2822|5322)|not rfc compliant|rfc compliant|(?:does not|doesn't) (?:comply|conform) (?:with|to) (?:the )?rfc|bare (?:lf|linefeeds?|newlines?)|(?:date|from|message-id|subject) header (?:is )?(?:missing|invalid|malformed)|(?:no|missing|invalid) message-id|missing (?:a )?(?:valid )?(?:message-id|date|from) header|duplicate(?:d)? header|occurs more than once|blank from:? addresses|multiple (?:from|date|subject|message-id|sender)|multiple addresses in (?:the )?from|malformed header|(?:missing|invalid) (?:from|date|message-id) header",
         "550 5.7.1 Messages missing a valid Message-ID header are not accepted. Please make sure the message is RFC 5322 compliant.", _GMAIL + " (RFC 5322 compliance); RFC 5322 section 3.6 (fields that occur at most once); Amavis (BAD_HEADER 'Header field occurs more than once')", DECISIVE),
    # -- security and authentication of the sending client ---------------------------------------
    _row("securityerror", r"authentication (?:required|failed|failure|credentials invalid|unsuccessful)|unauthenticated senders? (?:are )?not (?:allowed|accepted|permitted)|client (?:was |is )?not authenticated|auth failed|must (?:authenticate|be authenticated)|(?:invalid|bad) (?:username|user name|password|credentials)|username and password not accepted|認証(?:に失敗|エラー|できません)",
         "535 5.7.8 Error: authentication failed: authentication failure", "RFC 4954 section 6 (535, 530); " + _POSTFIX + " (smtpd SASL); " + _EXCHANGE + " (5.7.57 'Client not authenticated to send mail')", DECISIVE),
    _row("failedstarttls", r"starttls|tls (?:negotiation|handshake) failed|a tls session is required|(?:does not|doesn't) support tls|(?:tls|ssl)(?:/sslv3)?(?: connection| encryption)? (?:is )?required|encryption required|must issue a starttls|requires? (?:a )?(?:tls|ssl|encrypted connection|secure connection)|(?:over|via|using) (?:a )?(?:tls|secure|encrypted) connection",
         "530 5.7.0 Must issue a STARTTLS command first", "RFC 3207 section 4; RFC 3463 X.7.10; RFC 8689 (REQUIRETLS); " + _EXIM + " (a TLS session is required, but ...); " + _GMAIL + " (5.7.29 'wasn't sent over a TLS connection'); Broadcom Email Security.cloud (Boundary Encryption: 'TLS/SSLv3 Connection required')", DECISIVE),
    # -- protocol ---------------------------------------------------------------------------------
    _row("syntaxerror", r"syntax error|command (?:unrecognized|not recognized)|unrecognized command|bad sequence of commands|line too long|invalid command",
         "501 5.5.4 Syntax error in parameters or arguments", _RFC5321 + " (500-504)", WORDING),
    # -- the network and DNS ---------------------------------------------------------------------
    _row("networkerror", r"connection (?:refused|reset|closed|lost)|lost connection|network (?:is )?unreachable|no route to host|(?:routing|mail|forwarding) loop|loop detected|message is looping|bounce between two servers|too many hops|hop count|name (?:server|service) (?:error|failure)|(?:dns|name server) (?:query |lookup )?(?:has )?(?:failed|failure|error|timeout|problem)|host name lookup failure|network error|temporary (?:dns|lookup) failure|servfail|econnrefused|econnreset|etimedout|ehostunreach|enetunreach",
         "554 5.4.6 Hop count exceeded - possible mail loop", "RFC 5321 section 6.3 (loops); " + _POSTFIX + "; " + _SENDMAIL + " (Deferred: ...); Node.js socket errors as Haraka reports them (ECONNREFUSED ...)", WORDING, scope=NOTICE),
    _row("networkerror", r"not found, try again",
         "Host or domain name not found. Name service error for name=example.jp type=MX: Host not found, try again",
         "Postfix dns_lookup.c: the resolver's TRY_AGAIN (a temporary failure), not a missing domain", DECISIVE, scope=NOTICE),
    _row("networkerror", r"connection timed out|timed out|could not connect|unable to connect(?: successfully)?|did not accept our requests to connect|socket error|(?:wasn't|was not) able to establish an smtp connection|no answer from (?:the )?(?:remote )?(?:host|server)",
         "Deferred: Connection timed out with mx.example.org.",
         "RFC 3464 section 2.3.3: a delayed delivery is still being tried; the failed connection is its cause",
         WORDING, scope=NOTICE, actions=("delayed",)),
    # -- a local delivery program -----------------------------------------------------------------
    _row("mailererror", r"mailer error|procmail|program failed|command died|exit status|pipe to|delivery to program|operating system error|insufficient permission|local delivery failed",
         "Command died with status 1: \"/usr/bin/procmail\"", _POSTFIX + " (local(8) pipe); " + _SENDMAIL + " (mailer exit codes)", DECISIVE, scope=NOTICE),
    _row("mailererror", r"command output",
         "temporary failure. Command output: /usr/bin/deliver: error 75", _POSTFIX + " (local(8): the program's output follows, and may say why)",
         WORDING, scope=NOTICE),
    # -- failures of the receiving system ---------------------------------------------------------
    _row("systemerror", r"(?:system|internal|server|local|processing|write|configuration|unexpected|i/o|database|file ?system) error|error (?:occurred|encountered) while (?:processing|delivering)|can't create (?:user )?output file|interrupted system call|misconfigur(?:ed|ation)|configuration problem|internal server|resources? temporarily unavailable|could not load|error in processing|loops back to myself|unable to contact (?:the )?(?:ldap|directory) server|ldap (?:server )?(?:error|failure|lookup failed)",
         "451 4.3.0 Error: queue file write error", _RFC5321 + " (451 local error in processing); " + _POSTFIX + " (mail for X loops back to myself: the MX points to the sender's own server); qmail-ldap ('Unable to contact LDAP server')", WORDING),
    _row("systemerror", r"service (?:temporarily )?unavailable|transaction failed|temporarily unavailable",
         "554 5.0.0 Service unavailable", _RFC5321 + " (421, 554)", STANDARD_TEXT),
    # -- the message waited too long (a give-up: the cause, when stated, decides first) ------
    _row("expired", r"retry time(?:out)? (?:exceeded|not reached)|(?:have|has) been failing for a long time|timed out|delivery time expired|(?:message|envelope) expired|(?:queue|message) lifetime (?:exceeded|expired)|(?:cannot|could not|couldn't|unable to) (?:send|deliver) (?:the |this |your )?message for (?:more than )?\d{1,3}|(?:after|despite) (?:repeated|multiple|several|\d{1,3}) (?:delivery )?(?:attempts|retries|tries)|(?:has )?expired (?:after|in (?:the )?queue)|undeliverable for (?:more than )?\d{1,3} (?:days|hours)|delivery (?:has )?(?:timed out|expired)|maximum (?:queue )?time exceeded|no answer from (?:the )?(?:remote )?(?:host|server)|could not connect|unable to connect(?: successfully)?|did not accept our requests to connect|socket error|(?:wasn't|was not) able to establish an smtp connection|(?:too long|been) in (?:the )?queue(?: too long)?|queue too long|will not be retried|(?:delayed|deferred) and has now failed|no further (?:delivery )?attempts|could not be delivered (?:for|within)|(?:was|has) not been delivered (?:for|within)|not delivered within|delivery attempts (?:will continue|have failed)|have not been able to deliver|unable to deliver (?:for|after)|cannot be delivered after|配送を断念|時間内に配送|一定期間[^。]{0,10}(?:配信|配送|送信)を試み|(?:配信|配送|送信)を試みましたが|(?:配送|配信)(?:を)?中止|期間内に(?:配送|配信)できな",
         "retry timeout exceeded", _EXIM + " (retry timeout exceeded); " + _QMAIL + " (I'm not going to try again); " + _SENDMAIL + " (could not be delivered for 5 days)",
         STANDARD_TEXT, scope=NOTICE),
)

# A bounce's own notice that states the reason more precisely than the answer it quotes:
# au writes "The user(s) account is disabled." above "550 user unknown".
NOTICE_RULES: tuple[Rule, ...] = (
    _row("suspend", r"account (?:is|has been) (?:disabled|suspended)",
         "The user(s) account is disabled.", _CARRIERS + " (au's notice of a suspended line)", DECISIVE + 5, scope=NOTICE_FIRST),
)


def _code_rules(table: dict[str, tuple[str, str]], precedence: int,
                condition: Literal["statuses", "replies", "categories"]) -> tuple[Rule, ...]:
    """One row per code of a table in codes.py, the code in the condition named ("statuses",
    written "x.2.2" for any class; "replies"; "categories")."""
    return tuple(Rule(reason=reason, source=source, precedence=precedence,
                      statuses=("x." + code,) if condition == "statuses" else (),
                      replies=(code,) if condition == "replies" else (),
                      categories=(code,) if condition == "categories" else ())
                 for code, (reason, source) in table.items())


def _provider_rules() -> tuple[Rule, ...]:
    """One row per reason and provider list: the codes of one cause in one alternation."""
    orange: dict[str, list[str]] = {}
    for code, reason in ORANGE_CAUSES.items():
        orange.setdefault(reason, []).append(code)
    rows = [Rule(reason=reason, source="Orange / La Poste postmaster error codes", precedence=PROVIDER,
                 words=r"(?:ofr|lpn|lpnaaa|ouk)(?:_|\d{3}[_-])(?:" + "|".join(codes) + ")",
                 example=f"550 5.0.1 Refused. OFR_{codes[0]}") for reason, codes in orange.items()]
    tokens: dict[tuple[str, str], list[str]] = {}
    for token, reason, source in PROVIDER_TOKENS:
        tokens.setdefault((reason, source), []).append(token)
    rows += [Rule(reason=reason, source=source, precedence=PROVIDER, words="|".join(map(re.escape, found)),
                  example=f"550 5.7.1 refused ({found[0]})") for (reason, source), found in tokens.items()]
    return tuple(rows)


CODE_RULES: tuple[Rule, ...] = (
    _provider_rules()
    + _code_rules(NAMED_REPLIES, LEANING_CODE, "replies")
    + _code_rules(NAMED_STATUS, NAMED_CODE, "statuses")
    + _code_rules(LEANING_STATUS, LEANING_CODE, "statuses")
    + _code_rules(STATUS_HINTS, FALLBACK, "statuses")
    + _code_rules(REPLY_HINTS, FALLBACK, "replies")
    + _code_rules(REPORTED_CATEGORIES, LEANING_CODE, "categories")
)

# What the stage, the action or the kind of diagnostic alone suggest, when nothing else does.
FALLBACK_RULES: tuple[Rule, ...] = (
    Rule("rejected", "RFC 5321 section 4.1.1.2: a refusal of MAIL FROM is about the sender",
         stages=frozenset({stages.MAIL}), precedence=FALLBACK + 5),
    Rule("blocked", "RFC 5321 section 3.1 and 4.1.1.1: a refused greeting or HELO is about the sending host",
         stages=frozenset({stages.CONNECT, stages.HELO}), replies=("4", "5"), precedence=FALLBACK + 5),
    Rule("spamdetected", "RFC 3463 X.7.1 (per-message filtering) after DATA (RFC 5321 section 4.1.1.4): host and "
         "recipients were accepted, so the message's content was refused, most often by a spam filter",
         statuses=("x.7.1",), stages=stages.AFTER_DATA, precedence=FALLBACK + 1),
    Rule("contenterror", "RFC 3463 section 3.7: X.6.X are media (content) errors", statuses=("x.6",),
         precedence=FALLBACK),
    Rule("securityerror", "RFC 3463 section 3.8: X.7.X are security or policy errors", statuses=("x.7",),
         precedence=FALLBACK - 5),
    Rule("mailererror", "RFC 3464 section 2.3.6: an x-unix diagnostic is a local delivery program's exit",
         diagnostic_types=("x-unix",), precedence=LEANING_CODE - 5),
    Rule("expired", "RFC 3464 section 2.3.3: Action 'delayed' or 'expired' without a stated cause",
         actions=("delayed", "expired"), precedence=FALLBACK - 10),
)

RULES: tuple[Rule, ...] = WORDING_RULES + NOTICE_RULES + CODE_RULES + FALLBACK_RULES
# Highest precedence first; sorted() keeps table order between equals.
RULES_BY_PRECEDENCE: tuple[Rule, ...] = tuple(sorted(RULES, key=lambda rule: -rule.precedence))

# The rows that need a code, by the code they need ("2.2" for x.2.2, "6" for x.6, a whole
# "5.7.1", a reply "551", a reply class "5" or a reported class "bad-mailbox"), so that the
# judge skips those that cannot apply.
_ORDER: dict[int, int] = {id(rule): index for index, rule in enumerate(RULES_BY_PRECEDENCE)}
_BY_CODE: dict[str, list[Rule]] = {}
for _rule in RULES_BY_PRECEDENCE:
    for _code in _rule.codes:
        _BY_CODE.setdefault(_code.removeprefix("x."), []).append(_rule)
# The places of the rows that need no code (the coded ones are found by coded_rules), and
# of those among them without wording: they apply to every answer whose other conditions
# hold, so the judge weighs them beside the rows its wording finds.
UNCODED_PLACES: frozenset[int] = frozenset(
    place for place, rule in enumerate(RULES_BY_PRECEDENCE) if not rule.codes)
UNWORDED_UNCODED: frozenset[int] = frozenset(
    place for place in UNCODED_PLACES if RULES_BY_PRECEDENCE[place].pattern is None)


# The rows that may also match the bounce's notice, in the order they count there:
# NOTICE_FIRST rows at their own precedence, the others at most at NOTICE_WORDING.
def _counted_in_notice(rule: Rule) -> int:
    return rule.precedence if rule.scope == NOTICE_FIRST else min(rule.precedence, NOTICE_WORDING)


# Each as (the row, the precedence it counts with there, its place in RULES_BY_PRECEDENCE).
NOTICE_ROWS: tuple[tuple[Rule, int, int], ...] = tuple(sorted(
    ((rule, _counted_in_notice(rule), _ORDER[id(rule)]) for rule in RULES_BY_PRECEDENCE
     if rule.pattern is not None and rule.scope != ANSWER),
    key=lambda row: -row[1]))


def coded_rules(status: str, replycode: str, category: str = "") -> list[Rule]:
    """The rows that need a code and may apply to an answer with these codes."""
    detail = status_detail(status)
    keys = {status, detail, detail.split(".", 1)[0], replycode, replycode[:1], category} - {""}
    return [rule for key in keys for rule in _BY_CODE.get(key, ())]


# Each worded row under the starts its matches may have, as its place in RULES_BY_PRECEDENCE.
_ROWS_BY_START: dict[str, list[int]] = {}
for _rule in RULES:
    for _start in _rule.starts or ():
        _ROWS_BY_START.setdefault(_start, []).append(_ORDER[id(_rule)])
_ALL_STARTS: frozenset[str] = frozenset(_ROWS_BY_START)
_ALWAYS_SEARCHED: frozenset[int] = frozenset(
    _ORDER[id(rule)] for rule in RULES if rule.pattern is not None and rule.starts is None)

def rule_order(rule: Rule) -> int:
    """The row's place in RULES_BY_PRECEDENCE: the earlier wins between equals."""
    return _ORDER[id(rule)]


@dataclass(frozen=True)
class Restatement:
    """A decided reason that means another one in these circumstances."""

    reason: str
    becomes: str
    source: str
    stages: frozenset[str] | None = None
    temporary: bool | None = None          # True: only with a 4xx reply or 4.x.x status
    carrier_domains: frozenset[str] = frozenset()
    names_recipient: bool | None = None    # the answer quotes the recipient's address
    statuses: tuple[str, ...] = ()         # only with one of these statuses ("x.2.0": any class)


AU_DOMAINS: frozenset[str] = frozenset({"ezweb.ne.jp", "au.com"})

RESTATEMENTS: tuple[Restatement, ...] = (
    Restatement("userunknown", "filtered",
                "A recipient refused after DATA was accepted at RCPT TO (RFC 5321 section 3.3): the refusal is a "
                "filter's, whatever it says (Japanese carriers answer 'user unknown' for their reception filters)",
                stages=stages.AFTER_DATA),
    Restatement("userunknown", "filtered",
                "RFC 3463 X.2.0 is a mailbox status: the address exists and its mailbox refused, whatever the "
                "words (sendmail reports a refusal of the message itself so; docomo answers '550 Unknown user' for "
                "its recipients' reception filters, as Sisimai's NTTDOCOMO rules record)",
                statuses=("x.2.0",)),
    Restatement("userunknown", "filtered",
                "au (KDDI) answers '550 : User unknown' without the address when the recipient's reception "
                "filter refused the mail, and quotes the address when it does not exist",
                carrier_domains=AU_DOMAINS, names_recipient=False),
    Restatement("userunknown", "rejected", "RFC 5321 section 4.1.1.2: at MAIL FROM the unknown address is the sender's",
                stages=frozenset({stages.MAIL})),
    Restatement("hostunknown", "rejected", "RFC 5321 section 4.1.1.2: at MAIL FROM the unknown domain is the sender's",
                stages=frozenset({stages.MAIL})),
    Restatement("hostunknown", "networkerror",
                "RFC 3463 X.4.3 / RFC 5321 section 4.2.1: a lookup that will be retried (4xx) failed for now; "
                "the domain is not known to be missing", temporary=True),
)


def status_matches(wanted: str, status: str) -> bool:
    """'x.2.2' matches 4.2.2 and 5.2.2; 'x.6' any x.6.x; '5.7.1' only itself."""
    if not wanted.startswith("x."):
        return wanted == status
    detail = status_detail(status)
    return detail == wanted[2:] or ("." not in wanted[2:] and detail.split(".", 1)[0] == wanted[2:])
