"""Figures for the guide site: build time of the online build (which includes the offline
build) and of the offline build alone, total size of the online site and of the offline
zip, and bytes transferred when Step 2-2 first loads in Chromium.

Run: .venv/bin/python benchmarks/bench_site.py
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, OFFLINE_ZIP, _QuietHandler  # noqa: E402


def timed_build(site_dir: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "--site-dir", str(site_dir)],
                   cwd=REPO_ROOT, env={**os.environ, **env}, check=True)
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def first_load_bytes(site_dir: Path, page: str) -> tuple[int, int, int]:
    """(bytes of all response bodies, of those the checker's, number of responses) for a
    first visit."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    responses = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = context.new_page()
            context.on("response", lambda response: responses.append(response))
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}")
            tab.wait_for_load_state("networkidle")
            sizes = {response.url: len(response.body()) for response in responses
                     if response.request.method == "GET" and response.status == 200}
            browser.close()
    finally:
        server.shutdown()
    checker = sum(size for url, size in sizes.items() if "/assets/checker/" in url)
    return sum(sizes.values()), checker, len(responses)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        online = Path(temp) / "online"
        offline = Path(temp) / "offline"
        online_seconds = timed_build(online, {})
        offline_seconds = timed_build(offline, {"MAIL_GUIDE_OFFLINE_BUILD": "true"})
        load_bytes, checker_bytes, requests = first_load_bytes(online, "step-2-2/")
        zip_size = (online / OFFLINE_ZIP).stat().st_size
        print(f"online build (mkdocs build, offline build and zip included): {online_seconds:6.2f} s")
        print(f"offline build alone:                                         {offline_seconds:6.2f} s")
        print(f"online site total size:   {folder_size(online) / 1e6:8.2f} MB "
              f"(of which the offline zip {zip_size / 1e6:.2f} MB)")
        print(f"offline copy unpacked:    {folder_size(offline) / 1e6:8.2f} MB")
        print(f"Step 2-2 first load:      {load_bytes / 1e3:8.1f} kB in {requests} responses "
              "(response bodies, until the network is idle)")
        print(f"  of which the checker:   {checker_bytes / 1e3:8.1f} kB (assets/checker/), "
              f"the guide itself {(load_bytes - checker_bytes) / 1e3:.1f} kB")


if __name__ == "__main__":
    main()
