"""Candidates: capitalised sequences that look like names but match no register entry."""

from __future__ import annotations

import pytest

from tei_serge.candidates import find_candidates, lowercase_vocabulary
from tei_serge.register import load_register


@pytest.fixture(scope="module")
def register():  # type: ignore[no-untyped-def]
    return load_register()


def candidates_of(text: str, register, masked: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    found = find_candidates([(masked or text, text, "/p")], register, lowercase_vocabulary([text]))
    return [c.text for c in found]


def test_candidates_are_capitalised_runs_that_match_no_entry(register) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Yesterday Xavier Dombrowski came with Nikolai Vasilchenko and the Russian Trotskyists. "
        "They spoke of Gide. Vasilchenko was tired."
    )
    masked = text.replace("Gide", "\x00" * 4)
    found = find_candidates([(masked, text, "/p")], register, lowercase_vocabulary([text]))
    assert [c.text for c in found] == ["Xavier Dombrowski", "Nikolai Vasilchenko", "Vasilchenko"]
    assert "came with Nikolai Vasilchenko" in found[1].context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feeling of hopelessness. Battle for the city.", []),  # sentence openers
        ("The Russian Revolution and the Mensheviks.", []),  # adjectives, groups
        ("I met Dr. Thumin and Mme Gruber at Aix.", ["Thumin", "Gruber", "Aix"]),  # titles trimmed
        ("The demand of T.R.Q. was made.", ["T.R.Q."]),  # a run of initials, whole
        ("The demand of F.P.B. was made.", []),  # a run the register knows
        ("I’ll see. Hadn’t I said so?", []),  # contractions
        ("Vol. XV No. 7, September 1949.", []),  # numbers, months, abbreviations
        ("Dombrowski came. Later Dombrowski left.", ["Dombrowski", "Dombrowski"]),
        ("Dombrowski came.", []),  # one word opening a sentence, never seen inside one
    ],
)  # fmt: skip
def test_what_is_and_is_not_a_candidate(register, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert candidates_of(text, register) == expected
