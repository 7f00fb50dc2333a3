"""Inputs a new customer pastes, written the way the mail servers and apps word them (issue
12): delay warnings, give-ups, refusals, a failed sign-in, and a mail app's sign-in errors.
The unit tests (tests/checker/test_bounce_advice.py) and the browser tests
(tests/site/test_widget_advice.py) share them."""
from __future__ import annotations

# sendmail's warning: still queued, "YOU DO NOT NEED TO RESEND", deferred by Connection refused.
SENDMAIL_DELAY = """From: Mail Delivery Subsystem <MAILER-DAEMON@smtp.example.jp>
To: taro@example.jp
Subject: Warning: could not send message for past 4 hours

    **********************************************
    **      THIS IS A WARNING MESSAGE ONLY      **
    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
    **********************************************

The original message was received at Mon, 9 Jun 2025 09:00:11 +0900
from [192.0.2.10]

   ----- Transcript of session follows -----
<sato@example.jp>... Deferred: Connection refused by mx.example.jp.
Warning: message still undelivered after 4 hours
Will keep trying until message is 5 days old
"""

# The same warning, deferred by a 421 4.3.2 (the server is not accepting mail now).
SENDMAIL_DELAY_421 = SENDMAIL_DELAY.replace(
    "Deferred: Connection refused by mx.example.jp.",
    "Deferred: 421 4.3.2 Service not available, closing transmission channel")

# Exim gives up after its retry rules ran out.
EXIM_RETRY_TIMEOUT = """From: Mail Delivery System <Mailer-Daemon@smtp.example.jp>
To: taro@example.jp
Subject: Mail delivery failed: returning message to sender

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  kato@example.net
    retry timeout exceeded
"""

# Exim gives up on an address it had warned about: the "Delay reason" line stays in the
# notice, above the give-up.
EXIM_GIVE_UP_AFTER_DELAY = """From: Mail Delivery System <Mailer-Daemon@smtp.example.jp>
To: taro@example.jp
Subject: Mail delivery failed: returning message to sender

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  kato@example.net
    host mx.example.net [192.0.2.1]
    Delay reason: SMTP error from remote mail server after RCPT TO:<kato@example.net>:
    451 4.7.1 Please try again later
    retry timeout exceeded
"""

# A final notice after delay warnings, as pasted: "delayed" first, then "has now failed".
DELAYED_THEN_FAILED = """Delivery to the following recipient has been delayed and has now failed:

     kato@example.net

Message will not be retried.
"""

# Postfix's delay warning as pasted, without its delivery report: "could not be delivered for
# more than 4 hour(s)", then "It will be retried".
POSTFIX_WARNING_PASTED = """This is the mail system at host smtp.example.jp.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

<kato@example.net>: connect to mx.example.net[192.0.2.1]:25: Connection timed out
"""

# Gmail's warning: no "delay" in it, only a temporary problem and the hours it will retry.
GMAIL_WARNING_PASTED = """** Delivery incomplete **

There was a temporary problem delivering your message to kato@example.net. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.

The response was:

The recipient server did not accept our requests to connect.
"""

# A Japanese provider's warning without a delivery report: late, still being tried, no need to resend.
JAPANESE_WARNING_PASTED = """以下の宛先へのメールの配送が遅れています。
引き続き配送を試みますので、再送の必要はありません。

<kato@example.net>
"""

# A Japanese provider's give-up after the retry period.
JAPANESE_GIVE_UP_PASTED = """以下の宛先へ一定期間内にメールを配送できなかったため、配送を中止しました。

<kato@example.net>
"""

# sendmail gives up after five days in the queue.
SENDMAIL_FIVE_DAYS = """From: Mail Delivery Subsystem <MAILER-DAEMON@smtp.example.jp>
To: taro@example.jp
Subject: Returned mail: Cannot send message for 5 days

The original message was received at Mon, 9 Jun 2025 09:00:11 +0900
from [192.0.2.10]

   ----- The following addresses had permanent fatal errors -----
<sato@example.jp>
    (reason: Deferred: Connection timed out with mx.example.jp.)

   ----- Transcript of session follows -----
<sato@example.jp>... Deferred: Connection timed out with mx.example.jp.
Message could not be delivered for 5 days
Message will be deleted from queue
"""

# The submission server refuses the sign-in (Postfix smtpd with SASL), as a mail app quotes it.
SMTP_535 = "535 5.7.8 Error: authentication failed: authentication failure"

# Mail apps' own sign-in errors, pasted from the dialog (checker/bounce/signin.py has the sources).
THUNDERBIRD_JA = ("メッセージの送信エラー\n"
                  "送信 (SMTP) サーバー smtp.example.jp の認証に失敗しました。パスワードを確認し、"
                  "[アカウント設定] の [送信 (SMTP) サーバー] で [認証方式] が正しいことを確認してください。")
IPHONE_JA = ("メールを送信できません\n"
             "“smtp.example.jp”のユーザ名またはパスワードが正しくありません。")
OUTLOOK_JA = ("タスク 'taro@example.jp - 送信中' がエラー (0x800CCC92) を報告しました: "
              "'電子メール サーバーはログオンを拒否しました。[アカウント設定] でこのアカウントの"
              "ユーザー名とパスワードを確認してください。'")
OUTLOOK_EN = ("Task 'taro@example.jp - Sending' reported error (0x800CCC92) : 'Your e-mail server "
              "rejected your login. Verify your user name and password for this account in Account Settings.'")
THUNDERBIRD_EN = 'Login to server smtp.example.jp with username "taro@example.jp" failed.'
SIGN_IN_PASTES = {
    "thunderbird-ja": THUNDERBIRD_JA,
    "iphone-ja": IPHONE_JA,
    "outlook-ja": OUTLOOK_JA,
    "outlook-en": OUTLOOK_EN,
    "thunderbird-en": THUNDERBIRD_EN,
    "smtp-535": SMTP_535,
    "smtp-530": "530 5.7.0 Authentication required",
    # Exchange Online: the app sent to smtp.office365.com without signing in.
    "smtp-530-exchange": "530 5.7.57 Client not authenticated to send mail during MAIL FROM",
    # Not only the sign-in: the app could not connect, start the encryption, or the sending
    # server refused the sender or a recipient of an app that had not signed in.
    "thunderbird-ja-connect": "メッセージの送信エラー\n送信 (SMTP) サーバー smtp.example.jp に接続できなかったため、メッセージを送信できませんでした。",
    "outlook-ja-port25": "サーバーへの接続は失敗しました。アカウント: 'taro@example.jp', サーバー: 'smtp.example.jp', "
                         "プロトコル: SMTP, ポート: 25, セキュリティ (SSL): なし, ソケット エラー: 10060, エラー番号: 0x800CCC0E",
    "thunderbird-en-starttls": "Sending of the message failed.\nAn error occurred while sending mail: Unable to establish a secure link "
                               "with Outgoing server (SMTP) smtp.example.jp using STARTTLS since it doesn't advertise that feature.",
    "outlook-ja-relay": "いずれかの受信者がサーバーによって拒否されたため、メッセージを送信できませんでした。拒否された電子メール アドレスは "
                        "\"hanako@example.net\" でした。サーバーの応答: '550 <hanako@example.net>... Relaying denied'",
    "thunderbird-ja-sender": "メッセージの送信エラー\nメールの送信中にエラーが発生しました。アカウント設定でメールアドレスの設定が正しいか確認し、"
                             "再度試してください。メールサーバーからの応答: 553 5.7.1 <info@example.com>: Sender address rejected: "
                             "not owned by user taro@example.jp",
    "iphone-ja-connect": "メールを送信できません\n送信サーバ“smtp.example.jp”への接続に失敗しました。",
}

# One bounce, two recipients, two causes (Postfix).
TWO_RECIPIENTS = """From: MAILER-DAEMON@smtp.example.jp (Mail Delivery System)
To: taro@example.jp
Subject: Undelivered Mail Returned to Sender

This is the mail system at host smtp.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<yamada@example.com>: host mx.example.com[198.51.100.7] said: 550 5.1.1
    <yamada@example.com>: Recipient address rejected: User unknown (in reply to
    RCPT TO command)

<kato@example.net>: host mx.example.net[203.0.113.9] said: 552 5.2.2
    <kato@example.net>: Mailbox full, quota exceeded (in reply to RCPT TO command)
"""

# Explanations that used to contradict the verdict on the same card.
OFFICE365_NOT_FOUND = ("ogawa@example.com\nリモート サーバーから '550 5.1.10 Recipient not found: "
                       "ogawa@example.com is not a known address in this organization' が返されました")
MAILBOX_NOT_FOUND_552 = "<ito@example.jp>: host mx.example.jp said: 552 5.1.1 <ito@example.jp>: mailbox not found"
DMARC_550 = ("<hayashi@example.com>: host mx.example.com said: 550 5.7.26 Message refused: "
             "the sender domain's DMARC policy requires SPF or DKIM to pass")
CARRIER_550 = ("<m.kimura@docomo.ne.jp>: host mfsmax.docomo.ne.jp said: 550 Unknown user "
               "m.kimura@docomo.ne.jp (in reply to end of DATA command)")
