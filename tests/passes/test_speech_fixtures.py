"""Tiny cases of the speech pass, one phenomenon each, from ``tests/fixtures/speech.txt``:
blocks of "title / . / input / . / expected / ." (the content of an entry ``div``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei_serge.context import Context
from tei_serge.passes import speech

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "speech.txt"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def read_fixture_file(path: Path) -> list[tuple[str, str, str]]:
    cases = []
    for block in re.split(r"\n\s*\n(?=[^\n.])", path.read_text(encoding="utf-8").strip()):
        title, source, expected, *_ = block.split("\n.\n")
        cases.append((title.strip(), source.strip(), expected.strip().rstrip(".").strip()))
    return cases


def document(div_content: str) -> etree._ElementTree:
    refs = sorted(set(re.findall(r'ref="#([\w-]+)"', div_content)) | {"serge"})
    persons = "".join(f'<person xml:id="{ref}"/>' for ref in refs)
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><div>{div_content}</div></body></text>'
        f"<standOff><listPerson>{persons}</listPerson></standOff></TEI>"
    ))


def div_content(tree: etree._ElementTree) -> str:
    div = tree.find(f".//{{{TEI_NS}}}div")
    assert div is not None
    inner = "".join(etree.tostring(child, encoding="unicode") for child in div)
    return re.sub(r' xmlns="[^"]+"', "", inner).replace("><", ">\n<").strip()


CASES = read_fixture_file(FIXTURE)


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_speech_fixture(source: str, expected: str) -> None:
    tree = document(source)
    speech.apply(tree, Context())
    assert div_content(tree) == div_content(document(expected))
