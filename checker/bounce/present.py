"""Japanese wording of the bounce checker: the one table every sentence comes from.

The engine reports codes (reasons, actions, codes of the notices and of unreadable input,
the kind of input); the page (checker.web), the command line and the support summary take
every sentence they show from here. The detailed explanations for customers live in the
guide (docs/); these are the short texts of a card that point there.

A card says, in this order: where the mail is (the state: still retried, given up, refused,
never sent, see reasons.delivery_state), what to do about resending and who acts (both
follow from the state first), then the cause (the reason) and the codes. The explanation of
a status or reply code is shown only when the code means what the verdict says (the code
tables in codes.py, the judge's own knowledge, and CODE_AGREES below); otherwise only its
class (temporary or permanent) is shown, so that no line of a card contradicts another.
"""
from __future__ import annotations

import re
from typing import Any

from checker.bounce import codes
from checker.bounce.original import OriginalFacts
from checker.bounce.reasons import (
    DELAYED,
    GAVE_UP,
    REFUSED,
    REPORTABLE_REASONS,
    SIGN_IN,
    delivery_state,
)
from checker.bounce.report import BounceReport, Notice, RecipientResult

# ---- the cause: one label a reason ----

REASON_LABELS_JA: dict[str, str] = {
    "userunknown": "宛先のメールアドレス（@より左）が見つかりません",
    "hostunknown": "宛先のドメイン（@より右）が見つかりません",
    "hasmoved": "宛先のメールアドレスは使われなくなり、移転しています",
    "notaccept": "宛先のドメインはメールを受け付けていません",
    "emailtoolarge": "メールのサイズが大きすぎます",
    "contenterror": "メールの形式（ヘッダーや本文）に問題があります",
    "spamdetected": "迷惑メールと判断されました",
    "virusdetected": "ウイルスなど危険な内容があると判断されました",
    "filtered": "受信側の設定（受信拒否やフィルター）で受け取りを断られました",
    "mailboxfull": "宛先のメールボックスがいっぱいです",
    "suspend": "宛先のアカウントが停止または無効になっています",
    "policyviolation": "受信側のルール（ポリシー）により受け取りを断られました",
    "mailererror": "受信側のメール処理プログラムでエラーが起きました",
    "systemerror": "受信側のメールサーバーでエラーが起きました",
    "systemfull": "受信側のメールサーバーの容量がいっぱいです",
    "networkerror": "相手のサーバーとの通信や DNS に問題があります",
    "expired": "決められた期間のうちに届けられませんでした",
    "rejected": "送信者のメールアドレス（差出人）が受け取りを断られました",
    "suppressed": "送信サービス側の配信停止リストに載っている宛先です",
    "notcompliantrfc": "メールの形式がインターネットの標準（RFC）に合っていません",
    "securityerror": "認証（ログイン）やセキュリティ上の理由で断られました",
    "authfailure": "送信ドメイン認証（SPF・DKIM・DMARC）に失敗しました",
    "badreputation": "送信元の評判（レピュテーション）が低いと判断されました",
    "blocked": "送信元のサーバー（IP アドレス）が受け取りを断られました",
    "norelaying": "メールの中継を断られました",
    "ratelimited": "短時間に送りすぎたため、受け取りを制限されました",
    "requireptr": "送信元の IP アドレスに逆引き（PTR）の設定がありません",
    "failedstarttls": "暗号化（TLS）の接続ができませんでした",
    "syntaxerror": "メールサーバー同士のやり取りで形式の誤りがありました",
    "onhold": "理由をはっきり決められるだけの情報がありません",
    "undefined": "理由が分かりませんでした",
    "delivered": "メールは届いています（配送成功の通知です）",
    "vacation": "不在などの自動返信です（配送エラーではありません）",
    "feedback": "受信者が迷惑メールとして報告した通知です",
}

# The cause of an app's error on sending: which step stopped is in the message it showed.
STATE_REASON_LABELS_JA: dict[str, str] = {
    SIGN_IN: "送信サーバーへの接続、暗号化、ログイン（SMTP 認証）、差出人や宛先の確認のどこかで止まりました"
             "（どこで止まったかは、表示されたメッセージに書かれています）",
}

# The same causes while they last (a delay warning, a give-up after temporary answers):
# "the domain accepts no mail" is a fact for good, a 421 only says "not now".
TEMPORARY_REASON_LABELS_JA: dict[str, str] = {
    "userunknown": "相手のサーバーが、いまは宛先を確かめられない状態です",
    "hostunknown": "相手のサーバーが見つかりません（DNS の一時的な問題のことがあります）",
    "notaccept": "相手のサーバーが、いまはメールを受け付けていません",
    "filtered": "相手のサーバーが、いまは受け取りを保留しています",
    "blocked": "相手のサーバーが、送信元のサーバーからの受け取りを一時的に制限しています",
    "rejected": "相手のサーバーが、差出人のアドレスを一時的に受け付けていません",
    "policyviolation": "相手のサーバーが、受信側のルールにより受け取りを一時的に保留しています",
    "securityerror": "相手のサーバーとの間で、認証や暗号化が一時的にできません",
    "systemerror": "受信側のメールサーバーで一時的なエラーが起きています",
    "mailererror": "受信側のメール処理プログラムで一時的なエラーが起きています",
    "expired": "相手のサーバーに届けられないまま時間がたっています（原因は書かれていません）",
    "onhold": "相手のサーバーに届けられない理由は、この内容からは分かりません",
    "undefined": "相手のサーバーに届けられない理由は、この内容からは分かりません",
}

# ---- the kind of input ----

KIND_LABELS_JA: dict[str, str] = {
    "bounce": "配送できなかったことを知らせるエラーメールです",
    "delayed": "配送が遅れていることを知らせるメールです（まだ再送が続いています）",
    "signin": "メールソフトで送信したときに表示されたエラーのようです（エラーメールではありません）",
    "autoreply": "自動返信のメールです（配送エラーではありません）",
    "feedback": "迷惑メール報告（苦情）の通知です",
    "delivered": "配送できたことを知らせるメールです",
    "not-bounce": "エラーメールではないようです",
}

# ---- the state: what a card says first ----

STATE_HEADLINES_JA: dict[str, str] = {
    DELAYED: "まだ届いていません。送信サーバーが自動で送り直しを続けています。",
    GAVE_UP: "届きませんでした。送信サーバーは送り直しを続けましたが、配送をあきらめました。",
    REFUSED: "このメールは相手に届きませんでした。",
    SIGN_IN: "メールは送信されていません。メールソフトが送信サーバーにメールを渡す前に止まりました。",
}

# Resend or wait: (state, who acts) first, then the state alone. A refusal whose class no
# code and no reason tells is "permanent is None".
RETRY_ADVICE_JA: dict[tuple[str, str], str] = {
    (DELAYED, ""): "送り直さずにお待ちください。送信サーバーが自動で送り直しています。"
                   "届かないまま期限が来たときは、あらためてエラーメールが届きます。",
    (GAVE_UP, ""): "待っていても届きません。届ける必要があるときは、時間をおいてから送り直してください。",
    (REFUSED, "sender"): "このまま送り直しても届きません。宛先のアドレスやメールの内容を直してから送り直してください。",
    (REFUSED, "recipient"): "このまま送り直しても届きません。相手側で問題が解決されてから送り直してください。",
    (REFUSED, "provider"): "このまま送り直しても届きません。下の説明で原因をご確認ください。"
                           "解決しないときは、弊社サポートにお問い合わせください。",
    (REFUSED, "unknown"): "再送してよいかどうかは、この内容からは判断できません。下の説明をご確認ください。",
    (SIGN_IN, ""): "メールソフトのアカウント設定で、送信サーバー（SMTP）の名前、ポート番号（587、SSL/TLS なら 465）と暗号化の設定、"
                   "ユーザー名（メールアドレス）とパスワード、差出人のメールアドレスを確かめてから送信し直してください。"
                   "日本国外からお使いの場合は、「国外からのSMTP認証のアクセス制限」もご確認ください。",
}

# The same advice in a few words, for a row of the table of many bounces (same keys).
RETRY_SHORT_JA: dict[tuple[str, str], str] = {
    (DELAYED, ""): "送り直さずにお待ちください",
    (GAVE_UP, ""): "時間をおいて送り直してください",
    (REFUSED, "sender"): "宛先や内容を直してから送り直してください",
    (REFUSED, "recipient"): "相手側で解決してから送り直してください",
    (REFUSED, "provider"): "このままでは届きません。原因をご確認ください",
    (REFUSED, "unknown"): "判断できません。説明をご確認ください",
    (SIGN_IN, ""): "送信の設定を確かめてから送信し直してください",
}

ACTOR_LABELS_JA: dict[str, str] = {
    "sender": "送信したご本人（宛先や内容の見直し）",
    "recipient": "受信する相手側（相手に別の方法で連絡してください）",
    "provider": "メールサービスの管理者・サポート窓口",
}

# Who acts, when the state decides it rather than the cause.
STATE_ACTOR_LABELS_JA: dict[str, str] = {
    DELAYED: "いまは必要ありません（送信サーバーが自動で送り直しています）",
    SIGN_IN: "送信したご本人（メールソフトの送信の設定の確認）",
}

# ---- the card's own words ----

CARD_TERMS_JA: dict[str, str] = {
    "cause": "原因",
    "retry": "再送するか待つか",
    "actor": "対応が必要な人",
    "status": "ステータスコード",
    "replycode": "応答コード",
    "remote_host": "相手のサーバー",
    "sent_to": "送信時の宛先",
}
# The address the message was sent to, where it was handed on to the one named above it.
SENT_TO_JA = "{address}（このアドレスから上の宛先へ転送されていました）"
NO_RECIPIENT_HEADINGS_JA: dict[str, str] = {
    SIGN_IN: "送信サーバーへの接続・ログイン（SMTP 認証）",
    "": "宛先不明（エラーメールに宛先のアドレスが書かれていません）",
}
ANSWER_LABELS_JA: dict[str, str] = {
    SIGN_IN: "表示されたメッセージ（原文のまま）",
    "": "相手のサーバーの応答（原文のまま）",
}
SUPPORT_LABELS_JA: dict[str, str] = {
    "copy": "問い合わせ用に結果をコピー",
    "mask": "メールアドレスと件名を伏せる",
    "copied": "コピーしました。",
    "copy_failed": "コピーできませんでした。",
}
NO_RECIPIENT_JA = "（アドレス不明）"

# The page's table of many bounces (several .eml files or an mbox): its caption, column
# heads, counts, download and progress. {file}, {number}, {read}, {total}, {recipients} as named.
BATCH_LABELS_JA: dict[str, str] = {
    "caption": "届かなかった宛先の一覧",
    "caption_file": "届かなかった宛先の一覧（{file}）",
    "source": "メール",
    "recipient": "宛先",
    "what": "起きたこと",
    "retry": "再送するか待つか",
    "guide": "このガイドの説明",
    "counts": "理由ごとの件数",
    "reason": "理由",
    "count": "件数",
    "unreadable": "読めなかったメール",
    "without_failure": "届かなかった宛先のないメール（自動返信など）",
    "message_number": "{number} 通目",
    "file_message_number": "{file} の {number} 通目",
    "csv": "一覧を CSV ファイルでダウンロード",
    "csv_file": "bounce-list.csv",
    "progress": "{read} / {total} 通を調べました。",
    "progress_bar": "メールを調べている進み具合",
    "truncated": "ファイルが大きいため、最初の {mib} MiB に含まれるメールだけを調べます。残りは調べません。",
    "done": "{total} 通をすべて調べました。届かなかった宛先は {recipients} 件です。",
    "nothing_failed": "届かなかった宛先は見つかりませんでした。選んだファイルが、エラーメールの .eml ファイルか、"
                      "エラーメールをまとめた mbox ファイルかをご確認ください。",
}
MASKED_SUBJECT_JA = "（伏せています）"

# ---- what the engine says about how it read the input ----

NOTICE_TEXTS_JA: dict[str, str] = {
    "truncated": "入力が長いため、最初の {value} MiB だけを調べました。",
    "too-deep": "添付されたメッセージの入れ子が深すぎるため、奥の部分は開かずに調べました。",
    "unknown-charset": "文字コード「{value}」が分からないため、文字コードを推測して読みました。",
    "bad-base64": "base64 で符号化された部分が壊れていたため、一部を読めませんでした。",
    "nothing-found": "配送の失敗を示す内容（宛先アドレスやエラーの理由）が見つかりませんでした。",
    "fragment-undecided": "貼り付けられた部分だけでは原因を特定できませんでした。エラーメールの本文全体"
                          "（できればソース）を貼り付けると、詳しく調べられます。",
}

ERROR_TEXTS_JA: dict[str, str] = {
    "empty": "入力が空です。エラーメールの本文か、.eml ファイルを指定してください。",
    "binary": "文字として読める内容が見つかりません。画像や圧縮ファイルではなく、エラーメールの本文を貼り付けてください。",
    "unknown-request": "不明な種類です: {value}",
    "file-not-found": "ファイルが見つかりません: {value}",
    "is-a-directory": "フォルダーは読めません。ファイルを指定してください: {value}",
    "permission": "ファイルを読む権限がありません: {value}",
    "unreadable-file": "ファイルを読めませんでした: {value}",
    "error-line": "エラー: {value}",
    "mailbox-truncated": "メールボックスが大きいため、最初の {value} MiB に含まれるメッセージだけを調べました。",
    "mailbox-empty": "メッセージが見つかりませんでした: {value}",
    "no-files": "調べるファイルがありません。.eml ファイルか mbox ファイルを選んでください。",
    "batch-gone": "一覧の作成が途中で止まりました。ファイルをもう一度開いてください。",
    "analysis-failed": "このメールを調べている途中で問題が起きました。",
}

# Unreadable input (checker.errors' codes) as a row of the table of many bounces says it.
BATCH_ERROR_TEXTS_JA: dict[str, str] = {
    "empty": "中身が空のメールです。",
    "binary": "文字として読める内容がありません（画像や圧縮ファイルなど、メールではないファイルのようです）。",
}

# The command line's --summary: a count per reason and per recipient domain.
SUMMARY_LABELS_JA: dict[str, str] = {
    "title": "【まとめ】メッセージ {messages} 通、届かなかった宛先 {recipients} 件、読めなかったメッセージ {errors} 通",
    "by-reason": "理由ごとの件数",
    "by-domain": "宛先のドメインごとの件数",
}

# ---- explanations of the codes ----

# RFC 3463: the class says how final the answer is; what to do is the state's to say.
STATUS_CLASS_JA: dict[str, str] = {
    "2": "成功",
    "4": "一時的なエラー",
    "5": "恒久的なエラー",
}
# A temporary error that lasted until the sending server gave up (RFC 3464 Action: failed
# with a 4.X.X status): "temporary" alone would contradict the headline.
STATUS_CLASS_GAVE_UP_JA = "一時的なエラーが続いたため、送信サーバーが送り直しをやめました"

# subject.detail (RFC 3463 section 3, the IANA registry): the codes' names in Japanese.
STATUS_DETAIL_JA: dict[str, str] = {
    "0.0": "その他の理由",
    "1.0": "メールアドレスに関する問題",
    "1.1": "宛先のメールボックスが存在しません",
    "1.2": "宛先のドメインが存在しないか、メールを受け付けません",
    "1.3": "宛先アドレスの書き方が正しくありません",
    "1.4": "宛先アドレスが複数の相手に当てはまります",
    "1.6": "宛先のメールボックスは移転しました",
    "1.7": "送信者アドレスの書き方が正しくありません",
    "1.8": "送信者アドレスのドメインに問題があります",
    "1.10": "宛先のドメインはメールを受け付けていません（null MX）",
    "2.0": "メールボックスに関する問題",
    "2.1": "メールボックスが無効になっています",
    "2.2": "メールボックスの容量がいっぱいです",
    "2.3": "メールの大きさが受信側の上限を超えています",
    "2.4": "メーリングリストの展開に失敗しました",
    "3.0": "受信側のメールシステムに関する問題",
    "3.1": "受信側のメールシステムの容量がいっぱいです",
    "3.2": "受信側のシステムが現在メールを受け付けていません",
    "3.3": "受信側のシステムが必要な機能に対応していません",
    "3.4": "メールが大きすぎて受信側のシステムで扱えません",
    "3.5": "受信側のシステムの設定に誤りがあります",
    "4.0": "ネットワークや経路に関する問題",
    "4.1": "相手のサーバーから応答がありません",
    "4.2": "相手のサーバーとの接続に問題がありました",
    "4.3": "DNS などの問い合わせに失敗しました",
    "4.4": "配送先への経路が見つかりません",
    "4.5": "受信側が混み合っています",
    "4.6": "配送経路がループしています",
    "4.7": "配送できないまま期限が過ぎました",
    "5.0": "サーバー同士のやり取りに関する問題",
    "5.1": "受け付けられないコマンドが送られました",
    "5.2": "コマンドの書き方に誤りがあります",
    "5.3": "宛先の数が多すぎます",
    "5.4": "コマンドの引数に誤りがあります",
    "5.5": "サーバー同士のやり取りの版が合いません",
    "6.0": "メールの内容や形式に関する問題",
    "6.1": "受信側が対応していない形式の内容です",
    "6.2": "内容の変換が禁止されています",
    "6.3": "内容を変換できませんでした",
    "6.5": "内容の変換に失敗しました",
    "6.6": "内容を表示・処理できません",
    "6.7": "国際化されたアドレスを扱えません",
    "6.8": "UTF-8 の応答が必要です",
    "6.9": "UTF-8 のヘッダーのメールを送れません",
    "7.0": "セキュリティやポリシーに関する問題",
    "7.1": "配送が許可されませんでした",
    "7.2": "メーリングリストへの展開が許可されていません",
    "7.3": "セキュリティ方式の変換ができません",
    "7.4": "必要なセキュリティ機能に対応していません",
    "7.5": "暗号の処理に失敗しました",
    "7.6": "暗号方式に対応していません",
    "7.7": "メールの完全性の確認に失敗しました",
    "7.8": "認証に失敗しました（ユーザー名やパスワードが正しくありません）",
    "7.9": "認証方式が弱すぎます",
    "7.10": "暗号化が必要です",
    "7.11": "この認証には暗号化が必要です",
    "7.12": "パスワードの変更が必要です",
    "7.13": "利用者のアカウントが無効になっています",
    "7.16": "この優先度ではメールが大きすぎます",
    "7.17": "メールボックスの持ち主が変わりました",
    "7.18": "ドメインの持ち主が変わりました",
    "7.20": "有効な DKIM 署名がありません",
    "7.21": "送信者に合った DKIM 署名がありません",
    "7.22": "差出人に合った DKIM 署名がありません",
    "7.23": "SPF の確認に失敗しました",
    "7.24": "SPF の確認中にエラーが起きました",
    "7.25": "送信元 IP アドレスの逆引き（PTR）に失敗しました",
    "7.26": "複数の送信ドメイン認証に失敗しました",
    "7.27": "送信者アドレスのドメインはメールを受け付けていません",
    "7.28": "同じようなメールが大量に送られています",
    "7.29": "ARC の確認に失敗しました",
    "7.30": "REQUIRETLS に対応できません",
}

# RFC 5321 section 4.2, RFC 4954 section 6, RFC 7504: the reply codes' meanings.
REPLYCODE_MEANINGS_JA: dict[str, str] = {
    "421": "サービスを一時的に提供できません（接続を終了します）",
    "450": "メールボックスが一時的に使えません",
    "451": "相手のサーバーが処理を途中でやめました",
    "452": "サーバーの容量不足のため受け付けられません",
    "454": "一時的に認証や暗号化ができません",
    "455": "指定された内容を今は扱えません",
    "500": "コマンドの書き方に誤りがあります",
    "501": "引数の書き方に誤りがあります",
    "502": "そのコマンドには対応していません",
    "503": "コマンドの順番に誤りがあります",
    "504": "その引数には対応していません",
    "521": "このサーバーはメールを受け付けていません",
    "523": "メールが大きすぎます",
    "530": "認証（ログイン）が必要です",
    "534": "認証方式が弱すぎます",
    "535": "認証に失敗しました（ユーザー名やパスワードが正しくありません）",
    "538": "この認証には暗号化が必要です",
    "550": "メールボックスが使えないため、受け付けられません",
    "551": "宛先のユーザーはこのサーバーにいません",
    "552": "容量の上限を超えるため、受け付けられません",
    "553": "メールボックス名が正しくないため、受け付けられません",
    "554": "処理に失敗しました",
    "555": "MAIL FROM や RCPT TO の引数を受け付けられません",
    "556": "宛先のドメインはメールを受け付けていません",
}

_ADDRESS_REASONS = frozenset({"userunknown", "hostunknown", "hasmoved", "notaccept", "rejected",
                              "notcompliantrfc", "filtered", "suspend"})
_REFUSALS = frozenset({"blocked", "rejected", "filtered", "policyviolation", "spamdetected",
                       "virusdetected", "norelaying", "authfailure", "badreputation", "requireptr",
                       "securityerror", "failedstarttls", "ratelimited", "suppressed", "contenterror",
                       "notcompliantrfc", "suspend", "userunknown", "mailboxfull", "emailtoolarge"})

# Reasons a code's explanation also agrees with, besides the one codes.py gives the code
# (the judge's own reading): x.1.3 "bad address syntax" is also an RFC refusal of an address.
# A code named in neither codes.py nor here explains nothing more than its class.
CODE_AGREES: dict[str, frozenset[str]] = {
    "status 1.0": _ADDRESS_REASONS,
    "status 1.1": frozenset({"userunknown"}),
    "status 1.3": frozenset({"notcompliantrfc"}),
    "status 1.4": frozenset({"userunknown"}),
    "status 1.6": frozenset({"hasmoved"}),
    "status 2.0": frozenset({"mailboxfull", "suspend", "userunknown", "filtered"}),
    "status 2.1": frozenset({"suspend"}),
    "status 2.2": frozenset({"systemfull"}),
    "status 3.0": frozenset({"systemfull", "mailererror", "notaccept"}),
    "status 3.1": frozenset({"mailboxfull"}),
    "status 3.2": frozenset({"networkerror", "systemerror"}),
    "status 3.5": frozenset({"mailererror"}),
    "status 4.0": frozenset({"networkerror", "hostunknown", "expired"}),
    "status 4.1": frozenset({"networkerror"}),
    "status 4.2": frozenset({"expired"}),
    "status 4.3": frozenset({"hostunknown"}),
    "status 4.4": frozenset({"networkerror"}),
    "status 4.5": frozenset({"systemfull"}),
    "status 5.0": frozenset({"syntaxerror"}),
    "status 5.2": frozenset({"notcompliantrfc"}),
    "status 6.0": frozenset({"notcompliantrfc", "emailtoolarge"}),
    "status 7.0": _REFUSALS,
    "status 7.1": _REFUSALS,
    "status 7.12": frozenset({"securityerror"}),
    "reply 421": frozenset(REPORTABLE_REASONS),
    "reply 450": frozenset({"mailboxfull", "suspend", "userunknown", "filtered"}),
    "reply 451": frozenset({"systemerror", "mailererror", "networkerror"}),
    "reply 452": frozenset({"systemfull", "mailboxfull"}),
    "reply 454": frozenset({"securityerror", "failedstarttls"}),
    "reply 455": frozenset(REPORTABLE_REASONS),
    "reply 501": frozenset({"notcompliantrfc", "userunknown"}),
    "reply 523": frozenset({"emailtoolarge"}),
    "reply 534": frozenset({"securityerror"}),
    "reply 538": frozenset({"securityerror", "failedstarttls"}),
    "reply 550": frozenset({"userunknown", "suspend", "hasmoved", "mailboxfull"}),
    "reply 551": frozenset({"userunknown"}),
    "reply 552": frozenset({"mailboxfull", "systemfull", "emailtoolarge"}),
    "reply 553": frozenset({"userunknown", "notcompliantrfc"}),
    "reply 554": frozenset(REPORTABLE_REASONS),
}


def status_agrees(detail: str) -> frozenset[str]:
    """The reasons the name of status subject.detail agrees with (empty: explain the class only)."""
    if detail == "0.0":
        return frozenset(REPORTABLE_REASONS)
    known = {table[detail][0] for table in (codes.NAMED_STATUS, codes.LEANING_STATUS,
                                            codes.STATUS_HINTS) if detail in table}
    return frozenset(known) | CODE_AGREES.get(f"status {detail}", frozenset())


def reply_agrees(code: str) -> frozenset[str]:
    """The reasons the meaning of a reply code agrees with (empty: explain the class only)."""
    known = {table[code][0] for table in (codes.NAMED_REPLIES, codes.REPLY_HINTS) if code in table}
    return frozenset(known) | CODE_AGREES.get(f"reply {code}", frozenset())


# ---- lookups ----

def reason_label_ja(reason: str, state: str = "") -> str:
    if state in STATE_REASON_LABELS_JA:
        return STATE_REASON_LABELS_JA[state]
    if (state == DELAYED or (state == GAVE_UP and reason != "expired")) and reason in TEMPORARY_REASON_LABELS_JA:
        return TEMPORARY_REASON_LABELS_JA[reason]
    return REASON_LABELS_JA.get(reason, REASON_LABELS_JA["undefined"])


def kind_label_ja(kind: str) -> str:
    return KIND_LABELS_JA.get(kind, KIND_LABELS_JA["not-bounce"])


def actor_label_ja(actor: str, state: str = "") -> str:
    if state in STATE_ACTOR_LABELS_JA:
        return STATE_ACTOR_LABELS_JA[state]
    return ACTOR_LABELS_JA.get(actor, ACTOR_LABELS_JA["provider"])


def retry_advice_ja(state: str, actor: str = "", permanent: bool | None = True) -> str:
    return RETRY_ADVICE_JA[_retry_key(state, actor, permanent)]


def retry_short_ja(state: str, actor: str = "", permanent: bool | None = True) -> str:
    return RETRY_SHORT_JA[_retry_key(state, actor, permanent)]


def _retry_key(state: str, actor: str, permanent: bool | None) -> tuple[str, str]:
    if state == REFUSED:
        return (REFUSED, actor if permanent is not None and actor in ACTOR_LABELS_JA else "unknown")
    return (state, "") if (state, "") in RETRY_ADVICE_JA else (REFUSED, "unknown")


def headline_ja(state: str) -> str:
    return STATE_HEADLINES_JA[state]


def notice_ja(notice: Notice) -> str:
    return NOTICE_TEXTS_JA[notice.code].format(value=notice.value)


def error_text_ja(code: str, value: str = "") -> str:
    return ERROR_TEXTS_JA[code].format(value=value)


def status_meaning_ja(status: str, reason: str = "", state: str = "") -> str:
    """'5.1.1' -> '恒久的なエラー: 宛先のメールボックスが存在しません'; with a reason, the
    name only where it agrees with that verdict, otherwise the class alone."""
    klass, _, detail = status.strip().partition(".")
    if klass not in STATUS_CLASS_JA or not detail:
        return ""
    if klass == "2":
        return STATUS_CLASS_JA[klass]
    class_label = _class_label(klass, state)
    name = STATUS_DETAIL_JA.get(detail)
    if name and (not reason or reason in status_agrees(detail)):
        return f"{class_label}: {name}"
    return class_label


def replycode_meaning_ja(code: str, reason: str = "", state: str = "") -> str:
    code = code.strip()
    klass = _class_label(code[:1], state) if len(code) == 3 and code[:1] in STATUS_CLASS_JA else ""
    if not klass:
        return ""
    meaning = REPLYCODE_MEANINGS_JA.get(code)
    if meaning and (not reason or reason in reply_agrees(code)):
        return f"{klass}: {meaning}"
    return klass


def _class_label(klass: str, state: str) -> str:
    return STATUS_CLASS_GAVE_UP_JA if klass == "4" and state == GAVE_UP else STATUS_CLASS_JA[klass]


# ---- a card, and the summary for support and the command line ----

def result_state(result: RecipientResult) -> str:
    return delivery_state(result.reason, result.action, result.status, result.replycode,
                          result.permanent, result.command)


def card_texts(result: RecipientResult, original: OriginalFacts | None = None) -> dict[str, Any]:
    """Every text of one recipient's card, in the order the card shows them; what the
    returned original tells is added only where it explains this failure."""
    if result.reason not in REPORTABLE_REASONS:
        return {"state": "", "heading": result.recipient or NO_RECIPIENT_JA,
                "reason_label": reason_label_ja(result.reason)}
    state = result_state(result)
    cause = reason_label_ja(result.reason, state)
    facts = [
        (CARD_TERMS_JA["cause"], cause),
        (CARD_TERMS_JA["retry"], retry_advice_ja(state, result.actor, result.permanent)),
        (CARD_TERMS_JA["actor"], actor_label_ja(result.actor, state)),
    ]
    if result.sent_to:
        facts.append((CARD_TERMS_JA["sent_to"], SENT_TO_JA.format(address=result.sent_to)))
    status_meaning = status_meaning_ja(result.status, result.reason, state) if result.status else ""
    reply_meaning = replycode_meaning_ja(result.replycode, result.reason, state) if result.replycode else ""
    if result.status:
        facts.append((CARD_TERMS_JA["status"], _with_meaning(result.status, status_meaning)))
    if result.replycode:
        # 535 and 5.7.8 say the same: the meaning is said once.
        said = reply_meaning if reply_meaning != status_meaning else ""
        facts.append((CARD_TERMS_JA["replycode"], _with_meaning(result.replycode, said)))
    if result.remote_host:
        facts.append((CARD_TERMS_JA["remote_host"], result.remote_host))
    facts += explaining_facts_ja(result.reason, state, original)
    return {
        "state": state,
        "heading": _heading(result, state),
        "headline": headline_ja(state),
        "reason_label": cause,
        "retry_advice": facts[1][1],
        "actor_label": facts[2][1],
        "status_meaning": status_meaning,
        "replycode_meaning": reply_meaning,
        "facts": [list(fact) for fact in facts],
        "answer_label": ANSWER_LABELS_JA.get(state, ANSWER_LABELS_JA[""]),
    }


def table_row_texts(result: RecipientResult) -> dict[str, str]:
    """A failed recipient as a row of the table of many bounces: who, what happened, resend or wait."""
    state = result_state(result)
    return {
        "state": state,
        "heading": _heading(result, state),
        "what": reason_label_ja(result.reason, state),
        "retry": retry_short_ja(state, result.actor, result.permanent),
    }


def _heading(result: RecipientResult, state: str) -> str:
    """The recipient, or what the state says of a bounce that names none."""
    return result.recipient or NO_RECIPIENT_HEADINGS_JA.get(state, NO_RECIPIENT_HEADINGS_JA[""])


def batch_source_ja(file: str, number: int | None, one_file: bool) -> str:
    """Which mail a row is about: the file, or the message of an mbox (its file named when
    the table has several files)."""
    if number is None:
        return file
    if one_file:
        return BATCH_LABELS_JA["message_number"].format(number=number)
    return BATCH_LABELS_JA["file_message_number"].format(file=file, number=number)


def _with_meaning(code: str, meaning: str) -> str:
    return f"{code}（{meaning}）" if meaning else code


# What the returned original's headers tell (checker.bounce.original), in the support summary.
FACT_LABELS_JA: dict[str, str] = {
    "sent": "元のメールの送信日時",
    "delay": "送信からエラーメールまで",
    "first_server": "最初に受け取った送信サーバー",
    "from_domain": "差出人のドメイン",
    "dkim": "DKIM 署名のドメイン",
    "signature": "DKIM 署名",
    "dkim_none": "なし（署名されていません）",
    "authentication": "受信側の認証結果",
    "hours": "{value} 時間",
    "days": "{value} 日",
}


def facts_lines_ja(facts: OriginalFacts | None) -> list[str]:
    if facts is None:
        return []
    delay = ""
    if facts.delay_hours is not None:
        delay = (FACT_LABELS_JA["days"].format(value=round(facts.delay_hours / 24, 1)) if facts.delay_hours >= 48
                 else FACT_LABELS_JA["hours"].format(value=facts.delay_hours))
    return _labelled([
        (FACT_LABELS_JA["delay"], delay),
        (FACT_LABELS_JA["first_server"], facts.first_server),
        (FACT_LABELS_JA["from_domain"], facts.from_domain),
        (FACT_LABELS_JA["dkim"], ", ".join(facts.dkim_domains) or (FACT_LABELS_JA["dkim_none"] if facts.sent else "")),
        (FACT_LABELS_JA["authentication"], " ".join(f"{method}={result}" for method, result in facts.authentication)),
    ])


# Refusals that a missing signature, the receiving side's authentication or the server the
# message left by can explain: SPF checks the sending host (RFC 7208), DKIM the signature
# (RFC 6376), DMARC both against the From domain (RFC 7489); large receivers name a missing
# signature as a reason to refuse as spam (Google's and Yahoo's sender requirements, 2024).
_AUTHENTICATION_REFUSALS = frozenset({"authfailure", "spamdetected", "policyviolation"})
# A give-up or a warning explained by its age: servers retry for days (RFC 5321 section
# 4.5.4.1: give up after at least 4-5 days), a warning comes after hours.
_LONG_DELAY_HOURS = 24
EXPLAINING_FACTS_JA: dict[str, str] = {
    "unsigned": "ありませんでした。署名のないメールは、受信側の送信ドメイン認証や迷惑メールの判定で受け取りを断られることがあります。",
    "first_server": "{server}（メールソフトの送信サーバーの設定と同じかご確認ください。差出人のドメインが認めていないサーバーから送ると、SPF の確認で断られることがあります）",
    "delay": "約 {days} 日（送信サーバーがこの間、送り直しを続けていました）",
    "delay_hours": "約 {hours} 時間",
}


def explaining_facts_ja(reason: str, state: str, original: OriginalFacts | None) -> list[tuple[str, str]]:
    """The returned original's facts that explain this failure, as term/value pairs for the card."""
    if original is None:
        return []
    found: list[tuple[str, str]] = []
    if reason in _AUTHENTICATION_REFUSALS:
        if original.sent and not original.dkim_domains:
            found.append((FACT_LABELS_JA["signature"], EXPLAINING_FACTS_JA["unsigned"]))
        if original.authentication:
            found.append((FACT_LABELS_JA["authentication"],
                          " ".join(f"{method}={result}" for method, result in original.authentication)))
        if reason == "authfailure" and original.first_server:
            found.append((FACT_LABELS_JA["first_server"],
                          EXPLAINING_FACTS_JA["first_server"].format(server=original.first_server)))
    hours = original.delay_hours or 0
    if state in (DELAYED, GAVE_UP) and hours >= _LONG_DELAY_HOURS:
        value = (EXPLAINING_FACTS_JA["delay"].format(days=round(hours / 24, 1)) if hours >= 48
                 else EXPLAINING_FACTS_JA["delay_hours"].format(hours=round(hours)))
        found.append((FACT_LABELS_JA["delay"], value))
    return found


def counts_summary_ja(messages: int, errors: int, reasons: dict[str, int], domains: dict[str, int]) -> str:
    """The --summary table of many messages: counts per reason and per recipient domain."""
    lines = [SUMMARY_LABELS_JA["title"].format(messages=messages, recipients=sum(reasons.values()), errors=errors),
             "", SUMMARY_LABELS_JA["by-reason"]]
    lines += [f"  {count:6d}  {reason_label_ja(reason)} ({reason})"
              for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0]))]
    lines += ["", SUMMARY_LABELS_JA["by-domain"]]
    lines += [f"  {count:6d}  {domain or NO_RECIPIENT_JA}"
              for domain, count in sorted(domains.items(), key=lambda item: (-item[1], item[0]))]
    return "\n".join(lines)


def summary_ja(report: BounceReport, mask: bool = False) -> str:
    """The report as plain text: what the command line prints and what a customer copies
    into a support enquiry (with mask, every address's local part and the subject hidden)."""
    lines = ["【エラーメールの調査結果】", f"種類: {kind_label_ja(report.kind)}"]
    if report.original is not None:
        subject = MASKED_SUBJECT_JA if mask and report.original.subject else report.original.subject
        lines += _labelled([("元のメールの件名", subject), ("送信日時", report.original.date)])
    lines += facts_lines_ja(report.facts)
    for result in report.results:
        texts = card_texts(result)
        lines.append("")
        lines.append(f"宛先: {result.recipient or NO_RECIPIENT_JA}")
        if not texts["state"]:
            lines.append(f"内容: {texts['reason_label']} [{result.reason}]")
            continue
        lines.append(f"状態: {texts['headline']}")
        for term, value in texts["facts"]:
            suffix = f" [{result.reason}]" if term == CARD_TERMS_JA["cause"] else ""
            lines.append(f"{term}: {value}{suffix}")
        if result.diagnostic:
            lines.append(f"{texts['answer_label']}: {result.diagnostic}")
    lines.extend(f"※ {notice_ja(notice)}" for notice in report.notices)
    text = "\n".join(lines)
    return mask_addresses(text) if mask else text


def _labelled(pairs: list[tuple[str, str]]) -> list[str]:
    return [f"{label}: {value}" for label, value in pairs if value]


# Loose on purpose: masking must also catch addresses inside a server's free-text answer, a
# quoted local part ('"taro."@docomo.ne.jp') whole, and one before a domain in Unicode. The
# look-behind starts a match only where a run of address characters starts, which finds the
# same addresses but keeps a long run without "@" from being rescanned at every character.
_ADDRESS_IN_TEXT = re.compile(r"(?:\"[^\"\r\n]{1,64}\"|(?<![^\s<>\"'()\[\],;:@])[^\s<>\"'()\[\],;:@]+)@([^\s<>\"'()\[\],;:@]+)")


def mask_addresses(text: str) -> str:
    """Hide the part before @ of every address, keeping the domain support needs to see."""
    return _ADDRESS_IN_TEXT.sub(lambda match: "***@" + match.group(1), text)

