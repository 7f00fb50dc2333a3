"""What the checker's browser tests and its benchmark share: opening the widget until it is
ready, the page online and offline as fixtures, pasting the way a browser does, an axe check
of the widget, and a build of the site with instant navigation on."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "bounces"
ROOT = "[data-checker]"
BOUNCE_INPUT = '[data-checker-input="bounce"]'
ADDRESS_INPUT = '[data-checker-input="address"]'
BOUNCE_OUTPUT = '[data-checker-output="bounce"]'
ADDRESS_OUTPUT = '[data-checker-output="address"]'
BOOT_TIMEOUT_MS = 90_000

# A paste as the browser delivers it: a paste event, then the text, then an input event.
PASTE_JS = """([selector, text]) => {
  const field = document.querySelector(selector);
  field.focus();
  field.dispatchEvent(new ClipboardEvent("paste", { bubbles: true, cancelable: true }));
  field.value = text;
  field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
}"""


def open_checker(browser, url: str, width: int = 1280):
    """A new context (a phone's below 500 px: touch, mobile viewport) with Step 2-2 open at
    url and its checker ready; downloads are accepted (the CSV of the table)."""
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900}, locale="ja-JP",
                                  is_mobile=phone, has_touch=phone, accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    wait_until_ready(page)
    return context, page


def page_fixtures(opener=open_checker):
    """Two module-scoped fixtures: Step 2-2 opened with `opener` over HTTP and from the
    offline copy. Assign them to the names the tests ask for."""

    @pytest.fixture(scope="module")
    def online(browser, http_site):
        context, page = opener(browser, http_site + "step-2-2/")
        yield page
        context.close()

    @pytest.fixture(scope="module")
    def offline(browser, offline_root):
        context, page = opener(browser, (offline_root / "step-2-2.html").as_uri())
        yield page
        context.close()

    return online, offline


def checker_page_fixtures():
    """Fixtures for a test module: online_page and offline_page (Step 2-2 with its checker
    ready, over HTTP and from the offline copy, one each per module) and checker_page, which
    runs a test on both. Assign them to those names: `online_page, offline_page,
    checker_page = checker_page_fixtures()`."""

    @pytest.fixture(params=["online", "offline"])
    def checker_page(request):
        return request.getfixturevalue(f"{request.param}_page")

    return (*page_fixtures(), checker_page)


def widget_axe_violations(page, repo_root: Path) -> list[str]:
    """axe-core's violations inside the checker, one line each (rule: elements)."""
    page.add_script_tag(path=str(repo_root / "node_modules" / "axe-core" / "axe.min.js"))
    # preload: false keeps axe from fetching the stylesheets again (the request check).
    return page.evaluate(
        "async () => (await axe.run(document.querySelector('[data-checker]'),"
        " { preload: false })).violations"
        ".map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))")


def expected_for(name: str) -> dict:
    """The shared corpus's expected answer for a file's first recipient."""
    for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if label["file"] == name:
            return label["expected"][0]
    raise KeyError(name)


def wait_until_ready(page, timeout_ms: int = BOOT_TIMEOUT_MS) -> None:
    page.locator(ROOT).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => ['ready', 'error'].includes(document.querySelector('[data-checker]')?.dataset.state)",
        timeout=timeout_ms,
    )
    state = page.get_attribute(ROOT, "data-state")
    assert state == "ready", page.inner_text("[data-checker-status]")


def paste(page, selector: str, text: str) -> None:
    page.evaluate(PASTE_JS, [selector, text])


def clear_outputs(page) -> None:
    page.evaluate("""() => document.querySelectorAll('[data-checker-output]')
                          .forEach((output) => output.replaceChildren())""")


def build_instant_site(site_dir: Path, site_url: str) -> None:
    """The site as configured, plus Material's instant navigation (which needs site_url).

    The extra config inherits mkdocs.yml and lives next to it for the duration of the build,
    so that every relative path in mkdocs.yml means what it always means.
    """
    features = _features() + ["navigation.instant"]
    config = REPO_ROOT / f".mkdocs-instant-{uuid.uuid4().hex[:8]}.yml"
    config.write_text(
        "INHERIT: mkdocs.yml\n"
        f"site_url: {site_url}\n"
        "theme:\n  features:\n" + "".join(f"    - {name}\n" for name in features),
        encoding="utf-8",
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config),
             "--site-dir", str(site_dir)],
            cwd=REPO_ROOT, capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    finally:
        config.unlink()
    assert proc.returncode == 0, proc.stderr[-4000:]


def _features() -> list[str]:
    from mkdocs.config import load_config

    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    return [name for name in config.theme.get("features", []) if name != "navigation.instant"]
