"""Test helpers for the speech and foreign passes: enriched trees, the hand annotation, scores."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from lxml import etree

from tei_serge.context import Context, ConvertOptions
from tei_serge.pipeline import convert_source

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI_NS}
ANNOTATION = Path(__file__).resolve().parents[1] / "annotation" / "serge-diary-1949-09.speech.tsv"
QUOTING = ("said", "quote", "q", "soCalled", "title")
MARKS = "“”‘’\"'«» "


def enriched(source: Path | bytes | None = None) -> tuple[etree._ElementTree, Context]:
    """A converted source with the names, speech and foreign passes applied, whether or not
    the pipeline runs them yet (the passes are idempotent)."""
    from tei_serge.passes import PASS_NAMES

    conversion = convert_source(source)
    ctx = Context(options=ConvertOptions())
    ctx.report.extend(conversion.report)
    for name in ("names", "speech", "foreign"):
        if name not in PASS_NAMES:
            import_module(f"tei_serge.passes.{name}").apply(conversion.tree, ctx)
    return conversion.tree, ctx


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def inner_text(element: etree._Element) -> str:
    """The words of an element without its notes, marks stripped, spaces collapsed."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if local(child) != "note":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).strip(MARKS).split())


@dataclass(frozen=True)
class Stretch:
    kind: str
    who: str  # "#id", "?" for speech by a speaker in no register, "" for none
    text: str


def stretches(tree: etree._ElementTree) -> list[Stretch]:
    """Every quoted stretch of the text, in document order (titles only with their marks)."""
    found = []
    for element in tree.iterfind(".//tei:text//*", NS):
        kind = local(element)
        if kind not in QUOTING:
            continue
        raw = "".join(element.itertext()).lstrip()
        if kind == "title" and not raw.startswith(("“", "‘", '"')):
            continue
        who = element.get("who") or element.get("source") or ""
        if kind == "said" and who == "#unidentified":
            who = "?"
        found.append(Stretch(kind, who, inner_text(element)))
    return found


@dataclass(frozen=True)
class Row:
    line: int
    first_words: str
    kind: str
    who: str


def annotation(path: Path = ANNOTATION) -> list[Row]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [Row(int(r["line"]), r["first_words"], r["kind"], r["who"]) for r in rows]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[“”‘’\"']", "'", text).split())


@dataclass
class Score:
    gold_speech: int
    found_speech: int
    matched_speech: int
    right_speaker: int
    gold_other: int
    right_other_kind: int
    unmatched: list[str]
    wrong: list[str]

    @property
    def recall(self) -> float:
        return self.matched_speech / self.gold_speech

    @property
    def precision(self) -> float:
        return self.matched_speech / self.found_speech

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.matched_speech

    @property
    def other_kind_accuracy(self) -> float:
        return self.right_other_kind / self.gold_other


def score(found: list[Stretch], gold: list[Row]) -> Score:
    """Match each annotated row to the first unused stretch that starts with its words."""
    used: set[int] = set()
    matched = right = other = right_other = 0
    unmatched: list[str] = []
    wrong: list[str] = []
    for row in gold:
        index = next((i for i, s in enumerate(found)
                      if i not in used and _norm(s.text).startswith(_norm(row.first_words))), None)
        if row.kind != "said":
            other += 1
        if index is None:
            unmatched.append(f"{row.line}: {row.first_words}")
            continue
        used.add(index)
        stretch = found[index]
        if row.kind == "said" and stretch.kind == "said":
            matched += 1
            expected = "?" if row.who == "?" else f"#{row.who}"
            if stretch.who == expected:
                right += 1
            else:
                wrong.append(f"{row.line}: {row.first_words} → {stretch.who} (not {expected})")
        elif row.kind == "said":
            wrong.append(f"{row.line}: {row.first_words} is {stretch.kind}, not said")
        elif stretch.kind == row.kind:
            right_other += 1
        else:
            wrong.append(f"{row.line}: {row.first_words} is {stretch.kind}, not {row.kind}")
    return Score(
        gold_speech=sum(row.kind == "said" for row in gold),
        found_speech=sum(s.kind == "said" for s in found),
        matched_speech=matched,
        right_speaker=right,
        gold_other=other,
        right_other_kind=right_other,
        unmatched=unmatched,
        wrong=wrong,
    )
