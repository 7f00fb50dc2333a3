"""Hostile and broken input in CPython and in Pyodide: cases tried per kind, the slowest
input of each kind and its time in both, and the Pyodide / CPython speed ratio over the
bounce corpus. Also counts answers that differ between the two (the parity test's subject).

    .venv/bin/python benchmarks/bench_hostile.py [--seeds N] [--heavy-seeds N]

Times are for the entry point alone (`analyze_bounce` / `check_address`), measured inside
each runtime; both run the wheel the site publishes, Pyodide under Node, booted once.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "tests"), str(REPO_ROOT / "tests" / "pyodide")]

from hostile_inputs import HEAVY_MUTATIONS, MUTATIONS, corpus_messages, mutated  # noqa: E402
from node_runner import Run, bytes_case, missing_runtime, text_case  # noqa: E402
from test_parity import ADDRESSES, HOSTILE_PASTES  # noqa: E402

WARM_UP = "warm-up"


def build_cases(seeds: int, heavy_seeds: int) -> list[dict]:
    messages = corpus_messages()
    # A first pass over the corpus lets both runtimes import and compile what they need lazily.
    cases = [dict(bytes_case(f"warm-up:{name}", "bounce", data), group=WARM_UP) for name, data in messages]
    cases += [dict(bytes_case(f"corpus:{name}", "bounce", data), group="corpus") for name, data in messages]
    for kind in MUTATIONS:
        for seed in range(heavy_seeds if kind in HEAVY_MUTATIONS else seeds):
            name, data = messages[(seed * 7919) % len(messages)]
            cases.append(dict(bytes_case(f"{kind}:{seed}:{name}", "bounce", mutated(kind, data, seed)),
                              group=kind))
    cases += [dict(text_case(f"hostile-paste:{i}", "bounce", text), group="hostile-paste")
              for i, text in enumerate(HOSTILE_PASTES)]
    cases += [dict(text_case(f"address:{i}", "address", text), group="address")
              for i, text in enumerate(ADDRESSES)]
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20, help="inputs per light mutation (default 20)")
    parser.add_argument("--heavy-seeds", type=int, default=3, help="inputs per multi-MiB mutation (default 3)")
    args = parser.parse_args()

    cases = build_cases(args.seeds, args.heavy_seeds)
    groups = {case["id"]: case.pop("group") for case in cases}

    with tempfile.TemporaryDirectory() as directory:
        run = Run(cases, Path(directory))
        started = time.perf_counter()
        in_cpython = run.in_cpython(timeout=3600)
        print(f"CPython {sys.version.split()[0]}: {len(cases)} cases in "
              f"{time.perf_counter() - started:.1f} s, start included")
        reason = missing_runtime()
        if reason:
            print(f"Pyodide skipped: {reason}")
            in_pyodide = {}
        else:
            started = time.perf_counter()
            in_pyodide = run.in_pyodide(timeout=3600)
            print(f"Pyodide (Node): {len(cases)} cases in {time.perf_counter() - started:.1f} s, "
                  "boot included")

    print()
    print(f"{'kind':<16}{'cases':>6}  {'slowest in CPython':<44}{'CPython':>10}{'Pyodide':>10}"
          f"{'max Pyodide':>13}")
    by_group = defaultdict(list)
    for case_id, group in groups.items():
        if group != WARM_UP:
            by_group[group].append(case_id)
    for group, ids in by_group.items():
        slowest = max(ids, key=lambda case_id: in_cpython[case_id]["seconds"])
        pyodide_time = _ms(in_pyodide.get(slowest, {}).get("seconds"))
        pyodide_max = _ms(max((in_pyodide[i]["seconds"] for i in ids if i in in_pyodide), default=None))
        print(f"{group:<16}{len(ids):>6}  {slowest[:42]:<44}{_ms(in_cpython[slowest]['seconds']):>10}"
              f"{pyodide_time:>10}{pyodide_max:>13}")

    measured = [i for ids in by_group.values() for i in ids]
    slowest = max(measured, key=lambda case_id: in_cpython[case_id]["seconds"])
    print(f"\nslowest input: {slowest} ({groups[slowest]}): CPython "
          f"{_ms(in_cpython[slowest]['seconds'])}, Pyodide {_ms(in_pyodide.get(slowest, {}).get('seconds'))}")

    if in_pyodide:
        corpus = by_group["corpus"]
        total_cpython = sum(in_cpython[i]["seconds"] for i in corpus)
        total_pyodide = sum(in_pyodide[i]["seconds"] for i in corpus)
        ratios = [in_pyodide[i]["seconds"] / in_cpython[i]["seconds"] for i in corpus if in_cpython[i]["seconds"]]
        print(f"corpus ({len(corpus)} messages): CPython {total_cpython * 1000:.0f} ms, "
              f"Pyodide {total_pyodide * 1000:.0f} ms, ratio {total_pyodide / total_cpython:.2f}x "
              f"(median per message {statistics.median(ratios):.2f}x)")
        differing = [i for i in measured if in_cpython[i]["answer"] != in_pyodide[i]["answer"]]
        print(f"answers that differ between CPython and Pyodide: {len(differing)}"
              + (f" ({', '.join(differing[:5])})" if differing else ""))
    return 0


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    sys.exit(main())
