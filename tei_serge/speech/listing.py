"""Who speaks in an edition: each speaker with their number of speeches and first words.

Read-only over a TEI tree (the speech pass's ``said/@who``; ``#unidentified`` is the speaker
nobody names, and ``q[@type="spoken"]`` in other TEI is speech without a speaker). A speech
that runs over several paragraphs (``said`` parts chained by ``@prev``/``@next``) counts once.
The CLI's ``tei-serge speech`` draws the table or prints :meth:`SpeakerTable.to_json`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..context import ConvertOptions
from ..xmlio import NSMAP, XML_NS, element_text, parse_tei

UNKNOWN = ""  # the key of speeches whose speaker the register does not know
FIRST_WORDS = 8


@dataclass
class Speaker:
    who: str  # "#id", or "" for speech of an unknown speaker
    name: str
    speeches: int = 0
    first_words: list[str] = field(default_factory=list)  # one line per speech, in order

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SpeakerTable:
    speakers: list[Speaker] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(speaker.speeches for speaker in self.speakers)

    def to_json(self) -> str:
        return json.dumps(
            {"speakers": [s.to_dict() for s in self.speakers], "speeches": self.total},
            ensure_ascii=False,
            indent=2,
        )


def list_speakers(tree: etree._ElementTree | etree._Element) -> SpeakerTable:
    """The speakers of a TEI document, most speeches first (then by name)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    names = _register_names(root)
    by_who: dict[str, Speaker] = {}
    speeches = root.xpath(
        "//tei:text//tei:said[not(@prev)] | //tei:text//tei:q[@type='spoken'][not(@prev)]",
        namespaces=NSMAP,
    )
    for speech in speeches:
        who = (speech.get("who") or UNKNOWN).split()[0] if speech.get("who") else UNKNOWN
        speaker = by_who.get(who)
        if speaker is None:
            name = names.get(who, who.lstrip("#")) if who else "(speaker not in the register)"
            speaker = by_who[who] = Speaker(who, name)
        speaker.speeches += 1
        speaker.first_words.append(first_words(speech))
    ordered = sorted(by_who.values(), key=lambda s: (-s.speeches, s.who == UNKNOWN, s.name))
    return SpeakerTable(ordered)


def first_words(element: etree._Element, count: int = FIRST_WORDS) -> str:
    """The opening words of a speech, its notes left out, marks stripped."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text and etree.QName(node).localname != "note":
            parts.append(node.text)
        for child in node:
            if etree.QName(child).localname != "note":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    words = "".join(parts).strip("“”‘’\"«» \n").split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _register_names(root: etree._Element) -> dict[str, str]:
    names: dict[str, str] = {}
    for person in root.iterfind(".//tei:standOff//tei:person", NSMAP):
        ident = person.get(f"{{{XML_NS}}}id")
        name = person.find("tei:persName[@type='full']", NSMAP)
        if name is None:
            name = person.find("tei:persName", NSMAP)
        if ident and name is not None:
            names[f"#{ident}"] = element_text(name)
    return names


def speakers_of(
    source: bytes | Path | None, options: ConvertOptions | None = None
) -> SpeakerTable:
    """The speaker table of a TEI file (``.xml``, or bytes that are XML), or of a source text
    converted on the fly (a path, bytes; None = the embedded installment)."""
    if isinstance(source, Path) and source.suffix.lower() == ".xml":
        return list_speakers(parse_tei(source))
    if isinstance(source, bytes) and source.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return list_speakers(parse_tei(source, name="<stdin>"))  # TEI on standard input
    from ..pipeline import convert_source

    return list_speakers(convert_source(source, options).tree)
