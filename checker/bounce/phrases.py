"""Wording that tells an automatic reply (RFC 3834) from a bounce: lower-case substrings.

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
    "不在にしております", "休暇", "不在のため",
)

# Whole-message wording that marks an automatic reply rather than a bounce.
AUTOREPLY_SUBJECT_PREFIXES: tuple[str, ...] = (
    "auto:", "auto reply", "auto-reply", "autoreply", "automatic reply", "auto response",
    "autoresponse", "out of office", "out of the office", "vacation", "away:", "absence",
    "自動応答", "自動返信", "不在",
)
