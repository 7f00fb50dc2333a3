"""One case in, one answer out: the same code answers in CPython and inside Pyodide.

A case is a JSON line: {"id": ..., "kind": "bounce" | "address", "base64": ...} for bytes
or {..., "text": ...} for text. The answer line carries what the checker's public entry
points give (the JSON report, the notices, and the page's view from `checker.web`) and how
long the analysis took. The parity test compares everything but the time.
"""
from __future__ import annotations

import base64
import json
import time

from checker import UnreadableInput, analyze_bounce, check_address
from checker.web import page_json


def answer_line(line: str) -> str:
    case = json.loads(line)
    data = base64.b64decode(case["base64"]) if "base64" in case else case["text"]
    started = time.perf_counter()
    answer = _bounce(data) if case["kind"] == "bounce" else _address(data)
    seconds = time.perf_counter() - started
    # ASCII only: a lone surrogate in an answer must not depend on how Node writes text.
    return json.dumps({"id": case["id"], "answer": answer, "seconds": seconds})


def _bounce(data: bytes | str) -> dict:
    try:
        report = analyze_bounce(data)
    except UnreadableInput as exc:
        answer = {"error": exc.message_ja}
    else:
        answer = {"report": report.to_json(), "notices": list(report.notices)}
    answer["page"] = json.loads(page_json("bounce", data))
    return answer


def _address(text: str) -> dict:
    return {"report": check_address(text).to_json(), "page": json.loads(page_json("address", text))}
