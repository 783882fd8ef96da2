"""The speech pass: ``said``/``@who``, ``quote``, ``soCalled``, ``q`` (and ``title``) around
every pair of quotation marks in the running text.

**Quotation marks stay in the text**, inside the element they delimit: ``<said who="#gide">“You
see, I have come to visit you.”</said>``. Nothing is moved to ``@rend``, so the text of the edition
is the source's, character for character, and an export that prints element content prints the
marks once.

What each element means here:

- ``said who="#id"``: direct speech (spoken or thought), ``@who`` the speaker's register entry.
  The diarist's own words ("I: “…”", "I said: “…”") are ``who="#serge"``.
- ``said who="#unidentified"``: direct speech whose speaker the text does not name or the
  register does not know (“a friendly secretary”, “the warden”, “a Russian newspaperman”): still
  speech, pointing at the register's entry for an unidentified speaker, which is then copied into
  the document's ``standOff`` so that every ``@who`` resolves (Schematron SRG-SPEECH-01). An INFO
  finding ``SPEECH-NO-SPEAKER`` lists these for the editor.
- ``quote``: a cited text (an epigram, a line of a book, a letter), ``@source="#id"`` where the
  frame names its author (“the epigram of Goethe:”, “Fedin writes:”).
- ``soCalled``: scare quotes and mentioned words (“the “red terror””, “known as “Orlov””).
- ``title``: a quoted title (“the “Ludwig warning.” (… under that title)”).
- ``q``: quoted matter of no decidable kind.

**Speech over several paragraphs** (an opening mark on each paragraph, the closing mark only on
the last) is one ``said`` per paragraph, each with ``xml:id="said-N"``, chained with ``@next`` and
``@prev``; every part has the same ``@who`` (a quotation over several paragraphs is chained the
same way). An interrupted speech (“You’ll see,” Herbart said to me, “that he won’t come back.”)
is two ``said`` chained the same way, so that it counts as one speech.

**Unbalanced marks** never stop the conversion: a closing mark without an opener, or an opener
without a closer (other than the paragraph-spanning speech above), is left as it is and reported
as a WARNING finding ``SPEECH-UNBALANCED`` with the source line where the tree knows it
(``sourceline`` of the paragraph). An opening mark at the very start of a paragraph that is never
closed is still wrapped, to the end of the paragraph, and reported.

Runs after the names pass (it reads ``persName/@ref``); idempotent (marks already inside one of
these elements are not looked at again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..context import Context
from ..register import load_register
from ..report import Finding, Severity
from ..speech.cues import Cue, Hint, Mention, Quoted, read_cue
from ..speech.marks import MARKS, OPENING, pair_marks
from ..speech.speakers import (
    DIARIST,
    Directory,
    EntrySpeakers,
    SpeechContext,
    addressee,
    outside_refs,
    reporters,
)
from ..speech.tree import Level, flatten, local, wrap
from ..xmlio import NSMAP, XML_NS, tei
from .names import add_entry

UNIDENTIFIED = "unidentified"  # the register's entry for a speaker nobody names

XML_ID = f"{{{XML_NS}}}id"
DONE = frozenset({"title", "said", "quote", "q", "soCalled", "mentioned", "foreign"})
DONE_TAGS = frozenset(tei(name) for name in DONE)
NOTE = tei("note")
STARTERS = frozenset(OPENING) | {'"'}
ALL_MARKS = "".join(sorted(MARKS))


@dataclass
class Span:
    start: int
    end: int
    open_tail: bool = False
    parent: Span | None = None
    cue: Cue | None = None
    who: str | None = None
    continuation: bool = False
    depth: int = 0
    resumes: Span | None = None  # the first half of an interrupted speech (“…,” he said, “…”)


@dataclass
class Chain:
    """A speech running on past the end of a paragraph."""

    paragraph: etree._Element
    element: etree._Element
    cue: Cue
    who: str | None


@dataclass
class _Run:
    tree: etree._ElementTree
    ctx: Context
    directory: Directory
    taken_ids: set[str]
    states: dict[etree._Element, EntrySpeakers] = field(default_factory=dict)
    chains: dict[etree._Element, Chain] = field(default_factory=dict)  # next paragraph → chain
    labelled: set[etree._Element] = field(default_factory=set)  # "He: “…”" paragraphs
    spoken: dict[etree._Element, str | None] = field(default_factory=dict)  # p → last speaker
    bare: dict[etree._Element, etree._Element] = field(default_factory=dict)  # p → its said
    counter: int = 0
    # each paragraph's content as first read (text and persons survive wrapping)
    levels: dict[etree._Element, Level] = field(default_factory=dict)
    unidentified: bool = False  # some said points at the unidentified speaker

    def new_id(self) -> str:
        while True:
            self.counter += 1
            candidate = f"said-{self.counter}"
            if candidate not in self.taken_ids:
                self.taken_ids.add(candidate)
                return candidate


def apply(tree: etree._ElementTree, ctx: Context) -> None:
    text = tree.getroot().find("tei:text", NSMAP)
    if text is None:
        return
    levels: dict[etree._Element, Level] = {}
    run = _Run(tree, ctx, Directory.of(tree, levels), {
        value for value in tree.getroot().xpath("//@xml:id") if isinstance(value, str)
    }, levels=levels)
    for element in list(text.iter(etree.Element)):
        if _is_container(element):
            _process(run, element)
    if run.unidentified:  # the register entry @who points at travels with the document
        add_entry(tree.getroot(), (ctx.register or load_register()).entries[UNIDENTIFIED])


def _is_container(element: etree._Element) -> bool:
    """Not already a quotation, nor inside one, unless a note intervenes (a note is its own
    scope: the marks of a note inside a speech are paired within the note)."""
    for node in (element, *element.iterancestors()):
        if node.tag == NOTE:
            return True
        if node.tag in DONE_TAGS:
            return False
    return True


def _state(run: _Run, element: etree._Element) -> EntrySpeakers:
    div = next(element.iterancestors(tei("div")), None)
    key = div if div is not None else element.getroottree().getroot()
    if key not in run.states:
        run.states[key] = EntrySpeakers(run.directory)
    return run.states[key]


def _process(run: _Run, element: etree._Element) -> None:
    if local(element) not in {"p", "head"} and not _has_marks(element):
        return
    level = run.levels.get(element) or flatten(element)  # not changed since it was read
    state = _state(run, element)
    if local(element) == "head":
        state.see_heading(level.text, level.mentions)
    is_paragraph = local(element) == "p"
    if is_paragraph:
        state.see_opening(level.text, level.mentions)
    if not level.own_positions(ALL_MARKS):
        if is_paragraph:
            state.see_named(outside_refs(level.text, level.mentions, []))
        return
    spans = _spans(run, element, level)
    _classify(run, element, level, spans, state)
    _wrap_all(run, element, spans)
    if is_paragraph:
        quoted = [(s.start, s.end) for s in spans if s.parent is None]
        state.see_named(outside_refs(level.text, level.mentions, quoted))


def _has_marks(element: etree._Element) -> bool:
    own = [element.text, *(child.tail for child in element)]
    return any(not MARKS.isdisjoint(text) for text in own if text)


def _spans(run: _Run, element: etree._Element, level: Level) -> list[Span]:
    pairing = pair_marks(level.text, level.own_positions(ALL_MARKS))
    spans = [Span(p.start, p.end) for p in pairing.pairs]
    following = _next_paragraph(element)
    for offset, style, depth in pairing.unclosed:
        at_start = not level.text[:offset].strip(" (")
        continues = following is not None and _starts_open(following) and depth == 0
        if style != "single" and depth == 0 and (continues or at_start):
            spans.append(Span(offset, len(level.text), open_tail=True))
            if continues:
                continue
            _unbalanced(run, element, level, offset, "opens a quotation that is never closed; "
                        "taken to run to the end of the paragraph")
        else:
            _unbalanced(run, element, level, offset, "opens a quotation that is never closed")
    for offset, _style in pairing.unmatched:
        _unbalanced(run, element, level, offset, "closes a quotation that was never opened")
    spans.sort(key=lambda s: (s.start, -s.end))
    stack: list[Span] = []
    for span in spans:
        while stack and not (stack[-1].start < span.start and span.end <= stack[-1].end):
            stack.pop()
        span.parent = stack[-1] if stack else None
        span.depth = len(stack)
        stack.append(span)
    chain = run.chains.get(element)
    if chain is not None and spans and spans[0].parent is None and _starts_open(element):
        spans[0].continuation = True
    return spans


def _next_paragraph(element: etree._Element) -> etree._Element | None:
    if local(element) != "p":
        return None
    sibling = element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    return sibling if sibling is not None and local(sibling) == "p" else None


def _starts_open(paragraph: etree._Element) -> bool:
    text = (paragraph.text or "").lstrip()
    return bool(text) and text[0] in STARTERS


def _classify(run: _Run, element: etree._Element, level: Level, spans: list[Span],
              state: EntrySpeakers) -> None:
    frame, frame_mentions = _frame(element, run.levels)
    previous: dict[int, Span] = {}
    for span in spans:
        if span.continuation:
            chain = run.chains[element]
            span.cue, span.who = chain.cue, chain.who
            continue
        scope_start = span.parent.start + 1 if span.parent else 0
        scope_end = _inner_end(span.parent) if span.parent else len(level.text)
        sibling = previous.get(id(span.parent))
        between = level.text[sibling.end : span.start] if sibling else "x"
        quoted = Quoted(
            inner=level.text[span.start + 1 : _inner_end(span)],
            before=level.text[scope_start : span.start],
            after=level.text[span.end : scope_end],
            mentions=_shift(level.mentions, scope_start, scope_end),
            frame=frame,
            frame_mentions=frame_mentions,
            follows_quote=not between.strip(),
            nested=span.parent is not None,
        )
        span.cue = _reply_to_label(run, element, read_cue(quoted), quoted)
        if span.parent is None and span.cue.why.startswith("label"):
            run.labelled.add(element)
        speech = _speech_context(state, level, span, quoted, sibling, frame, frame_mentions)
        hint = span.cue.speaker
        if span.cue.kind == "said" or (
            span.cue.kind == "quote" and hint is not None and hint.how in {"ref", "abbr"}
        ):
            span.who = state.resolve(hint, speech)
        if span.cue.kind == "said" and span.parent is None:
            state.spoke(span.who)
            run.spoken[element] = span.who
            if span.cue.why.startswith("label"):
                _between_two_of_the_same(run, element, span.who)
        if _interrupted(sibling, span, between):
            span.resumes = sibling
        previous[id(span.parent)] = span


def _between_two_of_the_same(run: _Run, element: etree._Element, who: str | None) -> None:
    """W.K.'s speech, then a bare speech paragraph, then "W.K.: “…”" again: the label would
    not be needed if the bare paragraph were his, so it is the diarist's reply."""
    middle = element.getprevious()
    if who is None or who == DIARIST or middle is None or middle not in run.bare:
        return
    said = run.bare[middle]
    first = middle.getprevious()
    if said.get("who") == who and first is not None and run.spoken.get(first) == who:
        said.set("who", DIARIST)
        run.spoken[middle] = DIARIST


def _interrupted(first: Span | None, second: Span, between: str) -> bool:
    """“You’ll see,” Herbart said to me, “that he won’t come back.”: one speech in two parts."""
    if first is None or first.cue is None or second.cue is None:
        return False
    return (first.cue.kind == second.cue.kind == "said" and first.who == second.who
            and first.cue.why.startswith("reporting verb after")
            and second.cue.why.startswith("reporting verb before")
            and between.rstrip().endswith(",") and not re.search(r"[.!?:;]", between))


def _reply_to_label(run: _Run, element: etree._Element, cue: Cue, quoted: Quoted) -> Cue:
    """A bare speech paragraph right after a labelled one ("W.K.: “…”") is the reply of the
    other party; after an unlabelled one it goes on with the same speaker."""
    whole = not quoted.before.strip(" (") and not quoted.after.strip(" .,;:()")
    if cue.kind != "said" or cue.speaker != Hint("default") or not whole or quoted.nested:
        return cue
    previous = element.getprevious()
    if previous is not None and previous in run.labelled:
        return Cue("said", Hint("other"), why="reply to a labelled speech")
    return cue


def _speech_context(state: EntrySpeakers, level: Level, span: Span, quoted: Quoted,
                    sibling: Span | None, frame: str, frame_mentions: tuple[Mention, ...]
                    ) -> SpeechContext:
    before_mentions = [m for m in quoted.mentions if m.end <= len(quoted.before)]
    nearby = [m.ref for m in before_mentions if m.ref]
    found = reporters(quoted.before, before_mentions, state)
    if not found and not quoted.before.strip(" (") and span.parent is None:
        found = reporters(frame, list(frame_mentions), state)
    enclosing = span.parent.who if span.parent and span.parent.cue and (
        span.parent.cue.kind == "said") else None
    previous = sibling.who if sibling and sibling.cue and sibling.cue.kind == "said" else None
    return SpeechContext(
        enclosing=enclosing,
        nearby=nearby,
        reporter=found[-1][1] if found else None,
        addressee=addressee(quoted.before, before_mentions),
        previous=previous if quoted.follows_quote else None,
    )


def _frame(element: etree._Element, levels: dict[etree._Element, Level]
           ) -> tuple[str, tuple[Mention, ...]]:
    """The previous paragraph's text and persons, when it may frame this one's quotation."""
    if local(element) != "p":
        return "", ()
    before = element.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or local(before) != "p":
        return "", ()
    level = levels.get(before) or flatten(before)  # wrapping keeps its text and persons
    return level.text, tuple(level.mentions)


def _inner_end(span: Span) -> int:
    return span.end if span.open_tail else span.end - 1


def _shift(mentions: list[Mention], start: int, end: int) -> tuple[Mention, ...]:
    return tuple(
        Mention(m.start - start, m.end - start, m.ref, m.text)
        for m in mentions
        if start <= m.start and m.end <= end
    )


def _wrap_all(run: _Run, element: etree._Element, spans: list[Span]) -> None:
    made: dict[int, etree._Element] = {}
    for span in sorted(spans, key=lambda s: (-s.depth, -s.start)):
        assert span.cue is not None
        new = wrap(flatten(element), span.start, span.end, tei(span.cue.kind))
        made[id(span)] = new
    for span in spans:  # in document order, so that ids and links follow the text
        _attributes(run, element, span, made[id(span)], made)
    top = [span for span in spans if span.parent is None]
    if len(top) == 1 and top[0].cue and top[0].cue.why == "sentence-like":
        said = made[id(top[0])]
        if "".join(element.itertext()).strip() == "".join(said.itertext()).strip():
            run.bare[element] = said  # a paragraph that is one unattributed speech
    for span in spans:
        if span.open_tail and span.parent is None and span.cue:  # said, or a long quote
            following = _next_paragraph(element)
            if following is not None and _starts_open(following):
                run.chains[following] = Chain(element, made[id(span)], span.cue, span.who)


def _attributes(run: _Run, element: etree._Element, span: Span, new: etree._Element,
                made: dict[int, etree._Element]) -> None:
    assert span.cue is not None
    kind = span.cue.kind
    if kind == "title" and new.find("tei:title", NSMAP) is not None:
        new.tag = tei("q")  # the names pass has the title already: “<title>…</title>”
    who = span.who if span.who and span.who[1:] in run.taken_ids else None
    if kind == "said" and who:
        new.set("who", who)
    elif kind == "said":
        new.set("who", f"#{UNIDENTIFIED}")  # speech whose speaker nobody can name
        run.unidentified = True
        _report(run, element, Severity.INFO, "SPEECH-NO-SPEAKER",
                f"no register entry for the speaker of “{_words(new)}”; encoded as "
                f"said who=\"#{UNIDENTIFIED}\"")
    if kind == "quote" and who:
        new.set("source", who)
    if span.continuation or span.resumes is not None:
        previous = (run.chains[element].element if span.continuation
                    else made[id(span.resumes)])
        previous_id = previous.get(XML_ID) or run.new_id()
        previous.set(XML_ID, previous_id)
        ident = new.get(XML_ID) or run.new_id()
        new.set(XML_ID, ident)
        previous.set("next", f"#{ident}")
        new.set("prev", f"#{previous_id}")


def _words(element: etree._Element, count: int = 6) -> str:
    words = "".join(element.itertext()).strip("“”‘’\"«» ").split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _unbalanced(run: _Run, element: etree._Element, level: Level, offset: int,
                what: str) -> None:
    context = level.text[max(0, offset - 20) : offset + 30].replace("\n", " ")
    _report(run, element, Severity.WARNING, "SPEECH-UNBALANCED",
            f"the mark {level.text[offset]} {what}: …{context}…")


def _report(run: _Run, element: etree._Element, severity: Severity, rule: str,
            message: str) -> None:
    line = element.sourceline
    for ancestor in element.iterancestors():
        if line is not None:
            break
        line = ancestor.sourceline
    run.ctx.report.add(Finding(rule, severity, message, file=run.ctx.options.source_name,
                               line=line, xpath=run.tree.getpath(element)))


__all__ = ["apply"]
