"""Stage 1: the archive's plain text → :class:`~tei_serge.model.Document`. No XML here.

Layout, top to bottom (see the source's README): author; title; subtitle(s); an optional date
line "(1937)"; the source line "From The New International, ..."; credit lines (translated,
thanks, transcribed); an optional editor's introduction (signed "– Ed."); "* * *" separators;
the entries (an optional short heading line, then a paragraph opening with a dateline); an
optional signature; an optional "Notes" heading and the numbered notes; "Last updated on ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import dates
from .errors import SourceError
from .model import (
    Credit,
    Dateline,
    DateValue,
    Document,
    Entry,
    FrontMatter,
    Inline,
    Note,
    NoteRef,
    Paragraph,
    Separator,
    SourceLine,
)

MAX_SOURCE_BYTES = 50 * 1024 * 1024

SEPARATOR = re.compile(r"^\*(?:\s*\*)+$")
NOTE_ANCHOR = re.compile(r" ?\[(\d{1,3})\]")
NOTE_LINE = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
NOTES_HEADING = re.compile(r"^(?:Foot|End)?[Nn]otes:?$")
LAST_UPDATED = re.compile(r"^Last updated(?: on)?\s+(?P<date>.+?)\.?$")
EDITOR_SIGNATURE = re.compile(r"\s*(?P<sig>[–—-]\s*Ed(?:itors?)?\.)$")
DOC_DATE = re.compile(r"^\(\s*\d{4}(?:\s*[–-]\s*\d{2,4})?\s*\)$")
SOURCE_LINE = re.compile(
    r"^From\s+(?P<periodical>.+?),\s*Vol\.\s*(?P<volume>[IVXLC\d]+)\s*No\.\s*(?P<number>\d+)"
    r"(?:,\s*(?P<date>[A-Z][a-z]+(?:[–-][A-Z][a-z]+)?\s+\d{4}))?"
    r"(?:,\s*pp?\.\s*(?P<pages>(?P<from>\d+)(?:\s*[–-]\s*(?P<to>\d+))?))?"
)
CREDIT_LINE = re.compile(
    r"^(?P<verb>Translated|Annotated|Transcribed|Edited|Marked up|Thanks to|Proofread|Prepared)\b"
)
CREDIT_NAME = re.compile(
    r"(?:\bby|Thanks to)\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*?)"
    r"(?=\s+for\b|\s*[.,;]?$)"
)
# A dateline: [Place, ] Date [, part of day] [, Place] then "." or ":" (or the date's own
# abbreviation dot), at the very start of a paragraph.
PLACE = r"[A-Z][\w’'-]+(?:[ -](?:de |du |la |le )?[A-Z][\w’'-]+){0,3}"
PLACE_BEFORE = re.compile(rf"(?P<place>{PLACE}),\s+")
PLACE_AFTER = re.compile(rf",\s+(?P<place>{PLACE})")
DATELINE_END = re.compile(r"[.:](?=\s|$)")
HEADING_MAX_WORDS = 14


@dataclass(frozen=True)
class Block:
    """A paragraph of the source: its text (lines joined by a space) and its first line number.
    ``lines`` keeps the lines apart for the front matter, where each line is a unit."""

    text: str
    line: int
    lines: tuple[str, ...] = ()

    def split_lines(self) -> list[Block]:
        return [Block(text, self.line + i) for i, text in enumerate(self.lines or (self.text,))]


def decode(data: bytes, name: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM); refuses empty, binary and non-UTF-8 input."""
    if not data.strip():
        raise SourceError(f"{name}: the input is empty")
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"{name}: the input is larger than {MAX_SOURCE_BYTES // 2**20} MB")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(f"{name}: binary input (a NUL byte at byte {nul}); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte {exc.start}); "
            "convert the file to UTF-8"
        ) from None
    control = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if control:
        offset = len(text[: control.start()].encode("utf-8"))
        raise SourceError(f"{name}: binary input (control character at byte {offset})")
    return text


def normalise(text: str) -> str:
    """CRLF/CR → LF, no trailing spaces, no BOM."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(Block(" ".join(current), start, tuple(current)))
            current = []
    if current:
        blocks.append(Block(" ".join(current), start, tuple(current)))
    return blocks


def read_source(source: bytes | str | Path, name: str | None = None) -> Document:
    """Read the archive's text (bytes, text, or a file path) into a :class:`Document`."""
    if isinstance(source, Path):
        label = name or str(source)
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise SourceError(f"{label}: cannot read: {exc.strerror or exc}") from None
        text = decode(data, label)
    elif isinstance(source, bytes):
        label = name or "<input>"
        text = decode(source, label)
    else:
        label = name or "<input>"
        if not source.strip():
            raise SourceError(f"{label}: the input is empty")
        text = source
    return parse_document(split_blocks(normalise(text)), label)


def parse_document(blocks: list[Block], name: str) -> Document:
    blocks, last_updated = _take_last_updated(blocks)
    blocks, notes = _take_notes(blocks, name)
    blocks, notes_heading = _take_if(blocks, lambda b: bool(NOTES_HEADING.match(b.text)))
    if len(blocks) < 3:
        raise SourceError(f"{name}: too short: expected an author line, a title and diary entries")
    author = blocks[0].text
    blocks, signature = _take_if(blocks, lambda b: b.text == author and b is not blocks[0])
    front, rest = _parse_front(blocks, name)
    introduction, signature_ed, body_blocks = _split_introduction(rest)
    body = _parse_body(body_blocks, name, _latest_year(front))
    if not any(isinstance(item, Entry) for item in body):
        first = body_blocks[0].line if body_blocks else blocks[-1].line
        raise SourceError(
            f"{name}:{first}: no diary entry found: an entry opens with a date such as "
            "'November 20, 1937.' or 'Brussels, January 11, 1937, morning.'"
        )
    front = FrontMatter(
        author=front.author,
        title=front.title,
        subtitles=front.subtitles,
        doc_date=front.doc_date,
        source_line=front.source_line,
        credits=front.credits,
        introduction=tuple(_paragraph(b, name) for b in introduction),
        introduction_signature=signature_ed,
    )
    document = Document(
        front=front,
        body=tuple(body),
        notes=tuple(notes),
        notes_heading=notes_heading.text if notes_heading else None,
        signature=signature.text if signature else None,
        last_updated=last_updated.text if last_updated else None,
        last_updated_iso=_iso_day(last_updated.text) if last_updated else None,
        name=name,
    )
    _check_notes(document, name)
    return document


def _take_if(blocks: list[Block], test: object) -> tuple[list[Block], Block | None]:
    if blocks and callable(test) and test(blocks[-1]):
        return blocks[:-1], blocks[-1]
    return blocks, None


def _take_last_updated(blocks: list[Block]) -> tuple[list[Block], Block | None]:
    return _take_if(blocks, lambda b: bool(LAST_UPDATED.match(b.text)))


def _take_notes(blocks: list[Block], name: str) -> tuple[list[Block], list[Note]]:
    end = len(blocks)
    while end > 0 and NOTE_LINE.match(blocks[end - 1].text):
        end -= 1
    note_blocks = blocks[end:]
    # A numbered run at the very end is the notes section only if the body points at it.
    if not note_blocks:
        return blocks, []
    notes: list[Note] = []
    for block in note_blocks:
        found = NOTE_LINE.match(block.text)
        assert found is not None
        number = int(found.group(1))
        if notes and number != notes[-1].number + 1:
            raise SourceError(
                f"{name}:{block.line}: note {number} follows note {notes[-1].number}: "
                "notes must be numbered without gaps"
            )
        notes.append(Note(number, (block.text[found.end() :],), block.line))
    return blocks[:end], notes


def _iso_day(text: str) -> str | None:
    found = LAST_UPDATED.match(text)
    if not found:
        return None
    phrase = found.group("date")
    day_month = re.match(r"^(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$", phrase)
    try:
        if day_month:
            day, month, year = day_month.groups()
            return f"{int(year):04d}-{dates.month_number(month):02d}-{int(day):02d}"
        value = dates.parse_date(phrase)
    except dates.DateError:
        return None
    return value.when


def _parse_front(blocks: list[Block], name: str) -> tuple[FrontMatter, list[Block]]:
    author, title = blocks[0].text, blocks[1].text
    subtitles: list[str] = []
    doc_date = None
    source_line = None
    credits: list[Credit] = []
    # Front-matter lines may share a block ("From ..." then the credits): each line is a unit.
    units = [unit for block in blocks[2:] for unit in block.split_lines()]
    index = 0
    while index < len(units):
        text = units[index].text
        if DOC_DATE.match(text) and doc_date is None:
            doc_date = text
        elif text.startswith("From ") and source_line is None:
            source_line = _parse_source_line(text)
        elif CREDIT_LINE.match(text):
            credits.append(_parse_credit(text))
        elif source_line is None and not credits and len(subtitles) < 3 and _is_short_line(text):
            subtitles.append(text)
        else:
            break
        index += 1
    consumed_lines = {(u.line, u.text) for u in units[:index]}
    rest = [
        block
        for block in blocks[2:]
        if not all((u.line, u.text) in consumed_lines for u in block.split_lines())
    ]
    if rest and any((u.line, u.text) in consumed_lines for u in rest[0].split_lines()):
        remaining = [u for u in rest[0].split_lines() if (u.line, u.text) not in consumed_lines]
        rest[0] = Block(" ".join(u.text for u in remaining), remaining[0].line,
                        tuple(u.text for u in remaining))  # fmt: skip
    front = FrontMatter(author, title, tuple(subtitles), doc_date, source_line, tuple(credits))
    return front, rest


def _is_short_line(text: str) -> bool:
    return len(text.split()) <= HEADING_MAX_WORDS and not dates.match_date(text)


def _parse_source_line(text: str) -> SourceLine:
    found = SOURCE_LINE.match(text)
    if not found:
        return SourceLine(text=text)
    groups = found.groupdict()
    iso = None
    if groups["date"]:
        month_word, year = groups["date"].split()[0], groups["date"].split()[-1]
        try:
            iso = f"{int(year):04d}-{dates.month_number(re.split('[–-]', month_word)[0]):02d}"
        except dates.DateError:
            iso = year
    return SourceLine(
        text=text,
        periodical=groups["periodical"],
        volume=groups["volume"],
        number=groups["number"],
        date_text=groups["date"],
        date=iso,
        pages=groups["pages"],
        page_from=groups["from"],
        page_to=_full_page(groups["from"], groups["to"]),
    )


def _full_page(first: str | None, last: str | None) -> str | None:
    """ "51–7" means 51 to 57: expand an abbreviated last page."""
    if first is None or last is None or len(last) >= len(first):
        return last
    return first[: len(first) - len(last)] + last


def _parse_credit(text: str) -> Credit:
    verb = CREDIT_LINE.match(text)
    assert verb is not None
    role = {"Translated": "translator", "Annotated": "translator", "Transcribed": "transcriber",
            "Marked up": "transcriber", "Thanks to": "thanks"}.get(verb.group("verb"), "other")  # fmt: skip
    person = CREDIT_NAME.search(text)
    return Credit(role=role, text=text, name=person.group("name").rstrip(".") if person else None)


def _split_introduction(blocks: list[Block]) -> tuple[list[Block], str | None, list[Block]]:
    """Blocks before the first entry (or heading) form the editor's introduction."""
    first_entry = next((i for i, block in enumerate(blocks) if _entry_start(blocks, i)), len(blocks))
    intro = [b for b in blocks[:first_entry] if not SEPARATOR.match(b.text)]
    separators = [b for b in blocks[:first_entry] if SEPARATOR.match(b.text)]
    signature = None
    if intro:
        found = EDITOR_SIGNATURE.search(intro[-1].text)
        if found:
            signature = found.group("sig")
            intro[-1] = Block(intro[-1].text[: found.start()], intro[-1].line)
            if not intro[-1].text:
                intro.pop()
    return intro, signature, separators + blocks[first_entry:]


def _entry_start(blocks: list[Block], index: int, located: list[Located | None] | None = None) -> bool:
    """Does an entry begin at this block (a dateline, or a heading right before one)?
    ``located`` holds the blocks' datelines when the caller has found them already."""
    if located is not None:
        return located[index] is not None or (
            index + 1 < len(blocks) and located[index + 1] is not None and is_heading(blocks[index].text)
        )
    if find_dateline(blocks[index].text) is not None:
        return True
    return (
        index + 1 < len(blocks)
        and is_heading(blocks[index].text)
        and (find_dateline(blocks[index + 1].text) is not None)
    )


def is_heading(text: str) -> bool:
    """A short title line: few words, capitalised, quotation marks balanced, no sentence-final
    stop (a closing ")." is allowed: "Brandler (Dzerzhinsky, Stalin, Semyonov).")."""
    if not text[:1].isupper() or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return False
    return not re.search(r"(?<!\))[.:;…,]$", text)


Located = tuple[int, tuple[int, int], tuple[int, int] | None, str, re.Match[str]]


def find_dateline(text: str) -> Located | None:
    """Locate a dateline at the start of ``text``.

    Returns (end of dateline, date span, place span, kind, match) or None. A dateline needs a
    year or a day and month, and ends with "." or ":" (or the date's own abbreviation dot).
    """
    pos = 0
    place_span = None
    before = PLACE_BEFORE.match(text)
    if before and dates.match_date(text, before.end()) and not dates.match_date(text):
        place_span = before.span("place")
        pos = before.end()
    result = dates.match_date(text, pos)
    if result is None:
        return None
    kind, found = result
    groups = found.groupdict()
    if not groups.get("year") and not groups.get("day"):
        return None  # "August." alone is not a dateline; "1st of August." is
    end = found.end()
    part = dates.PART_OF_DAY.match(text, end)
    if part:
        end = part.end()
    date_span = (pos, end)
    after = PLACE_AFTER.match(text, end)
    if after and place_span is None and DATELINE_END.match(text, after.end()):
        place_span = after.span("place")
        end = after.end()
    terminator = DATELINE_END.match(text, end)
    if terminator:
        end = terminator.end()
    elif not (text[end - 1 : end] == "." and (end == len(text) or text[end].isspace())):
        return None
    return end, date_span, place_span, kind, found


def _parse_body(blocks: list[Block], name: str, latest_year: int | None) -> list[Entry | Separator]:
    body: list[Entry | Separator] = []
    heading: Block | None = None
    current: dict[str, object] | None = None
    previous_end: str | None = None
    pending: list[Paragraph] = []
    datelines = [find_dateline(block.text) for block in blocks]

    def close() -> None:
        if current is not None:
            body.append(Entry(current["heading"], current["dateline"], tuple(pending), current["line"]))  # type: ignore[arg-type]

    for index, block in enumerate(blocks):
        if SEPARATOR.match(block.text):
            close()
            current, pending = None, []
            body.append(Separator(block.text, block.line))
            continue
        located = datelines[index]
        if heading is None and located is None and _entry_start(blocks, index, datelines):
            heading = block
            continue
        if located is not None:
            close()
            dateline = _dateline(block, located, previous_end, latest_year, name)
            previous_end = dateline.value.end
            rest = block.text[located[0] :].lstrip()
            pending = [_paragraph(Block(rest, block.line), name)] if rest else []
            current = {"heading": heading.text if heading else None, "dateline": dateline,
                       "line": (heading or block).line}  # fmt: skip
            heading = None
            continue
        if current is None:
            raise SourceError(
                f"{name}:{block.line}: a paragraph before the first dated entry: {block.text[:60]!r}"
            )
        pending.append(_paragraph(block, name))
    close()
    return body


def _dateline(block: Block, located: Located, previous_end: str | None, latest_year: int | None,
              name: str) -> Dateline:  # fmt: skip
    end, date_span, place_span, kind, found = located
    previous_year = int(previous_end[:4]) if previous_end else None
    try:
        value: DateValue = dates.date_value(kind, found, previous_year)
        if not found.groupdict().get("year") and previous_end:
            value = dates.roll_into_next_year(value, previous_end)
    except dates.DateError as exc:
        raise SourceError(f"{name}:{block.line}: unparseable date: {exc}") from None
    if latest_year is not None:
        value = dates.correct_misprinted_year(value, latest_year, previous_year)
    text = block.text[:end]
    return Dateline(text, date_span, place_span, value, block.line, standalone=not block.text[end:].strip())


def _latest_year(front: FrontMatter) -> int | None:
    """The year the installment was published: no diary date can be later."""
    if front.source_line and front.source_line.date:
        return int(front.source_line.date[:4])
    return None


def _paragraph(block: Block, name: str) -> Paragraph:
    content: list[Inline] = []
    position = 0
    for found in NOTE_ANCHOR.finditer(block.text):
        if found.start() > position:
            content.append(block.text[position : found.start()])
        content.append(NoteRef(int(found.group(1)), block.line))
        position = found.end()
    if position < len(block.text):
        content.append(block.text[position:])
    return Paragraph(tuple(content), block.line)


def _check_notes(document: Document, name: str) -> None:
    anchors: list[NoteRef] = []
    paragraphs = list(document.front.introduction)
    for entry in document.entries:
        paragraphs.extend(entry.paragraphs)
    for paragraph in paragraphs:
        anchors.extend(part for part in paragraph.content if isinstance(part, NoteRef))
    numbers = {note.number: note for note in document.notes}
    seen: set[int] = set()
    for anchor in anchors:
        if anchor.number not in numbers:
            raise SourceError(
                f"{name}:{anchor.line}: note anchor [{anchor.number}] has no note "
                "(add a numbered note at the end or remove the marker)"
            )
        if anchor.number in seen:
            raise SourceError(f"{name}:{anchor.line}: note anchor [{anchor.number}] appears twice")
        seen.add(anchor.number)
    for note in document.notes:
        if note.number not in seen:
            raise SourceError(f"{name}:{note.line}: note {note.number} has no anchor in the text")
