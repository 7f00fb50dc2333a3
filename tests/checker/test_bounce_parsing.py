"""Unit tests of the parsing layer: MIME reading, delivery-status fields, free-text scanning."""
from __future__ import annotations

import base64

import pytest

from checker.bounce import analyze_bounce, dsn, freetext, mime
from checker.bounce.document import read_document
from checker.bounce.stages import find_stage


def test_headers_are_unfolded_and_lower_cased():
    headers, body = mime.split_headers("Subject: a\n  b\nX-Test: 1\n\nbody\n")
    assert headers == [("subject", "a b"), ("x-test", "1")]
    assert body == "body\n"


def test_damaged_header_lines_are_skipped_and_folds_kept():
    # A line that is neither a field nor a continuation (a broken fold) is skipped; the
    # continuation lines after it still belong to the field above (RFC 5322 section 2.2.3).
    headers, _ = mime.split_headers("Received: from a\n(broken) by b\n    via c\nTo: x\n\n")
    assert headers == [("received", "from a via c"), ("to", "x")]


def test_multipart_delimiters_need_their_own_line():
    body = "preamble\n--XXY\n--XX\npart one\n--XX \n\n--XXtail\n--XX--\nepilogue"
    root = mime.parse_message('Content-Type: multipart/mixed; boundary="XX"\n\n' + body, mime.ReadState())
    assert [part.text for part in root.children] == ["part one", "--XXtail"]


def test_without_the_recipients_address_no_line_is_taken_as_the_answer():
    # One recipient in the report, a text that never names it: its first line (here a MIME
    # preamble) is not the server's answer.
    finding = freetext.whole_text_finding("This is a MIME-encapsulated message\n\nkijitora... Deferred\n")
    assert finding.diagnostic == ""


def test_content_type_parameters_quoted_and_bare():
    ctype, params = mime.parse_content_type('Multipart/Report; report-type=delivery-status; boundary="a b;c"')
    assert ctype == "multipart/report"
    assert params == {"report-type": "delivery-status", "boundary": "a b;c"}


def test_multipart_parts_are_split_and_decoded():
    raw = (
        'Content-Type: multipart/mixed; boundary="XX"\n\n'
        "preamble\n--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.b64encode("宛先不明です".encode()).decode() + "\n"
        "--XX\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nsoft=\nbreak =3D ok\n"
        "--XX--\nepilogue\n"
    )
    root = mime.parse_message(raw, mime.ReadState())
    assert [part.text.strip() for part in root.children] == ["宛先不明です", "softbreak = ok"]


def test_wrong_declared_boundary_falls_back_to_the_one_used():
    raw = ('Content-Type: multipart/report; boundary="declared"\n\n'
           "--used\nContent-Type: text/plain\n\nhello\n--used--\n")
    root = mime.parse_message(raw, mime.ReadState())
    assert [part.text.strip() for part in root.children] == ["hello"]


def test_attached_message_headers_read_body_left_for_later():
    raw = ('Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: message/rfc822\n\n'
           "Subject: original\nTo: a@example.jp\n\nbody text\n--B--\n")
    root = mime.parse_message(raw, mime.ReadState())
    attached = root.children[0].children[0]
    assert attached.header("subject") == "original"
    assert attached.raw_body.strip() == "body text"


def test_encoded_words_in_headers():
    value = "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= =?UTF-8?Q?=E3=81=A7=E3=81=99?="
    assert mime.decode_header_value(value) == "テストです"


def test_guess_decode_recognises_japanese_encodings():
    text = "メールボックスがいっぱいです"
    for codec in ("iso2022_jp", "cp932", "euc_jp", "utf-8"):
        assert mime.guess_decode(text.encode(codec)) == text


def test_looks_like_message_needs_a_header_block():
    assert mime.looks_like_message("From: a@example.jp\nSubject: x\n\nbody")
    assert not mime.looks_like_message("550 5.1.1 <a@example.jp>: Recipient address rejected")
    assert not mime.looks_like_message("Note: this is prose\nand more prose")


def test_delivery_status_groups_and_field_order():
    report = dsn.parse_delivery_status(
        "Reporting-MTA: dns; mx.example.jp\n\n"
        "Diagnostic-Code: smtp; 550 5.1.1 unknown\n  user here\nStatus: 5.1.1\n"
        "Final-Recipient: rfc822; <a@example.jp>\nAction: failed\n\n"
        "Original-Recipient: rfc822;b@example.jp\nFinal-Recipient: rfc822; c@example.jp\n"
        "Action: delayed\nStatus: 4.4.7\nRemote-MTA: dns; [192.0.2.1]\n")
    assert report.reporting_mta == "mx.example.jp"
    first, second = report.recipients
    assert (first.final, first.status, first.action) == ("a@example.jp", "5.1.1", "failed")
    assert first.diagnostic == "550 5.1.1 unknown user here" and first.diagnostic_type == "smtp"
    assert (second.original, second.final, second.action, second.remote_host) == (
        "b@example.jp", "c@example.jp", "delayed", "192.0.2.1")


def test_the_reporting_mtas_own_class_of_the_failure_is_kept():
    report = dsn.parse_delivery_status(
        "Final-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.0.0\n"
        "X-PowerMTA-BounceCategory: Bad-Mailbox\n\nFinal-Recipient: rfc822; b@example.jp\nAction: failed\n")
    assert [record.category for record in report.recipients] == ["bad-mailbox", ""]


def test_source_routed_recipient_is_cleaned():
    report = dsn.parse_delivery_status("Final-Recipient: RFC822; <@mx.example.org:kijitora@example.org>\n")
    assert report.recipients[0].final == "kijitora@example.org"


def test_scan_finds_postfix_style_recipient_and_answer():
    text = ("I'm sorry to have to inform you ...\nFor further assistance, please contact <help@example.net>\n\n"
            "<taro@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1\n"
            "    <taro@example.jp>: Recipient address rejected: User unknown (in reply to\n"
            "    RCPT TO command)\n")
    (finding,) = freetext.scan(text, excluded=set())
    assert finding.recipient == "taro@example.jp"
    assert finding.status == "5.1.1" and finding.replycode == "550" and finding.stage == "RCPT"
    assert finding.remote_host == "mx.example.jp"
    assert "Recipient address rejected" in finding.diagnostic


def test_an_address_wrapped_into_an_answer_is_not_another_recipient():
    wrapped = ("<a@example.jp>: host mx.example.jp[192.0.2.1] said: 554 Mail from\n"
               "    b@example.net rejected for policy reasons. (in reply to MAIL FROM\n    command)\n")
    assert [f.recipient for f in freetext.scan(wrapped, set())] == ["a@example.jp"]
    listed = ("The following address(es) failed:\n\n  a@example.jp\n    550 5.1.1 User unknown\n"
              "  b@example.net\n    552 5.2.2 Mailbox full\n")
    assert [f.recipient for f in freetext.scan(listed, set())] == ["a@example.jp", "b@example.net"]


def test_an_address_a_server_answer_talks_about_is_not_another_recipient():
    # Exim's sender verification callout, quoted under the recipient it refused.
    callout = ("  a@example.jp\n    SMTP error from remote mail server after RCPT TO:<a@example.jp>:\n"
               "    550-Verification failed for <b@example.net>\n    550-Called:   192.0.2.3\n"
               "    550-Sent:     RCPT TO:<b@example.net>\n    550-Response: 550 Unrouteable address\n"
               "    550 Sender verify failed\n")
    assert [f.recipient for f in freetext.scan(callout, set())] == ["a@example.jp"]
    assert analyze_bounce(callout).results[0].reason == "rejected"


def test_scan_keeps_recipients_in_order_and_skips_excluded():
    text = "a@example.jp: 550 no such user\nb@example.jp: 552 mailbox full\nsender@example.net wrote\n"
    findings = freetext.scan(text, excluded={"sender@example.net"})
    assert [f.recipient for f in findings] == ["a@example.jp", "b@example.jp"]
    assert findings[1].replycode == "552"


def test_a_recipient_named_twice_keeps_both_its_parts_and_no_one_elses():
    # Exchange names each recipient above with words for the reader and again below, in the
    # diagnostic information, with the server's answer.
    text = ("Delivery has failed to these recipients or groups:\n\na@example.jp\nThe e-mail address you entered "
            "couldn't be found.\n\nb@example.jp\nThe recipient's mailbox is full.\n\n"
            "Diagnostic information for administrators:\n\na@example.jp\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n"
            "\nb@example.jp\n#554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException ##\n")
    findings = freetext.scan(text, excluded=set())
    assert [(f.recipient, f.status) for f in findings] == [("a@example.jp", "5.1.1"), ("b@example.jp", "5.2.2")]
    assert "mailbox full" not in findings[0].context.lower()
    assert "RecipNotFound" not in findings[1].context


@pytest.mark.parametrize("text", [
    # Exim lists the addresses one failure was about above it.
    "The following address(es) failed:\n\n  a@example.jp\n  b@example.jp\n    host mx.example.jp [192.0.2.1]\n"
    "    SMTP error from remote mail server after end of data:\n    552 5.3.4 Message size exceeds fixed limit\n",
    # James lists its failed recipients above its one error message.
    "Failed recipient(s):\na@example.jp\nb@example.jp\n\nError message:\n552 5.3.4 Message size exceeds fixed limit\n",
])
def test_addresses_listed_above_one_answer_share_it(text):
    findings = freetext.scan(text, excluded=set())
    assert [(f.recipient, f.status) for f in findings] == [("a@example.jp", "5.3.4"), ("b@example.jp", "5.3.4")]


def test_a_quoted_local_part_is_one_address_with_its_quotes():
    # Postfix quotes a local part that is no dot-atom, as old mobile addresses are.
    text = '<"taro..hanako."@docomo.ne.jp>: host mx.example.jp[192.0.2.1] said: 550 Unknown user (in reply to RCPT TO command)'
    assert [f.recipient for f in freetext.scan(text, excluded=set())] == ['"taro..hanako."@docomo.ne.jp']


@pytest.mark.parametrize("text, recipient", [
    # A domain written in Unicode, as Postfix with SMTPUTF8 and Japanese notices write it
    ("<hanako@例え.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
     "hanako@例え.jp"),
    ("hanako@日本語ドメイン.jp 宛のメールは配送できませんでした。550 5.1.1 User unknown", "hanako@日本語ドメイン.jp"),
    # Japanese right after an ASCII address is the sentence, not the domain
    ("taro@example.jp宛てのメールは配送できませんでした。550 5.1.1 User unknown", "taro@example.jp"),
])
def test_a_recipient_whose_domain_is_written_in_unicode_is_found(text, recipient):
    assert [result.recipient for result in analyze_bounce(text.encode()).results] == [recipient]


@pytest.mark.parametrize("text", [
    # A provider's own Postfix notice names its help desk above the failed recipient
    "This is the mail system at example.net.\n\nFor further assistance, please forward this email to support@example.net.\n\n"
    "<hanako@example.org>: host mx.example.org[192.0.2.1] said: 550 5.2.1 The email account that you tried to reach is inactive. (in reply to RCPT TO command)\n",
    # Microsoft's answer names where to ask for delisting
    "<hanako@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.511 Access denied, banned sender[192.0.2.5]. "
    "To request removal from this list please forward this message to delist@example.com. (in reply to RCPT TO command)\n",
    # A list manager's notice: the owner's address wrapped onto a line of its own
    "You are not allowed to post to this mailing list. If you think that your messages are\nbeing rejected in error, "
    "contact the mailing list owner at\nannounce-owner@lists.example.org.\n\n<hanako@example.org>\n",
])
def test_an_address_to_write_to_for_help_is_not_a_recipient(text):
    assert [result.recipient for result in analyze_bounce(text.encode()).results] == ["hanako@example.org"]


@pytest.mark.parametrize("text, diagnostic", [
    # Exim's delay warning: the reason under the address, not the paragraph after it
    ("The address to which the message has not yet been delivered is:\n\n  hanako@example.org\n    Delay reason: mailbox is full\n\n"
     "No action is required on your part. Delivery attempts will continue for\nsome time.\n", "Delay reason: mailbox is full"),
    # Dovecot's rejection: the words after the address announce the answer on the next line
    ("Your message to <hanako@example.org> was automatically rejected:\nQuota exceeded (mailbox for user is full)\n",
     "was automatically rejected: Quota exceeded (mailbox for user is full)"),
    # A mail app re-wrapped the paste: the answer runs on, unindented, after '<address>:'
    ("<hanako@example.org>: host\nmx.example.org[192.0.2.10] said:\n550 5.1.1 <hanako@example.org>:\nRecipient address rejected: User\n"
     "unknown in virtual mailbox table\n(in reply to RCPT TO command)\n",
     "550 5.1.1 <hanako@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"),
    # The fields of the returned message listed under the recipient are not its answer
    ("From: MAILER-DAEMON@mx.example.ne.jp\nSubject: 配送遅延のお知らせ\n\n"
     "お客様が送信されたメールは、現在まで宛先に配送できておりません。\n引き続き配送を試みます。\n\n宛先: hanako@example.ne.jp\n件名: 打ち合わせ\n", ""),
    # Exchange writes that time ran out above the last error it had: the error is the answer
    ("Delivery is delayed to these recipients or groups:\n\nhanako@example.org\n\nDiagnostic information for administrators:\n\n"
     "hanako@example.org\nRemote Server at mx.example.org (192.0.2.10) returned '400 4.4.7 Message delayed'\n"
     "6/4/2024 1:12:00 AM - Remote Server at mx.example.org (192.0.2.10) returned '452 4.3.1 Insufficient system resources'\n",
     "6/4/2024 1:12:00 AM - Remote Server at mx.example.org (192.0.2.10) returned '452 4.3.1 Insufficient system resources'"),
])
def test_what_a_notice_says_under_the_recipient_is_its_answer(text, diagnostic):
    assert [result.diagnostic for result in analyze_bounce(text.encode()).results] == [diagnostic]


def test_a_pasted_report_field_is_quoted_without_its_name():
    (result,) = analyze_bounce("Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried to reach is disabled.").results
    assert (result.diagnostic, result.reason) == ("550 5.2.1 The email account that you tried to reach is disabled.", "suspend")


def test_status_code_after_reply_code_is_preferred():
    assert freetext.first_status("5.1.0 - Unknown address error 550-'5.7.1 <x@example.jp>... Access denied'") == "5.7.1"
    assert freetext.first_status("550 #5.1.0 Address rejected.") == "5.1.0"


@pytest.mark.parametrize("text, stage", [
    ("(in reply to end of DATA command)", "DATA"),                                  # Postfix
    ("(in reply to RCPT TO\n    command)", "RCPT"),                                   # Postfix, folded
    ("host mx.example.org refused to talk to me: 554 go away", "CONN"),            # Postfix greeting
    ("SMTP error from remote mail server after RCPT TO:<a@example.jp>:", "RCPT"),   # Exim
    ("SMTP error from remote mail server after end of data:", "DATA"),             # Exim
    ("SMTP error from remote mail server after MAIL FROM:<t@example.jp> SIZE=1:", "MAIL"),
    ("Connected to 192.0.2.1 but sender was rejected.", "MAIL"),                   # qmail
    ("192.0.2.1 does not like recipient.\nRemote host said: 550 no", "RCPT"),      # qmail
    ("192.0.2.1 failed after I sent the message.", "DATA"),                        # qmail
    (">>> MAIL From:<a@example.jp>\n<<< 550 no", "MAIL"),                         # sendmail transcript
    # sendmail's refused greeting: the server speaks first, no command was sent yet
    ("... while talking to mx.example.org.:\n<<< 554 mx.example.org ESMTP not accepting messages\n"
     "554 5.0.0 Service unavailable", "CONN"),
    ("<<< 250 ok\n<<< 550 5.1.1 User unknown", ""),                                 # no command, no greeting refused
    (">>> RCPT To:<a@example.jp>\n<<< 250 ok\n>>> .\n<<< 554 rejected", "DATA"),  # the answer to the message
    # PIPELINING: a RCPT refusal is written under DATA, before '503 Need RCPT'
    (">>> DATA\n<<< 550 5.1.1 <a@example.jp>... User unknown\n<<< 503 5.0.0 Need RCPT (recipient)", "RCPT"),
    ("550 User Unknown [RCPT_TO]", "RCPT"),                                         # Yahoo
    # InterScan Messaging Security Suite: the marks named, and pointing the other way
    ("Sent <<< MAIL FROM:<t@example.jp>\nReceived >>> 250 ok\nSent <<< RCPT TO:<a@example.jp>\n"
     "Received >>> 550 5.1.1 <a@example.jp>... user unknown", "RCPT"),
    ("Sent <<< .\nReceived >>> 554 5.7.1 rejected", "DATA"),
    ("The recipient server did not accept our requests to connect.", "CONN"),      # Gmail
    ("the mail could not be delivered", ""),
])
def test_stage_is_read_from_the_way_each_mta_words_it(text, stage):
    assert find_stage(text) == stage


def test_the_first_stage_named_is_the_answers():
    assert find_stage("said: 550 no (in reply to RCPT TO command)\nlater: after end of data") == "RCPT"


def test_inline_original_message_is_cut_from_the_text():
    doc = read_document(b"user@example.jp: 550 unknown user\n\n"
                        b"--- Below this line is a copy of the message.\n\n"
                        b"Received: from x\nFrom: me@example.net\nTo: user@example.jp\nSubject: hello\n\nbody\n")
    assert "Received" not in doc.human_text
    assert dict(doc.original_headers)["subject"] == "hello"


def test_quote_marks_are_removed_from_pastes():
    doc = read_document(b"> <taro@example.jp>: host mx said: 550 5.1.1\n>     User unknown\n")
    assert doc.is_fragment
    assert doc.human_text.startswith("<taro@example.jp>")


# A paste of raw source copied from inside a bounce (from a part's delimiter line down): the
# quoted-printable text of an Exchange notice, then the report of the multipart around it.
_PASTED_SOURCE = (
    "Delivery has failed to these recipients or groups:\n\n"
    "--inner\nContent-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable\n\n"
    "taro.yamada-long-name@example.jp (taro.yamada-long-name@example.jp)<mailto:taro.yamada-long-n=\n"
    "ame@example.jp>\nThe email address you entered couldn't be found. Remote Server returned '550 5.1.1 =\n"
    "RESOLVER.ADR.RecipNotFound; not found'\n"
    "--inner--\n\n"
    "--outer\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mx.example.net\n\n"
    "Final-Recipient: rfc822; taro.yamada-long-name@example.jp\nAction: failed\nStatus: 5.1.1\n"
    "--outer--\n"
)


def test_a_paste_of_raw_parts_is_decoded_part_by_part():
    doc = read_document(_PASTED_SOURCE.encode())
    assert doc.is_fragment
    assert "Delivery has failed" in doc.human_text  # the text above the parts is kept
    assert "mailto:taro.yamada-long-name@example.jp>" in doc.human_text  # soft line break undone
    assert [r.final for report in doc.dsn_reports for r in report.recipients] == [
        "taro.yamada-long-name@example.jp"]  # the part after the inner closing delimiter is read


def test_a_paste_of_raw_parts_names_the_recipient_once():
    report = analyze_bounce(_PASTED_SOURCE.encode())
    assert [(r.recipient, r.reason, r.status) for r in report.results] == [
        ("taro.yamada-long-name@example.jp", "userunknown", "5.1.1")]


def test_parts_past_the_limit_are_read_as_one_text():
    many = "".join(f"--B\nContent-Type: text/plain\n\npart {n}\n" for n in range(mime.MAX_PARTS + 50))
    raw = 'Content-Type: multipart/mixed; boundary="B"\n\n' + many + "--B\nContent-Type: text/plain\n\nthe last part\n--B--\n"
    state = mime.ReadState()
    root = mime.parse_message(raw, state)
    assert state.too_deep
    assert len(root.children) <= mime.MAX_PARTS
    assert "the last part" in root.children[-1].text


def test_a_paste_of_more_parts_than_the_limit_keeps_the_rest_as_text():
    closed = "--a\nContent-Type: text/plain\n\nnothing here\n--a--\n" * mime.MAX_PARTS
    doc = read_document((closed + "<taro@example.jp>: 550 5.1.1 User unknown\n").encode())
    assert doc.state.too_deep
    assert "<taro@example.jp>: 550 5.1.1 User unknown" in doc.human_text
