"""MkDocs hook: every sample bounce in the guide must be sent by the checker to the section
it illustrates.

Writers put sample bounces next to their guidance as collapsible example blocks titled
「エラーメールの例」 (`??? example "エラーメールの例"` holding a ```text block). A bounce section is
a heading that names the reasons it answers (`data-reasons="..."`); it runs until the next
heading of the same or a higher level. For each sample the checker is run on its text and
the reason of its first failed recipient must be one of its own section's reasons.

The rendered HTML is read rather than the Markdown: it is what customers and the in-page
widget (which offers these same samples through 「サンプルを試す」) see, and admonition,
details and attribute syntax are already resolved in it. The tests call `sample_problems`
too, so the build and the tests share one check.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from checker.bounce import analyze_bounce  # noqa: E402  (needs the repo root on sys.path)
from checker.bounce.reasons import REPORTABLE_REASONS, guide_keys  # noqa: E402
from checker.errors import UnreadableInput  # noqa: E402

SAMPLE_TITLE = "エラーメールの例"
_HEADING = re.compile(r"h([1-6])")
# Elements that never get an end tag, so they must not be kept on the open-element stack.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


@dataclass(frozen=True)
class Section:
    """A heading and the reasons it claims (none: not a bounce section)."""

    id: str
    title: str
    level: int
    reasons: tuple[str, ...]

    def describe(self) -> str:
        return f"#{self.id}（{self.title}）"


@dataclass(frozen=True)
class Sample:
    """One 「エラーメールの例」 block: its text and the bounce section it sits in."""

    number: int  # 1-based, in page order
    text: str
    section: Section | None
    code_blocks: int

    def describe(self) -> str:
        first_line = next((line.strip() for line in self.text.splitlines() if line.strip()), "")
        return f"{self.number}番目の例「{first_line[:60]}」"


@dataclass
class PageSamples:
    sections: list[Section] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)

    def section_for(self, reason: str) -> Section | None:
        return next((section for section in self.sections if reason in section.reasons), None)

    def section_for_keys(self, keys: tuple[str, ...]) -> Section | None:
        """The section of the first key any section claims (guide_keys: a state, then the reason)."""
        return next((found for key in keys if (found := self.section_for(key))), None)


@dataclass
class _OpenBlock:
    depth: int  # open-element depth at which the block's own element sits
    title: str = ""
    texts: list[str] = field(default_factory=list)


class _SampleFinder(HTMLParser):
    """Walks the page once, keeping the headings above the current point and the open
    example block, if any."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = PageSamples()
        self._open: list[str] = []
        self._headings: list[Section] = []
        self._heading: dict | None = None  # the heading being read
        self._skip_depth: int | None = None  # inside a heading's permalink
        self._block: _OpenBlock | None = None
        self._title_depth: int | None = None
        self._pre_depth: int | None = None

    # -- structure --

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        level = _HEADING.fullmatch(tag)
        if level:
            self._heading = {"id": found.get("id") or "", "level": int(level.group(1)),
                             "reasons": tuple((found.get("data-reasons") or "").split()),
                             "text": []}
        elif self._heading is not None and tag == "a" and "headerlink" in classes:
            self._skip_depth = len(self._open)
        elif self._block is None and _is_example(tag, classes):
            self._block = _OpenBlock(depth=len(self._open))
        elif self._block is not None and self._is_block_title(tag, classes):
            self._title_depth = len(self._open)
        elif self._block is not None and tag == "pre" and self._pre_depth is None:
            self._pre_depth = len(self._open)
            self._block.texts.append("")
        if tag not in _VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _VOID or tag not in self._open:
            return
        while self._open:
            closed = self._open.pop()
            self._closed(closed, len(self._open))
            if closed == tag:
                break

    def _closed(self, tag, depth):
        if depth == self._skip_depth:
            self._skip_depth = None
        elif _HEADING.fullmatch(tag) and self._heading is not None:
            self._end_heading()
        elif depth == self._title_depth:
            self._title_depth = None
        elif depth == self._pre_depth:
            self._pre_depth = None
        elif self._block is not None and depth == self._block.depth:
            self._end_block()

    def handle_data(self, data):
        if self._heading is not None and self._skip_depth is None:
            self._heading["text"].append(data)
        elif self._title_depth is not None:
            self._block.title += data
        elif self._pre_depth is not None:
            self._block.texts[-1] += data

    # -- what is collected --

    def _is_block_title(self, tag, classes) -> bool:
        at_top = self._block is not None and len(self._open) == self._block.depth + 1
        return at_top and (tag == "summary" or (tag == "p" and "admonition-title" in classes))

    def _end_heading(self):
        heading = self._heading
        self._heading = None
        section = Section(id=heading["id"], title="".join(heading["text"]).strip(),
                          level=heading["level"], reasons=heading["reasons"])
        while self._headings and self._headings[-1].level >= section.level:
            self._headings.pop()
        self._headings.append(section)
        if section.reasons:
            self.found.sections.append(section)

    def _end_block(self):
        block = self._block
        self._block = None
        if not block.title.strip().startswith(SAMPLE_TITLE):
            return
        enclosing = next((section for section in reversed(self._headings) if section.reasons), None)
        self.found.samples.append(Sample(
            number=len(self.found.samples) + 1,
            text=block.texts[0] if block.texts else "",
            section=enclosing,
            code_blocks=len(block.texts),
        ))


def _is_example(tag: str, classes: list[str]) -> bool:
    # `??? example` renders as <details class="example">, `!!! example` as a div.
    return "example" in classes and (tag == "details" or (tag == "div" and "admonition" in classes))


def find_samples(html: str) -> PageSamples:
    """The bounce sections of a rendered page and the sample blocks in it, in page order."""
    finder = _SampleFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def sample_problems(html: str) -> list[str]:
    """One line per sample that the checker does not send to its own section."""
    page = find_samples(html)
    return [problem for sample in page.samples if (problem := _problem(page, sample))]


def _problem(page: PageSamples, sample: Sample) -> str:
    where = sample.describe()
    if sample.section is None:
        return (f"{where}: エラーの項目（data-reasons のある見出し）の中にありません。"
                "例が説明している項目の見出しの下へ移してください。")
    here = sample.section.describe()
    if sample.code_blocks != 1:
        return (f"{where}（{here}）: 例の中には ```text のコードブロックをちょうど1つ入れてください"
                f"（{sample.code_blocks}個あります）。")
    try:
        report = analyze_bounce(sample.text)
    except UnreadableInput as exc:
        return f"{where}（{here}）: チェッカーが読めませんでした: {exc.message_ja}"
    failed = next((result for result in report.results if result.reason in REPORTABLE_REASONS), None)
    if failed is None:
        return (f"{where}（{here}）: チェッカーは届かなかった宛先を見つけられませんでした。"
                "エラーメールの本文（相手のサーバーの応答を含む部分）を入れてください。")
    owner = page.section_for_keys(guide_keys(failed.reason, failed.action))
    if owner is sample.section:
        return ""
    state = "（配送待ち）" if failed.action == "delayed" else ""
    verdict = f"理由名 {failed.reason}{state}、宛先 {failed.recipient or '（不明）'}"
    if owner is None:
        return (f"{where}: 置かれている項目は {here}ですが、チェッカーの判定（{verdict}）を"
                "受け持つ項目がこのページにありません。")
    return (f"{where}: 置かれている項目は {here}ですが、チェッカーは {owner.describe()}に"
            f"振り分けました（{verdict}）。")


def format_problems(page_name: str, problems: list[str]) -> str:
    return (f"samples: {page_name} のエラーメールの例が、チェッカーの判定と合いません"
            "（WRITING.md の「エラーメールの例とチェッカー」を参照）:\n  - " + "\n  - ".join(problems))


# ---- MkDocs event ----

def on_page_content(html, page, config, files):
    problems = sample_problems(html)
    if problems:
        raise PluginError(format_problems(page.file.src_uri, problems))
    return html
