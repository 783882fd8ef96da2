"""Unknown-name candidates: capitalised sequences in running text that look like names but
match no register entry, so that a new installment's unknown people are reported, never
silently dropped.

A candidate is a run of capitalised words (with particles such as ``de`` or ``von`` inside),
trimmed of words that are common (they occur in lower case in the same document, or are in the
register's not-names list: sentence openers, adjectives, titles, months). A single word that opens
a sentence counts only if the document also has it capitalised inside a sentence. Text the
register already knows (tagged names, not-names, unresolved forms) is masked first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .register import Register, normalize_form

# a run of initials (F.P.B.) or a word (with apostrophes and inner hyphens); written with its
# first letter first, so that the engine skips quickly to the next letter
_TOKEN = re.compile(r"[^\W\d_](?:\.(?:[^\W\d_]\.)*|(?:[\w'’]+|-(?=\w))*)")
_CONNECTORS = frozenset({"de", "du", "des", "von", "van", "der", "den", "la", "le", "of", "y", "di", "da"})
_RUN_EDGE = re.compile(r"[^\W\d_]\.")
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True)
class Candidate:
    """A capitalised sequence in running text that looks like a name but is in no entry."""

    text: str
    context: str
    location: str


def lowercase_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word that occurs in lower case: capitalised, it is a sentence start, not a name."""
    words: set[str] = set()
    for text in texts:
        words.update(_TOKEN.findall(text))
    return frozenset(word for word in words if word[0].islower())


def find_candidates(
    blocks: Iterable[tuple[str, str, str]], register: Register, vocabulary: frozenset[str]
) -> list[Candidate]:
    """Candidates in ``blocks`` of (masked text, plain text, location). In the masked text every
    character of a tagged name (or nested note) is replaced by NUL, so a run never crosses one;
    the plain text has the same length and gives the context shown to the editor."""
    masked = [
        (masked_text, plain, where, list(_capitalised_runs(masked_text)))
        for masked_text, plain, where in ((_mask_known(t, register), p, w) for t, p, w in blocks)
    ]
    inner = {  # words seen capitalised inside a sentence somewhere
        normalize_form(word.group())
        for text, _, _, runs in masked
        for s, e in runs
        for word in _TOKEN.finditer(text, s, e)
        if not _sentence_start(text, word.start())
    }
    found: list[Candidate] = []
    for text, plain, location, runs in masked:
        for start, end in runs:
            span = _trim(text, start, end, register, vocabulary)
            if span is None:
                continue
            s, e = span
            name = " ".join(text[s:e].split())
            key = normalize_form(name)
            if key in register.index or key in register.not_names:
                continue
            if " " not in name and _sentence_start(text, s) and key not in inner:
                continue  # one capitalised word opening a sentence, never seen inside one
            context = " ".join(plain[max(0, s - 40) : e + 40].split())
            found.append(Candidate(name, context, location))
    return found


def _mask_known(text: str, register: Register) -> str:
    """Mask what the matcher knows but left untagged (not-names, unresolved forms)."""
    pieces: list[str] = []
    done = 0
    for match in register.matcher.find(text):
        glued_after = _RUN_EDGE.match(text, match.end)
        glued_before = _RUN_EDGE.fullmatch(text, max(0, match.start - 2), match.start)
        if match.form.endswith(".") and (glued_after or glued_before):
            continue  # part of a run of initials (F.P.B.): reported whole
        pieces += [text[done : match.start], "\x00" * (match.end - match.start)]
        done = match.end
    pieces.append(text[done:])
    return "".join(pieces)


_OPENERS = frozenset("“”‘’\"'([")
_ENDS = frozenset(".!?:;–—")


def _sentence_start(text: str, start: int) -> bool:
    """Whether only spaces, quotes or brackets separate ``start`` from a sentence end."""
    index = start - 1
    while index >= 0 and (text[index].isspace() or text[index] in _OPENERS):
        index -= 1
    return index < 0 or text[index] in _ENDS


def _capitalised_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of capitalised tokens (connectors such as ``de`` inside) separated by one space or
    nothing, trimmed of trailing connectors: one pass over the tokens, no list of them."""
    run_start = -1  # -1: no run open
    last_end = upper_end = 0
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        upper = text[start].isupper()
        if run_start < 0:
            if upper:
                run_start, last_end, upper_end = start, end, end
            continue
        gap = start == last_end or (start == last_end + 1 and text[last_end] == " ")
        if gap and (upper or token.group() in _CONNECTORS):
            last_end = end
            if upper:
                upper_end = end
            continue
        yield run_start, upper_end
        if upper:
            run_start, last_end, upper_end = start, end, end
        else:
            run_start = -1
    if run_start >= 0:
        yield run_start, upper_end


def _common(word: str, register: Register, vocabulary: frozenset[str]) -> bool:
    if re.search(r"['’](?:ll|m|t|re|ve|d)$", word):
        return True  # a contraction: I'll, Hadn't
    bare = re.sub(r"['’]s$", "", word)
    lower = bare.lower()
    return (
        bare in register.not_names
        or bare + "." in register.not_names
        or len(bare) == 1
        or _ROMAN.match(bare) is not None
        or any(lower + suffix in vocabulary for suffix in ("", "s", "es", "d", "ed", "ing"))
        or (lower.endswith("s") and lower[:-1] in vocabulary)
    )


def _trim(
    text: str, start: int, end: int, register: Register, vocabulary: frozenset[str]
) -> tuple[int, int] | None:
    """Drop common words (sentence starts, adjectives, titles) from both ends of a run."""
    words = list(_TOKEN.finditer(text, start, end))
    while words and (words[0].group() in _CONNECTORS or _common(words[0].group(), register, vocabulary)):
        words.pop(0)
    while words and (words[-1].group() in _CONNECTORS or _common(words[-1].group(), register, vocabulary)):
        words.pop()
    if not words:
        return None
    s, e = words[0].start(), words[-1].end()
    if text[e - 2 : e] in ("’s", "'s"):
        e -= 2
    return s, e
