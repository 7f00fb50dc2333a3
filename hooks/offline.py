"""The offline copy: built from the same sources, packed as a zip inside the online site.

`mkdocs build` (online, directory URLs) runs, after its own build, a second build of the
same config with Material's offline plugin switched on (MAIL_GUIDE_OFFLINE_BUILD=true) in
a temporary directory, and packs that as downloads/mail-guide-offline.zip. The offline
build gets the iframe-worker shim from node_modules instead of the CDN the offline plugin
would point to, so every page works from file:// with nothing fetched from outside.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.offline")

OFFLINE_ENV = "MAIL_GUIDE_OFFLINE_BUILD"
SITE_URL_ENV = "GUIDE_SITE_URL"
ZIP_PATH = "downloads/mail-guide-offline.zip"
ZIP_FOLDER = "mail-guide"
# A 404 page only makes sense on a web server, and it links from the server root.
LEFT_OUT_OF_ZIP = {"404.html"}
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_LICENSE = Path("node_modules/iframe-worker/LICENSE")
# The offline plugin adds its CDN shim only when no polyfill mentions "iframe-worker".
SHIM_TARGET = "assets/javascripts/iframe-worker/shim.js"

_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def is_offline_build(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


# Runs before the offline plugin's own on_config, so that it sees the local shim.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_offline_build(config):
        config.extra["offline_copy"] = True
        polyfills = [url for url in config.extra.get("polyfills", []) if "://" not in url]
        config.extra["polyfills"] = [*polyfills, SHIM_TARGET]
    return config


def on_post_build(config: MkDocsConfig) -> None:
    repo_root = Path(config.config_file_path).resolve().parent
    if is_offline_build(config):
        vendor_iframe_worker(repo_root, Path(config.site_dir))
    elif os.environ.get(OFFLINE_ENV):
        # The inner build would otherwise start another one, without end.
        raise PluginError(f"{OFFLINE_ENV} is set but the offline plugin is not enabled")
    elif _command != "serve":
        pack_offline_copy(config, repo_root)


def vendor_iframe_worker(repo_root: Path, site_dir: Path) -> None:
    source = repo_root / SHIM_SOURCE
    if not source.is_file():
        raise PluginError(f"{SHIM_SOURCE} is missing: run scripts/setup (npm ci) first")
    target = site_dir / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    shutil.copyfile(repo_root / SHIM_LICENSE, target.parent / "LICENSE")


def pack_offline_copy(config: MkDocsConfig, repo_root: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="mail-guide-offline-") as temp:
        offline_dir = Path(temp) / ZIP_FOLDER
        started = time.perf_counter()
        build_offline_copy(config, offline_dir)
        log.info("Offline copy built in %.1f s", time.perf_counter() - started)
        write_zip(offline_dir, Path(config.site_dir) / ZIP_PATH)


def build_offline_copy(config: MkDocsConfig, offline_dir: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build",
               "--config-file", config.config_file_path, "--site-dir", str(offline_dir)]
    if config.strict:
        command.append("--strict")
    # The variable switches the offline plugin on, which also keeps the inner build from
    # starting a build of its own. The offline copy names no online address.
    env = {name: value for name, value in os.environ.items() if name != SITE_URL_ENV}
    env[OFFLINE_ENV] = "true"
    proc = subprocess.run(command, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise PluginError(f"the offline build failed:\n{proc.stderr[-4000:]}")


def write_zip(source_dir: Path, zip_file: Path) -> None:
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(source_dir.rglob("*")):
            if path.is_file() and path.name not in LEFT_OUT_OF_ZIP:
                archive.write(path, Path(ZIP_FOLDER) / path.relative_to(source_dir))
