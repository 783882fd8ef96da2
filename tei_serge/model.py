"""The parsed document model: what the source text says, before any XML.

Stage 1 (``source.read_source``) produces a :class:`Document`; stage 2 (``tei.build_tei``)
turns it into a TEI tree. Everything is frozen: later stages never change the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NoteRef:
    """A note anchor `` [n]`` in running text."""

    number: int
    line: int


Inline = str | NoteRef


@dataclass(frozen=True)
class Paragraph:
    """One block of running text; ``content`` alternates text and note anchors."""

    content: tuple[Inline, ...]
    line: int

    @property
    def text(self) -> str:
        return "".join(part if isinstance(part, str) else f" [{part.number}]" for part in self.content)


@dataclass(frozen=True)
class DateValue:
    """A normalised date: TEI ``att.datable.w3c`` values (ISO 8601 ``YYYY[-MM[-DD]]``)."""

    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    from_: str | None = None
    to: str | None = None
    kind: str = "day"  # day | month | year | vague | double | range
    conjecture: bool = False  # the printed year was corrected (a misprint)

    def attributes(self) -> dict[str, str]:
        names = {
            "when": self.when,
            "notBefore": self.not_before,
            "notAfter": self.not_after,
            "from": self.from_,
            "to": self.to,
        }
        return {name: value for name, value in names.items() if value}

    @property
    def start(self) -> str:
        """The earliest ISO date the value allows (for ordering and ranges)."""
        return self.when or self.not_before or self.from_ or ""

    @property
    def end(self) -> str:
        return self.when or self.not_after or self.to or ""


@dataclass(frozen=True)
class Dateline:
    """The opening words of an entry that give its date and, maybe, its place.

    ``text`` is exactly as printed; ``date_span`` and ``place_span`` are character ranges in it.
    """

    text: str
    date_span: tuple[int, int]
    place_span: tuple[int, int] | None
    value: DateValue
    line: int
    standalone: bool = False  # the dateline is a paragraph of its own ("Dec. 1937.")

    @property
    def date_text(self) -> str:
        return self.text[self.date_span[0] : self.date_span[1]]

    @property
    def place_text(self) -> str | None:
        return None if self.place_span is None else self.text[self.place_span[0] : self.place_span[1]]


@dataclass(frozen=True)
class Entry:
    """One diary entry: an optional heading, its dateline and its paragraphs."""

    heading: str | None
    dateline: Dateline
    paragraphs: tuple[Paragraph, ...]
    line: int


@dataclass(frozen=True)
class Separator:
    """A ``* * *`` line, kept where it stands."""

    text: str
    line: int


@dataclass(frozen=True)
class SourceLine:
    """ "From The New International, Vol. XV No. 7, September 1949, pp. 214–218." """

    text: str
    periodical: str | None = None
    volume: str | None = None
    number: str | None = None
    date_text: str | None = None
    date: str | None = None  # ISO year-month
    pages: str | None = None
    page_from: str | None = None
    page_to: str | None = None


@dataclass(frozen=True)
class Credit:
    """A credit line under the title: translator, transcriber, thanks."""

    role: str  # translator | transcriber | thanks | other
    text: str
    name: str | None


@dataclass(frozen=True)
class Note:
    number: int
    content: tuple[Inline, ...]
    line: int

    @property
    def text(self) -> str:
        return "".join(part for part in self.content if isinstance(part, str))


@dataclass(frozen=True)
class FrontMatter:
    author: str
    title: str
    subtitles: tuple[str, ...] = ()
    doc_date: str | None = None
    source_line: SourceLine | None = None
    credits: tuple[Credit, ...] = ()
    introduction: tuple[Paragraph, ...] = ()
    introduction_signature: str | None = None  # "– Ed."


@dataclass(frozen=True)
class Document:
    front: FrontMatter
    body: tuple[Entry | Separator, ...]
    notes: tuple[Note, ...] = ()
    notes_heading: str | None = None
    signature: str | None = None  # a closing "Victor Serge" line
    last_updated: str | None = None  # "Last updated on 29 September 2018"
    last_updated_iso: str | None = None
    name: str = "<input>"
    warnings: tuple[str, ...] = field(default=())

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(item for item in self.body if isinstance(item, Entry))
