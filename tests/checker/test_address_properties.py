"""Property tests: every RFC 5321 dot-atom address passes; no input makes the checker fail."""
from __future__ import annotations

import json
import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import check_address
from checker.address.local_part import CARRIER_DOT_CODES
from checker.address.tlds import SECOND_LEVEL_SUFFIXES, TOP_LEVEL_DOMAINS

ATEXT = string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~"
LETTER_DIGIT = string.ascii_letters + string.digits

atoms = st.text(alphabet=ATEXT, min_size=1, max_size=12)
dot_string = st.lists(atoms, min_size=1, max_size=5).map(".".join).filter(lambda s: len(s) <= 64)


@st.composite
def labels(draw) -> str:
    """RFC 5321 sub-domain: Let-dig [Ldh-str]."""
    first = draw(st.sampled_from(LETTER_DIGIT))
    middle = draw(st.text(alphabet=LETTER_DIGIT + "-", max_size=20))
    last = draw(st.sampled_from(LETTER_DIGIT)) if middle or draw(st.booleans()) else ""
    label = first + middle + last
    # "xn--" labels are A-labels: IDNA decides about those, not the LDH grammar.
    return label if not label.lower().startswith("xn--") else "x" + label[4:]


# A TLD of the root zone (checker/address/tlds.py), in any case: a made-up one is an error.
ROOT_ZONE_LETTERS = sorted(tld for tld in TOP_LEVEL_DOMAINS if tld.isalpha())
top_level = st.sampled_from(ROOT_ZONE_LETTERS).flatmap(
    lambda tld: st.tuples(*(st.sampled_from([c, c.upper()]) for c in tld)).map("".join))


def has_one_ending(domain: str) -> bool:
    """Not the same TLD twice (ne.jp.jp) nor a two-label suffix before another TLD (co.jp.com)."""
    labels = domain.lower().split(".")
    if len(labels) >= 3 and labels[-2] == labels[-1]:
        return False
    return not (len(labels) >= 4 and ".".join(labels[-3:-1]) in SECOND_LEVEL_SUFFIXES
                and ".".join(labels[-2:]) not in SECOND_LEVEL_SUFFIXES)


domains = st.builds(lambda ls, tld: ".".join(ls + [tld]), st.lists(labels(), min_size=1, max_size=4),
                    top_level).filter(has_one_ending)
mailboxes = st.builds(lambda local, domain: f"{local}@{domain}", dot_string, domains).filter(lambda a: len(a) <= 254)

# Characters that drive the checker's branches, to reach deep paths quickly.
TRICKY = list("@.\"\\[]<>()  ,:;a1-xn") + ["　", "＠", "．", "。", "ー", "ｶ", "а", "’", "\u200b", "日", "★",
                                          "mailto:", "(at)", "IPv6:", "xn--", "「", "」", "\ud800", "\t", "\r"]
tricky_text = st.lists(st.sampled_from(TRICKY), max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mailboxes)
def test_rfc5321_dot_atom_addresses_are_valid(address):
    report = check_address(address)
    assert report.valid, (address, report.problems)
    assert report.address is not None and report.address.split("@")[0] == address.split("@")[0]


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(max_size=300), tricky_text, mailboxes.map(lambda a: "　" + a + "。")))
def test_no_input_breaks_the_checker(text):
    report = check_address(text)
    shown = report.to_json()
    assert shown["address"] == text
    assert isinstance(shown["valid"], bool)
    json.dumps(shown, ensure_ascii=False)
    assert isinstance(report.explain_ja(), str)
    for problem in report.problems:
        # No template placeholder left unfilled (unless the input itself holds one).
        assert problem.message_ja
        assert not _PLACEHOLDER.search(problem.message_ja) or _PLACEHOLDER.search(text)
        assert problem.position is None or 0 <= problem.position < len(text)
    if report.suggestion is not None:
        suggested = check_address(report.suggestion)
        errors = {p.code for p in suggested.problems if p.severity == "error"}
        # An old carrier mailbox keeps its dots; everything else suggested must be valid.
        assert errors <= CARRIER_DOT_CODES, (text, report.suggestion, errors)
        assert not errors or "legacy-carrier-address" in [p.code for p in suggested.problems]


def test_long_hostile_input_is_answered_quickly():
    import time

    start = time.perf_counter()
    for text in ("@" * 100_000, "a." * 50_000 + "@x.jp", "(" * 10_000 + "a@b.jp", "a@" + "b-" * 50_000 + ".jp",
                 "「" * 1000 + "a@b.jp" + "」" * 1000, " " * 1990 + "a@b.jp"):
        assert not check_address(text).valid
    # Generous bound: this guards against a regular expression or loop going quadratic.
    assert time.perf_counter() - start < 5.0


# Hiragana, katakana (with ー), common kanji, and Latin letters with diacritics: all PVALID.
JAPANESE_AND_LATIN = st.one_of(
    st.characters(min_codepoint=0x3041, max_codepoint=0x3096),
    st.characters(min_codepoint=0x30A1, max_codepoint=0x30FA),
    st.just("ー"),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from("abcxyz0189-éüßçñåø"),
)
# A label whose only non-ASCII character is ー reads as a slip for "-", so it is left out here.
unicode_labels = st.text(alphabet=JAPANESE_AND_LATIN, min_size=1, max_size=15).filter(
    lambda s: any(c >= "\x80" and c != "ー" for c in s) and not s.startswith("-") and not s.endswith("-")
    and s[2:4] != "--")


@settings(max_examples=300, deadline=None)
@given(unicode_labels, st.sampled_from(["jp", "com", "co.jp"]))
def test_unicode_domains_get_the_same_punycode_as_the_idna_package(label, ending):
    import idna  # the IDNA 2008 reference implementation, installed for the site's packages

    domain = f"{label}.{ending}"
    report = check_address(f"taro@{domain}")
    assert report.valid, report.problems
    assert report.ascii_address == "taro@" + idna.encode(domain).decode("ascii")
