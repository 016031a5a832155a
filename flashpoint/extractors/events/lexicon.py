"""The event lexicon: PLOVER types (plover.yaml) and trigger frames (event_triggers.yaml).

Loaded once per process. This module only reads and types the data files; the
rules that apply them to a parse live in ``frames`` and the rest of the ``events`` package.
Users can point ``FLASHPOINT_EVENT_TRIGGERS`` at their own trigger file (same
layout) to extend or replace the built-in one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from flashpoint.datafiles import load_yaml

CONFLICT_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
COOPERATIVE = frozenset({"AID", "COOPERATE", "SUPPORT", "CONSULT", "AGREE"})


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger word: its PLOVER type and the frame of its arguments."""

    type: str
    mode: str | None = None
    target: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()
    # the sense is another one when the verb's object is one of these ("kill a bill")
    objects_not: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    passive: bool = False
    civil: bool = False
    intransitive: bool = False
    complement: bool = False
    reciprocal: bool = False


@dataclass(frozen=True, slots=True)
class TypeInfo:
    quad: str
    intensity: float
    modes: frozenset[str]
    mode_intensity: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    phrasal: dict[str, dict[str, tuple[Sense, ...]]]  # verb lemma -> particle -> senses
    nouns: dict[str, tuple[Sense, ...]]
    harm_verbs: frozenset[str]  # "the blast shattered": its attack-noun subject happened
    harm_predicates: frozenset[str]  # "hurt in the explosion": so did its "in" object
    accident_nouns: frozenset[str]  # "explosion": an attack only in an attack story
    armed_means: frozenset[str]  # "helicopters", "tanks": stand for a military doer
    attack_story: frozenset[str]  # the words that make a story an attack story
    light_verbs: frozenset[str]
    control: dict[str, str]  # governing verb lemma -> intent|threat|refuse|ask|aspect|...
    speech_verbs: frozenset[str]
    death_verbs: frozenset[str]  # intransitive: the subject is the dead
    performative_verbs: frozenset[str]
    content_nouns: frozenset[str]
    hypothetical_nouns: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    conditional_modals: frozenset[str]
    obligation_modals: frozenset[str]
    participation_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]  # "protests erupted": the subject event happened
    affecting_verbs: frozenset[str]  # "sparked protests": the object event happened
    background_preps: frozenset[str]
    context_preps: frozenset[str]
    place_target_types: frozenset[str]
    frame_nouns: frozenset[str]
    figure_verbs: dict[str, str]  # lemma -> figure kind
    figure_nouns: dict[str, str]
    instruments: tuple[tuple[str, frozenset[str]], ...]  # (mode, weapon lemmas), in order


def _senses(raw: Any, frames: dict[str, tuple[str, ...]]) -> tuple[Sense, ...]:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        kind = item["type"]
        target = item.get("target")
        out.append(
            Sense(
                type=kind,
                mode=item.get("mode"),
                target=tuple(target) if target is not None else frames.get(kind, ()),
                needs=frozenset(item.get("needs", ())),
                objects_not=frozenset(item.get("objects_not", ())),
                modifier=frozenset(item.get("modifier", ())),
                passive=bool(item.get("passive", False)),
                civil=bool(item.get("civil", False)),
                intransitive=bool(item.get("intransitive", False)),
                complement=bool(item.get("complement", False)),
                reciprocal=bool(item.get("reciprocal", False)),
            )
        )
    return tuple(out)


@cache
def lexicon() -> Lexicon:
    """The trigger lexicon (the built-in file, or the one FLASHPOINT_EVENT_TRIGGERS names)."""
    custom = os.environ.get("FLASHPOINT_EVENT_TRIGGERS")
    raw = load_yaml("event_triggers.yaml", override=Path(custom) if custom else None)
    frames = {kind: tuple(roles) for kind, roles in raw["frames"].items()}
    verbs: dict[str, tuple[Sense, ...]] = {}
    phrasal: dict[str, dict[str, tuple[Sense, ...]]] = {}
    for key, value in raw["verbs"].items():
        senses = _senses(value, frames)
        if " " in key:
            verb, particle = key.split(" ", 1)
            phrasal.setdefault(verb, {})[particle] = senses
        else:
            verbs[key] = senses
    control = {verb: role for role, members in raw["control"].items() for verb in members}
    figure_verbs = {
        verb: kind for kind, spec in raw["figures"].items() for verb in spec.get("verbs", ())
    }
    figure_nouns = {
        noun: kind for kind, spec in raw["figures"].items() for noun in spec.get("nouns", ())
    }
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        nouns={key: _senses(value, frames) for key, value in raw["nouns"].items()},
        harm_verbs=frozenset(raw["harm_verbs"]),
        harm_predicates=frozenset(raw["harm_predicates"]),
        accident_nouns=frozenset(raw["accident_nouns"]),
        armed_means=frozenset(raw["armed_means"]),
        attack_story=frozenset(raw["attack_story"]),
        light_verbs=frozenset(raw["light_verbs"]),
        control=control,
        speech_verbs=frozenset(raw["speech_verbs"]),
        death_verbs=frozenset(raw["figures"]["dead"].get("intransitive", ())),
        performative_verbs=frozenset(raw["performative_verbs"]),
        content_nouns=frozenset(raw["content_nouns"]),
        hypothetical_nouns=frozenset(raw["hypothetical_nouns"]),
        hypothetical_adjectives=frozenset(raw["hypothetical_adjectives"]),
        hypothetical_modals=frozenset(raw["hypothetical_modals"]),
        future_modals=frozenset(raw["future_modals"]),
        conditional_modals=frozenset(raw["conditional_modals"]),
        obligation_modals=frozenset(raw["obligation_modals"]),
        participation_verbs=frozenset(raw["participation_verbs"]),
        occurrence_verbs=frozenset(raw["occurrence_verbs"]),
        affecting_verbs=frozenset(raw["affecting_verbs"]),
        background_preps=frozenset(raw["background_preps"]),
        context_preps=frozenset(raw["context_preps"]),
        place_target_types=frozenset(raw["place_target_types"]),
        frame_nouns=frozenset(raw["frame_nouns"]),
        figure_verbs=figure_verbs,
        figure_nouns=figure_nouns,
        instruments=tuple(
            (mode, frozenset(words)) for mode, words in raw["instrument_modes"].items()
        ),
    )


@cache
def plover_types() -> dict[str, TypeInfo]:
    """The 16 PLOVER v2 types with their quad class, intensity and modes."""
    raw = load_yaml("plover.yaml")
    return {
        name: TypeInfo(
            quad=spec["quad"],
            intensity=float(spec["intensity"]),
            modes=frozenset(spec.get("modes", ())),
            mode_intensity={k: float(v) for k, v in spec.get("mode_intensity", {}).items()},
        )
        for name, spec in raw.items()
    }


def intensity(kind: str, mode: str | None) -> float:
    info = plover_types()[kind]
    return info.mode_intensity.get(mode or "", info.intensity)


def valid_mode(kind: str, mode: str | None) -> str | None:
    """``mode`` if PLOVER defines it for ``kind``, else None."""
    return mode if mode and mode in plover_types()[kind].modes else None


@cache
def old_names() -> dict[str, str | None]:
    """PLOVER 0.5b1 event names -> v2 types (None: not an event)."""
    raw: dict[str, str | None] = load_yaml("plover_0_5_map.yaml")
    return raw
