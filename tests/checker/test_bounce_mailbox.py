"""Reading many messages (mbox, Maildir, a folder of .eml files) and the returned
original's facts (checker/bounce/mailbox.py, original.py)."""
from __future__ import annotations

import email
import email.policy
import email.utils
import io

import pytest

from bounce_corpus import corpus_available, labelled_cases, message_bytes
from checker.bounce import mailbox
from checker.bounce.document import read_document
from checker.bounce.original import original_facts

SEPARATOR = b"From MAILER-DAEMON Mon Jan  1 10:00:00 2024\n"


def _bounce(number: int) -> bytes:
    return (b"From: MAILER-DAEMON@mx.example.jp\nSubject: Undelivered Mail Returned to Sender\n\n"
            b"<u%d@example.jp>: 550 5.1.1 User unknown\n" % number)


def _read(data: bytes) -> tuple[list[mailbox.Message], mailbox.Reading]:
    reading = mailbox.Reading()
    return list(mailbox.mbox_messages(io.BytesIO(data), "box", reading)), reading


def test_mbox_messages_in_order():
    found, reading = _read(b"".join(SEPARATOR + _bounce(n) for n in (1, 2, 3)))
    assert [m.number for m in found] == [1, 2, 3] and not reading.truncated
    assert b"u2@example.jp" in found[1].data and b"u3@example.jp" not in found[1].data


def test_a_from_line_in_a_body_is_no_separator():
    body = _bounce(1) + b"From here on, nothing was delivered.\n>From the quoted text\n"
    found, _ = _read(SEPARATOR + body + SEPARATOR + _bounce(2))
    assert len(found) == 2 and b"From here on" in found[0].data and b">From the quoted" in found[0].data


def test_crlf_mailbox():
    data = b"".join(SEPARATOR + _bounce(n) for n in (1, 2)).replace(b"\n", b"\r\n")
    found, _ = _read(data)
    assert len(found) == 2 and found[0].data.startswith(b"From: MAILER-DAEMON")


@pytest.mark.parametrize("data", [b"", b"\n\n"])
def test_empty_mailbox(data):
    assert _read(data)[0] == []


def test_truncated_last_message_is_still_read():
    found, _ = _read(SEPARATOR + _bounce(1) + SEPARATOR + _bounce(2)[:60])
    assert len(found) == 2 and found[1].data.startswith(b"From: MAILER-DAEMON")


def test_a_mailbox_over_the_limit_is_read_in_part(monkeypatch):
    monkeypatch.setattr(mailbox, "MAX_MAILBOX_BYTES", 400)
    found, reading = _read(b"".join(SEPARATOR + _bounce(n) for n in range(1, 20)))
    assert reading.truncated and 0 < len(found) < 19


def test_a_line_without_end_stays_bounded():
    found, _ = _read(SEPARATOR + b"x" * (3 * 65536))
    assert len(found) == 1 and len(found[0].data) == 3 * 65536


# ---- an mbox held in memory (a file opened in the browser): the same splitter ----

def _split(data: bytes) -> list[mailbox.Message]:
    return list(mailbox.mbox_bytes_messages(data, "box", mailbox.Reading()))


def test_bytes_are_split_as_a_file_is():
    data = SEPARATOR + _bounce(1) + b"From here on, nothing was delivered.\n" + SEPARATOR + _bounce(2)
    assert _split(data) == _read(data)[0]
    assert [m.number for m in _split(data)] == [1, 2] and b"From here on" in _split(data)[0].data


def test_bytes_with_crlf_and_a_cut_off_last_message():
    data = (SEPARATOR + _bounce(1) + SEPARATOR + _bounce(2)[:50]).replace(b"\n", b"\r\n")
    found = _split(data)
    assert len(found) == 2 and found[0].data == _bounce(1).replace(b"\n", b"\r\n")
    assert found[1].data == _bounce(2)[:50].replace(b"\n", b"\r\n")


def test_starts_mbox():
    assert mailbox.starts_mbox(SEPARATOR + _bounce(1))
    assert not mailbox.starts_mbox(_bounce(1)) and not mailbox.starts_mbox(b"From here on\n")


def test_is_mbox_and_is_maildir(tmp_path):
    (tmp_path / "box").write_bytes(SEPARATOR + _bounce(1))
    (tmp_path / "one.eml").write_bytes(_bounce(1))
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "md" / sub).mkdir(parents=True)
    assert mailbox.is_mbox(tmp_path / "box") and not mailbox.is_mbox(tmp_path / "one.eml")
    assert mailbox.is_maildir(tmp_path / "md") and not mailbox.is_maildir(tmp_path)


def test_maildir_and_eml_folder(tmp_path):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "md" / sub).mkdir(parents=True)
    (tmp_path / "md" / "cur" / "1.host:2,S").write_bytes(_bounce(1))
    (tmp_path / "md" / "new" / "2.host").write_bytes(_bounce(2))
    (tmp_path / "emls" / "sub").mkdir(parents=True)
    (tmp_path / "emls" / "a.eml").write_bytes(_bounce(3))
    (tmp_path / "emls" / "sub" / "b.eml").write_bytes(_bounce(4))
    (tmp_path / "emls" / "notes.txt").write_bytes(b"not a message")
    reading = mailbox.Reading()
    assert [m.source for m in mailbox.messages(tmp_path / "md", reading)] == ["cur/1.host:2,S", "new/2.host"]
    assert [m.source for m in mailbox.messages(tmp_path / "emls", reading)] == ["a.eml", "sub/b.eml"]


# ---- the returned original's facts, checked against the headers as the stdlib reads them ----

def _original_of(data: bytes):
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            return inner[0] if isinstance(inner, list) else inner
        if part.get_content_type() in ("text/rfc822-headers", "message/rfc822-headers"):
            return email.message_from_bytes(part.get_payload(decode=True) or b"", policy=email.policy.compat32)
    return None


def _cases_with_originals():
    if not corpus_available():
        return []
    found = []
    for case in labelled_cases():
        original = _original_of(message_bytes(case))
        if original is not None and original.get("From") and original.get("Date"):
            found.append(case)
    return found[:60]


@pytest.mark.parametrize("case", _cases_with_originals(), ids=lambda case: case["file"])
def test_original_facts_agree_with_the_headers(case):
    data = message_bytes(case)
    doc = read_document(data)
    facts = original_facts(doc.original_headers or [], doc.header("date"))
    original = _original_of(data)
    assert facts is not None
    address = email.utils.parseaddr(str(original.get("From")))[1]
    if "@" in address:
        assert facts.from_domain == address.rsplit("@", 1)[1].lower().rstrip(">")
    signatures = original.get_all("DKIM-Signature") or []
    assert len(facts.dkim_domains) <= len(signatures)
    for domain in facts.dkim_domains:
        assert any(f"d={domain}" in "".join(str(s).split()).lower() for s in signatures)
    received = original.get_all("Received") or []
    if facts.first_server:
        assert received and facts.first_server in " ".join(str(received[-1]).split()).lower()
    bounce = email.message_from_bytes(data, policy=email.policy.compat32)
    sent, bounced = (email.utils.parsedate_to_datetime(str(v)) if v else None
                     for v in (original.get("Date"), bounce.get("Date")))
    if facts.delay_hours is not None:
        assert abs((bounced - sent).total_seconds() / 3600 - facts.delay_hours) < 0.1


def test_original_facts_of_a_written_original():
    # Each server adds its Received field on top: the last one is the first hop.
    headers = [("received", "from smtp.example.net by mx.example.org with ESMTP"),
               ("received", "from [192.0.2.10] (client.example.jp) by smtp.example.net (Postfix) with ESMTPSA"),
               ("dkim-signature", "v=1; a=rsa-sha256; d=example.net; s=s1; b=abc"),
               ("authentication-results", "mx.example.org; spf=pass smtp.mailfrom=example.net; dkim=fail; dmarc=fail"),
               ("from", "Taro <taro@Example.NET>"), ("date", "Mon, 01 Jan 2024 10:00:00 +0900")]
    facts = original_facts(headers, "Tue, 02 Jan 2024 10:30:00 +0900")
    assert facts is not None
    assert (facts.first_server, facts.from_domain, facts.dkim_domains) == ("smtp.example.net", "example.net", ("example.net",))
    assert facts.authentication == (("spf", "pass"), ("dkim", "fail"), ("dmarc", "fail"))
    assert facts.delay_hours == 24.5


@pytest.mark.parametrize("sent, bounced, hours", [
    ("Mon, 01 Jan 2024 10:00:00 +0900", "Mon, 01 Jan 2024 03:00:00 +0100", 1.0),   # zones apart
    ("1 Jan 24 10:00 GMT", "Tue, 2 Jan 2024 05:00:00 EST", 24.0),                  # RFC 5322 section 4.3
    ("Mon, 01 Jan 2024 10:00:00 +0900 (JST)", "Mon, 01 Jan 2024 10:06:00 +0900", 0.1),
    ("Mon, 01 Jan 2024 10:00:00", "Mon, 01 Jan 2024 12:00:00 +0900", None),       # no zone
    ("Mon, 01 Jan 2024 10:00:00 -0000", "Mon, 01 Jan 2024 12:00:00 +0900", None),  # local time unknown
    ("Sat, 31 Feb 2024 10:00:00 +0900", "Mon, 04 Mar 2024 12:00:00 +0900", None),  # no such day
    ("Tue, 02 Jan 2024 10:00:00 +0900", "Mon, 01 Jan 2024 10:00:00 +0900", None),  # bounced before it was sent
])
def test_the_delay_is_read_from_both_dates(sent, bounced, hours):
    facts = original_facts([("date", sent)], bounced)
    assert facts is not None and facts.delay_hours == hours


def test_no_headers_no_facts():
    assert original_facts([], "") is None
    assert original_facts([("x-nothing", "1")], "") is None


def test_the_support_summary_tells_the_originals_facts():
    from checker.bounce import analyze_bounce, present

    data = (b"From: MAILER-DAEMON@mx.example.jp\nTo: taro@example.net\nDate: Sat, 06 Jan 2024 10:00:00 +0900\n"
            b"Subject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status;"
            b" boundary=B\n\n--B\nContent-Type: text/plain\n\n<hanako@example.org>: host mx.example.org said: 550 5.7.26"
            b" This mail has been blocked because the sender is unauthenticated. (in reply to end of DATA command)\n"
            b"--B\nContent-Type: text/rfc822-headers\n\nReceived: from [192.0.2.7] by smtp.example.net with ESMTPSA\n"
            b"From: Taro <taro@example.net>\nTo: hanako@example.org\nDate: Mon, 01 Jan 2024 10:00:00 +0900\n"
            b"Subject: hello\n\n--B--\n")
    report = analyze_bounce(data)
    assert report.facts is not None and report.facts.delay_hours == 120.0
    summary = present.summary_ja(report, mask=True)
    assert "送信からエラーメールまで: 5.0 日" in summary and "最初に受け取った送信サーバー: smtp.example.net" in summary
    assert "DKIM 署名のドメイン: なし（署名されていません）" in summary and "taro@example.net" not in summary


@pytest.mark.parametrize("piece", [2048, 2100, 4096])
def test_separators_across_the_pieces_read_are_found(monkeypatch, piece):
    # The mailbox is read a large piece at a time; with small pieces, separator lines and
    # bodies fall across their edges.
    monkeypatch.setattr(mailbox, "_READ_BYTES", piece)
    bodies = [_bounce(n) + b"x" * (n * 97 % 3000) + b"\nFrom here on\n" for n in range(1, 40)]
    found, _ = _read(b"".join(SEPARATOR + body for body in bodies))
    assert [m.data for m in found] == bodies
