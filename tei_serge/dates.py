"""Date phrases of the diary's datelines → ISO values. Pure functions, no XML.

Handles "November 20, 1937", "January 11, 1937, morning", "Dec. 1937", "July, 1938",
"End of November, 1936" (vague: notBefore/notAfter), "May 8 and 18, 1937" (double: from/to),
"1st of August" and "1st Sept." (day and month; the year carries over from the previous entry).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from .model import DateValue

MONTHS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")"
    r"|(?:" + "|".join(a.capitalize() for a in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")\."
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"1[5-9][0-9][0-9]|20[0-9][0-9]"
_PART_OF_DAY = r"(?:,\s*|\s+)(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|noon|midnight)"
_VAGUE = r"(?:End|Beginning|Middle|Mid|Early|Late|Start)(?:\s+of|-)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"

# One pattern per form, tried in order; each names its groups.
DATE_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("double", rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*(?:and|&)\s*(?P<day2>{_DAY}),?\s+"
                   rf"(?P<year>{_YEAR})"),
        ("range", rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*[–-]\s*(?P<day2>{_DAY}),?\s+(?P<year>{_YEAR})"),
        ("vague", rf"(?P<vague>{_VAGUE})\s*(?P<month>{_MONTH}),?(?:\s+(?P<year>{_YEAR}))?"),
        ("day", rf"{_WEEKDAY}?(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?(?:\s+(?P<year>{_YEAR}))?"),
        ("day", rf"{_WEEKDAY}?(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH}),?(?:\s+(?P<year>{_YEAR}))?"),
        ("month", rf"(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})"),
        ("year", rf"(?P<year>{_YEAR})"),
    )
)  # fmt: skip
PART_OF_DAY = re.compile(_PART_OF_DAY)
VAGUE_DAYS = {"beginning": (1, 10), "start": (1, 10), "early": (1, 10), "middle": (11, 20),
              "mid": (11, 20), "end": (20, None), "late": (20, None)}  # fmt: skip


class DateError(ValueError):
    """The phrase is not a date this module understands, or names an impossible day."""


def month_number(token: str) -> int:
    key = token.rstrip(".").lower()
    if key in MONTHS:
        return MONTHS[key]
    if key in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[key]
    raise DateError(f"unknown month {token!r}")


def match_date(text: str, pos: int = 0) -> tuple[str, re.Match[str]] | None:
    """The longest date form that matches ``text`` at ``pos`` (with any part of day)."""
    best: tuple[str, re.Match[str]] | None = None
    for kind, pattern in DATE_FORMS:
        found = pattern.match(text, pos)
        if found and (best is None or found.end() > best[1].end()):
            best = (kind, found)
    return best


def date_value(kind: str, found: re.Match[str], default_year: int | None) -> DateValue:
    """Turn a match of :data:`DATE_FORMS` into ISO values; ``default_year`` fills a missing year."""
    groups = found.groupdict()
    year_text = groups.get("year")
    if year_text is None and default_year is None:
        raise DateError(f"{found.group(0)!r} has no year and there is no earlier entry to take it from")
    year = int(year_text) if year_text else int(default_year or 0)
    if kind == "year":
        return DateValue(when=f"{year:04d}", kind="year")
    month = month_number(groups["month"])
    if kind == "month":
        return DateValue(when=f"{year:04d}-{month:02d}", kind="month")
    last_day = calendar.monthrange(year, month)[1]
    if kind == "vague":
        first, last = VAGUE_DAYS[groups["vague"].split()[0].rstrip("-").lower()]
        return DateValue(
            not_before=f"{year:04d}-{month:02d}-{first:02d}",
            not_after=f"{year:04d}-{month:02d}-{last or last_day:02d}",
            kind="vague",
        )
    day = _day(groups["day"], last_day, found.group(0))
    if kind in ("double", "range"):
        day2 = _day(groups["day2"], last_day, found.group(0))
        if day2 <= day:
            raise DateError(f"{found.group(0)!r}: the second day comes before the first")
        return DateValue(
            from_=f"{year:04d}-{month:02d}-{day:02d}", to=f"{year:04d}-{month:02d}-{day2:02d}", kind=kind
        )
    return DateValue(when=f"{year:04d}-{month:02d}-{day:02d}", kind="day")


def _day(token: str, last_day: int, phrase: str) -> int:
    day = int(re.sub(r"\D", "", token))
    if not 1 <= day <= last_day:
        raise DateError(f"{phrase!r}: day {day} does not exist in that month")
    return day


def parse_date(text: str, default_year: int | None = None) -> DateValue:
    """Parse a whole date phrase (``"End of November, 1936"``); raise :class:`DateError`."""
    stripped = text.strip()
    result = match_date(stripped)
    if result is None:
        raise DateError(f"{text!r} is not a date")
    kind, found = result
    rest = stripped[found.end() :]
    part = PART_OF_DAY.match(rest)
    if part:
        rest = rest[part.end() :]
    if rest.strip(" .,:;"):
        raise DateError(f"{text!r}: unexpected words after the date: {rest.strip()!r}")
    return date_value(kind, found, default_year)


def correct_misprinted_year(value: DateValue, latest_year: int, previous_year: int | None) -> DateValue:
    """A diary date cannot fall after the installment's publication. Where the printed year does
    (the archive's "December, 1988" for 1938) and changing one digit gives the previous entry's
    year, use that year and mark the value as a conjecture."""
    year = int(value.start[:4]) if value.start else 0
    if year <= latest_year or previous_year is None:
        return value
    printed, wanted = f"{year:04d}", f"{previous_year:04d}"
    if sum(a != b for a, b in zip(printed, wanted, strict=True)) != 1:
        return value

    def fix(iso: str | None) -> str | None:
        return None if iso is None else wanted + iso[4:]

    return replace(
        value,
        when=fix(value.when),
        not_before=fix(value.not_before),
        not_after=fix(value.not_after),
        from_=fix(value.from_),
        to=fix(value.to),
        conjecture=True,
    )


def roll_into_next_year(value: DateValue, previous_end: str) -> DateValue:
    """A yearless date in January–March after an entry of October–December belongs to the next
    year ("December, 1938." then "January 2."); any other yearless date keeps the carried year,
    flashbacks included."""
    if len(previous_end) < 7 or len(value.start) < 7:
        return value
    if not (int(previous_end[5:7]) >= 10 and int(value.start[5:7]) <= 3):
        return value
    year = f"{int(previous_end[:4]) + 1:04d}"

    def shift(iso: str | None) -> str | None:
        return None if iso is None else year + iso[4:]

    return replace(value, when=shift(value.when), not_before=shift(value.not_before),
                   not_after=shift(value.not_after), from_=shift(value.from_), to=shift(value.to))
