"""Dates pass: dates written out in running text get ``<date when>``.

Only dates that name their year are tagged ("February 6, 1934", "September 1949", "in 1935",
"between 1934 and 1938"): a day without a year in running text may refer to any year the entry
looks back on, so it is left as text. Datelines are dated by the reader, not here.
"""

from __future__ import annotations

import re

from lxml import etree

from .. import dates
from ..context import Context
from ..xmlio import NSMAP, tei
from .textnodes import element_maker, text_slots, wrap

SKIP = frozenset(tei(tag) for tag in (
    "date", "dateline", "title", "persName", "placeName", "orgName", "name", "foreign", "ptr",
))  # fmt: skip
YEAR_ONLY = re.compile(r"(?<![\d,.])(?:1[6-9]\d\d)(?![\d,])")
# Where a date can begin: a digit, a month, a weekday or a vague word ("End of"). The words are
# grouped by their first letter, and the first character is tested first, so that the regular
# expression engine skips quickly over positions where no date can begin.
_START_WORDS = (
    [m.capitalize() for m in dates.MONTHS]
    + [a.capitalize() for a in dates.MONTH_ABBREVIATIONS]
    + ["End", "Beginning", "Middle", "Mid", "Early", "Late", "Start"]
    + ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)
_BY_INITIAL: dict[str, list[str]] = {}
for _word in _START_WORDS:
    _BY_INITIAL.setdefault(_word[0], []).append(re.escape(_word[1:]))
START = re.compile(
    r"\b(?=[\d" + "".join(re.escape(c) for c in _BY_INITIAL) + r"])(?=\d|(?:"
    + "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in _BY_INITIAL.items())
    + r")\b)"
)


def find_dates(text: str) -> list[tuple[int, int, dict[str, str]]]:
    """Spans of dates with an explicit year, and their ISO attributes."""
    found: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    while position < len(text):
        start = START.search(text, position)
        if start is None:
            break
        result = dates.match_date(text, start.start())
        if result is not None and result[1].groupdict().get("year"):
            kind, match = result
            try:
                value = dates.date_value(kind, match, None)
            except dates.DateError:
                value = None
            if value is not None and (kind != "year" or YEAR_ONLY.fullmatch(match.group(0))):
                found.append((match.start(), match.end(), value.attributes()))
                position = match.end()
                continue
        position = start.start() + 1
        # skip to the end of the current word so a year inside a number is not matched
        while position < len(text) and text[position].isalnum():
            position += 1
    return found


def apply(tree: etree._ElementTree, ctx: Context) -> None:
    text_root = tree.find("tei:text", NSMAP)
    if text_root is None:
        return
    for slot in reversed(list(text_slots(text_root, SKIP))):
        if slot.parent.tag not in (tei("p"), tei("note")) and not _inside_paragraph(slot.parent):
            continue
        spans = [
            (start, end, element_maker("date", **attributes))
            for start, end, attributes in find_dates(slot.text)
        ]
        wrap(slot, spans)


def _inside_paragraph(element: etree._Element) -> bool:
    return any(ancestor.tag in (tei("p"), tei("note")) for ancestor in element.iterancestors())
