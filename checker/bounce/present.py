"""Japanese wording for the page and the command line, kept in tables.

The detailed explanations for customers live in the guide (docs/); these are the short
labels that point there.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.bounce.report import BounceReport

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
    "networkerror": "途中の通信や DNS に問題があり届けられませんでした",
    "expired": "一定時間届けられなかったため、配送をあきらめました",
    "rejected": "送信者のメールアドレス（差出人）が受け取りを断られました",
    "suppressed": "送信サービス側の配信停止リストに載っている宛先です",
    "notcompliantrfc": "メールの形式がインターネットの標準（RFC）に合っていません",
    "securityerror": "認証などセキュリティ上の理由で断られました",
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

KIND_LABELS_JA: dict[str, str] = {
    "bounce": "配送できなかったことを知らせるエラーメールです",
    "delayed": "配送が遅れていることを知らせるメールです（まだ再送が続いています）",
    "autoreply": "自動返信のメールです（配送エラーではありません）",
    "feedback": "迷惑メール報告（苦情）の通知です",
    "delivered": "配送できたことを知らせるメールです",
    "not-bounce": "エラーメールではないようです",
}

ACTOR_LABELS_JA: dict[str, str] = {
    "sender": "送信したご本人（宛先や内容の見直し）",
    "recipient": "受信する相手側（相手に別の方法で連絡してください）",
    "provider": "メールサービスの管理者・サポート窓口",
}

# RFC 3463: the class says how final the failure is, subject.detail says what failed.
STATUS_CLASS_JA: dict[str, str] = {
    "2": "成功",
    "4": "一時的なエラー（時間をおくと届く可能性があります）",
    "5": "恒久的なエラー（そのまま再送しても届きません）",
}

STATUS_DETAIL_JA: dict[str, str] = {
    "0.0": "その他の理由",
    "1.0": "宛先アドレスに関する問題",
    "1.1": "宛先のメールボックスが存在しません",
    "1.2": "宛先のドメインが存在しないか、メールを受け付けません",
    "1.3": "宛先アドレスの書き方が正しくありません",
    "1.4": "宛先アドレスが複数の相手に当てはまります",
    "1.5": "宛先アドレスは有効です",
    "1.6": "宛先のメールボックスは移転しました",
    "1.7": "送信者アドレスの書き方が正しくありません",
    "1.8": "送信者アドレスのドメインに問題があります",
    "1.9": "標準に従わないサーバーへ中継されました",
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
    "5.6": "本文の行が長すぎるなど、内容を扱えません",
    "6.0": "メールの内容や形式に関する問題",
    "6.1": "受信側が対応していない形式の内容です",
    "6.2": "内容の変換が禁止されています",
    "6.3": "内容を変換できませんでした",
    "6.4": "内容を変換した際に情報の一部が失われました",
    "6.5": "内容の変換に失敗しました",
    "6.6": "内容を表示・処理できません",
    "6.7": "国際化されたアドレスを扱えません",
    "7.0": "セキュリティやポリシーに関する問題",
    "7.1": "配送が許可されませんでした（受信側のポリシーによる拒否）",
    "7.2": "メーリングリストへの展開が許可されていません",
    "7.3": "セキュリティ方式の変換ができません",
    "7.4": "必要なセキュリティ機能に対応していません",
    "7.5": "暗号の処理に失敗しました",
    "7.6": "暗号方式に対応していません",
    "7.7": "メールの完全性の確認に失敗しました",
    "7.8": "認証に失敗しました",
    "7.9": "認証方式が弱すぎます",
    "7.10": "暗号化が必要です",
    "7.11": "この操作には暗号化が必要です",
    "7.12": "パスワードの変更が必要です",
    "7.13": "利用者のアカウントが無効になっています",
    "7.14": "信頼関係が必要です",
    "7.15": "優先度が低すぎます",
    "7.16": "この優先度ではメールが大きすぎます",
    "7.17": "メールボックスの持ち主が変わりました",
    "7.18": "ドメインの持ち主が変わりました",
    "7.19": "持ち主の確認（RRVS）ができません",
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

# RFC 5321 section 4.2: reply codes the servers answer with.
REPLYCODE_MEANINGS_JA: dict[str, str] = {
    "211": "システムの状態をお知らせしています",
    "214": "ヘルプの案内です",
    "220": "サーバーの準備ができています",
    "221": "接続を終了します",
    "235": "認証に成功しました",
    "250": "要求を受け付けました",
    "251": "宛先のユーザーは別のサーバーにいますので転送します",
    "252": "宛先を確認できませんが、受け取って配送を試みます",
    "354": "本文を送ってください",
    "421": "サービスを一時的に提供できません（接続を終了します）",
    "450": "メールボックスが一時的に使えません",
    "451": "サーバー側の処理でエラーが起きたため中断しました",
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
    "530": "認証が必要です",
    "534": "認証方式が弱すぎます",
    "535": "認証に失敗しました",
    "538": "この認証には暗号化が必要です",
    "550": "メールボックスが使えないため、受け付けられません",
    "551": "宛先のユーザーはこのサーバーにいません",
    "552": "容量の上限を超えるため、受け付けられません",
    "553": "メールボックス名が正しくないため、受け付けられません",
    "554": "処理に失敗しました（受け取りを断られました）",
    "555": "MAIL FROM や RCPT TO の引数を受け付けられません",
    "556": "宛先のドメインはメールを受け付けていません",
}

RETRY_ADVICE_JA: dict[bool | None, str] = {
    True: "このまま再送しても届きません。原因を直してから送り直してください。",
    False: "一時的な問題です。しばらく待つと届くことがあります。すぐに何度も再送しないでください。",
    None: "再送してよいかどうかは、この内容からは判断できません。",
}


def reason_label_ja(reason: str) -> str:
    return REASON_LABELS_JA.get(reason, REASON_LABELS_JA["undefined"])


def kind_label_ja(kind: str) -> str:
    return KIND_LABELS_JA.get(kind, KIND_LABELS_JA["not-bounce"])


def actor_label_ja(actor: str) -> str:
    return ACTOR_LABELS_JA.get(actor, ACTOR_LABELS_JA["provider"])


def retry_advice_ja(permanent: bool | None) -> str:
    return RETRY_ADVICE_JA.get(permanent, RETRY_ADVICE_JA[None])


def status_meaning_ja(status: str) -> str:
    """'5.1.1' -> '恒久的なエラー（…）: 宛先のメールボックスが存在しません'."""
    klass, _, detail = status.strip().partition(".")
    if klass not in STATUS_CLASS_JA or not detail:
        return ""
    meaning = STATUS_DETAIL_JA.get(detail) or STATUS_DETAIL_JA.get(detail.split(".", 1)[0] + ".0", "")
    return f"{STATUS_CLASS_JA[klass]}: {meaning}" if meaning else STATUS_CLASS_JA[klass]


def replycode_meaning_ja(code: str) -> str:
    code = code.strip()
    if code in REPLYCODE_MEANINGS_JA:
        return REPLYCODE_MEANINGS_JA[code]
    if code[:1] == "4":
        return "一時的なエラーです"
    if code[:1] == "5":
        return "恒久的なエラーです"
    return ""


def summary_ja(report: BounceReport) -> str:
    """A few lines a person can read in a terminal."""
    lines = [kind_label_ja(report.kind)]
    for result in report.results:
        lines.append(f"- 宛先: {result.recipient or '（アドレス不明）'}")
        lines.append(f"  理由: {reason_label_ja(result.reason)} [{result.reason}]")
        codes = " ".join(code for code in (result.replycode, result.status) if code)
        if codes:
            lines.append(f"  コード: {codes}")
        if result.reason not in ("delivered", "vacation", "feedback"):
            lines.append(f"  対応する人: {actor_label_ja(result.actor)}")
            lines.append(f"  再送: {retry_advice_ja(result.permanent)}")
    if report.original and report.original.subject:
        lines.append(f"元のメールの件名: {report.original.subject}")
    lines.extend(f"※ {notice}" for notice in report.notices)
    return "\n".join(lines)
