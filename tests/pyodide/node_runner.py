"""Run cases through the checker in Pyodide (Node, npm `pyodide`) and in CPython.

Used by test_parity.py and benchmarks/bench_hostile.py. Both runtimes get the same wheel,
the site's own (built by `hooks.checker_assets.build_wheel`, the function the MkDocs hook
publishes it with), the same driver and the same cases file, each in a process of its own.
Pyodide gets the site's trimmed standard library too (`hooks.runtime_stdlib`), so every
case is also a check that nothing the checker reaches was left out of it.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
RUNNER = HERE / "run_checker.mjs"
DRIVER = HERE / "parity_driver.py"
PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def missing_runtime() -> str:
    """Why Pyodide cannot run here, or "" when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (PYODIDE_DIR / "pyodide.mjs").is_file():
        return "node_modules/pyodide is missing (run scripts/setup)"
    return ""


def bytes_case(case_id: str, kind: str, data: bytes) -> dict:
    return {"id": case_id, "kind": kind, "base64": base64.b64encode(data).decode("ascii")}


def text_case(case_id: str, kind: str, text: str) -> dict:
    return {"id": case_id, "kind": kind, "text": text}


class Run:
    """One snapshot of the checker (the site's wheel) and one cases file, in a directory."""

    def __init__(self, cases: list[dict], directory: Path) -> None:
        from hooks.checker_assets import STDLIB_NAME, WHEEL_NAME, build_wheel
        from hooks.runtime_stdlib import checker_modules, minimal_lock, trimmed_stdlib

        self.directory = directory
        self.wheel = directory / WHEEL_NAME
        wheel = build_wheel()
        self.wheel.write_bytes(wheel)
        self.stdlib = directory / STDLIB_NAME
        self.stdlib.write_bytes(trimmed_stdlib(wheel))
        self.lock = directory / "pyodide-lock.json"
        self.lock.write_text(minimal_lock(), encoding="utf-8")
        self.modules = directory / "modules.json"
        self.modules.write_text(json.dumps(checker_modules(wheel)), encoding="utf-8")
        self.cases_file = directory / "cases.jsonl"
        with self.cases_file.open("w", encoding="utf-8") as handle:
            for case in cases:
                handle.write(json.dumps(case) + "\n")

    def in_pyodide(self, timeout: float = 900) -> dict[str, dict]:
        """id -> {"answer": ..., "seconds": ...}, from one Node process for all the cases."""
        command = ["node", str(RUNNER), str(self.wheel), str(DRIVER), str(self.stdlib),
                   str(self.lock), str(self.modules)]
        return self._answers(command, os.environ, timeout)

    def in_cpython(self, timeout: float = 900) -> dict[str, dict]:
        """The same, from this Python with the wheel unpacked as its only checker."""
        site_packages = self.directory / "site-packages"
        with zipfile.ZipFile(self.wheel) as wheel:
            wheel.extractall(site_packages)
        env = {**os.environ, "PYTHONPATH": str(site_packages)}
        return self._answers([sys.executable, str(DRIVER)], env, timeout)

    def _answers(self, command: list[str], env, timeout: float) -> dict[str, dict]:
        with self.cases_file.open("rb") as stdin:
            proc = subprocess.run(command, stdin=stdin, capture_output=True, timeout=timeout,
                                  cwd=self.directory, env=env)
        if proc.returncode != 0:
            # Pyodide's errors quote its minified source; the end says what went wrong.
            raise RuntimeError(f"{command[0]} exited with {proc.returncode}:\n"
                               + proc.stderr.decode("utf-8", "replace")[-3000:])
        answers = {}
        for line in proc.stdout.decode("ascii").splitlines():
            answer = json.loads(line)
            answers[answer.pop("id")] = answer
        return answers
