"""Many bounces at once (issue 14): several .eml files or an mbox, opened or dropped, become one
table (recipient, what happened, resend or wait, the guide's section) with counts per reason
and a CSV download made in the page; one .eml stays a card. Over HTTP and from the offline
copy (file://).

Screenshots of the table at 390 px and 1280 px go to test-artifacts/.
"""
from __future__ import annotations

import csv
import io

import pytest

from conftest import SHARED
from widget_support import (
    BOUNCE_INPUT,
    BOUNCE_OUTPUT,
    ROOT,
    checker_page_fixtures,
    clear_outputs,
    expected_for,
    open_checker,
    widget_axe_violations,
)

CORPUS = SHARED / "corpus" / "bounces"
THREE = ["bsd/lhost-activehunter-01.eml", "bsd/lhost-courier-04.eml", "bsd/lhost-postfix-16.eml"]
SEPARATOR = b"From MAILER-DAEMON Mon Jan  1 10:00:00 2024\n"
BROKEN = b"\x00\x01\x02" * 20  # no text at all: this message cannot be read
TABLE = f"{BOUNCE_OUTPUT} .checker__table"
ROWS = f"{TABLE} tbody tr"
CSV_LINK = f"{BOUNCE_OUTPUT} a.checker__csv"
RESULT_TIMEOUT_MS = 30_000
CSV_FIELDS = ["file", "message", "recipient", "reason", "status", "replycode", "action", "permanent",
              "remote_host", "error"]
DROP_JS = """([selector, files]) => {
  const transfer = new DataTransfer();
  for (const [name, text] of files) transfer.items.add(new File([text], name, { type: "message/rfc822" }));
  const area = document.querySelector(selector);
  for (const type of ["dragenter", "dragover", "drop"]) {
    area.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
}"""


def mbox_of(messages: list[bytes]) -> bytes:
    """An mbox as a mail program writes it: lines that start with "From " quoted as ">From "."""
    return b"".join(SEPARATOR + b">" * message.startswith(b"From ") + message.replace(b"\nFrom ", b"\n>From ")
                    + b"\n" for message in messages)


online_page, offline_page, checker_page = checker_page_fixtures()


def open_files(page, paths) -> None:
    clear_outputs(page)
    page.set_input_files("[data-checker-file]", [str(path) for path in paths])
    page.locator(CSV_LINK).wait_for(timeout=RESULT_TIMEOUT_MS)


def csv_text(page) -> str:
    """The download's text as the browser has it (fetched from its blob: URL in the page)."""
    href = page.get_attribute(CSV_LINK, "href")
    assert href.startswith("blob:")
    return page.evaluate("async (url) => await (await fetch(url)).text()", href)


def assert_rows_link_to_their_sections(page) -> None:
    for row in page.locator(f"{ROWS}[data-reason]").all():
        reason = row.get_attribute("data-reason")
        link = row.locator("a.checker__guide-link")
        section = link.get_attribute("href").removeprefix("#")
        heading = page.locator(f"main #{section}")
        assert heading.count() == 1
        # The row's reason, or a state the guide answers first (a delay), has that section.
        keys = heading.get_attribute("data-reasons").split()
        assert reason in keys or row.get_attribute("data-state") in keys, (reason, keys)
        assert link.inner_text() in heading.inner_text()


def test_three_eml_files_give_a_table_with_counts_and_links(checker_page):
    open_files(checker_page, [CORPUS / name for name in THREE])
    rows = checker_page.locator(ROWS)
    assert rows.count() == 3
    for row, name in zip(rows.all(), THREE, strict=True):
        expected = expected_for(name)
        assert row.get_attribute("data-file") == name.split("/")[1]
        assert row.get_attribute("data-recipient") == expected["recipient"]
        assert row.get_attribute("data-reason") == expected["reason"]
        assert all(cell.inner_text().strip() for cell in row.locator("td").all())
    counts = checker_page.locator(f"{BOUNCE_OUTPUT} .checker__counts tbody tr")
    assert sum(int(count) for count in counts.locator("td").all_inner_texts()) == 3
    assert_rows_link_to_their_sections(checker_page)
    assert checker_page.input_value(BOUNCE_INPUT) == ""
    assert "lhost-courier-04.eml" in checker_page.inner_text("[data-checker-field-note]")


def test_the_csv_download_has_the_header_and_a_row_per_failed_recipient(checker_page):
    open_files(checker_page, [CORPUS / name for name in THREE])
    lines = list(csv.reader(io.StringIO(csv_text(checker_page))))
    assert lines[0] == CSV_FIELDS
    assert [line[2] for line in lines[1:]] == [expected_for(name)["recipient"] for name in THREE]
    assert checker_page.get_attribute(CSV_LINK, "download").endswith(".csv")


def test_an_mbox_gives_a_table_with_an_error_row_for_a_broken_message(checker_page, tmp_path):
    box = tmp_path / "bounces.mbox"
    box.write_bytes(mbox_of([(CORPUS / THREE[0]).read_bytes(), BROKEN, (CORPUS / THREE[1]).read_bytes()]))
    open_files(checker_page, [box])
    rows = checker_page.locator(ROWS)
    assert [row.get_attribute("data-message") for row in rows.all()] == ["1", "2", "3"]
    assert rows.nth(1).get_attribute("data-error") == ""
    assert any("\u3040" <= ch <= "\u30ff" for ch in rows.nth(1).inner_text())
    assert rows.nth(2).get_attribute("data-reason") == expected_for(THREE[1])["reason"]
    assert "bounces.mbox" in checker_page.inner_text(f"{TABLE} caption")
    lines = list(csv.reader(io.StringIO(csv_text(checker_page))))
    assert len(lines) == 4 and lines[2][1] == "2" and lines[2][-1]


def test_files_dropped_together_give_a_table(online_page):
    clear_outputs(online_page)
    online_page.evaluate(DROP_JS, [BOUNCE_INPUT, [
        [name.split("/")[1], (CORPUS / name).read_bytes().decode("utf-8", "replace")] for name in THREE]])
    online_page.locator(CSV_LINK).wait_for(timeout=RESULT_TIMEOUT_MS)
    assert online_page.locator(ROWS).count() == 3


def test_one_eml_file_stays_a_card(online_page):
    clear_outputs(online_page)
    online_page.set_input_files("[data-checker-file]", str(CORPUS / THREE[2]))
    online_page.locator(f"{BOUNCE_OUTPUT} .checker__card").wait_for(timeout=RESULT_TIMEOUT_MS)
    assert online_page.locator(TABLE).count() == 0
    assert online_page.get_attribute(BOUNCE_OUTPUT, "aria-live") == "polite"


def test_files_without_a_bounce_say_so_in_japanese(online_page, tmp_path):
    notes = [tmp_path / "notes.txt", tmp_path / "lunch.eml"]
    notes[0].write_text("明日の会議は 10 時からです。\n", encoding="utf-8")
    notes[1].write_text("From: taro@example.jp\nSubject: lunch\n\nお昼にしましょう。\n", encoding="utf-8")
    open_files(online_page, notes)
    assert online_page.locator(ROWS).count() == 0
    status = online_page.inner_text(f"{BOUNCE_OUTPUT} .checker__batch-status")
    assert "見つかりませんでした" in status
    assert "2" in online_page.inner_text(f"{BOUNCE_OUTPUT} .checker__counts")


@pytest.mark.parametrize("copy", ["online", "offline"])
def test_a_row_link_jumps_to_its_section_and_back_returns_to_the_table(
        browser, http_site, offline_root, copy):
    # A page of its own: the first Back of a visit may build the page again (see README).
    url = http_site + "step-2-2/" if copy == "online" else (offline_root / "step-2-2.html").as_uri()
    context, page = open_checker(browser, url)
    try:
        open_files(page, [CORPUS / name for name in THREE])
        link = page.locator(f"{ROWS} a.checker__guide-link").nth(1)
        section = link.get_attribute("href").removeprefix("#")
        link.click()
        page.wait_for_url(f"**#{section}")
        assert "checker-highlight" in page.get_attribute(f"#{section}", "class")
        page.go_back()
        page.wait_for_url("**#checker-result")
        # The same table, in view, and staying so while instant navigation settles.
        page.wait_for_function("""(section) => {
          const row = document.querySelector(`.checker__table tr[data-section="${section}"]`);
          const top = row ? row.getBoundingClientRect().top : -1;
          if (!(top > 0 && top < innerHeight)) { window.stableSince = 0; return false; }
          window.stableSince = window.stableSince || performance.now();
          return performance.now() - window.stableSince > 600;
        }""", arg=section, timeout=RESULT_TIMEOUT_MS)
        assert page.locator(ROWS).count() == 3
    finally:
        context.close()


def test_the_table_is_a_table_for_assistive_technology(online_page, repo_root):
    open_files(online_page, [CORPUS / name for name in THREE])
    table = online_page.get_by_role("table", name="届かなかった宛先の一覧")
    assert table.count() == 1
    assert table.get_by_role("columnheader").count() == 5
    assert table.get_by_role("rowheader").count() == 3
    assert online_page.get_attribute(BOUNCE_OUTPUT, "aria-live") == "off"
    assert online_page.locator(f"{BOUNCE_OUTPUT} [role=status]").count() == 1
    assert widget_axe_violations(online_page, repo_root) == []


def test_progress_is_heard_once_per_batch_at_most(online_page, tmp_path):
    box = tmp_path / "many.mbox"
    corpus = sorted((CORPUS / "bsd").glob("*.eml"))[:60]
    box.write_bytes(mbox_of([path.read_bytes() for path in corpus] * 3))
    clear_outputs(online_page)
    online_page.evaluate("""() => {
      window.heard = [];
      window.batches = 0;
      const output = document.querySelector('[data-checker-output="bounce"]');
      new MutationObserver(() => {
        const status = output.querySelector('[role=status]');
        if (status && window.heard[window.heard.length - 1] !== status.textContent) window.heard.push(status.textContent);
      }).observe(output, { childList: true, subtree: true, characterData: true });
      const worker = document.querySelector('[data-checker]').checkerWidget.currentWorker();
      worker.addEventListener('message', (event) => { if (event.data.type === 'result') window.batches += 1; });
    }""")
    online_page.set_input_files("[data-checker-file]", str(box))
    online_page.locator(CSV_LINK).wait_for(timeout=120_000)
    heard, batches = online_page.evaluate("[window.heard, window.batches]")
    assert 1 <= len(heard) <= batches, (heard, batches)
    assert "通をすべて調べました" in heard[-1]


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_the_table(browser, http_site, tmp_path, artifacts_dir, width):
    context, page = open_checker(browser, http_site + "step-2-2/", width)
    try:
        box = tmp_path / "bounces.mbox"
        corpus = sorted((CORPUS / "bsd").glob("lhost-postfix-*.eml"))[:12]
        box.write_bytes(mbox_of([path.read_bytes() for path in corpus] + [BROKEN]))
        for name, files in (("three-files", [CORPUS / name for name in THREE]), ("mbox", [box])):
            open_files(page, files)
            overflow = page.evaluate(f"""() => {{
              const root = document.querySelector('{ROOT}');
              return root.scrollWidth - root.clientWidth; }}""")
            assert overflow <= 1, f"the widget is wider than the screen at {width}px"
            # What the screen shows (the table is drawn only where it is on screen): the
            # summary and counts, then the table's first rows, each just below the header.
            for part, selector in (("top", ".checker__batch"), ("rows", ".checker__table-scroll")):
                page.evaluate("""(selector) => {
                  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
                  const top = document.querySelector(selector).getBoundingClientRect().top;
                  window.scrollBy(0, top - header - 8);
                }""", f"{BOUNCE_OUTPUT} {selector}")
                page.screenshot(path=str(artifacts_dir / f"checker-table-{name}-{part}-{width}px.png"))
    finally:
        context.close()
