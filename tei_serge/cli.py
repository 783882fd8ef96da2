"""The command line: thin commands over the library. Formatting and exit codes live here.

Exit codes: 0 success; 1 bad input, invalid TEI or a failed file in a batch; 2 usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from . import __version__
from .errors import TeiSergeError

EXIT_OK = 0
EXIT_FAILURE = 1  # bad input, invalid document, a failed file in a batch
EXIT_USAGE = 2  # click's own code for usage errors

DEFAULT_OUTPUT_DIR = Path("output")

app = typer.Typer(
    name="tei-serge",
    help="Turn the transcribed diary of Victor Serge into a TEI P5 edition, validate it and "
    "publish it as HTML and plain text.\n\nExit codes: 0 success; 1 bad input, invalid TEI or "
    "a failed file; 2 usage error.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = EXIT_FAILURE) -> NoReturn:
    stderr.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def errors_mapped() -> Iterator[None]:
    """The one place library errors become a message and an exit code."""
    try:
        yield
    except TeiSergeError as exc:
        fail(_escape(str(exc)))
    except KeyboardInterrupt:
        fail("interrupted", 130)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tei-serge {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """tei-serge: text → TEI → validation → HTML and plain text."""


SkipOption = Annotated[
    list[str] | None,
    typer.Option(
        "--skip", help="Switch off an enrichment pass by name (notes, dates, names, speech, foreign)."
    ),
]
RegisterOption = Annotated[
    list[Path] | None,
    typer.Option("--register", help="An editor's register (TEI) merged over the built-in one."),
]


def _options(  # type: ignore[no-untyped-def]
    source_name: str, register: list[Path] | None, skip: list[str] | None, *, candidates: bool = False
):
    from .context import ConvertOptions
    from .passes import PASS_NAMES

    unknown = sorted(set(skip or ()) - set(PASS_NAMES))
    if unknown:
        fail(f"unknown pass {', '.join(unknown)}; passes are {', '.join(PASS_NAMES)}", EXIT_USAGE)
    return ConvertOptions(tuple(register or ()), frozenset(skip or ()), source_name, candidates)


def read_input(path: str | None) -> tuple[bytes | Path | None, str]:
    """The source to convert: None = the embedded installment, '-' = standard input."""
    if path is None:
        return None, "serge-diary-1949-09.txt"
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    return Path(path), path


@app.command()
def convert(
    source: Annotated[
        str | None, typer.Argument(help="Source text ('-' for stdin; default: the embedded installment).")
    ] = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="TEI file to write ('-' for stdout).")
    ] = None,
    register: RegisterOption = None,
    skip: SkipOption = None,
) -> None:
    """Convert a source text to TEI."""
    from .pipeline import convert_source, output_stem
    from .xmlio import write_atomic

    data, name = read_input(source)
    with errors_mapped():
        conversion = convert_source(data, _options(name, register, skip))
        payload = conversion.to_bytes()
        if output == "-":
            sys.stdout.buffer.write(payload)
            return
        target = (
            Path(output)
            if output
            else DEFAULT_OUTPUT_DIR / f"{output_stem(data if isinstance(data, Path) else None)}.xml"
        )
        write_atomic(target, payload)
    stderr.print(f"wrote {target}")


@app.command()
def build(
    sources: Annotated[
        list[Path] | None,
        typer.Argument(help="Source texts or folders of them (default: the embedded installment)."),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("-o", "--output-dir", help="Folder for the outputs.")
    ] = DEFAULT_OUTPUT_DIR,
    jobs: Annotated[
        int | None, typer.Option("-j", "--jobs", min=1, help="Parallel builds (default: all cores).")
    ] = None,
    register: RegisterOption = None,
    skip: SkipOption = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "-v", "--verbose", help="Also list information findings (unknown names, unnamed speakers)."
        ),
    ] = False,
) -> None:
    """Convert, validate and export into OUTPUT_DIR: NAME.xml, NAME.html, NAME.txt for each source."""
    from .batch import build_many, build_safely, collect_sources

    options = _options("<input>", register, skip, candidates=verbose)  # candidates are information
    if not sources:
        results = [build_safely(None, out_dir, options)]
    else:
        with errors_mapped():
            paths = collect_sources(sources)
        with progress_reporter(len(paths), "building") as advance:
            results = build_many(paths, out_dir, options, jobs=jobs, on_result=advance)
    report_builds(results, verbose=verbose)
    if not all(result.ok for result in results):
        raise typer.Exit(EXIT_FAILURE)


@contextmanager
def progress_reporter(total: int, label: str) -> Iterator[Callable[[Any], None]]:
    """A rich progress bar on a terminal; one plain line per finished item otherwise."""
    if not stderr.is_terminal:
        yield lambda result: stderr.print(f"{'ok' if result.ok else 'FAILED'} {result.source}")
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=stderr
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda result: bar.advance(task)


def report_builds(results: list[Any], *, verbose: bool = False) -> None:
    """Findings (information too when ``verbose``), errors, and for more than one source a
    summary table, on stderr."""
    from .report import Severity

    for result in results:
        for finding in result.report.findings:
            if finding.severity < Severity.WARNING and not verbose:
                continue
            location = f"{finding.file}:{finding.line}"
            stderr.print(f"{location}: {finding.severity}: [{finding.rule_id}] {_escape(finding.message)}")
        if result.error:
            stderr.print(f"[bold red]error:[/] {_escape(result.error)}")
        else:
            for path in result.outputs:
                stderr.print(f"wrote {path}")
    if len(results) > 1:
        from rich.table import Table

        table = Table(title="build summary")
        for column in ("source", "status", "errors", "warnings", "outputs"):
            table.add_column(column)
        for result in results:
            table.add_row(
                _escape(Path(result.source).name),
                "[green]ok[/]" if result.ok else "[red]failed[/]",
                str(len(result.report.errors)),
                str(len(result.report.warnings)),
                str(len(result.outputs)),
            )
        stderr.print(table)
        failed = sum(not result.ok for result in results)
        stderr.print(f"{len(results) - failed} built, {failed} failed")


# ------------------------------------------------------------------------- export (begin)


@app.command()
def export(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="The output format: html or text.")],
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="TEI documents (a folder: its *.xml files).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="One input: a file ('-' = stdout, the default) or a folder. "
            "Several inputs: the folder to write (required).",
        ),
    ] = None,
) -> None:
    """Export TEI documents as HTML pages or plain text. A batch writes one file per input (an
    HTML batch also an index.html) and goes on after a failure; exit 1 if any input failed."""
    from .export import ExportFormat, collect_inputs, export_files

    if fmt not in ExportFormat.__members__:
        fail(f"unknown format {fmt!r}; formats are html, text", EXIT_USAGE)
    exporter = ExportFormat(fmt).to_exporter()
    files = collect_inputs(files)
    if not files:
        fail("nothing to export: the folders given hold no *.xml file")
    if len(files) == 1 and not (output and output.is_dir()):
        with errors_mapped():
            _export_one(files[0], exporter, output)
        return
    if output is None:
        fail("several inputs need an output folder: -o DIR", EXIT_USAGE)
    with errors_mapped(), progress_reporter(len(files), f"export {fmt}") as advance:
        batch = export_files(files, exporter, output, on_file=advance)
    report_exports(batch)
    if not batch.ok:
        raise typer.Exit(EXIT_FAILURE)


def _export_one(source: Path, exporter: Any, output: Path | None) -> None:
    from .export import export
    from .xmlio import parse_tei, write_atomic

    content = export(parse_tei(source), exporter, name=str(source))
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(content.encode("utf-8"))
        sys.stdout.flush()
    else:
        write_atomic(output, content)
        stderr.print(f"wrote {_escape(str(output))}")


def report_exports(batch: Any) -> None:
    """Each failure on its own line, then a summary table, on stderr."""
    from rich.table import Table

    for result in batch.failed:
        stderr.print(f"[bold red]error:[/] {_escape(result.error)}", soft_wrap=True)
    table = Table(title=f"export {batch.exporter.name} summary")
    for column in ("inputs", "exported", "failed", "folder"):
        table.add_column(column)
    exported = len(batch.files) - len(batch.failed)
    table.add_row(str(len(batch.files)), str(exported), str(len(batch.failed)), _escape(str(batch.out_dir)))
    stderr.print(table)
    index = f"; index: {batch.index}" if batch.index else ""
    stderr.print(f"{exported} exported, {len(batch.failed)} failed{_escape(index)}", soft_wrap=True)


# --------------------------------------------------------------------------- export (end)
# ------------------------------------------------------------------------ validate (begin)


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="TEI documents, or folders of them, to check.")],
    schema: Annotated[
        str, typer.Option("--schema", help="RELAX NG: project (default), tei_all, or a file.")
    ] = "project",
    tei_all: Annotated[
        Path | None,
        typer.Option(
            "--tei-all",
            envvar="TEI_ALL_RNG",
            exists=True,
            dir_okay=False,
            help="tei_all.rng (added to the project schema).",
        ),
    ] = None,
    rules: Annotated[
        str, typer.Option("--rules", help="Schematron: auto (default), project or generic.")
    ] = "auto",
    output_format: Annotated[str, typer.Option("--format", help="table (default) or json.")] = "table",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Check TEI with RELAX NG, then Schematron; one report for all files (schemas compiled
    once). Exit 0 without errors, 1 with errors (--strict: or warnings), 2 on usage errors."""
    from .validate import collect_documents, validate_files

    if output_format not in ("table", "json") or rules not in ("auto", "project", "generic"):
        fail("--format is table or json; --rules is auto, project or generic", EXIT_USAGE)
    if schema not in ("project", "tei_all") and not Path(schema).is_file():
        fail(f"--schema {schema!r}: use project, tei_all or an existing RELAX NG file", EXIT_USAGE)
    if schema == "tei_all" and tei_all is None:
        fail("--schema tei_all needs --tei-all PATH (or TEI_ALL_RNG)", EXIT_USAGE)
    project_rules = {"auto": None, "project": True, "generic": False}[rules]
    documents = collect_documents(files)
    if not documents:
        fail("nothing to validate: the folders given hold no *.xml file")
    with errors_mapped():
        report = validate_files(documents, schema=schema, tei_all=tei_all, project_rules=project_rules)
    if output_format == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        print_findings(report)
    counts = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    stderr.print(f"{len(documents)} file(s): {counts}")
    if report.errors or (strict and report.warnings):
        raise typer.Exit(EXIT_FAILURE)


def print_findings(report: Any) -> None:
    """A rich table of findings on stdout in a terminal; otherwise one greppable line each,
    ``file:line: severity [rule] message``."""
    from rich.table import Table

    console = Console(highlight=False)
    if not console.is_terminal:
        for f in report.findings:
            sys.stdout.write(f"{f.file}:{f.line or 0}: {f.severity} [{f.rule_id}] {f.message}\n")
        return
    if not report.findings:
        return
    table = Table(show_lines=False)
    for column in ("file", "line", "severity", "rule", "message"):
        table.add_column(column, overflow="fold")
    colours = {"error": "red", "warning": "yellow"}
    for f in report.findings:
        severity = str(f.severity)
        table.add_row(
            _escape(f.file or ""),
            str(f.line or ""),
            f"[{colours.get(severity, 'blue')}]{severity}[/]",
            f.rule_id,
            _escape(f.message),
        )
    console.print(table)


# -------------------------------------------------------------------------- validate (end)


TextOrTeiArgument = Annotated[
    str | None,
    typer.Argument(
        help="A source text or a TEI file (.xml); '-' for stdin; default: the embedded installment."
    ),
]
FormatOption = Annotated[str, typer.Option("--format", help="table (default) or json.")]


def check_format(output_format: str) -> None:
    if output_format not in ("table", "json"):
        fail("--format is table or json", EXIT_USAGE)


@app.command()
def speech(
    source: TextOrTeiArgument = None,
    output_format: FormatOption = "table",
    register: RegisterOption = None,
) -> None:
    """List each speaker of the direct speech with their number of speeches and first words."""
    from .speech.listing import speakers_of

    check_format(output_format)
    data, name = read_input(source)
    with errors_mapped():
        table = speakers_of(data, _options(name, register, None))
    if output_format == "json":
        sys.stdout.write(table.to_json() + "\n")
        return
    from rich.table import Table

    view = Table("speaker", "id", "speeches", "first words")
    for speaker in table.speakers:
        view.add_row(
            _escape(speaker.name), speaker.who, str(speaker.speeches), _escape("\n".join(speaker.first_words))
        )
    Console(highlight=False).print(view)


@app.command()
def entities(
    source: TextOrTeiArgument = None,
    output_format: FormatOption = "table",
    register: RegisterOption = None,
) -> None:
    """List the register entries the text mentions (with counts and forms) and the candidates:
    capitalised words that look like names but match no entry."""
    from .entities import entities as entities_of

    check_format(output_format)
    data, _ = read_input(source)
    with errors_mapped():
        view = entities_of(data, tuple(register or ()))
    if output_format == "json":
        sys.stdout.write(view.to_json() + "\n")
        return
    from rich.table import Table

    table = Table("kind", "id", "name", "mentions", "forms", title="Entities")
    for e in view.entities:
        forms = ", ".join(f"{form} ×{n}" for form, n in e.forms.items())
        table.add_row(e.kind, e.id, _escape(e.name), str(e.mentions), _escape(forms))
    candidates = Table("candidate", "where", "context", title="Candidates (in no register entry)")
    for c in view.candidates:
        candidates.add_row(_escape(c.text), _escape(c.location), _escape(f"…{c.context}…"))
    console = Console(highlight=False)
    console.print(table)
    console.print(candidates if view.candidates else "No candidates: every name-like word is known.")
    stderr.print(
        f"{view.mentions} mention(s) of {len(view.entities)} entries; {len(view.candidates)} candidate(s)"
    )


def main() -> None:
    app()
