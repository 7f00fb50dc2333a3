"""The command line contract: `python -m checker bounce [--json] [FILE|-]...` (issue 3)."""
from __future__ import annotations

import csv
import io
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


# ---- many messages: mbox, Maildir, folders (issue 14) ----

SEPARATOR = b"From MAILER-DAEMON Mon Jan  1 10:00:00 2024\n"
FULL_BOUNCE = POSTFIX_BOUNCE.replace(b"5.1.1", b"5.2.2").replace(b"User unknown", b"Mailbox full").replace(
    b"hanako@example.net", b"jiro@example.org")


def _mbox(tmp_path: Path, *messages: bytes) -> Path:
    path = tmp_path / "bounces.mbox"
    path.write_bytes(b"".join(SEPARATOR + message for message in messages))
    return path


def test_an_mbox_gives_one_json_line_per_message(tmp_path):
    box = _mbox(tmp_path, POSTFIX_BOUNCE, b"\x00\x01\x02" * 50 + b"\n", FULL_BOUNCE)
    proc = run_cli("--json", str(box))
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [line["message"] for line in lines] == [1, 2, 3]
    assert lines[0]["results"][0]["reason"] == "userunknown" and set(lines[0]["results"][0]) == RESULT_KEYS
    assert "error" in lines[1] and lines[2]["results"][0]["reason"] == "mailboxfull"
    assert proc.returncode == 1  # one message could not be read


def test_csv_has_one_row_per_failed_recipient(tmp_path):
    box = _mbox(tmp_path, POSTFIX_BOUNCE, FULL_BOUNCE)
    proc = run_cli("--format", "csv", str(box))
    rows = list(csv.reader(io.StringIO(proc.stdout.decode())))
    assert rows[0] == ["file", "message", "recipient", "reason", "status", "replycode", "action", "permanent",
                       "remote_host", "error"]
    assert [row[1:5] for row in rows[1:]] == [["1", "hanako@example.net", "userunknown", "5.1.1"],
                                             ["2", "jiro@example.org", "mailboxfull", "5.2.2"]]
    assert rows[1][7] == "yes" and proc.returncode == 0


def test_summary_counts_reasons_and_domains_of_a_maildir(tmp_path):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    (tmp_path / "Maildir" / "cur" / "1.host:2,S").write_bytes(POSTFIX_BOUNCE)
    (tmp_path / "Maildir" / "new" / "2.host").write_bytes(POSTFIX_BOUNCE)
    (tmp_path / "Maildir" / "new" / "3.host").write_bytes(FULL_BOUNCE)
    text = run_cli("--summary", str(tmp_path / "Maildir")).stdout.decode()
    assert "メッセージ 3 通、届かなかった宛先 3 件" in text
    assert "2  宛先のメールアドレス" in text and "(userunknown)" in text and "(mailboxfull)" in text
    assert "2  example.net" in text and "1  example.org" in text


def test_a_folder_of_eml_files_names_each_file(tmp_path):
    (tmp_path / "a.eml").write_bytes(POSTFIX_BOUNCE)
    (tmp_path / "b.eml").write_bytes(FULL_BOUNCE)
    lines = [json.loads(line) for line in run_cli("--json", str(tmp_path)).stdout.decode().splitlines()]
    assert [Path(line["file"]).name for line in lines] == ["a.eml", "b.eml"]
    assert all("message" not in line for line in lines)


def test_an_empty_mailbox_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_cli("--json", str(tmp_path / "empty"))
    assert proc.stdout == b"" and "メッセージが見つかりませんでした" in proc.stderr.decode()
