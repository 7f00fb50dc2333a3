"""axe-core, injected into Chromium, audits every page of the online site at desktop and
phone width (test_audit_pages.py makes sure no built page is left out), every page of the
offline copy opened from disk, and Step 2-2 again in each state of the checker (ready, a
bounce answered, an address answered, an error, a section highlighted from a result, and a
card in each state of the mail: delayed, given up, sign-in, refused, no address).

A failure lists each violation as rule id, impact and the elements it was found on.
"""
from __future__ import annotations

import pytest

import advice_cases as cases
from conftest import REPO_ROOT, SHARED
from test_audit_pages import site_paths
from widget_support import (
    ADDRESS_INPUT,
    ADDRESS_OUTPUT,
    BOUNCE_INPUT,
    BOUNCE_OUTPUT,
    ROOT,
    clear_outputs,
    paste,
    wait_until_ready,
)

AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
BOUNCE_SAMPLE = SHARED / "corpus" / "bounces" / "bsd" / "lhost-postfix-09.eml"
RESULT_TIMEOUT_MS = 15_000

# axe's own run: the rules tagged for WCAG A/AA plus its best practices (the default set).
RUN_AXE = """async () => {
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations.map((rule) => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    targets: rule.nodes.map((node) => node.target.join(" ")),
  }));
}"""


# A scroll shows Material's back-to-top button with a fade; audited halfway through the fade
# its colours are a blend and fail the contrast rule. Audit what the reader sees at rest.
SETTLE = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (let last = -1, waited = 0; window.scrollY !== last && waited < 120; waited++) {
    last = window.scrollY;  // a smooth scroll still moving starts the fade when it ends
    await frame();
    await frame();
  }
  for (let round = 0; round < 3; round++) {
    const running = document.getAnimations().filter(
      (animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity);
    if (!running.length) return;
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
    await frame();
  }
}"""


def axe_violations(page) -> list[dict]:
    page.evaluate(SETTLE)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(RUN_AXE)


def describe(violations: list[dict]) -> str:
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']}")
        lines.extend(f"    {target}" for target in rule["targets"])
    return "\n".join(lines)


def assert_no_violations(page, where: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe-core found on {where}:\n{describe(violations)}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", site_paths())
def test_page_has_no_axe_violations(browser, http_site, path, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="ja-JP")
    try:
        page = context.new_page()
        page.goto(http_site + path)
        assert_no_violations(page, f"/{path} ({viewport})")
    finally:
        context.close()


def offline_file(path: str) -> str:
    """The offline copy's file for a page of the online site (it has no 404 page)."""
    return "index.html" if path == "" else path.rstrip("/") + ".html"


@pytest.mark.parametrize("path", [path for path in site_paths() if path != "404.html"])
def test_offline_page_has_no_axe_violations(browser, offline_root, path):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="ja-JP")
    try:
        page = context.new_page()
        page.goto((offline_root / offline_file(path)).as_uri())
        assert_no_violations(page, f"offline copy {offline_file(path)} (phone)")
    finally:
        context.close()


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def checker_page(request, browser, http_site):
    """Step 2-2 with the checker booted once per viewport (Pyodide takes seconds)."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="ja-JP")
    page = context.new_page()
    page.goto(http_site + "step-2-2/")
    wait_until_ready(page)
    page.viewport_name = request.param
    yield page
    context.close()


def show_tab(page, name: str) -> None:
    page.click(f"[data-checker-tab={name}]")
    page.wait_for_selector(f'[data-checker-panel="{name}"]:not([hidden])')


def test_checker_ready_has_no_axe_violations(checker_page):
    show_tab(checker_page, "bounce")
    clear_outputs(checker_page)
    assert checker_page.get_attribute(ROOT, "data-state") == "ready"
    assert_no_violations(checker_page, f"Step 2-2, checker ready ({checker_page.viewport_name})")


def test_bounce_result_has_no_axe_violations(checker_page):
    show_tab(checker_page, "bounce")
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, BOUNCE_SAMPLE.read_bytes().decode("utf-8", "replace"))
    checker_page.locator(f"{BOUNCE_OUTPUT} [data-recipient]").first.wait_for(
        timeout=RESULT_TIMEOUT_MS)
    assert_no_violations(checker_page, f"Step 2-2, bounce result ({checker_page.viewport_name})")


def test_highlighted_section_has_no_axe_violations(checker_page):
    show_tab(checker_page, "bounce")
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, BOUNCE_SAMPLE.read_bytes().decode("utf-8", "replace"))
    link = checker_page.locator(f"{BOUNCE_OUTPUT} a[href^='#']").first
    link.wait_for(timeout=RESULT_TIMEOUT_MS)
    link.click()
    checker_page.wait_for_selector(".checker-highlight")
    assert_no_violations(
        checker_page, f"Step 2-2, section highlighted from a result ({checker_page.viewport_name})")


def test_address_result_has_no_axe_violations(checker_page):
    show_tab(checker_page, "address")
    clear_outputs(checker_page)
    paste(checker_page, ADDRESS_INPUT, "hanako＠gmial.com")
    checker_page.locator(f"{ADDRESS_OUTPUT} [data-valid]").wait_for(timeout=RESULT_TIMEOUT_MS)
    assert_no_violations(checker_page, f"Step 2-2, address result ({checker_page.viewport_name})")


def test_error_message_has_no_axe_violations(checker_page):
    show_tab(checker_page, "bounce")
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, "\x00\x01\x02")
    checker_page.locator(f"{BOUNCE_OUTPUT} .checker__error").wait_for(timeout=RESULT_TIMEOUT_MS)
    assert_no_violations(checker_page, f"Step 2-2, error shown ({checker_page.viewport_name})")


# One card in each state of the mail, and a card without an address (issue 12).
CARD_STATES = {
    "delayed": cases.SENDMAIL_DELAY,
    "gaveup": cases.EXIM_RETRY_TIMEOUT,
    "signin": cases.THUNDERBIRD_JA,
    "refused-two-recipients": cases.TWO_RECIPIENTS,
    "no-address": "550 5.1.1 User unknown",
}


@pytest.mark.parametrize("state", list(CARD_STATES))
def test_each_card_state_has_no_axe_violations(checker_page, state):
    show_tab(checker_page, "bounce")
    clear_outputs(checker_page)
    paste(checker_page, BOUNCE_INPUT, CARD_STATES[state])
    card = checker_page.locator(f"{BOUNCE_OUTPUT} .checker__card").first
    card.wait_for(timeout=RESULT_TIMEOUT_MS)
    assert card.locator("h3").inner_text().strip()
    assert_no_violations(checker_page, f"Step 2-2, card {state} ({checker_page.viewport_name})")
