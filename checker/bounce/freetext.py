"""Read recipients and diagnostics out of bounce text that follows no standard.

Most servers write the same shapes: the failed address on a line of its own or followed
by ':' and the reason (Postfix, qmail, Exim, OpenSMTPD, carriers), a session transcript
(Sendmail: '>>> RCPT To:' / '<<< 550 ...'), or a notice with the remote server's answer a
few lines below the address (Gmail, Exchange, Yahoo). Rather than one parser per product,
the text is cut into one block per recipient and each block is searched for the server's
answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from checker.bounce.codes import status_detail
from checker.bounce.stages import find_stage

# The look-behind makes every match start where a run of local-part characters starts, so
# a long run without "@" is scanned once, not once per position. A local part that is not a
# dot-atom is written quoted (RFC 5321 section 4.1.2: '"taro."@docomo.ne.jp', as mail
# servers write the old addresses of Japanese mobile carriers).
LOCAL_PART = r"(?:\"[^\"\\\r\n]{1,62}\"|(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64})"
# A domain's labels may be written in Unicode (RFC 5890: '例え.jp'), its top-level label in
# ASCII: so Japanese text right after an address ('taro@example.jp宛') is not read as its
# domain.
ADDRESS = re.compile(LOCAL_PART + r"@[^\W_](?:[\w-]{0,63}\.){1,10}[A-Za-z]{2,24}")
# Most patterns here start with the character that leads every match (a digit, the first
# letter of a lead word in each of its cases: re.I also matches the long s 'ſ' to 's') and
# check what must stand before it behind it: so the regex engine skips every position that
# cannot start a match, instead of trying each alternative there.
STATUS_CODE = re.compile(r"([245](?<![\d.][245])\.\d{1,3}\.\d{1,3})(?![\d.]\d)")
# After the start of the text, white space or a mark, or "said" ("said:").
REPLY_CODE = re.compile(r"([45](?:(?<=^[45])|(?<=[\s#:(\[\"'<=][45])|(?<=\bsaid[45])|(?<=\bsaid:[45]))[0-5]\d)"
                        r"(?:[ -]|: |$)")
# A status code right after a reply code ('550 5.1.1', '550-5.7.1', "550-'5.2.2"), or after
# a "#" ('(#5.1.0)', '550 #5.1.0').
_REPLY_THEN_STATUS = r"[45](?<!\w[45])\d\d[ -]['\"]?([45]\.\d{1,3}\.\d{1,3})\b"
_STATUS_AFTER_REPLY = re.compile(r"(?:\b[45]\d\d[ -]['\"]?|\(|\s)#([45]\.\d{1,3}\.\d{1,3})\b|" + _REPLY_THEN_STATUS)
_STATUS_RIGHT_AFTER_REPLY = re.compile(_REPLY_THEN_STATUS)
_CODE_LIKE = re.compile(r"[245](?:\.\d|(?<=[45])\d\d)")
_REPLY_AT_START = re.compile(r"^[\s#<>(\[\"']{0,6}(?:out:\s{0,3})?([45][0-5]\d)(?:[ -]|$)", re.I)
_ANSWER_LEAD = re.compile(
    r"(?:said|returned|responded|reported|answered|reason|error|response|diagnostic|"
    r"server replied|remote host said)\s{0,3}[:)]", re.I)
_LEAD_IN = re.compile(
    r"[ERSTerst\u017f](?i:(?:(?<=t)he error that the other server returned was|"
    r"(?<=r)emote (?:host|server) (?:said|replied|returned)|(?<=\bs)aid|(?<=s)erver replied|"
    r"(?<=t)he server responded|(?<=e)rror was)\s{0,3}:)")
_REMOTE_HOST = re.compile(
    r"[GHMRSWghmrsw\u017f](?i:(?:(?<=\bh)ost|(?<=w)hile talking to|(?<=r)emote (?:host|server|mta)|"
    r"(?<=g)enerating server|(?<=\bs)erver|(?<=m)ail exchanger|(?<=\bm)x)"
    r"\s{0,3}[:=]?\s{0,3}\[?([A-Za-z0-9](?:[A-Za-z0-9-]{0,63}\.){1,10}[A-Za-z]{2,24})\b)")
_RECIPIENT_LEAD = re.compile(r"(?:rcpt to|recipient|to|for|address|宛先|宛て先|受取人|受信者|送信先)\s{0,3}[:：]?\s{0,3}<?$", re.I)
# Where to write for help is no recipient: "please forward this message to delist@...",
# "please send mail to support@..." (where Postfix's bounce(8) template names its
# postmaster), "contact the list owner at ...".
_HELP_LEAD = re.compile(r"(?:\bplease,? (?:\w+ ){0,2}(?:forward|send|write|e-?mail)|\bcontact)\b[^.!?]{0,60} (?:to|at)$", re.I)
# ... and in Japanese after it: "Postmaster@example.ne.jp まで返信をお願いします".
_HELP_AFTER = re.compile(r"[>\s]{0,3}(?:まで|へ)(?:ご|お)?(?:返信|連絡|問い?合わせ)")
# Addresses that never are the failed recipient: the systems that write bounces.
_SYSTEM_LOCALPARTS = ("mailer-daemon", "postmaster", "double-bounce", "noreply", "no-reply",
                      "maildelivery", "mail-daemon", "mailerdaemon", "bounce", "bounces")


# Bounce lines are short; a longer "line" is encoded data or a paste gone wrong.
MAX_LINE_CHARS = 4000


@dataclass
class TextFinding:
    """A recipient found in free text, with the server's answer about it. The codes, stage
    and host are read on first use: a bounce with a delivery report needs them only where
    its report lacks them."""

    recipient: str
    diagnostic: str
    context: str
    block: list[str] = field(repr=False)
    own_line: int = 0

    @cached_property
    def status(self) -> str:
        return first_status(self.diagnostic) or first_status(self.context)

    @cached_property
    def replycode(self) -> str:
        return first_replycode(self.diagnostic) or first_replycode(self.context)

    @cached_property
    def stage(self) -> str:
        return find_stage(self.diagnostic) or find_stage(self.context)

    @cached_property
    def remote_host(self) -> str:
        return (find_remote_host(self.diagnostic or self.context)
                or find_remote_host("\n".join(self.block[self.own_line:self.own_line + 12])))


def find_addresses(text: str) -> list[str]:
    return [clean_address(m.group(0)) for m in ADDRESS.finditer(text)]


def clean_address(address: str) -> str:
    if address.startswith('"'):  # a quoted local part keeps its quotes
        return address
    return address.strip(".'\"`").removeprefix("mailto:")


def is_system_address(address: str) -> bool:
    local = address.split("@", 1)[0].lower()
    return local in _SYSTEM_LOCALPARTS


def scan(text: str, excluded: set[str]) -> list[TextFinding]:
    """One finding per recipient named in the text, in order; excluded are lower-case."""
    lines = text.split("\n")
    strong: list[tuple[int, str]] = []
    weak: list[tuple[int, str]] = []
    system: list[tuple[int, str]] = []
    sender_side: list[tuple[int, str]] = []
    seen: set[str] = set()
    named_again: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if "@" not in line or _is_header_echo(line):
            continue
        for match in ADDRESS.finditer(line, 0, MAX_LINE_CHARS):
            address = clean_address(match.group(0))
            key = address.lower()
            if _is_expansion_source(lines, index, match.start()):
                continue
            names = (_names_recipient(line, match.start()) and not _inside_wrapped_sentence(lines, index, match.end())
                     and not _for_help(lines, index, match))
            if key in seen:
                if names:
                    named_again.append((index, key))
                continue
            if is_system_address(address):  # a bounce's own sender, even where it is excluded
                seen.add(key)
                system.append((index, address))
                continue
            if key in excluded:
                if names:
                    sender_side.append((index, address))  # someone writing to themselves
                continue
            seen.add(key)
            (strong if names else weak).append((index, address))
    # Addresses in prose ("please contact <support@...>") count only when nothing names
    # a recipient the way bounces do.
    firsts = strong or sender_side[:1] or weak or system[:1]
    if len(firsts) == 1:  # a lone recipient: every line may be about it
        return [_finding(firsts[0][1], lines, firsts[0][0])]
    return [_finding(address, block, 0) for address, block in _blocks(lines, firsts, named_again)]


def _blocks(lines: list[str], firsts: list[tuple[int, str]],
            named_again: list[tuple[int, str]]) -> list[tuple[str, list[str]]]:
    """Each recipient's lines: from each line that names it to the next line that names a
    recipient. A report may name every recipient twice, once with the words for the
    reader and once with the server's answer (Exchange's "Diagnostic information for
    administrators"): both parts are the recipient's, and no other recipient's. A line that
    holds only an address, right above the next recipient's, shares that one's answer: Exim
    lists the addresses one failure was about above it, James lists all its failed
    recipients above its one error message."""
    keys = {address.lower(): address for _, address in firsts}
    starts = sorted(firsts + [(index, keys[key]) for index, key in named_again if key in keys])
    parts = []
    for number, (start, address) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        parts.append((address, lines[start:max(end, start + 1)]))
    for number in reversed(range(len(parts) - 1)):
        address, part = parts[number]
        following_address, following = parts[number + 1]
        if following_address != address and _only_the_address(part, address):
            parts[number] = (address, part + following[1:])
    blocks: dict[str, list[str]] = {address: [] for _, address in firsts}
    for address, part in parts:
        blocks[address] += part
    return list(blocks.items())


def _only_the_address(part: list[str], address: str) -> bool:
    first = part[0].replace(address, "", 1)
    return bool(_ONLY_MARKS.fullmatch(first)) and not any(line.strip() for line in part[1:])


_ONLY_MARKS = re.compile(r"[ \t<>\"'(*:|-]*")


def _names_recipient(line: str, position: int) -> bool:
    """The address starts its line (a list of failed recipients) or follows 'RCPT TO:'
    / 'recipient:' / 'to:' (a transcript or a labelled field). Inside a server's reply
    ('550-Verification failed for <a@example.jp>') only 'RCPT TO:' or 'recipient' name one:
    the reply talks about the address it was given, or about another (a sender it checked)."""
    before = line[:position]
    if _ONLY_MARKS.fullmatch(before):
        return True
    lead = _RECIPIENT_LEAD.search(before[-40:])
    if lead is None:
        return False
    return not _REPLY_AT_START.match(before) or lead.group(0).lower().startswith(("rcpt", "recipient"))


_SENTENCE_GOES_ON = re.compile(r" [A-Za-z]")


def _inside_wrapped_sentence(lines: list[str], index: int, end: int) -> bool:
    """An address that starts an indented line only because a long answer was wrapped there
    ("said: 554 Mail from\n    a@example.jp rejected for policy reasons."): the line before
    goes on into it, and words follow it. A list of recipients puts each on a line of its own,
    or after a blank line or a heading that ends with ':'."""
    line = lines[index]
    if not index or not line[:1].isspace():
        return False
    before = lines[index - 1].rstrip()
    return bool(before) and not before.endswith(":") and bool(_SENTENCE_GOES_ON.match(line, end))


def _for_help(lines: list[str], index: int, match: re.Match[str]) -> bool:
    """The address is where to write for help ("please forward this message to", "contact
    the list owner at", on its line or at the end of the line before it; "まで返信")."""
    if _HELP_AFTER.match(lines[index], match.end()):
        return True
    return bool(_HELP_LEAD.search(_words_before(lines, index, match.start()).rstrip(" \t<")[-80:]))


def _words_before(lines: list[str], index: int, position: int) -> str:
    """What stands before an address: on its line, or the line above where it starts its line."""
    before = lines[index][:position]
    return lines[index - 1] if not before.strip(" \t<") and index else before


# Postfix's bounce(8) names an alias's original address after the expanded one:
# "<final@example.jp> (expanded from <alias@example.jp>): ..." is one recipient.
_EXPANDED_FROM = re.compile(r"\(expanded from\s{0,4}<?$", re.I)


def _is_expansion_source(lines: list[str], index: int, position: int) -> bool:
    before = _words_before(lines, index, position)
    return bool(_EXPANDED_FROM.search(before[-40:].rstrip(" \t<") + "<"))


def _is_header_echo(line: str) -> bool:
    head = line.lstrip(" >").lower()
    return head.startswith(("from:", "reply-to:", "return-path:", "sender:", "message-id:",
                            "references:", "in-reply-to:", "reporting-mta:", "x-"))


def whole_text_finding(text: str) -> TextFinding:
    """The text as the finding about a recipient it does not name."""
    lines = text.split("\n")
    return _finding("", lines, 0)


def _finding(address: str, block: list[str], own_line: int) -> TextFinding:
    return TextFinding(recipient=address, diagnostic=answer_text(block, own_line, address),
                       context="\n".join(block), block=block, own_line=own_line)


def answer_text(block: list[str], own_line: int, address: str) -> str:
    """The server's answer: the first line carrying a reply/status code or an
    'X said:' lead-in, with its continuation lines; else the words after the address."""
    weak = timed_out = None
    for index in _lines_with_codes(block):
        if own_line < index and _CODE_TAG.match(block[index]):
            return _words_above_tag(block, own_line, index)
        strength = _answer_strength(block[index])
        if strength == 2 and timed_out is None and _only_says_time_ran_out(block[index]):
            timed_out = index  # Exchange's "'400 4.4.7 Message delayed'" above the last error itself
            continue
        if strength == 2:
            return _after_lead_in(_with_continuation(block, index))
        if strength == 1 and weak is None:
            weak = index
    for found in (timed_out, weak):
        if found is not None:
            return _after_lead_in(_with_continuation(block, found))
    announced = _announced_answer(block)
    if announced or not address:
        return announced  # without an address, no line is known to be about the recipient
    line = block[own_line] if own_line < len(block) else ""
    position = line.lower().find(address.lower())
    after = line[position + len(address):].lstrip(">:;,) \t") if position >= 0 else ""
    if len(after) > 3:  # words that end with ':' ("... was automatically rejected:") run on below
        return _with_continuation(block, own_line, first=after)
    following = _next_paragraph(block, own_line + 1)
    if following:
        return " ".join(following)[:500]
    if position <= 0 or _MESSAGE_FIELD.match(line) or _LABEL.fullmatch(line[:position]):
        return ""  # a field's name ('宛先:', 'To:') says nothing of the failure
    return line[:position].strip(" \t:;,<(")[:500]


def _next_paragraph(block: list[str], start: int, most: int = 3) -> list[str]:
    """The lines with words among the `most` from start, to a blank line after them: what a
    notice says of the recipient above it, not the paragraph after that, nor the fields of
    the returned message listed under it ('件名: ...')."""
    lines: list[str] = []
    for line in block[start:start + most]:
        if _MESSAGE_FIELD.match(line):
            break
        if line.strip():
            lines.append(line.strip())
        elif lines:
            break
    return lines


_LABEL = re.compile(r"[ \t>]{0,8}[^\s:：]{1,12}[ \t]{0,3}[:：][ \t<]{0,4}")
_MESSAGE_FIELD = re.compile(r"\s{0,8}(?:subject|date|sent|from|to|cc|件名|日時|送信日時|差出人|送信者)\s{0,3}[:：]", re.I)


def _only_says_time_ran_out(line: str) -> bool:
    """A reply coded X.4.7 (RFC 3463: delivery time expired) says that time ran out, not why."""
    return status_detail(first_status(line)) == "4.7"


# Exchange 2000/2003 reports end each recipient's explanation with a tag of the server and
# the status ('<mx.example.jp #5.7.1>'): the answer is the words above it.
_CODE_TAG = re.compile(r"^\s{0,16}[(<][a-z0-9.-]{1,255} #[45]\.\d{1,3}\.\d{1,3}[)>]\s{0,8}$", re.I)


def _words_above_tag(block: list[str], own_line: int, tag_line: int) -> str:
    words = [line.strip() for line in block[own_line + 1:tag_line + 1] if line.strip()]
    return " ".join(words)[:1000]


# A line that announces the remote server's answer on the lines below it (Gmail: "The
# response was:", older Gmail: "The error that the other server returned was:").
_ANNOUNCEMENT = re.compile(r"^\s{0,8}(?:the response was|the error that the other server returned was|"
                           r"the response from the remote server was|remote (?:host|server) said)\s{0,3}:\s{0,8}$", re.I)


def _announced_answer(block: list[str]) -> str:
    for index, line in enumerate(block):
        if _ANNOUNCEMENT.match(line):
            following = [text.strip() for text in block[index + 1:index + 8] if text.strip()]
            return " ".join(following[:4])[:1000]
    return ""


def _lines_with_codes(block: list[str]) -> list[int]:
    """Indexes of the lines holding something like a reply or status code (one regex pass
    over the block instead of several per line)."""
    text = "\n".join(block)
    indexes: list[int] = []
    line, counted_to, position = 0, 0, 0
    while True:
        match = _CODE_LIKE.search(text, position)
        if not match:
            return indexes
        line += text.count("\n", counted_to, match.start())
        indexes.append(line)
        end = text.find("\n", match.end())
        if end < 0:
            return indexes
        counted_to = position = end


def _after_lead_in(text: str) -> str:
    """Drop the bounce's own words before the remote server's answer ('... said:')."""
    match = _LEAD_IN.search(text)
    return without_field_name(text[match.end():].strip() if match and len(text) - match.end() > 8 else text)


# A delivery report's field pasted alone: 'Diagnostic-Code: smtp; 550 ...' (RFC 3464 section 2.3.6).
_DIAGNOSTIC_FIELD = re.compile(r"\s{0,8}diagnostic-code\s{0,3}:\s{0,3}[a-z0-9-]{1,20}\s{0,3};\s{0,3}", re.I)


def without_field_name(text: str) -> str:
    """The answer without the name and type of the report field it was pasted with."""
    match = _DIAGNOSTIC_FIELD.match(text)
    return text[match.end():] if match else text


def _answer_strength(line: str) -> int:
    """2: a server's answer (a reply code that starts the line, follows a lead-in such as
    'said:', or comes with a status code); 1: a status code alone; 0: nothing."""
    if _REPLY_AT_START.match(line) or _status_after_reply(line):
        return 2
    if REPLY_CODE.search(line) and _ANSWER_LEAD.search(line):
        return 2
    return 1 if STATUS_CODE.search(line) else 0


def _with_continuation(block: list[str], index: int, first: str | None = None) -> str:
    """The line and the indented lines that continue it; after a line that ends with ':'
    (an answer cut where it names the address), the lines down to a blank one, indented or
    not, as a mail app that re-wraps a paste leaves them."""
    pieces = [(first if first is not None else block[index]).strip()]
    announces = pieces[0].endswith(":")
    for line in block[index + 1: index + 8]:
        if not line.strip() or not (line[:1].isspace() or announces):
            break
        pieces.append(line.strip())
    return " ".join(pieces)[:1000]


def first_status(text: str) -> str:
    """The enhanced status code the server gave: the one right after a reply code
    ('550 5.1.1', '550-5.7.1', "550-'5.2.2", '(#5.1.0)') if any, else the first one."""
    return _status_after_reply(text) or _first_group(STATUS_CODE.search(text))


def _status_after_reply(text: str) -> str:
    if "#" not in text:  # only the form without "#" can match, and its own pattern is far faster
        return _first_group(_STATUS_RIGHT_AFTER_REPLY.search(text))
    match = _STATUS_AFTER_REPLY.search(text)
    return (match.group(1) or match.group(2)) if match else ""


def _first_group(match: re.Match[str] | None) -> str:
    return match.group(1) if match else ""


def first_replycode(text: str) -> str:
    return _first_group(REPLY_CODE.search(text))


def find_remote_host(text: str) -> str:
    match = _REMOTE_HOST.search(text)
    return match.group(1).lower() if match else ""
