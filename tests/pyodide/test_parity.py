"""The checker answers the same in Pyodide (the page's Python) as in CPython (the CLI's).

One Node process boots Pyodide once, from the trimmed standard library the site ships,
installs the wheel the site publishes, imports every module of the checker, and answers
every case: every message of the bounce corpus (as the .eml bytes a dropped file gives, and
some as pasted text), damaged messages, hostile pastes, a message in each codec of the
standard library (a message names its charset, so any codec may be looked up), and
addresses. Each answer (the JSON report, the notices, and the page's whole view from
`checker.web`) must be identical to what CPython gives for the same case; a file left out
of the trimmed zip fails an import, and so the case.
"""
from __future__ import annotations

import zipfile

import pytest

from hostile_inputs import LIGHT_MUTATIONS, corpus_messages, mutated
from node_runner import Run, bytes_case, missing_runtime, text_case

ADDRESSES = [
    "taro@example.jp", "Taro.Yamada+news@mail.example.co.jp", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ",
    "taro@日本語.jp", "taro@xn--wgv71a119e.jp", "taro@xn--zz.jp", "taro@straße.de", "taro@gmial.com",
    "taro@yahoo.co.jpp", "taro@docomo.ne.jp", "taro..yamada@docomo.ne.jp", "taro.@ezweb.ne.jp",
    "\"taro yamada\"@example.jp", "山田 太郎 <taro@example.jp>", "mailto:taro@example.jp",
    "taro(at)example.jp", "taro★example.jp", "taro＠example．jp。", "ﾀﾛｳ@example.jp",
    "taroーyamada@example.jp", "tаro@example.jp", "taro@[192.0.2.1]", "taro@[IPv6:2001:db8::1]",
    "taro@localhost", "taro@example", "@example.jp", "taro@", "", " ", "taro@@example.jp",
    "taro@exa mple.jp", "taro\u200b@example.jp", "\u202etaro@example.jp", "taro@example.jp\u0000",
    "a" * 65 + "@example.jp", "a@" + "b" * 64 + ".jp", "x" * 3000, "taro\ud800@example.jp",
    "😀@example.jp", "<script>alert(1)</script>@example.jp", "taro@example.jp, hanako@example.jp",
    "Ｔａｒｏ．Ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ", "taro@-example.jp", "taro@example-.jp",
]
HOSTILE_PASTES = [
    "<img src=x onerror=\"window.__pwned=1\"> 550 5.1.1 <bob@example.jp>: User unknown",
    "<svg onload=alert(1)><a href=\"javascript:alert(1)\">bob@example.jp</a></svg> 5.7.1 rejected",
    "<style>*{display:none}</style>" * 50 + "<bob@example.jp>: 552 5.2.2 Mailbox full",
    "\u202e\u2066bob@example.jp\u2069 550 5.1.1 \u200b\u200d\ufeff user unknown",
    "=?utf-8?B?" + "44GC" * 3000 + "?=", "\x00\x01\x02" * 100 + "550 5.1.1 <a@b.jp>", "\ufffd" * 5000,
]
SEEDS_PER_MUTATION = 3
CHARSET_BOUNCE = (b"From: MAILER-DAEMON@mail.example.jp\nTo: taro@example.com\n"
                  b"Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                  b"Content-Type: text/plain; charset=%s\n\n"
                  b"<hanako@example.jp>: 550 5.1.1 User unknown \x82\xa0\xa4\xa2\xe3\x81\x82\n")


def codec_names() -> list[str]:
    """Every codec module of the standard library Pyodide ships (all of which the page has)."""
    from node_runner import PYODIDE_DIR

    with zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip") as stdlib:
        names = [name[len("encodings/"):-3] for name in stdlib.namelist()
                 if name.startswith("encodings/") and name.endswith(".py")]
    return sorted(name for name in names if name not in ("__init__", "aliases"))


def build_cases() -> list[dict]:
    messages = corpus_messages()
    cases = [bytes_case(f"eml:{name}", "bounce", data) for name, data in messages]
    cases += [text_case(f"pasted:{name}", "bounce", data.decode("utf-8", errors="replace"))
              for name, data in messages[::10]]
    for kind in LIGHT_MUTATIONS:
        for seed in range(SEEDS_PER_MUTATION):
            name, data = messages[(seed * 37) % len(messages)]
            cases.append(bytes_case(f"{kind}:{seed}:{name}", "bounce", mutated(kind, data, seed)))
    cases += [text_case(f"hostile:{index}", "bounce", text) for index, text in enumerate(HOSTILE_PASTES)]
    cases += [bytes_case(f"charset:{name}", "bounce", CHARSET_BOUNCE % name.encode())
              for name in codec_names()]
    cases += [text_case(f"address:{index}:{text[:30]!r}", "address", text) for index, text in enumerate(ADDRESSES)]
    return cases


CASES = build_cases()


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> tuple[dict[str, dict], dict[str, dict]]:
    """(CPython's, Pyodide's) answers, from the same wheel, so that an edit to the checker
    during the run cannot make them differ."""
    reason = missing_runtime()
    if reason:
        pytest.skip(reason)
    run = Run(CASES, tmp_path_factory.mktemp("parity"))
    return run.in_cpython(), run.in_pyodide()


def test_every_case_was_answered(answers):
    in_cpython, in_pyodide = answers
    assert sorted(in_pyodide) == sorted(in_cpython) == sorted(case["id"] for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_same_answer_as_cpython(case, answers):
    in_cpython, in_pyodide = answers
    assert in_pyodide[case["id"]]["answer"] == in_cpython[case["id"]]["answer"]
