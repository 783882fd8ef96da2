"""The foreign pass: foreign/@xml:lang from the lexicon, never inside titles or names."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from speechkit import NS, enriched, local

from tei_serge.context import Context
from tei_serge.errors import InternalError
from tei_serge.passes import foreign
from tei_serge.passes.foreign import lexicon, read_lexicon
from tei_serge.xmlio import serialize

FURTHER = Path(__file__).resolve().parents[2].parent / "shared" / "source" / "further"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def first() -> etree._ElementTree:
    return enriched()[0]


def phrases(tree: etree._ElementTree) -> list[tuple[str, str, str]]:
    return [
        ("".join(f.itertext()), f.get(LANG, ""), local(f.getparent()))
        for f in tree.iterfind(".//tei:text//tei:foreign", NS)
    ]


def test_french_phrases_of_the_first_installment(first) -> None:
    assert phrases(first) == [
        ("objets d’art", "fr", "p"),
        ("hors d’oeuvres", "fr", "said"),
        ("à propos", "fr", "p"),
        ("l’affaire", "fr", "soCalled"),
    ]


def test_russian_phrases_and_no_foreign_inside_titles_or_names() -> None:
    path = FURTHER / "serge-diary-5-1950-07.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    tree = enriched(path)[0]
    found = phrases(tree)
    assert ("masterovoy", "ru-Latn", "p") in found
    assert ("bezozrazia", "ru-Latn", "p") in found
    for element in tree.iterfind(".//tei:foreign", NS):
        assert not any(local(a) in {"title", "persName", "placeName", "orgName"}
                       for a in element.iterancestors())


def test_foreign_pass_is_idempotent(first) -> None:
    before = serialize(first)
    foreign.apply(first, Context())
    assert serialize(first) == before


def test_lexicon_is_data_an_editor_can_read() -> None:
    entries = lexicon()
    assert len(entries) >= 20
    assert {p.lang for p in entries} >= {"fr", "ru-Latn"}
    assert all(p.text == p.text.strip() and p.lang for p in entries)
    assert [p.text for p in entries] == sorted((p.text for p in entries), key=len, reverse=True)


def test_a_broken_lexicon_line_is_named() -> None:
    with pytest.raises(InternalError, match=r"foreign-lexicon.tsv:3"):
        read_lexicon("# comment\nphrase\tlang\tnote\nno-language-here\n")


def test_languages_tagged_are_declared_in_the_header(first) -> None:
    usage = first.find("tei:teiHeader/tei:profileDesc/tei:langUsage", NS)
    assert usage is not None
    declared = {lang.get("ident"): lang.text for lang in usage.iterfind("tei:language", NS)}
    assert declared["fr"] == "French"
    used = {f.get(LANG) for f in first.iterfind(".//tei:text//tei:foreign", NS)}
    assert used <= set(declared)
    assert list(declared).count("fr") == 1
