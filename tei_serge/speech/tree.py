"""Mixed content seen as one string, and wrapping a range of it in a new element.

A :class:`Level` is an element's content flattened to plain text: its own text and tails,
plus the text of its child elements (``persName``, ``placeName``, ``title``, …), except
``note`` children, which are read as their own scope and add nothing here. Only the element's
*own* characters (``own``) may start or end a wrapped range, so a range never cuts a child
element in two: :func:`wrap` moves whole children into the new element and never produces
overlapping markup.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from lxml import etree

from ..xmlio import TEI_NS, tei
from .cues import Mention

SKIPPED = frozenset({tei("note")})  # their words are not part of the sentence around them
PERSON = tei("persName")


@dataclass
class Level:
    elem: etree._Element
    text: str = ""
    slots: list[tuple[int, int]] = field(default_factory=list)  # flat (start, end) per slot
    mentions: list[Mention] = field(default_factory=list)

    def locate(self, offset: int) -> tuple[int, int]:
        """(slot, offset in the slot) of one of the element's own characters."""
        slot = bisect.bisect_right(self.starts, offset) - 1
        while slot >= 0 and not self.slots[slot][0] <= offset < self.slots[slot][1]:
            slot -= 1  # empty slots share their start with the next one
        if slot < 0:
            raise ValueError(f"offset {offset} is inside a child element")
        return slot, offset - self.slots[slot][0]

    @property
    def starts(self) -> list[int]:
        return [start for start, _ in self.slots]

    def own_positions(self, chars: str) -> list[int]:
        """Offsets of the element's own characters that are one of ``chars``."""
        pattern = _char_class(chars)
        text = self.text
        return [m.start() for start, end in self.slots if end > start
                for m in pattern.finditer(text, start, end)]


@functools.cache
def _char_class(chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]")


def flatten(elem: etree._Element) -> Level:
    level = Level(elem)
    parts: list[str] = []
    pos = 0

    def add_own(slot: int, text: str | None) -> None:
        nonlocal pos
        parts.append(text or "")
        level.slots.append((pos, pos + len(text or "")))
        pos += len(text or "")

    add_own(0, elem.text)
    for index, child in enumerate(elem):
        if isinstance(child.tag, str) and child.tag not in SKIPPED:
            pos = _add_child(child, parts, pos, level.mentions)
        add_own(index + 1, child.tail)
    level.text = "".join(parts)
    level.mentions[:] = [
        Mention(m.start, m.end, m.ref, level.text[m.start:m.end]) for m in level.mentions
    ]
    return level


def _add_child(child: etree._Element, parts: list[str], pos: int, mentions: list[Mention]) -> int:
    start = pos
    if child.text:
        parts.append(child.text)
        pos += len(child.text)
    for grandchild in child:
        if isinstance(grandchild.tag, str) and grandchild.tag not in SKIPPED:
            pos = _add_child(grandchild, parts, pos, mentions)
        if grandchild.tail:
            parts.append(grandchild.tail)
            pos += len(grandchild.tail)
    if child.tag == PERSON:
        ref = (child.get("ref") or "").split()
        mentions.append(Mention(start, pos, ref[0] if ref else None, ""))  # text: flatten
    return pos


def _slot_get(elem: etree._Element, slot: int) -> str:
    return (elem.text if slot == 0 else elem[slot - 1].tail) or ""


def _slot_set(elem: etree._Element, slot: int, value: str) -> None:
    if slot == 0:
        elem.text = value or None
    else:
        elem[slot - 1].tail = value or None


def wrap(level: Level, start: int, end: int, tag: str) -> etree._Element:
    """Wrap the flat range ``start``–``end`` of ``level`` in a new TEI element ``tag``.

    ``start`` must be one of the element's own characters; ``end`` is just after one of
    them, or the end of the content.
    """
    elem = level.elem
    slot_a, off_a = level.locate(start)
    if end >= len(level.text):
        slot_b = len(elem)
        off_b = len(_slot_get(elem, slot_b))
    else:
        slot_b, off_b = level.locate(end - 1)
        off_b += 1
    new = etree.Element(tag, nsmap=None)
    text_a = _slot_get(elem, slot_a)
    if slot_a == slot_b:
        new.text = text_a[off_a:off_b] or None
        new.tail = text_a[off_b:] or None
        _slot_set(elem, slot_a, text_a[:off_a])
    else:
        text_b = _slot_get(elem, slot_b)
        new.text = text_a[off_a:] or None
        _slot_set(elem, slot_a, text_a[:off_a])
        for child in list(elem)[slot_a:slot_b]:
            new.append(child)
        new[-1].tail = text_b[:off_b] or None
        new.tail = text_b[off_b:] or None
    elem.insert(slot_a, new)
    return new


def local(elem: etree._Element) -> str:
    tag = elem.tag
    if not isinstance(tag, str):
        return ""
    return tag[len(TEI_NS) + 2:] if tag.startswith(f"{{{TEI_NS}}}") else tag
