"""Batch builds: many sources, one bad file never stops the others nor leaves partial outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from tei_serge.batch import build_many, collect_sources
from tei_serge.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, app
from tei_serge.errors import SourceError

runner = CliRunner()


def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in ("no-notes.txt", "separators.txt", "double-date.txt"):
        shutil.copy(FIXTURES / "variants" / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Victor Serge\n\nÉté".encode("latin-1"))
    (folder / "dangling.txt").write_text(
        "Victor Serge\n\nA title\n\nMay 3, 1937. Text [7].\n", encoding="utf-8"
    )
    (folder / "notes.md").write_text("not a source", encoding="utf-8")
    return folder


def test_batch_builds_the_good_and_reports_the_bad(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == EXIT_FAILURE
    built = sorted(p.name for p in out.iterdir())
    assert built == sorted(
        f"{stem}.{suffix}"
        for stem in ("no-notes", "separators", "double-date")
        for suffix in ("xml", "html", "txt")
    )
    assert "empty.txt: the input is empty" in result.stderr
    assert "not UTF-8" in result.stderr
    assert "note anchor [7] has no note" in result.stderr
    assert "3 built, 3 failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_batch_of_good_files_exits_zero(tmp_path: Path) -> None:
    sources = [FIXTURES / "variants" / "no-notes.txt", FIXTURES / "variants" / "vague-dates.txt"]
    result = runner.invoke(app, ["build", *map(str, sources), "-o", str(tmp_path)])
    assert result.exit_code == EXIT_OK, result.stderr
    assert {p.name for p in tmp_path.iterdir()} == {
        f"{stem}.{suffix}" for stem in ("no-notes", "vague-dates") for suffix in ("xml", "html", "txt")
    }
    assert "ok " in result.stderr  # plain progress lines when not a terminal


def test_library_results_in_input_order(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    sources = collect_sources([folder])
    assert [p.name for p in sources] == sorted(p.name for p in folder.glob("*.txt"))
    results = build_many(sources, tmp_path / "out", jobs=2)
    assert [Path(r.source).name for r in results] == [p.name for p in sources]
    assert {Path(r.source).name: r.ok for r in results} == {
        "dangling.txt": False, "double-date.txt": True, "empty.txt": False,
        "latin1.txt": False, "no-notes.txt": True, "separators.txt": True,
    }  # fmt: skip


def test_missing_path_is_one_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")])
    assert result.exit_code == EXIT_FAILURE
    assert "nowhere: no such file or folder" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_folder_without_sources_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["build", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    assert result.exit_code == EXIT_FAILURE
    assert "nothing to build" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_source_that_cannot_be_looked_at_is_built_or_reported(tmp_path: Path, unsearchable: str) -> None:
    source = tmp_path / f"{unsearchable}.txt"
    shutil.copy(FIXTURES / "variants" / "no-notes.txt", source)
    assert collect_sources([source]) == [source]  # there, so not "no such file"
    missing = tmp_path / "missing.txt"
    with pytest.raises(SourceError, match="no such file or folder"):
        collect_sources([missing])


def test_default_build_writes_the_three_outputs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "-o", str(tmp_path)])
    assert result.exit_code == EXIT_OK, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "serge-diary-1949-09.html", "serge-diary-1949-09.txt", "serge-diary-1949-09.xml",
    ]  # fmt: skip


def test_bad_jobs_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["build", "--jobs", "0", "-o", str(tmp_path)]).exit_code == EXIT_USAGE
