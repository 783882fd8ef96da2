"""Shared test fixtures: where things are, and expensive objects built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

# Property tests are fuzzing with a fixed seed: CI runs the same examples every time, and no
# example database carries failures from one run to the next.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.load_profile("deterministic")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FURTHER_DIR = SHARED / "source" / "further"
FOREIGN_TEI_DIR = SHARED / "foreign-tei"
TEI_ALL_RNG = SHARED / "schemas" / "tei_all.rng"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VARIANTS = sorted((FIXTURES / "variants").glob("*.txt"))
FURTHER = sorted(FURTHER_DIR.glob("*.txt")) if FURTHER_DIR.is_dir() else []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False, help="Rewrite golden files on purpose."
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official tei_all schema, compiled once per test session (libxml2 takes ~10 s)."""
    if not TEI_ALL_RNG.is_file():
        pytest.skip(f"{TEI_ALL_RNG} is not available")
    from tei_serge.validate import rng_validator

    return rng_validator(TEI_ALL_RNG)  # the validator's own cache: one compile for all tests


@pytest.fixture(scope="session")
def serge_conversion():  # type: ignore[no-untyped-def]
    """The embedded installment converted once (the full pipeline, all passes)."""
    from tei_serge.pipeline import convert_source

    return convert_source()


@pytest.fixture(scope="session")
def serge_tree(serge_conversion) -> etree._ElementTree:  # type: ignore[no-untyped-def]
    return serge_conversion.tree


@pytest.fixture
def unsearchable(monkeypatch: pytest.MonkeyPatch) -> str:
    """Files named ``locked*`` cannot be looked at (``stat`` fails with EACCES, as for a file in
    a folder without search permission), though they open: the tests may run as root, for whom
    permissions never fail. Returns the prefix."""
    import errno

    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True):  # type: ignore[no-untyped-def]
        if self.name.startswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    return "locked"
