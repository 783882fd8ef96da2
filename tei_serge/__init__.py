"""tei-serge: a transcribed historical text → a TEI P5 edition, checked and published."""

from __future__ import annotations

__version__ = "0.1.0"
