"""PLOVER JSONL and GDELT-layout exports of events."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from flashpoint.models import Report
from flashpoint.outputs import gdelt, plover

TEXT = (
    "Soldiers fired at a crowd in Harare on Monday, killing two people.\n"
    "Police arrested 40 protesters in Dhaka on Sunday, officials said."
)


@pytest.fixture(scope="module")
def report(run: Callable[..., Report]) -> Report:
    return run(TEXT, "2024-03-13")


def test_plover_records_follow_the_manual_layout(report: Report) -> None:
    records = list(plover.records(report))
    assert len(records) == len(report.events) >= 2
    assault = next(r for r in records if r["event"] == "ASSAULT")
    assert assault["source"][0]["actorText"] == "Soldiers"
    assert assault["source"][0]["sector"] == "MIL"
    assert assault["date"] == "2024-03-11"
    assert assault["dead"] == 2
    assert assault["eventLoc"]["placeName"] == "Harare"
    start, end = assault["eventSpan"]
    assert report.document.text[start:end] == assault["eventText"]
    assert all(value is not None for value in assault.values())
    json.dumps(records)  # serialisable as JSONL


def test_gdelt_rows_have_the_event_table_columns(report: Report) -> None:
    assert len(gdelt.HEADER) == 61
    assert gdelt.HEADER[26:29] == ["EventCode", "EventBaseCode", "EventRootCode"]
    rows = list(gdelt.rows(report))
    assert rows and all(len(row) == len(gdelt.HEADER) for row in rows)
    by_root = {row[28]: dict(zip(gdelt.HEADER, row, strict=True)) for row in rows}
    assault = by_root["19"]  # ASSAULT with firearms: CAMEO root 19, "Fight"
    assert assault["SQLDATE"] == "20240311" and assault["Year"] == "2024"
    assert assault["QuadClass"] == "4"
    assert assault["Actor1Type1Code"] == "MIL"
    assert assault["ActionGeo_FullName"] == "Harare"
    arrest = by_root["17"]
    assert arrest["Actor1Code"].endswith("COP")
    assert float(arrest["GoldsteinScale"]) < 0


def test_cameo_root_reverse_mapping() -> None:
    assert gdelt.cameo_root("ASSAULT", None) == "18"
    assert gdelt.cameo_root("ASSAULT", "massacre") == "20"
    assert gdelt.cameo_root("ACCUSE", "investigate") == "09"
    assert gdelt.cameo_root("REQUEST", "yield") == "10"
    assert {gdelt.cameo_root(k, None) for k in ("CONCEDE", "RETREAT")} == {"08"}
