"""What the plain-text export must keep, computed from a TEI tree independently of the XSLT.

The words of ``text`` in document order, per TEI document, with the allowance the edition makes
for alternatives a reader does not see at once (the same rules as ``common.xsl``, written again
here in Python): of a ``choice`` only the first ``corr``/``expan``/``reg`` (else the first child);
of an ``app`` only the lemma (else, for an inline apparatus, the first reading; nothing for a
location-referenced one). Notes are taken out to their own word lists, in document order,
because the export gathers them at the end. A word is a run of letters, digits and combining
marks (so old-style umlauts with U+0364 and vowel points stay inside their words).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
EG_NS = "http://www.tei-c.org/ns/Examples"
# Inside egXML, the export separates the elements TEI knows as blocks (tei-block-names).
EG_BLOCKS = frozenset(
    """ab address argument back body castGroup castItem castList closer dateline div div1 div2
    div3 div4 div5 div6 div7 docAuthor docDate docEdition docImprint docTitle epigraph event
    figure floatingText front group head item l lg list listBibl listEvent listOrg listPerson
    listPlace listRelation listWit opener org p person personGrp place postscript relation row
    sp speaker table text titlePage titlePart trailer u byline addrLine cell witness""".split()  # noqa: SIM905
)

# Elements whose boundaries the export always turns into white space (blocks, lines, cells).
SEPARATED = frozenset(
    [
        "ab",
        "address",
        "addrLine",
        "argument",
        "back",
        "body",
        "byline",
        "castGroup",
        "castItem",
        "castList",
        "cell",
        "closer",
        "dateline",
        "div",
        "div1",
        "div2",
        "div3",
        "div4",
        "div5",
        "div6",
        "div7",
        "docAuthor",
        "docDate",
        "docEdition",
        "docImprint",
        "docTitle",
        "epigraph",
        "figure",
        "floatingText",
        "front",
        "group",
        "head",
        "item",
        "l",
        "label",
        "lg",
        "list",
        "listBibl",
        "listEvent",
        "listOrg",
        "listPerson",
        "listPlace",
        "listRelation",
        "opener",
        "p",
        "postscript",
        "row",
        "sp",
        "speaker",
        "table",
        "text",
        "titlePage",
        "titlePart",
        "trailer",
        "u",
        "salute",
        "signed",
        "stage",
        "rt",
        "person",
        "place",
        "org",
        "event",
    ]
)
# Containers whose children the export renders one by one when they hold no text of their own.
CONTAINERS = frozenset(
    ["text", "front", "body", "back", "group", "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"]
)
EMPTY = frozenset(["pb", "cb", "gb", "milestone", "anchor", "ptr", "graphic", "handShift", "caesura"])
SPACE = frozenset(["gap", "space"])


@cache
def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def words(text: str) -> list[str]:
    """Runs of letters, digits and combining marks."""
    out: list[str] = []
    current: list[str] = []
    for ch in text:
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def _local(element: etree._Element) -> tuple[str, str]:
    qname = etree.QName(element)
    return qname.namespace or "", qname.localname


def shown_branch(element: etree._Element) -> etree._Element | None:
    """The branch of a choice or an app a reader sees at once (None: nothing)."""
    _ns, name = _local(element)
    children = [c for c in element if isinstance(c.tag, str)]
    tei_children = [c for c in children if _local(c)[0] == TEI_NS]
    if name == "choice":
        preferred = [c for c in tei_children if _local(c)[1] in ("corr", "expan", "reg")]
        return preferred[0] if preferred else (children[0] if children else None)
    # app
    lems = [c for c in _app_members(tei_children) if _local(c)[1] == "lem"]
    if lems:
        return lems[0]
    if any(element.get(a) is not None for a in ("from", "to", "loc")):
        return None
    rdgs = [c for c in _app_members(tei_children) if _local(c)[1] == "rdg"]
    return rdgs[0] if rdgs else None


def _app_members(children: list[etree._Element]) -> list[etree._Element]:
    """Children of an app, with the children of its rdgGrp children in their place."""
    out: list[etree._Element] = []
    for child in children:
        if _local(child)[1] == "rdgGrp":
            out.extend(c for c in child if isinstance(c.tag, str) and _local(c)[0] == TEI_NS)
        else:
            out.append(child)
    return out


@dataclass
class Reading:
    """What a reader of one TEI document sees: the running text, then each note."""

    main: list[str] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)
    colophon: list[str] = field(default_factory=list)

    def sequence(self) -> list[str]:
        """The words in the order the export prints them: text, notes, colophon."""
        out = words("".join(self.main))
        for note in self.notes:
            out += words("".join(note))
        return out + words("".join(self.colophon))


def reading(tei: etree._Element) -> Reading:
    """The reading of one ``TEI`` element (its ``text``)."""
    result = Reading()
    for text in tei.findall(f"{{{TEI_NS}}}text"):
        _walk(text, result.main, result, top=True)
    return result


def document_readings(tree: etree._ElementTree) -> list[Reading]:
    """One reading per TEI document of a file (a teiCorpus has several), in order."""
    root = tree.getroot()
    if _local(root) == (TEI_NS, "TEI"):
        return [reading(root)]
    return [reading(tei) for tei in root.iter(f"{{{TEI_NS}}}TEI")]


def expected_words(tree: etree._ElementTree) -> list[str]:
    out: list[str] = []
    for r in document_readings(tree):
        out += r.sequence()
    return out


def _walk(element: etree._Element, out: list[str], result: Reading, top: bool = False) -> None:
    """Append what a reader sees of ``element`` (not its tail) to ``out``."""
    ns, name = _local(element)
    if ns == TEI_NS:
        if name in ("choice", "app"):
            branch = shown_branch(element)
            if branch is not None:
                _walk(branch, out, result)
            return
        if name == "note":
            buffer: list[str] = []
            result.notes.append(buffer)
            out.append(" ")
            _content(element, buffer, result)
            out.append(" ")
            return
        if name == "lb":
            if element.get("break") != "no" and element.get("type") != "hyphenInWord":
                out.append(" ")
            return
        if name in EMPTY:
            return
        if name in SPACE:
            out.append(" ")
            return
        if name == "div" and element.get("type") == "colophon" and _is_top_back(element):
            _content(element, result.colophon, result)
            return
        if name in SEPARATED:
            out.append(" ")
            _content(element, out, result)
            out.append(" ")
            return
    if ns == EG_NS and (name in EG_BLOCKS or name == "egXML"):
        out.append(" ")
        _content(element, out, result)
        out.append(" ")
        return
    _content(element, out, result)


def _is_top_back(div: etree._Element) -> bool:
    back = div.getparent()
    text = back.getparent() if back is not None else None
    tei = text.getparent() if text is not None else None
    return (
        back is not None
        and _local(back) == (TEI_NS, "back")
        and text is not None
        and _local(text) == (TEI_NS, "text")
        and tei is not None
        and _local(tei) == (TEI_NS, "TEI")
    )


def _content(element: etree._Element, out: list[str], result: Reading) -> None:
    if _local(element) == (TEI_NS, "ruby"):  # the export drops the layout's white space
        for child in element:
            if isinstance(child.tag, str):
                _walk(child, out, result)
        return
    separate = _local(element)[0] == TEI_NS and _local(element)[1] in CONTAINERS and not _has_text(element)
    if element.text:
        out.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _walk(child, out, result)
            if separate:
                out.append(" ")
        if child.tail:
            out.append(child.tail)


def _has_text(element: etree._Element) -> bool:
    return bool((element.text or "").strip()) or any((c.tail or "").strip() for c in element)


def first_gap(expected: list[str], actual: list[str]) -> str | None:
    """None when ``expected`` is a subsequence of ``actual``; else where it breaks off."""
    i = 0
    for word in actual:
        if i < len(expected) and word == expected[i]:
            i += 1
    if i == len(expected):
        return None
    context = " ".join(expected[max(0, i - 8) : i])
    return f"word {i} of {len(expected)} ({expected[i]!r}) not found in order after: …{context}"


def element_words(element: etree._Element) -> list[str]:
    """The words a reader sees of one element's content (same rules; notes left out)."""
    out: list[str] = []
    _content(element, out, Reading())
    return words("".join(out))
