"""``flashpoint timeline --top-dates`` and ``flashpoint brief`` on a store of hand-made reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.corpus.ingest import rebuild_incidents
from flashpoint.corpus.store import Store
from tests.corpus.test_linking import harlow_pair

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "b.db"
    first, second = harlow_pair()
    with Store(path) as store:
        store.add_report(first, outlet="Westria Courier")
        store.add_report(second, outlet="Harlow Ledger")
        assert rebuild_incidents(store) == 1
    return path


def test_timeline_top_dates_json(db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(db), "--top-dates", "3", "--json"])
    assert result.exit_code == 0, result.output
    days = json.loads(result.stdout)
    assert [d["date"] for d in days] == ["2030-03-02"]
    (inc,) = days[0]["incidents"]
    assert inc["reports"] == 2 and inc["outlets"] == ["Harlow Ledger", "Westria Courier"]
    assert inc["evidence"].startswith("Two dead, three wounded")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_brief_formats(db: Path, fmt: str) -> None:
    result = runner.invoke(app, ["brief", "--db", str(db), "--country", "USA", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "2030-03-02" in result.stdout and "2 reports" in result.stdout
    assert "2 dead" in result.stdout
    if fmt == "html":
        assert result.stdout.startswith("<!doctype html>")


def test_timeline_table_spans_the_asked_period(db: Path) -> None:
    args = ["timeline", "--db", str(db), "--since", "2030-02-28", "--until", "2030-03-05"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    periods = [p["period"] for p in json.loads(result.stdout)["tension"]]
    assert periods == [f"2030-0{m}-{d:02d}" for m, d in ((2, 28), *((3, n) for n in range(1, 6)))]


def test_brief_min_confidence_keeps_or_drops_a_lone_unsure_incident(tmp_path: Path) -> None:
    first, _ = harlow_pair()
    first.events[0].confidence = 0.5  # one report, below the calibrated threshold
    path = tmp_path / "one.db"
    with Store(path) as store:
        store.add_report(first, outlet="Westria Courier")
        rebuild_incidents(store)
    args = ["brief", "--db", str(path), "--country", "USA"]
    default = runner.invoke(app, args)
    low = runner.invoke(app, [*args, "--min-confidence", "0.4"])
    assert default.exit_code == 0 and low.exit_code == 0, low.output
    assert default.stdout.startswith("# Situation brief") and "0 incidents" in default.stdout
    assert "1 incident from 1 report" in low.stdout and "2030-03-02" in low.stdout
