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


class DocumentError(SchemaError):
    """An XML document cannot be read: unreadable, not well-formed, or refused as hostile.

    Carries where (``file``, ``line``, ``column``) and why (``reason``: ``"unreadable"``,
    ``"not-well-formed"`` or ``"refused"``), so a validator can report it as a finding.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str,
        reason: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.reason = reason
        self.line = line
        self.column = column


class ExportError(TeiSergeError):
    """A stylesheet failed or an output cannot be written."""


class InternalError(TeiSergeError):
    """A state the code should never reach: please report this bug."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} (internal error: please report this bug)")


class OutputError(TeiSergeError):
    """An output file or folder cannot be written."""
