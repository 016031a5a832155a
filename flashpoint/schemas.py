"""Schemas of the data files in ``flashpoint/data/``: one pydantic model per file.

``flashpoint.datafiles`` checks each file against its model when it is read:
unknown keys are refused (``extra="forbid"``), words must be strings (so a bare
YAML ``no`` or ``off``, read as a boolean, fails instead of silently never
matching), and duplicates are refused by the reader itself. A new data file
needs a model here and a row in ``docs/architecture.md``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, StrictBool, StrictFloat, StrictInt, StrictStr

Words = list[StrictStr]
Number = StrictInt | StrictFloat


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- YAML files -------------------------------------------------------------------


class Hedges(_Strict):
    allegation: Words
    report: Words
    rumour: Words
    uncertainty: Words
    no_comment: Words
    denial: Words


class Attribution(_Strict):
    speech_verbs: Words
    infinitive_speech_verbs: Words
    reporting_nouns: Words
    stance_verbs: Words
    characterizing_verbs: Words
    citing_verbs: Words
    according_phrases: Words
    colon_labels: Words
    hedges: Hedges
    media_outlets: Words
    media_nouns: Words
    official_titles: Words
    anonymous_phrases: Words
    expert_nouns: Words
    document_nouns: Words
    number_words: dict[StrictStr, StrictInt | None]


class CameoRoot(_Strict):
    root: StrictStr
    modes: dict[StrictStr, StrictStr] = {}


class Contests(_Strict):
    verbs: Words
    nouns: Words


class TriggerSense(_Strict):
    type: StrictStr
    mode: StrictStr | None = None
    target: Words = []
    needs: Words = []
    objects_not: Words = []
    modifier: Words = []
    reciprocal: StrictBool = False
    complement: StrictBool = False
    civil: StrictBool = False
    intransitive: StrictBool = False
    passive: StrictBool = False


class FigureWords(_Strict):
    verbs: Words
    nouns: Words
    intransitive: Words = []  # verbs whose subject is what is counted ("died")


class Control(_Strict):
    intent: Words
    plan: Words
    threat: Words
    refuse: Words
    ask: Words
    aspect: Words
    hypothetical: Words


class EventConfidence(_Strict):
    weights: dict[StrictStr, Number]
    calibration: list[tuple[Number, Number]]  # (score edge, calibrated confidence), rising
    min_confidence: Number


class EventTriggers(_Strict):
    frames: dict[StrictStr, Words]
    verbs: dict[StrictStr, TriggerSense | list[TriggerSense]]
    nouns: dict[StrictStr, TriggerSense | list[TriggerSense]]
    harm_verbs: Words
    harm_predicates: Words
    accident_nouns: Words
    armed_means: Words
    attack_story: Words
    light_verbs: Words
    control: Control
    place_target_types: Words
    speech_verbs: Words
    obligation_modals: Words
    participation_verbs: Words
    occurrence_verbs: Words
    affecting_verbs: Words
    frame_nouns: Words
    background_preps: Words
    context_preps: Words
    performative_verbs: Words
    content_nouns: Words
    hypothetical_nouns: Words
    hypothetical_adjectives: Words
    hypothetical_modals: Words
    future_modals: Words
    conditional_modals: Words
    figures: dict[StrictStr, FigureWords]
    instrument_modes: dict[StrictStr, Words]


class Incidents(_Strict):
    window_days: StrictInt
    max_span_days: StrictInt
    about_tolerance: Number
    compatible_types: list[tuple[StrictStr, StrictStr]]
    symmetric_types: Words
    pronouns: Words


class Lookback(_Strict):
    past_phrases: Words
    not_past_phrases: Words
    averted_words: Words
    call_words: Words
    asking_verbs: Words
    earlier_phrases: Words
    dated_by_phrases: Words
    earlier_words: Words
    nationwide_phrases: Words
    sequel_openings: Words
    plan_words: Words
    progressive_plan_types: Words
    running_total_phrases: Words
    supporter_phrases: Words
    own_organs: Words


class Linking(_Strict):
    window_days: StrictInt
    max_span_days: StrictInt
    threshold: Number
    max_members: StrictInt
    postings: StrictInt
    rare_words: StrictInt
    min_lead_terms: StrictInt
    bias: Number
    weights: dict[StrictStr, Number]


class OrganizationWords(_Strict):
    legal_suffixes: Words
    kind_nouns: Words
    member_nouns: Words
    name_heads: Words


class PloverType(_Strict):
    quad: Literal[
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"
    ]
    intensity: Number
    modes: Words
    mode_intensity: dict[StrictStr, Number] = {}


class Sectors(_Strict):
    generic_heads: Words
    sectors: dict[StrictStr, Words]


class Tension(_Strict):
    half_life_days: StrictInt
    count_modalities: Words


class TimeLexicon(_Strict):
    months: dict[StrictStr, StrictInt]
    weekdays: dict[StrictStr, StrictInt]
    numbers: dict[StrictStr, StrictInt | StrictStr]  # "X": an unspecified count
    ordinals: dict[StrictStr, StrictInt]
    units: dict[StrictStr, tuple[StrictStr, StrictBool]]
    parts_of_day: dict[StrictStr, StrictStr]
    seasons: dict[StrictStr, StrictStr]
    references: dict[StrictStr, StrictStr]
    sets: dict[StrictStr, StrictStr]
    holidays: dict[StrictStr, tuple[StrictInt, StrictInt]]
    days: dict[StrictStr, StrictInt]
    future_verbs: frozenset[StrictStr]
    future_raisers: frozenset[StrictStr]
    modifiers: Words
    qualifiers: Words
    relatives: Words
    duration_relatives: Words
    time_zones: Words


class Titles(_Strict):
    titles: dict[StrictStr, Words | None]
    portfolios: dict[StrictStr, Words]


class Units(_Strict):
    scale_words: dict[StrictStr, StrictInt]
    scale_suffixes: dict[StrictStr, StrictInt]
    vague_numbers: dict[StrictStr, StrictInt]
    vague_qualifier: StrictStr
    vague_before: Words
    qualifiers_before: dict[StrictStr, StrictStr]
    qualifiers_after: dict[StrictStr, StrictStr]
    currency_symbols: dict[StrictStr, StrictStr]
    currency_nouns: dict[StrictStr, StrictStr]
    count_nouns: dict[StrictStr, StrictStr]
    default_casualty_noun: StrictStr
    casualty_verbs: dict[StrictStr, StrictStr]
    intransitive_casualty_verbs: Words
    casualty_adjectives: dict[StrictStr, StrictStr]
    toll_nouns: dict[StrictStr, StrictStr]
    time_nouns: Words
    skip_nouns: Words
    referential_before: Words
    skip_before: Words


class PronounCases(_Strict):
    subject: Words
    object: Words
    possessive: Words
    reflexive: Words


class Vocabulary(_Strict):
    pronouns: dict[StrictStr, PronounCases]
    subject_deps: Words
    locative_prepositions: Words
    directional_prepositions: Words
    cardinals: dict[StrictStr, StrictInt]


class CameoRoots(_Strict):
    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, CameoRoot]


class Plover(_Strict):
    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, PloverType]


class PloverOldNames(_Strict):
    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, StrictStr | None]


YAML_SCHEMAS: dict[str, type[BaseModel]] = {
    "attribution.yaml": Attribution,
    "cameo_roots.yaml": CameoRoots,
    "contests.yaml": Contests,
    "event_confidence.yaml": EventConfidence,
    "event_triggers.yaml": EventTriggers,
    "incidents.yaml": Incidents,
    "linking.yaml": Linking,
    "lookback.yaml": Lookback,
    "organization_words.yaml": OrganizationWords,
    "plover.yaml": Plover,
    "plover_0_5_map.yaml": PloverOldNames,
    "sectors.yaml": Sectors,
    "tension.yaml": Tension,
    "time_lexicon.yaml": TimeLexicon,
    "titles.yaml": Titles,
    "units.yaml": Units,
    "vocabulary.yaml": Vocabulary,
}


# --- CSV files: one model per row, and the column that must be unique -----------------


class CountryRow(_Strict):
    iso3: StrictStr
    iso2: StrictStr
    name: StrictStr
    aliases: StrictStr
    demonyms: StrictStr
    lat: StrictStr
    lon: StrictStr
    geonameid: StrictStr


class FirstNameRow(_Strict):
    name: StrictStr
    gender: Literal["m", "f"]


class OrganizationRow(_Strict):
    name: StrictStr
    aliases: StrictStr
    sector: StrictStr
    country: StrictStr


class RegionRow(_Strict):
    id: StrictStr
    name: StrictStr
    aliases: StrictStr
    feature: Literal["region", "landmark"]
    country: StrictStr
    lat: StrictStr
    lon: StrictStr


class TownRow(_Strict):
    id: StrictStr
    name: StrictStr
    aliases: StrictStr
    country: StrictStr
    admin: StrictStr
    lat: StrictStr
    lon: StrictStr


CSV_SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "countries.csv": (CountryRow, "iso3"),
    "first_names.csv": (FirstNameRow, "name"),
    "organizations.csv": (OrganizationRow, "name"),
    "regions.csv": (RegionRow, "id"),
    "towns.csv": (TownRow, "id"),
}
