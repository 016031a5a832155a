"""Timelines and the tension index (flashpoint.corpus.timeline / tension) on hand-coded reports."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.tension import contribution
from flashpoint.corpus.timeline import (
    format_table,
    format_timeline,
    parse_dyad,
    plot_tension,
    select,
    tension_index,
)
from flashpoint.errors import FlashpointError, UnknownComponent
from flashpoint.models import Incident
from tests.corpus.test_incidents import Ev, report


@pytest.fixture(scope="module")
def incidents() -> list[Incident]:
    shelling = "Kestrian gunboats shelled the Varnian coast near Port Halden."
    return merge_reports(
        [
            report("2031-03-02", Ev(shelling, date="2031-03-01", place="port")),
            report("2031-03-03", Ev(shelling + " ", date="2031-03-01", place="port")),
            report("2031-03-03", Ev(shelling + "  ", date="2031-03-01", place="port")),
            report(
                "2031-03-05",
                Ev("Varnia's army fired rockets at a Kestrian frigate.", source=("vrn-mil",),
                   target=("kst-mil",), date="2031-03-04"),
            ),
            report(
                "2031-03-12",
                Ev("Ossland sent food convoys to Varnia.", type="AID", source=("oss-gov",),
                   target=("vrn-gov",), date="2031-03-11"),
            ),
            report(
                "2031-03-20",
                Ev("President Alder Voss held talks with the Varnian government.",
                   type="CONSULT", source=("kst-gov",), target=("vrn-gov",), date="2031-03-19"),
            ),
        ]
    )  # fmt: skip


def test_select_by_actor_name_or_code(incidents: list[Incident]) -> None:
    voss = select(incidents, actor="alder voss")
    assert [i.type for i in voss] == ["CONSULT"]
    kst = select(incidents, actor="KST")
    assert [i.date for i in kst] == ["2031-03-01", "2031-03-04", "2031-03-19"]
    assert select(incidents, actor="nobody by that name") == []


def test_select_dyad_in_either_direction(incidents: list[Incident]) -> None:
    forward = select(incidents, dyad=parse_dyad("KST:VRN"))
    backward = select(incidents, dyad=("VRN", "KST"))
    assert [i.id for i in forward] == [i.id for i in backward]
    assert [i.type for i in forward] == ["ASSAULT", "ASSAULT", "CONSULT"]
    assert [i.type for i in select(incidents, dyad=("OSS", "VRN"))] == ["AID"]


def test_select_by_country_and_dates(incidents: list[Incident]) -> None:
    assert len(select(incidents, country="oss")) == 1
    window = select(incidents, since=dt.date(2031, 3, 4), until=dt.date(2031, 3, 12))
    assert [i.date for i in window] == ["2031-03-04", "2031-03-11"]


def test_parse_dyad_rejects_one_sided_text() -> None:
    with pytest.raises(FlashpointError):
        parse_dyad("KST")


def test_daily_index_counts_conflict_up_and_cooperation_down(incidents: list[Incident]) -> None:
    points = tension_index(incidents, freq="day")
    assert points[0].period == dt.date(2031, 3, 1) and points[-1].period == dt.date(2031, 3, 19)
    assert len(points) == 19  # quiet days are filled in
    by_day = {p.period: p for p in points}
    shelled = by_day[dt.date(2031, 3, 1)]
    assert shelled.incidents == 1 and shelled.conflict == 1
    assert shelled.index == pytest.approx(9.0 * math.log(1 + 3), abs=1e-3)  # three reports
    assert by_day[dt.date(2031, 3, 4)].index == pytest.approx(9.0 * math.log(2), abs=1e-3)
    assert by_day[dt.date(2031, 3, 11)].index < 0 and by_day[dt.date(2031, 3, 11)].cooperation == 1
    assert by_day[dt.date(2031, 3, 2)].index == 0
    # the running level decays through quiet days
    assert 0 < by_day[dt.date(2031, 3, 3)].level < shelled.level


def test_weekly_index_for_one_dyad(incidents: list[Incident]) -> None:
    weeks = tension_index(incidents, freq="week", dyad=("KST", "VRN"))
    assert [p.period.weekday() for p in weeks] == [0] * len(weeks)
    assert sum(p.incidents for p in weeks) == 3
    assert weeks[0].index == pytest.approx(
        contribution(select(incidents, dyad=("KST", "VRN"))[0]), abs=1e-3
    )


def test_table_and_timeline_text(incidents: list[Incident]) -> None:
    table = format_table(tension_index(incidents, freq="week"))
    lines = table.splitlines()
    assert lines[0].split() == ["period", "index", "level", "incidents", "conflict", "coop"]
    assert len(lines) == 2 + 4  # Mar 1 2031 is a Saturday: four Monday-based weeks
    text = format_timeline(select(incidents, actor="KST"))
    assert "[3 reports, 0 outlets]" in text and "Kestrian gunboats" in text


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_writes_the_format_of_the_extension(
    incidents: list[Incident], tmp_path: Path, suffix: str
) -> None:
    out = plot_tension(tension_index(incidents), tmp_path / f"tension{suffix}", title="KST-VRN")
    data = out.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG")
    else:
        assert b"<svg" in data[:2000] and b"KST-VRN" in data


def test_plot_refuses_other_formats(incidents: list[Incident], tmp_path: Path) -> None:
    with pytest.raises(UnknownComponent):
        plot_tension(tension_index(incidents), tmp_path / "tension.gif")
