"""The register of people, places, organisations and works, and the one matcher built from it.

The register is a TEI file (``tei_serge/data/register.xml``; its header documents the
conventions). :func:`load_register` reads it, merges editors' registers over it (entries with the
same ``xml:id`` are replaced, new ones added) and returns a :class:`Register`: the entries, an
index from every written form to the entries that use it, and one compiled :class:`Matcher`.

The matcher is a single regular expression compiled from a trie of all forms (and of the
"not names", which it consumes without tagging): at each place in the text it tries the forms
that share the letters read so far, longest first, so its time is linear in the size of the text
(bounded by the longest form per position, never one pass per name). It matches whole words
only (Unicode ``\\w``), treats straight and curly apostrophes alike and any whitespace run as one
space. A possessive ``’s`` stays outside the name because it is not part of any form.

Which entry an ambiguous form stands for is decided by a :class:`Resolver` from the rules the
register writes beside each form (``@type="contextual"``, ``@subtype``, cue terms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from .errors import RegisterError, SchemaError
from .resources import data_path
from .xmlio import NSMAP, element_text, parse_xml, tei, xml_attr

REGISTER_NAME = "register.xml"

#: entry element → (kind, the name element used for it in the register and in the text)
KINDS: dict[str, tuple[str, str]] = {
    "person": ("person", "persName"),
    "place": ("place", "placeName"),
    "org": ("org", "orgName"),
    "bibl": ("work", "title"),
}
#: kind → (list element, entry element, name element)
LISTS: dict[str, tuple[str, str, str]] = {
    "person": ("listPerson", "person", "persName"),
    "place": ("listPlace", "place", "placeName"),
    "org": ("listOrg", "org", "orgName"),
    "work": ("listBibl", "bibl", "title"),
}
RULES = ("full", "variant", "contextual")
CONDITIONS = ("not-before-lowercase", "not-before-capital", "not-before-name")

_SPACES = re.compile(r"\s+")
_NOTE, _TERM, _PERS_NAME, _FORENAME, _SURNAME = (
    tei(t) for t in ("note", "term", "persName", "forename", "surname")
)
_ID = re.compile(r"^[A-Za-z_][\w.\-]*$")


def normalize_form(text: str) -> str:
    """The key of a written form: whitespace runs → one space, curly apostrophe → straight."""
    return _SPACES.sub(" ", text.replace("’", "'")).strip()


@dataclass(frozen=True)
class NameForm:
    """One written form of one entry, with the rule saying when it counts."""

    text: str
    entry_id: str
    rule: str = "variant"  # full | variant | contextual
    condition: str | None = None  # one of CONDITIONS
    implicit: bool = False  # initials derived from the name, not written in the register

    @property
    def contextual(self) -> bool:
        return self.rule == "contextual"


@dataclass(eq=False)
class Entry:
    id: str
    kind: str  # person | place | org | work
    name: str
    identification: str
    forms: tuple[NameForm, ...]
    cues: tuple[str, ...]
    not_before: frozenset[str]
    element: etree._Element = field(repr=False)

    @property
    def tag(self) -> str:
        """The element that marks a mention of this entry in the text."""
        return LISTS[self.kind][2]


class Register:
    """Entries by id, forms by normalised text, the not-names and the compiled matcher."""

    def __init__(self, entries: dict[str, Entry], not_names: Iterable[str]) -> None:
        self.entries = entries
        self.not_names = frozenset(normalize_form(n) for n in not_names)
        index: dict[str, list[NameForm]] = {}
        for entry in entries.values():
            for form in entry.forms:
                index.setdefault(form.text, []).append(form)
        # implicit forms give way to the same text written as an unconditional form in any
        # entry (A.B. is Blok's, never Andrei Bely's initials)
        for text, found in index.items():
            if any(f.implicit for f in found) and any(not f.implicit and not f.contextual for f in found):
                index[text] = [f for f in found if not f.implicit]
        self.index = index

    def __len__(self) -> int:
        return len(self.entries)

    def forms_of(self, text: str) -> list[NameForm]:
        return self.index.get(normalize_form(text), [])

    def lookup(self, text: str) -> Entry | None:
        """The entry an unambiguous written form stands for (a header name, a dateline place)."""
        forms = [f for f in self.forms_of(text) if not f.contextual]
        ids = {f.entry_id for f in forms}
        return self.entries[forms[0].entry_id] if len(ids) == 1 else None

    @cached_property
    def matcher(self) -> Matcher:
        return _matcher(frozenset(self.index) | self.not_names)  # the pattern sorts them


# --------------------------------------------------------------------------- loading


def load_register(extra: Iterable[Path | str] = ()) -> Register:
    """The built-in register with each of ``extra`` merged over it, in order.

    The built-in register is read once per process (again if its file changes); editors'
    registers are read at every call."""
    path = data_path(REGISTER_NAME)
    stat = path.stat()
    builtin_entries, builtin_not_names = _read_builtin(path, stat.st_mtime_ns, stat.st_size)
    entries, not_names = dict(builtin_entries), list(builtin_not_names)
    for path in extra:
        more, more_not = _read(Path(path))
        entries.update(more)
        not_names.extend(more_not)
    return Register(entries, not_names)


@lru_cache(maxsize=2)
def _read_builtin(path: Path, mtime_ns: int, size: int) -> tuple[dict[str, Entry], list[str]]:
    """The packaged register (callers copy the dict and the list before changing them)."""
    return _read(path)


def _read(path: Path) -> tuple[dict[str, Entry], list[str]]:
    try:
        root = parse_xml(path).getroot()
    except SchemaError as exc:
        raise RegisterError(f"register {exc}") from None
    if root.tag != tei("TEI"):
        raise RegisterError(f"{path}:{root.sourceline}: a register is a TEI document (<TEI>)")
    entries: dict[str, Entry] = {}
    for element in root.iter(*(tei(k) for k in KINDS)):
        if element.getparent() is None or element.getparent().tag not in {
            tei(LISTS[KINDS[etree.QName(element).localname][0]][0])
        }:
            continue  # a bibl or person nested elsewhere (notes, authors) is not an entry
        entry = _entry(element, path)
        if entry.id in entries:
            raise RegisterError(f"{path}:{element.sourceline}: xml:id {entry.id!r} is used twice")
        entries[entry.id] = entry
    not_names = [
        normalize_form("".join(item.itertext()))
        for item in root.iterfind(".//tei:list[@type='not-names']/tei:item", NSMAP)
    ]
    return entries, not_names


def _entry(element: etree._Element, path: Path) -> Entry:
    where = f"{path}:{element.sourceline}"
    entry_id = element.get(xml_attr("id"))
    if not entry_id or not _ID.match(entry_id):
        raise RegisterError(f"{where}: every entry needs an xml:id (a name, e.g. 'gide')")
    kind, name_tag = KINDS[etree.QName(element).localname]
    forms: list[NameForm] = []
    name_qn = tei(name_tag)
    for name in element.iterchildren(name_qn):
        text = normalize_form("".join(name.itertext()))
        rule = name.get("type", "variant")
        condition = name.get("subtype")
        if rule not in RULES:
            raise RegisterError(f"{where}: {text!r}: type must be one of {', '.join(RULES)}")
        if condition is not None and condition not in CONDITIONS:
            raise RegisterError(f"{where}: {text!r}: subtype must be one of {', '.join(CONDITIONS)}")
        if text and all(f.text != text for f in forms):
            forms.append(NameForm(text, entry_id, rule, condition))
    if not forms:
        raise RegisterError(f"{where}: entry {entry_id!r} has no <{name_tag}>")
    for implicit in _implicit_forms(element) if kind == "person" else ():
        if all(f.text != implicit for f in forms):
            forms.append(NameForm(implicit, entry_id, "contextual", implicit=True))
    # the children read once (ElementPath with predicates is slow, and every run loads this)
    names = [child for child in element if child.tag == name_qn]
    notes = [child for child in element if child.tag == _NOTE]
    note = next((n for n in notes if n.get("type") == "identification"), None)
    terms = [t for n in notes if n.get("type") == "matching" for t in n if t.tag == _TERM]
    cues = tuple(normalize_form("".join(t.itertext())) for t in terms if t.get("type") == "cue")
    not_before = frozenset(
        normalize_form("".join(t.itertext())) for t in terms if t.get("type") == "not-before"
    )
    full = next((n for n in names if n.get("type") == "full"), names[0])
    identification = element_text(note) if note is not None else ""
    return Entry(entry_id, kind, element_text(full), identification, tuple(forms), cues, not_before, element)


def _implicit_forms(person: etree._Element) -> list[str]:
    """The forms a person has without writing them, both contextual: the surname alone
    (``Fry`` once Varian Fry is named) and the initials of a forename and a surname (``A.G.``
    for André Gide, ``J.R.B.`` for Jean-Richard Bloch)."""
    full = next((n for n in person.iterchildren(_PERS_NAME) if n.get("type") == "full"), None)
    if full is None:
        return []
    forename = " ".join("".join(f.itertext()) for f in full.iterchildren(_FORENAME))
    surname = " ".join(" ".join("".join(f.itertext()) for f in full.iterchildren(_SURNAME)).split())
    found = [normalize_form(surname)] if surname else []
    first = [w[0] for w in re.split(r"[\s\-.]+", forename) if w and w[0].isupper()]
    last = [w[0] for w in surname.split() if w[0].isupper()][:1]
    if first and last:
        found.append("".join(f"{letter}." for letter in [*first, *last]))
    return found


# --------------------------------------------------------------------------- the matcher


class Match(NamedTuple):
    """One match of the matcher (a named tuple: made by the thousand, it must be cheap)."""

    start: int
    end: int
    form: str  # normalised


@lru_cache(maxsize=4)
def _matcher(forms: frozenset[str]) -> Matcher:
    """One compiled matcher per set of forms and process: every conversion with the same
    register shares it (its pattern takes tens of milliseconds to build and compile)."""
    return Matcher(forms)


class Matcher:
    """One regular expression compiled from a trie of every form; longest match first."""

    def __init__(self, forms: Iterable[str]) -> None:
        trie: dict[str, dict] = {}
        for form in forms:
            if not form:
                continue
            node = trie
            for char in form:
                node = node.setdefault(char, {})
            node[""] = {}
        # Each form starts a word: "(?<!\w)" before it. Tested just after the form's first
        # character (one character further back), so that the pattern starts with a literal in
        # every branch and the engine skips at once the positions where no form can begin.
        branches = [
            _char_pattern(char) + r"(?<!\w[\s\S])" + _trie_pattern(child, char)
            if char != " "
            else r"(?<!\w)" + _char_pattern(char) + _trie_pattern(child, char)
            for char, child in sorted(trie.items())
            if char
        ]
        self.pattern = re.compile("(?:" + "|".join(branches) + ")") if branches else None
        self._forms: dict[str, str] = {}  # matched text → its normalised form

    def find(self, text: str) -> Iterator[Match]:
        if self.pattern is None:
            return iter(())
        forms = self._forms
        found: list[Match] = []
        for m in self.pattern.finditer(text):
            matched = m.group()
            form = forms.get(matched)
            if form is None:
                form = forms[matched] = normalize_form(matched)
            found.append(Match(m.start(), m.end(), form))
        return iter(found)


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    return re.escape(char)


def _trie_pattern(node: dict, last: str = "") -> str:
    """Children first (longer forms), the end of a form last, with a word boundary after a form
    that ends in a word character. Greedy alternation then backtracks to shorter forms."""
    branches = [
        _char_pattern(char) + _trie_pattern(child, char) for char, child in sorted(node.items()) if char
    ]
    if "" in node:
        branches.append(r"(?!\w)" if re.match(r"\w", last) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# --------------------------------------------------------------------------- resolution

_INITIAL = re.compile(r"^\w\.$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


@dataclass
class Resolver:
    """Decides which entry a form found in the text stands for, in document order.

    A ``contextual`` form needs its entry to be the subject of the passage: named (by any form)
    in the current scope or the one before (a scope is a top-level division of the text), and
    more recently than any other entry that shares the form. A cue term of an entry in the same
    paragraph wins over recency. ``@subtype`` conditions look at the words that follow.
    """

    register: Register
    scope: int = 0
    _clock: int = 0
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def enter_scope(self) -> None:
        self.scope += 1

    def see(self, entry_id: str) -> None:
        self._clock += 1
        self._seen[entry_id] = (self.scope, self._clock)

    def resolve(self, form: str, after: str, paragraph: str, before_name: bool) -> Entry | None:
        """The entry for ``form``, given the text ``after`` it (in the same text node), the
        paragraph it stands in and whether another name follows after a space."""
        following = _NEXT_WORD.match(after)
        word = following.group(1) if following else ""
        viable = [
            f
            for f in self.register.index.get(form, ())
            if _condition_holds(f, after, before_name)
            and not (f.contextual and word in self.register.entries[f.entry_id].not_before)
        ]
        if not viable:
            return None
        ids = list(dict.fromkeys(f.entry_id for f in viable))
        entries = self.register.entries
        cued = [i for i in ids if any(_has_word(paragraph, cue) for cue in entries[i].cues)]
        if cued:
            return entries[cued[0]]
        recent = [i for i in ids if i in self._seen and self.scope - self._seen[i][0] <= 1]
        if recent:
            return entries[max(recent, key=lambda i: self._seen[i][1])]
        default = [f.entry_id for f in viable if not f.contextual]
        return entries[default[0]] if default else None


def _condition_holds(form: NameForm, after: str, before_name: bool) -> bool:
    if form.condition == "not-before-lowercase":
        rest = after.lstrip()
        return not (rest != after and rest[:1].islower())
    if form.condition == "not-before-capital":
        return not (after[:1] == " " and after[1:2].isupper())
    if form.condition == "not-before-name":
        return not before_name
    return True


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def is_initial(form: str) -> bool:
    """A bare initial such as ``G.``: it may stand in a run of initials (``G.M.``)."""
    return _INITIAL.match(form) is not None


__all__ = [
    "Entry",
    "Match",
    "Matcher",
    "NameForm",
    "Register",
    "RegisterError",
    "Resolver",
    "is_initial",
    "load_register",
    "normalize_form",
]
