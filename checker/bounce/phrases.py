"""Wording that tells what kind of message a text is: an automatic reply (RFC 3834) or a
bounce, and a bounce that warns of a delay or one that reports a give-up. Lower-case
substrings.

The reasons of failed deliveries live in rules.py; these only decide what kind of message
a text is.
"""
from __future__ import annotations

# Wording of out-of-office replies, for pasted text that has no headers to go by.
VACATION_PHRASES: tuple[str, ...] = (
    "out of the office", "out of office", "i am currently away", "i am away", "i'm away",
    "on vacation", "on holiday", "on leave", "limited access to email", "limited access to e-mail",
    "upon my return", "when i return", "until i return", "will be back on", "away from the office",
    "i will be traveling", "i will be travelling", "access to email", "access to e-mail",
    "away from my desk", "automatic reply", "auto-reply", "autoreply",
    "不在にしております", "休暇", "不在のため", "自動返信", "休業",
)

# Whole-message wording that marks an automatic reply rather than a bounce.
AUTOREPLY_SUBJECT_PREFIXES: tuple[str, ...] = (
    "auto:", "auto reply", "auto-reply", "autoreply", "automatic reply", "auto response",
    "autoresponse", "out of office", "out of the office", "vacation", "away:", "absence",
    "自動応答", "自動返信", "不在",
)

# A warning that the mail is still being retried (RFC 3464 Action: delayed), in the words
# of notices that carry no delivery report.
DELAY_PHRASES: tuple[str, ...] = (
    "delay", "will continue trying", "still trying", "will be retried", "will retry",
    "not yet been delivered", "warning: could not send", "still undelivered",
    "will keep trying", "will continue to be attempted",  # Exchange
    "warning only", "warning message only",  # Postfix, sendmail: "THIS IS A WARNING ONLY"
    "temporary problem delivering",          # Gmail: "Gmail will retry for 46 more hours"
    "遅延",
    # Japanese notices in the words of the warning above: the mail is late, delivery goes on,
    # there is no need to resend ("YOU DO NOT NEED TO RESEND YOUR MESSAGE").
    "配送が遅れて", "配信が遅れて", "引き続き配送", "引き続き配信", "再送の必要はありません",
    "まだ配信されていません", "まだ配送されていません", "配信未完了", "再試行します",  # Gmail in Japanese
)

# A notice without a delivery report that says the mail was delivered (Exchange's and
# Outlook's "Delivered:" and "Relayed:" notices).
DELIVERED_PHRASES: tuple[str, ...] = (
    "delivery to these recipients or groups is complete",
    "your message has been delivered to the following recipients",
)

# A notice that the sending server has stopped retrying, even where it also says the mail was
# delayed first ("has been delayed and has now failed"). Each is a past or final statement:
# a warning's "will give up eventually" is not one, nor Postfix's "could not be delivered for
# more than 4 hour(s)" above "It will be retried".
GIVE_UP_PHRASES: tuple[str, ...] = (
    "has now failed", "will not be retried", "won't be retried", "no further attempts",
    "not going to try again",            # qmail-send
    "given up", "gave up", "giving up",  # qmail-send ("I've given up"), others
    "retry timeout exceeded",            # Exim
    "after a long failure period",       # Exim: retry time not reached after a long failure period
    "will be deleted from queue",        # sendmail, after "Message could not be delivered for 5 days"
    "in the queue too long",             # qmail-send
    "failed permanently",                # Gmail: "Delivery to the following recipient failed permanently"
    "permanent error", "permanent fatal error",  # Exim, sendmail
    "delivery time expired", "message expired", "queue.expired",  # RFC 3463 X.4.7; Exchange
    "配送を断念", "配信を断念", "配送を中止", "配信を中止", "を試みましたが",
)
