"""The checker on a phone (issue 13): it says how much its first boot downloads, shows the
download as a named progress bar (figures, then 「準備中」) while the status is announced
once, waits for a tap where the connection asks to save data, keeps a paste made meanwhile,
and on a repeat visit takes the runtime from the browser's cache.

Screenshots of the widget loading, waiting for a tap and ready, at 390 px and 1280 px, go to
test-artifacts/.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, SHARED
from widget_support import BOUNCE_INPUT, BOUNCE_OUTPUT, ROOT, paste, wait_until_ready

CORPUS = SHARED / "corpus" / "bounces"
PROGRESS_NAME = "チェッカーの準備状況"
WIDTHS = (390, 1280)
# What a phone browser with data saving on (or on a slow network) tells the page.
CONNECTION_JS = """Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true, get: () => (%s) });"""
# Every text the status (a live region) and the progress figures showed, in order.
RECORD_TEXTS_JS = """
window.statusTexts = [];
window.progressTexts = [];
document.addEventListener("DOMContentLoaded", () => {
  const watch = (selector, list) => {
    const node = document.querySelector(selector);
    if (!node) return;
    const note = () => {
      if (list[list.length - 1] !== node.textContent) list.push(node.textContent);
    };
    note();
    new MutationObserver(note).observe(node,
      { childList: true, characterData: true, subtree: true });
  };
  watch("[data-checker-status]", window.statusTexts);
  watch("[data-checker-progress-text]", window.progressTexts);
});
"""
RUNTIME_BYTES_JS = """() => {
  const ready = performance.getEntriesByName("checker-ready")[0];
  const page = performance.getEntriesByType("resource")
    .filter((entry) => entry.name.includes("/assets/checker/"));
  return [...page, ...ready.detail.resources]
    .filter((entry) => /worker\\.js|pyodide\\/|\\.whl/.test(entry.name))
    .map((entry) => [entry.name, entry.transferSize]);
}"""


def first_download_text(page) -> str:
    sizes = json.loads(page.get_attribute(ROOT, "data-sizes"))
    return f"約 {sum(size[1] for size in sizes.values()) / 1e6:.1f} MB"


def runtime_requests(page) -> list[str]:
    return [url for url in page.request_log if "/assets/checker/pyodide/" in url
            or "/assets/checker/worker.js" in url or url.split("?")[0].endswith(".whl")]


def open_page(browser, url: str, width: int = 1280, connection: str | None = None):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.request_log = []
    page.on("request", lambda request: page.request_log.append(request.url))
    page.add_init_script(RECORD_TEXTS_JS)
    if connection:
        page.add_init_script(CONNECTION_JS % connection)
    page.goto(url)
    return context, page


def screenshot_of_widget(page, path) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(ROOT).bounding_box()
    margin = 16
    page.screenshot(path=str(path), full_page=True, clip={
        "x": max(box["x"] - margin, 0), "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin})


def test_states_its_size_shows_progress_and_announces_once(browser, http_site):
    context, page = open_page(browser, http_site + "step-2-2/")
    try:
        wait_until_ready(page)
        size = first_download_text(page)
        statuses = page.evaluate("window.statusTexts")
        # Said before the download started, then once per state: never at each step.
        before = [index for index, text in enumerate(statuses)
                  if "スクロール" in text and size in text]
        loading = [index for index, text in enumerate(statuses) if "準備しています" in text]
        assert before and loading == [len(statuses) - 2] and before[0] < loading[0], statuses
        assert size in statuses[-2] and statuses[-1].startswith("準備ができました")
        assert len(statuses) <= 4, statuses
        figures = page.evaluate("window.progressTexts")
        assert any(re.fullmatch(r"ダウンロード中: \d+\.\d MB / \d+\.\d MB", text)
                   for text in figures), figures
        assert any(text.startswith("準備中") for text in figures), figures
        assert figures[-1] == "完了"
        bar = page.get_by_role("progressbar", name=PROGRESS_NAME)
        assert bar.count() == 1 and bar.is_visible()
        assert bar.evaluate("(bar) => bar.value === bar.max && bar.max > 0")
        assert page.locator("[data-checker-start]").is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("connection", ["{ saveData: true, effectiveType: '4g' }",
                                        "{ saveData: false, effectiveType: '3g' }"],
                         ids=["save-data", "3g"])
def test_a_connection_that_saves_data_waits_for_a_tap(browser, http_site, connection,
                                                      artifacts_dir):
    context, page = open_page(browser, http_site + "step-2-2/", connection=connection)
    try:
        page.locator(ROOT).scroll_into_view_if_needed()
        page.wait_for_function(
            "document.querySelector('[data-checker]').dataset.state === 'waiting'")
        bounce = (CORPUS / "bsd/lhost-courier-04.eml").read_bytes().decode("utf-8", "replace")
        paste(page, BOUNCE_INPUT, bounce)
        page.locator(BOUNCE_INPUT).click()  # touching the widget is not a tap on the button
        page.wait_for_timeout(1_500)
        assert page.get_attribute(ROOT, "data-state") == "waiting"
        assert runtime_requests(page) == []
        size = first_download_text(page)
        button = page.get_by_role("button", name=re.compile("チェッカーを準備する"))
        assert button.is_visible() and size in button.inner_text()
        assert "ボタンを押してください" in page.inner_text("[data-checker-status]")
        assert page.locator("#user-unknown").is_visible()  # the guide reads on meanwhile
        if "saveData: true" not in connection:
            return
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            screenshot_of_widget(page, artifacts_dir / f"checker-{width}px-waiting.png")
        page.set_viewport_size({"width": 390, "height": 900})
        button.click()
        wait_until_ready(page)
        # The paste made while waiting is analysed once the checker is ready.
        page.locator(f"{BOUNCE_OUTPUT} [data-reason=hostunknown]").wait_for(timeout=20_000)
        assert runtime_requests(page)
    finally:
        context.close()


def test_screenshots_while_loading_and_ready(browser, http_site, artifacts_dir):
    context, page = open_page(browser, http_site + "step-2-2/", width=390)
    cdp = context.new_cdp_session(page)
    try:
        # Slow enough to see the bytes arrive (DevTools' throttling covers the worker too).
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 100, "downloadThroughput": 4e6 / 8,
            "uploadThroughput": 4e6 / 8})
        page.locator(ROOT).scroll_into_view_if_needed()
        page.wait_for_function("""() => document.querySelector('progress').value > 200000
            && document.querySelector('[data-checker]').dataset.state === 'loading'""",
                               timeout=60_000)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            screenshot_of_widget(page, artifacts_dir / f"checker-{width}px-loading.png")
        assert re.search(r"ダウンロード中: \d+\.\d MB / \d+\.\d MB",
                         page.inner_text("[data-checker-progress-text]"))
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        wait_until_ready(page)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            screenshot_of_widget(page, artifacts_dir / f"checker-{width}px-ready.png")
    finally:
        context.close()


def test_a_repeat_visit_takes_the_runtime_from_the_cache(playwright_instance, http_site, tmp_path):
    # A profile on disk, as a customer's browser has: a fresh context has only a small
    # in-memory cache, which keeps no file the size of the wasm.
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, locale="ja-JP",
        viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(http_site + "step-2-2/")
        wait_until_ready(page)
        first = dict(page.evaluate(RUNTIME_BYTES_JS))
        page.reload()
        wait_until_ready(page)
        again = dict(page.evaluate(RUNTIME_BYTES_JS))
    finally:
        context.close()
    assert sum(first.values()) > 4_000_000, first
    assert set(again) == set(first)
    # At most a revalidation's headers for each file (this server sends no Cache-Control).
    assert all(size < 1_000 for size in again.values()), again
