"""At which stage of the SMTP dialogue (RFC 5321 section 3) a server gave its answer.

The stage changes what an answer means: "User unknown" in reply to RCPT TO is about the
address, the same words after the message was sent (DATA) are a filter's; a refusal of
MAIL FROM is about the sender; a refusal of the greeting or of HELO is about the sending
host. Each MTA words the stage its own way; the table holds that wording, each row with
the MTA whose source or manual writes it. Patterns are matched on lower-cased text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# The stages, named after the SMTP command answered (as Sisimai and RFC 3464 readers do).
CONNECT = "CONN"        # the greeting (RFC 5321 section 3.1) or the TCP connection
HELO = "HELO"           # HELO / EHLO / LHLO (section 4.1.1.1)
STARTTLS = "STARTTLS"   # RFC 3207
AUTH = "AUTH"           # RFC 4954
MAIL = "MAIL"           # MAIL FROM (section 4.1.1.2)
RCPT = "RCPT"           # RCPT TO (section 4.1.1.3)
DATA = "DATA"           # DATA and the end of the message data (section 4.1.1.4)
UNKNOWN = ""

AFTER_DATA = frozenset({DATA})
BEFORE_MESSAGE = frozenset({CONNECT, HELO, STARTTLS, AUTH})


@dataclass(frozen=True)
class StageWording:
    words: str
    stage: str
    source: str
    pattern: re.Pattern[str] = field(init=False, compare=False)
    lead: str = field(init=False, compare=False)  # the text every match starts with

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.words))
        object.__setattr__(self, "lead", _literal_lead(self.words))


_META = frozenset("()[]{}?*+|.^$\\")


def _literal_lead(words: str) -> str:
    """The literal characters a pattern starts with (an escaped mark counts as itself), up
    to the first that a quantifier may drop or that is not literal."""
    lead: list[str] = []
    index = 0
    while index < len(words):
        char = words[index]
        if char == "\\" and index + 1 < len(words) and not words[index + 1].isalnum():
            char, index = words[index + 1], index + 1
        elif char in _META:
            break
        if words[index + 1:index + 2] in ("?", "*", "{"):
            break
        lead.append(char)
        index += 1
    return "".join(lead)


_POSTFIX = "Postfix smtp(8): 'host X said: ... (in reply to CMD command)', smtp_proto.c"
_EXIM = "Exim transports/smtp.c: 'SMTP error from remote mail server after CMD'"
_QMAIL = "qmail-remote.c (netqmail 1.06) messages"
_SENDMAIL_COURIER = "sendmail and Courier session transcripts ('>>> CMD' then '<<< reply')"

STAGE_WORDING: tuple[StageWording, ...] = (
    StageWording(r"in reply to (?:the )?rcpt to command", RCPT, _POSTFIX),
    StageWording(r"in reply to (?:the )?mail from command", MAIL, _POSTFIX),
    StageWording(r"in reply to (?:the )?(?:end of )?data command", DATA, _POSTFIX),
    StageWording(r"in reply to (?:the )?(?:ehlo|helo|lhlo) command", HELO, _POSTFIX),
    StageWording(r"in reply to (?:the )?starttls command", STARTTLS, _POSTFIX),
    StageWording(r"in reply to (?:the )?auth command", AUTH, _POSTFIX),
    StageWording(r"refused to talk to me", CONNECT, _POSTFIX + " (the greeting was a refusal)"),
    StageWording(r"after (?:pipelined )?rcpt to\b", RCPT, _EXIM),
    StageWording(r"after (?:pipelined )?mail from\b", MAIL, _EXIM),
    StageWording(r"after (?:the )?(?:end of data|pipelined data|data\b|sending data block)", DATA, _EXIM),
    StageWording(r"after (?:the )?initial connection\b", CONNECT, _EXIM),
    StageWording(r"after (?:sending )?(?:ehlo|helo|lhlo)\b", HELO, _EXIM),
    StageWording(r"after starttls\b", STARTTLS, _EXIM),
    StageWording(r"does not like recipient", RCPT, _QMAIL),
    StageWording(r"but sender was rejected", MAIL, _QMAIL),
    StageWording(r"but my name was rejected", HELO, _QMAIL),
    StageWording(r"but greeting failed", CONNECT, _QMAIL),
    StageWording(r"failed on data command", DATA, _QMAIL),
    StageWording(r"failed after i sent the message", DATA, _QMAIL),
    StageWording(r"\[rcpt_to\]", RCPT, "Yahoo's answers tag the command: '... [RCPT_TO]'"),
    StageWording(r"rcpt(?: to)? command\b", RCPT, "generic 'error in RCPT command' wording (Exchange, Domino)"),
    StageWording(r"mail from command\b", MAIL, "generic 'error in MAIL FROM command' wording"),
    StageWording(r"data command\b", DATA, "generic 'error in DATA command' wording"),
    StageWording(r"did not accept our requests to connect", CONNECT,
                 "Gmail's notice when the receiving servers refuse the connection"),
    StageWording(r"unable to connect successfully to the destination", CONNECT,
                 "Exchange / Office 365 notice (4.4.7 after failed connections)"),
)

_LEADS = tuple(dict.fromkeys(row.lead for row in STAGE_WORDING))

# A transcript line: what the reporting MTA sent ('>>> RCPT To:<a@example.jp>') or got back
# ('<<< 550 5.1.1 ...'). Courier and sendmail write both directions with these marks; Trend
# Micro's InterScan Messaging Security Suite names them and points the marks the other way
# ('Sent <<< RCPT TO:<a@example.jp>', 'Received >>> 550 5.1.1 ...').
_TRANSCRIPT_LINE = re.compile(r"^[ \t]{0,8}(>>>|<<<|sent <<<|received >>>)[ \t]{0,4}(.{0,200})", re.M)
_SENT_MARKS = (">>>", "sent <<<")
# A reply written under '>>> DATA' answers the DATA command itself (354, or a refusal
# because no recipient was accepted) or, with PIPELINING (RFC 2920 section 3.1; sendmail
# and Courier pipeline by default), a RCPT TO sent in the same batch: either way the
# recipient was refused before the message was sent. The answer to the message itself is
# written under '>>> .' (the end of data).
_TRANSCRIPT_COMMANDS = (("rcpt", RCPT), ("mail", MAIL), ("data", RCPT), (".", DATA), ("ehlo", HELO),
                        ("helo", HELO), ("lhlo", HELO), ("starttls", STARTTLS), ("auth", AUTH))
_ERROR_REPLY = re.compile(r"[45]\d\d\b")

# Stage wording sits near the answer; a long text is a copy of something else further down.
_READ_CHARS = 16000


def find_stage(text: str) -> str:
    """The stage the text says the answer came at, or UNKNOWN."""
    lowered = text[:_READ_CHARS].lower()
    transcript = _transcript_stage(lowered) if ">>>" in lowered or "<<<" in lowered else UNKNOWN
    return transcript or _worded_stage(" ".join(lowered.split()))


def _worded_stage(lowered: str) -> str:
    """The stage of the wording found first in the text."""
    # A substring test is far cheaper than the search, and many rows share their lead.
    present = {lead for lead in _LEADS if lead in lowered}
    first, stage = len(lowered), UNKNOWN
    for row in STAGE_WORDING:
        if row.lead not in present:
            continue
        match = row.pattern.search(lowered, 0, first)
        if match:
            first, stage = match.start(), row.stage
    return stage


def _transcript_stage(lowered: str) -> str:
    """In a session transcript, the last command sent before the first error reply; an error
    reply that opens the transcript, before any command, is the greeting (RFC 5321 section
    3.1: the server speaks first), as sendmail writes a refused greeting."""
    last_command, opening = UNKNOWN, True
    for match in _TRANSCRIPT_LINE.finditer(lowered):
        direction, line = match.group(1), match.group(2).strip()
        if direction in _SENT_MARKS:
            last_command = next((stage for word, stage in _TRANSCRIPT_COMMANDS if line.startswith(word)),
                                last_command)
        elif _ERROR_REPLY.match(line) and (last_command or opening):
            return last_command or CONNECT
        opening = False
    return UNKNOWN
