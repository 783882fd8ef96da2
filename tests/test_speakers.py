"""The speaker listing (library and `tei-serge speech`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "passes"))
from speechkit import enriched

from tei_serge.cli import app
from tei_serge.speech.listing import list_speakers
from tei_serge.xmlio import serialize


def test_speakers_of_the_first_installment() -> None:
    table = list_speakers(enriched()[0])
    by_who = {s.who: s for s in table.speakers}
    assert table.speakers[0].who == "#gide"
    assert by_who["#gide"].name == "André Gide"
    assert by_who["#serge"].speeches == 4
    # a speech over several paragraphs counts once: 159–165, 167–171, 175, 181–183
    assert by_who["#krivitsky"].speeches == 4
    assert by_who["#krivitsky"].first_words[0].startswith("There is a French family")
    data = json.loads(table.to_json())
    assert data["speeches"] == table.total == sum(s["speeches"] for s in data["speakers"])


def test_cli_speech_json_on_a_tei_file(tmp_path: Path) -> None:
    path = tmp_path / "diary.xml"
    path.write_bytes(serialize(enriched()[0]))
    result = CliRunner().invoke(app, ["speech", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    speakers = {s["who"]: s for s in json.loads(result.stdout)["speakers"]}
    assert speakers["#paz"]["speeches"] >= 3


def test_cli_speech_table_and_bad_format(tmp_path: Path) -> None:
    path = tmp_path / "diary.xml"
    path.write_bytes(serialize(enriched()[0]))
    result = CliRunner().invoke(app, ["speech", str(path)])
    assert result.exit_code == 0
    assert "Gide" in result.stdout
    result = CliRunner().invoke(app, ["speech", str(path), "--format", "yaml"])
    assert result.exit_code == 2


def test_cli_speech_reads_tei_and_text_from_stdin() -> None:
    data = serialize(enriched()[0])
    result = CliRunner().invoke(app, ["speech", "-", "--format", "json"], input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["speakers"][0]["who"] == "#gide"
    from tei_serge.resources import embedded_source_path

    text = embedded_source_path().read_bytes()
    result = CliRunner().invoke(app, ["speech", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["speakers"][0]["who"] == "#gide"


def test_cli_speech_on_a_broken_tei_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<TEI><text>", encoding="utf-8")
    result = CliRunner().invoke(app, ["speech", str(path)])
    assert result.exit_code == 1
    assert "broken.xml" in result.output


def test_cli_speech_on_an_xml_that_is_not_tei_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    result = CliRunner().invoke(app, ["speech", str(path)])
    assert result.exit_code == 1
    assert "feed.xml: not a TEI document (the root is <rss>" in result.stderr
