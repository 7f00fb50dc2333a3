"""The size policy on the command line: a paste larger than the engine reads in full is read
up to the limit, what is found there is reported, and the person is told so in Japanese
(in the summary, or on stderr beside the unchanged JSON line)."""
from __future__ import annotations

import json
import subprocess
import sys

from checker.bounce.document import MAX_INPUT_BYTES
from hostile_inputs import REPO_ROOT, SEED_MESSAGES

BOUNCE = SEED_MESSAGES[0]
CUT_NOTICE = "最初の"


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "bounce", *args], input=stdin,
                          capture_output=True, cwd=REPO_ROOT, timeout=60)


def oversized(total: int) -> bytes:
    """The bounce first, then filler: what matters sits in the part that is read."""
    return BOUNCE + b"\n" + b"-- filler line of a long mailbox export --\n" * (total // 43)


def test_json_line_keeps_its_shape_and_stderr_says_what_was_read(tmp_path):
    path = tmp_path / "huge.eml"
    path.write_bytes(oversized(3 * MAX_INPUT_BYTES))
    proc = run_cli("--json", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    line = json.loads(proc.stdout)
    assert set(line) == {"file", "kind", "results"}
    assert [r["recipient"] for r in line["results"]] == ["hanako@example.jp"]
    assert line["results"][0]["reason"] == "userunknown"
    stderr = proc.stderr.decode("utf-8")
    assert str(path) in stderr and CUT_NOTICE in stderr and "MiB" in stderr


def test_summary_says_what_was_read_for_twenty_mib_on_stdin():
    proc = run_cli("-", stdin=oversized(20 * 1024 * 1024))
    assert proc.returncode == 0, proc.stderr.decode()
    summary = proc.stdout.decode("utf-8")
    assert "hanako@example.jp" in summary
    assert CUT_NOTICE in summary and "MiB" in summary


def test_input_within_the_limit_has_no_notice(tmp_path):
    path = tmp_path / "fits.eml"
    path.write_bytes(oversized(MAX_INPUT_BYTES - 4096))
    proc = run_cli("--json", str(path))
    assert proc.returncode == 0
    assert CUT_NOTICE not in proc.stderr.decode("utf-8")
    assert json.loads(proc.stdout)["results"][0]["recipient"] == "hanako@example.jp"
