"""Stage 3, read-only: RELAX NG and Schematron, every finding with file, line and rule id.

``validate(document)`` checks one document; ``validate_files(paths)`` a batch. Schemas are
compiled on first use and cached for the process (``functools.cache``): tei_all.rng costs
libxml2 about ten seconds to compile, so a batch of files pays it once. The Schematron rules are
shipped precompiled to XSLT (``schemas/tei_serge.sch.xsl``, see ``tools/compile_schematron.py``);
nothing is compiled at import time.

Which rules run:

- RELAX NG: the project schema (``schema="project"``, the default), the official ``tei_all``
  (``schema="tei_all"``), or any RELAX NG file (``schema=Path(...)``); ``tei_all=PATH`` adds
  tei_all to the project schema.
- Schematron: the *project* phase (every editorial rule) for documents that claim our schema,
  i.e. whose ``xml-model`` processing instruction names ``tei_serge.rng``; otherwise the
  *generic* phase (ids unique; local pointers that do not resolve, as warnings). ``project_rules``
  forces either.

Nothing is fetched: ``xml-model`` instructions are read as text, never followed; documents are
parsed by :func:`tei_serge.xmlio.parse_xml` (no DTD, no entities, no network); the Schematron
stylesheet runs with file and network access denied.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import urlsplit

from lxml import etree

from .errors import DocumentError, SchemaError
from .report import Finding, Report, Severity
from .resources import schema_path
from .xmlio import TEI_NS, parse_xml, serialize

SchemaChoice = Literal["project", "tei_all"] | Path | str

PROJECT_RNG = "tei_serge.rng"
SCHEMATRON_XSL = {True: "tei_serge.sch.xsl", False: "tei_serge-generic.sch.xsl"}
TEI_ALL_ENV = "TEI_ALL_RNG"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"

# Rule ids of the findings that do not come from the Schematron file.
RULE_NOT_WELL_FORMED = "SRG-XML-01"
RULE_REFUSED = "SRG-XML-02"
RULE_UNREADABLE = "SRG-XML-03"
RULE_RNG = {"project": "SRG-RNG-01", "tei_all": "SRG-RNG-02", "custom": "SRG-RNG-03"}

_DOCUMENT_RULES = {
    "not-well-formed": RULE_NOT_WELL_FORMED,
    "refused": RULE_REFUSED,
    "unreadable": RULE_UNREADABLE,
}
_ROLES = {
    "fatal": Severity.ERROR,
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "warn": Severity.WARNING,
    "info": Severity.INFO,
}


@dataclass(frozen=True)
class Grammar:
    """A RELAX NG schema to check against: which one (``kind``) and where it is."""

    kind: str  # "project", "tei_all" or "custom"
    path: Path

    @property
    def rule_id(self) -> str:
        return RULE_RNG[self.kind]

    @property
    def label(self) -> str:
        return {"project": "tei_serge.rng", "tei_all": "tei_all.rng"}.get(self.kind, self.path.name)


# ------------------------------------------------------------------ compiled once per process


@cache
def rng_validator(path: Path) -> etree.RelaxNG:
    """The compiled RELAX NG schema at ``path`` (cached: tei_all takes libxml2 ~10 s)."""
    try:
        tree = parse_xml(path)
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"{path}: not a usable RELAX NG schema: {exc}") from None


@cache
def schematron_transform(project_rules: bool) -> etree.XSLT:
    """The precompiled Schematron stylesheet of a phase, with file and network access denied."""
    xsl = parse_xml(schema_path(SCHEMATRON_XSL[project_rules]))
    return etree.XSLT(xsl, access_control=etree.XSLTAccessControl.DENY_ALL)


def tei_all_path(explicit: Path | str | None = None) -> Path:
    """Where tei_all.rng is: the argument, else the ``TEI_ALL_RNG`` environment variable."""
    candidate = explicit or os.environ.get(TEI_ALL_ENV)
    if not candidate:
        raise SchemaError(
            f"tei_all.rng is not known: pass --tei-all PATH or set {TEI_ALL_ENV}"
        )
    path = Path(candidate)
    if not path.is_file():
        raise SchemaError(f"{path}: tei_all.rng not found (from --tei-all or {TEI_ALL_ENV})")
    return path


def grammars(schema: SchemaChoice = "project", tei_all: Path | str | None = None) -> list[Grammar]:
    """The RELAX NG schemas a validation runs, in order."""
    if schema == "project":
        chosen = [Grammar("project", schema_path(PROJECT_RNG))]
        if tei_all is not None or os.environ.get(TEI_ALL_ENV):
            chosen.append(Grammar("tei_all", tei_all_path(tei_all)))
        return chosen
    if schema == "tei_all":
        return [Grammar("tei_all", tei_all_path(tei_all))]
    path = Path(schema)
    if not path.is_file():
        raise SchemaError(f"{path}: schema not found (use project, tei_all or a RELAX NG file)")
    return [Grammar("custom", path)]


# ------------------------------------------------------------------ the library API


def validate(
    document: etree._ElementTree | etree._Element | Path | str | bytes,
    *,
    name: str | None = None,
    schema: SchemaChoice = "project",
    tei_all: Path | str | None = None,
    project_rules: bool | None = None,
) -> Report:
    """Validate one document; every problem becomes a :class:`Finding` of the report.

    ``document`` is a tree, a path or bytes. A document that cannot be read, is not well-formed
    or is hostile is one error finding (``SRG-XML-0n``) with its line and column. A schema that
    cannot be found or compiled raises :class:`SchemaError`.
    """
    chosen = grammars(schema, tei_all)
    label = name or (str(document) if isinstance(document, (str, Path)) else "<tree>")
    report = Report()
    try:
        tree = _as_tree(document, label)
    except DocumentError as exc:
        report.add(_document_finding(exc, label))
        return report
    claims = claims_project_schema(tree) if project_rules is None else project_rules
    findings = _rng_findings(tree, chosen, label) + _schematron_findings(tree, claims, label)
    report.extend(sorted(findings, key=lambda finding: finding.line or 0))
    return report


def validate_files(
    paths: Iterable[Path | str],
    *,
    schema: SchemaChoice = "project",
    tei_all: Path | str | None = None,
    project_rules: bool | None = None,
) -> Report:
    """Validate a batch: one report with every file's findings, schemas compiled once. A folder
    stands for the ``*.xml`` files under it, in name order."""
    report = Report()
    for path in collect_documents(paths):
        report.extend(
            validate(Path(path), name=str(path), schema=schema, tei_all=tei_all,
                     project_rules=project_rules)
        )
    return report


def collect_documents(paths: Iterable[Path | str]) -> list[Path]:
    """The files of a batch: each path as given, each folder as its ``*.xml`` files."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(path.rglob("*.xml")) if path.is_dir() else [path])
    return found


def claims_project_schema(tree: etree._ElementTree) -> bool:
    """Does the document say it follows our schema (an ``xml-model`` naming tei_serge.rng)?"""
    root = tree.getroot()
    for node in root.itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            href = node.get("href") or ""
            if PurePosixPath(urlsplit(href).path).name == PROJECT_RNG:
                return True
    return False


# ------------------------------------------------------------------ parsing


def _as_tree(
    document: etree._ElementTree | etree._Element | Path | str | bytes, label: str
) -> etree._ElementTree:
    if isinstance(document, (Path, str, bytes)):
        return parse_xml(document, name=label)
    tree = document if isinstance(document, etree._ElementTree) else document.getroottree()
    if tree.getroot().sourceline is None:
        # built in memory: serialise and read back, so findings have the lines of the file
        # the pipeline writes (it serialises the same tree the same way)
        return parse_xml(serialize(tree), name=label)
    return tree


def _document_finding(exc: DocumentError, label: str) -> Finding:
    return Finding(
        rule_id=_DOCUMENT_RULES.get(exc.reason, RULE_NOT_WELL_FORMED),
        severity=Severity.ERROR,
        message=_strip_location(str(exc), exc.file),
        file=label,
        line=exc.line,
    )


def _strip_location(message: str, file: str) -> str:
    """``"file:12:3: not well-formed XML: …"`` → ``"not well-formed XML (column 3): …"``."""
    if not message.startswith(file + ":"):
        return message
    rest = message[len(file) + 1 :]
    parts = rest.split(":", 2)
    numbers = [p for p in parts[:2] if p.strip().isdigit()]
    text = ":".join(parts[len(numbers) :]).strip()
    if len(numbers) == 2 and int(numbers[1]):
        head, _, tail = text.partition(":")
        return f"{head} (column {numbers[1]}):{tail}" if tail else f"{text} (column {numbers[1]})"
    return text


# ------------------------------------------------------------------ RELAX NG


def _rng_findings(tree: etree._ElementTree, chosen: list[Grammar], label: str) -> list[Finding]:
    findings: list[Finding] = []
    for grammar in chosen:
        validator = rng_validator(grammar.path)
        if validator.validate(tree):
            continue
        findings.extend(_rng_errors(validator.error_log, grammar, tree, label))
    return findings


def _rng_errors(
    log: etree._ListErrorLog, grammar: Grammar, tree: etree._ElementTree, label: str
) -> list[Finding]:
    """libxml2's messages grouped by the node they are about (it often says one thing twice,
    e.g. "Did not expect element address there" and "Element div has extra content: address").
    Duplicate ids are left to Schematron rule SRG-ID-01, which names the id."""
    grouped: dict[tuple[int, str], list[str]] = {}
    skip_lines: set[int] = set()
    for entry in log:
        if entry.type_name == "RELAXNG_ERR_DUPID":
            skip_lines.add(entry.line)
            continue
        if entry.type_name == "RELAXNG_ERR_ATTRVALID" and entry.line in skip_lines:
            continue
        messages = grouped.setdefault((entry.line, entry.path or ""), [])
        if entry.message not in messages:
            messages.append(entry.message)
    return [
        Finding(
            rule_id=grammar.rule_id,
            severity=Severity.ERROR,
            message=f"{grammar.label}: " + "; ".join(messages),
            file=label,
            line=line or None,
            xpath=_readable_path(tree, path) if path else None,
        )
        for (line, path), messages in grouped.items()
    ]


def _readable_path(tree: etree._ElementTree, path: str) -> str:
    """libxml2's ``/*/*[3]/*[1]`` as ``/TEI/text[1]/body[1]`` (local names)."""
    try:
        nodes = tree.xpath(path)
    except etree.XPathError:
        return path
    if isinstance(nodes, list) and nodes and isinstance(nodes[0], etree._Element):
        return _element_path(nodes[0])
    return path


# ------------------------------------------------------------------ Schematron


def _schematron_findings(
    tree: etree._ElementTree, project_rules: bool, label: str
) -> list[Finding]:
    transform = schematron_transform(project_rules)
    try:
        svrl = transform(tree)
    except etree.XSLTApplyError as exc:
        raise SchemaError(f"{label}: the Schematron rules could not run: {exc}") from None
    paths = _PathNamer()
    findings = []
    for node in svrl.getroot().iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        line, xpath = _locate(tree, node.get("location") or "", paths)
        findings.append(
            Finding(
                rule_id=node.get("id") or "SRG-SCH",
                severity=_ROLES.get((node.get("role") or "error").lower(), Severity.ERROR),
                message=" ".join((node.findtext(f"{{{SVRL_NS}}}text") or "").split()),
                file=label,
                line=line,
                xpath=xpath,
            )
        )
    return findings


def _locate(
    tree: etree._ElementTree, location: str, paths: _PathNamer
) -> tuple[int | None, str | None]:
    """Line and readable path of the node an SVRL location names."""
    if not location:
        return None, None
    found = _follow(tree, location) or _xpath_node(tree, location)
    if found is None:
        return None, location
    element, attribute = found
    suffix = f"/@{_local(attribute)}" if attribute else ""
    return element.sourceline, paths.path(element) + suffix


def _xpath_node(tree: etree._ElementTree, location: str) -> tuple[etree._Element, str] | None:
    try:
        nodes = tree.xpath(location)
    except etree.XPathError:
        return None
    node = nodes[0] if isinstance(nodes, list) and nodes else None
    if isinstance(node, etree._Element):
        return node, ""
    parent = getattr(node, "getparent", lambda: None)()
    if isinstance(node, str) and isinstance(parent, etree._Element):  # an attribute value
        return parent, str(getattr(node, "attrname", "") or "")
    return None


# One step of the skeleton's full path: an element by namespace and local name (with its position
# among same-named siblings when it has any), an element without namespace, or an attribute.
_STEP = re.compile(
    r"/(?:\*\[local-name\(\)='(?P<local>[^']+)' and namespace-uri\(\)='(?P<ns>[^']*)'\]"
    r"|(?P<plain>[\w.-]+)"
    r"|@\*\[local-name\(\)='(?P<alocal>[^']+)' and namespace-uri\(\)='(?P<ans>[^']*)'\]"
    r"|@(?P<aplain>[\w.-]+))(?:\[(?P<n>\d+)\])?"
)


def _follow(tree: etree._ElementTree, location: str) -> tuple[etree._Element, str] | None:
    """The element (and attribute name) a skeleton full path names, found by walking children:
    much faster than XPath over thousands of findings. None when the path has another shape."""
    node: etree._Element | None = None
    position = 0
    for step in _STEP.finditer(location):
        if step.start() != position:
            return None
        position = step.end()
        if step["alocal"] or step["aplain"]:
            attribute = step["aplain"] or _clark(step["ans"], step["alocal"])
            ok = node is not None and position == len(location) and attribute in node.attrib
            return (node, attribute) if ok and node is not None else None
        tag = step["plain"] or _clark(step["ns"], step["local"])
        index = int(step["n"] or 1) - 1
        if node is None:
            root = tree.getroot()
            node = root if root.tag == tag and index == 0 else None
        else:
            same = [child for child in node if child.tag == tag]
            node = same[index] if index < len(same) else None
        if node is None:
            return None
    return (node, "") if node is not None and position == len(location) else None


def _clark(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


class _PathNamer:
    """Readable paths (``/TEI/text/body/div[3]/p[2]``), with the position of each element among
    its same-named siblings computed once per parent (a report may name thousands of nodes)."""

    def __init__(self) -> None:
        self._positions: dict[etree._Element, dict[etree._Element, tuple[int, int]]] = {}

    def path(self, element: etree._Element) -> str:
        steps = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            name = _local(node.tag) if isinstance(node.tag, str) else "node()"
            if parent is None:
                steps.append(name)
            else:
                position, count = self._position(parent, node)
                steps.append(f"{name}[{position}]" if count > 1 else name)
            node = parent
        return "/" + "/".join(reversed(steps))

    def _position(self, parent: etree._Element, child: etree._Element) -> tuple[int, int]:
        positions = self._positions.get(parent)
        if positions is None:
            counts: dict[object, int] = {}
            numbered: list[tuple[etree._Element, int]] = []
            for sibling in parent:
                counts[sibling.tag] = counts.get(sibling.tag, 0) + 1
                numbered.append((sibling, counts[sibling.tag]))
            positions = {sibling: (n, counts[sibling.tag]) for sibling, n in numbered}
            self._positions[parent] = positions
        return positions[child]


def _element_path(element: etree._Element) -> str:
    return _PathNamer().path(element)


def _local(name: str) -> str:
    if name.startswith(f"{{{TEI_NS}}}"):
        return name[len(TEI_NS) + 2 :]
    if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + name.rsplit("}", 1)[1]
    return name


__all__ = [
    "Grammar",
    "claims_project_schema",
    "collect_documents",
    "grammars",
    "rng_validator",
    "schematron_transform",
    "tei_all_path",
    "validate",
    "validate_files",
]
