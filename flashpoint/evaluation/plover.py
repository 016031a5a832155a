"""PLOVER gold records: event type, source and target actors, and (type, source, target).

Data: ``PLOVER_GSR_CAMEO.txt`` from openeventdata/PLOVER, a JSON list of 322
one-sentence records edited from the CAMEO manual, coded with PLOVER 0.5b1
event names; data/plover_0_5_map.yaml maps them to the v2 types (DOCUMENT
records are skipped). Each record's ``text`` is extracted on its own, with the
record's ``date`` as publication date.

Metrics (``limit`` takes the first N records):

* ``type_accuracy``: over records where at least one event is produced, the
  share whose best-matching event (same type if any, then best actor overlap)
  has the gold type; ``type_accuracy_all`` counts a record with no event as
  wrong; ``coverage`` is the share of records with an event.
* ``source_text``/``target_text``: among records with an event and a gold
  source (target), the share where the best event's source (target) shares a
  content word with a gold actor text; ``source_country``/``target_country``:
  the same on ISO3 codes (only gold codes that are countries count).
* ``triple_precision/recall/f1``: a predicted event is correct when its type is
  the gold type and its source and target each overlap the gold ones (or both
  are empty). Precision counts every predicted event, so over-production costs;
  each gold record can be matched once.

``baseline=True`` scores the rule a spaCy user would write first: the root verb
looked up in the trigger lexicon, its subject as source and object as target.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.config import Settings
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.metrics import prf
from flashpoint.extractors.events.lexicon import lexicon, old_names
from flashpoint.pipeline import extract_many
from flashpoint.registry import evaluation

GOLD_FILE = "PLOVER_GSR_CAMEO.txt"
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "by", "with", "from"}
    | {"its", "his", "her", "their", "s"}
)


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    code: str | None


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    text: str
    date: str | None
    type: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    type: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]


def load_gold(data_dir: Path, limit: int | None = None) -> list[Gold]:
    path = data_dir / GOLD_FILE
    if not path.is_file():
        raise EvalDataMissing(path=str(data_dir), detail=f" (no {GOLD_FILE})")
    records = json.loads(path.read_text(encoding="utf-8"))
    names = old_names()
    out = []
    for rec in records:
        kind = names.get(str(rec.get("event", "")))
        if kind is None or not rec.get("text"):
            continue
        out.append(
            Gold(
                id=rec["id"],
                text=rec["text"],
                date=rec.get("date"),
                type=kind,
                source=_actors(rec.get("source")),
                target=_actors(rec.get("target")),
            )
        )
    return out[:limit] if limit else out


def _actors(raw: Any) -> tuple[Actor, ...]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    return tuple(
        Actor(text=str(a.get("actorText") or a.get("agentText") or ""), code=a.get("code"))
        for a in items
    )


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def overlaps(pred: tuple[Actor, ...], gold: tuple[Actor, ...]) -> bool:
    """Some predicted actor shares a content word with some gold actor (or both empty)."""
    if not pred and not gold:
        return True
    gold_words = set().union(*(words(a.text) for a in gold)) if gold else set()
    return any(words(a.text) & gold_words for a in pred)


def same_country(pred: tuple[Actor, ...], gold: tuple[Actor, ...]) -> bool:
    codes = {a.code for a in gold if a.code and len(a.code) == 3 and a.code.isalpha()}
    return bool(codes & {a.code for a in pred if a.code})


def predict(golds: list[Gold]) -> list[list[Predicted]]:
    settings = Settings(check_language=False)
    out = []
    for report in extract_many(
        (g.text for g in golds), published=(g.date for g in golds), settings=settings
    ):
        out.append(
            [
                Predicted(
                    type=e.type,
                    source=tuple(Actor(p.name, p.country) for p in e.source),
                    target=tuple(Actor(p.name, p.country) for p in e.target),
                )
                for e in report.events
            ]
        )
    return out


def predict_baseline(golds: list[Gold]) -> list[list[Predicted]]:
    from flashpoint.nlp import load

    nlp = load(Settings().model)
    verbs = lexicon().verbs
    out: list[list[Predicted]] = []
    for doc in nlp.pipe(g.text for g in golds):
        found = []
        for sent in doc.sents:
            root = sent.root
            senses = verbs.get(root.lemma_.lower())
            if not senses:
                continue
            subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            obj = [c for c in root.children if c.dep_ == "dobj"]
            found.append(
                Predicted(
                    type=senses[0].type,
                    source=tuple(Actor(_subtree(t), None) for t in subj),
                    target=tuple(Actor(_subtree(t), None) for t in obj),
                )
            )
        out.append(found)
    return out


def _subtree(tok: Any) -> str:
    return " ".join(t.text for t in tok.subtree)


def best(events: list[Predicted], gold: Gold) -> Predicted:
    def score(e: Predicted) -> tuple[int, int, int]:
        return (
            int(e.type == gold.type),
            int(bool(gold.source) and overlaps(e.source, gold.source)),
            int(bool(gold.target) and overlaps(e.target, gold.target)),
        )

    return max(events, key=score)


@evaluation(
    "plover",
    split="PLOVER_GSR_CAMEO: all 322 records (no held-out split exists)",
    summary="PLOVER event type, source, target",
)
def evaluate(data_dir: Path, limit: int | None = None, baseline: bool = False) -> dict[str, Any]:
    golds = load_gold(data_dir, limit)
    if not golds:
        raise EvalDataMissing(path=str(data_dir), detail=" (no event records)")
    predictions = predict_baseline(golds) if baseline else predict(golds)
    covered = typed = 0
    src_n = src_text = src_country = tgt_n = tgt_text = tgt_country = 0
    predicted = matched = 0
    for gold, events in zip(golds, predictions, strict=True):
        predicted += len(events)
        if not events:
            continue
        covered += 1
        top = best(events, gold)
        typed += top.type == gold.type
        if gold.source:
            src_n += 1
            src_text += overlaps(top.source, gold.source)
            src_country += same_country(top.source, gold.source)
        if gold.target:
            tgt_n += 1
            tgt_text += overlaps(top.target, gold.target)
            tgt_country += same_country(top.target, gold.target)
        matched += any(
            e.type == gold.type
            and overlaps(e.source, gold.source)
            and overlaps(e.target, gold.target)
            for e in events
        )
    p, r, f = prf(matched, predicted, matched, len(golds))
    return {
        "records": len(golds),
        "predicted_events": predicted,
        "coverage": covered / len(golds),
        "type_accuracy": typed / covered if covered else 0.0,
        "type_accuracy_all": typed / len(golds),
        "source_text": src_text / src_n if src_n else 0.0,
        "source_country": src_country / src_n if src_n else 0.0,
        "target_text": tgt_text / tgt_n if tgt_n else 0.0,
        "target_country": tgt_country / tgt_n if tgt_n else 0.0,
        "triple_precision": p,
        "triple_recall": r,
        "triple_f1": f,
    }
