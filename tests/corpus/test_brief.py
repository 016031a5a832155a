"""Top dates, the coverage-normalized tension index and the situation brief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from flashpoint.corpus.brief import (
    LEAD_MARGIN,
    build_brief,
    comment_piece,
    looks_back,
    to_html,
    to_markdown,
)
from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.tension import index_points
from flashpoint.corpus.timeline import top_dates
from flashpoint.extractors.events.confidence import default_threshold
from flashpoint.models import (
    Document,
    Hedge,
    Incident,
    Mention,
    Place,
    Report,
    ReportedFigure,
    Sighting,
    Span,
)
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


def _incident(n: int, type: str, quad: str, intensity: float, **kw: object) -> Incident:
    doc = f"d{n}"
    day = kw.pop("published", "2031-06-02")
    return Incident(
        id=f"inc-{n}",
        type=type,
        quad=quad,
        intensity=intensity,
        sightings=[
            Sighting(document=doc, event="ev1", published=day, outlet="harbourpost.example")
        ],
        first_reported=day,
        last_reported=day,
        independent_reports=1,
        outlets=["harbourpost.example"],
        salience=1.0 + n / 10,
        **kw,
    )


def _wording_corpus() -> list[Incident]:
    return [
        # A shelling with a toll, and a later call for restraint that repeats the toll.
        _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-03",
                  summary="Kestrian guns shelled Millbrook, killing eight people.",
                  source_actors=["Kestrian gunners (KST/MIL)"], target_actors=["people"],
                  figures=[ReportedFigure(kind="dead", value=8, document="d1")]),
        _incident(2, "REQUEST", "verbal_conflict", -1, date="2031-06-04",
                  summary="The envoy urged restraint after eight people were killed.",
                  source_actors=["the envoy"], target_actors=["Kestria (KST/GOV)"],
                  figures=[ReportedFigure(kind="dead", value=8, document="d2")]),
        # The same person named twice, once with a country; a meeting is "with", not "against".
        _incident(3, "CONSULT", "verbal_cooperation", 1, date="2031-06-05",
                  summary="Alder Voss met Varnian envoys in the capital.",
                  source_actors=["Alder Voss", "Alder Voss (KST/GOV)"],
                  target_actors=["Varnian envoys (VRN/GOV)"]),
        _incident(4, "MOBILIZE", "material_conflict", -6, date="2031-06-05",
                  summary="Varnia called up its reservists.", source_actors=["Varnia (VRN/GOV)"]),
        # An undated accusation, first reported before a dated one: listed first, not as "None".
        _incident(5, "ACCUSE", "verbal_conflict", -2, published="2031-06-01",
                  summary="Varnia accused Kestria of breaking the truce.",
                  source_actors=["Varnia (VRN/GOV)"], target_actors=["Kestria (KST/GOV)"]),
        _incident(6, "ACCUSE", "verbal_conflict", -2, date="2031-06-06",
                  summary="Kestria accused Varnia of massing troops.",
                  source_actors=["Kestria (KST/GOV)"], target_actors=["Varnia (VRN/GOV)"]),
    ]  # fmt: skip


def test_brief_says_who_with_whom_and_drops_repeats() -> None:
    text = to_markdown(build_brief(_wording_corpus()))
    assert "Alder Voss (KST/GOV) with Varnian envoys (VRN/GOV)" in text
    assert "Alder Voss, Alder Voss" not in text
    assert "**mobilization**, Varnia (VRN/GOV) [" in text  # no "against someone"
    assert "someone" not in text


def test_brief_dates_accusations_and_orders_them() -> None:
    text = to_markdown(build_brief(_wording_corpus()))
    section = text.split("## Who accused or threatened whom")[1]
    assert "None" not in section
    first = section.index("reported 2031-06-01 accusation: Varnia")
    assert first < section.index("2031-06-06 accusation: Kestria")


def test_brief_period_and_figures_come_from_the_incidents() -> None:
    brief = build_brief(_wording_corpus())
    text = to_markdown(brief)
    assert text.startswith("# Situation brief: all countries, 2031-06-01 to 2031-06-06\n")
    figures = text.split("## Figures and how they changed")[1].split("##")[0]
    assert "2031-06-03, assault: dead 8" in figures  # no location: no stray " :"
    assert "2031-06-04" not in figures  # the call for restraint is not the toll's incident
    # ... though its line in the day's list still carries the toll it is about.
    assert "(8 dead)" in text.split("### 2031-06-04")[1].split("###")[0]
    page = to_html(brief)
    assert "<h2>Figures and how they changed</h2>" in page and "2031-06-03, assault: dead 8" in page


def test_brief_of_one_week_says_there_is_nothing_to_compare() -> None:
    text = to_markdown(build_brief(_wording_corpus(), since=dt.date(2031, 6, 2)))
    assert "dated incidents, all in the week of 2031-06-02" in text and "no earlier week" in text


def test_top_dates_list_each_actor_once() -> None:
    from flashpoint.corpus.timeline import distinct_labels, format_top_dates

    labels = ["Alder Voss", "Varnia (VRN/GOV)", "Alder Voss (KST/GOV)", "alder voss"]
    assert distinct_labels(labels) == ["Alder Voss (KST/GOV)", "Varnia (VRN/GOV)"]
    text = format_top_dates(top_dates(_wording_corpus(), 10))
    assert "Alder Voss (KST/GOV) -> Varnian envoys (VRN/GOV)" in text


def test_pad_points_cover_the_asked_period_and_let_the_level_decay() -> None:
    from flashpoint.corpus.timeline import pad_points

    points = index_points(_wording_corpus(), "day")
    padded = pad_points(points, "day", dt.date(2031, 5, 30), dt.date(2031, 6, 9))
    assert padded[0].period == dt.date(2031, 5, 30) and padded[-1].period == dt.date(2031, 6, 9)
    days = [p.period for p in padded]
    assert days == sorted(set(days)) and len(days) == 11
    tail = [p for p in padded if p.period > points[-1].period]
    assert all(p.index == 0 and p.incidents == 0 for p in tail)
    assert abs(tail[-1].level) < abs(points[-1].level)  # quiet days cool the running level
    lone = pad_points(points[:1], "week")
    assert len(lone) == 3 and lone[1] == points[0]  # one period gets a quiet one either side


def test_brief_names_the_days_it_leaves_out() -> None:
    incidents = _wording_corpus()
    text = to_markdown(build_brief(incidents, days=2))
    shown = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert len(shown) == 2
    left = text.split("Other days with incidents, not listed above: ")[1].split(".\n")[0]
    left_days = left.split(", ")
    every = {i.date or i.first_reported for i in incidents}
    assert sorted(left_days) == sorted(every - set(shown)) and left_days
    assert "Other days with incidents" not in to_markdown(build_brief(incidents, days=10))
    assert "--days" not in to_html(build_brief(incidents, days=2))  # no CLI hint on the page
    assert "--days" not in text


def test_brief_leaves_out_recaps_and_lone_unsure_incidents() -> None:
    recap = _incident(7, "ASSAULT", "material_conflict", -9, date="2031-06-03", background=True,
                      summary="Kestrian guns have shelled the coast for years.")  # fmt: skip
    unsure = _incident(8, "ASSAULT", "material_conflict", -9, date="2031-06-03", confidence=0.3,
                       summary="Raiders may have struck a depot.")  # fmt: skip
    told_twice = _incident(9, "ASSAULT", "material_conflict", -9, date="2031-06-03",
                           confidence=0.3, summary="Raiders struck a second depot.")  # fmt: skip
    told_twice.independent_reports = 2
    sure = _incident(10, "ASSAULT", "material_conflict", -9, date="2031-06-03", confidence=0.95,
                     summary="Raiders struck a third depot.")  # fmt: skip
    text = to_markdown(build_brief([recap, unsure, told_twice, sure], since=dt.date(2031, 6, 1)))
    assert "second depot" in text and "third depot" in text
    assert "for years" not in text and "may have struck" not in text


def test_a_recap_stays_apart_and_marks_its_incident_background() -> None:
    reports = _corpus()
    reports[0].events[0].background = True
    reports[0].events[0].confidence = 0.9
    recap_doc = reports[0].document.id
    shellings = [i for i in merge_reports(reports) if i.type == "ASSAULT" and i.figures]
    recap = [i for i in shellings if any(s.document == recap_doc for s in i.sightings)]
    news = [i for i in shellings if i not in recap]
    assert len(recap) == 1 and recap[0].background and recap[0].confidence == 0.9
    assert news and not any(i.background for i in news)
    assert all(s.document != recap_doc for i in news for s in i.sightings)


def _with_trigger(rep: Report, word: str) -> Report:
    """The report with its first event's trigger moved onto ``word`` of its sentence."""
    ev = rep.events[0]
    at = rep.document.text.index(word, ev.sentence.start)
    ev.trigger = Span(start=at, end=at + len(word), text=word)
    return rep


def _port_and_country(rep: Report) -> list[Place]:
    """Port Halden (a city) and Varnia (its country), found where the report names them."""
    text = rep.document.text

    def place(key: str, name: str, feature: str) -> Place:
        at = text.index(name)
        return Place(id=f"p-{key}", name=name, feature=feature, country="VRN",  # type: ignore[arg-type]
                     mentions=[Mention(start=at, end=at + len(name), text=name)])  # fmt: skip

    return [place("port", "Port Halden", "city"), place("vrn", "Varnia", "country")]


def _killed_in_port(sentence: str) -> Report:
    """A report of 2031-06-05 of one sentence placed in Port Halden, its event on "killed"."""
    return _with_trigger(report("2031-06-05", Ev(sentence, place="port")), "killed")


def test_brief_leaves_out_look_backs_and_averted_attacks() -> None:
    old = report("2031-06-05", Ev("In 2028 Kestrian warships shelled Port Halden.", place="port"))
    spared = _with_trigger(
        report(
            "2031-06-05",
            Ev(
                "Millbrook was spared an assault by the Crimson Brigade after a truce.",
                source=("brig",),
            ),
        ),
        "assault",
    )
    last_year = report(
        "2031-06-06",
        Ev(
            "Ossland jets bombed Varnian barracks last year, killing 12.",
            source=("oss-gov",),
            target=("vrn-mil",),
        ),
    )
    news = report("2031-06-05", Ev("Kestrian commandos raided a depot in Millbrook.", place="mill"))
    worst = report(
        "2031-06-05",
        Ev(
            "It was the deadliest raid on the Varnian army since 2024.",
            source=("kst-gov",),
            target=("vrn-mil",),
        ),
    )
    last_july = report(
        "2031-06-06",
        Ev("Raiders massacred 40 villagers near Millbrook last July.", source=("editor",)),
    )
    last_week = report(
        "2031-06-06",
        Ev("Last week's car bombs in Port Halden killed 55 people.", source=("envoy",)),
    )
    reports = [old, spared, last_year, news, worst, last_july, last_week]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "raided a depot" in text and "deadliest raid" in text  # a comparison is news
    assert "2028" not in text and "spared" not in text and "last year" not in text
    assert "last July" not in text and "Last week's" not in text
    assert brief.recalled == 5 and "Left out: 5 incidents" in text


def test_brief_leaves_out_a_happening_only_called_for_or_threatened() -> None:
    called = _with_trigger(
        report(
            "2031-06-05",
            Ev("Varnia renewed its call for the withdrawal of Kestrian troops from Millbrook.",
               source=("vrn",), target=("kst-mil",), place="mill", date="2031-06-05"),
        ),
        "withdrawal",
    )  # fmt: skip
    threatened = _with_trigger(
        report(
            "2031-06-05",
            Ev("The Kestrian navy threatened to shell Port Halden again.", place="port"),
        ),
        "shell",
    )
    done = _with_trigger(
        report(
            "2031-06-05",
            Ev("Kestrian troops began their withdrawal from Millbrook on Monday.",
               source=("kst-mil",), target=("vrn",), place="mill", date="2031-06-05"),
        ),
        "withdrawal",
    )  # fmt: skip
    described = _with_trigger(
        report(
            "2031-06-05",
            Ev("Envoys hope that Ossland, which has opposed every motion, will back the truce.",
               source=("oss-gov",), target=("vrn-gov",), date="2031-06-05"),
        ),
        "opposed",
    )  # fmt: skip
    reports = [called, threatened, done, described]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "began their withdrawal" in text
    assert "renewed its call" not in text and "threatened to shell" not in text
    assert "has opposed every motion" not in text  # an actor's past, told in passing
    assert brief.recalled == 3 and "as only called for" in text


def test_brief_names_no_pronoun_or_reference_back_as_an_actor() -> None:
    reports = [
        report(
            "2031-06-05",
            Ev(
                "They shelled Port Halden on Monday.",
                source=("they",),
                place="port",
                date="2031-06-05",
            ),
        ),
        report(
            "2031-06-05",
            Ev(
                "The fighters raided a depot in Millbrook.",
                source=("fighters",),
                place="mill",
                date="2031-06-05",
            ),
        ),
    ]
    text = to_markdown(build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1)))
    assert "in Port Halden, against Varnia" in text and "in Millbrook, against Varnia" in text
    assert "they" not in text.split("## Key incidents")[1].split(">")[0]
    assert "the fighters against" not in text


def test_brief_doubts_come_from_the_period_and_once_each() -> None:
    def hedged(published: str, sentence: str) -> Report:
        rep = report(published, Ev(sentence, said_by="Varnian officials", date="2031-06-03"))
        rep.claims[0].hedges = [Hedge(start=0, end=3, text=sentence[:3], kind="allegation")]
        return rep

    reports = [
        hedged("2031-06-04", "Kestrian gunboats allegedly shelled Port Halden."),
        hedged("2031-06-05", "Kestrian gunboats allegedly shelled Port Halden."),
        hedged("2031-07-20", "Kestrian gunboats allegedly mined the harbour in June."),
    ]
    brief = build_brief(
        merge_reports(reports), reports, since=dt.date(2031, 6, 1), until=dt.date(2031, 6, 30)
    )
    assert [d.text for d in brief.doubts] == ["Kestrian gunboats allegedly shelled Port Halden."]


def test_brief_evidence_is_a_headline_only_when_it_tells_of_the_incident() -> None:
    sentence = "Kestrian warships shelled Port Halden at dawn, officials said."
    on_topic = _with_trigger(
        report(
            "2031-06-05",
            Ev(sentence, place="port", date="2031-06-05"),
            title="Kestrian warships shell Port Halden",
        ),
        "shelled",
    )
    off_topic = _with_trigger(
        report(
            "2031-06-07",
            Ev(sentence.replace("Port Halden", "Millbrook"), place="mill", date="2031-06-07"),
            title="Markets rally as oil prices ease",
        ),
        "shelled",
    )
    reports = [on_topic, off_topic]
    text = to_markdown(build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1)))
    assert "> Kestrian warships shell Port Halden\n" in text
    assert "Markets rally" not in text and "shelled Millbrook at dawn" in text


def test_brief_reads_no_trend_against_an_empty_week() -> None:
    early = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-03",
                      summary="Kestrian guns shelled Millbrook.")  # fmt: skip
    late = _incident(2, "ASSAULT", "material_conflict", -9, date="2031-06-18",
                     published="2031-06-18", summary="Kestrian guns shelled Halden.")  # fmt: skip
    text = to_markdown(build_brief([early, late]))
    assert "the week before had none, so there is no trend to read" in text
    assert "Tension rose" not in text and "Tension fell" not in text


def test_brief_lists_disputed_claims_before_mere_uncertainty() -> None:
    def hedged(n: int, kind: str) -> Report:
        sentence = f"Kestrian gunboats shelled Port Halden {n} times, an official said."
        rep = report("2031-06-04", Ev(sentence, said_by=f"Official {n}", date="2031-06-03"))
        rep.claims[0].hedges = [Hedge(start=0, end=3, text=sentence[:3], kind=kind)]
        return rep

    reports = [hedged(n, "uncertainty") for n in range(10)] + [hedged(10, "denial")]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    assert len(brief.doubts) == 8 and any(d.hedge == "denial" for d in brief.doubts)


def test_brief_shows_no_place_named_only_elsewhere_in_the_article() -> None:
    text = "Raiders shelled the Varnian coast on Monday. Envoys later met in Port Halden."
    rep = report("2031-06-05", Ev(text, place="port", date="2031-06-05"))
    ev = rep.events[0]
    first = text.split(" Envoys")[0]
    ev.sentence = Span(start=0, end=len(first), text=first)
    at = text.index("Port Halden")
    rep.places[0].mentions = [Mention(start=at, end=at + 11, text="Port Halden")]
    brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
    assert "in Port Halden" not in to_markdown(brief)
    ev.place_reason = "sentence"  # the extractor says why: shown
    brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
    assert "in Port Halden" in to_markdown(brief)


def test_brief_title_names_the_country() -> None:
    incidents = merge_reports(_corpus())
    assert to_markdown(build_brief(incidents, country="SYR")).startswith(
        "# Situation brief: Syria (SYR), "
    )
    # an invented code is shown as given
    assert to_markdown(build_brief(incidents, country="VRN")).startswith("# Situation brief: VRN")


def test_brief_names_the_mode_of_an_incident() -> None:
    arrest = _incident(1, "COERCE", "material_conflict", -7, date="2031-06-03", mode="arrest",
                       summary="Police detained the editor.",
                       source_actors=["Police (VRN/COP)"])  # fmt: skip
    text = to_markdown(build_brief([arrest]))
    assert "- **arrests**, Police (VRN/COP) [" in text


def test_brief_names_no_left_out_day_outside_the_period() -> None:
    begun = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-05-20",
                      date_end="2031-06-03", summary="The siege of Millbrook went on.")  # fmt: skip
    shown = _incident(2, "ASSAULT", "material_conflict", -9, date="2031-06-04",
                      summary="Kestrian guns shelled Halden.")  # fmt: skip
    shown.salience = 9.0
    text = to_markdown(build_brief([begun, shown], since=dt.date(2031, 6, 1), days=1))
    assert "### 2031-06-04" in text and "2031-05-20" not in text.split("## Figures")[0]


def test_brief_keeps_a_lead_story_just_below_the_threshold() -> None:
    lead = report(
        "2031-06-05",
        Ev("Kestrian jets bombed the Varnian port of Port Halden on Monday.", place="port",
           date="2031-06-05"),
    )  # fmt: skip
    weak_lead = report(
        "2031-06-06",
        Ev("Kestrian gunboats fired on fishing boats off Millbrook.", place="mill",
           date="2031-06-06"),
    )  # fmt: skip
    later = report(
        "2031-06-07",
        Ev("President Alder Voss met Varnian envoys in the capital.", type="CONSULT",
           source=("kst-gov",), target=("vrn-gov",), date="2031-06-07"),
        Ev("Kestrian marines raided a warehouse in Millbrook.", place="mill", date="2031-06-07"),
    )  # fmt: skip
    threshold = 0.8
    lead.events[0].confidence = threshold - 0.1
    weak_lead.events[0].confidence = threshold - 0.3
    later.events[0].confidence = 0.95
    later.events[1].confidence = threshold - 0.1

    def brief_of(*reports: Report) -> str:
        incidents = merge_reports(list(reports))
        since = dt.date(2031, 6, 1)
        return to_markdown(build_brief(incidents, reports, since=since, min_confidence=threshold))

    text = brief_of(lead, later) + brief_of(weak_lead)
    assert "bombed the Varnian port" in text  # the article's news, told in its lead
    assert "fired on fishing boats" not in text  # a lead, but far below the threshold
    # As unsure, and not the article's lead: no key incident. The article's main event
    # within the lead margin is listed apart, under "Lower confidence".
    key, _, lower = brief_of(lead, later).partition("## Lower confidence")
    assert "raided a warehouse" not in key and "raided a warehouse" in lower


def test_brief_reads_one_way_acts_as_one_way() -> None:
    def one(n: int, type: str, quad: str, mode: str | None = None) -> Incident:
        return _incident(n, type, quad, 2, date="2031-06-03", mode=mode,
                         summary=f"Sentence {n}.", source_actors=["Kestria (KST/GOV)"],
                         target_actors=["Varnia (VRN/GOV)"])  # fmt: skip

    text = "".join(
        to_markdown(build_brief([inc]))
        for inc in (
            one(1, "RETREAT", "material_cooperation", "withdraw"),
            one(2, "RETREAT", "material_cooperation", "disarm"),
            one(3, "REQUEST", "verbal_conflict"),
            one(4, "CONSULT", "verbal_cooperation"),
            one(5, "AID", "material_cooperation"),
        )
    )
    assert "- **withdrawal**, Kestria (KST/GOV) from Varnia (VRN/GOV) [" in text
    assert "- **surrender**, Kestria (KST/GOV) yielding to Varnia (VRN/GOV) [" in text
    assert "- **request**, Kestria (KST/GOV) asking Varnia (VRN/GOV) [" in text
    assert "- **talks**, Kestria (KST/GOV) with Varnia (VRN/GOV) [" in text
    assert "- **aid**, Kestria (KST/GOV) aiding Varnia (VRN/GOV) [" in text


def test_brief_tolls_are_counts_of_the_day_at_the_incident_town() -> None:
    def fig(value: float, sentence: str, by: str | None = "medics") -> ReportedFigure:
        return ReportedFigure(kind="dead", value=value, document="d1", sentence=sentence,
                              reported_by=by)  # fmt: skip

    shelling = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-03",
                         summary="Kestrian guns shelled Port Halden.", figures=[
        fig(31, "At least 31 people were killed in Port Halden on Monday, they said.", "they"),
        fig(400, "In less than a fortnight, more than 400 people have been killed in the city."),
        fig(20, "Medics estimate that 20%, some 180 people, were killed."),
        fig(12, "Dozens of people were killed in the shelling."),
        fig(90, "Ninety were killed there this year."),
    ])  # fmt: skip
    brief = build_brief([shelling])
    text = to_markdown(brief).split("\n", 3)[3]  # after the head line (its "0.12" margin)
    assert "(31 dead)" in text and "- 2031-06-03, assault: dead 31 (unattributed)" in text
    assert not any(w in text for w in ("400", "20 dead", "12", "90"))


def test_brief_toll_told_of_another_town_is_not_the_incident_toll() -> None:
    rep = report(
        "2031-06-05",
        Ev("Kestrian guns shelled Port Halden on Monday, killing 12 people.", place="port",
           date="2031-06-05", figures=[("dead", 12, "exact")]),
        Ev("Two car bombs in Millbrook killed 28 people on Monday.", place="port",
           date="2031-06-05", figures=[("dead", 28, "exact")]),
    )  # fmt: skip
    text = rep.document.text

    def town(key: str, name: str) -> Place:
        at = text.index(name)
        return Place(id=f"p-{key}", name=name, feature="city", country="VRN",
                     mentions=[Mention(start=at, end=at + len(name), text=name)])  # fmt: skip

    rep.places = [town("port", "Port Halden"), town("mill", "Millbrook")]
    figures = [
        ReportedFigure(kind="dead", value=v, document=rep.document.id, sentence=e.sentence.text,
                       start=e.sentence.start, end=e.sentence.end)
        for v, e in zip((12, 28), rep.events, strict=True)
    ]  # fmt: skip
    shelling = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                         location="Port Halden", summary=rep.events[0].sentence.text,
                         figures=figures)  # fmt: skip
    brief = build_brief([shelling], [rep])
    shown = [f.value for fs in brief.tolls.values() for f in fs]
    assert 12 in shown and 28 not in shown


def test_brief_leaves_out_a_recap_opened_by_that() -> None:
    news = report("2031-06-05", Ev("Kestrian commandos raided a depot in Millbrook.", place="mill"))
    recap = report(
        "2031-06-05",
        Ev("That double car bombing killed 44 people in Port Halden.", place="port",
           date="2031-06-05"),
    )  # fmt: skip
    night = report(
        "2031-06-06",
        Ev("That night, Kestrian gunboats shelled Port Halden.", place="port", date="2031-06-06"),
    )
    reports = [news, recap]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "raided a depot" in text and "double car bombing" not in text
    at_night = to_markdown(build_brief(merge_reports([night]), [night]))
    assert "That night, Kestrian gunboats" in at_night  # a time, not a reference back
    assert brief.recalled == 1


def test_brief_shows_no_place_in_a_country_neither_side_is_of() -> None:
    text = "Kestrian jets struck Varnia's north as ministers gathered in Port Halden."
    rep = report("2031-06-05", Ev(text, place="port", date="2031-06-05"))
    rep.events[0].place_reason = "sentence"
    rep.places[0].country = "OSS"  # the ministers' meeting place, another country
    brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
    assert "**assault** in Port Halden" not in to_markdown(brief)
    rep.places[0].country = "VRN"  # the target's country: the place of the strike
    brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
    assert "**assault** in Port Halden, " in to_markdown(brief)


def test_brief_leaves_out_a_lone_report_with_no_side_and_no_date() -> None:
    vague = report(
        "2031-06-05",
        Ev("The truth about those they killed will never be known.", source=("they",),
           target=("they",)),
    )  # fmt: skip
    dated = report(
        "2031-06-05",
        Ev("At least 23 people were killed in Millbrook on Monday.", source=("they",),
           target=("they",), place="mill", date="2031-06-04"),
    )  # fmt: skip
    counted = report(
        "2031-06-05",
        Ev("The gunman killed two people.", source=("fighters",), target=("they",),
           figures=[("dead", 2, "exact")]),
    )  # fmt: skip
    reports = [vague, dated, counted]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "on Monday" in text and "those they killed" not in text
    assert "killed two people" in text  # a stated toll is substance enough
    assert brief.thin == 1 and "no side, toll or date" in text


# --- comment pieces, implausible sides, vague appeals ---

EDITORIAL = (
    "Kestrian militias were responsible for murderous raids across Varnia."
    " The guilty must face justice as soon as possible."
    " The list must include the militias' foreign backers."
    " Nor should the role of Ossland be forgotten."
    " It is only right that the victims are heard."
    " The courts are slow."
)
NEWS = (
    "Kestrian jets bombed the harbour of Port Halden on Monday, port officials said."
    " The United Nations said both sides must respect the truce."
    " Aid workers said the road should reopen within days."
    " The harbour master told reporters that two cranes were destroyed."
)


def _doc_report(doc_id: str, text: str, title: str | None = None, **kw: object) -> Report:
    return Report(document=Document(id=doc_id, text=text, title=title), **kw)


def _told(run: Callable[..., Report], doc_id: str, text: str, title: str | None = None) -> Report:
    """The report the pipeline makes of ``text`` (its claims and quotes), under ``doc_id``."""
    made = run(text, "2031-06-02")
    doc = Document(id=doc_id, text=text, title=title, sentences=made.document.sentences)
    return made.model_copy(update={"document": doc})


def test_comment_piece_is_told_by_marks_in_the_text(run: Callable[..., Report]) -> None:
    assert comment_piece(_told(run, "e", EDITORIAL))  # argues: what must be done, unsaid
    # "must" and "should", but said by others: the stored claims attribute them
    assert not comment_piece(_told(run, "n", NEWS))
    column = "I was in Millbrook when the Kestrian gunboats came. The shelling lasted all night."
    assert comment_piece(_told(run, "c", column))  # a lead in the writer's own voice
    quoted = "“I saw the jets come in low,” a fisherman in Millbrook said on Monday."
    assert not comment_piece(_told(run, "q", quoted))  # a witness quoted, not the writer
    headline = "‘I saw my street burn’ Millbrook residents recount the night of shelling."
    assert not comment_piece(_told(run, "h", headline))  # a headline quoting a witness
    marked = "Kestria's navy shelled Port Halden. Tomas Brenn is a Varnian columnist."
    assert comment_piece(_told(run, "m", marked))
    assert comment_piece(_told(run, "t", "Kestria struck.", title="Comment: the harbour war"))


def test_sentences_are_the_stored_ones_and_the_gaps_split(run: Callable[..., Report]) -> None:
    from flashpoint.corpus.brief import sentences

    text = "The courts are slow. Kestrian jets bombed Port Halden on Monday. Nobody knows why."
    told = _told(run, "s", text)
    spans = [text[a:b].strip() for a, b in sentences(told)]
    assert spans == ["The courts are slow.", "Kestrian jets bombed Port Halden on Monday.",
                     "Nobody knows why."]  # fmt: skip


def test_brief_leaves_out_incidents_told_only_in_comment_pieces(
    run: Callable[..., Report],
) -> None:
    argued = _incident(
        1,
        "ASSAULT",
        "material_conflict",
        -9,
        date="2031-06-02",
        summary=EDITORIAL.split(". ")[0],
        target_actors=["Varnia (VRN)"],
    )
    told = _incident(
        2,
        "ASSAULT",
        "material_conflict",
        -9,
        date="2031-06-03",
        summary=NEWS.split(". ")[0],
        source_actors=["Kestrian jets (KST/MIL)"],
    )
    reports = [_told(run, "d1", EDITORIAL), _told(run, "d2", NEWS)]
    reports = [r.model_copy(update={"events": []}) for r in reports]  # the incidents' own
    brief = build_brief([argued, told], reports)
    text = to_markdown(brief)
    assert "bombed the harbour" in text and "murderous raids" not in text
    assert brief.opinion == 1 and "1 incident told only in comment pieces" in text
    # Told by a comment piece and by news: the news report's sentence is the evidence.
    column = report(
        "2031-06-03",
        Ev("I watched Kestrian warships shell Port Halden.", place="port", date="2031-06-03"),
    )
    wire = report(
        "2031-06-04",
        Ev(
            "Kestrian warships shelled Port Halden on Tuesday, port officials said.",
            place="port",
            date="2031-06-03",
        ),
    )
    both = merge_reports([column, wire])
    assert len(both) == 1 and len({s.document for s in both[0].sightings}) == 2
    text = to_markdown(build_brief(both, [column, wire]))
    assert "port officials said" in text and "I watched" not in text


def test_brief_shows_no_speaker_as_doer_and_no_town_as_target() -> None:
    text = "Explosions shook Port Halden as the assault began, the Varnian foreign ministry said."
    at = text.index("Port Halden")
    port = Place(id="p-port", name="Port Halden", feature="city", country="VRN",
                 mentions=[Mention(start=at, end=at + 11, text="Port Halden")])  # fmt: skip
    rep = _doc_report("d1", text, places=[port])
    shelling = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-03",
                         summary=text, location="Port Halden",
                         source_actors=["the Varnian foreign ministry (VRN/GOV)",
                                        "Russian-made tanks (KST)"],
                         target_actors=["Port Halden (VRN)", "the province of Millbrook (VRN)",
                                        "fishermen"])  # fmt: skip
    out = to_markdown(build_brief([shelling], [rep]))
    assert "- **assault** in Port Halden, against fishermen [" in out
    line = next(x for x in out.splitlines() if x.startswith("- **assault**"))
    assert not any(w in line for w in ("foreign ministry", "tanks", "(VRN)", "Millbrook"))
    said = _incident(2, "ACCUSE", "verbal_conflict", -2, date="2031-06-03", summary=text,
                     source_actors=["the Varnian foreign ministry (VRN/GOV)"],
                     target_actors=["Kestria (KST/GOV)"])  # fmt: skip
    out = to_markdown(build_brief([said], [_doc_report("d2", text)]))
    assert "the Varnian foreign ministry (VRN/GOV) against Kestria (KST/GOV)" in out  # it speaks


def test_brief_lets_no_speaker_led_assault_drive_the_tension_line() -> None:
    quiet = _incident(1, "CONSULT", "verbal_cooperation", 1, date="2031-06-03",
                      summary="Alder Voss met Varnian envoys.",
                      source_actors=["Alder Voss (KST/GOV)"],
                      target_actors=["Varnian envoys (VRN/GOV)"])  # fmt: skip
    spoken = _incident(2, "ASSAULT", "material_conflict", -10, date="2031-06-10",
                       summary="Explosions shook Port Halden, the foreign ministry said.",
                       source_actors=["the Kestrian foreign ministry (KST/GOV)"],
                       target_actors=["fishermen"])  # fmt: skip
    done = _incident(
        3,
        "ASSAULT",
        "material_conflict",
        -10,
        date="2031-06-10",
        summary="Kestrian jets bombed Millbrook.",
        source_actors=["Kestrian jets (KST/MIL)"],
        target_actors=["farmers"],
    )
    out = to_markdown(build_brief([quiet, spoken, done]))
    assert "Tension rose in the week of 2031-06-09" in out
    drivers = [line for line in out.splitlines() if line.startswith("- driven by:")]
    assert any("bombed Millbrook" in line for line in drivers)
    assert not any("foreign ministry" in line for line in drivers)


def test_brief_leaves_out_a_lone_appeal_with_no_asker_and_a_vague_addressee() -> None:
    vague = _incident(1, "REQUEST", "verbal_conflict", -1, date="2031-06-03",
                      summary="The father of a detained fisherman urged the government to act.",
                      target_actors=["government"])  # fmt: skip
    addressed = _incident(2, "REQUEST", "verbal_conflict", -1, date="2031-06-04",
                          summary="The Varnian government was urged to reopen the port.",
                          target_actors=["Varnian government (VRN/GOV)"])  # fmt: skip
    asker = _incident(3, "REQUEST", "verbal_conflict", -1, date="2031-06-05",
                      summary="Mara Quist urged the government to act.",
                      source_actors=["Mara Quist"], target_actors=["government"])  # fmt: skip
    brief = build_brief([vague, addressed, asker])
    out = to_markdown(brief)
    assert "detained fisherman" not in out and brief.thin == 1
    assert "reopen the port" in out and "Mara Quist asking government" in out


def test_an_appeal_with_no_asker_or_addressee_is_thin_however_many_tell_it() -> None:
    told_twice = _incident(
        1, "REQUEST", "verbal_conflict", -1, date="2031-06-03",
        summary="They urged patience and stayed behind in the town.",
    )  # fmt: skip
    told_twice.independent_reports = 2
    told_twice.sightings.append(
        told_twice.sightings[0].model_copy(update={"document": "d9", "outlet": "other.example"})
    )
    brief = build_brief([told_twice])
    assert "urged patience" not in to_markdown(brief) and brief.thin == 1


def test_brief_shows_no_commentator_or_actor_of_another_town_as_a_target(
    run: Callable[..., Report],
) -> None:
    said = (
        "President Alder Voss has described the Varnian army's shelling of Port Halden as a crime."
    )
    rep = report(
        "2031-06-05",
        Ev(said, source=("vrn-mil",), target=("kst-gov",), place="port", date="2031-06-05"),
    )
    rep.claims = run(said, "2031-06-05").claims  # the claims extractor takes the speaker
    assert [c.source.name for c in rep.claims] == ["President Alder Voss"]
    rep.places.append(Place(id="p-mill", name="Millbrook", feature="city", country="VRN"))
    incidents = merge_reports([rep])
    incidents[0].target_actors += ["the mayor of Millbrook (VRN)", "the mayor of Port Halden"]
    brief = build_brief(incidents, [rep], since=dt.date(2031, 6, 1))
    line = next(x for x in to_markdown(brief).splitlines() if x.startswith("- **assault**"))
    assert "Varnian army (VRN/MIL)" in line and "Alder Voss" not in line
    assert "the mayor of Port Halden" in line  # placed in the incident's own town
    assert "Millbrook" not in line  # placed in another town: another happening


def test_brief_shows_no_document_or_decision_as_a_doer() -> None:
    asked = _incident(1, "REQUEST", "verbal_conflict", -1, date="2031-06-03",
                      summary="The Kestrian veto encouraged the Varnian government to go on.",
                      source_actors=["the Kestrian veto (KST)"],
                      target_actors=["Varnian government (VRN/GOV)"])  # fmt: skip
    blamed = _incident(2, "ACCUSE", "verbal_conflict", -2, date="2031-06-04",
                       summary="A UN resolution condemned Varnia's crackdown.",
                       source_actors=["a UN resolution"],
                       target_actors=["Varnia (VRN/GOV)"])  # fmt: skip
    envoy = _incident(
        3,
        "ACCUSE",
        "verbal_conflict",
        -2,
        date="2031-06-05",
        summary="The UN envoy condemned Varnia's crackdown.",
        source_actors=["the UN envoy"],
        target_actors=["Varnia (VRN/GOV)"],
    )
    out = to_markdown(build_brief([asked, blamed, envoy]))
    # "The veto encouraged the government to go on": nobody asked anyone, no request;
    # a resolution that is all the line names is no accuser either.
    assert "- **request**" not in out and "encouraged" not in out
    assert "A UN resolution condemned" not in out
    assert "2 requests or accusations whose only doer is a document or a decision" in out
    assert "the UN envoy against Varnia (VRN/GOV)" in out  # a person speaks for herself


# --- sides of verbal acts, speakers from the stored claims and quotes ---


def test_request_sides_are_those_of_the_sentence_quoted(run: Callable[..., Report]) -> None:
    from flashpoint.corpus.brief import speakers_of, told_sides

    appeal = run(
        "The Varnian president urged Kestria to free the detained sailors. The harbour"
        " minister, Ilse Marten, said the port would stay closed.",
        "2031-06-05",
    )
    incidents = merge_reports([appeal])
    request = next(i for i in incidents if i.type == "REQUEST")
    events = {(appeal.document.id, e.id): (e, appeal) for e in appeal.events}
    # Another report's side the linker joined in: not the quoted sentence's.
    sources = [*request.source_actors, "Ilse Marten"]
    src, tgt = told_sides(request, sources, request.target_actors, events)
    assert "Ilse Marten" not in src and src
    assert any("Kestria" in t for t in tgt)
    told = run(
        "Kestrian jets bombed the harbour of Port Halden on Monday, the Varnian harbour"
        " minister, Ilse Marten, said.",
        "2031-06-05",
    )
    bombing = next(e for e in told.events if e.type == "ASSAULT")
    assert "Marten" in " ".join(speakers_of(bombing, told))  # from the stored claim


def test_a_request_for_something_names_no_addressee(run: Callable[..., Report]) -> None:
    from flashpoint.corpus.brief import told_sides

    ask = run(
        "Kestria has asked for a $2bn payment to take back the detained sailors.", "2031-06-05"
    )
    request = next((i for i in merge_reports([ask]) if i.type == "REQUEST"), None)
    assert request is not None
    events = {(ask.document.id, e.id): (e, ask) for e in ask.events}
    src, tgt = told_sides(request, request.source_actors, request.target_actors, events)
    assert tgt == []  # the sailors are what the payment is for, not whom Kestria asked
    assert any("Kestria" in a for a in src)


def test_a_press_review_is_comment(run: Callable[..., Report]) -> None:
    review = (
        "Papers across the region weigh the harbour vote.\n"
        "Anton Keel in the Varnian Herald\n"
        "\u201cThe vote was a disgrace, and the council will regret it for a generation. Every"
        " minister who raised a hand has betrayed the fishermen of Port Halden.\u201d\n"
        "Mira Ost in the Kestrian Daily\n"
        "\u201cNobody in Millbrook believes the promises of the council any longer. The harbour"
        " will stay closed, and the boats will rot at their moorings.\u201d"
    )
    told = _told(run, "r", review)
    assert comment_piece(told)
    news = (
        "Kestrian jets bombed the harbour of Port Halden on Monday, port officials said.\n"
        "\u201cThe cranes are gone and the quay is burning,\u201d the harbour master said."
    )
    assert not comment_piece(_told(run, "n2", news))  # quotation with its speaker


def test_brief_leaves_out_a_told_past_and_a_feature_scene() -> None:
    news = report("2031-06-05", Ev("Kestrian commandos raided a depot in Millbrook.", place="mill"))
    earlier = report(
        "2031-06-05",
        Ev("She said her husband had attacked a Varnian patrol near Port Halden.", place="port"),
    )
    since = report(
        "2031-06-05",
        Ev("Her brother attacked a Varnian patrol, and she has not seen him since.", place="port"),
    )
    scene = report(
        "2031-06-05",
        Ev("There is a roar over the dark town as an airstrike hits a depot.", place="port"),
    )
    killed = report(
        "2031-06-05",
        Ev("Kestrian gunners had been shelling Port Halden, residents said.", place="port"),
    )  # the passive and the progressive are not the told past of the rule
    for rep, word in ((earlier, "attacked"), (since, "attacked"), (scene, "airstrike"),
                      (killed, "shelling")):  # fmt: skip
        at = rep.document.text.index(word)
        rep.events[0].trigger = Span(start=at, end=at + len(word), text=word)

    def told(rep: Report) -> tuple[str, int]:
        brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
        return to_markdown(brief), brief.recalled

    assert "raided a depot" in told(news)[0]
    assert "had been shelling" in told(killed)[0]
    for rep in (earlier, since, scene):  # the told past, told from later, a scene
        text, recalled = told(rep)
        assert recalled == 1 and rep.document.text[:20] not in text


def test_brief_leaves_out_stock_background_lines() -> None:
    line = "Kestria restricts access to foreign reporters, so tolls cannot be checked."
    days = [f"2031-06-0{n}" for n in range(1, 7)]
    stock = [report(d, Ev(line, type="COERCE", place="port")) for d in days]
    news = report("2031-06-06", Ev("Kestrian commandos raided a depot in Millbrook.", place="mill"))
    for rep in stock:
        rep.events[0].trigger = Span(start=8, end=17, text="restricts")
    reports = [*stock, news]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "raided a depot" in text and "restricts access" not in text
    assert brief.stock >= 1 and "stock background lines" in text
    # Told on fewer days, the same words are not a stock line.
    few = [*stock[:3], news]
    assert "restricts access" in to_markdown(build_brief(merge_reports(few), few))


def test_a_doubt_told_by_a_chain_of_sources_is_listed_once(run: Callable[..., Report]) -> None:
    text = (
        "Kestrian jets bombed the harbour of Port Halden on Monday, port officials said."
        " Diplomatic sources said Varnia may accept the new truce text, according to the"
        " Herald's correspondent at the council. She said a vote could come as soon as Friday."
    )
    told = run(text, "2031-06-05")
    # The doubts are those of the reports of listed incidents: list the bombing whatever
    # the calibrated threshold is today.
    brief = build_brief(merge_reports([told]), [told], min_confidence=0.5)
    truce = [d for d in brief.doubts if "truce text" in d.text]
    assert len(truce) == 1
    assert all(d.source.casefold() != "she" for d in brief.doubts)


def test_the_lead_paragraphs_second_act_is_news_just_under_the_threshold() -> None:
    under = default_threshold() - LEAD_MARGIN / 2
    lead = "Kestrian commandos stormed the harbour of Port Halden on Saturday."
    second = "The commandos then handed food to Varnian families in Millbrook."
    rep = report(
        "2031-06-05",
        Ev(lead, place="port", date="2031-06-04"),
        Ev(second, type="AID", place="mill"),
    )
    for event in rep.events:
        event.confidence = under  # under the threshold, above it less the lead margin
    incidents = merge_reports([rep])
    coerce = next(i for i in incidents if i.type == "AID")
    for s in coerce.sightings:
        s.main = False
    text = to_markdown(build_brief(incidents, [rep], since=dt.date(2031, 6, 1)))
    assert "handed food to Varnian families" in text
    # The same act told third, after another sentence, is not the lead paragraph's.
    later = report(
        "2031-06-05",
        Ev(lead, place="port", date="2031-06-04"),
        Ev("The harbour master said the cranes were lost.", type="CONSULT", place="port"),
        Ev(second, type="AID", place="mill"),
    )
    for event in later.events:
        event.confidence = under
    incidents = merge_reports([later])
    for i in incidents:
        for s in i.sightings:
            s.main = s.main and i.type != "AID"
    text = to_markdown(build_brief(incidents, [later], since=dt.date(2031, 6, 1)))
    assert "handed food to Varnian families" not in text


def test_shot_dead_is_no_part_of_the_target() -> None:
    shot = _incident(
        1,
        "ASSAULT",
        "material_conflict",
        -9,
        date="2031-06-02",
        summary="Kestrian gunmen shot dead six people in Millbrook.",
        source_actors=["Kestrian gunmen (KST/REB)"],
        target_actors=["dead six people"],
    )
    text = to_markdown(build_brief([shot], []))
    assert "against six people" in text and "against dead six" not in text


def test_a_joined_appeal_counts_the_reports_of_the_speaker_shown(
    run: Callable[..., Report],
) -> None:
    first = run("The Varnian president urged Kestria to free the detained sailors.", "2031-06-05")
    other = run(
        "The harbour minister, Ilse Marten, urged Kestria to reopen the port.", "2031-06-05"
    )
    a = next(i for i in merge_reports([first]) if i.type == "REQUEST")
    b = next(i for i in merge_reports([other]) if i.type == "REQUEST")
    for s in a.sightings:
        s.main = True
    joined = a.model_copy(
        update={
            "sightings": [*a.sightings, *b.sightings],
            "source_actors": [*a.source_actors, *b.source_actors],
            "independent_reports": 2,
        }
    )
    text = to_markdown(build_brief([joined], [first, other]))
    asks = ("- **request", "- **demand", "- **appeal", "- **call")
    line = next(x for x in text.splitlines() if x.startswith(asks))
    assert "Marten" not in line
    assert "[1 report;" in line  # the president's appeal, told once


# --- a line rests on the news of its own day, in its own sentence ---


def test_a_caption_glued_to_the_lead_is_not_evidence_place_or_side_of_its_act() -> None:
    from flashpoint.corpus.brief import glued_part

    caption = "Crowds gathered at the embassy after Kestrian gunboats shelled the port of Halden"
    lead = " A Varnian and an Ossland man have been arrested in Millbrook on suspicion of spying."
    rep = _with_trigger(
        report(
            "2031-06-05",
            Ev(caption + lead, type="COERCE", source=("kst-mil",), target=("vrn",), place="mill",
               date="2031-06-05"),
        ),
        "arrested",
    )  # fmt: skip
    event = rep.events[0]
    event.source[0].start = caption.index("Kestrian")  # the caption's doer
    event.target[0].start = len(caption) + 3  # "Varnian", in the lead
    at = len(caption) + lead.index("Millbrook")
    rep.places[0].mentions = [Mention(start=at, end=at + 9, text="Millbrook", how="name")]
    lo, hi = glued_part(event, rep)
    assert rep.document.text[lo:hi].strip().startswith("A Varnian and an Ossland man")
    text = to_markdown(build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1)))
    line = next(x for x in text.splitlines() if x.startswith(("- **coerc", "- **arrests")))
    assert "in Millbrook" in line and "Varnia" in line  # the lead's own place and side
    assert "Kestrian navy" not in line  # the caption's gunboats arrested nobody
    assert "> A Varnian and an Ossland man have been arrested" in text
    assert "Crowds gathered" not in text
    # The caption's own act does not take the lead's town.
    shelled = _with_trigger(
        report("2031-06-05", Ev(caption + lead, place="mill", date="2031-06-05")), "shelled"
    )
    shelled.places[0].mentions = rep.places[0].mentions
    text = to_markdown(build_brief(merge_reports([shelled]), [shelled]))
    line = next(x for x in text.splitlines() if x.startswith("- **assault"))
    assert "Millbrook" not in line and "> Crowds gathered at the embassy" in text
    # Names after a preposition or a verb of saying are no glue.
    plain = report("2031-06-05", Ev("Envoys met in The Hague and told The Times they agreed."))
    assert glued_part(plain.events[0], plain) == (0, len(plain.document.text))


def test_a_call_for_an_act_is_not_the_act_and_the_act_keeps_its_own_day() -> None:
    called = _with_trigger(
        report(
            "2031-06-02",
            Ev("Protesters outside the embassy called for the Varnian envoy to be expelled by"
               " Kestria.", type="COERCE", source=("kst-gov",), target=("vrn-gov",)),
        ),
        "expelled",
    )  # fmt: skip
    done = report(
        "2031-06-05",
        Ev("Kestria has expelled the Varnian envoy.", type="COERCE",
           source=("kst-gov",), target=("vrn-gov",)),
    )  # fmt: skip
    urged = _with_trigger(
        report(
            "2031-06-02",
            Ev("Ossland urged the Kestrian navy to shell the harbour.", source=("oss-gov",),
               target=("vrn",)),
        ),
        "shell",
    )  # fmt: skip
    reports = [called, done, urged]
    incidents = merge_reports(reports)
    joined = next(i for i in incidents if len(i.sightings) == 2)  # the linker joined them
    assert joined.date == "2031-06-02"
    text = to_markdown(build_brief(incidents, reports, since=dt.date(2031, 6, 1)))
    assert "### 2031-06-05" in text and "### 2031-06-02" not in text
    assert "> Kestria has expelled the Varnian envoy." in text
    assert "called for the Varnian" not in text and "urged the Kestrian navy" not in text
    assert "[1 report;" in text  # the call is no report of the expulsion
    assert brief_recalled(text) == 1  # the urged shelling: only called for


def brief_recalled(text: str) -> int:
    """How many incidents the brief's first line leaves out as look-backs or calls."""
    import re

    found = re.search(r"(\d+) incidents? the reports tell only as past", text)
    return int(found.group(1)) if found else 0


def test_a_later_report_joined_to_an_incident_is_the_news_of_its_own_day() -> None:
    first = report(
        "2031-06-01",
        Ev("Kestrian guns shelled Port Halden on Sunday, killing 12 people.", place="port",
           date="2031-06-01", figures=[("dead", 12, "exact")]),
    )  # fmt: skip
    later = report(
        "2031-06-11",
        Ev("Two reporters were killed in Port Halden, where 60 died on Wednesday.",
           place="port", figures=[("dead", 60, "exact")]),
    )  # fmt: skip
    soon = report(
        "2031-06-02",
        Ev("Kestrian gunboats kept up their fire on the harbour of Port Halden.", place="port"),
        Ev("They shelled Port Halden again on Wednesday, killing 30 people.",
           place="port", date="2031-06-04", figures=[("dead", 30, "exact")]),
    )  # fmt: skip
    found = [i for r in (first, later, soon) for i in merge_reports([r]) if i.type == "ASSAULT"]
    sightings = [s for i in found for s in i.sightings]
    for s in sightings:
        s.main = True
    joined = found[0].model_copy(
        update={
            "sightings": sightings,
            "figures": [f for i in found for f in i.figures],
            "independent_reports": 3,
        }
    )  # a story the linker joined over ten days
    reports = [first, later, soon]
    text = to_markdown(build_brief([joined], reports, since=dt.date(2031, 6, 1)))
    assert "### 2031-06-01" in text and "> Kestrian guns shelled Port Halden on Sunday" in text
    assert "[2 reports;" in text and "(12 dead)" in text  # the gunboats' fire is kept
    first_day = text.partition("### 2031-06-01")[2].partition("###")[0]
    assert "60" not in first_day and "30" not in first_day  # the tolls of later days
    assert "60 died" not in text  # the report ten days on is no line of this period
    # Wednesday's shelling, a day its sentence writes, is its own line (split_days)
    assert "### 2031-06-04" in text and "(30 dead)" in text.partition("### 2031-06-04")[2]


def test_the_lower_confidence_section_says_what_it_is() -> None:
    rep = report(
        "2031-06-05",
        Ev("The harbour master said the cranes were lost.", type="CONSULT", place="port"),
        Ev("Kestrian marines raided a warehouse in Millbrook.", place="mill",
           date="2031-06-05"),
    )  # fmt: skip
    rep.events[0].confidence = 0.95
    rep.events[1].confidence = 0.8 - LEAD_MARGIN / 2
    incidents = merge_reports([rep])
    for inc in incidents:
        for s in inc.sightings:
            s.main = inc.type == "ASSAULT"
    made = build_brief(incidents, [rep], min_confidence=0.8)
    text = to_markdown(made)
    assert "<h2>Lower confidence</h2>" in to_html(made) and "raided a warehouse" in to_html(made)
    key, _, lower = text.partition("## Lower confidence")
    assert "raided a warehouse" in lower and "raided a warehouse" not in key
    assert "leads to check, not established incidents" in lower
    far = rep.model_copy(deep=True)
    far.events[1].confidence = 0.8 - 2 * LEAD_MARGIN
    incidents = merge_reports([far])
    for inc in incidents:
        for s in inc.sightings:
            s.main = inc.type == "ASSAULT"
    assert "Lower confidence" not in to_markdown(build_brief(incidents, [far], min_confidence=0.8))


def test_a_speaker_whose_name_a_headline_runs_into_still_speaks() -> None:
    from flashpoint.corpus.brief import _speaks

    glued = {"the continued shelling of Port Halden President Alder Voss"}
    assert _speaks("Alder Voss", glued) and _speaks("President Alder Voss", glued)
    assert not _speaks("Port Halden", glued)  # named inside, not the one who speaks


def test_an_earlier_happening_the_news_is_dated_from_is_a_look_back() -> None:
    after = _with_trigger(
        report("2031-06-05", Ev("The decision comes a day after Kestria closed its embassy in"
                                " Millbrook.", type="COERCE", source=("kst-gov",),
                                target=("vrn-gov",), place="mill")),
        "closed",
    )  # fmt: skip
    dated_by = _with_trigger(
        report("2031-06-06", Ev("The shelling of Port Halden came on the day of the vote, an"
                                " envoy said.", place="port", target=("vrn-mil",))),
        "shelling",
    )  # fmt: skip
    former = _with_trigger(
        report("2031-06-06", Ev("It copies an earlier motion in the council that was vetoed by"
                                " Ossland.", type="COERCE", source=("oss-gov",),
                                target=("vrn-gov",))),
        "vetoed",
    )  # fmt: skip
    hours = _with_trigger(
        report("2031-06-06", Ev("Police arrived hours after Kestrian gunmen raided the depot in"
                                " Millbrook.", place="mill")),
        "raided",
    )  # fmt: skip
    beaten = _with_trigger(
        report("2031-06-07", Ev("The arrests come weeks after a Varnian exile and city"
                                " councillor, Ana Brel, 41, was beaten up by two men in her flat.",
                                type="ASSAULT", target=("vrn-mil",))),
        "beaten",
    )  # fmt: skip
    assert looks_back(beaten.events[0], beaten)  # the passive "after" clause, a long subject
    pulled = _with_trigger(
        report("2031-06-07", Ev("The move comes a day after Ossland closed its embassy in"
                                " Millbrook and pulled out all remaining staff.",
                                type="RETREAT", source=("oss-gov",))),
        "pulled",
    )  # fmt: skip
    assert looks_back(pulled.events[0], pulled)  # the second verb of the "after" clause
    reports = [after, dated_by, former, hours]
    text = to_markdown(build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1)))
    assert "raided the depot" in text  # hours after: the same day's news
    assert "closed its embassy" not in text and "came on the day of" not in text
    assert "earlier motion" not in text and brief_recalled(text) == 3


def test_a_nationwide_toll_is_no_toll_of_a_town_incident() -> None:
    rep = report(
        "2031-06-05",
        Ev("Kestrian guns killed 52 people across the country on Monday, including 16 in Port"
           " Halden.", place="port", date="2031-06-05"),
        Ev("Fighting went on in Varnia, where activists said 40 people were killed.",
           place="port", date="2031-06-05"),
        Ev("Shells hit Port Halden on Monday, killing 9 people.", place="port",
           date="2031-06-05"),
    )  # fmt: skip
    rep.places = _port_and_country(rep)
    told = ((52, 0), (16, 0), (40, 1), (9, 2))
    figures = [
        ReportedFigure(kind="dead", value=v, document=rep.document.id,
                       sentence=rep.events[n].sentence.text, start=rep.events[n].sentence.start,
                       end=rep.events[n].sentence.end)
        for v, n in told
    ]  # fmt: skip
    shelling = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                         location="Port Halden", summary=rep.events[2].sentence.text,
                         figures=figures)  # fmt: skip
    brief = build_brief([shelling], [rep])
    shown = sorted(f.value for fs in brief.tolls.values() for f in fs)
    assert shown == [9, 16]  # the country's 52 and 40 are no toll of Port Halden


def _at_names(rep: Report) -> Report:
    """The report with each event participant's offsets at its name's first place in
    the event's sentence, as the extractors store them."""
    text = rep.document.text
    for ev in rep.events:
        for p in (*ev.source, *ev.target):
            at = text.find(p.name, ev.sentence.start, ev.sentence.end)
            if at >= 0:
                p.start, p.end = at, at + len(p.name)
    return rep


def test_a_personal_account_a_sequel_and_a_plan_under_way_are_no_news_of_the_day() -> None:
    def one(sentence: str, trigger: str, type: str = "ASSAULT") -> Report:
        return _with_trigger(report("2031-06-05", Ev(sentence, type=type, place="mill")), trigger)

    told = [
        one("She said her brother had later been detained by Kestrian police and was beaten"
            " in a cell.", "beaten"),
        one("From there, the Crimson Brigade withdrew through the hills to Millbrook.",
            "withdrew", "RETREAT"),
        one("Kestria is pulling out its 2,000 troops from Millbrook, officials said.",
            "pulling", "RETREAT"),
        one("Officials said Kestria wants to reassure its allies, all while withdrawing its"
            " troops from Millbrook.", "withdrawing", "RETREAT"),
        one("The Kestrian navy is preparing to withdraw from Millbrook.", "withdraw",
            "RETREAT"),
        one("Tomas Brenn will lose his passport after surrendering to the Kestrian navy in"
            " Millbrook.", "surrendering", "RETREAT"),
    ]  # fmt: skip
    news = [
        one("Kestrian gunboats are shelling the quay of Millbrook, residents said.", "shelling"),
        one("The Kestrian navy withdrew from Millbrook on Monday.", "withdrew", "RETREAT"),
    ]
    reports = [*told, *news]
    text = to_markdown(build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1)))
    assert "are shelling the quay" in text and "withdrew from Millbrook on Monday" in text
    assert "was beaten" not in text and "From there" not in text and "pulling out" not in text
    assert "while withdrawing" not in text and "preparing to withdraw" not in text
    assert "after surrendering" not in text
    assert all(looks_back(r.events[0], r) for r in told)
    assert not any(looks_back(r.events[0], r) for r in news)


def test_the_acts_after_a_sentence_naming_an_earlier_month_are_of_that_month() -> None:
    feature = report(
        "2031-02-12",
        Ev("A fighter showed me a video he had filmed in November.", type="AID"),
        Ev("They had ambushed a convoy on the coast road.", type="AID"),
        Ev("Eight Varnian soldiers were killed, four captured.", target=("vrn-mil",),
           place="mill"),
    )  # fmt: skip
    feature.events = feature.events[2:]  # the sentences before hold no event
    feature = _with_trigger(feature, "killed")
    ahead = report(
        "2031-02-12",
        Ev("Talks are due in March.", type="AID"),
        Ev("Kestrian jets were bombing Port Halden, killing eleven.", place="port",
           target=("vrn-mil",)),
    )  # fmt: skip
    ahead.events = ahead.events[1:]
    ahead = _with_trigger(ahead, "bombing")
    reports = [feature, ahead]
    text = to_markdown(build_brief(merge_reports(reports), reports, since=dt.date(2031, 2, 1)))
    assert "bombing Port Halden" in text  # "due in March" tells no past month
    assert "Eight Varnian soldiers" not in text and brief_recalled(text) == 1


def test_sides_no_backer_no_subject_of_a_document_no_own_organ_and_no_place() -> None:
    backed = _at_names(report(
        "2031-06-05",
        Ev("With support from Mara Quist, President Alder Voss demanded that the Ossland"
           " government hand over the men.", type="REQUEST", source=("kst-gov",),
           target=("envoy", "oss-gov"), date="2031-06-05"),
    ))  # fmt: skip
    paper = _at_names(report(
        "2031-06-06",
        Ev("The Ossland government vetoed a resolution condemning the Varnian army.",
           type="REJECT", source=("oss-gov",), target=("vrn-mil",), date="2031-06-06"),
    ))  # fmt: skip
    away = _at_names(report(
        "2031-06-07",
        Ev("The Crimson Brigade withdrew through eastern Varnia on Sunday.", type="RETREAT",
           source=("brig",), target=("vrn",), date="2031-06-07"),
    ))  # fmt: skip
    reports = [backed, paper, away]
    brief = build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1))
    shown = {brief.evidence[k][:12]: v for k, v in brief.sides.items()}
    oss = "Ossland government (OSS/GOV)"
    assert shown["With support"] == (["President Alder Voss (KST/GOV)"], [oss])
    assert shown["The Ossland "] == (["Ossland government (OSS/GOV)"], [])
    assert shown["The Crimson "] == (["Crimson Brigade"], [])


def test_own_embassy_is_a_discontinued_tie_and_a_doerless_retelling_is_one_line() -> None:
    closed = report(
        "2031-06-07",
        Ev("Ossland closed its embassy in Varnia on Monday.", type="COERCE",
           source=("oss-gov",), target=("vrn-gov",), date="2031-06-06"),
    )  # fmt: skip
    closed.events[0].target[0].name = "its embassy in Varnia"
    closed = _with_trigger(closed, "closed")
    told = _with_trigger(report(
        "2031-06-07",
        Ev("Several countries have recalled their envoys from Varnia.", type="SANCTION",
           source=(), target=("vrn-gov",), date="2031-06-06"),
    ), "recalled")  # fmt: skip
    named = _with_trigger(report(
        "2031-06-08",
        Ev("The Ossland government has also recalled their envoys from Varnia, in Ossburg.",
           type="SANCTION", source=("oss-gov",), target=("vrn-gov",), date="2031-06-07",
           place="oss"),
    ), "recalled")  # fmt: skip
    reports = [closed, told, named]

    def one(n: int, rep: Report, type: str, sources: list[str]) -> Incident:
        return Incident(
            id=f"inc-{n}", type=type, quad="material_conflict", intensity=-6,  # type: ignore[arg-type]
            date=rep.events[0].date, summary=rep.events[0].sentence.text,
            sightings=[Sighting(document=rep.document.id, event="e0", main=True,
                                published=rep.document.published)],
            source_actors=sources, target_actors=["Varnian government (VRN/GOV)"],
            first_reported=rep.document.published, independent_reports=1, salience=n,
        )  # fmt: skip

    oss = ["Ossland government (OSS/GOV)"]
    found = [one(1, closed, "COERCE", oss), one(2, told, "SANCTION", []),
             one(3, named, "SANCTION", oss)]  # fmt: skip
    brief = build_brief(found, reports, since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "**embassy closed**, Ossland government (OSS/GOV) [1 report" in text
    assert "coerce" not in text and "its embassy" in text  # the line, not the side
    assert "Several countries" not in text and brief.echoed == 1


def test_a_running_count_is_no_days_act_and_a_toll_across_the_country_no_towns() -> None:
    count = _killed_in_port(
        "Activists say more than 300 people have been killed since"
        " the navy began shelling Port Halden."
    )
    day = _killed_in_port(
        "Activists say 30 people have been killed in Port Halden"
        " on Monday."
    )
    assert looks_back(count.events[0], count) and not looks_back(day.events[0], day)
    rep = report(
        "2031-06-05",
        Ev("Activists say 50 people died in unrest across Varnia on Saturday, nearly half of"
           " them in Port Halden.", place="port", date="2031-06-05"),
        Ev("Shells hit Port Halden on Saturday, killing 9 people.", place="port",
           date="2031-06-05"),
    )  # fmt: skip
    rep.places = _port_and_country(rep)
    figures = [
        ReportedFigure(kind="dead", value=v, document=rep.document.id,
                       sentence=rep.events[n].sentence.text, start=rep.events[n].sentence.start,
                       end=rep.events[n].sentence.end)
        for v, n in ((50, 0), (9, 1))
    ]  # fmt: skip
    shelling = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                         location="Port Halden", summary=rep.events[1].sentence.text,
                         figures=figures)  # fmt: skip
    brief = build_brief([shelling], [rep])
    assert sorted(f.value for fs in brief.tolls.values() for f in fs) == [9]


def test_a_place_only_inside_a_speakers_quoted_words_is_not_where_he_asked() -> None:
    rep = report(
        "2031-06-05",
        Ev('President Alder Voss demanded "steps to clear the rebels out of [Millbrook]".',
           type="REQUEST", source=("kst-gov",), target=(), place="mill", date="2031-06-05"),
        Ev("President Alder Voss demanded in Millbrook that the rebels leave.",
           type="REQUEST", source=("kst-gov",), target=(), place="mill", date="2031-06-06"),
    )  # fmt: skip
    text = rep.document.text
    at = [i for i in range(len(text)) if text.startswith("Millbrook", i)]
    marks = [Mention(start=a, end=a + 9, text="Millbrook") for a in at]
    rep.places = [Place(id="p-mill", name="Millbrook", feature="city", country="VRN",
                        mentions=marks)]  # fmt: skip
    quoted, plain = (
        _incident(n, "REQUEST", "verbal_cooperation", 2, date=e.date, location="Millbrook",
                  summary=e.sentence.text, source_actors=["President Alder Voss (KST/GOV)"])
        for n, e in enumerate(rep.events, 1)
    )  # fmt: skip
    for inc, e in ((quoted, rep.events[0]), (plain, rep.events[1])):
        inc.sightings = [Sighting(document=rep.document.id, event=e.id, main=True)]
    brief = build_brief([quoted, plain], [rep])
    assert brief.places == {quoted.id: None, plain.id: "Millbrook"}


def test_sides_of_two_sentences_mixed_are_those_of_the_evidence_sentence() -> None:
    first = _at_names(report(
        "2031-06-05",
        Ev("The Kestrian navy killed 40 people across Varnia on Friday.", target=("vrn",),
           date="2031-06-05"),
    ))  # fmt: skip
    second = _at_names(report(
        "2031-06-05",
        Ev("Varnia shelled the Kestrian navy in Port Halden on Friday.", source=("vrn",),
           target=("kst-mil",), place="port", date="2031-06-05"),
    ))  # fmt: skip
    mixed = Incident(
        id="inc-1", type="ASSAULT", quad="material_conflict", intensity=-9, date="2031-06-05",
        location="Port Halden", summary=first.events[0].sentence.text,
        sightings=[Sighting(document=r.document.id, event="e0", main=m, published="2031-06-05")
                   for r, m in ((first, True), (second, False))],
        source_actors=["Kestrian navy (KST/MIL)", "Varnia (VRN)"],
        target_actors=["Varnia (VRN)", "Kestrian navy (KST/MIL)"],
        first_reported="2031-06-05", independent_reports=2, salience=2.0,
    )  # fmt: skip
    brief = build_brief([mixed], [first, second])
    assert brief.sides["inc-1"] == (["Kestrian navy (KST/MIL)"], ["Varnia (VRN)"])
    assert brief.places["inc-1"] is None  # the evidence sentence's own act has no town


def test_one_speakers_second_line_of_a_day_is_one_line_and_another_speaker_stays() -> None:
    said = report(
        "2031-06-05",
        Ev("President Alder Voss urged the Varnian army to lay down its arms.",
           type="REQUEST", source=("kst-gov",), target=("vrn-mil",), date="2031-06-05"),
        Ev("Voss called on Varnian soldiers to desert their units.", type="REQUEST",
           source=("kst-gov",), target=("vrn-mil",), date="2031-06-05"),
        Ev("Mara Quist urged the Varnian army to stay in its barracks.", type="REQUEST",
           source=("envoy",), target=("vrn-mil",), date="2031-06-05"),
    )  # fmt: skip
    who = ["President Alder Voss (KST/GOV)", "President Alder Voss (KST/GOV)", "Mara Quist (VRN)"]
    found = [
        Incident(
            id=f"inc-{n}", type="REQUEST", quad="verbal_cooperation", intensity=2,
            date="2031-06-05", summary=e.sentence.text,
            sightings=[Sighting(document=said.document.id, event=e.id, main=True,
                                published="2031-06-05")],
            source_actors=[who[n]], target_actors=["Varnian army (VRN/MIL)"],
            first_reported="2031-06-05", independent_reports=1, salience=3.0 - n,
        )
        for n, e in enumerate(said.events)
    ]  # fmt: skip
    brief = build_brief(found, [said], since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    assert "lay down its arms" in text and "stay in its barracks" in text
    assert "desert their units" not in text and brief.echoed == 1


def test_an_act_in_the_meeting_the_news_is_dated_from_is_a_look_back() -> None:
    after = _with_trigger(
        report("2031-06-07", Ev("The visit comes three days after the council session in which"
                                " Ossland vetoed the motion.", type="REJECT",
                                source=("oss-gov",), target=("vrn-gov",))),
        "vetoed",
    )  # fmt: skip
    during = _with_trigger(
        report("2031-06-07", Ev("Ossland vetoed the motion in a session at which envoys of"
                                " Varnia spoke.", type="REJECT", source=("oss-gov",),
                                target=("vrn-gov",))),
        "vetoed",
    )  # fmt: skip
    assert looks_back(after.events[0], after) and not looks_back(during.events[0], during)


# --- the review of the example briefs (issue 9): look-backs, twins, the page itself ---


def test_a_duration_since_previously_a_span_back_and_a_cumulative_count_look_back() -> None:
    def one(sentence: str, trigger: str, type: str = "ASSAULT") -> Report:
        return _with_trigger(report("2031-06-05", Ev(sentence, type=type, place="mill")), trigger)

    told = [
        one("It is five weeks since Tomas Brenn surrendered to the Kestrian navy near"
            " Millbrook.", "surrendered", "RETREAT"),
        one("Kestria has previously refused to take back its sailors held in Varnia.",
            "refused", "REJECT"),
        one("Hundreds of fishermen are held in Millbrook, having been detained by the"
            " Kestrian navy over the last two years.", "detained", "COERCE"),
        one("Altogether, relatives have appealed to the Varnian ombudsman to trace 400"
            " missing sailors.", "appealed", "REQUEST"),
        one("The Kestrian navy has detained a total of 600 fishermen.", "detained", "COERCE"),
        one("So far Ossland and Kestria have given Varnia the arms that kept its army"
            " fighting.", "given", "AID"),
        one("It is not known whether all the gunmen in Millbrook were killed or captured.",
            "killed"),
    ]  # fmt: skip
    news = [
        one("Kestria refused to take back its sailors held in Varnia.", "refused", "REJECT"),
        one("The Kestrian navy detained 30 fishermen off Millbrook, officials said.",
            "detained", "COERCE"),
        one("It is known that the gunmen in Millbrook were killed.", "killed"),
        one("Ossland gave Varnia arms for its army, officials said.", "gave", "AID"),
    ]  # fmt: skip
    assert all(looks_back(r.events[0], r) for r in told)
    assert not any(looks_back(r.events[0], r) for r in news)


def test_an_earlier_date_or_last_week_just_before_dates_the_undated_act() -> None:
    def two(first: str, second: str, trigger: str, type: str = "ASSAULT") -> Report:
        rep = report("2031-06-05", Ev(first, type="AID"), Ev(second, type=type, place="mill"))
        rep.events = rep.events[1:]  # the first sentence holds no event
        return _with_trigger(rep, trigger)

    clash = two("The raid took place on 3 May in a village near Millbrook.",
                "Officials said two guards were killed.", "killed")  # fmt: skip
    summit = two("Leaders met at a summit in Port Halden last week.",
                 "Seizing the moment, President Alder Voss demanded new sanctions.",
                 "demanded", "REQUEST")  # fmt: skip
    recent = two("The raid took place on 3 June in a village near Millbrook.",
                 "Officials said two guards were killed.", "killed")  # fmt: skip
    today = two("Leaders met at a summit in Port Halden last week.",
                "On Thursday, President Alder Voss demanded new sanctions.", "demanded",
                "REQUEST")  # fmt: skip
    assert looks_back(clash.events[0], clash) and looks_back(summit.events[0], summit)
    assert not looks_back(recent.events[0], recent)  # two days before: the week's news
    assert not looks_back(today.events[0], today)  # a day of its own


def test_the_same_toll_of_a_day_is_one_line_and_one_figure() -> None:
    texts = (
        "Activists said at least 40 people were killed across Varnia on Thursday.",
        "At least 40 people were killed in Varnia on Thursday, a monitoring group said.",
    )
    reps = [report("2031-06-05", Ev(t, place="vrn", date="2031-06-05")) for t in texts]
    incidents = []
    for n, rep in enumerate(reps):
        ev = rep.events[0]
        fig = ReportedFigure(kind="dead", value=40, document=rep.document.id,
                             sentence=ev.sentence.text, start=ev.sentence.start,
                             end=ev.sentence.end)  # fmt: skip
        incidents.append(
            _incident(n + 1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                      location="Varnia", figures=[fig], summary=ev.sentence.text)
        )  # fmt: skip
    text = to_markdown(build_brief(incidents, reps))
    assert text.count("(40 dead)") == 1 and text.count("dead 40") == 1
    assert "1 line telling again another line's happening" in text


def test_one_victims_story_is_no_toll_of_a_reported_incident() -> None:
    rep = report("2031-06-05", Ev("A shell came through the roof of her home, killing her.",
                                  place="port", date="2031-06-05"))  # fmt: skip
    ev = rep.events[0]
    fig = ReportedFigure(
        kind="dead",
        value=1,
        document=rep.document.id,
        sentence=ev.sentence.text,
        start=ev.sentence.start,
        end=ev.sentence.end,
    )
    one = ReportedFigure(kind="dead", value=1, document=rep.document.id,
                         sentence="One fisherman was killed.", start=ev.sentence.start,
                         end=ev.sentence.end)  # fmt: skip
    shelling = _incident(
        1,
        "ASSAULT",
        "material_conflict",
        -9,
        date="2031-06-05",
        location="Port Halden",
        figures=[fig],
    )
    shelling = shelling.model_copy(update={"independent_reports": 2})
    brief = build_brief([shelling], [rep])
    assert brief.tolls[shelling.id] == [] and "1 dead" not in to_markdown(brief)
    counted = shelling.model_copy(update={"figures": [one]})
    assert [f.value for f in build_brief([counted], [rep]).tolls[counted.id]] == [1]


def test_a_figure_whose_sentence_names_no_place_is_shown_with_no_place() -> None:
    rep = report("2031-06-05", Ev("Security forces killed 43 people on Wednesday.",
                                  place="port", date="2031-06-05"))  # fmt: skip
    ev = rep.events[0]
    fig = ReportedFigure(
        kind="dead",
        value=43,
        document=rep.document.id,
        sentence=ev.sentence.text,
        start=ev.sentence.start,
        end=ev.sentence.end,
    )
    inc = _incident(
        1,
        "ASSAULT",
        "material_conflict",
        -9,
        date="2031-06-05",
        location="Port Halden",
        figures=[fig],
    )
    text = to_markdown(build_brief([inc], [rep]))
    assert "- 2031-06-05, assault: dead 43" in text and "Port Halden, assault: dead" not in text


def test_the_page_uses_analysts_words_and_explains_the_tension_index() -> None:
    incidents = [
        _incident(1, "RETREAT", "material_cooperation", 5, mode="disarm", date="2031-06-02",
                  source_actors=["Kestria (KST/GOV)"]),
        _incident(2, "SANCTION", "material_conflict", -5, mode="discontinue",
                  date="2031-06-03", source_actors=["Kestria (KST/GOV)"]),
        _incident(3, "ASSAULT", "material_conflict", -9, date="2031-06-10",
                  source_actors=["Kestria (KST/GOV)"]),
    ]  # fmt: skip
    text = to_markdown(build_brief(incidents, days=1, until=dt.date(2031, 6, 12)))
    assert "**surrender**" in text or "**diplomatic ties cut**" in text or "**assault**" in text
    assert "(disarm)" not in text and "(discontinue)" not in text
    assert "conflict counting up" in text  # the scale and the sign, in one line
    assert "too thin to read as a trend" in text  # one incident against two
    assert "Only 4 days of the last week lie in the period" in text  # 9 to 12 June
    assert "3 incidents from 3 reports" in text and "1 of them are listed below" in text
    assert "--days" not in text


def test_a_signed_op_ed_and_a_question_lead_are_comment() -> None:
    signed = _doc_report(
        "c1",
        "Fighters retook the harbour of Port Halden on Saturday. The war is not over."
        " • Mara Quell is co-founder of Harbour Analytics and a former fellow at Millbrook.",
    )
    question = "Remember the brave fishermen who held Port Halden against the navy?"
    asked = _doc_report(
        "c2", question + " They risk being wiped out. A Kestrian fleet is massing off the coast."
    )
    asked.document.sentences = [0, len(question) + 1]
    news = _doc_report(
        "n1",
        "Kestrian gunboats shelled Port Halden on Saturday. Is the port safe? Nobody knows,"
        " residents said. • Reporting by Mara Quell.",
    )
    assert comment_piece(signed) and comment_piece(asked) and not comment_piece(news)


def test_a_piece_that_ends_on_a_question_of_its_own_is_comment() -> None:
    body = [f"The harbour of Port Halden changed hands for the {n} time." for n in
            ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth")]  # fmt: skip

    def piece(closing: str, lines: list[str] = body) -> Report:
        text = " ".join([*lines, closing])
        rep = _doc_report("q", text)
        rep.document.sentences = [text.index(x) for x in [*lines, closing]]
        return rep

    assert comment_piece(piece("Is the port where this endless war leads next?"))
    assert not comment_piece(piece("The navy withdrew on Sunday."))
    assert not comment_piece(piece('"Is the port safe?"'))  # a quoted question is reported
    assert not comment_piece(piece("Should the port be shared? #harbour"))  # a page's poll
    assert not comment_piece(piece("Is the port safe?", body[:3]))  # a short teaser


def test_an_undated_act_on_a_named_weekday_is_that_days() -> None:
    # 2031-06-07 is a Saturday: "on Friday" is the 6th
    rep = _with_trigger(
        report("2031-06-07", Ev("On Friday, activists said at least 52 people were killed by"
                                " Kestrian shelling in Port Halden.", place="port")),
        "killed",
    )  # fmt: skip
    brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
    assert [d.day for d in brief.days] == [dt.date(2031, 6, 6)]


def test_sending_an_envoy_is_a_visit_not_troops() -> None:
    def sent(sentence: str) -> Report:
        ev = Ev(sentence, type="SANCTION", source=("kst-gov",), target=(), date="2031-06-05")
        rep = _with_trigger(report("2031-06-05", ev), "sends")
        rep.events[0].type, rep.events[0].mode = "MOBILIZE", "troops"
        return rep

    envoy = sent("President Alder Voss sends a senior envoy to Varnia to seek a settlement.")
    troops = sent("President Alder Voss sends 2,000 troops to the Varnian border.")
    out = {}
    for name, rep in (("envoy", envoy), ("troops", troops)):
        brief = build_brief(merge_reports([rep]), [rep], since=dt.date(2031, 6, 1))
        out[name] = to_markdown(brief)
    assert "**visit**" in out["envoy"] and "mobiliz" not in out["envoy"]
    assert "**visit**" not in out["troops"] and "**troop deployment**" in out["troops"]


def test_a_chronology_is_no_toll_and_the_past_few_days_no_days_act() -> None:
    listed = ("3 May: Two bombs hit the port of Port Halden 9 May: Car bomb in Port Halden"
              " kills 26 2 Jun: Twin blasts in Port Halden leave 28 dead")  # fmt: skip
    told = "A car bomb in Port Halden killed 26 people on Monday."
    reports = [report("2031-06-05", Ev(x, place="port", date="2031-06-05")) for x in (listed, told)]
    tolls = []
    for n, rep in enumerate(reports):
        ev = rep.events[0]
        fig = ReportedFigure(kind="dead", value=26, document=rep.document.id,
                             sentence=ev.sentence.text, start=ev.sentence.start,
                             end=ev.sentence.end)  # fmt: skip
        inc = _incident(n + 1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                        location="Port Halden", figures=[fig])  # fmt: skip
        tolls.append(build_brief([inc], [rep]).tolls[inc.id])
    assert tolls[0] == [] and [f.value for f in tolls[1]] == [26]
    two_days = _killed_in_port(
        "Activists say 100 people were killed in the past two days in"
        " Port Halden."
    )
    hours = _killed_in_port(
        "Activists say 10 people were killed in Port Halden, officials"
        " said."
    )
    assert looks_back(two_days.events[0], two_days) and not looks_back(hours.events[0], hours)


def test_a_region_and_one_person_named_by_nationality_are_no_side() -> None:
    from flashpoint.corpus.brief import named_as_no_side

    told = Ev("Fighters are refusing to leave a corner of eastern Varnia.", type="REJECT",
              source=("fighters",), target=("vrn",))  # fmt: skip
    rep = report("2031-06-05", told)
    rep.events[0].target[0].name = "eastern Varnia"
    inc = _incident(1, "REJECT", "verbal_conflict", -4, date="2031-06-05")
    assert named_as_no_side(inc, rep.events[0], rep)
    rep.events[0].target[0].name = "northern rebels"
    assert not named_as_no_side(inc, rep.events[0], rep)
    rep.events[0].target[0].name = "A Varnian"  # one person, not the state
    assert named_as_no_side(inc, rep.events[0], rep)
    rep.events[0].target[0].name = "Varnia"
    assert not named_as_no_side(inc, rep.events[0], rep)


# --- the period's biggest news (issue 9): a vote on a text, a comment piece's hook ---


def _named_varnia(rep: Report) -> Report:
    """The report with Varnia (the country) found wherever its text names it."""
    text = rep.document.text
    at = [i for i in range(len(text)) if text.startswith("Varnia", i)]
    found = [Mention(start=i, end=i + 6, text="Varnia") for i in at]
    rep.places.append(Place(id="p-vrn", name="Varnia", feature="country", country="VRN",
                            mentions=found))  # fmt: skip
    return rep


def _vote(published: str, sentence: str) -> Report:
    rep = report(published, Ev(sentence, type="REJECT", source=("oss-gov",), target=()))
    return _named_varnia(_with_trigger(rep, "vetoed"))


def test_a_veto_told_by_two_reports_is_one_line_of_the_country_its_text_is_about() -> None:
    reports = [
        _vote("2031-06-04", "A resolution condemning the crackdown in Varnia was vetoed in"
                            " the council by the Ossland government."),
        _vote("2031-06-05", "Despite the appeals from Varnia, the Ossland government vetoed."),
        # a record of votes, told a week on: not the session's news
        _vote("2031-06-12", "The Ossland government has vetoed two previous resolutions on"
                            " Varnia."),
    ]  # fmt: skip
    incidents = merge_reports(reports)
    brief = build_brief(incidents, reports, country="VRN", since=dt.date(2031, 6, 1))
    text = to_markdown(brief)
    lines = [line for line in text.splitlines() if "veto or vote against" in line]
    assert len(lines) == 1 and "Ossland government (OSS/GOV)" in lines[0]
    assert "[2 reports" in lines[0] and "### 2031-06-04" in text
    assert "two previous resolutions" not in text
    # The same veto with no word of Varnia in it is no line of Varnia's brief.
    other = [_with_trigger(report("2031-06-04", Ev("The Ossland government vetoed the draft.",
                                                   type="REJECT", source=("oss-gov",),
                                                   target=())), "vetoed")]  # fmt: skip
    quiet = build_brief(merge_reports(other), other, country="VRN", since=dt.date(2031, 6, 1))
    assert "vetoed the draft" not in to_markdown(quiet)


def test_a_comment_pieces_dated_opening_is_its_news_hook() -> None:
    from flashpoint.corpus.brief import backed

    rep = report(
        "2031-06-10",
        Ev("Kestrian marines retook the last rebel enclave in Port Halden on Saturday.",
           date="2031-06-07", place="port"),
        Ev("For years the brigade had murdered thousands of people in Millbrook.",
           place="mill", source=("brig",)),
    )  # fmt: skip
    rep.document.text += " • Mara Quist is co-founder of a research group on the war."
    assert comment_piece(rep)
    incidents = merge_reports([rep])
    text = to_markdown(build_brief(incidents, [rep], since=dt.date(2031, 6, 1)))
    key = text.partition("## Key incidents by day")[2]
    assert "retook the last rebel enclave" in key and "Kestrian navy" in key
    assert "1 report; unnamed outlets, comment piece]" in key  # said to be an op-ed's
    assert "murdered thousands" not in key  # the rest of the piece is still comment
    # "Kestrian-backed militia": the backer named in an adjective is not its country
    assert backed("Kestrian-backed militia (KST/REB)") == "Kestrian-backed militia"
    assert backed("Kestrian navy (KST/MIL)") == "Kestrian navy (KST/MIL)"


def test_a_label_cut_at_its_hyphen_gets_its_first_part_back_from_the_sentence() -> None:
    from flashpoint.corpus.brief import whole_name

    told = "Rebels surrendered to a Kestrian-backed coastal militia near Millbrook."
    assert whole_name("backed coastal militia", told) == "Kestrian-backed coastal militia"
    assert whole_name("coastal militia", told) == "coastal militia"
    assert whole_name("backed river militia", told) == "backed river militia"


def test_a_headline_run_into_the_lead_gives_way_to_a_body_sentence_as_evidence() -> None:
    from flashpoint.corpus.brief import evidence

    rep = report(
        "2031-06-05",
        Ev("Varnia: council deadlock gives navy free hand - rebels The Kestrian navy went on"
           " shelling the coast", place="port"),
        Ev("Rebels said the Kestrian navy began shelling Port Halden on Friday night.",
           place="port"),
        Ev("Protesters attacked Kestrian consulates abroad.", place="port"),
    )  # fmt: skip
    rep.document.sentences = [e.sentence.start for e in rep.events]
    for ev, word in zip(rep.events, ("gives", "shelling", "attacked"), strict=True):
        at = rep.document.text.index(word, ev.sentence.start)
        ev.trigger = Span(start=at, end=at + len(word), text=word)
    events = {(rep.document.id, e.id): (e, rep) for e in rep.events}
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                    location="Port Halden")  # fmt: skip
    inc.sightings = [Sighting(document=rep.document.id, event=e.id, main=(n == 0))
                     for n, e in enumerate(rep.events)]  # fmt: skip
    assert evidence(inc, events).startswith("Rebels said the Kestrian navy began shelling")
    # a plain opening sentence stays the evidence
    plain = report("2031-06-05", Ev("The Kestrian navy shelled Port Halden on Friday.",
                                    place="port"))  # fmt: skip
    inc.sightings = [Sighting(document=plain.document.id, event="e0", main=True)]
    told = {(plain.document.id, "e0"): (plain.events[0], plain)}
    assert evidence(inc, told).startswith("The Kestrian navy shelled")


def test_the_town_of_a_visit_is_no_party_and_a_span_toll_drives_no_week() -> None:
    from flashpoint.corpus.brief import plausible_sides

    rep = report("2031-06-05", Ev("President Alder Voss visited Port Halden.", type="CONSULT",
                                  source=("kst-gov",), place="port"))  # fmt: skip
    inc = _incident(1, "CONSULT", "verbal_cooperation", 1, date="2031-06-05",
                    source_actors=["President Alder Voss (KST/GOV)"],
                    target_actors=["Port Halden (VRN)",
                                   "Varnian government (VRN/GOV)"])  # fmt: skip
    inc.sightings = [Sighting(document=rep.document.id, event="e0", published="2031-06-05")]
    _, targets, _ = plausible_sides(inc, {rep.document.id: rep})
    assert targets == ["Varnian government (VRN/GOV)"]
    # a week of talks, then a week of shelling: the toll of "the past two days" is told
    # over a span and is not named as what drove the rise
    quiet = [
        report(f"2031-06-0{n}", Ev(TALKS, type="CONSULT", source=("kst-gov",),
                                   target=("vrn-gov",), date=f"2031-06-0{n}"))
        for n in (2, 3)
    ]  # fmt: skip
    busy = [
        report("2031-06-09", Ev("Kestrian gunners shelled Millbrook, killing 30 people.",
                                date="2031-06-09", place="mill")),
        report("2031-06-10", Ev("Activists say 100 people were killed in the past two days"
                                " in Port Halden.", date="2031-06-10", place="port")),
    ]  # fmt: skip
    reports = [*quiet, *busy]
    text = to_markdown(build_brief(merge_reports(reports), reports, since=dt.date(2031, 6, 1)))
    drivers = [line for line in text.splitlines() if line.startswith("- driven by")]
    assert drivers and not any("past two days" in line for line in drivers)


def test_an_era_opening_and_a_state_in_a_relative_clause_look_back() -> None:
    def one(sentence: str, trigger: str, type: str = "ASSAULT") -> Report:
        return _with_trigger(report("2031-06-05", Ev(sentence, type=type, place="mill")), trigger)

    told = [
        one("During the occupation, Millbrook men were rounded up and shot.", "shot"),
        one("The camp holds 300 people, nearly all of them fighters who are refusing to leave"
            " Millbrook.", "refusing", "REJECT"),
        one("The influx has overwhelmed aid workers, who are struggling to register families"
            " and provide food.", "provide", "AID"),
    ]  # fmt: skip
    news = [
        one("During the night, Kestrian gunners shelled Millbrook.", "shelled"),
        one("Fighters who are fleeing Millbrook were shot at a checkpoint.", "shot"),
    ]  # fmt: skip
    assert all(looks_back(r.events[0], r) for r in told)
    assert not any(looks_back(r.events[0], r) for r in news)


def test_a_hedged_claim_by_another_countrys_actor_about_its_own_affairs_is_no_doubt() -> None:
    from flashpoint.corpus.brief import claim_about
    from flashpoint.models import Actor, Claim, Source

    text = ("Ossland's ministry said the plan could raise taxes in Ossburg. Mara Quist said"
            " the talks in Varnia could fail.")  # fmt: skip
    first, second = text.index("the plan"), text.index("the talks")
    doc = Document(id="d-claims", published="2031-06-05", text=text)
    ossland = Actor(id="a-oss", name="Ossland's ministry", kind="organization", country="OSS",
                    mentions=[Mention(start=0, end=18, text="Ossland's ministry")])  # fmt: skip
    rep = report("2031-06-05", Ev("Filler."))
    rep = rep.model_copy(update={"document": doc, "actors": [ossland], "places": []})
    rep = _named_varnia(rep)
    own = Claim(id="c1", content=Span(start=first, end=text.index("."), text="x"),
                source=Source(name="Ossland's ministry", actor="a-oss"))  # fmt: skip
    theirs = Claim(id="c2", content=Span(start=second, end=len(text) - 1, text="y"),
                   source=Source(name="Mara Quist"))  # fmt: skip
    assert not claim_about(own, rep, "VRN")
    assert claim_about(theirs, rep, "VRN")
    assert claim_about(own, rep, "OSS")


def test_a_line_rests_on_a_sighting_of_its_own_type_and_mode() -> None:
    from flashpoint.corpus.brief import evidence, news_view

    rep = report(
        "2031-06-05",
        Ev("Protests took place in Ossburg amid reports that in 2028 warships shelled Port"
           " Halden.", place="oss"),
        Ev("Twenty people were arrested in Ossburg on Saturday.", type="COERCE",
           target=("fighters",), date="2031-06-05", place="oss"),
        Ev("The ministry condemned the attack on the consulate in Ossburg.", place="oss"),
    )  # fmt: skip
    rep.events[0].mode = "heavy-weapons"
    for ev, word in zip(rep.events, ("shelled", "arrested", "attack"), strict=True):
        at = rep.document.text.index(word, ev.sentence.start)
        ev.trigger = Span(start=at, end=at + len(word), text=word)
    rep.events[1].confidence, rep.events[2].confidence = 0.9, 0.8
    events = {(rep.document.id, e.id): (e, rep) for e in rep.events}
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                    mode="heavy-weapons", location="Ossburg")  # fmt: skip
    inc.sightings = [Sighting(document=rep.document.id, event=e.id, published="2031-06-05")
                     for e in rep.events]  # fmt: skip
    view = news_view(inc, events)
    assert view.type == "ASSAULT" and view.mode is None  # the shelling was a look-back
    assert "the fighters" not in view.target_actors  # the arrest's side is not the attack's
    assert evidence(view, events).startswith("The ministry condemned the attack")


def test_sightings_stating_different_days_date_the_line_by_the_day_most_state() -> None:
    from flashpoint.corpus.brief import news_view

    told = [
        ("2031-06-05", "President Alder Voss is due to visit Port Halden on Tuesday.",
         "2031-06-10"),
        ("2031-06-10", "The talks came as Kestrian officials visited Port Halden.", "2031-06-09"),
        ("2031-06-12", "Voss, who visited Port Halden on Tuesday, said little.", "2031-06-10"),
    ]  # fmt: skip
    reports = [
        report(day, Ev(text, type="CONSULT", source=("kst-gov",), date=date, place="port"))
        for day, text, date in told
    ]
    events = {(r.document.id, e.id): (e, r) for r in reports for e in r.events}
    inc = _incident(1, "CONSULT", "verbal_cooperation", 1, date="2031-06-09",
                    location="Port Halden")  # fmt: skip
    inc.sightings = [Sighting(document=r.document.id, event="e0", published=r.document.published)
                     for r in reports]  # fmt: skip
    assert news_view(inc, events).date == "2031-06-10"


def test_sightings_writing_two_weekdays_are_two_incidents() -> None:
    from flashpoint.corpus.brief import split_days

    told = [
        ("2031-06-11", "On Tuesday a Varnian cameraman was shot dead in Port Halden.",
         "2031-06-10"),
        ("2031-06-11", "When the shelling resumed on Wednesday morning, two reporters died in"
                       " Port Halden.", "2031-06-11"),
        ("2031-06-11", "Two reporters were killed in Port Halden, their editors said.", None),
    ]  # fmt: skip
    reports = [report(day, Ev(text, date=date, place="port")) for day, text, date in told]
    events = {(r.document.id, e.id): (e, r) for r in reports for e in r.events}
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-10",
                    location="Port Halden")  # fmt: skip
    inc.sightings = [Sighting(document=r.document.id, event="e0", published=r.document.published)
                     for r in reports]  # fmt: skip
    parts = split_days(inc, events)
    assert [(p.date, len(p.sightings)) for p in parts] == [("2031-06-10", 1), ("2031-06-11", 2)]
    assert len({p.id for p in parts}) == 2
    # "on Tuesday night" runs into Wednesday: one night's act, one incident
    reports[0].events[0].sentence.text = "On Tuesday night a Varnian cameraman was shot dead."
    assert split_days(inc, events) == [inc]
    # A day the resolver read from elsewhere (no weekday in its sentence) splits nothing.
    reports[0].events[0].sentence.text = "A Varnian cameraman was shot dead in Port Halden."
    assert split_days(inc, events) == [inc]


def test_a_one_that_counts_who_told_is_no_toll_of_one() -> None:
    from flashpoint.corpus.brief import tolls

    kept = []
    for n, sentence in enumerate([
        "One report quoting the group said as many Varnian troops were also killed.",
        "One soldier was killed in Port Halden, officials said.",
    ]):  # fmt: skip
        rep = _killed_in_port(sentence)
        fig = ReportedFigure(kind="dead", value=1, document=rep.document.id,
                             sentence=sentence, start=0, end=len(sentence))  # fmt: skip
        inc = _incident(n + 1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                        location="Port Halden", figures=[fig])  # fmt: skip
        kept.append(tolls(inc, {rep.document.id: rep}))
    assert kept[0] == [] and [f.value for f in kept[1]] == [1]


def test_a_target_that_is_a_sources_head_noun_gives_way_to_the_evidence_sides() -> None:
    from flashpoint.corpus.brief import sides_of_evidence

    rep = report(
        "2031-06-05",
        Ev("Brigade fighters shot fleeing villagers near Millbrook.", source=("brig",),
           date="2031-06-05"),
        Ev("An official said the brigade fired on the wives of fighters.", source=("brig",),
           target=("fighters",), date="2031-06-05"),
    )  # fmt: skip
    names = [("Brigade fighters", "fleeing villagers"), ("Brigade fighters", "fighters")]
    for ev, (doer, done_to) in zip(rep.events, names, strict=True):
        ev.source[0].actor, ev.source[0].name = None, doer
        ev.target[0].actor, ev.target[0].name = None, done_to
        ev.target[0].country = None
    events = {(rep.document.id, e.id): (e, rep) for e in rep.events}
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05")
    inc.sightings = [Sighting(document=rep.document.id, event=e.id, main=(n == 0))
                     for n, e in enumerate(rep.events)]  # fmt: skip
    sides = sides_of_evidence(inc, ["Brigade fighters"], ["fighters", "fleeing villagers"], events)
    assert sides == (["Brigade fighters"], ["fleeing villagers"])


def test_a_figure_is_credited_to_its_teller_and_the_wounded_alone_are_no_toll() -> None:
    from flashpoint.corpus.brief import _reporter

    told = "One rights network said 40 people were killed in Port Halden on Monday."
    assert _reporter("Harbour Post", told) == "one rights network"
    assert _reporter("the rights network", "The rights network said 40 died.") == (
        "the rights network"
    )
    assert _reporter("Harbour Post", "Forty people were killed on Monday.") == "Harbour Post"
    sentence = "A reporter also died and two other reporters were wounded in Port Halden."
    rep = _with_trigger(report("2031-06-05", Ev(sentence, date="2031-06-05", place="port")),
                        "died")  # fmt: skip
    fig = ReportedFigure(kind="injured", value=2, document=rep.document.id, sentence=sentence,
                         start=0, end=len(sentence))  # fmt: skip
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-05",
                    location="Port Halden", figures=[fig])  # fmt: skip
    inc.sightings = [Sighting(document=rep.document.id, event="e0", published="2031-06-05")]
    brief = build_brief([inc], [rep])
    assert not brief.tolls[inc.id] and not brief.figures  # no toll line, no figure line


def test_a_lone_photo_caption_is_no_key_incident() -> None:
    from flashpoint.corpus.brief import caption, thin

    lead = "Rebels said the army shelled the old quarter of Port Halden for a third day."
    shown = "Streets in the old quarter have been wrecked by shelling The army denies it."
    rep = report("2031-06-11", Ev(lead, date="2031-06-11"), Ev(shown, date="2031-06-11"))
    events = {(rep.document.id, e.id): (e, rep) for e in rep.events}
    assert [caption(e, rep) for e in rep.events] == [False, True]
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-11")
    inc.sightings = [Sighting(document=rep.document.id, event="e1", published="2031-06-11")]
    assert thin(inc, events, {rep.document.id: rep})
    inc.sightings = [Sighting(document=rep.document.id, event="e0", published="2031-06-11")]
    assert not thin(inc, events, {rep.document.id: rep})  # dated, in a body sentence


def test_a_cut_in_relations_is_named_by_its_own_words() -> None:
    from flashpoint.corpus.brief import _discontinued

    assert _discontinued("Varnia and Kestria have recalled their ambassadors.") == (
        "envoys recalled"
    )
    assert _discontinued("Varnia closed its embassy, and others recalled envoys.") == (
        "embassy closed"
    )
    assert _discontinued("Kestria severed all ties with the junta.") == "diplomatic ties cut"


def test_wounded_told_beside_uncounted_deaths_are_no_toll_alone() -> None:
    from flashpoint.corpus.brief import counted_harm

    def fig(kind: str, value: float, sentence: str) -> ReportedFigure:
        return ReportedFigure(kind=kind, value=value, document="d", sentence=sentence)

    hurt = fig("injured", 2, "Two reporters died in the blast and two others were wounded.")
    assert counted_harm([hurt]) == []
    dead = fig("dead", 3, "Three soldiers were killed and two were wounded.")
    assert counted_harm([dead, hurt]) == [dead, hurt]
    alone = fig("injured", 4, "Four guards were wounded when the convoy was ambushed.")
    assert counted_harm([alone]) == [alone]


def test_a_line_dated_only_to_a_week_says_so() -> None:
    from flashpoint.corpus.brief import week_only

    rep = report(
        "2031-06-15",
        Ev("Ossland expelled the Varnian envoys during the week.", type="SANCTION",
           source=("oss-gov",), target=("vrn-gov",), date="2031-06-09"),
    )  # fmt: skip
    rep.events[0].date_precision = "week"
    events = {(rep.document.id, e.id): (e, rep) for e in rep.events}
    (inc,) = merge_reports([rep])
    assert week_only(inc, events) == "2031-06-09"
    text = to_markdown(build_brief([inc], [rep]))
    assert "### 2031-06-15" in text and "(dated only to the week of 2031-06-09)" in text
    rep.events[0].date_precision = "day"
    assert week_only(inc, events) == ""


def test_an_act_dated_only_to_a_week_is_no_second_line_beside_its_day() -> None:
    def weekly() -> Report:
        rep = report(
            "2031-06-15",
            Ev("Ossland expelled the Varnian envoys during the week, officials said.",
               type="SANCTION", source=("oss-gov",), target=("vrn-gov",), date="2031-06-09"),
        )  # fmt: skip
        rep.events[0].date_precision = "week"
        return rep

    def dated(source: str, target: str) -> Report:
        return report(
            "2031-06-11",
            Ev("The envoys are expelled.", type="SANCTION", source=(source,), target=(target,),
               date="2031-06-11"),
        )  # fmt: skip

    # another state's expulsion of another state's envoys that week is another act
    for sides, lines in ((("oss-gov", "vrn-gov"), 1), (("kst-gov", "vrn-mil"), 2)):
        reps = [weekly(), dated(*sides)]
        brief = build_brief(merge_reports(reps), reps, since=dt.date(2031, 6, 1),
                            until=dt.date(2031, 6, 30))  # fmt: skip
        text = to_markdown(brief)
        assert text.count("- **sanction") == lines
        assert ("during the week" in text) == (lines == 2)

def test_a_quoted_account_of_the_story_so_far_is_a_look_back(
    run: Callable[..., Report],
) -> None:
    from flashpoint.corpus.brief import quoted_account

    account = run(
        '"Instead of talking to the opposition, the general brutally cracked down on his own'
        ' people," the spokesman told reporters.',
        "2031-06-09",
    )
    scene = run(
        '"Soldiers shot dead four people in Port Halden on Monday," a witness told reporters.',
        "2031-06-09",
    )
    told = [e for e in account.events if e.type in ("COERCE", "ASSAULT")]
    assert told and all(quoted_account(e, account) for e in told)
    assert looks_back(told[0], account)
    shot = [e for e in scene.events if e.type == "ASSAULT"]
    assert shot and not any(quoted_account(e, scene) for e in shot)  # a day, a toll, a town


def test_an_articles_undated_retelling_of_a_dated_act_is_one_line() -> None:
    from flashpoint.corpus.brief import echoes

    rep = report(
        "2031-06-12",
        Ev("Kestrian gunmen shot and wounded fleeing families near Port Halden.",
           source=("kst-mil",), place="port"),
        Ev("An official said Kestrian troops fired on the families on Tuesday.",
           source=("kst-mil",), place="port", date="2031-06-11"),
        Ev("The Varnian army shelled Millbrook.", source=("vrn-mil",), place="mill"),
    )  # fmt: skip
    events = {(rep.document.id, e.id): (e, rep) for e in rep.events}
    found = [_incident(n, "ASSAULT", "material_conflict", -9, date=day)
             for n, day in ((1, "2031-06-12"), (2, "2031-06-11"), (3, "2031-06-12"))]
    for n, (inc, salience) in enumerate(zip(found, (3.0, 1.0, 2.0), strict=True)):
        inc.salience = salience
        inc.sightings = [Sighting(document=rep.document.id, event=f"e{n}",
                                  published="2031-06-12")]  # fmt: skip
    # the undated telling goes, however salient; another doer's undated act stays
    assert echoes(found, events, {rep.document.id: rep}) == {"inc-1"}


def test_what_happened_in_a_span_a_relative_clause_names_is_a_look_back() -> None:
    told = _with_trigger(
        report("2031-06-05", Ev("She said she lived through four months during which her brother"
                                " was jailed and tortured in Port Halden.", place="port")),
        "tortured",
    )  # fmt: skip
    assert looks_back(told.events[0], told)
    news = _with_trigger(
        report("2031-06-05", Ev("She said guards tortured her brother in Port Halden.",
                                place="port")),
        "tortured",
    )  # fmt: skip
    assert not looks_back(news.events[0], news)


def test_help_kept_up_is_a_standing_policy_and_continued_attacks_are_news() -> None:
    kept = _with_trigger(
        report("2031-06-05", Ev("Ossland has continued to supply arms to Varnia despite the"
                                " uprising.", type="AID", source=("oss-gov",),
                                target=("vrn-gov",))),
        "supply",
    )  # fmt: skip
    assert looks_back(kept.events[0], kept)
    attacks = _with_trigger(
        report("2031-06-05", Ev("Kestrian troops have continued to shell Port Halden.",
                                place="port")),
        "shell",
    )  # fmt: skip
    assert not looks_back(attacks.events[0], attacks)


def test_the_town_of_a_protest_is_where_not_whom() -> None:
    from flashpoint.corpus.brief import plausible_sides

    rep = report("2031-06-05", Ev("Thousands of people demonstrated in Port Halden.",
                                  type="PROTEST", target=("vrn",), place="port"))  # fmt: skip
    inc = _incident(1, "PROTEST", "verbal_conflict", -3, date="2031-06-05",
                    target_actors=["Port Halden (VRN)", "Varnia (VRN)"])  # fmt: skip
    inc.sightings = [Sighting(document=rep.document.id, event="e0", published="2031-06-05")]
    _, targets, _ = plausible_sides(inc, {rep.document.id: rep})
    assert targets == ["Varnia (VRN)"]


def test_a_state_told_in_a_with_phrase_is_no_incident() -> None:
    aside = _with_trigger(
        report("2031-06-05", Ev("Varnia is a dangerous place, with shelling under way again in"
                                " Port Halden, but the camps are safe.", place="port")),
        "shelling",
    )  # fmt: skip
    assert looks_back(aside.events[0], aside)
    news = _with_trigger(
        report("2031-06-05", Ev("Troops pounded Port Halden with shelling on Monday.",
                                place="port")),
        "pounded",
    )  # fmt: skip
    assert not looks_back(news.events[0], news)


def test_a_hedged_back_story_is_no_doubt_of_the_period() -> None:
    from flashpoint.corpus.brief import past_claim

    rep = report("2031-06-05", Ev("Troops pounded Port Halden.", place="port"))
    assert past_claim("her family believed she had been killed in a raid that May", rep)
    assert past_claim("he had later been accused of spying and was jailed", rep)
    assert past_claim("the rebels may have held the town in 2029", rep)
    assert not past_claim("the rebels may try to retake the town", rep)


def test_a_key_lines_own_sentence_is_no_doubt(run: Callable[..., Report]) -> None:
    text = (
        "A rebel commander said dozens of militiamen had surrendered to his forces in Port"
        " Halden on Wednesday night and those who remained were likely to be hiding in"
        " tunnels."
    )
    rep = run(text, "2031-06-12")
    brief = build_brief(merge_reports([rep]), [rep], min_confidence=0.0)
    keyed = [brief.evidence.get(i.id, "") for d in brief.days for i in d.incidents]
    assert any("surrendered" in e for e in keyed), keyed
    assert not any("surrendered" in d.content for d in brief.doubts)


def test_each_written_day_of_an_incident_names_its_own_sides() -> None:
    from flashpoint.corpus.brief import split_days

    told = [
        ("On Tuesday Kestrian guns shelled the Varnian army in Port Halden.", "2031-06-10",
         ("vrn-mil",)),
        ("On Wednesday Kestrian guns shelled Port Halden again, killing the envoy.",
         "2031-06-11", ("envoy",)),
    ]  # fmt: skip
    reports = [report("2031-06-11", Ev(text, date=date, target=tgt, place="port"))
               for text, date, tgt in told]  # fmt: skip
    events = {(r.document.id, e.id): (e, r) for r in reports for e in r.events}
    inc = _incident(1, "ASSAULT", "material_conflict", -9, date="2031-06-10",
                    location="Port Halden",
                    target_actors=["Varnian army (VRN/MIL)", "Mara Quist (VRN)"])  # fmt: skip
    inc.sightings = [Sighting(document=r.document.id, event="e0", published=r.document.published)
                     for r in reports]  # fmt: skip
    parts = split_days(inc, events)
    assert [p.target_actors for p in parts] == [["Varnian army (VRN/MIL)"], ["Mara Quist (VRN)"]]


def test_a_story_told_from_months_back_runs_on_for_a_few_sentences() -> None:
    def story(*sentences: str, trigger: str = "detained") -> Report:
        events = [Ev(s, type="AID") for s in sentences[:-1]]
        rep = report("2031-06-05", *events, Ev(sentences[-1], type="COERCE", place="mill"))
        rep.events.insert(0, rep.events.pop())  # the act, on its trigger, first
        return _with_trigger(rep, trigger)

    start = "Her brother fled the capital two years ago."
    middle = ["He lived with cousins in a camp.", "His wife then fell ill."]
    back = story(start, *middle, "Soldiers detained him at a checkpoint near Millbrook.")
    far = story(start, *middle, "He wrote to his family.",
                "Soldiers detained him at a checkpoint near Millbrook.")  # fmt: skip
    week = story("Leaders met at a summit in Port Halden last week.", *middle,
                 "Soldiers detained him at a checkpoint near Millbrook.")  # fmt: skip
    assert looks_back(back.events[0], back)
    assert not looks_back(far.events[0], far)  # four sentences on: the story's own news
    assert not looks_back(week.events[0], week)  # "last week" runs on one sentence only


def test_a_video_caption_run_between_headline_and_lead_is_cut_from_both() -> None:
    from flashpoint.corpus.brief import glued_part

    text = (
        "Varnia crisis: Gulf states expel envoys BBC's Jane Roe, in Halden, says tanks are"
        " firing on residents Gulf states say they are expelling Varnian envoys."
    )
    rep = _with_trigger(report("2031-06-05", Ev(text, type="SANCTION")), "expelling")
    lo, hi = glued_part(rep.events[0], rep)
    assert text[lo:hi] == "Gulf states say they are expelling Varnian envoys."
    fired = _with_trigger(report("2031-06-05", Ev(text)), "firing")
    lo, hi = glued_part(fired.events[0], fired)
    assert text[lo:hi].startswith("BBC's Jane Roe") and text[lo:hi].rstrip().endswith("residents")
    # a plain word before a name that says something in the body is no glue
    plain = report("2031-06-05", Ev("The opposition Varnian Council says troops shelled Halden."))
    assert glued_part(plain.events[0], plain) == (0, len(plain.document.text))


def test_a_doerless_toll_counting_another_lines_named_victims_is_that_line_again() -> None:
    from flashpoint.models import Actor

    def with_person(rep: Report, name: str) -> Report:
        at = rep.document.text.index(name)
        mention = Mention(start=at, end=at + len(name), text=name)
        rep.actors.append(Actor(id=f"a-{name}", name=name, kind="person", mentions=[mention]))
        return rep

    shelled = with_person(report(
        "2031-06-05",
        Ev("Kestrian gunboats shelled the port of Halden, killing the reporter Ana Brill.",
           place="port", date="2031-06-05"),
    ), "Ana Brill")  # fmt: skip
    shelled.events[0].figures = []

    def toll(words: str) -> Report:
        return with_person(report(
            "2031-06-05",
            Ev(words, source=(), target=(), place="vrn", date="2031-06-05"),
        ), "Ana Brill")  # fmt: skip

    day = "Dozens of people were killed in Varnia on Thursday"
    for words, lines in (
        (f"{day}, including the reporter Ana Brill.", 1),
        (f"{day}, as the reporter Ana Brill saw.", 2),
    ):
        reps = [shelled, toll(words)]
        text = to_markdown(build_brief(merge_reports(reps), reps, since=dt.date(2031, 6, 1)))
        assert text.count("- **assault") == lines
