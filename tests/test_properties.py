"""Property tests (fuzzing) for the reader and converter: generated layouts, random text,
truncations. The result is always valid TEI that keeps every word, or one SourceError."""

from __future__ import annotations

import contextlib
import string

from helpers import source_words_notes_at_anchors, tei_text_words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_serge.errors import SourceError
from tei_serge.pipeline import convert

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # a fixed seed: CI runs the same examples every time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
WORDS = [
    "the",
    "comrade",
    "Paris",
    "letter",
    "Gide",
    "said",
    "secret",
    "party",
    "Véra",
    "Ehrenburg’s",
    "naïve",
    "café",
    "Moscow",
    "1,700,000",
    "Trotskyist",
    "Łódź",
    "Ιωάννης",
    "Москва",
    "—",
    "…",
]

LETTERS = string.ascii_letters + "éüçñ"
word = st.sampled_from(WORDS) | st.text(alphabet=LETTERS, min_size=1, max_size=9)
sentence = st.lists(word, min_size=1, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
quoted = sentence.map(lambda s: f"“{s}”")
paragraph_text = st.lists(sentence | quoted, min_size=1, max_size=4).map(" ".join)


@st.composite
def dateline(draw: st.DrawFn) -> str:
    year = draw(st.integers(1917, 1947))
    month = draw(st.sampled_from(MONTHS))
    day = draw(st.integers(1, 28))
    form = draw(st.sampled_from(["day", "month", "vague", "double", "part"]))
    date = {
        "day": f"{month} {day}, {year}",
        "month": f"{month}, {year}",
        "vague": f"End of {month}, {year}",
        "double": f"{month} {day} and {day + 1}, {year}",
        "part": f"{month} {day}, {year}, {draw(st.sampled_from(['morning', 'evening']))}",
    }[form]
    place = draw(st.sampled_from([None, "Paris", "Brussels", "Alcala de Hénarès"]))
    if place and draw(st.booleans()):
        return f"{place}, {date}."
    return f"{date}, {place}." if place else f"{date}."


@st.composite
def document(draw: st.DrawFn) -> str:
    notes_first = draw(st.sampled_from([1, 19]))
    lines = ["Victor Serge", "Pages from the Diary of Victor Serge"]
    if draw(st.booleans()):
        lines.append("Portraits and Scenes of the Revolutionary Movement")
    lines.append("From The New International, Vol. XV No. 7, September 1949, pp. 214–218.\n"
                 "Translated & annotated by James M. Fenwick.")  # fmt: skip
    if draw(st.booleans()):
        lines.append(draw(paragraph_text) + " – Ed.")
        lines.append("* * *")
    notes: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["André Gide", "Disappearance of Andres Nin", "Rossi"])))
        paragraphs = draw(st.lists(paragraph_text, min_size=1, max_size=4))
        if draw(st.booleans()):
            paragraphs[0] += f" [{notes_first + len(notes)}]"
            notes.append(f"{notes_first + len(notes)}. {draw(sentence)}")
        lines.append(draw(dateline()) + " " + paragraphs[0])
        lines.extend(paragraphs[1:])
        if draw(st.booleans()):
            lines.append("* * *")
    lines.extend(notes)
    if draw(st.booleans()):
        lines.append("Last updated on 29 September 2018")
    text = "\n\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@FUZZ
@given(document())
def test_generated_layouts_convert_losslessly_to_valid_tei(tei_all: etree.RelaxNG, text: str) -> None:
    tree = convert(text.encode("utf-8"))
    assert tei_all.validate(tree), tei_all.error_log
    assert tei_text_words(tree) == source_words_notes_at_anchors(text)


@FUZZ
@given(document(), st.data())
def test_truncated_layouts_convert_or_fail_cleanly(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(text)))
    try:
        tree = convert(text[:cut].encode("utf-8"))
    except SourceError:
        return
    assert tei_text_words(tree) == source_words_notes_at_anchors(text[:cut])


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    with contextlib.suppress(SourceError):
        convert(data)
