"""checker.web, the entry point the in-page worker calls: one JSON text per request."""
from __future__ import annotations

import json

from checker.web import mask_addresses, page_json
from conftest import SHARED

CORPUS = SHARED / "corpus" / "bounces"


def test_bounce_view_carries_labels_and_failed_flag():
    view = json.loads(page_json("bounce", (CORPUS / "bsd/lhost-activehunter-01.eml").read_bytes()))
    assert view["ok"] is True
    [result] = view["recipients"]
    assert result["recipient"] == "kijitora@example.org"
    assert result["reason"] == "userunknown" and result["failed"] is True
    assert all(result[key] for key in ("reason_label", "retry_advice", "actor_label",
                                       "status_meaning", "replycode_meaning", "diagnostic"))


def test_auto_reply_is_not_a_failed_recipient():
    view = json.loads(page_json("bounce", (CORPUS / "bsd/rfc3834-01.eml").read_bytes()))
    assert view["kind_label"]
    assert [result["failed"] for result in view["recipients"]] == [False]


def test_unreadable_input_is_a_japanese_error_not_an_exception():
    view = json.loads(page_json("bounce", b""))
    assert view["ok"] is False
    assert any("\u3040" <= ch <= "\u30ff" for ch in view["error"])


def test_support_text_masks_every_address_but_keeps_domains():
    view = json.loads(page_json("bounce", (CORPUS / "bsd/lhost-activehunter-01.eml").read_bytes()))
    assert "kijitora@example.org" in view["support_text"]
    masked = view["support_text_masked"]
    assert "kijitora" not in masked and "***@example.org" in masked
    assert mask_addresses("to <a.b+c@example.jp>, d@example.com") == \
        "to <***@example.jp>, ***@example.com"


def test_support_text_masks_a_quoted_local_part_whole():
    # A local part that is no dot-atom is quoted (postfix-32: '"neko....nyaan...."@...').
    view = json.loads(page_json("bounce", (CORPUS / "bsd/lhost-postfix-32.eml").read_bytes()))
    assert '"neko....nyaan...."@libsisimai.org' in view["support_text"]
    masked = view["support_text_masked"]
    assert "neko" not in masked and "***@libsisimai.org" in masked
    assert mask_addresses('宛先: "taro."@docomo.ne.jp') == "宛先: ***@docomo.ne.jp"
    assert mask_addresses("宛先: hanako@例え.jp") == "宛先: ***@例え.jp"


def test_address_view_has_verdict_problems_and_suggestion():
    view = json.loads(page_json("address", "taro＠example.co.jp"))
    assert view["valid"] is False and view["verdict"]
    assert "fullwidth-at" in [problem["code"] for problem in view["problems"]]
    assert view["suggestion"] == "taro@example.co.jp"


def test_unknown_request_kind_is_answered_with_an_error():
    assert json.loads(page_json("other", "x"))["ok"] is False
