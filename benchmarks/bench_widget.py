"""How fast the in-page checker is, in headless Chromium (issue 5, "How fast").

Run: .venv/bin/python benchmarks/bench_widget.py [--runs N]
     .venv/bin/python benchmarks/bench_widget.py --throttled-only [--site-dir DIR]

Builds the site twice into a temporary folder (as published, and with Material's instant
navigation switched on), serves it on 127.0.0.1 and prints, side by side:
- bare Pyodide boot (a blank page, a module worker, loadPyodide) vs. the widget from the
  start of its boot to `ready` (each run in a fresh browser context, so a cold cache);
- paste to result for corpus bounces once ready;
- main-thread long tasks (> 50 ms, Long Tasks API) while the widget boots and works;
- revisit of Step 2-2 through instant navigation: click to `ready`;
- the offline copy from file:// vs. HTTP cold, boot to ready;
- bytes transferred for Step 2-2 without and with the checker loaded; the offline zip;
- throttled (issue 13): Step 2-2 served with gzip (wasm and zip too, as GitHub Pages does)
  under DevTools network emulation (a CDP session; it covers the worker's requests) at
  "fast 4G" (9 Mbps, 170 ms RTT) and at 1.6 Mbps (150 ms RTT): bytes on the wire until the
  checker is ready, boot to ready, and main-thread long tasks during the boot. Targets:
  <= 4.8 MB, <= 9 s at 9 Mbps, no task over 50 ms. With --site-dir, an existing build (e.g.
  of an older commit, for a before/after figure) is measured instead of a fresh one.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import statistics
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT / "tests"), str(REPO_ROOT / "tests" / "site")]

from conftest import CHROMIUM, CHROMIUM_ARGS, OFFLINE_ZIP, SHARED, _QuietHandler  # noqa: E402
from widget_support import (  # noqa: E402
    BOUNCE_INPUT,
    ROOT,
    build_instant_site,
    clear_outputs,
    wait_until_ready,
)

CORPUS = SHARED / "corpus" / "bounces"
TYPICAL_BOUNCES = ["bsd/lhost-postfix-16.eml", "bsd/lhost-activehunter-01.eml",
                   "bsd/lhost-amazonses-03.eml", "bsd/lhost-courier-04.eml",
                   "bsd/lhost-opensmtpd-11.eml"]
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare</title><script type="module">
const started = performance.now();
const worker = new Worker("bare-worker.js", { type: "module" });
worker.onmessage = () => { window.bareBootMs = performance.now() - started; };
</script>"""
BARE_WORKER = """import { loadPyodide } from "../assets/checker/pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../assets/checker/pyodide/", self.location).href });
postMessage("ready");
"""
LONG_TASKS_JS = """
window.longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""
BOOT_TO_READY_JS = """() => performance.getEntriesByName('checker-ready')[0].startTime
                      - performance.getEntriesByName('checker-boot')[0].startTime"""
# Keeps the widget idle (it boots when it comes into view), for a baseline of the page alone.
NEVER_IN_VIEW_JS = """
window.IntersectionObserver = class { observe() {} disconnect() {} };
"""
PASTE_TIMED_JS = """([selector, text]) => new Promise((resolve) => {
  const root = document.querySelector('[data-checker]');
  const started = performance.now();
  root.addEventListener('checker:result', () => resolve(performance.now() - started), { once: true });
  const field = document.querySelector(selector);
  field.dispatchEvent(new ClipboardEvent('paste', { bubbles: true }));
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
})"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold boots of each kind (default 3)")
    parser.add_argument("--throttled-only", action="store_true",
                        help="only the throttled runs (and the offline zip's size)")
    parser.add_argument("--site-dir", type=Path, help="with --throttled-only: an existing build")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.throttled_only:
        with tempfile.TemporaryDirectory(prefix="bench-widget-") as temp:
            site = args.site_dir or Path(temp) / "site"
            if args.site_dir is None:
                build_plain_site(site)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                report_throttled(browser, serve(site, GzipEverythingHandler), args.runs)
                browser.close()
            print(f"offline zip: {(site / OFFLINE_ZIP).stat().st_size / 1e6:.2f} MB ({OFFLINE_ZIP})")
        return
    with tempfile.TemporaryDirectory(prefix="bench-widget-") as temp:
        site, instant = Path(temp) / "site", Path(temp) / "instant"
        site_url = serve(site)
        instant_url = serve(instant)
        build_instant_site(instant, instant_url)
        build_plain_site(site)
        (site / "bench").mkdir()
        (site / "bench" / "index.html").write_text(BARE_PAGE, encoding="utf-8")
        (site / "bench" / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")
        offline = unpack_offline(site, Path(temp) / "offline")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            report_boot(browser, site_url, offline, args.runs)
            report_paste_and_long_tasks(browser, site_url)
            report_revisit(browser, instant_url)
            report_bytes(browser, site_url)
            report_throttled(browser, serve(site, GzipEverythingHandler), args.runs)
            browser.close()
        zip_size = (site / OFFLINE_ZIP).stat().st_size
        print(f"offline zip: {zip_size / 1e6:.1f} MB ({OFFLINE_ZIP})")
        report_compressed_runtime(site)


def serve(directory: Path, handler_class: type = _QuietHandler) -> str:
    directory.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def build_plain_site(site: Path) -> None:
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                          cwd=REPO_ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(proc.stderr[-4000:])


def unpack_offline(site: Path, target: Path) -> Path:
    with zipfile.ZipFile(site / OFFLINE_ZIP) as archive:
        archive.extractall(target)
    return next(target.rglob("step-2-2.html"))


def fresh_page(browser, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.add_init_script(LONG_TASKS_JS)
    return context, page


def widget_boot(browser, url: str) -> tuple[float, list[int], list[int]]:
    """Boot to ready, and the long tasks (ms) before the checker's boot and during it."""
    context, page = fresh_page(browser)
    try:
        page.goto(url)
        wait_until_ready(page)
        boot = page.evaluate("performance.getEntriesByName('checker-boot')[0].startTime")
        tasks = page.evaluate("window.longTasks")
        before = [round(duration) for start, duration in tasks if start < boot]
        during = [round(duration) for start, duration in tasks if start >= boot]
        return page.evaluate(BOOT_TO_READY_JS), before, during
    finally:
        context.close()


def bare_boot(browser, url: str) -> float:
    context, page = fresh_page(browser)
    try:
        page.goto(url)
        page.wait_for_function("window.bareBootMs !== undefined", timeout=90_000)
        return page.evaluate("window.bareBootMs")
    finally:
        context.close()


def report_boot(browser, site_url: str, offline_page: Path, runs: int) -> None:
    bare, widget, offline = [], [], []
    tasks = {"page load, before the checker boots": [], "HTTP boot": [], "file:// boot": []}
    for _ in range(runs):
        bare.append(bare_boot(browser, site_url + "bench/"))
        ready, before, during = widget_boot(browser, site_url + "step-2-2/")
        widget.append(ready)
        tasks["page load, before the checker boots"] += before
        tasks["HTTP boot"] += during
        ready, before, during = widget_boot(browser, offline_page.as_uri())
        offline.append(ready)
        tasks["file:// boot"] += during
    b, w, o = (statistics.median(values) for values in (bare, widget, offline))
    print(f"boot, median of {runs} cold runs:")
    print(f"  bare Pyodide (blank page, module worker): {b:7.0f} ms   runs {fmt(bare)}")
    print(f"  widget, boot start to ready (HTTP):       {w:7.0f} ms   runs {fmt(widget)}"
          f"   -> {100 * (w / b - 1):+.1f} % over bare (goal <= +15 %)")
    print(f"  offline copy from file://, to ready:      {o:7.0f} ms   runs {fmt(offline)}"
          f"   -> {o / w:.2f} x HTTP cold (goal <= 1.3 x)")
    for label, durations in tasks.items():
        print(f"  main-thread long tasks (ms), {label}: {durations or 'none'}")
    for label, url in (("HTTP", site_url + "step-2-2/"), ("file://", offline_page.as_uri())):
        print(f"  baseline, same page over {label} with the checker left idle for 6 s: "
              f"{idle_page_long_tasks(browser, url) or 'none'}")


def idle_page_long_tasks(browser, url: str) -> list[int]:
    context, page = fresh_page(browser)
    page.add_init_script(NEVER_IN_VIEW_JS)
    try:
        page.goto(url)
        page.wait_for_timeout(6_000)
        assert page.get_attribute(ROOT, "data-state") == "idle"
        return [round(duration) for _, duration in page.evaluate("window.longTasks")]
    finally:
        context.close()


def report_paste_and_long_tasks(browser, site_url: str) -> None:
    context, page = fresh_page(browser)
    try:
        page.goto(site_url + "step-2-2/")
        wait_until_ready(page)
        page.evaluate("window.longTasks = []")
        timings = []
        for _ in range(4):
            for name in TYPICAL_BOUNCES:
                clear_outputs(page)
                text = (CORPUS / name).read_bytes().decode("utf-8", "replace")
                timings.append(page.evaluate(PASTE_TIMED_JS, [BOUNCE_INPUT, text]))
        timings = timings[len(TYPICAL_BOUNCES):]  # the first round warms up the imports
        print(f"paste to result ({len(timings)} pastes of {len(TYPICAL_BOUNCES)} bounces): "
              f"median {statistics.median(timings):.0f} ms, max {max(timings):.0f} ms (goal < 100 ms)")
        durations = [round(duration) for _, duration in page.evaluate("window.longTasks")]
        print(f"  main-thread long tasks (ms) while pasting: {durations or 'none'}")
    finally:
        context.close()


def report_revisit(browser, instant_url: str) -> None:
    context, page = fresh_page(browser)
    try:
        page.goto(instant_url + "step-2-2/")
        wait_until_ready(page)
        page.locator(".md-nav--primary a.md-nav__link", has_text="Step 1").first.click()
        page.wait_for_url(instant_url + "step-1/")
        revisit = page.evaluate("""() => new Promise((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            const root = document.querySelector('[data-checker]');
            if (root && root.dataset.state === 'ready') {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          [...document.querySelectorAll('.md-nav--primary a.md-nav__link')]
            .find((link) => link.textContent.includes('Step 2-2')).click();
        })""")
        same_document = page.evaluate("performance.getEntriesByName('checker-boot').length") == 1
        print(f"revisit through instant navigation, click to ready: {revisit:.0f} ms "
              f"(goal < 100 ms; one worker kept: {same_document})")
    finally:
        context.close()


def report_bytes(browser, site_url: str) -> None:
    """The page with the widget's own script and style vs. the runtime its boot adds.

    The widget sits near the top of Step 2-2, so it boots on arrival on most screens; the
    runtime's share is told apart by URL.
    """
    context, page = fresh_page(browser)
    transfers = []
    page.on("requestfinished", lambda request: transfers.append((request.url, request.sizes())))
    try:
        page.goto(site_url + "step-2-2/")
        wait_until_ready(page)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    runtime_paths = ("/assets/checker/pyodide/", ".whl", "/assets/checker/worker.js")
    totals = {False: [0, 0], True: [0, 0]}
    for url, size in transfers:
        entry = totals[any(part in url for part in runtime_paths)]
        entry[0] += size["responseBodySize"] + size["responseHeadersSize"]
        entry[1] += 1
    (page_bytes, page_count), (runtime_bytes, runtime_count) = totals[False], totals[True]
    print(f"bytes for Step 2-2 without the checker loaded: {page_bytes / 1e6:.2f} MB in "
          f"{page_count} requests; with it: {(page_bytes + runtime_bytes) / 1e6:.2f} MB in "
          f"{page_count + runtime_count} requests (uncompressed test server)")


def report_compressed_runtime(site: Path) -> None:
    runtime = sorted((site / "assets" / "checker").rglob("*"))
    raw = sum(path.stat().st_size for path in runtime if path.is_file())
    packed = sum(len(gzip.compress(path.read_bytes(), 6)) for path in runtime if path.is_file())
    print(f"checker runtime files: {raw / 1e6:.1f} MB raw, {packed / 1e6:.1f} MB with gzip"
          " (what a compressing web host would send)")


class GzipEverythingHandler(_QuietHandler):
    """Serves every file gzip-compressed when the browser accepts it (level 6, compressed
    once per file), wasm and zip included: the wire as a compressing host makes it. Counts
    what it sends (bodies, and headers at their real length), per URL: DevTools' own
    network events do not reach a page's CDP session for its worker's requests."""

    packed: dict[str, bytes] = {}
    sent: dict[str, int] = {}

    def send_header(self, keyword, value):
        super().send_header(keyword, value)
        self._count(len(f"{keyword}: {value}\r\n"))

    def _count(self, size: int) -> None:
        path = self.path.split("?")[0]
        self.sent[path] = self.sent.get(path, 0) + size

    def copyfile(self, source, outputfile):
        data = source.read()
        self._count(len(data))
        outputfile.write(data)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        key = str(path)
        if key not in self.packed:
            self.packed[key] = gzip.compress(path.read_bytes(), 6)
        body = self.packed[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# name, download Mbps, upload Mbps, round trip ms
THROTTLED = [("fast 4G", 9.0, 1.5, 170), ("1.6 Mbps", 1.6, 0.75, 150)]
RUNTIME_PATHS = ("/assets/checker/worker.js", "/assets/checker/pyodide/", ".whl")


def report_throttled(browser, site_url: str, runs: int) -> None:
    print("throttled (DevTools network emulation, gzip server, cold cache):")
    for name, down, up, rtt in THROTTLED:
        ready, wire, runtime, tasks = [], [], [], []
        for _ in range(runs):
            context, page = fresh_page(browser, width=390)
            try:
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", {
                    "offline": False, "latency": rtt, "downloadThroughput": down * 1e6 / 8,
                    "uploadThroughput": up * 1e6 / 8})
                GzipEverythingHandler.sent.clear()
                page.goto(site_url + "step-2-2/", timeout=300_000)
                wait_until_ready(page, timeout_ms=300_000)
                ready.append(page.evaluate(BOOT_TO_READY_JS))
                sent = dict(GzipEverythingHandler.sent)
                wire.append(sum(sent.values()))
                runtime.append(sum(size for path, size in sent.items()
                                   if any(part in path for part in RUNTIME_PATHS)))
                boot = page.evaluate("performance.getEntriesByName('checker-boot')[0].startTime")
                tasks += [round(duration) for start, duration in page.evaluate("window.longTasks")
                          if start >= boot]
            finally:
                context.close()
        seconds = [value / 1000 for value in ready]
        print(f"  {name:8} ({down} Mbps, {rtt} ms RTT): boot to ready median "
              f"{statistics.median(seconds):.1f} s (runs {fmt(seconds, 1)} s); "
              f"on the wire until ready {statistics.median(wire) / 1e6:.2f} MB "
              f"(checker runtime {statistics.median(runtime) / 1e6:.2f} MB); "
              f"long tasks during boot (ms): {tasks or 'none'}")


def fmt(values: list[float], digits: int = 0) -> str:
    return ", ".join(f"{value:.{digits}f}" for value in values)


if __name__ == "__main__":
    main()
