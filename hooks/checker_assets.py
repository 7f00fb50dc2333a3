"""MkDocs hook: puts the in-page checker into the site.

- replaces the `<!-- checker -->` marker a writer puts in a page with the widget;
- checks that every reason the engine can report is answered by exactly one section of that
  page (headings carry `data-reasons="..."`), failing the build otherwise;
- builds the `checker` package into a py3-none-any wheel and adds it, the widget's JS/CSS and
  the Pyodide runtime (from node_modules, never a CDN) to the site, with a standard library
  trimmed to what the checker and Pyodide's start-up load (hooks/runtime_stdlib.py) and a
  lock file without packages, handed to the worker inline;
- tells the widget how many bytes its first boot downloads (gzip, as the host sends them),
  so that it can say so before it starts and show its progress;
- in the offline build (Material's `offline` plugin) also adds the runtime as gzip+base64
  classic scripts, because a page opened from disk can neither fetch() nor start a worker
  from a file URL.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import html
import io
import json
import string
import sys
import zipfile
import zlib
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

REPO_ROOT = Path(__file__).resolve().parent.parent
WIDGET_DIR = REPO_ROOT / "widget"
PACKAGE_DIR = REPO_ROOT / "checker"
PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"

MARKER = "<!-- checker -->"
ASSET_DIR = "assets/checker"
RUNTIME_DIR = f"{ASSET_DIR}/pyodide"
EMBED_DIR = f"{ASSET_DIR}/embed"
WIDGET_FILES = ("checker.js", "checker.css", "worker.js")
# Copied from node_modules/pyodide; python_stdlib.zip is the trimmed one, made at build time,
# and the lock file goes to the worker inline (minimal_lock).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB_NAME = "python_stdlib.zip"
WHEEL_VERSION = "1.0"
WHEEL_NAME = f"checker-{WHEEL_VERSION}-py3-none-any.whl"
# A fixed timestamp keeps the wheel byte-identical between builds of the same source.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from checker.bounce.mailbox import MAX_MAILBOX_BYTES  # noqa: E402
from checker.bounce.reasons import GUIDE_STATES, REPORTABLE_REASONS  # noqa: E402  (needs the repo root on sys.path)
from hooks.offline import is_offline_build  # noqa: E402
from hooks.runtime_stdlib import minimal_lock, trimmed_stdlib  # noqa: E402
from hooks.samples import find_samples  # noqa: E402  (the same reading of the headings)

# ---- MkDocs events ----

_dirty_build = False


def on_startup(command: str, dirty: bool) -> None:
    global _dirty_build
    # A dirty rebuild (mkdocs serve --dirty) renders only changed pages, maybe not Step 2-2.
    _dirty_build = dirty


def on_config(config):
    config.extra_css.append(f"{ASSET_DIR}/checker.css")
    config.extra_javascript.append(ExtraScriptValue(f"{ASSET_DIR}/checker.js"))
    config.extra_javascript[-1].defer = True
    config["_checker_pages"] = []
    return config


def on_files(files, config):
    for name in WIDGET_FILES:
        files.append(File.generated(config, f"{ASSET_DIR}/{name}",
                                    abs_src_path=str(WIDGET_DIR / name)))
    for name in RUNTIME_FILES:
        files.append(File.generated(config, f"{RUNTIME_DIR}/{name}",
                                    abs_src_path=str(PYODIDE_DIR / name)))
    wheel = build_wheel()
    stdlib = trimmed_stdlib(wheel)
    files.append(File.generated(config, f"{ASSET_DIR}/{WHEEL_NAME}", content=wheel))
    files.append(File.generated(config, f"{RUNTIME_DIR}/{STDLIB_NAME}", content=stdlib))
    # Asks browsers for the new worker, wheel and standard library after an update, not a
    # cached old set.
    config["_checker_version"] = hashlib.sha256(
        wheel + stdlib + (WIDGET_DIR / "worker.js").read_bytes()).hexdigest()[:12]
    config["_checker_sizes"] = download_sizes(wheel, stdlib)
    if is_offline_build(config):
        for name, source in embedded_scripts(wheel, stdlib).items():
            files.append(File.generated(config, f"{EMBED_DIR}/{name}", content=source))
    return files


def on_page_content(html, page, config, files):
    if MARKER not in html:
        return html
    check_reason_sections(html, page.file.src_uri)
    config["_checker_pages"].append(page.file.src_uri)
    widget = render_widget(page.url, is_offline_build(config), config["_checker_version"],
                           config["_checker_sizes"])
    return html.replace(MARKER, widget, 1)


def on_post_build(config):
    if not config["_checker_pages"] and not _dirty_build:
        raise PluginError(
            f"checker: no page contains the marker {MARKER!r}; put it on its own line in "
            "docs/step-2-2.md under the heading about error return mails."
        )


# ---- the widget's HTML ----

def render_widget(page_url: str, offline: bool, version: str,
                  sizes: dict[str, list[int]]) -> str:
    template = string.Template((WIDGET_DIR / "widget.html").read_text(encoding="utf-8"))
    assets = get_relative_url(f"{ASSET_DIR}/checker.js", page_url).rsplit("/", 1)[0] + "/"
    embed = " ".join(f"embed/{name}" for name in EMBEDDED) if offline else ""
    worker_source = f"embed/{WORKER_SOURCE_SCRIPT}" if offline else ""
    return template.substitute(
        assets=assets, wheel=WHEEL_NAME, version=version, embed=embed,
        worker_source=worker_source, lock=html.escape(minimal_lock()), mailbox_bytes=MAX_MAILBOX_BYTES,
        sizes=html.escape(json.dumps(sizes, sort_keys=True, separators=(",", ":"))))


# ---- what the first boot downloads ----

# The files a boot over HTTP loads, by the name the worker sees in their URL.
DOWNLOADED = ("worker.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB_NAME,
              WHEEL_NAME)
_gzip_sizes: dict[str, int] = {}


def download_sizes(wheel: bytes, stdlib: bytes) -> dict[str, list[int]]:
    """name -> [bytes, bytes with gzip]: the widget states the sum of the second before it
    downloads, and measures its progress in the first (what the body stream yields)."""
    contents = {"worker.js": (WIDGET_DIR / "worker.js").read_bytes(), STDLIB_NAME: stdlib,
                WHEEL_NAME: wheel}
    sizes = {}
    for name in DOWNLOADED:
        data = contents[name] if name in contents else (PYODIDE_DIR / name).read_bytes()
        sizes[name] = [len(data), _gzip_size(data)]
    return sizes


def _gzip_size(data: bytes) -> int:
    """Size with gzip at level 6, the usual web-server setting (and the benchmark's)."""
    key = hashlib.sha256(data).hexdigest()
    if key not in _gzip_sizes:
        packer = zlib.compressobj(6, zlib.DEFLATED, 31)
        _gzip_sizes[key] = len(packer.compress(data) + packer.flush())
    return _gzip_sizes[key]


# ---- reasons and sections ----

def check_reason_sections(html: str, page_name: str) -> None:
    claimed: dict[str, list[str]] = {}
    for section in find_samples(html).sections:
        for reason in section.reasons:
            claimed.setdefault(reason, []).append(section.id or "(no id)")
    problems = []
    missing = [reason for reason in REPORTABLE_REASONS if reason not in claimed]
    if missing:
        problems.append("no section answers: " + ", ".join(missing))
    for reason, section_ids in claimed.items():
        if len(section_ids) > 1:
            problems.append(f"reason {reason!r} is claimed by several sections: "
                            + ", ".join("#" + s for s in section_ids))
    unknown = sorted(set(claimed) - set(REPORTABLE_REASONS) - set(GUIDE_STATES))
    if unknown:
        problems.append("sections name reasons the engine never reports: " + ", ".join(unknown))
    if problems:
        raise PluginError(
            f"checker: the bounce sections on {page_name} do not match the engine's reasons "
            "(each heading lists its reasons as data-reasons=\"...\"):\n  - "
            + "\n  - ".join(problems)
        )


# ---- the wheel ----

def build_wheel() -> bytes:
    """A minimal py3-none-any wheel of the checker package, built in memory."""
    dist_info = f"checker-{WHEEL_VERSION}.dist-info"
    entries = [(path.relative_to(REPO_ROOT).as_posix(), path.read_bytes())
               for path in sorted(PACKAGE_DIR.rglob("*"))
               if path.is_file() and "__pycache__" not in path.parts]
    entries.append((f"{dist_info}/METADATA",
                    f"Metadata-Version: 2.1\nName: checker\nVersion: {WHEEL_VERSION}\n".encode()))
    entries.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: checker_assets hook\n"
                    b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    record = "".join(f"{name},sha256={_record_digest(data)},{len(data)}\n" for name, data in entries)
    entries.append((f"{dist_info}/RECORD", (record + f"{dist_info}/RECORD,,\n").encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries:
            wheel.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _record_digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


# ---- the embedded runtime for file:// ----

# embed script name -> file name the worker's fetch shim serves it as. The page loads these
# as classic scripts and hands their text to the worker, which unpacks it off the main thread.
EMBEDDED = {
    "pyodide-js.js": "pyodide.js",
    "pyodide-asm-js.js": "pyodide.asm.js",
    "pyodide-asm-wasm.js": "pyodide.asm.wasm",
    "python-stdlib.js": STDLIB_NAME,
    "checker-wheel.js": WHEEL_NAME,
}
# The worker's own source, as plain text: the page needs it to start the worker.
WORKER_SOURCE_SCRIPT = "worker-src.js"
_embed_cache: dict[tuple, str] = {}


def embedded_scripts(wheel: bytes, stdlib: bytes) -> dict[str, str]:
    sources = {
        "pyodide.js": (PYODIDE_DIR / "pyodide.js").read_bytes(),
        "pyodide.asm.js": classic_asm_script().encode(),
        "pyodide.asm.wasm": (PYODIDE_DIR / "pyodide.asm.wasm").read_bytes(),
        STDLIB_NAME: stdlib,
        WHEEL_NAME: wheel,
    }
    scripts = {script: _embed_script(served_as, sources[served_as])
               for script, served_as in EMBEDDED.items()}
    worker = (WIDGET_DIR / "worker.js").read_text(encoding="utf-8")
    scripts[WORKER_SOURCE_SCRIPT] = f"self.checkerWorkerSource = {json.dumps(worker)};\n"
    return scripts


def _embed_script(served_as: str, data: bytes) -> str:
    key = (served_as, hashlib.sha256(data).hexdigest())
    if key not in _embed_cache:
        packed = base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode()
        _embed_cache[key] = (
            "(self.checkerEmbedded = self.checkerEmbedded || {})"
            f"[{json.dumps(served_as)}] = \"{packed}\";\n"
        )
    return _embed_cache[key]


def classic_asm_script() -> str:
    """pyodide.asm.mjs as a classic script: a blob: worker on file:// cannot import() it.

    The module only uses `import.meta.url` to find files next to itself, which Pyodide's
    locateFile answers anyway, and its single export becomes a global function.
    """
    source = (PYODIDE_DIR / "pyodide.asm.mjs").read_text(encoding="utf-8")
    export = "export default _createPyodideModule;"
    if source.count(export) != 1:
        raise PluginError("checker: pyodide.asm.mjs changed shape; cannot make a classic script of it")
    source = source.replace(export, "self._createPyodideModule = _createPyodideModule;")
    return source.replace("import.meta.url", "self.location.href")
