"""The speech pass: said/@who, quote, q, soCalled, title around every pair of quotation marks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from speechkit import NS, annotation, enriched, inner_text, local, score, stretches

from tei_serge.context import Context
from tei_serge.passes import speech
from tei_serge.speech.cues import Hint, Quoted, read_cue
from tei_serge.speech.marks import pair_marks
from tei_serge.xmlio import serialize

FURTHER = Path(__file__).resolve().parents[2].parent / "shared" / "source" / "further"
ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotation"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
THRESHOLD = 0.95


@pytest.fixture(scope="module")
def first() -> tuple[etree._ElementTree, Context]:
    return enriched()


def further(name: str) -> Path:
    path = FURTHER / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


def speaker_of(tree: etree._ElementTree, words: str) -> str | None:
    for element in tree.iterfind(".//tei:text//tei:said", NS):
        if inner_text(element).startswith(words):
            return element.get("who")
    raise AssertionError(f"no said starts with {words!r}")


# --- against the hand annotation ---------------------------------------------------------------


def test_speech_found_and_speakers_right_against_the_hand_annotation(first) -> None:
    result = score(stretches(first[0]), annotation())
    assert result.gold_speech >= 40
    assert result.recall >= THRESHOLD, result.unmatched + result.wrong
    assert result.precision >= THRESHOLD, result.wrong
    assert result.speaker_accuracy >= THRESHOLD, result.wrong


@pytest.mark.parametrize("name", ["serge-diary-2-1950-01", "serge-diary-5-1950-07"])
def test_further_installments_against_their_annotations(name: str) -> None:
    tree, _ = enriched(further(f"{name}.txt"))
    rows = annotation(ANNOTATIONS / f"{name}.speech.tsv")
    result = score(stretches(tree), rows)
    assert result.unmatched == []
    assert result.recall >= THRESHOLD, result.wrong
    assert result.precision >= THRESHOLD, result.wrong
    assert result.speaker_accuracy >= THRESHOLD, result.wrong
    assert result.other_kind_accuracy >= 0.85, result.wrong


def test_quotation_and_scare_quotes_told_apart_from_speech(first) -> None:
    result = score(stretches(first[0]), annotation())
    assert result.gold_other >= 8
    assert result.other_kind_accuracy >= 0.85, result.wrong
    kinds = {s.text: s.kind for s in stretches(first[0])}
    assert kinds["If you wish to follow me, deny me!"] == "quote"
    assert kinds["Injustice rather than disorder"] == "quote"
    assert kinds["emancipated,"] == "soCalled"
    assert kinds["Orlov"] == "soCalled"


def test_quote_names_its_source_where_the_frame_does(first) -> None:
    tree = first[0]
    sources = {inner_text(q): q.get("source") for q in tree.iterfind(".//tei:quote", NS)}
    assert sources["Injustice rather than disorder"] == "#goethe"
    assert sources["If you meet me, kill me!"] == "#buddha"


# --- every pair of marks is inside an element --------------------------------------------------


def _loose_marks(tree: etree._ElementTree) -> list[str]:
    loose = []
    for element in tree.iterfind(".//tei:text//*", NS):
        if any(local(a) in {"said", "quote", "q", "soCalled", "title"}
               for a in [element, *element.iterancestors()]):
            continue
        for text in (element.text, *(child.tail for child in element)):
            if text and re.search(r"[“”‘«»]", text):
                loose.append(text)
    return loose


def test_every_quotation_mark_pair_of_the_running_text_is_wrapped(first) -> None:
    assert _loose_marks(first[0]) == []


@pytest.mark.parametrize("name", ["serge-diary-2-1950-01.txt", "serge-diary-5-1950-07.txt"])
def test_further_installments_leave_only_unbalanced_marks(name: str) -> None:
    tree, ctx = enriched(further(name))
    unbalanced = [f for f in ctx.report.findings if f.rule_id == "SPEECH-UNBALANCED"]
    assert len(_loose_marks(tree)) == len(unbalanced)


# --- nesting and multi-paragraph speech ---------------------------------------------------------


def test_nested_quotations_have_their_own_speaker(first) -> None:
    tree = first[0]
    outer = next(s for s in tree.iterfind(".//tei:said", NS)
                 if inner_text(s).startswith("Bukharin tried to join me"))
    inner = {inner_text(s): s.get("who") for s in outer.iterfind("tei:said", NS)}
    assert inner == {
        "I'll see you again in an hour!": "#bukharin",
        "You’ll see,": "#herbart",
        "that he won’t come back.": "#herbart",
    }
    buddha = next(s for s in tree.iterfind(".//tei:said", NS)
                  if inner_text(s).startswith("Buddha says"))
    assert buddha.get("who") == "#gide"
    assert [q.get("source") for q in buddha.iterfind("tei:quote", NS)] == ["#buddha"]


def test_speech_over_several_paragraphs_is_chained(first) -> None:
    tree = first[0]
    head = next(s for s in tree.iterfind(".//tei:said", NS)
                if inner_text(s).startswith("There is a French family"))
    chain = [head]
    while chain[-1].get("next"):
        target = chain[-1].get("next", "")[1:]
        found = tree.getroot().xpath("//*[@xml:id=$id]", id=target)
        assert len(found) == 1
        assert found[0].get("prev") == f"#{chain[-1].get(XML_ID)}"
        chain.append(found[0])
    assert len(chain) == 4
    assert {s.get("who") for s in chain} == {"#krivitsky"}
    assert [local(s.getparent()) for s in chain] == ["p"] * 4
    assert "".join(chain[-1].itertext()).rstrip().endswith("”")
    ids = tree.getroot().xpath("//@xml:id")
    assert len(ids) == len(set(ids))


def test_quotation_marks_stay_in_the_text(first) -> None:
    said = next(s for s in first[0].iterfind(".//tei:said", NS)
                if inner_text(s).startswith("You see, I have come"))
    assert "".join(said.itertext()) == "“You see, I have come to visit you.”"


def test_a_note_inside_a_quotation_stays_where_it_is(first) -> None:
    said = next(s for s in first[0].iterfind(".//tei:said", NS)
                if inner_text(s).startswith("Last is very unhappy"))
    assert said.find("tei:note", NS) is not None
    assert said.get("who") == "#gide"


# --- further installments -----------------------------------------------------------------------


def test_second_installment_speakers() -> None:
    tree, _ = enriched(further("serge-diary-2-1950-01.txt"))
    assert speaker_of(tree, "Are you convinced that Klement") == "#krivitsky"  # "W.K.:"
    assert speaker_of(tree, "Reasonably! You are naïve.") == "#krivitsky"  # "W.K. (satirically):"
    assert speaker_of(tree, "Yes, and it is perhaps you and I") == "#tasca"  # "Rossi:"
    assert speaker_of(tree, "Everything will turn out all right") == "#serge"  # "I:"
    assert speaker_of(tree, "We have staked too much") == "#tasca"  # framed by the paragraph before
    assert speaker_of(tree, "That adventurer has manufactured") == "#burtsev"
    assert speaker_of(tree, "Our Chekists are part saint") == "#dzerzhinsky"
    assert speaker_of(tree, "And you – what do you think") == "#radek"
    assert speaker_of(tree, "You surely know him,") == "#elsa-reiss"  # "she said": Elsa, her lips …
    assert speaker_of(tree, "All right, I think that the") == "#serge"  # reply to "W.K. (…):"
    assert speaker_of(tree, "But aren’t there others") == "#serge"  # between two of W.K.'s
    chain = [s for s in tree.iterfind(".//tei:said", NS) if s.get("who") == "#ciliga"]
    assert len(chain) >= 3


def test_fifth_installment_speakers_and_the_unbalanced_mark() -> None:
    tree, ctx = enriched(further("serge-diary-5-1950-07.txt"))
    assert speaker_of(tree, "The party commissar is") == "#gorky"  # "the remark of Gorky"
    assert speaker_of(tree, "From the Golden Legend") == "#gorky"  # "I asked G. …” he replied"
    assert speaker_of(tree, "Because,") == "#tynyanov"
    quotes = {inner_text(q): q.get("source") for q in tree.iterfind(".//tei:quote", NS)}
    assert quotes["Art consists in expressing sensations as well as possible; and the most lucid "
                  "sentiment – that is to say, the truth – is the one which can be expressed "
                  "with the most perfection."] == "#fedin"
    findings = [f for f in ctx.report.findings if f.rule_id == "SPEECH-UNBALANCED"]
    assert len(findings) == 1
    assert "No phosphorous" in findings[0].message
    assert findings[0].line == 27
    assert findings[0].xpath


# --- unbalanced input, small cases --------------------------------------------------------------


SOURCE = """Victor Serge

A Test

From The New International, Vol. XV No. 7, September 1949, pp. 1–2.

May 8, 1937, Paris. He said: “This never closes.

A new paragraph without a mark.

He: “Fine.” And a stray ” mark.

Last updated on 1 January 2020
"""


def test_unbalanced_marks_are_reported_not_fatal() -> None:
    tree, ctx = enriched(SOURCE.encode())
    findings = [f for f in ctx.report.findings if f.rule_id == "SPEECH-UNBALANCED"]
    assert [f.message.split(":")[0] for f in findings] == [
        "the mark “ opens a quotation that is never closed",
        "the mark ” closes a quotation that was never opened",
    ]
    assert all(f.xpath and f.xpath.endswith("]") for f in findings)
    assert [f.line for f in findings] == [7, 11]  # the source lines of the paragraphs
    fine = tree.find(".//tei:body//tei:said[@who='#unidentified']", NS)
    assert fine is not None and "".join(fine.itertext()) == "“Fine.”"


def test_speech_pass_is_idempotent(first) -> None:
    tree = first[0]
    before = serialize(tree)
    speech.apply(tree, Context())
    assert serialize(tree) == before


@pytest.mark.parametrize(
    ("text", "pairs", "unclosed"),
    [
        ("“a ‘b’ c”", [(0, 9, 0), (3, 6, 1)], []),
        ("don’t ‘quote’ O’Callaghan’s", [(6, 13, 0)], []),
        ("in ’34 the saints’ day", [], []),
        ("“open", [], [0]),
        ("“one” “two”", [(0, 5, 0), (6, 11, 0)], []),
        ("‘You’ll see,’ he said", [(0, 13, 0)], []),
        ("“Hello“ he said. ”Bye,” she said", [(0, 7, 0), (17, 23, 0)], []),
        ("“a “b” c”", [(0, 9, 0), (3, 6, 1)], []),
    ],
)
def test_pair_marks(text: str, pairs: list[tuple[int, int, int]], unclosed: list[int]) -> None:
    result = pair_marks(text)
    assert [(p.start, p.end, p.depth) for p in result.pairs] == pairs
    assert [offset for offset, _, _ in result.unclosed] == unclosed


@pytest.mark.parametrize(
    ("before", "inner", "after", "kind", "hint"),
    [
        ("He: ", "Fine.", "", "said", Hint("he")),
        ("I: ", "Not quite.", "", "said", Hint("I")),
        ("We waited. ", "It’s strange.", " said S., and left.", "said", Hint("abbr", "S.")),
        ("the word ", "planetary", " which he used", "soCalled", None),
        ("I cited the epigram of Nietzsche: ", "Deny me!", "", "quote", None),
        ("A Russian officer known as ", "Orlov", " must know.", "soCalled", None),
        ("he said, a ", "there will never be.", "", "quote", None),
        ("The warden told him: ", "You’re lucky.", "", "said", Hint("nobody")),
    ],
)
def test_read_cue(before: str, inner: str, after: str, kind: str, hint: Hint | None) -> None:
    cue = read_cue(Quoted(inner=inner, before=before, after=after))
    assert cue.kind == kind
    if hint is not None:
        assert cue.speaker == hint


def test_enriched_documents_are_valid_tei_all(first, tei_all) -> None:  # type: ignore[no-untyped-def]
    assert tei_all.validate(first[0]), tei_all.error_log
    for name in ("serge-diary-2-1950-01.txt", "serge-diary-5-1950-07.txt"):
        tree, _ = enriched(further(name))
        assert tei_all.validate(tree), (name, tei_all.error_log)


# --- invariants ---------------------------------------------------------------------------------


def _text_of(tree: etree._ElementTree) -> str:
    text = tree.find("tei:text", NS)
    assert text is not None
    return "".join(text.itertext())


@pytest.mark.parametrize("name", [None, "serge-diary-2-1950-01.txt", "serge-diary-5-1950-07.txt"])
def test_speech_and_foreign_passes_keep_every_character(name: str | None) -> None:
    from tei_serge.passes import foreign
    from tei_serge.pipeline import convert_source

    source = None if name is None else further(name)
    tree = convert_source(source).tree
    before = _text_of(tree)
    speech.apply(tree, Context())
    foreign.apply(tree, Context())
    assert _text_of(tree) == before


def test_marks_inside_a_note_inside_a_speech_are_paired_in_the_note() -> None:
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p>I: “Yes<note>the so-called '
        '“red terror”</note> indeed.”</p></div></body></text>'
        '<standOff><listPerson><person xml:id="serge"/></listPerson></standOff></TEI>'
    ))
    speech.apply(tree, Context())
    said = tree.find(".//tei:said", NS)
    assert said is not None
    assert [local(e) for e in said.iter()] == ["said", "note", "soCalled"]


def _straight(text: str) -> str:
    text = re.sub(r"’(?=[\s,.!?;:)”]|$)", "'", text)
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'"}))


def _guillemets(text: str) -> str:
    return text.translate(str.maketrans({"“": "«", "”": "»"}))


@pytest.mark.parametrize("restyle", [_straight, _guillemets])
def test_other_quotation_mark_styles_score_alike(restyle) -> None:  # type: ignore[no-untyped-def]
    from tei_serge.resources import embedded_source_path

    text = restyle(embedded_source_path().read_text(encoding="utf-8"))
    tree, ctx = enriched(text.encode())
    result = score(stretches(tree), annotation())
    assert result.recall >= THRESHOLD, result.unmatched + result.wrong
    assert result.precision >= THRESHOLD, result.wrong
    assert result.speaker_accuracy >= THRESHOLD, result.wrong
    assert not [f for f in ctx.report.findings if f.rule_id == "SPEECH-UNBALANCED"]


LETTER = """Victor Serge

A Test

From The New International, Vol. XV No. 7, September 1949, pp. 1–2.

May 8, 1937, Paris. André Gide wrote me: “Dear friend, the first paragraph of a letter.

“And its second paragraph.”

“A speech paragraph that never closes.

Last updated on 1 January 2020
"""


def test_a_quotation_over_two_paragraphs_is_chained_and_an_unclosed_speech_runs_to_its_end() -> None:
    tree, ctx = enriched(LETTER.encode())
    quotes = tree.findall(".//tei:body//tei:quote", NS)
    assert [q.get("source") for q in quotes] == ["#gide", "#gide"]
    assert quotes[0].get("next") == f"#{quotes[1].get(XML_ID)}"
    assert quotes[1].get("prev") == f"#{quotes[0].get(XML_ID)}"
    last = tree.findall(".//tei:body//tei:p", NS)[-1]
    assert len(last) == 1 and "".join(last.itertext()) == "".join(last[0].itertext())
    unbalanced = [f for f in ctx.report.findings if f.rule_id == "SPEECH-UNBALANCED"]
    assert len(unbalanced) == 1 and "end of the paragraph" in unbalanced[0].message


@pytest.mark.parametrize(
    ("before", "inner", "after", "kind"),
    [
        ("The paper printed: ", "The traitors are shot.", "", "quote"),
        ("his article ", "The Ludwig Warning", " appeared.", "title"),
        ("I published an article under the title ", "Ludwig", "", "title"),
        ("the slogan ", "All power to the Soviets!", "", "quote"),
        ("", "We are lost,", " he wrote.", "quote"),
        ("", "We are lost,", " he said.", "said"),
        ("He: “Come.” I: ", "No.", "", "said"),
        ("He says: ", "I am tired.", "", "said"),
        ("Buddha says: ", "If you meet me, kill me!", "", "quote"),
        ("the so-called ", "Trust", "", "soCalled"),
    ],
)
def test_read_cue_kinds(before: str, inner: str, after: str, kind: str) -> None:
    assert read_cue(Quoted(inner=inner, before=before, after=after)).kind == kind


FOREIGN_TEI = Path(__file__).resolve().parents[2].parent / "shared" / "foreign-tei"


@pytest.mark.slow
def test_speech_and_foreign_passes_on_other_projects_tei_keep_text_and_ids() -> None:
    from tei_serge.errors import TeiSergeError
    from tei_serge.passes import foreign
    from tei_serge.xmlio import parse_xml

    files = sorted(FOREIGN_TEI.glob("*.xml")) if FOREIGN_TEI.is_dir() else []
    if not files:
        pytest.skip(f"{FOREIGN_TEI} is not available")
    checked = 0
    for path in files:
        try:
            tree = parse_xml(path)
        except TeiSergeError:
            continue  # a deliberately broken document
        texts = tree.getroot().xpath("//tei:text", namespaces=NS)
        before = ["".join(text.itertext()) for text in texts]
        speech.apply(tree, Context())
        foreign.apply(tree, Context())
        assert ["".join(text.itertext()) for text in texts] == before, path.name
        ids = tree.getroot().xpath("//@xml:id")
        assert len(ids) == len(set(ids)), path.name
        checked += 1
    assert checked >= 10
