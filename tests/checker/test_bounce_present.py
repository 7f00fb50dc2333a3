"""The Japanese labels and the reason vocabulary the site build relies on."""
from __future__ import annotations

import pytest

from checker.bounce import analyze_bounce
from checker.bounce.original import OriginalFacts
from checker.bounce.present import (
    actor_label_ja,
    card_texts,
    kind_label_ja,
    reason_label_ja,
    replycode_meaning_ja,
    retry_advice_ja,
    status_meaning_ja,
    summary_ja,
)
from checker.bounce.reasons import NON_FAILURE_REASONS, REASON_TRAITS, REPORTABLE_REASONS, STATES
from checker.bounce.report import RecipientResult
from checker.bounce.rules import RESTATEMENTS, RULES
from checker.bounce.sesjson import SUBTYPE_REASONS

SISIMAI_REASONS = {
    "hostunknown", "userunknown", "filtered", "hasmoved", "rejected", "mailboxfull", "suspend", "suppressed",
    "contenterror", "emailtoolarge", "feedback", "notcompliantrfc", "policyviolation", "securityerror",
    "spamdetected", "virusdetected", "authfailure", "badreputation", "blocked", "expired", "mailererror",
    "networkerror", "norelaying", "notaccept", "ratelimited", "requireptr", "systemerror", "systemfull",
    "failedstarttls", "delivered", "syntaxerror", "vacation", "onhold", "undefined"}
# Reasons given when nothing in the tables decides: no clue at all, or no reason found in a bounce.
FALLBACK_REASONS = {"onhold", "undefined"}


def test_reasons_use_the_sisimai_vocabulary():
    assert set(REASON_TRAITS) == SISIMAI_REASONS
    assert set(REPORTABLE_REASONS) == SISIMAI_REASONS - set(NON_FAILURE_REASONS)


def test_reportable_reasons_are_exactly_those_the_engine_can_give():
    producible = ({rule.reason for rule in RULES} | {restated.becomes for restated in RESTATEMENTS}
                  | set(SUBTYPE_REASONS.values()) | FALLBACK_REASONS)
    assert producible - set(NON_FAILURE_REASONS) == set(REPORTABLE_REASONS)


@pytest.mark.parametrize("reason", sorted(SISIMAI_REASONS))
def test_every_reason_has_a_plain_japanese_label(reason):
    label = reason_label_ja(reason)
    assert label and label != reason_label_ja("no-such-reason") or reason == "undefined"
    assert all(ord(ch) < 0x7f or ch > "\u3000" for ch in label)


def test_labels_for_codes_kinds_actors_and_retry():
    assert reason_label_ja("userunknown") == "宛先のメールアドレス（@より左）が見つかりません"
    assert "恒久的" in status_meaning_ja("5.1.1") and "存在しません" in status_meaning_ja("5.1.1")
    assert "一時的" in status_meaning_ja("4.2.2") and "いっぱい" in status_meaning_ja("4.2.2")
    assert status_meaning_ja("5.7.999").startswith("恒久的")  # unknown detail: the class still says something
    assert status_meaning_ja("nonsense") == ""
    assert replycode_meaning_ja("550") and replycode_meaning_ja("451") and replycode_meaning_ja("599")
    assert replycode_meaning_ja("") == ""
    for kind in ("bounce", "delayed", "autoreply", "feedback", "delivered", "not-bounce"):
        assert kind_label_ja(kind)
    assert len({actor_label_ja(a) for a in ("sender", "recipient", "provider")}) == 3
    assert len({retry_advice_ja(state, "sender") for state in STATES}) == len(STATES)


def test_permanence_and_actor_follow_status_class_and_reason():
    (full,) = analyze_bounce("452 4.2.2 <taro@example.jp>: Mailbox full").results
    assert (full.reason, full.permanent, full.actor) == ("mailboxfull", False, "recipient")
    (unknown,) = analyze_bounce("550 5.1.1 <taro@example.jp>: User unknown").results
    assert (unknown.permanent, unknown.actor) == (True, "sender")
    (blocked,) = analyze_bounce("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org").results
    assert (blocked.reason, blocked.actor) == ("blocked", "provider")


def test_summary_is_japanese_and_names_the_recipient():
    report = analyze_bounce("<taro@example.jp>: 550 5.1.1 User unknown")
    summary = summary_ja(report)
    assert "taro@example.jp" in summary and "見つかりません" in summary and "再送" in summary


# What the returned original tells appears on the card only where it explains the failure.
_UNSIGNED_VIA_ISP = OriginalFacts(sent="Mon, 2 Nov 2026 09:00:00 +0900", delay_hours=74.0,
                                  first_server="smtp.isp.example.net", from_domain="example.jp",
                                  authentication=(("spf", "fail"), ("dkim", "none")))
_SIGNED = OriginalFacts(sent="Mon, 2 Nov 2026 09:00:00 +0900", delay_hours=0.1,
                        first_server="mail.example.jp", from_domain="example.jp", dkim_domains=("example.jp",))


def _card_terms(reason, original, status="5.7.1", action="failed"):
    result = RecipientResult(recipient="a@example.com", reason=reason, status=status, action=action,
                             permanent=status.startswith("5"), actor="sender")
    return {term: value for term, value in card_texts(result, original)["facts"]}


@pytest.mark.parametrize("reason, original, status, action, shown, hidden", [
    ("authfailure", _UNSIGNED_VIA_ISP, "5.7.26", "failed",
     ["DKIM 署名", "受信側の認証結果", "最初に受け取った送信サーバー"], ["送信からエラーメールまで"]),
    ("spamdetected", _UNSIGNED_VIA_ISP, "5.7.1", "failed", ["DKIM 署名", "受信側の認証結果"],
     ["最初に受け取った送信サーバー"]),
    ("authfailure", _SIGNED, "5.7.26", "failed", ["最初に受け取った送信サーバー"], ["DKIM 署名"]),
    ("userunknown", _UNSIGNED_VIA_ISP, "5.1.1", "failed", [],
     ["DKIM 署名", "受信側の認証結果", "最初に受け取った送信サーバー", "送信からエラーメールまで"]),
    ("expired", _UNSIGNED_VIA_ISP, "4.4.7", "failed", ["送信からエラーメールまで"], ["DKIM 署名"]),
    ("networkerror", _UNSIGNED_VIA_ISP, "4.4.1", "delayed", ["送信からエラーメールまで"], []),
    ("expired", _SIGNED, "4.4.7", "failed", [], ["送信からエラーメールまで"]),
    ("authfailure", None, "5.7.26", "failed", [], ["DKIM 署名", "最初に受け取った送信サーバー"]),
])
def test_card_mentions_the_original_only_where_it_explains(reason, original, status, action, shown, hidden):
    terms = _card_terms(reason, original, status, action)
    assert all(term in terms for term in shown), terms
    assert not any(term in terms for term in hidden), terms


def test_card_states_the_delay_in_days_and_the_first_server():
    terms = _card_terms("authfailure", _UNSIGNED_VIA_ISP, "5.7.26")
    assert "smtp.isp.example.net" in terms["最初に受け取った送信サーバー"]
    assert "spf=fail" in terms["受信側の認証結果"]
    assert "3.1 日" in _card_terms("expired", _UNSIGNED_VIA_ISP, "4.4.7")["送信からエラーメールまで"]


def test_a_temporary_code_of_mail_given_up_is_not_called_temporary_alone():
    # Action: failed with 4.4.7 after five days of "Connection refused": the card says the
    # mail will not arrive, so the code's class must not say the error was only temporary.
    report = analyze_bounce("Final-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 4.4.7\n"
                            "Diagnostic-Code: smtp; 421 4.4.7 Connection refused by mx.example.jp\n")
    terms = dict(card_texts(report.results[0])["facts"])
    assert "送り直しをやめました" in terms["ステータスコード"], terms
    assert "送り直しをやめました" not in card_texts(analyze_bounce(
        "Final-Recipient: rfc822; a@example.jp\nAction: delayed\nStatus: 4.4.1\n").results[0])["facts"][3][1]


@pytest.mark.parametrize("original, shown", [
    ("alias@example.co.jp", True),                     # a forward: the customer wrote the alias
    ("taro@example.jp", False),                        # the same address
    ('"taro"@example.jp', False),                      # the same address, quoted
    ("unknown", False),                                # not an address
])
def test_card_names_the_address_the_mail_was_sent_to_where_it_was_forwarded(original, shown):
    report = analyze_bounce(f"Original-Recipient: rfc822; {original}\nFinal-Recipient: rfc822; taro@example.jp\n"
                            "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n")
    [result] = report.results
    assert result.recipient == "taro@example.jp"
    terms = dict(card_texts(result)["facts"])
    assert (terms.get("送信時の宛先", "").startswith(original + "（")) is shown
    assert ("送信時の宛先: " + original in summary_ja(report)) is shown
    assert "sent_to" not in result.to_json()  # the JSON lines keep their documented fields
