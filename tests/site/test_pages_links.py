"""The built HTML of both copies: every internal link and #anchor resolves, nothing is
loaded from outside, and Step 2-2 has a section for every bounce reason."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import SHARED

# Sisimai's reasons that are not delivery failures get no section on Step 2-2.
NOT_FAILURES = {"delivered", "vacation", "feedback"}

SEED_SECTION_IDS = [
    "user-unknown", "host-unknown", "local-configuration-error", "undelivered", "delayed",
    "access-denied", "attachment-size", "remote-restriction", "sending-limit",
]
NEW_SECTION_IDS = [
    "smtp-auth", "mailbox-full", "carrier-filter", "spam-rejected", "sender-authentication",
    "account-suspended", "unknown-error",
]
CATCH_ALL = "unknown-error"


class PageParser(HTMLParser):
    """Collects a page's ids, its links (a/link href) and what it loads (src, srcset ...)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[tuple[str, str]] = []
        self.headings: dict[str, dict[str, str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
            if re.fullmatch(r"h[1-6]", tag):
                self.headings[attributes["id"]] = attributes
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        if tag == "link" and "href" in attributes:
            self.links.append(attributes["href"])
            self.loads.append((tag, attributes["href"]))
        for name in ("src", "data", "poster", "action", "formaction"):
            if name in attributes:
                self.loads.append((tag, attributes[name]))
                self.links.append(attributes[name])
        if "srcset" in attributes:
            for candidate in attributes["srcset"].split(","):
                self.loads.append((tag, candidate.strip().split(" ")[0]))
        if "style" in attributes:
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", attributes["style"]):
                self.loads.append((tag, url))


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def resolve(root: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to; None for external or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = root if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if href.split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(root: Path) -> list[str]:
    parsed = {page.resolve(): parse(page) for page in html_pages(root)}
    broken = []
    for page, parser in parsed.items():
        for href in parser.links:
            resolved = resolve(root, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            where = f"{page.relative_to(root.resolve())}: {href}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{where} (no #{fragment} there)")
    return broken


def test_every_internal_link_resolves_online(built_site):
    assert broken_links(built_site) == []


def test_every_internal_link_resolves_offline(offline_root):
    assert broken_links(offline_root) == []


@pytest.mark.parametrize("copy", ["online", "offline"])
def test_no_page_references_anything_outside(copy, built_site, offline_root):
    root = built_site if copy == "online" else offline_root
    outside = []
    for page in html_pages(root):
        parser = parse(page)
        external = [url for url in parser.links + [url for _, url in parser.loads]
                    if urlsplit(url).scheme in ("http", "https") or url.startswith("//")]
        outside += [f"{page.relative_to(root)}: {url}" for url in external]
    assert outside == []


def test_online_site_links_the_offline_zip_and_the_offline_copy_does_not(
        built_site, offline_root):
    online = parse(built_site / "step-2-2" / "index.html")
    offline = parse(offline_root / "step-2-2.html")
    assert "../downloads/mail-guide-offline.zip" in online.links
    assert not any("mail-guide-offline.zip" in link for link in offline.links)


def sisimai_failure_reasons() -> set[str]:
    readme = (SHARED / "corpus" / "bounces" / "README.md").read_text(encoding="utf-8")
    names_line = readme.split("## Reason names (Sisimai v5.6.0)")[1].strip().split("\n\n")[0]
    names = {name.strip(" .") for name in names_line.replace("\n", " ").split(",")}
    return names - NOT_FAILURES


def reasons_by_section(page: PageParser) -> dict[str, list[str]]:
    return {section_id: attributes["data-reasons"].split()
            for section_id, attributes in page.headings.items()
            if "data-reasons" in attributes}


@pytest.mark.parametrize("copy", ["online", "offline"])
def test_step_2_2_has_every_bounce_section(copy, built_site, offline_root):
    path = (built_site / "step-2-2" / "index.html" if copy == "online"
            else offline_root / "step-2-2.html")
    page = parse(path)
    missing = [section for section in SEED_SECTION_IDS + NEW_SECTION_IDS
               if section not in page.headings]
    assert missing == []


def test_every_failure_reason_is_claimed_by_exactly_one_section(built_site):
    page = parse(built_site / "step-2-2" / "index.html")
    sections = reasons_by_section(page)
    claims: dict[str, list[str]] = {}
    for section_id, reasons in sections.items():
        for reason in reasons:
            claims.setdefault(reason, []).append(section_id)
    expected = sisimai_failure_reasons()
    assert len(expected) == 31
    assert sorted(expected - claims.keys()) == [], "reasons without a section"
    assert sorted(claims.keys() - expected) == ["delayed"], "sections claim unknown reasons (delayed is a state)"
    assert claims["delayed"] == ["delayed"]  # the delay section answers every delay warning
    assert {reason: ids for reason, ids in claims.items() if len(ids) > 1} == {}
    assert set(sections["unknown-error"]) >= {"onhold", "undefined"}
    assert set(sections["user-unknown"]) >= {"userunknown"}
    assert set(sections["host-unknown"]) >= {"hostunknown"}
    assert set(sections["carrier-filter"]) >= {"filtered"}
    assert set(sections["mailbox-full"]) >= {"mailboxfull"}
    assert set(sections["delayed"]) >= {"expired"}
    # a failed sign-in (535 and its family) has its own section, not the seed's Access denied
    assert sections["smtp-auth"] == ["securityerror"]


def test_seed_sections_keep_their_order_and_come_before_the_new_ones(built_site):
    html = (built_site / "step-2-2" / "index.html").read_text(encoding="utf-8")
    order = SEED_SECTION_IDS + NEW_SECTION_IDS
    positions = [html.index(f'id="{section_id}"') for section_id in order]
    assert positions == sorted(positions)
    assert order[-1] == CATCH_ALL


def test_checker_marker_or_widget_sits_right_under_the_bounce_heading():
    source = (Path(__file__).resolve().parents[2] / "docs" / "step-2-2.md").read_text(
        encoding="utf-8")
    heading = "## エラーリターンメールが受信される場合はエラーの内容をご確認ください"
    after_heading = source.split(heading, 1)[1].split("\n", 1)[1]
    assert after_heading.lstrip("\n").startswith("<!-- checker -->")


def test_seed_artefacts_are_mended(built_site):
    html = (built_site / "step-2-2" / "index.html").read_text(encoding="utf-8")
    assert "email protected" not in html
    assert "onamae-server.com" not in html
    assert "example@example.com のexample の部分" in html
    assert "example@example.com のexample.com の部分" in html
