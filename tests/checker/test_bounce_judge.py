"""judge(Evidence) on its own, apart from parsing: each case states a principle of the
judgement (RFC 3463/5321 meaning, precedence, stage, what the judge may read)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.bounce.judge import Evidence, judge, names_a_reason, prepare

CASES = [
    # A specific enhanced status code beats broad wording; vague codes defer to the words.
    ("named code over broad words", Evidence(answer="550 5.2.2 sorry, rejected", status="5.2.2"), "mailboxfull"),
    ("vague code defers to words", Evidence(answer="550 5.0.0 mailbox is full", status="5.0.0"), "mailboxfull"),
    ("x.7.1 defers to spam wording", Evidence(answer="554 5.7.1 Message rejected as spam", status="5.7.1", stage="DATA"),
     "spamdetected"),
    ("x.7.1 alone leans to a block", Evidence(answer="554 5.7.1 Rejected", status="5.7.1"), "blocked"),
    ("decisive words over a named code", Evidence(answer="550 5.1.1 mailbox disabled", status="5.1.1"), "suspend"),
    ("a sending quota is a rate limit", Evidence(answer="550 5.4.5 Daily user sending quota exceeded", status="5.4.5"),
     "ratelimited"),
    ("the cause of a rate limit decides", Evidence(answer="451 4.7.650 rate limited due to IP reputation", status="4.7.650"),
     "badreputation"),
    ("misalignment is the cause of a rate limit",
     Evidence(answer="421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message "
                     "isn't aligned with either the authenticated SPF or DKIM organizational domain.", status="4.7.32"),
     "authfailure"),
    ("failed ARC over the code's TLS meaning",
     Evidence(answer="550 5.7.30 Your email has been blocked because ARC validation failed.", status="5.7.30"), "authfailure"),
    ("a client that did not sign in", Evidence(answer="530 5.7.57 Client not authenticated to send mail during MAIL FROM",
                                               status="5.7.57", stage="MAIL"), "securityerror"),
    # The stage decides what "unknown user" means.
    ("unknown user at RCPT", Evidence(answer="550 User unknown", replycode="550", stage="RCPT"), "userunknown"),
    ("unknown user at an unknown stage", Evidence(answer="550 User unknown", replycode="550"), "userunknown"),
    ("unknown user after DATA is a filter", Evidence(answer="550 User unknown", replycode="550", stage="DATA"), "filtered"),
    ("unknown user at MAIL FROM is the sender", Evidence(answer="553 5.1.1 user unknown", status="5.1.1", stage="MAIL"),
     "rejected"),
    ("a refusal of MAIL FROM without words", Evidence(answer="550 5.7.1 go away", status="5.7.1", stage="MAIL"), "rejected"),
    ("access denied to MAIL FROM is the sender", Evidence(answer="550 5.7.1 Access denied", status="5.7.1", stage="MAIL"),
     "rejected"),
    ("a refused greeting is the sending host", Evidence(answer="554 no", replycode="554", stage="CONN"), "blocked"),
    ("a failed connection is no refusal", Evidence(answer="connect to mx: Connection timed out", stage="CONN"), "expired"),
    # Carrier rule: au answers without the address for its reception filter.
    ("au filter", Evidence(answer="550 : User unknown", replycode="550", recipient="k@ezweb.ne.jp"), "filtered"),
    ("au unknown address", Evidence(answer="550 <k@ezweb.ne.jp>: User unknown", replycode="550", recipient="k@ezweb.ne.jp",
                                    names_recipient=True), "userunknown"),
    ("no au rule elsewhere", Evidence(answer="550 : User unknown", replycode="550", recipient="k@example.jp"), "userunknown"),
    # Temporary lookups.
    ("a lookup retried is the network", Evidence(answer="Host not found", status="4.4.3"), "networkerror"),
    ("a missing domain", Evidence(answer="Host not found", status="5.1.2"), "hostunknown"),
    ("delayed by DNS, no code", Evidence(answer="DNS Error: domain name not found", action="delayed"), "networkerror"),
    # A provider's documented code beats the status and the stage.
    ("provider code", Evidence(answer="552 5.1.1 Boite pleine. OFR_417", status="5.1.1", stage="RCPT"), "mailboxfull"),
    # The notice: only through its rows, and the answer first among equals.
    ("notice states the reason", Evidence(answer="550 user unknown", notice="The user(s) account is disabled.", stage="RCPT"),
     "suspend"),
    ("answer before notice", Evidence(answer="550 5.0.0 user unknown", notice="Your mailbox is full", status="5.0.0"),
     "userunknown"),
    ("a plural mark is read away", Evidence(notice="The user(s) does not exist."), "userunknown"),
    ("a footer never decides", Evidence(answer="550 5.0.0 go away", status="5.0.0",
                                        notice="Privacy Policy | Unsubscribe | https://spam.example/filter"), "onhold"),
    ("an address never decides", Evidence(answer="550 <spam-filter@quota.example>: rejected", replycode="550"), "onhold"),
    ("a quoted address never decides", Evidence(answer='550 <"spam filter"@quota.example>: rejected', replycode="550"),
     "onhold"),
    # A give-up: the cause stated decides, then the give-up.
    ("give-up with a cause", Evidence(answer="retry timeout exceeded; last error: mailbox full", action="failed"),
     "mailboxfull"),
    ("give-up alone", Evidence(answer="retry timeout exceeded", action="failed"), "expired"),
    # qmail says "This is a permanent error; I've given up" of every refusal it returns, and
    # "Giving up on <host>" after a 5xx: neither is a give-up after retries.
    ("qmail's permanent error is no give-up",
     Evidence(answer="553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)", status="5.7.1", replycode="553",
              stage="MAIL", action="failed",
              notice="This is a permanent error; I've given up. Sorry it didn't work out.\nGiving up on 192.0.2.1."),
     "rejected"),
    ("sendmail's give-up", Evidence(answer="Cannot send message for 5 days", action="failed"), "expired"),
    ("qmail's failed connection, given up", Evidence(answer="Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)"),
     "expired"),
    # After DATA the host and recipients were accepted: an unexplained 5.7.1 refuses the content.
    ("5.7.1 after DATA", Evidence(answer="554 5.7.1 Rejected", status="5.7.1", stage="DATA"), "spamdetected"),
    # A kind of file the site does not take is its policy: the message itself is well formed.
    ("an executable attachment", Evidence(answer="550 This message has been rejected because it has a potentially "
                                                 "executable attachment", replycode="550", stage="DATA"), "policyviolation"),
    ("Amavis's banned file", Evidence(answer="554 5.7.0 Bounce, id=31536-15 - BANNED: .exe,invoice.bat", status="5.7.0",
                                      stage="DATA"), "policyviolation"),
    ("Amavis", Evidence(answer="554 5.7.0 Reject, id=12345-01 - SPAM", status="5.7.0", stage="DATA"), "spamdetected"),
    ("a mailing list", Evidence(answer="550 5.7.1 You are not allowed to post to this mailing list", status="5.7.1"),
     "rejected"),
    ("delay with a cause", Evidence(answer="Deferred: Connection timed out with mx.example.org.", action="delayed"),
     "networkerror"),
    ("delay without a cause", Evidence(action="delayed"), "expired"),
    # The kind of diagnostic gets the full judgement, and says something of its own.
    ("x-unix words", Evidence(answer="user is over quota", diagnostic_type="x-unix", status="5.2.2"), "mailboxfull"),
    ("x-unix alone", Evidence(answer="77", diagnostic_type="x-unix", status="5.3.0"), "mailererror"),
    ("x-postfix words", Evidence(answer="unknown user: \"taro\"", diagnostic_type="x-postfix", status="5.1.1"),
     "userunknown"),
    # Sign-in to the sending server.
    ("535", Evidence(answer="535 5.7.8 Error: authentication failed: authentication failure", status="5.7.8",
                     stage="AUTH"), "securityerror"),
    # Deliveries and nothing at all.
    ("delivered", Evidence(status="2.0.0", action="delivered"), "delivered"),
    ("nothing", Evidence(), "onhold"),
]


@pytest.mark.parametrize("name, evidence, reason", CASES, ids=[case[0] for case in CASES])
def test_judge(name, evidence, reason):
    assert judge(evidence) == reason


def test_prepare_drops_links_addresses_and_codes():
    text = prepare("550-5.7.1 <a@spam.example> See https://example.com/quota  Mailbox\n FULL")
    assert "spam" not in text and "quota" not in text and "5.7.1" not in text
    assert "mailbox full" in text


# The address pattern the rules are read without, as one search of the whole text would
# apply it; prepare() searches only around each "@" and must give the same text.
_WHOLE_TEXT_ADDRESS = re.compile(
    r"(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9.-]{1,255}")
_CODE = re.compile(r"\b[245]\d\d[ -]#?[245]\.\d{1,3}\.\d{1,3}\b|\b[245]\d\d-|\b[245]\.\d{1,3}\.\d{1,3}\b")


def _prepared_by_whole_text_search(text: str) -> str:
    return " ".join(_CODE.sub(" ", _WHOLE_TEXT_ADDRESS.sub(" ", text).lower()).split())


@given(st.text(alphabet="ab.-_@ \n<>x1245あ", max_size=400))
def test_prepare_reads_addresses_and_codes_as_a_whole_text_search_would(text):
    assert prepare(text) == _prepared_by_whole_text_search(text)


@pytest.mark.parametrize("text", [
    "a" * 70 + "@b.example too long a local part, then c@d.example",
    "x@@y.example and z@" + "w" * 300,
    "あ5.1.1 stays, 550 5.1.1 goes, 4.2.2 goes",
])
def test_prepare_edges(text):
    assert prepare(text) == _prepared_by_whole_text_search(text)


def test_names_a_reason():
    assert names_a_reason("Recipient address rejected: User unknown in local recipient table")
    assert not names_a_reason("Undelivered Mail Returned to Sender")
