"""Notes pass: each endnote moves to its anchor as ``<note n place="foot" resp>``.

The TEI builder writes the source as it is: ``ptr type="noteAnchor"`` where the text has
`` [n]``, and the numbered notes in ``back/div[@type="notes"]``. After this pass each note stands
where its anchor was, the anchor is gone, and the notes division is removed.
"""

from __future__ import annotations

from lxml import etree

from ..context import Context
from ..errors import SourceError
from ..xmlio import NSMAP, xml_attr


def apply(tree: etree._ElementTree, ctx: Context) -> None:
    notes = {
        note.get(xml_attr("id")): note
        for note in tree.iterfind(".//tei:back/tei:div[@type='notes']/tei:note", NSMAP)
    }
    for anchor in list(tree.iterfind(".//tei:ptr[@type='noteAnchor']", NSMAP)):
        target = (anchor.get("target") or "").removeprefix("#")
        note = notes.pop(target, None)
        if note is None:
            raise SourceError(f"{ctx.options.source_name}: note anchor [{anchor.get('n')}] has no note")
        del note.attrib[xml_attr("id")]
        note.tail = anchor.tail
        anchor.getparent().replace(anchor, note)
    if notes:
        numbers = ", ".join(n.get("n") or "?" for n in notes.values())  # in document order
        raise SourceError(f"{ctx.options.source_name}: notes without an anchor: {numbers}")
    for division in tree.iterfind(".//tei:back/tei:div[@type='notes']", NSMAP):
        back = division.getparent()
        back.remove(division)
        if not len(back):
            back.getparent().remove(back)
