"""The checker on Step 2-2, in Chromium, over HTTP and from the offline copy on file://.

One page per copy is booted once (Pyodide takes seconds) and reused by the checks below;
the last check on each page makes sure nothing was requested after the runtime was ready.
"""
from __future__ import annotations

import pytest

from conftest import SHARED, requests_leaving
from widget_support import (
    ADDRESS_INPUT,
    ADDRESS_OUTPUT,
    BOUNCE_INPUT,
    BOUNCE_OUTPUT,
    ROOT,
    clear_outputs,
    expected_for,
    paste,
    wait_until_ready,
    widget_axe_violations,
)

CORPUS = SHARED / "corpus" / "bounces"
# A dozen bounces from different mail servers, each answered by a different reason.
CORPUS_FILES = [
    "bsd/lhost-activehunter-01.eml",
    "bsd/lhost-courier-04.eml",
    "bsd/lhost-amazonses-03.eml",
    "bsd/lhost-ezweb-02.eml",
    "bsd/lhost-amazonses-17.eml",
    "bsd/lhost-ezweb-03.eml",
    "bsd/lhost-barracuda-01.eml",
    "bsd/lhost-einsundeins-02.eml",
    "bsd/lhost-opensmtpd-11.eml",
    "bsd/lhost-postfix-44.eml",
    "bsd/lhost-postfix-09.eml",
    "bsd/lhost-postfix-16.eml",
]
MARKUP = '<img src=x onerror="window.checkerPwned=1"><script>window.checkerPwned=2</script>'
MARKUP_BOUNCE = (
    "From: MAILER-DAEMON@mail.example.jp\nTo: taro@example.com\n"
    "Subject: Undelivered Mail Returned to Sender\n\n"
    "<hanako@example.jp>: host mx.example.jp[192.0.2.25] said: 550 5.1.1 "
    f"{MARKUP} User unknown (in reply to RCPT TO command)\n"
)


def _open_checker(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.request_log = []
    page.on("request", lambda request: page.request_log.append(request.url))
    page.goto(url)
    wait_until_ready(page)
    # The browser asks for the favicon on its own time; let the page settle first.
    page.wait_for_load_state("networkidle")
    page.requests_at_ready = len(page.request_log)
    return context, page


@pytest.fixture(scope="module")
def online_page(browser, http_site):
    context, page = _open_checker(browser, http_site + "step-2-2/")
    page.allowed = (http_site,)
    yield page
    context.close()


@pytest.fixture(scope="module")
def offline_page(browser, offline_root):
    context, page = _open_checker(browser, (offline_root / "step-2-2.html").as_uri())
    page.allowed = ("file://",)
    yield page
    context.close()


@pytest.fixture(params=["online", "offline"])
def checker_page(request):
    return request.getfixturevalue(f"{request.param}_page")


def section_heading(page, reason: str):
    return page.locator(f'main [data-reasons~="{reason}"]')


def test_reaches_ready_from_its_own_origin(checker_page):
    assert checker_page.get_attribute(ROOT, "data-state") == "ready"
    assert requests_leaving(checker_page.request_log, checker_page.allowed) == []


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_bounce_shows_reason_recipient_and_section(name, checker_page):
    expected = expected_for(name)
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, (CORPUS / name).read_bytes().decode("utf-8", "replace"))
    card = checker_page.locator(
        f'{BOUNCE_OUTPUT} [data-reason="{expected["reason"]}"]'
        f'[data-recipient="{expected["recipient"]}"]')
    card.wait_for(timeout=10_000)
    heading = section_heading(checker_page, expected["reason"])
    section_id = heading.get_attribute("id")
    assert card.get_attribute("data-section") == section_id
    assert card.locator(f'a[href="#{section_id}"]').count() == 1
    title = heading.inner_text().replace("¶", "").strip()
    assert title in card.inner_text()


def test_section_link_scrolls_to_and_highlights_the_section(checker_page):
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, (CORPUS / CORPUS_FILES[0]).read_bytes().decode("utf-8", "replace"))
    link = checker_page.locator(f"{BOUNCE_OUTPUT} .checker__guide-link").first
    link.click()
    heading = section_heading(checker_page, "userunknown")
    assert "checker-highlight" in heading.get_attribute("class")
    checker_page.wait_for_function(
        "() => { const r = document.querySelector('#user-unknown').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; }")


def test_eml_file_through_the_file_input(checker_page):
    name = "bsd/lhost-postfix-16.eml"
    expected = expected_for(name)
    clear_outputs(checker_page)
    checker_page.set_input_files("[data-checker-file]", str(CORPUS / name))
    checker_page.locator(f'{BOUNCE_OUTPUT} [data-recipient="{expected["recipient"]}"]').wait_for(
        timeout=10_000)
    assert "Received:" in checker_page.input_value(BOUNCE_INPUT)


def test_eml_file_dropped_onto_the_paste_area(checker_page):
    name = "bsd/lhost-courier-04.eml"
    expected = expected_for(name)
    clear_outputs(checker_page)
    checker_page.evaluate("""([selector, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "bounce.eml", { type: "message/rfc822" }));
      const area = document.querySelector(selector);
      for (const type of ["dragenter", "dragover", "drop"]) {
        area.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }""", [BOUNCE_INPUT, (CORPUS / name).read_bytes().decode("utf-8", "replace")])
    checker_page.locator(f'{BOUNCE_OUTPUT} [data-recipient="{expected["recipient"]}"]').wait_for(
        timeout=10_000)


def test_full_width_at_gets_the_ascii_suggestion(checker_page):
    checker_page.click("[data-checker-tab=address]")
    clear_outputs(checker_page)
    paste(checker_page, ADDRESS_INPUT, "hanako＠example.co.jp")
    result = checker_page.locator(f"{ADDRESS_OUTPUT} [data-valid]")
    result.wait_for(timeout=10_000)
    assert result.get_attribute("data-valid") == "false"
    assert "fullwidth-at" in result.get_attribute("data-problems").split()
    assert result.locator(".checker__suggested").inner_text() == "hanako@example.co.jp"
    checker_page.click("[data-checker-tab=bounce]")


def test_pasted_markup_is_shown_as_text_and_runs_nothing(checker_page):
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, MARKUP_BOUNCE)
    card = checker_page.locator(f"{BOUNCE_OUTPUT} [data-recipient]").first
    card.wait_for(timeout=10_000)
    assert "<img src=x" in card.locator("pre").inner_text()
    checker_page.click("[data-checker-tab=address]")
    paste(checker_page, ADDRESS_INPUT, MARKUP + "@example.jp")
    checker_page.locator(f"{ADDRESS_OUTPUT} [data-valid]").wait_for(timeout=10_000)
    checker_page.click("[data-checker-tab=bounce]")
    checker_page.wait_for_timeout(300)
    assert checker_page.locator(f"{ROOT} img, {ROOT} [data-checker-output] script").count() == 0
    assert checker_page.evaluate("window.checkerPwned") is None


def test_long_paste_shows_its_beginning_and_is_analysed_whole(checker_page):
    clear_outputs(checker_page)
    # A clipboard paste, the way the browser delivers it; the widget takes the text itself.
    shown = checker_page.evaluate("""([selector, text]) => {
      const field = document.querySelector(selector);
      const clipboard = new DataTransfer();
      clipboard.setData("text/plain", text + "\\n" + "x".repeat(300000) + "\\n");
      field.dispatchEvent(new ClipboardEvent("paste", { bubbles: true, cancelable: true,
                                                        clipboardData: clipboard }));
      return field.value.length;
    }""", [BOUNCE_INPUT, (CORPUS / CORPUS_FILES[0]).read_bytes().decode("utf-8", "replace")])
    assert shown == 100_000
    assert checker_page.locator("[data-checker-field-note]").inner_text() != ""
    checker_page.locator(f"{BOUNCE_OUTPUT} [data-reason=userunknown]").wait_for(timeout=10_000)
    checker_page.click('[data-checker-clear="bounce"]')
    assert checker_page.locator("[data-checker-field-note]").inner_text() == ""


def test_error_is_shown_in_japanese_and_input_kept(checker_page):
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, "\x00\x01\x02")
    error = checker_page.locator(f"{BOUNCE_OUTPUT} .checker__error")
    error.wait_for(timeout=10_000)
    assert any("\u3040" <= ch <= "\u30ff" for ch in error.inner_text())
    assert checker_page.input_value(BOUNCE_INPUT) == "\x00\x01\x02"


def test_tabs_work_from_the_keyboard(checker_page):
    checker_page.focus("[data-checker-tab=bounce]")
    checker_page.keyboard.press("ArrowRight")
    assert checker_page.locator(ADDRESS_INPUT).is_visible()
    assert checker_page.evaluate("document.activeElement.dataset.checkerTab") == "address"
    checker_page.keyboard.press("ArrowLeft")
    assert checker_page.locator(BOUNCE_INPUT).is_visible()


def test_widget_has_no_accessibility_violations(checker_page, repo_root):
    paste(checker_page, BOUNCE_INPUT, (CORPUS / CORPUS_FILES[0]).read_bytes().decode("utf-8", "replace"))
    checker_page.locator(f"{BOUNCE_OUTPUT} [data-recipient]").wait_for(timeout=10_000)
    assert widget_axe_violations(checker_page, repo_root) == []


def test_progress_bar_is_named_and_complete_once_ready(checker_page):
    bar = checker_page.get_by_role("progressbar", name="チェッカーの準備状況")
    assert bar.count() == 1
    assert bar.evaluate("(bar) => bar.value === bar.max")
    assert checker_page.inner_text("[data-checker-progress-text]") == "完了"


def test_nothing_is_requested_once_ready(checker_page):
    # Runs last on each page: all the checks above went without a single request. The browser
    # asks for the page's icon again when a jump to a section adds a history entry; that one
    # is the browser's own, from this origin.
    later = checker_page.request_log[checker_page.requests_at_ready:]
    assert [url for url in later if not url.endswith("/assets/images/favicon.png")] == []


def test_support_summary_is_copied_with_addresses_masked(online_page, http_site):
    online_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=http_site)
    clear_outputs(online_page)
    paste(online_page, BOUNCE_INPUT, (CORPUS / CORPUS_FILES[0]).read_bytes().decode("utf-8", "replace"))
    online_page.locator(f"{BOUNCE_OUTPUT} .checker__support button").click()
    online_page.locator(f"{BOUNCE_OUTPUT} .checker__copied", has_text="コピーしました").wait_for()
    copied = online_page.evaluate("navigator.clipboard.readText()")
    assert "***@example.org" in copied and "kijitora@" not in copied
    online_page.locator(f"{BOUNCE_OUTPUT} .checker__mask input").uncheck()
    online_page.locator(f"{BOUNCE_OUTPUT} .checker__support button").click()
    online_page.wait_for_function("async () => (await navigator.clipboard.readText()).includes('kijitora@')")


def test_screenshots_before_and_after_a_paste(online_page, artifacts_dir):
    sample = (CORPUS / CORPUS_FILES[0]).read_bytes().decode("utf-8", "replace")
    for width in (1280, 390):
        online_page.set_viewport_size({"width": width, "height": 900})
        online_page.fill(BOUNCE_INPUT, "")
        clear_outputs(online_page)
        before = artifacts_dir / f"checker-{width}px-before.png"
        screenshot_of_widget(online_page, before)
        paste(online_page, BOUNCE_INPUT, sample)
        online_page.locator(f"{BOUNCE_OUTPUT} [data-recipient]").wait_for(timeout=10_000)
        after = artifacts_dir / f"checker-{width}px-after.png"
        screenshot_of_widget(online_page, after)
        assert before.stat().st_size > 5_000 and after.stat().st_size > before.stat().st_size
        overflow = online_page.evaluate(
            "() => document.querySelector('[data-checker]').scrollWidth"
            " - document.querySelector('[data-checker]').clientWidth")
        assert overflow <= 1, f"the widget is wider than the screen at {width}px"
    online_page.set_viewport_size({"width": 1280, "height": 900})


def screenshot_of_widget(page, path) -> None:
    # The page's own coordinates, so that the sticky header does not cover the widget.
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(ROOT).bounding_box()
    margin = 16
    page.screenshot(path=str(path), full_page=True, clip={
        "x": max(box["x"] - margin, 0), "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin})


def test_page_reads_as_a_guide_without_javascript(browser, http_site):
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    try:
        page = context.new_page()
        page.goto(http_site + "step-2-2/")
        assert page.locator("[data-checker-fallback]").is_visible()
        assert "JavaScript" in page.locator("[data-checker-fallback]").inner_text()
        assert not page.locator(BOUNCE_INPUT).is_visible()
        assert page.locator("#user-unknown").is_visible()
    finally:
        context.close()


def test_says_so_without_webassembly(browser, http_site):
    context = browser.new_context(locale="ja-JP")
    try:
        page = context.new_page()
        page.add_init_script("delete window.WebAssembly")
        page.goto(http_site + "step-2-2/")
        page.locator(ROOT).scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('[data-checker]')?.dataset.state === 'error'")
        assert "WebAssembly" in page.inner_text("[data-checker-status]")
    finally:
        context.close()


def test_paste_while_loading_is_kept_then_instant_navigation_keeps_it_working(
        browser, instant_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.request_log = []
    page.on("request", lambda request: page.request_log.append(request.url))
    try:
        page.goto(instant_site + "step-2-2/")
        page.locator(ROOT).scroll_into_view_if_needed()
        paste(page, BOUNCE_INPUT, (CORPUS / CORPUS_FILES[1]).read_bytes().decode("utf-8", "replace"))
        assert page.get_attribute(ROOT, "data-state") == "loading"
        page.locator(f"{BOUNCE_OUTPUT} [data-reason=hostunknown]").wait_for(timeout=90_000)

        page.evaluate("window.checkerSameDocument = true")
        # Instant navigation rewrites the links, so find them by their text.
        page.locator(".md-nav--primary a.md-nav__link", has_text="Step 1").first.click()
        page.wait_for_url(instant_site + "step-1/")
        page.locator(".md-nav--primary a.md-nav__link", has_text="Step 2-2").first.click()
        page.wait_for_url(instant_site + "step-2-2/")
        assert page.evaluate("window.checkerSameDocument") is True, "not an instant navigation"
        page.wait_for_function("document.querySelector('[data-checker]')?.dataset.state === 'ready'",
                               timeout=2_000)
        paste(page, BOUNCE_INPUT, (CORPUS / CORPUS_FILES[0]).read_bytes().decode("utf-8", "replace"))
        page.locator(f"{BOUNCE_OUTPUT} [data-reason=userunknown]").wait_for(timeout=10_000)
        assert requests_leaving(page.request_log, (instant_site,)) == []
    finally:
        context.close()
