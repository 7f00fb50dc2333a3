"""The rule table itself (checker/bounce/rules.py): every row has a source and can decide,
none is a copy or in the shadow of another, and none matches ordinary prose."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.bounce import stages
from checker.bounce.freetext import first_replycode, first_status
from checker.bounce.judge import Evidence, deciding_rule, prepare
from checker.bounce.reasons import REASON_TRAITS
from checker.bounce.rules import (
    CODE_RULES,
    FALLBACK_RULES,
    NOTICE,
    NOTICE_ROWS,
    RESTATEMENTS,
    RULES,
    RULES_BY_PRECEDENCE,
    Rule,
)
from checker.bounce.stages import STAGE_WORDING

PROSE = [line for line in (Path(__file__).parent / "data" / "ordinary_prose.txt").read_text("utf-8").splitlines()
         if line.strip() and not line.startswith("#")]
WORDED = [rule for rule in RULES if rule.pattern is not None]


def _name(rule: Rule) -> str:
    return f"{rule.reason}:{(rule.words or ','.join(rule.statuses + rule.replies + rule.actions))[:40]}"


def _status_for(wanted: str) -> str:
    """A status code that the row's 'x.7.1' or 'x.6' (any detail) condition accepts."""
    code = "5." + wanted.removeprefix("x.")
    return code if code.count(".") == 2 else code + ".99"


def _stage_for(rule: Rule) -> str:
    if rule.stages is None or stages.UNKNOWN in rule.stages:
        return stages.UNKNOWN
    return sorted(rule.stages)[0]


@pytest.mark.parametrize("rule", RULES, ids=_name)
def test_every_row_has_a_source_and_a_known_reason(rule):
    assert rule.source.strip()
    assert rule.reason in REASON_TRAITS
    assert (rule.pattern is not None or rule.statuses or rule.replies or rule.stages or rule.actions
            or rule.diagnostic_types or rule.categories)


def test_no_two_rows_are_the_same():
    keys = [(r.reason, r.words, r.scope, r.stages, r.statuses, r.replies, r.actions, r.diagnostic_types, r.categories)
            for r in RULES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("rule", WORDED, ids=_name)
def test_each_worded_row_decides_its_own_example(rule):
    """The example's words match the row, and no row of higher (or equal, earlier)
    precedence takes them: the row can match and is not shadowed."""
    assert rule.example, "a worded row needs an example"
    evidence = Evidence(answer=rule.example, stage=_stage_for(rule), action=rule.actions[0] if rule.actions else "failed")
    assert deciding_rule(evidence) is rule


@pytest.mark.parametrize("rule", [r for r in WORDED if first_status(r.example) or first_replycode(r.example)], ids=_name)
def test_each_example_keeps_its_reason_with_its_own_codes(rule):
    evidence = Evidence(answer=rule.example, status=first_status(rule.example), replycode=first_replycode(rule.example),
                        stage=_stage_for(rule), action=rule.actions[0] if rule.actions else "failed")
    assert deciding_rule(evidence).reason == rule.reason


@pytest.mark.parametrize("rule", [r for r in WORDED if r.scope == NOTICE], ids=_name)
def test_notice_rows_also_decide_from_the_notice(rule):
    evidence = Evidence(answer="550 Requested action not taken", notice=rule.example, stage=_stage_for(rule),
                        action=rule.actions[0] if rule.actions else "failed")
    assert deciding_rule(evidence).reason == rule.reason


@pytest.mark.parametrize("rule", [r for r in CODE_RULES if r.pattern is None], ids=_name)
def test_each_code_row_decides_its_code_alone(rule):
    status = _status_for(rule.statuses[0]) if rule.statuses else ""
    replycode = rule.replies[0] if rule.replies else ""
    category = rule.categories[0] if rule.categories else ""
    assert deciding_rule(Evidence(status=status, replycode=replycode, category=category, action="failed")) is rule


@pytest.mark.parametrize("rule", FALLBACK_RULES, ids=_name)
def test_each_fallback_row_decides_when_nothing_else_does(rule):
    evidence = Evidence(stage=_stage_for(rule), action=rule.actions[0] if rule.actions else "failed",
                        status=_status_for(rule.statuses[0]) if rule.statuses else "",
                        replycode="554" if rule.replies else "",
                        diagnostic_type=rule.diagnostic_types[0] if rule.diagnostic_types else "")
    assert deciding_rule(evidence) is rule


@pytest.mark.parametrize("rule", WORDED, ids=_name)
def test_no_row_matches_ordinary_prose(rule):
    hits = [line for line in PROSE if rule.pattern.search(prepare(line))]
    assert not hits, hits


def test_the_prose_sample_holds_the_words_that_once_misled_the_judge():
    # Single common words and short phrases that earlier phrase lists matched anywhere.
    text = " ".join(PROSE).lower()
    for word in ("quota", "score", "security", "filter", "expired", "dns", "moved to", "has exceeded", "is disabled",
                 "policy", "reputation", "too large", "recipient"):
        assert word in text, word


@pytest.mark.parametrize("restatement", RESTATEMENTS, ids=lambda r: f"{r.reason}->{r.becomes}")
def test_restatements_name_known_reasons_and_their_source(restatement):
    assert restatement.source.strip() and restatement.reason in REASON_TRAITS and restatement.becomes in REASON_TRAITS


@pytest.mark.parametrize("row", STAGE_WORDING, ids=lambda row: row.words[:40])
def test_every_stage_wording_has_a_source(row):
    assert row.source.strip() and row.stage in (stages.CONNECT, stages.HELO, stages.STARTTLS, stages.AUTH, stages.MAIL,
                                                  stages.RCPT, stages.DATA)


@pytest.mark.parametrize("words, lead", [
    ("in reply to (?:the )?rcpt to command", "in reply to "),
    (r"\[rcpt_to\]", "[rcpt_to]"),
    ("rcpt(?: to)? command", "rcpt"),
    ("abc?d", "ab"),            # a quantified character may be absent
    ("ab{2}", "a"),
    (r"a\bc", "a"),            # an escape that is no literal ends the lead
    ("(?:x|y)z", ""),
])
def test_the_literal_lead_of_a_stage_pattern(words, lead):
    # The stage search skips a row whose lead is not in the text: the lead must be exactly
    # what every match starts with.
    assert stages._literal_lead(words) == lead


@pytest.mark.parametrize("row", STAGE_WORDING, ids=lambda row: row.words[:40])
def test_every_stage_wording_has_a_lead_to_skip_by(row):
    assert row.lead and row.words.replace("\\", "").startswith(row.lead)


@pytest.mark.parametrize("rule", [r for r in RULES if r.pattern is not None], ids=_name)
def test_a_search_without_an_index_finds_what_the_pattern_finds(rule):
    # searched_in tries the pattern only where one of its starts is: they must be every
    # start a match can have, also where a word merely ends so.
    example = prepare(rule.example)
    texts = [example, "x" + example, "x" + example + " " + example, "1 " + example[1:], *map(prepare, PROSE[:40])]
    assert [rule.searched_in(text) for text in texts] == [bool(rule.pattern.search(text)) for text in texts]


@pytest.mark.parametrize("rule", WORDED, ids=_name)
def test_every_worded_row_is_found_by_its_starts(rule):
    # Rows whose first three characters cannot be listed (a class, '\\d', an optional word
    # of two letters) are searched at every position of every text: write them so they can.
    assert rule.starts, f"starts of {rule.words[:60]!r} cannot be listed"


@pytest.mark.parametrize("rule", [r for r in RULES if r.pattern is not None], ids=_name)
def test_a_row_compiled_from_its_parse_is_the_pattern_it_writes_out(rule):
    # The table compiles each row from the parse it also reads the starts from; the result
    # must be what re.compile makes of the row's regex (which the regex guard times).
    written = re.compile(rule.regex)
    texts = [prepare(rule.example), "x" + prepare(rule.example), *map(prepare, PROSE[:40])]
    assert rule.pattern.flags == written.flags
    assert [_span(rule.pattern, text) for text in texts] == [_span(written, text) for text in texts]


def _span(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    found = pattern.search(text)
    return found.span() if found else None


def test_the_tables_the_judge_walks_are_in_the_order_their_rows_rank():
    # The judge stops at the first row that cannot beat the best so far: no later row may rank higher.
    places = [(rule.precedence, -place) for place, rule in enumerate(RULES_BY_PRECEDENCE)]
    assert places == sorted(places, reverse=True)
    notice = [(counted, -place) for _, counted, place in NOTICE_ROWS]
    assert notice == sorted(notice, reverse=True) and len(set(notice)) == len(notice)
