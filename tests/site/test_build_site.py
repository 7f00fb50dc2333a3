"""The two builds: `mkdocs build --strict` makes the online site with the offline copy
inside it; a failing or warning offline build fails the outer build; `mkdocs serve`
skips the offline build."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from conftest import OFFLINE_ZIP, REPO_ROOT

OFFLINE_ENV = "MAIL_GUIDE_OFFLINE_BUILD"


def nav_files(config) -> list[str]:
    def walk(items):
        for item in items:
            for value in item.values() if isinstance(item, dict) else [item]:
                if isinstance(value, list):
                    yield from walk(value)
                else:
                    yield value
    return list(walk(config["nav"]))


def page_path(src: str, directory_urls: bool) -> str:
    stem = src.removesuffix(".md")
    if stem == "index":
        return "index.html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def test_every_nav_page_is_built_in_both_copies(built_site, offline_root):
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    sources = nav_files(config)
    assert "step-2-2.md" in sources
    missing_sources = [src for src in sources if not (REPO_ROOT / "docs" / src).is_file()]
    assert missing_sources == []
    missing_online = [src for src in sources if not (built_site / page_path(src, True)).is_file()]
    missing_offline = [src for src in sources
                       if not (offline_root / page_path(src, False)).is_file()]
    assert missing_online == [] and missing_offline == []


def test_offline_zip_holds_one_folder_with_the_search_index_and_the_shim(built_site):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {"mail-guide"}
    assert "mail-guide/search/search_index.js" in names
    assert "mail-guide/assets/javascripts/iframe-worker/shim.js" in names
    assert not any(name.startswith("mail-guide/downloads/") for name in names)


def test_every_page_has_its_own_japanese_description(built_site):
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    pattern = re.compile(r'<meta name="description" content="([^"]*)"')
    for src in nav_files(config):
        html = (built_site / page_path(src, True)).read_text(encoding="utf-8")
        found = pattern.search(html)
        assert found, f"{src} has no meta description"
        description = found.group(1)
        assert description != config["site_description"], f"{src} has only the site's one"
        assert re.search(r"[\u3040-\u30ff]", description), f"{src}: not Japanese"


def test_workflows_run_the_tests_and_publish_with_pinned_actions():
    workflows = REPO_ROOT / ".github" / "workflows"
    test = yaml.safe_load((workflows / "test.yml").read_text(encoding="utf-8"))
    publish = yaml.safe_load((workflows / "publish.yml").read_text(encoding="utf-8"))
    # PyYAML reads the key `on` as True.
    assert {"push", "pull_request"} <= set(test[True])
    assert publish[True]["push"]["branches"] == ["main"]
    test_steps = test["jobs"]["test"]["steps"]
    assert any(step.get("run", "").strip() == "scripts/test" for step in test_steps)
    assert any(step.get("with", {}).get("node-version") == "20" for step in test_steps)
    assert "python3" in test_steps[0]["run"] and "bookworm" in test["jobs"]["test"]["container"]
    build_steps = publish["jobs"]["build"]["steps"]
    assert any("mkdocs build" in step.get("run", "") for step in build_steps)
    steps = [step for workflow in (test, publish) for job in workflow["jobs"].values()
             for step in job["steps"] if "uses" in step]
    uses = [step["uses"] for step in steps]
    assert any(ref.startswith("actions/deploy-pages@") for ref in uses)
    # Pinned by commit, the version in a comment on the same line (zizmor's unpinned-uses).
    assert [ref for ref in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref)] == []
    for name in ("test.yml", "publish.yml"):
        for line in (workflows / name).read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{name}: {line}"
    checkouts = [step for step in steps if step["uses"].startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)


# --- the outer build and its inner offline build, on a scratch copy of the sources ---

@pytest.fixture()
def scratch_project(tmp_path) -> Path:
    """The site's sources in a scratch folder, with the npm packages linked in."""
    skip = {".git", ".venv", "node_modules", "site", "test-artifacts", "tests", "benchmarks"}
    for entry in REPO_ROOT.iterdir():
        if entry.name in skip or entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.copytree(entry, tmp_path / entry.name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(entry, tmp_path / entry.name)
    (tmp_path / "node_modules").symlink_to(REPO_ROOT / "node_modules")
    return tmp_path


def add_hook(project: Path, name: str, code: str) -> None:
    (project / "hooks" / name).write_text(code, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n", f"hooks:\n  - hooks/{name}\n", 1),
                      encoding="utf-8")


def mkdocs_build(project: Path, *args: str, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "out"), *args],
        cwd=project, capture_output=True, text=True, env={**os.environ, **(env or {})},
    )


WARN_ONLY_OFFLINE = '''
import logging

def on_post_build(config):
    if config.extra.get("offline_copy"):
        logging.getLogger("mkdocs.hooks.test").warning("warning from the offline build")
'''


def test_a_warning_in_the_offline_build_fails_a_strict_outer_build(scratch_project):
    add_hook(scratch_project, "warn_offline.py", WARN_ONLY_OFFLINE)
    strict = mkdocs_build(scratch_project, "--strict")
    assert strict.returncode != 0
    assert "the offline build failed" in strict.stderr
    assert "warning from the offline build" in strict.stderr

    lenient = mkdocs_build(scratch_project)
    assert lenient.returncode == 0, lenient.stderr[-3000:]
    assert (scratch_project / "out" / OFFLINE_ZIP).is_file()


def test_a_failing_offline_build_fails_the_outer_build(scratch_project):
    # Every npm package but the shim that only the offline build vendors.
    (scratch_project / "node_modules").unlink()
    (scratch_project / "node_modules").mkdir()
    for package in (REPO_ROOT / "node_modules").iterdir():
        if package.name != "iframe-worker":
            (scratch_project / "node_modules" / package.name).symlink_to(package)
    proc = mkdocs_build(scratch_project)
    assert proc.returncode != 0
    assert "the offline build failed" in proc.stderr
    assert "iframe-worker" in proc.stderr


def test_offline_variable_without_the_offline_plugin_does_not_recurse(scratch_project):
    config = scratch_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    switch = "enabled: !ENV [MAIL_GUIDE_OFFLINE_BUILD, false]"
    assert switch in text
    config.write_text(text.replace(switch, "enabled: false"), encoding="utf-8")
    proc = mkdocs_build(scratch_project, env={OFFLINE_ENV: "true"})
    assert proc.returncode != 0
    assert "offline plugin is not enabled" in proc.stderr


def test_serve_skips_the_offline_build(tmp_path):
    spec = importlib.util.spec_from_file_location("offline_hook", REPO_ROOT / "hooks/offline.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = load_config(str(REPO_ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    hook.on_startup(command="serve", dirty=False)
    hook.on_post_build(config)
    assert not (tmp_path / OFFLINE_ZIP).exists()
