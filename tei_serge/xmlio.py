"""Safe XML parsing, deterministic serialisation and atomic writes.

Every XML document tei-serge reads goes through :func:`parse_xml`: no DTD loading, no entity
expansion, no network, no huge-tree tricks. A document that declares entities is refused.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from .errors import OutputError, SchemaError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}


def tei(tag: str) -> str:
    """Clark name of a TEI element: ``tei("p") == "{http://www.tei-c.org/ns/1.0}p"``."""
    return f"{{{TEI_NS}}}{tag}"


def xml_attr(name: str) -> str:
    """Clark name of an ``xml:`` attribute (``id``, ``lang``, ``space``)."""
    return f"{{{XML_NS}}}{name}"


def safe_parser() -> etree.XMLParser:
    """A parser that reads nothing but the bytes it is given."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(source: bytes | str | Path, *, name: str | None = None) -> etree._ElementTree:
    """Parse XML from bytes or a file path, refusing DTDs with entities or external subsets.

    Raises :class:`SchemaError` naming the file, line and column when the document is not
    well-formed or is hostile.
    """
    label = name or (str(source) if isinstance(source, (str, Path)) else "<input>")
    try:
        data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    except OSError as exc:
        raise SchemaError(f"{label}: cannot read: {exc.strerror or exc}") from None
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=label))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, 0)
        raise SchemaError(f"{label}:{line}:{column}: not well-formed XML: {exc.msg}") from None
    _refuse_dtd(tree, label)
    return tree


def _refuse_dtd(tree: etree._ElementTree, label: str) -> None:
    docinfo = tree.docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SchemaError(f"{label}:1: the document declares entities; refused (XXE and entity bombs)")
    if docinfo.system_url or docinfo.public_id:
        raise SchemaError(f"{label}:1: the document names an external DTD; refused (it is not fetched)")
    for element in tree.iter(etree.Entity):
        raise SchemaError(f"{label}:{element.sourceline}: unexpanded entity reference &{element.name};")


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """UTF-8 with an XML declaration and a final newline; deterministic."""
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return data if data.endswith(b"\n") else data + b"\n"


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
