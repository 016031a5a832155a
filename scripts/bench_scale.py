"""Scaling benchmark: cost per character from 1 KB to 1 MB, and ingest memory over a corpus.

Not a test: it prints figures, each timed pass next to a bare spaCy pass of the same
text in the same run (the machine may be shared: read ratios, not seconds).

``curve``: documents of 1 KB, 4 KB, ... up to ``--max-kb`` made by joining Guardian
articles (``../shared/eval/guardian_sdf/``) with blank lines; for each, the bare parse
(``nlp.pipe`` over the same pieces and batches the pipeline cuts, see
``pipeline.split_text``) and
``extract``, in microseconds per character. Flat columns mean linear cost.

``ingest``: ingests ``--jsonl`` (default ``../shared/eval/gva/docs.jsonl``) into a fresh
store with one process and prints the resident memory (current and peak) after 250,
1,000 and 4,000 documents (or the ``--marks`` given): flat if the ingest streams.

Usage::

    .venv/bin/python scripts/bench_scale.py curve --max-kb 1024
    .venv/bin/python scripts/bench_scale.py ingest --marks 250,1000,4000
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.nlp import load
from flashpoint.pipeline import _batches, extract, split_text

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
GUARDIAN = SHARED / "guardian_sdf" / "Guardian_SDF_sample.csv"
GVA = SHARED / "gva" / "docs.jsonl"


def rss_mib() -> tuple[float, float]:
    """Current and peak resident memory of this process, in MiB (Linux)."""
    current = 0.0
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    current = int(line.split()[1]) / 1024
    except OSError:
        pass
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_text(chars: int) -> str:
    csv.field_size_limit(sys.maxsize)
    parts: list[str] = []
    size = 0
    while size < chars:
        with GUARDIAN.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                parts.append(row["text"].strip())
                size += len(parts[-1]) + 2
                if size >= chars:
                    break
    return "\n\n".join(parts)[:chars]


def curve(max_kb: int) -> None:
    if not GUARDIAN.exists():
        print(f"skipped: {GUARDIAN} is absent")
        return
    settings = Settings(check_language=False, max_chars=max(2_000_000, max_kb * 1024 + 1))
    nlp = load(settings.model)
    extract(corpus_text(2000), "2021-01-01", settings=settings)  # warm-up: lazy loads
    print(f"{'size':>8} {'bare s':>8} {'extract s':>10} {'bare us/ch':>11} {'extract us/ch':>14}"
          f" {'ratio':>6} {'peak MiB':>9}")  # fmt: skip
    for kb in (k for k in (1, 4, 16, 64, 256, 1024, 4096) if k <= max_kb):
        text = corpus_text(kb * 1024)
        began = time.perf_counter()
        for batch in _batches(((piece, None) for piece in split_text(text)), 32):
            for _ in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                pass
        bare = time.perf_counter() - began
        began = time.perf_counter()
        extract(text, "2021-01-01", settings=settings)
        full = time.perf_counter() - began
        n = len(text)
        print(f"{kb:>6}KB {bare:8.2f} {full:10.2f} {1e6 * bare / n:11.1f} {1e6 * full / n:14.1f}"
              f" {full / bare:6.2f} {rss_mib()[1]:9.0f}", flush=True)  # fmt: skip


def ingest_memory(path: Path, marks: list[int]) -> None:
    from flashpoint.corpus.ingest import Item, ingest, read_source
    from flashpoint.corpus.store import Store

    if not path.exists():
        print(f"skipped: {path} is absent")
        return
    count = [0]
    pending = sorted(marks)
    began = time.perf_counter()

    def items() -> Iterator[Item]:
        for item in read_source(path):
            count[0] += 1
            yield item

    def report(_: int) -> None:
        while pending and count[0] >= pending[0]:
            current, peak = rss_mib()
            seconds = time.perf_counter() - began
            print(f"after {pending.pop(0):>5} documents: RSS {current:6.0f} MiB, peak"
                  f" {peak:6.0f} MiB, {seconds:7.1f} s", flush=True)  # fmt: skip

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "c.db") as store:
        summary = ingest(items(), store, limit=max(marks), progress=False, incidents=False,
                         on_batch=report)  # fmt: skip
        report(0)
        current, peak = rss_mib()
        print(f"end ({summary.read} read, {summary.added} added, {summary.duplicates} near-dup,"
              f" {sum(summary.skipped.values())} skipped): RSS {current:.0f} MiB, peak {peak:.0f}"
              f" MiB, {summary.seconds:.1f} s")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    c = sub.add_parser("curve", help="cost per character from 1 KB up")
    c.add_argument("--max-kb", type=int, default=1024)
    i = sub.add_parser("ingest", help="ingest memory after N documents")
    i.add_argument("--jsonl", type=Path, default=GVA)
    i.add_argument("--marks", default="250,1000,4000")
    args = parser.parse_args(argv)
    if args.what == "curve":
        curve(args.max_kb)
    else:
        ingest_memory(args.jsonl, [int(m) for m in args.marks.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
