"""Which pages the audits cover, and what every page tells search engines and screen
readers about itself: Japanese as its language and a Japanese description of its own."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO_ROOT

DOCS = REPO_ROOT / "docs"


def site_paths() -> list[str]:
    """Every page the build makes, by its URL path: one per Markdown page, and the 404."""
    paths = []
    for source in sorted(DOCS.rglob("*.md")):
        relative = source.relative_to(DOCS).with_suffix("")
        if relative.name == "index":
            relative = relative.parent
        paths.append("" if str(relative) == "." else f"{relative.as_posix()}/")
    return paths + ["404.html"]


def built_paths(site_dir: Path) -> set[str]:
    pages = set()
    for html in site_dir.rglob("*.html"):
        relative = html.relative_to(site_dir)
        if relative.parts[0] == "assets":
            continue
        if relative.name == "index.html":
            parent = relative.parent.as_posix()
            pages.add("" if parent == "." else f"{parent}/")
        else:
            pages.add(relative.as_posix())
    return pages


def page_file(site_dir: Path, path: str) -> Path:
    return site_dir / (path + "index.html" if path == "" or path.endswith("/") else path)


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.descriptions: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "meta" and attributes.get("name") == "description":
            self.descriptions.append(attributes.get("content") or "")


def read_head(site_dir: Path, path: str) -> _HeadReader:
    reader = _HeadReader()
    reader.feed(page_file(site_dir, path).read_text(encoding="utf-8"))
    return reader


def has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def site_description() -> str:
    from mkdocs.config import load_config

    return load_config(str(REPO_ROOT / "mkdocs.yml")).site_description or ""


def test_every_built_page_is_audited(built_site):
    assert built_paths(built_site) == set(site_paths())


@pytest.mark.parametrize("path", site_paths())
def test_page_is_japanese_with_a_description(built_site, path):
    head = read_head(built_site, path)
    assert head.lang == "ja"
    assert len(head.descriptions) == 1, head.descriptions
    description = head.descriptions[0]
    assert has_japanese(description), description
    # A page that repeats what the site says about itself has no description of its own.
    assert description != site_description(), f"/{path} repeats the site's description"


def test_descriptions_differ_between_pages(built_site):
    pages_by_description: dict[str, list[str]] = {}
    for path in site_paths():
        for description in read_head(built_site, path).descriptions:
            pages_by_description.setdefault(description, []).append(f"/{path}")
    shared = {text: pages for text, pages in pages_by_description.items() if len(pages) > 1}
    assert shared == {}
