"""Formats of servers that are not in the corpus, written here from their documented shapes
(qmail, Exim, Exchange, carriers): the rules must generalise beyond the samples they were
tuned on."""
from __future__ import annotations

import pytest

from checker.bounce import analyze_bounce

SAMPLES = {
    'qmail.eml': "From: MAILER-DAEMON@mail.example.com\nTo: taro@example.net\nSubject: failure notice\n\nHi. This is the qmail-send program at mail.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<nobody@example.jp>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n<full@example.jp>:\n192.0.2.5 does not like recipient.\nRemote host said: 552 5.2.2 <full@example.jp>... Mailbox full\nGiving up on 192.0.2.5.\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <taro@example.net>\nReceived: (qmail 1234 invoked by uid 0); 1 Jan 2024 00:00:00 -0000\nFrom: taro@example.net\nTo: nobody@example.jp, full@example.jp\nSubject: hello\n\nbody\n",
    'exim.eml': 'From: Mail Delivery System <Mailer-Daemon@mx.example.com>\nTo: taro@example.net\nSubject: Mail delivery failed: returning message to sender\n\nThis message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  nobody@example.jp\n    host mx.example.jp [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<nobody@example.jp>:\n    550 5.1.1 <nobody@example.jp>: Recipient address rejected: User unknown in virtual mailbox table\n  big@example.org\n    host mx.example.org [192.0.2.2]\n    SMTP error from remote mail server after end of data:\n    552 5.3.4 Message size exceeds fixed limit\n\n------ This is a copy of the message, including all the headers. ------\n\nReturn-path: <taro@example.net>\nFrom: taro@example.net\nTo: nobody@example.jp\nSubject: hi\n\nx\n',
    'eximdelay.eml': 'From: Mail Delivery System <Mailer-Daemon@mx.example.com>\nTo: taro@example.net\nSubject: Warning: message 1abcde-000 delayed 24 hours\n\nThis message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue on mx.example.com.\n\nThe message identifier is:     1abcde-000\nThe subject of the message is: hi\n\nThe address to which the message has not yet been delivered is:\n\n  slow@example.jp\n    host mx.example.jp [192.0.2.1]\n    Delay reason: SMTP error from remote mail server after initial connection:\n    421 4.7.0 Try again later, closing connection.\n\nNo action is required on your part. Delivery attempts will continue for\nsome time, and this warning may be repeated at intervals if the message\nremains undelivered. Eventually the mail delivery software will give up,\nand when that happens, the message will be returned to you.\n',
    'exchange.txt': "Delivery has failed to these recipients or groups:\n\nhanako@example.jp\nThe recipient's mailbox is full and can't accept messages now. Please try resending your message later, or contact the recipient directly.\n\nDiagnostic information for administrators:\n\nGenerating server: EX01.example.local\n\nhanako@example.jp\nRemote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'\n",
    'docomo.txt': "This is the mail system at host mta.example.ne.jp.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<keitai@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.138.181.240] said: 550\n    Unknown user keitai@docomo.ne.jp (in reply to end of DATA command)\n",
    'jp.txt': 'このメールは、送信されたメールが配送できなかったことをお知らせするものです。\n\n配送できなかった宛先: hanako@example.co.jp\n理由: 宛先のメールボックスの容量がいっぱいのため、受信できませんでした。\n',
    'gmailnew.txt': "** Address not found **\n\nYour message wasn't delivered to nobody@example.jp because the address couldn't be found, or is unable to receive mail.\n\nLearn more here: https://support.google.com/mail/answer/6596\n\nThe response was:\n\nThe email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n",
    'o365block.txt': "Your message to hanako@example.com couldn't be delivered.\nhanako wasn't found at example.com.\nRemote server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)'\n",
    'spam.txt': '<hanako@example.org>: host mx.example.org[192.0.2.3] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)\n',
    'dmarc.txt': "<hanako@gmail.com>: host gmail-smtp-in.l.google.com[142.250.0.1] said: 550-5.7.26 Unauthenticated email from example.net is not accepted due to domain's DMARC policy. (in reply to end of DATA command)\n",
    'ptr.txt': '550 5.7.25 [198.51.100.7] The IP address sending this message does not have a PTR record setup\n',
    'relay.txt': '<hanako@example.org>: host smtp.example.net[192.0.2.1] said: 554 5.7.1 <hanako@example.org>: Relay access denied (in reply to RCPT TO command)\n',
    'nodomain.txt': '<hanako@exmaple.com>: Host or domain name not found. Name service error for name=exmaple.com type=A: Host not found\n',
    # Sun / Oracle Communications Messaging Server's report text.
    'messagingserver.txt': "This report relates to a message you sent with the following header fields:\n\n"
                           "  Subject: hello\n\nYour message cannot be delivered to the following recipients:\n\n"
                           "  Recipient address: hanako@example.jp\n  Reason: Remote SMTP server has rejected address\n"
                           "  Diagnostic code: smtp;550 5.1.1 unknown or illegal alias: hanako@example.jp\n"
                           "  Remote system: dns;mx.example.jp (TCP|192.0.2.1|25|198.51.100.7|42) (mx.example.jp ESMTP)\n",
    # Amavis behind Postfix: the content filter's verdict after DATA.
    'amavis.txt': "<hanako@example.org>: host mx.example.org[192.0.2.3] said: 554 5.7.0 Reject, id=12345-01 - SPAM "
                  "(in reply to end of DATA command)\n",
    # Google Groups refusing a non-member's post.
    'googlegroups.txt': "<group@example.com>: host aspmx.l.google.com[192.0.2.4] said: 550-5.7.1 You do not have permission "
                        "to post to this group (in reply to end of DATA command)\n",
    # Exchange 2003's report text.
    'exchange2003.txt': "Your message did not reach some or all of the intended recipients.\n\n      Subject:\thello\n\n"
                        "The following recipient(s) could not be reached:\n\n      hanako@example.com on 1/1/2024 10:00 AM\n"
                        "            The e-mail account does not exist at the organization this message was sent to.\n"
                        "            <mx.example.com #5.1.1>\n",
    # qmail gave up on a host it could never connect to.
    'qmailconnect.eml': "From: MAILER-DAEMON@mail.example.com\nTo: taro@example.net\nSubject: failure notice\n\n"
                        "Hi. This is the qmail-send program at mail.example.com.\n"
                        "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
                        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n<hanako@example.org>:\n"
                        "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n"
                        "I'm not going to try again; this message has been in the queue too long.\n",
    # sendmail gave up after its queue lifetime.
    'sendmailgiveup.eml': "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\nTo: taro@example.jp\n"
                          "Subject: Returned mail: Cannot send message for 5 days\n\n"
                          "   ----- The following addresses had permanent fatal errors -----\n<hanako@example.org>\n\n"
                          "   ----- Transcript of session follows -----\n"
                          "<hanako@example.org>... Cannot send message for 5 days\n",
    # Exim: a recipient's domain whose MX points nowhere.
    'eximmx.eml': "From: Mail Delivery System <Mailer-Daemon@mx.example.com>\nTo: taro@example.net\n"
                  "Subject: Mail delivery failed: returning message to sender\n\n"
                  "This message was created automatically by mail delivery software.\n\n"
                  "A message that you sent could not be delivered to one or more of its\n"
                  "recipients. This is a permanent error. The following address(es) failed:\n\n"
                  "  hanako@example.org\n    all relevant MX records point to non-existent hosts\n",
}


@pytest.mark.parametrize("name, kind, expected", [
    ("messagingserver.txt", "bounce", [("hanako@example.jp", "userunknown", "5.1.1")]),
    ("amavis.txt", "bounce", [("hanako@example.org", "spamdetected", "5.7.0")]),
    ("googlegroups.txt", "bounce", [("group@example.com", "rejected", "5.7.1")]),
    ("exchange2003.txt", "bounce", [("hanako@example.com", "userunknown", "5.1.1")]),
    ("qmailconnect.eml", "bounce", [("hanako@example.org", "expired", "4.4.1")]),
    ("sendmailgiveup.eml", "bounce", [("hanako@example.org", "expired", "")]),
    ("eximmx.eml", "bounce", [("hanako@example.org", "hostunknown", "")]),
    ("qmail.eml", "bounce", [("nobody@example.jp", "userunknown", "5.1.1"), ("full@example.jp", "mailboxfull", "5.2.2")]),
    ("exim.eml", "bounce", [("nobody@example.jp", "userunknown", "5.1.1"), ("big@example.org", "emailtoolarge", "5.3.4")]),
    ("eximdelay.eml", "delayed", [("slow@example.jp", None, "4.7.0")]),
    ("exchange.txt", "bounce", [("hanako@example.jp", "mailboxfull", "5.2.2")]),
    ("docomo.txt", "bounce", [("keitai@docomo.ne.jp", "filtered", "")]),
    ("jp.txt", "bounce", [("hanako@example.co.jp", "mailboxfull", "")]),
    ("gmailnew.txt", "bounce", [("nobody@example.jp", "userunknown", "")]),
    ("o365block.txt", "bounce", [("hanako@example.com", "userunknown", "5.4.1")]),
    ("spam.txt", "bounce", [("hanako@example.org", "blocked", "5.7.1")]),
    ("dmarc.txt", "bounce", [("hanako@gmail.com", "authfailure", "5.7.26")]),
    ("ptr.txt", "bounce", [("", "requireptr", "5.7.25")]),
    ("relay.txt", "bounce", [("hanako@example.org", "norelaying", "5.7.1")]),
    ("nodomain.txt", "bounce", [("hanako@exmaple.com", "hostunknown", "")]),
])
def test_unseen_formats(name, kind, expected):
    report = analyze_bounce(SAMPLES[name].encode("utf-8"))
    assert report.kind == kind
    got = [(r.recipient, r.reason if reason else None, r.status)
           for r, (_, reason, _) in zip(report.results, expected, strict=False)]
    assert got == expected and len(report.results) == len(expected)


def test_exim_details_are_read():
    nobody, big = analyze_bounce(SAMPLES["exim.eml"].encode()).results
    assert (nobody.command, nobody.replycode, nobody.remote_host) == ("RCPT", "550", "mx.example.jp")
    assert (big.command, big.replycode, big.permanent) == ("DATA", "552", True)
    assert nobody.diagnostic.startswith("550 5.1.1 <nobody@example.jp>: Recipient address rejected")


def test_the_failed_recipients_header_names_the_recipient():
    # Exim (and Gmail) name the failed addresses in X-Failed-Recipients; the text may name
    # only another address (here the sender's alias), which is not the recipient.
    text = ("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: taro@example.net\n"
            "Subject: Delivery Status Notification (Failure)\nX-Failed-Recipients: team@groups.example.org\n\n"
            "** Message not delivered **\n\nYou're sending this from alias@example.jp using the 'Send mail as' "
            "feature. The settings for your 'Send mail as' account are misconfigured or out of date.\n")
    results = analyze_bounce(text).results
    assert [(r.recipient, r.reason) for r in results] == [("team@groups.example.org", "rejected")]


# A customer forwards the bounce inline, with a note above it: each mail program's line and
# header fields above the forwarded text.
_POSTFIX_NOTICE = ("This is the mail system at host smtp.example.jp.\n\n<hanako@example.org>: host mx.example.org[192.0.2.1] "
                   "said: 552 5.2.2 <hanako@example.org>: Mailbox full (in reply to RCPT TO command)\n")


@pytest.mark.parametrize("forward", [
    # Gmail, as a whole mail from the customer to support
    "From: taro@example.jp\nTo: support@example.net\nSubject: Fwd: Undelivered Mail Returned to Sender\n\n"
    "このエラーが届きました。\n\n---------- Forwarded message ---------\nFrom: Mail Delivery System <MAILER-DAEMON@smtp.example.jp>\n"
    "Date: Mon, 1 Jan 2024 10:00\nSubject: Undelivered Mail Returned to Sender\nTo: <taro@example.jp>\n\n",
    # Thunderbird in Japanese, pasted
    "-------- 転送メッセージ --------\n件名: \tUndelivered Mail Returned to Sender\n日付: \tMon, 1 Jan 2024 10:00:00 +0900\n"
    "差出人: \tMail Delivery System <MAILER-DAEMON@smtp.example.jp>\n宛先: \ttaro@example.jp\n\n",
    # Apple Mail
    "Begin forwarded message:\n\nFrom: Mail Delivery System <MAILER-DAEMON@smtp.example.jp>\n"
    "Subject: Undelivered Mail Returned to Sender\nDate: January 1, 2024 at 10:00:00 GMT+9\nTo: taro@example.jp\n\n",
    # Outlook in Japanese
    "見てください\n\n________________________________\n差出人: Mail Delivery System <MAILER-DAEMON@smtp.example.jp>\n"
    "送信日時: 2024年1月1日 10:00\n宛先: taro@example.jp\n件名: Undelivered Mail Returned to Sender\n\n",
])
def test_a_bounce_forwarded_inline_is_read_from_the_forwarded_text(forward):
    report = analyze_bounce(forward + _POSTFIX_NOTICE)
    assert [(r.recipient, r.reason) for r in report.results] == [("hanako@example.org", "mailboxfull")]


def test_a_forward_inside_the_returned_copy_is_the_mail_that_was_sent():
    text = ("Hi. This is the qmail-send program at mail.example.jp.\nI'm afraid I wasn't able to deliver your message to "
            "the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n"
            "<hanako@example.org>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n--- Below this line is a copy of the message.\n\n"
            "From: taro@example.jp\nTo: hanako@example.org\nSubject: Fwd: news\n\n---------- Forwarded message ---------\n"
            "From: jiro@example.net\nDate: Mon, 1 Jan 2024\nSubject: news\nTo: taro@example.jp\n\nhello\n")
    assert [(r.recipient, r.reason) for r in analyze_bounce(text).results] == [("hanako@example.org", "userunknown")]
