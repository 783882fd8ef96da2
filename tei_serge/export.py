"""Stage 4: TEI → HTML and plain text, through the XSLT 1.0 stylesheets in ``tei_serge/xslt``.

An :class:`Exporter` is a name, a stylesheet, a file suffix and stylesheet parameters; there are
two (:data:`HTML`, :data:`TEXT`). Stylesheets are compiled on first use, once per process, from
their real path, so ``xsl:import href="common.xsl"`` resolves exactly as under ``xsltproc``,
and the same files give the same bytes both ways. The transformation may neither write files
nor touch the network (``XSLTAccessControl.DENY_ALL``; ``xsl:import`` is resolved when the
stylesheet is compiled, not by the transformation).

:func:`export_files` renders many files into a folder: a failure is recorded and the batch goes
on; pages are written atomically; an HTML batch also gets an ``index.html`` listing its pages.
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import assert_never
from urllib.parse import quote

from lxml import etree

from .errors import ExportError, OutputError, TeiSergeError
from .resources import xslt_path
from .xmlio import NSMAP, element_text, is_folder, parse_tei, write_atomic

#: What a transformation may do: read nothing, write nothing, no network.
ACCESS_CONTROL = etree.XSLTAccessControl.DENY_ALL

INDEX_NAME = "index.html"


@dataclass(frozen=True)
class Exporter:
    """One output format: its name, its stylesheet (in ``tei_serge/xslt``), the suffix of the
    files it writes and the stylesheet parameters it passes (XPath string literals are quoted
    by :func:`export`)."""

    name: str
    stylesheet: str
    suffix: str
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


HTML = Exporter("html", "tei-to-html.xsl", ".html")
TEXT = Exporter("text", "tei-to-text.xsl", ".txt")


class ExportFormat(enum.StrEnum):
    """The formats of ``tei-serge export``."""

    html = "html"
    text = "text"

    def to_exporter(self) -> Exporter:
        match self:
            case ExportFormat.html:
                return HTML
            case ExportFormat.text:
                return TEXT
            case _ as unreachable:
                assert_never(unreachable)


XSL_NS = "http://www.w3.org/1999/XSL/Transform"


@cache
def compiled(stylesheet: str) -> etree.XSLT:
    """The compiled stylesheet ``tei_serge/xslt/<stylesheet>`` (compiled once per process)."""
    path = xslt_path(stylesheet)
    try:
        document = etree.parse(str(path))
        return etree.XSLT(document, access_control=ACCESS_CONTROL)
    except (etree.XMLSyntaxError, etree.XSLTParseError) as exc:
        raise ExportError(f"{path}: the stylesheet does not compile: {exc}") from None


@cache
def strips_space(stylesheet: str) -> bool:
    """Whether the stylesheet (or one it imports or includes) has ``xsl:strip-space``, which
    libxslt applies to the input tree in place."""
    return _strips_space(xslt_path(stylesheet), set())


def _strips_space(path: Path, seen: set[Path]) -> bool:
    if path in seen or not path.is_file():
        return False
    seen.add(path)
    root = etree.parse(str(path)).getroot()
    if root.find(f"{{{XSL_NS}}}strip-space") is not None:
        return True
    hrefs = [e.get("href", "") for e in root if e.tag in (f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include")]
    return any(_strips_space(path.parent / href, seen) for href in hrefs if href)


def export(
    tree: etree._ElementTree | etree._Element, exporter: Exporter, *, name: str | None = None
) -> str:
    """Render a TEI document with ``exporter``; raises :class:`ExportError` naming the document."""
    label = name or _document_label(tree)
    transform = compiled(exporter.stylesheet)
    params = {key: etree.XSLT.strparam(value) for key, value in exporter.params.items()}
    # libxslt applies xsl:strip-space to the input tree in place: then transform a copy, so that
    # an export never changes the caller's tree (nor, through it, the next export).
    source = copy.deepcopy(tree) if strips_space(exporter.stylesheet) else tree
    try:
        result = transform(source, **params)
    except etree.XSLTError as exc:
        reason = _first_error(transform, exc)
        raise ExportError(f"{label}: the {exporter.name} export failed: {reason}") from None
    return str(result)


def export_html(tree: etree._ElementTree | etree._Element, *, name: str | None = None) -> str:
    """The HTML edition of a TEI document, as one self-contained page."""
    return export(tree, HTML, name=name)


def export_text(tree: etree._ElementTree | etree._Element, *, name: str | None = None) -> str:
    """The plain-text reading edition of a TEI document."""
    return export(tree, TEXT, name=name)


def _document_label(tree: etree._ElementTree | etree._Element) -> str:
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    url = root.getroottree().docinfo.URL
    return str(url) if url else "<document>"


def _first_error(transform: etree.XSLT, exc: Exception) -> str:
    for entry in transform.error_log:
        if entry.level_name in ("ERROR", "FATAL"):
            return str(entry.message)
    return str(exc)


# ---------------------------------------------------------------------------------- batches


@dataclass(frozen=True)
class FileResult:
    """One input of a batch: the page written, or the one-line reason it failed."""

    source: Path
    output: Path | None = None
    error: str | None = None
    title: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchResult:
    exporter: Exporter
    out_dir: Path
    files: list[FileResult] = field(default_factory=list)
    index: Path | None = None

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if not f.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


def export_file(source: Path, exporter: Exporter, target: Path) -> FileResult:
    """Parse ``source`` (safely), render it and write ``target`` atomically."""
    tree = parse_tei(source)
    content = export(tree, exporter, name=str(source))
    write_atomic(target, content)
    return FileResult(source, target, None, document_title(tree) or source.stem)


def export_files(
    sources: Iterable[Path],
    exporter: Exporter,
    out_dir: Path,
    *,
    on_file: Callable[[FileResult], None] | None = None,
) -> BatchResult:
    """Render every source into ``out_dir/<stem><suffix>``. A failure is recorded (with a
    one-line reason) and the batch goes on. An HTML batch also writes ``index.html`` listing
    the pages (and the failures). ``on_file`` is called after each file (progress). Raises
    :class:`OutputError` when ``out_dir`` is not a folder or the index cannot be written."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: not a folder; a batch writes one file per input into a folder")
    batch = BatchResult(exporter, out_dir)
    targets = output_names(list(sources), exporter.suffix, reserved={INDEX_NAME})
    for source, target in targets:
        try:
            result = export_file(source, exporter, out_dir / target)
        except TeiSergeError as exc:
            result = FileResult(source, None, str(exc))
        batch.files.append(result)
        if on_file is not None:
            on_file(result)
    if exporter.suffix == ".html" and batch.files:
        batch.index = out_dir / INDEX_NAME
        write_atomic(batch.index, index_page(batch))
    return batch


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the ``*.xml`` files of folders (sorted)."""
    inputs: list[Path] = []
    for path in paths:
        if is_folder(path):
            inputs.extend(sorted(p for p in path.iterdir() if p.suffix == ".xml" and p.is_file()))
        else:
            inputs.append(path)
    return inputs


def output_names(sources: list[Path], suffix: str, reserved: set[str]) -> list[tuple[Path, str]]:
    """A distinct file name per source: its stem plus ``suffix``; ``-2``, ``-3`` … on clashes."""
    taken = set(reserved)
    names = []
    for source in sources:
        stem, n = source.stem, 1
        name = f"{stem}{suffix}"
        while name in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name)
        names.append((source, name))
    return names


def document_title(tree: etree._ElementTree) -> str:
    """The first title of the (first) header, white space normalised ('' when none)."""
    titles = tree.xpath("(//tei:teiHeader)[1]/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NSMAP)
    for title in titles if isinstance(titles, list) else []:
        text = element_text(title)
        if text:
            return text
    return ""


def index_page(batch: BatchResult) -> str:
    """The index of an HTML batch: one link per page, and the inputs that failed."""
    from lxml.html import builder as h

    items = [
        h.LI(h.A(f.title, href=quote(f.output.name)), " ", h.SMALL(f"({f.source.name})"))
        for f in batch.files
        if f.ok and f.output is not None
    ]
    failures = [h.LI(h.CODE(f.source.name), f": {f.error}") for f in batch.failed]
    body = [h.H1("Index"), h.UL(*items) if items else h.P("No page was exported.")]
    if failures:
        body += [h.H2("Not exported"), h.UL(*failures)]
    page = h.HTML(
        h.HEAD(h.META(charset="utf-8"), h.TITLE("Index")),
        h.BODY(*body),
    )
    page.set("lang", "en")
    html: bytes = etree.tostring(page, method="xml", encoding="UTF-8", doctype="<!DOCTYPE html>")
    return html.decode("utf-8") + "\n"


__all__ = [
    "HTML",
    "TEXT",
    "BatchResult",
    "ExportFormat",
    "Exporter",
    "FileResult",
    "collect_inputs",
    "export",
    "export_file",
    "export_files",
    "export_html",
    "export_text",
]
