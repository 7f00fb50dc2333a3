"""The entry point the in-page checker (a Web Worker running Pyodide) calls.

It turns the engine's reports into one JSON text the page can draw from: every label and
meaning comes from `checker.bounce.present` and the address report, never from a second
table here. The page only arranges what it gets and links to the guide's own sections.
"""
from __future__ import annotations

import json
import re
from typing import Any, cast

from checker.address import AddressReport, check_address
from checker.bounce import BounceReport, RecipientResult, analyze_bounce, present
from checker.bounce.reasons import REPORTABLE_REASONS, guide_keys
from checker.errors import UnreadableInput

# Loose on purpose: masking must also catch addresses inside a server's free-text answer.
# The look-behind starts a match only where a run of address characters starts, which finds
# the same addresses but keeps a long run without "@" from being rescanned at every character.
_ADDRESS_IN_TEXT = re.compile(r"(?<![^\s<>\"'()\[\],;:@])[^\s<>\"'()\[\],;:@]+@([A-Za-z0-9.\-]+)")


def page_json(kind: str, data: object) -> str:
    """What the worker calls: `kind` is "bounce" or "address"; the answer is JSON text."""
    if kind == "bounce":
        view = bounce_view(_as_input(data))
    elif kind == "address":
        view = address_view(str(data))
    else:
        view = {"ok": False, "error": f"不明な種類です: {kind}"}
    return json.dumps(view, ensure_ascii=False)


def _as_input(data: object) -> bytes | str:
    # A file read in the browser arrives as a JavaScript Uint8Array proxy, not as bytes.
    if hasattr(data, "to_bytes"):
        return cast(bytes, data.to_bytes())
    return cast("bytes | str", data)


def bounce_view(data: bytes | str) -> dict[str, Any]:
    try:
        report = analyze_bounce(data)
    except UnreadableInput as exc:
        return {"ok": False, "error": exc.message_ja}
    return {
        "ok": True,
        "kind": report.kind,
        "kind_label": present.kind_label_ja(report.kind),
        "notices": list(report.notices),
        "original": _original_view(report),
        "recipients": [_recipient_view(result) for result in report.results],
        "support_text": support_text(report, mask=False),
        "support_text_masked": support_text(report, mask=True),
    }


def _original_view(report: BounceReport) -> dict[str, str] | None:
    if report.original is None:
        return None
    return {
        "subject": report.original.subject,
        "date": report.original.date,
        "to": report.original.to,
    }


def _recipient_view(result: RecipientResult) -> dict[str, Any]:
    return {
        "recipient": result.recipient,
        "reason": result.reason,
        "reason_label": present.reason_label_ja(result.reason),
        "guide_keys": list(guide_keys(result.reason, result.action)),
        "failed": result.reason in REPORTABLE_REASONS,
        "status": result.status,
        "status_meaning": present.status_meaning_ja(result.status) if result.status else "",
        "replycode": result.replycode,
        "replycode_meaning": (
            present.replycode_meaning_ja(result.replycode) if result.replycode else ""
        ),
        "action": result.action,
        "remote_host": result.remote_host,
        "diagnostic": result.diagnostic,
        "command": result.command,
        "permanent": result.permanent,
        "retry_advice": present.retry_advice_ja(result.permanent),
        "actor": result.actor,
        "actor_label": present.actor_label_ja(result.actor),
        "address_problems": list(result.address_problems),
    }


def support_text(report: BounceReport, mask: bool) -> str:
    """Plain text a customer can paste into a support enquiry."""
    lines = ["【エラーメールの調査結果】", f"種類: {present.kind_label_ja(report.kind)}"]
    if report.original is not None:
        lines += _labelled([("元のメールの件名", report.original.subject),
                            ("送信日時", report.original.date)])
    for result in report.results:
        lines.append("")
        lines += _labelled([
            ("宛先", result.recipient),
            ("理由", f"{present.reason_label_ja(result.reason)} ({result.reason})"),
            ("ステータス", result.status),
            ("応答コード", result.replycode),
            ("相手のサーバー", result.remote_host),
            ("サーバーの応答", result.diagnostic),
        ])
    text = "\n".join(lines)
    return mask_addresses(text) if mask else text


def _labelled(pairs: list[tuple[str, str]]) -> list[str]:
    return [f"{label}: {value}" for label, value in pairs if value]


def mask_addresses(text: str) -> str:
    """Hide the part before @ of every address, keeping the domain support needs to see."""
    return _ADDRESS_IN_TEXT.sub(lambda match: "***@" + match.group(1), text)


# (valid, any problem found) -> the one-line verdict above the details
_ADDRESS_VERDICTS = {
    (True, False): "このアドレスの書き方に問題は見つかりませんでした。",
    (True, True): "アドレスの形は正しいですが、確かめていただきたい点があります。",
    (False, True): "このアドレスには、このままではメールが届かない問題があります。",
    (False, False): "このアドレスには、このままではメールが届かない問題があります。",
}


def address_view(text: str) -> dict[str, Any]:
    report: AddressReport = check_address(text)
    return {
        "ok": True,
        "verdict": _ADDRESS_VERDICTS[(bool(report.valid), bool(report.problems))],
        "input": report.input,
        "valid": report.valid,
        "problems": [
            {"code": problem.code, "message": problem.message_ja,
             "position": problem.position, "severity": problem.severity}
            for problem in report.problems
        ],
        "address": report.address,
        "ascii_address": report.ascii_address,
        "suggestion": report.suggestion,
        "explanation": report.explain_ja(),
    }
