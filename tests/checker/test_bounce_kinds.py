"""What kind of message it is: bounce, delay warning, auto-reply, complaint, success, other."""
from __future__ import annotations

import pytest

from checker.bounce import analyze_bounce


def _report_message(report_type: str, parts: str) -> bytes:
    return (f"From: MAILER-DAEMON@mx.example.jp\nTo: taro@example.jp\nSubject: Delivery Status Notification\n"
            f'Content-Type: multipart/report; report-type={report_type}; boundary="R"\n\n{parts}--R--\n').encode()


def test_delay_warning_is_delayed_and_temporary():
    report = analyze_bounce(_report_message("delivery-status", (
        "--R\nContent-Type: text/plain\n\nYour message has not been delivered yet. Will keep trying.\n"
        "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\n"
        "Final-Recipient: rfc822; hanako@example.net\nAction: delayed\nStatus: 4.4.1\n"
        "Diagnostic-Code: smtp; 421 4.4.1 connect to mx.example.net: Connection timed out\n\n")))
    (result,) = report.results
    assert report.kind == "delayed"
    # Still being tried: the cause stated (the connection timed out) is the reason.
    assert (result.action, result.permanent, result.reason) == ("delayed", False, "networkerror")


def test_success_notice_is_delivered():
    report = analyze_bounce(_report_message("delivery-status", (
        "--R\nContent-Type: message/delivery-status\n\n"
        "Final-Recipient: rfc822; hanako@example.net\nAction: delivered\nStatus: 2.0.0\n\n")))
    assert report.kind == "delivered" and report.results[0].reason == "delivered"


def test_complaint_report_is_feedback():
    report = analyze_bounce(_report_message("feedback-report", (
        "--R\nContent-Type: text/plain\n\nThis is an abuse report.\n"
        "--R\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: x/1.0\nVersion: 1\n"
        "Original-Rcpt-To: <hanako@example.net>\n\n"
        "--R\nContent-Type: message/rfc822\n\nSubject: sale\nTo: hanako@example.net\n\nbuy\n")))
    (result,) = report.results
    assert report.kind == "feedback"
    assert (result.recipient, result.reason, result.diagnostic) == ("hanako@example.net", "feedback", "abuse")
    assert report.original.subject == "sale"


@pytest.mark.parametrize("data", [
    # Microsoft's JMRP: the complained-of message is the report, or attached to it, with the
    # complainer's address in X-HmXmrOriginalRecipient.
    b"From: staff@hotmail.com\nTo: fbl@example.jp\nSubject: complaint about message from 192.0.2.1\n"
    b"Content-Type: message/rfc822\n\nX-HmXmrOriginalRecipient: <hanako@hotmail.com>\nFrom: taro@example.jp\n"
    b"To: hanako@hotmail.com\nSubject: news\n\nhello\n",
    b"From: staff@hotmail.com\nTo: fbl@example.jp\nSubject: complaint\nContent-Type: multipart/mixed; boundary=B\n\n"
    b"--B\nContent-Type: text/plain\n\nThis is an email abuse report.\n--B\nContent-Type: message/rfc822\n\n"
    b"X-HmXmrOriginalRecipient: <hanako@hotmail.com>\nFrom: taro@example.jp\nSubject: news\n\nhello\n--B--\n",
], ids=["whole", "attached"])
def test_microsoft_complaint_is_feedback(data):
    report = analyze_bounce(data)
    assert report.kind == "feedback"
    assert [(r.recipient, r.reason) for r in report.results] == [("hanako@hotmail.com", "feedback")]


def test_a_complaint_pasted_as_text_is_feedback():
    # RFC 5965 section 3.1: Feedback-Type, User-Agent and Version are always there.
    report = analyze_bounce("Feedback-Type: abuse\nUser-Agent: ReportGen/1.0\nVersion: 1\n"
                            "Original-Rcpt-To: <hanako@example.net>\n")
    assert report.kind == "feedback" and report.results[0].recipient == "hanako@example.net"


def test_out_of_office_reply_is_autoreply():
    report = analyze_bounce(b"From: hanako@example.net\nTo: taro@example.jp\nSubject: Automatic reply: lunch\n"
                            b"Auto-Submitted: auto-replied\n\nI am out of the office until Monday.\n")
    assert report.kind == "autoreply"
    assert (report.results[0].recipient, report.results[0].reason) == ("hanako@example.net", "vacation")


def test_pasted_out_of_office_text_is_autoreply():
    assert analyze_bounce("I am currently out of the office and will reply upon my return.").kind == "autoreply"


def test_forwarded_bounce_is_read_from_the_attachment():
    inner = (b"From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>\nSubject: Undelivered Mail\n\n"
             b"<hanako@example.net>: host mx.example.net said: 552 5.2.2 Mailbox full\n")
    outer = (b'From: taro@example.jp\nTo: support@example.jp\nSubject: Fwd: Undelivered Mail\n'
             b'Content-Type: multipart/mixed; boundary="F"\n\n--F\nContent-Type: text/plain\n\nPlease help.\n'
             b"--F\nContent-Type: message/rfc822\n\n" + inner + b"--F--\n")
    (result,) = analyze_bounce(outer).results
    assert (result.recipient, result.reason) == ("hanako@example.net", "mailboxfull")


def test_several_recipients_keep_their_order_and_reasons():
    report = analyze_bounce(_report_message("delivery-status", (
        "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\n"
        "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n\n"
        "Final-Recipient: rfc822; b@example.net\nAction: failed\nStatus: 5.2.2\n\n"
        "Final-Recipient: rfc822; c@example.org\nAction: failed\nStatus: 5.1.2\n\n")))
    assert [(r.recipient, r.reason) for r in report.results] == [
        ("a@example.net", "userunknown"), ("b@example.net", "mailboxfull"), ("c@example.org", "hostunknown")]


def test_what_failed_comes_before_what_was_delivered():
    report = analyze_bounce(_report_message("delivery-status", (
        "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\n"
        "Final-Recipient: rfc822; jiro@example.net\nAction: relayed\nStatus: 2.0.0\n\n"
        "Final-Recipient: rfc822; hanako@example.org\nAction: failed\nStatus: 5.2.1\n"
        "Diagnostic-Code: smtp; 550 5.2.1 Recipient address rejected: account disabled\n\n")))
    assert report.kind == "bounce"
    assert [(r.recipient, r.reason) for r in report.results] == [
        ("hanako@example.org", "suspend"), ("jiro@example.net", "delivered")]


@pytest.mark.parametrize("words", [
    "Delivery to these recipients or groups is complete, but no delivery notification was sent by the destination server:",
    "Your message has been delivered to the following recipients:",
])
def test_outlooks_relayed_and_delivered_notices_are_successes(words):
    mail = (f"From: Microsoft Outlook <postmaster@example.jp>\nTo: taro@example.jp\nSubject: Relayed: meeting notes\n\n"
            f"{words}\n\nhanako@example.org (hanako@example.org)\n\nSubject: meeting notes\n")
    report = analyze_bounce(mail)
    assert report.kind == "delivered" and [r.reason for r in report.results] == ["delivered"]


def test_a_pasted_japanese_auto_reply_is_an_auto_reply():
    paste = "【自動返信】\nこのメールは自動返信です。\n誠に勝手ながら、12月28日から1月5日まで年末年始休業とさせていただきます。\n"
    assert analyze_bounce(paste).kind == "autoreply"
    # A bounce that calls itself an automatic reply is still a bounce
    assert analyze_bounce("このメールは自動返信です。宛先のメールアドレスが見つかりませんでした。").kind == "bounce"


def test_a_pasted_success_line_is_delivered():
    # Postfix's success notice, its words without the report: a 2.x.x status is a delivery
    paste = "Enclosed is the mail delivery report that you requested.\n\n<hanako@example.org>: delivery via\n    mx.example.org[192.0.2.2]:25: 250 2.1.5 Ok\n"
    report = analyze_bounce(paste)
    assert report.kind == "delivered" and [(r.reason, r.action) for r in report.results] == [("delivered", "delivered")]
