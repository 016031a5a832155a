"""Benchmark ``flashpoint serve``: p50/p95 response times over a corpus of 10,000+ incidents.

    .venv/bin/python scripts/bench_web.py [--copies 190] [--requests 40] [--db /tmp/bench.db]

The corpus is synthetic but made of real records: the sample reports
(examples/corpus/) are extracted once, then stored again ``--copies`` times,
each copy shifted by 16 days (so copies never merge with each other) and
with its two main countries swapped for another pair, its text given a suffix
(a new document id; offsets stay valid). Incidents are merged with the
library's own merging. The server runs as a separate process (``flashpoint
serve``) on 127.0.0.1; each endpoint is requested ``--requests`` times over one
kept-alive connection (random incidents and documents where the path has an
id) after three warm-up requests, the first of which is reported apart ("first":
summaries of the whole corpus, such as the overview and the tension index, are
computed once and cached until the corpus file changes). Times are wall-clock
per response, body read. Listings with a random ``since`` are new queries each
time, so they show the uncached cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flashpoint.corpus.ingest import ingest, rebuild_incidents
from flashpoint.corpus.store import Store
from flashpoint.models import Report

ROOT = Path(__file__).resolve().parents[1]
# fmt: off
PAIRS = [("KGZ", "TJK"), ("ARM", "AZE"), ("IND", "PAK"), ("ETH", "ERI"), ("THA", "KHM"),
         ("SRB", "BIH"), ("SDN", "SSD"), ("PER", "ECU"), ("COL", "VEN"), ("RWA", "COD")]
# fmt: on


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat() + value[
            10:
        ]
    except ValueError:
        return value


def _copy(report: Report, k: int) -> Report:
    """Copy ``k`` of a report: dates moved 16*k days, KGZ/TJK swapped for another pair."""
    data = report.model_dump(mode="json")
    days = 16 * k
    a, b = PAIRS[k % len(PAIRS)]
    swap = {"KGZ": a, "TJK": b}
    doc = data["document"]
    doc["text"] = doc["text"] + f"\n\n(Copy {k}.)"
    doc["published"] = _shift(doc["published"], days)
    for actor in data["actors"]:
        actor["country"] = swap.get(actor["country"], actor["country"])
    for event in data["events"]:
        event["date"] = _shift(event["date"], days)
        for p in (*event["source"], *event["target"]):
            p["country"] = swap.get(p["country"], p["country"])
    for time_ in data["times"]:
        time_["value"] = _shift(time_["value"], days)
    import hashlib

    doc["id"] = hashlib.sha256(doc["text"].encode("utf-8")).hexdigest()
    return Report.model_validate(data)


def build(db: Path, copies: int) -> dict[str, int]:
    if db.exists():
        with Store(db) as store:
            if store.count("incidents") >= 10_000:
                return {
                    "incidents": store.count("incidents"),
                    "documents": store.count("documents"),
                }
        for path in db.parent.glob(db.name + "*"):
            path.unlink()
    with Store(db) as store:
        ingest(ROOT / "examples" / "corpus", store, progress=False, incidents=False)
        base = list(store.reports())
        outlets = {r.document.id: store.outlet(r.document.id) for r in base}
        for k in range(1, copies + 1):
            with store.batch():
                for report in base:
                    store.add_report(_copy(report, k), outlet=outlets[report.document.id])
        rebuild_incidents(store)
        return {"incidents": store.count("incidents"), "documents": store.count("documents")}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=190)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "fp-bench-web.db")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = build(args.db, args.copies)
    print(f"corpus: {sizes['documents']} documents, {sizes['incidents']} incidents"
          f" ({time.perf_counter() - started:.1f}s to build or open)")  # fmt: skip
    with Store(args.db) as store:
        incidents = [row[0] for row in store.conn.execute("SELECT id FROM incidents")]
        documents = [
            row[0]
            for row in store.conn.execute("SELECT id FROM documents WHERE report IS NOT NULL")
        ]
    port = free_port()
    command = [sys.executable, "-c", "from flashpoint.cli import main; main()", "serve",
               "--db", str(args.db), "--port", str(port)]  # fmt: skip
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        launched = time.perf_counter()
        conn = _connect(port)
        print(f"server up and answering in {time.perf_counter() - launched:.1f}s")
        rng = random.Random(args.seed)
        endpoints = {
            "overview /": lambda: "/",
            "list /incidents": lambda: "/incidents",
            "list /incidents.json": lambda: "/incidents.json",
            "list facets type+country": lambda: "/incidents?type=ASSAULT&country=TJK",
            "list random since (no cache)": lambda: f"/incidents?since={_day(rng)}&type=ASSAULT",
            "list .json random since": lambda: f"/incidents.json?since={_day(rng)}",
            "list FTS q=shelled .json": lambda: "/incidents.json?q=shelled",
            "incident /incidents/{id}": lambda: f"/incidents/{rng.choice(incidents)}",
            "incident .json": lambda: f"/incidents/{rng.choice(incidents)}.json",
            "document /documents/{id}": lambda: f"/documents/{rng.choice(documents)}",
            "document .json": lambda: f"/documents/{rng.choice(documents)}.json",
            "timeline ?dyad=KGZ:TJK": lambda: "/timeline?dyad=KGZ:TJK",
            "timeline .json": lambda: "/timeline.json?dyad=KGZ:TJK",
            "timeline all, week": lambda: "/timeline?freq=week",
            "search ?q=ceasefire": lambda: "/search?q=ceasefire",
        }
        print(f"{'endpoint':<28} {'first':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KiB':>7}")
        worst = 0.0
        results = {}
        for name, path in endpoints.items():
            first, _ = _get(conn, path())  # the first request may fill a cache
            for _ in range(2):
                _get(conn, path())
            times, size = [], 0
            for _ in range(args.requests):
                elapsed, size = _get(conn, path())
                times.append(elapsed * 1000)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            worst = max(worst, p95)
            results[name] = {
                "first": round(first * 1000, 1),
                "p50": round(p50, 1),
                "p95": round(p95, 1),
            }
            print(
                f"{name:<28} {first * 1000:>8.1f} {p50:>8.1f} {p95:>8.1f} {max(times):>8.1f}"
                f" {size / 1024:>7.1f}"
            )
        print(f"worst p95: {worst:.1f} ms (target < 200 ms)")
        print(json.dumps({"corpus": sizes, "results": results}))
    finally:
        server.terminate()
        server.wait(timeout=10)


def _day(rng: random.Random) -> str:
    """A random day in the corpus's span: each listing differs, so none is served from cache."""
    return (dt.date(2026, 3, 1) + dt.timedelta(days=rng.randrange(3000))).isoformat()


def _connect(port: int) -> http.client.HTTPConnection:
    deadline = time.monotonic() + 60
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/api/overview")
            conn.getresponse().read()
            return conn
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[float, int]:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}: {body[:200]!r}")
    return elapsed, len(body)


if __name__ == "__main__":
    main()
