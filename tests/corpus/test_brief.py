"""Top dates, the coverage-normalized tension index and the situation brief."""

from __future__ import annotations

import datetime as dt

from flashpoint.corpus.brief import build_brief, to_html, to_markdown
from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.tension import index_points
from flashpoint.corpus.timeline import top_dates
from tests.corpus.test_incidents import Ev, report

SHELLING = "Kestrian warships shelled the harbour of Port Halden, killing {n} <people>."
RAID = "Kestrian commandos raided a depot in Millbrook."
TALKS = "President Alder Voss met Varnian envoys in the capital."


def _corpus() -> list:
    big = [
        report(
            f"2031-05-0{n}",
            Ev(
                SHELLING.format(n=10 + n),
                date="2031-05-01",
                place="port",
                figures=[("dead", 10 + n, "exact")],
            ),
        )
        for n in (1, 2, 3)
    ]
    raid = report("2031-05-04", Ev(RAID, date="2031-05-04", place="mill"))
    talks = report(
        "2031-05-09",
        Ev(TALKS, type="CONSULT", source=("kst-gov",), target=("vrn-gov",), date="2031-05-09"),
    )
    return [*big, raid, talks]


def test_top_dates_rank_days_by_salience() -> None:
    incidents = merge_reports(_corpus())
    days = top_dates(incidents, 1)
    assert [d.day for d in days] == [dt.date(2031, 5, 1)]
    assert days[0].incidents[0].location == "Port Halden"
    assert days[0].evidence(days[0].incidents[0]).startswith("Kestrian warships")
    two = top_dates(incidents, 2)
    assert [d.day for d in two] == [dt.date(2031, 5, 1), dt.date(2031, 5, 4)]  # date order


def test_tension_is_normalized_by_coverage_and_names_its_drivers() -> None:
    incidents = merge_reports(_corpus())
    points = index_points(incidents, "week")
    busy = next(p for p in points if p.period == dt.date(2031, 4, 28))
    assert busy.reports == 4
    # The mean coverage is 2.5 reports a week: the busy week is scaled down.
    assert busy.normalized < busy.index
    assert busy.drivers and busy.drivers[0] in {i.id for i in incidents}


def test_brief_lists_days_figures_and_escapes_html() -> None:
    reports = _corpus()
    incidents = merge_reports(reports)
    brief = build_brief(incidents, reports, country="VRN", since=dt.date(2031, 5, 1))
    text = to_markdown(brief)
    assert "## Key incidents by day" in text and "### 2031-05-01" in text
    assert "dead 11 (unattributed) -> 13 (unattributed)" in text
    assert "Tension fell in the week of 2031-05-05" in text
    page = to_html(brief)
    assert "&lt;people&gt;" in page and "<people>" not in page
