"""Turning a speaker hint ("He", "S.", "the other party") into a person's id.

What an entry (a ``div``) knows while the speech pass reads it paragraph by paragraph:

- the *interlocutor*: the person an entry's heading names first, alone, at its start ("André
  Gide", "Rossi", "Brandler (Dzerzhinsky, …)"), or else the person a paragraph's first
  sentence meets ("Made an appointment with Walter …", "Two walks with A.G.");
- the persons named so far outside quotations and parentheses, newest last;
- the last speaker, and the last speaker who was not the diarist.

The resolution order for each hint is written in :meth:`EntrySpeakers.resolve`. A person's sex
is taken from the document's ``standOff`` where the register gives one (``person/@sex``,
``sex/@value`` or ``gender/@value``), or else inferred cautiously from the narrative's pronouns
(:func:`infer_sexes`); it keeps "he" from resolving to a woman and makes "she" prefer one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from ..xmlio import NSMAP, XML_NS
from .cues import SENTENCE_END, SPEECH_VERB, Hint, Mention
from .tree import Level, flatten

DIARIST = "#serge"
MEETING = re.compile(r"\b(?:with|[Ss]aw|met|visited|see|joined)\s+$")
FEMALE = {"f", "female", "2", "woman"}
MALE = {"m", "male", "1", "man"}


@dataclass
class Directory:
    """Names and sexes of the persons in the document (from ``standOff`` and the text)."""

    words: dict[str, set[str]] = field(default_factory=dict)  # "#id" → name words
    initials: dict[str, list[str]] = field(default_factory=dict)  # "#id" → ["W.K.", ...]
    sex: dict[str, str] = field(default_factory=dict)  # "#id" → "F" | "M"
    surnames: dict[str, str] = field(default_factory=dict)  # "#id" → surname

    @classmethod
    def of(cls, tree: etree._ElementTree, levels: dict[etree._Element, Level] | None = None) -> Directory:
        """``levels``, when given, receives each paragraph's flattened content (read for the
        pronouns), so that the speech pass need not flatten it again."""
        directory = cls()
        for person in tree.iterfind(".//tei:standOff//tei:person", NSMAP):
            ident = person.get(f"{{{XML_NS}}}id")
            if not ident:
                continue
            ref = f"#{ident}"
            for name in person.iterfind("tei:persName", NSMAP):
                directory.add_name(ref, "".join(name.itertext()))
                surname = name.findtext("tei:surname", None, NSMAP)
                if surname:
                    directory.surnames.setdefault(ref, surname.strip())
            value = person.get("sex") or ""
            for child in person.iterfind("tei:sex", NSMAP):
                value = child.get("value", value)
            for child in person.iterfind("tei:gender", NSMAP):
                value = child.get("value", value)
            if value.lower() in FEMALE:
                directory.sex[ref] = "F"
            elif value.lower() in MALE:
                directory.sex[ref] = "M"
        seen: set[tuple[str, str]] = set()  # a name is mentioned many times: read it once
        for name in tree.iterfind(".//tei:text//tei:persName[@ref]", NSMAP):
            mention = (name.get("ref", "").split()[0], "".join(name.itertext()))
            if mention not in seen:
                seen.add(mention)
                directory.add_name(*mention)
        for ref, sex in infer_sexes(tree.iterfind(".//tei:text//tei:p", NSMAP), levels).items():
            directory.sex.setdefault(ref, sex)
        return directory

    def add_name(self, ref: str, text: str) -> None:
        text = " ".join(text.split())
        if re.fullmatch(r"(?:[A-Z]\.\s?){1,3}|[A-Z]{2,3}", text):
            self.initials.setdefault(ref, []).append(text.replace(" ", ""))
        self.words.setdefault(ref, set()).update(re.findall(r"[A-Z][\w’'-]+", text))

    def matches(self, ref: str, abbr: str) -> bool:
        """Whether an abbreviation ("S.", "W.K.", "Dzer.") can stand for ``ref``."""
        compact = abbr.replace(" ", "")
        if compact in self.initials.get(ref, []):
            return True
        words = sorted(self.words.get(ref, set()))
        letters = re.findall(r"[A-Z][a-z]*", compact)
        if len(letters) == 1:
            stem = letters[0]
            surname = self.surnames.get(ref)
            if surname is not None and len(stem) == 1:
                return surname.startswith(stem)  # "A." is Agabekov, not Alexander Kutepov
            return any(word.startswith(stem) and word != stem for word in words)
        return all(any(word.startswith(letter) for word in words) for letter in letters)


NOMINATIVE = re.compile(r"\b(?P<p>[Ss]he|[Hh]e)\b")
APPOSITIVE = re.compile(r",\s+(?P<p>her|his)\b")  # matched right after a name
QUOTATION = re.compile(r"[“«\"][^”»\"]*[”»\"]?")


def infer_sexes(
    paragraphs: Iterable[etree._Element], levels: dict[etree._Element, Level] | None = None
) -> dict[str, str]:
    """A person's sex as the narrative's pronouns show it, where the register gives none.

    Two cautious cues, counted over the document: a name followed by ", her …"/", his …"
    ("Elsa, her lips constantly trembling"), and a sentence that names one person (the diarist
    aside) before a "she"/"he" of its own, outside quotations ("Magdaleine Paz … but she
    believes"). The majority decides; a tie decides nothing.
    """
    votes: dict[str, int] = {}
    for paragraph in paragraphs:
        level = flatten(paragraph)
        if levels is not None:
            levels[paragraph] = level
        text = level.text
        for mention in level.mentions:
            appositive = APPOSITIVE.match(text, mention.end)
            if mention.ref and appositive:
                votes[mention.ref] = votes.get(mention.ref, 0) + _vote(appositive.group("p"))
        bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
        for start, end in itertools.pairwise(bounds):
            named = [m for m in level.mentions
                     if start <= m.start < end and m.ref and m.ref != DIARIST]
            if len({m.ref for m in named}) != 1 or not named[0].ref:
                continue
            rest = QUOTATION.sub(" ", text[named[0].end : end])
            pronouns = {_vote(m.group("p")) for m in NOMINATIVE.finditer(rest)}
            if len(pronouns) == 1:
                votes[named[0].ref] = votes.get(named[0].ref, 0) + pronouns.pop()
    return {ref: "F" if n > 0 else "M" for ref, n in votes.items() if n}


def _vote(pronoun: str) -> int:
    return 1 if pronoun.lower() in {"she", "her"} else -1


@dataclass
class EntrySpeakers:
    """The speaker state of one entry (see the module's docstring)."""

    directory: Directory
    interlocutor: str | None = None
    named: list[str] = field(default_factory=list)
    last: str | None = None
    last_other: str | None = None
    last_any: str | None = None  # the last speech's speaker, None if nobody named

    def see_heading(self, text: str, mentions: list[Mention]) -> None:
        outside = [m for m in mentions if m.ref and not _in_parens(text, m.start)]
        if len(outside) == 1 and not text[: outside[0].start].strip() and outside[0].ref:
            self.interlocutor = outside[0].ref

    def see_opening(self, text: str, mentions: list[Mention]) -> None:
        """A paragraph's first sentence: "Made an appointment with Walter …"."""
        limit = len(text)
        for end in re.finditer(r"[.!?](?=\s|$)", text):
            if not re.search(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z]\.[A-Z]?)$", text[: end.start()]):
                limit = end.end()  # not after an abbreviation such as "Boul." or "W."
                break
        for mention in mentions:
            if mention.start < limit and mention.ref and MEETING.search(text[: mention.start]):
                self.interlocutor = mention.ref
                return

    def see_named(self, refs: list[str]) -> None:
        self.named.extend(ref for ref in refs if ref != DIARIST)

    def spoke(self, who: str | None) -> None:
        self.last_any = who
        if who is None:
            return
        self.last = who
        if who != DIARIST:
            self.last_other = who

    def resolve(self, hint: Hint | None, ctx: SpeechContext) -> str | None:
        """A person's id for ``hint`` (None when the text names nobody the register knows)."""
        if hint is None or hint.how == "nobody":
            return None
        if hint.how == "ref":
            return hint.value
        if hint.how == "I":
            return ctx.enclosing or DIARIST
        if hint.how in {"he", "she"}:
            return self._pronoun(hint.how, ctx)
        if hint.how == "abbr":
            return self._abbreviation(hint.value, ctx)
        if hint.how == "other":
            return self._other(ctx)
        if hint.how == "reply":  # "Reply:": the diarist's interlocutor, if he spoke last
            return self._default(ctx, skip_diarist=True) if self.last_any == DIARIST else None
        return self._default(ctx)

    def _pronoun(self, pronoun: str, ctx: SpeechContext) -> str | None:
        """"he" may be anyone not known to be a woman; "she" first looks for a known woman."""
        sex = self.directory.sex
        avoid = "F" if pronoun == "he" else "M"
        if ctx.addressee and sex.get(ctx.addressee) != avoid:
            return ctx.addressee
        if ctx.enclosing is None and self.interlocutor:
            known = sex.get(self.interlocutor)
            if (known == "F") if pronoun == "she" else (known != "F"):
                return self.interlocutor
        recent = [ref for ref in reversed(self.named + ctx.nearby) if ref != ctx.enclosing]
        if pronoun == "she":
            recent = [ref for ref in recent if sex.get(ref) == "F"] + recent
        for ref in recent:
            if sex.get(ref) != avoid:
                return ref
        return self.last_other

    def _abbreviation(self, abbr: str, ctx: SpeechContext) -> str | None:
        for ref in reversed(self.named + ctx.nearby):
            if self.directory.matches(ref, abbr):
                return ref
        for ref in self.directory.words:
            if self.directory.matches(ref, abbr):
                return ref
        return None

    def _other(self, ctx: SpeechContext) -> str | None:
        previous = ctx.previous or self.last
        if previous == DIARIST:
            return self._default(ctx, skip_diarist=True)
        return DIARIST if previous else self._default(ctx)

    def _default(self, ctx: SpeechContext, *, skip_diarist: bool = False) -> str | None:
        if ctx.enclosing is not None:
            return ctx.nearby[-1] if ctx.nearby else ctx.enclosing
        for candidate in (ctx.reporter, self.last_other, self.interlocutor):
            if candidate and not (skip_diarist and candidate == DIARIST):
                return candidate
        return self.named[-1] if self.named else None


@dataclass
class SpeechContext:
    """What is known around one quotation when its hint is resolved."""

    enclosing: str | None = None  # the speaker of the quotation around it
    nearby: list[str] = field(default_factory=list)  # persons named before it in its scope
    reporter: str | None = None  # last non-diarist subject of a reporting verb nearby
    addressee: str | None = None  # "I asked X …" before it in the paragraph
    previous: str | None = None  # speaker of the quotation right before (an exchange)


REPORTING = re.compile(rf"\s*(?:,[^,.;:]{{0,40}},\s*)?(?:[\w’-]+\s+){{0,4}}?{SPEECH_VERB}\b")
PRONOUN_REPORTING = re.compile(rf"\b(?P<p>[Hh]e|[Ss]he)\s+(?:\w+\s+){{0,2}}?{SPEECH_VERB}\b")
ASKED = re.compile(r"\bI\s+(?:\w+\s+)?(?:asked|told|said to|questioned|wrote to)\s+$")


def reporters(text: str, mentions: list[Mention], state: EntrySpeakers) -> list[tuple[int, str]]:
    """Subjects of reporting verbs in ``text`` ("Magdaleine Paz told me", "He spoke of"),
    as (offset, id), the diarist left out."""
    found: list[tuple[int, str]] = []
    for mention in mentions:
        if mention.ref and mention.ref != DIARIST and REPORTING.match(text, mention.end):
            found.append((mention.start, mention.ref))
    for match in PRONOUN_REPORTING.finditer(text):
        hint = Hint("he" if match.group("p").lower() == "he" else "she")
        who = state.resolve(hint, SpeechContext())
        if who and who != DIARIST:
            found.append((match.start(), who))
    return sorted(found)


def addressee(text: str, mentions: list[Mention]) -> str | None:
    """The person of the last "I asked X" / "I told X" in ``text``."""
    last = None
    for mention in mentions:
        if mention.ref and ASKED.search(text[: mention.start]):
            last = mention.ref
    return last


def _in_parens(text: str, offset: int) -> bool:
    return text[:offset].count("(") > text[:offset].count(")")


def outside_refs(text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[str]:
    """Persons named outside parentheses and quotations, in order."""
    return [
        m.ref
        for m in mentions
        if m.ref
        and not _in_parens(text, m.start)
        and not any(a <= m.start < b for a, b in quoted)
    ]
