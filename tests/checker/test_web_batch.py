"""The page's table of many bounces (issue 14): checker.web reads several .eml files or an
mbox a batch at a time; its rows, counts and CSV are the command line's."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from bounce_corpus import CORPUS, REPO_ROOT, corpus_available
from checker.bounce import analyze_bounce, present
from checker.bounce.sheet import CSV_FIELDS
from checker.web import page_json

SEPARATOR = b"From MAILER-DAEMON Mon Jan  1 10:00:00 2024\n"
FILES = ["bsd/lhost-activehunter-01.eml", "bsd/lhost-courier-04.eml", "bsd/lhost-postfix-16.eml"]
NOT_A_BOUNCE = b"From: taro@example.jp\nSubject: lunch\n\nShall we meet at noon?\n"

pytestmark = pytest.mark.skipif(not corpus_available(), reason="the shared corpus is not here")


def _as_mbox(messages: list[bytes], line_end: bytes = b"\n") -> bytes:
    body = b"".join(SEPARATOR + message.replace(b"\nFrom ", b"\n>From ") + b"\n" for message in messages)
    return body.replace(b"\r\n", b"\n").replace(b"\n", line_end)


def _corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def read_all(files: list[tuple[str, bytes]], step: int = 2) -> tuple[dict, list[dict], dict]:
    """(the start's answer, every row, the last batch's answer)."""
    start = json.loads(page_json("batch-start", files))
    assert start["ok"], start
    rows, batches = [], 0
    while True:
        view = json.loads(page_json("batch-next", [start["batch"], step]))
        batches += 1
        rows += view["rows"]
        assert view["read"] == min(batches * step, start["total"])
        if view["done"]:
            return start, rows, view


def csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_three_eml_files_give_their_rows_counts_and_labels():
    start, rows, last = read_all([(name.split("/")[1], _corpus(name)) for name in FILES])
    assert start["total"] == 3 and start["progress"] == "0 / 3 通を調べました。"
    assert set(start["labels"]) >= {"recipient", "what", "retry", "guide", "counts", "csv"}
    assert [row["source"] for row in rows] == [name.split("/")[1] for name in FILES]
    assert rows[0]["recipient"] == "kijitora@example.org" and rows[0]["reason"] == "userunknown"
    assert all(row["what"] and row["retry"] and row["guide_keys"] for row in rows)
    assert sum(count["count"] for count in last["counts"]) == 3
    assert last["progress"] == "3 / 3 通を調べました。" and "3 通" in last["summary"]


def test_mbox_with_crlf_a_body_from_line_and_a_broken_message_in_the_middle():
    messages = [_corpus(FILES[0]), b"\x00\x01\x02" * 20, _corpus(FILES[1]) + b"From here on, nothing.\n"]
    start, rows, last = read_all([("box.mbox", _as_mbox(messages, b"\r\n"))], step=1)
    assert start["total"] == 3
    assert [row["message"] for row in rows] == [1, 2, 3]
    # The row says it about one mail; the CSV has the command line's sentence.
    assert rows[1]["error"] == present.BATCH_ERROR_TEXTS_JA["binary"]
    assert csv_rows(last["csv"])[2][-1] == present.ERROR_TEXTS_JA["binary"]
    assert rows[0]["source"] == "1 通目" and rows[2]["reason"] == "hostunknown"
    assert {"reason": "", "label": "読めなかったメール", "count": 1} in last["counts"]


def test_a_cut_off_last_message_is_still_read():
    box = _as_mbox([_corpus(FILES[0]), _corpus(FILES[2])])
    _, rows, _ = read_all([("box.mbox", box[:len(box) - 200])])
    assert [row["message"] for row in rows] == [1, 2]


def test_files_without_a_bounce_say_so():
    start, rows, last = read_all([("notes.txt", NOT_A_BOUNCE), ("other.txt", b"hello\n")])
    assert rows == [] and last["summary"] == start["labels"]["nothing_failed"]
    assert last["counts"] == [{"reason": "", "label": start["labels"]["without_failure"], "count": 2}]


def test_the_csv_is_the_command_lines(tmp_path):
    box = _as_mbox([_corpus(name) for name in FILES] + [b""])
    (tmp_path / "box.mbox").write_bytes(box)
    _, rows, last = read_all([("box.mbox", box)])
    proc = subprocess.run([sys.executable, "-m", "checker", "bounce", "--format", "csv", "box.mbox"],
                          cwd=tmp_path, capture_output=True, env={"PYTHONPATH": str(REPO_ROOT)})
    assert csv_rows(last["csv"]) == list(csv.reader(io.StringIO(proc.stdout.decode("utf-8"))))
    assert csv_rows(last["csv"])[0] == list(CSV_FIELDS) and len(csv_rows(last["csv"])) == len(rows) + 1


def test_a_mailbox_over_the_limit_is_read_in_part_with_a_notice(monkeypatch):
    from checker.bounce import mailbox

    monkeypatch.setattr(mailbox, "MAX_MAILBOX_BYTES", 2 * len(_corpus(FILES[0])))
    start = json.loads(page_json("batch-start", [("box.mbox", _as_mbox([_corpus(FILES[0])] * 5))]))
    assert 0 < start["total"] < 5 and "MiB" in start["notices"][0]


def test_a_new_start_forgets_the_batch_before_and_no_files_is_an_error():
    first = json.loads(page_json("batch-start", [("a.eml", _corpus(FILES[0]))]))
    json.loads(page_json("batch-start", [("b.eml", _corpus(FILES[1]))]))
    assert json.loads(page_json("batch-next", [first["batch"], 5]))["ok"] is False
    assert json.loads(page_json("batch-start", []))["ok"] is False


def test_a_message_the_engine_fails_on_is_an_error_row_and_the_rest_are_read(monkeypatch):
    from checker import web

    def failing_on_boom(data):
        if data.startswith(b"BOOM"):
            raise RecursionError("the engine's own failure")
        return analyze_bounce(data)

    monkeypatch.setattr(web, "analyze_bounce", failing_on_boom)
    box = _as_mbox([_corpus(FILES[0]), b"BOOM\n", _corpus(FILES[2])])
    _, rows, last = read_all([("box.mbox", box)])
    assert [row["message"] for row in rows] == [1, 2, 3]
    assert rows[1]["error"] == present.ERROR_TEXTS_JA["analysis-failed"]
    assert rows[2]["recipient"] and "error" not in rows[2]
