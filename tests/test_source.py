"""Stage 1: the reader, on the embedded source, the real further installments and variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, FURTHER

from tei_serge.errors import SourceError
from tei_serge.model import Entry, Separator
from tei_serge.resources import embedded_source_path
from tei_serge.source import read_source

VARIANT_DIR = FIXTURES / "variants"


def entry_dates(path: Path) -> list[dict[str, str]]:
    return [entry.dateline.value.attributes() for entry in read_source(path).entries]


def test_embedded_source_front_matter() -> None:
    document = read_source(embedded_source_path())
    front = document.front
    assert front.author == "Victor Serge"
    assert front.title == "Pages from the Diary of Victor Serge"
    assert front.subtitles == ("Portraits and Scenes of the Revolutionary Movement",)
    assert front.source_line is not None
    line = front.source_line
    assert (line.periodical, line.volume, line.number) == ("The New International", "XV", "7")
    assert (line.date, line.page_from, line.page_to) == ("1949-09", "214", "218")
    assert [(c.role, c.name) for c in front.credits] == [
        ("translator", "James M. Fenwick"),
        ("transcriber", "Einde O’Callaghan"),
    ]
    assert len(front.introduction) == 1
    assert front.introduction[0].text.startswith("It is with great pleasure")
    assert front.introduction_signature == "– Ed."
    assert document.last_updated_iso == "2018-09-29"


def test_embedded_source_entries() -> None:
    document = read_source(embedded_source_path())
    entries = document.entries
    assert [e.heading for e in entries] == [
        None,
        "André Gide. Arrests at Leningrad (Véra, Esther)",
        "André Gide",
        "Disappearance of Andres Nin",
        None,
    ]
    assert [e.dateline.date_text for e in entries] == [
        "End of November, 1936",
        "January 11, 1937, morning",
        "May 8 and 18, 1937",
        "End of May, 1937",
        "November 20, 1937",
    ]
    assert [e.dateline.place_text for e in entries] == ["Paris", "Brussels", "Paris", None, None]
    assert [e.dateline.value.attributes() for e in entries] == [
        {"notBefore": "1936-11-20", "notAfter": "1936-11-30"},
        {"when": "1937-01-11"},
        {"from": "1937-05-08", "to": "1937-05-18"},
        {"notBefore": "1937-05-20", "notAfter": "1937-05-31"},
        {"when": "1937-11-20"},
    ]
    assert [n.number for n in document.notes] == [1, 2, 3, 4, 5]
    assert document.notes[2].text == "Nouvelle Revue Française."
    assert isinstance(document.body[0], Separator)
    assert document.body[0].text == "* * *"


@pytest.mark.parametrize("path", FURTHER, ids=lambda p: p.name)
def test_further_installments_read(path: Path) -> None:
    document = read_source(path)
    assert document.front.doc_date is not None
    assert document.signature == "Victor Serge"
    assert document.notes_heading in ("Notes", "Footnotes")
    assert document.notes and document.notes[0].number == 1
    assert all(isinstance(item, Entry | Separator) for item in document.body)
    assert len(document.entries) >= 1


def test_further_installment_two_datelines() -> None:
    path = next((p for p in FURTHER if "diary-2" in p.name), None)
    if path is None:
        pytest.skip("further installments not available")
    entries = read_source(path).entries
    by_heading = {e.heading: e for e in entries if e.heading}
    assert by_heading["Reiss, Krivitsky, Bastich, Others"].dateline.value.attributes() == {"when": "1937-12"}
    assert by_heading["Agabekov"].dateline.text == "February 20, 1938:"
    assert by_heading["Rossi"].dateline.value.attributes() == {"when": "1938-07"}
    misprint = by_heading["Brandler (Dzerzhinsky, Stalin, Semyonov)."].dateline
    assert misprint.date_text == "December, 1988"
    assert misprint.value.attributes() == {"when": "1938-12"}
    assert misprint.value.conjecture


def test_variant_no_place_no_heading() -> None:
    document = read_source(VARIANT_DIR / "no-place-no-heading.txt")
    assert [(e.heading, e.dateline.place_text) for e in document.entries] == [(None, None), (None, None)]
    assert [len(e.paragraphs) for e in document.entries] == [2, 1]
    assert document.notes == ()


def test_variant_morning_evening() -> None:
    document = read_source(VARIANT_DIR / "morning-evening.txt")
    assert [e.dateline.date_text for e in document.entries] == [
        "January 11, 1937, morning",
        "January 12, 1937, evening",
        "January 13, 1937, night",
    ]
    assert [e.dateline.place_text for e in document.entries] == ["Brussels", "Paris", "Antwerp"]
    assert entry_dates(VARIANT_DIR / "morning-evening.txt") == [
        {"when": "1937-01-11"},
        {"when": "1937-01-12"},
        {"when": "1937-01-13"},
    ]


def test_variant_double_date() -> None:
    assert entry_dates(VARIANT_DIR / "double-date.txt") == [
        {"from": "1937-05-08", "to": "1937-05-18"},
        {"from": "1937-05-20", "to": "1937-05-22"},
    ]
    kinds = [e.dateline.value.kind for e in read_source(VARIANT_DIR / "double-date.txt").entries]
    assert kinds == ["double", "range"]


def test_variant_vague_dates() -> None:
    assert entry_dates(VARIANT_DIR / "vague-dates.txt") == [
        {"notBefore": "1936-11-20", "notAfter": "1936-11-30"},
        {"notBefore": "1937-02-01", "notAfter": "1937-02-10"},
        {"notBefore": "1937-05-20", "notAfter": "1937-05-31"},
    ]


def test_variant_year_carries_over() -> None:
    assert entry_dates(VARIANT_DIR / "year-carry.txt") == [
        {"when": "1938-03-03"},
        {"when": "1938-03-05"},
        {"when": "1938-04-01"},
        {"when": "1938-12"},
        {"when": "1939-01-02"},
    ]


def test_variant_headings_with_punctuation() -> None:
    document = read_source(VARIANT_DIR / "heading-punctuation.txt")
    assert [e.heading for e in document.entries] == [
        "André Gide. Arrests at Leningrad (Véra, Esther)",
        "Brandler (Dzerzhinsky, Stalin, Semyonov).",
        "Who killed Andres Nin?",
        "The “Ludwig” Warning – Reiss, Krivitsky",
    ]
    last = document.entries[-1]
    assert last.dateline.text == "Dec. 1937."
    assert [p.text for p in last.paragraphs] == ["Have lived for a month in a stifling atmosphere."]


def test_variant_no_notes_section() -> None:
    document = read_source(VARIANT_DIR / "no-notes.txt")
    assert document.notes == () and document.notes_heading is None
    assert document.last_updated_iso == "2017-02-07"
    assert len(document.entries) == 1


def test_variant_several_separators() -> None:
    document = read_source(VARIANT_DIR / "separators.txt")
    assert [type(item).__name__ for item in document.body] == [
        "Separator", "Entry", "Separator", "Entry", "Separator",
    ]  # fmt: skip
    assert document.front.introduction_signature == "– Ed."
    assert [n.number for n in document.notes] == [1]


def test_variant_notes_continue_numbering() -> None:
    document = read_source(VARIANT_DIR / "continued-notes.txt")
    assert [n.number for n in document.notes] == [19, 20, 21]
    assert document.notes_heading == "Footnotes"
    assert document.signature == "Victor Serge"
    assert document.front.doc_date == "(1938)"
    assert document.front.source_line is not None
    assert (document.front.source_line.page_from, document.front.source_line.page_to) == ("101", "105")
    assert [(c.role, c.name) for c in document.front.credits] == [
        ("thanks", "Roland Ferguson"),
        ("transcriber", "Einde O’Callaghan"),
    ]


def test_crlf_bom_and_trailing_spaces_read_the_same() -> None:
    plain = (VARIANT_DIR / "separators.txt").read_text(encoding="utf-8")
    messy = "\ufeff" + "\r\n".join(line + "  " for line in plain.split("\n"))
    assert read_source(messy.encode("utf-8"), name="x") == read_source(plain.encode("utf-8"), name="x")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"Victor Serge\n\x00\x01binary", "NUL byte at byte 13"),
        ("Victor Serge\n\nTitre\n\nÉté".encode("latin-1"), "not UTF-8 (invalid byte 0xc9 at byte 21)"),
        (b"Victor Serge\n\nA title\n\nJust words, no dates.\n\nMore words.", "no diary entry found"),
        (b"Victor Serge\n\nA title\n\nMay 3, 1937. Text [1].\n\nMore.", "note anchor [1] has no note"),
        (b"Victor Serge\n\nA title\n\nMay 3, 1937. Text.\n\n1. A note.", "note 1 has no anchor"),
        (b"Victor Serge\n\nA title\n\nFebruary 30, 1937. Text.\n\nMore.", "unparseable date"),
    ],
)
def test_bad_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(
        SourceError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
    ):
        read_source(data, name="bad.txt")
