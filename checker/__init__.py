"""Mail trouble checker: reads bounce messages and e-mail addresses, says what went wrong.

Standard library only, so the same package runs in CPython and in Pyodide.
"""
from checker.bounce import BounceReport, analyze_bounce
from checker.errors import UnreadableInput

__all__ = ["AddressReport", "BounceReport", "UnreadableInput", "analyze_bounce", "check_address"]


def __getattr__(name: str) -> object:
    # The address checker (with its domain tables) loads on first use, so that importing
    # the package for bounces alone stays fast.
    if name in ("AddressReport", "check_address"):
        from checker import address
        return getattr(address, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
