"""Run cases through the checker in Pyodide (Node, npm `pyodide`) and in this CPython.

Used by test_parity.py and benchmarks/bench_hostile.py. The wheel is the site's own: built
by `hooks.checker_assets.build_wheel`, the function the MkDocs hook publishes it with.
"""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
RUNNER = HERE / "run_checker.mjs"
DRIVER = HERE / "parity_driver.py"
PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from parity_driver import answer_line  # noqa: E402  (CPython runs the same driver)


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


def site_wheel(directory: Path) -> Path:
    from hooks.checker_assets import WHEEL_NAME, build_wheel

    path = directory / WHEEL_NAME
    path.write_bytes(build_wheel())
    return path


def pyodide_answers(cases: list[dict], directory: Path, timeout: float = 900) -> dict[str, dict]:
    """id -> {"answer": ..., "seconds": ...}, from one Node process for all the cases."""
    wheel = site_wheel(directory)
    cases_file = directory / "cases.jsonl"
    with cases_file.open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps(case) + "\n")
    with cases_file.open("rb") as stdin:
        proc = subprocess.run(["node", str(RUNNER), str(wheel), str(DRIVER)], stdin=stdin,
                              capture_output=True, timeout=timeout, cwd=REPO_ROOT)
    if proc.returncode != 0:
        # Pyodide's errors quote its minified source; the end says what went wrong.
        raise RuntimeError(f"node exited with {proc.returncode}:\n"
                           + proc.stderr.decode("utf-8", "replace")[-3000:])
    answers = {}
    for line in proc.stdout.decode("ascii").splitlines():
        answer = json.loads(line)
        answers[answer.pop("id")] = answer
    return answers


def cpython_answer(case: dict) -> dict:
    answer = json.loads(answer_line(json.dumps(case)))
    answer.pop("id")
    return answer
