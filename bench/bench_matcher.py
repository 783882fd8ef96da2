"""Benchmark: the names matcher's time grows linearly with the size of the text.

Run from the repository root after installing the project:

    .venv/bin/python bench/bench_matcher.py            # 1×, 10×, 100× the first installment
    .venv/bin/python bench/bench_matcher.py --repeat 7

Three measurements per size (median of ``--repeat`` runs, after a warm-up):

- ``find``: the one compiled pattern alone over the plain text (every form, longest first);
- ``resolve``: find plus the context rules (``Resolver``) for every match, as the pass does;
- ``pass``: the whole names pass over a TEI document whose body holds the entries N times.

For each the script prints milliseconds, microseconds per KB and the ratio to the 1× time per KB:
a linear matcher keeps that ratio near 1 (a matcher that looped over names, or backtracked
badly, would grow with the register or the text). The compile time of the pattern is printed
once; it depends on the register, not on the text.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from collections.abc import Callable

from lxml import etree

from tei_serge.context import Context
from tei_serge.passes import names
from tei_serge.pipeline import convert
from tei_serge.register import Matcher, Resolver, load_register
from tei_serge.resources import embedded_source_path
from tei_serge.xmlio import NSMAP

SIZES = (1, 10, 100)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def scaled_tree(base: etree._ElementTree, factor: int) -> etree._ElementTree:
    """The converted installment with its entries repeated ``factor`` times (fresh ids)."""
    tree = copy.deepcopy(base)
    body = tree.getroot().find("tei:text/tei:body", NSMAP)
    assert body is not None
    entries = list(body)
    for round_ in range(1, factor):
        for element in entries:
            clone = copy.deepcopy(element)
            for node in clone.iter():
                xml_id = node.get("{http://www.w3.org/XML/1998/namespace}id")
                if xml_id:
                    node.set("{http://www.w3.org/XML/1998/namespace}id", f"{xml_id}-r{round_}")
            body.append(clone)
    return tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args(argv)

    register = load_register()
    forms = [*register.index, *register.not_names]
    start = time.perf_counter()
    matcher = Matcher(forms)
    compile_ms = (time.perf_counter() - start) * 1000
    print(f"register: {len(register)} entries, {len(forms)} forms; pattern compiled in {compile_ms:.1f} ms")

    text = embedded_source_path().read_text(encoding="utf-8")
    base = convert(embedded_source_path())
    for element in base.getroot().iter():
        if isinstance(element.tag, str) and element.get("ref"):
            del element.attrib["ref"]  # the pass would otherwise only count existing names

    def find(sample: str) -> Callable[[], object]:
        return lambda: sum(1 for _ in matcher.find(sample))

    def resolve(sample: str) -> Callable[[], object]:
        def run() -> int:
            resolver = Resolver(register)
            found = 0
            for match in matcher.find(sample):
                entry = resolver.resolve(match.form, sample[match.end : match.end + 40], "", False)
                if entry is not None:
                    resolver.see(entry.id)
                    found += 1
            return found

        return run

    def whole_pass(tree: etree._ElementTree) -> Callable[[], object]:
        return lambda: names.apply(copy.deepcopy(tree), Context(register=register))

    print(f"{'size':>5} {'KB':>8} {'measure':>8} {'ms':>10} {'µs/KB':>8} {'ratio':>6}")
    per_kb_at_1x: dict[str, float] = {}
    for factor in SIZES:
        sample = "\n\n".join([text] * factor)
        kb = len(sample.encode("utf-8")) / 1024
        tree = scaled_tree(base, factor)
        repeat = max(1, args.repeat if factor < 100 else min(args.repeat, 3))
        for label, action in (
            ("find", find(sample)),
            ("resolve", resolve(sample)),
            ("pass", whole_pass(tree)),
        ):
            ms = median_ms(action, repeat)
            per_kb = ms * 1000 / kb
            per_kb_at_1x.setdefault(label, per_kb)
            ratio = per_kb / per_kb_at_1x[label]
            print(f"{factor:>4}× {kb:>8.1f} {label:>8} {ms:>10.2f} {per_kb:>8.1f} {ratio:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
