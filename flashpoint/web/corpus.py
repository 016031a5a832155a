"""The corpus as the web app sees it: a read-only store per thread and the incidents in memory.

Incidents are loaded once (as :class:`flashpoint.corpus.browse.Entry` rows) and
reloaded when the file changes (``PRAGMA data_version``, checked at most once a
second), so an ``ingest`` running next to the server shows up without a restart.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from flashpoint.corpus import browse
from flashpoint.corpus.store import QueryClock, Store, data_version, open_read_only
from flashpoint.errors import QueryTimeout, StoreError
from flashpoint.models import Incident, Report

_RECHECK_SECONDS = 1.0
_REPORT_CACHE = 256
_MEMO_SIZE = 64


class WebCorpus:
    """Shared by all requests; each thread gets its own read-only connection."""

    def __init__(self, path: str | Path, *, time_limit: float = 2.0) -> None:
        self.path = Path(path)
        self.time_limit = time_limit
        self._local = threading.local()
        self._lock = threading.Lock()
        self._version: int | None = None
        self._checked = 0.0
        self.entries: list[browse.Entry] = []
        self.by_id: dict[str, browse.Entry] = {}
        self.by_document: dict[str, list[browse.Entry]] = {}
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._memo: OrderedDict[Any, Any] = OrderedDict()
        self.chronological: list[Incident] = []
        # data_version is per connection, so one connection watches the file for changes.
        self._watch = open_read_only(self.path)
        self._load(self._watch)

    # --- connections ---

    def _open(self) -> tuple[Store, QueryClock]:
        found = getattr(self._local, "store", None)
        if found is None:
            clock = QueryClock(self.time_limit)
            found = (open_read_only(self.path, clock=clock), clock)
            self._local.store = found
        return found

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The thread's store, with the query clock started; a stopped query is FP060."""
        store, clock = self._open()
        clock.start()
        try:
            yield store
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                raise QueryTimeout(limit=self.time_limit) from None
            raise
        except StoreError:
            # Store.search reads an interrupted query as bad syntax: the clock tells which it was.
            if time.monotonic() > clock.deadline:
                raise QueryTimeout(limit=self.time_limit) from None
            raise
        finally:
            clock.deadline = float("inf")

    # --- the incidents in memory ---

    def _load(self, store: Store) -> None:
        entries = browse.index(store.incidents())
        self.entries = entries
        self.by_id = {e.incident.id: e for e in entries}
        by_document: dict[str, list[browse.Entry]] = {}
        for e in entries:
            for doc in dict.fromkeys(s.document for s in e.incident.sightings):
                by_document.setdefault(doc, []).append(e)
        self.by_document = by_document
        # The order timeline.select gives: first day, then id (undated last).
        far = dt.date.max
        ordered = sorted(entries, key=lambda e: (e.first or far, e.incident.id))
        self.chronological = [e.incident for e in ordered]
        self._reports.clear()
        self._memo.clear()
        self._version = data_version(store)

    def fresh(self) -> list[browse.Entry]:
        """The entries, reloaded first if the file changed since the last look."""
        now = time.monotonic()
        if now - self._checked >= _RECHECK_SECONDS:
            with self._lock:
                self._checked = now
                if data_version(self._watch) != self._version:
                    self._load(self._watch)
        return self.entries

    def incident(self, incident_id: str) -> Incident | None:
        self.fresh()
        found = self.by_id.get(incident_id)
        return found.incident if found else None

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered until the corpus changes (pages that summarize it all)."""
        self.fresh()
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > _MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def ordered(self, how: str) -> list[browse.Entry]:
        """The entries in one of the listing orders (:data:`browse.SORTS`), sorted once."""
        entries = self.fresh()
        return cast(
            "list[browse.Entry]", self.memo(("order", how), lambda: browse.sort(entries, how))
        )

    def incidents_of(self, doc_id: str) -> list[browse.Entry]:
        """The incidents a document reports."""
        self.fresh()
        return self.by_document.get(doc_id, [])

    def report(self, doc_id: str) -> Report | None:
        with self._lock:
            cached = self._reports.get(doc_id)
            if cached is not None:
                self._reports.move_to_end(doc_id)
                return cached
        with self.store() as store:
            found = store.report(doc_id)
        if found is not None:
            with self._lock:
                self._reports[doc_id] = found
                while len(self._reports) > _REPORT_CACHE:
                    self._reports.popitem(last=False)
        return found

    def forget(self) -> None:
        """Drop what is cached (after the app itself stored a report)."""
        with self._lock:
            self._checked = 0.0
            self._version = None
