"""End to end on a dated news corpus: ingest, merge incidents, timeline, and a merge spot-check.

    .venv/bin/python scripts/eval_corpus.py [--csv PATH] [--db /tmp/fp-guardian.db]
        [--workers 1] [--limit N] [--show 30] [--seed 5]
        [--plot tension.png] [--direct] [--json]

Ingests the CSV (columns ``date``, ``text``, ``source``) into a store through
the corpus ingest (idempotent: a second run reuses the store), or, with
``--direct``, extracts in memory with ``flashpoint.extract_many``. Then prints:
how many documents, events and incidents; how many incidents were merged from
several reports (distinct documents); the size distribution; the top dyads
(source country -> target country, by incident count); the weekly tension
index of the top dyad; and ``--show`` merged incidents drawn at random (fixed
seed) with every report's evidence sentence, for a reader to judge each merge
right or wrong. The labels go in docs/incidents.md; nothing here is scored
automatically because the corpus has no gold incidents.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from flashpoint.corpus.incidents import label_code, merge_reports
from flashpoint.corpus.timeline import format_table, plot_tension, select, tension_index
from flashpoint.errors import EvalDataMissing
from flashpoint.models import Incident, Report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "eval" / "guardian_sdf" / "Guardian_SDF_sample.csv"


def _rows(path: Path, limit: int | None) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            if limit is not None and n >= limit:
                return
            yield row


def direct(path: Path, limit: int | None) -> tuple[dict[str, Report], list[Incident]]:
    """Extract in memory (no store): reports by document id, and their incidents."""
    from flashpoint import Settings, extract_many

    rows = list(_rows(path, limit))
    reports = {
        r.document.id: r
        for r in extract_many(
            (row["text"] for row in rows),
            [row["date"] for row in rows],
            sources=[row.get("source") for row in rows],
            settings=Settings(check_language=False),
        )
    }
    return reports, merge_reports(reports.values())


def via_store(
    path: Path, db: Path, limit: int | None, workers: int
) -> tuple[dict[str, Report], list[Incident], dict[str, object]]:
    """Ingest through the corpus store; returns its reports, incidents and stats."""
    from flashpoint.corpus.ingest import Columns, ingest
    from flashpoint.corpus.store import Store

    with Store(db) as store:
        columns = Columns(text="text", date="date", url=None, title=None, outlet="source")
        ingest(path, store, columns=columns, workers=workers, limit=limit, progress=True)
        reports = {r.document.id: r for r in store.reports()}
        return reports, list(store.incidents()), dict(store.stats())


def dyad(inc: Incident) -> tuple[str, str]:
    def country(labels: list[str]) -> str:
        codes = [(label_code(x) or "").split("/")[0] for x in labels]
        return next((c for c in codes if c), labels[0] if labels else "?")

    return country(inc.source_actors), country(inc.target_actors)


def evidence(inc: Incident, reports: dict[str, Report], width: int = 240) -> list[str]:
    lines = []
    for s in inc.sightings:
        rep = reports.get(s.document)
        event = next((e for e in rep.events if e.id == s.event), None) if rep else None
        text = " ".join(event.sentence.text.split()) if event else "(event not found)"
        if len(text) > width:
            text = text[: width - 3] + "..."
        lines.append(
            f"    {s.published or '?'} {s.document[:8]} {event.type if event else ''}: {text}"
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--db", type=Path, default=Path("/tmp/fp-guardian.db"))
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--plot", type=Path, default=None)
    ap.add_argument("--direct", action="store_true", help="extract in memory, no store")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = ap.parse_args()
    if not args.csv.is_file():
        raise EvalDataMissing(path=str(args.csv))

    started = time.perf_counter()
    stats: dict[str, object] = {}
    if args.direct:
        reports, incidents = direct(args.csv, args.limit)
    else:
        reports, incidents, stats = via_store(args.csv, args.db, args.limit, args.workers)
    seconds = time.perf_counter() - started

    events = sum(len(r.events) for r in reports.values())
    sizes = Counter(len({s.document for s in inc.sightings}) for inc in incidents)
    merged = [inc for inc in incidents if len({s.document for s in inc.sightings}) > 1]
    figures = {
        "documents": len(reports),
        "events": events,
        "incidents": len(incidents),
        "merged_incidents": len(merged),
        "events_in_merged": sum(len(inc.sightings) for inc in merged),
        "conflicting": sum(1 for inc in incidents if inc.conflicting),
        "seconds": round(seconds, 1),
    }
    print("\n== corpus ==")
    for key, value in {**figures, **{f"store_{k}": v for k, v in stats.items()}}.items():
        print(f"{key:>22}: {value}")
    print("  reports per incident: " + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))

    dyads = Counter(dyad(inc) for inc in incidents)
    print("\n== top dyads (source -> target: incidents) ==")
    for (a, b), n in dyads.most_common(12):
        print(f"  {a} -> {b}: {n}")

    top = next(((a, b) for (a, b), _ in dyads.most_common() if a != "?" and b != "?"), None)
    if top:
        points = tension_index(incidents, freq="week", dyad=top)
        print(f"\n== weekly tension index {top[0]}:{top[1]} (last 12 weeks with incidents) ==")
        busy = [p for p in points if p.incidents][-12:]
        print(format_table(busy))
        if args.plot:
            plot_tension(points, args.plot, title=f"Tension {top[0]}:{top[1]} (weekly)")
            print(f"plot written to {args.plot}")
        print(f"  incidents in the {top[0]}:{top[1]} timeline: {len(select(incidents, dyad=top))}")

    rng = random.Random(args.seed)
    sample = rng.sample(merged, min(args.show, len(merged)))
    sample.sort(key=lambda inc: (inc.date or "", inc.id))
    print(f"\n== {len(sample)} merged incidents drawn at random (seed {args.seed}) ==")
    for n, inc in enumerate(sample, 1):
        src = "; ".join(inc.source_actors[:3]) or "?"
        tgt = "; ".join(inc.target_actors[:3]) or "?"
        span = inc.date if inc.date == inc.date_end else f"{inc.date}..{inc.date_end}"
        print(f"\n[{n}] {inc.id} {inc.type} {span} at {inc.location or '?'}: {src} -> {tgt}")
        if inc.figures:
            print("    figures: " + ", ".join(
                f"{f.value:g} {f.kind} ({f.qualifier}, {f.published})" for f in inc.figures
            ) + (f"  CONFLICTING {inc.conflicting}" if inc.conflicting else ""))  # fmt: skip
        print("\n".join(evidence(inc, reports)))
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
