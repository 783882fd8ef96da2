"""What every enrichment pass is handed: the register, the options and a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .report import Report

if TYPE_CHECKING:
    from .register import Register


@dataclass(frozen=True)
class ConvertOptions:
    """Options of a conversion. ``register_paths`` are editors' registers merged over the
    built-in one; ``skip`` names passes to switch off (``--skip speech``);
    ``report_candidates`` has the names pass list unknown names as findings (an editor's view,
    off by default: it costs as much as the tagging itself)."""

    register_paths: tuple[Path, ...] = ()
    skip: frozenset[str] = frozenset()
    source_name: str = "<input>"
    report_candidates: bool = False


@dataclass
class Context:
    options: ConvertOptions = field(default_factory=ConvertOptions)
    report: Report = field(default_factory=Report)
    register: Register | None = None
