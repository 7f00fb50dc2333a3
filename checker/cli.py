"""Command line: `python -m checker bounce|address [--json] ...`; bounce also reads mailboxes.

The output formats are a contract other tools rely on; see README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from checker.address import check_address
from checker.bounce import analyze_bounce, mailbox, present
from checker.bounce.report import BounceReport
from checker.bounce.sheet import CsvSheet, SheetRow, Tally, failed_rows
from checker.errors import UnreadableInput


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "bounce":
        output = "json" if args.json else args.format
        return _run_bounce(args.files or ["-"], output, args.summary, sys.stdout)
    return _run_address(args.addresses, args.json, sys.stdout)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m checker", description="エラーメールとメールアドレスを調べます。")
    commands = parser.add_subparsers(dest="command", required=True)
    bounce = commands.add_parser("bounce", help="エラーメール (.eml や貼り付けたテキスト) を調べます")
    bounce.add_argument("--json", action="store_true", help="1 入力につき 1 行の JSON で出力します（--format json と同じ）")
    bounce.add_argument("--format", choices=("text", "json", "csv"), default="text",
                        help="csv: 届かなかった宛先 1 件につき 1 行")
    bounce.add_argument("--summary", action="store_true", help="理由ごと・宛先のドメインごとの件数だけを出力します")
    bounce.add_argument("files", nargs="*", metavar="FILE",
                        help="調べるファイル（.eml、mbox、Maildir や .eml のフォルダー）。- または省略で標準入力")
    address = commands.add_parser("address", help="メールアドレスを調べます")
    address.add_argument("--json", action="store_true", help="1 アドレスにつき 1 行の JSON で出力します")
    address.add_argument("addresses", nargs="*", metavar="ADDRESS", help="省略すると標準入力から 1 行に 1 つ読みます")
    return parser


def _run_bounce(files: list[str], output: str, summary: bool, out: TextIO) -> int:
    status = 0
    tally = Tally()
    sheet = CsvSheet(out) if output == "csv" and not summary else None
    for name in files:
        for label, number, data in _inputs(name):
            try:
                report = analyze_bounce(data if data is not None else _read_input(name))
            except (OSError, UnreadableInput) as exc:
                status = 1
                error = SheetRow(label, number, error=_error_text(exc))
                tally.add([error])
                if not summary:
                    _print_bounce_error(error, output, sheet, out)
                continue
            rows = failed_rows(label, number, report)
            tally.add(rows)
            if not summary:
                _print_report(label, number, report, rows, output, sheet, out)
    if summary:
        out.write(present.counts_summary_ja(tally.messages, tally.errors, dict(tally.reasons), dict(tally.domains)) + "\n")
    return status


def _inputs(name: str) -> Iterator[tuple[str, int | None, bytes | None]]:
    """(label, message number, bytes) per message: one for a file (its bytes read later, so a
    read error is that file's), one per message for an mbox, a Maildir or a folder."""
    path = Path(name)
    if name == "-" or not (path.is_dir() or mailbox.is_mbox(path)):
        yield name, None, None
        return
    reading = mailbox.Reading()
    found = False
    for message in mailbox.messages(path, reading):
        found = True
        in_one_file = not path.is_dir()
        yield (name if in_one_file else str(path / message.source)), (message.number if in_one_file else None), message.data
    if reading.truncated:
        print(f"{name}: {present.error_text_ja('mailbox-truncated', str(mailbox.MAX_MAILBOX_BYTES // 1024 // 1024))}",
              file=sys.stderr)
    if not found:
        print(present.error_text_ja("mailbox-empty", name), file=sys.stderr)


def _where(label: str, number: int | None) -> dict[str, Any]:
    """The JSON and CSV fields that say which input (and which message of a mailbox)."""
    return {"file": label, **({"message": number} if number is not None else {})}


def _heading(label: str, number: int | None) -> str:
    return f"{label} #{number}" if number is not None else label


def _print_report(label: str, number: int | None, report: BounceReport, rows: list[SheetRow],
                  output: str, sheet: CsvSheet | None, out: TextIO) -> None:
    if output == "json":
        _print_json({**_where(label, number), **report.to_json()}, out)
        # The JSON line's shape is a contract; what was left unread goes to stderr.
        for notice in report.notices:
            print(f"{label}: {present.notice_ja(notice)}", file=sys.stderr)
    elif sheet:
        sheet.write(rows)
    else:
        out.write(f"== {_heading(label, number)}\n{present.summary_ja(report)}\n")


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as f:
        return f.read()


def _error_text(exc: Exception) -> str:
    if isinstance(exc, UnreadableInput):
        return exc.message_ja
    if isinstance(exc, FileNotFoundError):
        return present.error_text_ja("file-not-found", str(exc.filename))
    if isinstance(exc, IsADirectoryError):
        return present.error_text_ja("is-a-directory", str(exc.filename))
    if isinstance(exc, PermissionError):
        return present.error_text_ja("permission", str(exc.filename))
    return present.error_text_ja("unreadable-file", str(exc))


def _print_bounce_error(error: SheetRow, output: str, sheet: CsvSheet | None, out: TextIO) -> None:
    if output == "json":
        _print_json({**_where(error.file, error.message), "error": error.error}, out)
    elif sheet:
        sheet.write([error])
    else:
        heading = _heading(error.file, error.message)
        out.write(f"== {heading}\n{present.error_text_ja('error-line', error.error)}\n")
        print(f"{heading}: {error.error}", file=sys.stderr)


def _run_address(addresses: list[str], as_json: bool, out: TextIO) -> int:
    for text in addresses or _stdin_lines():
        report = check_address(text)
        if as_json:
            _print_json(report.to_json(), out)
        else:
            out.write(report.explain_ja() + "\n")
    return 0


def _stdin_lines() -> Iterator[str]:
    # Split on "\n" only: other white space is part of what the customer typed.
    data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    if data.endswith("\n"):
        data = data[:-1]
    if data == "":
        return iter(())
    return iter(data.split("\n"))


def _print_json(obj: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
