"""The root-zone table the address checker reads (checker/address/tlds.py): fresh enough to
use, with its source stated, and the generator (scripts/update_tlds.py) reads the published
formats of its two lists."""
from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

from checker import check_address
from checker.address import tlds

REPO_ROOT = Path(__file__).resolve().parents[2]
# New TLDs are delegated and old ones retired every few months: a table older than this
# calls wrong answers on new domains. scripts/update_tlds.py makes a new one.
MAX_AGE = datetime.timedelta(days=2 * 366)


def test_the_table_is_fresh_enough_and_says_where_it_comes_from():
    made = datetime.date.fromisoformat(tlds.ROOT_ZONE_DATE)
    today = datetime.date.today()
    assert made <= today + datetime.timedelta(days=1), "the table is dated in the future"
    assert today - made <= MAX_AGE, (
        f"checker/address/tlds.py is from {made}: run scripts/update_tlds.py with newer pins")
    assert tlds.ROOT_ZONE_VERSION.startswith(tlds.ROOT_ZONE_DATE.replace("-", ""))
    assert "IANA" in tlds.ROOT_ZONE_SOURCE and "tlds-alpha-by-domain.txt" in tlds.ROOT_ZONE_SOURCE
    assert "Public Suffix List" in tlds.PUBLIC_SUFFIX_SOURCE
    assert tlds.PUBLIC_SUFFIX_VERSION[:4].isdigit()


def test_known_top_level_domains_are_in_and_made_up_ones_are_not():
    for tld in ("jp", "com", "net", "org", "tokyo", "osaka", "co", "ne", "xn--q9jyb4c"):
        assert tld in tlds.TOP_LEVEL_DOMAINS, tld
    for made_up in ("cojp", "c", "con", "nejp", "example", "test", "local", "invalid", "localhost"):
        assert made_up not in tlds.TOP_LEVEL_DOMAINS, made_up
    assert 1000 < len(tlds.TOP_LEVEL_DOMAINS) < 3000
    assert all(tld == tld.lower() and tld.isascii() for tld in tlds.TOP_LEVEL_DOMAINS)


def test_second_level_suffixes_are_those_people_register_under():
    for suffix in ("co.jp", "ne.jp", "or.jp", "ac.jp", "tokyo.jp", "com.au", "co.uk"):
        assert suffix in tlds.SECOND_LEVEL_SUFFIXES, suffix
    for name in ("example.jp", "gmail.com", "jp.jp", "com.com"):
        assert name not in tlds.SECOND_LEVEL_SUFFIXES, name
    assert all(suffix.rpartition(".")[2] in tlds.TOP_LEVEL_DOMAINS
               for suffix in tlds.SECOND_LEVEL_SUFFIXES)


def test_real_three_label_endings_are_not_doubled():
    # nl.ca and com.au are suffixes of their own: gov.nl.ca is no "gov.nl" before ".ca".
    for address in ("taro@city.gov.nl.ca", "taro@shop.example.com.au", "taro@mail.email.com",
                    "taro@info.com", "taro@shop.tokyo", "taro@city.kawasaki.jp"):
        report = check_address(address)
        assert report.valid, (address, report.problems)


def _generator():
    spec = importlib.util.spec_from_file_location("update_tlds", REPO_ROOT / "scripts" / "update_tlds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


IANA_SAMPLE = """# Version 2026102900, Last Updated Thu Oct 30 07:07:01 2026 UTC
COM
JP
TOKYO
XN--Q9JYB4C
"""
PSL_SAMPLE = """// VERSION: 2026-10-22_08-36-41_UTC
// ===BEGIN ICANN DOMAINS===
// jp : https://www.jprs.co.jp/
jp
co.jp
ne.jp
chuo.tokyo.jp
*.kawasaki.jp
!city.kawasaki.jp
// com
com
公司.cn
// ===END ICANN DOMAINS===
// ===BEGIN PRIVATE DOMAINS===
blogspot.com
// ===END PRIVATE DOMAINS===
"""


def test_the_generator_reads_both_lists_and_writes_a_module_that_imports(tmp_path):
    generator = _generator()
    version, names = generator.read_iana_text(IANA_SAMPLE)
    assert version == "2026102900"
    assert names == {"com", "jp", "tokyo", "xn--q9jyb4c"}
    psl_version, second_levels = generator.read_psl_text(PSL_SAMPLE)
    assert psl_version == "2026-10-22_08-36-41_UTC"
    # Two labels only, ICANN section only, no wildcard or exception; IDN labels as A-labels.
    assert second_levels == {"jp": {"co", "ne"}, "cn": {"xn--55qx5d"}}
    source = generator.render(version, "IANA tlds-alpha-by-domain.txt, sample", names,
                              psl_version, "Public Suffix List, sample", second_levels)
    namespace: dict = {}
    exec(compile(source, str(tmp_path / "tlds.py"), "exec"), namespace)  # noqa: S307 (our own output)
    assert namespace["ROOT_ZONE_DATE"] == "2026-10-29"
    assert namespace["TOP_LEVEL_DOMAINS"] == frozenset(names)
    # cn is no TLD of the sample root zone, so its suffix is left out.
    assert namespace["SECOND_LEVEL_SUFFIXES"] == frozenset({"co.jp", "ne.jp"})


def test_the_checked_in_table_is_what_the_generator_writes():
    """The module is the generator's output, untouched (its own data rendered again)."""
    generator = _generator()
    second_levels: dict[str, set[str]] = {}
    for suffix in tlds.SECOND_LEVEL_SUFFIXES:
        label, tld = suffix.split(".")
        second_levels.setdefault(tld, set()).add(label)
    rendered = generator.render(tlds.ROOT_ZONE_VERSION, tlds.ROOT_ZONE_SOURCE,
                                set(tlds.TOP_LEVEL_DOMAINS), tlds.PUBLIC_SUFFIX_VERSION,
                                tlds.PUBLIC_SUFFIX_SOURCE, second_levels)
    assert rendered == (REPO_ROOT / "checker" / "address" / "tlds.py").read_text(encoding="utf-8")
