"""Batch export: one page per input, an index for HTML, failures recorded and never stopping
the rest; and the CLI's single-file and usage paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from htmlcheck import check_page
from typer.testing import CliRunner

from tei_serge.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, app
from tei_serge.export import HTML, TEXT, ExportFormat, export_files, output_names

FIXTURES = Path(__file__).parent / "fixtures" / "export"
GOOD = FIXTURES / "branches.xml"
BAD = FIXTURES / "not-well-formed.xml"
runner = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """A bad file first, then two good ones with the same name in different folders."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(GOOD, other / GOOD.name)
    return [BAD, GOOD, other / GOOD.name, tmp_path / "missing.xml"]


def test_a_failure_never_stops_the_rest(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: list[str] = []
    batch = export_files(inputs, TEXT, out, on_file=lambda r: seen.append(r.source.name))
    assert seen == [p.name for p in inputs]
    assert [f.ok for f in batch.files] == [False, True, True, False]
    assert not batch.ok and len(batch.failed) == 2
    assert "not-well-formed.xml:4:35: not well-formed" in (batch.files[0].error or "")
    assert "missing.xml" in (batch.files[3].error or "")
    assert sorted(p.name for p in out.iterdir()) == ["branches-2.txt", "branches.txt"]
    assert batch.index is None  # only HTML batches get an index


def test_html_batch_writes_an_index(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch = export_files(inputs, HTML, out)
    assert batch.index == out / "index.html"
    assert sorted(p.name for p in out.iterdir()) == ["branches-2.html", "branches.html", "index.html"]
    index = batch.index.read_text(encoding="utf-8")
    assert check_page(index).errors == []
    assert index.count('href="branches.html"') == 1 and index.count('href="branches-2.html"') == 1
    assert ">Branches</a>" in index  # the page's title from the TEI header
    assert "not-well-formed.xml" in index and "missing.xml" in index  # the failures, listed


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    export_files([GOOD, BAD], HTML, tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_output_names_are_distinct_and_keep_the_index_free() -> None:
    names = output_names([Path("a/index.xml"), Path("b/x.xml"), Path("c/x.xml")], ".html", {"index.html"})
    assert [n for _, n in names] == ["index-2.html", "x.html", "x-2.html"]


def test_formats_map_to_exporters() -> None:
    assert ExportFormat("html").to_exporter() is HTML
    assert ExportFormat("text").to_exporter() is TEXT


# --------------------------------------------------------------------------------- CLI


def test_cli_one_file_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "text", str(GOOD)])
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("Branches\n========\n\nthe corrected")
    target = tmp_path / "page.html"
    result = runner.invoke(app, ["export", "html", str(GOOD), "-o", str(target)])
    assert result.exit_code == EXIT_OK, result.output
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_cli_one_file_into_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "text", str(GOOD), "-o", str(tmp_path)])
    assert result.exit_code == EXIT_OK, result.output
    assert (tmp_path / "branches.txt").is_file()


def test_cli_batch_exit_code_and_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "text", str(GOOD), str(BAD), "-o", str(tmp_path / "o")])
    assert result.exit_code == EXIT_FAILURE
    assert "Traceback" not in result.output
    assert "1 exported, 1 failed" in " ".join(result.stderr.split())
    ok = runner.invoke(app, ["export", "text", str(GOOD), "-o", str(tmp_path / "p"), str(GOOD)])
    assert ok.exit_code == EXIT_OK
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["branches-2.txt", "branches.txt"]


@pytest.mark.parametrize(
    "args",
    [
        ["export", "text", str(GOOD), str(GOOD)],  # several inputs need -o DIR
        ["export", "pdf", str(GOOD)],  # no such format
        ["export", "text"],  # no input
    ],
    ids=["no-output-folder", "unknown-format", "no-input"],
)
def test_cli_usage_errors(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_USAGE
    assert "Traceback" not in result.output


def test_cli_batch_into_a_file_is_one_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "a-file.txt"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["export", "html", str(GOOD), str(GOOD), "-o", str(target)])
    assert result.exit_code == EXIT_FAILURE
    assert "Traceback" not in result.output
    assert "not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "x"


def test_cli_a_folder_stands_for_its_xml_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "one.xml")
    shutil.copy(GOOD, folder / "two.xml")
    (folder / "notes.txt").write_text("not TEI", encoding="utf-8")
    result = runner.invoke(app, ["export", "text", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["one.txt", "two.txt"]


def test_cli_an_xml_that_is_not_tei_is_one_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "feed.xml"
    source.write_text("<rss><channel/></rss>", encoding="utf-8")
    target = tmp_path / "feed.html"
    result = runner.invoke(app, ["export", "html", str(source), "-o", str(target)])
    assert result.exit_code == EXIT_FAILURE
    assert "feed.xml: not a TEI document (the root is <rss>" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_cli_an_input_that_cannot_be_looked_at_is_no_traceback(tmp_path: Path, unsearchable: str) -> None:
    source = tmp_path / f"{unsearchable}.xml"
    shutil.copy(GOOD, source)
    result = runner.invoke(app, ["export", "text", str(source)])
    assert result.exit_code == EXIT_OK, result.output  # not taken for a folder: read as a file
    assert "corrected" in result.stdout
