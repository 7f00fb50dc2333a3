"""Command line: `python -m checker bounce|address [--json] ...`.

The output formats are a contract other tools rely on; see README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from checker.address import check_address
from checker.bounce import analyze_bounce, present
from checker.errors import UnreadableInput


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "bounce":
        return _run_bounce(args.files or ["-"], args.json, sys.stdout)
    return _run_address(args.addresses, args.json, sys.stdout)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m checker", description="エラーメールとメールアドレスを調べます。")
    commands = parser.add_subparsers(dest="command", required=True)
    bounce = commands.add_parser("bounce", help="エラーメール (.eml や貼り付けたテキスト) を調べます")
    bounce.add_argument("--json", action="store_true", help="1 入力につき 1 行の JSON で出力します")
    bounce.add_argument("files", nargs="*", metavar="FILE", help="調べるファイル。- または省略で標準入力")
    address = commands.add_parser("address", help="メールアドレスを調べます")
    address.add_argument("--json", action="store_true", help="1 アドレスにつき 1 行の JSON で出力します")
    address.add_argument("addresses", nargs="*", metavar="ADDRESS", help="省略すると標準入力から 1 行に 1 つ読みます")
    return parser


def _run_bounce(files: list[str], as_json: bool, out: TextIO) -> int:
    status = 0
    for name in files:
        try:
            report = analyze_bounce(_read_input(name))
        except (OSError, UnreadableInput) as exc:
            status = 1
            _print_bounce_error(name, _error_text(exc), as_json, out)
            continue
        if as_json:
            _print_json({"file": name, **report.to_json()}, out)
            # The JSON line's shape is a contract; what was left unread goes to stderr.
            for notice in report.notices:
                print(f"{name}: {present.notice_ja(notice)}", file=sys.stderr)
        else:
            out.write(f"== {name}\n{present.summary_ja(report)}\n")
    return status


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


def _print_bounce_error(name: str, message: str, as_json: bool, out: TextIO) -> None:
    if as_json:
        _print_json({"file": name, "error": message}, out)
    else:
        out.write(f"== {name}\n{present.error_text_ja('error-line', message)}\n")
        print(f"{name}: {message}", file=sys.stderr)


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
