"""Benchmark: tei-serge against the floor, on the source and on 10× and 100× corpora.

Run from the repository root after installing the project:

    .venv/bin/python bench/bench.py            # all sizes
    .venv/bin/python bench/bench.py --quick    # the source and 10× only

The floor is one Python process that imports typer, rich and lxml, then parses and serialises
the same TEI. Every figure is printed as milliseconds, MB/s of the input, peak memory (the
process's maximum resident set), and its ratio to the floor of the same size. Whole-process
timings are the median of several runs after a warm-up run; in-process timings are the median
after a warm-up.

Child processes run as an installed tool does, with the modules' bytecode cached (here in a
temporary ``PYTHONPYCACHEPREFIX``, as the environment may set ``PYTHONDONTWRITEBYTECODE``), so
start-up is not inflated by compiling tei-serge's sources at every run (typer, rich and lxml,
installed by pip, have theirs already). ``--no-bytecode-cache`` measures without it.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate

PYTHON = sys.executable
TEI_SERGE = [PYTHON, "-m", "tei_serge"]
FLOOR_CODE = (
    "import sys, typer, rich, lxml.etree as e; "
    "t = e.parse(sys.argv[1]); open(sys.argv[2], 'wb').write(e.tostring(t, encoding='UTF-8'))"
)
# Runs a command and prints the peak resident memory of that child alone (KiB).
PEAK_WRAPPER = (
    "import resource, subprocess, sys; "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
    "sys.stderr.write(r.stderr.decode()[-2000:] if r.returncode else ''); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
)
SAXON_TEI_HTML_SECONDS = 1.9  # TEI Stylesheets' HTML conversion on Saxon-HE, this kind of machine


@dataclass
class Measure:
    name: str
    size: str
    input_bytes: int
    seconds: float
    peak_mb: float | None = None

    @property
    def mb_per_s(self) -> float:
        return self.input_bytes / 1e6 / self.seconds if self.seconds else float("inf")


CHILD_ENV: dict[str, str] | None = None  # the environment of measured processes (None: ours)


def run_process(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time of ``command`` (after one warm-up run) and its peak memory (MB)."""
    times: list[float] = []
    peak = 0.0
    subprocess.run(command, capture_output=True, env=CHILD_ENV)  # warm-up: disk cache, bytecode
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            [PYTHON, "-c", PEAK_WRAPPER, *command], capture_output=True, text=True, env=CHILD_ENV
        )
        times.append(time.perf_counter() - start)
        rss_kib, code = done.stdout.split()
        if code not in ("0", "1"):
            raise SystemExit(f"failed ({code}): {' '.join(command)}\n{done.stderr}")
        peak = max(peak, int(rss_kib) / 1024)
    # the wrapper's own start-up is not part of the command: subtract an empty run
    return statistics.median(times) - WRAPPER_OVERHEAD, peak


def in_process(function: Callable[[], object], repeat: int) -> float:
    function()  # warm-up: compile stylesheets and schemas once, as a long-lived process would
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wrapper_overhead() -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([PYTHON, "-c", PEAK_WRAPPER, "true"], capture_output=True, env=CHILD_ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


WRAPPER_OVERHEAD = 0.0


def bench_size(label: str, copies: int, work: Path, repeat: int) -> list[Measure]:
    from tei_serge.export import export_html, export_text
    from tei_serge.pipeline import convert_source
    from tei_serge.validate import validate

    source = work / f"serge-{label}.txt"
    source.write_text(generate(copies), encoding="utf-8")
    size = source.stat().st_size
    tei = work / f"serge-{label}.xml"
    out = work / f"out-{label}"
    measures: list[Measure] = []

    def process(name: str, command: list[str]) -> None:
        seconds, peak = run_process(command, repeat)
        measures.append(Measure(name, label, size, seconds, peak))

    subprocess.run(
        [*TEI_SERGE, "convert", str(source), "-o", str(tei)], check=True, capture_output=True, env=CHILD_ENV
    )
    process("floor (import typer, rich, lxml; parse + serialise TEI)",
            [PYTHON, "-c", FLOOR_CODE, str(tei), str(work / "floor.xml")])  # fmt: skip
    process("tei-serge convert", [*TEI_SERGE, "convert", str(source), "-o", str(work / "c.xml")])
    process("tei-serge validate", [*TEI_SERGE, "validate", str(tei)])
    process("tei-serge export html", [*TEI_SERGE, "export", "html", str(tei), "-o", str(work / "e.html")])
    process("tei-serge export text", [*TEI_SERGE, "export", "text", str(tei), "-o", str(work / "e.txt")])
    process("tei-serge build", [*TEI_SERGE, "build", str(source), "-o", str(out)])

    data = source.read_bytes()
    conversion = convert_source(data)
    tree = conversion.tree
    for name, function in (
        ("in-process convert", lambda: convert_source(data)),
        ("in-process validate", lambda: validate(tree)),
        ("in-process export html", lambda: export_html(tree)),
        ("in-process export text", lambda: export_text(tree)),
    ):
        measures.append(Measure(name, label, size, in_process(function, repeat)))
    measures.extend(Measure(f"  convert stage: {stage}", label, size, seconds)
                    for stage, seconds in convert_stages(data, repeat).items())  # fmt: skip
    return measures


def convert_stages(data: bytes, repeat: int) -> dict[str, float]:
    """Median time of each stage of the in-process convert: reading, the TEI tree, the
    register, each pass (after a warm-up conversion)."""
    from tei_serge.context import ConvertOptions
    from tei_serge.passes import PASS_NAMES, get_pass
    from tei_serge.pipeline import load_context
    from tei_serge.source import read_source
    from tei_serge.tei import build_tei

    runs: dict[str, list[float]] = {}
    for _ in range(repeat + 1):
        stamps = [("start", time.perf_counter())]
        document = read_source(data, name="<bench>")
        stamps.append(("read source", time.perf_counter()))
        tree = build_tei(document)
        stamps.append(("build TEI", time.perf_counter()))
        ctx = load_context(ConvertOptions())
        stamps.append(("load register", time.perf_counter()))
        for name in PASS_NAMES:
            get_pass(name)(tree, ctx)
            stamps.append((f"pass {name}", time.perf_counter()))
        for (_, before), (stage, after) in itertools.pairwise(stamps):
            runs.setdefault(stage, []).append(after - before)
    return {stage: statistics.median(seconds[1:]) for stage, seconds in runs.items()}


def print_table(measures: list[Measure]) -> None:
    floors = {m.size: m.seconds for m in measures if m.name.startswith("floor")}
    print(f"{'size':>5}  {'operation':<56} {'ms':>9} {'MB/s':>8} {'peak MB':>8} {'× floor':>8}")
    for m in measures:
        peak = f"{m.peak_mb:8.1f}" if m.peak_mb is not None else " " * 8
        ratio = m.seconds / floors[m.size] if floors.get(m.size) else float("nan")
        print(f"{m.size:>5}  {m.name:<56} {m.seconds * 1000:9.1f} {m.mb_per_s:8.2f} {peak} {ratio:8.2f}")


def check_targets(measures: list[Measure]) -> list[str]:
    get = {(m.name, m.size): m for m in measures}
    lines = []

    def verdict(ok: bool, text: str) -> None:
        lines.append(f"{'PASS' if ok else 'FAIL'}  {text}")

    floor, build = (
        get[("floor (import typer, rich, lxml; parse + serialise TEI)", "1×")],
        get[("tei-serge build", "1×")],
    )
    verdict(build.seconds <= 3 * floor.seconds,
            f"build on the source within 3× the floor: {build.seconds / floor.seconds:.2f}×")  # fmt: skip
    html = get[("tei-serge export html", "1×")]
    verdict(SAXON_TEI_HTML_SECONDS / html.seconds >= 15,
            f"export html ≥ 15× faster than TEI Stylesheets on Saxon ({SAXON_TEI_HTML_SECONDS} s): "
            f"{SAXON_TEI_HTML_SECONDS / html.seconds:.1f}×")  # fmt: skip
    if ("in-process convert", "100×") in get:
        c10, c100 = get[("in-process convert", "10×")], get[("in-process convert", "100×")]
        verdict(c100.mb_per_s >= 5, f"convert ≥ 5 MB/s on the 100× corpus: {c100.mb_per_s:.2f} MB/s")
        per_mb = (c100.seconds / c100.input_bytes) / (c10.seconds / c10.input_bytes)
        verdict(per_mb <= 1.2, f"per-MB cost at 100× ≤ 1.2× the cost at 10×: {per_mb:.2f}×")
        for m in measures:
            if m.size == "100×" and m.peak_mb is not None and m.name.startswith("tei-serge"):
                limit = 20 * m.input_bytes / 1e6 + 60
                verdict(m.peak_mb <= limit, f"{m.name} 100× peak {m.peak_mb:.0f} MB ≤ {limit:.0f} MB")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="the source and 10× only")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="child processes compile every module"
    )
    args = parser.parse_args()
    global WRAPPER_OVERHEAD, CHILD_ENV
    sizes = [("1×", 1), ("10×", 10)] + ([] if args.quick else [("100×", 100)])
    work = Path(tempfile.mkdtemp(prefix="tei-serge-bench-"))
    if not args.no_bytecode_cache:
        CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    WRAPPER_OVERHEAD = wrapper_overhead()
    try:
        measures = [m for label, copies in sizes for m in bench_size(label, copies, work, args.repeat)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; wrapper overhead "
          f"{WRAPPER_OVERHEAD * 1000:.0f} ms subtracted from whole-process timings; bytecode "
          f"{'not cached' if args.no_bytecode_cache else 'cached'}")  # fmt: skip
    print_table(measures)
    print()
    print("\n".join(check_targets(measures)))


if __name__ == "__main__":
    main()
