"""Generated corpora for the benchmark: the embedded installment's entries repeated with fresh
dates and renumbered notes, so every generated document converts to valid TEI."""

from __future__ import annotations

import datetime as dt
import re

from tei_serge.resources import embedded_source_path
from tei_serge.source import Block, find_dateline, normalise, split_blocks

NOTE_LINE = re.compile(r"^(\d{1,3})\.\s")
ANCHOR = re.compile(r" \[(\d{1,3})\]")


def generate(copies: int) -> str:
    """The source with its entries repeated ``copies`` times (``copies=1`` is the source itself)."""
    text = normalise(embedded_source_path().read_text(encoding="utf-8"))
    if copies == 1:
        return text
    blocks = split_blocks(text)
    first_entry = next(i for i, b in enumerate(blocks) if b.text == "* * *") + 1
    notes_start = next(i for i, b in enumerate(blocks) if NOTE_LINE.match(b.text))
    front, entries, notes, tail = (
        blocks[:first_entry], blocks[first_entry:notes_start],
        blocks[notes_start:-1], blocks[-1:],
    )  # fmt: skip
    day = dt.date(1900, 1, 1)
    out: list[str] = [b.text for b in front]
    note_texts: list[str] = []
    for copy in range(copies):
        offset = copy * len(notes)
        for block in entries:
            line = block.text
            located = find_dateline(line)
            if located is not None:
                line = f"{day:%B} {day.day}, {day.year}." + line[located[0] :]
                day += dt.timedelta(days=1)
            out.append(ANCHOR.sub(lambda m, shift=offset: f" [{int(m.group(1)) + shift}]", line))
        for note in notes:
            number = int(NOTE_LINE.match(note.text).group(1))  # type: ignore[union-attr]
            note_texts.append(NOTE_LINE.sub(f"{number + offset}. ", note.text))
    return "\n\n".join(out + note_texts + [b.text for b in tail]) + "\n"


__all__ = ["Block", "generate"]
