"""Scoring name tagging against a hand annotation (``tests/annotation/*.names.tsv``).

A mention is identified by its surface text and its occurrence number: the n-th whole-word
occurrence of that surface in the text of ``tei:text`` (document order, notes at their anchors,
every element boundary counted as a word boundary). The annotation gives for each mention its
kind (person, place, org, work), surface, occurrence number and register id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
KINDS = {"persName": "person", "placeName": "place", "orgName": "org", "title": "work"}


@dataclass(frozen=True)
class Mention:
    kind: str
    surface: str
    n: int
    ref: str
    context: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.surface, self.n)


def _text_with_offsets(text: etree._Element) -> tuple[str, dict[etree._Element, int]]:
    parts: list[str] = []
    offsets: dict[etree._Element, int] = {}
    size = 0

    def add(piece: str) -> None:
        nonlocal size
        parts.append(piece)
        size += len(piece)

    def visit(element: etree._Element) -> None:
        add("\n")  # element boundaries are word boundaries, with or without indentation
        offsets[element] = size
        add(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                visit(child)
            add(child.tail or "")
        add("\n")

    visit(text)
    return "".join(parts), offsets


def _pattern(surface: str) -> re.Pattern[str]:
    tail = r"(?!\w)" if re.match(r"\w", surface[-1]) else ""
    return re.compile(r"(?<!\w)" + re.escape(surface) + tail)


def mentions(tree: etree._ElementTree) -> list[Mention]:
    """Every tagged name with ``@ref`` in ``tei:text`` of a converted document."""
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    assert text is not None
    content, offsets = _text_with_offsets(text)
    found = []
    for element in text.iter(*(f"{{{TEI_NS}}}{k}" for k in KINDS)):
        ref = element.get("ref")
        if not ref:
            continue
        surface = "".join(element.itertext())
        start = offsets[element]
        n = sum(1 for m in _pattern(surface).finditer(content) if m.start() <= start)
        context = content[max(0, start - 30) : start + len(surface) + 30]
        context = re.sub(r"\s+", " ", context)
        found.append(Mention(KINDS[etree.QName(element).localname], surface, n, ref.lstrip("#"), context))
    return found


def read_annotation(path: Path) -> list[Mention]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, surface, n, ref, *rest = line.split("\t")
        rows.append(Mention(kind, surface, int(n), ref, rest[0] if rest else ""))
    return rows


def write_annotation(path: Path, rows: list[Mention], header: str) -> None:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append("# kind\tsurface\tn\tref\tcontext")
    lines += [f"{m.kind}\t{m.surface}\t{m.n}\t{m.ref}\t{m.context}" for m in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    gold: int
    predicted: int


def score(gold: list[Mention], predicted: list[Mention], kinds: set[str]) -> Score:
    """Precision and recall of the mentions of ``kinds`` (span and kind must both agree)."""
    g = {m.key: m for m in gold if m.kind in kinds}
    p = {m.key: m for m in predicted if m.kind in kinds}
    hits = sum(1 for key, m in p.items() if key in g and g[key].kind == m.kind)
    return Score(hits / len(p) if p else 1.0, hits / len(g) if g else 1.0, len(g), len(p))


def linking(gold: list[Mention], predicted: list[Mention]) -> float:
    """Among the mentions both found, the share linked to the same register entry."""
    g = {m.key: m for m in gold}
    both = [(g[m.key], m) for m in predicted if m.key in g]
    return sum(1 for a, b in both if a.ref == b.ref) / len(both) if both else 1.0


def differences(gold: list[Mention], predicted: list[Mention]) -> list[str]:
    g = {m.key: m for m in gold}
    p = {m.key: m for m in predicted}
    out = [f"missed {m.kind} {m.surface!r} #{m.n} ({m.context})" for k, m in g.items() if k not in p]
    out += [f"spurious {m.kind} {m.surface!r} #{m.n} ({m.context})" for k, m in p.items() if k not in g]
    out += [
        f"wrong {m.surface!r} #{m.n}: {m.kind}/{m.ref} instead of {g[k].kind}/{g[k].ref}"
        for k, m in p.items()
        if k in g and (g[k].ref != m.ref or g[k].kind != m.kind)
    ]
    return out
