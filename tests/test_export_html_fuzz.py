"""Property tests of the HTML export over random TEI trees: whatever the nesting of known and
unknown elements (notes inside names, lists inside paragraphs, speech holding paragraphs,
located apparatus, register pointers that resolve or dangle), the page never fails, keeps every
word, has unique ids, resolves every internal link and never puts a block inside a phrase."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from lxml import etree
from test_export_html import _content_model_errors

from tei_serge.export import ACCESS_CONTROL
from tei_serge.resources import xslt_path

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FUZZ = settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
INLINE = [
    "hi",
    "persName",
    "placeName",
    "rs",
    "said",
    "q",
    "quote",
    "foreign",
    "seg",
    "date",
    "title",
    "mystery",
]
BLOCK = [
    "p",
    "div",
    "lg",
    "l",
    "list",
    "table",
    "sp",
    "quote",
    "said",
    "ab",
    "floatingText",
    "opener",
    "closer",
]
LEAF = ["lb", "pb", "gap", "milestone", "anchor", "cb"]
TEXT = st.text(alphabet="abcdeé ṡ\u0364ب \n.,;", max_size=10)
WORD = re.compile(r"\w+")


def tei(name: str, **attributes: str) -> etree._Element:
    return etree.Element(f"{{{TEI_NS}}}{name}", attributes)


def _choice(draw: st.DrawFn, depth: int) -> etree._Element:
    el = tei("choice")
    pairs = [
        ["sic", "corr"],
        ["corr", "sic"],
        ["abbr", "expan"],
        ["orig", "reg"],
        ["seg", "seg"],
        ["unclear", "unclear"],
    ]
    for name in draw(st.sampled_from(pairs)):
        branch = etree.SubElement(el, f"{{{TEI_NS}}}{name}")
        branch.text = draw(TEXT)
        if depth < 3:  # notes, names and apparatus inside a branch, shown or not
            branch.extend(draw(st.lists(element(depth + 1), max_size=1)))
    return el


def _app(draw: st.DrawFn, depth: int) -> etree._Element:
    el = tei("app")
    if draw(st.booleans()):
        etree.SubElement(el, f"{{{TEI_NS}}}lem").text = draw(TEXT)
    if draw(st.booleans()):
        el.set("from", draw(st.sampled_from(["#w1", "#nowhere"])))
    etree.SubElement(el, f"{{{TEI_NS}}}rdg", wit="#A").text = draw(TEXT)
    return el


def _leaf(draw: st.DrawFn, depth: int) -> etree._Element:
    name = draw(st.sampled_from(LEAF))
    el = tei(name)
    if name == "pb":
        el.set("n", draw(st.sampled_from(["1", "2r", ""])))
    return el


def _w(draw: st.DrawFn, depth: int) -> etree._Element:
    el = tei("w")
    el.text = draw(TEXT)
    if draw(st.booleans()):
        el.set(XML_ID, "w1")  # duplicates are possible: only the first keeps the id
    return el


def _grid(draw: st.DrawFn, depth: int) -> etree._Element:
    """A list of items or a table of one row, whose items or cells hold anything."""
    outer, inner, cell = draw(st.sampled_from([("list", None, "item"), ("table", "row", "cell")]))
    el = tei(outer)
    parent = el if inner is None else etree.SubElement(el, f"{{{TEI_NS}}}{inner}")
    for _ in range(draw(st.integers(1, 2))):
        child = etree.SubElement(parent, f"{{{TEI_NS}}}{cell}")
        child.text = draw(TEXT)
        child.extend(draw(st.lists(element(depth + 1), max_size=2)))
    return el


def _container(draw: st.DrawFn, depth: int, kind: str) -> etree._Element:
    if kind == "note":
        el = tei("note", place=draw(st.sampled_from(["foot", "end", "margin", "inline"])))
    elif kind == "block":
        el = tei(draw(st.sampled_from(BLOCK)))
    else:
        el = tei(draw(st.sampled_from(INLINE)))
        _point(draw, el)
    el.text = draw(TEXT)
    for child in draw(st.lists(element(depth + 1), max_size=3)):
        child.tail = draw(TEXT)
        el.append(child)
    return el


def _point(draw: st.DrawFn, el: etree._Element) -> None:
    """Register pointers that resolve (#p1, a bare p1) or dangle; a language for foreign."""
    pointer = draw(st.sampled_from(["", "#p1", "#p2", "#nobody", "p1"]))
    if pointer and el.tag.endswith(("Name", "}rs")):
        el.set("ref", pointer)
    elif pointer and el.tag.endswith("}said"):
        el.set("who", pointer)
    elif el.tag.endswith("}ref"):
        el.set("target", draw(st.sampled_from(["#w1", "#p1", "#nowhere", "https://example.org/"])))
    elif el.tag.endswith("}foreign"):
        el.set("{http://www.w3.org/XML/1998/namespace}lang", draw(st.sampled_from(["ar", "fr", "syr"])))


LEAVES = {"choice": _choice, "app": _app, "leaf": _leaf, "w": _w, "grid": _grid}


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    kinds = ["inline", "inline", "note", "choice", "app", "leaf", "w"]
    if depth < 4:
        kinds += ["block", "block", "grid"]
    kind = draw(st.sampled_from(kinds))
    if kind in LEAVES:
        return LEAVES[kind](draw, depth)
    return _container(draw, depth, kind)


@st.composite
def document(draw: st.DrawFn) -> etree._ElementTree:
    root = tei("TEI")
    header = etree.SubElement(root, f"{{{TEI_NS}}}teiHeader")
    title = etree.SubElement(etree.SubElement(header, f"{{{TEI_NS}}}fileDesc"), f"{{{TEI_NS}}}titleStmt")
    etree.SubElement(title, f"{{{TEI_NS}}}title").text = "Fuzz"
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    div = etree.SubElement(body, f"{{{TEI_NS}}}div", type="entry")
    etree.SubElement(div, f"{{{TEI_NS}}}dateline").text = "May 1, 1937."
    div.extend(draw(st.lists(element(), min_size=1, max_size=4)))
    people = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}standOff"), f"{{{TEI_NS}}}listPerson")
    for ident in ("p1", "p2"):
        person = etree.SubElement(people, f"{{{TEI_NS}}}person", {XML_ID: ident})
        etree.SubElement(person, f"{{{TEI_NS}}}persName").text = f"Person {ident}"
    return etree.ElementTree(root)


TRANSFORM = etree.XSLT(etree.parse(str(xslt_path("tei-to-html.xsl"))), access_control=ACCESS_CONTROL)


@FUZZ
@given(document())
def test_any_tree_gives_a_sound_page(tree: etree._ElementTree) -> None:
    note(etree.tostring(tree, encoding="unicode"))
    expected = {w for t in tree.xpath("//*[local-name()='text']//text()") for w in WORD.findall(t)}
    page = TRANSFORM(tree).getroot()
    assert page.tag == "html"
    assert _content_model_errors(page) == Counter()
    ids = Counter(e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id"))
    assert [i for i, n in ids.items() if n > 1] == []
    links = [unquote(h[1:]) for h in page.xpath("//a/@href") if h.startswith("#")]
    assert [t for t in links if t not in ids] == []
    shown = " ".join([*page.find("body").itertext(), *page.xpath("//@title")])
    assert expected <= set(WORD.findall(shown)) | {w for w in expected if w in shown}
