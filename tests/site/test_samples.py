"""The sample bounces in the guide (「エラーメールの例」 blocks) and the check the build runs on
them (hooks/samples.py): on the real pages, and on small documents that break the rules,
rendered with the site's own Markdown settings."""
from __future__ import annotations

import re
import sys
import textwrap
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT))
from hooks import samples as samples_hook
from hooks.samples import find_samples, sample_problems

STEP_2_2 = REPO_ROOT / "docs" / "step-2-2.md"

MAILBOX_FULL = """\
Subject: Undelivered Mail Returned to Sender

<kato@example.net>: host mx.example.net[198.51.100.33] said:
    552 5.2.2 <kato@example.net>: Mailbox full, quota exceeded
    (in reply to RCPT TO command)
"""
USER_UNKNOWN = """\
Subject: Undelivered Mail Returned to Sender

<yamada@example.jp>: host mx.example.jp[192.0.2.25] said:
    550 5.1.1 <yamada@example.jp>: Recipient address rejected: User unknown
    (in reply to RCPT TO command)
"""
NOT_A_BOUNCE = "いつもお世話になっております。\n明日の会議は10時からです。\n"


@pytest.fixture(scope="module")
def render():
    """Markdown to HTML exactly as the site's pages are rendered (same extensions)."""
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))

    def to_html(text: str) -> str:
        converter = markdown.Markdown(extensions=config["markdown_extensions"],
                                      extension_configs=config["mdx_configs"])
        return converter.convert(textwrap.dedent(text))
    return to_html


def example(text: str, title: str = "エラーメールの例", kind: str = "???") -> str:
    body = textwrap.indent(text, "    ")
    return f'{kind} example "{title}"\n    ```text\n{body}    ```\n'


def document(*parts: str) -> str:
    return "\n".join(parts)


# ---- the real guide ----

def test_every_sample_in_the_built_guide_goes_to_its_own_section(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    problems = {str(page.relative_to(built_site)): sample_problems(page.read_text(encoding="utf-8"))
                for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def test_every_sample_block_of_step_2_2_is_found_and_every_bounce_section_has_one(built_site):
    page = find_samples((built_site / "step-2-2" / "index.html").read_text(encoding="utf-8"))
    written = len(re.findall(r'^\s*\?\?\?\+? example "エラーメールの例[^"]*"', STEP_2_2.read_text(encoding="utf-8"),
                             flags=re.MULTILINE))
    assert len(page.samples) == written >= len(page.sections)
    without = [section.id for section in page.sections
               if not any(sample.section == section for sample in page.samples)]
    assert without == [], f"bounce sections on Step 2-2 without a sample: {without}"
    assert all(sample.text.strip() and sample.code_blocks == 1 for sample in page.samples)


def test_samples_use_documentation_addresses_only():
    text = STEP_2_2.read_text(encoding="utf-8")
    blocks = re.findall(r'\?\?\? example "エラーメールの例[^"]*"\n    ```text\n(.*?)\n    ```', text, flags=re.DOTALL)
    assert blocks
    for block in blocks:
        for domain in re.findall(r"@([\w.-]+)", block):
            assert re.search(r"(^|\.)example\.(jp|com|net)$", domain), (domain, block[:60])
        for ip in re.findall(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", block):
            assert ip.startswith(("192.0.2.", "198.51.100.", "203.0.113.")), ip


# ---- the check on documents that break the rules ----

def test_a_sample_in_the_wrong_section_names_the_page_the_sample_and_both_sections(render):
    html = render(document(
        '## 宛先のアドレスが見つからない場合 { #user-unknown data-reasons="userunknown" }',
        "説明です。",
        example(MAILBOX_FULL),
        '## 相手のメールボックスがいっぱいの場合 { #mailbox-full data-reasons="mailboxfull" }',
        "説明です。",
    ))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="wrong.md"))
    with pytest.raises(PluginError) as raised:
        samples_hook.on_page_content(html, page, config={}, files=None)
    message = str(raised.value)
    assert "wrong.md" in message
    assert "1番目の例「Subject: Undelivered Mail Returned to Sender」" in message
    assert "#user-unknown（宛先のアドレスが見つからない場合）" in message
    assert "#mailbox-full（相手のメールボックスがいっぱいの場合）" in message
    assert "mailboxfull" in message and "kato@example.net" in message


def test_a_sample_in_its_own_section_passes_and_the_hook_leaves_the_page_alone(render):
    html = render(document(
        '## 宛先 { #user-unknown data-reasons="userunknown hasmoved" }',
        example(USER_UNKNOWN),
        '## 容量 { #mailbox-full data-reasons="mailboxfull" }',
        example(MAILBOX_FULL),
    ))
    assert sample_problems(html) == []
    page = SimpleNamespace(file=SimpleNamespace(src_uri="right.md"))
    assert samples_hook.on_page_content(html, page, config={}, files=None) == html


def test_a_section_runs_until_the_next_heading_of_the_same_or_a_higher_level(render):
    html = render(document(
        '## 宛先 { #user-unknown data-reasons="userunknown" }',
        "### 補足",
        example(USER_UNKNOWN),
        '## 容量 { #mailbox-full data-reasons="mailboxfull" }',
        '#### もっと細かい見出し',
        example(MAILBOX_FULL),
        "## その他のお知らせ",
        example(USER_UNKNOWN),
    ))
    page = find_samples(html)
    assert [sample.section and sample.section.id for sample in page.samples] == [
        "user-unknown", "mailbox-full", None]
    problems = sample_problems(html)
    assert len(problems) == 1
    assert problems[0].startswith("3番目の例") and "data-reasons のある見出し" in problems[0]


def test_a_sample_the_checker_finds_no_failure_in_is_reported(render):
    html = render(document('## 宛先 { #user-unknown data-reasons="userunknown" }', example(NOT_A_BOUNCE)))
    [problem] = sample_problems(html)
    assert "#user-unknown" in problem and "届かなかった宛先を見つけられませんでした" in problem


def test_a_reason_no_section_claims_is_reported(render):
    html = render(document('## 宛先 { #user-unknown data-reasons="userunknown" }', example(MAILBOX_FULL)))
    [problem] = sample_problems(html)
    assert "mailboxfull" in problem and "受け持つ項目がこのページにありません" in problem


def test_open_blocks_admonitions_and_longer_titles_are_samples_other_examples_are_not(render):
    html = render(document(
        '## 宛先 { #user-unknown data-reasons="userunknown" }',
        example(USER_UNKNOWN, kind="???+"),
        example(USER_UNKNOWN, kind="!!!"),
        example(USER_UNKNOWN, title="エラーメールの例（Postfix）"),
        example(MAILBOX_FULL, title="設定ファイルの例"),
    ))
    page = find_samples(html)
    assert [sample.text for sample in page.samples] == [USER_UNKNOWN] * 3
    assert sample_problems(html) == []


def test_a_sample_block_without_exactly_one_code_block_is_reported(render):
    two = ('??? example "エラーメールの例"\n    ```text\n    one\n    ```\n\n'
           '    ```text\n    two\n    ```\n')
    html = render(document('## 宛先 { #user-unknown data-reasons="userunknown" }', two))
    [problem] = sample_problems(html)
    assert "ちょうど1つ" in problem and "2個" in problem
