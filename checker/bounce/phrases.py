"""Wording that servers use for each reason: lower-case substrings, in checking order.

The judge lower-cases the server's answer, collapses white space, and takes the first
reason (in the order of PHRASES) with a matching phrase. Put a reason earlier when its
phrases are more specific than another's: "mailbox full" must win over "mailbox", and
"blocked because of spam" is about spam, not about the address.

Add phrases here, not branches in the code. A phrase should be wording that more than
one server uses, or at least wording that cannot mean anything else.
"""
from __future__ import annotations

PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("virusdetected", (
        "virus", "malware", "infected", "ウイルス",
    )),
    ("emailtoolarge", (
        "message too large", "message too big", "message is too large", "message is too big",
        "message size exceeds", "size limit", "message length exceeds", "exceeds the size",
        "exceeds size", "mail size", "message exceeds", "too much mail data", "message file too big",
        "exceeded maximum message size", "maximum message size", "email is too large",
        "size of the message", "msg size", "larger than the", "メールサイズ", "サイズが大きすぎ",
        "サイズの上限", "サイズ制限",
    )),
    ("mailboxfull", (
        "mailbox full", "mailbox is full", "mailbox_full", "mailbox quota", "quota exceeded",
        "over quota", "overquota", "over the quota", "exceeded storage", "exceeds quota",
        "quota full", "mailbox size limit", "disk quota",
        "user is over", "account is over", "is over quota", "storage quota", "quota limit",
        "mailfolder is full", "mail box full", "mailbox exceeds", "mailbox exceeded", "has exceeded", "box is full",
        "inbox is full", "full mailbox", "exceeded its quota", "not enough storage",
        "would exceed mailbox quota", "mailbox has exceeded", "recipient's mailbox is full",
        "out of storage", "容量がいっぱい", "容量を超え", "容量オーバー", "容量不足",
        "容量が不足", "容量が上限", "容量の上限",
        "メールボックスがいっぱい", "満杯", "quota",
    )),
    ("systemfull", (
        "mail system full", "system is full", "insufficient system storage", "server is full",
        "insufficient disk space", "no space left",
        "not enough disk space", "disk full", "out of disk",
    )),
    ("hasmoved", (
        "has moved", "has been moved", "address has changed", "no longer at this address",
        "moved to", "user moved", "mailbox moved", "new address",
    )),
    ("suspend", (
        "account suspended", "account has been suspended", "mailbox suspended", "user suspended",
        "is suspended", "been suspended", "account disabled", "is disabled", "account is disabled", "account has been disabled",
        "mailbox disabled", "mailbox is disabled", "mailbox has been disabled",
        "is inactive", "inactive user", "inactive account", "account inactive", "not active",
        "deactivated", "account expired", "account has expired", "mailbox is frozen",
        "temporarily locked", "account locked", "account is locked", "blocked user",
        "mailbox unavailable due to", "this account has been", "recipient suspended",
        "mailbox is not active", "mailbox currently suspended", "unavailable mailbox",
        "is no longer in use", "inactive", "利用停止", "停止されて", "無効になって", "temporary locked", "temporarily locked",
        "is locked", "recipient account is blocked", "account is blocked",
    )),
    ("norelaying", (
        "relay access denied", "relaying denied", "relay denied", "relaying not permitted",
        "not permitted to relay", "unable to relay", "relay not permitted", "no relaying",
        "relaying disallowed", "we do not relay", "not allowed to relay", "relay not allowed",
        "relaying mail to", "open relay", "not a gateway", "relay prohibited",
        "not configured to relay", "relay access",
        # Amazon SES: the sending identity has not been verified for the account.
        "email address is not verified", "identities failed the check",
    )),
    ("requireptr", (
        "reverse dns", "no ptr", "ptr record", "cannot find your hostname", "reverse lookup",
        "reverse-lookup", "rdns", "does not resolve", "client host rejected: cannot find",
        "cannot resolve your", "no reverse", "unresolvable", "reverse address",
        "hostname does not match", "your ip has no", "not resolve to", "ip name lookup failed",
        "mismatches client ip", "no ptr record",
    )),
    ("authfailure", (
        "spf check", "spf fail", "spf validation", "failed spf", "spf=fail", "dkim fail", "dkim=fail",
        "dkim check", "dkim validation", "no passing dkim", "dmarc fail", "dmarc=fail", "dmarc policy",
        "dmarc check", "sender policy framework", "sender authentication", "unauthenticated email",
        "authentication checks", "authentication level", "authentication requirements",
        "sender id", "senderid", "authentication information", "fails to pass authentication",
        "spf setting", "per its spf", "per it's spf", "dmarc verification", "pass dmarc",
    )),
    ("badreputation", (
        "reputation of", "reputation problem", "sender reputation", "domain reputation", "bad sender ip", "ip address has a poor", "sending ip is",
        "low reputation", "poor reputation", "ip reputation", "due to reputation", "user complaints",
    )),
    ("ratelimited", (
        "rate limit", "rate-limit", "ratelimit", "too many connections", "too many messages",
        "too many emails", "too many mails", "too many sessions", "too many concurrent", "too fast",
        "exceeded the rate", "sending rate", "throttl", "connection limit", "slow down",
        "exceeded the limit", "maximum number of",
        "receiving mail at a rate", "frequency limited",
        "too many recipients", "too quickly", "too much mail from",
    )),
    ("spamdetected", (
        "as spam", "spam detected", "is spam", "likely spam", "spam message", "spam content",
        "spam filter", "spam score", "spam classification", "considered spam", "suspected spam",
        "spam policy", "spam-like", "spamassassin", "unsolicited", "junk mail", "bulk mail",
        "content filter", "spam firewall", "spam & virus firewall", "blacklisted content",
        "message content rejected", "suspicious", "looks like", "scored", "score",
        "message rejected due to content", "ube,", "迷惑メール",
    )),
    ("blocked", (
        "blocked by", "blocked using", "ip blocked", "host blocked", "blocked ip", "banned sending ip",
        "has been blocked", "blacklist", "blocklist", "block list", "black list", "denylist",
        "rbl", "dnsbl", "spamhaus", "spamcop", "sorbs", "barracuda", "blacklisted", "client host rejected",
        "not allowed to send", "your ip", "ip address", "client host blocked", "invalid ip for sending",
        "refused to talk to me", "dynamic ip", "dial-up", "residential", "your host",
        "poor reputation", "not accepting connections", "connection refused by", "connection dropped",
        "the ip you're using", "traffic not accepted from this ip", "ipcheck.proofpoint", "blocked - see",
    )),
    ("rejected", (
        "sender rejected", "sender address rejected", "sender denied", "domain of sender",
        "sender domain", "sender verify failed", "sender verification", "invalid sender",
        "sender is not", "sender not", "address rejected: domain not found", "from address",
        "mailfrom domain", "envelope sender", "return path", "return-path",
        "purported responsible address",
        # Gmail's "Send mail as" alias whose settings are wrong (its help key CustomFromDenied).
        "'send mail as'", "customfromdenied",
    )),
    ("hostunknown", (
        "host unknown", "unknown host", "host not found", "domain not found", "no such domain",
        "unrouteable address", "unroutable address", "domain does not exist", "unknown domain",
        "name or service not known", "host or domain name not found", "nxdomain",
        "domain name not found", "invalid domain", "domain is not",
        "unresolvable address", "mail for domain", "bad destination system",
        "ドメインが見つかりません", "ドメインが存在しません", "ドメイン名が見つかりません",
        "ホストが見つかりません", "ホスト名が見つかりません",
        "no route to host", "domain isn't in my list", "domain is not hosted",
        "not our customer", "we do not accept mail for", "domain does not exist",
        # Gmail: "DNS Error: ... DNS type 'mx' lookup of example.jp responded with code NXDOMAIN".
        "dns error:",
    )),
    ("userunknown", (
        "user unknown", "unknown user", "no such user", "user not found", "unknown recipient",
        "recipient unknown", "no such recipient", "invalid recipient", "recipient not found",
        "no mailbox", "mailbox not found", "mailbox unavailable", "mailbox does not exist",
        "does not exist", "doesn't exist", "not exist", "no such mailbox", "address couldn't be found",
        "address could not be found", "invalid recipient", "address rejected.",
        "no such address", "invalid address", "address unknown",
        "bad destination mailbox", "user doesn't have", "recipnotfound", "not listed in",
        "unknown or illegal alias", "is not a valid mailbox", "address not found",
        "no such account", "unknown account", "invalid mailbox", "mailbox is unavailable",
        "addressee unknown", "unknown local part", "not a valid user", "user does not",
        "recipient address rejected", "rcpt rejected", "account does not", "undeliverable address",
        "unknown alias", "no longer valid", "user not known",
        # Office 365's non-delivery report.
        "wasn't found at", "unknown to address", "recipientnotfound",
        "存在しない", "存在しません", "宛先不明", "見つかりません", "該当するユーザー",
    )),
    ("filtered", (
        "filter", "recipient preferences", "email preferences of the person", "refused by recipient", "recipient refused", "not accept mail from",
        "受信拒否", "受信を拒否", "拒否されました", "拒否設定",
    )),
    ("notaccept", (
        "does not accept mail", "accepts no mail", "null mx", "not accepting mail", "doesn't receive email",
        "no smtp service", "no mx record", "no mx found",
        "does not accept any mail", "no mail accepted",
    )),
    ("securityerror", (
        "authentication required", "authentication failed", "auth failed", "not authorized",
        "unauthenticated",
        "unauthorized", "security", "certificate", "tls required", "encryption required",
    )),
    ("failedstarttls", (
        "starttls", "tls negotiation", "tls handshake", "does not support tls", "ssl",
    )),
    ("notcompliantrfc", (
        "rfc 5322", "rfc5322", "not rfc compliant", "rfc compliant",
        "duplicate header", "multiple from", "multiple date", "multiple subject",
        "malformed header", "multiple addresses in from", "not rfc 5322 compliant",
    )),
    ("contenterror", (
        "content rejected", "message content", "illegal attachment", "attachment not allowed",
        "improper use of 8-bit", "8-bit data", "header syntax", "invalid mime", "mime header",
        "mime structure",
    )),
    ("policyviolation", (
        "policy violation", "policy reasons", "local policy", "policy restriction", "security polic",
        "due to policy", "by policy", "our policy", "organization policy", "organizational polic",
        "policy rule", "policy of", "policy for", "content policy", "sending policy", "policy (",
        "policy rejection", "policy block", "spoofing policy", "policy:",
        "not permitted", "prohibited", "violat", "network not allowed", "content presents a potential",
        "header error", "members-only list", "closed mailing list",
    )),
    ("syntaxerror", (
        "syntax error", "command unrecognized", "unrecognized command", "bad sequence",
        "command not recognized", "line too long", "invalid command",
    )),
    ("networkerror", (
        "network error", "connection refused",
        "connection reset", "lost connection", "network is unreachable", "dns",
        "name server", "nameserver", "routing loop", "mail loop", "forwarding loop",
        "too many hops", "hop count", "loop detected", "could not connect", "unable to connect to",
        "no route", "name service error", "too many hops",
    )),
    ("expired", (
        "retry timeout exceeded", "connection timed out", "timed out", "delivery time expired", "message expired", "expired",
        "too long in queue", "in the queue too long", "queue too long", "giving up",
        "gave up", "could not be delivered for", "delivery attempts will continue",
        "was not delivered within", "retry time", "have not been able to deliver",
        "unable to deliver for", "time limit", "delivery delayed", "will be retried",
        # Exchange's notice for a message that expired (4.4.7) after failed connections.
        "unable to connect successfully",
        "still trying", "cannot be delivered after", "配送を断念", "時間内に配送", "did not accept our requests to connect",
        "message expired",
    )),
    ("mailererror", (
        "command output", "mailer error", "x-unix", "procmail", "program failed",
        "command died", "exit status", "pipe to", "delivery to program",
        # sendmail's texts for a local mailer's exit codes (sysexits.h).
        "operating system error", "insufficient permission",
    )),
    ("systemerror", (
        "system error", "internal error", "server error", "local error",
        "configuration error", "misconfigured", "system config", "internal server",
        "temporarily unavailable", "resources temporarily",
        "processing error", "write error", "loops back to myself", "could not load", "transaction failed", "service unavailable", "could not be delivered due to a recipient error",
    )),
)

PHRASE_TABLE: dict[str, tuple[str, ...]] = dict(PHRASES)

# The standard texts of SMTP replies (RFC 5321: "554 Transaction failed", "Service
# unavailable") say that something failed, not why: when the answer says nothing more, the
# judge prefers what the lines around it say (a local delivery program's own message).
# Sentences a bounce's own notice states about the recipient, more precise than the SMTP
# answer it quotes (au: "The user(s) account is disabled." above "550 user unknown").
NOTICE_PHRASES: dict[str, tuple[str, ...]] = {
    "suspend": ("account is disabled", "account has been disabled", "account is suspended",
                "account has been suspended", "利用停止"),
}

# Wording that puts the blame on the sending IP address or host: a block, even when the
# server says it in answer to MAIL FROM (where a refusal is otherwise about the sender).
SENDING_HOST_PHRASES: tuple[str, ...] = (
    "client host", "your ip", "the ip you're using", "sending ip", "banned sending ip",
    "dnsbl-lookup", "blocked - see", "ipcheck.proofpoint", "from this ip",
)

# A failed lookup the sending server will retry: a network problem, not a missing domain.
TEMPORARY_LOOKUP_PHRASES: tuple[str, ...] = ("not found, try again",)
# Gmail reports its "DNS Error: ..." lookups with the temporary status 4.0.0, unless its
# notice says the failure is permanent.
RETRIED_LOOKUP_PHRASES: tuple[str, ...] = ("dns error:",)
PERMANENT_FAILURE_PHRASES: tuple[str, ...] = (
    "failed permanently", "permanent failure", "permanent error", "permanent fatal error",
)

GENERIC_FAILURE_PHRASES: tuple[str, ...] = ("service unavailable", "transaction failed")

# "Unknown user" wording about the recipient's address itself, as a directory lookup says
# it. Generic "user unknown" is also what filters after DATA pretend; these are not.
RECIPIENT_ADDRESS_PHRASES: tuple[str, ...] = (
    "address couldn't be found", "address could not be found", "address not found",
    "address does not exist", "mailbox unavailable", "mailbox is unavailable", "mailbox not found",
    "mailbox does not exist", "no such mailbox", "recipient not found", "no such recipient",
    "unknown recipient", "recipient unknown", "invalid recipient", "recipnotfound",
    "recipientnotfound", "recipient address rejected: access denied", "user doesn't have a",
    "アドレスが見つかりません", "アドレスが存在しません", "存在しないアドレス", "宛先不明",
)

# Wording of out-of-office replies, for pasted text that has no headers to go by.
VACATION_PHRASES: tuple[str, ...] = (
    "out of the office", "out of office", "i am currently away", "i am away", "i'm away",
    "on vacation", "on holiday", "on leave", "limited access to email", "limited access to e-mail",
    "upon my return", "when i return", "until i return", "will be back on", "away from the office",
    "i will be traveling", "i will be travelling", "access to email", "access to e-mail",
    "away from my desk", "automatic reply", "auto-reply", "autoreply",
    "不在にしております", "休暇", "不在のため",
)

# Whole-message wording that marks an automatic reply rather than a bounce.
AUTOREPLY_SUBJECT_PREFIXES: tuple[str, ...] = (
    "auto:", "auto reply", "auto-reply", "autoreply", "automatic reply", "auto response",
    "autoresponse", "out of office", "out of the office", "vacation", "away:", "absence",
    "自動応答", "自動返信", "不在",
)
