"""Many bounces as one sheet: a row per failed recipient of each message, or per message that
could not be read, and the counts per reason.

The one definition of the CSV columns, for the command line (`--format csv`, `--summary`) and
for the page's table of many files (checker.web), so that both give the same sheet.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from checker.bounce.reasons import REPORTABLE_REASONS
from checker.bounce.report import BounceReport, RecipientResult

CSV_FIELDS = ("file", "message", "recipient", "reason", "status", "replycode", "action", "permanent",
              "remote_host", "error")


@dataclass(frozen=True)
class SheetRow:
    """One line of the sheet: a failed recipient (result) or a message that could not be read
    (error); file and message number say where it came from."""

    file: str
    message: int | None
    result: RecipientResult | None = None
    error: str = ""
    error_code: str = ""  # checker.errors' code, where the message was unreadable input

    def cells(self) -> list[str]:
        result = self.result
        where = [self.file, "" if self.message is None else str(self.message)]
        if result is None:
            return where + [""] * (len(CSV_FIELDS) - 3) + [self.error]
        return where + [result.recipient, result.reason, result.status, result.replycode, result.action,
                        _csv_bool(result.permanent), result.remote_host, ""]


def failed_rows(file: str, message: int | None, report: BounceReport) -> list[SheetRow]:
    """The rows of a message read: its failed recipients (none for an auto-reply and the like)."""
    return [SheetRow(file, message, result) for result in report.results
            if result.reason in REPORTABLE_REASONS]


def _csv_bool(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


class CsvSheet:
    """Writes the header at once, then rows as they come (a mailbox is never held whole)."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\n")
        self._writer.writerow(CSV_FIELDS)

    def write(self, rows: Iterable[SheetRow]) -> None:
        self._writer.writerows(row.cells() for row in rows)


@dataclass
class Tally:
    """What the counts say, as the messages stream past (nothing else is kept)."""

    messages: int = 0
    errors: int = 0
    without_failure: int = 0  # read, but no recipient failed (an auto-reply, not a bounce ...)
    reasons: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)

    def add(self, rows: list[SheetRow]) -> None:
        """Count one message by its rows (none: read, and no recipient failed)."""
        self.messages += 1
        self.without_failure += not rows
        for row in rows:
            if row.result is None:
                self.errors += 1
            else:
                self.reasons[row.result.reason] += 1
                self.domains[row.result.recipient.rpartition("@")[2].lower()] += 1
