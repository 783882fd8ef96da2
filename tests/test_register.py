"""The register: its data, loading and merging, the one matcher, the context rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei_serge.errors import RegisterError
from tei_serge.register import Matcher, Resolver, load_register, normalize_form
from tei_serge.resources import data_path

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def register():  # type: ignore[no-untyped-def]
    return load_register()


def forms(matcher: Matcher, text: str) -> list[str]:
    return [m.form for m in matcher.find(text)]


# --------------------------------------------------------------------------- the data


@pytest.mark.slow
def test_register_is_valid_tei(tei_all: etree.RelaxNG) -> None:
    doc = etree.parse(str(data_path("register.xml")))
    assert tei_all.validate(doc), tei_all.error_log


def test_every_entry_has_a_canonical_name_and_an_identification(register) -> None:  # type: ignore[no-untyped-def]
    for entry in register.entries.values():
        assert entry.name, entry.id
        assert entry.identification, entry.id
        assert re.fullmatch(r"[a-z][a-z0-9-]*", entry.id), entry.id


def test_people_have_forename_or_surname(register) -> None:  # type: ignore[no-untyped-def]
    for entry in register.entries.values():
        if entry.kind == "person" and entry.id != "unidentified":  # the speaker nobody names
            full = entry.element.find("tei:persName[@type='full']", TEI)
            assert full is not None, entry.id
            assert full.find("tei:surname", TEI) is not None or full.find("tei:forename", TEI) is not None


@pytest.mark.parametrize(
    ("form", "entry_id"),
    [
        ("Victor Serge", "serge"),
        ("James M. Fenwick", "fenwick"),
        ("Einde O’Callaghan", "ocallaghan"),
        ("The New International", "new-international"),
        ("A.G.", "gide"),
        ("AG", "gide"),
        ("PN", "naville"),
        ("P.N.", "naville"),
        ("MP", "paz"),
        ("L.T.", "trotsky"),
        ("J.R. Bloch", "bloch"),
        ("Leon Blum", "blum"),
        ("Léon Blum", "blum"),
        ("Walter", "krivitsky"),
        ("POUM", "poum"),
        ("NRF", "nrf"),
        ("Air-France", "air-france"),
        ("Vigilance", "vigilance"),
        ("Seize fusillés", "seize-fusilles"),
        ("Corydon", "corydon"),
        ("From Lenin to Stalin", "from-lenin-to-stalin"),
        ("Crapouillot", "crapouillot"),
        ("Littérature Internationale", "litterature-internationale"),
        ("Populaire", "populaire"),
        ("De Vlam", "de-vlam"),
        ("Immoraliste", "immoraliste"),
        ("Révolution Surréaliste", "revolution-surrealiste"),
        ("Rue Vaneau", "rue-vaneau"),
        ("Gare du Nord", "gare-du-nord"),
        ("Hotel Albert I", "hotel-albert"),
        ("La Sante", "la-sante"),
        ("Boulevard Arago", "boulevard-arago"),
        ("Square Port-Royal", "square-port-royal"),
        ("Sneevliet", "sneevliet"),
        ("Sedov", "sedov"),
        ("Gorky", "gorky"),
        ("Fedin", "fedin"),
        ("Blok", "blok"),
        ("Zamyatin", "zamyatin"),
    ],
)
def test_unambiguous_forms(register, form: str, entry_id: str) -> None:  # type: ignore[no-untyped-def]
    entry = register.lookup(form)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize(("form", "ids"), [("G.", {"gide", "gorky"}), ("E.", {"ehrenburg"}),
                                           ("M.", {"malraux", "moscow"}), ("Last", {"last"}),
                                           ("Colette", {"audry"}), ("Magdaleine", {"paz"}),
                                           ("M.P.", {"paz", "pivert"})])  # fmt: skip
def test_ambiguous_forms_are_contextual(register, form: str, ids: set[str]) -> None:  # type: ignore[no-untyped-def]
    found = register.forms_of(form)
    assert {f.entry_id for f in found} == ids
    assert all(f.contextual for f in found)
    assert register.lookup(form) is None


def test_groups_and_adjectives_are_not_names(register) -> None:  # type: ignore[no-untyped-def]
    for word in ("Trotskyist", "Mensheviks", "Russian", "Trotskyism", "Stalinist", "Soviet"):
        assert not register.forms_of(word)
        assert word in register.not_names


# --------------------------------------------------------------------------- loading


EXTRA = Path(__file__).resolve().parent / "fixtures" / "register-extra.xml"


def test_an_editors_register_is_merged_over_the_built_in() -> None:
    merged = load_register([EXTRA])
    assert merged.lookup("Xavier Dombrowski").id == "dombrowski"  # type: ignore[union-attr]
    assert merged.entries["buddha"].identification == "Replaced."
    assert merged.lookup("the Buddha").id == "buddha"  # type: ignore[union-attr]
    assert len(merged) == len(load_register()) + 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson><person xml:id='a'>"
         "<persName>A</persName></person><person xml:id='a'><persName>B</persName></person>"
         "</listPerson></standOff></TEI>", "used twice"),
        ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson><person>"
         "<persName>A</persName></person></listPerson></standOff></TEI>", "xml:id"),
        ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson><person xml:id='a'>"
         "<persName type='sometimes'>A</persName></person></listPerson></standOff></TEI>", "type"),
        ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson><person xml:id='a'>"
         "<note type='identification'>x</note></person></listPerson></standOff></TEI>", "no <persName>"),
        ("<register/>", "TEI document"),
        ("<TEI", "not well-formed"),
    ],
)  # fmt: skip
def test_a_broken_register_is_a_register_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegisterError, match=message) as info:
        load_register([path])
    assert "bad.xml" in str(info.value)


def test_a_missing_register_is_a_register_error(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="cannot read"):
        load_register([tmp_path / "nope.xml"])


# --------------------------------------------------------------------------- the matcher


def test_the_matcher_is_one_compiled_pattern(register) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(register.matcher.pattern, re.Pattern)


def test_longest_match_first() -> None:
    matcher = Matcher(["Jef", "Jef Last", "Last", "Gare du Nord", "Nord"])
    assert forms(matcher, "a letter from Jef Last at the Gare du Nord") == ["Jef Last", "Gare du Nord"]
    assert forms(matcher, "Jef Lastly") == ["Jef"]


def test_whole_words_only() -> None:
    matcher = Matcher(["Lenin", "Nin", "Trotsky", "G."])
    assert forms(matcher, "Leningrad, Nine, Trotskyist, Trotskyism, SG.") == []
    assert forms(matcher, "Lenin. Nin, Trotsky; G.M.") == ["Lenin", "Nin", "Trotsky", "G."]


def test_possessives_and_curly_apostrophes() -> None:
    matcher = Matcher([normalize_form("Colette Audry"), normalize_form("Einde O’Callaghan"), "Gérard"])
    text = "at Colette Audry’s place, Colette Audry's book, Einde O'Callaghan, Gérard’s office"
    assert forms(matcher, text) == ["Colette Audry", "Colette Audry", "Einde O'Callaghan", "Gérard"]


def test_any_whitespace_inside_a_name() -> None:
    matcher = Matcher(["Magdaleine Paz"])
    assert forms(matcher, "Magdaleine\n   Paz") == ["Magdaleine Paz"]


def test_not_names_are_consumed(register) -> None:  # type: ignore[no-untyped-def]
    found = forms(register.matcher, "the Order of Lenin, Lenin")
    assert found == ["Order of Lenin", "Lenin"]
    assert "Order of Lenin" not in register.index


# --------------------------------------------------------------------------- resolution


def test_contextual_forms_follow_the_subject(register) -> None:  # type: ignore[no-untyped-def]
    resolver = Resolver(register)
    assert resolver.resolve("G.", "", "", False) is None  # nobody named yet
    resolver.see("gorky")
    assert resolver.resolve("G.", " said", "", False).id == "gorky"  # type: ignore[union-attr]
    resolver.see("gide")
    assert resolver.resolve("G.", " said", "", False).id == "gide"  # type: ignore[union-attr]
    resolver.enter_scope()
    resolver.enter_scope()
    assert resolver.resolve("G.", " said", "", False) is None  # two divisions later: forgotten


def test_conditions_on_the_following_words(register) -> None:  # type: ignore[no-untyped-def]
    resolver = Resolver(register)
    resolver.see("last")
    assert resolver.resolve("Last", " updated on", "", False) is None
    assert resolver.resolve("Last", "", "", False).id == "last"  # type: ignore[union-attr]
    assert resolver.resolve("Walter", " Benjamin", "", False) is None
    assert resolver.resolve("Walter", " at Colette", "", False).id == "krivitsky"  # type: ignore[union-attr]
    resolver.see("krivitsky")
    assert resolver.resolve("K.", " Radek", "", True) is None


def test_people_have_their_initials_as_a_contextual_form(register) -> None:  # type: ignore[no-untyped-def]
    assert {f.entry_id for f in register.forms_of("N.S.") if f.contextual} == {"sedova"}
    assert {f.entry_id for f in register.forms_of("J.R.B.")} == {"bloch"}
    assert [f.rule for f in register.forms_of("A.G.")] == ["variant"]  # written forms win
    assert [f.entry_id for f in register.forms_of("A.B.")] == ["blok"]  # not Andrei Bely's
    resolver = Resolver(register)
    assert resolver.resolve("N.S.", " said", "", False) is None
    resolver.see("sedova")
    assert resolver.resolve("N.S.", " said", "", False).id == "sedova"  # type: ignore[union-attr]


def test_a_cue_in_the_paragraph_wins(register) -> None:  # type: ignore[no-untyped-def]
    resolver = Resolver(register)
    assert resolver.resolve("Semyonov", ".", "the president of the Cheka, Semyonov", False).id == (  # type: ignore[union-attr]
        "semyonov-boris"
    )
    assert resolver.resolve("Semyonov", ".", "that terrorist Semyonov", False).id == "semyonov-grigory"  # type: ignore[union-attr]
