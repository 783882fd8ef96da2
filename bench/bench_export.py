"""Time and peak memory of the HTML and text exports on the big foreign TEI documents.

Each (document, format) runs in a fresh Python process, so the peak resident set size
(``resource.getrusage``) is that of one export: interpreter + lxml + parse + transform +
serialisation. Limits (issue 9): under 2 s per export, peak memory under 20 × the input + 60 MB.

    .venv/bin/python bench/bench_export.py [FILE ...]

Exit status 1 when a limit is exceeded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOREIGN = REPO.parent / "shared" / "foreign-tei"
DEFAULT = [
    "large-standoff-ruy-diaz-1612.xml",  # 1.9 MB
    "tables-euler-algebra-1770-dta.xml",  # 1.1 MB
    "diary-mitford-1819-1823.xml",  # 0.9 MB
]
SECONDS = 2.0
MB = 1024 * 1024

CHILD = """
import json, resource, sys, time
from pathlib import Path
from tei_serge.export import export_html, export_text
from tei_serge.xmlio import parse_xml
path, fmt = Path(sys.argv[1]), sys.argv[2]
render = export_html if fmt == "html" else export_text
render(parse_xml(Path(sys.argv[3])))  # compile the stylesheet outside the timing
start = time.perf_counter()
tree = parse_xml(path)
parsed = time.perf_counter()
out = render(tree)
done = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"parse": parsed - start, "export": done - parsed, "peak": peak, "chars": len(out)}))
"""


def measure(path: Path, fmt: str) -> dict[str, float]:
    warmup = FOREIGN / "minimal-bare-app.xml"
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), fmt, str(warmup)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    result: dict[str, float] = json.loads(completed.stdout)
    return result


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or [FOREIGN / name for name in DEFAULT]
    failed = False
    header = ("document", "fmt", "size MB", "parse s", "export s", "peak MB", "limit MB")
    print("{:40} {:5} {:>8} {:>8} {:>9} {:>8} {:>9}".format(*header))
    for path in files:
        size = path.stat().st_size
        limit = 20 * size + 60 * MB
        for fmt in ("html", "text"):
            r = measure(path, fmt)
            total = r["parse"] + r["export"]
            over = total >= SECONDS or r["peak"] >= limit
            failed |= over
            print(
                f"{path.name[:40]:40} {fmt:5} {size / MB:8.2f} {r['parse']:8.3f} {r['export']:9.3f} "
                f"{r['peak'] / MB:8.1f} {limit / MB:9.1f}{'  OVER' if over else ''}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
