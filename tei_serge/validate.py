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
from .svrl import PathNamer, locate, readable_path
from .xmlio import is_folder, parse_xml, serialize

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
        found.extend(sorted(path.rglob("*.xml")) if is_folder(path) else [path])
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
        message=_document_message(exc),
        file=label,
        line=exc.line,
    )


def _document_message(exc: DocumentError) -> str:
    """``"file:26:15: not well-formed XML: …"`` → ``"not well-formed XML: … (at line 26, column
    15)"``: the file and the line are columns of the report already."""
    text = str(exc)
    for part in (exc.file, exc.line, exc.column):
        if part is not None and text.startswith(f"{part}:"):
            text = text[len(f"{part}:") :].lstrip()
    if exc.line and exc.column:
        text += f" (at line {exc.line}, column {exc.column})"
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
            xpath=readable_path(tree, path) if path else None,
        )
        for (line, path), messages in grouped.items()
    ]


# ------------------------------------------------------------------ Schematron


def _schematron_findings(
    tree: etree._ElementTree, project_rules: bool, label: str
) -> list[Finding]:
    transform = schematron_transform(project_rules)
    try:
        svrl = transform(tree)
    except etree.XSLTApplyError as exc:
        raise SchemaError(f"{label}: the Schematron rules could not run: {exc}") from None
    paths = PathNamer()
    findings = []
    for node in svrl.getroot().iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        line, xpath = locate(tree, node.get("location") or "", paths)
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
