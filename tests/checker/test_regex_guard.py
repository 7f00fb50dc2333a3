"""Every regular expression in the checker stays fast on adversarial input of 1 MiB.

The patterns are found, not listed: compiled patterns anywhere in the package's modules
(also inside tables: tuples, lists, dicts, sets, dataclass instances), literal patterns
passed straight to `re.sub()` and friends in the source. Each
is fed runs of the characters its own classes accept, repetitions of the start of a string
it would match, and generic troublemakers ("a@", dots, spaces, "5.1.1 ", ...), and timed
the way the checker uses it: at every position (sub) or, for a pattern only ever called
with match() or fullmatch(), at the start. A pattern that needs more than LIMIT_SECONDS
for one input rescans or backtracks too much: bound its repetitions, or let a
look-behind start it only at the start of a run.
"""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
import time
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

import pytest

import checker
from hostile_inputs import MIB

LIMIT_SECONDS = 0.8
ATTEMPTS = 3
PACKAGE_DIR = Path(checker.__file__).parent
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
GENERIC_PIECES = ("a@", "a", ".", " ", "a.", "-", "5.1.1 ", "550 ", "<", "=?", "\t", "日", "\n")
# Characters tried, in this order, when looking for what a character class accepts.
ALPHABET = "a0 .@-<>\"'=?:;/_\t\n()[]\\+,!#%&*|~^{}`$A\u3000日\u00e9\u200b\x00\r"
INPUTS_PER_PATTERN = 40

_parser = getattr(re, "_parser", None)
_constants = getattr(re, "_constants", None)


@dataclass(frozen=True)
class Found:
    where: str
    pattern: re.Pattern
    anchored: bool = False  # the checker only ever calls match() or fullmatch() on it


# ---- finding the patterns ----

def checker_modules():
    modules = [checker]
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name != "checker.__main__":
            modules.append(importlib.import_module(info.name))
    return modules


def patterns_in(value, where: str, seen: set[int]):
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield Found(where, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from patterns_in(key, f"{where}[key]", seen)
            yield from patterns_in(item, f"{where}[{key!r}]", seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            yield from patterns_in(item, f"{where}[{index}]", seen)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            item = getattr(value, field.name)
            if isinstance(item, re.Pattern) and item.pattern is None:
                # A row compiled from its parse (rules.Rule) keeps the text as `regex`.
                item = re.compile(value.regex)
            yield from patterns_in(item, f"{where}.{field.name}", seen)
    elif isinstance(value, type) and value.__module__.startswith("checker"):
        for name, item in vars(value).items():
            yield from patterns_in(item, f"{where}.{name}", seen)


def compiled_patterns() -> list[Found]:
    found, seen = [], set()
    for module in checker_modules():
        for name, value in vars(module).items():
            if name.startswith("__") or getattr(value, "__name__", "").startswith("re"):
                continue
            found.extend(patterns_in(value, f"{module.__name__}.{name}", seen))
    return found


def inline_patterns() -> list[Found]:
    """Literal patterns handed to re.* inside functions (never bound to a module name)."""
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in RE_FUNCTIONS and node.args
                    and isinstance(node.args[0], ast.Constant)):
                flags = _flags(node)
                where = f"{path.relative_to(PACKAGE_DIR.parent)}:{node.lineno} re.{node.func.attr}"
                found.append(Found(where, re.compile(node.args[0].value, flags)))
    return found


def _flags(call: ast.Call) -> int:
    position = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2}
    expression = next((k.value for k in call.keywords if k.arg == "flags"), None)
    index = position.get(call.func.attr)
    if expression is None and index is not None and len(call.args) > index:
        expression = call.args[index]
    if expression is None:
        return 0
    return eval(compile(ast.Expression(expression), "<flags>", "eval"), {"re": re})  # noqa: S307


def only_anchored(name: str, source: str) -> bool:
    """True when every call on the module-level pattern `name` is match() or fullmatch()."""
    methods = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
    return bool(methods) and methods <= {"match", "fullmatch"}


def all_patterns() -> list[Found]:
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE_DIR.rglob("*.py"))
    unique: dict[tuple, Found] = {}
    for found in compiled_patterns() + inline_patterns():
        name = found.where.rsplit(".", 1)[-1]
        if name.isidentifier() and only_anchored(name, source):
            found = Found(found.where, found.pattern, anchored=True)
        unique.setdefault((found.pattern.pattern, found.pattern.flags), found)
    return list(unique.values())


# ---- adversarial input for one pattern ----

def _category_accepts(category, char: str) -> bool:
    name = str(category).lower()
    if "digit" in name:
        result = char.isdigit()
    elif "space" in name:
        result = char.isspace()
    elif "word" in name:
        result = char.isalnum() or char == "_"
    elif "linebreak" in name:
        result = char == "\n"
    else:
        return False
    return (not result) if "not_" in name else result


def _set_accepts(items, char: str) -> bool:
    c = _constants
    negate = False
    accepted = False
    for op, arg in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            accepted |= ord(char) == arg
        elif op is c.RANGE:
            accepted |= arg[0] <= ord(char) <= arg[1]
        elif op is c.CATEGORY:
            accepted |= _category_accepts(arg, char)
    return accepted != negate


def _accepted_char(op, arg) -> str:
    c = _constants
    if op is c.LITERAL:
        return chr(arg)
    for char in ALPHABET:
        if op is c.NOT_LITERAL and ord(char) != arg:
            return char
        if op is c.IN and _set_accepts(arg, char):
            return char
        if op is c.ANY and char != "\n":
            return char
        if op is c.CATEGORY and _category_accepts(arg, char):
            return char
    return ""


def sample(nodes, groups: dict) -> str:
    """A short string that the parsed nodes accept (first branch, fewest repeats)."""
    c = _constants
    out = []
    for op, arg in nodes:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.CATEGORY):
            out.append(_accepted_char(op, arg))
        elif op is c.BRANCH:
            out.append(sample(arg[1][0], groups))
        elif op is c.SUBPATTERN:
            text = sample(arg[-1], groups)
            groups[arg[0]] = text
            out.append(text)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            out.append(sample(arg[2], groups) * max(arg[0], 1))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            out.append(sample(arg, groups))
        elif op is c.GROUPREF:
            out.append(groups.get(arg, ""))
    return "".join(out)


def characters_accepted(nodes) -> list[str]:
    """One character for each literal and class the pattern has, in order of appearance."""
    c = _constants
    chars = []
    for op, arg in nodes:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.CATEGORY):
            chars.append(_accepted_char(op, arg))
        elif op is c.BRANCH:
            for branch in arg[1]:
                chars += characters_accepted(branch)
        elif op is c.SUBPATTERN:
            chars += characters_accepted(arg[-1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            chars += characters_accepted(arg[2])
        elif op is getattr(c, "ATOMIC_GROUP", None):
            chars += characters_accepted(arg)
    return [char for char in chars if char]


def adversarial_pieces(pattern: re.Pattern) -> list[str]:
    source = pattern.pattern.decode("latin-1") if isinstance(pattern.pattern, bytes) else pattern.pattern
    nodes = list(_parser.parse(source, pattern.flags & ~re.LOCALE))
    pieces = []
    for end in range(1, len(nodes) + 1):  # the start of a match, longer and longer
        pieces.append(sample(nodes[:end], {}))
    pieces += characters_accepted(nodes)
    pieces += GENERIC_PIECES
    unique = [piece for piece in dict.fromkeys(pieces) if piece]
    return unique[:INPUTS_PER_PATTERN]


def as_subject(pattern: re.Pattern, piece: str, size: int = MIB) -> str | bytes:
    text = piece * (size // len(piece))
    if isinstance(pattern.pattern, bytes):
        return text.encode("utf-8")
    return text


class TooSlow(Exception):
    pass


def _interrupt(signum, frame):
    raise TooSlow


def seconds_to_scan(pattern: re.Pattern, subject, limit: float = LIMIT_SECONDS,
                    anchored: bool = False) -> float | None:
    """Time to replace every match in subject (or to match at its start, for a pattern only
    used that way); None when it passed `limit`."""
    empty = b"" if isinstance(subject, bytes) else ""
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        if anchored:
            pattern.match(subject)
            pattern.fullmatch(subject)
        else:
            pattern.subn(empty, subject)
        elapsed = time.perf_counter() - started
    except TooSlow:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return elapsed if elapsed <= limit else None


def seconds_for_a_mib(pattern: re.Pattern, piece: str, anchored: bool = False) -> float | None:
    """Time on 1 MiB of `piece` repeated (the first of up to ATTEMPTS runs under the limit);
    None when every run was over it.

    A pattern that backtracks badly can run long past the alarm (the regex engine looks
    at signals only now and then), so 1/16 MiB is tried first: if that alone, scaled up
    as if the pattern were linear, is far over the limit, the full size is not run. Another
    attempt follows a slow one, so that a machine busy with other work fails no linear pattern.
    """
    for _ in range(ATTEMPTS):
        small = seconds_to_scan(pattern, as_subject(pattern, piece, MIB // 16), anchored=anchored)
        if small is None or small * 16 > 2 * LIMIT_SECONDS:
            continue
        full = seconds_to_scan(pattern, as_subject(pattern, piece, MIB), anchored=anchored)
        if full is not None:
            return full
    return None


# ---- the tests ----

PATTERNS = all_patterns()
needs_parser = pytest.mark.skipif(_parser is None or _constants is None,
                                  reason="this Python has no re._parser to read patterns with")


def test_the_guard_finds_the_packages_patterns():
    wheres = [found.where for found in PATTERNS]
    assert len(PATTERNS) >= 20, wheres
    assert all(found.pattern.pattern is not None for found in PATTERNS), "a pattern the guard cannot read"
    from checker.bounce import rules
    guarded = {(found.pattern.pattern, found.pattern.flags) for found in PATTERNS}
    written = [re.compile(rule.regex) for rule in rules.RULES if rule.words]
    assert all((pattern.pattern, pattern.flags) in guarded for pattern in written), "a row of the rule table"
    assert any(".py:" in where for where in wheres), "no inline re.sub()-style pattern found"


def test_the_guard_looks_inside_tables():
    @dataclass(frozen=True)
    class Rule:
        pattern: re.Pattern

    table = {"a": (re.compile("x+"), [Rule(re.compile("y+"))]), re.compile("z+"): frozenset()}
    found = {f.pattern.pattern: f.where for f in patterns_in(table, "TABLE", set())}
    assert found == {"x+": "TABLE['a'][0]", "y+": "TABLE['a'][1][0].pattern", "z+": "TABLE[key]"}


@needs_parser
def test_the_guard_catches_a_backtracking_pattern():
    quadratic = re.compile(r"<(style|script)\b.{0,20000}?</\1>", re.S)
    pieces = adversarial_pieces(quadratic)
    assert any(seconds_for_a_mib(quadratic, piece) is None for piece in pieces)


@needs_parser
@pytest.mark.parametrize("found", PATTERNS, ids=[found.where for found in PATTERNS])
def test_pattern_is_fast_on_adversarial_input(found):
    slow = []
    for piece in adversarial_pieces(found.pattern):
        if seconds_for_a_mib(found.pattern, piece, found.anchored) is None:
            slow.append(repr(piece[:40]))
    assert not slow, (f"{found.pattern.pattern!r} needs more than {LIMIT_SECONDS} s on 1 MiB of "
                      f"these pieces repeated: {', '.join(slow)}")
