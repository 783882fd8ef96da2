"""Both exports over the whole folder of foreign TEI (issue 9): through the library and the CLI.

For every well-formed document: the plain text keeps the words of ``text`` in document order
(notes gathered at the end; of choice/app only the branch a reader sees, computed by
``textwords`` with the same rules as common.xsl), and the HTML page is well-formed with every
internal link resolving. The not-well-formed document gives one clear error and exit 1, and
the batch goes on.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FOREIGN_TEI_DIR
from htmlcheck import check_page
from lxml import etree
from textwords import document_readings, element_words, expected_words, first_gap, words
from typer.testing import CliRunner

from tei_serge.cli import EXIT_FAILURE, app
from tei_serge.errors import DocumentError
from tei_serge.export import HTML, TEXT, export_html, export_text
from tei_serge.resources import xslt_path
from tei_serge.xmlio import NSMAP, TEI_NS, parse_xml

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FOREIGN_TEI_DIR.is_dir(), reason=f"{FOREIGN_TEI_DIR} is not available"),
]

ALL = sorted(FOREIGN_TEI_DIR.glob("*.xml")) if FOREIGN_TEI_DIR.is_dir() else []


def _well_formed(path: Path) -> bool:
    try:
        parse_xml(path)
    except DocumentError:
        return False
    return True


WELL_FORMED = [p for p in ALL if _well_formed(p)]
NOT_WELL_FORMED = [p for p in ALL if p not in WELL_FORMED]
XSLTPROC = shutil.which("xsltproc")
runner = CliRunner()
APPARATUS_HEADING = "Apparatus\n---------"


@pytest.fixture(scope="module", params=WELL_FORMED, ids=lambda p: p.name)
def document(request: pytest.FixtureRequest) -> tuple[Path, etree._ElementTree]:
    return request.param, parse_xml(request.param)


def test_the_folder_is_as_documented() -> None:
    assert len(WELL_FORMED) == 17
    assert [p.name for p in NOT_WELL_FORMED] == ["notwellformed-testrend.xml"]


def test_text_keeps_every_word_in_order(document: tuple[Path, etree._ElementTree]) -> None:
    path, tree = document
    actual = words(export_text(tree))
    expected = expected_words(tree)
    assert expected, f"{path.name}: no words computed"
    gap = first_gap(expected, actual)
    assert gap is None, f"{path.name}: {gap}"
    # What the export adds is small: note markers and labels, headings, title block, contents.
    notes = sum(len(r.notes) for r in document_readings(tree))
    titles = tree.xpath("//tei:teiHeader/tei:fileDesc/tei:titleStmt//text()", namespaces=NSMAP)
    heads = tree.xpath("//tei:group/tei:text//tei:head//text()", namespaces=NSMAP)
    apparatus = tree.xpath("//tei:text//tei:app//text() | //tei:text//tei:app//@wit", namespaces=NSMAP)
    budget = (
        3 * notes
        + 2 * len(words(" ".join(titles)))
        + 2 * len(words(" ".join(heads)))
        + 2 * len(words(" ".join(apparatus)))
        + 20
    )
    assert len(actual) - len(expected) <= budget


def test_alternatives_are_left_out_of_the_text(document: tuple[Path, etree._ElementTree]) -> None:
    """A word found only in branches a reader does not see at once (sic, abbr, orig, readings
    beside a lemma, location-referenced readings) does not appear in the running text (the
    readings are listed in the apparatus after it)."""
    path, tree = document
    hidden = tree.xpath(
        "//tei:text//tei:choice/*[not(self::tei:corr or self::tei:expan or self::tei:reg)]"
        "[../tei:corr or ../tei:expan or ../tei:reg]"
        " | //tei:text//tei:app[tei:lem or @from]//tei:rdg",
        namespaces=NSMAP,
    )
    if not hidden:
        pytest.skip(f"{path.name} has no hidden branches")
    header = words(" ".join(tree.xpath("//tei:teiHeader//text()", namespaces=NSMAP)))
    shown = set(expected_words(tree)) | set(header)
    hidden_only = {w for branch in hidden for w in words("".join(branch.itertext()))} - shown
    assert hidden_only, f"{path.name}: every hidden word is also shown somewhere"
    running = export_text(tree).split(f"\n\n{APPARATUS_HEADING}\n")[0]
    leaked = hidden_only & set(words(running))
    assert not leaked, f"{path.name}: {sorted(leaked)[:10]}"


def test_readings_are_listed_in_the_apparatus(document: tuple[Path, etree._ElementTree]) -> None:
    """Every app has a line "lemma] readings" after the text: the readings' words are kept."""
    path, tree = document
    apps = tree.xpath("//tei:text//tei:app[not(ancestor::tei:app)]", namespaces=NSMAP)
    if not apps:
        pytest.skip(f"{path.name} has no apparatus")
    _, heading, apparatus = export_text(tree).partition(f"\n\n{APPARATUS_HEADING}\n\n")
    assert heading
    lines = apparatus.split("\n\n")[0].strip("\n").split("\n")
    assert len(lines) == len(apps)
    readings = [w for app in apps for r in app.iter(f"{{{TEI_NS}}}rdg") for w in element_words(r)]
    assert first_gap(readings, words(apparatus)) is None


def test_html_is_well_formed_and_links_resolve(document: tuple[Path, etree._ElementTree]) -> None:
    path, tree = document
    page = check_page(export_html(tree))
    assert page.errors == [], f"{path.name}: {page.errors[:5]}"
    assert page.dangling_links == [], f"{path.name}: {page.dangling_links[:5]}"
    assert not page.duplicate_ids, f"{path.name}: {sorted(page.duplicate_ids)[:5]}"


@pytest.mark.skipif(XSLTPROC is None, reason="xsltproc is not installed")
@pytest.mark.parametrize("exporter", [TEXT, HTML], ids=lambda e: e.name)
def test_same_bytes_through_xsltproc(document: tuple[Path, etree._ElementTree], exporter) -> None:  # type: ignore[no-untyped-def]
    path, tree = document
    completed = subprocess.run(
        [str(XSLTPROC), "--nonet", "--nowrite", "--nomkdir", str(xslt_path(exporter.stylesheet)), str(path)],
        capture_output=True,
        check=True,
    )
    rendered = export_text(tree) if exporter is TEXT else export_html(tree)
    assert completed.stdout == rendered.encode("utf-8")


# --------------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_cli_batch_over_the_folder(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / fmt
    result = runner.invoke(app, ["export", fmt, *map(str, ALL), "-o", str(out)])
    output = result.stderr  # progress, errors and the summary go to stderr
    assert result.exit_code == EXIT_FAILURE, output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == len(NOT_WELL_FORMED) == 1
    assert "notwellformed-testrend.xml:26:" in errors[0] and "not well-formed" in errors[0]
    suffix = ".txt" if fmt == "text" else ".html"
    written = sorted(p.name for p in out.iterdir() if p.name != "index.html")
    assert written == sorted(p.stem + suffix for p in WELL_FORMED)
    assert "17 exported, 1 failed" in " ".join(output.split())
    if fmt == "html":
        index = (out / "index.html").read_text(encoding="utf-8")
        assert check_page(index).errors == []
        for path in WELL_FORMED:
            assert f'href="{path.stem}.html"' in index
        assert "notwellformed-testrend.xml" in index


def test_cli_one_not_well_formed_file() -> None:
    (bad,) = NOT_WELL_FORMED
    result = runner.invoke(app, ["export", "text", str(bad)])
    assert result.exit_code == EXIT_FAILURE
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in result.output


def test_cli_one_file_to_stdout() -> None:
    path = FOREIGN_TEI_DIR / "minimal-bare-app.xml"
    result = runner.invoke(app, ["export", "text", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "The title\n=========\n\nearth\n\nApparatus\n---------\n\nearth] mud\n"
