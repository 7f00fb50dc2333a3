"""What a card tells the customer (issue 12): the state of the mail (still retried, given up,
refused, never sent) decides the headline, the resend advice and who acts, the reason is
shown as the cause, and no explanation on a card contradicts its verdict.

The view is tested over every reportable reason in every state it can be in, over every
status and reply code the tables explain, over the corpus, and on the notices the issue
quotes (a sendmail delay warning, an Exim and a sendmail give-up, a 535, a mail app's
sign-in errors).
"""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import advice_cases as cases
from bounce_corpus import CORPUS
from checker.bounce import analyze_bounce, codes
from checker.bounce.present import (
    NOTICE_TEXTS_JA,
    REPLYCODE_MEANINGS_JA,
    STATUS_DETAIL_JA,
    card_texts,
    notice_ja,
    reply_agrees,
    status_agrees,
    summary_ja,
)
from checker.bounce.reasons import (
    DELAYED,
    GAVE_UP,
    REFUSED,
    REPORTABLE_REASONS,
    SIGN_IN,
    STATES,
    actor_for,
    delivery_state,
    guide_keys,
    permanence,
)
from checker.bounce.report import NOTICE_CODES, RecipientResult
from checker.bounce.signin import SIGN_IN_WORDINGS
from checker.web import page_json

REPO_ROOT = Path(__file__).resolve().parents[2]

# Words that tell the customer to send again, or to fix something first.
RESEND = ("送り直してください", "再送してください", "直してから", "送信し直してください")
# Words that tell the customer to wait for the same mail to arrive.
WAIT = ("お待ちください", "待つと届く", "しばらく待", "届くことがあります")


def result_in(state: str, reason: str) -> RecipientResult:
    """A recipient of this reason in this state, as the engine would report it."""
    status, action, command = {
        DELAYED: ("4.4.1", "delayed", ""),
        GAVE_UP: ("4.4.7", "failed", ""),
        REFUSED: ("5.0.0", "failed", ""),
        SIGN_IN: ("5.7.8", "failed", "AUTH"),
    }[state]
    result = RecipientResult(recipient="taro@example.jp", reason=reason, status=status, action=action,
                             command=command, permanent=permanence(reason, status, ""),
                             actor=actor_for(reason))
    assert delivery_state(reason, action, status, "", result.permanent, command) == state
    return result


# Only a sign-in can fail at sign-in, and an expiry is a give-up, never a refusal.
STATE_CASES = [(state, reason) for state in STATES for reason in REPORTABLE_REASONS
               if (state != SIGN_IN or reason == "securityerror") and (state, reason) != (REFUSED, "expired")]


@pytest.mark.parametrize(("state", "reason"), STATE_CASES)
def test_every_reason_in_every_state_gets_the_state_s_advice(state, reason):
    card = card_texts(result_in(state, reason))
    assert card["state"] == state and card["heading"] and card["headline"]
    advice, actor, cause = card["retry_advice"], card["actor_label"], card["reason_label"]
    said = card["headline"] + advice + actor
    if state == DELAYED:
        assert card["headline"].startswith("まだ届いていません")
        assert not any(word in said for word in RESEND), said
        assert "あきらめ" not in said + cause and "届けられませんでした" not in cause
        assert guide_keys(reason, "delayed")[0] == "delayed"
    elif state == GAVE_UP:
        assert "あきらめ" in card["headline"] and "待っていても届きません" in advice
        assert not any(word in said for word in WAIT), said
    elif state == REFUSED:
        assert card["headline"] == "このメールは相手に届きませんでした。"
        assert not any(word in said for word in WAIT), said
        assert "このまま送り直しても届きません" in advice or "判断できません" in advice
    else:
        assert "送信されていません" in card["headline"]
        assert "パスワード" in advice and "国外からのSMTP認証のアクセス制限" in advice
        assert not any(word in said for word in WAIT), said
    # the facts the widget draws are the same texts, in order
    assert [term for term, _ in card["facts"][:3]] == ["原因", "再送するか待つか", "対応が必要な人"]
    assert [value for _, value in card["facts"][:3]] == [cause, advice, actor]


@pytest.mark.parametrize("reason", ["notaccept", "hostunknown", "userunknown", "blocked"])
def test_a_delay_s_cause_is_worded_as_lasting_for_now(reason):
    """A 421 4.3.2 says "not now", not "this domain accepts no mail"."""
    cause = card_texts(result_in(DELAYED, reason))["reason_label"]
    assert cause != card_texts(result_in(REFUSED, reason))["reason_label"]
    assert any(word in cause for word in ("いま", "一時的")), cause


# ---- the notices of the issue ----

def only_card(text: str) -> dict:
    view = json.loads(page_json("bounce", text))
    [card] = view["recipients"]
    return card


@pytest.mark.parametrize("text", [cases.SENDMAIL_DELAY, cases.SENDMAIL_DELAY_421, cases.POSTFIX_WARNING_PASTED,
                                  cases.GMAIL_WARNING_PASTED, cases.JAPANESE_WARNING_PASTED],
                         ids=["refused", "421", "postfix-pasted", "gmail-pasted", "japanese-pasted"])
def test_a_delay_warning_says_wait_and_goes_to_the_delay_section(text):
    view = json.loads(page_json("bounce", text))
    assert view["kind"] == "delayed"
    [card] = view["recipients"]
    assert card["state"] == DELAYED and card["guide_keys"][0] == "delayed"
    words = " ".join([card["headline"], card["retry_advice"], card["actor_label"], card["reason_label"]])
    assert "送り直さずにお待ちください" in card["retry_advice"]
    assert not any(word in words for word in RESEND)
    assert "送信元のサーバー（IP アドレス）が受け取りを断られました" not in words
    assert "宛先のドメインはメールを受け付けていません" not in words


@pytest.mark.parametrize("text", [cases.EXIM_RETRY_TIMEOUT, cases.SENDMAIL_FIVE_DAYS, cases.EXIM_GIVE_UP_AFTER_DELAY,
                                  cases.DELAYED_THEN_FAILED, cases.JAPANESE_GIVE_UP_PASTED],
                         ids=["exim", "sendmail", "exim-after-delay", "delayed-then-failed", "japanese-pasted"])
def test_a_give_up_never_says_wait(text):
    card = only_card(text)
    assert card["state"] == GAVE_UP and card["action"] == "failed"
    assert "配送をあきらめました" in card["headline"]
    assert "待っていても届きません" in card["retry_advice"]
    assert not any(word in card["retry_advice"] + card["headline"] for word in WAIT)


@pytest.mark.parametrize("name", sorted(cases.SIGN_IN_PASTES))
def test_sign_in_errors_are_recognised_and_sent_to_the_sign_in_section(name):
    view = json.loads(page_json("bounce", cases.SIGN_IN_PASTES[name]))
    assert view["kind"] == "signin"
    [card] = view["recipients"]
    assert (card["reason"], card["state"], card["guide_keys"]) == ("securityerror", SIGN_IN, ["securityerror"])
    assert card["recipient"] == "" and card["heading"] == "送信サーバーへの接続・ログイン（SMTP 認証）"
    assert card["failed"] and card["diagnostic"]
    assert view["notices"] == []


@pytest.mark.parametrize("row", SIGN_IN_WORDINGS, ids=lambda row: row.words[:30])
def test_every_sign_in_wording_has_a_source_and_its_example_matches(row):
    assert row.client and row.source and row.pattern.search(row.example.lower())
    assert analyze_bounce(row.example).kind == "signin"


def test_a_real_bounce_that_mentions_authentication_stays_a_bounce():
    report = analyze_bounce(cases.DMARC_550)
    assert report.kind == "bounce" and report.results[0].reason == "authfailure"
    report = analyze_bounce(cases.TWO_RECIPIENTS)
    assert report.kind == "bounce" and len(report.results) == 2
    assert analyze_bounce("お世話になっております。来週の打ち合わせの件です。").kind == "not-bounce"
    # A remote server that refused to relay, in a bounce: the bounce's, not the app's
    relay = ("From: MAILER-DAEMON@smtp.example.jp (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\n\n"
             "<hanako@example.net>: host mx.example.net[192.0.2.1] said: 554 5.7.1 <hanako@example.net>: Relay access denied "
             "(in reply to RCPT TO command)\n")
    report = analyze_bounce(relay)
    assert report.kind == "bounce" and report.results[0].reason == "norelaying"


@pytest.mark.parametrize("answer", [
    "Remote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required'",
    "taro@example.com\nRemote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required'",
])
def test_authentication_required_under_a_550_is_not_a_sign_in_failure(answer):
    """RFC 4954 answers AUTH with 530, 534, 535, 538 or 454: a 550 is a recipient's restriction."""
    report = analyze_bounce(answer)
    assert report.kind == "bounce" and report.results[0].command != "AUTH"


def test_two_recipients_get_two_cards_with_their_own_state_and_cause():
    view = json.loads(page_json("bounce", cases.TWO_RECIPIENTS))
    cards = {card["recipient"]: card for card in view["recipients"]}
    assert set(cards) == {"yamada@example.com", "kato@example.net"}
    assert cards["yamada@example.com"]["reason"] == "userunknown"
    assert cards["kato@example.net"]["reason"] == "mailboxfull"
    assert cards["yamada@example.com"]["actor"] == "sender" and cards["kato@example.net"]["actor"] == "recipient"


# ---- no explanation contradicts the verdict ----

# What an explanation asserts, by its words, and the verdicts it may stand beside. Written
# independently of present.CODE_AGREES, from what the words say.
CLAIMS = [
    (r"存在しません", {"userunknown", "hostunknown"}),
    (r"null MX|受け付けていません|受け付けません", {"notaccept", "hostunknown", "networkerror", "systemerror"}),
    (r"容量|いっぱい", {"mailboxfull", "systemfull", "emailtoolarge"}),
    (r"メールボックスが(?:使えない|無効|一時的)", {"userunknown", "suspend", "hasmoved", "mailboxfull", "filtered"}),
    (r"メールボックス名", {"userunknown", "notcompliantrfc"}),
    (r"ユーザー名やパスワード|(?<!ドメイン)認証(?:に失敗|が必要|方式)", {"securityerror"}),
    (r"この認証", {"securityerror", "failedstarttls"}),
    (r"DKIM|SPF|ARC|送信ドメイン認証", {"authfailure"}),
    (r"逆引き", {"requireptr"}),
    (r"暗号", {"securityerror", "failedstarttls"}),
    (r"応答がありません|接続に問題", {"networkerror", "expired"}),
    (r"期限", {"expired"}),
    (r"大きすぎ|大きさ", {"emailtoolarge"}),
    (r"移転|持ち主が変わ", {"hasmoved"}),
    (r"アカウントが無効", {"suspend"}),
    (r"宛先の数が多すぎ|大量に送られ|混み合", {"ratelimited", "systemfull"}),
    (r"ユーザーはこのサーバーにいません", {"userunknown", "hasmoved"}),
    (r"コマンド|引数|版が合いません", {"syntaxerror", "notcompliantrfc", "userunknown", "systemerror"}),
    (r"送信者アドレス", {"rejected", "notaccept"}),
]


def contradictions(card: dict, reason: str) -> list[str]:
    explained = card.get("status_meaning", "") + " " + card.get("replycode_meaning", "")
    return [f"{words!r} beside {reason}: {explained}" for words, allowed in CLAIMS
            if re.search(words, explained) and reason not in allowed]


@pytest.mark.parametrize("reason", REPORTABLE_REASONS)
def test_no_code_explanation_contradicts_the_verdict(reason):
    problems = []
    for klass in ("4", "5"):
        for detail in STATUS_DETAIL_JA:
            result = RecipientResult(recipient="a@example.jp", reason=reason, status=f"{klass}.{detail}",
                                     action="failed", permanent=klass == "5")
            problems += contradictions(card_texts(result), reason)
    for code in REPLYCODE_MEANINGS_JA:
        result = RecipientResult(recipient="a@example.jp", reason=reason, replycode=code, action="failed",
                                 permanent=code[0] == "5")
        problems += contradictions(card_texts(result), reason)
    assert problems == []


def test_no_card_in_the_corpus_contradicts_its_verdict():
    problems = []
    for path in sorted(CORPUS.rglob("*.eml")):
        view = json.loads(page_json("bounce", path.read_bytes()))
        for card in view.get("recipients", []):
            if card["failed"]:
                problems += [f"{path.name}: {p}" for p in contradictions(card, card["reason"])]
    assert problems == []


@pytest.mark.parametrize(("text", "absent"), [
    (cases.OFFICE365_NOT_FOUND, "null MX"),
    (cases.MAILBOX_NOT_FOUND_552, "容量"),
    (cases.DMARC_550, "メールボックス"),
    (cases.CARRIER_550, "メールボックス"),
], ids=["office365-5.1.10", "552-not-found", "550-dmarc", "550-carrier"])
def test_the_explanations_the_issue_quotes_no_longer_contradict(text, absent):
    card = only_card(text)
    explained = " ".join(value for term, value in card["facts"])
    assert absent not in explained, explained
    # the class is still said
    assert "恒久的なエラー" in card["status_meaning"] + card["replycode_meaning"]


def test_explanations_agree_with_the_judge_s_code_tables():
    """Where codes.py says what a code means, its explanation is shown for that verdict."""
    for table in (codes.NAMED_STATUS, codes.LEANING_STATUS, codes.STATUS_HINTS):
        for detail, (reason, _source) in table.items():
            assert reason in status_agrees(detail)
            if detail in STATUS_DETAIL_JA:
                shown = card_texts(RecipientResult(recipient="", reason=reason, status=f"5.{detail}",
                                                   action="failed", permanent=True))["status_meaning"]
                assert STATUS_DETAIL_JA[detail] in shown
    for table in (codes.NAMED_REPLIES, codes.REPLY_HINTS):
        for code, (reason, _source) in table.items():
            assert reason in reply_agrees(code)


# ---- one table of Japanese, one presenter ----

def test_notices_are_codes_with_one_text_each():
    assert set(NOTICE_CODES) == set(NOTICE_TEXTS_JA)
    report = analyze_bounce("nothing to see here")
    assert [notice.code for notice in report.notices] == ["nothing-found"]
    assert "見つかりませんでした" in notice_ja(report.notices[0])


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("module", ["analyze.py", "report.py", "reasons.py", "signin.py"])
def test_the_engine_makes_no_japanese_sentences(module):
    """Japanese in the engine is wording it recognises (a table), never a sentence it shows."""
    tree = ast.parse((REPO_ROOT / "checker" / "bounce" / module).read_text(encoding="utf-8"))
    shown = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and JAPANESE.search(node.value) and node.value.rstrip().endswith(("。", "ください"))]
    recognised = {row.example for row in SIGN_IN_WORDINGS} | {row.words for row in SIGN_IN_WORDINGS}
    assert [text for text in shown if text not in recognised] == []


def test_report_does_not_import_present():
    tree = ast.parse((REPO_ROOT / "checker" / "bounce" / "report.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not any("present" in (name or "") for name in imported)


def test_the_support_copy_is_the_one_summary_and_masking_hides_the_subject():
    message = ("From: MAILER-DAEMON@smtp.example.jp\nTo: taro@example.jp\n"
               "Subject: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary=B\n\n"
               "--B\nContent-Type: text/plain\n\n"
               "<yamada@example.com>: host mx.example.com[198.51.100.7] said: 550 5.1.1 User unknown "
               "(in reply to RCPT TO command)\n\n"
               "--B\nContent-Type: message/rfc822\n\nFrom: taro@example.jp\nTo: yamada@example.com\n"
               "Subject: =?UTF-8?B?5bGx55Sw5qeY44G444Gu6KaL56mN44KC44KK?=\nDate: Mon, 9 Jun 2025 10:00:00 +0900\n\n"
               "body\n--B--\n")
    report = analyze_bounce(message)
    view = json.loads(page_json("bounce", message))
    assert view["support_text"] == summary_ja(report)
    assert view["support_text_masked"] == summary_ja(report, mask=True)
    subject = report.original.subject
    assert subject == "山田様への見積もり"
    assert subject in view["support_text"]
    masked = view["support_text_masked"]
    assert subject not in masked and "（伏せています）" in masked
    assert "yamada@" not in masked and "***@example.com" in masked
    assert "件名を伏せる" in view["support_labels"]["mask"]


def test_a_card_without_an_address_has_a_meaningful_heading():
    card = only_card("550 5.1.1 User unknown")
    assert card["recipient"] == "" and card["heading"].startswith("宛先不明")
    assert only_card(cases.SMTP_535)["heading"] == "送信サーバーへの接続・ログイン（SMTP 認証）"


def test_the_widget_draws_the_card_from_the_checker_s_texts():
    """The card's renderer holds no Japanese: every text comes with the JSON."""
    source = (REPO_ROOT / "widget" / "checker.js").read_text(encoding="utf-8")
    start = source.index("function recipientCard(")
    body = source[start:source.index("\n  }\n", start)]
    assert not JAPANESE.search(body), body
    start = source.index("function supportCopy(")
    body = source[start:source.index("\n  }\n", start)]
    assert not JAPANESE.search(body), body
