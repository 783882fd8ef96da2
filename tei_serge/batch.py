"""Many sources at once: collect them, build each in its own process, never stop on a failure."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .context import ConvertOptions
from .errors import SourceError, TeiSergeError
from .pipeline import BuildResult, build
from .xmlio import is_folder

SOURCE_SUFFIXES = (".txt",)


def collect_sources(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the ``*.txt`` files of folders (sorted); refuses missing paths and
    two sources that would write the same outputs."""
    sources: list[Path] = []
    for path in paths:
        if is_folder(path):
            sources.extend(sorted(p for p in path.iterdir() if p.suffix in SOURCE_SUFFIXES and p.is_file()))
        elif _missing(path):
            raise SourceError(f"{path}: no such file or folder")
        else:
            sources.append(path)  # an unreadable file too: its build says why
    if not sources:
        raise SourceError("nothing to build: the folders given hold no *.txt file")
    stems: dict[str, Path] = {}
    for source in sources:
        if source.stem in stems:
            raise SourceError(f"{source} and {stems[source.stem]} would both write {source.stem}.*")
        stems[source.stem] = source
    return sources


def _missing(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False  # there, but not to be looked at (permissions)
    return False


def build_safely(source: Path | None, out_dir: Path, options: ConvertOptions | None) -> BuildResult:
    """:func:`~tei_serge.pipeline.build`, with any failure turned into the result's error."""
    try:
        return build(source, out_dir, options)
    except TeiSergeError as exc:
        return BuildResult(source=str(source), error=str(exc))
    except Exception as exc:  # one bad file must never stop the others
        return BuildResult(
            source=str(source), error=f"internal error ({type(exc).__name__}: {exc}); please report this bug"
        )


def build_many(
    sources: list[Path],
    out_dir: Path,
    options: ConvertOptions | None = None,
    *,
    jobs: int | None = None,
    on_result: Callable[[BuildResult], None] | None = None,
) -> list[BuildResult]:
    """Build every source into ``out_dir``, in parallel on all cores; results in input order."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(sources)))
    if workers == 1:
        results = []
        for source in sources:
            results.append(build_safely(source, out_dir, options))
            if on_result:
                on_result(results[-1])
        return results
    by_source: dict[str, BuildResult] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build_safely, source, out_dir, options) for source in sources]
        for future in as_completed(futures):
            result = future.result()
            by_source[result.source] = result
            if on_result:
                on_result(result)
    return [by_source[str(source)] for source in sources]
