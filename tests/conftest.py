"""Shared fixtures: one build of the site per test run, a local HTTP server, the offline
copy unpacked on disk, and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
ARTIFACTS = REPO_ROOT / "test-artifacts"
OFFLINE_ZIP = "downloads/mail-guide-offline.zip"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The online site exactly as the publishing workflow builds it (`mkdocs build`)."""
    out = tmp_path_factory.mktemp("build") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stderr[-6000:]}"
    return out


@pytest.fixture(scope="session")
def offline_root(built_site, tmp_path_factory) -> Path:
    """The offline copy as a customer gets it: the zip from the online site, unpacked."""
    zip_path = built_site / OFFLINE_ZIP
    assert zip_path.is_file(), f"the online site has no offline zip at {OFFLINE_ZIP}"
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(target)
    index = next(target.rglob("index.html"))
    return index.parent


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".whl": "application/zip"}

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def http_site(built_site) -> str:
    """Base URL (with trailing slash) of the online build served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory) -> str:
    """Base URL of the site built as published, with Material's instant navigation on."""
    from widget_support import build_instant_site

    site_dir = tmp_path_factory.mktemp("instant") / "site"
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # Instant navigation only follows links its sitemap lists, so the site must know its URL.
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    build_instant_site(site_dir, base_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base_url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_instance():
    """Playwright itself, for the tests that need a persistent profile (a disk cache)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    chromium = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture()
def page(browser):
    """A fresh page at desktop width; `page.request_log` lists every URL it requested."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    new_page = context.new_page()
    new_page.request_log = []
    new_page.on("request", lambda request: new_page.request_log.append(request.url))
    yield new_page
    context.close()


def requests_leaving(request_log: list[str], allowed_prefixes: tuple[str, ...]) -> list[str]:
    """The requests that went anywhere but the allowed origins (data: and blob: are local)."""
    local = allowed_prefixes + ("data:", "blob:", "about:")
    return [url for url in request_log if not url.startswith(local)]


def _hypothesis_profiles() -> None:
    """On CI the property tests replay the same examples each run, so a red build is
    reproducible; on a developer's machine they keep exploring new ones."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()
