"""Engines: 1 process, 2 local processes and a 2-worker Dask LocalCluster store the same thing."""

from __future__ import annotations

from pathlib import Path

from flashpoint.config import Settings
from flashpoint.corpus.ingest import Item, ingest
from flashpoint.corpus.parallel import Job, extract_batch, run_batches
from flashpoint.corpus.store import Store
from tests.corpus.test_ingest import SPANISH, STORIES, edited_copy, snapshot


def corpus() -> list[Item]:
    found = [Item(key=f"m{n}", text=text, published=date) for n, (date, text) in enumerate(STORIES)]
    found.insert(3, Item(key="copy", text=edited_copy(STORIES[2][1]), published="2024-05-05"))
    found.append(Item(key="es", text=SPANISH, published="2024-05-08"))
    return found


def stored(tmp_path: Path, name: str, **engine: object) -> tuple[object, ...]:
    with Store(tmp_path / f"{name}.db") as store:
        summary = ingest(corpus(), store, batch_size=2, progress=False, **engine)  # type: ignore[arg-type]
        skipped = list(store.conn.execute("SELECT key, code FROM skipped ORDER BY key"))
        return snapshot(store), skipped, (summary.added, summary.duplicates)


def test_engines_store_the_same_results(tmp_path: Path) -> None:
    one = stored(tmp_path, "one")
    assert one[2] == (5, 1) and [code for _, code in one[1]] == ["FP005"]  # type: ignore[index]
    assert stored(tmp_path, "two", workers=2) == one
    assert stored(tmp_path, "dask", workers=2, engine="dask") == one


def test_a_failing_document_costs_only_itself() -> None:
    settings = Settings(max_chars=200, check_language=False)
    jobs = [Job(text=STORIES[0][1][:150]), Job(text=STORIES[1][1]), Job(text=STORIES[2][1][:120])]
    outcomes = extract_batch(jobs, settings)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].code == "FP004"


def test_results_come_back_in_order_with_tags() -> None:
    batches = [([Job(text=t)], n) for n, (_, t) in enumerate(STORIES[:3])] + [([], 3)]
    settings = Settings(check_language=False)
    tags = [tag for tag, _ in run_batches(batches, settings=settings, workers=2)]
    assert tags == [0, 1, 2, 3]


def test_dask_reaches_an_explicit_scheduler(tmp_path: Path) -> None:
    """What ``--scheduler tcp://host:8786`` does, with a cluster started here."""
    from dask.distributed import LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None)
    with cluster, Store(tmp_path / "s.db") as store:
        summary = ingest(
            corpus()[:2],
            store,
            engine="dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )
    assert summary.added == 2
