"""The one exception tree of tei-serge.

Library code raises these; the CLI maps every ``TeiSergeError`` to one line on stderr and
exit code 2 (bad input or usage). Messages name the file, the line and, where possible, the fix.
"""

from __future__ import annotations


class TeiSergeError(Exception):
    """Base of every error tei-serge raises on purpose."""


class SourceError(TeiSergeError):
    """The input text (or file) cannot be read or converted."""


class RegisterError(TeiSergeError):
    """The register of people, places, organisations and works is unreadable or inconsistent."""


class SchemaError(TeiSergeError):
    """A schema or an XML document cannot be loaded (not well-formed, hostile, missing)."""


class ExportError(TeiSergeError):
    """A stylesheet failed or an output cannot be written."""


class InternalError(TeiSergeError):
    """A state the code should never reach: please report this bug."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} (internal error: please report this bug)")


class OutputError(TeiSergeError):
    """An output file or folder cannot be written."""
