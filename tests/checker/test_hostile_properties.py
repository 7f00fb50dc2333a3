"""Any text or bytes, given to either entry point, gives an answer and never another exception.

The bounce checker may refuse input with nothing readable in it (UnreadableInput, with a
Japanese message); everything else must come back as a report that serialises to JSON, both
through the Python API and through `checker.web.page_json`, which the page's worker calls.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import AddressReport, BounceReport, UnreadableInput, analyze_bounce, check_address
from checker.bounce.present import notice_ja, summary_ja
from checker.web import page_json

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Lines that steer the bounce reader into its branches: headers, MIME structure, delivery
# reports, encoded words, codes, addresses, markup and Japanese wording.
MAIL_LINES = [
    "From: MAILER-DAEMON@example.jp", "To: a@example.com", "Subject: Undelivered Mail",
    "Subject: =?utf-8?B?5a6b5YWI?=", "Subject: =?iso-2022-jp?q?=1B$B?=", "From - Mon Jan 1",
    "From x@y Mon Jan  1 00:00:00 2024", "Content-Type: multipart/report; boundary=b",
    "Content-Type: multipart/mixed; boundary=\"b\"", "Content-Type: message/delivery-status",
    "Content-Type: message/rfc822", "Content-Type: text/html; charset=utf-8",
    "Content-Type: text/plain; charset=x-unknown", "Content-Type: message/feedback-report",
    "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable",
    "--b", "--b--", "", " folded", "\tfolded", "Final-Recipient: rfc822; bob@example.jp",
    "Original-Recipient: rfc822;", "Action: failed", "Action: delayed", "Status: 5.1.1",
    "Status: 4.", "Diagnostic-Code: smtp; 550 5.1.1 user unknown", "Remote-MTA: dns; mx",
    "Reporting-MTA: dns; x", "<bob@example.jp>: host mx[192.0.2.1] said: 550 5.1.1",
    "    (in reply to RCPT TO command)", ">>> RCPT To:<bob@example.jp>", "<<< 552 5.2.2 full",
    "----- Original message -----", "----- The following addresses had permanent fatal errors -----",
    "5.7.1", "421 4.7.0 try again later", "=E3=81=82=", "5a6b5YWI", "<html><body><p>550",
    "<script>window.__pwned = 1</script>", "&lt;bob@example.jp&gt;", "宛先のメールアドレスが見つかりません",
    "メールボックスがいっぱいです", "I'm on vacation", "> quoted 550 5.1.1 <a@b.jp>",
    "{\"notificationType\": \"Bounce\", \"bounce\": {", "@@@", "a@", "\u202e", "\u200b", "\x00",
]
mail_like_text = st.lists(
    st.one_of(st.sampled_from(MAIL_LINES), st.text(max_size=40)), max_size=40,
).map("\n".join)
line_end = st.sampled_from(["\n", "\r\n", "\r"])
mail_like_bytes = st.builds(
    lambda text, end, codec: text.replace("\n", end).encode(codec, errors="replace"),
    mail_like_text, line_end, st.sampled_from(["utf-8", "cp932", "euc_jp", "iso2022_jp", "latin-1", "utf-16"]),
)


def bounce_answer(data: bytes | str) -> None:
    """Both entry points, with what each may legitimately answer."""
    try:
        report = analyze_bounce(data)
    except UnreadableInput as exc:
        assert exc.message_ja and not exc.message_ja.isascii()
    else:
        assert isinstance(report, BounceReport)
        json.dumps(report.to_json(), ensure_ascii=False)
        summary_ja(report)
    view = json.loads(page_json("bounce", data))
    assert view["ok"] in (True, False)
    assert view.get("error", "x")


def address_answer(text: str) -> None:
    report = check_address(text)
    assert isinstance(report, AddressReport)
    json.dumps(report.to_json(), ensure_ascii=False)
    assert json.loads(page_json("address", text))["ok"] is True


@SETTINGS
@given(st.text())
def test_any_text_gets_a_bounce_answer(text):
    bounce_answer(text)


@SETTINGS
@given(st.binary())
def test_any_bytes_get_a_bounce_answer(data):
    bounce_answer(data)


@SETTINGS
@given(mail_like_text)
def test_mail_like_text_gets_a_bounce_answer(text):
    bounce_answer(text)


@SETTINGS
@given(mail_like_bytes)
def test_mail_like_bytes_in_any_encoding_get_a_bounce_answer(data):
    bounce_answer(data)


@SETTINGS
@given(st.one_of(st.text(), mail_like_text))
def test_any_text_gets_an_address_answer(text):
    address_answer(text)


def test_nothing_readable_is_refused_in_japanese():
    for data in (b"", b" \n\t\r\n", b"\x00" * 4096, bytes(range(32)) * 100):
        try:
            analyze_bounce(data)
        except UnreadableInput as exc:
            assert not exc.message_ja.isascii()
        else:
            raise AssertionError(f"{data[:20]!r}... was analysed, not refused")
        assert json.loads(page_json("bounce", data))["ok"] is False


def test_codec_names_that_are_not_charsets_are_read_as_unknown():
    # "idna" and "undefined" raise UnicodeError for any error handler; "punycode" ignores it.
    for label in ("idna", "undefined", "punycode", "base64", "rot13"):
        data = (f"From: MAILER-DAEMON@example.jp\nTo: a@example.com\nSubject: =?{label}?B?YWJj?=\n"
                f"Content-Type: text/plain; charset={label}\n\n"
                "<bob@example.jp>: 550 5.1.1 User unknown \xe9\n").encode("latin-1")
        report = analyze_bounce(data)
        assert [r.recipient for r in report.results] == ["bob@example.jp"]
        assert any(label in notice for notice in map(notice_ja, report.notices)), report.notices
