"""A mail app's own error on sending, pasted instead of a bounce.

When the app cannot hand the mail to the sending server (SMTP submission, RFC 6409): it
cannot connect (the port, a blocked port 25), cannot start the encryption, the sign-in is
refused, or the server refuses the sender or a recipient because the app did not sign in,
no mail is sent and no bounce comes back: the customer sees a dialog of the mail app and may
paste its text. That text is recognised here by the wording of the apps' documented messages
and of the SMTP AUTH replies (RFC 4954), one row a wording, each with its source. Patterns
are matched on lower-cased text with runs of white space made single spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.bounce.reasons import SIGN_IN_REPLIES

# How much of a paste is read: an app's dialog is short; a long text is something else.
MAX_READ_CHARS = 4000


# What the judge makes of a server's sign-in reply that names no recipient.
_SIGN_IN_READINGS = frozenset({"securityerror", "onhold", "undefined"})


@dataclass(frozen=True)
class SignInWording:
    client: str
    words: str
    example: str
    source: str
    # For a server's reply: the reply codes it may come with (RFC 4954 section 6: AUTH's own)
    # and what the judge may have made of it, for the paste to be read as the app's error.
    replies: frozenset[str] = SIGN_IN_REPLIES
    readings: frozenset[str] = _SIGN_IN_READINGS
    pattern: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.words))

    @property
    def from_app(self) -> bool:
        """A mail app's own wording (a dialog), not a server's reply an app or a bounce quotes."""
        return self.client != SMTP


SMTP = "SMTP"
_TB_JA = "Thunderbird, Japanese: mozilla-japan/gecko-l10n ja/mail/chrome/messenger/messengercompose/composeMsgs.properties"
_TB_EN = "Thunderbird, en-US: comm-central mail/locales messenger/messengercompose"
_RFC4954 = "RFC 4954 section 6 (AUTH replies), as mail apps quote the server"
_OUTLOOK_CODES = ("Microsoft support: Outlook send/receive error codes (0x800CCC0E cannot connect, 0x800CCC0F "
                  "connection interrupted, 0x800CCC13 no network, 0x800CCC1A encryption type, 0x80042109 cannot "
                  "connect to the outgoing server, 0x8004210B timed out)")

SIGN_IN_WORDINGS: tuple[SignInWording, ...] = (
    SignInWording("Thunderbird", r"送信 ?\(smtp\) ?サーバー ?\S{0,100} ?の認証に失敗しました",
                  "送信 (SMTP) サーバー smtp.example.jp の認証に失敗しました。パスワードを確認し、…",
                  _TB_JA + " (smtpAuthFailure)"),
    SignInWording("Thunderbird", r"送信に使用するアカウント情報と認証方式が正しいか確認してください",
                  "メールの送信前にエラーが発生しました。… 送信に使用するアカウント情報と認証方式が正しいか確認してください。",
                  _TB_JA + " (smtpSendNotAllowed)"),
    SignInWording("Thunderbird", r"unable to authenticate to outgoing server",
                  "Unable to authenticate to Outgoing server (SMTP) smtp.example.jp. Please check the password …",
                  _TB_EN + " composeMsgs.ftl (smtp-auth-failure)"),
    SignInWording("Thunderbird", r"login to server \S{1,100} with username \S{1,100} failed",
                  'Login to server smtp.example.jp with username "taro@example.jp" failed.',
                  _TB_EN + " messenger.properties (mailServerLoginFailed2)"),
    SignInWording("Outlook", r"電子メール ?サーバーはログオンを拒否しました",
                  "電子メール サーバーはログオンを拒否しました。[アカウント設定] でこのアカウントのユーザー名とパスワードを確認してください。",
                  "Microsoft support, Outlook error 0x800CCC92 (Japanese)"),
    SignInWording("Outlook", r"your e-?mail server rejected your login",
                  "Your e-mail server rejected your login. Verify your user name and password for this account in Account Settings.",
                  "Microsoft support, Outlook error 0x800CCC92"),
    SignInWording("Outlook / Windows メール", r"0x800ccc78",
                  "タスク 'taro@example.jp - 送信中' がエラー (0x800CCC78) を報告しました: 'メッセージを送信できません。…'",
                  "NEC 121ware Q&A 009306 (0x800CCC78: SMTP 認証の設定を行っていない, アカウント設定に誤り)"),
    SignInWording("Outlook / Windows メール", r"0x800ccc79",
                  "いずれかの受信者がサーバーによって拒否されたため、メッセージを送信できませんでした。… エラー番号: 0x800CCC79",
                  "Microsoft support (ja), 'メール メッセージを送信すると 550、553、またはリレー禁止エラーを受信します': "
                  "the sending server refuses to relay until the app signs in (SMTP 認証)"),
    SignInWording("iPhone / iPad のメール", r"このメッセージはサーバー?によって拒否されました|the message was rejected by the server(?:\.|$)",
                  "メールを送信できません。このメッセージはサーバによって拒否されました。",
                  "Apple Mail on iOS and iPadOS (Cannot Send Mail: the outgoing server's settings or sign-in)"),
    SignInWording("iPhone / iPad のメール", r"ユーザー?名またはパスワードが(?:正しくありません|間違っています)",
                  "“smtp.example.jp”のユーザ名またはパスワードが正しくありません。",
                  "Apple Mail on iOS and iPadOS, Japanese (「メールを送信できません」の説明)"),
    SignInWording("iPhone / iPad のメール", r"the user ?name or password for \S{1,100} is incorrect",
                  "The user name or password for “smtp.example.jp” is incorrect.",
                  "Apple Mail on iOS and iPadOS (Cannot Send Mail)"),
    SignInWording("Thunderbird", r"送信 ?\(smtp\) ?サーバー ?\S{0,100} ?(?:に接続できなかった|との接続がタイムアウトした)",
                  "送信 (SMTP) サーバー smtp.example.jp に接続できなかったため、メッセージを送信できませんでした。",
                  _TB_JA + " (smtpSendRequestRefused, smtpSendTimeout)"),
    SignInWording("Thunderbird", r"(?:connecting to|connection to) outgoing server \(smtp\) \S{1,100} (?:failed|timed out)",
                  "The message could not be sent because connecting to Outgoing server (SMTP) smtp.example.jp failed.",
                  _TB_EN + " composeMsgs.ftl (send-error-smtp-request-refused, send-error-smtp-timeout)"),
    SignInWording("Thunderbird", r"保護された接続を確立できませんでした|unable to establish a secure link with outgoing server",
                  "送信 (SMTP) サーバー smtp.example.jp が STARTTLS をサポートしていないため、保護された接続を確立できませんでした。",
                  _TB_JA + " (startTlsFailed); " + _TB_EN + " (start-tls-failed)"),
    SignInWording("Thunderbird", r"平文のパスワードを許可していません|選択された認証方式をサポートしていません|のパスワードを取得できなかった",
                  "送信 (SMTP) サーバー smtp.example.jp が平文のパスワードを許可していません。",
                  _TB_JA + " (smtpHintAuthPlainToEncrypt, smtpAuthMechNotSupported, smtpPasswordUndefined)"),
    # What Thunderbird writes above a server's refusal of the sender or of a recipient: the
    # sending server answered the app, nothing was sent.
    SignInWording("Thunderbird", r"メールの送信中にエラーが発生しました|an error occurred while sending mail\. the mail server responded",
                  "メールの送信中にエラーが発生しました。アカウント設定でメールアドレスの設定が正しいか確認し、再度試してください。",
                  _TB_JA + " (errorSendingFromCommand, errorSendingRcptCommand); " + _TB_EN),
    SignInWording("Outlook / Windows メール", r"0x800ccc0e|0x800ccc0f|0x800ccc13|0x800ccc1a|0x80042109|0x8004210b",
                  "タスク 'taro@example.jp - 送信中' がエラー (0x80042109) を報告しました: '送信 (SMTP) 電子メール サーバーに接続できません。'",
                  _OUTLOOK_CODES),
    SignInWording("Outlook / Windows メール", r"送信 ?\(smtp\) ?電子メール ?サーバーに接続できません|cannot connect to your outgoing \(smtp\) e-?mail server"
                  r"|(?:いずれかの受信者|受信者の ?1 ?人)がサーバーによって拒否された|one of the recipients was rejected by the server",
                  "The message could not be sent because one of the recipients was rejected by the server.",
                  _OUTLOOK_CODES + "; Microsoft support, 'メール メッセージを送信すると 550、553、またはリレー禁止エラーを受信します'"),
    SignInWording("iPhone / iPad / Mac のメール", r"送信サーバー? ?[“\x22']?[a-z0-9.-]{1,100}[”\x22']? ?への接続に失敗しました|によってパスワードが拒否されました"
                  r"|cannot send message using the server|rejected the password for user|does not allow relaying|rejected the sender address",
                  "送信サーバ“smtp.example.jp”への接続に失敗しました。",
                  "Apple Mail on iOS, iPadOS and macOS: 'Cannot Send Mail' / 'Cannot send message using the server' (support.apple.com)"),
    SignInWording("メールソフト", r"サーバー? ?[“\x22']?[a-z0-9.-]{1,100}[”\x22']? ?にログオンできません",
                  "サーバー smtp.example.jp にログオンできません", "Japanese mail apps' wording of a refused sign-in (Outlook Express, Becky!)"),
    SignInWording(SMTP, r"\b535[ -]#?5\.7\.\d{1,3}\b",
                  "Error: Invalid login: 535-5.7.8 Username and Password not accepted.",
                  _RFC4954 + ": 535 answers AUTH only"),
    # Postfix's reject_sender_login_mismatch: only the sending server a customer signs in to
    # knows which sender the login owns.
    SignInWording(SMTP, r"not owned by user",
                  "553 5.7.1 <info@example.com>: Sender address rejected: not owned by user taro@example.jp",
                  "Postfix: smtpd_sender_login_maps, reject_sender_login_mismatch (postconf(5))",
                  replies=frozenset({"553", "550", "554"}), readings=_SIGN_IN_READINGS | {"rejected"}),
    SignInWording(SMTP, r"\b53[0458][ -](?:#?5\.7\.\d{1,3} )?(?:[^\n]{0,80} )?(?:authentication|auth\b|認証)",
                  "535 5.7.8 Error: authentication failed: authentication failure",
                  _RFC4954 + "; Postfix smtpd SASL ('535 5.7.8 Error: authentication failed')"),
    SignInWording(SMTP, r"\b5\.7\.[89] [^\n]{0,80}(?:authentication|credentials)",
                  "5.7.8 Authentication credentials invalid",
                  _RFC4954 + " / IANA SMTP Enhanced Status Codes X.7.8, X.7.9"),
    SignInWording(SMTP, r"\bclient (?:was |is )?not authenticated",
                  "530 5.7.57 Client not authenticated to send mail during MAIL FROM",
                  "Microsoft: Exchange Online NDR reference (5.7.57: the app sent without signing in to "
                  "smtp.office365.com); Barracuda Email Security Service ('530 5.7.1 Client was not authenticated')"),
    SignInWording(SMTP, r"\bapplication-specific password required|\btoo many login attempts",
                  "534-5.7.9 Application-specific password required.",
                  "Google Workspace SMTP error reference (534 5.7.9, 454 4.7.0): the account needs an app password, "
                  "or signed in wrongly too often"),
    SignInWording(SMTP, r"\b(?:smtp[- ]?)?auth(?:entication)? (?:failed|failure|required|unsuccessful)\b",
                  "SMTP authentication failed", _RFC4954 + "; the words mail apps show with it"),
    SignInWording(SMTP, r"(?:smtp ?)?認証(?:に失敗しました|エラー|が必要です)",
                  "SMTP 認証に失敗しました", "Japanese mail apps' and providers' wording for a failed SMTP AUTH"),
)

_SPACES = re.compile(r"[ \t\u3000]+")


def sign_in_wording(text: str) -> SignInWording | None:
    """The first row whose wording the text carries, or None."""
    prepared = _SPACES.sub(" ", text[:MAX_READ_CHARS].lower())
    return next((row for row in SIGN_IN_WORDINGS if row.pattern.search(prepared)), None)


def quoted_line(text: str, row: SignInWording) -> str:
    """The line of the paste that carries the wording (what the card quotes)."""
    for line in text[:MAX_READ_CHARS].splitlines():
        if row.pattern.search(_SPACES.sub(" ", line.lower())):
            return line.strip()[:300]
    return " ".join(text[:300].split())
