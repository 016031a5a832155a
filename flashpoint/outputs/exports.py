"""Corpus exports: the store's documents, events and incidents as files for other tools.

Formats (one or more files written to an output folder, streamed from the store):

- ``jsonl``: ``reports.jsonl`` (one full Report per original document) and
  ``incidents.jsonl`` (one Incident per line), the data model as is;
- ``csv`` / ``parquet``: ``documents``, ``events`` and ``incidents`` tables with
  the store's scalar columns (the model's scalar fields plus derived lookups);
- ``geojson``: ``incidents.geojson``, the incidents that have coordinates, as points;
- ``plover``: ``plover.jsonl``, event records in the PLOVER layout;
- ``gdelt``: ``events.tsv``, event rows in a GDELT-like tab-separated layout.

The PLOVER and GDELT layouts come from :mod:`flashpoint.outputs.plover` and
:mod:`flashpoint.outputs.gdelt`; this module only streams reports into them.
Nothing here re-declares a model field: columns come from the store, which
derives them from ``models.py``. Near-duplicate copies are exported as
document rows (with ``duplicate_of``), never as extra reports or events.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from flashpoint.corpus.store import Store, scalar_columns
from flashpoint.errors import UnknownComponent
from flashpoint.models import Incident
from flashpoint.outputs import gdelt, plover

# Bulky or binary store columns that make no sense in a flat table.
_HIDDEN = {"report", "signature", "json"}
_TABLES = ("documents", "events", "incidents")
_CHUNK = 1000


def export(
    store: Store, fmt: str, outdir: str | Path, min_confidence: float | None = None
) -> list[Path]:
    """Write ``store`` in format ``fmt`` under ``outdir``; return the files written.

    ``min_confidence`` leaves out events whose calibrated confidence is lower
    (docs/calibration.md); events stored without one are kept."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise UnknownComponent(kind="export format", name=fmt, known=", ".join(FORMATS))
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    if min_confidence:
        from flashpoint.outputs.confident import ConfidentView, check_threshold

        check_threshold(min_confidence)

        return writer(ConfidentView(store, min_confidence), folder)  # type: ignore[arg-type]
    return writer(store, folder)


def _table(store: Store, table: str) -> tuple[list[str], Iterator[list[Any]]]:
    names, rows = store.rows(table)
    keep = [i for i, name in enumerate(names) if name not in _HIDDEN]

    def stream() -> Iterator[list[Any]]:
        for row in rows:
            yield [row[i] for i in keep]

    return [names[i] for i in keep], stream()


def write_jsonl(store: Store, folder: Path) -> list[Path]:
    reports, incidents = folder / "reports.jsonl", folder / "incidents.jsonl"
    with reports.open("w", encoding="utf-8") as out:
        for report in store.reports():
            out.write(report.model_dump_json() + "\n")
    with incidents.open("w", encoding="utf-8") as out:
        for incident in store.incidents():
            out.write(incident.model_dump_json() + "\n")
    return [reports, incidents]


def write_csv(store: Store, folder: Path) -> list[Path]:
    written = []
    for table in _TABLES:
        path = folder / f"{table}.csv"
        names, rows = _table(store, table)
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(names)
            writer.writerows(rows)
        written.append(path)
    return written


def write_parquet(store: Store, folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64()}
    written = []
    for table in _TABLES:
        declared = {
            row[1]: row[2].split()[0] if row[2] else "TEXT"
            for row in store.conn.execute(f"PRAGMA table_info({table})")
        }
        names, rows = _table(store, table)
        schema = pa.schema([(n, arrow.get(declared.get(n, "TEXT"), pa.string())) for n in names])
        path = folder / f"{table}.parquet"
        # Written in chunks so a large corpus never sits in memory whole.
        with pq.ParquetWriter(path, schema) as writer:
            chunk: list[list[Any]] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= _CHUNK:
                    writer.write_table(_arrow_table(chunk, schema))
                    chunk = []
            writer.write_table(_arrow_table(chunk, schema))
        written.append(path)
    return written


def _arrow_table(chunk: list[list[Any]], schema: Any) -> Any:
    import pyarrow as pa

    columns: list[Any] = list(zip(*chunk, strict=True)) if chunk else [[] for _ in schema.names]
    return pa.Table.from_arrays(
        [pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)],
        schema=schema,
    )


def write_geojson(store: Store, folder: Path) -> list[Path]:
    path = folder / "incidents.geojson"
    fields = [name for name in scalar_columns(Incident) if name not in ("lat", "lon")]
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        first = True
        for incident in store.incidents():
            if incident.lat is None or incident.lon is None:
                continue
            feature = {
                "type": "Feature",
                "id": incident.id,
                "geometry": {"type": "Point", "coordinates": [incident.lon, incident.lat]},
                "properties": {
                    **{name: getattr(incident, name) for name in fields},
                    "source_actors": incident.source_actors,
                    "target_actors": incident.target_actors,
                    "reports": len(incident.sightings),
                    "outlets": sorted({s.outlet for s in incident.sightings if s.outlet}),
                },
            }
            out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        out.write("\n]}\n")
    return [path]


def write_plover(store: Store, folder: Path) -> list[Path]:
    path = folder / "plover.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for report in store.reports():
            for record in plover.records(report):
                out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return [path]


def write_gdelt(store: Store, folder: Path) -> list[Path]:
    path = folder / "events.tsv"
    with path.open("w", encoding="utf-8") as out:
        out.write("\t".join(gdelt.HEADER) + "\n")
        for report in store.reports():
            for row in gdelt.rows(report):
                cells = row.values() if isinstance(row, dict) else row
                out.write("\t".join(_cell(value) for value in cells) + "\n")
    return [path]


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\n", " ")


FORMATS: dict[str, Callable[[Store, Path], list[Path]]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "geojson": write_geojson,
    "plover": write_plover,
    "gdelt": write_gdelt,
}
