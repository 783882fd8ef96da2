"""The project schemas: a strict subset of TEI, Schematron rules with ids, shipped compiled.

- every document we produce (the embedded installment, the further installments, every variant
  fixture, the hand-written sample) is valid against tei_serge.rng *and* tei_all.rng, and has
  no Schematron error;
- every element/child and element/attribute pair tei_serge.rng allows is one tei_all allows;
- every Schematron assertion has an id, a severity and a message, and a broken fixture;
- the shipped XSLT compilations of the Schematron are up to date.
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import FIXTURES, FURTHER, REPO, TEI_ALL_RNG, VARIANTS
from lxml import etree

from tei_serge.pipeline import convert
from tei_serge.resources import schema_path
from tei_serge.validate import rng_validator, validate
from tei_serge.xmlio import parse_xml, serialize_tei

RNG_NS = "http://relaxng.org/ns/structure/1.0"
TEI_NS = "http://www.tei-c.org/ns/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH = {"sch": SCH_NS}
BROKEN = sorted((FIXTURES / "broken").glob("*.xml"))

PRODUCED = [None, *VARIANTS, *FURTHER]  # None: the embedded installment


def _produced_id(source: Path | None) -> str:
    return "embedded" if source is None else source.stem


@pytest.fixture(scope="module", params=PRODUCED, ids=_produced_id)
def produced(request: pytest.FixtureRequest) -> etree._ElementTree:
    """A document as the converter writes it, read back from its bytes (so it has lines)."""
    tree = convert(request.param)
    return parse_xml(serialize_tei(tree), name=_produced_id(request.param))


# ----------------------------------------------------------------------- validity of what we make


def test_project_schema_compiles() -> None:
    assert rng_validator(schema_path("tei_serge.rng")) is not None


def test_produced_documents_are_valid_against_the_project_schema(
    produced: etree._ElementTree,
) -> None:
    validator = rng_validator(schema_path("tei_serge.rng"))
    assert validator.validate(produced), validator.error_log


def test_produced_documents_are_valid_against_tei_all(
    produced: etree._ElementTree, tei_all: etree.RelaxNG
) -> None:
    assert tei_all.validate(produced), tei_all.error_log


def test_produced_documents_have_no_schematron_error(produced: etree._ElementTree) -> None:
    report = validate(produced)
    assert report.errors == []


def test_produced_documents_claim_the_project_schema(produced: etree._ElementTree) -> None:
    from tei_serge.validate import claims_project_schema

    assert claims_project_schema(produced)


def test_sample_fixture_is_valid_against_both(tei_all: etree.RelaxNG) -> None:
    tree = parse_xml(FIXTURES / "valid" / "sample.xml")
    assert rng_validator(schema_path("tei_serge.rng")).validate(tree)
    assert tei_all.validate(tree), tei_all.error_log
    assert validate(tree).findings == []


def test_broken_fixtures_are_tei_except_the_malformed_one(tei_all: etree.RelaxNG) -> None:
    """Broken on purpose against our rules, but still TEI: the rules are stricter than TEI."""
    for path in BROKEN:
        if path.name.startswith("SRG-XML-01"):
            continue
        tree = parse_xml(path)
        if path.name.startswith("SRG-ID-01"):
            continue  # duplicate ids are not valid TEI either
        assert tei_all.validate(tree), (path.name, tei_all.error_log)


ALL_PASSES = ("notes", "dates", "names", "speech", "foreign")
SKIPS = [*((name,) for name in ALL_PASSES), ALL_PASSES]


@pytest.mark.parametrize("skip", SKIPS, ids=lambda skip: "skip-" + "-".join(skip))
@pytest.mark.parametrize("source", [None, *FURTHER[:1]], ids=_produced_id)
def test_documents_with_passes_skipped_are_valid_against_both(
    source: Path | None, skip: tuple[str, ...], tei_all: etree.RelaxNG
) -> None:
    """`--skip` produces documents too (notes as printed, with ptr anchors; no names; ...)."""
    from tei_serge.context import ConvertOptions
    from tei_serge.passes import PASS_NAMES

    assert set(skip) <= set(PASS_NAMES), f"unknown passes: {set(skip) - set(PASS_NAMES)}"
    tree = parse_xml(serialize_tei(convert(source, ConvertOptions(skip=frozenset(skip)))))
    validator = rng_validator(schema_path("tei_serge.rng"))
    assert validator.validate(tree), validator.error_log
    assert tei_all.validate(tree), tei_all.error_log
    assert validate(tree).errors == []


# ----------------------------------------------------------------------- subset of tei_all


class _Vocabulary:
    """For each element name of a RELAX NG grammar: the child element names and the attribute
    names it allows anywhere (union over every definition of that name). Content order,
    cardinality and datatypes are not compared here: the validity tests cover those."""

    def __init__(self, grammar: etree._ElementTree) -> None:
        root = grammar.getroot()
        self.defines: dict[str, list[etree._Element]] = defaultdict(list)
        for define in root.iter(f"{{{RNG_NS}}}define"):
            self.defines[define.get("name", "")].append(define)
        self.children: dict[str, set[str]] = defaultdict(set)
        self.attributes: dict[str, set[str]] = defaultdict(set)
        self.values: dict[tuple[str, str], set[str]] = defaultdict(set)
        for element in root.iter(f"{{{RNG_NS}}}element"):
            name = element.get("name")
            if name and element.get("ns") in (None, "http://www.tei-c.org/ns/1.0"):
                self.children.setdefault(name, set())
                self._walk(element, name, frozenset())

    def _walk(self, node: etree._Element, owner: str, seen: frozenset[str]) -> None:
        for child in node:
            if not isinstance(child.tag, str) or not child.tag.startswith(f"{{{RNG_NS}}}"):
                continue
            kind, name = etree.QName(child).localname, child.get("name", "")
            if kind in ("element", "attribute"):
                if name:
                    (self.children if kind == "element" else self.attributes)[owner].add(name)
                if kind == "attribute":
                    values = {v.text or "" for v in child.iter(f"{{{RNG_NS}}}value")}
                    self.values[(owner, name)] |= values
            elif kind == "ref":
                for define in [] if name in seen else self.defines.get(name, []):
                    self._walk(define, owner, seen | {name})
            else:
                self._walk(child, owner, seen)


def _vocabulary(grammar: etree._ElementTree) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    vocabulary = _Vocabulary(grammar)
    return vocabulary.children, vocabulary.attributes


@pytest.fixture(scope="module")
def vocabularies() -> tuple[tuple[dict[str, set[str]], dict[str, set[str]]], ...]:
    if not TEI_ALL_RNG.is_file():
        pytest.skip(f"{TEI_ALL_RNG} is not available")
    ours = _vocabulary(parse_xml(schema_path("tei_serge.rng")))
    theirs = _vocabulary(parse_xml(TEI_ALL_RNG))
    return ours, theirs


def test_every_element_of_the_project_schema_is_a_tei_element(vocabularies) -> None:  # type: ignore[no-untyped-def]
    (our_children, _), (tei_children, _) = vocabularies
    assert set(our_children) <= set(tei_children), set(our_children) - set(tei_children)


def test_every_parent_child_pair_is_allowed_by_tei(vocabularies) -> None:  # type: ignore[no-untyped-def]
    (our_children, _), (tei_children, _) = vocabularies
    extra = {
        (parent, child)
        for parent, kids in our_children.items()
        for child in kids
        if child not in tei_children.get(parent, set())
    }
    assert extra == set()


def test_every_attribute_is_allowed_by_tei(vocabularies) -> None:  # type: ignore[no-untyped-def]
    (_, our_attributes), (_, tei_attributes) = vocabularies
    extra = {
        (element, attribute)
        for element, names in our_attributes.items()
        for attribute in names
        if attribute not in tei_attributes.get(element, set())
    }
    assert extra == set()


def test_project_schema_is_much_smaller_than_tei_all(vocabularies) -> None:  # type: ignore[no-untyped-def]
    (our_children, _), (tei_children, _) = vocabularies
    assert 50 < len(our_children) < 200 < len(tei_children)


# ----------------------------------------------------------------------- Schematron


@pytest.fixture(scope="module")
def schematron() -> etree._ElementTree:
    return parse_xml(schema_path("tei_serge.sch"))


def test_every_assertion_has_an_id_a_severity_and_a_message(schematron: etree._ElementTree) -> None:
    asserts = schematron.xpath("//sch:assert | //sch:report", namespaces=SCH)
    assert len(asserts) >= 10
    ids = [a.get("id") for a in asserts]
    assert all(ids) and len(set(ids)) == len(ids)
    assert all(rule_id.startswith("SRG-") for rule_id in ids)
    assert {a.get("role") for a in asserts} <= {"error", "warning"}
    assert all(len(" ".join(a.itertext()).split()) >= 8 for a in asserts)


def test_every_pattern_has_a_one_line_rationale(schematron: etree._ElementTree) -> None:
    for pattern in schematron.xpath("//sch:pattern", namespaces=SCH):
        rationale = pattern.find("sch:p", SCH)
        assert rationale is not None and "".join(rationale.itertext()).startswith("Rationale:")


def test_every_pattern_is_in_a_phase(schematron: etree._ElementTree) -> None:
    patterns = set(schematron.xpath("//sch:pattern/@id", namespaces=SCH))
    active = set(schematron.xpath("//sch:phase/sch:active/@pattern", namespaces=SCH))
    assert patterns == active
    generic = set(schematron.xpath("//sch:phase[@id='generic']/sch:active/@pattern", namespaces=SCH))
    assert generic == {"ids-unique", "pointers-local"}


def test_every_rule_id_has_a_broken_fixture(schematron: etree._ElementTree) -> None:
    ids = set(schematron.xpath("//sch:assert/@id | //sch:report/@id", namespaces=SCH))
    covered = {path.name.split("--")[0] for path in BROKEN}
    assert ids <= covered, ids - covered
    assert len(BROKEN) >= 10


def _compiler():  # type: ignore[no-untyped-def]
    tool = REPO / "tools" / "compile_schematron.py"
    if not tool.is_file():
        pytest.skip("tools/compile_schematron.py is not in this tree (an sdist without tools/)")
    spec = importlib.util.spec_from_file_location("compile_schematron", tool)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("phase", ["project", "generic"])
def test_shipped_schematron_compilation_is_up_to_date(phase: str) -> None:
    compiler = _compiler()
    target = compiler.PHASES[phase]
    assert target.read_bytes() == compiler.compile_phase(phase), (
        f"{target.name} is out of date: run tools/compile_schematron.py"
    )


def test_compiled_attribute_locations_include_the_element_path() -> None:
    """The skeleton's XSLT 1.0 path of an attribute lacks its element; the compiler fixes it."""
    report = validate(FIXTURES / "broken" / "SRG-REF-01--dangling-pointer.xml")
    (finding,) = report.findings
    assert finding.xpath is not None and finding.xpath.endswith("/persName[2]/@ref")
    assert finding.line == 52


# ----------------------------------------------------------------------- the ODD


@pytest.fixture(scope="module")
def odd() -> etree._ElementTree:
    return parse_xml(schema_path("tei_serge.odd"))


def test_odd_is_valid_tei(odd: etree._ElementTree, tei_all: etree.RelaxNG) -> None:
    assert tei_all.validate(odd), tei_all.error_log


def test_odd_lists_exactly_the_elements_of_the_schema(odd: etree._ElementTree) -> None:
    refs = set(odd.xpath("//tei:schemaSpec/tei:elementRef/@key", namespaces={"tei": TEI_NS}))
    ours = _Vocabulary(parse_xml(schema_path("tei_serge.rng")))
    assert refs == set(ours.children)


def test_odd_closed_lists_agree_with_the_schema(odd: etree._ElementTree) -> None:
    ns = {"tei": TEI_NS}
    ours = _Vocabulary(parse_xml(schema_path("tei_serge.rng")))
    specs = odd.xpath("//tei:elementSpec", namespaces=ns)
    assert len(specs) >= 5
    for spec in specs:
        for att in spec.xpath(".//tei:attDef", namespaces=ns):
            documented = set(att.xpath("tei:valList[@type='closed']/tei:valItem/@ident", namespaces=ns))
            assert documented == ours.values[(spec.get("ident"), att.get("ident"))], (
                spec.get("ident"), att.get("ident")
            )


def test_rules_catalogue_is_up_to_date_and_complete() -> None:
    from tei_serge import validate as validate_module

    compiler = _compiler()
    assert compiler.RULES_DOC.read_bytes() == compiler.rules_doc(), (
        "docs/validation-rules.md is out of date: run tools/compile_schematron.py"
    )
    documented = {row[0] for row in compiler.OTHER_RULES}
    produced = {
        validate_module.RULE_NOT_WELL_FORMED,
        validate_module.RULE_REFUSED,
        validate_module.RULE_UNREADABLE,
        *validate_module.RULE_RNG.values(),
    }
    assert documented == produced


def test_every_register_entry_fits_the_project_schema(tei_all: etree.RelaxNG) -> None:
    """The names pass copies register entries into standOff: all of them must be valid there,
    not only those the test sources happen to use."""
    import copy

    from tei_serge.resources import data_path

    register = parse_xml(data_path("register.xml"))
    ns = {"tei": TEI_NS}
    tree = parse_xml(FIXTURES / "valid" / "sample.xml")
    standoff = tree.getroot().find("tei:standOff", ns)
    assert standoff is not None
    for child in list(standoff):
        standoff.remove(child)
    for listing in register.getroot().iterfind("tei:standOff/*", ns):
        standoff.append(copy.deepcopy(listing))
    assert len(standoff.xpath(".//*[@xml:id]")) > 100
    tree = parse_xml(etree.tostring(tree))  # a fresh document: libxml2 keeps removed ids
    validator = rng_validator(schema_path("tei_serge.rng"))
    assert validator.validate(tree), validator.error_log
    assert tei_all.validate(tree), tei_all.error_log
