"""validate.py and `tei-serge validate`: findings with file, line, severity, rule id, message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, TEI_ALL_RNG
from lxml import etree
from typer.testing import CliRunner

from tei_serge.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, app
from tei_serge.errors import SchemaError
from tei_serge.pipeline import convert
from tei_serge.report import Severity
from tei_serge.validate import (
    Grammar,
    claims_project_schema,
    grammars,
    rng_validator,
    validate,
    validate_files,
)
from tei_serge.xmlio import parse_xml

runner = CliRunner()
SAMPLE = FIXTURES / "valid" / "sample.xml"
BROKEN = sorted((FIXTURES / "broken").glob("*.xml"))
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def _expected(path: Path) -> str:
    return path.name.split("--")[0]


# ------------------------------------------------------------------ one rule per broken document


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_document_produces_exactly_its_rule(path: Path) -> None:
    report = validate(path)
    assert {finding.rule_id for finding in report.findings} == {_expected(path)}
    for finding in report.findings:
        assert finding.file == str(path)
        assert finding.line is not None and finding.line > 0
        assert finding.message and "\n" not in finding.message


def test_severities_follow_the_rules() -> None:
    severities = {
        _expected(path): {f.severity for f in validate(path).findings} for path in BROKEN
    }
    warnings = {"SRG-REF-02", "SRG-REG-01", "SRG-DATE-01", "SRG-DATE-02", "SRG-DATE-03", "SRG-SPEECH-02"}
    for rule_id, found in severities.items():
        assert found == ({Severity.WARNING} if rule_id in warnings else {Severity.ERROR}), rule_id


def test_sample_is_clean() -> None:
    assert validate(SAMPLE).findings == []


def test_messages_name_what_to_fix() -> None:
    (finding,) = validate(FIXTURES / "broken" / "SRG-NOTE-01--note-numbers-gap.xml").findings
    assert finding.message.startswith("Note 3 follows note 1")
    assert "expected 2" in finding.message
    (finding,) = validate(FIXTURES / "broken" / "SRG-REF-01--dangling-pointer.xml").findings
    assert 'ref="#maublanc"' in finding.message and '"maublanc"' in finding.message
    findings = validate(FIXTURES / "broken" / "SRG-ID-01--duplicate-id.xml").findings
    assert [f.line for f in findings] == [71, 72]
    assert all('"paz"' in f.message for f in findings)


def test_duplicate_ids_are_reported_once_per_element_not_by_relax_ng_too() -> None:
    findings = validate(FIXTURES / "broken" / "SRG-ID-01--duplicate-id.xml").findings
    assert [f.rule_id for f in findings] == ["SRG-ID-01", "SRG-ID-01"]


# ------------------------------------------------------------------ passing examples of the rules


def _sample_with(*replacements: tuple[str, str]) -> bytes:
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return text.encode("utf-8")


def test_notes_may_continue_an_earlier_installment() -> None:
    data = _sample_with(('<note n="1"', '<note n="19"'), ('<note n="2"', '<note n="20"'))
    assert validate(data).findings == []


@pytest.mark.parametrize("numbers", [("1", "1"), ("2", "1"), ("19", "21")])
def test_notes_with_repeats_gaps_or_going_back_fail(numbers: tuple[str, str]) -> None:
    first, second = numbers
    data = _sample_with(('<note n="1"', f'<note n="{first}"'), ('<note n="2"', f'<note n="{second}"'))
    assert [f.rule_id for f in validate(data).findings] == ["SRG-NOTE-01"]


def test_vague_and_double_dates_in_order_pass() -> None:
    data = _sample_with(
        ('<date when="1937-01-11">', '<date from="1936-11-25" to="1936-12-02" type="double">'),
    )
    assert validate(data).findings == []


def test_a_month_ending_after_the_previous_start_is_in_order() -> None:
    data = _sample_with(('<date when="1937-01-11">', '<date when="1936-11">'))
    assert validate(data).findings == []


def test_leap_day_is_a_valid_date_and_a_non_leap_one_is_not_checked_twice() -> None:
    ok = _sample_with(('<date when="1937-01-11">', '<date when="1940-02-29">'))
    assert validate(ok).findings == []
    bad = _sample_with(('<date when="1937-01-11">', '<date when="1937-02-29">'))
    rule_ids = {f.rule_id for f in validate(bad).findings}
    assert rule_ids == {"SRG-RNG-01", "SRG-DATE-02"}  # xsd:date and the Schematron agree


def test_apostrophes_are_not_quotation_marks() -> None:
    data = _sample_with(("(what a demagogue!)", "(what a demagogue! I didn’t say it.)"))
    assert validate(data).findings == []


def test_quotation_marks_inside_speech_elements_pass() -> None:
    data = _sample_with(("(what a demagogue!)", "(<q>“what a demagogue!”</q>)"))
    assert validate(data).findings == []


# ------------------------------------------------------------------ project rules or generic ones


def test_the_sample_claims_the_project_schema() -> None:
    assert claims_project_schema(parse_xml(SAMPLE))


def test_without_the_claim_only_generic_rules_run() -> None:
    data = _sample_with(('<said who="#paz" xml:id="said-1"', '<said xml:id="said-1"'))
    assert [f.rule_id for f in validate(data).findings] == ["SRG-SPEECH-01"]
    generic = data.replace(b'<?xml-model href="../schemas/tei_serge.rng"', b'<?xml-model href="x.rng"')
    assert not claims_project_schema(parse_xml(generic))
    assert validate(generic).findings == []
    assert [f.rule_id for f in validate(generic, project_rules=True).findings] == ["SRG-SPEECH-01"]


def test_generic_rules_can_be_forced_on_our_documents() -> None:
    path = FIXTURES / "broken" / "SRG-REF-01--dangling-pointer.xml"
    assert [f.rule_id for f in validate(path, project_rules=False).findings] == ["SRG-REF-02"]


def test_an_xml_model_with_a_url_naming_our_schema_claims_it() -> None:
    data = _sample_with(
        ('href="../schemas/tei_serge.rng"', 'href="https://example.org/schemas/tei_serge.rng?v=1"')
    )
    assert claims_project_schema(parse_xml(data))


# ------------------------------------------------------------------ trees, batches, compilation


def test_a_converted_tree_gets_the_lines_of_its_serialisation() -> None:
    tree = convert(None)
    root = tree.getroot()
    assert root.sourceline is None
    body = root.find("tei:text/tei:body", TEI)
    assert body is not None
    etree.SubElement(body, "{http://www.tei-c.org/ns/1.0}div", type="entry", n="99")  # no xml:id
    report = validate(tree, name="serge.xml")
    assert report.errors, report.to_json()
    assert all(f.file == "serge.xml" and f.line for f in report.errors)


def test_validate_reads_nothing_into_the_tree_it_is_given() -> None:
    tree = parse_xml(SAMPLE)
    before = etree.tostring(tree)
    validate(tree)
    assert etree.tostring(tree) == before


def test_a_batch_compiles_each_schema_once() -> None:
    validate(SAMPLE)  # compiled here at the latest
    before = rng_validator.cache_info()
    report = validate_files([SAMPLE, *BROKEN])
    after = rng_validator.cache_info()
    assert after.misses == before.misses
    assert after.hits >= before.hits + len(BROKEN)
    assert {f.file for f in report.findings} == {str(path) for path in BROKEN}


def test_grammars() -> None:
    assert [g.kind for g in grammars("project")] == ["project"]
    custom = grammars(str(SAMPLE.parent.parent.parent.parent / "schemas" / "tei_serge.rng"))
    assert [g.kind for g in custom] == ["custom"]
    assert custom[0].rule_id == "SRG-RNG-03"


def test_tei_all_comes_from_the_argument_or_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEI_ALL_RNG", raising=False)
    with pytest.raises(SchemaError, match="TEI_ALL_RNG"):
        grammars("tei_all")
    monkeypatch.setenv("TEI_ALL_RNG", str(SAMPLE))  # any existing file will do for the lookup
    assert grammars("tei_all") == [Grammar("tei_all", SAMPLE)]
    assert [g.kind for g in grammars("project")] == ["project", "tei_all"]
    monkeypatch.setenv("TEI_ALL_RNG", "/nonexistent/tei_all.rng")
    with pytest.raises(SchemaError, match="not found"):
        grammars("tei_all")


def test_a_missing_schema_file_is_a_schema_error() -> None:
    with pytest.raises(SchemaError):
        validate(SAMPLE, schema=Path("/nonexistent/schema.rng"))


def test_a_custom_schema_reports_under_its_own_rule(tmp_path: Path) -> None:
    rng = tmp_path / "only-tei.rng"
    rng.write_text(
        '<element xmlns="http://relaxng.org/ns/structure/1.0" name="TEI" '
        'ns="http://www.tei-c.org/ns/1.0"><empty/></element>'
    )
    report = validate(SAMPLE, schema=rng)
    assert {f.rule_id for f in report.findings} == {"SRG-RNG-03"}
    assert report.findings[0].message.startswith("only-tei.rng: ")


# ------------------------------------------------------------------ build refuses invalid TEI


def test_build_writes_no_exports_from_a_tei_that_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tei_serge.validate as validate_module

    strict = tmp_path / "nothing.rng"
    strict.write_text(
        '<element xmlns="http://relaxng.org/ns/structure/1.0" name="nothing"><empty/></element>'
    )
    monkeypatch.setattr(validate_module, "grammars", lambda *a, **k: [Grammar("project", strict)])
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-o", str(out)])
    assert result.exit_code == EXIT_FAILURE
    assert "SRG-RNG-01" in result.output
    assert not list(out.glob("*.html")) and not list(out.glob("*.txt"))


# ------------------------------------------------------------------ the command line


def test_cli_valid_file_exits_0() -> None:
    result = runner.invoke(app, ["validate", str(SAMPLE)])
    assert result.exit_code == EXIT_OK, result.output
    assert "0 error(s), 0 warning(s)" in result.output


def test_cli_errors_exit_1_with_file_line_severity_rule_and_message() -> None:
    path = FIXTURES / "broken" / "SRG-NOTE-01--note-numbers-gap.xml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == EXIT_FAILURE
    assert f"{path}:59: error [SRG-NOTE-01] Note 3 follows note 1" in result.stdout


def test_cli_json() -> None:
    path = FIXTURES / "broken" / "SRG-REG-01--unused-register-entry.xml"
    result = runner.invoke(app, ["validate", "--format", "json", str(path), str(SAMPLE)])
    assert result.exit_code == EXIT_OK  # a warning only
    (finding,) = json.loads(result.stdout)
    assert finding["rule_id"] == "SRG-REG-01"
    assert finding["severity"] == "warning"
    assert finding["file"] == str(path) and finding["line"] == 72


def test_cli_strict_counts_warnings() -> None:
    path = FIXTURES / "broken" / "SRG-REG-01--unused-register-entry.xml"
    assert runner.invoke(app, ["validate", str(path)]).exit_code == EXIT_OK
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == EXIT_FAILURE


def test_cli_batch_reports_every_file() -> None:
    result = runner.invoke(app, ["validate", "--format", "json", *map(str, BROKEN)])
    assert result.exit_code == EXIT_FAILURE
    findings = json.loads(result.stdout)
    assert {(f["file"], f["rule_id"]) for f in findings} == {(str(p), _expected(p)) for p in BROKEN}


def test_cli_rules_option() -> None:
    path = FIXTURES / "broken" / "SRG-SPEECH-01--said-without-who.xml"
    assert runner.invoke(app, ["validate", "--rules", "generic", str(path)]).exit_code == EXIT_OK
    assert runner.invoke(app, ["validate", "--rules", "project", str(path)]).exit_code == EXIT_FAILURE


@pytest.mark.parametrize(
    "arguments",
    [
        ["validate"],
        ["validate", "--format", "xml", str(SAMPLE)],
        ["validate", "--schema", "nonexistent.rng", str(SAMPLE)],
        ["validate", "--rules", "some", str(SAMPLE)],
    ],
)
def test_cli_usage_errors_exit_2(arguments: list[str]) -> None:
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_USAGE
    assert "Traceback" not in result.output


def test_cli_tei_all_without_a_path_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEI_ALL_RNG", raising=False)
    result = runner.invoke(app, ["validate", "--schema", "tei_all", str(SAMPLE)])
    assert result.exit_code == EXIT_USAGE
    assert "--tei-all" in result.output


def test_cli_missing_file_is_one_finding_not_a_traceback() -> None:
    result = runner.invoke(app, ["validate", "/nonexistent/file.xml"])
    assert result.exit_code == EXIT_FAILURE
    assert "SRG-XML-03" in result.stdout and "cannot read" in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.slow
def test_cli_tei_all_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    if not TEI_ALL_RNG.is_file():
        pytest.skip(f"{TEI_ALL_RNG} is not available")
    monkeypatch.setenv("TEI_ALL_RNG", str(TEI_ALL_RNG))
    result = runner.invoke(app, ["validate", "--format", "json", str(SAMPLE)])
    assert result.exit_code == EXIT_OK, result.output
    bad = FIXTURES / "broken" / "SRG-RNG-01--element-outside-project-schema.xml"
    result = runner.invoke(app, ["validate", "--format", "json", str(bad)])
    assert {f["rule_id"] for f in json.loads(result.stdout)} == {"SRG-RNG-01"}  # hi is TEI


def test_cli_draws_a_table_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich: treat the captured stdout as a terminal
    monkeypatch.setenv("COLUMNS", "200")
    path = FIXTURES / "broken" / "SRG-NOTE-01--note-numbers-gap.xml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == EXIT_FAILURE
    assert "┃" in result.stdout and "severity" in result.stdout
    assert "SRG-NOTE-01" in result.stdout and "Note 3 follows note 1" in result.stdout


def test_cli_accepts_a_folder() -> None:
    result = runner.invoke(app, ["validate", "--format", "json", str(FIXTURES / "broken")])
    assert result.exit_code == EXIT_FAILURE
    assert {f["file"] for f in json.loads(result.stdout)} == {str(p) for p in BROKEN}
    assert f"{len(BROKEN)} file(s)" in result.stderr


def test_cli_a_folder_without_documents_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == EXIT_FAILURE
    assert "nothing to validate" in result.stderr


def test_cli_a_file_that_cannot_be_looked_at_is_a_finding(tmp_path: Path, unsearchable: str) -> None:
    missing = tmp_path / f"{unsearchable}-missing.xml"
    result = runner.invoke(app, ["validate", str(missing)])
    assert result.exit_code == EXIT_FAILURE
    assert "Traceback" not in result.output
    assert "[SRG-XML-03] cannot read: No such file or directory" in result.stdout


def test_locations_found_by_walking_agree_with_xpath() -> None:
    from tei_serge.svrl import follow, xpath_node
    from tei_serge.validate import SVRL_NS, schematron_transform

    for path in [*BROKEN, SAMPLE]:
        if path.name.startswith("SRG-XML"):
            continue
        tree = parse_xml(path)
        for project_rules in (True, False):
            svrl = schematron_transform(project_rules)(tree)
            for node in svrl.getroot().iter(f"{{{SVRL_NS}}}failed-assert"):
                location = node.get("location", "")
                walked = follow(tree, location)
                assert walked is not None, location
                assert walked == xpath_node(tree, location), location


def test_cli_missing_tei_all_file_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    result = runner.invoke(app, ["validate", "--tei-all", "/nonexistent/tei_all.rng", str(SAMPLE)])
    assert result.exit_code == EXIT_USAGE
    monkeypatch.setenv("TEI_ALL_RNG", "/nonexistent/tei_all.rng")
    assert runner.invoke(app, ["validate", str(SAMPLE)]).exit_code == EXIT_USAGE
