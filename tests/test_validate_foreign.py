"""Validate any TEI: the whole /work/shared/foreign-tei/ folder against tei_all in one batch.

The folder's SOURCES.md documents each file: 16 valid against tei_all, #8 (the Hofmannsthal
letter) invalid with two errors, #7 not well-formed (the parser stops at line 26). Our own
editorial rules do not fire on documents that do not claim our schema; the generic ones do,
as warnings for pointers that may lead outside the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FOREIGN_TEI_DIR, TEI_ALL_RNG
from typer.testing import CliRunner

from tei_serge.cli import EXIT_FAILURE, EXIT_OK, app
from tei_serge.report import Report, Severity
from tei_serge.validate import rng_validator, validate_files

pytestmark = pytest.mark.slow
runner = CliRunner()

INVALID = "letter-hofmannsthal-to-schnitzler.xml"
MALFORMED = "notwellformed-testrend.xml"
PROJECT_ONLY_RULES = {
    "SRG-REF-01", "SRG-REG-01", "SRG-DATE-01", "SRG-DATE-02", "SRG-DATE-03", "SRG-NOTE-01",
    "SRG-SPEECH-01", "SRG-SPEECH-02", "SRG-ENTRY-01", "SRG-EMPTY-01",
}  # fmt: skip


def _foreign_files() -> list[Path]:
    if not FOREIGN_TEI_DIR.is_dir() or not TEI_ALL_RNG.is_file():
        pytest.skip("the foreign TEI folder or tei_all.rng is not available")
    return sorted(FOREIGN_TEI_DIR.glob("*.xml"))


@pytest.fixture(scope="module")
def foreign_report() -> Report:
    files = _foreign_files()
    rng_validator(TEI_ALL_RNG)  # compiled here, or already by an earlier test
    before = rng_validator.cache_info()
    report = validate_files(files, schema="tei_all", tei_all=TEI_ALL_RNG)
    after = rng_validator.cache_info()
    assert after.misses == before.misses, "tei_all.rng compiled again inside the batch"
    return report


def _by_file(report: Report, name: str) -> list:  # type: ignore[type-arg]
    return [f for f in report.findings if f.file and Path(f.file).name == name]


def test_the_folder_has_the_documented_files() -> None:
    assert len(_foreign_files()) == 18


def test_invalid_letter_has_both_errors_with_their_lines(foreign_report: Report) -> None:
    errors = [f for f in _by_file(foreign_report, INVALID) if f.severity == Severity.ERROR]
    assert [(f.rule_id, f.line) for f in errors] == [("SRG-RNG-02", 1), ("SRG-RNG-02", 140)]
    assert "schemaLocation" in errors[0].message and "TEI" in errors[0].message
    assert "address" in errors[1].message
    assert errors[1].xpath and errors[1].xpath.endswith("/address")


def test_malformed_document_is_one_message_with_its_line(foreign_report: Report) -> None:
    (finding,) = _by_file(foreign_report, MALFORMED)
    assert finding.rule_id == "SRG-XML-01"
    assert finding.severity == Severity.ERROR
    assert finding.line == 26
    assert "column 15" in finding.message and "encodingDesc" in finding.message


def test_every_other_file_has_no_error(foreign_report: Report) -> None:
    failing = {Path(f.file or "").name for f in foreign_report.errors}
    assert failing == {INVALID, MALFORMED}


def test_every_file_is_in_the_report_or_clean(foreign_report: Report) -> None:
    named = {Path(f.file or "").name for f in foreign_report.findings}
    assert named <= {path.name for path in _foreign_files()}


def test_project_rules_do_not_fire_on_foreign_documents(foreign_report: Report) -> None:
    assert {f.rule_id for f in foreign_report.findings} & PROJECT_ONLY_RULES == set()


def _dangling_pointer_attributes(path: Path) -> int:
    """Counted independently of the Schematron: attributes with a "#id" naming no xml:id."""
    from lxml import etree

    tree = etree.parse(str(path))
    ids = set(tree.xpath("//@xml:id"))
    names = ("ref", "who", "resp", "target", "corresp", "next", "prev", "source")
    attributes = tree.xpath(" | ".join(f"//@{name}" for name in names))
    return sum(
        any(token.startswith("#") and token[1:] not in ids for token in str(value).split())
        for value in attributes
    )


def test_dangling_local_pointers_are_warnings(foreign_report: Report) -> None:
    meros = _by_file(foreign_report, "names-ruby-meros-ja.xml")
    assert {f.rule_id for f in meros} == {"SRG-REF-02"}
    assert all(f.severity == Severity.WARNING for f in meros)
    missing = {f.message.split('("', 1)[1].split('")', 1)[0] for f in meros}
    assert {"ゼウス", "メロスの一家"} <= missing  # the second one from a list "#メロス #メロスの一家"
    assert len(meros) == _dangling_pointer_attributes(FOREIGN_TEI_DIR / "names-ruby-meros-ja.xml")
    # the Mitford diary keeps its person and place index elsewhere: thousands of warnings
    mitford = _by_file(foreign_report, "diary-mitford-1819-1823.xml")
    assert len(mitford) == _dangling_pointer_attributes(FOREIGN_TEI_DIR / "diary-mitford-1819-1823.xml")
    assert len(mitford) > 5000 and {f.severity for f in mitford} == {Severity.WARNING}


def test_fully_resolved_documents_have_no_pointer_warnings(foreign_report: Report) -> None:
    for name in ("drama-chekhov-ivanov-ru.xml", "large-standoff-ruy-diaz-1612.xml"):
        assert _by_file(foreign_report, name) == []


def test_cli_over_the_whole_folder() -> None:
    files = [str(path) for path in _foreign_files()]
    result = runner.invoke(
        app, ["validate", "--schema", "tei_all", "--tei-all", str(TEI_ALL_RNG), "--format", "json", *files]
    )
    assert result.exit_code == EXIT_FAILURE
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    findings = json.loads(result.stdout)
    errors = {(Path(f["file"]).name, f["line"]) for f in findings if f["severity"] == "error"}
    assert errors == {(INVALID, 1), (INVALID, 140), (MALFORMED, 26)}


def test_cli_valid_foreign_files_exit_0_and_strict_counts_their_warnings() -> None:
    valid = [str(FOREIGN_TEI_DIR / name) for name in ("minimal-bare-app.xml", "names-ruby-meros-ja.xml")]
    base = ["validate", "--schema", "tei_all", "--tei-all", str(TEI_ALL_RNG)]
    assert runner.invoke(app, [*base, *valid]).exit_code == EXIT_OK
    assert runner.invoke(app, [*base, "--strict", *valid]).exit_code == EXIT_FAILURE


def test_cli_project_schema_on_foreign_tei_reports_rng_errors_without_crashing() -> None:
    path = str(FOREIGN_TEI_DIR / "teicorpus-two-texts.xml")
    result = runner.invoke(app, ["validate", "--format", "json", path])
    assert result.exit_code == EXIT_FAILURE
    assert {f["rule_id"] for f in json.loads(result.stdout)} == {"SRG-RNG-01"}
