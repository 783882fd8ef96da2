"""Reading the words around a quotation: is it speech, a cited text or scare quotes, and who
speaks? Pure functions over plain text; no XML, no register.

The speech pass (``passes/speech.py``) hands each quoted stretch over as a :class:`Quoted`:
its text, the text of its scope before and after it (the paragraph, or the enclosing
quotation for a nested one) and the frame that ends the previous paragraph. :func:`read_cue`
answers a :class:`Cue`: the kind (said, quote, soCalled, q, title) and a *hint* of who speaks
(a label, a pronoun, a name at a character offset, "the other party of the exchange", ...),
which the pass resolves to a register id with what it knows of the entry.

The rules, in order (first match wins):

1. a title cue ("… (Published an article under that title.)", "his article “…”", "entitled
   “…”") → ``title``;
2. a cited-text frame ("the epigram of Goethe:", "the slogan “…”", "Fedin writes:", "Buddha
   says:", "has written me:", "“…,” he wrote") → ``quote``, its source the person it names;
3. one or two lower-case words (“we.”, “emancipated,”) are never speech, whatever frames them;
4. a dialogue label ("He:", "I:", "W.K. (satirically):", "Rossi:", "Reply:", also a second
   one after a closing mark in the same paragraph) or a reporting verb next to the marks
   ("… said S.", "she said", "Herbart said to me, ‘…’", "S. burst out:", "He said to
   Sneevliet:", "the remark of Gorky to me:"), or a frame ending the previous paragraph ("His
   remarks :", "Attitude of A.C.:") → ``said``;
5. otherwise by form: after an article or a preposition ("the “red terror”", "a “select
   public”", "known as “Orlov”") a short phrase is ``soCalled`` and a lower-case clause ending in
   a full stop a ``quote``; sentence-like words (a capital and closing punctuation, or first
   and second person pronouns) are ``said`` by the default speaker, or by the other party when
   they follow another quotation with only blanks between (“Well?”); a short phrase is
   ``soCalled``; anything else ``q``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERB = (
    r"(?:said|replied|answered|asked|told|exclaimed|cried|shouted|declared|added|"
    r"burst out|remarked|retorted|objected|insisted|whispered|muttered|related|repeated|"
    r"continued|concluded|admitted|explained|protested|announced|murmured|went on|"
    r"broke in|interrupted|attacked me|betrayed himself|betrayed herself|"
    r"shook (?:his|her) head(?: \w+)?|spoke|says to me|says|tells me|tells us|thought|"
    r"called out|called to (?:me|us|him|her)|yelled|sighed|laughed|smiled|"
    r"whispered|cried out|asks|replies|answers|exclaims|declares|adds)"
)
SPEECH_VERB_RE = re.compile(rf"\b{SPEECH_VERB}\b", re.IGNORECASE)
WRITTEN_AFTER = r"(?:wrote|writes|has written|had written)"
WRITE_VERB = (
    r"(?:(?:writes|wrote|has written|had written|reads|read|printed|published|telegraphed|"
    r"cabled|wired|headlined|inscribed)"
    r"(?:\s+(?:to\s+)?(?:me|us|him|her|them))?|says|said somewhere)"
)
CITED_RIGHT_BEFORE = (
    r"(?:epigram|maxim|motto|saying|proverb|aphorism|formula|slogan|slogans|watchword|"
    r"inscription|headline|banner|placard|verse|line)"
)
CITE_NOUN = r"(?:epigram|maxim|motto|saying|proverb|aphorism|words|line|verse|formula|slogan)"
LABEL = re.compile(
    r"^\s*(?P<label>[A-Z][\w.’'\- ]{0,40}?)\s*(?:\((?P<aside>[^)]{0,40})\))?\s*:\s*$"
)
PRONOUNS = {"he": "he", "his": "he", "him": "he", "she": "she", "her": "she", "i": "I",
            "me": "I", "my": "I"}
OTHER_PARTY = re.compile(r"^(?:reply|answer|response|retort|rejoinder)$", re.IGNORECASE)
ABBREVIATION = re.compile(r"(?<![\w.’])(?:[A-Z]\.\s?){1,3}(?![\w’])|(?<![\w.])[A-Z][a-z]{2,5}\.")
MENTION_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|of|on|about|as|its|his|her|their|our|your|my|this|that|rather|"
    r"called|known as|so-called|word|term|expression|phrase|propos of|for|in)\s*)$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…]+[’”)\]]*\s+(?=[A-Z“‘(])")
FIRST_SECOND_PERSON = re.compile(
    r"\b(?:I|I’[a-z]+|I'[a-z]+|me|my|we|us|our|you|your|you’[a-z]+)\b", re.IGNORECASE
)
TITLE_AFTER = re.compile(r"^\W{0,3}\(?[^.()]{0,40}\bunder (?:that|this|the same) title\b")
TITLE_BEFORE = re.compile(
    r"\b(?:article|book|pamphlet|essay|poem|novel|play|story|booklet|brochure|chapter|film|"
    r"song|lecture|manifesto|leaflet)s?"
    r"(?:,?\s+(?:entitled|titled|called|named))?\s*$|\b(?:entitled|titled|title)\s*$",
    re.IGNORECASE,
)
SHORT_WORDS = 4
# TITLE_BEFORE and MENTION_BEFORE end with \s*$ and hold at most this many non-space characters
_NEAR_END = 40


def _search_near_end(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern anchored at the end whose matches hold at most
    ``_NEAR_END`` non-space characters: only the end of ``text`` is searched (a quotation's
    ``before`` may be a long paragraph, read once per quotation)."""
    start, seen = len(text), 0
    while start > 0 and seen < _NEAR_END:
        start -= 1
        if not text[start].isspace():
            seen += 1
    return pattern.search(text, start)


@dataclass(frozen=True)
class Mention:
    """A person named in the scope: ``ref`` from ``persName/@ref`` (or None for an
    abbreviation the pass must resolve), at ``start``–``end`` of the scope's text."""

    start: int
    end: int
    ref: str | None
    text: str


@dataclass(frozen=True)
class Hint:
    """Who speaks, as far as the words say. ``how`` is one of: ``ref`` (``value`` is an id),
    ``abbr`` (``value`` an abbreviation such as "S." or "W.K."), ``I``, ``he``, ``she``,
    ``other`` (the other party of the exchange), ``reply`` (a "Reply:" label), ``nobody`` (a
    speaker the text does not name, "the warden"), ``default`` (the entry's current speaker)."""

    how: str
    value: str = ""


@dataclass(frozen=True)
class Cue:
    kind: str  # said | quote | soCalled | q | title
    speaker: Hint | None = None  # for said; for quote, the source when the frame names one
    why: str = ""


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch and its surroundings, all plain text.

    ``before``/``after`` are the scope's text on each side (the paragraph, or the enclosing
    quotation's inside for a nested quotation); ``mentions`` are the persons named in the
    scope, with offsets in ``before + inner_with_marks + after``; ``frame`` is the previous
    paragraph's text when this quotation opens its paragraph; ``follows_quote`` is true when
    only blanks separate it from the previous quotation of the scope.
    """

    inner: str
    before: str
    after: str
    mentions: tuple[Mention, ...] = ()
    frame: str = ""
    frame_mentions: tuple[Mention, ...] = ()
    follows_quote: bool = False
    nested: bool = False

    @property
    def start(self) -> int:
        return len(self.before)

    @property
    def end(self) -> int:
        return len(self.before) + len(self.inner) + 2


def read_cue(q: Quoted) -> Cue:
    """The kind of a quoted stretch and a hint of its speaker (or source)."""
    if TITLE_AFTER.match(q.after):  # anchored at the start (^)
        return Cue("title", why="title cue after")
    inner = q.inner.strip()
    if _search_near_end(TITLE_BEFORE, q.before) and inner[:1].isupper() and not inner.endswith(("!", "?")):
        return Cue("title", why="title cue before")  # his article “The Ludwig Warning”
    clause = last_clause(q.before)
    in_frame = not q.before.strip() and not q.nested
    frame_clause = last_clause(q.frame) if in_frame else ""
    if clause.strip():
        here = _Frame(clause, q.mentions, len(q.before.rstrip()) - len(clause))
    else:
        here = _Frame(frame_clause, q.frame_mentions, len(q.frame.rstrip()) - len(frame_clause),
                      previous_paragraph=True)
    cited = _cited(here)
    if cited:
        return cited
    words = re.findall(r"[\w’']+", q.inner)
    if len(words) <= 2 and q.inner.strip()[:1].islower() and not _resumes_speech(q):
        return _by_form(q)  # “we.”, “emancipated,”: a word, not a speech, whatever frames it
    said = _label(q) or _after(q) or _before(here)
    return said or _by_form(q)


def _resumes_speech(q: Quoted) -> bool:
    """The second part of an interrupted speech: “Honest, perhaps,” he replied, “but confused.”
    — the quotation follows a reporting clause that itself follows a closing mark."""
    before = q.before.rstrip()
    return bool(before.endswith(",") and re.search(r"[”’\"],?\s+[^“”]{0,60},$", before)
                and SPEECH_VERB_RE.search(before[-60:]))


@dataclass(frozen=True)
class _Frame:
    """The clause before a quotation (or ending the previous paragraph), with its persons."""

    text: str
    mentions: tuple[Mention, ...]
    offset: int  # where ``text`` starts in the scope (or in the frame paragraph)
    previous_paragraph: bool = False


def last_clause(text: str) -> str:
    """The last sentence of ``text`` (what follows the last sentence end), right-stripped."""
    stripped = text.rstrip()
    ends = [m.end() for m in SENTENCE_END.finditer(stripped)]
    return stripped[ends[-1] if ends else 0 :]


def _cited(frame: _Frame) -> Cue | None:
    text = frame.text.rstrip()
    if re.search(rf"\b{CITED_RIGHT_BEFORE}\s*[:,]?$", text):  # the slogan “All power …!”
        return Cue("quote", why="cited-text noun")
    if not text.endswith((":", ",")) and not re.search(rf"\b{CITE_NOUN}\b[^.]*$", text):
        return None
    if re.search(r"\b(?:remark|remarks)\s+of\b", text):
        return None  # "the remark of Gorky to me:" is speech, not a text
    if not re.search(rf"\b{CITE_NOUN}\s+of\s+|\b{WRITE_VERB}\s*:?\s*$|\bcited\b", text):
        return None
    if re.search(r"(?:^|[\s(])(?:[Hh]e|[Ss]he|I)\s+(?:\w+\s+)?says\s*:?\s*$", text):
        return None  # "He says: “…”" is the diary's present of a conversation, not a maxim
    return Cue("quote", _named_in(text, frame.mentions, frame.offset), why="cited-text frame")


def _label(q: Quoted) -> Cue | None:
    """A dialogue label right before the marks: "He:", "W.K. (satirically):", "Reply:"."""
    if q.nested or not q.before.strip():
        return None
    offset = 0
    match = LABEL.match(q.before)
    if not match:  # a second label in the same paragraph: He: “…” I: “…”
        clause = last_clause(q.before)
        before_clause = q.before.rstrip()[: len(q.before.rstrip()) - len(clause)].rstrip()
        if not before_clause.endswith(("”", "’", '"', "»")):
            return None
        offset = len(q.before.rstrip()) - len(clause)
        match = LABEL.match(clause)
        if not match:
            return None
    label = match.group("label").strip()
    if len(label.split()) > 3 or SPEECH_VERB_RE.search(label):
        return None  # "The warden told him:" is a reporting clause, not a label
    hint = _hint_for_words(label, q.mentions, offset + match.start("label"))
    return Cue("said", hint, why=f"label {label!r}")


def _hint_for_words(words: str, mentions: tuple[Mention, ...], offset: int) -> Hint:
    """Who a label or a verbless frame ("His remarks", "Attitude of A.C.") names."""
    tokens = words.split()
    first = tokens[0].lower().strip(".,") if tokens else ""
    if OTHER_PARTY.match(words.strip()):
        return Hint("reply")
    if first in PRONOUNS and len(tokens) <= 2 and first != "my":
        return Hint(PRONOUNS[first])
    of = re.search(r"\bof\s+(?P<who>\S.*)$", words)
    if of:
        named = _named_in(of.group("who"), mentions, offset + of.start("who"))
        if named:
            return named
    if first in {"on", "a", "an", "then", "remark", "remarks", "and"}:
        return Hint("default")
    if first in PRONOUNS and first != "my":
        return Hint(PRONOUNS[first])
    return _named_in(words, mentions, offset) or Hint("default")


def _named_in(text: str, mentions: tuple[Mention, ...], offset: int) -> Hint | None:
    """The first person named in ``text``, which starts at ``offset`` of the mentions' scope."""
    for mention in mentions:
        if offset <= mention.start < offset + len(text) and mention.ref:
            return Hint("ref", mention.ref)
    abbr = ABBREVIATION.search(text)
    if abbr and abbr.group().strip() != "I.":
        return Hint("abbr", abbr.group().strip())
    return None


def _after(q: Quoted) -> Cue | None:
    """A reporting verb right after the marks: "” said S.", "” she said", "’ Herbart said"."""
    after = re.sub(r"^\s*(?:\[\d+\])?", "", q.after)
    if re.search(r"[.…]\W*$", q.inner.strip()) and after[:1].isupper():
        return None  # “… never be.” He spoke of …: a new sentence, not an attribution
    subject = r"[Hh]e|[Ss]he|I|(?:[A-Z][\w’.-]*\s?){1,3}?"
    verb = rf"(?P<verb>{SPEECH_VERB}|{WRITTEN_AFTER})"
    match = re.match(
        rf"^[,.!?;]?\s*(?:{verb}\s+(?P<s1>{subject})(?=[\s,.;:]|$)"
        rf"|(?P<s2>{subject})\s*{verb.replace('?P<verb>', '?P<verb2>')}\b)",
        after[:80],
    )
    group = "s1" if match and match.group("s1") else "s2"
    if not match or match.group(group).strip() in {"The", "A", "An"}:
        return None
    if group == "s2" and match.group(group)[0].isupper() and not q.inner.rstrip().endswith(","):
        return None  # “… What’s his name?” K. shook his head: a new sentence
    subj = match.group(group).strip()
    offset = q.end + (len(q.after) - len(after)) + match.start(group)
    lower = subj.lower()
    hint = Hint(PRONOUNS[lower]) if lower in PRONOUNS else (
        _named_in(subj, q.mentions, offset) or Hint("nobody"))
    if re.fullmatch(WRITTEN_AFTER, match.group("verb") or match.group("verb2") or ""):
        return Cue("quote", hint if hint.how in {"ref", "abbr"} else None, why="written, after")
    return Cue("said", hint, why=f"reporting verb after ({subj})")


def _before(frame: _Frame) -> Cue | None:
    """A reporting frame ending in ":" or "," before the marks, in this paragraph or at the
    end of the previous one ("He said something like this:", "His remarks :")."""
    stripped = frame.text.rstrip()
    if not stripped.endswith((":", ",")):
        return None
    remark = re.search(r"\b(?:remark|remarks|words|reply|answer)\s+of\s+(?P<who>.+)$", stripped)
    if remark:
        hint = _named_in(remark.group("who"), frame.mentions, frame.offset + remark.start("who"))
        return Cue("said", hint or Hint("default"), why="remark of")
    if SPEECH_VERB_RE.search(stripped):
        return Cue("said", _frame_subject(frame), why="reporting verb before")
    if not stripped.endswith(":"):
        return None
    words = stripped.rstrip(":").strip()
    if frame.previous_paragraph and len(words.split()) <= 6:
        # a short verbless frame: "His remarks :", "Attitude of A.C.:", "Then:"
        return Cue("said", _hint_for_words(words, frame.mentions, frame.offset), why="frame label")
    named = _named_in(words, frame.mentions, frame.offset)
    if named and named.how == "ref":  # "The old Burtsev … got indignant:"
        return Cue("said", named, why="colon frame naming a person")
    return Cue("said", Hint("default"), why="colon frame") if frame.previous_paragraph else None


def _frame_subject(frame: _Frame) -> Hint:
    """The subject of a reporting clause: its first person, pronoun or abbreviation.

    The clause starts after the last closing mark in it (“‘Why,’ I said to them,” → "I").
    """
    closing = list(re.finditer(r"[”’](?=[\s,.;:!?]|$)", frame.text))
    base = closing[-1].end() if closing else 0
    verb = SPEECH_VERB_RE.search(frame.text, base)
    if verb is None:  # the verb belongs to an earlier quotation: “Yes,” he said, and then:
        return Hint("default")
    subject = frame.text[base : verb.start()]
    if "," in subject and subject.rsplit(",", 1)[1].strip():
        cut = subject.rindex(",") + 1  # "When Magdaleine insisted …, he betrayed himself:"
        base, subject = base + cut, subject[cut:]
    if not subject.strip():  # "… said S.,": the subject follows the verb
        inverted = re.match(r"\s+(?:[Hh]e|[Ss]he|[A-Z][\w’.-]*)", frame.text[verb.end():])
        if not inverted:
            return Hint("default")  # "Told me that …:" (the subject left out)
        base, subject = verb.end(), inverted.group()
    lead = subject.lstrip(" (–-")
    first = lead.split()[0].lower().strip(",.:") if lead.split() else ""
    if first in PRONOUNS and first not in {"my", "her", "his"}:
        return Hint(PRONOUNS[first])
    late = re.search(r"\b(?P<p>[Hh]e|[Ss]he|I)\s+(?:\w+\s+)?$", subject)
    if late:  # "At the Square Arts-et-Métiers he suddenly asked …:"
        return Hint(PRONOUNS[late.group("p").lower()])
    named = _named_in(subject, frame.mentions, frame.offset + base)
    if named:
        return named
    return Hint("nobody") if lead[:1].isupper() else Hint("default")


def _by_form(q: Quoted) -> Cue:
    """No frame: decide by the words' form and what stands right before them."""
    inner = q.inner.strip()
    words = re.findall(r"[\w’']+", inner)
    if not words:
        return Cue("q", why="no words")
    whole = not q.before.strip(" (") and not q.after.strip(" .,;:()[]0123456789")
    mentioned = bool(_search_near_end(MENTION_BEFORE, q.before)) and not whole
    speechy = len(words) >= 2 and bool(FIRST_SECOND_PERSON.search(inner))
    closed = bool(re.search(r"[.!?…]\W*$", inner))
    sentence = inner[0].isupper() and (closed or len(words) > SHORT_WORDS - 1)
    if q.follows_quote and (sentence or speechy):
        return Cue("said", Hint("other"), why="exchange")
    if whole or (not mentioned and (speechy or (sentence and len(words) >= 2))):
        return Cue("said", Hint("default"), why="sentence-like")
    if inner[0].islower() and closed and len(words) >= 2 and not speechy:
        return Cue("quote", why="cited clause")
    if len(words) <= SHORT_WORDS and not re.search(r"[!?]", inner):
        return Cue("soCalled", why="short phrase")
    if inner[0].islower() and not speechy:
        return Cue("quote", why="cited clause")
    return Cue("q", why="undecided")
