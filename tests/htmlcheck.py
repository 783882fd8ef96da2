"""A strict check of an HTML page: every element closed in order (void elements excepted, and
elements whose end tag HTML makes optional, which libxml2 leaves out when they are empty), and
every internal link (``href="#id"``) pointing at an ``id`` of the page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote

VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)

OPTIONAL_END = frozenset(
    "li p dt dd option optgroup tr td th thead tbody tfoot rt rp colgroup caption".split()  # noqa: SIM905
)


@dataclass
class PageCheck:
    errors: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    @property
    def duplicate_ids(self) -> set[str]:
        return {i for i, n in Counter(self.ids).items() if n > 1}

    @property
    def dangling_links(self) -> list[str]:
        ids = set(self.ids)
        return [link for link in self.links if link not in ids]


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.check = PageCheck()
        self.stack: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(attrs)
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack and self.stack[-1][0] != tag and self.stack[-1][0] in OPTIONAL_END:
            self.stack.pop()
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1] if self.stack else ("nothing", 0)
            self.check.errors.append(
                f"line {self.getpos()[0]}: </{tag}> closes <{open_tag[0]}> of line {open_tag[1]}"
            )
            if any(t == tag for t, _ in self.stack):
                while self.stack and self.stack.pop()[0] != tag:
                    pass
            return
        self.stack.pop()

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.check.ids.append(value)
            elif name == "href" and value and value.startswith("#") and len(value) > 1:
                self.check.links.append(unquote(value[1:]))


def check_page(html: str) -> PageCheck:
    parser = _Checker()
    parser.feed(html)
    parser.close()
    for tag, line in parser.stack:
        if tag not in OPTIONAL_END:
            parser.check.errors.append(f"line {line}: <{tag}> is never closed")
    return parser.check
