"""Safe XML parsing, deterministic serialisation and atomic writes.

Every XML document tei-serge reads goes through :func:`parse_xml`: no DTD loading, no entity
expansion, no network, no huge-tree tricks. A document that declares entities is refused.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NoReturn

from lxml import etree

from .errors import DocumentError, OutputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}


def tei(tag: str) -> str:
    """Clark name of a TEI element: ``tei("p") == "{http://www.tei-c.org/ns/1.0}p"``."""
    return f"{{{TEI_NS}}}{tag}"


def element_text(element: etree._Element) -> str:
    """The text of an element and its descendants, white space runs made one space, trimmed."""
    return " ".join("".join(element.itertext()).split())


def xml_attr(name: str) -> str:
    """Clark name of an ``xml:`` attribute (``id``, ``lang``, ``space``)."""
    return f"{{{XML_NS}}}{name}"


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """A parser that reads nothing but the bytes it is given (``recover`` only after checking
    what is to be recovered)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        recover=recover,
    )


def parse_xml(source: bytes | str | Path, *, name: str | None = None) -> etree._ElementTree:
    """Parse XML from bytes or a file path, refusing DTDs with entities or external subsets.

    Raises :class:`DocumentError` (a :class:`SchemaError`) naming the file, line and column
    when the document is unreadable, not well-formed or hostile.
    """
    label = name or (str(source) if isinstance(source, (str, Path)) else "<input>")
    try:
        data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    except OSError as exc:
        raise DocumentError(
            f"{label}: cannot read: {exc.strerror or exc}", file=label, reason="unreadable"
        ) from None
    parser = safe_parser()
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser, base_url=label))
    except etree.XMLSyntaxError as exc:
        # parser.error_log holds this parse's errors only (exc.error_log may hold earlier ones)
        recovered = _reparse_duplicate_ids(data, label, parser.error_log)
        if recovered is None:
            _raise_syntax_error(data, label, exc, parser.error_log)
        tree = recovered
    _refuse_dtd(tree, label)
    return tree


def parse_tei(source: bytes | str | Path, *, name: str | None = None) -> etree._ElementTree:
    """:func:`parse_xml`, refusing (:class:`DocumentError`) a document whose root is not a TEI
    element: another vocabulary would only give an empty page or listing."""
    tree = parse_xml(source, name=name)
    root = etree.QName(tree.getroot())
    if root.namespace != TEI_NS:
        label = name or (str(source) if isinstance(source, (str, Path)) else "<input>")
        raise DocumentError(
            f"{label}: not a TEI document (the root is <{root.localname}>, not in {TEI_NS})",
            file=label,
            reason="not-tei",
        )
    return tree


def _reparse_duplicate_ids(
    data: bytes | str, label: str, log: etree._ListErrorLog
) -> etree._ElementTree | None:
    """libxml2 stops at a duplicate xml:id, a validity problem (reported by the validator as
    rule SRG-ID-01), not a well-formedness one. When that is the only complaint, parse again in
    recover mode and accept the tree if, again, nothing else was wrong.

    (``collect_ids=False`` would avoid the error, but libxml2 then loads external DTDs and
    parameter entities: never use it.)"""
    if not _only_duplicate_ids(log):
        return None
    parser = safe_parser(recover=True)
    root = etree.fromstring(data, parser, base_url=label)
    if root is None or not _only_duplicate_ids(parser.error_log):
        return None
    return etree.ElementTree(root)


def _only_duplicate_ids(log: etree._ListErrorLog) -> bool:
    return len(log) > 0 and all(entry.type_name == "DTD_ID_REDEFINED" for entry in log)


def _raise_syntax_error(
    data: bytes | str, label: str, exc: etree.XMLSyntaxError, log: etree._ListErrorLog
) -> NoReturn:
    line, column = exc.position if exc.position else (exc.lineno, 0)
    message = exc.msg
    for entry in log:  # the first real problem, not a duplicate id found before it
        if entry.type_name != "DTD_ID_REDEFINED":
            line, column, message = entry.line, entry.column, entry.message
            break
    declares = (b"<!ENTITY" in data) if isinstance(data, bytes) else ("<!ENTITY" in data)
    if "entit" in (message or "").lower() and declares:
        # an entity bomb stops libxml2 (amplification limit) before we see the DTD
        raise DocumentError(
            f"{label}:{line}:{column}: the document declares entities; refused "
            "(XXE and entity bombs; this one stopped at the expansion limit)",
            file=label,
            reason="refused",
            line=line,
            column=column,
        ) from None
    raise DocumentError(
        f"{label}:{line}:{column}: not well-formed XML: {message}",
        file=label,
        reason="not-well-formed",
        line=line,
        column=column,
    ) from None


def _refuse_dtd(tree: etree._ElementTree, label: str) -> None:
    docinfo = tree.docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise DocumentError(
            f"{label}:1: the document declares entities; refused (XXE and entity bombs)",
            file=label,
            reason="refused",
            line=1,
        )
    if docinfo.system_url or docinfo.public_id:
        raise DocumentError(
            f"{label}:1: the document names an external DTD; refused (it is not fetched)",
            file=label,
            reason="refused",
            line=1,
        )
    for element in tree.iter(etree.Entity):
        raise DocumentError(
            f"{label}:{element.sourceline}: unexpanded entity reference &{element.name};",
            file=label,
            reason="refused",
            line=element.sourceline,
        )


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """UTF-8 with an XML declaration, one line for each processing instruction or comment
    before the root, and a final newline; deterministic."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    parts = [b"<?xml version='1.0' encoding='UTF-8'?>\n"]
    preceding = []
    sibling = root.getprevious()
    while sibling is not None:
        preceding.append(sibling)
        sibling = sibling.getprevious()
    for node in reversed(preceding):
        parts.append(etree.tostring(node, encoding="UTF-8", with_tail=False) + b"\n")
    parts.append(etree.tostring(root, encoding="UTF-8", with_tail=False) + b"\n")
    return b"".join(parts)


def is_folder(path: Path) -> bool:
    """``path.is_dir()``, but False instead of an exception when the path cannot be looked at
    (a file in a folder without search permission): it is then read as a file, and the read
    reports why it fails."""
    try:
        return path.is_dir()
    except OSError:
        return False


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so that a reader never sees a half-written file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


# TEI elements whose content is elements only: whitespace may be added between their children.
# Everything else (p, head, dateline, note, titlePart, said, ...) is mixed content and is
# serialised exactly as it stands.
ELEMENT_ONLY = frozenset(
    tei(name)
    for name in (
        "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "availability",
        "sourceDesc", "bibl", "encodingDesc", "projectDesc", "editorialDecl", "quotation",
        "normalization", "interpretation", "segmentation", "stdVals", "profileDesc", "creation",
        "langUsage", "revisionDesc", "text", "front", "titlePage", "docTitle", "body", "back",
        "div", "closer", "standOff", "listPerson", "listPlace", "listOrg", "listBibl", "person",
        "place", "org", "listEvent", "particDesc", "settingDesc", "correspDesc", "tagsDecl",
    )
)  # fmt: skip


def indent_blocks(tree: etree._ElementTree, step: str = "  ") -> None:
    """Indent children of element-only TEI containers; never touch mixed content."""

    def visit(element: etree._Element, depth: int) -> None:
        if element.tag not in ELEMENT_ONLY or not len(element):
            return
        if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
            return  # mixed after all: leave it exactly as it is
        inner = "\n" + step * (depth + 1)
        element.text = inner
        for child in element:
            child.tail = inner
            visit(child, depth + 1)
        element[-1].tail = "\n" + step * depth

    visit(tree.getroot(), 0)


def serialize_tei(tree: etree._ElementTree) -> bytes:
    """A TEI document as we write it: indented between blocks, UTF-8, XML declaration."""
    indent_blocks(tree)
    return serialize(tree)
