"""A boot that fails for a passing reason is tried once more before the reader is told."""
from __future__ import annotations

from widget_support import BOUNCE_INPUT, BOUNCE_OUTPUT, ROOT, paste, wait_until_ready

# The checker's wheel: the worker fetches it itself and fails its boot on an HTTP error.
WHEEL = "**/checker-*-py3-none-any.whl*"


def failing_first(route_calls: list[str]):
    def handle(route):
        route_calls.append(route.request.url)
        if len(route_calls) == 1:
            route.fulfill(status=503, body="")
        else:
            route.continue_()
    return handle


def test_a_failed_first_boot_is_retried_and_keeps_the_paste(page, http_site):
    wheel_requests: list[str] = []
    page.context.route(WHEEL, failing_first(wheel_requests))
    page.goto(http_site + "step-2-2/")
    page.locator(ROOT).scroll_into_view_if_needed()
    paste(page, BOUNCE_INPUT, "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown")
    wait_until_ready(page)
    assert len(wheel_requests) == 2, wheel_requests
    card = page.locator(f"{BOUNCE_OUTPUT} [data-reason]").first
    card.wait_for(timeout=30_000)
    assert card.get_attribute("data-reason") == "userunknown"


def test_a_boot_failing_twice_says_so_in_japanese(page, http_site):
    page.context.route(WHEEL, lambda route: route.fulfill(status=503, body=""))
    page.goto(http_site + "step-2-2/")
    page.locator(ROOT).scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('[data-checker]').dataset.state === 'error'",
                           timeout=60_000)
    assert "チェッカーを起動できませんでした" in page.inner_text("[data-checker-status]")
    assert page.locator(BOUNCE_INPUT).is_editable()
