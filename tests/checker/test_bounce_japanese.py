"""Japanese bounces: every charset and transfer encoding, line ends, carrier wording."""
from __future__ import annotations

import base64
import quopri

import pytest

from checker.bounce import analyze_bounce
from checker.bounce.present import notice_ja

CARRIER_TEXT = (
    "以下の宛先へのメールは配送できませんでした。\n\n"
    "<hanako@example.ne.jp>\n"
    "宛先のメールアドレスが見つかりません。\n"
)


def _message(body: bytes, charset: str, encoding: str = "7bit", subject: str = "=?ISO-2022-JP?B?GyRCJWEhPCVrJE4bKEI=?=") -> bytes:
    head = (f"From: MAILER-DAEMON@mx.example.ne.jp\nTo: taro@example.jp\nSubject: {subject}\n"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset={charset}\n"
            f"Content-Transfer-Encoding: {encoding}\n\n").encode("ascii")
    return head + body


@pytest.mark.parametrize("charset, codec", [
    ("ISO-2022-JP", "iso2022_jp"), ("Shift_JIS", "cp932"), ("EUC-JP", "euc_jp"), ("UTF-8", "utf-8")])
def test_each_japanese_charset(charset, codec):
    report = analyze_bounce(_message(CARRIER_TEXT.encode(codec), charset, "8bit"))
    (result,) = report.results
    assert (result.recipient, result.reason) == ("hanako@example.ne.jp", "userunknown")


@pytest.mark.parametrize("encoding", ["base64", "quoted-printable"])
def test_transfer_encodings(encoding):
    raw = CARRIER_TEXT.encode("iso2022_jp")
    body = base64.encodebytes(raw) if encoding == "base64" else quopri.encodestring(raw)
    (result,) = analyze_bounce(_message(body, "ISO-2022-JP", encoding)).results
    assert result.reason == "userunknown"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends(newline):
    data = _message(CARRIER_TEXT.encode("utf-8"), "UTF-8", "8bit").replace(b"\n", newline.encode())
    (result,) = analyze_bounce(data).results
    assert result.recipient == "hanako@example.ne.jp"


def test_wrong_charset_label_is_survived():
    # Labelled us-ascii but written in Shift_JIS, as some old servers do.
    (result,) = analyze_bounce(_message(CARRIER_TEXT.encode("cp932"), "us-ascii", "8bit")).results
    assert result.reason == "userunknown"


def test_unknown_charset_is_guessed_and_said():
    report = analyze_bounce(_message(CARRIER_TEXT.encode("utf-8"), "x-no-such-charset", "8bit"))
    assert report.results[0].reason == "userunknown"
    assert any("x-no-such-charset" in notice for notice in map(notice_ja, report.notices))


def test_rfc2047_subject_of_the_returned_message():
    data = (b"From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail\n"
            b'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
            b"--b\nContent-Type: text/plain\n\nsorry\n"
            b"--b\nContent-Type: message/delivery-status\n\n"
            b"Final-Recipient: rfc822; hanako@example.ne.jp\nAction: failed\nStatus: 5.2.2\n\n"
            b"--b\nContent-Type: message/rfc822\n\n"
            b"Subject: =?UTF-8?B?5Lya6K2w44Gu44GK55+l44KJ44Gb?=\nTo: hanako@example.ne.jp\n"
            b"Date: Mon, 1 Jan 2024 00:00:00 +0900\n\nbody\n--b--\n")
    report = analyze_bounce(data)
    assert report.results[0].reason == "mailboxfull"
    assert report.original.subject == "会議のお知らせ"
    assert report.original.to == "hanako@example.ne.jp"


@pytest.mark.parametrize("text, reason", [
    ("相手のメールボックスがいっぱいです。", "mailboxfull"),
    ("ドメインが見つかりません: hanako@exmaple.ne.jp", "hostunknown"),
    ("受信拒否設定により、メールは届きませんでした。", "filtered"),
    ("メールサイズが大きすぎるため送信できませんでした。", "emailtoolarge"),
    ("宛先のメールアドレスが見つかりませんでした。", "userunknown"),
    # Gmail in Japanese, with only its words pasted
    ("hanako@gmail.com にメッセージを配信できませんでした。受信者の受信トレイがいっぱいになっているか、現在受信しているメールが多すぎます。",
     "mailboxfull"),
    # The carriers' reception filters are the recipient's own settings, not a spam verdict ...
    ("以下のアドレスへの送信に失敗しました。\nhanako@au.com\n\n相手の方の迷惑メールフィルター設定(受信拒否)により、メールは受信されませんでした。",
     "filtered"),
    # ... but a message judged to be spam is
    ("このメールは迷惑メールと判定されたため、配信されませんでした。", "spamdetected"),
    # A refusal that says why is refused for that reason
    ("宛先: hanako@example.jp\n理由: 送信ドメイン認証(SPF)に失敗したため、受信を拒否しました", "authfailure"),
    ("宛先: hanako@example.co.jp\n理由: 送信元 IP アドレス 192.0.2.99 はブラックリストに登録されているため、接続を拒否しました",
     "blocked"),
    ("原因: <hanako@example.ne.jp> のユーザーは登録されていません", "userunknown"),
    # A give-up after trying for a while, with no cause given
    ("下記のメールは一定期間配信を試みましたが、相手先のメールサーバーに配信できなかったため、お送りしたメールを返送いたします。\n\n"
     "宛先: hanako@example.com", "expired"),
])
def test_japanese_single_lines(text, reason):
    assert analyze_bounce(text).results[0].reason == reason


def test_a_japanese_delay_notice_is_a_delay():
    # Gmail's "Message not delivered yet", pasted in Japanese without its report
    paste = ("メッセージはまだ配信されていません\nhanako@example.jp へのメッセージの配信で一時的な問題が発生しました。"
             "Gmail は今後 46 時間再試行します。配信が完全に失敗した場合は通知されます。\n")
    report = analyze_bounce(paste)
    assert report.kind == "delayed" and report.results[0].action == "delayed"


def test_a_japanese_notice_names_its_recipient_and_where_to_ask():
    # DTI's layout: 受取人 names the recipient; the postmaster at the end is where to write
    mail = ("From: Mail Administrator <Postmaster@example.ne.jp>\nTo: taro@example.jp\nSubject: メールシステム誤り- 返されたメール\n\n"
            "以下の受取人は、相手のメールサーバに拒否されました。\n\n受取人: <hanako@example.ne.jp>\n"
            "原因:  <hanako@example.ne.jp> のユーザーは登録されていません\n\n"
            "もし、このエラーメールにご不明な点などございましたら\nPostmaster@example.ne.jp まで返信をお願いします。\n")
    (result,) = analyze_bounce(mail).results
    assert (result.recipient, result.reason) == ("hanako@example.ne.jp", "userunknown")


def test_pasted_japanese_text_with_quote_marks():
    paste = "> 以下のアドレスに配信できませんでした。\n> <hanako@example.ne.jp>\n>   550 5.1.1 User unknown\n"
    (result,) = analyze_bounce(paste).results
    assert (result.recipient, result.status, result.reason) == ("hanako@example.ne.jp", "5.1.1", "userunknown")
