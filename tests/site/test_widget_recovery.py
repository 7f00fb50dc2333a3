"""The widget survives its worker (issue 12): a worker that goes away in the middle of a
request (terminated, as a phone may end it to free memory) is noticed by the request's
timeout, a worker that reports an error after it was ready is said to have stopped (not
"could not start"), and in both cases a fresh worker takes over and analyses the paste the
field kept; an input that fails twice is given up with a message, and the checker still
answers others. Over HTTP and from the offline copy.

A screenshot of the widget while it gets ready again goes to test-artifacts/.
"""
from __future__ import annotations

import pytest

from widget_support import (
    ADDRESS_INPUT,
    ADDRESS_OUTPUT,
    BOUNCE_INPUT,
    BOUNCE_OUTPUT,
    ROOT,
    paste,
    wait_until_ready,
)

BOUNCE = "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown"
STATUS = "[data-checker-status]"
BOOT_TEXT = "チェッカーを起動できませんでした"
RESTART_TIMEOUT_MS = 90_000
# Every text the status (a live region) showed, in order.
RECORD_STATUS_JS = """() => {
  const status = document.querySelector("[data-checker-status]");
  window.statusTexts = [status.textContent];
  new MutationObserver(() => window.statusTexts.push(status.textContent)).observe(
    status, { childList: true, characterData: true, subtree: true });
}"""
# The worker that answers now goes away right after it is sent the next request.
KILL_ON_NEXT_REQUEST_JS = """() => {
  const worker = document.querySelector("[data-checker]").checkerWidget.currentWorker();
  window.killedWorker = worker;
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message) => {
    post(message);
    if (message.type === "analyse") worker.terminate();
  };
}"""
# The worker reports an error (as for an exception nobody caught) after the next request.
ERROR_ON_NEXT_REQUEST_JS = """() => {
  const worker = document.querySelector("[data-checker]").checkerWidget.currentWorker();
  window.killedWorker = worker;
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message) => {
    post(message);
    if (message.type === "analyse") {
      setTimeout(() => worker.dispatchEvent(new ErrorEvent("error", { message: "test: failed" })));
    }
  };
}"""


def open_checker(browser, url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ja-JP",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url)
    wait_until_ready(page)
    page.evaluate(RECORD_STATUS_JS)
    # A short wait for answers, so that the test need not wait the real 30 s.
    page.evaluate("document.querySelector('[data-checker]').dataset.requestTimeoutMs = '1500'")
    return context, page


@pytest.fixture(params=["online", "offline"])
def checker_url(request, http_site, offline_root):
    if request.param == "online":
        return http_site + "step-2-2/"
    return (offline_root / "step-2-2.html").as_uri()


def assert_recovered_with_the_paste(page, restarting_text: str) -> None:
    page.wait_for_function("document.querySelector('[data-checker]').dataset.state === 'restarting'",
                           timeout=10_000)
    page.locator(f"{BOUNCE_OUTPUT} [data-reason=userunknown]").wait_for(timeout=RESTART_TIMEOUT_MS)
    assert page.get_attribute(ROOT, "data-state") == "ready"
    assert page.input_value(BOUNCE_INPUT) == BOUNCE
    texts = page.evaluate("window.statusTexts")
    assert restarting_text in texts, texts
    assert not any(BOOT_TEXT in text for text in texts), texts
    assert page.evaluate("""() => window.killedWorker
      !== document.querySelector('[data-checker]').checkerWidget.currentWorker()""")


def test_a_worker_gone_mid_request_is_replaced_and_the_paste_analysed(browser, checker_url,
                                                                       artifacts_dir):
    context, page = open_checker(browser, checker_url)
    try:
        restarting = page.get_attribute(ROOT, "data-text-restarting")
        page.evaluate(KILL_ON_NEXT_REQUEST_JS)
        paste(page, BOUNCE_INPUT, BOUNCE)
        page.wait_for_function("document.querySelector('[data-checker]').dataset.state === 'restarting'",
                               timeout=10_000)
        if checker_url.startswith("http"):
            page.locator(ROOT).screenshot(path=str(artifacts_dir / "checker-restarting-390px.png"))
        assert_recovered_with_the_paste(page, restarting)
    finally:
        context.close()


def test_a_worker_error_after_ready_says_it_stopped_and_starts_again(browser, http_site):
    context, page = open_checker(browser, http_site + "step-2-2/")
    try:
        restarting = page.get_attribute(ROOT, "data-text-restarting")
        page.evaluate(ERROR_ON_NEXT_REQUEST_JS)
        paste(page, BOUNCE_INPUT, BOUNCE)
        assert_recovered_with_the_paste(page, restarting)
        assert "止まった" in restarting
    finally:
        context.close()


def test_an_input_never_answered_is_given_up_and_others_still_answered(browser, http_site):
    context, page = open_checker(browser, http_site + "step-2-2/")
    try:
        # Every worker, the fresh one too, leaves address requests unanswered.
        page.evaluate("""() => {
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (message) {
            if (message && message.type === "analyse" && message.kind === "address") return;
            return post.call(this, message);
          };
        }""")
        page.click("[data-checker-tab=address]")
        paste(page, ADDRESS_INPUT, "taro@example.jp")
        error = page.locator(f"{ADDRESS_OUTPUT} .checker__error")
        error.wait_for(timeout=RESTART_TIMEOUT_MS)
        assert error.inner_text() == page.get_attribute(ROOT, "data-text-slow")
        assert page.inner_text("[data-checker-announce]") == error.inner_text()
        page.wait_for_function("document.querySelector('[data-checker]').dataset.state === 'ready'",
                               timeout=RESTART_TIMEOUT_MS)
        page.wait_for_timeout(2_000)  # given up: not sent again to the fresh worker
        assert page.get_attribute(ROOT, "data-state") == "ready"
        page.click("[data-checker-tab=bounce]")
        paste(page, BOUNCE_INPUT, BOUNCE)
        page.locator(f"{BOUNCE_OUTPUT} [data-reason=userunknown]").wait_for(timeout=10_000)
    finally:
        context.close()
