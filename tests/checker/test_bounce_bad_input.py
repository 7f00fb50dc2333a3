"""Bad input never crashes or hangs: it gets a report (or UnreadableInput) in Japanese."""
from __future__ import annotations

import base64
import time

import pytest

from checker.bounce import analyze_bounce
from checker.bounce.present import notice_ja
from checker.errors import UnreadableInput

MIB = 1024 * 1024


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "", b"\x00\x01\x02\x03" * 1000, bytes(range(256)) * 64])
def test_nothing_to_read_raises_unreadable_with_japanese_message(data):
    with pytest.raises(UnreadableInput) as caught:
        analyze_bounce(data)
    assert any("\u3040" <= ch <= "\u30ff" for ch in caught.value.message_ja)


def test_ten_mib_paste_is_read_partly_and_says_so():
    line = b"<taro@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown\n"
    report = analyze_bounce(line * (10 * MIB // len(line) + 1))
    assert report.results[0].reason == "userunknown"
    assert any("1 MiB" in notice for notice in map(notice_ja, report.notices))


def test_broken_mime_still_finds_the_failure():
    data = (b'From: MAILER-DAEMON@example.jp\nContent-Type: multipart/report; boundary="never-used"\n\n'
            b"<taro@example.jp>: 550 5.1.1 User unknown\n")
    assert analyze_bounce(data).results[0].recipient == "taro@example.jp"


@pytest.mark.parametrize("charset", ["unicode_escape", "raw_unicode_escape", "punycode", "idna"])
def test_python_only_codec_names_are_unknown_charsets(charset):
    # Decoding with these would turn "\\(" into an escape or punycode into other letters.
    data = (f"From: MAILER-DAEMON@example.jp\nSubject: Undeliverable\n"
            f"Content-Type: text/plain; charset={charset}\n\n"
            "<taro@example.jp>: 550 5.1.1 \\(User unknown\n").encode()
    report = analyze_bounce(data)
    assert report.results[0].reason == "userunknown"
    assert "\\(User unknown" in report.results[0].diagnostic
    assert any(charset in notice for notice in map(notice_ja, report.notices))


def test_invalid_base64_is_survived_and_said():
    data = (b"From: MAILER-DAEMON@example.jp\nSubject: Undeliverable\nContent-Type: text/plain\n"
            b"Content-Transfer-Encoding: base64\n\n!!!not*base64@@@===\x80\x81 ab=c\n")
    report = analyze_bounce(data)
    assert any("base64" in notice for notice in map(notice_ja, report.notices))


def test_valid_base64_gets_no_notice():
    body = base64.encodebytes(b"550 5.1.1 <taro@example.jp>: User unknown\n")
    data = (b"From: MAILER-DAEMON@example.jp\nSubject: Undeliverable\nContent-Type: text/plain\n"
            b"Content-Transfer-Encoding: base64\n\n" + body)
    report = analyze_bounce(data)
    assert report.results[0].reason == "userunknown"
    assert not any("base64" in notice for notice in map(notice_ja, report.notices))


def test_hundred_deep_nested_messages():
    data = b"Subject: innermost\n\n550 5.1.1 <taro@example.jp> User unknown\n"
    for depth in range(100):
        data = (b"From: MAILER-DAEMON@example.jp\nSubject: level %d\nContent-Type: message/rfc822\n\n" % depth) + data
    report = analyze_bounce(data)
    assert report.kind in {"bounce", "not-bounce"}
    assert any("入れ子" in notice for notice in map(notice_ja, report.notices))


def test_deeply_nested_multiparts():
    data = b"550 5.1.1 <taro@example.jp> User unknown\n"
    for depth in range(100):
        data = b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (depth, depth) + data + b"\n--b%d--\n" % depth
    report = analyze_bounce(b"From: MAILER-DAEMON@example.jp\n" + data)
    assert any("入れ子" in notice for notice in map(notice_ja, report.notices))


def test_ordinary_mail_is_not_a_bounce():
    report = analyze_bounce(b"From: friend@example.jp\nTo: taro@example.jp\nSubject: lunch\n\nShall we meet at noon?\n")
    assert report.kind == "not-bounce" and report.results == ()
    assert report.notices


@pytest.mark.parametrize("data", [
    b"a" * MIB,
    (b"a@" + b"a." * 64) * (MIB // 130),
    b"5.5.5 550 " * (MIB // 10),
    b"<=?" * (MIB // 3),
    b"X-A: b\n" * (MIB // 7),
    b"> " * (MIB // 2),
    b"--b\nContent-Type: text/plain\n\n" * (MIB // 31),
    b"=?utf-8?b?" + b"A" * MIB,
    b"Content-Type: text/plain; charset=\"" + b"\\\"" * (MIB // 2),
])
def test_adversarial_one_mib_inputs_finish_quickly(data):
    # Regex guard: a catastrophic backtracking pattern would take minutes on these inputs.
    # The bound is generous (the benchmark prints the real figures) so a busy machine passes.
    start = time.perf_counter()
    try:
        analyze_bounce(data)
    except UnreadableInput:
        pass
    assert time.perf_counter() - start < 10
