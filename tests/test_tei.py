"""Stage 2 and the passes: the TEI of the source and of every variant."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FURTHER, VARIANTS
from helpers import TEI, source_words_notes_at_anchors, tei_text_words
from lxml import etree

from tei_serge.context import ConvertOptions
from tei_serge.pipeline import convert, convert_source
from tei_serge.resources import embedded_source_path

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def test_source_has_five_dated_entries(serge_tree: etree._ElementTree) -> None:
    entries = serge_tree.findall(".//tei:body/tei:div[@type='entry']", TEI)
    assert [e.get(XML_ID) for e in entries] == [f"entry-{n}" for n in range(1, 6)]
    dates = [e.find("tei:dateline/tei:date", TEI) for e in entries]
    assert [dict(d.attrib) for d in dates] == [
        {"notBefore": "1936-11-20", "notAfter": "1936-11-30"},
        {"when": "1937-01-11"},
        {"from": "1937-05-08", "to": "1937-05-18", "type": "double"},
        {"notBefore": "1937-05-20", "notAfter": "1937-05-31"},
        {"when": "1937-11-20"},
    ]
    places = [
        "".join(p.itertext()) if (p := e.find("tei:dateline/tei:placeName", TEI)) is not None else None
        for e in entries
    ]
    assert places == ["Paris", "Brussels", "Paris", None, None]
    heads = [e.find("tei:head", TEI) for e in entries]
    assert heads[0] is None and "".join(heads[3].itertext()) == "Disappearance of Andres Nin"


def test_dateline_keeps_its_exact_text(serge_tree: etree._ElementTree) -> None:
    datelines = serge_tree.findall(".//tei:div[@type='entry']/tei:dateline", TEI)
    assert "".join(datelines[1].itertext()) == "Brussels, January 11, 1937, morning."
    assert "".join(datelines[0].itertext()) == "End of November, 1936, Paris."


def test_notes_stand_at_their_anchors(serge_tree: etree._ElementTree) -> None:
    notes = serge_tree.findall(".//tei:text//tei:note", TEI)
    assert [n.get("n") for n in notes] == ["1", "2", "3", "4", "5"]
    assert {n.get("place") for n in notes} == {"foot"}
    assert {n.get("resp") for n in notes} == {"#resp-translator"}
    assert "".join(notes[2].itertext()) == "Nouvelle Revue Française."
    # the note follows the word it annotates; the marker and its space are gone
    p = notes[2].getparent()
    before = (notes[2].getprevious().tail if notes[2].getprevious() is not None else p.text) or ""
    assert before.endswith("collaboration on the NRF") or "NRF" in "".join(p.itertext()).split("Nouvelle")[0]
    assert "[3]" not in "".join(serge_tree.getroot().itertext())
    assert serge_tree.find(".//tei:back/tei:div[@type='notes']", TEI) is None
    assert serge_tree.find(".//tei:ptr[@type='noteAnchor']", TEI) is None


def test_header(serge_tree: etree._ElementTree) -> None:
    header = serge_tree.find("tei:teiHeader", TEI)
    assert header.findtext(".//tei:titleStmt/tei:title[@type='main']", namespaces=TEI) == (
        "Pages from the Diary of Victor Serge"
    )
    assert "".join(header.find(".//tei:titleStmt/tei:author", TEI).itertext()) == "Victor Serge"
    resp_ids = [r.get(XML_ID) for r in header.findall(".//tei:respStmt", TEI)]
    assert resp_ids == ["resp-translator", "resp-transcriber", "resp-encoder"]
    bibl = header.find(".//tei:sourceDesc/tei:bibl", TEI)
    assert bibl.findtext("tei:title[@level='j']", namespaces=TEI) == "The New International"
    scopes = {s.get("unit"): s for s in bibl.findall("tei:biblScope", TEI)}
    assert scopes["volume"].text == "XV" and scopes["issue"].text == "7"
    assert (scopes["page"].get("from"), scopes["page"].get("to")) == ("214", "218")
    assert bibl.find("tei:date", TEI).get("when") == "1949-09"
    licence = header.find(".//tei:licence", TEI)
    assert "creativecommons.org/licenses/by-sa" in licence.get("target")
    creation = header.find(".//tei:creation/tei:date", TEI)
    assert (creation.get("from"), creation.get("to")) == ("1936-11-20", "1937-11-20")
    assert header.find(".//tei:revisionDesc/tei:change", TEI).get("when") == "2018-09-29"
    for tag in ("quotation", "normalization", "interpretation", "segmentation"):
        assert header.find(f".//tei:editorialDecl/tei:{tag}", TEI) is not None


def test_front(serge_tree: etree._ElementTree) -> None:
    front = serge_tree.find(".//tei:text/tei:front", TEI)
    title_page = front.find("tei:titlePage", TEI)
    parts = title_page.findall("tei:docTitle/tei:titlePart", TEI)
    assert [(p.get("type"), "".join(p.itertext())) for p in parts] == [
        ("main", "Pages from the Diary of Victor Serge"),
        ("sub", "Portraits and Scenes of the Revolutionary Movement"),
    ]
    assert "".join(title_page.find("tei:docAuthor", TEI).itertext()) == "Victor Serge"
    preface = front.find("tei:div[@type='preface']", TEI)
    assert len(preface.findall("tei:p", TEI)) == 1
    assert preface.findtext("tei:signed", namespaces=TEI) == "– Ed."


def test_xml_model_instructions_point_at_the_project_schemas() -> None:
    data = convert_source().to_bytes()
    head = data.split(b"<TEI", 1)[0].decode()
    assert 'href="../schemas/tei_serge.rng"' in head
    assert 'href="../schemas/tei_serge.sch"' in head
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")


def test_serialisation_adds_no_whitespace_inside_mixed_content() -> None:
    data = convert_source().to_bytes().decode()
    assert "<p>\n" not in data and "\n</p>" not in data
    assert "<dateline>\n" not in data


def test_every_source_word_in_order_and_nothing_added(serge_tree: etree._ElementTree) -> None:
    source = embedded_source_path().read_text(encoding="utf-8")
    assert tei_text_words(serge_tree) == source_words_notes_at_anchors(source)


@pytest.mark.parametrize("path", VARIANTS + FURTHER, ids=lambda p: p.name)
def test_variants_lossless_and_valid_tei(path: Path, tei_all: etree.RelaxNG) -> None:
    tree = convert(path)
    assert tei_all.validate(tree), tei_all.error_log
    assert tei_text_words(tree) == source_words_notes_at_anchors(path.read_text(encoding="utf-8"))


def test_source_valid_against_tei_all(serge_tree: etree._ElementTree, tei_all: etree.RelaxNG) -> None:
    assert tei_all.validate(serge_tree), tei_all.error_log


def test_entry_ids_are_stable() -> None:
    first = convert_source().to_bytes()
    second = convert_source().to_bytes()
    assert first == second


def test_passes_can_be_skipped() -> None:
    tree = convert(None, ConvertOptions(skip=frozenset({"notes"})))
    assert len(tree.findall(".//tei:ptr[@type='noteAnchor']", TEI)) == 5
    assert len(tree.findall(".//tei:back/tei:div[@type='notes']/tei:note", TEI)) == 5


def test_continued_note_numbers_and_signature() -> None:
    from conftest import FIXTURES

    tree = convert(FIXTURES / "variants" / "continued-notes.txt")
    assert [n.get("n") for n in tree.findall(".//tei:text//tei:note", TEI)] == ["19", "20", "21"]
    assert {n.get("resp") for n in tree.findall(".//tei:text//tei:note", TEI)} == {"#resp-editors"}
    last = tree.findall(".//tei:div[@type='entry']", TEI)[-1]
    assert last[-1].tag == "{http://www.tei-c.org/ns/1.0}closer"
    assert "".join(last[-1].itertext()) == "Victor Serge"
    misprint = last.find("tei:dateline/tei:date", TEI)
    assert (misprint.get("when"), misprint.get("evidence"), misprint.text) == (
        "1938-12",
        "conjecture",
        "December, 1988",
    )
