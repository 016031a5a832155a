"""CASE 2021 task 2: ACLED-style event subtypes of real news snippets.

Data (emerging-welfare/case-2021-shared-task, ``task2/test_dataset``):
``dev.tsv`` with columns ``id``, ``EventSnippet`` and ``SubType``. Each snippet
is extracted on its own, without a publication date.

Subtypes are grouped as issue 8 defines (``GROUPS``); a snippet of a group is
*found* when one of its events (any modality but negated, background or not) has one of the
group's PLOVER types. For ``disasters`` the test is the reverse: the snippet
must produce no ASSAULT, PROTEST or COERCE. Subtypes outside the groups
(territorial changes, weapons seizures, organized crime, ...) are not scored.
Where the issue is silent we chose: abductions and sexual violence are
violence (ASSAULT, or COERCE for an abduction), riots (``MOB_VIOL``) and
violent demonstrations are protests (PROTEST, or ASSAULT for the violence),
and force against protesters is a protest event (PROTEST, ASSAULT or COERCE).

Two groups are mapped through the CAMEO-to-PLOVER table
(``../shared/eval/plover/CAMEO2PLOVER-2021.txt``), not only by the verbal/
cooperative types issue 8 first named, because the snippets are mostly acts that
table codes otherwise:

* ``diplomacy`` (DIPLO) accepts the verbal types and SANCTION: most snippets are
  expulsions of diplomats, broken ties and sanctions, CAMEO 16 "reduce relations"
  (161, 166 -> SANCTION);
* ``agreements`` (ACLED's Agreement: peace deals, ceasefires, prisoner exchanges
  and releases, surrenders) accepts AGREE, COOPERATE, SUPPORT (CAMEO 057 "sign
  formal agreement") and RETREAT in the modes ``ceasefire`` (0871), ``release``
  (0841) and ``disarm`` (0874 "retreat or surrender militarily"); not RETREAT's
  ``withdraw`` or ``resign``.

Metrics: ``<group>`` is the share found, ``<group>_n`` the snippet count,
``macro`` the mean over groups; ``diplomacy_verbal_only``,
``agreements_agree_cooperate`` and ``macro_first_mapping`` are the same shares with
issue 8's first mapping (verbal types only; AGREE or COOPERATE only), reported
beside; ``baseline_<group>`` and ``baseline_macro`` come from a keyword match on
the snippet.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from flashpoint.config import Settings
from flashpoint.errors import EvalDataMissing
from flashpoint.models import Report
from flashpoint.pipeline import extract_many
from flashpoint.registry import evaluation

MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE"})
VERBAL = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
)

# group -> (subtypes, accepted PLOVER types per subtype default)
GROUPS: dict[str, dict[str, frozenset[str]]] = {
    "violence": {
        "AIR_STRIKE": frozenset({"ASSAULT"}),
        "ARMED_CLASH": frozenset({"ASSAULT"}),
        "ART_MISS_ATTACK": frozenset({"ASSAULT"}),
        "ATTACK": frozenset({"ASSAULT"}),
        "CHEM_WEAP": frozenset({"ASSAULT"}),
        "GRENADE": frozenset({"ASSAULT"}),
        "REM_EXPLOS": frozenset({"ASSAULT"}),
        "SUIC_BOMB": frozenset({"ASSAULT"}),
        "SEX_VIOL": frozenset({"ASSAULT"}),
        "ABDUCT_DISSAP": frozenset({"ASSAULT", "COERCE"}),
    },
    "protests": {
        "PEACE_PROTEST": frozenset({"PROTEST"}),
        "PROTEST_WITH_INTER": frozenset({"PROTEST"}),
        "VIOL_DEMONSTR": frozenset({"PROTEST", "ASSAULT"}),
        "MOB_VIOL": frozenset({"PROTEST", "ASSAULT"}),
        "FORCE_AGAINST_PROTEST": frozenset({"PROTEST", "ASSAULT", "COERCE"}),
    },
    "arrests": {"ARREST": frozenset({"COERCE"})},
    "agreements": {
        "AGREEMENT": frozenset(
            {
                "AGREE",
                "COOPERATE",
                "SUPPORT",
                "RETREAT:ceasefire",
                "RETREAT:release",
                "RETREAT:disarm",
            }
        )
    },
    "diplomacy": {"DIPLO": VERBAL | {"SANCTION"}},
    "disasters": {"NATURAL_DISASTER": frozenset(), "MAN_MADE_DISASTER": frozenset()},
}
SUBTYPE_GROUP = {sub: group for group, subs in GROUPS.items() for sub in subs}
# issue 8's first mapping for the two groups above, reported beside
FIRST_MAPPING = {"AGREEMENT": frozenset({"AGREE", "COOPERATE"}), "DIPLO": VERBAL}

KEYWORDS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("attack", "kill", "bomb", "strike", "shell", "clash", "explo", "shot", "fire"),
    "PROTEST": ("protest", "demonstrat", "rally", "march", "riot"),
    "COERCE": ("arrest", "detain", "custody", "abduct", "kidnap"),
    "AGREE": ("agree", "accord", "deal", "treaty", "ceasefire"),
    "CONSULT": ("met ", "meet", "talks", "visit", "said"),
}


def load(data_dir: Path, limit: int | None = None) -> list[tuple[str, str]]:
    path = data_dir / "dev.tsv"
    if not path.is_file():
        raise EvalDataMissing(path=str(data_dir), detail=" (no dev.tsv)")
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            snippet, subtype = (row.get("EventSnippet") or "").strip(), row.get("SubType", "")
            if snippet and subtype in SUBTYPE_GROUP:
                rows.append((snippet, subtype))
                if limit and len(rows) >= limit:
                    break
    return rows


def hit(subtype: str, types: set[str], first: bool = False) -> bool:
    group = SUBTYPE_GROUP[subtype]
    if group == "disasters":
        return not types & MATERIAL
    accepted = FIRST_MAPPING.get(subtype) if first else None
    return bool(types & (accepted or GROUPS[group][subtype]))


def event_types(report: Report) -> set[str]:
    """Each event's type, and "TYPE:mode" where it has a mode. Background events
    count: a snippet's event told as a recap ("struck a hospital last week") is still
    the event ACLED coded; background means not new in its report, not no event."""
    out: set[str] = set()
    for e in report.events:
        if e.modality != "negated":
            out.add(e.type)
            if e.mode:
                out.add(f"{e.type}:{e.mode}")
    return out


def keyword_types(text: str) -> set[str]:
    lower = text.lower()
    return {t for t, words in KEYWORDS.items() if any(w in lower for w in words)}


def _shares(rows: list[tuple[str, str]], found: list[set[str]], prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    shares = []
    for group in GROUPS:
        picked = [
            hit(sub, types)
            for (_, sub), types in zip(rows, found, strict=True)
            if SUBTYPE_GROUP[sub] == group
        ]
        share = sum(picked) / len(picked) if picked else 0.0
        if picked:
            shares.append(share)
        out[f"{prefix}{group}"] = share
        if not prefix:
            out[f"{group}_n"] = len(picked)
    out[f"{prefix}macro"] = sum(shares) / len(shares) if shares else 0.0
    # issue 8's first mapping for diplomacy and agreements, reported beside
    first = dict(zip(GROUPS, shares, strict=False)) if len(shares) == len(GROUPS) else {}
    for group, sub, key in (
        ("diplomacy", "DIPLO", "diplomacy_verbal_only"),
        ("agreements", "AGREEMENT", "agreements_agree_cooperate"),
    ):
        picked = [hit(s, t, first=True) for (_, s), t in zip(rows, found, strict=True) if s == sub]
        share = sum(picked) / len(picked) if picked else 0.0
        out[f"{prefix}{key}"] = share
        if first:
            first[group] = share
    if first:
        out[f"{prefix}macro_first_mapping"] = sum(first.values()) / len(first)
    return out


@evaluation(
    "case2021",
    split="dev.tsv (510 snippets, half of the CASE 2021 task 2 set)",
    summary="share of snippets of each ACLED-style group with an event of a matching type",
)
def evaluate(data_dir: Path, limit: int | None = None, baseline: bool = False) -> dict[str, Any]:
    rows = load(data_dir, limit)
    if not rows:
        raise EvalDataMissing(path=str(data_dir), detail=" (no snippets)")
    plain = [keyword_types(text) for text, _ in rows]
    metrics: dict[str, Any] = {"snippets": len(rows)}
    if baseline:
        return metrics | _shares(rows, plain, "")
    settings = Settings(check_language=False)
    found = [event_types(r) for r in extract_many((t for t, _ in rows), settings=settings)]
    return metrics | _shares(rows, found, "") | _shares(rows, plain, "baseline_")
