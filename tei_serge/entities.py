"""The editor's view of names: which register entries a text mentions, how often and in which
forms, and which capitalised sequences look like names but match no entry (candidates), so that
a new installment's unknown people are reported, never silently dropped.

:func:`entities` takes a source text (converted on the way) or a TEI file (tagged on the way if
it is not yet), and returns an :class:`EntitiesReport`; the CLI's ``entities`` command renders it
as tables or as JSON (:meth:`EntitiesReport.to_json`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from .candidates import Candidate
from .context import Context, ConvertOptions
from .passes import names
from .register import Register, load_register
from .xmlio import NSMAP, element_text, parse_tei

NAME_ELEMENTS = ("persName", "placeName", "orgName", "title")


@dataclass(frozen=True)
class EntityCount:
    id: str
    kind: str
    name: str
    identification: str
    mentions: int
    forms: dict[str, int]


@dataclass
class EntitiesReport:
    source: str
    entities: list[EntityCount] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # @ref values that match no entry

    @property
    def mentions(self) -> int:
        return sum(e.mentions for e in self.entities)

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "mentions": self.mentions,
            "entities": [asdict(e) for e in self.entities],
            "candidates": [asdict(c) for c in self.candidates],
            "unresolved": self.unresolved,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def entities(
    source: Path | str | bytes | None = None, register_paths: tuple[Path, ...] = ()
) -> EntitiesReport:
    """The editor's view of ``source``: a source text (bytes, a ``.txt`` path; None = the
    embedded installment) or a TEI document (a ``.xml`` path)."""
    register = load_register(register_paths)
    options = ConvertOptions(register_paths=tuple(register_paths))
    if isinstance(source, (str, Path)) and Path(source).suffix.lower() == ".xml":
        tree = parse_tei(Path(source))
        label = str(source)
        names.apply(tree, Context(options=options, register=register))  # tags an untagged file; idempotent
    else:
        from .pipeline import convert_source

        tree = convert_source(source, options).tree
        label = str(source) if isinstance(source, (str, Path)) else "<embedded source>"
        if source is None:
            from .resources import embedded_source_path

            label = embedded_source_path().name
    return count_entities(tree, register, label)


def count_entities(tree: etree._ElementTree, register: Register, label: str = "<tree>") -> EntitiesReport:
    """Mention counts per register entry and the unknown-name candidates of a tagged tree."""
    root = tree.getroot()
    text = root.find("tei:text", NSMAP)
    forms: dict[str, Counter[str]] = {}
    unresolved: set[str] = set()
    if text is not None:
        for element in text.iter(*(f"{{{NSMAP['tei']}}}{n}" for n in NAME_ELEMENTS)):
            for target in (element.get("ref") or "").split():
                entry_id = target.removeprefix("#")
                if entry_id in register.entries:
                    forms.setdefault(entry_id, Counter())[element_text(element)] += 1
                else:
                    unresolved.add(target)
    counts = [
        EntityCount(
            entry.id,
            entry.kind,
            entry.name,
            entry.identification,
            sum(forms[entry.id].values()),
            dict(sorted(forms[entry.id].items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        for entry in register.entries.values()
        if entry.id in forms
    ]
    counts.sort(key=lambda e: (-e.mentions, e.kind, e.id))
    return EntitiesReport(label, counts, names.candidates(root, register), sorted(unresolved))
