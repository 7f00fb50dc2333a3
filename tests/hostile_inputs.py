"""Damaged and hostile bounces, shared by the tests and benchmarks/bench_hostile.py.

Mutations turn a real bounce into the kind of damaged input customers produce (a cut paste,
a mail app that re-encoded it, a mailbox export) or someone crafts on purpose. Each takes the
message and a `random.Random`, so that one seed always gives the same input.
"""
from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus" / "bounces" / "bsd"

MIB = 1024 * 1024

# Our own seeds, so that the mutations have multipart, base64 and Japanese text to damage
# even where the shared corpus is absent.
SEED_MESSAGES = (
    b"From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\n"
    b"To: taro@example.com\n"
    b"Subject: Undelivered Mail Returned to Sender\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\n"
    b"\n"
    b"--B1\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n"
    + base64.encodebytes("宛先のメールアドレスが見つかりません。\n<hanako@example.jp>: 550 5.1.1 "
                         "User unknown (in reply to RCPT TO command)\n".encode()) +
    b"\n--B1\n"
    b"Content-Type: message/delivery-status\n"
    b"\n"
    b"Reporting-MTA: dns; mx.example.jp\n"
    b"\n"
    b"Final-Recipient: rfc822; hanako@example.jp\n"
    b"Action: failed\n"
    b"Status: 5.1.1\n"
    b"Diagnostic-Code: smtp; 550 5.1.1 <hanako@example.jp>: User unknown\n"
    b"\n--B1\n"
    b"Content-Type: message/rfc822\n"
    b"\n"
    b"From: taro@example.com\n"
    b"To: hanako@example.jp\n"
    b"Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=\n"
    b"\n"
    b"hello\n"
    b"--B1--\n",
    b"From: postmaster@mail.example.ne.jp\n"
    b"To: jiro@example.org\n"
    b"Subject: =?ISO-2022-JP?B?GyRCJUEhPCVrJE8kIiRqJF4kOSQzJHMkRxsoQg==?=\n"
    b"Content-Type: text/plain; charset=ISO-2022-JP\n"
    b"Content-Transfer-Encoding: 7bit\n"
    b"\n"
    + "次の宛先へのメールは配送できませんでした。\n<saburo@example.ne.jp>\n"
      "552 5.2.2 Mailbox full\n".encode("iso2022_jp"),
)

WRONG_CHARSETS = ("x-unknown", "utf-16", "utf-32-be", "iso-2022-jp", "shift_jis", "euc-jp",
                  "utf-7", "idna", "punycode", "undefined", "base64", "rot13", "unicode_escape",
                  "\"\"", "b" * 300, "utf-8\x00", "=?utf-8?q?x?=")


def corpus_messages() -> list[tuple[str, bytes]]:
    """(name, bytes) of every corpus message, or the seeds when the corpus is absent."""
    if CORPUS_DIR.is_dir():
        return [(path.name, path.read_bytes()) for path in sorted(CORPUS_DIR.glob("*.eml"))]
    return [(f"seed-{index}", data) for index, data in enumerate(SEED_MESSAGES)]


def truncated(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, max(2, len(data)))]


def bytes_flipped(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        damaged[rng.randrange(len(damaged))] ^= rng.randint(1, 255)
    return bytes(damaged)


def line_ends_mixed(data: bytes, rng: random.Random) -> bytes:
    ends = (b"\n", b"\r\n", b"\r", b"\n\r", b"\r\r\n")
    return b"".join(line + rng.choice(ends) for line in data.splitlines())


_CHARSET = re.compile(rb"(charset\s*=\s*)(\"[^\"\n]*\"|[^\s;]+)", re.I)
_ENCODED_WORD_CHARSET = re.compile(rb"=\?[^?\s]{1,40}\?")


def charsets_wrong(data: bytes, rng: random.Random) -> bytes:
    def wrong(_match: re.Match) -> bytes:
        return rng.choice(WRONG_CHARSETS).encode("latin-1")

    data = _CHARSET.sub(lambda m: m.group(1) + wrong(m), data)
    data = _ENCODED_WORD_CHARSET.sub(lambda m: b"=?" + wrong(m) + b"?", data)
    if rng.random() < 0.5:  # Japanese text re-encoded by a mail app, label left as it was
        text = data.decode("utf-8", errors="replace")
        data = text.encode(rng.choice(("cp932", "euc_jp", "utf-16")), errors="replace")
    return data


_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/]{16,}={0,2}$", re.M)
_TRANSFER_ENCODING = re.compile(rb"(Content-Transfer-Encoding:[ \t]*)\S+", re.I)


def base64_broken(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.5:  # every part claims base64, whatever it holds
        data = _TRANSFER_ENCODING.sub(rb"\1base64", data)

    def damage(match: re.Match) -> bytes:
        line = bytearray(match.group(0))
        position = rng.randrange(len(line) + 1)
        junk = rng.choice((b"!", b"=", b"==", b"===", b"\xff", b"-_", b" ", b"\x00", b""))
        return bytes(line[:position]) + junk + bytes(line[position + rng.randint(0, 3):])

    return _BASE64_LINE.sub(damage, data)


def nested_deep(data: bytes, rng: random.Random, depth: int = 100) -> bytes:
    """The message attached inside `depth` levels of forwarded messages or multiparts."""
    for level in range(depth):
        if rng.random() < 0.5:
            data = (b"From: fwd@example.com\nTo: x@example.jp\nSubject: Fwd\n"
                    b"Content-Type: message/rfc822\n\n" + data)
        else:
            boundary = f"L{level}".encode()
            data = (b"From: fwd@example.com\nTo: x@example.jp\nSubject: Fwd\n"
                    b"Content-Type: multipart/mixed; boundary=" + boundary + b"\n\n--" + boundary
                    + b"\nContent-Type: text/plain\n\nsee attached\n--" + boundary
                    + b"\nContent-Type: message/rfc822\n\n" + data + b"\n--" + boundary + b"--\n")
    return data


def nul_bytes(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 200)):
        position = rng.randrange(len(damaged) + 1)
        damaged[position:position] = b"\x00" * rng.choice((1, 1, 2, 64))
    return bytes(damaged)


def ten_mib(data: bytes, rng: random.Random) -> bytes:
    """10 MiB: the message's own lines repeated (a mailbox export) or filler in its middle."""
    if rng.random() < 0.5:
        return (data + b"\n") * (10 * MIB // (len(data) + 1) + 1)
    middle = len(data) // 2
    filler = rng.choice((b"x", b"a@", b"5.1.1 ", b"=?utf-8?B?", b" ", b"\n", "あ".encode()))
    return data[:middle] + filler * (10 * MIB // len(filler)) + data[middle:]


def long_lines(data: bytes, rng: random.Random) -> bytes:
    """A line of several MiB without a single line end, somewhere in the message."""
    piece = rng.choice((b"550 5.1.1 <user@example.jp> User unknown; ", b"--B1", b"a" * 50,
                        b"Final-Recipient: rfc822; ", b"\t", b"<" * 7, b"x.y.z@"))
    line = piece * (rng.randint(1, 4) * MIB // len(piece))
    lines = data.split(b"\n")
    lines.insert(rng.randrange(len(lines) + 1), line)
    return b"\n".join(lines)


def long_headers(data: bytes, rng: random.Random) -> bytes:
    """One header of a MiB, folded or not, or a hundred thousand short ones, at the top."""
    choice = rng.randrange(3)
    if choice == 0:
        header = b"Subject: " + b"=?utf-8?B?44GC?= " * (MIB // 17) + b"\n"
    elif choice == 1:
        header = b"Received: from x" + b"\n\tby relay.example.jp" * (MIB // 21) + b"\n"
    else:
        header = b"X-Filler: y\n" * 100_000
    return header + data


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": truncated,
    "bytes-flipped": bytes_flipped,
    "line-ends-mixed": line_ends_mixed,
    "charsets-wrong": charsets_wrong,
    "base64-broken": base64_broken,
    "nested-100": nested_deep,
    "nul-bytes": nul_bytes,
    "ten-mib": ten_mib,
    "long-lines": long_lines,
    "long-headers": long_headers,
}
# The mutations that make inputs of several MiB: fewer examples, same time bound.
HEAVY_MUTATIONS = ("ten-mib", "long-lines", "long-headers")
LIGHT_MUTATIONS = tuple(name for name in MUTATIONS if name not in HEAVY_MUTATIONS)


def mutated(name: str, data: bytes, seed: int) -> bytes:
    return MUTATIONS[name](data, random.Random(seed))
