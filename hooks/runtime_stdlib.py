"""The part of Pyodide's standard library the checker ships: found by running it.

Pyodide's `python_stdlib.zip` holds the whole standard library (614 entries, 2.5 MB that
gzip cannot shrink further); the checker and Pyodide's own start-up load about 130 of its
files. At build time `hooks/stdlib_probe.mjs` boots Pyodide under Node from the full zip,
installs the checker wheel as the page's worker does, imports every module of the checker
(but the command line's), runs the guide's own text blocks and a few addresses through the
worker's entry point, and lists the files that were loaded. The trimmed zip holds those
files, and the whole `encodings` package: a bounce names its charset, and any codec Python
knows may be looked up by that name. Comments are taken out of the sources (by Pyodide's
own tokenize; line numbers stay), which halves the codec tables.

tests/pyodide runs the corpus, damaged and hostile inputs from the trimmed zip, so a file
the checker can reach on any path but the probe missed fails a test.

The result depends only on its inputs, and is kept under node_modules/.cache by their
digest: the online and the offline build, and the tests, probe once.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"
PROBE = Path(__file__).resolve().parent / "stdlib_probe.mjs"
DOCS_DIR = REPO_ROOT / "docs"
CACHE_DIR = REPO_ROOT / "node_modules" / ".cache" / "checker-stdlib"
# Packages reached by a name that comes from the input (the charset of a message part).
WHOLE_PACKAGES = ("encodings",)
# The command line's own modules: the page never imports them (`__main__` would run it).
CLI_MODULES = ("checker.__main__", "checker.cli")
# Inputs that take the address checker down its branches (the bounces come from the guide).
PROBE_ADDRESSES = (
    "taro@example.jp", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@日本語.jp", "taro@xn--wgv71a119e.jp",
    "taro@gmial.com", "taro..yamada@docomo.ne.jp", "\"taro yamada\"@example.jp",
    "山田 太郎 <taro@example.jp>", "mailto:taro@example.jp", "taro@[192.0.2.1]",
    "taro@[IPv6:2001:db8::1]", "taro@", "", "tаro@example.jp", "taro\u200b@example.jp",
)
# A fixed timestamp keeps the zip byte-identical between builds of the same inputs.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_FENCE = re.compile(r"^(?P<indent>[ \t]*)```text[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                    re.MULTILINE | re.DOTALL)


def minimal_lock() -> str:
    """Pyodide's lock file without its packages: the checker loads none, and the page is
    spared 119 kB. Pyodide still reads the file's `info` at start-up."""
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, sort_keys=True,
                      separators=(",", ":"))


def checker_modules(wheel: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        names = [name[:-3].replace("/", ".").removesuffix(".__init__")
                 for name in archive.namelist() if name.endswith(".py")]
    return sorted(name for name in names if name not in CLI_MODULES)


def probe_inputs() -> list[dict]:
    """Every ```text block of the guide (the sample bounces among them), as text and as the
    bytes of a file in a Japanese charset, and the addresses above."""
    inputs = []
    for page in sorted(DOCS_DIR.rglob("*.md")):
        for match in _FENCE.finditer(page.read_text(encoding="utf-8")):
            indent = len(match["indent"])
            text = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
            inputs.append({"kind": "bounce", "text": text})
            for charset in ("iso2022_jp", "cp932", "euc_jp"):
                data = text.encode(charset, errors="replace")
                inputs.append({"kind": "bounce", "base64": _b64(data)})
    inputs += [{"kind": "address", "text": address} for address in PROBE_ADDRESSES]
    return inputs


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def run_probe(stdlib: Path, lock: str, wheel: bytes, inputs: list[dict],
              sources: bool) -> dict:
    """hooks/stdlib_probe.mjs on one standard library zip: {"loaded": [...], "sources": {...}}."""
    with tempfile.TemporaryDirectory(prefix="checker-stdlib-") as temp:
        wheel_path = Path(temp) / "checker.whl"
        wheel_path.write_bytes(wheel)
        probe_path = Path(temp) / "probe.json"
        probe_path.write_text(json.dumps({
            "indexURL": str(PYODIDE_DIR), "stdlib": str(stdlib), "lock": lock,
            "wheel": str(wheel_path), "modules": checker_modules(wheel),
            "wholePackages": list(WHOLE_PACKAGES), "sources": sources,
        }), encoding="utf-8")
        stdin = "".join(json.dumps(item) + "\n" for item in inputs)
        proc = subprocess.run(["node", str(PROBE), str(probe_path)], input=stdin.encode(),
                              capture_output=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError("the standard-library probe (hooks/stdlib_probe.mjs) failed:\n"
                           + proc.stderr.decode("utf-8", "replace")[-3000:])
    return json.loads(proc.stdout)


def trimmed_stdlib(wheel: bytes) -> bytes:
    """The trimmed python_stdlib.zip for this wheel (from the cache when it was made before)."""
    full = PYODIDE_DIR / "python_stdlib.zip"
    lock = minimal_lock()
    inputs = probe_inputs()
    key = hashlib.sha256()
    for part in (full.read_bytes(), (PYODIDE_DIR / "pyodide.asm.wasm").read_bytes(),
                 PROBE.read_bytes(), Path(__file__).read_bytes(), lock.encode(), wheel,
                 json.dumps(inputs).encode()):
        key.update(hashlib.sha256(part).digest())
    cached = CACHE_DIR / f"{key.hexdigest()[:24]}.zip"
    if cached.is_file():
        return cached.read_bytes()
    files = run_probe(full, lock, wheel, inputs, sources=True)["sources"]
    data = _zip(files)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    temp = cached.with_suffix(".tmp")
    temp.write_bytes(data)
    temp.replace(cached)
    return data


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), files[name].encode("utf-8"),
                             zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()
