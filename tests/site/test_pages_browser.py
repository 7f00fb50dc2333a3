"""Both copies in Chromium: Step 2-2 renders its sections, Japanese search finds words,
and no request leaves 127.0.0.1 (online) or file:// (offline). Screenshots of Step 2-2
are written to the artifacts folder for a person to look at."""
from __future__ import annotations

import pytest
from mkdocs.config import load_config

from conftest import REPO_ROOT, requests_leaving
from test_build_site import nav_files, page_path
from test_pages_links import NEW_SECTION_IDS, SEED_SECTION_IDS

SEARCH_WORDS = ["送信", "迷惑メール"]


@pytest.fixture(params=["online", "offline"])
def guide(request, http_site, offline_root):
    """(URL of a page by its name, the origins its requests may go to) for one copy."""
    if request.param == "online":
        return (lambda name: http_site + ("" if name == "index" else f"{name}/"),
                (http_site,))
    base = offline_root.as_uri() + "/"
    return (lambda name: f"{base}{name}.html", ("file://",))


def test_step_2_2_renders_its_sections(page, guide):
    url_of, allowed = guide
    page.goto(url_of("step-2-2"))
    assert "送信でお困りの場合" in page.locator("h1").inner_text()
    hidden = [section for section in SEED_SECTION_IDS + NEW_SECTION_IDS
              if not page.locator(f"[id='{section}']").is_visible()]
    assert hidden == []
    assert page.locator("#user-unknown").inner_text().strip().startswith("【Returned mail: User unknown】")
    assert requests_leaving(page.request_log, allowed) == []


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_japanese_search_finds(word, page, guide):
    url_of, allowed = guide
    page.goto(url_of("index"))
    search_box = page.locator("input.md-search__input")
    search_box.click()
    search_box.press_sequentially(word, delay=30)
    # Playwright inserts kana and kanji as text without key events, as an IME commit
    # would be followed by one; Material searches on keyup.
    search_box.press("End")
    first_result = page.locator(".md-search-result__item").first
    first_result.wait_for(state="visible", timeout=20_000)
    assert word in page.locator(".md-search-result__list").inner_text()
    assert requests_leaving(page.request_log, allowed) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshot_of_step_2_2(width, browser, http_site, artifacts_dir):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP",
                                  device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(http_site + "step-2-2/")
        page.wait_for_load_state("networkidle")
        path = artifacts_dir / f"step-2-2-{width}px.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    finally:
        context.close()


def test_no_page_is_wider_than_a_phone(browser, http_site):
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="ja-JP")
    try:
        page = context.new_page()
        too_wide = {}
        for src in nav_files(config):
            page.goto(http_site + page_path(src, True).removesuffix("index.html"))
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                too_wide[src] = width
        assert too_wide == {}
    finally:
        context.close()
