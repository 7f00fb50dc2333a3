"""What the bounce card says, read in Chromium at 390 px and 1280 px (issue 12): a delay
warning, a give-up, a 535, a mail app's sign-in error in Japanese and a bounce with two
recipients. Each card's text is read as the customer sees it; screenshots of each card go to
test-artifacts/ (advice-<case>-<width>.png).
"""
from __future__ import annotations

import pytest

import advice_cases as cases
from widget_support import BOUNCE_INPUT, BOUNCE_OUTPUT, clear_outputs, paste, wait_until_ready

WIDTHS = (390, 1280)
RESULT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def advice_page(request, browser, http_site):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP",
                                  device_scale_factor=1, is_mobile=width < 500, has_touch=width < 500)
    page = context.new_page()
    page.goto(http_site + "step-2-2/")
    wait_until_ready(page)
    # The theme's header stays on top while scrolling; the card screenshots leave it out.
    page.add_style_tag(content=".md-header { visibility: hidden; }")
    page.width = width
    yield page
    context.close()


def show(page, text: str, cards: int = 1):
    clear_outputs(page)
    paste(page, BOUNCE_INPUT, text)
    locator = page.locator(f"{BOUNCE_OUTPUT} .checker__card")
    locator.nth(cards - 1).wait_for(timeout=RESULT_TIMEOUT_MS)
    assert locator.count() == cards
    return locator


def snap(page, artifacts_dir, name: str) -> None:
    output = page.locator(BOUNCE_OUTPUT)
    output.scroll_into_view_if_needed()
    output.screenshot(path=str(artifacts_dir / f"advice-{name}-{page.width}.png"))


def section_title(page, section_id: str) -> str:
    return page.locator(f"main #{section_id}").inner_text().replace("¶", "").strip()


def test_delay_warning_says_wait_and_points_to_the_delay_section(advice_page, artifacts_dir):
    card = show(advice_page, cases.SENDMAIL_DELAY).first
    text = card.inner_text()
    assert card.get_attribute("data-state") == "delayed"
    assert card.get_attribute("data-section") == "delayed"
    assert "まだ届いていません" in text and "送り直さずにお待ちください" in text
    assert "送り直してください" not in text and "直してから" not in text
    assert "受け取りを断られました" not in text
    assert section_title(advice_page, "delayed") in text
    assert "配送が遅れていることを知らせるメールです" in advice_page.inner_text(BOUNCE_OUTPUT)
    snap(advice_page, artifacts_dir, "delay")


def test_delay_warning_with_421_is_not_a_domain_that_accepts_no_mail(advice_page):
    card = show(advice_page, cases.SENDMAIL_DELAY_421).first
    text = card.inner_text()
    assert card.get_attribute("data-section") == "delayed"
    assert "宛先のドメインはメールを受け付けていません" not in text
    assert "いまはメールを受け付けていません" in text and "4.3.2" in text


def test_give_up_says_the_mail_is_lost(advice_page, artifacts_dir):
    card = show(advice_page, cases.EXIM_RETRY_TIMEOUT).first
    text = card.inner_text()
    assert card.get_attribute("data-state") == "gaveup"
    assert "配送をあきらめました" in text and "待っていても届きません" in text
    assert "しばらく待つと届く" not in text and "お待ちください" not in text
    assert card.get_attribute("data-section") == "delayed"
    snap(advice_page, artifacts_dir, "giveup")


def test_535_goes_to_the_sign_in_section(advice_page, artifacts_dir):
    card = show(advice_page, cases.SMTP_535).first
    text = card.inner_text()
    assert card.get_attribute("data-state") == "signin"
    assert card.get_attribute("data-section") == "smtp-auth"
    assert card.locator("h3").inner_text() == "送信サーバーへの接続・ログイン（SMTP 認証）"
    assert "パスワード" in text and "国外からのSMTP認証のアクセス制限" in text
    assert section_title(advice_page, "smtp-auth") in text
    assert "Access denied" not in card.locator(".checker__guide-title").inner_text()
    snap(advice_page, artifacts_dir, "535")


@pytest.mark.parametrize("name", ["thunderbird-ja", "iphone-ja", "outlook-ja"])
def test_a_mail_app_s_sign_in_error_in_japanese_is_no_dead_end(advice_page, artifacts_dir, name):
    card = show(advice_page, cases.SIGN_IN_PASTES[name]).first
    output = advice_page.inner_text(BOUNCE_OUTPUT)
    assert "エラーメールではないようです" not in output
    assert "メールソフトで送信したときに表示されたエラーのようです" in output
    assert card.get_attribute("data-section") == "smtp-auth"
    assert "メールは送信されていません" in card.inner_text()
    if name == "thunderbird-ja":
        snap(advice_page, artifacts_dir, "signin-ja")


def test_two_recipients_get_a_card_each(advice_page, artifacts_dir):
    cards = show(advice_page, cases.TWO_RECIPIENTS, cards=2)
    first, second = cards.nth(0), cards.nth(1)
    assert first.locator("h3").inner_text() == "yamada@example.com"
    assert second.locator("h3").inner_text() == "kato@example.net"
    assert first.get_attribute("data-section") == "user-unknown"
    assert second.get_attribute("data-section") == "mailbox-full"
    assert "宛先のアドレスやメールの内容を直してから" in first.inner_text()
    assert "相手側で問題が解決されてから" in second.inner_text()
    assert advice_page.locator(f"{BOUNCE_OUTPUT} .checker__support").count() == 1
    snap(advice_page, artifacts_dir, "two-recipients")


def test_a_card_without_an_address_has_a_heading(advice_page):
    card = show(advice_page, "550 5.1.1 User unknown").first
    assert card.locator("h3").inner_text().startswith("宛先不明")
