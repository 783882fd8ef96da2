"""The HTML reading edition (tei-to-html.xsl, issues 6 and 9): content, not looks.

The page of our own TEI (the hand-written sample of docs/encoding.md and the real edition of the
embedded installment) and the behaviours the stylesheet owes to any TEI (fixtures/html-features.xml
and the foreign TEI folder): landmarks, contents, run-in datelines, notes linked both ways, names
linked to the index and back, speech with its speaker, lang/dir, choice/app, verse, drama,
letters, tables, ruby, the generic fallback, every word kept, same bytes under xsltproc.
The browser half is tests/test_browser.py; the whole-folder well-formedness checks are in
tests/test_export_foreign.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import FIXTURES, FOREIGN_TEI_DIR
from lxml import etree, html

from tei_serge.errors import TeiSergeError
from tei_serge.export import ACCESS_CONTROL, HTML, export_html
from tei_serge.resources import xslt_path
from tei_serge.xmlio import NSMAP, parse_xml

SAMPLE = FIXTURES / "sample-serge.xml"
FEATURES = FIXTURES / "html-features.xml"
XSLTPROC = shutil.which("xsltproc")


@cache
def _page(path: Path) -> html.HtmlElement:
    return html.document_fromstring(export_html(parse_xml(path)))


def _foreign(name: str) -> Path:
    path = FOREIGN_TEI_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


def _tei_count(path: Path, xpath: str) -> int:
    return int(parse_xml(path).xpath(f"count({xpath})", namespaces=NSMAP))


def _ids(page: html.HtmlElement) -> Counter[str]:
    return Counter(e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id"))


def _internal_links(page: html.HtmlElement) -> list[str]:
    return [unquote(a.get("href")[1:]) for a in page.iter("a") if (a.get("href") or "").startswith("#")]


def _assert_links_resolve(page: html.HtmlElement) -> None:
    ids = _ids(page)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t in _internal_links(page) if t not in ids] == []


# ------------------------------------------------------------------------ the page of our TEI


def test_page_skeleton_and_landmarks() -> None:
    text = export_html(parse_xml(SAMPLE))
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = _page(SAMPLE)
    body = page.body
    assert [c.tag for c in body] == ["a", "header", "nav", "main", "footer"]
    assert len(page.xpath("//h1")) == 1
    assert page.xpath("normalize-space(//header//h1)") == (
        "Pages from the Diary of Victor Serge Portraits and Scenes of the Revolutionary Movement"
    )
    assert page.xpath("//title/text()") == ["Pages from the Diary of Victor Serge"]
    assert page.xpath("//nav/@aria-labelledby") == ["s:contents-h"]
    assert "@media print" in text and "prefers-color-scheme: dark" in text
    assert "<script" not in text and "http://" not in text.split("<body")[0]


def test_title_page_and_introduction() -> None:
    page = _page(SAMPLE)
    header = page.xpath("//header")[0]
    assert header.xpath("string(.//p[@class='tei-docImprint'])").startswith("From The New International")
    assert len(header.xpath(".//p[@class='tei-byline']")) == 2
    intro = page.xpath("//main//section[contains(@class, 'tei-div-preface')]")[0]
    assert intro.xpath("string(h2)") == "Introduction"
    assert intro.xpath("string(p[@class='tei-signed'])") == "– Ed."
    # The title page is shown once: in the banner, not again in main.
    assert page.xpath("//main//*[contains(@class, 'tei-titlePage')]") == []


def test_contents_lists_entries_by_date_with_their_heads() -> None:
    page = _page(SAMPLE)
    items = page.xpath("//nav[@id='s:contents']/ul/li/a")
    labels = [a.text_content() for a in items]
    assert labels == [
        "Introduction",
        "End of November, 1936",
        "January 11, 1937, morning — André Gide. Arrests at Leningrad (Véra, Esther)",
        "November 20, 1937",
        "Notes",
        "Index",
    ]
    assert [a.get("href") for a in items][1:4] == ["#entry-1", "#entry-2", "#entry-3"]
    _assert_links_resolve(page)


def test_dateline_is_run_in_at_the_start_of_the_first_paragraph() -> None:
    page = _page(SAMPLE)
    entry = page.get_element_by_id("entry-2")
    assert entry.xpath("string(h2)") == "André Gide. Arrests at Leningrad (Véra, Esther)"
    first = entry.xpath("p")[0]
    run_in = first[0]
    assert run_in.get("class") == "tei-dateline run-in"
    assert run_in.text_content() == "Brussels, January 11, 1937, morning."
    assert first.text_content().startswith("Brussels, January 11, 1937, morning. I saw him again")
    assert run_in.xpath("time/@datetime") == ["1937-01-11"]
    # As many paragraphs as the TEI has (the dateline makes none of its own).
    tei = parse_xml(SAMPLE)
    assert len(page.xpath("//section[contains(@class, 'tei-div-entry')]/p")) == len(
        tei.xpath("//tei:div[@type='entry']/tei:p", namespaces=NSMAP)
    )


def test_notes_are_numbered_links_with_back_links() -> None:
    page = _page(SAMPLE)
    refs = page.xpath("//main//a[@class='note-ref']")
    assert [a.get("id") for a in refs] == ["fnref:1", "fnref:2", "fnref:3"]
    assert [a.get("href") for a in refs] == ["#fn:1", "#fn:2", "#fn:3"]
    assert [a.text_content() for a in refs] == ["1", "2", "3"]
    notes = page.xpath("//section[@id='s:notes']/ol/li")
    assert [li.get("id") for li in notes] == ["fn:1", "fn:2", "fn:3"]
    assert [li.xpath("string(a[@class='note-back']/@href)") for li in notes] == [
        "#fnref:1",
        "#fnref:2",
        "#fnref:3",
    ]
    assert notes[2].xpath("string(div)") == "Nouvelle Revue Française."
    # The marker stands right after the annotated word; the note's text is not in the paragraph.
    paragraph = refs[2].getparent()
    assert "Nouvelle Revue" not in paragraph.text_content()
    assert paragraph.text_content().count("NRF3 office") == 1


def test_names_link_to_the_index_and_the_index_links_back() -> None:
    page = _page(SAMPLE)
    gide = page.xpath("//main//span[@class='tei-persName'][@data-ref='#gide']")
    assert len(gide) == 3  # two in the entries, one in a note
    assert all(s.xpath("a[@class='name-link']/@href") == ["#gide"] for s in gide)
    entry = page.get_element_by_id("gide")
    assert entry.tag == "li" and entry.xpath("ancestor::section[@id='s:index']")
    assert entry.xpath("string(span[@class='index-name'])") == "André Gide"
    assert entry.xpath("string(span[@class='index-dates'])") == "(1869–1951)"
    assert entry.xpath("span[@class='index-dates']/time/@datetime") == ["1869-11-22", "1951-02-19"]
    assert entry.xpath("string(span[@class='index-ident'])").startswith("French writer")
    back = entry.xpath("span[@class='index-mentions']/a/@href")
    # every mention of Gide: names and the speeches he is given
    tei = parse_xml(SAMPLE)
    mentions = tei.xpath("//tei:text//*[@ref='#gide' or @who='#gide']", namespaces=NSMAP)
    assert len(back) == len(mentions) == 6
    targets = [page.get_element_by_id(h[1:]) for h in back]
    assert {t.get("class") for t in targets} == {"tei-persName", "tei-said"}
    assert "#said-1" in back  # a speech with its own xml:id is linked by that id
    sections = [s.get("id") for s in page.xpath("//section[@id='s:index']/section")]
    assert sections == ["s:index-persons", "s:index-places", "s:index-organisations", "s:index-works"]
    _assert_links_resolve(page)


def test_speech_shows_its_speaker() -> None:
    page = _page(SAMPLE)
    said = page.xpath("//main//q[@class='tei-said']")
    assert len(said) == 6
    first = said[0]
    assert first.get("data-who") == "#paz"
    assert first.get("title") == first.get("data-speaker") == "Magdeleine Paz"
    assert first.get("tabindex") == "0"
    assert page.get_element_by_id("said-2").get("title") == "André Gide"
    # Quotation marks stay in the text (they are the source's), so q adds none (CSS quotes: none).
    assert first.text_content() == "“But that letter could have hindered his trip to Russia!”"


def test_foreign_titles_and_identity() -> None:
    page = _page(SAMPLE)
    (foreign,) = page.xpath("//i[@class='tei-foreign']")
    assert foreign.get("lang") == "fr" and foreign.text_content() == "objets d’art"
    assert page.xpath("//main//span[@class='tei-title'][@data-ref='#seize-fusilles']/a/@href") == [
        "#seize-fusilles"
    ]
    assert page.xpath("//section[@id='entry-1']/@class") == ["tei-div tei-div-entry"]
    assert page.xpath("//hr[@class='tei-milestone']/@data-rend") == ["* * *", "* * *"]
    assert page.xpath("string(//section[@id='entry-3']/div[@class='tei-closer'])") == "Victor Serge"


def test_output_is_deterministic_and_the_same_through_xsltproc(tmp_path: Path) -> None:
    tree = parse_xml(SAMPLE)
    first = export_html(tree)
    assert export_html(parse_xml(SAMPLE)) == first
    if XSLTPROC is None:
        pytest.skip("xsltproc is not installed")
    done = subprocess.run(
        [XSLTPROC, "--nonet", "--nowrite", "--nomkdir", str(xslt_path(HTML.stylesheet)), str(SAMPLE)],
        capture_output=True,
        check=True,
    )
    assert done.stdout == first.encode("utf-8")


def test_runs_under_an_access_control_that_forbids_writes_and_network() -> None:
    transform = etree.XSLT(etree.parse(str(xslt_path("tei-to-html.xsl"))), access_control=ACCESS_CONTROL)
    result = transform(parse_xml(SAMPLE))
    assert str(result) == export_html(parse_xml(SAMPLE))
    assert ACCESS_CONTROL.options == etree.XSLTAccessControl.DENY_ALL.options


def test_the_real_edition(serge_tree: etree._ElementTree) -> None:
    page = html.document_fromstring(export_html(serge_tree))
    _assert_links_resolve(page)
    entries = serge_tree.xpath("//tei:body//tei:div[@type='entry']", namespaces=NSMAP)
    toc = page.xpath("//nav[@id='s:contents']//a/@href")
    assert all(f"#{e.get('{http://www.w3.org/XML/1998/namespace}id')}" in toc for e in entries)
    notes = serge_tree.xpath("//tei:text//tei:note", namespaces=NSMAP)
    assert len(page.xpath("//main//a[@class='note-ref']")) == len(notes) > 0
    assert len(page.xpath("//section[@id='s:notes']/ol/li")) == len(notes)
    datelines = serge_tree.xpath("//tei:div[@type='entry']/tei:dateline", namespaces=NSMAP)
    assert len(page.xpath("//span[@class='tei-dateline run-in']")) == len(datelines)


# ------------------------------------------------------------------- what any TEI is owed


def test_generic_fallback_keeps_unknown_elements() -> None:
    page = _page(FEATURES)
    assert page.xpath("string(//span[@class='tei-mysteryPhrase'])") == "unknown phrase"
    assert page.xpath("string(//span[@class='x-thing'])") == "foreign thing"
    block = page.xpath("//div[@class='tei-mysteryBlock']")[0]
    assert block.xpath("string(p)") == "Unknown block holding a paragraph."


def test_choice_shows_one_branch_and_the_other_on_hover() -> None:
    page = _page(FEATURES)
    choices = page.xpath("//span[@class='tei-choice']")
    assert [c.text_content() for c in choices] == ["the", "Doctor"]
    assert [c.get("title") for c in choices] == ["sic: teh", "abbr: Dr"]


def test_app_lemma_in_the_text_and_readings_in_the_apparatus() -> None:
    page = _page(FEATURES)
    apps = page.xpath("//main//span[@class='tei-app']")
    assert [a.xpath("string(span)") for a in apps] == ["lemma", "first"]
    entries = page.xpath("//section[@id='s:apparatus']/ol/li")
    assert [e.text_content() for e in entries] == ["a lemma A] reading B", "b first A] second B"]
    _assert_links_resolve(page)


def test_line_breaks_are_diplomatic_only_on_request() -> None:
    tree = parse_xml(FEATURES)
    reading = html.document_fromstring(export_html(tree))
    paragraph = reading.xpath("//section[@id='lines']/p")[0]
    assert paragraph.text_content() == "One two three12 four, hyphenated."
    assert reading.xpath("//br") == []
    transform = etree.XSLT(etree.parse(str(xslt_path("tei-to-html.xsl"))), access_control=ACCESS_CONTROL)
    diplomatic = html.document_fromstring(str(transform(tree, diplomatic="'yes'")))
    assert len(diplomatic.xpath("//section[@id='lines']/p/br")) == 3


def test_a_dateline_of_its_own_is_not_run_in() -> None:
    page = _page(FEATURES)
    section = page.get_element_by_id("block-dateline")
    assert [c.tag for c in section] == ["p", "p"]
    assert section[0].get("class") == "tei-dateline" and section[0].text_content() == "Dec. 1937."
    assert section[1].text_content() == "A dateline that is a line of its own."
    labels = page.xpath("//nav[@id='s:contents']//a/text()")
    assert "Dec. 1937." in labels


def test_before_the_notes_pass_the_markers_stand_at_the_pointers() -> None:
    from tei_serge.context import ConvertOptions
    from tei_serge.pipeline import convert

    tree = convert(None, ConvertOptions(skip=("notes",)))
    anchors = tree.xpath("//tei:ptr[@type='noteAnchor']", namespaces=NSMAP)
    assert anchors
    page = html.document_fromstring(export_html(tree))
    refs = page.xpath("//main//a[@class='note-ref']")
    assert len(refs) == len(anchors) == len(page.xpath("//section[@id='s:notes']/ol/li"))
    assert [r.get("id") for r in refs] == [f"fnref:{n}" for n in range(1, len(refs) + 1)]
    _assert_links_resolve(page)


def test_verse_page_numbers_scripts_ruby() -> None:
    page = _page(FEATURES)
    assert [n.text for n in page.xpath("//div[@class='tei-l']/span[@class='line-n']")] == ["1", "3"]
    assert page.xpath("//span[@class='tei-pb']/@title") == ["page 12"]
    arabic = page.xpath("//p[@lang='ar']")[0]
    assert arabic.get("dir") == "rtl"
    assert arabic.xpath("i/@dir") == ["ltr"]
    (ruby,) = page.xpath("//ruby")
    assert ruby.xpath("string(rt)") == "かんじ" and ruby.xpath("rp/text()") == ["(", ")"]


def test_block_material_never_sits_inside_an_html_p() -> None:
    page = _page(FEATURES)
    assert page.xpath("//p//div | //p//ul | //p//table | //p//p") == []
    holder = page.xpath("//div[@class='tei-p'][.//ul]")
    assert holder and holder[0].text_content() == "Before the list onetwo after the list."
    assert page.xpath("//table/caption/text()") == ["A table"]
    assert page.xpath("//td/@colspan") == ["2"] and len(page.xpath("//th")) == 2
    assert page.xpath("//dl/dt/text()") == ["A", "B"]
    assert page.xpath("//figure/figcaption/text()") == ["A figure"]


def test_a_note_inside_a_name_keeps_the_name_unlinked_and_the_note_linked() -> None:
    page = _page(FEATURES)
    (name,) = page.xpath("//span[@class='tei-persName']")
    assert name.xpath("a/@class") == ["note-ref"]
    assert page.xpath("//li[@id='fn:1']/@class") == ["note note-margin"]
    assert page.xpath("//q[@class='tei-said']/@tabindex") == []  # no speaker, nothing to show


# ------------------------------------------------------------------------------ foreign TEI


def test_notes_of_every_place_are_numbered_and_linked_both_ways() -> None:
    path = _foreign("notes-placements.xml")
    page = _page(path)
    notes = _tei_count(path, "//tei:text//tei:note")
    refs = page.xpath("//main//a[@class='note-ref']")
    items = page.xpath("//section[@id='s:notes']/ol/li")
    assert len(refs) == len(items) == notes == 20
    assert {li.get("class") for li in items} >= {"note note-margin", "note note-inline", "note note-end"}
    _assert_links_resolve(page)


def test_location_referenced_apparatus_marks_its_words() -> None:
    path = _foreign("apparatus-yasna36.xml")
    page = _page(path)
    apps = _tei_count(path, "//tei:app")
    assert len(page.xpath("//span[@class='tei-w']/a[@class='app-ref']")) == apps == 72
    entries = page.xpath("//section[@id='s:apparatus']/ol/li")
    assert len(entries) == apps
    assert len(page.xpath("//section[@id='s:apparatus']//span[@class='tei-rdg']")) == _tei_count(
        path, "//tei:rdg"
    )


def test_inline_apparatus_of_a_letter() -> None:
    path = _foreign("letter-lelewel-1810-apparatus.xml")
    page = _page(path)
    assert len(page.xpath("//main//span[@class='tei-app']")) == _tei_count(path, "//tei:app")
    assert page.xpath("string(//main//span[contains(@class, 'tei-dateline')])")


def test_a_letter_is_laid_out_as_a_letter() -> None:
    path = _foreign("letter-hofmannsthal-to-schnitzler.xml")
    page = _page(path)
    for cls in ("tei-opener", "tei-closer", "tei-postscript"):
        assert len(page.xpath(f"//div[@class='{cls}']")) == 1, cls
    assert page.xpath("string(//div[@class='tei-opener']/p[@class='tei-salute'])") == "mein lieber Arthur!"
    assert page.xpath("string(//div[@class='tei-closer']/span[@class='tei-signed'])") == "Hugo."
    # rs/@ref resolved against the listPerson in back: linked to the index
    links = page.xpath("//main//span[starts-with(@class, 'tei-rs')]/a/@href")
    assert "#pmb11701" in links
    assert page.get_element_by_id("pmb11701").xpath("string(span[@class='index-name'])") == "Georg Hirschfeld"


def test_a_play_is_laid_out_as_a_play() -> None:
    path = _foreign("drama-chekhov-ivanov-ru.xml")
    page = _page(path)
    assert len(page.xpath("//div[contains(@class, 'tei-sp')]")) == _tei_count(path, "//tei:sp") == 634
    assert len(page.xpath("//p[@class='tei-speaker']")) == 634
    assert len(page.xpath("//*[contains(concat(' ', @class, ' '), ' tei-stage ')]")) == 549
    assert page.xpath("/html/@lang") == ["ru"]
    # sp/@who points at the particDesc persons: they are in the index, with back links
    assert len(page.xpath("//section[@id='s:index-persons']//li")) == _tei_count(
        path, "//tei:person | //tei:personGrp"
    )


def test_syriac_verse_reads_right_to_left() -> None:
    path = _foreign("verse-syriac-odes-solomon-7.xml")
    page = _page(path)
    (div,) = page.xpath("//section[@lang='syr']")
    assert div.get("dir") == "rtl"
    assert len(div.xpath(".//div[contains(@class, 'tei-lg')]")) == 26
    assert len(div.xpath(".//div[@class='tei-l']")) == 52


def test_ruby_and_names_with_japanese_ids() -> None:
    path = _foreign("names-ruby-meros-ja.xml")
    page = _page(path)
    assert len(page.xpath("//ruby/rt")) == _tei_count(path, "//tei:ruby") == 88
    _assert_links_resolve(page)
    assert "メロス" in _internal_links(page)


def test_corpus_and_group_give_each_text_a_heading_and_contents() -> None:
    corpus = _page(_foreign("teicorpus-two-texts.xml"))
    articles = corpus.xpath("//main/article")
    assert len(articles) == 2
    assert all(a.xpath("h2") and a.xpath("nav//a") for a in articles)
    group = _foreign("letter-cortes-to-dantiscus-1531-group.xml")
    page = _page(group)
    texts = page.xpath("//main//article[contains(@class, 'tei-text')]")
    assert len(texts) == _tei_count(group, "//tei:group/tei:text") == 2
    assert all(t.xpath("h2[normalize-space()] and nav") for t in texts)
    assert [t.get("lang") for t in texts] == ["es", "pl"]


def test_tables_lists_and_page_numbers_of_a_book() -> None:
    path = _foreign("tables-euler-algebra-1770-dta.xml")
    page = _page(path)
    assert len(page.xpath("//table")) == _tei_count(path, "//tei:table") == 29
    assert len(page.xpath("//td | //th")) == _tei_count(path, "//tei:cell") == 327
    assert len(page.xpath("//span[contains(@class, 'tei-pb')]")) == _tei_count(path, "//tei:pb") == 537
    assert len(page.xpath("//li[contains(@class, 'tei-item')] | //dd[contains(@class, 'tei-item')]")) == 266


# ------------------------------------------------------------------------ every word is kept

WORD = re.compile(r"\w+")
REGISTER = " or ".join(f"ancestor::tei:{n}" for n in ("listPerson", "listPlace", "listOrg", "listEvent"))


def _html_words(page: html.HtmlElement) -> tuple[set[str], str]:
    body = page.body
    parts = list(body.itertext()) + body.xpath("//@title")
    words = set(WORD.findall(" ".join(parts)))
    return words, "\n".join(sorted(words))


def _well_formed(path: Path) -> bool:
    try:
        parse_xml(path)
    except TeiSergeError:
        return False
    return True


FOREIGN = (
    [p for p in sorted(FOREIGN_TEI_DIR.glob("*.xml")) if _well_formed(p)] if FOREIGN_TEI_DIR.is_dir() else []
)


@pytest.mark.slow
@pytest.mark.parametrize("path", [SAMPLE, FEATURES, *FOREIGN], ids=lambda p: p.name)
def test_every_word_of_the_text_is_in_the_page(path: Path) -> None:
    """Every word of tei:text (outside the register lists, which the index summarises) is in the
    page: in the text, the notes, the apparatus, or a title attribute (choice alternatives)."""
    tree = parse_xml(path)
    nodes = tree.xpath(f"//tei:text//text()[not({REGISTER})]", namespaces=NSMAP)
    expected = {w for node in nodes for w in WORD.findall(node)}
    words, joined = _html_words(html.document_fromstring(export_html(tree)))
    # A word split by <lb break="no"/> or a tag is joined in the page: found inside a longer one.
    missing = sorted(w for w in expected - words if w not in joined)
    assert missing == [], f"{path.name}: {missing[:10]}"


# ------------------------------------------------------------------------ HTML content model

PHRASING = {"span", "a", "q", "i", "em", "cite", "sup", "time", "code", "del", "ruby", "rt", "p"}
PHRASING |= {f"h{n}" for n in range(1, 7)}
FLOW = {"div", "p", "section", "article", "ul", "ol", "dl", "table", "figure", "blockquote", "hr", "pre"}
FLOW |= {"nav", "header", "footer", "main", "figcaption", "li", "dt", "dd"} | {f"h{n}" for n in range(1, 7)}
CHILDREN = {"ul": {"li"}, "ol": {"li"}, "dl": {"dt", "dd"}, "tr": {"td", "th"}, "tbody": {"tr"}}


def _content_model_errors(root: etree._Element) -> Counter[str]:
    errors: Counter[str] = Counter()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in FLOW:
            holder = next((a for a in element.iterancestors() if a.tag in PHRASING), None)
            if holder is not None:
                errors[f"{element.tag} in {holder.tag}"] += 1
        allowed = CHILDREN.get(element.tag)
        if allowed is not None:
            errors.update(f"{c.tag} in {element.tag}" for c in element if c.tag not in allowed)
        if element.tag == "a" and any(a.tag == "a" for a in element.iterancestors()):
            errors["a in a"] += 1
        for attribute in ("aria-labelledby", "aria-describedby"):
            if element.get(attribute) and root.xpath(f"count(//*[@id='{element.get(attribute)}'])") != 1:
                errors[f"{attribute} dangles"] += 1
    return errors


@pytest.mark.slow
@pytest.mark.parametrize("path", [SAMPLE, FEATURES, *FOREIGN], ids=lambda p: p.name)
def test_no_block_inside_a_phrase_no_stray_list_children(path: Path) -> None:
    """On the result tree itself (before any HTML parser repairs it): no div, list, table or
    heading inside a p, span, q, a or heading; lists hold only items; no link inside a link;
    every aria-labelledby names one element."""
    transform = etree.XSLT(etree.parse(str(xslt_path("tei-to-html.xsl"))), access_control=ACCESS_CONTROL)
    root = transform(parse_xml(path)).getroot()
    assert root.tag == "html"
    assert _content_model_errors(root) == Counter()


# ------------------------------------------------------------------------------ golden files

GOLDEN = Path(__file__).parent / "golden"


def _golden(name: str, actual_text: str, update: bool) -> None:
    """Byte for byte against tests/golden/NAME (``pytest --update-golden`` rewrites it on
    purpose; on a difference the actual output is written beside it as ``*.actual``)."""
    golden = GOLDEN / name
    actual = actual_text.encode("utf-8")
    if update:
        golden.write_bytes(actual)
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden"
    mismatch = golden.with_name(golden.name + ".actual")
    if actual != golden.read_bytes():
        mismatch.write_bytes(actual)
    else:
        mismatch.unlink(missing_ok=True)
    assert actual == golden.read_bytes(), f"differs from {golden}; see {mismatch}"


def test_golden_html_of_the_sample(update_golden: bool) -> None:
    _golden("sample-serge.html", export_html(parse_xml(SAMPLE)), update_golden)


def test_golden_html_of_the_embedded_installment(serge_tree: etree._ElementTree, update_golden: bool) -> None:
    _golden("serge-diary-1949-09.html", export_html(serge_tree), update_golden)


def test_parameters_live_in_one_place_each_with_a_line_of_its_own() -> None:
    xslt = Path(xslt_path("tei-to-html.xsl")).parent
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    for path in [*sorted(xslt.glob("html-*.xsl")), xslt / "tei-to-html.xsl"]:
        params = etree.parse(str(path)).getroot().findall(f"{xsl}param")
        if path.name != "html-params.xsl":
            assert params == [], f"{path.name} declares parameters"
            continue
        assert len(params) >= 8
        for param in params:
            comment = param.getprevious()
            assert isinstance(comment, etree._Comment) and comment.text.strip(), param.get("name")
    transform = etree.XSLT(etree.parse(str(xslt / "tei-to-html.xsl")), access_control=ACCESS_CONTROL)
    page = str(transform(parse_xml(SAMPLE), **{"label-notes": "'Anmerkungen'", "generator": "''"}))
    assert '<h2 id="s:notes-h">Anmerkungen</h2>' in page and "generated from TEI" not in page


def test_a_corpus_shows_the_title_page_of_each_member_and_keeps_hidden_branches() -> None:
    page = _page(FIXTURES / "html-corpus.xml")
    assert page.xpath("//h1/text()") == ["Two letters"]
    articles = page.xpath("//main/article")
    assert [a.xpath("string(h2)") for a in articles] == ["First letter", "Second letter"]
    assert [a.xpath("normalize-space(.//div[@class='tei-titlePage'])") for a in articles] == [
        "The first title page",
        "The second title page",
    ]
    (choice,) = page.xpath("//span[@class='tei-choice']")
    assert choice.get("title") == "seg: hidden [a note in the hidden branch]"
    assert page.xpath("//section[@id='s:notes']//li/div/text()") == ["a note in the shown branch"]
    _assert_links_resolve(page)


def test_a_long_table_of_contents_is_folded() -> None:
    assert _page(SAMPLE).xpath("//nav[@id='s:contents']/details") == []
    page = _page(_foreign("diary-mitford-1819-1823.xml"))
    (details,) = page.xpath("//nav[@id='s:contents']/details")
    entries = len(details.xpath(".//li"))
    assert entries > 1500
    assert details.xpath("string(summary)") == f"{entries} sections"


def test_graphics_are_placeholders_unless_asked_for() -> None:
    tree = parse_xml(FEATURES)
    page = html.document_fromstring(export_html(tree))
    assert page.xpath("//img") == []
    assert page.xpath("//span[@class='tei-graphic']/text()") == ["[picture.png]"]
    transform = etree.XSLT(etree.parse(str(xslt_path("tei-to-html.xsl"))), access_control=ACCESS_CONTROL)
    shown = html.document_fromstring(str(transform(tree, **{"show-graphics": "'yes'"})))
    (img,) = shown.xpath("//figure/img")
    assert img.get("src") == "picture.png" and img.get("alt") == "A picture."
