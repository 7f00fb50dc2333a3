"""「サンプルを試す」 in Chromium: it offers the guide's own 「エラーメールの例」 blocks, one after the
other, and the checker's card for each names a reason that the sample's own section claims."""
from __future__ import annotations

import re
import sys

from conftest import REPO_ROOT
from widget_support import BOUNCE_INPUT, BOUNCE_OUTPUT, clear_outputs, wait_until_ready

sys.path.insert(0, str(REPO_ROOT))
from hooks.samples import find_samples

SAMPLE_BUTTON = "[data-checker-sample]"
CARD = f"{BOUNCE_OUTPUT} .checker__card"


def test_the_sample_button_cycles_through_the_pages_samples(browser, http_site, built_site):
    samples = find_samples((built_site / "step-2-2" / "index.html").read_text(encoding="utf-8")).samples
    assert len(samples) > 1
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    try:
        page = context.new_page()
        page.goto(http_site + "step-2-2/")
        wait_until_ready(page)
        # One round through every sample, then the first again.
        for sample in [*samples, samples[0]]:
            clear_outputs(page)
            page.click(SAMPLE_BUTTON)
            assert page.input_value(BOUNCE_INPUT) == sample.text, sample.describe()
            card = page.locator(CARD).first
            card.wait_for(timeout=30_000)
            # The card goes to the sample's own section: by its reason, or for a delay warning
            # by the state the section claims ("delayed"), whatever the cause shown.
            assert card.get_attribute("data-section") == sample.section.id, (
                sample.describe(), sample.section.id, card.get_attribute("data-reason"))
    finally:
        context.close()


def test_without_samples_on_the_page_there_is_no_sample_button(browser, http_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    try:
        page = context.new_page()
        # The page as a writer might leave it: the checker, but no example blocks (removed
        # before the widget's script sets the checker up).
        page.route("**/step-2-2/", _serve_without_samples)
        page.goto(http_site + "step-2-2/")
        page.wait_for_selector("[data-checker-body]:not([hidden])")
        assert page.locator("details.example").count() == 0
        assert page.locator(SAMPLE_BUTTON).count() == 0
    finally:
        context.close()


def _serve_without_samples(route) -> None:
    response = route.fetch()
    html = re.sub(r'<details class="example">.*?</details>', "", response.text(), flags=re.DOTALL)
    route.fulfill(response=response, body=html)
