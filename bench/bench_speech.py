"""Benchmark: the speech and foreign passes grow linearly with the size of the text.

Run from the repository root after installing the project:

    .venv/bin/python bench/bench_speech.py            # 1×, 10×, 100× the first installment
    .venv/bin/python bench/bench_speech.py --repeat 5

For each size the script converts the generated source once with every pass before ``speech``
(notes, dates, names), then times the speech pass and the foreign pass on fresh copies of that
tree (median of ``--repeat`` runs) and prints milliseconds, microseconds per KB of source and
the ratio to the 1× time per KB: a linear pass keeps that ratio near 1.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

from tei_serge.context import Context, ConvertOptions
from tei_serge.passes import foreign, speech
from tei_serge.pipeline import convert_source


def timed(apply, tree, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        fresh = copy.deepcopy(tree)
        start = time.perf_counter()
        apply(fresh, Context())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    base: dict[str, float] = {}
    print(f"{'size':>5} {'KB':>8} {'pass':>8} {'ms':>9} {'µs/KB':>8} {'ratio':>6}")
    for size in args.sizes:
        text = generate(size)
        kb = len(text.encode("utf-8")) / 1024
        options = ConvertOptions(skip=frozenset({"speech", "foreign"}))
        tree = convert_source(text.encode("utf-8"), options).tree
        for name, apply in (("speech", speech.apply), ("foreign", foreign.apply)):
            seconds = timed(apply, tree, args.repeat)
            per_kb = seconds * 1e6 / kb
            base.setdefault(name, per_kb)
            print(f"{size:>5} {kb:>8.0f} {name:>8} {seconds * 1000:>9.1f} {per_kb:>8.1f} "
                  f"{per_kb / base[name]:>6.2f}")


if __name__ == "__main__":
    main()
