"""The store: schema derived from the model, migrations, events, search offsets, stats."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flashpoint.corpus.store import STORE_VERSION, Store, default_path, scalar_columns
from flashpoint.errors import StoreError
from flashpoint.models import (
    Actor,
    Document,
    Event,
    EventParticipant,
    Incident,
    Place,
    Report,
    Sighting,
    Span,
)
from flashpoint.pipeline import document_id

TEXT = (
    "Coastguard ships from Arland rammed a fishing trawler near Port Velo on Friday. "
    "The government of Brenmark said the airspace was closed to civilian flights."
)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def make_report(text: str = TEXT) -> Report:
    sentence = span(text, text.split(". ")[0] + ".")
    return Report(
        document=Document(id=document_id(text), published="2024-06-07", source="t", text=text),
        actors=[
            Actor(id="a1", name="Arland coastguard", kind="organization", country="ARL"),
            Actor(id="a2", name="Brenmark", kind="country", country="BRN"),
        ],
        places=[Place(id="p1", name="Port Velo", feature="city", country="BRN", lat=1.5, lon=2.5)],
        events=[
            Event(
                id="e1",
                type="ASSAULT",
                quad="material_conflict",
                intensity=-8.0,
                source=[EventParticipant(actor="a1", name="Coastguard ships", country="ARL")],
                target=[EventParticipant(name="a fishing trawler", country="BRN")],
                date="2024-06-07",
                location="p1",
                trigger=span(text, "rammed"),
                sentence=sentence,
            )
        ],
    )


def test_columns_come_from_the_model(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        have = {row[1] for row in store.conn.execute("PRAGMA table_info(events)")}
        docs = {row[1] for row in store.conn.execute("PRAGMA table_info(documents)")}
        incidents = {row[1] for row in store.conn.execute("PRAGMA table_info(incidents)")}
    assert set(scalar_columns(Event)) <= have
    assert {"type", "quad", "intensity", "date", "location"} <= have
    assert "source" not in scalar_columns(Event)  # lists are not columns
    assert set(scalar_columns(Document)) - {"text"} <= docs and "text" not in docs
    assert set(scalar_columns(Incident)) <= incidents


def test_report_events_and_offsets_are_stored(tmp_path: Path) -> None:
    report = make_report()
    with Store(tmp_path / "c.db") as store:
        with store.batch():
            assert store.add_report(report, url="https://x.example/1", outlet="X")
            assert not store.add_report(report)  # the same text twice is one document
        row = store.conn.execute(
            "SELECT type, source_countries, target_countries, source_actors, place, lat,"
            " trigger_start, trigger_end FROM events"
        ).fetchone()
        assert row[:6] == ("ASSAULT", "ARL", "BRN", '["Arland coastguard"]', "Port Velo", 1.5)
        assert TEXT[row[6] : row[7]] == "rammed"
        assert store.report(report.document.id) == report
        assert list(store.reports()) == [report]


def test_search_gives_exact_offsets(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        with store.batch():
            store.add_report(make_report())
            other = "Talks resumed in the capital after a week of silence between the parties."
            store.add_report(Report(document=Document(id=document_id(other), text=other)))
        hits = store.search("airspace closed")
        assert len(hits) == 1
        hit = hits[0]
        assert TEXT[hit.start : hit.end] == "airspace" and hit.published == "2024-06-07"
        assert "[airspace]" in hit.snippet
        # Event sentences are indexed too, but a match is reported once per place.
        rammed = store.search("rammed")
        assert [(h.start, TEXT[h.start : h.end]) for h in rammed] == [
            (TEXT.index("rammed"), "rammed")
        ]
        # Broken FTS syntax falls back to a plain word search instead of failing.
        assert store.search('airspace "')
        phrase = store.search("coastguard-ships")
        assert [TEXT[h.start : h.end] for h in phrase] == ["Coastguard ships"]
        assert store.search("submarine") == []


def test_duplicates_skips_incidents_and_stats(tmp_path: Path) -> None:
    report = make_report()
    copy = Document(id="c" * 64, text=TEXT + " (Wire)", published="2024-06-08")
    incident = Incident(
        id="i1",
        type="ASSAULT",
        quad="material_conflict",
        intensity=-8,
        date="2024-06-07",
        sightings=[Sighting(document=report.document.id, event="e1")],
    )
    with Store(tmp_path / "c.db") as store:
        with store.batch():
            store.add_report(report, outlet="X")
            store.add_duplicate(copy, duplicate_of=report.document.id, outlet="Y")
            store.add_skip("k", source="bad.txt", code="FP001", reason="empty")
        assert store.replace_incidents([incident]) == 1
        assert store.replace_incidents([incident]) == 1  # replaced, not appended
        assert list(store.incidents()) == [incident]
        stats = store.stats()
    assert stats["documents"] == 2 and stats["duplicates"] == 1 and stats["events"] == 1
    assert stats["incidents"] == 1 and stats["skipped_by_reason"] == {"FP001": 1}


def test_failed_batch_rolls_back(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        with pytest.raises(RuntimeError), store.batch():
            store.add_report(make_report())
            raise RuntimeError("killed")
        assert store.count("documents") == 0 and store.count("events") == 0


def test_migrations_add_new_model_columns_and_refuse_newer_stores(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE events DROP COLUMN modality")  # as if made before that field
    conn.commit()
    conn.close()
    with Store(path) as store:
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(events)")}
        assert "modality" in columns
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_default_path_and_missing_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLASHPOINT_DB", raising=False)
    assert default_path() == Path("flashpoint.db")
    monkeypatch.setenv("FLASHPOINT_DB", str(tmp_path / "env.db"))
    assert default_path() == tmp_path / "env.db"
    with pytest.raises(StoreError, match="no corpus"):
        Store(tmp_path / "absent.db", create=False)
