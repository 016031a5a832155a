"""Benchmark incident merging: time and peak memory at 1k, 10k and 100k synthetic events.

    .venv/bin/python scripts/bench_incidents.py [--sizes 1000 10000 100000] [--seed 11]
        [--days-per-10k DAYS]
    .venv/bin/python scripts/bench_incidents.py --documents ../shared/eval/gva --cache DIR

With ``--documents``, it times document linking (corpus/linking.py) instead:
the gold set's real articles, profiled once, copied with their days shifted
so that a larger corpus covers more time at the same density. "compared" is
the mean number of article-to-member comparisons per added article (on the
first 2,000 articles): bounded by blocking, whatever the corpus size.

The events are random but fixed by the seed: 16 PLOVER types, actors drawn from
60 invented countries x 6 sectors plus 200 named groups, dates spread over one
year (or, with ``--days-per-10k``, over a span that grows with n: a corpus that
grows by covering more time, at constant density). Each event retells one of
n/3 random happenings (so about three reports each, dates off by up to a day);
a fifth are undated (anchored on the publication date, 0-2 days later), a tenth
have no target, a third carry a death toll. Merge time is measured without
tracing; peak memory is measured in a second run under tracemalloc (Python
allocations made by the merge, not the input). Printed ratios show the growth
per 10x events: about 10x is linear, 100x would be quadratic. "pairs" is
how many event pairs blocking lets through to the full comparison, "of all"
its share of the n(n-1)/2 pairs a naive merge would compare. With a fixed year
and actor pool, blocks fill up as n grows, so pairs grow faster than n (but
far below n^2); at constant density they grow linearly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import time
import tracemalloc

from flashpoint.corpus.incidents import (
    EventSighting,
    _blocks,
    _candidate_pairs,
    _item,
    merge_incidents,
    rules,
)
from flashpoint.models import Event, EventParticipant, Figure, Incident, Span

TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
SECTORS = ["GOV", "MIL", "COP", "REB", "OPP", "CVL"]
START = dt.date(2030, 1, 1)


def synthetic(n: int, seed: int, days: int = 365) -> list[EventSighting]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    groups = [f"Group {i}" for i in range(200)]

    def party() -> EventParticipant:
        if rng.random() < 0.2:
            return EventParticipant(name=rng.choice(groups))
        country, sector = rng.choice(countries), rng.choice(SECTORS)
        return EventParticipant(name=f"{country} {sector}", country=country, sector=sector)

    span = Span(start=0, end=1, text="x")
    # Reports retell happenings: about three events per happening, as in a busy news cycle.
    happenings = [
        (rng.choice(TYPES), party(), party(), START + dt.timedelta(days=rng.randrange(days)))
        for _ in range(max(1, n // 3))
    ]
    out = []
    for i in range(n):
        kind, source, target, day = rng.choice(happenings)
        day += dt.timedelta(days=rng.randrange(2))  # reports disagree by a day
        published = day + dt.timedelta(days=rng.randrange(3))
        dated = rng.random() > 0.2
        figures = []
        if rng.random() < 0.33:
            figures.append(Figure(kind="dead", value=rng.randrange(1, 60), qualifier="at_least"))
        event = Event(
            id=f"e{i}",
            type=kind,  # type: ignore[arg-type]
            quad="material_conflict",
            intensity=-5.0,
            source=[source],
            target=[] if rng.random() < 0.1 else [target],
            date=day.isoformat() if dated else None,
            date_precision="day" if dated else None,
            figures=figures,
            trigger=span,
            sentence=span,
        )
        out.append(
            EventSighting(
                event=event,
                document=f"doc{i}",
                published=published.isoformat(),
                outlet=f"outlet{rng.randrange(40)}",
                duplicates=0,
                actors={},
                places={},
                attributed_to=None,
            )
        )
    return out


def measure(data: list[EventSighting]) -> tuple[list[Incident], float, float]:
    """The incidents, the seconds and the peak MiB of Python allocations, from two runs."""
    t0 = time.perf_counter()
    incidents = merge_incidents(data)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    merge_incidents(data)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return incidents, seconds, peak


def compared_pairs(data: list[EventSighting]) -> int:
    """How many event pairs the blocking lets through to the full comparison."""
    r = rules()
    items = [_item(s, r.about_tolerance, r.symmetric) for s in data]
    return sum(1 for _ in _candidate_pairs(_blocks(items, r, r.window_days)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--days-per-10k", type=int, default=0, help="span grows with n (0: one year)")
    ap.add_argument(
        "--documents",
        metavar="DIR",
        help="benchmark document linking instead, on copies of this gold set's articles"
        " (e.g. ../shared/eval/gva; needs --cache with its extracted Reports)",
    )
    ap.add_argument("--cache", default="/tmp/flashpoint-eval-cache", help="Reports cache folder")
    args = ap.parse_args()
    if args.documents:
        bench_documents(args.sizes, args.documents, args.cache)
        return
    cols = ["events", "incidents", "merged", "seconds", "us/event", "peak MiB", "pairs", "of all"]
    print("  ".join(f"{c:>9}" for c in cols) + "  time x   mem x")
    last: tuple[int, float, float] | None = None
    for n in args.sizes:
        days = max(1, n * args.days_per_10k // 10000) if args.days_per_10k else 365
        data = synthetic(n, args.seed, days)
        incidents, seconds, peak = measure(data)
        merged = sum(1 for inc in incidents if len(inc.sightings) > 1)
        pairs = compared_pairs(data)
        share = pairs / (n * (n - 1) / 2)
        growth = ""
        if last:
            scale = n / last[0]
            growth = f"{seconds / last[1]:>6.1f}  {peak / last[2]:>6.1f}   (for {scale:g}x events)"
        row = [
            f"{n}",
            f"{len(incidents)}",
            f"{merged}",
            f"{seconds:.2f}",
            f"{seconds / n * 1e6:.1f}",
        ]
        row += [f"{peak:.1f}", f"{pairs}", f"{share:.1e}"]
        print("  ".join(f"{c:>9}" for c in row) + "  " + growth)
        last = (n, seconds, peak)


# --- document linking (flashpoint.corpus.linking) on synthetic corpora from real texts ---


@functools.cache
def _base_profiles(data: str, cache: str) -> list:
    from pathlib import Path

    from flashpoint.corpus.linking import profile
    from flashpoint.evaluation import reports_cache

    folder = Path(data)
    docs = reports_cache.load_docs(folder)
    return [profile(r) for r in reports_cache.reports(folder, docs, cache=cache).values()]


def document_profiles(n: int, data: str, cache: str) -> list:
    """``n`` article profiles: the GVA articles' profiles, copied with their days shifted.

    Copy k is moved by k x (the corpus's span + 30) days, so a larger corpus covers
    more time at the same density (as a growing news archive does) and copies
    of one article never meet in a window.
    """
    import dataclasses

    base = _base_profiles(data, cache)
    days = [p.day for p in base if p.day is not None]
    span = max(days) - min(days) + 30
    out = []
    for i in range(n):
        k, p = divmod(i, len(base))
        src = base[p]
        out.append(
            dataclasses.replace(
                src,
                doc=f"{src.doc}-{k}",
                day=None if src.day is None else src.day + k * span,
                event_days=frozenset(d + k * span for d in src.event_days),
                vectors={},
            )
        )
    return out


def bench_documents(sizes: list[int], data: str, cache: str) -> None:
    from flashpoint.corpus.linking import Linker, link

    print(f"{'documents':>10} {'stories':>8} {'seconds':>8} {'peak MiB':>9} {'compared':>10}")
    last: tuple[float, float] | None = None
    for n in sizes:
        profiles = document_profiles(n, data, cache)
        start = time.perf_counter()
        clusters = link(profiles)
        seconds = time.perf_counter() - start
        profiles = document_profiles(n, data, cache)
        tracemalloc.start()
        link(profiles)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        linker = Linker()
        for p in document_profiles(min(n, 2000), data, cache):
            linker.add(p)
        per_doc = linker.compared / min(n, 2000)
        ratio = f"  x{seconds / last[0]:.1f} time, x{peak / last[1]:.1f} mem" if last else ""
        print(
            f"{n:>10,} {len(set(clusters.values())):>8,} {seconds:>8.2f} {peak:>9.1f}"
            f" {per_doc:>10.1f}{ratio}"
        )
        last = (seconds, peak)


if __name__ == "__main__":
    main()
