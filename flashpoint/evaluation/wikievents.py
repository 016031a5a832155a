"""WikiEvents: events, and the place of attacks, in real news (KAIROS ontology).

Data (raspberryice/gen-arg, ``data/wikievents``): ``dev.jsonl``, one document a
line, with its sentences (tokens with character offsets), entity mentions and
event mentions (trigger, type, arguments). The published ``text`` field runs
headlines and paragraphs together; the token offsets refer to the text with one
separator between sentences, so the document is rebuilt from its sentences at
those offsets (a line break after each sentence) and extracted once.

KAIROS types map to PLOVER as issue 8 defines (``TYPE_MAP``). Metrics:

* ``precision``: over predicted ASSAULT, PROTEST and COERCE events (any modality
  but negated, not background), the share whose sentence holds a gold event of a
  compatible type, in its trigger's sentence (as issue 8 defines it: over events);
* ``mention_precision``: the same over the later mentions folded into an event
  (``Event.mentions``: "the blast" after "a bomb exploded"), one per sentence.
  WikiEvents annotates every mention of an event, so a sentence that mentions a
  coded event again is found for recall and places below;
* ``sentence_recall``: over sentences holding a gold event whose types include
  ASSAULT, PROTEST or COERCE, the share where a compatible event is predicted;
* ``place_accuracy``: over gold attacks (Conflict.Attack, Life.Die, Life.Injure)
  with a Place argument that are matched by a predicted ASSAULT in their
  sentence, the share where that event's ``location`` or its named ``site`` is
  the gold place (its mention overlaps the gold place, or the names share a word);
* ``verbal_sentence_recall``: the same recall for the other mapped types
  (REQUEST, CONSULT, THREATEN), reported but not a target.

Every metric has a ``baseline_`` twin: a keyword match on the sentence (and, for
places, the first gazetteer toponym of the sentence), the filter a user would
write first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.config import Settings
from flashpoint.errors import EvalDataMissing
from flashpoint.models import Report
from flashpoint.pipeline import extract_many
from flashpoint.registry import evaluation

# KAIROS type prefix -> the PLOVER types it is compatible with.
TYPE_MAP: dict[str, frozenset[str]] = {
    "Conflict.Attack": frozenset({"ASSAULT"}),
    "Life.Die": frozenset({"ASSAULT"}),
    "Life.Injure": frozenset({"ASSAULT"}),
    "Conflict.Demonstrate": frozenset({"PROTEST"}),
    "Justice.ArrestJailDetain": frozenset({"COERCE"}),
    "Contact.ThreatenCoerce": frozenset({"THREATEN", "COERCE"}),
    "Contact.RequestCommand": frozenset({"REQUEST"}),
    "Contact.Contact.Meet": frozenset({"CONSULT"}),
}
MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE"})
VERBAL = frozenset({"REQUEST", "CONSULT", "THREATEN"})
ATTACKS = ("Conflict.Attack", "Life.Die", "Life.Injure")
_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset({"the", "of", "city", "town", "province", "village", "area", "in", "near"})

# Baseline keywords (lower-case substrings of a sentence).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("attack", "kill", "bomb", "explo", "shot", "shoot", "wound", "injur", "dead"),
    "PROTEST": ("protest", "demonstrat", "rally", "march"),
    "COERCE": ("arrest", "detain", "jail", "custody"),
}


@dataclass(slots=True)
class GoldEvent:
    types: frozenset[str]
    kairos: str
    place: tuple[int, int, str] | None  # char span and text of the Place argument


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    sentences: list[tuple[int, int]]
    events: dict[int, list[GoldEvent]] = field(default_factory=dict)  # sentence -> events


def mapped(kairos: str) -> frozenset[str]:
    for prefix, types in TYPE_MAP.items():
        if kairos == prefix or kairos.startswith(prefix + "."):
            return types
    return frozenset()


def _rebuild(sentences: list[Any]) -> tuple[str, list[tuple[int, int]]]:
    end = max(s[0][-1][2] for s in sentences if s[0])
    buf = [" "] * (end + 1)
    spans = []
    for tokens, text in sentences:
        if not tokens:
            continue
        start = tokens[0][1]
        buf[start : start + len(text)] = text
        stop = start + len(text)
        if stop < len(buf) and buf[stop] == " ":
            buf[stop] = "\n"
        spans.append((start, stop))
    return "".join(buf[:end]), spans


def load(data_dir: Path, limit: int | None = None) -> list[GoldDoc]:
    path = data_dir / "dev.jsonl"
    if not path.is_file():
        raise EvalDataMissing(path=str(data_dir), detail=" (no dev.jsonl)")
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text, spans = _rebuild(row["sentences"])
            tokens = [t for s in row["sentences"] for t in s[0]]
            entities = {e["id"]: e for e in row["entity_mentions"]}
            doc = GoldDoc(id=row["doc_id"], text=text, sentences=spans)
            for ev in row["event_mentions"]:
                types = mapped(ev["event_type"])
                if not types:
                    continue
                place = None
                for arg in ev["arguments"]:
                    ent = entities.get(arg["entity_id"])
                    if arg["role"] == "Place" and ent is not None:
                        first, last = tokens[ent["start"]], tokens[ent["end"] - 1]
                        place = (first[1], last[2], ent["text"])
                        break
                sent = ev["trigger"]["sent_idx"]
                doc.events.setdefault(sent, []).append(GoldEvent(types, ev["event_type"], place))
            docs.append(doc)
            if limit and len(docs) >= limit:
                break
    return docs


def _sentence_of(doc: GoldDoc, char: int) -> int | None:
    for i, (start, end) in enumerate(doc.sentences):
        if start <= char < end + 1:
            return i
    return None


def _sentences(doc: GoldDoc, event: Any) -> list[int]:
    """The sentences an event is predicted in: its trigger's, then its later mentions'
    ("the blast" three sentences on), each once."""
    out: list[int] = []
    for start in [event.trigger.start] + [m.start for m in event.mentions]:
        sent = _sentence_of(doc, start)
        if sent is not None and sent not in out:
            out.append(sent)
    return out


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - _STOP


def _place_right(report: Report, where: Any, gold: tuple[int, int, str]) -> bool:
    """``where`` is (Place.id, site Span) of a prediction: right when the place or the
    named site is the gold place (overlapping mention, or a shared word)."""
    location, site = where
    start, end, text = gold
    if site is not None and (
        (site.start < end and start < site.end) or _words(site.text) & _words(text)
    ):
        return True
    place = next((p for p in report.places if p.id == location), None)
    if place is None:
        return False
    if any(m.start < end and start < m.end for m in place.mentions):
        return True
    return bool(_words(place.name) & _words(text))


@dataclass(slots=True)
class Tally:
    predicted: int = 0
    correct: int = 0
    gold_sents: int = 0
    found_sents: int = 0
    verbal_sents: int = 0
    verbal_found: int = 0
    places: int = 0
    places_right: int = 0
    mentions: int = 0
    mentions_right: int = 0

    def metrics(self, prefix: str = "") -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            f"{prefix}predicted": self.predicted,
            f"{prefix}precision": ratio(self.correct, self.predicted),
            f"{prefix}gold_sentences": self.gold_sents,
            f"{prefix}sentence_recall": ratio(self.found_sents, self.gold_sents),
            f"{prefix}verbal_sentence_recall": ratio(self.verbal_found, self.verbal_sents),
            f"{prefix}gold_places": self.places,
            f"{prefix}place_accuracy": ratio(self.places_right, self.places),
            f"{prefix}mentions": self.mentions,
            f"{prefix}mention_precision": ratio(self.mentions_right, self.mentions),
        }


def _material_hits(doc: GoldDoc, by_sentence: dict[int, list[tuple[str, Any]]]) -> tuple[int, int]:
    """How many ASSAULT/PROTEST/COERCE types ``by_sentence`` codes, and how many of them
    a gold event of the same sentence is compatible with."""
    predicted = correct = 0
    for sent, preds in by_sentence.items():
        gold_types = set().union(*(g.types for g in doc.events.get(sent, [])))
        for type_, _ in preds:
            if type_ in MATERIAL:
                predicted += 1
                correct += type_ in gold_types
    return predicted, correct


def score(
    doc: GoldDoc,
    found: dict[int, list[tuple[str, Any]]],
    tally: Tally,
    place_ok: Any,
    mentioned: dict[int, list[tuple[str, Any]]] | None = None,
) -> None:
    """Add one document: ``found`` maps a sentence to the (type, location) of the
    events coded there, ``mentioned`` to those of the events mentioned again there
    (which count for recall and places, and for ``mention_precision``)."""
    coded, right = _material_hits(doc, found)
    tally.predicted += coded
    tally.correct += right
    mentioned = mentioned or {}
    coded, right = _material_hits(doc, mentioned)
    tally.mentions += coded
    tally.mentions_right += right
    found = {s: found.get(s, []) + mentioned.get(s, []) for s in set(found) | set(mentioned)}
    for sent, golds in doc.events.items():
        types = set().union(*(g.types for g in golds))
        predicted = {t for t, _ in found.get(sent, [])}
        if types & MATERIAL:
            tally.gold_sents += 1
            tally.found_sents += bool(types & MATERIAL & predicted)
        if types & VERBAL:
            tally.verbal_sents += 1
            tally.verbal_found += bool(types & VERBAL & predicted)
        attacks = [g for g in golds if g.place and g.kairos.startswith(ATTACKS)]
        located = [loc for t, loc in found.get(sent, []) if t == "ASSAULT"]
        for gold in attacks if located else []:
            tally.places += 1
            tally.places_right += any(place_ok(loc, gold.place) for loc in located)


def _baseline(doc: GoldDoc, report: Report | None) -> dict[int, list[tuple[str, Any]]]:
    found: dict[int, list[tuple[str, Any]]] = {}
    for i, (start, end) in enumerate(doc.sentences):
        lower = doc.text[start:end].lower()
        toponym = None
        if report is not None:  # the first gazetteer place named in the sentence
            for place in report.places:
                if any(start <= m.start < end for m in place.mentions):
                    toponym = place.id
                    break
        for type_, words in KEYWORDS.items():
            if any(w in lower for w in words):
                found.setdefault(i, []).append((type_, (toponym, None)))
    return found


@evaluation(
    "wikievents",
    split="dev.jsonl (20 documents, 345 event mentions)",
    summary="real-news events: ASSAULT/PROTEST/COERCE precision, sentence recall, attack places",
)
def evaluate(data_dir: Path, limit: int | None = None, baseline: bool = False) -> dict[str, Any]:
    docs = load(data_dir, limit)
    if not docs:
        raise EvalDataMissing(path=str(data_dir), detail=" (no documents)")
    settings = Settings(check_language=False)
    reports = list(extract_many((d.text for d in docs), settings=settings))
    ours, plain = Tally(), Tally()
    for doc, report in zip(docs, reports, strict=True):
        found: dict[int, list[tuple[str, Any]]] = {}
        mentioned: dict[int, list[tuple[str, Any]]] = {}
        for event in report.events:
            if event.modality == "negated" or event.background:
                continue
            for n, sent in enumerate(_sentences(doc, event)):
                (mentioned if n else found).setdefault(sent, []).append(
                    (event.type, (event.location, event.site))
                )

        def place_ok(loc: Any, gold: tuple[int, int, str], report: Report = report) -> bool:
            return _place_right(report, loc, gold)

        score(doc, found, ours, place_ok, mentioned)
        score(doc, _baseline(doc, report), plain, place_ok)
    metrics: dict[str, Any] = {"documents": len(docs)}
    if baseline:
        return metrics | plain.metrics()
    return metrics | ours.metrics() | plain.metrics("baseline_")
