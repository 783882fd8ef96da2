"""Property tests: whatever the converter produces from a generated layout (whole or truncated)
is valid against the project schema and has no Schematron error, so `build` never refuses its
own output. The layouts are the reader's fuzzing strategy (tests/test_properties.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_properties import FUZZ, document

from tei_serge.errors import SourceError
from tei_serge.pipeline import convert
from tei_serge.validate import validate


def _errors(text: str, *, truncated: bool = False) -> list[str]:
    try:
        tree = convert(text.encode("utf-8"))
    except SourceError:
        if not truncated:
            raise  # a whole generated layout must convert: refusing it would pass vacuously
        return []
    return [f"{f.rule_id} line {f.line}: {f.message}" for f in validate(tree, name="generated").errors]


@FUZZ
@given(document())
def test_generated_layouts_have_no_validation_error(text: str) -> None:
    assert _errors(text) == []


@FUZZ
@given(document(), st.data())
def test_truncated_layouts_have_no_validation_error(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(text)))
    assert _errors(text[:cut], truncated=True) == []
