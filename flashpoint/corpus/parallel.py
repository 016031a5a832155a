"""Run extraction over batches of documents: in process, in local processes, or on Dask.

Every engine calls the same function, :func:`extract_batch`, on the same
batches, and results come back in submission order, so the store ends up the
same whichever engine ran. Workers load spaCy once per process (the backbone
caches it) and return Report JSON; only the parent writes to the store.

- ``local`` with ``workers=1``: in this process, no pool.
- ``local`` with ``workers=N``: a ``ProcessPoolExecutor`` of N spawned processes.
- ``dask``: a ``dask.distributed`` client on ``scheduler`` (``tcp://host:8786``),
  or on a ``LocalCluster`` of N single-threaded worker processes when none is
  given. Cluster workers need Flashpoint and the spaCy model installed.

At most ``2 x workers`` batches are in flight, so memory stays flat however
long the input stream is. It does not retry failed batches: a document that
fails is returned as an error outcome and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from flashpoint.config import Settings
from flashpoint.errors import ExtractionFailed, FlashpointError, ModelNotFound
from flashpoint.pipeline import extract_many

Engine = Literal["local", "dask"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Job:
    """One document to extract: already decoded and checked by the parent."""

    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """Report JSON when ``ok``; else the named error's code and message."""

    ok: bool
    payload: str
    code: str = ""


def extract_batch(jobs: list[Job], settings: Settings) -> list[Outcome]:
    """Extract every job; one bad document costs only itself."""
    try:
        reports = extract_many(
            [j.text for j in jobs],
            [j.published for j in jobs],
            titles=[j.title for j in jobs],
            sources=[j.source for j in jobs],
            settings=settings,
        )
        return [Outcome(True, r.model_dump_json()) for r in reports]
    except ModelNotFound:
        raise  # the run cannot work at all: not one document's fault
    except Exception:
        if len(jobs) == 1:
            return [_failure(jobs[0], settings)]
        # Something in the batch failed: redo it one by one to isolate the culprit.
        return [extract_batch([job], settings)[0] for job in jobs]


def _failure(job: Job, settings: Settings) -> Outcome:
    try:
        extract_many([job.text], [job.published], settings=settings).__next__()
    except FlashpointError as err:
        return Outcome(False, str(err), err.code)
    except Exception as err:
        failed = ExtractionFailed(detail=f" ({type(err).__name__}: {err})")
        return Outcome(False, str(failed), failed.code)
    return Outcome(False, "unreproducible batch failure", ExtractionFailed.code)


def _warm(model: str, parent: int | None = None) -> None:
    """Pool initializer: tie the worker's life to its parent's, then load spaCy and the
    extractors once per worker process."""
    if parent is not None:
        die_with_parent(parent)
    from flashpoint.nlp import load
    from flashpoint.registry import extractors

    load(model)
    extractors()


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_POLL_SECONDS = 2.0


def die_with_parent(parent: int) -> None:
    """End this worker when ``parent`` dies, even by SIGKILL (when nothing can clean up).

    On Linux the kernel sends SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere, and as a second guard, a daemon thread polls the parent's pid.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="flashpoint-parent-watch", daemon=True).start()


def run_batches(
    batches: Iterable[tuple[list[Job], T]],
    *,
    settings: Settings,
    workers: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
) -> Iterator[tuple[T, list[Outcome]]]:
    """Yield ``(tag, outcomes)`` for each ``(jobs, tag)`` batch, in input order."""
    if engine == "dask":
        yield from _run_dask(batches, settings, workers, scheduler)
    elif workers <= 1:
        for jobs, tag in batches:
            yield tag, extract_batch(jobs, settings) if jobs else []
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_warm, initargs=(settings.model, os.getpid())
        ) as pool:
            yield from _windowed(
                batches, lambda jobs: pool.submit(extract_batch, jobs, settings), 2 * workers
            )


def _windowed(
    batches: Iterable[tuple[list[Job], T]],
    submit: Callable[[list[Job]], Any],
    window: int,
) -> Iterator[tuple[T, list[Outcome]]]:
    """Keep ``window`` batches in flight; hand results back in submission order."""
    pending: deque[tuple[T, Any]] = deque()
    for jobs, tag in batches:
        pending.append((tag, submit(jobs) if jobs else None))
        while len(pending) >= window:
            yield _resolve(*pending.popleft())
    while pending:
        yield _resolve(*pending.popleft())


def _resolve(tag: T, future: Future[list[Outcome]] | Any) -> tuple[T, list[Outcome]]:
    return tag, (future.result() if future is not None else [])


def _run_dask(
    batches: Iterable[tuple[list[Job], T]],
    settings: Settings,
    workers: int,
    scheduler: str | None,
) -> Iterator[tuple[T, list[Outcome]]]:
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(workers, 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR: the progress bar is the user's feedback
        )
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or max(workers, 1)
        client.run(_warm, settings.model)
        yield from _windowed(
            batches,
            lambda jobs: client.submit(extract_batch, jobs, settings, pure=False),
            2 * threads,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
