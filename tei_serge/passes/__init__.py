"""The enrichment passes: one ordered list, one loop.

Each pass is a module of this package with ``apply(tree, ctx) -> None`` that mutates the TEI tree
in place. Order matters and is stated once, here:

- ``notes`` first: it moves the endnotes to their anchors, so every later pass sees a note
  where it stands in the text (a name or a quotation may contain one);
- ``dates`` before ``names``: a date inside a sentence is tagged before the names matcher runs,
  so "May" or a year is never taken for a name;
- ``names`` before ``speech``: ``said/@who`` is found from the ``persName/@ref`` around it;
- ``foreign`` last: a foreign phrase may sit inside a quotation, never around one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from lxml import etree

from ..context import Context
from ..errors import InternalError

Pass = Callable[[etree._ElementTree, Context], None]

PASS_NAMES: tuple[str, ...] = ("notes", "dates", "names", "speech", "foreign")


def get_pass(name: str) -> Pass:
    """The ``apply`` function of a pass, imported on first use (start-up stays cheap)."""
    if name not in PASS_NAMES:
        raise InternalError(f"unknown pass {name!r}")
    module = import_module(f"{__name__}.{name}")
    apply: Pass = module.apply
    return apply


def run_passes(tree: etree._ElementTree, ctx: Context, skip: Iterable[str] = ()) -> None:
    """Run every pass in order, except those named in ``skip``."""
    skipped = set(skip) | set(ctx.options.skip)
    for name in PASS_NAMES:
        if name not in skipped:
            get_pass(name)(tree, ctx)
