"""The corpus store: one SQLite file (WAL mode, FTS5) holding every report.

What it keeps:

- ``documents``: one row per distinct text (id = SHA-256 of the text), with the
  columns of :class:`~flashpoint.models.Document` (except the text), where it
  came from (url, outlet), which document it is a near-duplicate of, its
  MinHash signature and the full :class:`~flashpoint.models.Report` as JSON.
  Near-duplicates keep their text but no report: they count as extra outlets
  of their original, not as new evidence.
- ``events``: the scalar fields of :class:`~flashpoint.models.Event` plus
  columns derived from the report (document, actor names and countries, the
  place, trigger and sentence offsets), indexed for lookups.
- ``incidents``: the scalar fields of :class:`~flashpoint.models.Incident` and
  its JSON; rebuilt from the events after each ingest.
- ``skipped``: inputs that were not stored, with the named error that said why.
- ``fts``: an FTS5 index over document texts and event sentences.

The table columns are derived from the data model, not declared by hand, so a
new scalar field in ``models.py`` becomes a column on the next open (an
additive migration). Structural changes go in :data:`MIGRATIONS`, numbered by
``PRAGMA user_version``.

It does not extract anything, nor decide what is a duplicate: the ingest and
dedup modules do, and hand it finished records.
"""

from __future__ import annotations

import json
import os
import sqlite3
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from flashpoint.errors import StoreError
from flashpoint.models import SCHEMA_VERSION, Document, Event, Incident, Report

DEFAULT_NAME = "flashpoint.db"


def default_path() -> Path:
    """``$FLASHPOINT_DB`` when set, else ``./flashpoint.db``."""
    return Path(os.environ.get("FLASHPOINT_DB", DEFAULT_NAME))


# --- the schema, derived from the data model ---

_SQL_TYPES: dict[type, str] = {str: "TEXT", int: "INTEGER", float: "REAL", bool: "INTEGER"}


def _sql_type(annotation: Any) -> str | None:
    """The SQLite type of a scalar annotation (``str | None``, ``Literal[...]``), else None."""
    if annotation in _SQL_TYPES:
        return _SQL_TYPES[annotation]
    origin = get_origin(annotation)
    if origin is Literal:
        return "TEXT"
    if origin in (Union, types.UnionType):
        kinds = {_sql_type(arg) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 and None not in kinds else None
    return None


def scalar_columns(model: type[BaseModel], *, exclude: tuple[str, ...] = ()) -> dict[str, str]:
    """Column name -> SQLite type for every scalar field of ``model``."""
    columns: dict[str, str] = {}
    for name, info in model.model_fields.items():
        kind = _sql_type(info.annotation)
        if kind and name not in exclude:
            columns[name] = kind
    return columns


# Columns the store adds to what the model gives (provenance and derived lookups).
_DOCUMENT_EXTRA = {
    "url": "TEXT",
    "outlet": "TEXT",
    "duplicate_of": "TEXT",
    "signature": "BLOB",
    "n_events": "INTEGER",
    "report": "TEXT",
    "ingested_at": "TEXT DEFAULT (datetime('now'))",
}
_EVENT_EXTRA = {
    "document": "TEXT NOT NULL",
    "published": "TEXT",
    "source_countries": "TEXT",
    "target_countries": "TEXT",
    "source_actors": "TEXT",
    "target_actors": "TEXT",
    "place": "TEXT",
    "place_country": "TEXT",
    "lat": "REAL",
    "lon": "REAL",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "sentence_start": "INTEGER",
    "sentence_end": "INTEGER",
}
_INCIDENT_EXTRA = {"n_reports": "INTEGER", "json": "TEXT NOT NULL"}


def _table_columns() -> dict[str, dict[str, str]]:
    return {
        "documents": {**scalar_columns(Document, exclude=("text",)), **_DOCUMENT_EXTRA},
        "events": {**scalar_columns(Event), **_EVENT_EXTRA},
        "incidents": {**scalar_columns(Incident), **_INCIDENT_EXTRA},
    }


def _create_tables(conn: sqlite3.Connection) -> None:
    tables = _table_columns()
    keys = {
        "documents": "PRIMARY KEY (id)",
        "events": "PRIMARY KEY (document, id)",
        "incidents": "PRIMARY KEY (id)",
    }
    for table, columns in tables.items():
        body = ", ".join(f"{name} {kind}" for name, kind in columns.items())
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body}, {keys[table]})")
    # Statement by statement: executescript() would commit the migration's transaction.
    script = """
        CREATE TABLE IF NOT EXISTS skipped (
            key TEXT PRIMARY KEY, source TEXT, code TEXT, reason TEXT,
            at TEXT DEFAULT (datetime('now')));
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
            text, document UNINDEXED, kind UNINDEXED, start UNINDEXED,
            tokenize = 'porter unicode61');
        CREATE INDEX IF NOT EXISTS documents_duplicate ON documents (duplicate_of);
        CREATE INDEX IF NOT EXISTS documents_published ON documents (published);
        CREATE INDEX IF NOT EXISTS events_date ON events (date);
        CREATE INDEX IF NOT EXISTS events_type ON events (type);
        CREATE INDEX IF NOT EXISTS incidents_date ON incidents (date);
        """
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


# Numbered structural migrations; index i upgrades user_version i to i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_tables]
STORE_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search match: ``start``/``end`` are offsets into the document's text."""

    document: str
    published: str | None
    title: str | None
    kind: str  # "text" or "event"
    start: int
    end: int
    snippet: str


class Store:
    """A corpus in one SQLite file; safe to reopen, append to and resume."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
        any_thread: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        if (read_only or not create) and not self.path.exists():
            raise StoreError(detail=f"no corpus at {self.path}; run 'flashpoint ingest' first")
        if read_only:
            self.conn = self._open_read_only(any_thread)
            return
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as err:
            raise StoreError(detail=f"cannot open {self.path}: {err}") from None

    def _open_read_only(self, any_thread: bool = False) -> sqlite3.Connection:
        """Open without writing anything: no migration, no pragma that writes, so a corpus
        on a read-only file or disk can be read. A WAL file needs its shared-memory file;
        where that cannot be made either, the file is read as immutable. ``any_thread``
        lets other threads use the connection (the web app's watch connection)."""
        uri = self.path.resolve().as_uri()
        for mode in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(
                    f"{uri}?{mode}",
                    uri=True,
                    isolation_level=None,
                    timeout=30,
                    check_same_thread=not any_thread,
                )
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.Error as err:
                error = err
                continue
            if version == 0:
                conn.close()
                raise StoreError(detail=f"{self.path} is not a Flashpoint corpus")
            if version > STORE_VERSION:
                conn.close()
                raise StoreError(
                    detail=f"{self.path} has store version {version}, newer than this"
                    f" Flashpoint ({STORE_VERSION}); upgrade Flashpoint"
                )
            return conn
        raise StoreError(detail=f"cannot open {self.path} for reading: {error}")

    # --- lifecycle ---

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > STORE_VERSION:
            raise StoreError(
                detail=f"{self.path} has store version {version}, newer than this Flashpoint"
                f" ({STORE_VERSION}); upgrade Flashpoint"
            )
        with self.batch():
            for step in MIGRATIONS[version:]:
                step(self.conn)
            self.conn.execute(f"PRAGMA user_version = {STORE_VERSION}")
            self._add_missing_columns()
            self.conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('model_schema_version', ?)", (SCHEMA_VERSION,)
            )

    def _add_missing_columns(self) -> None:
        """The additive migration: new scalar model fields become new columns."""
        for table, columns in _table_columns().items():
            have = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
            for name, kind in columns.items():
                if name not in have:
                    plain = kind.replace("NOT NULL", "").split(" DEFAULT")[0]
                    self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {plain}")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction: everything inside is stored, or nothing is."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- writing ---

    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def has_skipped(self, key: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM skipped WHERE key = ?", (key,)).fetchone()
        return row is not None

    def add_report(
        self,
        report: Report,
        *,
        url: str | None = None,
        outlet: str | None = None,
        signature: bytes | None = None,
    ) -> bool:
        """Store a report, its events and its index entries; False if already there."""
        doc = report.document
        if self.has_document(doc.id):
            return False
        self._insert_document(
            doc,
            url=url,
            outlet=outlet,
            signature=signature,
            n_events=len(report.events),
            report=report.model_dump_json(exclude_defaults=False),
        )
        self._insert_events(report)
        self.conn.execute(
            "INSERT INTO fts (text, document, kind, start) VALUES (?, ?, 'text', 0)",
            (doc.text, doc.id),
        )
        self.conn.executemany(
            "INSERT INTO fts (text, document, kind, start) VALUES (?, ?, 'event', ?)",
            [(e.sentence.text, doc.id, e.sentence.start) for e in report.events],
        )
        return True

    def add_duplicate(
        self,
        document: Document,
        *,
        duplicate_of: str,
        url: str | None = None,
        outlet: str | None = None,
    ) -> bool:
        """Store a near-duplicate copy: provenance only, its evidence is the original's."""
        if self.has_document(document.id):
            return False
        self._insert_document(
            document, url=url, outlet=outlet, duplicate_of=duplicate_of, n_events=0
        )
        return True

    def add_skip(self, key: str, *, source: str | None, code: str, reason: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO skipped (key, source, code, reason) VALUES (?, ?, ?, ?)",
            (key, source, code, reason),
        )

    def _insert_document(self, document: Document, **extra: Any) -> None:
        # scalar fields only: the dateline and removed blocks live in the report JSON
        scalars = scalar_columns(Document, exclude=("text",))
        row = {**document.model_dump(include=set(scalars)), **extra}
        self._insert("documents", row)

    def _insert(self, table: str, row: dict[str, Any], *, replace: bool = False) -> None:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.conn.execute(f"{verb} INTO {table} ({names}) VALUES ({marks})", list(row.values()))

    def _insert_events(self, report: Report) -> None:
        actors = {a.id: a for a in report.actors}
        places = {p.id: p for p in report.places}
        scalars = scalar_columns(Event)
        for event in report.events:
            place = places.get(event.location or "")
            row = {name: getattr(event, name) for name in scalars}
            row.update(
                document=report.document.id,
                published=report.document.published,
                source_countries=_codes(p.country for p in event.source),
                target_countries=_codes(p.country for p in event.target),
                source_actors=_names(event.source, actors),
                target_actors=_names(event.target, actors),
                place=place.name if place else None,
                place_country=place.country if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                trigger_start=event.trigger.start,
                trigger_end=event.trigger.end,
                sentence_start=event.sentence.start,
                sentence_end=event.sentence.end,
            )
            self._insert("events", row)

    def replace_incidents(self, incidents: Iterable[Incident]) -> int:
        """Swap the incident table for ``incidents`` in one transaction."""
        scalars = scalar_columns(Incident)
        count = 0
        with self.batch():
            self.conn.execute("DELETE FROM incidents")
            for incident in incidents:
                row = {name: getattr(incident, name) for name in scalars}
                row.update(n_reports=len(incident.sightings), json=incident.model_dump_json())
                self._insert("incidents", row)
                count += 1
        return count

    # --- reading (streamed: one row at a time) ---

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(document id, MinHash signature) of every original document."""
        yield from self.conn.execute(
            "SELECT id, signature FROM documents"
            " WHERE duplicate_of IS NULL AND signature IS NOT NULL ORDER BY rowid"
        )

    def reports(self) -> Iterator[Report]:
        """Every stored report (originals only), in ingest order."""
        for (text,) in self.conn.execute(
            "SELECT report FROM documents WHERE report IS NOT NULL ORDER BY rowid"
        ):
            yield Report.model_validate_json(text)

    def report(self, doc_id: str) -> Report | None:
        row = self.conn.execute("SELECT report FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Report.model_validate_json(row[0]) if row and row[0] else None

    def copies(self) -> dict[str, list[str | None]]:
        """Original document id -> outlets of its near-duplicate copies."""
        found: dict[str, list[str | None]] = {}
        for original, outlet, url in self.conn.execute(
            "SELECT duplicate_of, outlet, url FROM documents WHERE duplicate_of IS NOT NULL"
        ):
            found.setdefault(original, []).append(outlet or url)
        return found

    def outlet(self, doc_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT outlet, url FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return (row[0] or row[1]) if row else None

    def incidents(self) -> Iterator[Incident]:
        for (text,) in self.conn.execute("SELECT json FROM incidents ORDER BY date, id"):
            yield Incident.model_validate_json(text)

    def rows(self, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """Column names and a row stream of a plain table (for tabular exports)."""
        if table not in _table_columns() and table != "skipped":
            raise StoreError(detail=f"no table named {table!r}")
        cursor = self.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        return names, iter(cursor)

    def count(self, table: str, where: str = "") -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0])

    def stats(self) -> dict[str, Any]:
        skipped = dict(
            self.conn.execute("SELECT code, count(*) FROM skipped GROUP BY code ORDER BY code")
        )
        merged = self.count("incidents", "WHERE n_reports > 1")
        dates = self.conn.execute("SELECT min(published), max(published) FROM documents").fetchone()
        return {
            "documents": self.count("documents"),
            "originals": self.count("documents", "WHERE duplicate_of IS NULL"),
            "duplicates": self.count("documents", "WHERE duplicate_of IS NOT NULL"),
            "events": self.count("events"),
            "incidents": self.count("incidents"),
            "incidents_multi_report": merged,
            "skipped": sum(skipped.values()),
            "skipped_by_reason": skipped,
            "first_published": dates[0],
            "last_published": dates[1],
        }

    def search(self, query: str, *, limit: int = 20) -> list[Hit]:
        """Full-text matches, best first, each with exact offsets of the first matched term."""
        sql = (
            "SELECT f.document, d.published, d.title, f.kind, f.start,"
            " highlight(fts, 0, char(2), char(3)), snippet(fts, 0, '[', ']', '…', 16)"
            " FROM fts f JOIN documents d ON d.id = f.document"
            " WHERE fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, (query, limit * 2)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (a stray quote, a hyphen): search the words as phrases.
            words = " ".join('"' + w.replace('"', "") + '"' for w in query.split())
            try:
                rows = self.conn.execute(sql, (words, limit * 2)).fetchall()
            except sqlite3.OperationalError as err:
                raise StoreError(detail=f"bad search query {query!r}: {err}") from None
        hits: list[Hit] = []
        seen: set[tuple[str, int]] = set()
        for document, published, title, kind, base, marked, snippet in rows:
            at = marked.find("\x02")
            start = int(base) + max(at, 0)
            end = start + max(marked.find("\x03") - at - 1, 0)
            if (document, start) in seen:
                continue  # the same match in the text and in an event sentence
            seen.add((document, start))
            hits.append(Hit(document, published, title, kind, start, end, snippet))
        return hits[:limit]

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))


def _codes(values: Iterable[str | None]) -> str | None:
    codes = sorted({v for v in values if v})
    return ",".join(codes) or None


def _names(participants: Iterable[Any], actors: dict[str, Any]) -> str | None:
    names = []
    for p in participants:
        actor = actors.get(p.actor or "")
        names.append(actor.name if actor else p.name)
    return json.dumps(names) if names else None


# --- read-only access (the web app, ``flashpoint serve``) ---


@dataclass(slots=True)
class QueryClock:
    """A time limit for queries: ``start()`` before a request, and SQLite stops what runs longer.

    Installed as the connection's progress handler; a stopped query raises
    ``sqlite3.OperationalError("interrupted")`` (Datasette's time-limit idea).
    """

    limit: float
    deadline: float = float("inf")

    def start(self) -> None:
        import time

        self.deadline = time.monotonic() + self.limit

    def __call__(self) -> int:
        import time

        return 1 if time.monotonic() > self.deadline else 0


def open_read_only(path: str | Path, *, clock: QueryClock | None = None) -> Store:
    """The store at ``path`` opened read-only (``Store(read_only=True)``), usable from any
    thread, its queries stopped by ``clock`` when one is given."""
    store = Store(path, read_only=True, any_thread=True)
    if clock is not None:
        store.conn.set_progress_handler(clock, 200)
    return store


def data_version(store: Store) -> int:
    """Changes whenever another connection commits to the file (to know when to reload)."""
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])


def _fts_rows(store: Store, sql: str, query: str, *args: Any) -> list[Any]:
    """Rows of an FTS query; bad FTS5 syntax is retried as plain words, then refused."""
    try:
        return store.conn.execute(sql, (query, *args)).fetchall()
    except sqlite3.OperationalError as err:
        if "interrupted" in str(err):
            raise
    words = " ".join('"' + w.replace('"', "") + '"' for w in query.split())
    try:
        return store.conn.execute(sql, (words, *args)).fetchall()
    except sqlite3.OperationalError as err:
        if "interrupted" in str(err):
            raise
        raise StoreError(detail=f"bad search query {query!r}: {err}") from None


def event_matches(store: Store, query: str, *, limit: int = 100_000) -> set[tuple[str, str]]:
    """(document, event id) of every stored event whose sentence matches the FTS query."""
    sql = (
        "SELECT e.document, e.id FROM fts f JOIN events e"
        " ON e.document = f.document AND e.sentence_start = f.start"
        " WHERE fts MATCH ? AND f.kind = 'event' LIMIT ?"
    )
    return {(doc, event) for doc, event in _fts_rows(store, sql, query, limit)}


def document_info(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's stored metadata (no text, no report) and the outlets of its copies."""
    cursor = store.conn.execute(
        "SELECT id, title, published, source, url, outlet, duplicate_of, n_events, ingested_at"
        " FROM documents WHERE id = ?",
        (doc_id,),
    )
    row = cursor.fetchone()
    if row is None:
        return None
    info = dict(zip([d[0] for d in cursor.description], row, strict=True))
    info["copies"] = [
        {"id": i, "outlet": o or u, "published": p}
        for i, o, u, p in store.conn.execute(
            "SELECT id, outlet, url, published FROM documents"
            " WHERE duplicate_of = ? ORDER BY rowid",
            (doc_id,),
        )
    ]
    return info


def skipped_rows(store: Store, *, limit: int = 50) -> list[dict[str, Any]]:
    """The latest inputs that were not stored, with their error code and reason."""
    cursor = store.conn.execute(
        "SELECT key, source, code, reason, at FROM skipped ORDER BY at DESC LIMIT ?", (limit,)
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def fts_syntax_error(store: Store, query: str) -> str | None:
    """SQLite's complaint if ``query`` is not valid FTS5 syntax, else None.

    The statement must take a step: with ``LIMIT 0`` SQLite never parses the
    MATCH expression, and every query passes.
    """
    try:
        store.conn.execute("SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1", (query,)).fetchall()
    except sqlite3.OperationalError as err:
        if "interrupted" in str(err):
            raise
        return str(err)
    return None
