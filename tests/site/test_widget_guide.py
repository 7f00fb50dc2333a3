"""The card's answer from the guide (issue 12): the section's whole text in the card, with its
list items and working links, copied safely; the jump to the section lands below Material's
sticky header; Back returns to the result with the paste still there, on the same page, after
following a link to another page (instant navigation on the published site, the offline copy
from file://), at phone and desktop width. A file in ISO-2022-JP shows readable in the field.

Screenshots of the card, the jump and the return at 390 px and 1280 px go to test-artifacts/.
"""
from __future__ import annotations

import pytest

from conftest import SHARED
from widget_support import (
    BOUNCE_INPUT,
    BOUNCE_OUTPUT,
    ROOT,
    checker_page_fixtures,
    clear_outputs,
    open_checker,
    paste,
    wait_until_ready,
)

CORPUS = SHARED / "corpus" / "bounces"
CARRIER_BOUNCE = """Subject: Undelivered Mail Returned to Sender

<m.kimura@mobile.example.jp>: host mx.mobile.example.jp[203.0.113.45] said:
    550 Unknown user m.kimura@mobile.example.jp (in reply to end of DATA
    command)
"""
VIRUS_BOUNCE = """Subject: Undelivered Mail Returned to Sender

<inoue@example.jp>: host mx.example.jp[192.0.2.140] said:
    554 5.7.0 Rejected: the attachment contains a virus (in reply to end of
    DATA command)
"""
RESULT_TIMEOUT_MS = 15_000

# The section as the page has it: the text of every node after its heading up to the next
# heading of the same or a higher level, leaving out the sample bounces.
SECTION_TEXTS_JS = """(id) => {
  const heading = document.getElementById(id);
  const level = Number(heading.tagName.slice(1));
  const texts = [];
  for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
    const sub = /^H([1-6])$/.exec(node.tagName);
    if (sub && Number(sub[1]) <= level) break;
    if (node.matches("details.example")) continue;
    texts.push(node.innerText.trim());
  }
  return texts.filter(Boolean);
}"""
DUPLICATE_IDS_JS = """() => {
  const seen = {};
  document.querySelectorAll("[id]").forEach((node) => { seen[node.id] = (seen[node.id] || 0) + 1; });
  return Object.keys(seen).filter((id) => seen[id] > 1);
}"""


online_page, offline_page, checker_page = checker_page_fixtures()


def card_for(page, text: str, section: str):
    clear_outputs(page)
    paste(page, BOUNCE_INPUT, text)
    card = page.locator(f'{BOUNCE_OUTPUT} .checker__card[data-section="{section}"]')
    card.wait_for(timeout=RESULT_TIMEOUT_MS)
    return card


def assert_in_view_below_header(page, selector: str) -> None:
    """The element's top is below the header and near it, and stays so for a moment (after
    Back, Material's instant navigation may build the page again under it)."""
    settled = page.wait_for_function("""(selector) => {
      const target = document.querySelector(selector);
      const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
      const top = target ? target.getBoundingClientRect().top : -1;
      if (!(top >= header && top < header + 120)) {
        window.checkerTestSince = 0;
        return false;
      }
      window.checkerTestSince = window.checkerTestSince || performance.now();
      return performance.now() - window.checkerTestSince > 600
        && { header, top, viewport: innerHeight };
    }""", arg=selector, timeout=RESULT_TIMEOUT_MS).json_value()
    page.evaluate("window.checkerTestSince = 0")
    assert settled["header"] <= settled["top"] < settled["viewport"], settled


def test_card_holds_the_whole_section_with_its_list(checker_page):
    card = card_for(checker_page, CARRIER_BOUNCE, "carrier-filter")
    body = card.locator(".checker__guide-body")
    # The action is the list below the first paragraph: ask the friend to add the address.
    items = body.locator("li")
    assert items.count() == 2
    assert "指定受信" in items.first.inner_text()
    shown = body.inner_text()
    for text in checker_page.evaluate(SECTION_TEXTS_JS, "carrier-filter"):
        assert text in shown
    # Not the sample bounce (the reader has the real one), not the checker.
    assert card.locator(".checker__guide details, .checker__guide [data-checker]").count() == 0
    assert "Unknown user m.kimura" not in shown


def test_links_in_the_card_are_links_and_the_copy_is_safe(checker_page):
    card = card_for(checker_page, VIRUS_BOUNCE, "spam-rejected")
    body = card.locator(".checker__guide-body")
    assert "ウイルス対策ソフト" in body.locator("li").first.inner_text()
    link = body.locator("a", has_text="弊社サポート")
    assert link.count() == 1
    href = link.evaluate("(a) => a.href")
    assert href.split("#")[0].rstrip("/").endswith(("support", "support.html")), href
    # No ids (so none twice on the page), no handlers, no scripts or form controls.
    assert checker_page.evaluate(DUPLICATE_IDS_JS) == []
    assert card.locator(".checker__guide [id], .checker__guide script, .checker__guide input,"
                        " .checker__guide button").count() == 0
    handlers = card.locator(".checker__guide *").evaluate_all(
        "(nodes) => nodes.flatMap((n) => [...n.attributes].map((a) => a.name))"
        ".filter((name) => name.startsWith('on'))")
    assert handlers == []


@pytest.mark.parametrize("copy, width", [("online", 390), ("online", 1280), ("offline", 390)])
def test_jump_lands_below_the_header_and_back_returns_to_the_result(
        browser, http_site, offline_root, copy, width, artifacts_dir):
    url = http_site + "step-2-2/" if copy == "online" else (offline_root / "step-2-2.html").as_uri()
    context, page = open_checker(browser, url, width)
    name = f"{width}px" if copy == "online" else f"offline-{width}px"
    try:
        card = card_for(page, CARRIER_BOUNCE, "carrier-filter")
        card.screenshot(path=str(artifacts_dir / f"checker-card-{name}.png"))
        card.locator(".checker__guide-link").click()
        page.wait_for_url("**#carrier-filter")
        assert_in_view_below_header(page, "#carrier-filter")
        assert "checker-highlight" in page.get_attribute("#carrier-filter", "class")
        page.screenshot(path=str(artifacts_dir / f"checker-jump-{name}.png"))
        page.go_back()
        page.wait_for_url("**#checker-result")
        assert_in_view_below_header(page, f"{BOUNCE_OUTPUT} .checker__card")
        assert page.input_value(BOUNCE_INPUT) == CARRIER_BOUNCE
        page.screenshot(path=str(artifacts_dir / f"checker-back-{name}.png"))
        page.go_forward()
        page.wait_for_url("**#carrier-filter")
        assert_in_view_below_header(page, "#carrier-filter")
    finally:
        context.close()


def follow_a_link_away_and_come_back(page, away: str) -> None:
    """From the card: jump to the section, scroll back up to the card and follow the link in
    its copy of the section to the support page, then Back: to the result, rebuilt from what
    the tab kept."""
    card = card_for(page, VIRUS_BOUNCE, "spam-rejected")
    card.locator(".checker__guide-link").click()
    page.wait_for_url("**#spam-rejected")
    assert_in_view_below_header(page, "#spam-rejected")
    # Back at the card (scrolled up), the reader follows the link in the copied section.
    card.scroll_into_view_if_needed()
    card.locator(".checker__guide-body a", has_text="弊社サポート").click()
    page.wait_for_url(away)
    page.go_back()
    page.wait_for_url("**#checker-result")
    page.wait_for_function("document.querySelector('[data-checker]')?.dataset.state === 'ready'",
                           timeout=90_000)
    page.locator(f'{BOUNCE_OUTPUT} .checker__card[data-section="spam-rejected"]').wait_for(
        timeout=RESULT_TIMEOUT_MS)
    assert_in_view_below_header(page, f"{BOUNCE_OUTPUT} .checker__card")
    assert page.input_value(BOUNCE_INPUT) == VIRUS_BOUNCE


def test_back_from_another_page_on_a_phone_with_instant_navigation(browser, instant_site,
                                                                    artifacts_dir):
    context, page = open_checker(browser, instant_site + "step-2-2/", 390)
    try:
        page.evaluate("window.checkerSameDocument = true")
        follow_a_link_away_and_come_back(page, instant_site + "support/")
        assert page.evaluate("window.checkerSameDocument") is True, "not an instant navigation"
        page.screenshot(path=str(artifacts_dir / "checker-back-instant-390px.png"))
    finally:
        context.close()


def test_back_from_another_page_on_a_phone_in_the_offline_copy(browser, offline_root):
    context, page = open_checker(browser, (offline_root / "step-2-2.html").as_uri(), 390)
    try:
        follow_a_link_away_and_come_back(page, (offline_root / "support.html").as_uri())
    finally:
        context.close()


def test_cleared_paste_is_not_brought_back(browser, http_site):
    context, page = open_checker(browser, http_site + "step-2-2/")
    try:
        card_for(page, CARRIER_BOUNCE, "carrier-filter")
        assert "m.kimura" in page.evaluate("sessionStorage.getItem('mail-guide-checker')")
        page.click('[data-checker-clear="bounce"]')
        assert page.evaluate("sessionStorage.getItem('mail-guide-checker')") is None
        page.reload()
        wait_until_ready(page)
        assert page.input_value(BOUNCE_INPUT) == ""
    finally:
        context.close()


def test_iso_2022_jp_file_reads_as_japanese_in_the_field(checker_page):
    name = "bsd/lhost-ezweb-07.eml"  # its text part: ISO-2022-JP, 7bit
    clear_outputs(checker_page)
    checker_page.set_input_files("[data-checker-file]", str(CORPUS / name))
    checker_page.locator(f'{BOUNCE_OUTPUT} [data-reason="userunknown"]').wait_for(
        timeout=RESULT_TIMEOUT_MS)
    shown = checker_page.input_value(BOUNCE_INPUT)
    assert "次のあて先へのメッセージはエラーのため送信できませんでした" in shown
    assert "\x1b" not in shown and "$B" not in shown
    assert checker_page.get_attribute(ROOT, "data-state") == "ready"
