"""The corpus commands end to end: ingest, stats, search, incidents, timeline, export."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.corpus.store import Store
from flashpoint.errors import StoreError
from flashpoint.models import Incident, Sighting
from tests.corpus.test_ingest import SPANISH, write_folder

runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    folder = write_folder(root)
    (folder / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    db = root / "c.db"
    summary = json.loads(invoke("ingest", str(folder), "--db", str(db), "-q", "--json"))
    assert summary["added"] == 4 and summary["skipped_by_reason"] == {"FP005": 1}
    with Store(db) as store:
        store.replace_incidents(incidents())
    return db


def incidents() -> list[Incident]:
    def make(n: int, day: str, kind: str, target: str, lat: float | None) -> Incident:
        return Incident(
            id=f"i{n}",
            type=kind,  # type: ignore[arg-type]
            quad="material_conflict" if kind == "ASSAULT" else "verbal_cooperation",
            intensity=-8 if kind == "ASSAULT" else 3,
            date=day,
            source_actors=["Arland coastguard (ARL/MIL)"],
            target_actors=[target],
            lat=lat,
            lon=None if lat is None else 10.0,
            sightings=[Sighting(document=f"d{n}", event="e1", outlet="Example Times")],
            summary=f"incident {n}",
        )

    return [
        make(1, "2024-05-02", "ASSAULT", "Brenmark navy (BRN/MIL)", 4.0),
        make(2, "2024-05-09", "ASSAULT", "Brenmark navy (BRN/MIL)", None),
        make(3, "2024-05-03", "CONSULT", "Celdor (CLD/GOV)", 5.0),
    ]


def test_stats_and_search(corpus: Path) -> None:
    stats = json.loads(invoke("stats", "--db", str(corpus), "--json"))
    assert stats["documents"] == 4 and stats["incidents"] == 3 and stats["skipped"] == 1
    lines = invoke("search", "tear gas", "--db", str(corpus)).splitlines()
    assert (
        len(lines) == 1 and "[tear] [gas]" in lines[0] and lines[0].split()[1] == "?"
    )  # a .txt has no date
    hit = json.loads(invoke("search", "hotline", "--db", str(corpus), "--json"))
    with Store(corpus) as store:
        report = store.report(hit["document"])
    assert report is not None
    assert report.document.text[hit["start"] : hit["end"]] == "hotline"


def test_incidents_and_timeline(corpus: Path, tmp_path: Path) -> None:
    out = invoke("incidents", "--actor", "Arland", "--since", "2024-05-03", "--db", str(corpus))
    assert "CONSULT" in out and "2024-05-02" not in out
    rows = invoke("incidents", "--dyad", "BRN:ARL", "--json", "--db", str(corpus)).splitlines()
    assert [json.loads(r)["id"] for r in rows] == ["i1", "i2"]
    plot = tmp_path / "tension.png"
    data = json.loads(
        invoke(
            "timeline",
            "--dyad",
            "ARL:BRN",
            "--freq",
            "week",
            "--plot",
            str(plot),
            "--json",
            "--db",
            str(corpus),
        )
    )
    assert plot.stat().st_size > 1000
    assert [i["id"] for i in data["incidents"]] == ["i1", "i2"]
    assert len(data["tension"]) == 2 and data["tension"][0]["index"] > 0


def test_exports(corpus: Path, tmp_path: Path) -> None:
    invoke("export", "--format", "jsonl", str(tmp_path), "--db", str(corpus))
    reports = (tmp_path / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(reports) == 4 and json.loads(reports[0])["document"]["text"]
    invoke("export", "--format", "csv", str(tmp_path), "--db", str(corpus))
    with (tmp_path / "documents.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4 and "report" not in rows[0] and "outlet" in rows[0]
    invoke("export", "--format", "parquet", str(tmp_path), "--db", str(corpus))
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "incidents.parquet")
    assert table.num_rows == 3 and str(table.schema.field("intensity").type) == "double"
    invoke("export", "--format", "geojson", str(tmp_path), "--db", str(corpus))
    geo = json.loads((tmp_path / "incidents.geojson").read_text(encoding="utf-8"))
    assert [f["geometry"]["coordinates"] for f in geo["features"]] == [[10.0, 4.0], [10.0, 5.0]]
    assert geo["features"][0]["properties"]["outlets"] == ["Example Times"]


@pytest.mark.parametrize(
    ("fmt", "module", "name"),
    [
        ("plover", "flashpoint.outputs.plover", "plover.jsonl"),
        ("gdelt", "flashpoint.outputs.gdelt", "events.tsv"),
    ],
)
def test_event_exports(corpus: Path, tmp_path: Path, fmt: str, module: str, name: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not written yet")
    invoke("export", "--format", fmt, str(tmp_path), "--db", str(corpus), "--min-confidence", "0")
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    with Store(corpus) as store:
        events = store.count("events")
    assert events > 0  # the invented stories describe clashes, arrests, talks
    if fmt == "gdelt":
        assert "\t" in lines[0] and len(lines) == events + 1
    else:
        assert len(lines) == events and all(json.loads(line) for line in lines)


def test_missing_store_is_a_named_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert isinstance(result.exception, StoreError)


def test_export_default_leaves_out_low_confidence_events(corpus: Path, tmp_path: Path) -> None:
    from flashpoint.extractors.events.confidence import default_threshold

    invoke("export", "--format", "plover", str(tmp_path), "--db", str(corpus))
    lines = (tmp_path / "plover.jsonl").read_text(encoding="utf-8").splitlines()
    with Store(corpus) as store:
        kept = [
            e for r in store.reports() for e in r.events
            if e.confidence is None or e.confidence >= default_threshold()
        ]
        total = store.count("events")
    assert len(lines) == len(kept) < total
