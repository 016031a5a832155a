"""The pages and their JSON twins.

Each page has one data function (``*_data``) that calls the library and returns
plain data; the HTML route renders it with a template, the ``.json`` twin and
the ``/api/`` endpoint return it as JSON (``Accept: application/json`` on the
page's own path does too). htmx requests get only the part of the page they
replace (a template block, through jinja2-fragments).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile

from flashpoint.corpus import browse
from flashpoint.corpus import timeline as tl
from flashpoint.corpus.store import (
    document_info,
    event_matches,
    fts_syntax_error,
    skipped_rows,
)
from flashpoint.corpus.tension import Freq, contribution, incident_day, period_start
from flashpoint.corpus.tension import params as tension_params
from flashpoint.errors import (
    BadParameter,
    CrossSiteRequest,
    FlashpointError,
    NotFound,
    RequestTooLarge,
    StoreError,
)
from flashpoint.lexicon import country_info
from flashpoint.models import Incident, Report
from flashpoint.web import highlight
from flashpoint.web.app import WebSettings, jsonable, same_site, wants_json
from flashpoint.web.corpus import WebCorpus

router = APIRouter()

FACET_LABELS = {
    "type": "Type",
    "quad": "Quad",
    "country": "Country",
    "actor": "Actor",
    "outlet": "Outlet",
    "modality": "Modality",
    "confidence": "Confidence",
    "reports": "Independent reports",
}
SORT_LABELS = {
    "newest": "newest first",
    "oldest": "oldest first",
    "reports": "most reports",
    "salience": "most salient",
    "conflict": "most conflictual",
}


# --- plumbing ---


def _corpus(request: Request) -> WebCorpus:
    return cast("WebCorpus", request.app.state.corpus)


def _settings(request: Request) -> WebSettings:
    return cast("WebSettings", request.app.state.settings)


def render(
    request: Request,
    name: str,
    data: dict[str, Any],
    *,
    context: dict[str, Any] | None = None,
    block: str | None = None,
    status: int = 200,
) -> Response:
    """The JSON twin, an htmx fragment (``block``), or the whole page."""
    if wants_json(request):
        return JSONResponse(jsonable(data), status_code=status)
    templates = request.app.state.templates
    values = {**data, **(context or {})}
    headers = request.headers
    # A history restore (the back button after a cache miss) wants the whole page.
    partial = (
        headers.get("hx-request") == "true" and headers.get("hx-history-restore-request") != "true"
    )
    fragment = block if block and partial else None
    if fragment:
        return cast(
            "Response",
            templates.TemplateResponse(
                request, name, values, block_name=fragment, status_code=status
            ),
        )
    return cast("Response", templates.TemplateResponse(request, name, values, status_code=status))


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BadParameter(detail=f" ({name}: '{value}' is not a date, use YYYY-MM-DD)") from None


def incident_row(e: browse.Entry) -> dict[str, Any]:
    """What a listing shows of an incident (the full record is at /api/incidents/{id})."""
    inc = e.incident
    return {
        "id": inc.id,
        "date": inc.date or inc.first_reported,
        "dated": inc.date is not None,  # False: "date" is the day it was first reported
        "date_end": inc.date_end,
        "type": inc.type,
        "quad": inc.quad,
        "intensity": inc.intensity,
        "modality": inc.modality,
        "source_actors": tl.distinct_labels(inc.source_actors),  # each actor once
        "target_actors": tl.distinct_labels(inc.target_actors),
        "location": inc.location,
        "country": inc.country,
        "countries": list(e.keys["country"]),  # place, actors, leads: what ?country= matches
        "reports": e.reports,
        "outlets": sorted({s.outlet for s in inc.sightings if s.outlet}),
        "salience": round(e.salience, 3),
        "conflicting": inc.conflicting,
        "summary": inc.summary,
    }


# --- overview ---


def _spark(values: list[float], width: int = 120, height: int = 28) -> tuple[str, float]:
    """SVG polyline points for a sparkline, and the height of its zero line (server-drawn)."""
    if not values:
        return "", float(height)
    if len(values) == 1:  # one day: a flat stroke, not an invisible point
        values = values * 2
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    step = width / max(1, len(values) - 1)

    def y(v: float) -> float:
        return round(height - (v - low) / span * height, 1)

    return " ".join(f"{i * step:.1f},{y(v):.1f}" for i, v in enumerate(values)), y(0.0)


def overview_data(corpus: WebCorpus) -> dict[str, Any]:
    return cast("dict[str, Any]", corpus.memo("overview", lambda: _overview(corpus)))


def _overview(corpus: WebCorpus) -> dict[str, Any]:
    entries = corpus.fresh()
    with corpus.store() as store:
        stats = store.stats()
        skipped = skipped_rows(store, limit=20)
    dyads = [
        {
            "a": d.a,
            "b": d.b,
            "incidents": d.incidents,
            "tension": [{"period": p.period, "index": p.index} for p in d.points],
            "spark": spark,
            "zero": zero,
        }
        for d in browse.top_dyads(entries)
        for spark, zero in [_spark([p.index for p in d.points])]
    ]
    return {
        "stats": stats,
        "dyads": dyads,
        "latest": [incident_row(e) for e in browse.sort(entries, "newest")[:8]],
        "salient": [incident_row(e) for e in browse.sort(entries, "salience")[:8]],
        "skipped": skipped,
    }


@router.get("/api/overview", tags=["overview"], summary="Counts, tense dyads, latest incidents")
def api_overview(request: Request) -> Any:
    return jsonable(overview_data(_corpus(request)))


@router.get("/", include_in_schema=False)
@router.get("/index.json", include_in_schema=False)
def page_overview(request: Request) -> Response:
    return render(request, "index.html", overview_data(_corpus(request)))


# --- incidents ---


def incident_query(
    request: Request,
    q: str | None = Query(None, description="Full-text query over event sentences (FTS5)."),
    since: str | None = Query(None, description="From this day (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Up to this day (YYYY-MM-DD)."),
    type: list[str] = Query([], description="PLOVER type(s)."),
    quad: list[str] = Query([]),
    country: list[str] = Query([], description="ISO alpha-3 code(s)."),
    actor: list[str] = Query([], description="Actor label(s), as the facet shows them."),
    outlet: list[str] = Query([]),
    modality: list[str] = Query([]),
    confidence: list[str] = Query([]),
    reports: list[str] = Query([], description="Independent reports: 1, 2, 3-4, 5+."),
    sort: str = Query("newest", description="newest, oldest, reports, salience, conflict."),
    page: int = Query(1, ge=1),
    size: int = Query(50, ge=1, description="Incidents per page (capped by the server)."),
) -> tuple[browse.Query, str | None]:
    settings = _settings(request)
    if sort not in browse.SORTS:
        raise BadParameter(detail=f" (sort: one of {', '.join(browse.SORTS)})")
    selected = {
        "type": type,
        "quad": quad,
        "country": country,
        "actor": actor,
        "outlet": outlet,
        "modality": modality,
        "confidence": confidence,
        "reports": reports,
    }
    matches = None
    text = (q or "").strip() or None
    if text:
        corpus = _corpus(request)
        with corpus.store() as store:
            matches = event_matches(store, text)
    query = browse.Query(
        selected={k: tuple(v) for k, v in selected.items() if v},
        since=_date("since", since),
        until=_date("until", until),
        matches=matches,
        sort=sort,
        page=page,
        size=min(size, settings.max_page_size),
    )
    return query, text


def _toggle(request: Request, name: str, value: str) -> str:
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    if (name, value) in pairs:
        pairs.remove((name, value))
    else:
        pairs.append((name, value))
    return "/incidents" + (f"?{urlencode(pairs)}" if pairs else "")


def _with_page(request: Request, page: int, path: str = "/incidents") -> str:
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    return f"{path}?{urlencode([*pairs, ('page', str(page))])}"


def incidents_data(corpus: WebCorpus, query: browse.Query, text: str | None) -> dict[str, Any]:
    key = (
        "incidents",
        tuple(sorted(query.selected.items())),
        query.since,
        query.until,
        text,
        query.sort,
        query.page,
        query.size,
    )
    return cast("dict[str, Any]", corpus.memo(key, lambda: _incidents(corpus, query, text)))


def _incidents(corpus: WebCorpus, query: browse.Query, text: str | None) -> dict[str, Any]:
    found = browse.browse(corpus.ordered(query.sort), query, presorted=True)
    return {
        "total": found.total,
        "page": found.page,
        "pages": found.pages,
        "size": found.size,
        "q": text,
        "since": query.since,
        "until": query.until,
        "sort": query.sort,
        "selected": query.selected,
        "facets": {
            name: [{"value": v.value, "count": v.count, "selected": v.selected} for v in values]
            for name, values in found.facets.items()
        },
        "incidents": [incident_row(e) for e in found.entries],
    }


@router.get("/api/incidents", tags=["incidents"], summary="Incidents with facet counts")
def api_incidents(request: Request, chosen: Any = Depends(incident_query)) -> Any:
    return jsonable(incidents_data(_corpus(request), *chosen))


@router.get("/incidents.csv", tags=["incidents"], summary="The current selection as CSV")
def incidents_csv(request: Request, chosen: Any = Depends(incident_query)) -> Response:
    query, _ = chosen
    rows = browse.select(_corpus(request).fresh(), query)[: _settings(request).max_csv_rows]
    columns = [
        "id", "date", "date_end", "type", "quad", "intensity", "modality", "source_actors",
        "target_actors", "location", "country", "reports", "outlets", "salience", "conflicting",
        "summary",
    ]  # fmt: skip

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for e in rows:
            row = incident_row(e)
            writer.writerow(
                "; ".join(v) if isinstance(v := row[c], list) else ("" if v is None else v)
                for c in columns
            )
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()

    headers = {"content-disposition": 'attachment; filename="incidents.csv"'}
    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/incidents", include_in_schema=False)
@router.get("/incidents.json", include_in_schema=False)
def page_incidents(request: Request, chosen: Any = Depends(incident_query)) -> Response:
    data = incidents_data(_corpus(request), *chosen)
    facets = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "options": [{**v, "url": _toggle(request, name, v["value"])} for v in values],
        }
        for name, values in data["facets"].items()
    ]
    query = request.url.query
    context = {
        "facet_list": facets,
        "sorts": SORT_LABELS,
        "csv_url": "/incidents.csv" + (f"?{query}" if query else ""),
        "prev_url": _with_page(request, data["page"] - 1) if data["page"] > 1 else None,
        "next_url": _with_page(request, data["page"] + 1) if data["page"] < data["pages"] else None,
    }
    return render(request, "incidents.html", data, context=context, block="results")


# --- one incident ---


def _overlaps(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


_DENIAL_CUES = frozenset({"deny", "denied", "denies", "denying", "reject", "rejected", "rejects"})


def _statements(report: Report, event: Any) -> list[dict[str, Any]]:
    """Claims and quotes about the event: what it rests on, and what its sentence reports."""
    out: list[dict[str, Any]] = []
    for c in report.claims:
        if c.id == event.attribution or _overlaps(c.sentence or c.content, event.sentence):
            cue = (c.cue.text if c.cue else "").lower()
            denial = cue in _DENIAL_CUES or any(h.kind == "denial" for h in c.hedges)
            out.append(
                {
                    "kind": "claim",
                    "id": c.id,
                    "source": c.source.name,
                    "text": c.content.text,
                    "hedges": [h.kind for h in c.hedges],
                    "denial": denial,
                }
            )
    for q in report.quotes:
        if q.id == event.attribution or _overlaps(q.sentence or q, event.sentence):
            speaker = q.speaker.name if q.speaker else None
            out.append(
                {
                    "kind": "quote",
                    "id": q.id,
                    "source": speaker,
                    "text": q.text,
                    "hedges": [],
                    "denial": False,
                }
            )
    return out


def _figure_charts(inc: Incident) -> list[dict[str, Any]]:
    """One small SVG chart per figure kind: the reported values in report order."""
    charts = []
    kinds = sorted({f.kind for f in inc.figures})
    for kind in kinds:
        series = [f for f in inc.figures if f.kind == kind]
        if len(series) < 2:
            continue
        width, height = 220, 60
        top = max(f.value for f in series) or 1.0
        step = (width - 20) / (len(series) - 1)
        points = [
            {
                "x": round(10 + i * step, 1),
                "y": round(height - 8 - f.value / top * (height - 16), 1),
                "label": f"{f.value:g} ({f.published or '?'})",
            }
            for i, f in enumerate(series)
        ]
        charts.append(
            {
                "kind": kind,
                "width": width,
                "height": height,
                "points": points,
                "line": " ".join(f"{p['x']},{p['y']}" for p in points),
                "conflicting": kind in inc.conflicting,
            }
        )
    return charts


def incident_data(corpus: WebCorpus, incident_id: str) -> dict[str, Any]:
    inc = corpus.incident(incident_id)
    if inc is None:
        raise NotFound(kind="incident", key=incident_id)
    entry = corpus.by_id[incident_id]
    reports = []
    statements = []
    for s in inc.sightings:
        report = corpus.report(s.document)
        event = next((e for e in report.events if e.id == s.event), None) if report else None
        title = report.document.title if report else None
        reports.append(
            {
                "document": s.document,
                "event": s.event,
                "outlet": s.outlet,
                "published": s.published,
                "title": title,
                "attributed_to": s.attributed_to,
                "duplicates": s.duplicates,
                "sentence": event.sentence.text if event else None,
                "trigger": event.trigger.text if event else None,
                "modality": event.modality if event else None,
            }
        )
        if report is not None and event is not None:
            for st in _statements(report, event):
                statements.append({**st, "document": s.document, "outlet": s.outlet})
    return {
        "incident": inc,
        "reports_count": entry.reports,
        "salience": round(entry.salience, 3),
        "contribution": round(contribution(inc), 3),
        "reports": reports,
        "figures": inc.figures,
        "charts": _figure_charts(inc),
        "statements": statements,
        # A date after the first report means its reports tell of different days.
        "dated_after_report": bool(
            inc.date and inc.first_reported and inc.date[:10] > inc.first_reported[:10]
        ),
        "who": tl.distinct_labels(inc.source_actors),  # each actor once
        "whom": tl.distinct_labels(inc.target_actors),
        "documents": len({s.document for s in inc.sightings}),
        # Set by document linking (empty when it found no article whose main story it is).
        "main_documents": inc.main_documents,
        "toll": inc.toll,
        "people": inc.people,
    }


@router.get("/api/incidents/{incident_id}", tags=["incidents"], summary="One incident")
def api_incident(request: Request, incident_id: str) -> Any:
    data = incident_data(_corpus(request), incident_id)
    data.pop("charts")
    return jsonable(data)


@router.get("/incidents/{incident_id}", include_in_schema=False)
@router.get("/incidents/{incident_id}.json", include_in_schema=False)  # registered first
def page_incident(request: Request, incident_id: str) -> Response:
    return render(request, "incident.html", incident_data(_corpus(request), incident_id))


# --- one document ---


def _focus_mark(mark: str | None, size: int) -> list[highlight.Mark]:
    if not mark:
        return []
    left, sep, right = mark.partition("-")
    if not sep or not left.isdigit() or not right.isdigit():
        raise BadParameter(detail=f" (mark: '{mark}' is not START-END)")
    start, end = int(left), int(right)
    return [highlight.Mark(start, end, "hit", "hit")] if 0 <= start < end <= size else []


def report_view(report: Report, *, focus: str | None = None, mark: str | None = None) -> dict:
    """What the document page draws for a report (also used by /extract)."""
    text = report.document.text
    spans = highlight.marks(report) + _focus_mark(mark, len(text))
    return {
        "segments": highlight.segments(text, spans),
        "items": highlight.items(report),
        "records": highlight.records(report),
        "kinds": highlight.KINDS,
        "focus": focus,
    }


def document_data(corpus: WebCorpus, doc_id: str) -> dict[str, Any]:
    with corpus.store() as store:
        info = document_info(store, doc_id)
    if info is None:
        raise NotFound(kind="document", key=doc_id)
    report = corpus.report(doc_id) if not info["duplicate_of"] else None
    entries = corpus.incidents_of(doc_id)
    incidents = [incident_row(e) for e in entries]
    main = browse.main_incident_of(doc_id, entries)
    return {"document": info, "report": report, "incidents": incidents, "main_incident": main}


@router.get("/api/documents/{doc_id}", tags=["documents"], summary="A document and its record")
def api_document(request: Request, doc_id: str) -> Any:
    return jsonable(document_data(_corpus(request), doc_id))


@router.get("/documents/{doc_id}", include_in_schema=False)
@router.get("/documents/{doc_id}.json", include_in_schema=False)  # registered first
def page_document(
    request: Request,
    doc_id: str,
    event: str | None = Query(None, description="Mark this event's evidence."),
    mark: str | None = Query(None, description="Mark the span START-END (a search hit)."),
) -> Response:
    data = document_data(_corpus(request), doc_id)
    context: dict[str, Any] = {}
    if data["report"] is not None and not wants_json(request):
        context = report_view(data["report"], focus=f"event:{event}" if event else None, mark=mark)
    return render(request, "document.html", data, context=context)


# --- timeline ---


def timeline_data(
    corpus: WebCorpus,
    *,
    dyad: str | None,
    actor: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    freq: str,
    limit: int = 200,
) -> dict[str, Any]:
    if freq not in ("day", "week"):
        raise BadParameter(detail=" (freq: day or week)")
    pair = tl.parse_dyad(dyad) if dyad else None
    start, end = _date("since", since), _date("until", until)
    filters = {
        "actor": actor or None,
        "dyad": pair,
        "country": country or None,
        "since": start,
        "until": end,
    }
    chosen = corpus.memo(("timeline", tuple(filters.items())), lambda: _select(corpus, filters))
    points = corpus.memo(
        ("tension", tuple(filters.items()), freq),
        lambda: tl.pad_points(
            tl.tension_index(chosen, freq=cast("Freq", freq)),
            cast("Freq", freq),
            start,
            end,
        ),
    )
    by_id = corpus.by_id
    periods: dict[str, list[dict[str, Any]]] = {}
    # The list under the chart: the most recent incidents, up to a page (the chart has all).
    listed = chosen[-limit:] if limit else chosen
    for inc in listed:
        day = incident_day(inc)
        key = period_start(day, cast("Freq", freq)).isoformat() if day else "undated"
        row: dict[str, Any] = incident_row(by_id[inc.id]) if inc.id in by_id else {"id": inc.id}
        row["contribution"] = round(contribution(inc), 3)
        periods.setdefault(key, []).append(row)
    drivers = sorted(
        (row for rows in periods.values() for row in rows),
        key=lambda r: -abs(r.get("contribution", 0.0)),
    )[:10]
    return {
        "dyad": dyad,
        "actor": actor,
        "country": country,
        "since": since,
        "until": until,
        "freq": freq,
        "tension": points,
        "drivers": drivers,
        "periods": [{"period": k, "incidents": v} for k, v in periods.items()],
        "total": len(chosen),
        "listed": len(listed),
    }


def _select(corpus: WebCorpus, filters: dict[str, Any]) -> list[Incident]:
    """timeline.select over the incidents, narrowed first by the country codes it asks for."""
    if not any(filters.values()):
        return corpus.chronological
    codes = [c for c in (filters["country"], filters["actor"], *(filters["dyad"] or ())) if c]
    codes = [c.upper() for c in codes if len(c) == 3 and c.isalpha() and c.isupper()]
    pool = [e.incident for e in corpus.fresh() if all(c in e.keys["country"] for c in codes)]
    return tl.select(pool, **filters)


def _timeline_args(
    dyad: str | None = Query(None, description="Two actors, A:B (USA:VEN), either direction."),
    actor: str | None = Query(None, description="Name substring or ISO code."),
    country: str | None = Query(None, description="ISO code of the place or an actor."),
    since: str | None = Query(None),
    until: str | None = Query(None),
    freq: str = Query("day", description="day or week."),
) -> dict[str, Any]:
    return {
        "dyad": dyad,
        "actor": actor,
        "country": country,
        "since": since,
        "until": until,
        "freq": freq,
    }


@router.get("/api/timeline", tags=["timeline"], summary="Tension index and its incidents")
def api_timeline(request: Request, args: dict = Depends(_timeline_args)) -> Any:
    limit = _settings(request).max_page_size
    return jsonable(timeline_data(_corpus(request), **args, limit=limit))


@router.get("/timeline", include_in_schema=False)
@router.get("/timeline.json", include_in_schema=False)
def page_timeline(request: Request, args: dict = Depends(_timeline_args)) -> Response:
    data = timeline_data(_corpus(request), **args, limit=_settings(request).max_page_size)
    chart = {
        "periods": [p.period.isoformat() for p in data["tension"]],
        "index": [p.index for p in data["tension"]],
        "level": [p.level for p in data["tension"]],
        "incidents": [p.incidents for p in data["tension"]],
        "normalized": [p.normalized for p in data["tension"]],  # the index per unit of coverage
    }
    half_life = f"{tension_params().half_life_days:g}"
    return render(request, "timeline.html", data, context={"chart": chart, "half_life": half_life})


# --- map ---


def _where(inc: Incident) -> tuple[float, float, bool] | None:
    """The incident's coordinates; its place's country when it has no point (approximate)."""
    if inc.lat is not None and inc.lon is not None:
        return inc.lat, inc.lon, False
    info = country_info(inc.country) if inc.country else None
    if info is not None and info.lat is not None and info.lon is not None:
        return info.lat, info.lon, True
    return None


def map_data(corpus: WebCorpus, query: browse.Query) -> dict[str, Any]:
    chosen = browse.select(corpus.fresh(), query)
    located = [(e, where) for e in chosen if (where := _where(e.incident))]
    located.sort(key=lambda pair: -pair[0].reports)
    markers = [
        {
            "id": e.incident.id,
            "lat": where[0],
            "lon": where[1],
            "approximate": where[2],
            "type": e.incident.type,
            "quad": e.incident.quad,
            "reports": e.reports,
            "date": e.incident.date or e.incident.first_reported,
            "location": e.incident.location,
            "summary": e.incident.summary,
        }
        for e, where in located[:5000]
    ]
    return {"total": len(chosen), "placed": len(located), "markers": markers}


@router.get("/api/map", tags=["map"], summary="Incidents with a place, for a map")
def api_map(request: Request, chosen: Any = Depends(incident_query)) -> Any:
    return jsonable(map_data(_corpus(request), chosen[0]))


@router.get("/map", include_in_schema=False)
@router.get("/map.json", include_in_schema=False)
def page_map(request: Request, chosen: Any = Depends(incident_query)) -> Response:
    return render(request, "map.html", map_data(_corpus(request), chosen[0]))


# --- search ---


def search_data(corpus: WebCorpus, q: str | None, limit: int) -> dict[str, Any]:
    text = (q or "").strip()
    if not text:
        return {"q": "", "hits": [], "error": None, "syntax": None}
    with corpus.store() as store:
        syntax = fts_syntax_error(store, text)
        hits = store.search(text, limit=limit)
    rows = []
    for h in hits:
        parts = []
        rest = h.snippet
        while "[" in rest and "]" in rest[rest.index("[") :]:
            before, _, tail = rest.partition("[")
            inside, _, rest = tail.partition("]")
            parts += [{"text": before, "hit": False}, {"text": inside, "hit": True}]
        parts.append({"text": rest, "hit": False})
        rows.append({**jsonable(h), "parts": parts})
    note = None
    if syntax:
        note = f"Not valid FTS5 syntax ({syntax}); searched for the words as plain phrases."
    return {"q": text, "hits": rows, "error": None, "syntax": note}


@router.get("/api/search", tags=["search"], summary="Full-text search with snippets")
def api_search(
    request: Request, q: str = Query(..., min_length=1), limit: int = Query(20, ge=1)
) -> Any:
    capped = min(limit, _settings(request).max_search_hits)
    return jsonable(search_data(_corpus(request), q, capped))


@router.get("/search", include_in_schema=False)
@router.get("/search.json", include_in_schema=False)
def page_search(
    request: Request, q: str | None = Query(None), limit: int = Query(20, ge=1)
) -> Response:
    capped = min(limit, _settings(request).max_search_hits)
    try:
        data = search_data(_corpus(request), q, capped)
    except StoreError as err:
        problem = {"code": err.code, "message": str(err)}
        data = {"q": q, "hits": [], "error": problem, "syntax": None}
        return render(request, "search.html", data, status=400)
    return render(request, "search.html", data)


# --- extract ---


async def _form_input(request: Request) -> tuple[str, str | None, str | None, bool]:
    form = await request.form()
    text = str(form.get("text") or "")
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        from flashpoint.ingest.text import load_bytes

        raw = load_bytes(await upload.read(), source=upload.filename, where=upload.filename)
        text = raw.text
    published = str(form.get("published") or "").strip() or None
    title = str(form.get("title") or "").strip() or None
    keep = str(form.get("store") or "") in ("1", "on", "true")
    return text, published, title, keep


def _extract(text: str, published: str | None, title: str | None) -> Report:
    import flashpoint

    _date("published", published)
    return flashpoint.extract(text, published=published, title=title, source="web")


def _store_report(
    settings: WebSettings, text: str, published: str | None, title: str | None
) -> str:
    """Add the text to the corpus through the library's ingest (only with --allow-ingest)."""
    from flashpoint.corpus.ingest import Item, ingest
    from flashpoint.corpus.store import Store
    from flashpoint.pipeline import document_id

    with Store(settings.db) as store:
        ingest(
            [
                Item(
                    key=f"web:{document_id(text)[:16]}", text=text, title=title, published=published
                )
            ],
            store,
            progress=False,
        )
    return document_id(text)


@router.get("/extract", include_in_schema=False)
def page_extract_form(request: Request) -> Response:
    return render(request, "extract.html", {"report": None, "stored": None, "error": None})


@router.post("/extract", include_in_schema=False)
@router.post("/extract.json", include_in_schema=False)
@router.post(
    "/api/extract",
    tags=["extract"],
    summary="Extract one report (form fields text or file, published, title, store)",
)
async def page_extract(request: Request) -> Response:
    settings = _settings(request)
    if not same_site(request):
        raise CrossSiteRequest()
    form: dict[str, Any] | None = None
    try:
        text, published, title, keep = await _form_input(request)
        # What was sent goes back into the form, to correct it or try a variant.
        form = {"text": text, "published": published, "title": title}
        report = await run_in_threadpool(_extract, text, published, title)
    except FlashpointError as err:
        if wants_json(request) or isinstance(err, RequestTooLarge):
            raise
        failed: dict[str, Any] = {"report": None, "stored": None, "error": str(err)}
        return render(request, "extract.html", failed, status=400, context={"form": form})
    stored = None
    if keep and settings.allow_ingest:
        stored = await run_in_threadpool(_store_report, settings, text, published, title)
        _corpus(request).forget()
    data = {"report": report, "stored": stored, "error": None}
    context = {**report_view(report), "form": form} if not wants_json(request) else {}
    return render(request, "extract.html", data, context=context)
