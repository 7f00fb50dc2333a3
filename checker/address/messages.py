"""Every problem code of the address checker: its severity and its Japanese message.

The messages are for a customer, not an engineer: short, polite, and saying what to do.
`{detail}` is replaced by the characters or names concerned (each already quoted with 「」),
`{count}` by a number.
"""
from __future__ import annotations

ERROR = "error"
WARNING = "warning"
INFO = "info"

MESSAGES: dict[str, tuple[str, str]] = {
    # What was pasted around the address.
    "empty": (ERROR, "メールアドレスが入力されていません。"),
    "surrounding-space": (ERROR, "アドレスの前後に空白があります。空白を取り除いてください。"),
    "trailing-punctuation": (ERROR, "アドレスの最後に{detail}が付いています。アドレスには含まれない記号なので取り除いてください。"),
    "surrounding-quotes": (ERROR, "アドレスが{detail}で囲まれています。囲みの記号はアドレスに含まれません。"),
    "mailto": (ERROR, "先頭の「mailto:」はリンクの書き方で、アドレスには含まれません。"),
    "display-name": (ERROR, "名前とアドレスが一緒に入力されています。名前を除いた部分だけがアドレスです。"),
    "angle-brackets": (ERROR, "アドレスが < > で囲まれています。< > の中だけがアドレスです。"),
    "label-prefix": (ERROR, "アドレスの前に見出し{detail}が付いています。アドレスの部分だけを入力してください。"),
    "comment": (ERROR, "アドレスに ( ) 書きの補足{detail}が付いています。補足を取り除いてください。"),
    "multiple-addresses": (ERROR, "複数のアドレスが入力されています。1 つずつ調べてください。"),
    "space-inside": (ERROR, "アドレスの途中に空白があります。メールアドレスに空白は使えません。"),
    # Characters typed with a Japanese input method, or pasted from elsewhere.
    "fullwidth-at": (ERROR, "「＠」が全角です。半角の「@」に直してください。"),
    "fullwidth-dot": (ERROR, "ドット{detail}が全角です。半角の「.」に直してください。"),
    "ideographic-full-stop": (ERROR, "句点{detail}が入っています。半角のドット「.」に直してください。"),
    "fullwidth-character": (ERROR, "全角の文字{detail}が入っています。半角の英数字・記号に直してください。"),
    "halfwidth-katakana": (ERROR, "半角カタカナ{detail}が入っています。メールアドレスには使えません。入力モードが「半角カナ」になっていないかご確認ください。"),
    "dash-lookalike": (ERROR, "{detail}はハイフン「-」によく似た別の文字です。半角の「-」に直してください。"),
    "lookalike-character": (ERROR, "英数字や記号によく似た別の文字{detail}が入っています。半角の英数字・記号に直してください。"),
    "compatibility-character": (ERROR, "メールアドレスに使えない特殊な文字{detail}が入っています。"),
    "invisible-character": (ERROR, "目に見えない特殊な文字が入っています。コピー＆ペーストで紛れ込むことがあります。手で入力し直してください。"),
    "unreadable-character": (ERROR, "読み取れない文字 (文字化け「�」) が入っています。アドレスを入力し直してください。"),
    "at-obfuscation": (ERROR, "{detail}は「@」の代わりに書かれたものと思われます。「@」に直してください。"),
    # The shape of the address (RFC 5321).
    "missing-at": (ERROR, "「@」がありません。メールアドレスは「ユーザー名@ドメイン名」の形です。"),
    "multiple-at": (ERROR, "「@」が 2 つ以上あります。メールアドレスの「@」は 1 つだけです。"),
    "empty-local-part": (ERROR, "「@」の前 (ユーザー名) がありません。"),
    "empty-domain": (ERROR, "「@」の後ろ (ドメイン名) がありません。"),
    "leading-dot": (ERROR, "ユーザー名 (「@」の前) がドット「.」で始まっています。RFC (インターネットの規格) で認められない形のため、多くのサーバーが送信を断ります。"),
    "dot-before-at": (ERROR, "「@」の直前にドット「.」があります。RFC (インターネットの規格) で認められない形のため、多くのサーバーが送信を断ります。"),
    "consecutive-dots": (ERROR, "ユーザー名 (「@」の前) でドット「.」が 2 つ以上続いています。RFC (インターネットの規格) で認められない形のため、多くのサーバーが送信を断ります。"),
    "invalid-local-character": (ERROR, "ユーザー名 (「@」の前) に使えない文字{detail}が入っています。"),
    "invalid-quoted-local-part": (ERROR, "ユーザー名 (「@」の前) の引用符「\"」の使い方が正しくありません。"),
    "local-part-too-long": (ERROR, "ユーザー名 (「@」の前) が長すぎます。64 バイトまでです (いまは {count} バイト)。"),
    "address-too-long": (ERROR, "アドレス全体が長すぎます。254 バイトまでです (いまは {count} バイト)。"),
    "domain-leading-dot": (ERROR, "ドメイン名 (「@」の後ろ) がドット「.」で始まっています。"),
    "domain-consecutive-dots": (ERROR, "ドメイン名 (「@」の後ろ) でドット「.」が 2 つ以上続いています。"),
    "comma-for-dot": (ERROR, "ドメイン名 (「@」の後ろ) にカンマ「,」があります。ドット「.」の打ち間違いではありませんか。"),
    "invalid-domain-character": (ERROR, "ドメイン名 (「@」の後ろ) に使えない文字{detail}が入っています。使えるのは英数字とハイフン「-」とドット「.」です。"),
    "label-hyphen": (ERROR, "ドメイン名のドットで区切られた部分{detail}が、ハイフン「-」で始まるか終わっています。"),
    "label-too-long": (ERROR, "ドメイン名のドットで区切られた部分{detail}が長すぎます (63 文字まで)。"),
    "invalid-idn": (ERROR, "ドメイン名{detail}は、日本語ドメイン名 (国際化ドメイン名) として正しくない形です。"),
    "missing-tld": (ERROR, "ドメイン名に「.com」「.jp」のような末尾がありません。"),
    "numeric-tld": (ERROR, "ドメイン名の末尾{detail}が数字だけです。末尾は「.com」「.jp」のような英字です。"),
    "invalid-tld": (ERROR, "ドメイン名の末尾{detail}は実在しない形です。末尾は「.com」「.jp」のように英字だけでできています。"),
    # The ending: a TLD of the DNS root zone (tlds.py), once (RFC 1035, RFC 2606, RFC 6761).
    "unknown-tld": (ERROR, "ドメイン名の末尾{detail}は、実在するドメインの末尾 (トップレベルドメイン) ではありません。「.com」「.jp」などの末尾を打ち間違えていないかご確認ください。"),
    "special-use-tld": (ERROR, "ドメイン名の末尾{detail}は、試験用や組織の中のネットワーク用に予約された名前で、インターネット上にはありません。このアドレスにメールは届きません。"),
    "doubled-suffix": (ERROR, "ドメイン名の末尾{detail}は、「.ne.jp」「.co.jp」「.com」のような末尾が二重になっています。末尾は 1 つだけです。"),
    "invalid-address-literal": (ERROR, "[ ] で囲んだ IP アドレス{detail}の書き方が正しくありません。"),
    # Legal, but worth knowing (the address stays valid).
    "quoted-local-part": (WARNING, "ユーザー名 (「@」の前) が引用符「\"」で囲まれています。規格上は正しいものの珍しい形で、受け付けないサービスもあります。"),
    "address-literal": (WARNING, "ドメイン名の代わりに IP アドレス{detail}が書かれています。規格上は正しいものの、ふつうは使われない珍しい形です。"),
    "smtputf8-local-part": (WARNING, "ユーザー名 (「@」の前) に英数字・記号以外の文字 (日本語など) が使われています。送る側と受け取る側の両方のメールサーバーが国際化メール (SMTPUTF8) に対応している場合にだけ届きます。"),
    "special-use-domain": (WARNING, "ドメイン名{detail}は説明用・試験用に予約された名前です。このアドレスにメールは届きません。"),
    "domain-typo": (WARNING, "ドメイン名{detail}の打ち間違いではありませんか。"),  # detail: typed」は「meant
    "idn-domain": (INFO, "日本語などを含むドメイン名 (国際化ドメイン名) です。送信のときは{detail}という英数字の形に置き換えて扱われます。"),
    "legacy-carrier-address": (INFO, "携帯電話会社の古いアドレスには、このような形のものが実在します。ただし規格に合わないため、受け付けないメールサーバーが多くあります。相手の方に別のアドレスがないかお尋ねください。"),
}
