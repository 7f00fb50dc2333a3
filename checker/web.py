"""The entry point the in-page checker (a Web Worker running Pyodide) calls.

It turns the engine's reports into one JSON text the page can draw from: every label, every
sentence and every explanation comes from `checker.bounce.present` (bounces) and the address
report, never from a table here or in the widget. The page only arranges what it gets and
links to the guide's own sections.
"""
from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from checker.address import AddressReport, check_address
from checker.bounce import BounceReport, RecipientResult, analyze_bounce, mailbox, present
from checker.bounce.original import OriginalFacts
from checker.bounce.present import mask_addresses
from checker.bounce.reasons import REPORTABLE_REASONS, guide_keys
from checker.bounce.sheet import CsvSheet, SheetRow, Tally, failed_rows
from checker.errors import UnreadableInput

__all__ = ["address_view", "batch_next", "batch_start", "bounce_view", "mask_addresses", "page_json"]


def page_json(kind: str, data: object) -> str:
    """What the worker calls; the answer is JSON text. `kind` is "bounce" or "address" (data:
    the input), "batch-start" (data: [name, bytes] pairs, see batch_start) or "batch-next"
    (data: [batch number, messages to read])."""
    if kind == "bounce":
        view = bounce_view(_as_input(data))
    elif kind == "address":
        view = address_view(str(data))
    elif kind == "batch-start":
        view = batch_start([(str(name), _as_bytes(content)) for name, content in cast(Iterable[Any], data)])
    elif kind == "batch-next":
        number, count = cast(Iterable[Any], data)
        view = batch_next(int(number), int(count))
    else:
        view = {"ok": False, "error": present.error_text_ja("unknown-request", kind)}
    return json.dumps(view, ensure_ascii=False)


def _as_input(data: object) -> bytes | str:
    # A file read in the browser arrives as a JavaScript Uint8Array proxy, not as bytes.
    if hasattr(data, "to_bytes"):
        return cast(bytes, data.to_bytes())
    return cast("bytes | str", data)


def _as_bytes(data: object) -> bytes:
    found = _as_input(data)
    return found.encode("utf-8") if isinstance(found, str) else found


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


# ---- many bounces at once: several files or an mbox, read a batch of messages at a time ----

@dataclass
class _Batch:
    """A set of files being read: the messages still to come, what was counted, the CSV so far."""

    messages: Iterator[tuple[str, int | None, bytes]]
    total: int
    one_file: bool
    read: int = 0
    tally: Tally = field(default_factory=Tally)
    csv: io.StringIO = field(default_factory=io.StringIO)
    sheet: CsvSheet = field(init=False)

    def __post_init__(self) -> None:
        self.sheet = CsvSheet(self.csv)


# The worker keeps the batch between the page's calls; a page reads one set of files at a
# time, so a new start forgets the one before (and its memory).
_batches: dict[int, _Batch] = {}
_batch_numbers = itertools.count(1)


def batch_start(files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Start reading several .eml files or mbox files; batch_next then reads them a batch at
    a time. The answer says how many messages there are and carries the table's labels."""
    if not files:
        return {"ok": False, "error": present.error_text_ja("no-files")}
    counting = mailbox.Reading()
    total = sum(1 for _ in _file_messages(files, counting))
    _batches.clear()
    number = next(_batch_numbers)
    one_file = len(files) == 1
    _batches[number] = _Batch(_file_messages(files, mailbox.Reading()), total, one_file)
    mib = str(mailbox.MAX_MAILBOX_BYTES // 1024 // 1024)
    # The page reads no more than the limit of all the files together (the rest is left unread).
    truncated = counting.truncated or sum(len(data) for _, data in files) > mailbox.MAX_MAILBOX_BYTES
    labels = present.BATCH_LABELS_JA
    return {
        "ok": True,
        "batch": number,
        "total": total,
        "caption": labels["caption_file"].format(file=files[0][0]) if one_file else labels["caption"],
        "labels": dict(labels),
        "progress": labels["progress"].format(read=0, total=total),
        "notices": [labels["truncated"].format(mib=mib)] if truncated else [],
    }


def _file_messages(files: list[tuple[str, bytes]], reading: mailbox.Reading) -> Iterator[tuple[str, int | None, bytes]]:
    """(file, message number in an mbox or None, bytes) for every message of the files."""
    for name, data in files:
        if mailbox.starts_mbox(data):
            for message in mailbox.mbox_bytes_messages(data, name, reading):
                yield name, message.number, message.data
        else:
            yield name, None, data


def batch_next(number: int, count: int) -> dict[str, Any]:
    """Read the next `count` messages of the batch: their rows, the progress and the counts so
    far; with the last, `done` and the CSV (the command line's columns, see checker.bounce.sheet)."""
    batch = _batches.get(number)
    if batch is None:
        return {"ok": False, "error": present.error_text_ja("batch-gone")}
    rows: list[dict[str, Any]] = []
    for file, message, data in itertools.islice(batch.messages, count):
        found = _message_rows(file, message, data)
        batch.read += 1
        batch.tally.add(found)
        batch.sheet.write(found)
        rows += [_row_view(row, batch.one_file) for row in found]
    done = batch.read >= batch.total
    labels = present.BATCH_LABELS_JA
    view = {
        "ok": True,
        "rows": rows,
        "read": batch.read,
        "total": batch.total,
        "done": done,
        "progress": labels["progress"].format(read=batch.read, total=batch.total),
        "counts": _counts_view(batch.tally),
    }
    if done:
        del _batches[number]
        recipients = sum(batch.tally.reasons.values())
        view["summary"] = (labels["done"].format(total=batch.total, recipients=recipients) if recipients
                           else labels["nothing_failed"])
        # A byte order mark: spreadsheet programs then read the Japanese as UTF-8.
        view["csv"] = "\ufeff" + batch.csv.getvalue()
    return view


def _message_rows(file: str, message: int | None, data: bytes) -> list[SheetRow]:
    try:
        return failed_rows(file, message, analyze_bounce(data))
    except UnreadableInput as exc:
        return [SheetRow(file, message, error=exc.message_ja, error_code=exc.code)]
    except Exception:  # one broken message must not end the reading of the rest
        return [SheetRow(file, message, error=present.error_text_ja("analysis-failed"))]


def _row_view(row: SheetRow, one_file: bool) -> dict[str, Any]:
    where = {"file": row.file, "message": row.message,
             "source": present.batch_source_ja(row.file, row.message, one_file)}
    if row.result is None:
        # The CSV has the command line's sentence; a row of the table says it about one mail.
        return {**where, "error": present.BATCH_ERROR_TEXTS_JA.get(row.error_code, row.error)}
    return {**where, "recipient": row.result.recipient, "reason": row.result.reason,
            "guide_keys": list(guide_keys(row.result.reason, row.result.action)),
            **present.table_row_texts(row.result)}


def _counts_view(tally: Tally) -> list[dict[str, Any]]:
    """Per reason, most frequent first, then the messages not read and those without a failure."""
    labels = present.BATCH_LABELS_JA
    counts: list[dict[str, Any]] = [
        {"reason": reason, "label": present.reason_label_ja(reason), "count": count}
        for reason, count in sorted(tally.reasons.items(), key=lambda item: (-item[1], item[0]))]
    if tally.errors:
        counts.append({"reason": "", "label": labels["unreadable"], "count": tally.errors})
    if tally.without_failure:
        counts.append({"reason": "", "label": labels["without_failure"], "count": tally.without_failure})
    return counts
