"""CAMEO-coded rows in the GDELT 2.0 event-table column layout (tab-separated).

Each Flashpoint event becomes one row with GDELT's 61 columns (``HEADER``).
The event code is the CAMEO root code from data/cameo_roots.yaml, an
APPROXIMATE reverse of the public CAMEO->PLOVER table at the root level: the
root is repeated in EventCode, EventBaseCode and EventRootCode, since finer
CAMEO codes cannot be recovered. Actor codes are ISO3 country + PLOVER sector
(which shares CAMEO's role codes: GOV, MIL, COP, REB, CVL...). Country codes
are ISO 3166 alpha-3, not GDELT's FIPS 10-4. Fields Flashpoint has no basis
for (tone, ethnic and religion codes, ADM codes) are left empty; NumMentions,
NumSources and NumArticles are 1, as each row comes from one document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from flashpoint.datafiles import load_yaml
from flashpoint.models import Event, EventParticipant, Place, Report

_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

HEADER: list[str] = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"]
    + ["GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)

QUAD_CLASS = {
    "verbal_cooperation": "1",
    "material_cooperation": "2",
    "verbal_conflict": "3",
    "material_conflict": "4",
}
# GDELT geographic resolution: 1 country, 4 world city, 5 world state (ADM1).
GEO_TYPE = {"country": "1", "city": "4", "landmark": "4", "admin": "5", "region": "5"}


@cache
def _roots() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("cameo_roots.yaml")
    return data


def cameo_root(kind: str, mode: str | None) -> str:
    """The (approximate) CAMEO root code of a PLOVER type and mode."""
    spec = _roots()[kind]
    return str(spec.get("modes", {}).get(mode or "", spec["root"]))


def _event_id(doc_id: str, event_id: str) -> str:
    return str(int(hashlib.sha256(f"{doc_id}:{event_id}".encode()).hexdigest()[:15], 16))


def _date_cells(value: str | None) -> list[str]:
    if not value:
        return ["", "", "", ""]
    parts = value.split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else ""
    if len(parts) < 3:
        return ["", f"{year}{month}" if month else "", year, year]
    day = dt.date.fromisoformat(value)
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return [day.strftime("%Y%m%d"), f"{year}{month}", year, f"{fraction:.4f}"]


def _actor_cells(parts: list[EventParticipant]) -> list[str]:
    if not parts:
        return [""] * len(_ACTOR)
    first = parts[0]
    code = (first.country or "") + (first.sector or "")
    country, sector = first.country or "", first.sector or ""
    return [code, first.name.upper(), country, "", "", "", "", sector, "", ""]


def _geo_cells(place: Place | None) -> list[str]:
    if place is None:
        return [""] * len(_GEO)
    return [
        GEO_TYPE.get(place.feature, ""),
        place.name,
        place.country or "",
        "",
        "",
        "" if place.lat is None else f"{place.lat:.4f}",
        "" if place.lon is None else f"{place.lon:.4f}",
        place.gazetteer_id or "",
    ]


def row(report: Report, event: Event, lead_end: int) -> list[str]:
    places = {p.id: p for p in report.places}
    doc = report.document
    root = cameo_root(event.type, event.mode)
    added = doc.published.replace("-", "") + "000000" if doc.published else ""
    place = places.get(event.location or "")
    return [
        _event_id(doc.id, event.id),
        *_date_cells(event.date if event.date_precision else None),
        *_actor_cells(event.source),
        *_actor_cells(event.target),
        "1" if event.sentence.start < lead_end else "0",
        root,
        root,
        root,
        QUAD_CLASS[event.quad],
        f"{event.intensity:.1f}",
        "1",
        "1",
        "1",
        "",
        *_geo_cells(None),
        *_geo_cells(None),
        *_geo_cells(place),
        added,
        doc.source or "",
    ]


def rows(report: Report) -> Iterator[list[str]]:
    """One GDELT-layout row per event; IsRootEvent marks events of the first paragraph."""
    text = report.document.text
    lead_end = text.find("\n", len(text) - len(text.lstrip()))
    lead_end = len(text) if lead_end < 0 else lead_end
    for event in report.events:
        yield [clean_cell(cell) for cell in row(report, event, lead_end)]


# Tabs and every character a reader may take for a line break (\r, \v, \f, U+2028 ...).
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def clean_cell(value: str) -> str:
    """A TSV cell: tabs and line breaks become spaces, so each row stays one line."""
    return _BREAKS.sub(" ", value)
