"""The publisher: source → model → TEI → passes → validation → exports, one call each.

``convert`` is stages 1–3 (read, build, enrich); ``build`` adds validation and the exports and
writes everything into an output folder, refusing to export a TEI that fails validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from .context import Context, ConvertOptions
from .errors import TeiSergeError
from .model import Document
from .passes import run_passes
from .report import Report
from .resources import embedded_source_path
from .source import read_source
from .tei import build_tei
from .xmlio import serialize_tei, write_atomic


@dataclass
class Conversion:
    document: Document
    tree: etree._ElementTree
    report: Report

    def to_bytes(self) -> bytes:
        return serialize_tei(self.tree)


def load_context(options: ConvertOptions) -> Context:
    """The context every pass gets: the register (built-in plus the editor's), a fresh report."""
    from .register import load_register

    return Context(options=options, register=load_register(options.register_paths))


def convert_source(
    source: bytes | str | Path | None = None, options: ConvertOptions | None = None
) -> Conversion:
    """Read a source (bytes, text, a path; None = the embedded installment) and enrich it."""
    options = options or ConvertOptions()
    if source is None:
        source = embedded_source_path()
    name = options.source_name if options.source_name != "<input>" else _label(source)
    document = read_source(source, name=name)
    tree = build_tei(document)
    ctx = load_context(replace(options, source_name=name))
    run_passes(tree, ctx)
    return Conversion(document, tree, ctx.report)


def convert(
    source: bytes | str | Path | None = None, options: ConvertOptions | None = None
) -> etree._ElementTree:
    """The TEI tree of a source (see :func:`convert_source`)."""
    return convert_source(source, options).tree


def _label(source: bytes | str | Path) -> str:
    return str(source) if isinstance(source, Path) else "<input>"


@dataclass
class BuildResult:
    source: str
    outputs: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.report.errors


def output_stem(source: Path | None) -> str:
    return embedded_source_path().stem if source is None else source.stem


def build(
    source: Path | None = None,
    out_dir: Path = Path("output"),
    options: ConvertOptions | None = None,
) -> BuildResult:
    """Convert, validate and export one source into ``out_dir/NAME.{xml,html,txt}``.

    Everything is made in memory first; files are written (atomically) only when the TEI is
    valid, so a failed build leaves no partial outputs. Bad input raises
    :class:`~tei_serge.errors.TeiSergeError`; an invalid TEI is reported in the result.
    """
    from .export import export_html, export_text
    from .validate import validate

    stem = output_stem(source)
    result = BuildResult(source=str(source or embedded_source_path()))
    conversion = convert_source(source, options)
    xml_path = out_dir / f"{stem}.xml"
    data = conversion.to_bytes()
    result.report.extend(conversion.report)  # what the passes noticed (unbalanced quotes, ...)
    # the bytes that will be written, so that findings carry the written file's line numbers
    result.report.extend(validate(data, name=str(xml_path)))
    if result.report.errors:
        result.error = f"{xml_path}: invalid TEI: {len(result.report.errors)} error(s); nothing written"
        return result
    outputs = [
        (xml_path, data),
        (out_dir / f"{stem}.html", export_html(conversion.tree)),
        (out_dir / f"{stem}.txt", export_text(conversion.tree)),
    ]
    for path, content in outputs:
        write_atomic(path, content)
        result.outputs.append(path)
    return result


__all__ = ["BuildResult", "Conversion", "TeiSergeError", "build", "convert", "convert_source"]
