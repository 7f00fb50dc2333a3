"""Speed and memory of reading a large mailbox: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_mailbox.py [--messages 10000]

Builds an mbox of N bounces from the corpus (each corpus message in turn) in a temporary
file, then, in this process, streams it (checker.bounce.mailbox) through analyze_bounce:
messages per second, and peak memory measured with tracemalloc after 10 % of the messages
and at the end (flat memory: the two peaks stay close).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "bounces" / "bsd"

from checker.bounce import analyze_bounce  # noqa: E402
from checker.bounce.mailbox import Reading, messages  # noqa: E402
from checker.errors import UnreadableInput  # noqa: E402

SEPARATOR = b"From MAILER-DAEMON Mon Jan  1 10:00:00 2024\n"


def build_mbox(path: Path, count: int) -> int:
    corpus = [file.read_bytes() for file in sorted(CORPUS.glob("*.eml"))]
    with path.open("wb") as out:
        for number in range(count):
            body = corpus[number % len(corpus)]
            body = (b">" if body.startswith(b"From ") else b"") + body.replace(b"\nFrom ", b"\n>From ")
            out.write(SEPARATOR + body + (b"" if body.endswith(b"\n") else b"\n"))
    return path.stat().st_size


def run(box: Path, peak_after: int) -> tuple[int, int, int]:
    """Stream the mailbox through the engine: (messages, unreadable, peak after N messages)."""
    read = failed = early_peak = 0
    for message in messages(box, Reading()):
        try:
            analyze_bounce(message.data)
        except UnreadableInput:
            failed += 1
        read += 1
        if read == peak_after:
            early_peak = tracemalloc.get_traced_memory()[1]
    return read, failed, early_peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        box = Path(folder) / "bounces.mbox"
        size = build_mbox(box, args.messages)
        start = time.perf_counter()
        read, failed, _ = run(box, 0)
        seconds = time.perf_counter() - start
        tracemalloc.start()
        _, _, early_peak = run(box, args.messages // 10)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"mbox: {read:,} messages, {size / 1024 / 1024:.1f} MiB, {failed} unreadable")
    print(f"rate: {read / seconds:,.0f} msg/s ({seconds:.1f} s)")
    print(f"peak memory (tracemalloc, a second pass): {early_peak / 1024 / 1024:.1f} MiB after 10 %, "
          f"{peak / 1024 / 1024:.1f} MiB at the end")


if __name__ == "__main__":
    main()
