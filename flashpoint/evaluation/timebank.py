"""TimeBank/AQUAINT (TempEval-3 TBAQ-cleaned): time expressions and their values.

Reads every ``.tml`` file under the data folder (recursively), takes the text
inside ``<TEXT>`` with its TIMEX3 tags as gold, and the document creation time
(the TIMEX3 with ``functionInDocument="CREATION_TIME"``) as the publication
date. Scores, TempEval-3 style:

- ``relaxed_*``: any character overlap counts as a match (P and R counted apart);
- ``strict_*``: the exact extent;
- ``value_accuracy``: the share of relaxed-matched gold expressions whose value
  is exactly the gold value; ``type_accuracy`` likewise for the type;
- ``value_*``: a prediction counts only if it overlaps a gold expression AND has
  the same value (P = correct/predicted, R = correct/gold).

``baseline=True`` scores ``dateparser.search.search_dates`` (relative base = the
creation time) instead, with values written at the grain dateparser reports.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.config import Settings
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.metrics import Counts, prf
from flashpoint.registry import evaluation


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[Timex, ...]


def _walk(elem: ET.Element, parts: list[str], found: list[Timex]) -> None:
    """Append ``elem``'s text to ``parts``, recording TIMEX3 spans as they pass."""
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        start = sum(map(len, parts))
        _walk(child, parts, found)
        if child.tag == "TIMEX3":
            end = sum(map(len, parts))
            found.append(
                Timex(start, end, child.get("type", "DATE").lower(), child.get("value") or None)
            )
        if child.tail:
            parts.append(child.tail)


def read_tml(path: Path) -> TimeMLDoc:
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = dt.date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                dct = None
            break
    body = root.find("TEXT")
    parts: list[str] = []
    found: list[Timex] = []
    if body is not None:
        _walk(body, parts, found)
    return TimeMLDoc(path.stem, "".join(parts), dct, tuple(found))


def documents(data_dir: Path, limit: int | None = None) -> Iterator[TimeMLDoc]:
    """The TimeML documents under ``data_dir``, in a fixed (sorted) order."""
    paths = sorted(data_dir.rglob("*.tml"))
    if not paths:
        raise EvalDataMissing(path=str(data_dir))
    for path in paths[:limit] if limit is not None else paths:
        yield read_tml(path)


# --- predictions ------------------------------------------------------------------


def _predict_flashpoint(docs: list[TimeMLDoc]) -> Iterator[list[Timex]]:
    from flashpoint.pipeline import extract_many

    settings = Settings(extractors=("times",), check_language=False)
    reports = extract_many([d.text for d in docs], [d.dct for d in docs], settings=settings)
    for report in reports:
        yield [Timex(t.start, t.end, t.type, t.value) for t in report.times]


def _dateparser_value(when: dt.datetime, period: str | None) -> tuple[str, str]:
    if period == "year":
        return "date", f"{when.year}"
    if period == "month":
        return "date", f"{when.year}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return "date", f"{year}-W{week:02d}"
    if period == "time":
        return "time", when.strftime("%Y-%m-%dT%H:%M")
    return "date", when.date().isoformat()


def _predict_dateparser(docs: list[TimeMLDoc]) -> Iterator[list[Timex]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    for doc in docs:
        base = dt.datetime.combine(doc.dct or dt.date.today(), dt.time())
        settings: dict[str, Any] = {"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        out: list[Timex] = []
        cursor = 0
        for phrase, when in found:
            start = doc.text.find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            period = parser.get_date_data(phrase).period
            kind, value = _dateparser_value(when, period)
            out.append(Timex(start, cursor, kind, value))
        yield out


# --- scoring ----------------------------------------------------------------------


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    gold_hit: int = 0
    predicted_hit: int = 0
    value_right: int = 0
    type_right: int = 0
    strict: Counts | None = None

    def add(self, gold: list[Timex], predicted: list[Timex]) -> None:
        strict = self.strict if self.strict is not None else Counts()
        self.strict = strict
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.predicted_hit += sum(any(_overlap(p, g) > 0 for g in gold) for p in predicted)
        exact = {(g.start, g.end) for g in gold}
        hits = sum((p.start, p.end) in exact for p in predicted)
        strict.add(Counts(tp=hits, fp=len(predicted) - hits, fn=len(gold) - hits))
        for g in gold:
            best = max(predicted, key=lambda p: _overlap(p, g), default=None)
            if best is None or _overlap(best, g) <= 0:
                continue
            self.gold_hit += 1
            self.value_right += best.value == g.value
            self.type_right += best.type == g.type

    def metrics(self) -> dict[str, float | int]:
        p, r, f = prf(self.predicted_hit, self.predicted, self.gold_hit, self.gold)
        vp, vr, vf = prf(self.value_right, self.predicted, self.value_right, self.gold)
        strict = self.strict or Counts()
        return {
            "relaxed_precision": p,
            "relaxed_recall": r,
            "relaxed_f1": f,
            "strict_precision": strict.precision,
            "strict_recall": strict.recall,
            "strict_f1": strict.f1,
            "value_accuracy": self.value_right / self.gold_hit if self.gold_hit else 0.0,
            "type_accuracy": self.type_right / self.gold_hit if self.gold_hit else 0.0,
            "value_precision": vp,
            "value_recall": vr,
            "value_f1": vf,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.gold_hit,
        }


@evaluation(
    "timebank",
    split="TBAQ-cleaned (TimeBank + AQUAINT, 256 documents: TempEval-3 training data)",
    summary="time expressions: extents (relaxed, strict) and TIMEX3 values",
)
def evaluate(
    data_dir: Path, limit: int | None = None, baseline: bool = False
) -> dict[str, float | int]:
    """Score the ``times`` extractor (or dateparser) on the TimeML files in ``data_dir``."""
    docs = list(documents(data_dir, limit))
    predict = _predict_dateparser if baseline else _predict_flashpoint
    tally = Tally()
    for doc, predicted in zip(docs, predict(docs), strict=True):
        tally.add(list(doc.timexes), predicted)
    return {"documents": len(docs), **tally.metrics()}
