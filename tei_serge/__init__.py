"""tei-serge: a transcribed historical text → a TEI P5 edition, checked and published.

The public facade. Everything here is imported lazily, so ``import tei_serge`` (and the CLI's
``--help``) compiles no schema or stylesheet and loads no register.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import TeiSergeError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .export import export_html, export_text
    from .pipeline import build, convert
    from .validate import validate

_LAZY = {
    "convert": "pipeline",
    "build": "pipeline",
    "validate": "validate",
    "export_html": "export",
    "export_text": "export",
}

__all__ = ["TeiSergeError", "__version__", "build", "convert", "export_html", "export_text", "validate"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tei_serge' has no attribute {name!r}")
