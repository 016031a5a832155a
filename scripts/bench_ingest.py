"""Benchmark corpus ingest: throughput per engine against a bare spaCy pass, and peak memory.

Not a test: it prints figures. On ../shared/eval/guardian_sdf/Guardian_SDF_sample.csv
(249 dated articles) it measures

1. the bare ``nlp.pipe`` pass over the texts (the cost floor), in articles/s,
   and ``extract_many`` without a store (the extractors' own cost);
2. ``ingest`` into a fresh store with 1 process, 2 local processes and Dask
   (a LocalCluster of 2 workers), in articles/s and as a ratio to the bare pass
   (ingest time / bare time; process and cluster start-up included);
3. peak resident memory of a 1-process ingest (a fresh interpreter each) after
   50, 100 and all documents: flat if the ingest streams.

Usage: ``.venv/bin/python scripts/bench_ingest.py [--limit N] [--skip-dask] [--json]
[--extractors actors,places,...]`` (a subset isolates the store's overhead from slow extractors).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from flashpoint.config import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "guardian_sdf" / "Guardian_SDF_sample.csv"
COLUMNS = {"text": "text", "date": "date", "outlet": "source"}

MEMORY_CHILD = """
import resource, sys

def rss():  # the current resident size in KiB (the peak hides what happens after loading)
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

from flashpoint.config import Settings
from flashpoint.corpus.ingest import Columns, ingest
from flashpoint.corpus.store import Store
from flashpoint.pipeline import extract
chosen = tuple(sys.argv[4].split(",")) if sys.argv[4] else None
extract("Troops crossed the border on Monday, officials said.", "2024-01-01",
        settings=Settings(extractors=chosen, check_language=False))
print(rss())
with Store(sys.argv[2]) as store:
    ingest(sys.argv[1], store, columns=Columns(text="text", date="date", outlet="source"),
           limit=int(sys.argv[3]), progress=False, incidents=False,
           settings=Settings(extractors=chosen))
print(rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def texts(limit: int | None) -> list[str]:
    csv.field_size_limit(2**31 - 1)
    with DATA.open(newline="", encoding="utf-8") as handle:
        rows = [row["text"] for row in csv.DictReader(handle)]
    return rows[:limit] if limit else rows


def bare_pass(docs: list[str]) -> float:
    from flashpoint.config import Settings
    from flashpoint.nlp import load

    nlp = load(Settings().model)
    started = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=Settings().batch_size):
        pass
    return time.perf_counter() - started


def pipeline_only(docs: list[str], settings: Settings) -> float:
    from flashpoint.pipeline import extract_many

    started = time.perf_counter()
    for _ in extract_many(docs, settings=replace(settings, check_language=False)):
        pass
    return time.perf_counter() - started


def timed_ingest(limit: int | None, settings: Settings, **engine: object) -> tuple[float, int]:
    from flashpoint.corpus.ingest import Columns, ingest
    from flashpoint.corpus.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        started = time.perf_counter()
        summary = ingest(
            DATA,
            store,
            columns=Columns(**COLUMNS),
            limit=limit,
            progress=False,
            incidents=False,
            settings=settings,
            **engine,  # type: ignore[arg-type]
        )
        return time.perf_counter() - started, summary.read


def peak_memory_mb(limit: int, extractors: str) -> tuple[float, float, float]:
    """RSS (MB) once warmed up (model and lexicons loaded), after the ingest, and the peak."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                MEMORY_CHILD,
                str(DATA),
                str(Path(tmp) / "m.db"),
                str(limit),
                extractors,
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
    warm, end, peak = (round(int(v) / 1024, 1) for v in done.stdout.split()[-3:])
    return warm, end, peak


def throughput(docs: list[str], args: argparse.Namespace, settings: Settings) -> dict[str, object]:
    """Articles/s of each engine; the machine is shared, so each is paired with a bare pass."""
    n = len(docs)
    bare = bare_pass(docs)
    results: dict[str, object] = {"bare_spacy_per_s": round(n / bare, 2)}
    print(f"bare spaCy pass: {n} articles in {bare:.1f}s = {n / bare:.2f} articles/s")
    plain = pipeline_only(docs, settings)
    print(f"extract_many, no store: {n / plain:.2f} articles/s, {plain / bare:.2f}x the bare pass")
    results["extract_many"] = {"per_s": round(n / plain, 2), "x_bare": round(plain / bare, 2)}
    engines: list[tuple[str, dict[str, object]]] = [
        ("1 process", {"workers": 1}),
        ("2 processes", {"workers": 2}),
    ]
    if not args.skip_dask:
        engines.append(("dask, 2 local workers", {"workers": 2, "engine": "dask"}))
    for name, engine in engines:
        bare = bare_pass(docs)
        seconds, read = timed_ingest(args.limit, settings, **engine)
        rate = read / seconds
        print(
            f"ingest, {name}: {rate:.2f} articles/s; bare pass just before: {n / bare:.2f}/s;"
            f" ingest time = {seconds / bare:.2f}x the bare pass"
        )
        results[f"ingest {name}"] = {
            "per_s": round(rate, 2),
            "bare_per_s": round(n / bare, 2),
            "x_bare": round(seconds / bare, 2),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--memory-only", action="store_true", help="Only the memory figures.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line.")
    parser.add_argument("--extractors", default=None, help="Comma-separated subset to run.")
    args = parser.parse_args()
    chosen = tuple(args.extractors.split(",")) if args.extractors else None
    settings = Settings(extractors=chosen)
    if not DATA.exists():
        sys.exit(f"no benchmark data at {DATA}")
    docs = texts(args.limit)
    n = len(docs)
    results: dict[str, object] = {"articles": n}
    if not args.memory_only:
        results.update(throughput(docs, args, settings))
    sizes = sorted({min(s, n) for s in (50, 100, n)})
    memory = {size: peak_memory_mb(size, args.extractors or "") for size in sizes}
    print(
        "RSS of a 1-process ingest (warmed up -> end of run, peak): "
        + ", ".join(f"{k} docs {w} -> {e} MB (peak {p})" for k, (w, e, p) in memory.items())
    )
    results["peak_rss_mb"] = memory
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
