"""The page's table of many bounces (issue 14) in headless Chromium: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_widget_mailbox.py [--messages 1000] [--site-dir DIR]

Builds the site (or takes a build), makes an mbox of N bounces from the corpus (as
bench_mailbox.py does), opens it through the widget's file input over HTTP and from the
offline copy (file://), once with the table below the screen and once scrolled into view as
its first rows come, and prints: the mbox's size, the time from opening the file to the
first rows and to the full table (CSV link ready), the number of rows, and the main thread's
long tasks (> 50 ms, PerformanceObserver "longtask") while the table fills: the longest and
how many.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT / "tests"), str(REPO_ROOT / "tests" / "site"), str(REPO_ROOT / "benchmarks")]

from bench_mailbox import build_mbox  # noqa: E402
from bench_widget import LONG_TASKS_JS, build_plain_site, serve, unpack_offline  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from widget_support import wait_until_ready  # noqa: E402

# Marks the first rows and the end of the table; with inView, scrolls the table into view as
# its first rows come (the page then lays it out at every batch; off screen it need not).
WATCH_TABLE_JS = """(inView) => {
  window.tableTimes = { opened: performance.now() };
  const output = document.querySelector('[data-checker-output="bounce"]');
  new MutationObserver(() => {
    if (!window.tableTimes.firstRows && output.querySelector(".checker__table tbody tr")) {
      window.tableTimes.firstRows = performance.now();
      if (inView) output.querySelector(".checker__table-scroll").scrollIntoView();
    }
  }).observe(output, { childList: true, subtree: true });
  document.querySelector("[data-checker]").addEventListener("checker:result",
    () => { window.tableTimes.done = performance.now(); }, { once: true });
}"""
FIGURES_JS = """() => {
  const times = window.tableTimes;
  const during = window.longTasks.filter(([start]) => start >= times.opened);
  return { firstRows: times.firstRows - times.opened, done: times.done - times.opened,
           rows: document.querySelectorAll(".checker__table tbody tr").length,
           longest: Math.max(0, ...during.map(([, duration]) => duration)), longTasks: during.length };
}"""


def measure(browser, url: str, box: Path, in_view: bool) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.add_init_script(LONG_TASKS_JS)
    try:
        page.goto(url)
        wait_until_ready(page)
        page.evaluate(WATCH_TABLE_JS, in_view)
        page.set_input_files("[data-checker-file]", str(box))
        page.wait_for_function("() => window.tableTimes.done", timeout=600_000, polling=500)
        return page.evaluate(FIGURES_JS)
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--site-dir", type=Path, help="an existing build instead of a fresh one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-widget-mailbox-") as temp:
        site = args.site_dir or Path(temp) / "site"
        if args.site_dir is None:
            build_plain_site(site)
        box = Path(temp) / "bounces.mbox"
        size = build_mbox(box, args.messages)
        # The worker takes a CPU of its own while the page draws: on two, the figures vary.
        print(f"mbox: {args.messages:,} messages, {size / 1024 / 1024:.1f} MiB; {os.cpu_count()} CPUs")
        urls = {"HTTP": serve(site) + "step-2-2/",
                "offline (file://)": unpack_offline(site, Path(temp) / "offline").as_uri()}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for (name, url), in_view in itertools.product(urls.items(), (False, True)):
                figures = measure(browser, url, box, in_view)
                where = "table in view" if in_view else "table below the screen"
                print(f"{name}, {where}: first rows {figures['firstRows'] / 1000:.2f} s, full table "
                      f"{figures['done'] / 1000:.1f} s ({figures['rows']:,} rows); longest main-thread "
                      f"task while it filled {figures['longest']:.0f} ms ({figures['longTasks']} over 50 ms)")
            browser.close()


if __name__ == "__main__":
    main()
