"""Pairing quotation marks in a run of text. Pure functions over strings; no XML.

The marks the archive uses are curly: “…” for quotations, ‘…’ for quotations inside them, and
’ also as the apostrophe (don’t, O’Callaghan, ’34, saints’). Straight " and guillemets «…» are
paired as well; a straight ' opens a quotation only after a space or an opening bracket and
before a letter (otherwise it is an apostrophe: I'll, '34), and closes the one it opened.

:func:`pair_marks` reads the positions a caller marks as pairable (the caller leaves out
characters that sit inside child elements such as ``persName`` or ``note``) and answers the
pairs, each with its nesting depth, plus the marks that found no partner, so that the caller
can report them with their line instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
GUILLEMET_OPEN = "«"
GUILLEMET_CLOSE = "»"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"

MARKS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + GUILLEMET_OPEN
                  + GUILLEMET_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE)
OPENING = {DOUBLE_OPEN: "double", SINGLE_OPEN: "single", GUILLEMET_OPEN: "guillemet"}
CLOSING = {DOUBLE_CLOSE: "double", SINGLE_CLOSE: "single", GUILLEMET_CLOSE: "guillemet"}


@dataclass(frozen=True)
class Pair:
    """A matched pair: ``start`` is the offset of the opening mark, ``end`` the offset just
    after the closing mark (so ``text[start:end]`` includes both marks)."""

    start: int
    end: int
    style: str  # double | single | guillemet | straight | straight-single
    depth: int  # 0 for an outermost pair


@dataclass
class Pairing:
    pairs: list[Pair] = field(default_factory=list)
    unclosed: list[tuple[int, str, int]] = field(default_factory=list)  # (offset, style, depth)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # closing marks, no opener


def is_apostrophe(text: str, i: int) -> bool:
    """Whether the ’ at ``text[i]`` is an apostrophe rather than a closing single quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return True  # don’t, O’Callaghan, l’affaire
    if after.isdigit() and not before.isalnum():
        return True  # ’34, in ’27 (?)
    return bool(before in ".’" and after == "s")  # G.’s


def _straight_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()


def pair_marks(text: str, positions: Iterable[int] | None = None) -> Pairing:
    """Pair the quotation marks of ``text`` found at ``positions`` (all marks if None).

    A closing single mark that closes nothing is an apostrophe and is ignored; a closing
    double mark that meets a still open single one closes the single one as unbalanced. A
    double mark turned the wrong way (“Hello“, ”Hello”) is read by its place: a mark after a
    word that closes the open quotation closes it; a mark before a word with none open opens.
    """
    result = Pairing()
    stack: list[tuple[int, str]] = []
    wanted = range(len(text)) if positions is None else sorted(positions)
    for i in wanted:
        char = text[i]
        if char not in MARKS:
            continue
        if char == DOUBLE_OPEN and _misturned_close(text, i, stack):
            _close(result, stack, i, "double")  # “Hello“ he said: a misprinted closing mark
        elif char == DOUBLE_CLOSE and _misturned_open(text, i, stack):
            stack.append((i, "double"))  # ”Hello,” he said: a misprinted opening mark
        elif char in OPENING:
            stack.append((i, OPENING[char]))
        elif char in (STRAIGHT_DOUBLE, STRAIGHT_SINGLE):
            _straight(result, stack, text, i)
        elif char == SINGLE_CLOSE:
            if stack and stack[-1][1] == "single" and not is_apostrophe(text, i):
                _close(result, stack, i, "single")
        elif any(style == CLOSING[char] for _, style in stack):
            _close(result, stack, i, CLOSING[char])
        else:
            result.unmatched.append((i, CLOSING[char]))
    result.unclosed.extend((offset, style, depth) for depth, (offset, style) in enumerate(stack))
    result.pairs.sort(key=lambda pair: pair.start)
    return result


def _misturned_close(text: str, i: int, stack: list[tuple[int, str]]) -> bool:
    """An opening double mark shaped like a closing one: a double quotation is open, the mark
    follows a word or punctuation and nothing but a space or punctuation follows it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (bool(stack) and stack[-1][1] == "double" and not before.isspace()
            and (after.isspace() or after in ".,;:!?)"))


def _misturned_open(text: str, i: int, stack: list[tuple[int, str]]) -> bool:
    """A closing double mark shaped like an opening one: no double quotation is open, the
    mark starts the text or follows a space or a bracket, and a word follows it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (not any(style == "double" for _, style in stack)
            and (before.isspace() or before in "([") and after.isalnum())


def _straight(result: Pairing, stack: list[tuple[int, str]], text: str, i: int) -> None:
    """A straight mark opens or closes by what stands around it; ' may be an apostrophe."""
    style = "straight" if text[i] == STRAIGHT_DOUBLE else "straight-single"
    apostrophe = style == "straight-single" and is_apostrophe(text, i)
    if stack and stack[-1][1] == style and not apostrophe:
        _close(result, stack, i, style)
    elif _straight_opens(text, i) and not apostrophe:
        stack.append((i, style))
    elif style == "straight":
        result.unmatched.append((i, style))


def _close(result: Pairing, stack: list[tuple[int, str]], i: int, style: str) -> None:
    while stack[-1][1] != style:  # marks left open inside this pair
        offset, inner = stack.pop()
        result.unclosed.append((offset, inner, len(stack)))
    offset, _ = stack.pop()
    result.pairs.append(Pair(offset, i + 1, style, len(stack)))
