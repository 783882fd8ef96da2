"""The editor's view: entities with mention counts, candidates, JSON, and the CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei_serge.cli import app
from tei_serge.entities import entities
from tei_serge.resources import embedded_source_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FURTHER = Path(__file__).resolve().parents[1].parent / "shared" / "source" / "further"
runner = CliRunner()

UNKNOWN = (
    embedded_source_path()
    .read_text(encoding="utf-8")
    .replace("Yagoda was stable.", "Yagoda was stable. Xavier Dombrowski and Nikolai Vasilchenko know it.")
)


def test_counts_of_the_first_installment() -> None:
    view = entities()
    by_id = {e.id: e for e in view.entities}
    assert view.mentions == 208
    assert by_id["gide"].mentions == 17
    assert by_id["gide"].forms == {"A.G.": 6, "G.": 4, "Gide": 4, "André Gide": 2, "AG": 1}
    assert by_id["last"].forms == {"Jef Last": 2, "Last": 1}
    assert by_id["krivitsky"].forms == {"Walter": 1}
    assert by_id["nrf"].kind == "work" and by_id["crapouillot"].kind == "work"  # periodicals are works
    assert view.candidates == [] and view.unresolved == []


def test_unknown_names_are_candidates(tmp_path: Path) -> None:
    source = tmp_path / "new-installment.txt"
    source.write_text(UNKNOWN, encoding="utf-8")
    view = entities(source)
    assert [c.text for c in view.candidates] == ["Xavier Dombrowski", "Nikolai Vasilchenko"]
    assert view.candidates[0].location.startswith("entry-")


def test_an_editors_register_makes_a_candidate_known(tmp_path: Path) -> None:
    source = tmp_path / "new-installment.txt"
    source.write_text(UNKNOWN, encoding="utf-8")
    view = entities(source, (FIXTURES / "register-extra.xml",))
    assert [c.text for c in view.candidates] == ["Nikolai Vasilchenko"]
    assert {e.id: e.mentions for e in view.entities}["dombrowski"] == 1


def test_a_tei_file_is_read_as_it_is(tmp_path: Path) -> None:
    from tei_serge.pipeline import convert_source

    tei = tmp_path / "diary.xml"
    tei.write_bytes(convert_source().to_bytes())
    assert entities(tei).mentions == 208


def test_json() -> None:
    data = json.loads(entities().to_json())
    assert data["mentions"] == 208
    assert data["entities"][0]["id"] == "gide"
    assert set(data) == {"source", "mentions", "entities", "candidates", "unresolved"}


def test_cli_table_and_json(tmp_path: Path) -> None:
    source = tmp_path / "new.txt"
    source.write_text(UNKNOWN, encoding="utf-8")
    result = runner.invoke(app, ["entities", str(source)])
    assert result.exit_code == 0, result.output
    assert "Xavier Dombrowski" in result.stdout and "gide" in result.stdout
    result = runner.invoke(app, ["entities", str(source), "--format", "json",
                                 "--register", str(FIXTURES / "register-extra.xml")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [c["text"] for c in json.loads(result.stdout)["candidates"]] == ["Nikolai Vasilchenko"]


def test_cli_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["entities", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1 and "cannot read" in result.output
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI", encoding="utf-8")
    result = runner.invoke(app, ["entities", "--register", str(bad)])
    assert result.exit_code == 1 and "bad.xml" in result.output
    result = runner.invoke(app, ["entities", "--format", "yaml"])
    assert result.exit_code == 2
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss><channel/></rss>", encoding="utf-8")
    result = runner.invoke(app, ["entities", str(feed)])
    assert result.exit_code == 1 and "feed.xml: not a TEI document" in result.stderr


@pytest.mark.parametrize("name", ["serge-diary-2-1950-01", "serge-diary-5-1950-07"])
def test_further_installments_report_only_true_unknowns(name: str) -> None:
    source = FURTHER / f"{name}.txt"
    if not source.is_file():
        pytest.skip(f"{source} is not available")
    expected = {
        # the title the speech pass finds ("Ludwig warning") is a work the register lacks
        "serge-diary-2-1950-01": ["Ludwig warning", "Pou"],
        "serge-diary-5-1950-07": ["C."],
    }[name]
    found = [c.text for c in entities(source).candidates]
    assert expected[-1] in found and set(found) <= set(expected)
