"""Bounce analysis: what failed, for whom, and why.

`analyze_bounce(data)` reads a whole message, a pasted fragment or a single line and
returns a `BounceReport`. Parsing (mime, dsn, freetext), judging (judge, phrases, codes)
and presenting (present) live in separate modules.
"""
from checker.bounce.analyze import analyze_bounce
from checker.bounce.report import BounceReport, OriginalMessage, RecipientResult

__all__ = ["BounceReport", "OriginalMessage", "RecipientResult", "analyze_bounce"]
