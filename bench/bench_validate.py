"""What validation costs: compiling the schemas, then validating documents, in one process.

    .venv/bin/python bench/bench_validate.py [TEI_ALL_RNG] [FILE_OR_FOLDER ...]

Prints, for the project schema and for tei_all: the compile time and the memory it adds, then
the time of a batch over the foreign TEI folder (by default) and the slowest files. The numbers
behind the README's paragraph on validation cost; no limits are enforced here.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tei_serge.resources import schema_path  # noqa: E402
from tei_serge.validate import (  # noqa: E402
    collect_documents,
    rng_validator,
    schematron_transform,
    validate,
)

SHARED = REPO.parent / "shared"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(label: str, action) -> None:  # type: ignore[no-untyped-def]
    before, start = _rss_mb(), time.perf_counter()
    action()
    print(f"{label:<38} {time.perf_counter() - start:7.2f} s   +{_rss_mb() - before:5.0f} MB peak")


def main(argv: list[str]) -> int:
    tei_all = Path(argv[0]) if argv else SHARED / "schemas" / "tei_all.rng"
    targets = [Path(a) for a in argv[1:]] or [SHARED / "foreign-tei"]
    documents = collect_documents(targets)
    _timed("compile tei_serge.rng", lambda: rng_validator(schema_path("tei_serge.rng")))
    _timed("load Schematron XSLT (both phases)", lambda: [schematron_transform(p) for p in (True, False)])
    _timed("compile tei_all.rng", lambda: rng_validator(tei_all))
    times: list[tuple[float, Path, int]] = []

    def batch() -> None:
        for path in documents:
            start = time.perf_counter()
            report = validate(path, schema="tei_all", tei_all=tei_all)
            times.append((time.perf_counter() - start, path, len(report.findings)))

    _timed(f"validate {len(documents)} files against tei_all", batch)
    for seconds, path, findings in sorted(times, reverse=True)[:5]:
        print(f"  {seconds:6.2f} s  {path.name} ({findings} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
