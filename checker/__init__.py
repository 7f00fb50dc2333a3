"""Mail trouble checker: reads bounce messages and e-mail addresses, says what went wrong.

Standard library only, so the same package runs in CPython and in Pyodide.
"""
from checker.errors import UnreadableInput
from checker.bounce import BounceReport, analyze_bounce
from checker.address import AddressReport, check_address

__all__ = ["AddressReport", "BounceReport", "UnreadableInput", "analyze_bounce", "check_address"]
