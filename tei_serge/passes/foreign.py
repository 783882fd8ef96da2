"""The foreign pass: ``<foreign xml:lang="…">`` around the non-English phrases of the running text.

The phrases and their languages are data an editor reads and extends:
``tei_serge/data/foreign-lexicon.tsv`` (phrase, BCP 47 language tag, note). Matching is by whole
words, apostrophes ’ and ' alike, any white space for a space; the longest phrase wins. Phrases
inside ``title`` (a work's title is a title, not a foreign phrase), names, dates, ``foreign``
itself and the header are left alone; a phrase inside a quotation (``said``, ``quote``,
``soCalled``, ``q``) is tagged there, so ``foreign`` always sits inside a quotation, never around
one. Idempotent: a phrase already in a ``foreign`` is not looked at again. Each language tagged
is declared in the header's ``langUsage`` (names from ``data/languages.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml import etree

from ..context import Context
from ..errors import InternalError
from ..resources import data_path
from ..xmlio import NSMAP, tei, xml_attr
from .textnodes import text_slots, wrap

LEXICON_NAME = "foreign-lexicon.tsv"
LANGUAGES_NAME = "languages.tsv"
SKIP = frozenset(
    tei(t)
    for t in (
        "title", "persName", "placeName", "orgName", "name", "rs", "date", "foreign", "term",
        "idno", "ref", "ptr", "code", "standOff", "teiHeader",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Phrase:
    text: str
    lang: str
    note: str = ""


@cache
def lexicon() -> tuple[Phrase, ...]:
    """The phrases of the packaged lexicon, longest first."""
    return read_lexicon(data_path(LEXICON_NAME).read_text(encoding="utf-8"))


def read_lexicon(text: str) -> tuple[Phrase, ...]:
    phrases: list[Phrase] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise InternalError(f"{LEXICON_NAME}:{number}: expected 'phrase<TAB>lang[<TAB>note]'")
        phrases.append(Phrase(cells[0].strip(), cells[1].strip(), "\t".join(cells[2:]).strip()))
    return tuple(sorted(phrases, key=lambda p: -len(p.text)))


def _initial(text: str) -> str:
    """The characters a phrase may begin with: a capital at a sentence start matches too."""
    first = text[0]
    if first in "’'":
        return "’'"
    if first.isalpha() and first.islower():
        return "".join(dict.fromkeys(first + first.upper()))
    return first


def _rest_pattern(text: str) -> str:
    parts = []
    for char in text:
        if char in "’'":
            parts.append("[’']")
        elif char.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@cache
def matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for the whole lexicon, and the language of each (casefolded) phrase.

    The phrases are grouped by their first character (longest first within a group), so that
    at the start of a word the engine tries only the phrases that begin with its letter."""
    phrases = lexicon()
    if not phrases:
        return re.compile(r"(?!)"), {}
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        rest = _rest_pattern(phrase.text[1:])
        for char in _initial(phrase.text):
            groups.setdefault(char, []).append(rest)
    alternatives = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in groups.items())
    pattern = re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w-]|[’']\w)")
    return pattern, {_key(p.text): p.lang for p in phrases}


def _key(text: str) -> str:
    return " ".join(text.replace("'", "’").split()).casefold()


def apply(tree: etree._ElementTree, ctx: Context) -> None:
    text = tree.getroot().find("tei:text", NSMAP)
    if text is None:
        return
    pattern, languages = matcher()
    used: set[str] = set()
    for slot in reversed(list(text_slots(text, SKIP))):
        spans = []
        for match in pattern.finditer(slot.text):
            lang = languages.get(_key(match.group()))
            if lang:
                spans.append((match.start(), match.end(), _maker(lang)))
                used.add(lang)
        wrap(slot, spans)
    declare_languages(tree.getroot(), used)


@cache
def language_names() -> dict[str, str]:
    """ident → name, from ``data/languages.tsv``."""
    names: dict[str, str] = {}
    for line in data_path(LANGUAGES_NAME).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 2 and not line.startswith("#") and cells[0] != "ident":
            names[cells[0].strip()] = cells[1].strip()
    return names


def declare_languages(root: etree._Element, idents: set[str]) -> None:
    """Add a ``language`` to ``profileDesc/langUsage`` for each language tagged and not yet
    declared (where the header has a langUsage)."""
    usage = root.find("tei:teiHeader/tei:profileDesc/tei:langUsage", NSMAP)
    if usage is None:
        return
    declared = {language.get("ident") for language in usage.iterfind("tei:language", NSMAP)}
    for ident in sorted(idents - declared):
        language = etree.SubElement(usage, tei("language"), ident=ident)
        language.text = language_names().get(ident, ident)


def _maker(lang: str):  # type: ignore[no-untyped-def]
    def make(content: str) -> etree._Element:
        element = etree.Element(tei("foreign"))
        element.set(xml_attr("lang"), lang)
        element.text = content
        return element

    return make
