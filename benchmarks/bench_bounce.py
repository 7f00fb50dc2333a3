"""Speed of the bounce engine: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_bounce.py [--profile]

Figures: messages per second over the corpus (in-process, after a warm-up pass), the
slowest single message, a 1 MiB input and a 10 MiB input, adversarial 1 MiB inputs for
the regular expressions, the import time of `checker` (in a fresh interpreter), and the
rate of one command-line run over every corpus file, start-up included (as the shared
scorer runs it, and as Sisimai's rate is measured).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "bounces" / "bsd"

from checker.bounce import analyze_bounce  # noqa: E402
from checker.errors import UnreadableInput  # noqa: E402


def corpus_messages() -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(CORPUS.glob("*.eml"))]


def timed(data: bytes) -> float:
    start = time.perf_counter()
    try:
        analyze_bounce(data)
    except UnreadableInput:
        pass  # nothing to read is an answer too; the time is what counts here
    return time.perf_counter() - start


def throughput(messages: list[tuple[str, bytes]], rounds: int = 7) -> tuple[float, str, float]:
    """Messages per second from each message's best time over several rounds: the machine
    is shared, and the best time is the engine's own cost without other processes' noise."""
    for _, data in messages:
        analyze_bounce(data)  # warm-up: lazy imports, regex compilation
    best = [float("inf")] * len(messages)
    for _ in range(rounds):
        for index, (_, data) in enumerate(messages):
            best[index] = min(best[index], timed(data))
    slowest = max(range(len(messages)), key=best.__getitem__)
    return len(messages) / sum(best), messages[slowest][0], best[slowest]


def big_inputs(messages: list[tuple[str, bytes]]) -> dict[str, bytes]:
    mib = 1024 * 1024
    # A paste: the bodies of all corpus messages one after another, no headers on top.
    bodies = b"\n".join(data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[-1] for _, data in messages)
    paste = (bodies * (10 * mib // len(bodies) + 1))
    return {
        "1 MiB paste (corpus bodies, no headers)": paste[:mib],
        "10 MiB paste (corpus bodies, no headers)": paste[:10 * mib],
        "1 MiB one line of 'a'": b"a" * mib,
        "1 MiB of '@' and dots": (b"a@" + b"a." * 64) * (mib // 130),
        "1 MiB of digits and dots": b"5.5.5 550 " * (mib // 10),
        "1 MiB of '<' and '='": b"<=?" * (mib // 3),
        "1 MiB of spaces and tabs": b" \t" * (mib // 2),
        "1 MiB of header-like lines": b"X-A: b\n" * (mib // 7),
        "1 MiB of '> ' quote marks": b"> " * (mib // 2),
        "1 MiB of '--' boundary-like lines": b"--b\nContent-Type: text/plain\n\n" * (mib // 31),
    }


def import_time(cached: bool) -> float:
    """Best of 5 fresh interpreters. With `cached`, byte-code is written to (and read from) a
    temporary cache, as in a normal installation; without it every module is compiled from
    source, as in this environment (PYTHONDONTWRITEBYTECODE=1)."""
    code = "import time; t = time.perf_counter(); import checker; print(time.perf_counter() - t)"
    with tempfile.TemporaryDirectory() as cache:
        env = _environment(cache if cached else None)
        runs = [float(subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                                     text=True, check=True).stdout) for _ in range(6)]
    return min(runs[1:] if cached else runs)


def one_process_rates(rounds: int = 9) -> tuple[float, float]:
    """Messages per second of `python -m checker bounce --json` over every corpus file in
    one fresh process, start-up included, byte-code cached: the median and the best run."""
    command = [sys.executable, "-m", "checker", "bounce", "--json", *map(str, sorted(CORPUS.glob("*.eml")))]
    count = len(command) - 5
    with tempfile.TemporaryDirectory() as cache:
        env = _environment(cache)
        seconds = []
        for _ in range(rounds + 1):  # the first run writes the byte-code cache
            start = time.perf_counter()
            subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, check=True)
            seconds.append(time.perf_counter() - start)
    seconds = sorted(seconds[1:])
    return count / seconds[len(seconds) // 2], count / seconds[0]


def _environment(bytecode_cache: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode_cache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def main() -> None:
    messages = corpus_messages()
    if "--profile" in sys.argv:
        import cProfile
        import pstats
        cProfile.runctx("for _, d in messages: analyze_bounce(d)", globals(), {"messages": messages}, "/tmp/bounce.prof")
        pstats.Stats("/tmp/bounce.prof").sort_stats("tottime").print_stats(20)
        return
    rate, slowest_name, slowest = throughput(messages)
    print(f"corpus: {len(messages)} messages, {rate:,.0f} msg/s (sum of per-message best of 7, in-process)")
    print(f"slowest message: {slowest * 1000:.1f} ms ({slowest_name})")
    for label, data in big_inputs(messages).items():
        print(f"{label}: {timed(data) * 1000:.0f} ms")
    print(f"import checker: {import_time(cached=True) * 1000:.1f} ms with byte-code cache, "
          f"{import_time(cached=False) * 1000:.1f} ms compiling from source (best of 5, fresh interpreter)")
    median, best = one_process_rates()
    print(f"one command-line run over the corpus, start-up included: {median:,.0f} msg/s median, "
          f"{best:,.0f} best of 9")


if __name__ == "__main__":
    main()
