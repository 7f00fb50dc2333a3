"""How right the bounce judgement is: prints figures, asserts nothing (the tests hold floors).

    .venv/bin/python benchmarks/score_judgement.py [--no-disagreements]

For the shared corpus (the development set): reason, recipient and status overall and per
family, the human-readable part alone and with the delivery report, and every disagreement
with its label, each with the row of the rule table that decided it and that row's source.
For the validation set (../shared/corpus/bounces-extra): the same figures per source, but
no list of its messages: it is scored, never read to write rules.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "checker")]

from bounce_corpus import (  # noqa: E402
    CORPUS,
    VALIDATION,
    Scored,
    corpus_available,
    expected_reason,
    fragment_text,
    labelled_cases,
    message_bytes,
    score,
)
from checker.bounce import analyze as analyze_module  # noqa: E402
from checker.bounce.analyze import analyze_bounce  # noqa: E402
from checker.bounce.judge import Evidence, deciding_rule  # noqa: E402
from checker.errors import UnreadableInput  # noqa: E402


def share(values: list[bool | None]) -> str:
    counted = [value for value in values if value is not None]
    if not counted:
        return "-"
    return f"{sum(counted)}/{len(counted)} ({100 * sum(counted) / len(counted):.1f}%)"


def print_table(title: str, scored: list[Scored], group) -> None:
    groups: dict[str, list[Scored]] = defaultdict(list)
    for item in scored:
        groups[group(item)].append(item)
    print(f"\n{title}")
    print(f"  {'':28s} {'files':>5s}  {'reason':>16s}  {'recipient':>16s}  {'status':>16s}")
    for name in sorted(groups) + ["ALL"]:
        members = scored if name == "ALL" else groups[name]
        print(f"  {name[:28]:28s} {len(members):5d}  {share([s.got == s.expected for s in members]):>16s}"
              f"  {share([s.recipient_right for s in members]):>16s}  {share([s.status_right for s in members]):>16s}")


def fragments(folder: Path) -> str:
    shares = []
    for with_report in (False, True):
        right = 0
        cases = labelled_cases(folder)
        for case in cases:
            try:
                results = analyze_bounce(fragment_text(message_bytes(case), with_report=with_report)).results
            except UnreadableInput:
                continue
            right += bool(results) and results[0].reason == expected_reason(case)
        shares.append(f"{right}/{len(cases)} ({100 * right / len(cases):.1f}%)")
    return f"human-readable part alone {shares[0]}, with the delivery report {shares[1]}"


def deciding_rows(data: bytes) -> list[str]:
    """The source of the row that decided each recipient (the judge is asked again, as is)."""
    seen: list[Evidence] = []
    judge = analyze_module.judge

    def recording(evidence: Evidence) -> str:
        seen.append(evidence)
        return judge(evidence)

    analyze_module.judge = recording
    try:
        analyze_bounce(data)
    finally:
        analyze_module.judge = judge
    rows = []
    for evidence in seen:
        rule = deciding_rule(evidence)
        rows.append(f"{rule.reason} by {rule.words[:50] or ','.join(rule.statuses + rule.replies) or 'a condition'}"
                    f" [{rule.source[:70]}]" if rule else "no row")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-disagreements", action="store_true", help="figures only")
    args = parser.parse_args()
    if not corpus_available():
        sys.exit(f"no corpus at {CORPUS}")
    corpus = [score(case, analyze_bounce(message_bytes(case)).results) for case in labelled_cases()]
    print_table("Shared corpus, per family", corpus, lambda item: item.family)
    print(f"  fragments: {fragments(CORPUS)}")
    if corpus_available(VALIDATION):
        validation = [score(case, analyze_bounce(message_bytes(case)).results) for case in labelled_cases(VALIDATION)]
        print_table("Validation set, per source", validation, lambda item: item.family.split(":", 1)[0])
        print(f"  fragments: {fragments(VALIDATION)}")
    if args.no_disagreements:
        return
    print("\nDisagreements with the shared corpus's labels (label -> ours: the deciding row)")
    cases = {case["file"]: case for case in labelled_cases()}
    for item in corpus:
        if item.got != item.expected:
            rows = deciding_rows(message_bytes(cases[item.file]))
            print(f"  {item.file}: {item.expected} -> {item.got or '(none)'}: {rows[0] if rows else 'no result'}")


if __name__ == "__main__":
    main()
