"""The entry point the in-page checker (a Web Worker running Pyodide) calls.

It turns the engine's reports into one JSON text the page can draw from: every label, every
sentence and every explanation comes from `checker.bounce.present` (bounces) and the address
report, never from a table here or in the widget. The page only arranges what it gets and
links to the guide's own sections.
"""
from __future__ import annotations

import json
from typing import Any, cast

from checker.address import AddressReport, check_address
from checker.bounce import BounceReport, RecipientResult, analyze_bounce, present
from checker.bounce.original import OriginalFacts
from checker.bounce.present import mask_addresses
from checker.bounce.reasons import REPORTABLE_REASONS, guide_keys
from checker.errors import UnreadableInput

__all__ = ["address_view", "bounce_view", "mask_addresses", "page_json"]


def page_json(kind: str, data: object) -> str:
    """What the worker calls: `kind` is "bounce" or "address"; the answer is JSON text."""
    if kind == "bounce":
        view = bounce_view(_as_input(data))
    elif kind == "address":
        view = address_view(str(data))
    else:
        view = {"ok": False, "error": present.error_text_ja("unknown-request", kind)}
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
        "notices": [present.notice_ja(notice) for notice in report.notices],
        "notice_codes": [notice.code for notice in report.notices],
        "original": _original_view(report),
        "recipients": [_recipient_view(result, report.facts) for result in report.results],
        "support_text": present.summary_ja(report, mask=False),
        "support_text_masked": present.summary_ja(report, mask=True),
        "support_labels": dict(present.SUPPORT_LABELS_JA),
    }


def _original_view(report: BounceReport) -> dict[str, str] | None:
    if report.original is None:
        return None
    return {
        "subject": report.original.subject,
        "date": report.original.date,
        "to": report.original.to,
    }


def _recipient_view(result: RecipientResult, original: OriginalFacts | None) -> dict[str, Any]:
    return {
        "recipient": result.recipient,
        "reason": result.reason,
        "guide_keys": list(guide_keys(result.reason, result.action)),
        "failed": result.reason in REPORTABLE_REASONS,
        "status": result.status,
        "replycode": result.replycode,
        "action": result.action,
        "remote_host": result.remote_host,
        "diagnostic": result.diagnostic,
        "command": result.command,
        "permanent": result.permanent,
        "actor": result.actor,
        "address_problems": list(result.address_problems),
        # state, heading, headline, reason_label, retry_advice, actor_label, the codes'
        # meanings, facts [[term, value], ...] (with what the returned original tells, where
        # it explains the failure) and answer_label: present.card_texts
        **present.card_texts(result, original),
    }


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
