"""Browsing incidents: disjunctive facet counts, dates, text matches, optional fields."""

from __future__ import annotations

import datetime as dt

from flashpoint.corpus import browse
from flashpoint.models import Incident, Sighting


def incident(n: int, kind: str, day: str, *, outlets: tuple[str, ...] = ("a.example",),
             country: str = "VAR", **extra: object) -> Incident:  # fmt: skip
    sightings = [
        Sighting(document=f"d{n}-{i}", event="ev1", outlet=o) for i, o in enumerate(outlets)
    ]
    quad = "material_conflict" if kind == "ASSAULT" else "verbal_cooperation"
    return Incident(
        id=f"inc-{n}", type=kind, quad=quad, intensity=-8 if kind == "ASSAULT" else 3, date=day,
        source_actors=[f"Army ({country}/MIL)"], target_actors=["Ossland (OSS)"],
        sightings=sightings, **extra,
    )  # fmt: skip


ENTRIES = browse.index(
    [
        incident(1, "ASSAULT", "2026-01-02", outlets=("a.example", "b.example")),
        incident(2, "ASSAULT", "2026-01-05", country="KES"),
        incident(3, "CONSULT", "2026-01-05"),
        incident(4, "CONSULT", "2026-02-01", outlets=("b.example",)),
    ]
)


def counts(page: browse.Page, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in page.facets.get(facet, [])}


def test_counts_within_a_facet_ignore_its_own_choice() -> None:
    page = browse.browse(ENTRIES, browse.Query(selected={"type": ("ASSAULT",)}))
    assert page.total == 2
    assert counts(page, "type") == {"ASSAULT": 2, "CONSULT": 2}
    assert counts(page, "country") == {"OSS": 2, "VAR": 1, "KES": 1}
    both = browse.browse(ENTRIES, browse.Query(selected={"type": ("ASSAULT", "CONSULT")}))
    assert both.total == 4


def test_facets_combine_with_and_and_reports_are_banded() -> None:
    page = browse.browse(
        ENTRIES, browse.Query(selected={"type": ("ASSAULT",), "outlet": ("b.example",)})
    )
    assert [e.incident.id for e in page.entries] == ["inc-1"]
    assert counts(page, "outlet") == {"a.example": 2, "b.example": 1}
    assert counts(page, "reports") == {"2": 1}


def test_dates_text_and_sort() -> None:
    window = browse.Query(since=dt.date(2026, 1, 4), until=dt.date(2026, 1, 31), sort="oldest")
    assert [e.incident.id for e in browse.browse(ENTRIES, window).entries] == ["inc-2", "inc-3"]
    text = browse.Query(matches={("d4-0", "ev1")})
    assert [e.incident.id for e in browse.browse(ENTRIES, text).entries] == ["inc-4"]
    newest = browse.browse(ENTRIES, browse.Query(size=2, page=2))
    assert newest.pages == 2 and [e.incident.id for e in newest.entries] == ["inc-3", "inc-1"]


def test_fields_a_later_stage_adds_are_read_when_present() -> None:
    late = incident(9, "CONSULT", "2026-03-01").model_copy(
        update={"salience": 0.9, "independent_reports": 3}
    )
    entry = browse.entry(late)
    assert entry.salience == 0.9 and entry.reports == 3 and entry.keys["reports"] == ("3-4",)
    plain = browse.entry(incident(8, "ASSAULT", "2026-03-01"))
    assert plain.reports == 1 and plain.salience > 0  # fallback: |tension contribution|


def test_top_dyads_rank_country_pairs_by_tension() -> None:
    dyads = browse.top_dyads(ENTRIES)
    assert (dyads[0].a, dyads[0].b) in {("OSS", "VAR"), ("KES", "OSS")}
    assert all(d.points for d in dyads)


def test_only_tense_pairs_are_listed_and_their_days_line_up() -> None:
    talks = [
        incident(20 + n, "CONSULT", f"2026-01-1{n}", country="ZAN", outlets=("c.example",))
        for n in range(3)
    ]
    dyads = browse.top_dyads([*ENTRIES, *browse.index(talks)])
    pairs = {(d.a, d.b) for d in dyads}
    assert ("OSS", "ZAN") not in pairs  # three meetings: cooperation, not tension
    assert ("KES", "OSS") in pairs  # one shelling on one day
    spans = {(d.points[0].period, d.points[-1].period) for d in dyads}
    assert spans == {(dt.date(2026, 1, 2), dt.date(2026, 2, 1))}


def test_unset_later_fields_fall_back_and_main_documents_name_the_main_incident() -> None:
    unset = browse.entry(incident(7, "ASSAULT", "2026-03-01"))
    assert unset.reports == 1 and unset.salience > 0  # defaults mean "not computed"
    main = incident(6, "CONSULT", "2026-03-02").model_copy(update={"main_documents": ["d6-0"]})
    entries = [unset, browse.entry(main)]
    assert browse.main_incident_of("d6-0", entries) == "inc-6"
    assert browse.main_incident_of("d7-0", entries) is None


def test_the_confidence_facet_bands_the_incident_confidence() -> None:
    plain = incident(1, "ASSAULT", "2026-03-01")
    bands = [
        browse.confidence_band(plain.model_copy(update={"confidence": c}))
        for c in (0.9, 0.6, 0.2, None)
    ]
    assert bands == ["high", "medium", "low", None]
