"""Turn raw input into the pieces the detectors read: the human-readable text, the
delivery-status reports, the returned message's headers and the bounce's own headers."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.bounce import freetext, mime
from checker.bounce.dsn import DsnReport, parse_delivery_status

MAX_INPUT_BYTES = 1024 * 1024

_TAG = re.compile(r"<[^<>]{0,2000}>")
_BLOCK_TAG = re.compile(r"<\s{0,3}/?\s{0,3}(?:br|p|div|tr|li|h\d|table|hr)\b[^<>]{0,2000}>", re.I)
# A block ends at its end tag, and is given up at the next start tag of the same name: else
# a page full of unclosed "<style" is scanned 20000 characters far from every one of them.
_SCRIPT_STYLE = re.compile(r"<(style|script|head)\b(?:(?!<\1\b).){0,20000}?</\1\s{0,3}>", re.I | re.S)
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&nbsp;": " ", "&#39;": "'", "&apos;": "'"}
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|nbsp|#39|apos);")
_QUOTE_MARKS = re.compile(r"^(?:[ \t]{0,8}>)+ ?", re.M)

# Words that name the copy of the returned message inside a plain-text bounce.
_ORIGINAL_WORDS = (
    "original message", "copy of the message", "copy of your message", "copy of the original message",
    "returned message", "original headers", "headers of the original", "message headers",
    "unsent message", "undelivered message", "rfc822 headers", "below this line is a copy",
    "original mail", "元のメッセージ", "元メッセージ", "送信したメッセージ", "返送されたメッセージ", "元のメール",
)
# Those words count on a separator line ("----- Original message -----") or a lead-in line
# ending in ":", "follows" or "below"; not in running prose such as "The original message
# was received at ...".
_SEPARATOR_LINE = re.compile(r"^[ \t>|]{0,8}[-=*_]{2}")
# (?<!-): a run of dashes is tried once, from its start, not again from each of its dashes.
_LEAD_IN_LINE = re.compile(r"(?::|follows?\.?|below\.?|(?<!-)-{2,})[ \t]*$")
_HEADER_START = re.compile(
    r"^(?:Received|Return-Path|DKIM-Signature|Message-I[Dd]|MIME-Version|X-[A-Za-z0-9-]{1,40}|"
    r"From|To|Subject|Date|Content-Type):[ \t]", re.M)


# A bounce forwarded in the body of a mail: the mail programs' line above the forwarded
# message's header fields (Gmail "---------- Forwarded message ---------", Thunderbird
# "-------- Forwarded Message --------", Apple Mail "Begin forwarded message:", their
# Japanese "転送されたメッセージ", "転送メッセージ", and Outlook's line of underscores), then
# the fields, in English or Japanese.
_FORWARD_MARKER = re.compile(r"^[ \t]{0,8}(?:(?:-{2,}[ \t]{0,4})?(?:begin forwarded message|forwarded message|"
                             r"転送されたメッセージ|転送メッセージ)[ \t]{0,4}[:：]?[ \t]{0,4}(?:-{2,})?|_{10,})[ \t]*$", re.I | re.M)
_FORWARD_FIELD = re.compile(r"(?:from|to|cc|date|sent|subject|差出人|送信者|宛先|件名|日付|送信日時)[ \t]{0,4}[:：]", re.I)

_INLINE_DSN = re.compile(r"^(?:Final|Original)-Recipient:[ \t]{0,10}\S", re.I | re.M)
_INLINE_DSN_START = re.compile(r"^(?:Reporting-MTA|Original-Envelope-Id|Final-Recipient|Original-Recipient):", re.I | re.M)


@dataclass
class Document:
    """The readable pieces of one input."""

    headers: list[tuple[str, str]] = field(default_factory=list)
    human_text: str = ""
    dsn_reports: list[DsnReport] = field(default_factory=list)
    original_headers: list[tuple[str, str]] | None = None
    feedback_report: str = ""
    is_fragment: bool = False
    truncated: bool = False
    state: mime.ReadState = field(default_factory=mime.ReadState)

    def header(self, name: str) -> str:
        for key, value in self.headers:
            if key == name:
                return mime.decode_header_value(value)
        return ""


def read_document(data: bytes) -> Document:
    doc = Document()
    if len(data) > MAX_INPUT_BYTES:
        data = data[:MAX_INPUT_BYTES]
        doc.truncated = True
    raw = mime.normalize_newlines(data.decode("latin-1"))
    # A pasted delivery report ("Final-Recipient: ...") has field lines like headers.
    if mime.looks_like_message(raw) and not _INLINE_DSN_START.match(raw.lstrip("\n")):
        root = _bounce_root(mime.parse_message(raw.lstrip("\n"), doc.state), doc.state)
        doc.headers = root.headers
        _gather(root, doc)
    elif (pasted := mime.parse_pasted_parts(raw, doc.state)) is not None:
        doc.is_fragment = True
        _gather(pasted, doc)
    else:
        doc.is_fragment = True
        doc.human_text = _unquote(mime.guess_decode(data if not doc.truncated else raw.encode("latin-1")))
        doc.human_text = mime.normalize_newlines(doc.human_text)
    if not doc.dsn_reports:
        doc.human_text = _take_inline_dsn(doc)
    if not doc.feedback_report and not doc.dsn_reports:
        # A report pasted alone reads as a header block; one sent without its own part is text.
        doc.feedback_report = _inline_feedback_report(doc.human_text) or _inline_feedback_report(raw[:65536])
    doc.human_text = forwarded_text(doc.human_text)
    doc.human_text, inline_original = split_inline_original(doc.human_text)
    if doc.original_headers is None and inline_original:
        doc.original_headers = inline_original
    return doc


def _bounce_root(root: mime.Part, state: mime.ReadState) -> mime.Part:
    """A customer may forward the bounce as an attachment, and some servers wrap the whole
    report in one: then read the attached message instead."""
    for depth in range(1, mime.MAX_DEPTH):
        attached = [p for p in root.walk() if p.raw_body]
        if _is_bounce_part(root) and _has_own_text(root) or not attached:
            return root
        bounces = [p for p in attached if _is_bounce_part(p)]
        if not bounces and _has_own_text(root):
            return root
        root = mime.open_attached((bounces or attached)[0], state, depth)
    state.too_deep = True
    return root


def _has_own_text(part: mime.Part) -> bool:
    return any(leaf.text.strip() for leaf in _bounce_parts(part))


def _is_bounce_part(part: mime.Part) -> bool:
    if part.params.get("report-type", "").lower() in ("delivery-status", "feedback-report"):
        return True
    sender = mime.decode_header_value(part.header("from")).lower()
    return any(word in sender for word in ("mailer-daemon", "postmaster", "mail delivery"))


def _gather(root: mime.Part, doc: Document) -> None:
    texts: list[str] = []
    html: list[str] = []
    for part in _bounce_parts(root):
        ctype = part.content_type
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            doc.dsn_reports.append(parse_delivery_status(part.text))
        elif ctype == "message/feedback-report":
            doc.feedback_report = part.text
        elif ctype in ("message/rfc822", "message/global"):
            if doc.original_headers is None and part.children:
                doc.original_headers = part.children[0].headers
        elif ctype in ("text/rfc822-headers", "message/rfc822-headers"):
            if doc.original_headers is None:
                doc.original_headers, _ = mime.split_headers(part.text.lstrip("\n"))
        elif ctype == "text/html":
            html.append(part.text)
        elif ctype.startswith(("text/", "multipart/")) or ctype == "message/partial" or not part.headers:
            # An unsplittable multipart (no delimiter in the body) is read as plain text.
            texts.append(part.text)
    if not texts and html:
        texts = [html_to_text(t) for t in html]
    doc.human_text = "\n".join(texts)


def _bounce_parts(root: mime.Part) -> Iterator[mime.Part]:
    """Leaf parts of the bounce itself, without entering the returned message."""
    stack = [root]
    while stack:
        part = stack.pop()
        if part.children and part.content_type.startswith("multipart/"):
            stack.extend(reversed(part.children))
        else:
            yield part


def _take_inline_dsn(doc: Document) -> str:
    """Some servers (and every paste) put the delivery-status fields in the text itself."""
    text = doc.human_text
    match = _INLINE_DSN.search(text)
    if not match:
        return text
    start = _INLINE_DSN_START.search(text, max(0, match.start() - 2000), match.start() + 1)
    begin = start.start() if start else match.start()
    report = parse_delivery_status(text[begin:])
    if report.recipients:
        doc.dsn_reports.append(report)
        return text[:begin]
    return text


# RFC 5965 section 3.1: a feedback report always carries these three fields.
_FEEDBACK_FIELDS = tuple(re.compile(rf"^{name}:[ \t]{{0,10}}\S", re.I | re.M)
                         for name in ("Feedback-Type", "User-Agent", "Version"))
# Microsoft's Junk Mail Reporting Program returns the complained-of message with the
# complainer's address in this header (JMRP documentation for senders).
MICROSOFT_COMPLAINT_HEADER = "x-hmxmroriginalrecipient"


def _inline_feedback_report(text: str) -> str:
    """A complaint pasted as text, or sent without its message/feedback-report part."""
    if "feedback-type:" not in text.lower():  # far cheaper than a case-blind search of each line
        return ""
    first = _FEEDBACK_FIELDS[0].search(text)
    if not first:
        return ""
    found = [first, *(pattern.search(text) for pattern in _FEEDBACK_FIELDS[1:])]
    if not all(found):
        return ""
    return text[min(match.start() for match in found if match):]


def html_to_text(html: str) -> str:
    html = _SCRIPT_STYLE.sub(" ", html)
    html = _BLOCK_TAG.sub("\n", html)
    html = _TAG.sub("", html)
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], html)


def _unquote(text: str) -> str:
    """Remove e-mail quote marks ('> ') a mail app adds when a customer replies or forwards.
    Only when most lines carry them: a few '>>> DATA' lines are a session transcript."""
    if ">" not in text:
        return text
    text = mime.normalize_newlines(text)
    lines = [line for line in text.split("\n") if line.strip()]
    quoted = sum(1 for line in lines if line.lstrip().startswith(">"))
    return _QUOTE_MARKS.sub("", text) if quoted * 2 >= len(lines) else text


def forwarded_text(text: str) -> str:
    """The forwarded message's text where a customer forwarded the bounce inline (their note
    above it and its header fields cut), else the text. A marker below a server's answer or
    below the copy of a returned message is part of that copy: the mail sent was a forward."""
    marker = _FORWARD_MARKER.search(text)
    if marker is None:
        return text
    above = text[:marker.start()]
    if freetext.first_replycode(above) or freetext.first_status(above) or _original_marker(above) is not None:
        return text
    lines = text[marker.end():].lstrip("\n").split("\n")
    fields = _forwarded_field_lines(lines)
    return "\n".join(lines[fields:]).lstrip("\n") if fields >= 2 else text


def _forwarded_field_lines(lines: list[str]) -> int:
    """How many lines the forwarded header fields take (a folded value's lines count)."""
    count = 0
    for line in lines:
        folded = count > 0 and line[:1] in (" ", "\t") and bool(line.strip())
        if not (folded or _FORWARD_FIELD.match(line.lstrip())):
            break
        count += 1
    return count


def split_inline_original(text: str) -> tuple[str, list[tuple[str, str]] | None]:
    """Cut a plain-text bounce where the copy of the returned message begins."""
    cut = _original_marker(text)
    header = _HEADER_START.search(text, cut or 0)
    if header and _is_header_block(text, header.start()):
        original, _ = mime.split_headers(text[header.start():])
        if cut is None:
            cut = header.start()
        return text[:cut], original
    if cut is not None:
        return text[:cut], None
    return text, None


def _original_marker(text: str) -> int | None:
    """Where the line announcing the returned message starts, if there is one."""
    lowered = text.lower()
    found = None
    for words in _ORIGINAL_WORDS:
        position = lowered.find(words)
        while position >= 0 and (found is None or position < found):
            start = lowered.rfind("\n", 0, position) + 1
            end = lowered.find("\n", position)
            line = lowered[start:end if end >= 0 else len(lowered)]
            if len(line) < 160 and (_SEPARATOR_LINE.match(line) or _LEAD_IN_LINE.search(line)):
                found = start
                break
            position = lowered.find(words, position + 1)
    return found


def _is_header_block(text: str, start: int) -> bool:
    """At least three header lines in a row (continuation lines count)."""
    count = 0
    for line in text[start:start + 3000].split("\n", 8)[:8]:
        if not (line[:1] in (" ", "\t") or mime._HEADER_LINE.match(line)):
            break
        count += 1
    return count >= 3
