"""The shared lexicon: countries, demonyms, PLOVER sectors, titles, known organizations
and common given names.

Every lookup reads data files under ``flashpoint/data/`` (countries.csv, sectors.yaml,
titles.yaml, organizations.csv, first_names.csv), built into dictionaries once per
process on first use. Lookups are case- and accent-insensitive and ignore a leading
"the", a trailing possessive "'s" and full stops ("U.S." = "US"), except short all-capital forms
("US", "UK", "AP"), which only match in capitals so that "us" or "who" are never
read as names. The lexicon knows words and phrases; it does not read context
(that is the extractors' job).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from flashpoint.datafiles import csv_rows, load_yaml

_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PLAIN = re.compile(r"[^\w\s&'-]")
# Prefixes that qualify a title without changing the office itself.
_TITLE_NOISE = re.compile(r"^(?:acting|interim|then-|then|newly appointed|newly elected)\s*")
_MINISTER_X = re.compile(r"^(?P<x>[\w ]+?) minister$")
_MINISTER_OF = re.compile(r"^minister (?:of|for) (?:the )?(?P<x>[\w ]+)$")
_SECRETARY_X = re.compile(r"^(?P<x>[\w ]+?) secretary$")
_SECRETARY_OF = re.compile(r"^secretary (?:of|for) (?:the )?(?P<x>[\w ]+)$")


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso3: str
    iso2: str
    name: str
    lat: float | None
    lon: float | None
    geonameid: str | None


@dataclass(frozen=True, slots=True)
class OrgInfo:
    name: str
    sector: str | None
    country: str | None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and full stops, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace(".", "")
    return _SPACES.sub(" ", plain).strip().lower()


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The lookup key: folded, without a leading "the" or a trailing possessive."""
    key = _POSSESSIVE.sub("", fold(text))
    if key.startswith("the "):
        key = key[4:]
    return _PLAIN.sub("", key).strip()


def _is_code(name: str) -> bool:
    """A short all-capital form that must match case-sensitively (US, UK, WHO)."""
    bare = name.replace(".", "").removeprefix("the ")
    return bare.isupper() and len(bare) <= 5 and " " not in bare


def _code_key(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip().replace(".", "")).removeprefix("the ").strip()


@dataclass(slots=True)
class _Index:
    """Names folded to keys, plus all-capital codes kept verbatim."""

    folded: dict[str, str]
    codes: dict[str, str]

    def add(self, name: str, value: str) -> None:
        if _is_code(name):
            self.codes.setdefault(_code_key(name), value)
        else:
            self.folded.setdefault(normalize(name), value)

    def get(self, text: str) -> str | None:
        if _is_code(text.strip()):
            hit = self.codes.get(_code_key(text))
            if hit:
                return hit
        return self.folded.get(normalize(text))


@cache
def _countries() -> tuple[_Index, _Index, dict[str, CountryInfo]]:
    names = _Index({}, {})
    demonyms = _Index({}, {})
    info: dict[str, CountryInfo] = {}
    for row in csv_rows("countries.csv"):
        iso3 = row["iso3"]
        info[iso3] = CountryInfo(
            iso3=iso3,
            iso2=row["iso2"],
            name=row["name"].strip(),
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            geonameid=row["geonameid"] or None,
        )
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                names.add(name.strip(), iso3)
        for dem in row["demonyms"].split("|"):
            if dem.strip():
                demonyms.add(dem.strip(), iso3)
    return names, demonyms, info


def country(text: str) -> str | None:
    """ISO alpha-3 for a country name, short name or demonym ("Venezuelan" -> "VEN")."""
    return country_name(text) or demonym(text)


def country_name(text: str) -> str | None:
    """ISO alpha-3 for a country's name or short form only (not its demonym)."""
    names, _, _ = _countries()
    return names.get(text)


def demonym(text: str) -> str | None:
    """ISO alpha-3 for a demonym or national adjective, singular or plural."""
    _, demonyms, _ = _countries()
    hit = demonyms.get(text)
    if hit is None and text.lower().endswith("s"):
        hit = demonyms.get(text[:-1])
    return hit


def country_info(iso3: str) -> CountryInfo | None:
    """Name and representative point (the capital) of a country by ISO alpha-3."""
    return _countries()[2].get(iso3)


@cache
def _given_names() -> dict[str, str]:
    rows = csv_rows("first_names.csv")
    return {fold(row["name"]): row["gender"] for row in rows}


def given_name(text: str) -> str | None:
    """The usual pronoun gender ("m" or "f") of a common given name, or None."""
    return _given_names().get(fold(text))


@cache
def _organizations() -> tuple[_Index, dict[str, OrgInfo]]:
    index = _Index({}, {})
    info: dict[str, OrgInfo] = {}
    for row in csv_rows("organizations.csv"):
        name = row["name"].strip()
        info[name] = OrgInfo(
            name=name, sector=row["sector"] or None, country=row["country"] or None
        )
        for alias in [name, *row["aliases"].split("|")]:
            if alias.strip():
                index.add(alias.strip(), name)
    return index, info


def organization(text: str) -> OrgInfo | None:
    """A well-known organization by any of its names ("ICC", "the Pentagon")."""
    index, info = _organizations()
    name = index.get(text)
    return info[name] if name else None


@cache
def _sectors() -> tuple[dict[str, str], frozenset[str]]:
    data = load_yaml("sectors.yaml")
    phrases: dict[str, str] = {}
    for code, words in data["sectors"].items():
        for word in words:
            phrases.setdefault(normalize(str(word)), code)
    return phrases, frozenset(normalize(w) for w in data["generic_heads"])


def _phrase_sector(words: list[str], phrases: dict[str, str]) -> tuple[str, int] | None:
    """The sector of the longest known ending of ``words``, with where it starts."""
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        code = phrases.get(phrase) or (phrases.get(phrase[:-1]) if phrase.endswith("s") else None)
        if code:
            return code, i
    return None


def sector(text: str) -> str | None:
    """The PLOVER sector of a head noun, title or known name ("defence minister" -> MIL)."""
    org = organization(text)
    if org and org.sector:
        return org.sector
    phrases, generic = _sectors()
    key = normalize(text)
    if not key:
        return None
    if " of " in key and key not in phrases:
        # "minister of trade", "the people of Venezuela": the head comes before "of".
        key = key.split(" of ")[0]
    words = key.split()
    found = _phrase_sector(words, phrases)
    if found is None:
        # "army chief": a generic head with no sector of its own borrows its modifier's.
        found = ("", len(words) - 1) if words[-1] in generic else None
    if found is None:
        return None
    code, start = found
    if " ".join(words[start:]) in generic:
        # A generic head takes the sector of a modifier that has one ("rebel leader").
        for j in range(start - 1, -1, -1):
            modifier = _phrase_sector(words[: j + 1], phrases)
            if modifier and modifier[1] == j:
                return modifier[0]
    return code or None


@cache
def _titles() -> tuple[dict[str, str], dict[str, str]]:
    data = load_yaml("titles.yaml")
    titles: dict[str, str] = {}
    for canonical, variants in data["titles"].items():
        for variant in [canonical, *(variants or [])]:
            titles.setdefault(normalize(str(variant)), str(canonical))
    portfolios: dict[str, str] = {}
    for canonical, variants in data["portfolios"].items():
        for variant in [canonical, *(variants or [])]:
            portfolios.setdefault(normalize(str(variant)), str(canonical))
    return titles, portfolios


def role(text: str) -> str | None:
    """The canonical title ("Venezuelan President" -> "President", "defense minister" ->
    "minister of defence"), or None when ``text`` is not a known title."""
    titles, portfolios = _titles()
    words = text.split()
    # A leading nationality or country is context, not part of the office.
    while len(words) > 1 and country(words[0]) and normalize(" ".join(words)) not in titles:
        words = words[1:]
    key = _TITLE_NOISE.sub("", normalize(" ".join(words)))
    if key in titles and titles[key] not in ("Minister", "Secretary"):
        return titles[key]
    if key.startswith("deputy "):
        office = role(key[7:])
        return f"Deputy {office}" if office else None
    for pattern, office in (
        (_MINISTER_OF, "minister"),
        (_MINISTER_X, "minister"),
        (_SECRETARY_OF, "secretary"),
        (_SECRETARY_X, "secretary"),
    ):
        match = pattern.match(key)
        if match:
            portfolio = match["x"].strip()
            if portfolio in ("prime", "deputy prime"):
                break
            return f"{office} of {portfolios.get(portfolio, portfolio)}"
    return titles.get(key)


@cache
def _contests() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("contests.yaml")
    return frozenset(data["verbs"]), frozenset(data["nouns"])


def contest_verbs() -> frozenset[str]:
    """Lemmas of verbs whose subject and object are sides in a contest ("beat", "draw")."""
    return _contests()[0]


def contest_nouns() -> frozenset[str]:
    """Nouns naming a result against a side ("a win over X", "defeat to X")."""
    return _contests()[1]


@cache
def _organization_words() -> dict[str, frozenset[str]]:
    data = load_yaml("organization_words.yaml")
    return {key: frozenset(str(w) for w in words) for key, words in data.items()}


def legal_suffix(word: str) -> bool:
    """Whether ``word`` is a company's legal form ("Inc", "Corp.", "SpA", "Ltd")."""
    return word.replace(".", "").lower() in _organization_words()["legal_suffixes"]


def organization_kind(word: str) -> bool:
    """Whether ``word`` names a kind of organization before its name ("club", "firm")."""
    return word.lower() in _organization_words()["kind_nouns"]


def organization_member(word: str) -> bool:
    """Whether ``word`` after a name names its people or shares ("striker", "shares")."""
    return word.lower() in _organization_words()["member_nouns"]


# --- the shared closed-class vocabulary (data/vocabulary.yaml) ------------------

PronounCase = str  # "subject", "object", "possessive", "reflexive"


@cache
def _vocabulary() -> dict[str, object]:
    data: dict[str, object] = load_yaml("vocabulary.yaml")
    return data


@cache
def pronouns(*referents: str, cases: tuple[str, ...] | None = None) -> frozenset[str]:
    """Pronoun forms of the referents ("male", "female", "neuter", "plural",
    "first_singular", "first_plural", "second"; all when none is named), in the
    chosen cases (all when ``None``)."""
    table: dict[str, dict[str, list[str]]] = _vocabulary()["pronouns"]  # type: ignore[assignment]
    chosen = referents or tuple(table)
    return frozenset(
        word
        for referent in chosen
        for case, words in table[referent].items()
        if cases is None or case in cases
        for word in words
    )


def _words(key: str) -> frozenset[str]:
    words: list[str] = _vocabulary()[key]  # type: ignore[assignment]
    return frozenset(words)


@cache
def subject_deps() -> frozenset[str]:
    """Dependency labels of a clause's subject (nsubj, nsubjpass, csubj)."""
    return _words("subject_deps")


@cache
def locative_prepositions() -> frozenset[str]:
    """Prepositions that say where something is ("in", "near", "off")."""
    return _words("locative_prepositions")


@cache
def directional_prepositions() -> frozenset[str]:
    """Prepositions of movement that still name a place ("from", "into")."""
    return _words("directional_prepositions")


@cache
def cardinals() -> dict[str, int]:
    """Cardinal number words and their values ("seven" -> 7)."""
    table: dict[str, int] = _vocabulary()["cardinals"]  # type: ignore[assignment]
    return dict(table)


def organization_name_head(word: str) -> bool:
    """Whether ``word`` after a place name makes it an organization ("Caracas Chamber")."""
    return word.lower() in _organization_words()["name_heads"]
