"""The plain-text reading edition of our TEI: every word of the source in order, the same
paragraphs, notes gathered at the end, and the same bytes through lxml and xsltproc."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FURTHER, REPO, VARIANTS
from lxml import etree
from textwords import words

from tei_serge.context import ConvertOptions
from tei_serge.errors import ExportError
from tei_serge.export import ACCESS_CONTROL, TEXT, export, export_text
from tei_serge.pipeline import convert
from tei_serge.resources import embedded_source_path, xslt_path
from tei_serge.xmlio import serialize

NOTES_HEADING = "Notes\n-----"
SOURCE_NOTES_HEADINGS = {"Notes", "Footnotes"}
XSLT_FIXTURES = Path(__file__).parent / "fixtures" / "xslt"
SOURCES = [embedded_source_path(), *FURTHER, *VARIANTS]


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines, each line white-space normalised."""
    out = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        if lines:
            out.append("\n".join(lines))
    return out


def source_paragraphs(path: Path) -> list[str]:
    """The source's paragraphs without its own "Notes"/"Footnotes" heading (not content)."""
    return [p for p in paragraphs(path.read_text(encoding="utf-8")) if p not in SOURCE_NOTES_HEADINGS]


def export_paragraphs(text: str) -> list[str]:
    return [p for p in paragraphs(text) if p != NOTES_HEADING]


@pytest.fixture(scope="module")
def serge_text(serge_tree: etree._ElementTree) -> str:
    return export_text(serge_tree)


@pytest.fixture(scope="module", params=SOURCES, ids=lambda p: p.name)
def exported(request: pytest.FixtureRequest) -> tuple[Path, str]:
    source: Path = request.param
    return source, export_text(convert(source))


def test_every_word_of_the_source_in_order(exported: tuple[Path, str]) -> None:
    source, text = exported
    assert words("\n".join(export_paragraphs(text))) == words("\n".join(source_paragraphs(source)))


def test_same_paragraphs_as_the_embedded_source(serge_text: str) -> None:
    assert export_paragraphs(serge_text) == source_paragraphs(embedded_source_path())


def test_same_paragraphs_as_each_source(exported: tuple[Path, str]) -> None:
    """Paragraph by paragraph (lines joined). A dateline the source prints as a paragraph of its
    own (dateline/@rend="block") stays one; the others run in."""
    source, text = exported
    expected = [p.replace("\n", " ") for p in source_paragraphs(source)]
    actual = [p.replace("\n", " ") for p in export_paragraphs(text)]
    assert actual == expected


def test_title_block_first_and_colophon_last(serge_text: str) -> None:
    paras = paragraphs(serge_text)
    assert paras[:3] == [
        "Victor Serge",
        "Pages from the Diary of Victor Serge",
        "Portraits and Scenes of the Revolutionary Movement",
    ]
    assert paras[3].split("\n")[0].startswith("From The New International")
    assert paras[-1] == "Last updated on 29 September 2018"
    assert serge_text.endswith("2018\n") and not serge_text.endswith("\n\n")


def test_notes_gathered_at_the_end_with_markers_at_the_anchors(
    serge_tree: etree._ElementTree, serge_text: str
) -> None:
    notes = serge_tree.findall(".//{http://www.tei-c.org/ns/1.0}text//{http://www.tei-c.org/ns/1.0}note")
    body, heading, tail = serge_text.partition(f"\n\n{NOTES_HEADING}\n\n")
    assert heading, "no Notes heading"
    markers = re.findall(r" \[(\d+)\]", body)
    assert markers == [note.get("n") for note in notes]
    entries = [p for p in paragraphs(tail) if re.match(r"\d+\. ", p)]
    assert len(entries) == len(notes)
    for entry, note in zip(entries, notes, strict=True):
        assert entry == f"{note.get('n')}. {' '.join(''.join(note.itertext()).split())}"


def test_dateline_runs_in_at_the_start_of_its_paragraph(serge_text: str) -> None:
    assert "\n\nBrussels, January 11, 1937, morning. I saw him again at the Hotel Albert I" in serge_text
    assert "\n\nAndré Gide. Arrests at Leningrad (Véra, Esther)\n\n" in serge_text


def test_note_marker_keeps_the_punctuation_after_it(serge_text: str) -> None:
    assert "My Crapouillot [4], From Lenin to Stalin" in serge_text
    assert "at Vigilance [1] (what a demagogue!)" in serge_text


def test_before_the_notes_pass_the_text_is_the_same() -> None:
    """With --skip notes the notes stand in back/div[@type="notes"] and ptr anchors point at
    them; the reading edition is the same."""
    skipped = convert(None, ConvertOptions(skip=frozenset({"notes"})))
    assert export_text(skipped) == export_text(convert(None))


def test_choice_and_app_show_one_branch() -> None:
    tree = etree.parse(str(Path(__file__).parent / "fixtures" / "export" / "branches.xml"))
    text = export_text(tree)
    running, _, apparatus = text.partition("\n\nApparatus\n---------\n\n")
    assert "\n\nthe corrected and expanded words as first" in running
    for hidden in ("korected", "expd", "variant", "sicut", "located"):
        assert hidden not in running
    assert apparatus == "words] variant (B)\nfirst] variant (B)\n#w1] located (A)\n"


# ------------------------------------------------------------------ lxml and xsltproc


XSLTPROC = shutil.which("xsltproc")


@pytest.mark.skipif(XSLTPROC is None, reason="xsltproc is not installed")
def test_same_bytes_through_lxml_and_xsltproc(serge_tree: etree._ElementTree, tmp_path: Path) -> None:
    document = tmp_path / "serge.xml"
    document.write_bytes(serialize(serge_tree))
    completed = subprocess.run(
        [str(XSLTPROC), "--nonet", "--nowrite", "--nomkdir", str(xslt_path(TEXT.stylesheet)), str(document)],
        capture_output=True,
        check=True,
    )
    assert completed.stdout == export_text(serge_tree).encode("utf-8")


# ----------------------------------------------------------------------- security


def test_transformations_may_not_write_files(tmp_path: Path) -> None:
    target = tmp_path / "written.txt"
    stylesheet = etree.parse(str(XSLT_FIXTURES / "writes-a-file.xsl"))
    transform = etree.XSLT(stylesheet, access_control=ACCESS_CONTROL)
    with pytest.raises(etree.XSLTApplyError):
        transform(etree.XML("<doc/>"), target=etree.XSLT.strparam(str(target)))
    assert not target.exists()


def test_transformations_may_not_read_files() -> None:
    stylesheet = etree.parse(str(XSLT_FIXTURES / "reads-a-file.xsl"))
    transform = etree.XSLT(stylesheet, access_control=ACCESS_CONTROL)
    source = str(REPO / "pyproject.toml")
    with pytest.raises(etree.XSLTApplyError):
        transform(etree.XML("<doc/>"), target=etree.XSLT.strparam(source))


def test_a_failing_transformation_is_an_export_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tei_serge import export as export_module

    monkeypatch.setattr(export_module, "xslt_path", lambda name: XSLT_FIXTURES / name)
    export_module.compiled.cache_clear()
    try:
        stops = export_module.Exporter("stops", "terminates.xsl", ".txt")
        with pytest.raises(ExportError, match=r"^doc\.xml: the stops export failed: .*cannot render"):
            export(etree.ElementTree(etree.XML("<doc/>")), stops, name="doc.xml")
    finally:
        export_module.compiled.cache_clear()


def test_an_export_leaves_the_tree_as_it_was(serge_tree: etree._ElementTree) -> None:
    """libxslt strips white space (xsl:strip-space) from its input in place; exports work on a
    copy, so the HTML export cannot change what the text export sees next."""
    from tei_serge.export import export_html

    before = serialize(serge_tree)
    text = export_text(serge_tree)
    export_html(serge_tree)
    assert serialize(serge_tree) == before
    assert export_text(serge_tree) == text


# ----------------------------------------------------------------------- golden file

GOLDEN = Path(__file__).parent / "golden"


def test_golden_text_of_the_embedded_installment(serge_text: str, update_golden: bool) -> None:
    """The whole text export, byte for byte (``pytest --update-golden`` rewrites it on purpose;
    on a difference the actual output is written beside it as ``*.actual``)."""
    golden = GOLDEN / "serge-diary-1949-09.txt"
    actual = serge_text.encode("utf-8")
    if update_golden:
        golden.write_bytes(actual)
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden"
    expected = golden.read_bytes()
    mismatch = golden.with_suffix(".txt.actual")
    if actual != expected:
        mismatch.write_bytes(actual)
    else:
        mismatch.unlink(missing_ok=True)
    assert actual == expected, f"differs from {golden}; see {mismatch}"
