"""Many bounces at once: an mbox file, a Maildir folder, or a folder of .eml files.

Messages are read one at a time (a stream): memory does not grow with their number.
An mbox is split at "From " separator lines as RFC 4155 describes them ("From", a sender,
and the date in asctime form), so a body line that merely starts with "From " does not
split a message; ">From " lines stay as they are (mboxo / mboxrd quoting).
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# RFC 4155 section 2: "From " sender, white space, then an asctime date ("Mon Jan  1 00:00:00
# 2024"), sometimes with a time zone after the year or before it.
_SEPARATOR = re.compile(
    rb"From \S{1,500}[ \t]{1,20}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \t]{1,5})?"
    rb"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]{1,5}\d{1,2}[ \t]{1,5}"
    rb"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]{1,5}[A-Z]{2,5}|[ \t]{1,5}[+-]\d{4})?[ \t]{1,5}\d{4}\b")
# A mailbox larger than this is read in part (the messages before the limit), with a notice.
MAX_MAILBOX_BYTES = 100 * 1024 * 1024
# A single message longer than this is cut there (the engine reads 1 MiB of it anyway).
MAX_MESSAGE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Message:
    """One message of a mailbox or folder: where it came from and its bytes."""

    source: str
    number: int       # 1-based, in the order of the mailbox or of the sorted file names
    data: bytes


@dataclass
class Reading:
    """What reading a mailbox found out besides its messages."""

    truncated: bool = False  # it was larger than MAX_MAILBOX_BYTES: the rest was not read


def is_mbox(path: Path) -> bool:
    """An mbox starts with a separator line."""
    try:
        with path.open("rb") as handle:
            return starts_mbox(handle.readline(1100))
    except OSError:
        return False


def starts_mbox(data: bytes) -> bool:
    """Whether these bytes (a whole file or its first line) open with an mbox separator."""
    return bool(_SEPARATOR.match(data[:1100]))


def is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def messages(path: Path, reading: Reading) -> Iterator[Message]:
    """The messages of an mbox file, a Maildir folder or a folder of .eml files."""
    if path.is_dir():
        files = (sorted((path / "cur").iterdir()) + sorted((path / "new").iterdir()) if is_maildir(path)
                 else sorted(path.rglob("*.eml")))
        yield from _files(path, [file for file in files if file.is_file()], reading)
        return
    with path.open("rb") as handle:
        yield from mbox_messages(handle, str(path), reading)


def _files(folder: Path, files: list[Path], reading: Reading) -> Iterator[Message]:
    total = 0
    for number, file in enumerate(files, 1):
        with file.open("rb") as handle:
            data = handle.read(MAX_MESSAGE_BYTES)
        total += len(data)
        if total > MAX_MAILBOX_BYTES:
            reading.truncated = True
            return
        yield Message(source=str(file.relative_to(folder)), number=number, data=data)


def mbox_bytes_messages(data: bytes, source: str, reading: Reading) -> Iterator[Message]:
    """Split an mbox held in memory (a file opened in the browser) as mbox_messages does."""
    return mbox_messages(io.BytesIO(data), source, reading)


def mbox_messages(handle: BinaryIO, source: str, reading: Reading) -> Iterator[Message]:
    """Split an mbox stream; CRLF or LF line ends; a cut-off last message is still one.
    It is read a large piece at a time and only the places where a line starts with "From "
    are looked at, so a file without line ends stays cheap too."""
    number, size = 0, 0
    pieces: list[bytes] = []
    for text, begins_line in _whole_lines(handle, reading):
        done = 0
        for start, end in _separators(text, begins_line):
            if number:
                pieces.append(text[done:start][:max(0, MAX_MESSAGE_BYTES - size)])
                yield Message(source=source, number=number, data=b"".join(pieces))
            number, size, pieces, done = number + 1, 0, [], end
        if number and size < MAX_MESSAGE_BYTES:
            rest = text[done:done + MAX_MESSAGE_BYTES - size]
            pieces.append(rest)
            size += len(rest)
    if number:
        yield Message(source=source, number=number, data=b"".join(pieces))


_READ_BYTES = 1024 * 1024


def _whole_lines(handle: BinaryIO, reading: Reading) -> Iterator[tuple[bytes, bool]]:
    """The stream in large pieces that each end at a line end (the last one where the
    stream ends), and whether each begins a line (a line longer than a piece is cut);
    a stream over MAX_MAILBOX_BYTES ends at the last line end before it."""
    carried, read, begins_line = b"", 0, True
    while True:
        chunk = handle.read(_READ_BYTES)
        read += len(chunk)
        if read > MAX_MAILBOX_BYTES:
            reading.truncated = True
            kept = carried + chunk[:len(chunk) - (read - MAX_MAILBOX_BYTES)]
            yield kept[:kept.rfind(b"\n") + 1], begins_line
            return
        if not chunk:
            if carried:
                yield carried, begins_line
            return
        text = carried + chunk
        cut = text.rfind(b"\n") + 1
        # A piece without any line end waits for more, unless it is long (a line without end).
        if cut == 0 and len(text) < _READ_BYTES:
            carried = text
            continue
        cut = cut or len(text)
        carried = text[cut:]
        yield text[:cut], begins_line
        begins_line = text[cut - 1:cut] == b"\n"


def _separators(text: bytes, begins_line: bool) -> Iterator[tuple[int, int]]:
    """Where each separator line of these lines starts and where the next line starts."""
    at = 0 if begins_line and text.startswith(b"From ") else _next_from_line(text, 0)
    while at >= 0:
        if _SEPARATOR.match(text, at):
            end = text.find(b"\n", at)
            end = len(text) if end < 0 else end + 1
            yield at, end
        at = _next_from_line(text, at + 1)


def _next_from_line(text: bytes, start: int) -> int:
    found = text.find(b"\nFrom ", start)
    return found + 1 if found >= 0 else -1
