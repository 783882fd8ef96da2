"""Property tests of the plain-text export over random TEI trees: whatever the nesting of known
and unknown elements, the text keeps the words of ``text`` in order (with the choice/app
allowance computed by ``textwords``), every note's words after the text, and never fails."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from textwords import expected_words, first_gap, words

from tei_serge.export import TEXT as TEXT_EXPORTER
from tei_serge.export import export_text
from tei_serge.resources import xslt_path

TEI_NS = "http://www.tei-c.org/ns/1.0"
FUZZ = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
INLINE = ["hi", "persName", "foo", "seg", "q", "date", "unknownThing", "fw", "del"]
BLOCK = ["p", "div", "lg", "list", "sp", "quote", "ab", "floatingText", "bar", "head", "note"]
TEXT = st.text(alphabet="abé ṡ\u0364\n.,;", max_size=10)
MAX_DEPTH = 4


def tei(name: str, **attrs: str) -> etree._Element:
    return etree.Element(f"{{{TEI_NS}}}{name}", **attrs)


def leaf(parent: etree._Element, name: str, text: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{TEI_NS}}}{name}")
    child.text = text
    return child


def _mixed(draw: st.DrawFn, el: etree._Element, depth: int) -> etree._Element:
    """Fill ``el`` with text and up to three random children, each with a tail."""
    el.text = draw(TEXT)
    for _ in range(draw(st.integers(0, 3 if depth < MAX_DEPTH else 0))):
        child = draw(element(depth + 1))
        child.tail = draw(TEXT)
        el.append(child)
    return el


def _choice(draw: st.DrawFn, depth: int) -> etree._Element:
    el = tei("choice")
    names = draw(
        st.sampled_from([["sic", "corr"], ["corr", "sic"], ["abbr", "expan"], ["orig"], ["orig", "reg"]])
    )
    for name in names:
        leaf(el, name, draw(TEXT))
    return el


def _app(draw: st.DrawFn, depth: int) -> etree._Element:
    el = tei("app", **({"from": "#x"} if draw(st.booleans()) else {}))
    if draw(st.booleans()):
        leaf(el, "lem", draw(TEXT))
    for _ in range(draw(st.integers(1, 2))):
        leaf(el, "rdg", draw(TEXT))
    return el


def _container(
    name: str, member: str, wrapper: str | None = None
) -> Callable[[st.DrawFn, int], etree._Element]:
    def build(draw: st.DrawFn, depth: int) -> etree._Element:
        el = tei(name)
        for _ in range(draw(st.integers(1, 3))):
            parent = etree.SubElement(el, f"{{{TEI_NS}}}{wrapper}") if wrapper else el
            _mixed(draw, etree.SubElement(parent, f"{{{TEI_NS}}}{member}"), depth)
        return el

    return build


BUILDERS: dict[str, Callable[[st.DrawFn, int], etree._Element]] = {
    "inline": lambda draw, depth: _mixed(draw, tei(draw(st.sampled_from(INLINE))), depth),
    "block": lambda draw, depth: _mixed(draw, tei(draw(st.sampled_from(BLOCK))), depth),
    "note": lambda draw, depth: _mixed(
        draw, tei("note", place=draw(st.sampled_from(["foot", "end"]))), depth
    ),
    "choice": _choice,
    "app": _app,
    "lb": lambda draw, depth: tei("lb", **({"break": "no"} if draw(st.booleans()) else {})),
    "gap": lambda draw, depth: tei("gap"),
    "ruby": lambda draw, depth: _container("ruby", "rb")(draw, depth),
    "list": _container("list", "item"),
    "table": _container("table", "cell", wrapper="row"),
    "lg": _container("lg", "l"),
}


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    kinds = list(BUILDERS) if depth < MAX_DEPTH else ["inline", "choice", "app", "lb", "gap"]
    return BUILDERS[draw(st.sampled_from(kinds))](draw, depth)


@st.composite
def document(draw: st.DrawFn) -> etree._ElementTree:
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(root, f"{{{TEI_NS}}}teiHeader")
    title_stmt = etree.SubElement(etree.SubElement(header, f"{{{TEI_NS}}}fileDesc"), f"{{{TEI_NS}}}titleStmt")
    leaf(title_stmt, "title", "T")
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    for _ in range(draw(st.integers(1, 4))):
        child = draw(element(1))
        child.tail = draw(st.sampled_from(["\n", "", " "]))
        body.append(child)
    return etree.ElementTree(root)


@FUZZ
@given(document())
def test_random_tei_keeps_every_word_in_order(tree: etree._ElementTree) -> None:
    text = export_text(tree)
    gap = first_gap(expected_words(tree), words(text))
    assert gap is None, f"{gap}\n{etree.tostring(tree, encoding='unicode')}\n---\n{text}"
    assert text.endswith("\n") and "\n\n\n" not in text


XSLTPROC = shutil.which("xsltproc")


@pytest.mark.skipif(XSLTPROC is None, reason="xsltproc is not installed")
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document())
def test_random_tei_same_bytes_through_xsltproc(tmp_path: Path, tree: etree._ElementTree) -> None:
    path = tmp_path / "doc.xml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    completed = subprocess.run(
        [str(XSLTPROC), "--nonet", str(xslt_path(TEXT_EXPORTER.stylesheet)), str(path)],
        capture_output=True,
        check=True,
    )
    assert completed.stdout == export_text(tree).encode("utf-8")
