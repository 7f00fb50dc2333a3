"""Damaged real bounces (truncated, bytes flipped, line ends mixed, charsets wrong, base64
broken, nested 100 deep, NUL bytes, 10 MiB, very long lines and headers) get an answer in
bounded time. The bound is generous so that a busy machine does not fail the test; the
measured times are printed by benchmarks/bench_hostile.py.
"""
from __future__ import annotations

import json
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import BounceReport, UnreadableInput, analyze_bounce
from checker.bounce.present import notice_ja
from checker.web import page_json
from hostile_inputs import (
    HEAVY_MUTATIONS,
    LIGHT_MUTATIONS,
    MIB,
    corpus_messages,
    mutated,
    nested_deep,
)

SECONDS_PER_INPUT = 5.0
MESSAGES = corpus_messages()
message_indexes = st.integers(min_value=0, max_value=len(MESSAGES) - 1)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


def answered_in_bounded_time(data: bytes) -> BounceReport | None:
    """The report (None for a refusal), after checking that it came within the bound."""
    started = time.perf_counter()
    try:
        report = analyze_bounce(data)
    except UnreadableInput as exc:
        assert not exc.message_ja.isascii()
        report = None
    else:
        json.dumps(report.to_json())
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_INPUT, f"{len(data)} bytes took {elapsed:.2f} s"
    return report


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(LIGHT_MUTATIONS), index=message_indexes, seed=seeds)
def test_damaged_bounces_get_an_answer(kind, index, seed):
    answered_in_bounded_time(mutated(kind, MESSAGES[index][1], seed))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(kind=st.sampled_from(HEAVY_MUTATIONS), index=message_indexes, seed=seeds)
def test_huge_bounces_get_an_answer(kind, index, seed):
    answered_in_bounded_time(mutated(kind, MESSAGES[index][1], seed))


@pytest.mark.parametrize("seed", range(4))
def test_message_nested_100_deep_still_names_its_recipient(seed):
    name, data = MESSAGES[0]
    plain = analyze_bounce(data)
    report = answered_in_bounded_time(nested_deep(data, random.Random(seed)))
    assert report is not None, name
    # Deep parts are not opened; whatever is found, the answer says what was left out or
    # still finds the failed recipient.
    found = {r.recipient for r in report.results}
    assert report.notices or found >= {r.recipient for r in plain.results}


def test_ten_mib_paste_is_cut_and_the_page_says_so():
    name, data = MESSAGES[0]
    huge = (data + b"\n") * (10 * MIB // len(data) + 1)
    report = answered_in_bounded_time(huge)
    assert report is not None, name
    assert any("MiB" in notice and "最初" in notice for notice in map(notice_ja, report.notices)), report.notices
    view = json.loads(page_json("bounce", huge.decode("latin-1")))
    assert any("最初" in notice for notice in view["notices"])
