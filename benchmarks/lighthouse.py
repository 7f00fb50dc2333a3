"""Lighthouse 12 (from node_modules, mobile profile) on the built top page and Step 2-2,
served on 127.0.0.1: prints the four category scores of each page and the audits that lost
points.

The pages are served gzip-compressed, as GitHub Pages serves them. Chromium is Debian's,
headless, with a fresh profile, and cannot resolve any host but 127.0.0.1; the script also
lists any request of the page that went elsewhere (there must be none).

Run: .venv/bin/python benchmarks/lighthouse.py [--site-dir DIR] [--json]
     (without --site-dir it builds the site into a temporary folder first)
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

LIGHTHOUSE = REPO_ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"top": "", "step-2-2": "step-2-2/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Everything but the local server fails to resolve, so nothing can leave the machine even if
# the page or the browser tried.
LOCAL_ONLY = '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml")
RUN_TIMEOUT_S = 300


@dataclass
class PageReport:
    name: str
    url: str
    scores: dict[str, float]
    lost_points: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class GzipHandler(_QuietHandler):
    """Serves text files gzip-compressed when the browser accepts it (as GitHub Pages does)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def build_site(site_dir: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "--site-dir", str(site_dir)],
                   cwd=REPO_ROOT, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def serve(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse_command(url: str, output: Path) -> list[str]:
    # Lighthouse splits this string like a shell would: only the rule's value is quoted.
    chrome_flags = " ".join(["--headless=new", *CHROMIUM_ARGS, LOCAL_ONLY])
    return [
        "node", str(LIGHTHOUSE), url,
        "--quiet",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={chrome_flags}",
        "--no-enable-error-reporting",
        "--output=json", f"--output-path={output}",
    ]


def run_lighthouse(name: str, url: str, work_dir: Path) -> PageReport:
    output = work_dir / f"{name}.report.json"
    proc = subprocess.run(lighthouse_command(url, output), cwd=work_dir,
                          env={**os.environ, "CHROME_PATH": CHROMIUM},
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    if proc.returncode != 0 or not output.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{proc.stderr[-4000:]}")
    return read_report(name, url, json.loads(output.read_text(encoding="utf-8")))


def read_report(name: str, url: str, report: dict) -> PageReport:
    origin = url.split("/", 3)[:3]
    local = ("/".join(origin) + "/", "data:", "blob:")
    requests = report["audits"]["network-requests"]["details"]["items"]
    return PageReport(
        name=name,
        url=url,
        scores={category: report["categories"][category]["score"] for category in CATEGORIES},
        lost_points=lost_points(report),
        outside_requests=[item["url"] for item in requests if not item["url"].startswith(local)],
        warnings=list(report.get("runWarnings", [])),
    )


def lost_points(report: dict) -> list[str]:
    """'category: audit-id (score, shown value)' for each weighted audit below full marks."""
    lost = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lost.append(f"{category}: {ref['id']} ({audit['score']}{', ' + shown if shown else ''})")
    return lost


def audit_site(site_dir: Path) -> list[PageReport]:
    server, base = serve(site_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
            return [run_lighthouse(name, base + path, Path(work)) for name, path in PAGES.items()]
    finally:
        server.shutdown()


def print_table(reports: list[PageReport]) -> None:
    print(f"{'page':<10}" + "".join(f"{category:>16}" for category in CATEGORIES))
    for report in reports:
        print(f"{report.name:<10}" + "".join(f"{report.scores[c]:>16.2f}" for c in CATEGORIES))
    for report in reports:
        for line in report.lost_points:
            print(f"  {report.name}: {line}")
        for url in report.outside_requests:
            print(f"  {report.name}: REQUEST LEFT 127.0.0.1: {url}")
        for warning in report.warnings:
            print(f"  {report.name}: warning: {warning}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="an existing build (default: build now)")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as scratch:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(scratch) / "site"
            build_site(site_dir)
        reports = audit_site(site_dir)
    if args.json:
        print(json.dumps([asdict(report) for report in reports], ensure_ascii=False, indent=2))
    else:
        print_table(reports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
