"""The command line contract: `python -m checker bounce [--json] [FILE|-]...` (issue 3)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
RESULT_KEYS = {"recipient", "reason", "status", "replycode", "action", "remote_host", "diagnostic",
               "command", "permanent", "actor"}
KINDS = {"bounce", "delayed", "signin", "autoreply", "feedback", "delivered", "not-bounce"}

POSTFIX_BOUNCE = b"""From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
To: taro@example.jp
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

<hanako@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1
    <hanako@example.net>: Recipient address rejected: User unknown (in reply to
    RCPT TO command)

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp

Final-Recipient: rfc822; hanako@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 <hanako@example.net>: Recipient address
    rejected: User unknown

--B--
"""


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "bounce", *args], cwd=REPO_ROOT,
                          input=stdin, capture_output=True, timeout=60)


def test_json_lines_in_input_order_with_exact_fields(tmp_path):
    first, second = tmp_path / "one.eml", tmp_path / "two.txt"
    first.write_bytes(POSTFIX_BOUNCE)
    second.write_text("Returned mail: User unknown", encoding="utf-8")
    proc = run_cli("--json", str(first), str(second))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [line["file"] for line in lines] == [str(first), str(second)]
    for line in lines:
        assert set(line) == {"file", "kind", "results"} and line["kind"] in KINDS
        for result in line["results"]:
            assert set(result) == RESULT_KEYS
            assert result["actor"] in {"sender", "recipient", "provider"}
    result = lines[0]["results"][0]
    assert result == {
        "recipient": "hanako@example.net", "reason": "userunknown", "status": "5.1.1", "replycode": "550",
        "action": "failed", "remote_host": "mx.example.net", "command": "RCPT", "permanent": True,
        "actor": "sender",
        "diagnostic": "550 5.1.1 <hanako@example.net>: Recipient address rejected: User unknown",
    }
    assert lines[1]["results"][0]["reason"] == "userunknown"


def test_standard_input_is_dash_and_default():
    for args in (("--json", "-"), ("--json",)):
        proc = run_cli(*args, stdin=b"550 5.1.1 <taro@example.jp>: Recipient address rejected")
        line = json.loads(proc.stdout)
        assert line["file"] == "-" and line["results"][0]["recipient"] == "taro@example.jp"


def test_unreadable_input_gives_japanese_error_and_status_1(tmp_path):
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.eml"
    proc = run_cli("--json", str(empty), str(missing))
    assert proc.returncode == 1
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [set(line) for line in lines] == [{"file", "error"}, {"file", "error"}]
    assert all(any("\u3040" <= ch <= "\u30ff" for ch in line["error"]) for line in lines)


def test_human_summary_is_japanese(tmp_path):
    path = tmp_path / "bounce.eml"
    path.write_bytes(POSTFIX_BOUNCE)
    proc = run_cli(str(path))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert out.startswith(f"== {path}\n")
    assert "hanako@example.net" in out and "宛先のメールアドレス（@より左）が見つかりません" in out


def test_a_pasted_sign_in_error_is_kind_signin_with_the_same_fields():
    proc = run_cli("--json", stdin=b"535 5.7.8 Error: authentication failed: authentication failure")
    assert proc.returncode == 0, proc.stderr
    line = json.loads(proc.stdout.decode("utf-8"))
    assert set(line) == {"file", "kind", "results"} and line["kind"] == "signin"
    [result] = line["results"]
    assert set(result) == RESULT_KEYS
    assert (result["reason"], result["command"], result["recipient"], result["actor"]) == (
        "securityerror", "AUTH", "", "sender")


def test_text_output_is_the_summary_with_state_advice_and_notices():
    proc = run_cli(stdin=b"Warning: could not send message for past 4 hours\n"
                         b"<sato@example.jp>... Deferred: Connection refused by mx.example.jp.\n")
    text = proc.stdout.decode("utf-8")
    assert "宛先: sato@example.jp" in text and "状態: まだ届いていません" in text
    assert "再送するか待つか: 送り直さずにお待ちください" in text
