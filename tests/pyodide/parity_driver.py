"""One case in, one answer out: the same code answers in CPython and inside Pyodide.

A case is a JSON line: {"id": ..., "kind": "bounce" | "address", "base64": ...} for bytes
or {..., "text": ...} for text. The answer line carries what the checker's public entry
points give (the JSON report, the notices, and the page's view from `checker.web`) and how
long the entry point (`analyze_bounce` or `check_address`) took. The parity test compares
everything but the time.
"""
from __future__ import annotations

import base64
import json
import sys
import time

from checker import UnreadableInput, analyze_bounce, check_address
from checker.bounce.present import notice_ja
from checker.web import page_json


def answer_line(line: str) -> str:
    case = json.loads(line)
    data = base64.b64decode(case["base64"]) if "base64" in case else case["text"]
    answer, seconds = _bounce(data) if case["kind"] == "bounce" else _address(data)
    # ASCII only: a lone surrogate in an answer must not depend on how Node writes text.
    return json.dumps({"id": case["id"], "answer": answer, "seconds": seconds})


def _bounce(data: bytes | str) -> tuple[dict, float]:
    started = time.perf_counter()
    try:
        report = analyze_bounce(data)
        answer = {"report": report.to_json(), "notices": [notice_ja(notice) for notice in report.notices]}
    except UnreadableInput as exc:
        answer = {"error": exc.message_ja}
    seconds = time.perf_counter() - started
    answer["page"] = json.loads(page_json("bounce", data))
    return answer, seconds


def _address(text: str) -> tuple[dict, float]:
    started = time.perf_counter()
    report = check_address(text)
    seconds = time.perf_counter() - started
    return {"report": report.to_json(), "page": json.loads(page_json("address", text))}, seconds


if __name__ == "__main__":
    # CPython: answers the cases on standard input, with the checker from PYTHONPATH.
    for line in sys.stdin:
        if line.strip():
            print(answer_line(line))
