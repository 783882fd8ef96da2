"""The command line: exit codes, messages, files written or not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from tei_serge import __version__
from tei_serge.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == EXIT_OK
    assert result.output.strip() == f"tei-serge {__version__}"


def test_help_short_and_long() -> None:
    for flag in ("-h", "--help"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == EXIT_OK
        assert "convert" in result.output and "build" in result.output


def test_convert_embedded_source_to_file(tmp_path: Path) -> None:
    out = tmp_path / "serge.xml"
    result = runner.invoke(app, ["convert", "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    tree = etree.parse(str(out))
    assert len(tree.findall(".//{http://www.tei-c.org/ns/1.0}div[@type='entry']")) == 5


def test_convert_stdin_to_stdout() -> None:
    source = "Victor Serge\n\nA title\n\nMay 3, 1937, Paris. Text.\n"
    result = runner.invoke(app, ["convert", "-", "-o", "-"], input=source)
    assert result.exit_code == EXIT_OK, result.output
    assert '<dateline><date when="1937-05-03">May 3, 1937</date>, <placeName' in result.stdout


def test_convert_default_output_is_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["convert"])
    assert result.exit_code == EXIT_OK, result.output
    assert (tmp_path / "output" / "serge-diary-1949-09.xml").is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary input (a NUL byte at byte 8)"),
        ("Victor Serge\n\nÉté 1937".encode("cp1252"), "not UTF-8"),
        (b"Victor Serge\n\nA title\n\nMay 3, 1937. Text [4].\n", "note anchor [4] has no note"),
        (b"Victor Serge\n\nA title\n\nJune 31, 1937. Text.\n", "unparseable date"),
    ],
)
def test_bad_input_one_line_no_traceback_no_file(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "out.xml"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == EXIT_FAILURE
    assert message in result.stderr
    assert str(source) in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_crlf_input_converts(tmp_path: Path) -> None:
    source = tmp_path / "crlf.txt"
    source.write_bytes(b"\xef\xbb\xbfVictor Serge\r\n\r\nA title  \r\n\r\nMay 3, 1937. Text.\r\n")
    result = runner.invoke(app, ["convert", str(source), "-o", "-"])
    assert result.exit_code == EXIT_OK
    assert "\r" not in result.stdout


def test_missing_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.xml")])
    assert result.exit_code == EXIT_FAILURE
    assert "nope.txt: cannot read: No such file or directory" in result.stderr


def test_unwritable_output(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["convert", "-o", str(blocker / "sub" / "o.xml")])
    assert result.exit_code == EXIT_FAILURE
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_pass_is_a_usage_error() -> None:
    result = runner.invoke(app, ["convert", "--skip", "nonsense", "-o", "-"])
    assert result.exit_code == EXIT_USAGE
    assert "unknown pass nonsense" in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    assert runner.invoke(app, ["convert", "--frobnicate"]).exit_code == EXIT_USAGE
