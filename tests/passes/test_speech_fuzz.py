"""Property tests of the speech pass: any mix of marks, names and notes in paragraphs is wrapped
without losing a character, without a crash, into a document valid against tei_all."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_serge.context import Context
from tei_serge.passes import speech
from tei_serge.xmlio import tei

PIECES = st.sampled_from(
    ["“", "”", "‘", "’", '"', "'", "«", "»", "He: ", "I: ", " said S., ", "Well? ", "don’t ",
     "the word ", "(", ")", ". ", ", ", ": ", "Reply: ", "\n", " he said", " and then",
     "He said", " wrote ", "the epigram of ", "[2]", "W.K. (satirically): ", " Dzer. "]
) | st.text(alphabet="abcdefghij KLMNOP", min_size=1, max_size=8)
CHILD = st.sampled_from(["persName", "note", "title", "placeName", None])


@st.composite
def paragraphs(draw) -> list[list[tuple[str, str | None]]]:  # type: ignore[no-untyped-def]
    return draw(st.lists(st.lists(st.tuples(PIECES, CHILD), max_size=12), min_size=1, max_size=4))


def _append_text(p: etree._Element, text: str) -> None:
    if len(p):
        p[-1].tail = (p[-1].tail or "") + text
    else:
        p.text = (p.text or "") + text


def build(paras: list[list[tuple[str, str | None]]]) -> etree._ElementTree:
    root = etree.Element(tei("TEI"), nsmap={None: "http://www.tei-c.org/ns/1.0"})
    div = etree.SubElement(etree.SubElement(etree.SubElement(root, tei("text")), tei("body")),
                           tei("div"))
    for para in paras:
        p = etree.SubElement(div, tei("p"))
        p.text = "x"
        for text, child in para:
            if child is None:
                _append_text(p, text)
            else:
                element = etree.SubElement(p, tei(child))
                element.text = text
                if child == "persName":
                    element.set("ref", "#serge")
    return etree.ElementTree(root)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs())
def test_speech_pass_never_loses_text_nor_crashes(paras) -> None:  # type: ignore[no-untyped-def]
    tree = build(paras)
    text = tree.getroot()[0]  # the text; the pass may add a register entry to standOff
    before = "".join(text.itertext())
    ctx = Context()
    speech.apply(tree, ctx)
    assert "".join(text.itertext()) == before
    again = etree.tostring(tree)
    speech.apply(tree, Context())
    assert etree.tostring(tree) == again
    ids = tree.getroot().xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    for pointer in tree.getroot().xpath("//@next | //@prev"):
        assert pointer[1:] in ids


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=16), st.lists(PIECES, max_size=6), st.lists(PIECES, max_size=10))
def test_read_cue_never_fails(before, inner, after) -> None:  # type: ignore[no-untyped-def]
    from tei_serge.speech.cues import Quoted, read_cue

    cue = read_cue(Quoted(inner="".join(inner), before="".join(before), after="".join(after),
                          frame="".join(after)))
    assert cue.kind in {"said", "quote", "soCalled", "q", "title"}
