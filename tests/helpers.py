"""Test helpers: the words of a source, and of a TEI text, computed independently."""

from __future__ import annotations

import re

from lxml import etree

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
WORD = re.compile(r"\w+")
NOTE_LINE = re.compile(r"^(\d{1,3})\.\s+(.*)$")
ANCHOR = re.compile(r" ?\[(\d{1,3})\]")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def source_words_notes_at_anchors(text: str) -> list[str]:
    """The words of a source text with each note's words moved to its anchor, the numbered notes
    and their "Notes" heading removed from the end."""
    lines = [line.strip() for line in text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")]
    content = [line for line in lines if line]
    tail: list[str] = []
    if content and content[-1].startswith("Last updated"):
        tail = [content.pop()]
    notes: dict[str, str] = {}
    while content and NOTE_LINE.match(content[-1]):
        found = NOTE_LINE.match(content.pop())
        assert found
        notes[found.group(1)] = found.group(2)
    if content and content[-1] in ("Notes", "Footnotes"):
        content.pop()
    body = "\n".join(content + tail)
    return words(ANCHOR.sub(lambda m: " " + notes[m.group(1)] + " ", body))


def tei_text_words(tree: etree._ElementTree) -> list[str]:
    """The words of ``text`` (front, body, back) in document order; the header is not text."""
    text = tree.find("tei:text", TEI)
    assert text is not None
    return words(" ".join(text.itertext()))
