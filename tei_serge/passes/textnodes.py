"""Wrapping matches found in text nodes: the one mechanism passes use to add inline elements.

A TEI text node lives either in ``element.text`` or in ``child.tail``. :func:`text_slots` lists
them (skipping subtrees that must not be touched), and :func:`wrap` cuts one slot at the given
spans and inserts new elements there, keeping every character in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from lxml import etree

from ..xmlio import tei


class Slot(NamedTuple):
    """A text node: ``owner.text`` when ``is_tail`` is false, else ``owner.tail``. (A named
    tuple: every pass makes one per text node of the document, so it must be cheap.)"""

    owner: etree._Element
    is_tail: bool

    @property
    def text(self) -> str:
        return (self.owner.tail if self.is_tail else self.owner.text) or ""

    @property
    def parent(self) -> etree._Element:
        parent = self.owner.getparent() if self.is_tail else self.owner
        assert parent is not None
        return parent


def text_slots(root: etree._Element, skip: frozenset[str]) -> Iterator[Slot]:
    """Every text node under ``root`` (document order) whose parent is not inside a ``skip``
    element (Clark names). Slots are listed before any is changed, so wrap them back to front."""
    slots: list[Slot] = []
    append = slots.append

    def visit(element: etree._Element) -> None:
        if element.tag in skip or not isinstance(element.tag, str):
            return
        if element.text:
            append(Slot(element, False))
        for child in element:
            visit(child)
            if child.tail:
                append(Slot(child, True))

    visit(root)
    return iter(slots)


def wrap(slot: Slot, spans: list[tuple[int, int, Callable[[str], etree._Element]]]) -> None:
    """Replace the text of ``slot`` by text and new elements: each span (start, end, make)
    becomes ``make(text[start:end])``. Spans must be sorted and must not overlap."""
    if not spans:
        return
    text = slot.text
    parent = slot.parent
    index = parent.index(slot.owner) + 1 if slot.is_tail else 0
    pieces: list[etree._Element] = []
    position = 0
    lead = text[: spans[0][0]]
    for number, (start, end, make) in enumerate(spans):
        element = make(text[start:end])
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        element.tail = text[end:following] or None
        pieces.append(element)
        position = end
    assert position <= len(text)
    if slot.is_tail:
        slot.owner.tail = lead or None
    else:
        slot.owner.text = lead or None
    for offset, element in enumerate(pieces):
        parent.insert(index + offset, element)


def element_maker(tag: str, **attributes: str) -> Callable[[str], etree._Element]:
    def make(text: str) -> etree._Element:
        element = etree.Element(tei(tag), attributes)
        element.text = text
        return element

    return make
