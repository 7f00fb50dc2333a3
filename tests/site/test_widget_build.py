"""The checker's build glue (hooks/checker_assets.py): the wheel, the runtime files in the
site, the embedded runtime in the offline copy only, and the reason/section check."""
from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import importlib.util
import io
import json
import subprocess
import sys
import zipfile

import pytest
from mkdocs.exceptions import PluginError

from conftest import OFFLINE_ZIP, REPO_ROOT

RUNTIME = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("checker_assets_under_test",
                                                  REPO_ROOT / "hooks" / "checker_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reportable():
    sys.path.insert(0, str(REPO_ROOT))
    from checker.bounce.reasons import REPORTABLE_REASONS
    return REPORTABLE_REASONS


def headings(*groups: tuple[str, list[str]]) -> str:
    return "".join(f'<h3 id="{section}" data-reasons="{" ".join(reasons)}">x</h3><p>y</p>'
                   for section, reasons in groups)


def test_sections_covering_every_reason_once_pass(hook, reportable):
    half = len(reportable) // 2
    hook.check_reason_sections(
        headings(("first", list(reportable[:half])), ("second", list(reportable[half:]))),
        "step-2-2.md")


def test_a_reason_without_section_fails_the_build_naming_it(hook, reportable):
    with pytest.raises(PluginError) as failure:
        hook.check_reason_sections(headings(("all-but-one", list(reportable[1:]))), "step-2-2.md")
    assert reportable[0] in str(failure.value)


def test_a_reason_claimed_twice_fails_the_build_naming_the_sections(hook, reportable):
    html = headings(("first", list(reportable)), ("second", [reportable[0]]))
    with pytest.raises(PluginError) as failure:
        hook.check_reason_sections(html, "step-2-2.md")
    assert "#first" in str(failure.value) and "#second" in str(failure.value)


def test_wheel_records_its_files_and_imports(hook, tmp_path):
    wheel = tmp_path / hook.WHEEL_NAME
    wheel.write_bytes(hook.build_wheel())
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        record_name = f"checker-{hook.WHEEL_VERSION}.dist-info/RECORD"
        rows = list(csv.reader(io.StringIO(archive.read(record_name).decode())))
        for name, digest, size in rows:
            if name == record_name:
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert digest == "sha256=" + expected.decode() and int(size) == len(data)
    assert {"checker/web.py", "checker/bounce/reasons.py"} <= names
    assert not any("__pycache__" in name for name in names)
    # The wheel alone (zipimport, no checkout on the path) answers like the worker needs.
    proc = subprocess.run(
        [sys.executable, "-I", "-c",
         "import sys; sys.path.insert(0, sys.argv[1]); import checker.web as web;"
         "print(web.page_json('address', 'taro＠example.jp'))", str(wheel)],
        capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    view = json.loads(proc.stdout)
    assert view["suggestion"] == "taro@example.jp"


def test_online_site_has_runtime_wheel_and_widget_but_no_embedded_copy(built_site, hook):
    assets = built_site / "assets" / "checker"
    for name in RUNTIME:
        assert (assets / "pyodide" / name).is_file(), name
    assert (assets / hook.WHEEL_NAME).is_file()
    assert not (assets / "embed").exists()
    # The lock file goes to the worker inline; the whole lock and standard library stay out.
    assert not (assets / "pyodide" / "pyodide-lock.json").exists()
    full = (REPO_ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").stat().st_size
    assert (assets / "pyodide" / "python_stdlib.zip").stat().st_size < full / 2
    page = (built_site / "step-2-2" / "index.html").read_text(encoding="utf-8")
    assert "<!-- checker -->" not in page
    assert page.count("data-checker ") + page.count("data-checker>") == 1


def test_offline_copy_has_the_embedded_runtime(built_site, hook):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        names = archive.namelist()
        embed = [name for name in names if "/assets/checker/embed/" in name]
        assert sorted(name.rsplit("/", 1)[1] for name in embed) == sorted([*hook.EMBEDDED, hook.WORKER_SOURCE_SCRIPT])
        classic = next(name for name in embed if name.endswith("pyodide-asm-js.js"))
        packed = archive.read(classic).decode().split('"')[-2]
    source = gzip.decompress(base64.b64decode(packed)).decode()
    assert "import.meta" not in source and "export default" not in source


def test_no_cdn_address_in_what_the_checker_loads(built_site):
    assets = built_site / "assets" / "checker"
    for name in ["checker.js", "worker.js"]:
        text = (assets / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, name
