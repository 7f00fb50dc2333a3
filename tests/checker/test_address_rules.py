"""One case per rule of the address checker: the code, the Japanese message, validity,
where it points in the input, and the suggested clean address."""
from __future__ import annotations

import dataclasses

import pytest

from checker import check_address
from checker.address import AddressReport, Problem

# input, code, words the Japanese message must contain, valid, suggestion, position
RULES = [
    ("", "empty", ["入力されていません"], False, None, None),
    (" taro@example.jp", "surrounding-space", ["空白"], False, "taro@example.jp", 0),
    ("taro@example.jp\u3000", "surrounding-space", ["空白"], False, "taro@example.jp", 15),
    ("taro@example.jp。", "trailing-punctuation", ["「。」", "取り除いて"], False, "taro@example.jp", 15),
    ("taro@example.com.", "trailing-punctuation", ["「.」"], False, "taro@example.com", 16),
    ('"taro@example.jp"', "surrounding-quotes", ["囲まれて"], False, "taro@example.jp", 0),
    ("「taro@example.jp」", "surrounding-quotes", ["「「」」"], False, "taro@example.jp", 0),
    ("mailto:taro@example.jp?subject=test", "mailto", ["mailto:", "リンク"], False, "taro@example.jp", 0),
    ("山田 太郎 <taro@example.jp>", "display-name", ["名前"], False, "taro@example.jp", 0),
    ("Taro Yamada taro@example.jp", "display-name", ["名前"], False, "taro@example.jp", 0),
    ("<taro@example.jp>", "angle-brackets", ["< >"], False, "taro@example.jp", 0),
    ("メール：taro@example.jp", "label-prefix", ["見出し", "「メール：」"], False, "taro@example.jp", 0),
    ("taro@example.jp (山田)", "comment", ["補足", "「(山田)」"], False, "taro@example.jp", 15),
    ("taro@example.jp, hanako@example.jp", "multiple-addresses", ["複数"], False, None, None),
    ("taro @example.jp", "space-inside", ["途中に空白"], False, "taro@example.jp", 4),
    ("taro＠example.jp", "fullwidth-at", ["「＠」が全角", "半角の「@」"], False, "taro@example.jp", 4),
    ("taro@example．jp", "fullwidth-dot", ["「．」", "全角"], False, "taro@example.jp", 12),
    ("taro@example。jp", "ideographic-full-stop", ["句点", "「。」"], False, "taro@example.jp", 12),
    ("ｔａｒｏ@example.jp", "fullwidth-character", ["全角の文字", "「ｔ」"], False, "taro@example.jp", 0),
    ("taro1２3@example.jp", "fullwidth-character", ["「２」"], False, "taro123@example.jp", 5),
    ("ﾀﾛｳ@example.jp", "halfwidth-katakana", ["半角カタカナ", "入力モード"], False, "タロウ@example.jp", 0),
    ("taroーyamada@example.jp", "dash-lookalike", ["「ー」", "ハイフン"], False, "taro-yamada@example.jp", 4),
    ("taro@my−shop.jp", "dash-lookalike", ["「−」"], False, "taro@my-shop.jp", 7),
    ("taro@exаmple.com", "lookalike-character", ["よく似た別の文字", "「а」"], False, "taro@example.com", 7),
    ("o’brien@example.com", "lookalike-character", ["「’」"], False, "o'brien@example.com", 1),
    ("taro①@example.jp", "compatibility-character", ["特殊な文字", "「①」"], False, "taro1@example.jp", 4),
    ("taro\u200b@example.jp", "invisible-character", ["目に見えない"], False, "taro@example.jp", 4),
    ("taro\ufffd@example.jp", "unreadable-character", ["文字化け"], False, None, 4),
    ("taro(at)example.jp", "at-obfuscation", ["「(at)」", "「@」"], False, "taro@example.jp", 4),
    ("taro★example.jp", "at-obfuscation", ["「★」"], False, "taro@example.jp", 4),
    ("taro.example.jp", "missing-at", ["「@」がありません"], False, None, None),
    ("tarogmail.com", "missing-at", ["「@」がありません"], False, "taro@gmail.com", None),
    ("taro@@example.jp", "multiple-at", ["2 つ以上"], False, "taro@example.jp", 5),
    ("a@b@example.jp", "multiple-at", ["2 つ以上"], False, None, 3),
    ("@example.jp", "empty-local-part", ["「@」の前"], False, None, None),
    ("taro@", "empty-domain", ["「@」の後ろ"], False, None, None),
    (".taro@example.jp", "leading-dot", ["ドット「.」で始まって"], False, "taro@example.jp", 0),
    ("taro.@example.jp", "dot-before-at", ["「@」の直前にドット"], False, "taro@example.jp", 4),
    ("taro..yamada@gmail.com", "consecutive-dots", ["2 つ以上続いて"], False, "taro.yamada@gmail.com", 4),
    ("taro,yamada@example.jp", "invalid-local-character", ["使えない文字", "「,」"], False, None, 4),
    ('"taro"yamada@example.jp', "invalid-quoted-local-part", ["引用符"], False, None, 0),
    ("a" * 65 + "@example.jp", "local-part-too-long", ["64 バイト", "65 バイト"], False, None, None),
    ("a@" + ("b" * 60 + ".") * 5 + "jp", "address-too-long", ["254 バイト", "309 バイト"], False, None, None),
    ("taro@.example.jp", "domain-leading-dot", ["ドット「.」で始まって"], False, "taro@example.jp", 5),
    ("taro@example..jp", "domain-consecutive-dots", ["2 つ以上続いて"], False, "taro@example.jp", 12),
    ("taro@example,jp", "comma-for-dot", ["カンマ"], False, "taro@example.jp", 12),
    ("taro@exa_mple.com", "invalid-domain-character", ["「_」", "英数字とハイフン"], False, None, 8),
    ("taro@-example.com", "label-hyphen", ["「-example」", "ハイフン"], False, None, 5),
    ("taro@" + "a" * 64 + ".com", "label-too-long", ["63 文字"], False, None, 5),
    ("taro@xn--zz.jp", "invalid-idn", ["国際化ドメイン名", "「xn--zz」"], False, None, 5),
    ("taro@mail-server", "missing-tld", ["末尾がありません"], False, None, None),
    ("taro@192.0.2.1", "numeric-tld", ["数字だけ", "「1」"], False, None, 13),
    ("taro@example.c0m", "invalid-tld", ["「c0m」"], False, "taro@example.com", 13),
    ("taro@[300.0.2.1]", "invalid-address-literal", ["IP アドレス"], False, None, 5),
    ('"taro yamada"@example.jp', "quoted-local-part", ["引用符", "珍しい形"], True, None, 0),
    ("taro@[192.0.2.1]", "address-literal", ["IP アドレス", "「192.0.2.1」", "珍しい形"], True, None, 5),
    ("taro@[IPv6:2001:db8::1]", "address-literal", ["「IPv6:2001:db8::1」"], True, None, 5),
    ("山田@example.jp", "smtputf8-local-part", ["SMTPUTF8", "両方"], True, None, 0),
    ("taro@example.com", "special-use-domain", ["予約", "「example.com」"], True, None, None),
    ("taro@printer.local", "special-use-tld", ["「.local」", "予約", "届きません"], False, None, 13),
    ("taro@shop.invalid", "special-use-tld", ["「.invalid」"], False, None, 10),
    ("taro@mail.test", "special-use-tld", ["「.test」"], False, None, 10),
    ("taro@www.example", "special-use-tld", ["「.example」"], False, None, 9),
    ("taro@app.localhost", "special-use-tld", ["「.localhost」"], False, None, 9),
    ("taro@gmial.com", "domain-typo", ["「gmial.com」は「gmail.com」", "打ち間違い"], True, "taro@gmail.com", None),
    ("taro@gmail.co.jp", "domain-typo", ["「gmail.com」"], True, "taro@gmail.com", None),
    ("taro@yahoo.com.jp", "domain-typo", ["「yahoo.co.jp」"], True, "taro@yahoo.co.jp", None),
    ("taro@docomo.ne.jo", "domain-typo", ["「docomo.ne.jp」"], True, "taro@docomo.ne.jp", None),
    ("taro@shop.con", "unknown-tld", ["「.con」", "トップレベルドメイン"], False, "taro@shop.com", 10),
    ("taro@gmail.c", "unknown-tld", ["「.c」", "打ち間違えて"], False, "taro@gmail.com", 11),
    ("taro@company.cojp", "unknown-tld", ["「.cojp」"], False, "taro@company.co.jp", 13),
    ("taro@shop.qzx", "unknown-tld", ["「.qzx」"], False, None, 10),
    ("taro@docomo.ne.jp.jp", "doubled-suffix", ["「.ne.jp.jp」", "二重"], False, "taro@docomo.ne.jp", None),
    ("taro@company.co.jp.jp", "doubled-suffix", ["「.co.jp.jp」"], False, "taro@company.co.jp", None),
    ("taro@company.co.jp.com", "doubled-suffix", ["「.co.jp.com」"], False, "taro@company.co.jp", None),
    ("taro@日本語.jp", "idn-domain", ["国際化ドメイン名", "「xn--wgv71a119e.jp」"], True, None, None),
    ("taro.@docomo.ne.jp", "legacy-carrier-address", ["携帯電話会社", "実在"], False, None, None),
]


@pytest.mark.parametrize("text, code, words, valid, suggestion, position", RULES, ids=[r[1] + ":" + r[0][:30] for r in RULES])
def test_rule(text, code, words, valid, suggestion, position):
    report = check_address(text)
    problem = _problem(report, code)
    for word in words:
        assert word in problem.message_ja, (word, problem.message_ja)
    assert report.valid is valid
    assert report.suggestion == suggestion
    assert problem.position == position
    if code == "legacy-carrier-address":
        assert problem.severity == "info"
    elif valid:
        assert problem.severity in ("warning", "info")
    else:
        assert problem.severity == "error"


def _problem(report: AddressReport, code: str) -> Problem:
    matching = [p for p in report.problems if p.code == code]
    assert matching, f"{code} not in {[p.code for p in report.problems]}"
    return matching[0]


def test_every_code_has_a_rule_case():
    from checker.address.messages import MESSAGES

    assert {code for _, code, *_ in RULES} == set(MESSAGES)


@pytest.mark.parametrize("text", [
    "taro@example.jp", "Taro.Yamada+news@Example.CO.JP", "a!#$%&'*+/=?^_`{|}~-z@example.com",
    "x@sub.domain.example.org", "user@xn--wgv71a119e.jp", "taro@au.com", "taro@yahoo.com",
    "taro@outlook.jp", "taro@outlook.com", "taro@hotmail.co.jp", "taro@i.softbank.jp",
    "a" * 64 + "@example.com", "taro@" + "a" * 63 + ".com",
])
def test_valid_addresses_have_no_errors(text):
    report = check_address(text)
    assert report.valid, report.problems
    assert not any(p.code == "domain-typo" for p in report.problems)


def test_longest_legal_address_is_valid_and_one_more_octet_is_not():
    domain = ".".join(["a" * 63, "b" * 63, "c" * 63, "d" * 56, "com"])
    longest = "x@" + domain
    assert len(longest) == 254
    assert check_address(longest).valid
    assert not check_address("xy@" + domain).valid


def test_old_carrier_addresses_are_explained_not_rewritten():
    for text in ("taro.@docomo.ne.jp", "taro..hanako@ezweb.ne.jp", ".taro@au.com"):
        report = check_address(text)
        assert not report.valid
        assert report.suggestion is None
        assert "legacy-carrier-address" in [p.code for p in report.problems]
        assert "多くのサーバーが送信を断ります" in report.problems[0].message_ja
    wrapped = check_address("ｔａｒｏ.@docomo.ne.jp。")
    assert wrapped.suggestion == "taro.@docomo.ne.jp"  # the other slips repaired, the dot kept


def test_lookalikes_are_letters_in_a_japanese_word():
    report = check_address("ゲーム@example.jp")
    assert report.valid
    assert [p.code for p in report.problems] == ["smtputf8-local-part", "special-use-domain"]
    assert check_address("taro@ゲーム.jp").valid


def test_address_and_ascii_forms():
    report = check_address("山田 <Taro@日本語.JP>")
    assert report.address == "Taro@日本語.jp"
    assert report.ascii_address == "Taro@xn--wgv71a119e.jp"
    assert report.suggestion == "Taro@日本語.JP"
    plain = check_address("Taro@Example.COM")
    assert (plain.address, plain.ascii_address) == ("Taro@example.com", "Taro@example.com")
    assert check_address("no address here").address is None


def test_full_width_address_is_repaired_in_one_suggestion():
    report = check_address("ｔａｒｏ＿ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ")
    assert not report.valid
    assert report.suggestion == "taro_yamada@example.jp"
    assert {"fullwidth-character", "fullwidth-at", "fullwidth-dot"} <= {p.code for p in report.problems}


def test_real_domains_near_popular_ones_are_not_corrected():
    # ai.com: two-letter names like au.com are only corrected in their ending, never their name.
    for domain in ("yahoo.com", "ymail.com", "mail.com", "me.com", "live.jp", "ybb.ne.jp", "ai.com", "cloud.com"):
        report = check_address(f"taro@{domain}")
        assert report.valid and report.suggestion is None, domain


def test_json_contract_and_report_shape():
    report = check_address("taro＠gmial.com")
    assert report.to_json() == {
        "address": "taro＠gmial.com", "valid": False,
        "problems": ["fullwidth-at", "domain-typo"], "suggestion": "taro@gmail.com",
    }
    assert "suggestion" not in check_address("taro@gmail.com").to_json()
    assert dataclasses.is_dataclass(report) and dataclasses.fields(report)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.valid = True  # type: ignore[misc]


def test_explanation_in_japanese():
    text = check_address("taro＠example.jp").explain_ja()
    assert "このままではメールアドレスとして使えません" in text
    assert "5 文字目" in text
    assert "taro@example.jp" in text
    assert "正しい形のメールアドレスです" in check_address("taro@gmail.com").explain_ja()
    assert "注意点があります" in check_address("taro@gmial.com").explain_ja()


def test_address_repeated_as_a_mailto_link_is_one_address():
    report = check_address("taro@example.jp <mailto:taro@example.jp>")
    assert [p.code for p in report.problems][:2] == ["display-name", "mailto"]
    assert report.suggestion == "taro@example.jp"


def test_at_sign_inside_a_quoted_local_part_is_not_the_separator():
    report = check_address('"taro@home"@example.com')
    assert report.valid
    assert report.address == '"taro@home"@example.com'


@pytest.mark.parametrize("typed, meant", [
    ("taro@gmailcom", "taro@gmail.com"), ("taro@yahoo.cojp", "taro@yahoo.co.jp"),
    ("taro@docomone.jp", "taro@docomo.ne.jp"), ("taro@isoftbank.jp", "taro@i.softbank.jp"),
    ("taro@gamil.com", "taro@gmail.com"), ("taro@icloud.co", "taro@icloud.com"),
    ("taro@ezweb.ne.jo", "taro@ezweb.ne.jp"), ("taro@hotmial.co.jp", "taro@hotmail.co.jp"),
    ("taro@example、jp", "taro@example.jp"), ("ｔａｒｏ＠ｇｍｉａｌ．ｃｏｍ", "taro@gmail.com"),
])
def test_domain_slips_are_corrected(typed, meant):
    assert check_address(typed).suggestion == meant


def test_typing_distance_counts_a_swap_of_neighbours_as_one_slip():
    from checker.address.typos import osa_distance

    assert osa_distance("gmial", "gmail", 2) == 1
    assert osa_distance("gmail", "gmail", 2) == 0
    assert osa_distance("gnail", "gmail", 2) == 1
    assert osa_distance("gmaiil", "gmail", 2) == 1
    assert osa_distance("hotmial", "hotmail", 2) == 1
    assert osa_distance("yhaoo", "yahoo", 2) == 1
    assert osa_distance("outlook", "biglobe", 2) == 3  # beyond the limit: limit + 1


def test_input_that_is_not_text_is_read_not_refused():
    assert check_address(b"taro@gmail.com").valid
    assert check_address(None).problems[0].code == "empty"  # type: ignore[arg-type]
    assert not check_address(b"taro\xff@gmail.com").valid  # undecodable bytes: unreadable-character


def test_module_docstring_table_lists_every_code():
    import re

    import checker.address
    from checker.address.messages import MESSAGES

    rows = dict(re.findall(r"^([a-z][a-z0-9-]+) +(error|warning|info) ", checker.address.__doc__, re.M))
    assert rows == {code: severity for code, (severity, _) in MESSAGES.items()}
