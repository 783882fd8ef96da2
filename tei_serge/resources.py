"""The one place that knows where packaged files live.

Stylesheets, schemas, the register and the embedded source are files shipped in the package
(``tei_serge/xslt``, ``tei_serge/schemas``, ``tei_serge/data``). The wheel maps the top-level
``schemas/`` into ``tei_serge/schemas``; in a checkout or an editable install we fall back to the
top-level folder.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .errors import InternalError

EMBEDDED_SOURCE_NAME = "serge-diary-1949-09.txt"


def _package_root() -> Path:
    # The package is always installed as plain files (wheel or checkout), never zipped, so a
    # real path is available and xsl:import / xsl:include resolve as they do under xsltproc.
    root = resources.files("tei_serge")
    return Path(str(root))


@cache
def schemas_dir() -> Path:
    packaged = _package_root() / "schemas"
    if packaged.is_dir():
        return packaged
    checkout = _package_root().parent / "schemas"
    if checkout.is_dir():
        return checkout
    raise InternalError("the schemas folder is missing from the installation")


def schema_path(name: str) -> Path:
    """A file in ``schemas/`` (``tei_serge.rng``, ``tei_serge.sch``, ...)."""
    return _existing(schemas_dir() / name)


def xslt_path(name: str) -> Path:
    """A stylesheet in ``tei_serge/xslt/``."""
    return _existing(_package_root() / "xslt" / name)


def data_path(name: str) -> Path:
    """A data file in ``tei_serge/data/`` (the register, lexicons, the embedded source)."""
    return _existing(_package_root() / "data" / name)


def embedded_source_path() -> Path:
    return data_path(EMBEDDED_SOURCE_NAME)


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise InternalError(f"packaged file {path} is missing")
    return path
