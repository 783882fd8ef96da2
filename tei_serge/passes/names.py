"""The names pass: people, places, organisations and works, linked to the register.

Every mention in the text (front, body, back, notes, heads, datelines) becomes ``persName``,
``placeName``, ``orgName`` or ``title`` with ``@ref="#id"``. Text already inside such an element,
a ``date`` or other tagged phrase is left alone, and nothing is matched across an element
boundary. Names that already stand in the tree (the dateline's ``placeName``, the header's author,
translator and transcriber, the source's titles) get their ``@ref``. The register entries the
document uses are copied into a ``standOff`` after ``text``, so every ``@ref`` resolves inside the
document. Capitalised sequences that look like names but are in no entry are reported as
``NAME-CANDIDATE`` findings (severity info).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise, takewhile

from lxml import etree

from ..candidates import Candidate, find_candidates, lowercase_vocabulary
from ..context import Context
from ..register import LISTS, Entry, Match, Register, Resolver, is_initial, load_register
from ..report import Finding, Severity
from ..xmlio import NSMAP, element_text, tei
from .textnodes import Slot, wrap

RULE_CANDIDATE = "NAME-CANDIDATE"
NAME_TAGS = frozenset(tei(t) for t in ("persName", "placeName", "orgName", "title", "name", "rs"))
SKIP_TAGS = NAME_TAGS | frozenset(
    tei(t) for t in ("date", "time", "num", "measure", "idno", "ref", "ptr", "code", "standOff")
)
BLOCK_TAGS = frozenset(
    tei(t)
    for t in (
        "p", "head", "note", "dateline", "byline", "docAuthor", "docImprint", "docDate",
        "titlePart", "signed", "item", "l", "ab", "label", "cell", "salute", "trailer",
    )
)  # fmt: skip
SCOPE_PARENTS = frozenset(tei(t) for t in ("front", "body", "back"))
HEADER_NAMES = (
    ".//tei:titleStmt/tei:author",
    ".//tei:titleStmt/tei:author/tei:persName",
    ".//tei:titleStmt/tei:respStmt/tei:persName",
    ".//tei:sourceDesc//tei:author",
    ".//tei:sourceDesc//tei:editor",
    ".//tei:sourceDesc//tei:title",
)
_RUN = re.compile(r"(?:[^\W\d_]\.)+")


def apply(tree: etree._ElementTree, ctx: Context) -> None:
    register = ctx.register if ctx.register is not None else load_register(ctx.options.register_paths)
    root = tree.getroot()
    text = root.find("tei:text", NSMAP)
    if text is None:
        return
    tagger = _Tagger(register, Resolver(register))
    tagger.walk(text)
    link_header(root, register)
    write_standoff(root, register)
    if not ctx.options.report_candidates:
        return
    for candidate in candidates(root, register):
        ctx.report.add(
            Finding(
                RULE_CANDIDATE,
                Severity.INFO,
                f"“{candidate.text}” looks like a name but is in no register entry: "
                f"…{candidate.context}… (add it to the register, or to its not-names list)",
                file=ctx.options.source_name,
                xpath=candidate.location,
            )
        )


# --------------------------------------------------------------------------- tagging


@dataclass
class _Tagger:
    register: Register
    resolver: Resolver
    block_cache: dict[etree._Element, str] = field(default_factory=dict)

    def walk(self, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        if element.tag in NAME_TAGS:
            self.existing(element)
            return
        if element.tag in SKIP_TAGS:
            return
        parent = element.getparent()
        if parent is not None and parent.tag in SCOPE_PARENTS:
            self.resolver.enter_scope()
        if element.text:
            self.tag_slot(Slot(element, False))
        for child in list(element):
            self.walk(child)
            if child.tail:
                self.tag_slot(Slot(child, True))

    def existing(self, element: etree._Element) -> None:
        """A name already in the tree: give it its ``@ref`` and count it as seen."""
        ref = element.get("ref")
        if ref is None:
            entry = self.register.lookup("".join(element.itertext()))
            if entry is None or entry.tag != etree.QName(element).localname:
                return
            element.set("ref", f"#{entry.id}")
            ref = element.get("ref")
        for target in (ref or "").split():
            if target.startswith("#") and target[1:] in self.register.entries:
                self.resolver.see(target[1:])

    def tag_slot(self, slot: Slot) -> None:
        text = slot.text
        index = self.register.index
        matches = [m for m in self.register.matcher.find(text) if m.form in index]
        if not matches:
            return
        paragraph = self.paragraph(slot.parent)  # wrapping never changes a block's text
        spans: list[tuple[int, int, Entry]] = []
        done = 0
        for number, match in enumerate(matches):
            if number < done:
                continue
            run, covered = _run_of(text, match, matches[number:])
            if run:
                resolved = [
                    self.resolve(text, m, matches[number + i + 1 : number + i + 2], paragraph)
                    for i, m in enumerate(run)
                ]
                if covered and all(resolved):
                    for m, entry in zip(run, resolved, strict=True):
                        spans.append((m.start, m.end, entry))  # type: ignore[arg-type]
                        self.resolver.see(entry.id)  # type: ignore[union-attr]
                done = number + len(run)
                continue
            entry = self.resolve(text, match, matches[number + 1 : number + 2], paragraph)
            if entry is not None:
                spans.append((match.start, match.end, entry))
                self.resolver.see(entry.id)
        wrap(slot, [(s, e, _maker(entry)) for s, e, entry in spans])

    def resolve(self, text: str, match: Match, next_match: list[Match], paragraph: str) -> Entry | None:
        """``next_match``: the match after this one, if any (a list of at most one)."""
        following = next_match[0] if next_match else None
        gap = text[match.end : following.start] if following else ""
        before_name = following is not None and gap != "" and gap.isspace()
        after = text[match.end : match.end + 80]  # the conditions read the next word only
        return self.resolver.resolve(match.form, after, paragraph, before_name)

    def paragraph(self, element: etree._Element) -> str:
        block = element
        while block.getparent() is not None and block.tag not in BLOCK_TAGS:
            block = block.getparent()
        if block not in self.block_cache:
            self.block_cache[block] = "".join(block.itertext())
        return self.block_cache[block]


def _run_of(text: str, match: Match, rest: list[Match]) -> tuple[list[Match], bool]:
    """The matches that make up a run of glued initials (``G.M.``) around ``match``, and whether
    they cover the run exactly. ``([], True)`` when ``match`` stands in no such run. A run that
    is not covered (``F.P.B.``, where only ``F.`` and ``B.`` are forms) is no name at all."""
    start = match.start
    while start >= 2 and text[start - 1] == "." and _RUN.fullmatch(text, start - 2, start):
        start -= 2
    found = _RUN.match(text, match.start)
    end = found.end() if found else match.end
    if start == match.start and end <= match.end:
        return [], True
    run = list(takewhile(lambda m: m.end <= end, rest))
    covered = (
        start == match.start
        and run[-1].end == end
        and all(a.end == b.start for a, b in pairwise(run))
        and any(is_initial(m.form) for m in run)
    )
    return run, covered


def _maker(entry: Entry):  # type: ignore[no-untyped-def]
    def make(text: str) -> etree._Element:
        element = etree.Element(tei(entry.tag), {"ref": f"#{entry.id}"})
        element.text = text
        return element

    return make


# --------------------------------------------------------------------------- header, standOff


def link_header(root: etree._Element, register: Register) -> None:
    """``@ref`` on the header's author, translator, transcriber and the source's titles."""
    header = root.find("tei:teiHeader", NSMAP)
    if header is None:
        return
    for path in HEADER_NAMES:
        for element in header.xpath(path, namespaces=NSMAP):
            if element.get("ref") is None and not len(element):
                entry = register.lookup("".join(element.itertext()))
                if entry is not None and _fits(element, entry):
                    element.set("ref", f"#{entry.id}")


def _fits(element: etree._Element, entry: Entry) -> bool:
    local = etree.QName(element).localname
    return entry.tag == local or (local in ("author", "editor") and entry.kind in ("person", "org"))


POINTERS = ("ref", "who", "source")  # attributes that point into the register


def used_ids(root: etree._Element, register: Register) -> list[str]:
    """Register ids that some ``@ref``, ``@who`` or ``@source`` of the document points to, in
    register order."""
    refs = {
        target[1:]
        for element in root.iter()
        if isinstance(element.tag, str)
        for attribute in POINTERS
        for target in (element.get(attribute) or "").split()
        if target.startswith("#")
    }
    return [entry_id for entry_id in register.entries if entry_id in refs]


def write_standoff(root: etree._Element, register: Register) -> None:
    """Replace the register ``standOff`` after ``text`` by the entries the document uses."""
    for old in root.iterfind("tei:standOff", NSMAP):
        if all(etree.QName(child).localname in ("listPerson", "listPlace", "listOrg", "listBibl")
               for child in old if isinstance(child.tag, str)):  # fmt: skip
            root.remove(old)
    ids = used_ids(root, register)
    if not ids:
        return
    standoff = etree.Element(tei("standOff"))
    for kind, (list_tag, _, _) in LISTS.items():
        entries = [register.entries[i] for i in ids if register.entries[i].kind == kind]
        if entries:
            listing = etree.SubElement(standoff, tei(list_tag))
            for entry in entries:
                element = copy.deepcopy(entry.element)
                element.tail = None
                listing.append(element)
    text = root.find("tei:text", NSMAP)
    anchor = text if text is not None else root[-1]
    anchor.addnext(standoff)
    standoff.tail = anchor.tail


def add_entry(root: etree._Element, entry: Entry) -> None:
    """Copy one register entry into the document's ``standOff`` (made if missing), unless an
    element with its ``xml:id`` is there already: for a pointer a later pass adds."""
    if root.xpath("//*[@xml:id=$id]", id=entry.id):
        return
    list_tag = LISTS[entry.kind][0]
    listing = root.find(f"tei:standOff/tei:{list_tag}", NSMAP)
    if listing is None:
        standoff = root.find("tei:standOff", NSMAP)
        if standoff is None:
            standoff = etree.Element(tei("standOff"))
            text = root.find("tei:text", NSMAP)
            anchor = text if text is not None else root[-1]
            anchor.addnext(standoff)
            standoff.tail = anchor.tail
        listing = etree.SubElement(standoff, tei(list_tag))
    element = copy.deepcopy(entry.element)
    element.tail = None
    listing.append(element)


# --------------------------------------------------------------------------- candidates


def candidates(root: etree._Element, register: Register) -> list[Candidate]:
    """Unknown-name candidates in the running text of a tagged TEI document."""
    text = root.find("tei:text", NSMAP)
    if text is None:
        return []
    blocks = list(_masked_blocks(text))
    vocabulary = lowercase_vocabulary(plain for _, plain, _ in blocks)
    unlinked = [  # names the converter tagged (a dateline's place) that no entry knows
        Candidate(
            element_text(e).strip("“”‘’\"'.,;:!? "),
            element_text(e.getparent()),  # type: ignore[arg-type]
            location(e.getparent()),  # type: ignore[arg-type]
        )
        for e in text.iter(*NAME_TAGS)
        if not e.get("ref") and e.getparent() is not None and "".join(e.itertext()).strip()
    ]
    return unlinked + find_candidates(blocks, register, vocabulary)


def _masked_blocks(text: etree._Element) -> Iterator[tuple[str, str, str]]:
    """(masked text, plain text, xpath) of every block: in the masked text each character of a
    tagged name, a date or a nested note is NUL."""
    for block in text.iter(*BLOCK_TAGS):
        if block.tag == tei("titlePart"):
            continue  # title case: every word is capitalised
        if any(a.tag in SKIP_TAGS for a in block.iterancestors()):
            continue
        masked, plain = _masked(block)
        yield masked, plain, location(block)


def _masked(element: etree._Element) -> tuple[str, str]:
    masked = [element.text or ""]
    plain = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and (child.tag in SKIP_TAGS or child.tag in BLOCK_TAGS):
            content = "".join(child.itertext())
            masked.append("\x00" * len(content))
            plain.append(" " * len(content) if child.tag in BLOCK_TAGS else content)
        elif isinstance(child.tag, str):
            inner_masked, inner_plain = _masked(child)
            masked.append(inner_masked)
            plain.append(inner_plain)
        masked.append(child.tail or "")
        plain.append(child.tail or "")
    return "".join(masked), "".join(plain)


def location(element: etree._Element) -> str:
    """A readable path: from the nearest ancestor with an ``xml:id`` (``entry-3/p[2]``), else
    from the root (``/TEI/text/front/titlePage/byline[1]``), with local names."""
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        xml_id = node.get("{http://www.w3.org/XML/1998/namespace}id")
        if xml_id and node is not element:
            return "/".join([xml_id, *reversed(steps)])
        parent = node.getparent()
        name = etree.QName(node).localname
        if parent is None:
            steps.append(name)
            break
        same = [c for c in parent if c.tag == node.tag]
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return "/" + "/".join(reversed(steps))
