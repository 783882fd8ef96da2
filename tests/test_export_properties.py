"""Property tests of the plain-text export over generated installments (the layouts of
``test_properties.document``): the source's words, in order, and its paragraphs."""

from __future__ import annotations

from hypothesis import given
from test_export_text import NOTES_HEADING, paragraphs
from test_properties import FUZZ, document
from textwords import words

from tei_serge.export import export_text
from tei_serge.pipeline import convert


def _source_paragraphs(text: str) -> list[str]:
    return [p.replace("\n", " ") for p in paragraphs(text.lstrip("\ufeff"))]


def _export_paragraphs(text: str) -> list[str]:
    return [p.replace("\n", " ") for p in paragraphs(text) if p != NOTES_HEADING]


@FUZZ
@given(document())
def test_export_keeps_the_words_and_paragraphs_of_any_installment(text: str) -> None:
    exported = export_text(convert(text.encode("utf-8")))
    assert _export_paragraphs(exported) == _source_paragraphs(text)
    assert words(" ".join(_export_paragraphs(exported))) == words(" ".join(_source_paragraphs(text)))
    assert exported.endswith("\n") and not exported.endswith("\n\n")
