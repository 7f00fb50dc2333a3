"""The address tab (issue 12): made-up endings, doubled endings and special-use names are
problems, with the suggestion a customer most likely meant; a check waits until typing
pauses (at once on Enter and on leaving the field); a screen reader hears each settled
verdict once, from one polite live region; an answer with ok: false shows its message.

Screenshots of the tab with an answer at 390 px and 1280 px go to test-artifacts/.
"""
from __future__ import annotations

import json

import pytest

from widget_support import (
    ADDRESS_INPUT,
    ADDRESS_OUTPUT,
    ROOT,
    clear_outputs,
    paste,
    wait_until_ready,
)

ANNOUNCE = "[data-checker-announce]"
RESULT_TIMEOUT_MS = 10_000
NO_PROBLEM = "問題は見つかりませんでした"
# Counts what the page asked the worker (address requests) and what the live region said.
WATCH_JS = """() => {
  const root = document.querySelector("[data-checker]");
  const worker = root.checkerWidget.currentWorker();
  window.addressRequests = 0;
  window.announced = [];
  window.addressResults = 0;
  if (!worker.countingRequests) {
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message) => {
      if (message.type === "analyse" && message.kind === "address") window.addressRequests++;
      post(message);
    };
    worker.countingRequests = true;
  }
  const region = document.querySelector("[data-checker-announce]");
  new MutationObserver(() => window.announced.push(region.textContent)).observe(
    region, { childList: true, characterData: true, subtree: true });
  root.addEventListener("checker:result", (event) => {
    if (event.detail.kind === "address") window.addressResults++;
  });
}"""


@pytest.fixture(scope="module")
def address_page(browser, http_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.goto(http_site + "step-2-2/")
    wait_until_ready(page)
    page.click("[data-checker-tab=address]")
    yield page
    context.close()


def check(page, address: str):
    clear_outputs(page)
    paste(page, ADDRESS_INPUT, address)
    result = page.locator(f"{ADDRESS_OUTPUT} [data-valid]")
    result.wait_for(timeout=RESULT_TIMEOUT_MS)
    return result


@pytest.mark.parametrize("address, code, suggestion", [
    ("taro@gmail.c", "unknown-tld", "taro@gmail.com"),
    ("taro@docomo.ne.jp.jp", "doubled-suffix", "taro@docomo.ne.jp"),
    ("taro@company.cojp", "unknown-tld", "taro@company.co.jp"),
    ("taro@company.co.jp.com", "doubled-suffix", "taro@company.co.jp"),
    ("taro@printer.local", "special-use-tld", None),
    ("taro@mail.test", "special-use-tld", None),
])
def test_addresses_mail_cannot_reach_are_problems(address_page, address, code, suggestion):
    result = check(address_page, address)
    assert result.get_attribute("data-valid") == "false"
    assert code in result.get_attribute("data-problems").split()
    shown = result.inner_text()
    assert NO_PROBLEM not in shown
    assert "届かない問題があります" in shown
    suggested = result.locator(".checker__suggested")
    if suggestion:
        assert suggested.inner_text() == suggestion
    else:
        assert suggested.count() == 0


def test_a_real_address_has_no_problem(address_page):
    result = check(address_page, "taro@shop.tokyo")
    assert result.get_attribute("data-valid") == "true"
    assert NO_PROBLEM in result.inner_text()


def test_typing_is_checked_once_it_pauses_and_heard_once(address_page):
    page = address_page
    page.fill(ADDRESS_INPUT, "")
    clear_outputs(page)
    page.evaluate(WATCH_JS)
    page.focus(ADDRESS_INPUT)
    # 60 ms between keys: well inside the pause the widget waits for.
    page.keyboard.type("taro@gmail.c", delay=60)
    page.wait_for_timeout(300)
    assert page.evaluate("window.addressRequests") == 0, "checked before typing paused"
    page.wait_for_function("window.addressResults === 1", timeout=RESULT_TIMEOUT_MS)
    page.wait_for_timeout(1_000)
    assert page.evaluate("window.addressRequests") == 1
    announced = page.evaluate("window.announced")
    assert len(announced) == 1, announced
    assert "届かない問題があります" in announced[0] and "taro@gmail.com" in announced[0]
    # Enter with nothing changed: no second check, nothing heard again.
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert page.evaluate("window.addressRequests") == 1
    # The fix typed, then Enter at once: checked without waiting for the pause.
    page.keyboard.type("om", delay=60)
    page.keyboard.press("Enter")
    page.wait_for_function("window.addressResults === 2", timeout=RESULT_TIMEOUT_MS)
    assert page.evaluate("window.addressRequests") == 2
    assert NO_PROBLEM in page.inner_text(ADDRESS_OUTPUT)
    page.wait_for_timeout(1_000)
    assert page.evaluate("window.addressRequests") == 2  # the pending pause did not check again
    announced = page.evaluate("window.announced")
    assert len(announced) == 2 and NO_PROBLEM in announced[1], announced
    # Leaving the field checks at once too.
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.click("[data-checker-tab=address]")
    page.wait_for_function("window.addressResults === 3", timeout=400)
    problems = page.get_attribute(f"{ADDRESS_OUTPUT} [data-valid]", "data-problems").split()
    assert "unknown-tld" in problems
    # The visible result is no live region: only the one region speaks.
    assert page.get_attribute(ADDRESS_OUTPUT, "aria-live") is None
    assert page.locator(f"{ROOT} [data-checker-panel=address] [aria-live]").count() == 1


def test_an_answer_with_ok_false_shows_its_message(address_page):
    page = address_page
    page.evaluate("""(error) => {
      const worker = document.querySelector("[data-checker]").checkerWidget.currentWorker();
      const handle = worker.onmessage;
      worker.onmessage = (event) => {
        const message = event.data;
        handle(message.type === "result" && message.kind === "address"
          ? { data: { ...message, json: error } } : event);
        worker.onmessage = handle;
      };
    }""", json.dumps({"ok": False, "error": "テスト用のエラーです。"}, ensure_ascii=False))
    clear_outputs(page)
    paste(page, ADDRESS_INPUT, "hanako@example.jp")
    error = page.locator(f"{ADDRESS_OUTPUT} .checker__error")
    error.wait_for(timeout=RESULT_TIMEOUT_MS)
    assert error.inner_text() == "テスト用のエラーです。"
    assert page.inner_text(ANNOUNCE) == "テスト用のエラーです。"


@pytest.mark.parametrize("width", (390, 1280))
def test_screenshot_of_an_answer(address_page, artifacts_dir, width):
    address_page.set_viewport_size({"width": width, "height": 900})
    try:
        check(address_page, "taro@docomo.ne.jp.jp")
        address_page.locator(ROOT).screenshot(path=str(artifacts_dir / f"checker-address-{width}px.png"))
        overflow = address_page.evaluate(
            "() => document.querySelector('[data-checker]').scrollWidth"
            " - document.querySelector('[data-checker]').clientWidth")
        assert overflow <= 1
    finally:
        address_page.set_viewport_size({"width": 1280, "height": 900})
