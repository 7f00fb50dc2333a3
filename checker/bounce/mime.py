"""A small, forgiving MIME reader.

The stdlib `email` package is thorough but slow and strict in ways that do not help here:
bounces are often broken, and customers paste pieces of them. This reader only does what
the bounce engine needs — headers, multipart splitting, transfer and charset decoding —
and never raises on malformed input.

The raw input is held as a latin-1 string so that every byte survives the structure pass;
each part's body is turned back into bytes and decoded with its own charset at the end.
"""
from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

MAX_DEPTH = 12  # nested attachments deeper than this are not opened (a notice says so)
MAX_PARTS = 200

# Field names as servers really write them (RFC 5322 allows more, but "<a@b>: text" is a
# bounce line, not a header).
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,75}:")
# A header field: its name, and its value with the lines up to the next field; of those,
# the lines that start with white space continue the value, others are damage and skipped.
_HEADER_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9_.-]{0,75}):(.*(?:\n(?![A-Za-z][A-Za-z0-9_.-]{0,75}:).*)*)", re.M)
_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]{0,1000})\?=")
_ENCODED_GAP = re.compile(r"(\?=)[ \t\n]{1,20}(=\?)")
_PARAM = re.compile(r';\s{0,20}([!#-\'*+.0-9A-Z^-~\-]{1,60})\s{0,5}=\s{0,5}("(?:[^"\\]|\\.){0,1000}"|[^;\s]{0,1000})', re.I)
_ESC_JIS = "\x1b$B"

# Labels we decode with a wider codec than the name suggests: real Japanese mail uses
# vendor extensions (NEC and IBM characters) that the strict codecs reject.
_CHARSET_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932",
    "iso-2022-jp": "iso2022_jp_ext", "iso-2022-jp-1": "iso2022_jp_ext", "csiso2022jp": "iso2022_jp_ext",
    "euc-jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "ujis": "euc_jis_2004",
    "us-ascii": "ascii", "ascii": "ascii", "ansi_x3.4-1968": "ascii", "iso-8859-1": "latin-1",
    "unknown-8bit": "", "x-unknown": "", "8bit": "", "default": "",
}


@dataclass
class Part:
    """One MIME entity: its headers (lower-case names), type, decoded text and sub-parts."""

    headers: list[tuple[str, str]]
    content_type: str
    params: dict[str, str]
    text: str = ""
    children: list[Part] = field(default_factory=list)
    raw_body: str = ""  # an attached message's body, parsed only when asked (open_attached)

    def header(self, name: str) -> str:
        return _first(self.headers, name)

    def walk(self) -> Iterator[Part]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ReadState:
    """What went wrong while reading, so the report can say it in Japanese."""

    too_deep: bool = False
    unknown_charsets: set[str] = field(default_factory=set)
    bad_base64: bool = False
    parts: int = 0


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def looks_like_message(text: str) -> bool:
    """True when the text starts with a header block (a complete message, not a paste)."""
    lines = text.lstrip("\n").split("\n", 12)
    if lines and lines[0].startswith("From "):
        lines = lines[1:]
    count = 0
    for line in lines[:10]:
        if not line:
            break
        if line[0] in " \t":
            continue
        if not _HEADER_LINE.match(line):
            return False
        count += 1
    return count >= 2


def split_headers(text: str) -> tuple[list[tuple[str, str]], str]:
    """Split 'headers, blank line, body'; unfold the headers; keep the body as it is."""
    if text.startswith("From "):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    head, sep, body = text.partition("\n\n")
    if not sep and not _HEADER_LINE.match(text):
        return [], text
    return [(name.lower(), _unfold(value) if "\n" in value else value.strip())
            for name, value in _HEADER_FIELD.findall(head)], body


def _unfold(value: str) -> str:
    """A folded field's value on one line (RFC 5322 section 2.2.3)."""
    first, *others = value.split("\n")
    return " ".join([first.strip(), *(line.strip() for line in others if line[:1] in (" ", "\t"))])


def parse_content_type(value: str) -> tuple[str, dict[str, str]]:
    main = value.split(";", 1)[0].strip().lower() or "text/plain"
    params: dict[str, str] = {}
    for name, raw in _PARAM.findall(value):
        if raw.startswith('"'):
            raw = raw[1:-1].replace('\\"', '"')
        params.setdefault(name.lower(), raw)
    return main, params


def parse_message(text: str, state: ReadState, depth: int = 0) -> Part:
    """Parse a whole message (headers + body) held as a latin-1 string with LF newlines."""
    headers, body = split_headers(text)
    return _parse_entity(headers, body, state, depth)


def _parse_entity(headers: list[tuple[str, str]], body: str, state: ReadState, depth: int) -> Part:
    state.parts += 1
    ctype, params = parse_content_type(_first(headers, "content-type"))
    part = Part(headers=headers, content_type=ctype, params=params)
    if depth >= MAX_DEPTH or state.parts > MAX_PARTS:
        state.too_deep = True
        part.text = decode_body(part, body, state)
        return part
    if ctype.startswith("multipart/"):
        boundary = params.get("boundary", "")
        if not boundary or "--" + boundary not in body:
            boundary = _guess_boundary(body)  # broken MIME: use the delimiter the body uses
        sections = _split_multipart(body, boundary) if boundary else None
        if sections is not None:
            for index, section in enumerate(sections):
                if state.parts >= MAX_PARTS:
                    part.children.append(_as_one_text("\n".join(sections[index:]), state))
                    break
                child_headers, child_body = _split_part_headers(section)
                part.children.append(_parse_entity(child_headers, child_body, state, depth + 1))
            return part
    if ctype in ("message/rfc822", "message/global"):
        # The returned message: its headers are read now, its body only if someone asks.
        inner = decode_transfer(part, body, state).decode("latin-1")
        inner_headers, inner_body = split_headers(inner.lstrip("\n"))
        inner_type, inner_params = parse_content_type(_first(inner_headers, "content-type"))
        part.children.append(Part(inner_headers, inner_type, inner_params, raw_body=inner_body))
        return part
    if _is_textual(ctype):
        part.text = decode_body(part, body, state)
    return part


def parse_pasted_parts(text: str, state: ReadState) -> Part | None:
    """A paste of raw source taken from inside a message: MIME parts (a delimiter line, then
    the part's own header fields), with text above or below them, and perhaps more parts of
    an enclosing multipart after the closing delimiter. Read as a multipart of all that, so
    that each part is decoded (quoted-printable, base64, its charset) as a mail program
    would; None when the paste holds no parts."""
    if not _guess_boundary(text):
        return None
    root = Part(headers=[], content_type="multipart/mixed", params={})
    rest = text
    while rest.strip():
        if state.parts >= MAX_PARTS:
            root.children.append(_as_one_text(rest, state))
            break
        boundary = _guess_boundary(rest)
        if not boundary:
            root.children.append(_parse_entity([], rest, state, 1))
            break
        delimiter = "--" + boundary
        first = _first_delimiter_line(rest, delimiter)
        if rest[:first].strip():
            root.children.append(_parse_entity([], rest[:first], state, 1))
        end = _after_closing_delimiter(rest, delimiter, first)
        multipart = [("content-type", f'multipart/mixed; boundary="{boundary}"')]
        root.children.append(_parse_entity(multipart, rest[first:end], state, 1))
        rest = rest[end:]
    return root


def _as_one_text(text: str, state: ReadState) -> Part:
    """Past MAX_PARTS the rest is read as one text, not part by part: no text is lost, and
    a flood of tiny parts costs no more than the same bytes of text. The reader notes that
    the message was not read part by part."""
    state.too_deep = True
    return Part([], "text/plain", {}, text=decode_bytes(text.encode("latin-1", errors="replace"), "", state))


def _after_closing_delimiter(text: str, delimiter: str, start: int) -> int:
    """Where the line after the closing delimiter ('--boundary--') begins, or the end."""
    found = text.find("\n" + delimiter + "--", start)
    if found < 0:
        return len(text)
    line_end = text.find("\n", found + 1)
    return len(text) if line_end < 0 else line_end + 1


def open_attached(message: Part, state: ReadState, depth: int) -> Part:
    """Parse the body of an attached message whose headers were read earlier."""
    return _parse_entity(message.headers, message.raw_body, state, depth)


def _first(headers: list[tuple[str, str]], name: str) -> str:
    for key, value in headers:  # a plain loop: next() over a generator costs three times as much
        if key == name:
            return value
    return ""


def _is_textual(ctype: str) -> bool:
    # Images, archives and other attachments hold nothing a bounce reader needs.
    return ctype.startswith(("text/", "message/", "multipart/")) or "/" not in ctype


def _split_part_headers(section: str) -> tuple[list[tuple[str, str]], str]:
    if section.startswith("\n"):
        # No headers at all: the part is text/plain by default (RFC 2046).
        return [], section[1:]
    return split_headers(section)


_DELIMITER_GUESS = re.compile(r"^--([^\s]{1,70})\n(?=content-)", re.I | re.M)


def _guess_boundary(body: str) -> str:
    match = _DELIMITER_GUESS.search(body)
    return match.group(1) if match else ""


def _split_multipart(body: str, boundary: str) -> list[str] | None:
    """The parts' texts between delimiter lines (RFC 2046 section 5.1.1); the preamble and
    the epilogue are left out. Only the delimiters are searched for, not every line."""
    delimiter = "--" + boundary
    if delimiter not in body:
        return None
    sections: list[str] = []
    begun: int | None = None  # where the text of the part being read starts
    at = _first_delimiter_line(body, delimiter)
    while at >= 0:
        line_end = body.find("\n", at)
        if line_end < 0:
            line_end = len(body)
        rest = body[at + len(delimiter):line_end].rstrip()
        if rest in ("", "--"):  # a longer line that merely starts like one is text
            if begun is not None:
                sections.append(body[begun:max(begun, at - 1)])
            if rest == "--":
                return sections
            begun = line_end + 1
        at = _delimiter_line(body, delimiter, line_end)
    if begun is not None:
        sections.append(body[begun:])
    return sections


def _first_delimiter_line(body: str, delimiter: str) -> int:
    """Where the first line that starts with the delimiter begins, or -1."""
    return 0 if body.startswith(delimiter) else _delimiter_line(body, delimiter, 0)


def _delimiter_line(body: str, delimiter: str, start: int) -> int:
    """Where the next line that starts with the delimiter begins, or -1."""
    found = body.find("\n" + delimiter, start)
    return found + 1 if found >= 0 else -1


def decode_transfer(part: Part, body: str, state: ReadState) -> bytes:
    encoding = part.header("content-transfer-encoding").strip().lower()
    raw = body.encode("latin-1", errors="replace")
    if encoding == "base64":
        return _decode_base64(raw, state)
    if encoding == "quoted-printable":
        return quopri.decodestring(raw)
    return raw


_BASE64_DAMAGE = re.compile(rb"[^A-Za-z0-9+/=\s]|=[^=\s]")


def _decode_base64(raw: bytes, state: ReadState) -> bytes:
    """Decode what can be decoded; characters outside the alphabet (RFC 2045 section 6.8),
    padding in the middle or a cut-off last group mean part of the text is lost: say so."""
    cleaned = re.sub(rb"[^A-Za-z0-9+/]+", b"", raw.split(b"=", 1)[0])
    if _BASE64_DAMAGE.search(raw.rstrip()) or len(cleaned) % 4 == 1:
        state.bad_base64 = True
    cleaned = cleaned[: len(cleaned) - len(cleaned) % 4]
    return base64.b64decode(cleaned)


def decode_body(part: Part, body: str, state: ReadState) -> str:
    data = decode_transfer(part, body, state)
    return decode_bytes(data, part.params.get("charset", ""), state)


# Python codecs that no mail charset names: a message that claims one gets a guess instead.
_PYTHON_ONLY_CODECS = frozenset({"idna", "punycode", "undefined", "unicode-escape",
                                 "raw-unicode-escape", "mbcs", "oem"})


def decode_bytes(data: bytes, charset: str, state: ReadState | None = None) -> str:
    """Decode with the declared charset, falling back to a guess; never raises."""
    label = charset.strip().strip('"').lower()
    codec = _CHARSET_ALIASES.get(label, label)
    if codec in ("ascii", "latin-1", "") and not data.isascii():
        codec = ""  # mislabelled 8-bit text: guess instead
    if codec:
        try:
            if codecs.lookup(codec).name in _PYTHON_ONLY_CODECS:
                raise LookupError(codec)
            return normalize_newlines(data.decode(codec, errors="replace"))
        # "undefined" raises UnicodeError whatever the error handler.
        except (LookupError, UnicodeError):
            if state is not None:
                state.unknown_charsets.add(label)
    return normalize_newlines(guess_decode(data))



def guess_decode(data: bytes) -> str:
    """Decode bytes of unknown charset: ISO-2022-JP, UTF-8, Shift_JIS or EUC-JP, in that order."""
    if data.isascii():
        if b"\x1b$" in data:
            return data.decode("iso2022_jp_ext", errors="replace")
        return data.decode("ascii")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best, best_bad = "", None
    for codec in ("cp932", "euc_jis_2004"):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if best_bad is None or bad < best_bad:
            best, best_bad = text, bad
    if best_bad and best_bad * 20 > len(data):
        return data.decode("utf-8", errors="replace")
    return best


def decode_header_value(value: str) -> str:
    """Decode raw 8-bit / ISO-2022-JP text and RFC 2047 encoded words in a header value."""
    if not value.isascii() or _ESC_JIS in value:
        value = guess_decode(value.encode("latin-1", errors="replace"))
    if "=?" in value:
        value = _ENCODED_GAP.sub(r"\1\2", value)
        value = _ENCODED_WORD.sub(_decode_word, value)
    return value


def _decode_word(match: re.Match[str]) -> str:
    charset, kind, payload = match.group(1), match.group(2).lower(), match.group(3)
    try:
        if kind == "b":
            payload += "=" * (-len(payload) % 4)
            data = base64.b64decode(payload)
        else:
            data = quopri.decodestring(payload.replace("_", " ").encode("latin-1", errors="replace"), header=True)
    except (binascii.Error, ValueError):
        return match.group(0)
    return decode_bytes(data, charset.split("*", 1)[0])
